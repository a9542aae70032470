"""The rule on a list scored item by item where the action needs every needed item on it.

A repair visit needs every part, a recipe every ingredient. "At least one right item in the top five"
(hit rate at 5) counts a visit as a hit when the list holds one of the four parts it needs; recall at k
averages the share of needed items found, so a visit missing one of four still scores 75%. Neither is
the share of visits the list serves: that is the share whose list holds every needed item, and it is at
most the hit rate and falls fast with the items a visit needs (90% per item is 73% for three).
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import done_metrics, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, ListNeed, Plan

# A list scored by one right item in it: a hit where any of the needed items is there.
ONE_HIT = Lexicon("""
    hit rate, hit-rate, hit ratio, hit rate at #, hit rate at k, hits at #, hit #, hits #, at least one
    top-# accuracy, top # accuracy, top-k accuracy, top k accuracy, any right, any correct, found in the top
""")

# A list scored by the share of the needed items it holds, averaged over the lists.
PER_ITEM = Lexicon("""
    recall #, recall at #, recall at k, recall k, recall@k, precision #, precision at #, precision at k
    precision k, precision@k, ndcg, ndcg #, ndcg at #, ndcg at k, mean average precision, average precision
    mrr, mean reciprocal rank
""")

# A metric that counts the lists holding every needed item (or the action that needed them all, done).
COMPLETE_SET = Lexicon("""
    every needed, all needed, all the needed, complete set, complete-set, complete sets, set recall
    whole set, full set, exact set, first-time fix, first time fix, first-visit fix, first visit fix
    fixed first time, fixed on the first visit, fixed at the first visit, every part, all parts
    all the parts, every ingredient, all ingredients, all the ingredients, complete basket, complete order
    complete kit, complete-set rate
""")

# Shapes where each item on the list is acted on alone (an inspection, a call), as far as capacity allows:
# no action needs the whole list, so the share of needed items found within capacity is the figure.
_EACH_ITEM_ALONE = (ActionShape.threshold, ActionShape.top_of_queue, ActionShape.up_to_capacity)

_NEED_ALL = {
    "product.task": "ranking",
    "product.output": "The ten spare parts most likely needed for each repair visit, ranked.",
    "done.list_need": "all_needed",
    "product.action_shape": None,
}


def _falls(per_item: float) -> str:
    """How a per-item share falls for an action that needs two, three or five items, misses apart."""
    return ", ".join(f"{fmt.share(round(per_item**count, 2))} for {count}" for count in (2, 3, 5))


@rule(
    "list-scored-by-one-hit",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the share of actions whose list holds every needed item",
        "The action needs every item on its list (every part for a visit, every ingredient), while the done "
        "metric scores one right item, or the share of items found: score the share of actions whose list "
        "holds all the items it needed (set recall, complete-set rate), beside today's",
        "warning",
    ),
    fires=(
        Case(
            {
                **_NEED_ALL,
                "done.metrics[0].name": "Hit rate at 5 of the parts used",
                "done.metrics[0].target": 0.8,
            },
            evidence=(
                'done.list_need: "all_needed" (one missing item spoils the action)',
                'done.metrics[0].name: "Hit rate at 5 of the parts used" (hit rate at 5: one right item '
                "in the list scores a hit; the share of actions whose list holds every needed item is at "
                "most 80%, and lower the more items an action needs)",
            ),
        ),
        Case(  # the share of needed items found, averaged: a visit missing one of four scores 75%
            {
                **_NEED_ALL,
                "done.metrics[0].name": "Recall at 10 of the parts used",
                "done.metrics[0].target": 0.8,
            },
            evidence=(
                'done.list_need: "all_needed" (one missing item spoils the action)',
                'done.metrics[0].name: "Recall at 10 of the parts used" (recall at 10: the share of needed '
                "items found, averaged, so a list missing one of four still scores 75%; at 80% per item, "
                "misses apart, every item is there 64% for 2, 51% for 3, 33% for 5)",
            ),
        ),
    ),
    quiet=(
        Case(  # one right item is what the action needs
            {**_NEED_ALL, "done.list_need": "one", "done.metrics[0].name": "Hit rate at 5"}
        ),
        Case(  # the complete-set rate beside the hit rate
            {
                **_NEED_ALL,
                "done.metrics": [
                    {"name": "Hit rate at 5 of the parts used", "target": 0.8},
                    {
                        "name": "Share of visits whose list holds every needed part (complete set)",
                        "target": 0.7,
                    },
                ],
            }
        ),
        Case(  # a metric the words cannot read: taken at its word
            {**_NEED_ALL, "done.metrics[0].name": "Share of visits closed without a second trip"}
        ),
        Case({**_NEED_ALL, "done.list_need": None, "done.metrics[0].name": "Hit rate at 5"}),  # not said
        Case(  # a list of valves to service, each visit its own action, worked down as far as crews allow
            {
                **_NEED_ALL,
                "product.action_shape": "up_to_capacity",
                "done.metrics[0].name": "Failing valves found in the top 300 serviced",
            }
        ),
    ),
)
def list_scored_by_one_hit(plan: Plan) -> Evidence:
    """A list is scored by one right item, or by the share of items found, while the action needs them all.

    A repair visit needs every part, a recipe every ingredient: a list that holds one of the four parts
    a visit needs counts as a hit at 5, and one that holds three of them scores 75% recall, yet the
    visit fails for the part it lacks either way. The share of visits the list serves is at most the hit
    rate and falls with the items a visit needs: 90% per item is 73% for three. Not where each item on
    the list is its own action, worked as far as capacity allows (an inspection, a call): there the share
    of needed items found within capacity is the figure.

    Mitigation: Score the share of actions whose list holds every item they needed (set recall,
    complete-set rate), on past visits with their parts, beside today's rate; keep the hit rate as a
    second figure.
    """
    if plan.done.list_need is not ListNeed.all_needed:
        return None
    if plan.product.action_shape in _EACH_ITEM_ALONE:
        return None  # each item is its own action (a lift, a visit): the items found within capacity count
    metrics = list(done_metrics(plan))
    if not metrics or any(COMPLETE_SET.find(metric.name) for _, metric in metrics):
        return None  # the complete set is scored
    for path, metric in metrics:
        hit, item = ONE_HIT.find(metric.name), PER_ITEM.find(metric.name)
        goal = metric.goal()
        share = goal if goal is not None and 0 < goal < 1 else None
        if hit:
            bound = f"at most {fmt.share(share)}" if share is not None else "at most the hit rate"
            note = (
                f"{hit}: one right item in the list scores a hit; the share of actions whose list holds every "
                f"needed item is {bound}, and lower the more items an action needs"
            )
        elif item:
            note = f"{item}: the share of needed items found, averaged, so a list missing one of four still scores 75%"
            if share is not None:
                note += f"; at {fmt.share(share)} per item, misses apart, every item is there {_falls(share)}"
        else:
            continue
        return (
            quote(plan, "done.list_need", "one missing item spoils the action"),
            quote(plan, f"{path}.name", note),
        )
    return None
