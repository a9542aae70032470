"""What `planner measure` prints: a terminal table, Markdown for a pull request, or JSON for CI and scripts."""

from __future__ import annotations

from typing import Any

from planner.core.formatting import share
from planner.core.inert import md_escape, safe_json
from planner.core.terminal import display_width, records, table, wrap
from planner.evidence.measure import Analysis, RuleResult
from planner.judgement.measured import ENGINES


def _header(analysis: Analysis) -> list[str]:
    sample = analysis.sample
    label = f"label column: {sample.label}" if sample.label else "no label column"
    engine = ENGINES.get(sample.engine or "duckdb", sample.engine or "")
    where = f"table {sample.table} in {engine}" if sample.table else f"{sample.file}"
    where += f" with {engine}" if not sample.table and engine != "DuckDB" else ""
    source = (
        f"sha256 {sample.sha256[:12]}…" if sample.sha256 else f"query {(sample.query_sha256 or '')[:12]}…"
    )
    by = f" · by {sample.by}" if sample.by else ""
    return [
        f"Rules of {analysis.slug} measured on {where}",
        f"{sample.rows:,} rows · {source} · {label} · {sample.date.isoformat()}{by}",
    ]


def _share_of(part: int, result: RuleResult) -> str:
    return share(part / result.rows) if result.rows else "-"


def _row(result: RuleResult) -> list[str]:
    if not result.measured:
        return [str(result.number), result.predicts or "-", "not measured: no `when:`", "", "", "", "", ""]
    intervals = result.intervals()
    return [
        str(result.number),
        result.predicts or "-",
        share(result.coverage, intervals["coverage"]),
        _share_of(result.overlaps, result),
        _share_of(result.conflicts, result),
        "-" if result.correct is None else f"{result.correct:,}",
        "-" if result.incorrect is None else f"{result.incorrect:,}",
        share(result.accuracy, intervals["accuracy"]),
    ]


HEADER = ["RULE", "PREDICTS", "COVERAGE (95% CI)", "OVERLAPS", "CONFLICTS", "CORRECT", "INCORRECT"]
HEADER += ["ACCURACY (95% CI)"]


def _cascade_lines(analysis: Analysis) -> list[str]:
    cascade = analysis.cascade
    from planner.core.stats import wilson

    lines = [
        f"  coverage        {share(cascade.coverage, wilson(cascade.covered, cascade.rows))} of rows",
        (
            f"  accuracy        {share(cascade.accuracy, wilson(cascade.correct, cascade.judged))} "
            "of what the rules route"
            if cascade.correct is not None and cascade.judged
            else f"  accuracy        {share(cascade.accuracy)} (needs --label and `predicts:` on every rule)"
        ),
        f"  left to people  {share(cascade.left_to_people)}",
    ]
    if cascade.combined is not None:
        lines.append(
            f"  rules + people  {share(cascade.combined.value, cascade.combined.interval)} right, "
            f"{cascade.combined.source}"
        )
    elif cascade.correct is not None:
        lines.append(
            "  rules + people  unknown: no human score yet (run `planner try` or answer by_hand.human_score)"
        )
    return lines


def _example(row: dict[str, str]) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in row.items())


def _aligned(line: str, width: int | None, name: int = 18) -> str:
    """A cascade line (`  coverage        70.2% ...`) with its value wrapped in its own column."""
    if not width or display_width(line) <= width or width - name < 20:
        return wrap(line, width)
    first, *rest = wrap(line[name:], width - name).split("\n")
    return "\n".join([line[:name] + first, *(" " * name + more for more in rest)])


def to_text(analysis: Analysis, width: int | None = None) -> str:
    """The terminal view, its lines broken between words at `width` and its table folded into records
    when it cannot fit (no limit when None)."""
    rows = [_row(r) for r in analysis.rules]
    shown = table(rows, HEADER, width)
    if not shown.startswith(HEADER[0]):  # folded into records: each headed "rule N", not a bare N
        shown = records([[f"rule {row[0]}", *row[1:]] for row in rows], HEADER, width)
    lines = [wrap(line, width) for line in _header(analysis)]
    lines += ["", shown.rstrip("\n"), ""]
    lines += [wrap("Cascade (the first matching rule wins; what no rule matches goes to people)", width)]
    lines += [_aligned(line, width) for line in _cascade_lines(analysis)]
    wrong = [result for result in analysis.rules if result.wrong]
    if wrong:
        lines += ["", "Where rules fire wrongly"]
        for result in wrong:
            for row in result.wrong:
                example = f"  rule {result.number} (predicts {result.predicts}): {_example(row)}"
                lines.append(wrap(example, width, hang=4))
    lines += [wrap(f"note: {note}", width, hang=6) for note in analysis.notes]
    return "\n".join(lines) + "\n"


def to_markdown(analysis: Analysis) -> str:
    first, second = _header(analysis)
    lines = [f"### {md_escape(first)}", "", md_escape(second), ""]
    lines += ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    lines += ["| " + " | ".join(md_escape(cell) for cell in _row(result)) + " |" for result in analysis.rules]
    lines += ["", "**Cascade** (the first matching rule wins; what no rule matches goes to people)", ""]
    lines += [f"- {md_escape(line.strip())}" for line in _cascade_lines(analysis)]
    wrong = [result for result in analysis.rules if result.wrong]
    if wrong:
        lines += ["", "**Where rules fire wrongly**", ""]
        for result in wrong:
            for row in result.wrong:
                lines.append(f"- rule {result.number}: {md_escape(_example(row))}")
    if analysis.notes:
        lines += ["", *[f"_{md_escape(note)}_" for note in analysis.notes]]
    return "\n".join(lines) + "\n"


def _interval(interval: tuple[float, float] | None) -> list[float] | None:
    return None if interval is None else [round(interval[0], 6), round(interval[1], 6)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def to_data(analysis: Analysis) -> dict[str, Any]:
    cascade = analysis.cascade
    from planner.core.stats import wilson

    rules = []
    for result in analysis.rules:
        intervals = result.intervals()
        rules.append(
            {
                "rule": result.number,
                "condition": result.condition,
                "when": result.when,
                "predicts": result.predicts,
                "measured": result.measured,
                "coverage": _round(result.coverage),
                "coverage_interval": _interval(intervals["coverage"]),
                "accuracy": _round(result.accuracy),
                "accuracy_interval": _interval(intervals["accuracy"]),
                "fires": result.fires if result.measured else None,
                "overlaps": _round(result.overlaps / result.rows) if result.rows else None,
                "conflicts": _round(result.conflicts / result.rows) if result.rows else None,
                "correct": result.correct,
                "incorrect": result.incorrect,
                "wrong_examples": list(result.wrong),
            }
        )
    combined = cascade.combined
    return {
        "plan": analysis.slug,
        "sample": analysis.sample.model_dump(mode="json"),
        "rules": rules,
        "cascade": {
            "coverage": _round(cascade.coverage),
            "coverage_interval": _interval(wilson(cascade.covered, cascade.rows)),
            "accuracy": _round(cascade.accuracy),
            "accuracy_interval": _interval(
                wilson(cascade.correct, cascade.judged)
                if cascade.correct is not None and cascade.judged
                else None
            ),
            "left_to_people": _round(cascade.left_to_people),
            "rules_plus_people": None
            if combined is None
            else {
                "accuracy": _round(combined.value),
                "interval": _interval(combined.interval),
                "people": _round(cascade.people.value if cascade.people else None),
                "source": combined.source,
            },
        },
        "notes": list(analysis.notes),
        "sql": analysis.sql,
    }


def to_json(analysis: Analysis) -> str:
    return safe_json(to_data(analysis)) + "\n"
