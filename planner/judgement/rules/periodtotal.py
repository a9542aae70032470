"""A value per item typed as a total a period (`GBP per year`): the team knows its pain a year, not a
value per item, and value x volume then multiplies a yearly total by every item of the month. The
figures leave such a value out of the impact estimate (`value_per_other_item`); the rule
`value-given-a-period` (rules/periodvalue.py) shows both readings."""

from __future__ import annotations

import re

from planner.plan.model import Period, Plan

PERIODS = {period.value: period for period in Period if period is not Period.once} | {"annum": Period.year}
# `per year`, `a year`, `each month`: not `a day of delay` (a day is then the item) nor `per year per customer`
_PER = re.compile(r"\b(per|a|an|each|every)\s+([a-z][a-z-]*)", re.IGNORECASE)


def period_total(plan: Plan) -> str | None:
    """The period (`year`) when the value's unit gives it a period and no item: `GBP per year in dumped
    coffee`, `EUR a month`; None for a value per item (`EUR per invoice`, `EUR per customer per year`)."""
    unit = plan.impact.value_unit or ""
    said = [(match.group(1).lower(), match.group(2).lower(), match.end()) for match in _PER.finditer(unit)]
    pers = [noun for word, noun, _ in said if word == "per"]
    if any(noun not in PERIODS for noun in pers):
        return None  # a value per some item, whatever the period after it
    for _, noun, end in said:
        if noun in PERIODS and not re.match(r"\s+(of|saved|lost|late)\b", unit[end:], re.IGNORECASE):
            return noun
    return None
