"""Plain-text views for the terminal (list, show, risks, the interview's review and closing screens) and the
risk register as Markdown."""

from __future__ import annotations

import json
import re
import textwrap
from enum import Enum
from typing import Any

from pydantic import BaseModel
from wcwidth import wcswidth, wcwidth

from planner.core.inert import json_inert, md_escape, one_line
from planner.judgement.register import Assessment, Risk, assess
from planner.plan.choices import label
from planner.plan.model import Plan, field_at, is_answered
from planner.plan.questions import SECTION_KEYS, SECTIONS, Kind, Question, completeness, questions_in

WIDTH = 100


def format_value(value: Any, kind: Kind | None = None) -> str:
    """One answer as text: shares as percents, yes/no, lists joined, records as `a -> b`."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, float) and kind is Kind.share:
        return f"{value * 100:.4g}%"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    if isinstance(value, BaseModel):
        parts = [format_value(item) for item in value.__dict__.values() if is_answered(item)]
        return " -> ".join(parts)
    if isinstance(value, list):
        return "; ".join(format_value(item) for item in value)
    return str(value)


def format_record(item: BaseModel) -> str:
    """A list entry with its fields named: `recall · dataset: last quarter · baseline: 0.5 · target: 0.7`."""
    first, *rest = [(name, value) for name, value in item.__dict__.items() if is_answered(value)] or [
        ("", "")
    ]
    named = [f"{name.replace('_', ' ')}: {format_value(value)}" for name, value in rest]
    return " · ".join([format_value(first[1]), *named])


def _answer_lines(question: Question, value: Any) -> list[str]:
    if isinstance(value, list) and value and question.kind in (Kind.items, Kind.list):
        return [
            f"     - {format_record(item) if isinstance(item, BaseModel) else format_value(item)}"
            for item in value
        ]
    text = format_value(value, question.kind)
    if "\n" in text or len(text) > WIDTH - 10:
        lines = []
        for paragraph in text.split("\n"):
            lines.extend(textwrap.wrap(paragraph, WIDTH - 7) or [""])
        return ["       " + line for line in lines]
    return ["     " + text]


def plan_summary(slug: str, plan: Plan) -> str:
    """A readable, section-by-section summary of one plan."""
    report = completeness(plan)
    owners = ", ".join(plan.owners) or "no owner yet"
    out = [
        f"{plan.title}  ({slug})",
        f"status: {format_value(plan.status)} · owners: {owners} · {report.percent}% answered",
    ]
    for number, section in enumerate(SECTIONS, start=1):
        out.append("")
        out.append(f"{number}. {section.title}")
        for question in questions_in(section.key):
            if not question.applies(plan):
                continue
            value = field_at(plan, question.field)
            if not is_answered(value):
                continue
            out.append(f"   {question.prompt}")
            out.extend(_answer_lines(question, value))
        missing = report.missing.get(section.key, [])
        if missing:
            out.append(f"   not answered yet: {len(missing)} question{'s' if len(missing) != 1 else ''}")
    return "\n".join(out) + "\n"


def display_width(text: str) -> int:
    """Columns a terminal gives `text` (wide CJK and emoji take two, combining marks none), by wcwidth."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(char), 0) for char in text)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` columns, ending with `…` when something was cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        size = max(wcwidth(char), 0)
        if used + size > width - 1:
            break
        out, used = out + char, used + size
    return out + "…"


def table(rows: list[list[str]], header: list[str], width: int | None = None) -> str:
    """A left-aligned text table that fits `width` columns (no limit if None): the widest columns give
    way first, their cells cut with `…`; wide characters are measured by wcwidth."""
    width = width or 10**6
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    floor = [max(display_width(name), 6) for name in header]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: (widths[i] - floor[i] > 0, widths[i]))
        if widths[widest] <= floor[widest]:
            break
        widths[widest] -= 1
    lines = [
        "  ".join(
            (cell := _fit(text, size)) + " " * (size - display_width(cell))
            for text, size in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the risk register


def safe_json(data: Any, **options: Any) -> str:
    """JSON (indented, UTF-8) that is safe to print: nothing in it can drive or reorder a terminal."""
    return json_inert(json.dumps(data, indent=2, ensure_ascii=False, **options))


_PLACE = re.compile(r"(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<message>.+)", re.S)


def github_annotation(problem: str) -> str:
    """A problem (`path:LINE: message`) as a GitHub Actions error annotation on that file and line."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    match = _PLACE.fullmatch(problem)
    if match is None:
        return f"::error::{data(problem)}"
    where = "file=" + data(match["file"]).replace(":", "%3A").replace(",", "%2C")
    where += f",line={match['line']}" if match["line"] else ""
    where += f",col={match['col']}" if match["col"] else ""
    return f"::error {where}::{data(match['message'])}"


def _summary(assessment: Assessment) -> str:
    open_risks = assessment.open_risks
    levels = [level for level in ("high", "medium", "low") if any(r.level == level for r in open_risks)]
    counts = ", ".join(f"{sum(r.level == level for r in open_risks)} {level}" for level in levels)
    parts = [
        f"{len(open_risks)} open risk{'s' * (len(open_risks) != 1)}" + (f" ({counts})" if counts else "")
    ]
    decided = len(assessment.risks) - len(open_risks)
    if decided:
        parts.append(f"{decided} decided")
    if assessment.unanswered:
        parts.append(assessment.unanswered)
    return " · ".join(parts)


def _figures(assessment: Assessment) -> list[str]:
    numbers, out = assessment.figures, []
    if numbers.items_per_month is not None:
        out.append(f"items per month: {numbers.items_per_month:,.0f}")
    if numbers.monthly_value is not None:
        out.append(
            f"impact estimate: {numbers.monthly_value:,.0f} {one_line(numbers.value_unit or '')} per month"
        )
    if numbers.share_left_to_humans is not None:
        out.append(f"left to people: {numbers.share_left_to_humans * 100:.0f}% of cases")
    return out


def _decision(risk: Risk) -> str:
    who = f" by {risk.by}" if risk.by else ""
    return f"{risk.status}{who}" + (f": {risk.note}" if risk.note else "")


def risk_report(slug: str, title: str, assessment: Assessment, width: int | None = None) -> str:
    """`planner risks SLUG`: the register as a table with evidence, then advice and figures."""
    out = [f"{one_line(title)}  ({slug})", _summary(assessment), ""]
    if assessment.risks:
        rows = [
            [str(r.score), r.level, r.status, r.id, r.category.value, one_line(r.title)]
            for r in assessment.risks
        ]
        lines = table(rows, ["SCORE", "LEVEL", "STATUS", "ID", "CATEGORY", "TITLE"], width).splitlines()
        out.append(lines[0])
        for line, risk in zip(lines[1:], assessment.risks, strict=True):
            out.append(line)
            details = [*risk.evidence, *([_decision(risk)] if risk.decided else [])]
            out.extend(
                "    - " + textwrap.shorten(one_line(item), WIDTH - 6, placeholder="...") for item in details
            )
    else:
        out.append("no risks found in the answers")
    if assessment.advice:
        out += ["", "Advice"]
        for advice in assessment.advice:
            out.append(f"  {advice.title}")
            out.extend(
                textwrap.wrap(one_line(advice.reason), WIDTH, initial_indent="    ", subsequent_indent="    ")
            )
    figures = _figures(assessment)
    if figures:
        out += ["", "Figures", *(f"  {line}" for line in figures)]
    return "\n".join(out) + "\n"


def risks_markdown(slug: str, title: str, assessment: Assessment) -> str:
    """The register as Markdown for a pull request; every piece of text is escaped."""
    out = [f"### Risks: {md_escape(title)} (`{slug}`)", "", md_escape(_summary(assessment)), ""]
    if assessment.risks:
        out += ["| Score | Level | Status | Risk | Evidence | Mitigation |", "|---:|---|---|---|---|---|"]
        for risk in assessment.risks:
            status = (
                md_escape(risk.status + (f" by {risk.by}" if risk.by else "")) if risk.decided else "**open**"
            )
            notes = [*risk.evidence, *([f"note: {risk.note}"] if risk.decided and risk.note else [])]
            evidence = "<br>".join(md_escape(item) for item in notes) or "(entered by hand)"
            out.append(
                f"| {risk.score} | {risk.level} | {status} | **{md_escape(risk.title)}** (`{risk.id}`) "
                f"| {evidence} | {md_escape(risk.mitigation)} |"
            )
    else:
        out.append("No risks found in the answers.")
    if assessment.advice:
        out += ["", "**Advice**", ""]
        out += [f"- **{md_escape(a.title)}**: {md_escape(a.reason)}" for a in assessment.advice]
    figures = _figures(assessment)
    if figures:
        out += ["", "**Figures**: " + " · ".join(md_escape(line) for line in figures)]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the interview's review and closing screens


# The one answer the review shows per section, to spot a slip before finishing.
_HEADLINES = {
    "product": ("goal", "product.goal"),
    "heuristics": ("rules", "heuristics.verdict"),
    "by_hand": ("examples done by hand", "by_hand.examples"),
    "impact": ("bottleneck", "impact.bottleneck"),
    "press_release": ("headline", "press_release.headline"),
    "constraints": ("labels", "constraints.data.labels"),
    "done": ("weeks in the time box", "done.timebox_weeks"),
}


def review_lines(plan: Plan) -> list[str]:
    """One line per section: how much is answered, and its headline answer to spot a slip."""
    lines = []
    for number, sec in enumerate(SECTIONS, start=1):
        applicable = [q for q in questions_in(sec.key) if q.applies(plan)]
        answered = sum(q.answered(plan) for q in applicable)
        name, path = _HEADLINES[sec.key]
        value = field_at(plan, path)
        text = label(value) if isinstance(value, Enum) else format_value(value).replace("\n", " ")
        text = f" · {name}: {text[:44]}{'…' if len(text) > 44 else ''}" if is_answered(value) else ""
        lines.append(f"{number}. {sec.title:<31} {answered:>2}/{len(applicable):<2} answered{text}")
    return lines


def closing(where: str, slug: str, plan: Plan, *, saved: bool = True) -> str:
    """The closing screen: what is saved, what is still open, the top risks and the advice."""
    result = assess(plan)
    report = result.completeness
    out = [
        f"\n{'Saved ' if saved else ''}{where}: "
        f"{report.answered} of {report.applicable} questions answered ({report.percent}%)."
    ]
    if report.missing:
        out += ["", f"Still unanswered ({report.applicable - report.answered}):"]
        for key, questions in report.missing.items():
            number = SECTION_KEYS.index(key) + 1
            out.append(
                f"  {number}. {SECTIONS[number - 1].title}: `planner interview {slug} --section {key}`"
            )
            out += [f"     - {question.prompt}" for question in questions[:3]]
            if len(questions) > 3:
                out.append(f"     - and {len(questions) - 3} more")
    risks = result.open_risks[:5]
    if risks:
        out += ["", "Top risks:"]
        for risk in risks:
            out.append(f"  {risk.level:<6} {risk.score:>2}  {risk.title}")
            out += [f"              because {risk.evidence[0]}"] if risk.evidence else []
    if result.advice:
        out += ["", "Advice:"]
        for advice in result.advice:
            out.append(f"  * {advice.title}")
            out += textwrap.wrap(advice.reason, 96, initial_indent="    ", subsequent_indent="    ")
    out += measure_offer(slug, plan)
    out += ["", f"Next: `planner show {slug}` to read the whole plan."]
    return "\n".join(out) + "\n"


def measure_offer(slug: str, plan: Plan) -> list[str]:
    """With a sample of real cases at hand, measure instead of guess: the commands not run yet."""
    offers = []
    if plan.heuristics.rules and plan.heuristics.measured is None:
        offers.append(
            f"  planner measure {slug} --sample FILE --label COLUMN   runs the rules on it "
            "(give each rule a `when:` SQL predicate)"
        )
    if plan.by_hand.measured is None:
        offers.append(
            f"  planner try {slug} --sample FILE   do the task by hand, one example at a time, timed"
        )
    return ["", "A sample of real cases at hand? Measure instead of guessing:", *offers] if offers else []
