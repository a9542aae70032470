"""Rules on an input that is today's own decision or estimate on the very case (the specialist's estimate,
the clerk's grade, the triage category) where the product replaces it: the model learns to copy the expert,
scores well offline, and loses that input, or reads its own output back, once it is live."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answered_quotes, quote
from planner.plan.model import Category, Plan, TodaysCallFeeds, TodaysCallInput


@rule(
    "input-is-todays-call",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Train and score without today's figure among the inputs",
        "An input that is the expert's own estimate or decision on the case carries most of what the model "
        "scores on: it learns to copy the expert, and once the product replaces that figure the input is "
        "gone, or is the model's own output accepted. Drop it, train and score on what exists without it, "
        "and keep today's figure as the baseline to beat",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"product.todays_call_input": "replaced"},
            evidence=(
                'product.todays_call_input: "replaced" (an input is today\'s decision or estimate on the case, '
                "and the product replaces it: the model learns to copy it, and once live the input is gone or "
                "is the model's own output)",
                'product.mode: "augment"',
            ),
        ),
        Case(  # nobody has looked: a question, low
            {"product.todays_call_input": "not_checked"},
            evidence=(
                'product.todays_call_input: "not_checked" (does any input hold the figure the product '
                "replaces: the expert's estimate, the clerk's grade?)",
            ),
        ),
        Case(  # kept, but it is the very call the output informs: absent when the prediction is needed
            {"product.todays_call_input": "kept", "product.todays_call_feeds": "same_decision"},
            evidence=(
                'product.todays_call_input: "kept"',
                'product.todays_call_feeds: "same_decision" (the call held in an input is the decision the '
                "output is meant to inform: it is not made yet when the prediction is needed, and a model "
                "trained with it learns to copy the call it should inform)",
                'product.mode: "augment"',
            ),
        ),
        Case(  # kept, nobody checked which decision it is: a question, low
            {"product.todays_call_input": "kept", "product.todays_call_feeds": "not_checked"},
        ),
    ),
    quiet=(
        Case({"product.todays_call_input": "none"}),
        Case({"product.todays_call_input": "kept"}),  # people still make it first, blind to the model
        Case(  # a grade kept as an input to a different, later decision
            {"product.todays_call_input": "kept", "product.todays_call_feeds": "other_decision"}
        ),
        Case({"product.todays_call_input": None}),
    ),
    ask="is one of the inputs today's own estimate or decision on the case, which the product replaces?",
)
def input_is_todays_call(plan: Plan) -> Evidence:
    """An input is today's decision or estimate, which the product replaces.

    The expert's own estimate on the case (a valuation, a grade, a triage category) sits closer to the
    outcome than any other input: a model given it learns to copy it, and scores as well offline as the
    expert does, with little of its own. Once the product replaces that figure, the input is gone, or it
    is the model's own suggestion accepted: the score read with it says nothing of the live model.

    Mitigation: Drop today's figure from the inputs, train and score on what exists without it, and keep
    it as the baseline the model must beat; where people still make it first, blind to the model, for a
    different decision than the one the output informs, record that and keep it so.
    """
    answer = plan.product.todays_call_input
    if answer is TodaysCallInput.not_checked:
        said = (
            "does any input hold the figure the product replaces: the expert's estimate, the clerk's grade?"
        )
        return Tempered(2, (quote(plan, "product.todays_call_input", said),))
    if answer is TodaysCallInput.kept:
        return _kept_for_the_same_call(plan)
    if answer is not TodaysCallInput.replaced:
        return None
    copied = (
        "an input is today's decision or estimate on the case, and the product replaces it: the model learns "
        "to copy it, and once live the input is gone or is the model's own output"
    )
    return (quote(plan, "product.todays_call_input", copied), *answered_quotes(plan, "product.mode"))


def _kept_for_the_same_call(plan: Plan) -> Evidence:
    """Today's call kept as an input: a risk only where it is the decision the output informs (a question
    where nobody checked which decision it is)."""
    feeds = plan.product.todays_call_feeds
    if feeds is TodaysCallFeeds.not_checked:
        said = (
            "is the call held in that input the decision the output is meant to inform, or a different one?"
        )
        return Tempered(2, (quote(plan, "product.todays_call_feeds", said),))
    if feeds is not TodaysCallFeeds.same_decision:
        return None
    same = (
        "the call held in an input is the decision the output is meant to inform: it is not made yet when the "
        "prediction is needed, and a model trained with it learns to copy the call it should inform"
    )
    return (
        quote(plan, "product.todays_call_input"),
        quote(plan, "product.todays_call_feeds", same),
        *answered_quotes(plan, "product.mode"),
    )
