"""Rules on whether the outcome a live verdict waits on comes in before the time box ends."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.pilotoutcomes import READ_LATER, pilot_ends_before_outcomes
from planner.judgement.rules.pilotsize import LIVE_TRIALS, trial_texts
from planner.plan.model import Category, Plan, Split

_BOX = {"done.timebox_weeks": 12, "done.fold_action": None, "done.split": None}
# An outcome this many times the box away is beyond it, not a few days past its end.
_BEYOND = 2


@rule(
    "outcome-after-time-box",
    Category.delivery,
    likelihood=3,
    impact=3,
    move=Move(
        "Say what is decided at the box's end, and when the live verdict comes",
        "The outcome the model is judged on comes after the time box ends: decide at the box's end on a "
        "back-test over past outcomes (or a leading signal that arrives within it), and date the live "
        "verdict a full outcome window after the first live prediction, with its own decision",
        "info",
    ),
    fires=(
        Case(
            {**_BOX, "done.online_validation": "holdout", "constraints.data.label_delay_days": 365},
            evidence=(
                "done.timebox_weeks: 12 (the box ends on day 84)",
                "constraints.data.label_delay_days: 365 (an outcome comes 365 days after a prediction: the "
                "first live outcome comes at day 365 at the earliest, 281 days after the box ends)",
                'done.online_validation: "holdout" (the model is judged live, on outcomes nobody can see '
                "inside the box)",
            ),
            also=frozenset({"label-delay-exceeds-retraining"}),
        ),
        Case(  # a decision named for the box's end, but no back-test to take it on: a low question
            {
                **_BOX,
                "done.online_validation": "a_b_test",
                "constraints.data.label_delay_days": 365,
                "done.fold_action": "Keep the reminder letters.",
                "done.split": "random",
            },
            also=frozenset({"label-delay-exceeds-retraining"}),
            evidence=(
                "done.timebox_weeks: 12 (the box ends on day 84)",
                "constraints.data.label_delay_days: 365 (an outcome comes 365 days after a prediction: the "
                "first live outcome comes at day 365 at the earliest, 281 days after the box ends)",
                'done.online_validation: "a_b_test" (the model is judged live, on outcomes nobody can see '
                "inside the box)",
                'done.fold_action: "Keep the reminder letters." (decided at the box\'s end on what?)',
            ),
        ),
        Case(  # a back-test over past outcomes, but nothing named to decide at the box's end: low
            {
                **_BOX,
                "done.online_validation": "holdout",
                "constraints.data.label_delay_days": 365,
                "done.split": "time",
            },
            also=frozenset({"label-delay-exceeds-retraining"}),
        ),
    ),
    quiet=(
        Case({**_BOX, "done.online_validation": "holdout", "constraints.data.label_delay_days": 30}),
        Case(  # judged offline: past outcomes are in already
            {**_BOX, "done.online_validation": "none", "constraints.data.label_delay_days": 365}
        ),
        Case(  # a few days past the box's end, not beyond it
            {**_BOX, "done.online_validation": "holdout", "constraints.data.label_delay_days": 100}
        ),
        Case(  # the box ends in a named decision, taken on a back-test held out by time
            {
                **_BOX,
                "done.online_validation": "holdout",
                "constraints.data.label_delay_days": 365,
                "done.fold_action": "Keep the reminder letters.",
                "done.split": "time",
            }
        ),
        Case(  # judged within the box on a signal that comes sooner
            {
                **_BOX,
                "done.online_validation": "holdout",
                "constraints.data.label_delay_days": 365,
                "done.when_met": "A holdout judged on a leading indicator, the first missed payment.",
            }
        ),
    ),
)
def outcome_after_time_box(plan: Plan) -> Evidence:
    """The live outcome the model is judged on comes after the time box ends.

    The plan judges the model live (a holdout, an A/B test, a canary) on an outcome known only months
    after each prediction (a default at 12 months, a return to hospital within a year), and boxes the work
    in fewer weeks than that: when the box ends not one live prediction has its outcome, so the
    continue-or-fold decision is taken on nothing, or the box silently stretches by a year. A box that ends in
    a named decision (a fold action) taken on a test set held out by time has what it needs at its end.

    Mitigation: Decide at the box's end on a back-test over past outcomes, or on a leading signal that
    arrives within it and is known to track the outcome; date the live verdict a full outcome window after
    the first live prediction, and name what is decided then.
    """
    weeks, span = plan.done.timebox_weeks, plan.constraints.data.label_delay_range()
    if plan.done.online_validation not in LIVE_TRIALS or weeks is None or span is None:
        return None
    box, delay = weeks * 7, span[0]
    if box < 1 or delay < _BEYOND * box:
        return None
    if any(READ_LATER.search(text) for _path, text in trial_texts(plan)):
        return None  # judged after the outcomes come in, or on a signal that comes sooner
    if pilot_ends_before_outcomes(plan):
        return None  # the trial's own end is the nearer date, and that rule names it
    field = (
        "constraints.data.label_delay_days"
        if plan.constraints.data.label_delay is not None
        else "constraints.data.label_delay_max_days"
    )
    found = (
        quote(plan, "done.timebox_weeks", f"the box ends on day {fmt.count(box)}"),
        quote(
            plan,
            field,
            f"an outcome comes {fmt.count(delay)} days after a prediction: the first live outcome comes at day "
            f"{fmt.count(delay)} at the earliest, {fmt.count(delay - box)} days after the box ends",
        ),
        quote(
            plan,
            "done.online_validation",
            "the model is judged live, on outcomes nobody can see inside the box",
        ),
    )
    fold = plan.done.fold_action
    decided = bool(fold and not says_nothing(fold))
    backtest = plan.done.split == Split.time  # past outcomes, held out by time: known at the box's end
    if decided and backtest:
        return None  # the box ends in a named decision, taken on a back-test
    if decided:  # ask what the named decision rests on
        return Tempered(1, (*found, quote(plan, "done.fold_action", "decided at the box's end on what?")))
    if backtest:  # a verdict on past outcomes at the box's end, but nothing named to decide on it
        return Tempered(
            1, (*found, quote(plan, "done.split", "a back-test is read at the box's end: decide what?"))
        )
    return found
