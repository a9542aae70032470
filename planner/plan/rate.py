"""A count over a period other than the day (`60 a year`, `5 a week`): kept as said, read per working day."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from planner.plan.fields import NUMBER_MAX

# A count said over a period other than the day: `60 a year`, `5 a week`, `60/year`. The file keeps the
# team's own period (a yearly budget of visits reads as one), written `60 a year`; rules read it per
# working day (5 a week, 21 a month, 252 a year: the days people work what the model sends them).
WORKING_DAYS = {"day": 1, "week": 5, "month": 21, "quarter": 63, "year": 252}
_RATE = r"^ *([0-9]+(?:\.[0-9]+)?) *(?:a|an|per|each|every|/) *(day|week|month|quarter|year) *$"


def rate_of(value: Any) -> tuple[float, str] | None:
    """`60 a year` as (60, 'year'); None for anything else (a number, a word)."""
    match = re.fullmatch(_RATE, value) if isinstance(value, str) else None
    return (float(match.group(1)), match.group(2)) if match else None


def _rate_text(value: Any) -> Any:
    """`60/year` is kept as `60 a year`, its figure as written (`0.0000001 a day`, never `1e-07 a day`);
    other text is refused with the forms a count a day takes, in one message for the whole field."""
    if not isinstance(value, str):
        return value
    match = re.fullmatch(_RATE, value)
    if match is None:
        raise PydanticCustomError(
            "rate_form",
            "'{value}' is not a count planner reads; write a number a day such as 12, or a count over another period "
            "such as `60 a year` or `5 a week`",
            {"value": value if len(value) <= 40 else value[:37] + "..."},
        )
    if float(match.group(1)) > NUMBER_MAX:
        raise PydanticCustomError(
            "rate_form",
            "{figure} is beyond the largest number planner holds (±{most}); write a smaller number",
            {"figure": match.group(1)[:40], "most": f"{NUMBER_MAX:,}"},
        )
    return f"{match.group(1)} a {match.group(2)}"


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
