"""Rules on how far ahead a forecast looks against the lever it moves: orders, rosters or bookings fixed
days or weeks before the day they serve.

A forecast is worth what the decision it feeds can still change. When stock is ordered 10 days ahead
and rosters are published two weeks ahead, a forecast of the next three days arrives after the order
and the roster are fixed: it is accurate and useless. A lead asks at which horizon the lever is set,
and forecasts at that horizon (where accuracy is lower) or finds a lever that acts within it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, done_metrics, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty-one": 21,
}  # fmt: skip
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}

_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_SPAN = rf"{_NUM}(?:\s*(?:-|–|to)\s*{_NUM})?[\s-]+(hour|day|week|month)s?"

# How far the forecast looks: `the next 1-3 days`, `3 days ahead`, `a 2-day horizon`, `a 48-hour forecast`;
# `tomorrow` is a day.
_HORIZON = re.compile(
    rf"\bnext\s+{_SPAN}\b|\b{_SPAN}[\s-]+(?:ahead|out)\b|\b{_SPAN}\s+(?:horizon|forecasts?|outlook)\b"
    rf"|\bhorizon\s+of\s+{_SPAN}\b",
    re.IGNORECASE,
)
_ONE_DAY = re.compile(r"\b(tomorrow|tomorrow's|next[\s-]day|day[\s-]ahead)\b", re.IGNORECASE)
_NEXT_WEEK = re.compile(r"\bnext\s+week(?:'s)?\b|\bweek[\s-]ahead\b", re.IGNORECASE)

# When the lever is set: `ordered 10 days ahead`, `rosters published two weeks in advance`, `a lead time
# of 7-14 days`; said in a sentence that names the lever.
_AHEAD = re.compile(rf"\b{_SPAN}\s+(?:ahead|out|in advance|beforehand|before)\b", re.IGNORECASE)
_LEAD_TIME = re.compile(
    rf"\blead[\s-]time\s+(?:of\s+|is\s+)?{_SPAN}\b|\b{_SPAN}\s+lead[\s-]time\b", re.IGNORECASE
)
LEVERS = Lexicon("""
    order, orders, ordered, ordering, purchase order, purchase orders, procurement, replenishment
    roster, rosters, rostered, rota, rotas, shift, shifts, shift plan, shift plans, schedule, schedules
    scheduled, staffing, staff plan, staff plans, booking, bookings, booked, contract, contracts
    contracted, production plan, production plans, delivery, deliveries, allocation, allocations
    allocated, dispatch plan, crew plan, crew plans, capacity, locked, fixed, published, placed, set
""")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")

_HORIZON_IN = ("product.output", "product.label", "product.goal", "product.decision")
_LEVER_IN = (
    "product.decision",
    "product.current_solution",
    "impact.bottleneck",
    "product.pain",
    "product.goal",
    "constraints.data.differences_note",
)


_SPAN_ALONE = re.compile(_SPAN, re.IGNORECASE)


def _days(said: str) -> tuple[float, float]:
    """(shortest, longest) days a span says: `1-3 days` is (1, 3), `two weeks` (14, 14)."""
    span = _SPAN_ALONE.search(said)
    if span is None:
        return 1.0, 1.0
    low, high, unit = span.groups()
    per = _DAYS[unit.lower()]
    return _value(low) * per, _value(high or low) * per


def _value(word: str) -> float:
    word = word.lower()
    return float(_NUMBERS[word]) if word in _NUMBERS else float(word)


def _in_days(days: float) -> str:
    return f"{days:g} day" if days == 1 else f"{days:g} days"


def horizon(text: str | None) -> tuple[str, float] | None:
    """The forecast's horizon the text says, with its longest reach in days: (`next 1-3 days`, 3)."""
    if not text:
        return None
    found = _HORIZON.search(text)
    if found:
        return found.group(0).lower(), _days(found.group(0))[1]
    week = _NEXT_WEEK.search(text)
    if week:
        return week.group(0).lower(), 7
    day = _ONE_DAY.search(text)
    return (day.group(0).lower(), 1) if day else None


def said_horizon(plan: Plan) -> tuple[str, tuple[str, float]] | None:
    """The first answer that says how far the forecast looks, and (its words, its reach in days)."""
    return next(((path, found) for path in _HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)


def lead_time(text: str | None) -> tuple[str, float, str] | None:
    """How long before the day it serves the lever is set, in a sentence that names the lever: (`10 days
    ahead`, 10, `orders`), its shortest reach in days."""
    for sentence in _SENTENCE.split(text or ""):
        lever = LEVERS.find(sentence)
        found = _LEAD_TIME.search(sentence) or (_AHEAD.search(sentence) if lever else None)
        if found:
            return found.group(0), _days(found.group(0))[0], lever or "the lead time"
    return None


# An input's lag: `yesterday's visits`, `the previous day's count`, `sales lagged by 7 days`, `a 3-day lag`.
_LAG = re.compile(
    rf"\byesterday(?:'s)?\b|\b(?:previous|prior)\s+day(?:'s)?\b|\blag(?:ged)?\s+(?:of\s+|by\s+)?{_SPAN}\b"
    rf"|\b{_SPAN}\s+lags?\b",
    re.IGNORECASE,
)


def lag_inside_horizon(plan: Plan) -> Evidence:
    """`Yesterday's visits` feed a forecast 10 to 16 days ahead: counted from the day predicted, the
    value is not known yet when the forecast is made (at 16 days ahead the newest count is 16 days old);
    a question, since `yesterday` may be counted from the day the forecast is made."""
    if plan.product.task is not TaskType.forecasting:
        return None
    said = next(((path, found) for path in _HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)
    lag = _LAG.search(answer_at(plan, "product.inputs") or "")
    if said is None or lag is None:
        return None
    path, (words, reach) = said
    days = _days(lag.group(0))[0] if _SPAN_ALONE.search(lag.group(0)) else 1.0
    if days >= reach:
        return None
    lagged = lag.group(0).lower().removesuffix("'s")
    return Hint(
        (lagged, words),
        (
            quote(plan, path, f"the forecast covers {words}: up to {_in_days(reach)} ahead"),
            quote(
                plan,
                "product.inputs",
                f"{lagged}: {_in_days(days)} before the day predicted, but at {_in_days(reach)} ahead the "
                f"newest value known is {_in_days(reach)} old: counted from the day the forecast is made?",
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
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
            },
            evidence=(
                'product.output: "Duplicate invoices expected in each of the next 1-3 days." (the forecast '
                "covers next 1-3 days: 3 days ahead at most)",
                'product.decision: "Clerk shifts are rostered two weeks ahead from the forecast." (shifts: two '
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
                'done.eval_set: "A backtest of day-ahead forecasts over 2025." (the forecast covers day-ahead: 1 '
                "day ahead at most)",
                'product.decision: "Clerk shifts are rostered two weeks ahead from the forecast." (shifts: two '
                "weeks ahead, fixed 14 days before the day served; the forecast arrives after)",
            ),
        ),
    ),
    quiet=(
        Case(  # the forecast looks as far ahead as the roster is set, and is scored there
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
                "done.eval_set": "A backtest of 2025 at a 14-day horizon.",
            }
        ),
        Case(  # the forecast looks as far ahead as the roster is set
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected per day over the next 3 weeks.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
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
    said = next(((path, found) for path in _HORIZON_IN if (found := horizon(answer_at(plan, path)))), None)
    # the horizon the model is scored at: a backtest of next-day forecasts judges it at one day
    scored = [f"{path}.name" for path, _ in done_metrics(plan)] + ["done.eval_set"]
    tested = [(path, found) for path in scored if (found := horizon(answer_at(plan, path)))]
    if said is None and not tested:
        return None
    for where in _LEVER_IN:
        lead = lead_time(answer_at(plan, where))
        short = [
            (path, found)
            for path, found in [*([said] if said else []), *tested]
            if lead and lead[1] > found[1]
        ]
        if lead and short:
            path, (words, reach) = short[0]
            span, days, lever = lead
            return Hint(
                (words, span),
                (
                    quote(plan, path, f"the forecast covers {words}: {_in_days(reach)} ahead at most"),
                    quote(
                        plan,
                        where,
                        f"{lever}: {span}, fixed {_in_days(days)} before the day served; the forecast "
                        "arrives after",
                    ),
                ),
            )
    return None


# Inputs fixed only on the day served: who is assigned, what actually happened, the weather then.
DAY_OF = Lexicon("""
    on the day, on the day itself, same-day, same day, day-of, actual, actuals, actual arrivals
    actual attendance, actual volume, actual volumes, final count, final list, final schedule
    assigned, assigned to, who is assigned, staff on shift, who is on shift, on duty, on arrival, at arrival
    at check-in, at check in, at the door, at the time, observed weather, weather on the day
""")


@rule(
    "inputs-set-after-the-decision",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are these inputs known when the decision is taken, days before the day it serves?",
    fires=(
        Case(
            {
                "product.decision": "Interpreters are booked 10 days ahead from the ranking.",
                "product.inputs": "Language pair, hospital, the clinician assigned and past ratings.",
            },
            evidence=(
                'product.decision: "Interpreters are booked 10 days ahead from the ranking." (booked: 10 days '
                "ahead, fixed 10 days before the day served)",
                'product.inputs: "Language pair, hospital, the clinician assigned and past ratings." (assigned: '
                "known 10 days before?)",
            ),
        ),
    ),
    quiet=(
        Case(  # the decision is taken on the day
            {
                "product.decision": "The desk picks an interpreter on the morning of the appointment.",
                "product.inputs": "Language pair, hospital, the clinician assigned and past ratings.",
            }
        ),
        Case(  # the inputs are said as known at booking
            {
                "product.decision": "Interpreters are booked 10 days ahead from the ranking.",
                "product.inputs": "Language pair, hospital and past ratings, as known at booking.",
            }
        ),
    ),
)
def inputs_set_after_the_decision(plan: Plan) -> Evidence:
    """Some inputs are fixed only on the day, after the decision is taken.

    A decision set days ahead (a booking, a roster, an order) can only use what is known then; inputs
    fixed on the day itself (who is assigned, actual volumes, the weather then) are in the history as if
    known, so the offline score counts on facts the live model will not have.

    Mitigation: For each input, write when its value is known against when the decision is taken; train
    and score with the values as known at decision time (a snapshot, a forecast of the input, or none).
    """
    inputs = answer_at(plan, "product.inputs")
    late = DAY_OF.find(inputs)
    if not late or _KNOWN_AT_DECISION.find(inputs):
        return None
    for where in _LEVER_IN:
        lead = lead_time(answer_at(plan, where))
        if lead and lead[1] >= 1:
            span, days, lever = lead
            return Hint(
                (span, late),
                (
                    quote(plan, where, f"{lever}: {span}, fixed {_in_days(days)} before the day served"),
                    quote(plan, "product.inputs", f"{late}: known {_in_days(days)} before?"),
                ),
            )
    return None


# Inputs said as known at the moment of decision.
_KNOWN_AT_DECISION = Lexicon("""
    as known at booking, as known at the time of booking, as known at decision time, as known at the time
    as of the booking, as of booking, at booking time, known at booking, known in advance, as planned
    snapshot, snapshots, as-of, as of the decision
""")
