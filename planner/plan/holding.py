"""A target said as holding today's figure (`no worse than the baseline`): a margin of 0 on the baseline;
or as a bound on a figure (`keep 11%`, `no worse than 2.1`, `at most 5`): that figure."""

from __future__ import annotations

import re

# Whole answers only (fullmatch): a guardrail held where it is today, in the words teams write for it.
_HOLDS = re.compile(
    r"(?:(?:keep\s+it\s+|stay\s+|stays\s+|remain\s+|hold\s+(?:it\s+)?)?"
    r"(?:no\s+worse\s+than|not\s+worse\s+than|the\s+same\s+as|same\s+as|at\s+least(?:\s+as\s+good\s+as)?|"
    r"as\s+good\s+as|at\s+or\s+above|at\s+or\s+below|matching|match|equal\s+to|on\s+par\s+with)\s+"
    r"(?:the\s+|today'?s\s+|today’s\s+|our\s+|current\s+)?(?:baseline|today|now|current(?:\s+level)?|"
    r"level\s+today|figure\s+today|current\s+figure|present\s+level)(?:'s)?(?:\s+(?:figure|level|value))?|"
    r"hold(?:\s+the)?\s+(?:baseline|line)|no\s+worse|not\s+worse|unchanged|no\s+drop|no\s+regression)",
    re.IGNORECASE,
)

HOLD_WORDS = "no worse than the baseline"


def _any_case(source: str) -> str:
    """The pattern with each letter as `[aA]`: a JSON Schema pattern has no flag for case."""
    out, escaped = [], False
    for char in source:
        out.append(f"[{char.lower()}{char.upper()}]" if char.isalpha() and not escaped else char)
        escaped = char == "\\" and not escaped
    return "".join(out)


# The same words for the JSON Schema, so an editor takes `target: no worse than the baseline` too.
HOLD_SCHEMA = {"type": "string", "pattern": rf"^\s*{_any_case(_HOLDS.pattern)}[.!]?\s*$"}


# Words that bound a target's figure (`keep 11%`, `no worse than 2.1`, `at most 5`, `<= 0.3`): the figure
# is the target, whichever way the metric's direction reads it.
_BOUND = (
    r"(?:keep(?:\s+it)?(?:\s+(?:at|below|under|above|within))?|hold(?:\s+it)?(?:\s+at)?|"
    r"stay(?:s)?\s+(?:at|below|under|above)|(?:no|not)\s+worse\s+than|at\s+(?:most|least)|"
    r"no\s+(?:more|less|higher|lower)\s+than|below|under|above|over|up\s+to|max(?:imum)?|min(?:imum)?|"
    r"<=|>=|≤|≥|<|>)"
)
_FIGURE = r"(-?\s*(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)\s*%?)"
_BOUNDED = re.compile(rf"{_BOUND}\s*:?\s*{_FIGURE}", re.IGNORECASE)
BOUND_SCHEMA = {"type": "string", "pattern": rf"^\s*{_any_case(_BOUND)}\s*:?\s*{_FIGURE}[.!]?\s*$"}


def bounded_figure(text: str) -> float | str | None:
    """The figure a bound names (`keep 11%`: `11%`, `no worse than 2.1`: 2.1), or None for other words."""
    found = _BOUNDED.fullmatch(" ".join(text.strip().rstrip(".!").split()))
    if found is None:
        return None
    figure = found.group(1).replace(" ", "")
    return figure if figure.endswith("%") else float(figure)


def holds(text: str) -> bool:
    """Whether an answer for a target says only "hold today's figure" (`no worse than the baseline`, `same
    as today`, `at least the baseline`, `no regression`): a margin of 0 on the baseline, whichever way is
    better."""
    return _HOLDS.fullmatch(" ".join(text.strip().rstrip(".!").split())) is not None
