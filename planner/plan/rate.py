"""A count over a period other than the day (`60 a year`, `5 a week`): kept as said, read per working day."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema

# A count said over a period other than the day: `60 a year`, `5 a week`, `60/year`. The file keeps the
# team's own period (a yearly budget of visits reads as one), written `60 a year`; rules read it per
# working day (5 a week, 21 a month, 252 a year: the days people work what the model sends them).
WORKING_DAYS = {"day": 1, "week": 5, "month": 21, "year": 252}
_RATE = r"^ *([0-9]+(?:\.[0-9]+)?) *(?:a|an|per|each|every|/) *(day|week|month|year) *$"


def rate_of(value: Any) -> tuple[float, str] | None:
    """`60 a year` as (60, 'year'); None for anything else (a number, a word)."""
    match = re.fullmatch(_RATE, value) if isinstance(value, str) else None
    return (float(match.group(1)), match.group(2)) if match else None


def _rate_text(value: Any) -> Any:
    """`60/year` is kept as `60 a year`."""
    found = rate_of(value)
    return value if found is None else f"{found[0]:g} a {found[1]}"


Rate = Annotated[
    str,
    BeforeValidator(_rate_text),
    StringConstraints(pattern=_RATE),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _RATE,
            "description": "A count over a period other than the day, e.g. `60 a year` or `5 a week`.",
        }
    ),
]


def per_working_day(value: Any) -> float | None:
    """A count a day from a number or from `60 a year` (over 252 working days); None for a word or blank."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    found = rate_of(value)
    return found[0] / WORKING_DAYS[found[1]] if found else None


def takes_rate(annotation: Any) -> bool:
    """Whether a field takes a count over a period (`60 a year`), from its type."""
    if annotation is Rate:
        return True
    return any(takes_rate(arg) for arg in get_args(annotation) if get_origin(annotation) is not Literal)
