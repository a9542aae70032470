"""The fixed answers on how a forecast's quantity and grain relate to what the decision it feeds uses: the
same figure, a finer time grain, another quantity, the chance of at least one event, parts of different
urgency summed; the derived figure scored; or not checked. A plain enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class DecisionUses(StrEnum):
    """How what the decision uses relates to the forecast's quantity and grain (one or several)."""

    same = "same"
    finer_grain = "finer_grain"
    other_quantity = "other_quantity"
    chance_of_any = "chance_of_any"
    urgency_summed = "urgency_summed"
    derived_scored = "derived_scored"
    not_checked = "not_checked"


GRAIN_LABELS: dict[type[Enum], dict[str, str]] = {
    DecisionUses: {
        "same": "the same: the decision uses the forecast's own figure, at its own grain",
        "finer_grain": "a finer time grain: the decision is taken per hour, shift or day, the forecast is per "
        "day, week or month",
        "other_quantity": "another quantity: hours, staff or vehicles, where one forecast item can take 1 hour "
        "or 6",
        "chance_of_any": "the chance of at least one event in a slot (cover needed if anything comes), not "
        "the count",
        "urgency_summed": "parts of different urgency summed: what cannot wait added to what can",
        "derived_scored": "the figure the decision uses is derived from the forecast, and the done metric "
        "scores that derived figure",
        "not_checked": "not checked",
    },
}
