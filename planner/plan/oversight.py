"""Who checks each output, set against the people it is about, which outputs a person checks and when, and
whether an act on it can be undone: plain enums and how each answer reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ReviewerStake(StrEnum):
    """Who checks each output before it counts, set against the people whose work or conduct it is about."""

    concerned = "concerned"
    concerned_sampled = "concerned_sampled"
    others = "others"
    about_no_one = "about_no_one"
    not_decided = "not_decided"


class Undoable(StrEnum):
    """Whether an act taken on a wrong output can be undone before it does lasting harm."""

    before_harm = "before_harm"
    at_a_cost = "at_a_cost"
    never = "never"
    not_known = "not_known"


class CheckedOutputs(StrEnum):
    """Which of the model's outputs a person checks, and whether before they are used or go out."""

    every_before = "every_before"
    flagged_only = "flagged_only"
    passed_only = "passed_only"
    sample_after = "sample_after"
    every_after = "every_after"
    none = "none"


# The answers that leave some outputs used or sent with no person looking first.
UNCHECKED_FIRST = frozenset(
    {
        CheckedOutputs.flagged_only,
        CheckedOutputs.passed_only,
        CheckedOutputs.sample_after,
        CheckedOutputs.every_after,
        CheckedOutputs.none,
    }
)


OVERSIGHT_LABELS: dict[type[Enum], dict[str, str]] = {
    ReviewerStake: {
        "concerned": "the people whose work or conduct it is about (the manager a complaint names, the team "
        "whose results it reports)",
        "concerned_sampled": "those people, and someone else re-checks a sample of what they approve",
        "others": "people it is not about (another team, a central desk)",
        "about_no_one": "it is about nobody's work or conduct (a product, a document, a machine)",
        "not_decided": "not decided yet",
    },
    CheckedOutputs: {
        "every_before": "every output, before it is used or goes out",
        "flagged_only": "only the ones it flags or rejects: what it passes goes on unchecked",
        "passed_only": "only the ones it passes: what it flags or rejects is acted on unchecked",
        "sample_after": "a sample, after the fact",
        "every_after": "every output, but after it has gone out or been acted on",
        "none": "none",
    },
    Undoable: {
        "before_harm": "yes, before it does harm: nothing lasting happens until a later step, or it is changed back",
        "at_a_cost": "only at a cost: a re-clean, a refund chased, a correction sent to everyone who used it",
        "never": "no: a chemical applied, money paid out for good, a record others rely on or publish",
        "not_known": "not known",
    },
}
