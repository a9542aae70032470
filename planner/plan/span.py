"""A metric's baseline given as a range (`1-2`, `1 to 2 days`): its two ends, checked and kept as typed."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from planner.plan.spoken import UNIT_WORDS

_END = r"[0-9]+(?:\.[0-9]+)?"
# Two figures in digits, low end first, and a unit of time after them if the team said one (`days`).
_UNITS = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_PATTERN = rf"^\s*({_END})\s*(?:-|–|to)\s*({_END})(?:\s*(?:{_UNITS}))?\s*$"
_SPAN = re.compile(_PATTERN)
# The same said in words (`one to two days`): a range, but no figure planner can read.
_IN_WORDS = re.compile(r"^\s*[a-z]+\s*(?:-|–|to)\s*[a-z]+(?:\s+[a-z]+)?\s*$", re.IGNORECASE)

# A baseline known only within a range; the file keeps the text as typed.
Span = Annotated[
    str,
    StringConstraints(pattern=_PATTERN),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _PATTERN,
            "description": "Today's figure known within a range, low end first, e.g. `1-2` or `1 to 2 days`.",
        }
    ),
]


def ends(text: object) -> tuple[float, float] | None:
    """The two ends of a range typed as a baseline (`1 to 2 days` is 1 and 2), or None for anything else."""
    found = _SPAN.match(text) if isinstance(text, str) else None
    if found is None:
        return None
    return float(found.group(1)), float(found.group(2))


def checked(text: str) -> str | None:
    """A range typed as a baseline, checked: the text as typed, or None where it is no range; a range typed
    high end first, or in words, is refused with its fix."""
    found = ends(text)
    if found is not None:
        low, high = found
        if low > high:
            raise PydanticCustomError(
                "baseline_span",
                "'{text}' runs from high to low: write a range low end first ('{fixed}'); a period such as "
                "a season (2024-25) is no figure: put it in `baseline_name`",
                {"text": text.strip(), "fixed": f"{high:g}-{low:g}"},
            )
        return text.strip()
    if _IN_WORDS.match(text) and not text.strip().lower().startswith("not "):
        raise PydanticCustomError(
            "baseline_span",
            "'{text}' is a range in words: write it in digits, low end first (e.g. '1-2'), or give one figure",
            {"text": text.strip()},
        )
    return None
