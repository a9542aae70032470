"""Months and dates as plans say them: `Oct.`, `Sept`, `Jan 2022`, and which of two comes later."""

from __future__ import annotations

import re

# The calendar's months, and each short form: `jan` january ... `dec` december, and `sept`.
CALENDAR = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
MONTH_NAMES = {name[:3]: name for name in CALENDAR} | {"sept": "september"}
# A month said in full or short (`October`, `Oct.`, `Sept`): MONTH captures its stem.
MONTH_STEM = r"jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec"
MONTH = rf"({MONTH_STEM})[a-z]*\.?"


def month_number(name: str) -> int:
    """The month a name or short form says, 1 to 12 (`Oct` and `october` are 10)."""
    return CALENDAR.index(MONTH_NAMES[name.lower()[:3]]) + 1


# A date: an optional month, then a year (`Jan 2022`, `2019`).
_DATE = re.compile(rf"(?:\b{MONTH}\s+)?\b((?:19|20)\d\d)\b", re.IGNORECASE)


def dates_in(text: str) -> list[tuple[int, int]]:
    """The (year, month) of each date a text says, the month 0 where only a year is given."""
    return [(int(year), month_number(month) if month else 0) for month, year in _DATE.findall(text)]


def later_than(date: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether a (year, month) falls after another; a month 0 (a year alone) is never after its own year."""
    year, month = date
    return year > end[0] or (year == end[0] and 0 < end[1] < month)
