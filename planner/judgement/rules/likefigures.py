"""Today's figure set beside a done target only where both measure the same thing.

`product.current_performance` often states a share that is not how well today's process does on the done
metric: how many cases it acts on (`71% of applications are declined`), or another measure (`accuracy
92%` beside a recall target). Read as today's recall, such a figure makes a target look met or beaten;
a lead compares only like with like, and asks for today's figure on the metric otherwise.
"""

from __future__ import annotations

import math

from planner.judgement.rules.evidence import todays_figure
from planner.judgement.rules.lexicon import MEASURE_KINDS
from planner.judgement.rules.words import Lexicon
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Metric, Plan

# A share of cases acted on or passed through (declined, approved, flagged, sent to review), not how often
# the action is right: its figure is a volume, whatever its size.
ACTION_RATE = Lexicon("""
    decline rate, declined, declines, decline, approval rate, approved, approves, approve
    acceptance rate, accepted, accepts, rejection rate, rejected, rejects, refer rate, referral rate
    referred, refers, flag rate, flagged, flags, escalation rate, escalated, escalates, hold rate, held
    conversion rate, converted, converts, click-through, click-through rate, clicked, take-up, uptake
    response rate, responded, open rate, opened, churn rate, churned, occupancy, utilisation, utilization
    sent to review, sent for review, go to review, goes to review, reviewed, inspected, audited, opened for
""")


def unlike_today(plan: Plan, metric: Metric) -> tuple[str, ...]:
    """The words saying today's figure measures something else than `metric`: a share of cases acted on
    the metric does not name, or a measure of another kind; empty when the two may be compared."""
    said = plan.product.current_performance or ""
    named = set(ACTION_RATE.find_all(metric.name))
    acted = [word for word in ACTION_RATE.find_all(said) if word not in named]
    if acted and not named:
        return tuple(acted)
    kinds, primary = set(MEASURE_KINDS.find_all(said)), set(MEASURE_KINDS.find_all(metric.name))
    if kinds and primary and not kinds & primary:
        return tuple(sorted(kinds))
    return ()


def today_on(plan: Plan, metric: Metric) -> float | None:
    """Today's one stated share, where it measures what `metric` does; None where none is stated or it
    measures something else (a decline rate beside a recall target)."""
    today = todays_figure(plan.product.current_performance)
    # With the metric's baseline 'not measured', the team says today's figure on it is unknown: a figure
    # in prose measures something else.
    if today is None or unlike_today(plan, metric) or metric.baseline == NOT_MEASURED:
        return None
    # People's own score (a share, or a percent: 0.07 x 100 is 7.000...01), said to be on another measure.
    human, other_measure = plan.by_hand.human_figure, plan.by_hand.human_score_same_measure is False
    if other_measure and human is not None and any(math.isclose(human, f) for f in (today, 100 * today)):
        return None
    # Today's figure typed as another done metric's baseline is that metric's (a fill rate of 88% beside
    # an AUC target): it says nothing of today on this one.
    for other in plan.done.metrics:
        base = other.baseline_figure
        if (
            other is not metric
            and base is not None
            and any(math.isclose(base, f) for f in (today, 100 * today))
        ):
            return None
    return today
