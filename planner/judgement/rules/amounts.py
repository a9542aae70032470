"""Rules on an amount's score: the unsafe side weighed alike with the safe one, errors pooled over units."""

from __future__ import annotations

import re

from planner.judgement.rules import scored
from planner.judgement.rules.action import metric_names
from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, rule
from planner.judgement.rules.critical import critical_ratio_said
from planner.judgement.rules.errorkinds import COSTLY_SIDE, counted
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lexicon import (
    AGGREGATE,
    ASYMMETRIC_COST,
    SYMMETRIC_ERROR,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, ErrorCost, MetricUnit, Plan, TaskType
from planner.plan.stakes import HarmKind

_SHORT = {
    ErrorCost.too_low: "a forecast too low costs more (short of staff, stock or money)",
    ErrorCost.too_high: "a forecast too high costs more (waste, idle staff, stock left over)",
}


# An amount that is no forecast (a price, a quote, a duration): its errors are weighed by what each costs.
_NOT_A_FORECAST = Instead(
    lambda plan: plan.product.task is TaskType.regression,
    Move(
        "Score the amount by what each error costs, not by a symmetric error",
        "MAE and RMSE weigh an amount set too high and one set too low alike, where they cost differently "
        "(a price too high leaves the item unsold, one too low gives the margin away); weigh each error by "
        "its cost, or score a quantile loss at the level the cost ratio sets",
        "warning",
    ),
    "Put a cost on each side of the error (too high, too low) and score the amount by it, or by a quantile "
    "loss at the level those costs set; report the share of amounts off by more than the margin that matters.",
)


@rule(
    "amount-error-weighed-alike",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Score the forecast by what its errors cost the decision, not by a symmetric error",
        "MAPE, MAE and RMSE reward a forecast whose shortfalls and surpluses cost differently alike; score "
        "the decision's cost: pinball (quantile) loss at the service level, the cost of being short against "
        "being over, hours understaffed at the peak",
        "warning",
    ),
    instead=(_NOT_A_FORECAST,),
    fires=(
        Case(  # no side said to cost more, but an error can harm health: one side is the unsafe one
            {
                "product.action_shape": "sets_amount",
                "product.task": "regression",
                "impact.costlier_error": None,
                "impact.harm_kinds": ["health"],
                "done.metrics[0].name": "MAE of the shelf life in days",
            },
            evidence=(
                'product.action_shape: "sets_amount" (a number sets an amount: staff, stock, a price, a budget)',
                'impact.harm_kinds: ["health"] (an amount whose error harms health: one side of it is the unsafe '
                "one)",
                'done.metrics[0].name: "MAE of the shelf life in days" (mae weighs a shortfall and a surplus alike)',
            ),
        ),
        Case(
            {
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "impact.costlier_error": "too_low",
                "done.metrics[0].name": "MAPE of daily call volume",
            },
            evidence=(
                'product.action_shape: "sets_amount" (a number sets an amount: staff, stock, a price, a budget)',
                'impact.costlier_error: "too_low" (a forecast too low costs more (short of staff, stock or '
                "money))",
                'done.metrics[0].name: "MAPE of daily call volume" (mape weighs a shortfall and a surplus '
                "alike)",
            ),
        ),
        Case(  # the worst error named is the same symmetric error, said to `count` the shortfalls
            {
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "impact.costlier_error": "too_low",
                "done.metrics[0].name": "MAE of weekly blood units drawn",
                "done.worst_error_metric": "MAE (shortfalls are in it)",
            },
            evidence=(
                'product.action_shape: "sets_amount" (a number sets an amount: staff, stock, a price, a budget)',
                'impact.costlier_error: "too_low" (a forecast too low costs more (short of staff, stock or '
                "money))",
                'done.metrics[0].name: "MAE of weekly blood units drawn" (mae weighs a shortfall and a surplus '
                "alike)",
            ),
        ),
        Case(  # an estimate for every item, its shortfall priced at three times its surplus
            {
                "product.task": "regression",
                "product.action_shape": "every_item",
                "impact.costlier_error": "too_low",
                "impact.action_cost": "An underestimate costs us 90 EUR in unpaid parts; an overestimate costs 30 EUR.",
                "done.metrics[0].name": "MAE of the repair quote",
            },
            evidence=(
                'product.action_shape: "every_item" (a number given for every item: each one\'s error is paid)',
                'impact.costlier_error: "too_low" (a forecast too low costs more (short of staff, stock or '
                "money))",
                'done.metrics[0].name: "MAE of the repair quote" (mae weighs a shortfall and a surplus alike)',
                "one too few costs 90, one too many 30: weigh them so, or score pinball loss at the 90 / (90 + "
                "30) = 75% quantile",
            ),
        ),
    ),
    quiet=(
        Case(  # the worst error is the symmetric error taken over the shortfalls only
            {
                "product.action_shape": "sets_amount",
                "impact.costlier_error": "too_low",
                "done.metrics[0].name": "RMSE of hourly kiln load",
                "done.worst_error_metric": "RMSE over the under-forecast hours only",
            }
        ),
        Case(  # errors cost about the same: a symmetric metric fits
            {
                "product.action_shape": "sets_amount",
                "impact.costlier_error": "similar",
                "done.metrics[0].name": "MAPE of daily call volume",
            }
        ),
        Case(  # scored at the service level
            {
                "product.action_shape": "sets_amount",
                "impact.costlier_error": "too_low",
                "done.metrics": [
                    {"name": "MAPE of daily call volume", "target": 0.1},
                    {"name": "Pinball loss at the 90% quantile", "target": 0.05},
                ],
            }
        ),
        Case(  # a cut-off, not an amount
            {"impact.costlier_error": "too_low", "done.metrics[0].name": "MAE of the duplicate score"}
        ),
        Case(  # a priced cost of understaffing sits second, beside MAPE
            {
                "product.action_shape": "sets_amount",
                "impact.costlier_error": "too_low",
                "done.metrics": [
                    {"name": "MAPE of daily call volume", "target": 0.1},
                    {
                        "name": "Cost of the roster: 40 EUR per under-staffing hour, 15 per idle hour",
                        "target": 9000,
                    },
                ],
            }
        ),
        Case(  # the costly side counted case by case (stock-outs missed), beside the deliveries saved
            {
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "impact.costlier_error": "too_low",
                "done.metrics": [
                    {"name": "Misses (a kiosk out of stock within 10% of its weekly sales), per kiosk"},
                    {"name": "Deliveries saved against the fixed weekly round"},
                ],
            }
        ),
        Case(  # the worst error the team names is the shortfall
            {
                "product.action_shape": "sets_amount",
                "impact.costlier_error": "too_low",
                "done.metrics[0].name": "MAPE of daily call volume",
                "done.worst_error_metric": "Under-forecasting on the busiest days, as hours short at P90",
            }
        ),
    ),
)
def amount_error_weighed_alike(plan: Plan) -> Evidence:
    """The output sets an amount whose shortfall and surplus cost differently, and a symmetric error judges it.

    A forecast that sets staff, stock, a price or a budget is paid for by its errors: one short costs
    a queue, a stock-out or a lost sale, one over costs idle hours or waste. MAPE, MAE and RMSE count both
    alike, so the model with the best score can be the one that is short most often on the days that
    matter.

    Mitigation: Score what the decision pays: pinball (quantile) loss at the service level the
    business wants, the cost of being short against being over, or hours understaffed at the peak;
    keep MAPE as a second metric.
    """
    cost = plan.impact.costlier_error
    shape = plan.product.action_shape
    unsafe = _unsafe_side(plan) if cost not in _SHORT and shape is ActionShape.sets_amount else None
    every = shape is ActionShape.every_item and plan.product.task in (
        TaskType.regression,
        TaskType.forecasting,
    )
    if (cost not in _SHORT and unsafe is None) or (
        shape not in (None, ActionShape.sets_amount) and not every
    ):
        return None
    names = metric_names(plan)
    # Every metric the plan scores, and the worst error it names, may already price the two errors apart.
    said = [*names, plan.done.worst_error_metric or ""]
    said += [metric.dataset or "" for metric in plan.done.metrics]
    if not names or any(_prices_sides(text) for text in said):
        return None
    symmetric = SYMMETRIC_ERROR.find(names[0])
    if symmetric is None or _counts_costly_side(cost, names):
        return None
    if isinstance(cost, ErrorCost) and cost in _SHORT:
        found = [quote(plan, "impact.costlier_error", _SHORT[cost])]
    elif unsafe is not None:
        found = [unsafe]
    else:
        return None
    if shape is not None:
        role = "a number sets an amount: staff, stock, a price, a budget"
        role = "a number given for every item: each one's error is paid" if every else role
        found.insert(0, quote(plan, "product.action_shape", role))
    found.append(quote(plan, "done.metrics[0].name", f"{symmetric} weighs a shortfall and a surplus alike"))
    ratio = critical_ratio_said(plan)
    return (*found, ratio) if ratio else tuple(found)


# The side an error falls on, named with no measure that weighs it (`under-forecasts`, `shortfalls`).
_SIDE_ONLY = Lexicon("""
    shortfall, shortfalls, short, under-forecast, under-forecasts, over-forecast, over-forecasts
    underforecast, overforecast, under-forecasting, over-forecasting, under-prediction, over-prediction
    underprediction, overprediction
""")

# A symmetric error taken over one side only: `MAPE on under-forecast days`, `MAE of shortfalls`.
_ONE_SIDED = re.compile(r"\b(?:on|of|for|over|in|only|to)\s+(?:the\s+)?(?:under|over|short)", re.IGNORECASE)


def _counts_costly_side(cost: object, said: list[str]) -> bool:
    """Whether a metric counts the costly side's cases one by one (misses where too low costs more): it
    scores the decision's own error, not a symmetric amount."""
    side = COSTLY_SIDE.get(cost) if isinstance(cost, ErrorCost) else None
    return side is not None and any(
        (found := counted(text)) is not None and side in found.kinds for text in said
    )


def _prices_sides(text: str) -> bool:
    """Whether a metric's words weigh the two sides of the error apart. A symmetric error that only names
    a side it `counts` (`MAPE (it counts under-forecasts of busy days)`) still weighs both alike; a
    measure (pinball, P90, service level) or the error taken over one side prices them apart."""
    found = ASYMMETRIC_COST.find_all(text)
    if not found:
        return False
    if not SYMMETRIC_ERROR.find(text) or any(word not in _SIDE_ONLY.entries for word in found):
        return True
    return _ONE_SIDED.search(text) is not None


def _unsafe_side(plan: Plan) -> str | None:
    """Where no side of the error is said to cost more, an amount whose error can harm health: one side of
    it (a date too late, a dose too high) is the unsafe one, whatever the team ticked."""
    if plan.product.task not in (TaskType.regression, TaskType.forecasting):
        return None
    if HarmKind.health not in plan.impact.harm_kinds:
        return None
    return quote(
        plan, "impact.harm_kinds", "an amount whose error harms health: one side of it is the unsafe one"
    )


@rule(
    "amount-scored-in-aggregate",
    Category.model,
    likelihood=5,
    impact=3,
    move=Move(
        "Score the forecast at the unit where the amount is set",
        "Errors of single sites or days cancel out in a total: a chain-wide figure can look fine while every "
        "site is short on some days and over on others; score per site and day (and the worst units)",
        "info",
    ),
    ask="is the amount set per site, day or shift while the metric is read over the whole?",
    fires=(
        Case(
            {
                "product.action_shape": "sets_amount",
                "done.metrics[0].name": "Chain-wide MAPE of weekly demand",
                "done.metric_unit": None,
            },
            evidence=(
                'product.action_shape: "sets_amount" (the amount is set unit by unit: per site, per day, per '
                "shift?)",
                'done.metrics[0].name: "Chain-wide MAPE of weekly demand" (chain-wide: errors of single units '
                "cancel out in it)",
            ),
        ),
        Case(  # the team said the metric pools the amounts, a shortfall costs more, and it acts unchecked
            {
                "product.action_shape": "sets_amount",
                "done.metric_unit": "pooled",
                "impact.costlier_error": "too_low",
                "product.mode": "automate",
            },
            evidence=(
                'done.metric_unit: "pooled" (a total or an average over the sites or days the amount is set '
                "for: their errors cancel in it)",
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run."',
                'product.action_shape: "sets_amount" (a number sets an amount: staff, stock, a price, a budget)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
                'impact.costlier_error: "too_low" (too low costs more: a pooled figure nets the shortfalls '
                "against the surpluses)",
                'product.mode: "automate" (each decision is acted on with nobody checking it)',
            ),
        ),
    ),
    quiet=(
        Case({"product.action_shape": "sets_amount", "done.metrics[0].name": "MAPE per store and day"}),
        Case({"done.metrics[0].name": "Chain-wide MAPE of weekly demand"}),  # a cut-off, not an amount
        Case(  # the team said each amount is scored as it is set: the words only asked that
            {
                "product.action_shape": "sets_amount",
                "done.metrics[0].name": "Chain-wide average of MAPE per store and day",
            }
        ),
        Case(  # pooled, but each lot and day's error is counted absolute: nothing cancels
            {
                "product.action_shape": "sets_amount",
                "done.metric_unit": "pooled",
                "done.metrics[0].name": "WAPE of daily sales at store/product level",
            }
        ),
        Case(  # read over the whole, and also per store
            {
                "product.action_shape": "sets_amount",
                "done.metrics": [
                    {"name": "Overall MAPE", "target": 0.1},
                    {"name": "MAPE per store and day, worst decile", "target": 0.2},
                ],
            }
        ),
    ),
)
def amount_scored_in_aggregate(plan: Plan) -> Evidence:
    """The output sets an amount unit by unit, and the metric is read over the whole.

    Staff, stock or a budget are set per site, per day or per shift; a forecast error summed or
    averaged over a chain, a portfolio or a season lets one site's shortfall cancel another's surplus,
    so the score looks fine while single units run short, and a shortfall that costs more than a surplus
    is netted against it.

    Mitigation: Score the error at the unit where the amount is set (per site and day, per shift), and
    report the worst units beside the average.
    """
    if plan.product.action_shape is not ActionShape.sets_amount:
        return None
    unit = plan.done.metric_unit
    if unit is MetricUnit.pooled and _absolute_per_unit(plan):
        return None  # each unit's error counted absolute, then pooled: a shortfall never nets a surplus
    if unit is MetricUnit.pooled:  # the team said so: a fact, whatever the metric's words
        return scored.pooled(
            plan,
            "a total or an average over the sites or days the amount is set for: their errors cancel in it",
        )
    if unit in (MetricUnit.decision, MetricUnit.parts):
        return None  # each amount scored as it is set (or its parts: metric-scores-parts says it)
    names = metric_names(plan)
    if not names or not all(AGGREGATE.find(name) for name in names):
        return None
    whole = AGGREGATE.find(names[0]) or ""
    return Hint(
        (whole,),
        (
            quote(
                plan, "product.action_shape", "the amount is set unit by unit: per site, per day, per shift?"
            ),
            quote(plan, "done.metrics[0].name", f"{whole}: errors of single units cancel out in it"),
        ),
        likelihood=2,
    )


# A metric that sums each unit's error as a size (absolute or squared): nothing cancels in its total.
ABSOLUTE_ERROR = Lexicon("""
    mape, smape, wape, wmape, mae, mad, mse, rmse, rmsle, mean absolute error, mean absolute percentage error
    mean squared error, root mean squared error, root mean square error, weighted absolute percentage error
    absolute error, absolute percentage error
""")


# The unit a metric's errors are taken at, in its name: `at lot/size level`, `per store and day`.
_AT_UNIT = re.compile(r"\bat (?:the )?[a-z/ -]{1,30}? level\b|\bper [a-z]+", re.IGNORECASE)


def _absolute_per_unit(plan: Plan) -> bool:
    """Whether the primary metric takes each unit's error as a size, at a unit its name gives (`WAPE of
    daily sales at lot/size level`): pooled, it weighs units, but no unit's shortfall cancels another's."""
    name = plan.done.metrics[0].name if plan.done.metrics else ""
    return bool(ABSOLUTE_ERROR.find(name)) and _AT_UNIT.search(name) is not None
