"""Rules on the lead the plan answers in days (`product.lead_days`) against what its words say of time.

The structured lead is the first source of when the decision is fixed (anchor.decision_lead); where the
plan's own words about the output disagree with it, a lead asks which one holds before anything is built
on either.
"""

from __future__ import annotations

from planner.judgement.rules.anchor import HORIZON_IN, decision_lead, horizon, in_days, structured_lead
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.horizon import lag_inside_horizon, newest_value
from planner.plan.model import Category, Plan, TaskType


@rule(
    "lead-zero-but-forecast-ahead",
    Category.product,
    likelihood=2,
    impact=3,
    move=Move(
        "Say the lead the forecast is used at",
        "The lead is answered as 0 (decided on the spot), yet the output forecasts days ahead: the lead fixes "
        "the horizon the model is trained, backtested and judged at",
        "info",
    ),
    ask="the lead is 0, decided on the spot, but the output forecasts days ahead: which day does the "
    "decision serve, and how many days before it is it fixed?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Loaves sold per bakery for each of the next 7 days.",
                "product.lead_days": 0,
            },
            evidence=(
                "product.lead_days: 0 (decided on the spot)",
                'product.output: "Loaves sold per bakery for each of the next 7 days." (next 7 days: up to 7 '
                "days ahead)",
            ),
        ),
        Case(  # tomorrow is a day ahead
            {
                "product.task": "forecasting",
                "product.output": "Tomorrow's calls per hour at the helpdesk.",
                "product.lead_days": 0,
            },
        ),
    ),
    quiet=(
        Case(  # the lead the forecast is used at
            {
                "product.task": "forecasting",
                "product.output": "Loaves sold per bakery for each of the next 7 days.",
                "product.lead_days": 2,
            }
        ),
        Case(  # unanswered: older plans say nothing of it
            {
                "product.task": "forecasting",
                "product.output": "Loaves sold per bakery for each of the next 7 days.",
                "product.lead_days": None,
            }
        ),
        Case(  # a nowcast of the next hours is on the spot
            {
                "product.task": "forecasting",
                "product.output": "Calls per minute at the helpdesk over the next 2 hours.",
                "product.lead_days": 0,
            }
        ),
        Case(  # the words name a roster fixed ahead: horizon-shorter-than-lead-time asks it
            {
                "product.task": "forecasting",
                "product.output": "Loaves sold per bakery for each of the next 7 days.",
                "product.decision": "Bakers are rostered two weeks ahead from the forecast.",
                "product.lead_days": 0,
            }
        ),
        Case(  # a window of the outcome, not a forecast: a churn score is decided on the spot
            {
                "product.task": "classification",
                "product.output": "Probability the customer cancels in the next 30 days.",
                "product.lead_days": 0,
            }
        ),
    ),
)
def lead_zero_but_forecast_ahead(plan: Plan) -> Evidence:
    """The lead is answered as 0, yet the output forecasts days ahead.

    A lead of 0 says the decision is taken on the spot, for the moment it serves; a forecast of the next
    days serves days to come. One of the two is wrong, and the lead decides everything downstream: the
    horizon the model is trained and backtested at, which inputs are known in time, and the figure the
    plan is judged by.

    Mitigation: Name the decision the forecast feeds and the day it is fixed (an order placed, a roster
    published); answer the lead in days from that, and score the backtest at it.
    """
    if plan.product.lead_days != 0 or plan.product.task is not TaskType.forecasting:
        return None
    said = next(((path, found) for path in HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)
    if said is None or said[1][1] < 1 or decision_lead(plan) is not None:
        return None  # words that name a lever fixed ahead: horizon-shorter-than-lead-time weighs them
    path, (words, reach) = said
    return Hint(
        (words,),
        (
            quote(plan, "product.lead_days", "decided on the spot"),
            quote(plan, path, f"{words}: up to {in_days(reach)} ahead"),
        ),
    )


def lag_within_lead(plan: Plan) -> Evidence:
    """An input of the target recorded within the answered lead (`yesterday's count` for an order fixed 10
    days ahead) is not known when the forecast is made; a lag at least as long as the lead is. Without the
    answer, the words: a lag shorter than the horizon the output says (`lag_inside_horizon`)."""
    lead = structured_lead(plan)
    if lead is None:
        return lag_inside_horizon(plan)
    newest = newest_value(answer_at(plan, "product.inputs") or "")
    if plan.product.task is not TaskType.forecasting or newest is None or newest[1] >= lead.days:
        return None  # the answered lead says when the forecast is made: the lagged value is known then
    named, days = newest
    lagged = named.lower().removesuffix("'s").removesuffix("’s")
    return Hint(
        (lagged,),
        (
            quote(
                plan,
                lead.path,
                f"{lead.about}: the forecast is made {in_days(lead.days)} before the day predicted",
            ),
            quote(
                plan,
                "product.inputs",
                f"{lagged}: recorded {in_days(days)} before the day predicted, within the lead: not known when the "
                "forecast is made; a backtest fed it overstates accuracy",
            ),
        ),
    )
