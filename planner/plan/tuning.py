"""How the split the settings are tuned on is drawn in a problem tested by time: a plain enum, its labels."""

from __future__ import annotations

from enum import Enum, StrEnum


class TuningDrawn(StrEnum):
    """Where the features and settings are chosen, against the test's later period: folds that keep every
    tuning day after its training days, days drawn at random from the history, or no split of its own."""

    rolling_origin = "rolling_origin"
    random = "random"
    no_split = "no_split"
    not_decided = "not_decided"


TUNING_LABELS: dict[type[Enum], dict[str, str]] = {
    TuningDrawn: {
        "rolling_origin": "by time: rolling-origin folds, or a later block just before the test period, "
        "training always before it",
        "random": "days or rows drawn at random from the history, training on the days around them",
        "no_split": "no tuning split: the settings are fixed ahead, or chosen on the test set itself",
        "not_decided": "not decided yet",
    },
}
