"""Whether the answers give the volume in the same kind of amount as the value: a value per tonne against
`40 t of scrap a day`, a value per kWh against a load in MWh. Then value and volume are in one unit (up to
a factor the team knows), and nothing is to be put in the same unit first."""

from __future__ import annotations

import re

from planner.judgement.rules.words import words_of

# Each kind of amount: its units written out, and the short forms read only after a number (`40 t`).
_KINDS = (
    (
        "tonne, tonnes, ton, tons, kg, kilo, kilos, kilogram, kilograms, gram, grams, pound, pounds, lb, lbs",
        "t, kg, g, lb, lbs",
    ),
    (
        "litre, litres, liter, liters, gallon, gallons, cubic metre, cubic metres, cubic meter, cubic meters",
        "l, m3",
    ),
    ("kwh, mwh, gwh, kilowatt-hour, kilowatt-hours, megawatt-hour, megawatt-hours", "kwh, mwh, gwh"),
    ("km, kilometre, kilometres, kilometer, kilometers, mile, miles, metre, metres, meter, meters", "km, m"),
    ("hour, hours, minute, minutes", "h, hrs, min, mins"),
)


def _kind(noun: str) -> tuple[frozenset[str], re.Pattern[str]] | None:
    """The units of the kind of amount `noun` is a unit of, and a pattern for a number in its short forms."""
    for words, short in _KINDS:
        units = frozenset(unit.strip() for unit in words.split(","))
        if noun.lower() in units:
            forms = "|".join(re.escape(form.strip()) for form in short.split(","))
            return units, re.compile(rf"\d\s*(?:{forms})\b", re.IGNORECASE)
    return None


def same_amount(noun: str, texts: list[str]) -> bool:
    """Whether any of `texts` gives an amount of the kind `noun` measures (`tonnes`, `40 t`, `MWh`)."""
    kind = _kind(noun)
    if kind is None:
        return False
    units, short = kind
    for text in texts:
        said = words_of(text)
        pairs = {" ".join(said[i : i + 2]) for i in range(len(said) - 1)}
        if units & (set(said) | pairs) or short.search(text):
            return True
    return False
