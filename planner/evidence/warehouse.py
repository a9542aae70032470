"""Rules measured where the data lives: the measuring query in the team's SQL dialect (`--sql`), and
the one-row result the engine returned read back into the plan (`--results`)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.errors import UsageError
from planner.evidence.measure import (
    Analysis,
    Engine,
    check_outcomes,
    figure_names,
    figures_sql,
    from_counts,
    prepare,
    query_sha256,
    shown_sample,
    who,
)
from planner.evidence.predicates import DIALECTS, Untranslatable, dialect_of, for_dialect
from planner.evidence.sample import TABLE, sql_string
from planner.plan.model import Plan, SampleInfo
from planner.plan.workspace import Workspace

if TYPE_CHECKING:
    from sqlglot import exp

# Columns the query adds so that its one-row result says what ran, where, and on which day.
META = ("query_sha256", "engine", "source_table", "label_column", "measured_on")
MAX_RESULT_BYTES = 1 << 20  # the one-row result of a few dozen counts; a bigger file is another file
_PART = r'(?:[A-Za-z_][\w$-]*|"[^"\n]+"|`[^`\n]+`)'
_TABLE = re.compile(rf"{_PART}(?:\.{_PART}){{0,2}}")


class ResultsError(UsageError):
    """A results file that is not the one-row answer of this plan's measuring query."""


def table_of(name: str, dialect: str) -> exp.Table:
    """A table name as DIALECT reads it (`project.dataset.table`, at most three parts); nothing else."""
    from sqlglot import exp

    if not _TABLE.fullmatch(name.strip()):
        raise UsageError(
            f"--table {name!r} is not a table name; give one such as `logs`, `analytics.logs` or "
            "`project.dataset.logs` (quote a part with odd characters)"
        )
    return exp.to_table(name.strip(), dialect=dialect)


def query(
    plan: Plan, slug: str, dialect: str, table: str, label: str | None, engine: Engine | None = None
) -> str:
    """The measuring query in DIALECT over TABLE; every predicate checked on its syntax tree first, and
    the rules DIALECT cannot express named with the reason."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ErrorLevel

    dialect = dialect_of(dialect)
    target = table_of(table, dialect)
    prepared = prepare(plan, slug, engine)
    check_outcomes(plan, prepared, engine, label)
    gaps = []
    for item in prepared:
        try:
            for_dialect(item.tree, dialect)
        except Untranslatable as exc:
            gaps.append(f"rule {item.number} (heuristics.rules[{item.number - 1}].when): {exc}")
    if gaps:
        raise UsageError(f"{DIALECTS[dialect]} cannot express what DuckDB measures here: " + "; ".join(gaps))
    canonical = figures_sql(prepared, label)
    meta = [
        f"{sql_string(query_sha256(canonical))} AS query_sha256",
        f"{sql_string(dialect)} AS engine",
        f"{sql_string(target.sql(dialect))} AS source_table",
        f"{sql_string(label) if label else 'CAST(NULL AS VARCHAR)'} AS label_column",
        "CURRENT_DATE AS measured_on",
    ]
    tree = sqlglot.parse_one(figures_sql(prepared, label, meta), read="duckdb")
    for node in list(tree.find_all(exp.Table)):
        if node.name == TABLE and not node.args.get("db"):
            node.replace(target.copy())
    tree = for_dialect(tree, dialect)
    return tree.sql(dialect, pretty=True, unsupported_level=ErrorLevel.RAISE) + "\n"


# ------------------------------------------------------------------------------- reading results


def read_rows(path: Path, shown: str) -> list[dict[str, Any]]:
    """The rows of a results file: CSV (a header row), JSON (an object or a list of objects) or JSON lines."""
    if not path.is_file():
        raise ResultsError(f"no results file {shown}; give the CSV or JSON file the engine wrote")
    if path.stat().st_size > MAX_RESULT_BYTES:
        raise ResultsError(f"{shown} is larger than a one-row result can be; give the file the query wrote")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultsError(f"cannot read {shown}: {exc}; save the result as UTF-8 CSV or JSON") from exc
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data: Any = json.loads(stripped)
        except json.JSONDecodeError:
            try:  # JSON lines (Trino's CLI, `duckdb -json` per row)
                data = [json.loads(line) for line in stripped.splitlines() if line.strip()]
            except json.JSONDecodeError as exc:
                raise ResultsError(
                    f"{shown}:{exc.lineno}: not JSON ({exc.msg}); save the result as CSV or JSON"
                ) from exc
        rows = data if isinstance(data, list) else [data]
        if not all(isinstance(row, dict) for row in rows):
            raise ResultsError(f"{shown}: expected one JSON object per row, with the query's column names")
        return rows
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def _count(value: Any, name: str, shown: str) -> int:
    if value is None or value == "":
        return 0  # SUM over no row is NULL on some engines
    try:
        number = float(value) if isinstance(value, str) else value
        if isinstance(number, bool) or not float(number).is_integer() or number < 0:
            raise ValueError
        return int(number)
    except (TypeError, ValueError):
        raise ResultsError(
            f"{shown}: {name} is {value!r}, not a count; give the file the query wrote"
        ) from None


def _day(value: Any) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return datetime.now(UTC).date()


def read_results(
    plan: Plan, slug: str, path: Path, shown: str
) -> tuple[list[Any], dict[str, Any], SampleInfo]:
    """The plan's rules prepared, the counts and the provenance in a results file, checked against the
    query the plan's rules give today (its sha256 is in the result)."""
    rows = read_rows(path, shown)
    if len(rows) != 1:
        raise ResultsError(
            f"{shown} holds {len(rows)} rows; the measuring query returns exactly one: run the query "
            f"`planner measure {slug} --sql` prints and save its result"
        )
    row = {str(key).strip().lower(): value for key, value in rows[0].items() if key is not None}
    missing = [name for name in META if name not in row]
    if missing:
        raise ResultsError(
            f"{shown} has no column {', '.join(missing)}: it is not the result of the query "
            f"`planner measure {slug} --sql --dialect D --table NAME` prints; run that query and save its result"
        )
    label = row["label_column"] or None
    prepared = prepare(plan, slug)
    canonical = figures_sql(prepared, label)
    expected = query_sha256(canonical)
    found = str(row["query_sha256"]).strip()
    if found != expected:
        raise ResultsError(
            f"{shown} holds figures of another query (sha256 {found[:12]}…; plan {slug}'s rules give "
            f"{expected[:12]}… today): the rules or the label changed since; print the query again with "
            f"`planner measure {slug} --sql --dialect {row['engine']} --table {row['source_table']}` and run it"
        )
    engine = str(row["engine"]).strip().lower()
    if engine not in DIALECTS:
        raise ResultsError(
            f"{shown}: engine {engine!r} is not one planner writes queries for ({', '.join(DIALECTS)})"
        )
    names = figure_names(prepared)
    absent = [name for name in names if name not in row]
    if absent:
        raise ResultsError(
            f"{shown} has no column {', '.join(absent[:5])}; give the whole result of the query"
        )
    values = {name: _count(row[name], name, shown) for name in names}
    total = values["row_count"]
    over = [name for name in names if values[name] > total]
    if over:
        raise ResultsError(
            f"{shown}: {over[0]} is larger than row_count ({total:,}); give the file the query wrote"
        )
    info = SampleInfo(
        rows=total,
        date=_day(row["measured_on"]),
        label=label,
        engine=engine,
        table=str(row["source_table"]),
        query_sha256=expected,
    )
    return prepared, values, info


def results(workspace: Workspace, slug: str, path: Path) -> Analysis:
    """`planner measure SLUG --results FILE`: the figures of a query run where the data lives."""
    plan = workspace.load(slug)
    shown = shown_sample(workspace, path)
    prepared, values, info = read_results(plan, slug, path, shown)
    check_outcomes(plan, prepared, None, info.label)
    info = info.model_copy(update={"by": who(workspace)})
    analysis = from_counts(plan, slug, prepared, values, info)
    note = f"figures read from {shown}: no example rows (run `planner measure` on a sample to see some)"
    return Analysis(
        analysis.slug,
        analysis.sample,
        analysis.rules,
        analysis.cascade,
        analysis.sql,
        (*analysis.notes, note),
    )


def print_query(
    workspace: Workspace, slug: str, dialect: str, table: str | None, label: str | None, sample: Path | None
) -> str:
    """`planner measure SLUG --sql`: the query for DIALECT over TABLE (columns checked against the
    sample when one is given)."""
    from planner.evidence.sample import open_sample

    plan = workspace.load(slug)
    if sample is None:
        return query(plan, slug, dialect, table or TABLE, label)
    with open_sample(sample, shown_sample(workspace, sample)) as engine:
        if label is not None:
            engine.require_column(label, "--label")
        return query(plan, slug, dialect, table or TABLE, label, engine)
