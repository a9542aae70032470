"""Rules on whether a live trial can detect the change its target asks for: a pilot that meets enough
cases to run may still be far too small to tell a rate of 2.0% from one of 1.6%.

A lead works it out with the plain normal approximation for two proportions: with n cases an arm and
rates p1 and p2, the smallest difference seen at 5% significance and 80% power is about
2.8 x sqrt(2 p(1-p) / n), p their mean. A trial whose smallest difference is wider than the target's
change ends with "no significant difference" whatever the model does.
"""

from __future__ import annotations

import math

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import ITEM_PATHS, answer_at, items_per_day, quote, show
from planner.judgement.rules.lexicon import ITEM_UNITS
from planner.judgement.rules.pilotsize import pilot_length
from planner.judgement.rules.power import detectable
from planner.plan.model import (
    Category,
    Direction,
    Metric,
    MetricRole,
    MetricUnit,
    OnlineValidation,
    PilotUnits,
    Plan,
)

# Trials that split their own traffic into two arms; the others set theirs against as many cases before
# or elsewhere (a canary against the rest, a before-and-after against the same span before).
_SPLIT = (OnlineValidation.a_b_test, OnlineValidation.holdout)
_COMPARED = (*_SPLIT, OnlineValidation.canary, OnlineValidation.before_after)

# The cases' agency: 2,000 claims a day, and a target to bring the share paid in error from 2% to 1.6%.
_CLAIMS = {"impact.volume": 2000, "impact.period": "day"}
_ERROR_RATE = {
    "name": "Share of claims paid in error",
    "baseline": 0.02,
    "target": 0.016,
    "direction": "lower",
}
_ERRORS_FALL = {"done.metrics": [_ERROR_RATE]}


def _rates(metric: Metric) -> tuple[float, float] | None:
    """(today's rate, the target's rate) for a done metric asking to move a rate (a share between 0 and
    1); None otherwise, and for a guardrail or a target on the worse side of today (a ceiling to hold, no
    change to detect)."""
    base, goal = metric.baseline_figure, metric.goal()
    if base is None or goal is None or not 0 < base < 1 or not 0 <= goal < 1 or goal == base:
        return None
    better = goal < base if metric.direction is Direction.lower_is_better else goal > base
    if metric.role is MetricRole.guardrail or not better:
        return None
    return base, goal


def smallest_change(rate: float, per_arm: float) -> float:
    """The smallest difference in a rate near `rate` that two arms of `per_arm` cases see at 5% and 80%."""
    return detectable(1) * math.sqrt(rate * (1 - rate) / per_arm)


@rule(
    "trial-cannot-detect-target",
    Category.product,
    likelihood=4,
    impact=3,
    move=Move(
        "Size the live trial for the change the target asks",
        "At the plan's volume, the trial's length and its share of traffic, the smallest change it can "
        "tell from chance is wider than the target's: run it longer or on more traffic, compare on a "
        "commoner outcome that moves with it, or judge the rate on a back-test and keep the trial for "
        "the workflow",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "An 8-week pilot on 10% of claims, then everyone.",
                **_CLAIMS,
                **_ERRORS_FALL,
            },
            evidence=(
                'done.when_met: "An 8-week pilot on 10% of claims, then everyone." (8-week pilot: 56 days '
                "on 10% of claims: about 11,200 cases, 5,600 an arm)",
                "done.metrics[0]: 0.02 today, target 0.016: a change of 0.004 (about 112 events an arm at "
                "today's rate)",
                "smallest change the trial can see at 5% significance and 80% power: 2.8 × √(2 × 0.018 × "
                "0.982 / 5,600) = 0.007, wider than the 0.004 asked; about 17,322 cases an arm, some 173 "
                "days at this share, would see it",
            ),
        ),
        Case(  # a commoner rate: 30% of appointments missed, asked down to 27%
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "A 4-week pilot on 10% of appointments, then all clinics.",
                "impact.volume": 200,
                "impact.period": "day",
                "done.metrics": [
                    {
                        "name": "Share of appointments missed",
                        "baseline": 0.3,
                        "target": 0.27,
                        "direction": "lower",
                    }
                ],
            }
        ),
        Case(  # depots drawn at random for the pilot: compared with the rest, though no validation is named
            {
                "done.online_validation": None,
                "done.pilot_units": "random",
                "done.when_met": "An 8-week pilot on 10% of claims, then everyone.",
                **_CLAIMS,
                **_ERRORS_FALL,
            }
        ),
    ),
    quiet=(
        Case(  # the same trial, on all the traffic for six months
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "A six-month pilot on all claims, then everyone.",
                **_CLAIMS,
                **_ERRORS_FALL,
            }
        ),
        Case(  # the rare rate is a guardrail held under a ceiling while another figure moves
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "An 8-week pilot on 10% of claims, then everyone.",
                **_CLAIMS,
                "done.metrics": [
                    {"name": "Share of claims settled the same day", "baseline": 0.5, "target": 0.6},
                    {**_ERROR_RATE, "target": 0.025, "role": "guardrail"},
                ],
            }
        ),
        Case(  # a shadow run changes no outcome: there is no change to detect live
            {
                "done.online_validation": "shadow",
                "done.when_met": "An 8-week shadow run on 10% of claims.",
                **_CLAIMS,
                **_ERRORS_FALL,
            }
        ),
        Case(  # the commoner rate, on all the appointments for six months
            {
                "done.online_validation": "a_b_test",
                "done.when_met": "A six-month pilot on all appointments, then all clinics.",
                "impact.volume": 200,
                "impact.period": "day",
                "done.metrics": [
                    {
                        "name": "Share of appointments missed",
                        "baseline": 0.3,
                        "target": 0.27,
                        "direction": "lower",
                    }
                ],
            }
        ),
        Case(  # picked, not drawn, and no comparison named: nothing is set against it
            {
                "done.online_validation": None,
                "done.pilot_units": "typical",
                "done.when_met": "An 8-week pilot on 10% of claims, then everyone.",
                **_CLAIMS,
                **_ERRORS_FALL,
            }
        ),
    ),
)
def trial_cannot_detect_target(plan: Plan) -> Evidence:
    """The live trial is too small to detect the change its target asks for.

    A done metric counts a rate (a rare outcome of a few percent, or a commoner one such as missed
    appointments) and asks for a change of a fraction of it, the trial compares it live (an A/B test, a
    holdout, a canary, or units drawn at random for the pilot), and the live trial, at the plan's volume, its length and its share of traffic, meets too few
    cases an arm: the smallest difference it can tell from chance is wider than the change asked, so it
    ends with "no significant difference" whether the model works or not.

    Mitigation: Size the trial with the two-proportion arithmetic (about 2.8² × 2p(1-p) / change² cases
    an arm): run it longer or on more of the traffic, read a commoner outcome that moves with the rare
    one, or judge the rate on a labelled back-test and keep the trial for the workflow.
    """
    randomised = plan.done.online_validation is None and plan.done.pilot_units is PilotUnits.random
    if plan.done.online_validation not in _COMPARED and not randomised:
        return None  # units drawn at random for the pilot are compared with the rest, even unnamed
    per_day, trial = items_per_day(plan), pilot_length(plan)
    if per_day is None or trial is None:
        return None
    path, words, days, share, items = trial
    part, said = share if share is not None else (1.0, "all the traffic")
    total = items[0] if items is not None else per_day * days * part
    arms = 2 if plan.done.online_validation in _SPLIT else 1
    per_arm = total / arms
    for index, metric in enumerate(plan.done.metrics):
        rates = _rates(metric)
        if rates is None or per_arm < 1:
            continue
        base, goal = rates
        mean, change = (base + goal) / 2, abs(goal - base)
        smallest = smallest_change(mean, per_arm)
        if smallest <= change:
            continue
        needed = detectable(1) ** 2 * mean * (1 - mean) / change**2
        agree = _counts_the_volume(plan, metric)
        # Where the rate may count another unit than the volume (slot-days against machine visits), the
        # trial's size in the rate's own unit is not known: say the sizes as the volume's, claim no days.
        item = "cases" if agree else "of the volume's items"
        size = f"{fmt.count(total)} {item}" + (f", {fmt.count(per_arm)} an arm" if arms == 2 else "")
        span = f"{fmt.count(days)} days on {said}: about {size}" if items is None else f"{items[1]}: {size}"
        longer = (
            f", some {fmt.count(needed * arms / (per_day * part))} days at this share,"
            if items is None and agree
            else ""
        )
        found = (
            quote(plan, path, f"{words}: {span}"),
            f"done.metrics[{index}]: {show(base)} today, target {show(round(goal, 6))}: a change of "
            f"{show(round(change, 6))} (about {fmt.count(per_arm * base)} events an arm at today's rate"
            + ("" if agree else ", if the rate counts the volume's items")
            + ")",
            f"smallest change the trial can see at 5% significance and 80% power: 2.8 × √(2 × {show(round(mean, 4))} "
            f"× {show(round(1 - mean, 4))} / {fmt.count(per_arm)}) = {show(round(smallest, 3))}, wider than the "
            f"{show(round(change, 6))} asked; about {fmt.count(needed)} cases an arm{longer} would see it",
        )
        if agree:
            return found
        asked = "is the rate per item of impact.volume? If not, count the trial in the rate's own unit"
        if plan.done.metric_unit in (MetricUnit.parts, MetricUnit.pooled):
            unit = quote(plan, "done.metric_unit", f"one score is not one of the volume's items: {asked}")
        else:
            unit = f"done.metric_unit: {plan.done.metric_unit or 'not answered'} ({asked})"
        return Tempered(3, (*found, unit))
    return None


def _counts_the_volume(plan: Plan, metric: Metric) -> bool:
    """Whether the metric's rate counts the items the volume counts: the team says each score is one
    decision, or the metric's name and the answers that say what the volume counts name the same item
    (claims and claims); otherwise a rate per slot-day may be set against machine visits a day."""
    unit = plan.done.metric_unit
    if unit is not None and unit is not MetricUnit.not_checked:
        return unit is MetricUnit.decision
    named = {kind for kind, words in ITEM_UNITS.items() if words.find(metric.name)}
    counted = (
        {kind for kind, words in ITEM_UNITS.items() if words.find(text)}
        for path in ITEM_PATHS
        if isinstance(text := answer_at(plan, path), str)
    )
    volume = next((kinds for kinds in counted if kinds), set())
    return bool(named & volume)
