"""Rules on the lead the plan answers in days (`product.lead_days`) against what its words say of time.

The structured lead is the first source of when the decision is fixed (anchor.decision_lead); where the
plan's own words about the output disagree with it, a lead asks which one holds before anything is built
on either.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import (
    HORIZON_IN,
    LEAD_PATH,
    SPAN,
    SPAN_ALONE,
    days_of,
    decision_lead,
    horizon,
    in_days,
    lead_words,
    structured_lead,
)
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.horizon import LAG, RECENT, RECENT_DAYS, lag_inside_horizon
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


# A trailing window of the target: `the previous 3 days' sales`, `the last 6 hours`; its newest value is
# one step old (a day, or an hour).
_TRAILING = re.compile(rf"\b(?:last|previous|prior|past)\s+{SPAN}(?:'|’)?", re.IGNORECASE)
# Lags listed as figures: `1, 4 and 8 weeks earlier`, `lags of households served (1, 2, 4 and 52 weeks)`,
# `1-, 7- and 28-day lags`; `before` only at the end of a clause (`3 days before departure` is a window).
_FIGURES = r"(\d+(?:\s*-?\s*(?:,|and|or|/|&)\s*\d+)*)"
_LISTED = (
    re.compile(
        _FIGURES + r"\s+(day|week|month)s?\s+(?:earlier|ago|back|before(?=\s*(?:[,;.)]|and\b|$)))", re.I
    ),
    re.compile(
        r"\blags?\s+(?:of\s+)?[^();,]{0,40}\(\s*(?:lags?\s+)?" + _FIGURES + r"\s*-?\s*(day|week|month)s?",
        re.I,
    ),
    re.compile(_FIGURES + r"\s*-?\s*(day|week|month)s?\s+lags?\b", re.I),
)
# A lag counted in the series' own steps: `lag-1 and lag-4 attendance`, `lags 1-4`, `t-1`.
_STEPS = re.compile(r"\blags?[\s-]?(\d+)(?:\s*(?:-|to)\s*\d+)?\b|\bt\s*-\s*(\d+)\b", re.I)
_STEP_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0}
_GRAIN = re.compile(
    r"\b(?:per|each|every|a)\s+(hour|day|week|month)\b|\b(hour|dai|week|month)ly\b", re.IGNORECASE
)


def series_step(plan: Plan) -> str | None:
    """The step of the series forecast (`week` for attendance per class each week), from the output, the
    label, then the unit that repeats: the unit a bare `lag-1` counts in."""
    for path in ("product.output", "product.label", "constraints.data.repeated_unit", "product.inputs"):
        found = _GRAIN.search(answer_at(plan, path) or "")
        if found:
            unit = (found.group(1) or found.group(2)).lower()
            return "day" if unit == "dai" else unit
    return None


def stated_lags(inputs: str, step: str | None = None) -> list[tuple[str, tuple[float, ...]]]:
    """Every lag or recent window of the target the inputs name, with how many days before the day
    predicted each value is: `yesterday's` 1, `a 7-day lag` 7, `last week's` 7, `previous 3 days` its newest
    value, one step of the series (`step`, else a day), `1, 4 and 8 weeks earlier` 7, 28 and 56; `lag-1` one
    step of the series."""
    found: list[tuple[int, str, tuple[float, ...]]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int) -> bool:
        return not any(begin <= start < end for begin, end in taken)

    for pattern in _LISTED:
        for match in pattern.finditer(inputs):
            if free(match.start()):
                figures, unit = match.group(1), match.group(2).lower()
                days = sorted({int(figure) * _STEP_DAYS[unit] for figure in re.findall(r"\d+", figures)})
                found.append((match.start(), match.group(0), tuple(days)))
                taken.append(match.span())
    for match in _TRAILING.finditer(inputs):
        if free(match.start()):
            newest = 1 / 24 if "hour" in match.group(0).lower() else _STEP_DAYS[step or "day"]
            newest = min(newest, days_of(match.group(0))[0])
            found.append((match.start(), match.group(0).rstrip("'’"), (newest,)))
            taken.append(match.span())
    for match in LAG.finditer(inputs):
        if free(match.start()):
            said = match.group(0)
            found.append((match.start(), said, (days_of(said)[0] if SPAN_ALONE.search(said) else 1.0,)))
            taken.append(match.span())
    for match in _STEPS.finditer(inputs):
        if free(match.start()) and int(match.group(1) or match.group(2)) > 0:
            per = _STEP_DAYS[step or "day"]
            found.append((match.start(), match.group(0), (int(match.group(1) or match.group(2)) * per,)))
            taken.append(match.span())
    for match in RECENT.finditer(inputs):
        if free(match.start()):
            found.append(
                (match.start(), match.group(0), (RECENT_DAYS[(match.group(1) or match.group(2)).lower()],))
            )
    return [(said, days) for _, said, days in sorted(found)]


def lag_within_lead(plan: Plan) -> Evidence:
    """Each input of the target recorded within the lead (`yesterday's count`, `a 7-day lag`, `the previous
    3 days`, `lag-1 and lag-4` of a weekly series, `1, 4 and 8 weeks earlier`, for a forecast made 10 days
    or 12 weeks ahead) is not known when the forecast is made; a lag at least as long as the lead is. Every
    short lag is named with both figures. The lead is the answered one first, then the one the decision's
    words say (`the timetable is fixed 12 weeks ahead`); without either, a lag shorter than the horizon the
    output says (`lag_inside_horizon`)."""
    lead = structured_lead(plan)
    if lead is None:
        said = decision_lead(plan)
        lead = said if said is not None and said.days >= 1 else None
    if lead is None:
        return lag_inside_horizon(plan)
    if plan.product.task is not TaskType.forecasting:
        return None
    lags = stated_lags(answer_at(plan, "product.inputs") or "", series_step(plan))
    short = [(said, within) for said, days in lags if (within := tuple(d for d in days if d < lead.days))]
    if not short:
        return None  # the lead says when the forecast is made: every lagged value is known then
    lagged = [(_closed(said.lower().removesuffix("'s").removesuffix("’s")), days) for said, days in short]
    named = "; ".join(
        f"{said}: recorded {_days_list(days)} before the day predicted" for said, days in lagged
    )
    made = f"{lead.about}: the forecast is made {in_days(lead.days)} before the day predicted"
    if lead.path != LEAD_PATH:
        made = f"{lead.about}: {lead.words}, so {made.partition(': ')[2]}"
    return Hint(
        (*lead_words(lead), *dict.fromkeys(said for said, _ in lagged)),
        (
            quote(plan, lead.path, made),
            quote(
                plan,
                "product.inputs",
                f"{named}; {'each is ' if sum(map(len, (d for _, d in lagged))) > 1 else ''}within the {in_days(lead.days)} lead: not known "
                "when the forecast is made; a backtest fed it overstates accuracy",
            ),
        ),
    )


def _days_list(days: tuple[float, ...]) -> str:
    """`7 days`, `7, 28 and 56 days`."""
    if len(days) == 1:
        return in_days(days[0])
    return f"{', '.join(f'{d:g}' for d in days[:-1])} and {in_days(days[-1])}"


def _closed(said: str) -> str:
    """`lags of households served (1, 2, 4 and 52 weeks)`, its bracket closed."""
    return said + ")" * (said.count("(") - said.count(")"))
