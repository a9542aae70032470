"""Plain-text views for the terminal (list, show, risks) and the risk register as Markdown."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from planner.core import formatting
from planner.core.inert import md_escape, one_line
from planner.core.terminal import WIDTH, display_width, table, wrap
from planner.judgement.register import Assessment, KeyRisks, Risk
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan
from planner.plan.questions import SECTIONS, Kind, Question, completeness, questions_in
from planner.plan.text import format_answer, format_record, format_value


def _answer_lines(plan: Plan, question: Question, value: Any) -> list[str]:
    if isinstance(value, list) and value and question.kind in (Kind.items, Kind.list):
        return [
            f"     - {format_record(item) if isinstance(item, BaseModel) else format_value(item)}"
            for item in value
        ]
    text = format_answer(plan, question.field, value, question.kind)
    if "\n" in text or len(text) > WIDTH - 10:
        lines = []
        for paragraph in text.split("\n"):
            lines.extend(textwrap.wrap(paragraph, WIDTH - 7) or [""])
        return ["       " + line for line in lines]
    return ["     " + text]


def plan_summary(slug: str, plan: Plan, headline: str | None = None, key: tuple[KeyRisks, ...] = ()) -> str:
    """A readable, section-by-section summary of one plan; `headline`: the advice's top line for the
    plan's stage, as `planner risks` leads with it; `key`: the risks the plan's claim rests on."""
    report = completeness(plan)
    owners = ", ".join(plan.owners) or "no owner yet"
    out = [
        f"{plan.title}  ({slug})",
        f"status: {format_value(plan.status)} · owners: {owners} · {report.percent}% answered",
    ]
    if headline:
        out.append(f"next: {one_line(headline)} (`planner risks {slug}` says why)")
    for group in key:
        titles = "; ".join(one_line(risk.title) for risk in group.risks)
        out.append(f"key risk, {group.breaks}: {titles}")
    for number, section in enumerate(SECTIONS, start=1):
        out.append("")
        out.append(f"{number}. {section.title}")
        for question in questions_in(section.key):
            value = field_at(plan, question.field)
            if not is_answered(value):
                continue  # an answer typed is shown even where its question no longer applies: never hidden
            out.append(f"   {question.title}")
            out.extend(_answer_lines(plan, question, value))
        if section.key == "heuristics":
            out.extend(_measured_lines(plan))
        missing = report.missing.get(section.key, [])
        if missing:
            out.append(f"   not answered yet: {len(missing)} question{'s' if len(missing) != 1 else ''}")
    return "\n".join(out) + "\n"


def _measured_lines(plan: Plan) -> list[str]:
    """`planner show`: the measured figures of the rules, or why they no longer count."""
    from planner.judgement.measured import rules_view, summary

    line, view = summary(plan), rules_view(plan)
    if line is None or view is None:
        return []
    out = ["   Measured (planner measure)"]
    out += ["       " + text for text in textwrap.wrap(one_line(line), WIDTH - 7)]
    if not view.stale:
        out += [
            f"       rule {row.number}: {row.coverage} of cases, {row.accuracy} right" for row in view.rows
        ]
    return out


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
    if numbers.items_per_year is not None and numbers.items_per_month is not None:
        out.append(
            f"{numbers.volume_unit or 'volume'} a year: {formatting.number(numbers.items_per_year)} "
            f"(about {formatting.number(numbers.items_per_month, significant=2)} a month)"
        )
    elif numbers.items_per_month is not None:
        out.append(
            f"{numbers.volume_unit or 'volume'} per month: {formatting.number(numbers.items_per_month)}"
        )
    if numbers.items_in_all is not None:
        out.append(
            f"{numbers.volume_unit or 'volume'} in all, once: {formatting.number(numbers.items_in_all)}"
        )
    spread = f" ({one_line(numbers.value_spread)})" if numbers.value_spread else ""
    if numbers.monthly_value is not None:
        out.append(
            f"impact estimate: {formatting.number(numbers.monthly_value)} {one_line(numbers.value_unit or '')} per month{spread}"
        )
    elif numbers.value_in_all is not None:
        out.append(
            f"impact estimate: {formatting.number(numbers.value_in_all)} {one_line(numbers.value_unit or '')} once, in all{spread}"
        )
    elif numbers.value_unmeasured:
        out.append("impact estimate: none yet, the value per item is not measured")
    elif numbers.share_unmeasured:
        out.append("impact estimate: none yet, the share the first model addresses is not measured")
    elif numbers.benefit_unmeasured:
        out.append("impact estimate: none yet, the share of items that gain the value is not measured")
    if numbers.share_left_to_humans is not None and numbers.people_decide:
        helped = formatting.share(1 - numbers.share_left_to_humans)
        out.append(f"people decide every case; the model advises on {helped} of them")
    elif numbers.share_left_to_humans is not None:
        out.append(f"left to people: {formatting.share(numbers.share_left_to_humans)} of cases")
    if assessment.measured is not None:
        out.append(f"measured: {one_line(assessment.measured)}")
    return out


def _decision(risk: Risk) -> str:
    who = f" by {risk.by}" if risk.by else ""
    return f"{risk.status}{who}" + (f": {risk.note}" if risk.note else "")


def _evidence_lines(items: Iterable[str], limit: int) -> list[str]:
    """The answers a risk or a question rests on, one shortened bullet each, under its row."""
    return [
        wrap("    - " + textwrap.shorten(one_line(item), WIDTH - 6, placeholder="..."), limit, hang=6)
        for item in items
    ]


def risk_report(slug: str, title: str, assessment: Assessment, width: int | None = None) -> str:
    """`planner risks SLUG`: the register as a table with evidence, then advice and figures."""
    # On a narrow terminal the titles are not cut to a few words: each goes whole under its row.
    limit = min(width - 1, WIDTH) if width else WIDTH
    out = [wrap(f"{one_line(title)}  ({slug})", limit), wrap(_summary(assessment), width and width - 1), ""]
    if assessment.key:
        out.append("Key risks: what the plan's claim rests on (the rest are worth a decision, rarely fatal)")
        for group in assessment.key:
            out.extend(
                textwrap.wrap(one_line(group.heading), limit, initial_indent="  ", subsequent_indent="    ")
            )
            for risk in group.risks:
                line = f"    - {risk.id} ({risk.level} {risk.score}): {one_line(risk.title)}"
                out.append(wrap(line, limit, hang=6))
        out.append("")
    if assessment.risks:
        header = ["SCORE", "LEVEL", "STATUS", "ID", "CATEGORY", "TITLE"]
        rows = [
            [str(r.score), r.level, r.status, r.id, r.category.value, one_line(r.title)]
            for r in assessment.risks
        ]
        below = width is not None and max(map(display_width, table(rows, header).splitlines())) > width
        if below:
            header, rows = header[:-1], [row[:-1] for row in rows]
        lines = table(rows, header, width).splitlines()
        out.append(lines[0])
        for line, risk in zip(lines[1:], assessment.risks, strict=True):
            out.append(line)
            if below:
                out.append(wrap(f"    {one_line(risk.title)}", limit, hang=4))
            details = [*risk.evidence, *([_decision(risk)] if risk.decided else [])]
            out.extend(_evidence_lines(details, limit))
    else:
        out.append("no risks found in the answers")
    if assessment.advice:
        out += ["", "Advice"]
        for advice in assessment.advice:
            # Piped, a title stays on one line (scripts read it); on a terminal its wrapped part hangs
            # deeper than the reason below it, so the two never read as one paragraph.
            out.append(wrap(f"  {advice.title}", limit, hang=6) if width else f"  {advice.title}")
            out.extend(
                textwrap.wrap(one_line(advice.reason), limit, initial_indent="    ", subsequent_indent="    ")
            )
    if assessment.asked:
        out += ["", "A lead would also ask"]
        for each in assessment.asked:
            out.extend(
                textwrap.wrap(one_line(each.question), limit, initial_indent="  ", subsequent_indent="    ")
            )
            out.extend(_evidence_lines(each.because, limit))
    figures = _figures(assessment)
    if figures:
        out += ["", "Figures", *(f"  {line}" for line in figures)]
    return "\n".join(out) + "\n"


def risks_markdown(slug: str, title: str, assessment: Assessment) -> str:
    """The register as Markdown for a pull request; every piece of text is escaped."""
    out = [f"### Risks: {md_escape(title)} (`{slug}`)", "", md_escape(_summary(assessment)), ""]
    if assessment.key:
        out += ["**Key risks**: what the plan's claim rests on", ""]
        for group in assessment.key:
            out.append(f"- {md_escape(group.heading)}:")
            out += [
                f"  - **{md_escape(risk.title)}** (`{risk.id}`, {risk.level} {risk.score})"
                for risk in group.risks
            ]
        out.append("")
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
    if assessment.asked:
        out += ["", "**A lead would also ask**", ""]
        out += [
            f"- {md_escape(each.question)} ({'; '.join(md_escape(item) for item in each.because)})"
            for each in assessment.asked
        ]
    figures = _figures(assessment)
    if figures:
        out += ["", "**Figures**: " + " · ".join(md_escape(line) for line in figures)]
    return "\n".join(out) + "\n"
