"""Rules on the trivial baseline a lead asks for before trusting a learned one.

A recommender is first compared with what needs no model: the most popular items, the best sellers of
the category, or what the customer bought last time. Those lists are cheap and often hard to beat; a
model judged only against editors' picks, a vendor's engine or another model may lose to them unseen.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.capped import CAPPED
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Plan, TaskType

# A baseline that needs no model: the most popular, the best sellers, the same as last time.
POPULARITY = Lexicon("""
    popular, most popular, popularity, popular-this-week, popular items, popular titles, popular products
    best seller, best sellers, best-seller, best-sellers, bestseller, bestsellers, best-selling, best selling
    top sellers, top-sellers, top-selling, top selling, most sold, most bought, most viewed, most watched
    most read, most played, most frequent, most frequently bought, trending, top items, top products
    same as last time, last purchase, last purchases, last order, previous order, buy again, bought again
    repeat order, repeat orders, reorder, reorders, previously bought, previously purchased
""")


# Items with a limited number of places: a popularity list pushes more demand to the items already full.
LIMITED_PLACES = Lexicon("""
    limited places, limited spaces, limited seats, limited spots, places are limited, spaces are limited
    seats are limited, few places, places fill, places fill up, spaces fill up, places left, spaces left
    seats left, free places, free spaces, places available, spaces available, capacity, capacities
""")
# A search for the one right item: a lost item's owner, the matching record; there is no popular answer.
ONE_RIGHT_ITEM = Lexicon("""
    owner, owners, its owner, their owner, rightful owner, matching report, matching record, the match
    the right match, the correct match, belongs to, the same person, the same customer
""")
_CONTEXT = ("title", "product.goal", "product.decision", "product.output", "product.label", "product.inputs")


def popularity_meaningless(plan: Plan) -> bool:
    """Whether a most-popular list is no meaningful baseline: the task finds the one right item (a lost
    item's owner), or the items have limited places (popularity would send more demand to full ones)."""
    texts = [answer_at(plan, path) for path in _CONTEXT]
    return any(ONE_RIGHT_ITEM.find(text) or LIMITED_PLACES.find(text) or CAPPED.find(text) for text in texts)


def _named_baselines(plan: Plan) -> list[str]:
    """The paths naming what the model is compared with: today's solution and the metrics' baselines."""
    paths = []
    if plan.product.current_solution and not says_nothing(plan.product.current_solution):
        paths.append("product.current_solution")
    for index, metric in enumerate(plan.done.metrics):
        if metric.baseline_name and not says_nothing(metric.baseline_name):
            paths.append(f"done.metrics[{index}].baseline_name")
    return paths


@rule(
    "no-popularity-baseline",
    Category.model,
    likelihood=2,
    impact=3,
    move=Move(
        "Compare the recommender with the most popular items and with the same as last time",
        "A list of best sellers, or what each customer bought last time, needs no model and is often hard to "
        "beat; score it on the same test as the model, so the model's gain over it is known",
    ),
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.current_solution": "Editors pick six titles for the home page each week.",
            },
            evidence=(
                'product.task: "recommendation"',
                'product.current_solution: "Editors pick six titles for the home page each week." (not a '
                "most-popular or same-as-last-time list: is the model also compared with one?)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "recommendation",
                "product.current_solution": "The home page shows the week's best sellers to everyone.",
            }
        ),
        Case(  # the metric's own baseline is the popularity list
            {
                "product.task": "recommendation",
                "product.current_solution": "Editors pick six titles for the home page each week.",
                "done.metrics[0].baseline_name": "The most popular titles of the last 30 days",
            }
        ),
        Case({"product.task": "recommendation", "product.current_solution": None}),  # no baseline named
        Case(  # courses with limited places: a popularity list sends more demand to the full ones
            {
                "product.task": "recommendation",
                "product.current_solution": "Advisers suggest courses in the welcome meeting.",
                "product.output": "Five suggested courses with free places for each new member.",
            }
        ),
        Case(  # a ranking of cases for staff: no items for anyone to pick by popularity
            {"product.task": "ranking", "product.action_shape": "top_of_queue"}
        ),
    ),
)
def no_popularity_baseline(plan: Plan) -> Evidence:
    """A recommender is compared only with baselines that need a model or a person, not with the most popular.

    The most popular items, the category's best sellers or the customer's last order need no model and
    are often hard to beat; a recommender judged only against editors' picks, a vendor's engine or
    another model may lose to them without anyone knowing, and its gain over them is what it is worth.

    Mitigation: Score a most-popular list (overall and per category) and a same-as-last-time list on the
    same test as the model, and make the model's margin over the better of them part of the done
    criteria.
    """
    task = plan.product.task
    items = task is TaskType.recommendation or (
        task is TaskType.ranking and plan.product.action_shape is ActionShape.choose_among
    )
    if not items or popularity_meaningless(plan):
        return None  # one right item to find, or items with limited places: popularity is no baseline
    paths = _named_baselines(plan)
    if not paths:
        return None  # no baseline named: no-baseline asks for one
    texts = [plan.product.current_solution, plan.done.eval_set]
    texts += [text for metric in plan.done.metrics for text in (metric.name, metric.baseline_name)]
    if any(POPULARITY.find(text) for text in texts):
        return None
    note = "not a most-popular or same-as-last-time list: is the model also compared with one?"
    return Tempered(2, (quote(plan, "product.task"), *(quote(plan, path, note) for path in paths[:2])))
