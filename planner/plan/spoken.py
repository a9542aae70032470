"""Numbers as people say them: `about 50`, `40-50%`, `30 to 90 days`, `6 weeks`, and "don't know yet"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planner.core import formatting

# "Don't know yet" is an answer of its own: an open question, not a skip and not "we have none".
_DONT_KNOW = re.compile(
    r"(?:(?:i|we)\s+)?(?:do\s*n[o']?t|don’t)\s+know(?:\s+yet)?|not\s+known(?:\s+yet)?|unknown|"
    r"no\s+idea(?:\s+yet)?|not\s+sure(?:\s+yet)?|tbd|to\s+be\s+determined|\?+",
    re.IGNORECASE,
)
DONT_KNOW_HINT = '"don\'t know" opens it for someone to find out'

_ABOUT = re.compile(
    r"^(?:about|around|roughly|approximately|approx\.?|circa|ca\.|some|nearly|almost|~|≈)\s*",
    re.IGNORECASE,
)
_ISH = re.compile(r"\s*-?ish$", re.IGNORECASE)
_RANGE = re.compile(r"^(?:between\s+)?(?P<low>.*?\d.*?)\s*(?:-|–|—|\bto\b|\band\b)\s*(?P<high>\S.*)$", re.I)

# Units of time a question may be asked in, in seconds; a month is a twelfth of a year.
_SECONDS = {"ms": 0.001, "second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0}
_SECONDS |= {"week": 7 * 86400.0, "month": 365.25 * 86400 / 12, "year": 365.25 * 86400}
UNIT_WORDS = {
    "ms": "ms", "msec": "ms", "millisecond": "ms", "milliseconds": "ms",
    "s": "second", "sec": "second", "secs": "second", "second": "second", "seconds": "second",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "d": "day", "day": "day", "days": "day",
    "w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "mo": "month", "mos": "month", "month": "month", "months": "month",
    "y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year",
}  # fmt: skip
_UNIT = re.compile(r"^(?P<number>.*?\d[^a-zA-Z]*?)\s*(?:person[- ]?)?(?P<unit>[a-zA-Z]+)\.?$")
_PLURAL = {"ms": "ms", "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days"}
_PLURAL |= {"week": "weeks", "month": "months", "year": "years"}


# A target said as an improvement on the baseline: `20% better`, `20% lower`, `+20%`.
_RELATIVE = re.compile(
    r"^(?P<sign>[+-])?\s*(?P<share>\d+(?:\.\d+)?)\s*%\s*(?P<word>better|higher|more|up|lower|less|fewer|"
    r"smaller|down|improvement)?(?:\s+(?:than|on|over)\s+(?:the\s+)?baseline)?$",
    re.IGNORECASE,
)
_UP, _DOWN = {"higher", "more", "up"}, {"lower", "less", "fewer", "smaller", "down"}
# A target said as an amount over the baseline: `1.5 points lower`, `0.3 days less`, `+5 points`, `5 pp
# above last year's`. A bare `-1.5` stays a number (a target may be negative); a word or `points` says it.
_MORE_LESS = r"better|higher|more|up|above|lower|less|fewer|smaller|down|below|improvement"
_ABSOLUTE = re.compile(
    r"^(?:by\s+)?(?P<sign>[+-])?\s*(?P<amount>\d+(?:\.\d+)?)\s*(?:(?P<points>percentage\s+points?|percent\s+"
    rf"points?|points?|pts|pp)\b|(?!(?:{_MORE_LESS})\b)(?P<unit>[a-z]+))?(?:\s*(?P<word>{_MORE_LESS})\b)?"
    r"(?:\s+(?!(?:is|bound|limit)\b)\S.*)?$",
    re.IGNORECASE,
)
_ABOVE, _BELOW = _UP | {"above"}, _DOWN | {"below"}


# Counts teams write as words: `four hours`, `twenty-one days`, `a dozen sites`. Each reader adds what
# its own sentences mean (`a week` is one week, `a` is no count of raters).
_ONE_TO_TWENTY = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                  "twenty")  # fmt: skip
NUMBER_WORDS: dict[str, int] = {word: count for count, word in enumerate(_ONE_TO_TWENTY, start=1)}
NUMBER_WORDS |= {"twenty-one": 21, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60}
NUMBER_WORDS |= {"ninety": 90, "a dozen": 12, "hundred": 100, "a hundred": 100}
A_COUNT = {"a": 1, "an": 1}


def alternation(words: dict[str, int]) -> str:
    """The words as one regex alternation, longest first, so `twenty-one` wins over `twenty`."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def said_count(said: str, words: dict[str, int] = NUMBER_WORDS) -> float:
    """A count said in digits or in one of the words."""
    return float(words.get(" ".join(said.lower().split()), 0) or said)


_COUNTED = rf"\d+(?:\.\d+)?|{alternation(NUMBER_WORDS)}"
# The units a step's time is said in, in minutes: `45 minutes`, `two hours`, `30 seconds`.
STEP_MINUTES = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
# The time a step takes, said in minutes or hours: `two minutes of a clerk's check`, `45-60 minutes per
# listing`, `about two hours`.
STEP_TIME = re.compile(
    rf"\b({_COUNTED})(?:\s*(?:-|–|to|or)\s*({_COUNTED}))?\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b",
    re.IGNORECASE,
)


# A share said in words: `half`, `a fifth`, `two thirds`, `1 in 5`, `one in five`, `a third of the time`.
# Read whole only (fullmatch), so a word inside another (`behalf`) or in a longer text is never a share.
_COUNTS = A_COUNT | NUMBER_WORDS
_PARTS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
          "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_COUNT = rf"(?:\d+|{alternation(_COUNTS)})"
_WORD_SHARE = re.compile(
    rf"(?:(?:(?P<count>{_COUNT})[\s-]+)?(?P<part>half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|"
    rf"eighth|ninth|tenth)s?)|(?P<some>{_COUNT})\s+in\s+(?P<every>{_COUNT}))"
    r"(?:\s+(?:of\s+(?:(?:the|its|our|their)\s+)?|the\s+)(?:time|whole|total|cost|delay|work|effort|cases|items|it|them|all))?",
    re.IGNORECASE,
)


def _count(word: str) -> int:
    text = re.sub(r"\s+", " ", word.lower())
    return int(text) if text.isdigit() else _COUNTS[" ".join(text.split())]


def word_share(text: str) -> float | None:
    """A share said in words (`about a fifth` 0.2, `half` 0.5, `1 in 5` 0.2, `a third of the time`
    0.3333), to four significant digits; None for anything else."""
    said = _ISH.sub("", _ABOUT.sub("", text.strip().rstrip(".!"))).strip()
    found = _WORD_SHARE.fullmatch(said)
    if found is None:
        return None
    if found["part"]:
        part = found["part"].lower()
        whole = _PARTS[part if part in _PARTS else "half" if part == "halves" else part[:-1]]
        some = _count(found["count"]) if found["count"] else 1
    else:
        some, whole = _count(found["some"]), _count(found["every"])
    return float(f"{some / whole:.4g}") if whole else None


def relative(text: str) -> tuple[float, str | None] | None:
    """A relative target (`20% better`, `15% lower`, `+5%`) as (share, direction if it says one)."""
    found = _RELATIVE.match(text.strip())
    if found is None or not (found["word"] or found["sign"]):
        return None
    word = (found["word"] or "").lower()
    direction = (
        "higher"
        if word in _UP or found["sign"] == "+"
        else "lower"
        if word in _DOWN or found["sign"] == "-"
        else None
    )
    return float(found["share"]) / 100, direction


def absolute(text: str) -> tuple[float, str | None, bool] | None:
    """A target said as an amount over the baseline (`1.5 points lower`, `0.3 days less`, `+5 points`, `+1`) as
    (amount, direction if it says one, whether it says percentage points)."""
    found = _ABSOLUTE.match(text.strip())
    if found is None or not (found["word"] or found["sign"] == "+" or (found["sign"] and found["points"])):
        return None  # `-0.1` is a figure (a growth can fall); `+0.1`, as `+5%`, is a margin
    if found["unit"] and (not found["word"] or found["unit"].lower() not in UNIT_WORDS):
        return None  # `0.85 or more` is a target; `0.3 days less` a margin
    word = (found["word"] or "").lower()
    sign = found["sign"]
    direction = (
        "higher" if word in _ABOVE or sign == "+" else "lower" if word in _BELOW or sign == "-" else None
    )
    return float(found["amount"]), direction, bool(found["points"])


def dont_know(text: str) -> bool:
    """Whether an answer says "don't know yet" (`?`, `unknown`, `not sure`, `TBD` too)."""
    return _DONT_KNOW.fullmatch(text.strip().rstrip(".!")) is not None


def field_unit(name: str) -> str | None:
    """The unit of time a field is asked in, from its name: `timebox_weeks` in weeks, `p99_ms` in ms."""
    for suffix, unit in (("_weeks", "week"), ("_days", "day"), ("_ms", "ms")):
        if name.endswith(suffix):
            return unit
    return "minute" if name.startswith("minutes_") else None


def units(counts: list[float], unit: str) -> str:
    """`6 weeks`, `1 day`, `200 ms`, `30-90 days`."""
    word = unit if counts == [1] else _PLURAL[unit]
    return formatting.span(counts[0], counts[-1], word)


@dataclass(frozen=True)
class Spoken:
    """What a typed number says: its value (or both ends of a range), and what was read into it."""

    low: str  # the number as typed, unit and words taken off (`50`, `40%`, `3k`)
    high: str | None = None  # the range's other end, if a range was typed
    unit: str | None = None  # a unit of time typed with it
    approximate: bool = False  # `about 50`, `50ish`


def spoken(raw: str) -> Spoken:
    """Take apart `about 50`, `40-50%`, `30 to 90 days`, `2 months`: the words around the number."""
    text = raw.strip()
    approximate = False
    about = _ABOUT.match(text)
    if about and about.end() < len(text):
        text, approximate = text[about.end() :], True
    if _ISH.search(text) and _ISH.sub("", text):
        text, approximate = _ISH.sub("", text), True
    unit = None
    found = _UNIT.match(text)
    if found and found["unit"].lower() in UNIT_WORDS:
        text, unit = found["number"].strip(), UNIT_WORDS[found["unit"].lower()]
    span = _RANGE.match(text)
    if span and re.search(r"\d", span["high"]):
        low, high = span["low"].strip(), span["high"].strip()
        lower = _UNIT.match(low)
        if lower and lower["unit"].lower() in UNIT_WORDS and UNIT_WORDS[lower["unit"].lower()] == unit:
            low = lower["number"].strip()  # `30 days to 90 days`
        if high.endswith("%") and not low.endswith("%"):
            low += "%"  # `40-50%`: both ends are percents
        return Spoken(low, high, unit, approximate)
    return Spoken(text, None, unit, approximate)


def convert(value: float, typed: str, wanted: str) -> float:
    """`value` in unit `typed` expressed in unit `wanted`, to three significant digits."""
    exact = value * _SECONDS[typed] / _SECONDS[wanted]
    return float(f"{exact:.3g}") if exact else 0.0


@dataclass
class Reading:
    """An answer read: the value for the field, what else it sets, and what to tell the team."""

    value: Any = None
    also: dict[str, Any] = field(default_factory=dict)  # other fields of the same record (a range's end)
    rough: set[str] = field(
        default_factory=set
    )  # those of them said as estimates (`photo checks, about 20%`)
    approximate: bool = False
    note: str = ""  # e.g. "2 months is 8.7 weeks", "the midpoint of 40-50%"
    unknown: bool = False  # "don't know yet"
    unknown_also: str = ""  # another field answered "don't know yet" in the same answer (`200, don't know`)
    kept: bool = False  # Enter kept the answer as it was
    none: bool = False  # "we have none" (a metric's `baseline: none`), kept in its section's `none`
