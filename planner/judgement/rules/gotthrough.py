"""An average over what got through: `price per item sold`, `revenue per call answered`, `average basket
per converted visitor`. Its denominator is what the product lets through, so it rises when less gets
through: price higher and fewer sell, answer only the easy calls, convert fewer visitors with bigger
baskets. Met by doing less, unless a count of what got through stands beside it with a floor."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, monitor_paths, quote
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.choices import Direction
from planner.plan.model import Category, Plan

# What got through, as the denominator of an average: items sold, calls answered, converted visitors.
_THROUGH = """item sold, items sold, unit sold, units sold, sold item, sold items, call answered, calls answered
    answered call, answered calls, converted visitor, converted visitors, visitor converted, visitors converted
    conversion, conversions, approved loan, approved loans
    loan approved, loans approved, claim paid, claims paid, paid claim, paid claims, resolved ticket
    resolved tickets, ticket resolved, tickets resolved, lead converted, leads converted, converted lead
    converted leads, customer served, customers served, patient seen, patients seen, deal closed, deals closed
    closed deal, closed deals, accepted offer, accepted offers, offer accepted, offers accepted, lot sold
    lots sold"""
AVERAGE_OF_THROUGH = Lexicon(
    phrases("per, for each, of each, per each, on each, across, of the, of, on", _THROUGH)
    + ", average sale price, average selling price, average price achieved, average prices achieved"
)
# A count of what got through, or a denominator the product cannot shrink, or a floor beside the average.
VOLUME_KEPT = Lexicon("""
    number sold, number of items sold, items sold per, units sold per, calls answered per, number of calls
    answered, sell-through, sell through, conversion rate, conversions per, orders per, sales per week
    sales per day, sales per month, total revenue, total sales, revenue per visitor, revenue per visit
    per item listed, per items listed, per item offered, per item received, per item donated, per call
    received, per calls received, per call offered, per visitor, per visitors, per session, per lead
    per leads, per application, per applications, per claim, per claims, abandonment rate, abandoned calls
    floor, guardrail, guardrails, at least, no fewer, not fall, must not fall, volume, volumes
""")
# An amount per unit: what an average over what got through measures (not an error or a rate of being right).
_VALUE = Lexicon(
    """average, mean, revenue, price, prices, margin, margins, value, basket, profit, income, spend, amount
    takings, fee, fees, size""",
    unless="""average precision, mean average precision, mean absolute error, mean squared error, mean error
    average error, mean absolute percentage error""",
)
# A measure of a model's error or of being right: not an average over what got through.
_ERROR = Lexicon(
    "mae, mape, wape, wmape, rmse, mse, smape, error, errors, accuracy, precision, recall, auc, f1"
)
_FALLS = Lexicon("lower, reduce, reduced, cut, fewer, less, fall, falls, drop, down, decrease, shorter")


def _amount(text: str | None) -> bool:
    """Whether `text` names an amount per unit, not an error or a rate of being right."""
    return bool(_VALUE.find(text)) and not _ERROR.find(text)


def _averages(plan: Plan) -> list[tuple[str, tuple[str, ...]]]:
    """Each answer naming an average over what got through that the team wants to rise: (path, words)."""
    found = []
    said = plan.product.success_metric
    if (words := AVERAGE_OF_THROUGH.find_all(said)) and _amount(said) and not _FALLS.find(said):
        found.append(("product.success_metric", words))
    for index, metric in enumerate(plan.done.metrics):
        words = AVERAGE_OF_THROUGH.find_all(metric.name)
        if words and _amount(metric.name) and metric.direction is not Direction.lower_is_better:
            found.append((f"done.metrics[{index}].name", words))
    return found


def _arithmetic(plan: Plan, path: str) -> str:
    """`from 12 to 14: revenue falls if more than 14% fewer get through`, where a metric's figures allow."""
    if not path.startswith("done.metrics"):
        return ""
    metric = plan.done.metrics[int(path.split("[")[1].split("]")[0])]
    base, target = metric.baseline_figure, metric.target
    if not isinstance(base, int | float) or not isinstance(target, int | float) or not 0 < base < target:
        return ""
    fewer = 1 - base / target
    return (
        f"; from {base:g} to {target:g}, the target is met with {fewer:.0%} fewer getting through and the same "
        "total, or more fewer and a smaller total"
    )


@rule(
    "average-over-what-got-through",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Put a count of what got through beside the average, with a floor",
        "An average over what got through (price per item sold, revenue per call answered) rises when "
        "less gets through: keep the count (items sold, calls answered) beside it with a floor, or "
        "divide by what the product cannot shrink (per item listed, per call received, per visitor)",
        "warning",
    ),
    ask="is success an average over what got through, which rises when less gets through?",
    fires=(
        Case(
            {
                "product.success_metric": "Average price per item sold.",
                "done.metrics": [
                    {
                        "name": "Average price per item sold",
                        "baseline": 12,
                        "target": 14,
                        "direction": "higher",
                    }
                ],
                "done.worst_error_metric": None,
                "after_launch.monitoring": [],
            },
            evidence=(
                'product.success_metric: "Average price per item sold." (per item sold: an average over what '
                "got through; it rises when less gets through, so it is met by doing less)",
                'done.metrics[0].name: "Average price per item sold" (per item sold: an average over what got '
                "through; it rises when less gets through, so it is met by doing less; from 12 to 14, the "
                "target is met with 14% fewer getting through and the same total, or more fewer and a "
                "smaller total)",
                "no answer counts what got through, with a floor, or divides by what the product cannot shrink",
            ),
        ),
    ),
    quiet=(
        Case(  # the count of what got through stands beside the average, with a floor
            {
                "product.success_metric": "Average price per item sold, with items sold per week not to fall.",
            }
        ),
        Case(  # divided by what the product cannot shrink
            {"product.success_metric": "Revenue per item donated."}
        ),
        Case(  # an average the team wants to fall
            {"product.success_metric": "Lower handling cost per order."}
        ),
    ),
)
def average_over_what_got_through(plan: Plan) -> Evidence:
    """Success is an average over what got through.

    Price per item sold, revenue per call answered, the average basket per converted visitor: each divides
    by what the product lets through, so it rises when less gets through. Priced higher, fewer items sell
    at a higher average; answering only the easy calls raises the revenue per call answered. The target
    is met by doing less, and the plan cannot tell it from doing better.

    Mitigation: Keep the count of what got through (items sold, calls answered, conversions) beside the
    average with a floor, or divide by what the product cannot shrink (per item listed, per call received,
    per visitor); judge the total (revenue, items placed) against a baseline over the same period.
    """
    found = _averages(plan)
    if not found:
        return None
    paths = ["product.success_metric", "done.worst_error_metric", "done.when_met", *monitor_paths(plan)]
    texts = [answer_at(plan, path) for path in paths] + [metric.name for metric in plan.done.metrics]
    if any(VOLUME_KEPT.find(text) for text in texts if isinstance(text, str)):
        return None
    note = "an average over what got through; it rises when less gets through, so it is met by doing less"
    evidence = [
        quote(plan, path, f"{', '.join(words)}: {note}{_arithmetic(plan, path)}") for path, words in found
    ]
    evidence.append(
        "no answer counts what got through, with a floor, or divides by what the product cannot shrink"
    )
    return Hint(tuple(word for _, words in found for word in words), evidence)
