"""Rules on the cases a model meets with no past: new customers, items, stores or listings.

A model that reads each case's own history (purchases, sales, visits, claims) has nothing to read for a
case that is new, and in most products new ones arrive every week: a lead asks what share they are and
what the product does for them before anyone trains on the well-known ones.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# Inputs read from each case's own past: a history of the customer, item, store or account.
OWN_HISTORY = Lexicon("""
    purchase history, purchase histories, order history, order histories, past purchases, past orders
    previous orders, previous purchases
    viewing history, watch history, browsing history, listening history, reading history, search history
    past visits, previous visits, visit history, claims history, prior claims, previous claims
    booking history, past bookings, previous bookings, payment history, repayment history
    rating history, past ratings, past behaviour, past behavior, click history, past clicks
    interaction history, past interactions, usage history, past usage, account history, transaction history
    their history, its history, the customer's history, the user's history, the item's history
""")

# Where a plan may say what happens for the cases with no past.
NEWCOMERS_SAID = Lexicon("""
    cold start, cold-start, cold starts, no history, without history, little history, short history
    new customers, new customer, new users, new user, new items, new item, new products, new product
    new stores, new store, new listings, new listing, new accounts, new account, new members
    new titles, new skus, new sku, newly listed, first-time, first time, newcomers, newcomer
    new launches, product launches, fallback for new, popularity fallback, most popular
""")

# Tasks whose output depends on each case's own past more than on its description.
_PER_CASE_PAST = (
    TaskType.recommendation,
    TaskType.ranking,
    TaskType.forecasting,
    TaskType.classification,
    TaskType.regression,
    TaskType.matching,
)

_SAID_IN = (
    "product.inputs",
    "product.unseen_by_model",
    "impact.easy_slice",
    "heuristics.humans_handle",
    "after_launch.fallback",
    "constraints.data.differences_note",
    "done.eval_set",
)


@rule(
    "newcomers-have-no-history",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Count the cases that arrive with no history, and decide what they get",
        "A model that reads each case's own past has nothing to read for a new customer, item or store: "
        "measure their share of the volume, evaluate on them apart, and give them a plain fallback",
    ),
    ask="what does the model do for a case that arrives with no history?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.inputs": "Each member's purchase history and ratings.",
            },
            evidence=(
                'product.inputs: "Each member\'s purchase history and ratings."',
                'product.task: "recommendation"',
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "recommendation",
                "product.inputs": "Each member's purchase history; new members get the most popular titles.",
            }
        ),
        Case({"product.task": "recommendation", "product.inputs": "The title's genre, cast and synopsis."}),
    ),
)
def newcomers_have_no_history(plan: Plan) -> Evidence:
    """Cases that arrive with no history have nothing for the model to read.

    A model that reads each customer's, item's or store's own past (purchases, sales, visits, claims)
    does well on the well-known ones and has nothing to go on for a new one, while new ones arrive every
    week and are often the cases that matter most (new customers, launches, new stores). Its average
    score, measured mostly on familiar cases, hides that.

    Mitigation: Measure what share of the volume arrives with little or no history; report the model's
    score on those cases apart; give them a plain fallback (the most popular, the category average, the
    rules, a person) and decide from how much history the model takes over.
    """
    if plan.product.task not in _PER_CASE_PAST:
        return None
    if first_said(plan, _SAID_IN, NEWCOMERS_SAID):
        return None  # the plan already says what happens for new ones
    found = first_said(plan, ("product.inputs",), OWN_HISTORY)
    if found is None:
        return None
    path, words = found
    return Hint(words, (quote(plan, path), quote(plan, "product.task")))
