"""Rules on what the decision consumes, against the quantity and grain the forecast gives.

A rota is planned in interpreter-hours while bookings are forecast (one lasts an hour, another six); a
weekly total feeds a decision taken per day against a 24-hour target; cover is needed if at least one
call comes in the slot, whatever the count; deliveries that cannot wait are summed with collections that
can. The forecast can then be good while the figure the decision turns on is wrong. A lead asks what the
decision consumes, at what grain and in which unit, and has that forecast, or derived and scored. The
rules reason from `product.decision_uses`, asked of forecasts and of amounts a regression sets.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Category, DecisionUses, Plan

_NOTES = {
    DecisionUses.finer_grain: "the decision is taken at a finer time grain than the forecast gives: a coarse "
    "total can be right while the hour, shift or day the decision turns on is wrong",
    DecisionUses.chance_of_any: "the decision turns on the chance of at least one event in a slot, which a "
    "count's average error does not judge",
    DecisionUses.other_quantity: "the decision consumes another quantity (hours, staff, vehicles) than the "
    "forecast counts: the same count can need 1 hour or 6",
    DecisionUses.urgency_summed: "parts of different urgency are summed: the part that cannot wait is what the "
    "decision turns on, and the sum hides it",
    DecisionUses.same: "the decision uses the forecast's own figure at its own grain",
    DecisionUses.derived_scored: "the figure the decision uses is derived and scored",
    DecisionUses.not_checked: "not checked",
}

# The figures of the plan that say the forecast's quantity and grain, and the decision's.
_FIGURES = (
    "product.output",
    "product.label",
    "product.decision_horizon_days",
    "product.decision",
)


def _uses(plan: Plan, *kinds: DecisionUses) -> list[DecisionUses]:
    """The ticked kinds among `kinds`, unless the team said the derived figure is what is scored."""
    ticked = plan.product.decision_uses
    if DecisionUses.derived_scored in ticked:
        return []  # the figure the decision uses is derived and scored: the team did what a lead asks
    return [kind for kind in kinds if kind in ticked]


def _found(plan: Plan, kinds: list[DecisionUses], metric_note: str) -> list[str]:
    """The answer, the plan's own figures for the forecast and the decision, and the metric scored."""
    note = "; ".join(_NOTES[kind] for kind in kinds)
    found = [quote(plan, "product.decision_uses", note)]
    found += [quote(plan, path) for path in _FIGURES if is_answered(field_at(plan, path))]
    if plan.done.metrics:
        found.append(quote(plan, "done.metrics[0].name", metric_note))
    return found


@rule(
    "forecast-coarser-than-decision",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Forecast at the grain the decision is taken at, and score it there",
        "A weekly total can be right while Monday is short, and a daily count's error says nothing of the "
        "chance that a call comes while the day crew is away: forecast per day, shift or slot (or derive it "
        "and score the derived figure), or forecast the chance of at least one event per slot and score it "
        "(Brier score, calibration); keep the coarse error as a second metric",
        "warning",
    ),
    fires=(
        Case(  # a weekly total scored, the decision taken per day: high
            {
                "product.task": "forecasting",
                "product.action_shape": "sets_amount",
                "product.output": "Callouts per district per week, three weeks ahead.",
                "product.lead_days": 14,
                "product.label": "Callouts logged per district per week.",
                "product.decision": "The duty manager sets each day's standby crews per district.",
                "product.decision_uses": ["finer_grain"],
                "done.metrics[0].name": "MAPE of weekly callouts per district",
            },
            evidence=(
                'product.decision_uses: ["finer_grain"] (the decision is taken at a finer time grain than the forecast gives: a coarse total can be right while the hour, shift or day the decision turns on is wrong)',
                'product.output: "Callouts per district per week, three weeks ahead."',
                'product.label: "Callouts logged per district per week."',
                'product.decision: "The duty manager sets each day\'s standby crews per district."',
                'done.metrics[0].name: "MAPE of weekly callouts per district" (scores the forecast\'s own figure, not the one the decision turns on)',
            ),
        ),
        Case(  # the chance of any, no metric yet: medium
            {
                "product.task": "forecasting",
                "product.output": "Swimmer rescues per beach per day, a week ahead.",
                "product.label": "Rescues logged per beach per day.",
                "product.decision": "The coordinator sets which beaches get a lifeguard on weekday mornings.",
                "product.decision_uses": ["chance_of_any"],
                "done.metrics": [],
            },
            evidence=(
                'product.decision_uses: ["chance_of_any"] (the decision turns on the chance of at least one event in a slot, which a count\'s average error does not judge)',
                'product.output: "Swimmer rescues per beach per day, a week ahead."',
                'product.label: "Rescues logged per beach per day."',
                'product.decision: "The coordinator sets which beaches get a lifeguard on weekday morni..."',
            ),
            also=frozenset({"no-success-metric"}),
        ),
        Case(  # nobody checked: a low question
            {"product.task": "forecasting", "product.decision_uses": ["not_checked"]},
            evidence=(
                'product.decision_uses: ["not_checked"] (nobody checked what the decision consumes: at which grain (hour, shift, day, week) and in which unit (items, hours, staff, the chance of any)?)',
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "forecasting", "product.decision_uses": ["same"]}),
        Case({"product.task": "forecasting", "product.decision_uses": []}),
        Case({"product.task": "forecasting", "product.decision_uses": ["finer_grain", "derived_scored"]}),
        Case({"product.task": "forecasting", "product.decision_uses": ["other_quantity"]}),
    ),
)
def forecast_coarser_than_decision(plan: Plan) -> Evidence:
    """The decision is taken at a finer grain than the forecast, or turns on the chance of any event.

    A weekly total feeds a decision taken per day against a 24-hour service target; daily counts feed
    cover for the weekday daytime, where what matters is whether at least one call comes while the crew
    is away. The forecast's own error (a weekly or daily MAPE) can be good while the days or slots the
    decision turns on are wrong: errors cancel within the week, and a count of 0.3 a day averaged well
    says nothing of the chance of one.

    Mitigation: Forecast at the grain the decision is taken (per day, shift or slot), or derive that
    figure from the forecast (a weekday profile) and score the derived figure; where cover turns on any
    event at all, forecast the chance of at least one per slot and score it (Brier score, calibration by
    decile); keep the coarse error as a second metric.
    """
    ticked = plan.product.decision_uses
    if ticked == [DecisionUses.not_checked]:
        note = (
            "nobody checked what the decision consumes: at which grain (hour, shift, day, week) and in which "
            "unit (items, hours, staff, the chance of any)?"
        )
        return Tempered(1, (quote(plan, "product.decision_uses", note),))
    kinds = _uses(plan, DecisionUses.finer_grain, DecisionUses.chance_of_any)
    if not kinds:
        return None
    found = _found(plan, kinds, "scores the forecast's own figure, not the one the decision turns on")
    # High only where a done metric scores the coarse figure while the decision turns on the finer one.
    return tuple(found) if plan.done.metrics else Tempered(3, found)


@rule(
    "forecast-counts-other-than-decision",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Forecast the quantity the decision consumes, each urgency apart",
        "Bookings are not interpreter-hours, and jobs that cannot wait are not jobs that can: forecast the "
        "hours, staff or vehicles the decision sets (or derive them from the count and each item's duration) "
        "and score the derived figure; forecast the urgent part apart and score it against its own target",
        "warning",
    ),
    fires=(
        Case(  # urgent and deferrable work summed, the sum scored: high
            {
                "product.task": "forecasting",
                "product.output": "Repair jobs per depot per week.",
                "product.label": "Repair jobs logged per depot per week, urgent and routine together.",
                "product.decision": "The depot lead sets how many vans stand ready for same-day urgent repairs.",
                "product.decision_uses": ["urgency_summed"],
                "done.metrics[0].name": "MAE of weekly repair jobs per depot",
            },
            evidence=(
                'product.decision_uses: ["urgency_summed"] (parts of different urgency are summed: the part that cannot wait is what the decision turns on, and the sum hides it)',
                'product.output: "Repair jobs per depot per week."',
                'product.label: "Repair jobs logged per depot per week, urgent and routine together."',
                'product.decision: "The depot lead sets how many vans stand ready for same-day urgent r..."',
                'done.metrics[0].name: "MAE of weekly repair jobs per depot" (scores the summed count, not the quantity or the part the decision consumes)',
            ),
        ),
        Case(  # another quantity: medium
            {
                "product.task": "forecasting",
                "product.output": "Site visits booked per region per week.",
                "product.label": "Site visits booked per region per week.",
                "product.decision": "The planner sets each region's surveyor-hours for the month ahead.",
                "product.decision_uses": ["other_quantity"],
                "done.metrics[0].name": "MAPE of weekly site visits",
            },
            evidence=(
                'product.decision_uses: ["other_quantity"] (the decision consumes another quantity (hours, staff, vehicles) than the forecast counts: the same count can need 1 hour or 6)',
                'product.output: "Site visits booked per region per week."',
                'product.label: "Site visits booked per region per week."',
                'product.decision: "The planner sets each region\'s surveyor-hours for the month ahead."',
                'done.metrics[0].name: "MAPE of weekly site visits" (scores the summed count, not the quantity or the part the decision consumes)',
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "forecasting", "product.decision_uses": ["same"]}),
        Case({"product.task": "forecasting", "product.decision_uses": ["other_quantity", "derived_scored"]}),
        Case({"product.task": "forecasting", "product.decision_uses": ["finer_grain"]}),
        Case({"product.task": "forecasting", "product.decision_uses": ["not_checked"]}),
    ),
)
def forecast_counts_other_than_decision(plan: Plan) -> Evidence:
    """The decision consumes another quantity than the forecast counts, or one part of a summed figure.

    A rota is planned in interpreter-hours while bookings are forecast, and a booking lasts 1 hour or
    6; vans are set by deliveries that cannot wait, while the forecast adds collections that can. The
    count's error can be good while the hours or the urgent part are wrong: a shift from short bookings
    to long ones, or from collections to deliveries, leaves the count unchanged.

    Mitigation: Forecast the quantity the decision sets (hours, staff, vehicles), or derive it from the
    count and each item's duration and score the derived figure; forecast the urgent part apart, scored
    against its own target, and the deferrable part as what fills the slack.
    """
    kinds = _uses(plan, DecisionUses.other_quantity, DecisionUses.urgency_summed)
    if not kinds:
        return None
    found = _found(plan, kinds, "scores the summed count, not the quantity or the part the decision consumes")
    # High only where the summed figure is scored while the decision turns on its urgent part.
    if DecisionUses.urgency_summed in kinds and plan.done.metrics:
        return tuple(found)
    return Tempered(3, found)
