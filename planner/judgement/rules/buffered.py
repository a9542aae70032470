"""Rules on a forecast's baseline that is what was ordered, not what was forecast.

Teams often score today's process by the gap between what was ordered, bought or planned and what sold.
An order is a forecast plus the buffer people add against running out (safety stock, a margin, rounding
to the case size), so its error against demand holds that buffer too: a model's bare forecast beats it
easily, and the gain is partly the buffer the model will need as well. A lead asks what the figure is
made of, and compares like with like.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# Words that say a figure is what was ordered, bought or planned: a decision, not a forecast.
ORDERED_FIGURE = Lexicon("""
    ordered, orders, orders placed, order quantity, order quantities, ordered quantity, ordered quantities
    quantities ordered, quantity ordered, purchase orders, purchased, purchases, bought, what was bought
    planned, planned quantities, planned volumes, production plan, production plans, bake plan, bake plans
    rostered, staff rostered, allocated, allocations, stock sent, deliveries sent
""")
# Words that say the figure is a forecast, or is taken net of the buffer: like with like already.
LIKE_FOR_LIKE = Lexicon("""
    forecast, forecasts, forecasted, prediction, predictions, estimate, estimates, expected demand
    before the buffer, without the buffer, net of the buffer, less the buffer, minus the buffer
    buffer removed, net of safety stock, less safety stock, minus safety stock, without safety stock
    plus the same buffer, with the same buffer
""")


def _ordered_baseline(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer naming the baseline as what was ordered, and its words: a metric's baseline name, or
    today's solution where no metric names its baseline."""
    scored = [
        (index, metric)
        for index, metric in enumerate(plan.done.metrics)
        if metric.baseline_figure is not None
    ]
    named = [
        (index, metric)
        for index, metric in scored
        if metric.baseline_name and not says_nothing(metric.baseline_name)
    ]
    if any(LIKE_FOR_LIKE.find(metric.baseline_name) for _, metric in named):
        return None
    for index, metric in named:
        words = ORDERED_FIGURE.find_all(metric.baseline_name)
        if words:
            return f"done.metrics[{index}].baseline_name", words
    if named or not scored:
        return None  # the baseline is named, and not as orders; or no baseline is scored
    solution = plan.product.current_solution
    if not solution or LIKE_FOR_LIKE.find(solution):
        return None
    words = ORDERED_FIGURE.find_all(solution)
    return ("product.current_solution", words) if words else None


@rule(
    "baseline-is-the-orders",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Compare the forecast with a forecast, not with the orders",
        "An order is a forecast plus the buffer people add; its error holds the buffer. Ask what the figure "
        "is made of, and compare like with like: people's forecast before the buffer, or the model's "
        "forecast plus the same buffer, against the orders",
        "info",
    ),
    ask="is the baseline what was ordered or planned, buffer included, rather than a forecast; what is it made of?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "done.metrics[0].baseline_name": "What the stores ordered, same weeks",
            },
            evidence=(
                'done.metrics[0].baseline_name: "What the stores ordered, same weeks" (ordered: an order holds '
                "the buffer people add, not only their forecast)",
            ),
        ),
        Case(  # no baseline named: today's solution is the orders
            {
                "product.task": "forecasting",
                "done.metrics[0].baseline_name": None,
                "product.current_solution": "Buyers set the purchase orders from last year's sales.",
            },
            evidence=(
                'product.current_solution: "Buyers set the purchase orders from last year\'s sales." (purchase '
                "orders: an order holds the buffer people add, not only their forecast)",
            ),
        ),
    ),
    quiet=(
        Case(  # the baseline is people's forecast before the buffer
            {
                "product.task": "forecasting",
                "done.metrics[0].baseline_name": "The stores' forecasts before the buffer is added to the orders",
            }
        ),
        Case(  # not a forecast
            {"done.metrics[0].baseline_name": "What the stores ordered, same weeks"},
        ),
    ),
)
def baseline_is_the_orders(plan: Plan) -> Evidence:
    """A forecast's baseline is what was ordered, bought or planned, not what was forecast.

    People order a forecast plus a buffer against running out (safety stock, a margin, the case size).
    Scored against demand, the orders' error holds that buffer, so a bare forecast beats it while the
    orders it would place, with the buffer they still need, may not: the gain is overstated.

    Mitigation: Find out what the figure is made of (a forecast, a buffer, rounding), and compare like
    with like: the model's forecast against people's forecast before the buffer, or the orders the
    model's forecast would place with the same buffer against the orders placed.
    """
    if plan.product.task is not TaskType.forecasting:
        return None
    found = _ordered_baseline(plan)
    if found is None:
        return None
    path, words = found
    note = f"{', '.join(words)}: an order holds the buffer people add, not only their forecast"
    return Hint(words, (quote(plan, path, note),))
