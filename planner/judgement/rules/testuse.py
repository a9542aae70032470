"""Whether the test set's score is the figure that picked what it scores: a model, a threshold or a prompt
chosen on the same cases that report how good it is.

Tuned on its own test, a figure is the best of many tries on those cases, not what the product will do
on new ones: it flatters by as much as the tries fit the test's quirks. A lead keeps a test set nobody
looks at until the end and tunes on a separate validation set.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answered_quotes, quote
from planner.plan.model import Category, Plan, TestUse

_PICKS = {
    TestUse.choosing: "the test's score chooses the model, its settings or its threshold",
    TestUse.prompt: "the prompt or the rules are written or adjusted against the test's score",
}


# A choice among this many scores on the test fits its quirks little: a medium risk, not a high one.
FEW_CANDIDATES = 3


def _split(plan: Plan) -> str:
    """How a test of `test_size` cases could be shared between a validation set and an untouched test."""
    size = plan.done.test_size
    if not size or size < 2:
        return "split the cases into a validation set to tune on and a test set nobody looks at until the end"
    kept = size // 2
    return (
        f"of the {size:,} test cases, tune on a validation set of about {size - kept:,} and keep the other "
        f"{kept:,} untouched until the final figure"
    )


@rule(
    "tuned-on-test",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep a test set nobody looks at until the end",
        "A model, threshold or prompt chosen on the cases that score it reports the best of many tries "
        "on those cases, not what it will do on new ones; tune on a separate validation set",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"done.test_used_for": "prompt"},
            evidence=(
                'done.test_used_for: "prompt" (the prompt or the rules are written or adjusted against the '
                "test's score: of the 6,000 test cases, tune on a validation set of about 3,000 and keep the "
                "other 3,000 untouched until the final figure)",
                "done.test_size: 6000",
            ),
        ),
        Case(
            {"done.test_used_for": "choosing", "done.test_size": None},
            evidence=(
                'done.test_used_for: "choosing" (the test\'s score chooses the model, its settings or its '
                "threshold: split the cases into a validation set to tune on and a test set nobody looks at "
                "until the end)",
            ),
        ),
        Case(  # a choice between two models, at medium: the best of two fits the test's quirks little
            {"done.test_used_for": "choosing", "done.test_candidates": 2},
            evidence=(
                'done.test_used_for: "choosing" (the test\'s score chooses the model, its settings or its '
                "threshold: of the 6,000 test cases, tune on a validation set of about 3,000 and keep the other "
                "3,000 untouched until the final figure)",
                "done.test_size: 6000",
                "done.test_candidates: 2 (a choice among 2)",
            ),
        ),
    ),
    quiet=(
        Case({"done.test_used_for": "nothing"}),
        Case({"done.test_used_for": "not_decided"}),
    ),
)
def tuned_on_test(plan: Plan) -> Evidence:
    """The done figure comes from the cases that tuned the model: tuned on the test set.

    The model, its threshold or its prompt is chosen by its score on the test set, and that same score
    is the one reported: it is the best of many tries on those cases, and flatters what the product will
    do on new ones.

    Mitigation: Split off a validation set to tune on; keep the test set untouched until the final
    figure, scored once; if it must be looked at again, refresh it with new cases.
    """
    used = plan.done.test_used_for
    if used not in _PICKS:
        return None
    note = f"{_PICKS[used]}: {_split(plan)}"
    found = (quote(plan, "done.test_used_for", note), *answered_quotes(plan, "done.test_size"))
    tries = plan.done.test_candidates
    if tries is not None and tries <= FEW_CANDIDATES:
        # the best of a few flatters by little; many rounds of tuning is the high risk
        return Tempered(2, (*found, quote(plan, "done.test_candidates", f"a choice among {tries}")))
    return found
