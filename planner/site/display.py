"""How answers read on the site: choice labels, numbers with separators and units, answer anchors."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from planner.core.formatting import money, number, share, span
from planner.plan.choices import LABELS, Period, label
from planner.plan.fields import is_answered
from planner.plan.model import Plan
from planner.plan.questions import BY_FIELD, Kind
from planner.plan.text import span_of

# Units that go with a field's number: {unit} is the plan's value unit, {currency} its currency, {period} its
# volume period.
UNITS = {
    "by_hand.minutes_per_example": "minutes",
    "impact.volume": "per {period}",
    "impact.value_per_item": "{unit}",
    "impact.effort_weeks": "person-weeks",
    "constraints.data.label_delay_days": "days",
    "constraints.latency.p99_ms": "ms",
    "constraints.latency.measured_p99_ms": "ms",
    "impact.capacity_per_day": "a day",
    "impact.flagged_per_day": "a day",
    "constraints.compute.budget_per_month": "{currency} per month",
    "constraints.compute.cost_per_prediction": "{currency}",
    "done.timebox_weeks": "weeks",
}
_QUOTE = re.compile(r"^([a-z_]+(?:\.[a-z_]+|\[\d+\])*): (.*)$", re.DOTALL)


def value(answer: Any, kind: Kind | None = None, field: str = "", plan: Plan | None = None) -> str:
    """One answer as a reader sees it: labels for choices, yes/no, percents, numbers with units."""
    if isinstance(answer, bool):
        return "yes" if answer else "no"
    if isinstance(answer, Enum):
        return label(answer)
    if isinstance(answer, date):
        return answer.isoformat()
    if isinstance(answer, float) and (
        kind is Kind.share or (field in BY_FIELD and BY_FIELD[field].kind is Kind.share)
    ):
        return share(answer)
    if isinstance(answer, int | float):
        unit = UNITS.get(field, "")
        ends = span_of(plan, field) if plan is not None else None
        if ends:  # `lead_days: 4-9`: both ends, as typed
            return span(*ends, unit)
        if "{currency}" in unit:
            currency = plan.constraints.compute.currency if plan is not None else None
            return money(answer, currency) + unit.replace("{currency}", "")
        if "{unit}" in unit:
            code = plan.impact.value_unit if plan is not None else None
            if unit == "{unit}":
                return money(answer, code)
            return money(answer, code) + unit.replace("{unit}", "")
        if "{period}" in unit:
            period = plan.impact.period if plan is not None else None
            if period is Period.once:
                return f"{number(answer)} in all (once)"
            return f"{number(answer)} per {period.value}" if period else number(answer)
        return f"{number(answer)} {unit}".strip()
    if isinstance(answer, BaseModel):
        parts = [value(item) for item in answer.__dict__.values() if is_answered(item)]
        return " -> ".join(parts)
    if isinstance(answer, list):
        return "; ".join(value(item, field=field, plan=plan) for item in answer)
    return str(answer)


def anchor(field: str) -> str:
    """The id of an answer on its plan page: `product.goal` -> `answer-product-goal`."""
    return "answer-" + re.sub(r"\[\d+\]", "", field).replace(".", "-").replace("_", "-")


def quoted(evidence: str) -> tuple[str, str, str] | None:
    """A risk's evidence `path: answer (note)` as (field, the question's prompt, the quoted text); a
    stored choice code reads as its label (`"rules_suffice"` -> `"rules suffice: no model needed"`)."""
    match = _QUOTE.match(evidence)
    if not match:
        return None
    path = re.sub(r"\[\d+\]", "", match.group(1))
    question = BY_FIELD.get(path) or BY_FIELD.get(path.rsplit(".", 1)[0])
    if question is None:
        return None
    code = _CODE.fullmatch(match.group(2))
    shown = code_label(code.group(1)) if code else None
    return question.field, question.title, f'"{shown}"' if shown else match.group(2)


_CODE = re.compile(r'"([a-z]+(?:_[a-z0-9]+)+)"')
_PATH = re.compile(r"\(((?:[a-z_]+\.)+[a-z_]+)(?:: ([^()]*))?\)")


def code_label(code: str) -> str | None:
    """The label of a stored choice code, when exactly one label goes with it."""
    found = {labels[code] for labels in LABELS.values() if code in labels}
    return found.pop() if len(found) == 1 else None


def plain(text: str) -> str:
    """Advice in a reader's words: a field path in brackets reads as its question, a stored value as
    its label (`(constraints.data.versioned: false)` -> `(“Is raw data versioned…?”: no)`)."""

    def readable(match: re.Match[str]) -> str:
        question = BY_FIELD.get(match.group(1))
        if question is None:
            return match.group(0)
        given = match.group(2)
        if given is None:
            return f"(“{question.title}”)"
        shown = {"true": "yes", "false": "no"}.get(given) or code_label(given) or given
        return f"(“{question.title}”: {shown})"

    return _PATH.sub(readable, text)
