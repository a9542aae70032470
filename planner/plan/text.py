"""An answer as text: yes/no, choice labels, shares as percents, lists joined, records named; every text
answer of a plan's data, with its path."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from planner.core import formatting
from planner.plan.choices import label
from planner.plan.fields import is_answered
from planner.plan.questions import Kind


def format_value(value: Any, kind: Kind | None = None) -> str:
    """One answer as text: shares as percents, yes/no, lists joined, records as `a -> b`."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, float) and kind is Kind.share:
        return formatting.share(value)
    if isinstance(value, int | float):
        return formatting.number(value)
    if isinstance(value, BaseModel):
        parts = [format_value(item) for item in value.__dict__.values() if is_answered(item)]
        return " -> ".join(parts)
    if isinstance(value, list):
        return "; ".join(format_value(item) for item in value)
    return str(value)


def range_partner(holder: BaseModel, name: str) -> str | None:
    """The field holding a span's far end, filled from `4-9` typed in the first: `label_delay_max_days`
    for `label_delay_days`; None where `name` has none."""
    stem, _, unit = name.rpartition("_")
    partner = f"{stem}_max_{unit}"
    return partner if stem and partner in type(holder).model_fields else None


def span_of(plan: BaseModel, field: str) -> tuple[float, float] | None:
    """Both ends of a span answer (`lead_days: 4`, `lead_max_days: 9`), or None where it is one figure."""
    head, _, name = field.rpartition(".")
    holder: Any = plan
    for part in head.split(".") if head else ():
        holder = getattr(holder, part, None)  # a path the plan does not hold (an entry's field): no span
    partner = range_partner(holder, name) if isinstance(holder, BaseModel) else None
    if partner is None:
        return None
    low, high = getattr(holder, name), getattr(holder, partner)
    if not isinstance(low, int | float) or not isinstance(high, int | float) or high == low:
        return None
    return float(low), float(high)


def format_answer(plan: BaseModel, field: str, value: Any, kind: Kind | None = None) -> str:
    """An answer of `plan` as text, a span with both its ends (`4-9`)."""
    span = span_of(plan, field)
    return formatting.span(*span) if span else format_value(value, kind)


def format_record(item: BaseModel) -> str:
    """A list entry with its fields named: `recall · dataset: last quarter · baseline: 0.5 · target: 0.7`."""
    first, *rest = [(name, value) for name, value in item.__dict__.items() if is_answered(value)] or [
        ("", "")
    ]
    named = [f"{_field_name(item, name)}: {_field_text(item, name, value)}" for name, value in rest]
    return " · ".join([format_value(first[1]), *named])


def _field_name(item: BaseModel, name: str) -> str:
    """A field's name as read: a margin of 0 is the target itself (`target: no worse than the baseline`)."""
    return "target" if name == "relative_target" and getattr(item, "holds", False) else name.replace("_", " ")


def _field_text(item: BaseModel, name: str, value: Any) -> str:
    """A field of a list entry; a metric's margin over its baseline as stated, with the target it makes
    (`relative target: 10% lower than the baseline 0.12 = 0.108`)."""
    margin = getattr(item, "margin_words", None)
    if name in ("relative_target", "absolute_target") and callable(margin) and margin():
        return str(margin())
    return format_value(value)


def text_answers(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text below `value` (a plan, or part of one, dumped as JSON data), with its dotted path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_answers(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_answers(item, f"{path}[{index}]")
