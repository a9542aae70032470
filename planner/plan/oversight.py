"""Who checks each output, set against the people it is about: a plain enum and how each answer reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ReviewerStake(StrEnum):
    """Who checks each output before it counts, set against the people whose work or conduct it is about."""

    concerned = "concerned"
    concerned_sampled = "concerned_sampled"
    others = "others"
    about_no_one = "about_no_one"
    not_decided = "not_decided"


OVERSIGHT_LABELS: dict[type[Enum], dict[str, str]] = {
    ReviewerStake: {
        "concerned": "the people whose work or conduct it is about (the manager a complaint names, the team "
        "whose results it reports)",
        "concerned_sampled": "those people, and someone else re-checks a sample of what they approve",
        "others": "people it is not about (another team, a central desk)",
        "about_no_one": "it is about nobody's work or conduct (a product, a document, a machine)",
        "not_decided": "not decided yet",
    },
}
