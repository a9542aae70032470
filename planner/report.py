"""Plain-text views of plans for the terminal: the plan list and `planner show`."""

from __future__ import annotations

import textwrap
from enum import Enum
from typing import Any

from pydantic import BaseModel

from planner.model import Plan, field_at, is_answered
from planner.questions import SECTIONS, Kind, Question, completeness, questions_in

WIDTH = 100


def format_value(value: Any, kind: Kind | None = None) -> str:
    """One answer as text: shares as percents, yes/no, lists joined, records as `a -> b`."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
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


def _answer_lines(question: Question, value: Any) -> list[str]:
    if isinstance(value, list) and value and question.kind in (Kind.items, Kind.list):
        return [f"     - {format_value(item)}" for item in value]
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


def table(rows: list[list[str]], header: list[str]) -> str:
    """A left-aligned text table."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"
