"""Whether the settings of a problem tested by time are tuned on days drawn at random from its history.

The test comes after training, so its score is honest about the future; the features and settings are
chosen on a tuning split, and where that split's days are drawn at random, the days either side of each
are in training. Neighbouring days share their weather, their bookings and their level: the tuning score
rewards what remembers the neighbours, and the settings chosen look better than they will on the later
test and live. A lead tunes by rolling origin (train on the past, score the next block, move forward) or
on a block just before the test period.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.data import nothing_trained
from planner.judgement.rules.evidence import changes_over_time, quote
from planner.plan.model import Category, Plan, Split, TuningDrawn

_RANDOM = (
    "the days either side of each tuning day are in training: the settings are chosen on neighbours "
    "of what they learned from, and look better than they will"
)
_UNDECIDED = "not decided: will the settings be chosen on days after their training days, or at random?"
_LATER = "the test comes after training, but the settings are chosen on days mixed in with it"


@rule(
    "tuned-on-random-days",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Tune by rolling origin, or on a block just before the test period",
        "Settings chosen on days drawn at random from a time-ordered history have the neighbouring days in "
        "training: choose them on forward-chaining folds (train on the past, score the next block) or on a "
        "later block before the test, so tuning meets the future as the test and live do",
        "warning",
    ),
    fires=(
        Case(
            {"done.tuning_drawn": "random"},
            evidence=(
                'done.tuning_drawn: "random" (the days either side of each tuning day are in training: the '
                "settings are chosen on neighbours of what they learned from, and look better than they will)",
                'done.split: "time" (the test comes after training, but the settings are chosen on days mixed '
                "in with it)",
            ),
        ),
        Case(  # a forecast: the data move with time, quoted beside the split
            {"done.tuning_drawn": "random", "product.task": "forecasting"},
            evidence=(
                'done.tuning_drawn: "random" (the days either side of each tuning day are in training: the '
                "settings are chosen on neighbours of what they learned from, and look better than they will)",
                'done.split: "time" (the test comes after training, but the settings are chosen on days mixed '
                "in with it)",
                'product.task: "forecasting"',
            ),
        ),
        Case({"done.tuning_drawn": "not_decided"}),  # asked, low
    ),
    quiet=(
        Case({"done.tuning_drawn": "rolling_origin"}),
        Case({"done.tuning_drawn": "no_split"}),
        Case({"done.tuning_drawn": None}),  # unanswered: the interview asks
        Case(  # split at random: random-split-on-time-data weighs the whole split, the tuning with it
            {"done.tuning_drawn": "random", "done.split": "random"},
        ),
        Case(  # a hosted model prompted alone: nothing trained on the days around the tuning days
            {
                "done.tuning_drawn": "random",
                "product.task": "generation",
                "constraints.data.labels": "outcomes",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API, prompted only.",
            }
        ),
    ),
)
def tuned_on_random_days(plan: Plan) -> Evidence:
    """The settings are tuned on days drawn at random from a history tested by time.

    The test comes after training, but the features and settings are chosen on a split drawn at random
    from the same history: each tuning day has its neighbours in training, sharing their weather, their
    bookings and their level. The tuning score rewards what remembers the neighbours, and the test and
    live, which meet only later days, do worse than the choice promised.

    Mitigation: Choose the features and settings on rolling-origin folds (train on all days before a cut,
    score the next block, move the cut forward) or on a block just before the test period, with training
    always before it; then score the finalists once on the test.
    """
    drawn = plan.done.tuning_drawn
    if plan.done.split is not Split.time or drawn not in (TuningDrawn.random, TuningDrawn.not_decided):
        return None  # no time split (random-split-on-time-data weighs a random one), or tuned forward
    if nothing_trained(plan):
        return None  # a prompted model: no training days beside the tuning days
    if drawn is TuningDrawn.not_decided:
        return Tempered(1, (quote(plan, "done.tuning_drawn", _UNDECIDED),))
    moving = changes_over_time(plan) or ()
    return (quote(plan, "done.tuning_drawn", _RANDOM), quote(plan, "done.split", _LATER), *moving)
