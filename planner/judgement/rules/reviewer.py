"""The people an output is about approve it: the check before it counts is no independent check.

Draft replies to complaints approved by the manager the complaint names, a report on a team's results
signed off by that team: the person checking each output has a stake in what it says, and passes
what favours them, most of all in their busiest weeks, when the queue is longest. A lead asks for
someone the output is not about, or a sample re-checked by someone else. Read from the team's answer
on who checks each output; quiet where a sample is re-checked, where others check, or where the output
is about nobody's work.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.plan.choices import Mode
from planner.plan.model import Category, Plan
from planner.plan.oversight import UNCHECKED_FIRST, ReviewerStake
from planner.plan.workings import ActionShape, Guard


def _checked_each(plan: Plan) -> str | None:
    """The answer saying a person checks each output before it counts, quoted."""
    product = plan.product
    if product.checked_outputs in UNCHECKED_FIRST:
        return None  # the team says which outputs a person sees first, and it is not every one
    if product.forbidden_guard is Guard.review:
        return quote(plan, "product.forbidden_guard", "a person checks every output before it counts")
    if product.mode is Mode.augment and product.action_shape is ActionShape.every_item:
        return quote(plan, "product.action_shape", "a person takes or edits each output")
    return None


@rule(
    "reviewers-judge-their-own-work",
    Category.operations,
    likelihood=3,
    impact=3,
    move=Move(
        "Have each output checked by someone it is not about",
        "People approving what is said about their own work pass what favours them, most of all in their "
        "busiest weeks; route the check to someone the output is not about (another team, a central desk), "
        "or have someone else re-check a random sample of what they approve each month and count what "
        "they changed",
        "warning",
    ),
    ask="do the people who approve each output have a stake in what it says about them?",
    fires=(
        Case(
            {
                "product.mode": "augment",
                "product.action_shape": "every_item",
                "product.reviewer_stake": "concerned",
            },
            evidence=(
                'product.reviewer_stake: "concerned" (the people it is about approve it: who checks '
                "what they pass?)",
                'product.action_shape: "every_item" (a person takes or edits each output)',
            ),
        ),
    ),
    quiet=(
        Case(  # someone else re-checks a sample of what they approve
            {
                "product.mode": "augment",
                "product.action_shape": "every_item",
                "product.reviewer_stake": "concerned_sampled",
            }
        ),
        Case(  # a central desk checks: the output is not about them
            {
                "product.mode": "augment",
                "product.action_shape": "every_item",
                "product.reviewer_stake": "others",
            }
        ),
        Case(  # nobody checks each output: the stake of a reviewer does not arise
            {
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "product.reviewer_stake": "concerned",
            }
        ),
    ),
)
def reviewers_judge_their_own_work(plan: Plan) -> Evidence:
    """The people each output is about are the ones who approve it.

    Where the person checking each output is the person it is about (a reply to a complaint naming
    their branch, a summary of their own team's results), the check passes what favours them: the
    wording softens, the admission drops out, and nobody outside sees what was changed. The pressure is
    greatest in their busiest weeks, when the queue is longest and the criticism most pointed.

    Mitigation: Route the check to someone the output is not about (another team, a central desk), or
    have someone else re-check a random sample of what the concerned people approve each month, and
    count what they changed.
    """
    if plan.product.reviewer_stake is not ReviewerStake.concerned:
        return None
    checked = _checked_each(plan)
    if checked is None:
        return None  # nobody checks each output: no reviewer's stake to weigh
    stake = quote(
        plan, "product.reviewer_stake", "the people it is about approve it: who checks what they pass?"
    )
    return (stake, checked)
