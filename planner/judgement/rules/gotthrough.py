"""An average over what got through: `price per item sold`, `revenue per call answered`, `average basket
per converted visitor`. Its denominator is what the product lets through, so it rises when less gets
through: price higher and fewer sell, answer only the easy calls, convert fewer visitors with bigger
baskets. Met by doing less, unless a count of what got through stands beside it with a floor.

Its sibling: a rate among the cases the model picks (`conversion among the enquiries it calls`,
`precision of the flags`), whose denominator the model sets, rises when it picks fewer."""

from __future__ import annotations

from planner.judgement.rules.atcapacity import judged_at_capacity
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, monitor_paths, quote
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.choices import Direction
from planner.plan.model import Category, Plan
from planner.plan.workings import ActionShape

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


# ---------------------------------------------------------------- a rate among the cases acted on

# A rate whose denominator is the cases acted on: it rises when the model picks fewer, surer cases.
RATE_AMONG_PICKED = Lexicon(
    """
    conversion, conversion rate, hit rate, hit-rate, success rate, strike rate, precision
    positive predictive value, ppv, of those called, of those contacted, of those visited, of those flagged
    of those inspected, of those sent, of those picked, of those chosen, of the calls made
    of the visits made, among those called, among those contacted, among those visited, among those flagged
    among those inspected, among those picked, among the called, among the contacted, among the visited
    among the flagged, among the inspected, among the picked, among the alerts, among the flags
    among the cases it picked, among the cases picked, among the cases flagged
    """,
    unless="""average precision, mean average precision, precision-recall, precision recall curve""",
)
# A count, total or recall that the model cannot raise by acting on fewer, or a rate over every case.
COUNT_BESIDE = Lexicon("""
    recall, sensitivity, detection rate, catch rate, capture rate, true positive rate, number of, count of
    counts of, total, totals, per week, per month, per day, per quarter, per year, a week, a month, a day
    a quarter, a year, weekly, monthly, daily, found per, caught per, conversions per, sales per, hits per
    successes per, f1, f-score, f score, f1 score, average precision, pr auc, volume, volumes, of all
    every enquiry, every case, per enquiry received, per case received, all enquiries, all cases
""")
_PICKS = (ActionShape.threshold, ActionShape.top_of_queue)


def _rates_among_picked(plan: Plan) -> list[tuple[str, tuple[str, ...]]]:
    """Each answer naming a rate among the cases acted on, which the team wants to rise: (path, words)."""
    found = []
    if words := RATE_AMONG_PICKED.find_all(plan.product.success_metric):
        found.append(("product.success_metric", words))
    for index, metric in enumerate(plan.done.metrics):
        words = RATE_AMONG_PICKED.find_all(metric.name)
        if words and metric.direction is not Direction.lower_is_better:
            found.append((f"done.metrics[{index}].name", words))
    return found


@rule(
    "rate-among-acted-on",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Report the successes per period beside the rate among the cases picked",
        "A rate among the cases the model picks (conversion of the enquiries it calls, precision of its "
        "flags) rises when it picks fewer: report the number of successes per week (or recall at the "
        "team's capacity) beside it, and compare with today's process on the same volume",
        "warning",
    ),
    ask="is success a rate among the cases the model picks, which rises when it picks fewer?",
    fires=(
        Case(
            {
                "product.success_metric": "Conversion rate of the enquiries the team calls.",
                "done.metrics": [
                    {"name": "Precision of the flagged invoices", "target": 0.8, "direction": "higher"}
                ],
                "done.when_met": "Run in shadow mode for two payment runs.",
                "done.worst_error_metric": "Precision of the flagged invoices",
                "after_launch.monitoring": [],
            },
            evidence=(
                'product.success_metric: "Conversion rate of the enquiries the team calls." (conversion rate: a '
                "rate among the cases the model picks; it rises when the model picks fewer, surer cases)",
                'done.metrics[0].name: "Precision of the flagged invoices" (precision: a rate among the cases '
                "the model picks; it rises when the model picks fewer, surer cases)",
                "no answer counts the successes per period, or the recall at the team's capacity, beside it",
            ),
            also=frozenset({"worst-error-uncounted"}),  # the misses the plan dreads go uncounted too
        ),
    ),
    quiet=(
        Case(  # a count per period stands beside the rate
            {
                "done.metrics": [
                    {"name": "Precision of the flagged invoices", "target": 0.8, "direction": "higher"},
                    {"name": "Duplicates caught per month", "target": 40, "direction": "higher"},
                ],
            }
        ),
        Case(  # the rate at a fixed depth: the model cannot pick fewer
            {
                "done.metrics": [
                    {"name": "Precision in the top 40 a day", "target": 0.6, "direction": "higher"}
                ]
            }
        ),
        Case(  # every case gets the output: no model picks which are acted on
            {
                "product.action_shape": "every_item",
                "done.metrics": [
                    {"name": "Precision of the flagged invoices", "target": 0.8, "direction": "higher"}
                ],
            }
        ),
    ),
)
def rate_among_acted_on(plan: Plan) -> Evidence:
    """Success is a rate among the cases the model picks.

    Conversion among the enquiries it chose to call, precision among the invoices it flagged, the hit rate
    of the inspections it sent: each divides by what the model picks, so it rises when the model picks
    fewer, surer cases. Acting on half as many cases can raise the rate and lower what the team achieves,
    and the plan cannot tell that from doing better.

    Mitigation: Report the number of successes per week (conversions, frauds caught) or the recall at the
    team's capacity beside the rate, and compare with today's process on the same volume of cases.
    """
    if plan.product.action_shape not in _PICKS:
        return None
    found = _rates_among_picked(plan)
    if not found or judged_at_capacity(plan):
        return None
    # What failing costs, multiplied out per period (`45 wasted call-outs a month`), fixes the volume too.
    paths = ["product.success_metric", "done.worst_error_metric", "done.when_met", "impact.if_it_fails"]
    texts = [answer_at(plan, path) for path in [*paths, *monitor_paths(plan)]]
    texts += [metric.name for metric in plan.done.metrics]
    if any(COUNT_BESIDE.find(text) for text in texts if isinstance(text, str)):
        return None
    note = "a rate among the cases the model picks; it rises when the model picks fewer, surer cases"
    evidence = [quote(plan, path, f"{', '.join(words)}: {note}") for path, words in found]
    evidence.append(
        "no answer counts the successes per period, or the recall at the team's capacity, beside it"
    )
    return Hint(tuple(word for _, words in found for word in words), evidence)
