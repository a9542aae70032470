"""How a figure reads, the same in the terminal, on the site, in a rule's evidence and in a diff."""

from __future__ import annotations

import math
from datetime import date

# Shares read to one decimal of a percent everywhere (12.3%), a whole percent without its `.0` (35%).
SHARE_DECIMALS = 1
# Numbers under 100 keep this many significant digits, so 0.0001 stays 0.0001 and 3.14159 reads 3.142.
SIGNIFICANT = 4
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _plain(value: float, significant: int = SIGNIFICANT) -> str:
    """`value` to `significant` digits, never in exponent form, trailing zeros dropped."""
    if value == 0:
        return "0"
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float | None, digits: int | None = None, *, significant: int | None = None) -> str:
    """`1234567` -> `1,234,567`; `1234.5` -> `1,234`; `0.125` -> `0.125`; `0.0001` -> `0.0001`.

    `digits` fixes the decimals instead (`number(0.5, 2)` -> `0.50`); `significant` keeps that many
    digits of a figure worked out (`number(27.397, significant=2)` -> `27`, `1,644` stays whole); None
    reads as an empty string."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if digits is not None:
        return f"{value:,.{digits}f}"
    if significant is not None:
        return _plain(float(value), significant)
    if isinstance(value, int) or float(value).is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return _plain(float(value))


def count(value: float) -> str:
    """A count worked out from others, as a whole: `7.9` -> `8`, `1643.8` -> `1,644`; below one, its
    first digit (`0.34` -> `0.3`), so a rare case never reads as none."""
    return number(round(value)) if abs(value) >= 1 else _plain(value, 1)


# A wait worked out by division (cases needed over cases a day) past a century is no plan's horizon: a
# volume typed near zero would otherwise print a count of days twenty digits long.
CENTURY = "more than a century"
_YEARS_PER = {"day": 1 / 365.25, "working day": 1 / 252, "week": 7 / 365.25, "month": 1 / 12, "year": 1.0}


def duration(value: float, unit: str, *, significant: int | None = None) -> str:
    """A span of time worked out from other figures: `about 1,200 days`, `about 2.5 years` (with
    `significant`), `about 1 month`; past a hundred years, `more than a century`."""
    if not math.isfinite(value) or value * _YEARS_PER[unit] > 100:
        return CENTURY
    figure = count(value) if significant is None else number(value, significant=significant)
    return f"about {figure} {unit}{'' if figure == '1' else 's'}"


def share(value: float | None, interval: tuple[float, float] | None = None) -> str:
    """A share of 1 as a percent: `0.35` -> `35%`, `0.1235` -> `12.3%`, `0.0004` -> `0.04%` (a share
    that is not zero never reads as 0%); with its 95% interval: `12.3% (10.1-14.6)`. None reads `-`."""
    if value is None:
        return "-"
    text = _percent(value) + "%"
    if interval is not None:
        text += f" ({_percent(interval[0])}-{_percent(interval[1])})"
    return text


def _percent(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    points = value * 100
    text = f"{points:.{SHARE_DECIMALS}f}"
    if float(text) == 0 and points != 0:
        return _plain(points, 1)
    return text.removesuffix(".0")


def money(amount: float, currency: str | None) -> str:
    """An amount in the plan's currency: `$4,500`, `€1.50`, `€0.0001`, `4,500 CHF`; a unit that is not
    a currency code as typed (`4,500 minutes`); the bare number without one. A currency's cents show
    as two digits; smaller amounts keep their significant digits."""
    text = number(amount)
    unit = (currency or "").strip()
    if not (len(unit) == 3 and unit.isalpha()):
        return f"{text} {unit}".strip()
    if "." in text and len(text.partition(".")[2]) == 1:
        text += "0"
    code = unit.upper()
    if code in SYMBOLS:
        sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
        return f"{sign}{SYMBOLS[code]}{text}"
    return f"{text} {code}"


def span(low: float, high: float, unit: str = "") -> str:
    """A range: `30-90 days`; one number when both ends agree."""
    text = number(low) if low == high else f"{number(low)}-{number(high)}"
    return f"{text} {unit}".strip()


def day(value: date) -> str:
    """A date as every output writes it: `2026-12-04`."""
    return value.isoformat()
