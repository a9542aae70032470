"""The horizon the test scores at, and the baseline's, against the lead of the decision (`done.eval_horizon_days`,
`done.baseline_horizon_days` read with `product.lead_days`, the arithmetic shown).

A forecast used to order stock 3 days ahead, tested on inputs up to the last 6 hours, is scored where the
answer is nearly known: 2.75 days of the lead are never tested, and accuracy falls with the horizon. A
baseline measured the day before, set beside a model made a week before, is no like-for-like comparison.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import in_days
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import done_metrics, quote
from planner.plan.model import Category, DataKind, Plan, TaskType

_EVAL = "done.eval_horizon_days"
_BASE = "done.baseline_horizon_days"
_LEAD = "product.lead_days"


def _lead(plan: Plan) -> float | None:
    """The answered lead in days, above 0: the decision is fixed that long before the outcome; the longest
    where one decision serves a span of days (`lead_days: 4-9`), the furthest day the forecast must reach."""
    days = plan.product.furthest_lead
    return float(days) if days is not None and days > 0 else None


def _ahead_of_series(plan: Plan) -> bool:
    """Whether the plan predicts a series' later values (a forecast, or time-series inputs): only then can
    the test be cut nearer the outcome than the decision. A case scored as it stands (a trial at listing,
    a puppy at selection) is tested from the same moment, so an unmeasured horizon there asks nothing new."""
    return plan.product.task is TaskType.forecasting or DataKind.time_series in plan.product.data_kinds


def _at_lead(plan: Plan) -> str:
    """The lead quoted: the furthest day the decision acts on where answered, else the longest end where a
    span is answered, since that is the one compared."""
    if plan.product.decision_horizon_days is not None:
        return quote(plan, "product.decision_horizon_days", "the furthest day the decision acts on")
    if plan.product.lead_max_days is not None and plan.product.lead_max_days != plan.product.lead_days:
        return quote(
            plan, "product.lead_max_days", "the furthest day the decision serves is that many days ahead"
        )
    return quote(plan, _LEAD, "the decision is fixed that many days before the outcome")


def _hours(days: float) -> str:
    """`0.25 days (6 hours)` below a day, else `3 days`: the unit people say short horizons in."""
    return f"{in_days(days)} ({days * 24:g} hours)" if 0 < days < 1 else in_days(days)


@rule(
    "test-scored-short-of-the-lead",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Score the model at the lead the decision is taken",
        "Re-run the test with only the inputs known when the decision is fixed (a forecast cut off that many "
        "days before each outcome), and report the score at that horizon beside the shorter one",
        "warning",
    ),
    fires=(
        Case(  # scored on the last 6 hours' inputs, for a decision fixed 3 days ahead
            {"product.lead_days": 3, _EVAL: 0.25},
            evidence=(
                "done.eval_horizon_days: 0.25 (the test scores predictions made 0.25 days (6 hours) before the "
                "outcome, and the decision is fixed 3 days before: 3 - 0.25 = 2.75 days of the lead the score "
                "never covers, where accuracy is lower than the test says)",
                "product.lead_days: 3 (the decision is fixed that many days before the outcome)",
            ),
        ),
        Case(  # a question: at which horizon?
            {"product.task": "forecasting", "product.lead_days": 14, _EVAL: "not measured"}
        ),
        Case(  # one rota for days 4 to 9, scored 5 days out: its furthest days are never tested
            {"product.task": "forecasting", "product.lead_days": "4-9", _EVAL: 5},
            evidence=(
                "done.eval_horizon_days: 5 (the test scores predictions made 5 days before the outcome, and "
                "the decision is fixed 9 days before: 9 - 5 = 4 days of the lead the score never covers, where "
                "accuracy is lower than the test says)",
                "product.lead_max_days: 9 (the furthest day the decision serves is that many days ahead)",
            ),
        ),
        Case(  # a rota for days 4 to 9, one number answered, the near end: a question, not a finding
            {"product.lead_days": "4-9", _EVAL: 4},
            evidence=(
                "done.eval_horizon_days: 4 (the test scores at 4 days, the near end of the days the decision "
                "serves: is the model also scored at 9 days, the furthest day?)",
                "product.lead_max_days: 9 (the furthest day the decision serves is that many days ahead)",
            ),
        ),
        Case(  # the decision acts on days 4 to 10 of the forecast, scored only 4 to 6 days out
            {"product.lead_days": "4-24", "product.decision_horizon_days": 10, _EVAL: "4-6"},
            evidence=(
                "done.eval_horizon_days: 4-6 (the test scores predictions made 6 days before the outcome, and "
                "the decision is fixed 10 days before: 10 - 6 = 4 days of the lead the score never covers, where "
                "accuracy is lower than the test says)",
                "product.decision_horizon_days: 10 (the furthest day the decision acts on)",
            ),
        ),
        Case(  # a lorry's arrival shown from 6 hours out, scored up to 3: when in the span is the dock booked?
            {"product.task": "regression", "product.lead_days": "0.05-0.25", _EVAL: "0.05-0.125"},
            evidence=(
                "done.eval_horizon_days: 0.05-0.125 (the test scores up to 0.125 days (3 hours) before the "
                "outcome, and the forecast is made from 0.25 days (6 hours): is the decision taken within 0.125 "
                "days (3 hours), or on the earlier forecasts?)",
                "product.lead_max_days: 0.25 (the forecast is first made that many days ahead)",
            ),
        ),
        Case(  # a backtest at 1 and 3 days for an order fixed a week ahead
            {"product.lead_days": 7, _EVAL: [1, 3]},
            evidence=(
                "done.eval_horizon_days: 1-3 (the test scores predictions made 3 days before the outcome, and "
                "the decision is fixed 7 days before: 7 - 3 = 4 days of the lead the score never covers, where "
                "accuracy is lower than the test says)",
                "product.lead_days: 7 (the decision is fixed that many days before the outcome)",
            ),
        ),
    ),
    quiet=(
        Case({"product.lead_days": 3, _EVAL: 3}),
        Case({"product.lead_days": "4-9", _EVAL: 9}),  # scored at the furthest day the rota serves
        Case({"product.lead_days": "4-10", _EVAL: "4-10"}),  # a rolling backtest over the whole span
        # a three-week forecast whose first week the rota uses, scored over that week
        Case({"product.lead_days": "4-24", "product.decision_horizon_days": 10, _EVAL: "4-10"}),
        Case({"product.lead_days": 7, _EVAL: [1, 3, 7]}),  # scored at several leads, the longest among them
        Case({"product.lead_days": 3, _EVAL: 7}),  # scored further out than needed: harder, not flattered
        Case({"product.lead_days": 0, _EVAL: 0.25}),  # decided on the spot
        Case({"product.lead_days": 3}),  # not answered yet: the interview asks
        Case(  # a lorry's arrival shown from 6 hours out, the dock booked within 3, scored up to 3
            {
                "product.task": "regression",
                "product.lead_days": "0.05-0.25",
                "product.decision_horizon_days": 0.125,
                _EVAL: "0.05-0.125",
            }
        ),
        Case(  # a case scored as it stands at listing: tested from the same moment
            {"product.task": "regression", "product.lead_days": 700, _EVAL: "not measured"}
        ),
    ),
)
def test_scored_short_of_the_lead(plan: Plan) -> Evidence:
    """The test scores predictions made closer to the outcome than the decision is taken.

    The decision is fixed days before the outcome (stock ordered, a roster published, a warning issued),
    but the evaluation feeds the model inputs from nearer the event: the last hours' readings, the day
    before's figures. Accuracy falls with the horizon, so the test promises more than the forecast the
    decision will use can give.

    Mitigation: Cut each test case's inputs off at the lead (only what is known that many days before the
    outcome), score the model there, and set the figure to beat at the same horizon.
    """
    lead = _lead(plan)
    scored = plan.done.eval_horizon_days
    if lead is None or scored is None:
        return None
    at_lead = _at_lead(plan)
    if isinstance(scored, str):
        if not _ahead_of_series(plan):
            return None
        note = (
            f"not measured: how many days before the outcome are the test's predictions made, not {lead:g}?"
        )
        return Tempered(3, (f"{_EVAL}: {scored} ({note})", at_lead))
    longest = _longest(plan, _EVAL) or 0.0
    if longest >= lead:
        return None
    said = _said(plan, _EVAL)
    if _when_in_span_unasked(plan, longest):
        note = (
            f"the test scores up to {_hours(longest)} before the outcome, and the forecast is made from "
            f"{_hours(lead)}: is the decision taken within {_hours(longest)}, or on the earlier forecasts?"
        )
        shown = quote(plan, "product.lead_max_days", "the forecast is first made that many days ahead")
        return Tempered(3, (f"{said} ({note})", shown))
    if longest == plan.product.lead_days:  # the span's near end: perhaps the one number the field took
        note = (
            f"the test scores at {_hours(longest)}, the near end of the days the decision serves: is the "
            f"model also scored at {in_days(lead)}, the furthest day?"
        )
        return Tempered(3, (f"{said} ({note})", at_lead))
    note = (
        f"the test scores predictions made {_hours(longest)} before the outcome, and the decision is fixed "
        f"{in_days(lead)} before: {lead:g} - {longest:g} = {lead - longest:g} days of the lead the score never "
        "covers, where accuracy is lower than the test says"
    )
    return (f"{said} ({note})", at_lead)


def _when_in_span_unasked(plan: Plan, longest: float) -> bool:
    """Whether the forecast is made over a span of leads (an arrival time updated from 4 hours out), the
    test covers part of that span, and nothing says at which point of it the decision is taken: the
    question that would say so is asked of forecasts only, so for any other task the span's far end is
    where the forecast starts, not proof the decision waits for it."""
    product = plan.product
    near = product.lead_days
    return (
        product.task is not None
        and product.task is not TaskType.forecasting
        and product.decision_horizon_days is None
        and product.lead_max_days is not None
        and isinstance(near, (int, float))
        and near < longest < product.lead_max_days
    )


def _longest(plan: Plan, path: str) -> float | None:
    """The longest horizon answered at `path` and its `_max_days` end; None where blank or 'not measured'."""
    span = plan.done.horizon_range(path.removeprefix("done."))
    return None if span is None else span[1]


def _said(plan: Plan, path: str) -> str:
    """`done.eval_horizon_days: 1-7` where a span is answered, the one number otherwise."""
    span = plan.done.horizon_range(path.removeprefix("done."))
    if span is None:
        return f"{path}: {getattr(plan.done, path.removeprefix('done.'))}"
    return f"{path}: {span[0]:g}" + (f"-{span[1]:g}" if span[1] != span[0] else "")


# A baseline that copies the value one season back (`same week last year`, `last week's count`) is known
# that many days ahead: at any horizon up to it, it is made from the same past, so no horizon flatters it.
_COPIED_BACK = (
    (
        re.compile(
            r"\b(?:last|previous|prior) year\b|\ba year (?:ago|earlier|before)\b|\byear[- ]on[- ]year\b"
        ),
        365.0,
    ),
    (
        re.compile(
            r"\b(?:last|previous|prior) week\b|\ba week (?:ago|earlier|before)\b|\bseasonal[- ]naive\b"
        ),
        7.0,
    ),
)


def copied_back(plan: Plan) -> tuple[float, str] | None:
    """(how many days ahead the figure to beat is known, the answer that says so) where a done metric's
    baseline is named as last year's or last week's value: a seasonal-naive figure needs no horizon."""
    for path, metric in done_metrics(plan):
        text = (metric.baseline_name or "").lower()
        for pattern, days in _COPIED_BACK:
            if pattern.search(text):
                return days, f"{path}.baseline_name"
    return None


def _baseline_named(plan: Plan) -> str | None:
    """Where the plan gives a figure to beat: the first done metric's baseline figure, else its name."""
    for path, metric in done_metrics(plan):
        if metric.baseline is not None:  # a figure, or one named but not measured yet
            return f"{path}.baseline"
        if metric.baseline_name:
            return f"{path}.baseline_name"
    return None


@rule(
    "baseline-horizon-unknown",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure the baseline at the model's horizon",
        "Score today's forecast or estimate from what it knew the same number of days before the outcome as "
        "the model; a baseline made the day before beats any model made a week before, and says nothing of it",
        "info",
    ),
    fires=(
        Case(  # the model is scored 3 days out; when today's figure is made nobody knows
            {"product.data_kinds": ["time_series"], "product.lead_days": 3, _EVAL: 3, _BASE: "not measured"},
            evidence=(
                "done.baseline_horizon_days: not measured (how many days before the outcome is the figure to "
                "beat made, against the 3 days the model is scored at?)",
                "done.metrics[0].baseline: 0.45",
                "product.lead_days: 3 (the decision is fixed that many days before the outcome)",
            ),
        ),
        Case(  # today's figure is made the day before, the model 7 days before
            {"product.lead_days": 7, _EVAL: 7, _BASE: 1},
            evidence=(
                "done.baseline_horizon_days: 1 (the figure to beat is made 1 day before the outcome, the model "
                "7 days before: 7 - 1 = 6 days closer, so the comparison is not like for like)",
                "done.metrics[0].baseline: 0.45",
                "product.lead_days: 7 (the decision is fixed that many days before the outcome)",
            ),
        ),
        Case(  # last week's value is known 7 days ahead; the model is scored 10 days out
            {
                "product.data_kinds": ["time_series"],
                "product.lead_days": 10,
                _BASE: "not measured",
                "done.metrics[0].baseline_name": "Same day last week",
            }
        ),
        Case(  # one rota for days 4 to 10, its figure to beat revised the day before each day
            {"product.lead_days": "4-10", _EVAL: "4-10", _BASE: 1},
        ),
        Case(  # the decision acts on days 4 to 10; the figure to beat is the one made a day out
            {"product.lead_days": "4-24", "product.decision_horizon_days": 10, _EVAL: "4-10", _BASE: [1, 10]},
        ),
    ),
    quiet=(
        Case({"product.lead_days": 3, _EVAL: 3, _BASE: 3}),
        # a three-week forecast scored over its span; the figure to beat made the same day the decision is
        Case({"product.lead_days": "4-24", _EVAL: "4-24", _BASE: 4}),
        Case(  # the rota uses the first week of a three-week forecast; the baseline is made for that week
            {"product.lead_days": "4-24", "product.decision_horizon_days": 10, _EVAL: "4-10", _BASE: [4, 10]}
        ),
        Case({"product.lead_days": "1-7", _EVAL: "1-7", _BASE: [1, 7]}),  # both at the same horizons
        Case({"product.lead_days": 0, _BASE: "not measured"}),
        Case({"product.lead_days": 3, _BASE: "not measured", "done.metrics[0].baseline": None}),
        Case(  # a pick made at selection, the career known 540 days on: the baseline is made then too
            {"product.task": "classification", "product.lead_days": 540, _BASE: "not measured"}
        ),
        Case(  # last year's same week is known a year ahead: a week's lead cannot flatter it
            {
                "product.data_kinds": ["time_series"],
                "product.lead_days": 7,
                _BASE: "not measured",
                "done.metrics[0].baseline_name": "Same week last year",
            }
        ),
    ),
)
def baseline_horizon_unknown(plan: Plan) -> Evidence:
    """The figure to beat is made at an unknown or other horizon than the model.

    A baseline's score depends on how far ahead it was made as much as the model's does: today's
    planners' estimate, revised the day before, sets a bar no forecast made a week out can clear, and one
    made a month out a bar any can. Beside a model scored at another horizon, the comparison says little.
    The two are compared end by end: a single figure is the near end, the moment the figure is made, so a
    figure made when the decision is taken, for the days it serves, is like for like.

    Mitigation: Find when today's figure is made (or rebuild it from what it knew then), and score the
    baseline and the model at the same horizon, the lead of the decision.
    """
    decision = plan.product.lead_range()
    base = plan.done.baseline_horizon_days
    named = _baseline_named(plan)
    if decision is None or decision[1] <= 0 or base is None or named is None:
        return None
    model = _model_span(plan, decision)
    figure = quote(plan, named)
    at_lead = _at_lead(plan)
    if isinstance(base, str):
        if not _ahead_of_series(plan):
            return None
        copied = copied_back(plan)
        if copied is not None and copied[0] >= model[1]:
            return None  # last year's value is known a year ahead: made from the same past at any horizon
        note = (
            f"how many days before the outcome is the figure to beat made, against the {_span_days(model)} the "
            "model is scored at?"
        )
        return (f"{_BASE}: {base} ({note})", figure, at_lead)
    low, high = plan.done.horizon_range("baseline_horizon_days") or (0.0, 0.0)
    if low == model[0] and (plan.done.baseline_horizon_max_days is None or high == model[1]):
        return None  # made from the same moment, for the same days (one figure: the moment it is made)
    ours, theirs = (low, model[0]) if low != model[0] else (high, model[1])
    closer = "closer" if ours < theirs else "further out"
    note = (
        f"the figure to beat is made {_hours(ours)} before the outcome, the model {in_days(theirs)} before: "
        f"{max(ours, theirs):g} - {min(ours, theirs):g} = {abs(theirs - ours):g} days {closer}, so the "
        "comparison is not like for like"
    )
    return (f"{_said(plan, _BASE)} ({note})", figure, at_lead)


def _model_span(plan: Plan, decision: tuple[float, float]) -> tuple[float, float]:
    """The horizons the baseline must match: the decision's days where the test scores them all (or is not
    answered), else the horizons the test scores at."""
    tested = plan.done.horizon_range("eval_horizon_days")
    if tested is None or (tested[0] <= decision[0] and tested[1] >= decision[1]):
        return decision
    return tested


def _span_days(span: tuple[float, float]) -> str:
    """`3 days`, or `4 to 24 days` for a span."""
    return in_days(span[0]) if span[0] == span[1] else f"{span[0]:g} to {in_days(span[1])}"
