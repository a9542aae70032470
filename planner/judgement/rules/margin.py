"""The done error per item set against the value or margin per item, in the same currency."""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.periodtotal import period_total
from planner.judgement.rules.weighed import money_in
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, ErrorCost, Metric, MetricRole, Mode, Plan

# A metric whose figure is an amount in the output's own unit: an error of 400 is 400 pounds. Percent and
# squared errors (MAPE, MSE, RMSLE) are not amounts of money.
AMOUNT_ERROR = Lexicon("""
    mae, mean absolute error, average absolute error, median absolute error, absolute error
    rmse, root mean squared error, root mean square error
""")
_NOT_AN_AMOUNT = Lexicon("""
    mape, smape, wape, wmape, rmsle, mse, mean squared error, percentage, percent, log, logs, logarithm, r-squared
""")
_SQUARED = Lexicon("rmse, root mean squared error, root mean square error")

_CURRENCIES = (
    ("GBP", r"£|\bgbp\b|\bpounds?\b|\bsterling\b"),
    ("EUR", r"€|\beur\b|\beuros?\b"),
    ("USD", r"\$|\busd\b|\bdollars?\b"),
    ("CHF", r"\bchf\b|\bfrancs?\b"),
    ("guineas", r"\bguineas?\b"),
)

# What the business keeps on one item, where free text says it: `margin ... about £600 a piano`.
MARGIN = Lexicon("""
    margin, margins, gross margin, profit, profits, mark-up, markup, commission, contribution
""")
_MARGIN_IN = ("product.current_performance", "product.success_metric", "product.pain", "product.goal")
# An output that is an amount of money, though it names no currency: `the predicted hammer price`.
PRICED = Lexicon("""
    price, prices, resale price, sale price, hammer price, selling price, valuation, valuations, cost, costs
    fee, fees, rent, rents, premium, premiums, revenue, salary, salaries, wage, wages
""")
_CLAUSE = re.compile(r"[.;]")
# An amount over a period is a total, not the worth of one item: `£40,000 a year`.
_A_PERIOD = re.compile(
    r"\b(?:a|per|each|every)\s+(?:day|week|month|quarter|year|season)\b|\bannual", re.IGNORECASE
)

HALF_THE_VALUE = (
    0.5  # an error per item this share of the value per item turns many single decisions into losses
)


def currency_of(text: str | None) -> str | None:
    """The currency `text` names (`GBP per piano`, `in pounds`, `£`), the first of several."""
    found = [
        (match.start(), code)
        for code, pattern in _CURRENCIES
        if (match := re.search(pattern, text or "", re.IGNORECASE))
    ]
    return min(found)[1] if found else None


def _amount_error(plan: Plan) -> tuple[int, Metric] | None:
    """The goal metric when it is an error in amounts with a figure to reach: `MAE of the price`, target 400."""
    for index, metric in enumerate(plan.done.metrics):
        if metric.role is MetricRole.guardrail or metric.target is None:
            continue
        name = metric.name
        if (
            metric.direction is Direction.lower_is_better
            and AMOUNT_ERROR.find(name)
            and not _NOT_AN_AMOUNT.find(name)
        ):
            return index, metric
        return None  # the goal metric is some other figure
    return None


def share_beyond(error: float, value: float, squared: bool) -> float:
    """The share of items off by more than `value` when errors spread as a bell curve whose mean absolute
    error (or root mean square, `squared`) is `error`."""
    sigma = error if squared else error * math.sqrt(math.pi / 2)
    return math.erfc(value / (sigma * math.sqrt(2)))


_TIGHTEN = Move(
    "Set the error target from the margin",
    "An error per item of the size of the margin turns many single decisions into losses, whatever the average says",
    "warning",
    first=True,
)


_PIANO = {
    "product.task": "regression",
    "product.action_shape": "sets_amount",
    "product.output": "Predicted resale value of each piano, in pounds.",
    "done.metrics": [{"name": "MAE of the resale value", "target": 400, "direction": "lower"}],
    "done.worst_error_metric": "MAE of the resale value",
    "impact.value_per_item": 600,
    "impact.value_unit": "GBP",
    "impact.benefit_share": None,
    "impact.costlier_error": "too_high",
}


@rule(
    "error-near-margin",
    Category.model,
    likelihood=4,
    impact=4,
    move=_TIGHTEN,
    ask="is the error the model may make per item near what each item earns?",
    fires=(
        Case(
            _PIANO | {"product.mode": "automate"},
            evidence=(
                "done.metrics[0].target: 400 (an MAE of 400 GBP per item is 66.7% of the 600 GBP value per item)",
                "impact.value_per_item: 600 (with errors spread as a bell curve of that mean, about 23.1% of items "
                "are off by more than the whole value: on the costly side each of those loses money)",
                'impact.costlier_error: "too_high" (the costly side: a figure too high)',
            ),
            also=frozenset({"amount-error-weighed-alike"}),
        ),
        Case(  # the output is a price in no currency said: the value's is taken, and asked
            _PIANO
            | {"product.output": "Predicted resale price of each piano.", "impact.costlier_error": None},
            evidence=(
                "done.metrics[0].target: 400 (an MAE of 400, if in GBP, per item is 66.7% of the 600 GBP value "
                "per item)",
                "impact.value_per_item: 600 (with errors spread as a bell curve of that mean, about 23.1% of items "
                "are off by more than the whole value: on the costly side each of those loses money)",
            ),
        ),
        Case(  # no value per item answered, but the margin per item said in words: asked
            _PIANO
            | {
                "impact.value_per_item": "not measured",
                "product.current_performance": "We buy 700 a year; margin averages about £600 a piano.",
            },
            evidence=(
                "done.metrics[0].target: 400 (an MAE of 400 GBP per item is 66.7% of the 600 GBP margin per item)",
                'product.current_performance: "We buy 700 a year; margin averages about £600 a piano." (with '
                "errors spread as a bell curve of that mean, about 23.1% of items are off by more than the whole "
                "margin: on the costly side each of those loses money)",
                'impact.costlier_error: "too_high" (the costly side: a figure too high)',
            ),
            also=frozenset({"amount-error-weighed-alike"}),
        ),
    ),
    quiet=(
        Case(_PIANO | {"done.metrics[0].target": 120}),  # 20% of the value: few items lose it all
        Case(_PIANO | {"impact.value_unit": "EUR"}),  # pounds against euros: not one scale
        Case(_PIANO | {"impact.value_unit": "minutes"}),  # the value is time, not money
        Case(_PIANO | {"product.output": "Predicted ammonia at the outfall."}),  # an error in no money
        Case(_PIANO | {"done.metrics[0].name": "MAPE of the resale value"}),  # a percent, not an amount
        Case(_PIANO | {"impact.value_per_item": "not measured"}),  # nothing to set it against
        Case(  # a margin a year is a total, not the worth of one piano
            _PIANO
            | {"impact.value_per_item": None, "product.current_performance": "Margin of £40,000 a year."}
        ),
        Case(_PIANO | {"impact.value_unit": "GBP per year"}),  # a yearly total, not a value per item
    ),
)
def error_near_margin(plan: Plan) -> Evidence:
    """The error the model may make per item is of the order of what each item is worth.

    Done is an average error in money per item, and the business makes or saves a value per item in the
    same currency: where the target error is half that value or more, a good share of single figures miss
    by more than the whole margin, and each of those on the costly side loses money even when the average
    looks fine.

    Mitigation: Set the error target from the margin (the share of items whose error exceeds it, on the
    costly side), score that share as well as the average, and shade the figure away from the costly side
    or decline the items the model is least sure of.
    """
    found = _amount_error(plan)
    if found is None:
        return None
    impact = plan.impact
    value, currency = impact.value_per_item, currency_of(impact.value_unit)
    if isinstance(value, int | float):
        if currency is None or value <= 0 or period_total(plan) is not None:
            return None  # no money per item: time saved, or a total a period
        return _against(plan, found, (float(value), currency), ("impact.value_per_item", "value"))
    said = _margin_said(plan)
    if said is None:
        return None
    path, word, margin = said
    evidence = _against(plan, found, margin, (path, word))
    if evidence is None:
        return None
    return Hint((word, *getattr(evidence, "words", ())), evidence, likelihood=3)


def _margin_said(plan: Plan) -> tuple[str, str, tuple[float, str]] | None:
    """Where free text gives a margin per item in money (`margin ... about £600 a piano`): the path, the
    word and the amount with its currency."""
    for path in _MARGIN_IN:
        text = answer_at(plan, path)
        for clause in _CLAUSE.split(text if isinstance(text, str) else ""):
            word, money = MARGIN.find(clause), money_in(clause)
            if word and money and money[0] > 0 and not _A_PERIOD.search(clause):
                return path, word, money
    return None


def _against(
    plan: Plan, found: tuple[int, Metric], worth: tuple[float, str], source: tuple[str, str]
) -> Evidence:
    """The target error set against the worth of one item, where it is half of it or more."""
    (index, metric), (value, currency), (path, word) = found, worth, source
    error = float(metric.target or 0)
    if error < HALF_THE_VALUE * value:
        return None
    stated = currency_of(metric.name) or currency_of(plan.product.output)
    priced = PRICED.find(plan.product.output)
    if (stated is not None and stated != currency) or (stated is None and priced is None):
        return None  # the error and the value in different currencies, or the error in no currency said
    amount = f"{fmt.number(error)} {currency}" if stated else f"{fmt.number(error)}, if in {currency},"
    name = AMOUNT_ERROR.find(metric.name) or "error"
    kind = name.upper() if len(name) <= 4 else name
    beyond = share_beyond(error, value, bool(_SQUARED.find(metric.name)))
    evidence = [
        quote(
            plan,
            f"done.metrics[{index}].target",
            f"an {kind} of {amount} per item is {fmt.share(error / value)} of the {fmt.number(value)} {currency} "
            f"{word} per item",
        ),
        quote(
            plan,
            path,
            f"with errors spread as a bell curve of that mean, about {fmt.share(beyond)} of items are off by "
            f"more than the whole {word}: on the costly side each of those loses money",
        ),
    ]
    impact = plan.impact
    costly = {ErrorCost.too_high: "a figure too high", ErrorCost.too_low: "a figure too low"}
    if impact.costlier_error in costly:
        evidence.append(
            quote(plan, "impact.costlier_error", f"the costly side: {costly[impact.costlier_error]}")
        )
    spent = money_in(impact.action_cost)
    if spent is not None and spent[1] == currency:
        evidence.append(
            quote(plan, "impact.action_cost", "spent on each item whether the figure is right or not")
        )
    if stated is None:  # a price, in no currency said: taken to be the value's, and asked
        return Hint((priced or "",), evidence, likelihood=3)
    if error < value and plan.product.mode is not Mode.automate:
        return Tempered(3, evidence)  # a person weighs each figure
    return tuple(evidence)
