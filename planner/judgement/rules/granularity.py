"""Rules on the period an amount is set for, against the period its forecast is scored at.

Staff are rostered per shift or slot, but the forecast is often made (and scored) per day and spread over
the slots by a fixed profile. A daily error says nothing of the morning peak: the day can be right while
every slot is wrong, and a peak guardrail at peak days misses the peak slots. A lead asks for the metric
at the period the decision is taken for.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Plan
from planner.plan.workings import MetricUnit

# Periods finer than a day that an amount is set for: a shift, a slot, an hour.
FINE_PERIOD = Lexicon("""
    shift, shifts, per shift, each shift, slot, slots, time slot, time slots, per slot, each slot, hour
    hours, hourly, per hour, each hour, half-hour, half-hours, half-hourly, intraday, intra-day
    15-minute, 30-minute, quarter-hour, quarter-hourly, interval, intervals
""")
# Periods of a day or longer that a metric is scored at.
COARSE_PERIOD = Lexicon("""
    daily, per day, each day, a day, day, days, weekly, per week, each week, a week, week, weeks
    monthly, per month, month, months
""")


@rule(
    "amount-period-finer-than-metric",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the forecast at the period the amount is set for",
        "A daily error cannot judge a roster set per shift or slot: a day can be right while every slot is "
        "wrong; score the error per slot (and at the peak slots), and set the peak guardrail there",
        "info",
    ),
    ask="is the amount set per shift or slot while the metric is scored per day or week?",
    fires=(
        Case(
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The planner sets how many agents work each half-hour slot.",
                "done.metrics[0].name": "MAPE of daily call volume",
                "done.metric_unit": None,
            },
            evidence=(
                'product.decision: "The planner sets how many agents work each half-hour slot." (half-hour, '
                "slot: the amount is set per slot or shift)",
                'done.metrics[0].name: "MAPE of daily call volume" (daily: a day can be right while every '
                "slot is wrong)",
            ),
            also=frozenset({"scored-unit-differs"}),  # the fixture's output scores each invoice
        ),
    ),
    quiet=(
        Case(  # scored per slot
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The planner sets how many agents work each half-hour slot.",
                "done.metrics[0].name": "MAPE of call volume per half-hour slot",
                "done.metric_unit": None,
            }
        ),
        Case(  # the team said each score is of one decision as it is taken
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The planner sets how many agents work each half-hour slot.",
                "done.metrics[0].name": "MAPE of daily call volume",
                "done.metric_unit": "decision",
            }
        ),
        Case(  # a daily amount, scored daily
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The manager sets how many loaves each shop bakes a day.",
                "done.metrics[0].name": "MAPE of daily loaves",
                "done.metric_unit": None,
            }
        ),
    ),
)
def amount_period_finer_than_metric(plan: Plan) -> Evidence:
    """The amount is set per shift or slot, and the metric is scored per day or week.

    A forecast scored per day and spread over the slots by a fixed profile cannot be judged for a roster
    set per slot: the day's total can be right while the morning is short and the afternoon idle, and a
    peak guardrail pitched at peak days misses the peak slots.

    Mitigation: Score the error at the period the amount is set for (per slot or shift), report the
    worst slots and the peak slots, and put the peak guardrail there; keep the daily error as a second
    metric.
    """
    if plan.product.action_shape is not ActionShape.sets_amount:
        return None
    if plan.done.metric_unit in (MetricUnit.decision, MetricUnit.parts):
        return None  # the team said each score is of the amount as it is set
    metrics = plan.done.metrics
    fine = FINE_PERIOD.find_all(plan.product.decision)
    if not metrics or not fine:
        return None
    if any(FINE_PERIOD.find(f"{metric.name} {metric.dataset or ''}") for metric in metrics):
        return None  # some metric is scored at the slot, shift or hour
    coarse = COARSE_PERIOD.find(metrics[0].name)
    if coarse is None:
        return None
    return Hint(
        (*fine, coarse),
        (
            quote(plan, "product.decision", f"{', '.join(fine)}: the amount is set per slot or shift"),
            quote(plan, "done.metrics[0].name", f"{coarse}: a day can be right while every slot is wrong"),
        ),
    )
