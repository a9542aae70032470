"""Rules on the check a model takes away: today a person looks at each case before the action lands, and
that look is what keeps the harm from happening; an automated model that acts alone replaces it with
detection afterwards, once the money has gone or the letter been sent."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Mode, Plan

# A person checking or approving each case.
CHECKS = Lexicon("""
    checks each, checks every, checked by, approves each, approves every, approved by, signs off, signed off
    sign-off, reviews each, reviews every, reviewed by, verifies each, verifies every, verified by
    countersigns, countersigned, four-eyes, four eyes, second pair of eyes
""")

# That check comes before the action: before the payment, before it is sent, before release.
BEFORE = Lexicon("""
    before it is paid, before it is sent, before it is released, before it goes out, before payment
    before the payment, before release, before dispatch, before it is posted, before it is issued
    before sending, before paying, before releasing, before issuing, before it leaves
""")

# The plan keeps a person's look before some actions: held, sent to a person, an approval above a limit.
KEPT = Lexicon("""
    held for, sent to a person, goes to a person, go to a person, approval above, approves above
    checked before, reviewed before, approved before, signs off before, above which, capped at, cap of
    only when, only where, only if, except, excluded, person approves, person checks, a person reviews
""")

_PLANNED = ("product.decision", "product.decision_owner", "heuristics.humans_handle", "after_launch.fallback")


@rule(
    "check-before-action-removed",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Keep a person's check before the costliest actions, not only detection after",
        "Today a person looks at each case before the action lands, and that look is what stops the harm; "
        "acting alone, the model replaces it with monitoring afterwards, once it is too late to undo: keep "
        "the check before the action on the cases above a limit or below a confidence, and sample the rest",
        "warning",
    ),
    ask="today a person checks each case before the action: what stops a wrong one once the model acts alone?",
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.current_solution": "A clerk checks each refund before it is paid.",
            },
            evidence=(
                'product.current_solution: "A clerk checks each refund before it is paid." (checks each, '
                "before it is paid: a person's check before the action today)",
                'product.mode: "automate"',
                "no check before the action is named (product.decision, product.decision_owner, "
                "heuristics.humans_handle, after_launch.fallback)",
            ),
        ),
    ),
    quiet=(
        Case({"product.current_solution": "A clerk checks each refund before it is paid."}),  # augment
        Case(
            {
                "product.mode": "automate",
                "product.current_solution": "A clerk checks each refund before it is paid.",
                "product.decision": "Refunds are paid automatically; those above 500 EUR are held for a clerk.",
            }
        ),
        Case(
            {
                "product.mode": "automate",
                "product.current_solution": "Clerks spot duplicate refunds by memory.",
            }
        ),
    ),
)
def check_before_action_removed(plan: Plan) -> Evidence:
    """The model removes the check that stopped the harm.

    Where a person today checks each case before the action (approves a payment, signs off a letter),
    that check is the control that keeps a wrong action from landing. An automated model that acts alone
    removes it; monitoring after the fact finds the harm once it has happened, and some actions (money
    paid out, a notice sent) cannot be taken back.

    Mitigation: Keep the person's check before the action where the harm is costliest (above an amount,
    below a confidence), sample the rest before release at first, and say what undoes a wrong action.
    """
    if plan.product.mode is not Mode.automate:
        return None
    today = answer_at(plan, "product.current_solution")
    checks, before = CHECKS.find_all(today), BEFORE.find_all(today)
    if not checks or not before:
        return None
    if any(KEPT.find(answer_at(plan, path)) for path in _PLANNED):
        return None
    words = (*checks, *before)
    return Hint(
        words,
        (
            quote(
                plan,
                "product.current_solution",
                f"{', '.join(words)}: a person's check before the action today",
            ),
            quote(plan, "product.mode"),
            f"no check before the action is named ({', '.join(_PLANNED)})",
        ),
    )
