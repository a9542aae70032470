"""An input counted on the day the outcome happens, for a decision taken before that day.

A count taken on the day (the footfall, the turnout, the day's orders) describes the very day the label
measures; where the decision is made the evening before or days ahead, that count does not exist yet. A
lead reads the inputs against when the decision is taken, whatever the differences tick says.
"""

from __future__ import annotations

import re

from planner.judgement.rules.arrival import named_late
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.decidedahead import inputs_set_after_the_decision
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Difference, Plan

# Words that say an input is measured on the day itself.
_ON_THE_DAY = Lexicon("""
    on the day, on the day itself, day-of
    taken on the day, counted on the day, recorded on the day, measured on the day, logged on the day
""")
# Words that say the decision is taken before that day.
_BEFOREHAND = Lexicon("""
    the day before, the evening before, the night before, the week before, the afternoon before
    a day ahead, days ahead, a week ahead, weeks ahead, in advance, the previous evening, the previous day
    beforehand, ahead of the day, before the day, before opening, before the doors open
""")
# Words that say the on-the-day value is a forecast or a plan, known ahead.
_KNOWN_AHEAD = Lexicon("""
    forecast, forecasts, forecasted, predicted, expected, planned, scheduled, booked, bookings, advance
    as known the day before, as known the evening before, last year, a year earlier, the year before
    previous year, a week earlier, the week before
""")


@rule(
    "input-counted-on-the-day",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Use only what is known when the decision is taken",
        "A count taken on the day describes the day the label measures; where the decision comes the "
        "evening before or days ahead, replace it with what exists then (the forecast, the bookings, the "
        "previous days' counts) and rebuild the training rows as of that moment",
        "danger",
    ),
    ask="does a count taken on the day exist when the decision is made beforehand?",
    fires=(
        Case(
            {
                "product.inputs": "Weather forecast and the footfall count taken on the day.",
                "product.decision": "Kiosk managers order stock the evening before.",
                "constraints.data.differences": ["none"],
            },
            evidence=(
                'product.inputs: "Weather forecast and the footfall count taken on the day." (measured on the '
                "day itself: taken on the day)",
                'product.decision: "Kiosk managers order stock the evening before." (the decision comes '
                "first: the evening before; that count does not exist yet)",
            ),
        ),
    ),
    quiet=(
        Case(  # the answered lead: inputs-set-after-the-decision asks it with the number
            {
                "product.inputs": "Weather forecast and the footfall count taken on the day.",
                "product.decision": "Kiosk managers order stock the evening before.",
                "product.lead_days": 2,
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # the decision is taken on the day, after the count
            {
                "product.inputs": "The footfall count taken on the day and the weather.",
                "product.decision": "Kiosk managers top up stock at noon.",
            }
        ),
        Case(  # the on-the-day value is the forecast, known the evening before
            {
                "product.inputs": "The weather forecast for the day and bookings on the day.",
                "product.decision": "Kiosk managers order stock the evening before.",
            }
        ),
        Case(  # marked: inputs-after-prediction quotes the tick
            {
                "product.inputs": "The footfall count taken on the day.",
                "product.decision": "Kiosk managers order stock the evening before.",
                "constraints.data.differences": ["later_inputs"],
            }
        ),
    ),
)
def input_counted_on_the_day(plan: Plan) -> Evidence:
    """An input is counted on the day, for a decision taken before it.

    An input measured on the day itself (the footfall, the turnout, the orders taken) describes the day
    the label measures; a decision taken the evening before or days ahead cannot read it, so the model
    trains on a value production never has, and its offline score overstates what it will do live.

    Mitigation: Replace the on-the-day value with what exists when the decision is taken (a forecast,
    the bookings, the previous days' counts), and rebuild the training rows as of that moment.
    """
    product = plan.product
    if Difference.later_inputs in plan.constraints.data.differences:
        return None
    # each listed input apart: `the forecast for the day` is known ahead, `the count taken on the day` is not
    listed = re.split(r"[,;]|\band\b|\bplus\b", product.inputs or "")
    parts = [part for part in listed if _ON_THE_DAY.find(part)]
    parts = [part for part in parts if not _KNOWN_AHEAD.find(part)]
    # an input the team named as known after the prediction is said once, by inputs-after-prediction
    parts = [part for part in parts if not named_late(plan, (part.strip(" ."),))]
    words = tuple(dict.fromkeys(word for part in parts for word in _ON_THE_DAY.find_all(part)))
    if not words:
        return None
    if (product.lead_days or 0) >= 1 and inputs_set_after_the_decision(plan):
        return None  # the answered lead: inputs-set-after-the-decision asks it with the number
    before = _BEFOREHAND.find_all(product.decision)
    if not before:
        return None
    return Hint(
        (*words, *before),
        (
            quote(plan, "product.inputs", f"measured on the day itself: {', '.join(words)}"),
            quote(
                plan,
                "product.decision",
                f"the decision comes first: {', '.join(before)}; that count does not exist yet",
            ),
        ),
    )
