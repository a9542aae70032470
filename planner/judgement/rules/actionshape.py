"""What the action shape says of the cases: worked from the top, none picked out, one each, sent out."""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, quote, show
from planner.judgement.rules.lexicon import (
    AT_DEPTH,
    OVER_ALL_CASES,
    TOP_OF_QUEUE,
    WHOLE_LIST,
)
from planner.judgement.rules.rates import said_capacity
from planner.judgement.rules.words import mentions
from planner.plan.model import ActionShape, Delivery, Mode, Picks, Plan, TaskType


def worked_from_the_top(plan: Plan) -> Evidence:
    """`Caseworkers call the highest-scoring households first` judged by AUC or a correlation: people
    stop where their day ends, so the cut is set by staff, named or not, and only the top counts.
    `product.action_shape: top_of_queue` says it as a fact; the words of the decision only ask."""
    metrics = plan.done.metrics
    if not metrics or any(mentions(metric.name, AT_DEPTH) for metric in metrics):
        return None
    shape = plan.product.action_shape
    if shape in (ActionShape.top_of_queue, ActionShape.up_to_capacity):
        whole = mentions(metrics[0].name, WHOLE_LIST)
        if whole is None:
            return None
        capacity = plan.impact.capacity
        if capacity is not None and capacity > 0:
            depth = f"impact.capacity_per_day: {said_capacity(plan.impact)} (about as far down as people get in a day)"
            judge = f"judge precision (and recall of the costly class) in the top {show(float(f'{capacity:.2g}'))} a day"
        else:
            said = "not measured" if plan.impact.capacity_per_day == "not measured" else "not answered"
            depth = f"impact.capacity_per_day: {said} (how far down the list do people get in a day?)"
            judge = "judge precision (and recall of the costly class) in the top people reach a day"
        return (
            quote(plan, "product.action_shape", "people work down a ranked list as far as their time allows"),
            depth,
            quote(plan, "done.metrics[0].name", f"{whole} scores the whole list: {judge}"),
        )
    if shape is not None:
        return None  # the team said how the output is acted on, and it is not a queue worked from the top
    overall = mentions(metrics[0].name, OVER_ALL_CASES)
    for path in ("product.decision", "product.decision_owner"):
        top = mentions(answer_at(plan, path), TOP_OF_QUEUE)
        if overall and top:
            return Hint(
                (top, overall),
                (
                    quote(plan, path, f"people work from the top: {top}; how far down do they get in a day?"),
                    quote(
                        plan,
                        "done.metrics[0].name",
                        f"{overall} ranks all cases: judge precision in the top people reach a day",
                    ),
                ),
            )
    return None


# How the output is acted on where nothing is picked out for people to work: no flags a day to size.
_NO_FLAGS = frozenset({ActionShape.every_item, ActionShape.choose_among, ActionShape.sets_amount})


def picks_nothing_out(plan: Plan) -> bool:
    """Whether the team said every item gets the output, people choose among suggestions, or it sets an
    amount: no flags a day for people to work (unless a number of flags a day is named)."""
    return plan.product.action_shape in _NO_FLAGS


# Tasks whose output for an item is a list of suggestions (substitutes, reviewers, articles), not a flag.
_SUGGESTION_TASKS = frozenset({TaskType.ranking, TaskType.recommendation})


def suggests_for_every_item(plan: Plan) -> bool:
    """Whether each item gets its own list of suggestions that the person handling it chooses from
    (action_shape every_item or choose_among, a ranking or recommendation task): no queue of flags exists,
    so no flags a day to size against a capacity, whatever count a day the team names."""
    return (
        plan.product.action_shape in (ActionShape.every_item, ActionShape.choose_among)
        and plan.product.task in _SUGGESTION_TASKS
    )


def sent_to_outsiders(plan: Plan) -> bool:
    """The top of the ranking goes out by itself to the providers or customers it picks (an offer pushed
    to the top five, items shown): they take it up or not, and no one on staff works down the list."""
    product = plan.product
    automatic = product.mode is Mode.automate or product.delivery is Delivery.automatic
    return automatic and product.picks in (Picks.providers, Picks.items)
