"""A count over a period other than the day (`60 a year`, `5 a week`), or a range (`2-3 a day`): kept as said, read
per working day, a range at its middle."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from planner.plan.fields import NUMBER_MAX

# A count said over a period other than the day: `60 a year`, `5 a week`, `60/year`, `400 invites a year`;
# or a range, low end first: `2-3 a day`. The file keeps the team's own period (a yearly budget of visits
# reads as one) and range, written `60 a year`, `2-3 a day` (a noun said with the count goes); rules read a
# range at its middle (2.5 a day, as the interview reads `2-3`), and a count per working day (5 a week, 21 a
# month, 252 a year: the days people work what the model sends them).
WORKING_DAYS = {"day": 1, "week": 5, "month": 21, "quarter": 63, "year": 252}
_FIGURE = r"([0-9]+(?:\.[0-9]+)?)"
_RATE = (
    rf"^ *{_FIGURE}(?: *(?:-|–|to) *{_FIGURE})? *"
    r"(?:(?:[A-Za-z]+ +)?(?:a|an|per|each|every)|(?:[A-Za-z]+ *)?/) *(day|week|month|quarter|year) *$"
)
# One person's or place's count (`2-3 a day each`): the people sharing the work are a field of their own.
_EACH = re.compile(r"^(?P<rate>.*?) +(?:each|per (?:person|head|place)|a (?:person|head)|apiece) *$", re.I)


def rate_of(value: Any) -> tuple[float, str] | None:
    """`60 a year` as (60, 'year'), `2-3 a day` as its middle (2.5, 'day'); None for anything else (a
    number, a word)."""
    match = re.fullmatch(_RATE, value) if isinstance(value, str) else None
    if match is None:
        return None
    low, high = float(match.group(1)), float(match.group(2) or match.group(1))
    return (low + high) / 2, match.group(3)


def _rate_text(value: Any, info: ValidationInfo) -> Any:
    """`60/year` is kept as `60 a year`, `2 to 3 a day` as `2-3 a day`, its figures as written
    (`0.0000001 a day`, never `1e-07 a day`); other text is refused with the forms a count a day takes, in
    one message for the whole field."""
    if not isinstance(value, str):
        return value
    match = re.fullmatch(_RATE, value)
    each = _EACH.fullmatch(value)
    if match is None and each is not None and re.fullmatch(_RATE, each["rate"]):
        fix = (
            "and how many share the work in `capacity_people`"
            if info.field_name == "capacity_per_day"
            else "for all of them together"
        )
        raise PydanticCustomError(
            "rate_each",
            "'{value}' is one person's count; write it without '{word}' (`{rate}`) {fix}",
            {
                "value": value[:60],
                "word": value[len(each["rate"]) :].strip(),
                "rate": each["rate"].strip(),
                "fix": fix,
            },
        )
    if match is None:
        raise PydanticCustomError(
            "rate_form",
            "'{value}' is not a count planner reads; write a number a day such as 12, or a count over another period "
            "such as `60 a year`, `5 a week` or a range `2-3 a day`",
            {"value": value if len(value) <= 40 else value[:37] + "..."},
        )
    low, high, period = match.groups()
    if max(float(low), float(high or low)) > NUMBER_MAX:
        raise PydanticCustomError(
            "rate_form",
            "{figure} is beyond the largest number planner holds (±{most}); write a smaller number",
            {"figure": (high if high and float(high) > float(low) else low)[:40], "most": f"{NUMBER_MAX:,}"},
        )
    if high is not None and float(high) < float(low):
        raise PydanticCustomError(
            "rate_form",
            "'{value}' runs from high to low; write the range low end first, such as `2-3 a day`",
            {"value": value[:60]},
        )
    return f"{low}-{high} a {period}" if high is not None else f"{low} a {period}"


Rate = Annotated[
    str,
    BeforeValidator(_rate_text),
    StringConstraints(pattern=_RATE),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _RATE,
            "description": "A count over a period other than the day, e.g. `60 a year` or `5 a week`; a range (`2-3 a day`) is read at its middle.",
        }
    ),
]


def per_working_day(value: Any) -> float | None:
    """A count a day from a number or from `60 a year` (over 252 working days); None for a word or blank."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    found = rate_of(value)
    return found[0] / WORKING_DAYS[found[1]] if found else None
