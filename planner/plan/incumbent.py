"""The fixed answers on whether an input is today's own decision or estimate on the very case (the expert's
estimate, the clerk's grade) and whether the product replaces it, and whether today's rule was ever improved
before a model is set to beat it. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class TodaysCallInput(StrEnum):
    """Whether an input holds today's decision or estimate on the same case, and what becomes of it."""

    replaced = "replaced"
    kept = "kept"
    none = "none"
    not_checked = "not_checked"


class TodaysCallFeeds(StrEnum):
    """Where today's call is kept as an input: whether it is the very decision the product's output feeds."""

    same_decision = "same_decision"
    other_decision = "other_decision"
    not_checked = "not_checked"


class RuleImproved(StrEnum):
    """Whether anyone tried to make the rule better before naming it the baseline: its errors sorted by cause,
    rule changes measured."""

    variants_measured = "variants_measured"
    causes_sorted = "causes_sorted"
    as_it_runs = "as_it_runs"


TODAYS_CALL_LABELS: dict[type[Enum], dict[str, str]] = {
    RuleImproved: {
        "variants_measured": "yes: rule changes (a context signal, a longer timer, a second condition) were "
        "written and measured against the rule on real cases",
        "causes_sorted": "partly: a sample of its errors was sorted by cause, no change measured yet",
        "as_it_runs": "no: the baseline is the rule as it runs today",
    },
    TodaysCallInput: {
        "replaced": "yes, and the product replaces it: once live, that figure is gone or is the model's own",
        "kept": "yes, and people still make it first, without seeing the model's output; the model adds to it",
        "none": "no input is today's decision or estimate on the case",
        "not_checked": "not checked",
    },
    TodaysCallFeeds: {
        "same_decision": "the same decision the output feeds: people make that call with the model's output, "
        "or revise it by it",
        "other_decision": "a different decision, made before and apart from the one the output feeds",
        "not_checked": "not checked",
    },
}
