"""Whether the test set's score is the figure that picked what it scores: a model, a threshold or a prompt
chosen on the same cases that report how good it is.

Tuned on its own test, a figure is the best of many tries on those cases, not what the product will do
on new ones: it flatters by as much as the tries fit the test's quirks. A lead keeps a test set nobody
looks at until the end and tunes on a separate validation set. How much it flatters scales with the tries
and the test's size: the best of k on n cases sits about sqrt(2 ln k) / sqrt(n) standard deviations of one
case's score above its true level, noise for 4 model families on a year of backtests (high for thirty
prompt versions on 40 cases).
"""

from __future__ import annotations

import math

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answered_quotes, quote
from planner.plan.model import Category, Plan, TestUse

_PICKS = {
    TestUse.choosing: "the test's score chooses the model, its settings or its threshold",
    TestUse.prompt: "the prompt or the rules are written or adjusted against the test's score",
}


# How far the best of k scores on n test cases sits above its true score, in standard deviations of one
# case's score: the expected maximum of k noise draws is about sqrt(2 ln k) standard errors, sd / sqrt(n)
# each. Up to this much is noise-level (the best of 4 on 5,000 cases: 0.024)...
NOISE_LEVEL = 0.05
# ...up to this a medium risk (the best of 10 on 300 cases: 0.12); beyond, the figure is the tuning's.
SOME_FLATTERY = 0.2
# Without the test's size, a choice among this many fits its quirks little: a low risk, not a high one; with
# the count unsaid, a test so small that even the best of this many flatters is sure to mislead.
FEW_CANDIDATES = 3
# A test this large makes a choice among an unsaid few worth asking about, not a high risk.
LARGE_TEST = 1000


def flattery(tries: int, size: int) -> float:
    """The optimism of the best of `tries` scores on `size` cases, in standard deviations of one case."""
    return math.sqrt(2 * math.log(tries) / size) if tries > 1 and size > 0 else 0.0


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
                "among how many candidates, not said: one look at one flatters nothing; many rounds of tuning on "
                "these cases is the high risk",
            ),
        ),
        Case(
            {"done.test_used_for": "choosing", "done.test_size": None},
            evidence=(
                'done.test_used_for: "choosing" (the test\'s score chooses the model, its settings or its '
                "threshold: split the cases into a validation set to tune on and a test set nobody looks at "
                "until the end)",
                "among how many candidates, not said: one look at one flatters nothing; many rounds of tuning on "
                "these cases is the high risk",
            ),
        ),
        Case(  # a choice among four model families on 6,000 cases, at low: the best of four is noise-level
            {"done.test_used_for": "choosing", "done.test_candidates": 4},
            evidence=(
                'done.test_used_for: "choosing" (the test\'s score chooses the model, its settings or its '
                "threshold: of the 6,000 test cases, tune on a validation set of about 3,000 and keep the other "
                "3,000 untouched until the final figure)",
                "done.test_size: 6000",
                "done.test_candidates: 4 (a choice among 4 on 6,000 cases: the best scores about sqrt(2 ln 4) / "
                "sqrt(6,000) = 0.021 standard deviations of one case's score above its true level, noise-level)",
            ),
        ),
        Case(  # a prompt rewritten through 30 versions on 40 cases, at high
            {"done.test_used_for": "prompt", "done.test_candidates": 30, "done.test_size": 40},
            evidence=(
                'done.test_used_for: "prompt" (the prompt or the rules are written or adjusted against the '
                "test's score: of the 40 test cases, tune on a validation set of about 20 and keep the other 20 "
                "untouched until the final figure)",
                "done.test_size: 40",
                "done.test_candidates: 30 (a choice among 30 on 40 cases: the best scores about sqrt(2 ln 30) / "
                "sqrt(40) = 0.412 standard deviations of one case's score above its true level: as large as many "
                "a target's margin)",
            ),
        ),
        Case(  # a choice on 40 cases, among how many not said: even the best of three flatters, high
            {"done.test_used_for": "choosing", "done.test_candidates": "not decided", "done.test_size": 40},
            evidence=(
                'done.test_used_for: "choosing" (the test\'s score chooses the model, its settings or its '
                "threshold: of the 40 test cases, tune on a validation set of about 20 and keep the other 20 "
                "untouched until the final figure)",
                "done.test_size: 40",
                "among how many, not said; on 40 cases even the best of 3 scores about 0.23 standard deviations of "
                "one case's score above its true level",
            ),
        ),
        Case(  # a choice on a large test, among how many not said: asked, at medium
            {"done.test_used_for": "choosing", "done.test_candidates": None},
        ),
    ),
    quiet=(
        Case({"done.test_used_for": "choosing", "done.test_candidates": 1}),  # one candidate: nothing chosen
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
    tries, size = plan.done.test_candidates, plan.done.test_size
    if tries is None or tries == "not decided":
        return _among_unsaid(plan, found, used)
    if tries == 1:
        return None  # one candidate, scored once: the test chooses nothing
    if not size:
        # the best of a few flatters by little; many rounds of tuning is the high risk
        among = quote(plan, "done.test_candidates", f"a choice among {tries}")
        return Tempered(1, (*found, among)) if tries <= FEW_CANDIDATES else (*found, among)
    shift = flattery(tries, size)
    sum_ = (
        f"a choice among {tries} on {size:,} cases: the best scores about sqrt(2 ln {tries}) / sqrt({size:,}) "
        f"= {shift:.3f} standard deviations of one case's score above its true level"
    )
    if shift <= NOISE_LEVEL:
        return Tempered(1, (*found, quote(plan, "done.test_candidates", f"{sum_}, noise-level")))
    if shift <= SOME_FLATTERY:
        return Tempered(2, (*found, quote(plan, "done.test_candidates", sum_)))
    return (*found, quote(plan, "done.test_candidates", f"{sum_}: as large as many a target's margin"))


def _among_unsaid(plan: Plan, found: tuple[str, ...], used: TestUse) -> Evidence:
    """How much a choice on the test flatters where nobody said among how many: only a test so small that
    even the best of a few sits far above its level is sure to flatter; elsewhere a question, at medium."""
    size = plan.done.test_size
    if size and flattery(FEW_CANDIDATES, size) > SOME_FLATTERY:
        shift = flattery(FEW_CANDIDATES, size)
        note = (
            f"among how many, not said; on {size:,} cases even the best of {FEW_CANDIDATES} scores about "
            f"{shift:.2f} standard deviations of one case's score above its true level"
        )
        return (*found, note)
    if used is TestUse.choosing and size is not None and size >= LARGE_TEST:
        # a choice on a large test flatters by little unless it is among many: asked, how many
        among = f"{_PICKS[used]}: {_split(plan)}; on {size:,} cases the best of a few flatters by little: among how many?"
        return Tempered(2, (quote(plan, "done.test_used_for", among), *found[1:]))
    asked = (
        "among how many candidates, not said: one look at one flatters nothing; many rounds of tuning on "
        "these cases is the high risk"
    )
    return Tempered(3, (*found, *answered_quotes(plan, "done.test_candidates"), asked))
