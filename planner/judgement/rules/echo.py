"""Inputs that record the very decision the model will set: once live, their history is the model's own output.

A model that sets a price, a staffing level, an order quantity or a priority, and reads that same quantity's
history as an input (last week's price, the markdowns taken, staff rostered, the priority given), learns
today from people's decisions; once live, those inputs hold its own past outputs. Its errors feed its next
inputs, and the history stops saying anything the model did not already decide. A lead asks that the source
of each decision be logged, that a random share be kept, or that the inputs be taken upstream of the decision.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.reserve import sets_the_figure
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Plan

# Quantities a decision sets, by family: the output names one, an input names one of the same family.
_OTHERS_PRICES = phrases(
    "competitor, competitors, rival, rivals, market, fuel, energy, oil, gas, wholesale, supplier, suppliers, cost"
    ", commodity, spot, exchange, list, reference, index, futures, auction, ebay, resale, recommended retail",
    "price, prices, pricing",
)
SET_QUANTITIES = {
    "price": Lexicon(
        """price, prices, pricing, discount, discounts, markdown, markdowns, mark-down, mark-downs, ticket price
        selling price, fare, fares, premium, premiums, price paid""",
        unless=_OTHERS_PRICES + ", price index, price elasticity, price band, price bands",
    ),
    "staffing": Lexicon("""
        staffing, staffing level, staffing levels, staff level, staff levels, staff numbers, headcount
        staff rostered, staff on shift, rostered hours, rostered staff, crew size, crew sizes
    """),
    "order quantity": Lexicon("""
        order quantity, order quantities, ordered quantity, ordered quantities, quantity ordered, quantities
        ordered, orders placed, stock ordered, replenishment, replenishments, allocation, allocations
        copies allocated, units allocated
    """),
    "priority": Lexicon("""
        priority, priorities, priority score, priority scores, priority level, priority levels, queue position
        urgency category, urgency level
    """),
    "limit": Lexicon("credit limit, credit limits, spending limit, spending limits, limit set, limits set"),
    "dose": Lexicon("dose, doses, dosage, dosages, dosing"),
    "bid": Lexicon("bid, bids, bid amount, bid amounts, ad spend, daily budget, daily budgets"),
}
# Answers that say the decision's source is logged, or that the inputs come from before it.
SOURCE_KEPT = Lexicon("""
    decision source, source of each decision, source of the decision, who set it, who set each, set by the model
    model-set, flagged as set by, logged with its source, logged source, which were set by the model
    before the model, upstream of the decision, random share, randomised share, randomized share
""")


@rule(
    "inputs-echo-the-decision",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Log who set each decision the inputs record, and keep a random share",
        "An input that records the quantity the model will set (its price, staffing, order or priority "
        "history) holds the model's own outputs once live: log the source of each decision, keep a random "
        "share set another way, or take inputs from upstream of the decision",
        "warning",
    ),
    ask="once live, will these inputs record the model's own past outputs?",
    fires=(
        Case(
            {
                "product.action_shape": "sets_amount",
                "product.output": "The nightly price of each parking bay.",
                "product.inputs": "Occupancy last week, events nearby and the price of each bay last week.",
            },
            evidence=(
                'product.action_shape: "sets_amount" (the output sets an amount)',
                'product.output: "The nightly price of each parking bay." (the output sets price)',
                'product.inputs: "Occupancy last week, events nearby and the price of each bay last w..." '
                "(price: once live, this history records the model's own output; is its source logged?)",
            ),
        ),
        Case(  # the controls ticked, the staffing read back as an input
            {
                "product.circumstances": ["sets_controls"],
                "product.output": "Staffing level for each ward and shift.",
                "product.inputs": "Admissions forecast, bed occupancy and the staff rostered on each shift.",
            },
        ),
        Case(  # the priority given yesterday, for a model that sets it
            {
                "product.action_shape": "sets_amount",
                "product.output": "A priority score for each pothole report.",
                "product.inputs": "Road class, photos and the priority given to earlier reports on the street.",
            },
        ),
    ),
    quiet=(
        Case(  # the competitor's price is upstream of the decision
            {
                "product.action_shape": "sets_amount",
                "product.output": "The nightly price of each parking bay.",
                "product.inputs": "Occupancy last week, events nearby and competitor prices.",
            }
        ),
        Case(  # the source of each price is logged
            {
                "product.action_shape": "sets_amount",
                "product.output": "The nightly price of each parking bay.",
                "product.inputs": "Occupancy and last week's price, each logged with its source.",
            }
        ),
        Case(  # the output advises; it sets nothing
            {
                "product.output": "The nightly price of each parking bay.",
                "product.inputs": "Occupancy last week, events nearby and the price of each bay last week.",
            }
        ),
        Case(  # the output sets one quantity, the inputs record another
            {
                "product.action_shape": "sets_amount",
                "product.output": "Staffing level for each ward and shift.",
                "product.inputs": "Admissions forecast, bed occupancy and the price of agency staff.",
            }
        ),
        Case(  # a random share set another way: the team keeps the loop open
            {
                "product.action_shape": "sets_amount",
                "product.output": "The nightly price of each parking bay.",
                "product.inputs": "Occupancy and the price of each bay last week.",
                "constraints.data.exploration_share": 0.1,
            }
        ),
    ),
)
def inputs_echo_the_decision(plan: Plan) -> Evidence:
    """Inputs record the decision the model will set: once live, they hold its own outputs.

    A model that sets a quantity (a price, staffing, an order, a priority) and reads that quantity's
    history as an input learns from people's past decisions; once live, the history is the model's own
    output, so its errors become its next inputs and the offline score (made on people's decisions) says
    little of the loop it runs in.

    Mitigation: Log the source of each decision (model, person, override) beside the value; keep a random
    share set another way; prefer inputs upstream of the decision (demand, occupancy, the cases themselves).
    """
    fact = sets_the_figure(plan)
    if fact is None:
        return None
    if kept_out(plan):
        return None  # a share set another way is kept: the loop is open to a comparison
    texts = ("product.inputs", "constraints.data.differences_note", *source_paths(plan))
    if any(SOURCE_KEPT.find(answer_at(plan, path)) for path in texts):
        return None
    inputs = answer_at(plan, "product.inputs")
    for family, words in SET_QUANTITIES.items():
        where = next(
            (path for path in ("product.output", "product.decision") if words.find(answer_at(plan, path))),
            None,
        )
        read = words.find_all(inputs)
        if where and read:
            return Hint(
                read,
                (
                    fact,
                    quote(plan, where, f"the output sets {family}"),
                    quote(
                        plan,
                        "product.inputs",
                        f"{', '.join(read)}: once live, this history records the model's own output; is its "
                        "source logged?",
                    ),
                ),
            )
    return None
