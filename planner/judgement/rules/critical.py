"""Rules on the quantile an amount should be set at, from what one unit too many and too few cost.

When the output sets an amount (copies, stock, staff, a price) the best amount is not the expected
demand but the quantile at the critical ratio cost_under / (cost_under + cost_over): the newsvendor
answer. The plan's own words often give both unit costs; a lead works the ratio out and holds the
team's costlier-error answer and its metric against it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import ASYMMETRIC_COST, PERIOD_TOTAL, TOO_FEW, TOO_MANY
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


def _unit_costs(plan: Plan) -> dict[str, tuple[float, str, str]]:
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
    costs = _unit_costs(plan)
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
