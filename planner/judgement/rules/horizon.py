"""Rules on how far ahead a forecast looks against the lever it moves: orders, rosters or bookings fixed
days or weeks before the day they serve.

A forecast is worth what the decision it feeds can still change. When stock is ordered 10 days ahead
and rosters are published two weeks ahead, a forecast of the next three days arrives after the order
and the roster are fixed: it is accurate and useless. A lead asks at which horizon the lever is set,
and forecasts at that horizon (where accuracy is lower) or finds a lever that acts within it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import (
    DAYS_PER,
    HORIZON_IN,
    SPAN,
    SPAN_ALONE,
    days_of,
    decision_lead,
    horizon,
    in_days,
    lead_words,
    said_lead,
    scored_at,
)
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.plan.model import Category, Plan, TaskType


def said_horizon(plan: Plan) -> tuple[str, tuple[str, float]] | None:
    """The first answer that says how far the forecast looks, and (its words, its reach in days)."""
    return next(((path, found) for path in HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)


# Periods named from the calendar: `next week`, `the next three weeks`, `next month's`.
_CALENDAR = re.compile(r"^next\s+(?:\S+\s+)?(week|fortnight|month)s?(?:'s)?$")


def furthest_said(words: str, reach: float) -> float:
    """The furthest day the words can mean: `next week`, said on a Monday, runs to day 13, and `the next
    three weeks` said on a Thursday to day 24; a span of days or `2 weeks ahead` ends where it says."""
    period = _CALENDAR.match(words)
    return reach if period is None else reach + DAYS_PER[period.group(1)] - 1


def said_or_scored(plan: Plan) -> list[tuple[str, tuple[str, float]]]:
    """The horizons the words say the forecast looks and is scored at, less those a structured answer
    settles: a test answered in days supersedes the backtest's words (and shows how far the forecast
    reaches), a baseline answered in days those of its name."""
    said = said_horizon(plan)
    tested = plan.done.horizon_range("eval_horizon_days")
    based = plan.done.horizon_range("baseline_horizon_days")
    found = []
    if said is not None:
        path, (words, reach) = said
        found.append((path, (words, max(furthest_said(words, reach), tested[1] if tested else 0.0))))
    for path, scored in scored_at(plan):
        settled = based if path.endswith(".baseline_name") else tested
        if settled is None:
            found.append((path, scored))
    return found


# An input's lag: `yesterday's visits`, `the previous day's count`, `sales lagged by 7 days`, `a 3-day lag`.
LAG = re.compile(
    rf"\byesterday(?:'s)?\b|\b(?:previous|prior)\s+day(?:'s)?\b|\blag(?:ged)?\s+(?:of\s+|by\s+)?{SPAN}\b"
    rf"|\b{SPAN}\s+lags?\b",
    re.IGNORECASE,
)

# A recent period of the target named as an input: `last week's sales`, `the month before`.
RECENT = re.compile(
    r"\b(?:last|previous|prior)\s+(week|fortnight|month)(?:'s|’s)?\b|\bthe\s+(week|month)\s+before\b",
    re.IGNORECASE,
)
RECENT_DAYS = {"week": 7.0, "fortnight": 14.0, "month": 30.0}


def newest_value(inputs: str) -> tuple[str, float] | None:
    """The first lag of the target the inputs name, and how many days before the day predicted."""
    lag = LAG.search(inputs)
    if lag is not None:
        return lag.group(0), days_of(lag.group(0))[0] if SPAN_ALONE.search(lag.group(0)) else 1.0
    recent = RECENT.search(inputs)
    if recent is not None:
        return recent.group(0), RECENT_DAYS[(recent.group(1) or recent.group(2)).lower()]
    return None


def lag_inside_horizon(plan: Plan) -> Evidence:
    """`Yesterday's visits` feed a forecast 10 to 16 days ahead: counted from the day predicted, the
    value is not known yet when the forecast is made (at 16 days ahead the newest count is 16 days old);
    a question, since `yesterday` may be counted from the day the forecast is made."""
    if plan.product.task is not TaskType.forecasting:
        return None
    newest = newest_value(answer_at(plan, "product.inputs") or "")
    said = next(((path, found) for path in HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)
    if said is None or newest is None:
        return None
    path, (words, reach) = said
    named, days = newest
    if days >= reach:
        return None
    lagged = named.lower().removesuffix("'s").removesuffix("’s")
    return Hint(
        (lagged, words),
        (
            quote(plan, path, f"the forecast covers {words}: up to {in_days(reach)} ahead"),
            quote(
                plan,
                "product.inputs",
                f"{lagged}: {in_days(days)} before the day predicted, but at {in_days(reach)} ahead the "
                f"newest value known is {in_days(reach)} old: counted from the day the forecast is made?",
            ),
        ),
    )


@rule(
    "horizon-shorter-than-lead-time",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Forecast at the horizon where the lever is still open",
        "A forecast of the next days is useless to orders, rosters or bookings fixed a week or two before: "
        "forecast (and score the model) at the lead time of the decision it feeds, or pick a lever that "
        "acts within the horizon",
        "warning",
        first=True,
    ),
    ask="does the forecast look as far ahead as the decision it feeds is fixed?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "The clerk rota is finalised a fortnight ahead from the forecast.",
                "constraints.data.last_input_days": None,
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are frozen 5 working days prior to the day.",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Paper stock is ordered on Monday for delivery the following Monday.",
            }
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
            },
            evidence=(
                'product.output: "Duplicate invoices expected in each of the next 1-3 days." (the forecast '
                "covers next 1-3 days: 3 days ahead at most)",
                'product.decision: "Clerk shifts are rostered two weeks ahead from the forecast." (rostered: two '
                "weeks ahead, fixed 14 days before the day served; the forecast arrives after)",
            ),
        ),
        Case(  # it looks far enough ahead, but the backtest scores it a day ahead
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
                "done.eval_set": "A backtest of day-ahead forecasts over 2025.",
            },
            evidence=(
                'done.eval_set: "A backtest of day-ahead forecasts over 2025." (the backtest scores day-ahead: 1 '
                "day ahead)",
                'product.decision: "Clerk shifts are rostered two weeks ahead from the forecast." (rostered: two '
                "weeks ahead, fixed 14 days before the day served; a score 1 day ahead says little of the "
                "forecast 14 days ahead)",
            ),
        ),
        Case(  # a rolling-origin backtest fed the day before, for a roster published four weeks ahead
            {
                "product.task": "forecasting",
                "product.output": "Visitors through the gates for each day.",
                "product.decision": "Stewards are rostered from the forecast, and the roster is published "
                "4 weeks ahead.",
                "done.eval_set": "Rolling origin over 2025, each day forecast from the data available the day "
                "before.",
            },
            evidence=(
                'done.eval_set: "Rolling origin over 2025, each day forecast from the data available..." (the '
                "backtest scores data available the day before: 1 day ahead)",
                'product.decision: "Stewards are rostered from the forecast, and the roster is publishe..." (roster: 4 weeks ahead, fixed 28 days before the day served; a score 1 day ahead says '
                "little of the forecast 28 days ahead)",
            ),
        ),
        Case(  # the baseline is measured a day ahead, the model judged for orders ten days out
            {
                "product.task": "forecasting",
                "product.output": "Litres of milk sold per store each day, for the next 3 weeks.",
                "product.decision": "Buyers place orders with the dairy 10 days ahead.",
                "done.metrics[0].name": "MAPE of daily litres per store",
                "done.metrics[0].baseline_name": "the buyers' day-ahead estimate",
            },
            evidence=(
                'done.metrics[0].baseline_name: "the buyers\' day-ahead estimate" (the baseline is measured at '
                "day-ahead: 1 day ahead)",
                'product.decision: "Buyers place orders with the dairy 10 days ahead." (orders: 10 days ahead, '
                "fixed 10 days before the day served; a baseline 1 day ahead is not the one the model is judged "
                "against there)",
            ),
        ),
        Case(  # one step ahead of a daily series, for orders placed ten days out
            {
                "product.task": "forecasting",
                "product.output": "Litres of milk sold per store each day.",
                "product.decision": "Buyers place orders with the dairy 10 days ahead.",
                "done.eval_set": "One-step-ahead backtest over 2024.",
            },
        ),
        Case(  # the lead is only in the answer
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are set from the forecast.",
                "product.lead_days": 14,
            },
            evidence=(
                'product.output: "Duplicate invoices expected in each of the next 1-3 days." (the forecast '
                "covers next 1-3 days: 3 days ahead at most)",
                "product.lead_days: 14 (shifts: fixed 14 days before the day served; the forecast arrives after)",
            ),
        ),
        Case(  # two calendar weeks reach day 20 at most; the decision serves days 4 to 24
            {
                "product.task": "forecasting",
                "product.output": "Crates of bread returned per shop in each of the next two weeks.",
                "product.decision": "The crate wash rota is set on Thursday for the days ahead.",
                "product.lead_days": "4-24",
            },
        ),
        Case(  # the rota uses the first ten days only, and the forecast shows a week
            {
                "product.task": "forecasting",
                "product.output": "Crates of bread returned per shop in each of the next 1-5 days.",
                "product.decision": "The crate wash rota is set on Thursday for the days ahead.",
                "product.lead_days": "4-24",
                "product.decision_horizon_days": 10,
            },
        ),
        Case(  # the lead time said as today's process: ordered on Mondays for delivery weeks later
            {
                "product.task": "forecasting",
                "product.output": "Sacks of feed sold per branch next week.",
                "product.current_solution": "Feed is ordered from the mill on Mondays for delivery three "
                "weeks later.",
            },
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are set the afternoon before from the forecast.",
            }
        ),
        Case(  # the answered lead comes first: the forecast reaches the 3 days ahead the shifts are set
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
                "product.lead_days": 3,
            }
        ),
        Case(  # the answered lead, and a backtest scored at it
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are set from the forecast.",
                "product.lead_days": 14,
                "done.eval_set": "A backtest of 2025 at a 14-day horizon.",
            }
        ),
        Case(  # the forecast looks as far ahead as the roster is set, and is scored there
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
                "done.eval_set": "A backtest of 2025 at a 14-day horizon.",
            }
        ),
        Case(  # scored from the data known four weeks before: the roster's own lead time
            {
                "product.task": "forecasting",
                "product.output": "Visitors through the gates for each day.",
                "product.decision": "Stewards are rostered from the forecast, and the roster is published "
                "4 weeks ahead.",
                "done.eval_set": "Rolling origin over 2025, each day forecast from the data available 4 weeks "
                "before.",
            }
        ),
        Case(  # the forecast looks as far ahead as the roster is set
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
            }
        ),
        Case(  # three calendar weeks said on a Thursday run to day 24
            {
                "product.task": "forecasting",
                "product.output": "Crates of bread returned per shop in each of the next three weeks.",
                "product.decision": "The crate wash rota is set on Thursday for the days ahead.",
                "product.lead_days": "4-24",
            }
        ),
        Case(  # next week's delivery, ordered for it: days 5 to 12
            {
                "product.task": "forecasting",
                "product.output": "Trays of eggs per shop for next week's delivery.",
                "product.decision": "Shops order on Wednesday for delivery the following Tuesday.",
                "product.lead_days": "5-12",
            }
        ),
        Case(  # the test scores it out to day 24: the forecast reaches there, whatever its words
            {
                "product.task": "forecasting",
                "product.output": "Crates of bread returned per shop in each of the next two weeks.",
                "product.decision": "The crate wash rota is set on Thursday for the days ahead.",
                "product.lead_days": "4-24",
                "done.eval_horizon_days": "4-24",
            }
        ),
        Case(  # the rota acts on the first ten days of a two-week forecast
            {
                "product.task": "forecasting",
                "product.output": "Crates of bread returned per shop in each of the next two weeks.",
                "product.decision": "The crate wash rota is set on Thursday for the days ahead.",
                "product.lead_days": "4-24",
                "product.decision_horizon_days": 10,
            }
        ),
        Case(  # a lever that acts within the horizon
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "The lead moves clerks between queues the day before.",
            }
        ),
        Case(  # not a forecast
            {
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
            }
        ),
    ),
)
def horizon_shorter_than_lead_time(plan: Plan) -> Evidence:
    """The forecast looks less far ahead than the lever it moves is fixed.

    Orders, rosters, bookings and production plans are set days or weeks before the day they serve; a
    forecast of the next one to three days arrives after they are fixed, so however accurate, it changes
    nothing. Accuracy falls with the horizon, so a model judged at a short one promises more than it
    will give at the horizon that matters.

    Mitigation: Ask at which horizon each lever is set, forecast and score the model at that horizon (and
    compare with today's forecast there), or choose a lever that can still act within the horizon.
    """
    if plan.product.task is not TaskType.forecasting:
        return None
    lead = decision_lead(plan)
    if lead is None:
        return None
    # the horizon it is said to look, then the one it is scored at: a backtest of next-day forecasts, a
    # baseline measured a day ahead, judge it at one day
    far = lead.reach  # one rota for several days: the furthest of them
    short = [(path, found) for path, found in said_or_scored(plan) if far > found[1]]
    if not short:
        return None
    path, (words, reach) = short[0]
    if path == "done.eval_set" or path.endswith(".name"):
        said_of = f"the backtest scores {words}: {in_days(reach)} ahead"
        after = f"a score {in_days(reach)} ahead says little of the forecast {in_days(lead.reach)} ahead"
    elif path.endswith(".baseline_name"):
        said_of = f"the baseline is measured at {words}: {in_days(reach)} ahead"
        after = f"a baseline {in_days(reach)} ahead is not the one the model is judged against there"
    else:
        said_of = f"the forecast covers {words}: {in_days(reach)} ahead at most"
        after = "the forecast arrives after"
    return Hint(
        (words, *lead_words(lead)),
        (quote(plan, path, said_of), quote(plan, lead.path, f"{said_lead(lead)}; {after}")),
    )
