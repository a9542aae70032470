"""A target said in words: holding today's figure (`no worse than the baseline`), a margin of 0 on the
baseline; a bound on a figure (`keep 11%`, `no worse than 2.1`, `at most 5`), that figure; a count of a total
(`27 of 30`), its share; a margin on the baseline (`30% lower`, `a third lower`), a relative target; or
`not set`, no target yet."""

from __future__ import annotations

import re

from planner.plan.spoken import word_share

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


# A target not chosen yet: no target, as if the key were left out (the advice then asks for one).
_NOT_SET = r"(?:not\s+set(?:\s+yet)?|no\s+target(?:\s+set)?(?:\s+yet)?|to\s+be\s+set|tbd)"
NOT_SET_SCHEMA = {"type": "string", "pattern": rf"^\s*{_any_case(_NOT_SET)}[.!]?\s*$"}


def not_set(text: str) -> bool:
    """Whether an answer for a target says none is chosen yet (`not set`, `no target yet`, `TBD`)."""
    return re.fullmatch(_NOT_SET, " ".join(text.strip().rstrip(".!").split()), re.IGNORECASE) is not None


# A count of a total: `27 of 30`, `27 out of 30 cases`, `27/30`: the share it is, 0.9.
_COUNT = r"((?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"
_OF = rf"{_COUNT}\s*(?:of|out\s+of|/)\s*{_COUNT}"
_OF_TOTAL = rf"{_OF}(?:\s+[A-Za-z]+)?"  # what is counted, in any case (`27 of 30 calls`)
OF_TOTAL_SCHEMA = {"type": "string", "pattern": rf"^\s*{_any_case(_OF)}(?:\s+[A-Za-z]+)?[.!]?\s*$"}


def of_total(text: str) -> tuple[float, float] | None:
    """`27 of 30` as (27, 30); None for other words."""
    found = re.fullmatch(_OF_TOTAL, " ".join(text.strip().rstrip(".!").split()), re.IGNORECASE)
    return (float(found.group(1)), float(found.group(2))) if found else None


# A margin on the baseline, said as a share of it: `30% lower`, `one third lower`, `a third lower than the
# baseline`, `20% better than today`: the relative target (`relative_target: 0.3`), the way it goes if said.
_PARTS = r"(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)"
_MARGIN = (
    rf"(?:by\s+)?([0-9]+(?:\.[0-9]+)?\s*%|(?:(?:a|an|one|two|three|four)\s+)?{_PARTS})\s+"
    r"(better|higher|more|up|lower|less|fewer|smaller|down|improvement)"
    r"(?:\s+(?:than|on|over|against)\s+(?:the\s+|today'?s\s+|our\s+|current\s+)?"
    r"(?:baseline|today|now|current(?:\s+level)?|level\s+today|figure\s+today|current\s+figure))?"
)
MARGIN_SCHEMA = {"type": "string", "pattern": rf"^\s*{_any_case(_MARGIN)}[.!]?\s*$"}
_UP, _DOWN = {"higher", "more", "up"}, {"lower", "less", "fewer", "smaller", "down"}


def margin_said(text: str) -> tuple[float, str | None] | None:
    """`30% lower` as (0.3, 'lower'), `a third better` as (0.3333, None): the share of the baseline and the
    way it goes where the words say one; None for other words."""
    found = re.fullmatch(_MARGIN, " ".join(text.strip().rstrip(".!").split()), re.IGNORECASE)
    if found is None:
        return None
    amount, word = found.group(1), found.group(2).lower()
    share = float(amount.rstrip("% ")) / 100 if amount.endswith("%") else word_share(amount)
    if share is None:
        return None
    return share, "higher" if word in _UP else "lower" if word in _DOWN else None
