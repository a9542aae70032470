"""Rules on the period an amount is set for, against the period its forecast is scored at.

Staff are rostered per shift or slot, but the forecast is often made (and scored) per day and spread over
the slots by a fixed profile. A daily error says nothing of the morning peak: the day can be right while
every slot is wrong, and a peak guardrail at peak days misses the peak slots. A lead asks for the metric
at the period the decision is taken for.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lexicon import AVERAGES_ERRORS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, DecisionUses, Plan
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
        Case(  # the team said what the decision consumes: a fact, read by forecast-coarser-than-decision
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The planner sets how many agents work each half-hour slot.",
                "done.metrics[0].name": "MAPE of daily call volume",
                "done.metric_unit": None,
                "product.decision_uses": ["finer_grain", "derived_scored"],
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
    if plan.product.decision_uses and DecisionUses.not_checked not in plan.product.decision_uses:
        return None  # the team said what the decision consumes: forecast-coarser-than-decision reads it
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


# The amount is sized for the peak: the busiest hour or day, the maximum drawn.
SIZED_FOR_PEAK = Lexicon(
    """
    peak, peaks, peak hour, peak hours, peak day, peak days, peak load, peak demand, peak kw, peak kva
    peak-hour, peak-day, peak-load, peak-demand, busiest-hour, busiest-day
    busiest, busiest hour, busiest hours, busiest day, busiest days, busiest slot, busiest week
    maximum demand, maximum load, max demand, max load, highest demand, highest load, coincident peak
    """,
    unless="off peak, off-peak, peak season, peak seasons, peak time, peak times, peaked, at its peak",
)
# A metric scored at the peak or the upper tail, not over every period.
SCORES_PEAK = SIZED_FOR_PEAK + Lexicon("""
    quantile, quantiles, percentile, percentiles, p90, p95, p99, 90th percentile, 95th percentile
    99th percentile, upper quantile, pinball, pinball loss, maximum, max, worst hour, worst day
    worst days, worst hours, top hours, top days, service level, exceedance, exceedances, breach, breaches
    turn-away, turn-aways, turned away, queue breach, queue breaches, shortfall, shortfalls
""")


@rule(
    "peak-sized-amount-judged-on-average",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the forecast at the peak it sizes the amount for",
        "An average error over every hour or day is set by the many ordinary periods; the capacity is "
        "set by the few busiest ones. Score the error of the peak itself (the busiest hour or day per "
        "unit, or a high quantile) at the decision's granularity, and the shortfalls it would cause",
        "info",
    ),
    ask="is the amount sized for the peak while the forecast is judged on an average error over all periods?",
    fires=(
        Case(
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The ops lead books each depot's cold store for its busiest day.",
                "product.output": "Pallets arriving per depot per day for the next quarter.",
                "done.metrics[0].name": "MAPE of daily pallets per depot",
            },
            evidence=(
                'product.decision: "The ops lead books each depot\'s cold store for its busiest day." (busiest day: '
                "the amount is sized for the peak)",
                'done.metrics[0].name: "MAPE of daily pallets per depot" (mape: an average over every period, '
                "set by the ordinary ones)",
            ),
        ),
    ),
    quiet=(
        Case(  # a metric scores the peak itself
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The ops lead books each depot's cold store for its busiest day.",
                "product.output": "Pallets arriving per depot per day for the next quarter.",
                "done.metrics": [
                    {"name": "MAPE of daily pallets per depot", "target": 0.1},
                    {"name": "error of each depot's pallets on its busiest day", "target": 0.1},
                ],
            }
        ),
        Case(  # sized for each day's demand, not the peak
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The ops lead sets how many pickers each depot rosters each day.",
                "product.output": "Pallets arriving per depot per day for the next quarter.",
                "done.metrics[0].name": "MAPE of daily pallets per depot",
            }
        ),
        Case(  # the peak only names when, off-peak work
            {
                "product.action_shape": "sets_amount",
                "product.decision": "The ops lead sets how many off-peak pickers each depot rosters.",
                "product.output": "Pallets arriving per depot per day for the next quarter.",
                "done.metrics[0].name": "MAPE of daily pallets per depot",
            }
        ),
    ),
)
def peak_sized_amount_judged_on_average(plan: Plan) -> Evidence:
    """The amount is sized for the peak, and the forecast is judged on an average error over all periods.

    Capacity (a grid booking, a cold store, chargers, lanes) is set by the busiest hour or day, but MAPE or
    MAE over every hour or day is set by the many ordinary periods, and quiet periods weigh as much as the
    peak. A model can improve the average while it misses the peak the decision pays for.

    Mitigation: Score the forecast of the peak itself at the decision's granularity (each unit's busiest
    hour or day, or a high quantile such as the 95th percentile), and the shortfalls or breaches it would
    cause; keep the average error as a second metric.
    """
    if plan.product.action_shape is not ActionShape.sets_amount:
        return None
    metrics = plan.done.metrics
    if not metrics:
        return None
    peak = SIZED_FOR_PEAK.find_all(plan.product.decision)
    field = "product.decision"
    if not peak:
        return None
    scored = [metric.name for metric in metrics] + [plan.done.worst_error_metric or ""]
    if any(SCORES_PEAK.find(text) for text in scored):
        return None  # some metric scores the peak or the upper tail
    average = AVERAGES_ERRORS.find(metrics[0].name)
    if average is None:
        return None
    return Hint(
        (*peak, average),
        (
            quote(plan, field, f"{', '.join(peak)}: the amount is sized for the peak"),
            quote(
                plan,
                "done.metrics[0].name",
                f"{average}: an average over every period, set by the ordinary ones",
            ),
        ),
    )
