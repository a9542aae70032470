"""An amount's metric held against its costs: the quantile they give, both errors, the expensive tail.

When the output sets an amount (copies, stock, staff, a price) the best amount is not the expected
demand but the quantile at the critical ratio cost_under / (cost_under + cost_over): the newsvendor
answer. The plan's own words often give both unit costs; a lead works the ratio out and holds the
team's costlier-error answer and its metric against it. A metric that counts one error only (waste)
is won by the other, and an average error over all items is set by the cheap ones.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import (
    ASYMMETRIC_COST,
    EXPENSIVE_TAIL,
    PERIOD_TOTAL,
    SYMMETRIC_ERROR,
    TOO_FEW,
    TOO_MANY,
)
from planner.plan.model import ActionShape, Category, ErrorCost, Plan

# Where a team says what one unit too many or too few costs.
_COST_PATHS = ("impact.action_cost", "impact.error_harm", "product.pain", "impact.bottleneck")
_CLAUSE = re.compile(
    r"[;!?]\s+|\.\s+|\s+(?:while|whereas|but)\s+|,\s+(?=(?:and\s+)?(?:a|an|each|every|one)\b)"
)
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_CODE = r"(?:GBP|EUR|USD|CHF|AUD|CAD|NZD|SEK|NOK|DKK)"
_MONEY = re.compile(
    rf"(?:[£€$]\s?|\b{_CODE}\s?){_NUMBER}(?!\s*(?:%|k\b|m\b|bn\b))"
    rf"|{_NUMBER}\s*(?:{_CODE}|pence|cents?)\b"
    rf"|\b(?:costs?|loses?|lost|lose)\s+(?:us\s+)?(?:about\s+|around\s+|roughly\s+)?{_NUMBER}(?!\s*(?:%|k\b|m\b))",
    re.IGNORECASE,
)
_SAID = {
    ErrorCost.too_high: "too high costs more",
    ErrorCost.too_low: "too low costs more",
    ErrorCost.similar: "about the same",
}


def unit_costs(plan: Plan) -> dict[str, tuple[float, str, str]]:
    """Per side ('over', 'under'): (the unit cost, the answer's path, the word that names the side), from
    the first clause that names one side only, a figure of money, and no period (a yearly total is not
    the cost of one unit)."""
    found: dict[str, tuple[float, str, str]] = {}
    for path in _COST_PATHS:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for clause in _CLAUSE.split(text):
            over, under = TOO_MANY.find_all(clause), TOO_FEW.find_all(clause)
            if bool(over) == bool(under) or PERIOD_TOTAL.find(clause):
                continue
            money = _MONEY.search(clause)
            if money is None:
                continue
            value = float(next(group for group in money.groups() if group).replace(",", ""))
            side, word = ("over", over[0]) if over else ("under", under[0])
            if value > 0 and side not in found:
                found[side] = (value, path, word)
    return found


def critical_ratio_said(plan: Plan) -> str | None:
    """The weights the answers' unit costs give the two errors, where they price both sides."""
    costs = unit_costs(plan)
    if "over" not in costs or "under" not in costs:
        return None
    (over, *_), (under, *_) = costs["over"], costs["under"]
    return (
        f"one too few costs {under:g}, one too many {over:g}: weigh them so, or score pinball loss at "
        f"the {under:g} / ({under:g} + {over:g}) = {round(100 * under / (under + over))}% quantile"
    )


def _contradicts(cost: ErrorCost | None, ratio: float) -> bool:
    if cost is ErrorCost.too_high:
        return ratio > 0.55
    if cost is ErrorCost.too_low:
        return ratio < 0.45
    if cost is ErrorCost.similar:
        return not 1 / 3 <= ratio <= 2 / 3
    return False


_NEWSPAPER = {
    "product.action_shape": "sets_amount",
    "product.task": "forecasting",
    "impact.action_cost": "Each unsold copy costs 0.40 EUR in print and returns.",
    "impact.error_harm": "A sell-out loses 1.20 EUR of margin and the reader buys elsewhere.",
}


@rule(
    "amount-quantile-unset",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Forecast the quantile the two unit costs give, and score it there",
        "With a unit too few costing cost_under and one too many cost_over, the best amount is the "
        "cost_under / (cost_under + cost_over) quantile of demand, not its mean: forecast that quantile, "
        "score it by pinball loss there, and set the costlier-error answer to match",
        "warning",
    ),
    ask="do the unit costs of too many and too few the answers state give the quantile to forecast?",
    fires=(
        Case(  # both costs stated, the costlier error said the other way, a mean-error metric
            {
                **_NEWSPAPER,
                "impact.costlier_error": "too_high",
                "done.metrics[0].name": "MAPE of copies sold per shop",
            },
            evidence=(
                'impact.action_cost: "Each unsold copy costs 0.40 EUR in print and returns." (one unit too '
                "many costs 0.4)",
                'impact.error_harm: "A sell-out loses 1.20 EUR of margin and the reader buys elsewhere." (one '
                "unit too few costs 1.2: the critical ratio 1.2 / (1.2 + 0.4) = 75%; set the amount at the "
                "75th percentile of demand, not the mean)",
                'impact.costlier_error: "too_high" (says too high costs more; the stated costs say a shortfall '
                "costs 3 times a surplus)",
                'done.metrics[0].name: "MAPE of copies sold per shop" (scores no quantile)',
            ),
            also=frozenset({"amount-error-weighed-alike"}),
        ),
    ),
    quiet=(
        Case(  # scored at the quantile, the costlier error agreeing
            {
                **_NEWSPAPER,
                "impact.costlier_error": "too_low",
                "done.metrics[0].name": "Pinball loss at the 75th percentile of copies sold per shop",
            }
        ),
        Case(  # only one side priced
            {
                **_NEWSPAPER,
                "impact.action_cost": "Each copy printed is paid for.",
                "impact.costlier_error": None,
            }
        ),
        Case(  # yearly totals, not unit costs
            {
                **_NEWSPAPER,
                "impact.action_cost": "Unsold copies cost us 40,000 EUR a year.",
                "impact.error_harm": "Sell-outs lose about 90,000 EUR a year.",
            }
        ),
        Case({**_NEWSPAPER, "product.action_shape": "threshold"}),  # no amount set
    ),
)
def amount_quantile_unset(plan: Plan) -> Evidence:
    """The answers give what one unit too many and too few cost, and nothing forecasts the quantile they set.

    An amount set at the expected demand is right only when a shortfall and a surplus cost the same. The
    best amount is the quantile at the critical ratio cost_under / (cost_under + cost_over): with a
    sell-out at three times an unsold unit, the 75th percentile. A team that states both costs but
    answers the other error as costlier, or scores a mean error, sets its amounts on the wrong side.

    Mitigation: Work out the critical ratio from the two unit costs, forecast that quantile (or the
    distribution), score pinball loss there and the priced cost of both errors, and make the
    costlier-error answer agree with the costs.
    """
    if plan.product.action_shape is not ActionShape.sets_amount:
        return None
    costs = unit_costs(plan)
    if "over" not in costs or "under" not in costs:
        return None
    (over, over_path, over_word), (under, under_path, under_word) = costs["over"], costs["under"]
    ratio = under / (under + over)
    cost = plan.impact.costlier_error
    names = [metric.name for metric in plan.done.metrics]
    scored = any(ASYMMETRIC_COST.find(text) for text in [*names, plan.done.worst_error_metric or ""])
    wrong = _contradicts(cost, ratio)
    if scored and not wrong:
        return None
    percentile = round(ratio * 100)
    setting = (
        f"the critical ratio {under:g} / ({under:g} + {over:g}) = {percentile}%; set the amount at the "
        f"{percentile}th percentile of demand, not the mean"
    )
    found = [quote(plan, over_path, f"one unit too many costs {over:g}")]
    under_note = f"one unit too few costs {under:g}: {setting}"
    if under_path == over_path:
        found[0] = quote(plan, over_path, f"one unit too many costs {over:g}; {under_note}")
    else:
        found.append(quote(plan, under_path, under_note))
    if wrong and cost is not None:
        times = under / over if under >= over else over / under
        side = (
            "a shortfall costs {t} times a surplus"
            if under >= over
            else "a surplus costs {t} times a shortfall"
        )
        found.append(
            quote(
                plan,
                "impact.costlier_error",
                f"says {_SAID[cost]}; the stated costs say " + side.format(t=f"{times:.3g}"),
            )
        )
    if names and not scored:
        found.append(quote(plan, "done.metrics[0].name", "scores no quantile"))
    return Hint((over_word, under_word), tuple(found))


# A metric that keeps the other side in view: availability, a fill rate, a service level, a quantile.
_BOTH_SIDES = (
    "pinball",
    "quantile",
    "service level",
    "fill rate",
    "availability",
    "cost of errors",
    "priced",
)
# A price in a metric's own wording: `£18`, `35 EUR`. A metric that names two prices sums two priced
# errors (waste x £18 + lost sales x £35): it counts both sides, whatever the words for each.
_PRICE = re.compile(
    r"[£$€]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:eur|usd|gbp|chf|euros?|dollars?|pounds?)\b", re.IGNORECASE
)


def prices_both(text: str) -> bool:
    """Whether a metric's wording sums two priced errors: two prices or more in one name."""
    return len(_PRICE.findall(text)) >= 2


@rule(
    "amount-metric-one-sided",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Put a guardrail on the other side of the amount",
        "A metric that counts only waste is won by setting less (and one that counts only sell-outs by "
        "setting more): keep the other error as a guardrail with a floor (sell-outs, shortfall hours, "
        "waste), or score the priced cost of both",
        "warning",
    ),
    ask="the done metrics count one side of the amount only: what stops the other side from growing?",
    fires=(
        Case(
            {
                "product.action_shape": "sets_amount",
                "product.success_metric": "Unsold copies as a share of copies sent",
                "done.metrics": [
                    {
                        "name": "Share of copies sent that come back unsold",
                        "direction": "lower",
                        "target": 0.12,
                    }
                ],
                "done.worst_error_metric": None,
            },
            evidence=(
                'done.metrics[0].name: "Share of copies sent that come back unsold" (counts the amount set '
                "too high only: unsold; setting less wins it)",
                'product.success_metric: "Unsold copies as a share of copies sent" (no metric or guardrail '
                "counts the other side: a sell-out, a shortfall)",
            ),
        ),
    ),
    quiet=(
        Case(  # waste down, sell-outs held as a guardrail
            {
                "product.action_shape": "sets_amount",
                "product.success_metric": "Unsold copies as a share of copies sent",
                "done.metrics": [
                    {
                        "name": "Share of copies sent that come back unsold",
                        "direction": "lower",
                        "target": 0.12,
                    },
                    {"name": "Share of newsagent issues sold out before the next delivery", "target": 0.1},
                ],
            }
        ),
        Case(  # the priced cost of both
            {
                "product.action_shape": "sets_amount",
                "done.metrics": [{"name": "Pinball loss at the 75th percentile of copies sold", "target": 3}],
            }
        ),
        Case(  # a season's cost that prices both errors, one side named in words the lexicon lacks
            {
                "product.action_shape": "sets_amount",
                "done.metrics": [{"name": "Week's cost: loaves binned x 0.90 EUR + short orders x 2.40 EUR"}],
                "product.success_metric": "Cost of loaves binned and of short orders",
            }
        ),
        Case(  # not an amount
            {
                "product.action_shape": "threshold",
                "done.metrics": [
                    {
                        "name": "Share of copies sent that come back unsold",
                        "direction": "lower",
                        "target": 0.12,
                    }
                ],
            }
        ),
    ),
)
def amount_metric_one_sided(plan: Plan) -> Evidence:
    """The amount is judged by one of its two errors only, and the other has no guardrail.

    An amount can be wrong two ways. A done metric that counts only waste (unsold, binned, idle) is met
    by setting less, with more sell-outs and turned-away customers; one that counts only sell-outs is
    met by setting more, with more waste. Nothing in the plan would see the other side grow.

    Mitigation: Keep the other error as a guardrail metric with a floor (sell-outs, shortfall hours,
    waste), or score the priced cost of both errors, or a quantile loss at the critical ratio.
    """
    if plan.product.action_shape is not ActionShape.sets_amount or not plan.done.metrics:
        return None
    said = [metric.name for metric in plan.done.metrics]
    said += [plan.product.success_metric or "", plan.done.worst_error_metric or ""]
    said += [item.signal for item in plan.after_launch.monitoring if item.signal]
    if any(word in text.lower() for text in said for word in _BOTH_SIDES):
        return None
    if any(prices_both(text) for text in said):
        return None  # a cost that prices two errors counts both sides, however each is named
    over = [word for text in said for word in TOO_MANY.find_all(text)]
    under = [word for text in said for word in TOO_FEW.find_all(text)]
    if bool(over) == bool(under):
        return None
    words = over or under
    name = plan.done.metrics[0].name
    first = TOO_MANY.find_all(name) or TOO_FEW.find_all(name)
    if not first:
        return None  # the primary metric is not the one-sided count
    side = (
        f"counts the amount set too high only: {', '.join(first)}; setting less wins it"
        if over
        else f"counts the amount set too low only: {', '.join(first)}; setting more wins it"
    )
    other = "a sell-out, a shortfall" if over else "waste, a surplus"
    found = [quote(plan, "done.metrics[0].name", side)]
    path = "product.success_metric" if plan.product.success_metric else "done.metrics[0].name"
    note = f"no metric or guardrail counts the other side: {other}"
    if path == "done.metrics[0].name":
        found[0] = quote(plan, path, f"{side}; {note}")
    else:
        found.append(quote(plan, path, note))
    return Hint(words, tuple(found))


_TAIL_PATHS = ("product.pain", "impact.error_harm", "product.current_performance", "impact.bottleneck")
_WEIGHTED = ("weighted", "wape", "wmape", "by value", "value-weighted", "top", "tail", "over ", "above ")


@rule(
    "average-error-misses-expensive-tail",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Weight the error by value, or report the expensive items apart",
        "An average error over all items is set by the many cheap ones; where the losses sit in a few "
        "expensive items, weight the error by value (WAPE on value) or report it on the top items by value",
        "warning",
    ),
    ask="an average error over all items is set by the cheap ones: do the expensive items the answers name get their own score?",
    fires=(
        Case(
            {
                "done.metrics[0].name": "MAE of the sale price",
                "product.pain": "Most of the losses come from a few expensive items priced too low.",
                "done.worst_error_metric": None,
            },
            evidence=(
                'product.pain: "Most of the losses come from a few expensive items priced too low." (the '
                "losses sit in: most of the losses, a few expensive)",
                'done.metrics[0].name: "MAE of the sale price" (mae over all items is set by the many cheap '
                "ones: weight it by value or report the expensive items apart)",
            ),
            also=frozenset({"worst-error-uncounted"}),
        ),
    ),
    quiet=(
        Case(
            {
                "done.metrics[0].name": "Value-weighted MAE of the sale price",
                "product.pain": "Most of the losses come from a few expensive items priced too low.",
                "done.worst_error_metric": None,
            }
        ),
        Case(
            {
                "done.metrics": [
                    {"name": "MAE of the sale price", "target": 5},
                    {"name": "MAE of the sale price on items above 500 EUR", "target": 40},
                ],
                "product.pain": "Most of the losses come from a few expensive items priced too low.",
                "done.worst_error_metric": None,
            }
        ),
        Case({"done.metrics[0].name": "MAE of the sale price", "done.worst_error_metric": None}),
    ),
)
def average_error_misses_expensive_tail(plan: Plan) -> Evidence:
    """An average error over all items judges a decision whose losses sit in a few expensive ones.

    MAE or MAPE over every item is set by the many cheap items; a model can improve it while the few
    expensive items, where the money is lost, get worse. The answers say the losses sit there.

    Mitigation: Weight the error by each item's value (WAPE on value, the money lost), or report it on
    the items above a value beside the average.
    """
    names = [metric.name for metric in plan.done.metrics]
    if not names or plan.done.worst_error_metric:
        return None
    symmetric = SYMMETRIC_ERROR.find(names[0])
    if symmetric is None or any(word in name.lower() for name in names for word in _WEIGHTED):
        return None
    for path in _TAIL_PATHS:
        words = EXPENSIVE_TAIL.find_all(
            answer_at(plan, path) if isinstance(answer_at(plan, path), str) else None
        )
        if words:
            return Hint(
                words,
                (
                    quote(plan, path, f"the losses sit in: {', '.join(words)}"),
                    quote(
                        plan,
                        "done.metrics[0].name",
                        f"{symmetric} over all items is set by the many cheap ones: weight it by value or "
                        "report the expensive items apart",
                    ),
                ),
            )
    return None
