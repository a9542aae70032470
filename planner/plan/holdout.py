"""How the share kept out of the model's hands is drawn: a plain enum and how each answer reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ExplorationDrawn(StrEnum):
    """How the cases kept out of the model's hands are chosen, and whether its score then steers them."""

    at_random = "at_random"
    random_with_score = "random_with_score"
    flagged = "flagged"
    people = "people"
    not_known = "not_known"


# Only a share drawn at random from all cases, and handled as if the model had said nothing, is a holdout.
STEERED = frozenset(
    {
        ExplorationDrawn.random_with_score,
        ExplorationDrawn.flagged,
        ExplorationDrawn.people,
        ExplorationDrawn.not_known,
    }
)

HOLDOUT_LABELS: dict[type[Enum], dict[str, str]] = {
    ExplorationDrawn: {
        "at_random": "at random from all cases, and handled as if the model had said nothing",
        "random_with_score": "at random from all cases, but handled with the model's score in view",
        "flagged": "among the cases the model flags or ranks high",
        "people": "chosen by people, as they see fit",
        "not_known": "not known",
    },
}
