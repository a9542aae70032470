"""Months as plans say them: in full or short (`Oct.`, `Sept`), and their number in the year."""

from __future__ import annotations

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
