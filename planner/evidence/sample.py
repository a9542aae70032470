"""A sample file (CSV, Parquet, JSON lines) loaded into a locked-down DuckDB: predicates see it and nothing else."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner.core.errors import UsageError
from planner.plan.model import SampleInfo

TABLE = "sample"
READERS = {
    ".csv": "read_csv(?, header = true)",
    ".tsv": "read_csv(?, header = true, delim = '\t')",
    ".txt": "read_csv(?, header = true)",
    ".parquet": "read_parquet(?)",
    ".pq": "read_parquet(?)",
    ".jsonl": "read_json(?, format = 'newline_delimited')",
    ".ndjson": "read_json(?, format = 'newline_delimited')",
    ".json": "read_json(?)",
}
MEMORY_LIMIT = "128MB"  # beyond it the table spills to a temporary folder: memory stays flat as rows grow
TIMEOUT_S = 120.0  # a predicate such as `(SELECT count(*) FROM range(1e15)) > 0` would run for ever
COLUMNS_SHOWN = 30  # columns named in a message
_GLOB = re.compile(r"[*?\[\]{}]")
INSTALL = "pip install 'ml-project-planner[measure]'"


class SampleError(UsageError):
    """A sample that does not load, or a predicate or column the sample cannot answer."""


class QueryFailed(SampleError):
    """A query DuckDB could not run on the sample's values; `reason` is DuckDB's own sentence."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


# Functions that build a value of any size from a small input: `length(repeat(b, 1000000000)) > 0`
# took 3 GB on a 3-row sample (DuckDB's memory limit bounds tables, not the values an expression
# builds), and `range`/`generate_series` make rows out of nothing. A predicate compares the sample's
# own values and needs none of them.
UNBOUNDED = frozenset(
    {
        "repeat",
        "lpad",
        "rpad",
        "printf",
        "format",
        "bar",
        "range",
        "generate_series",
        "list_resize",
        "array_resize",
        "repeat_row",
        "unnest",
    }
)


def first_line(exc: BaseException) -> str:
    """DuckDB's message without its `LINE 1:` caret drawing."""
    return " ".join(str(exc).split("\n")[0].split())


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Sample:
    """The loaded sample: its provenance, its columns, and a connection that can read nothing else."""

    file: str
    rows: int
    sha256: str
    columns: dict[str, str]  # name -> DuckDB type
    con: Any
    timeout: float = TIMEOUT_S

    def info(self, label: str | None = None) -> SampleInfo:
        today = datetime.now(UTC).date()
        return SampleInfo(file=self.file, rows=self.rows, sha256=self.sha256, date=today, label=label)

    def column_list(self) -> str:
        """The columns for a message: the first COLUMNS_SHOWN, then how many more (a wide sample has
        thousands)."""
        names = list(self.columns)
        more = f" and {len(names) - COLUMNS_SHOWN:,} more" if len(names) > COLUMNS_SHOWN else ""
        return ", ".join(names[:COLUMNS_SHOWN]) + more

    def require_column(self, name: str, what: str) -> None:
        if name not in self.columns:
            raise SampleError(
                f"{what} {name!r} is not a column of {self.file}; its columns are: {self.column_list()}"
            )

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.fetch(sql, params)[1]

    def fetch(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one query (column names, rows), interrupted after `timeout` seconds."""
        import duckdb

        timer = threading.Timer(self.timeout, self.con.interrupt)
        timer.start()
        try:
            found = self.con.execute(sql, params or [])
            return [column[0] for column in found.description], list(found.fetchall())
        except duckdb.InterruptException as exc:
            raise SampleError(
                f"a query on {self.file} ran longer than {self.timeout:g} s and was stopped; "
                "simplify the predicates (no subqueries over generated rows)"
            ) from exc
        except duckdb.PermissionException as exc:
            raise SampleError(
                f"refused: a predicate reaches beyond {self.file} ({first_line(exc)}); a predicate may "
                f"only read the sample's columns: {self.column_list()}"
            ) from exc
        except duckdb.OutOfMemoryException as exc:
            raise SampleError(
                f"a query on {self.file} needed more than the {MEMORY_LIMIT} planner lets DuckDB use "
                f"({first_line(exc)}); keep only the columns the rules and the label need in the sample"
            ) from exc
        except duckdb.Error as exc:
            raise QueryFailed(
                f"a query on {self.file} failed: {first_line(exc)}; fix the sample or the predicates",
                first_line(exc),
            ) from exc
        finally:
            timer.cancel()

    def expression(self, text: str, where: str) -> tuple[str, str]:
        """A predicate as DuckDB reads it, and its type: parsed alone (one expression, never a
        statement), then bound against the sample. `where` names it in messages."""
        import duckdb

        try:
            parsed = str(duckdb.SQLExpression(text))
        except duckdb.Error as exc:
            raise SampleError(
                f"{where}: not a SQL expression: {first_line(exc)}; write one condition over the columns "
                f"({self.column_list()}), e.g. `{next(iter(self.columns), 'amount')} IS NOT NULL`"
            ) from exc
        unbounded = sorted(self._functions(parsed) & UNBOUNDED)
        if unbounded:
            calls = ", ".join(f"{name}()" for name in unbounded)
            raise SampleError(
                f"{where}: refused: {calls} can build values or rows of any size from a small input "
                f"(`repeat(b, 1000000000)` takes gigabytes); a predicate compares the sample's own values: "
                f"write it without {calls}"
            )
        try:
            described = self.con.execute(f"DESCRIBE SELECT ({parsed}) AS v FROM {TABLE}").fetchall()
        except duckdb.PermissionException as exc:
            raise SampleError(
                f"{where}: refused: it reaches beyond the sample ({first_line(exc)}); a predicate may "
                f"only read the sample's columns: {self.column_list()}"
            ) from exc
        except duckdb.Error as exc:
            raise SampleError(
                f"{where}: {first_line(exc)}; the sample's columns are: {self.column_list()}"
            ) from exc
        return parsed, str(described[0][1])

    def _functions(self, parsed: str) -> set[str]:
        """Every function an expression calls, subqueries included, from DuckDB's own syntax tree."""
        import json

        tree = self.con.execute("SELECT json_serialize_sql(?)", [f"SELECT ({parsed})"]).fetchall()[0][0]
        found: set[str] = set()
        stack: list[Any] = [json.loads(tree)]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                name = node.get("function_name")
                if isinstance(name, str):
                    found.add(name.lower())
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return found


def _reader(path: Path, shown: str) -> str:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SampleError(f"cannot tell the format of {shown} from its name; name it {known}")
    return reader


@contextlib.contextmanager
def open_sample(
    path: Path, shown: str, *, memory_limit: str = MEMORY_LIMIT, text: tuple[str, ...] = ()
) -> Iterator[Sample]:
    """Load the sample into a table, then lock DuckDB: no file, network, extension or setting after.

    The CSV columns named in `text` (labels, predictions, people's answers) are read as the file writes
    them, to compare with the plan's outcomes as text: DuckDB's type guessing would make `yes`/`no`
    and `T`/`F` booleans and `1.50` the number 1.5 (even for numeric outcomes, `1.50` stays `1.50`)."""
    try:
        import duckdb
    except ImportError as exc:  # an extra, so `planner check` in CI and pre-commit installs light
        raise UsageError(f"reading a sample needs DuckDB, which is not installed: {INSTALL}") from exc

    if not path.is_file():
        raise SampleError(f"no sample file {shown}; give the path of a CSV, Parquet or JSON lines file")
    if _GLOB.search(path.name):
        raise SampleError(f"{shown}: DuckDB would read * ? [ ] {{ }} in a name as a pattern; rename the file")
    reader = _reader(path, shown)
    sha = file_sha256(path)
    with tempfile.TemporaryDirectory(prefix="planner-sample-") as scratch:
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": memory_limit,
            "temp_directory": scratch,  # past the limit the table spills here, so memory stays flat
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        con = duckdb.connect(":memory:", config=config)
        try:
            # Progress is tracked (`planner measure` shows it on a terminal) but never printed by DuckDB,
            # which would write into stdout, JSON included.
            con.execute("SET enable_progress_bar = true")
            con.execute("SET enable_progress_bar_print = false")
            _load(con, path, shown, reader, [name for name in dict.fromkeys(text) if name], memory_limit)
            # From here on a predicate is untrusted text: it may read the table and nothing else.
            con.execute("SET enable_external_access = false")
            con.execute("SET lock_configuration = true")
            columns = {str(row[0]): str(row[1]) for row in con.execute(f"DESCRIBE {TABLE}").fetchall()}
            rows = int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0])
            if reader.startswith("read_csv"):
                _check_header(path, shown, list(columns))
            if not rows:
                raise SampleError(
                    f"{shown} holds no cases (an empty file, or a header row alone); give a sample with a "
                    "header row and at least one row of cases"
                )
            yield Sample(file=shown, rows=rows, sha256=sha, columns=columns, con=con)
        finally:
            con.close()


LOAD_MEMORY_LIMIT = "1GB"  # what a wide file (2,000 columns) may use while DuckDB reads it, once


def _load(con: Any, path: Path, shown: str, reader: str, text: list[str], memory_limit: str) -> None:
    """CREATE the sample's table. A file too wide to read within `memory_limit` is read once more with
    LOAD_MEMORY_LIMIT (the limit goes back down for the predicates); text columns that are not in the
    file are left to the caller's check, which names the file's columns."""
    import duckdb

    typed = reader.startswith("read_csv") and bool(text)
    sql = f"CREATE TABLE {TABLE} AS SELECT * FROM {reader[:-1] + ', types = ?)' if typed else reader}"
    params: list[Any] = (
        [str(path.resolve()), dict.fromkeys(text, "VARCHAR")] if typed else [str(path.resolve())]
    )
    for limit in (memory_limit, LOAD_MEMORY_LIMIT):
        con.execute(f"SET memory_limit = '{limit}'")
        try:
            con.execute(sql, params)
            break
        except duckdb.OutOfMemoryException as exc:
            if limit == LOAD_MEMORY_LIMIT:
                raise SampleError(
                    f"cannot load {shown}: reading it needs more than the {LOAD_MEMORY_LIMIT} planner lets "
                    f"DuckDB use ({first_line(exc)}); keep only the columns the rules, the label and the "
                    "people need in the sample"
                ) from exc
        except duckdb.BinderException as exc:
            if typed and "COLUMN_TYPES" in str(exc):
                _load(con, path, shown, reader, [], memory_limit)  # a missing column is named later
                return
            raise _unreadable(shown, exc) from exc
        except duckdb.Error as exc:
            raise _unreadable(shown, exc) from exc
    con.execute(f"SET memory_limit = '{memory_limit}'")


def _unreadable(shown: str, exc: Exception) -> SampleError:
    return SampleError(
        f"cannot load {shown}: {first_line(exc)}; check that it is a CSV (with a header row), Parquet or "
        "JSON lines file"
    )


def _check_header(path: Path, shown: str, columns: list[str]) -> None:
    """A CSV whose rows have other numbers of fields than its header makes DuckDB guess another
    header (a later row's values): name the first such row instead of blaming a missing column."""
    import csv

    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        first = handle.readline()
        for delimiter in (",", "\t", ";", "|"):
            if next(csv.reader([first], delimiter=delimiter), []) == columns:
                return  # DuckDB read the header row the file has
        delimiter = max((",", "\t", ";", "|"), key=first.count)
        header = next(csv.reader([first], delimiter=delimiter), [])
        if not first.strip() or len(header) < 2:
            return
        handle.seek(0)
        for number, row in enumerate(csv.reader(handle, delimiter=delimiter), 1):
            if row and len(row) != len(header):
                raise SampleError(
                    f"{shown}:{number}: {len(row)} fields where the header row has {len(header)} "
                    f"({', '.join(header[:COLUMNS_SHOWN])}); give every row as many fields as the header"
                )
            if number >= 100_000:
                return


def recorded_columns(root: Path, info: SampleInfo | None) -> tuple[str, list[str]] | None:
    """The columns of a recorded sample file, read from its header without DuckDB (`planner check`
    runs without the `[measure]` extra): CSV and TSV header rows, the keys of JSON lines' first row.
    None when there is no such file under the workspace, or it is of another kind."""
    import csv
    import json

    if info is None or info.file is None:
        return None
    path = root / info.file
    kinds = {".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".jsonl": "json", ".ndjson": "json"}
    kind = kinds.get(path.suffix.lower())
    if kind is None or not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            first = handle.readline(1 << 20)
    except OSError:
        return None
    if kind != "json":  # the delimiter DuckDB's sniffer would find in a header row
        delimiter = "\t" if kind == "tsv" else max((",", "\t", ";", "|"), key=first.count)
        columns = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter), [])
    else:
        try:
            row = json.loads(first)
        except ValueError:
            return None
        columns = list(row) if isinstance(row, dict) else []
    return (info.file, [str(name) for name in columns]) if columns else None
