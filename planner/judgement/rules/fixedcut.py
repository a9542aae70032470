"""The rule on a fixed cut-off feeding people who can take a fixed number a day.

How many cases pass a fixed score changes from day to day with the mix that arrives; the people
acting on them take the same number each day. Where the flags on an average day come near that
number, busy days send more than anyone works and quiet days leave hands idle: ranking each day's
cases and taking the top the capacity allows keeps both the same.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.atcapacity import acts_alone, sends_matches
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.rates import capacity_budget, own_period, rate, said_capacity
from planner.plan.model import ActionShape, Category, Plan

# Flags an average day above this share of the capacity: an ordinary busy day passes it.
NEAR_FULL = 0.5

_THRESHOLD = {"product.action_shape": "threshold", "impact.capacity_per_day": 40}


@rule(
    "fixed-cutoff-against-capacity",
    Category.operations,
    likelihood=3,
    impact=3,
    move=Move(
        "Rank each day's cases and take the top people can work, not a fixed cut-off",
        "The number above a fixed score varies with each day's mix while people take the same number a "
        "day: rank each day's cases and send the top k the capacity allows (the rest go the usual way), "
        "and judge precision at that k",
        "warning",
    ),
    fires=(
        Case(
            {**_THRESHOLD, "impact.flagged_per_day": 35},
            evidence=(
                'product.action_shape: "threshold" (each case above a fixed cut-off is acted on: how many '
                "pass it changes from day to day with the cases that arrive)",
                "impact.flagged_per_day: 35 against impact.capacity_per_day: 40 (an average day fills 87.5% of "
                "what people take: on busy days more pass than anyone works, on quiet days hands are idle; "
                "take the top 40 a day instead)",
            ),
        ),
    ),
    quiet=(
        Case(  # ranked and sent up to what people can take: the number is fixed already
            {**_THRESHOLD, "product.action_shape": "up_to_capacity", "impact.flagged_per_day": 35}
        ),
        Case(
            {**_THRESHOLD, "impact.flagged_per_day": 12}
        ),  # a busy day at three times the average still fits
        Case({**_THRESHOLD, "impact.flagged_per_day": 60}),  # beyond capacity: flags-exceed-capacity
        Case(  # nobody counted the flags: capacity-sets-the-threshold asks for the cut at the capacity
            {**_THRESHOLD, "impact.flagged_per_day": None}
        ),
        Case(  # the system acts on each case itself: capacity sizes a review band, not its actions
            {
                **_THRESHOLD,
                "impact.flagged_per_day": 35,
                "product.mode": "automate",
                "product.decision": "The system blocks each invoice above the cut-off from the payment run.",
                "product.decision_owner": "The payment system.",
                "heuristics.humans_handle": None,
            }
        ),
    ),
)
def fixed_cutoff_against_capacity(plan: Plan) -> Evidence:
    """A fixed cut-off feeds people who take a fixed number a day.

    How many cases pass a fixed score varies from day to day with what arrives, while the people who
    act take about the same number each day: on busy days the excess is never worked (and which ones
    are left is chance, not score), on quiet days capacity idles on cases a lower cut-off would send.

    Mitigation: Rank each day's cases and send the top k the capacity allows (action shape
    up_to_capacity), with the rest handled as today; judge precision and recall at that k, and watch
    the score of the k-th case over time.
    """
    impact = plan.impact
    if plan.product.action_shape is not ActionShape.threshold or acts_alone(plan) or sends_matches(plan):
        return None
    capacity, flagged = impact.capacity, impact.flagged
    if capacity is None or flagged is None or not NEAR_FULL * capacity <= flagged <= capacity:
        return None  # uncounted (capacity-sets-the-threshold), room for a busy day, or beyond capacity
    shape = quote(
        plan,
        "product.action_shape",
        "each case above a fixed cut-off is acted on: how many pass it changes from day to day with the "
        "cases that arrive",
    )
    period = own_period(impact.capacity_per_day, impact.flagged_per_day)  # both a week's or a month's
    return (
        shape,
        f"impact.flagged_per_day: {rate(impact.flagged_per_day, alike=bool(period))} against "
        f"impact.capacity_per_day: {said_capacity(impact, bool(period))} (an average {period or 'day'} fills "
        f"{fmt.share(flagged / capacity)} of what "
        f"people take: on busy days more pass than anyone works, on quiet days hands are idle; take the top "
        f"{capacity_budget(impact)} instead)",
    )
