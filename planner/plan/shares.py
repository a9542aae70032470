"""The share field types: a fraction or a percent (`Share`), a step's part of its whole (`PartOf`), and
the share either one says."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from planner.plan.spoken import UNIT_WORDS as _UNIT_WORDS

# The one percent planner reads, in the file and in the JSON Schema alike: 0% to 100%, no padding zeros.
_PERCENT = r"^ *(100(?:\.0+)?|[0-9]{1,2}(?:\.[0-9]+)?|\.[0-9]+) *% *$"
# What planner parses as a percent: the same spelling without the bound, so that `120%` is refused by
# the share's own range (with its hint, 20% is 0.2) rather than as no number at all.
_ANY_PERCENT = r"^ *((?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+) *% *$"


def _parse_share(value: Any, info: ValidationInfo) -> Any:
    """Accept `20%` and `0.2` alike; the file always stores the fraction.

    In a file (JSON mode, strict) only a number or a percent is a share, as the JSON Schema says; a
    typed answer in the interview may also be a number as text (`0.2`)."""
    if not isinstance(value, str):
        return value
    match = re.fullmatch(_ANY_PERCENT, value)
    if match:
        return float(match.group(1)) / 100
    if info.mode == "python":
        try:
            return float(value)
        except ValueError:
            pass
    return value


Share = Annotated[
    float,
    BeforeValidator(_parse_share),
    Field(ge=0, le=1, description="A fraction between 0 and 1 (20% is 0.2)."),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": _PERCENT},
            ]
        }
    ),
]


# A share said as its part of the whole: `8 of 45 minutes`, `3 days of 10`, `2/9 hours`. The file keeps the
# two figures (a rule weighs a saving against the step's own 8 minutes), written `8 of 45 minutes`.
_PART_OF = (
    r"^ *([0-9]+(?:\.[0-9]+)?) *([A-Za-z]+)? *(?:[Oo][Ff]|[Oo][Uu][Tt] +[Oo][Ff]|/) *"
    r"([0-9]+(?:\.[0-9]+)?) *([A-Za-z]+)? *$"
)


def part_of(value: Any) -> tuple[float, float, str] | None:
    """`8 of 45 minutes` as (8, 45, 'minutes'); None for anything else (a share, a word)."""
    found = _parts(value)
    if found is None:
        return None
    part, whole, first, second = found
    return part, whole, second or first


def _parts(value: Any) -> tuple[float, float, str, str] | None:
    """`8 minutes of 45 hours` as (8, 45, 'minutes', 'hours'), read once: the part, the whole and the
    units typed after each (`out` of `8 out of 45` is none)."""
    match = re.fullmatch(_PART_OF, value) if isinstance(value, str) else None
    if not match:
        return None
    first = match.group(2) or ""
    unit = "" if first.lower() == "out" else first
    return float(match.group(1)), float(match.group(3)), unit, match.group(4) or ""


def _part_text(value: Any) -> Any:
    """`8 minutes of 45` is kept as `8 of 45 minutes`; a part above its whole or units that differ are
    refused with the fix."""
    found = _parts(value)
    if found is None:
        return value
    part, whole, first, second = found
    if (
        first
        and second
        and _UNIT_WORDS.get(first.lower(), first.lower()) != _UNIT_WORDS.get(second.lower(), second.lower())
    ):
        raise PydanticCustomError(
            "part_units", "'{value}' says two units; give both in one, e.g. 8 of 45 minutes", {"value": value}
        )
    unit = second or first
    if whole <= 0 or part > whole:
        raise PydanticCustomError(
            "part_of",
            "'{value}': the step's part must be at most the whole, e.g. 8 of 45 minutes",
            {"value": value},
        )
    return f"{part:g} of {whole:g} {unit}".strip()


PartOf = Annotated[
    str,
    BeforeValidator(_part_text),
    StringConstraints(pattern=_PART_OF),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _PART_OF,
            "description": "The step's part of the whole, e.g. `8 of 45 minutes`.",
        }
    ),
]


def part_first(value: Any) -> Any:
    """A part of the whole checked before the other forms, so its own message (not "a valid number") says
    what is wrong with `50 of 45 minutes`."""
    return _part_text(value) if part_of(value) is not None else value


def share_of(value: Any) -> float | None:
    """The share a step takes, from a fraction or from `8 of 45 minutes`; None for a word or no answer."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    found = part_of(value)
    return found[0] / found[1] if found and found[1] else None
