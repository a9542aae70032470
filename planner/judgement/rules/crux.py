"""Whether a draft proposes the decision itself: an amount, an award, a grade, a ruling.

A draft letter around a decision a person takes is one thing; a draft that proposes the decision (how
much of the deposit goes back, the award, the grade, the ruling) is the decision, written first. Where
the team says today's deciders use what the model will not get (the photos, the inventory, the visit),
such a draft decides from the parties' words alone what turns on the evidence it never read: that is the
plan's central flaw, not a gap at its edge, and the person who signs starts from it.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Mode, Plan, TaskType
from planner.plan.workings import ActionShape

# Words saying the output is the decision itself, not text around it: a proposed award, a draft grade.
_PROPOSED = ("proposed", "draft", "suggested", "recommended")
_DECIDED = """
    award, awards, decision, decisions, adjudication, adjudications, determination, determinations, ruling
    rulings, verdict, verdicts, grade, grades, mark, marks, outcome, outcomes, settlement, settlements
    deduction, deductions, payout, payouts, amount, amounts, refund, refunds, apportionment
""".replace(",", " ").split()
DECISION_DRAFTED = Lexicon(f"{said} {decided}" for said in _PROPOSED for decided in _DECIDED) + Lexicon("""
    awarded amount, amount awarded, amount to award, amount to return, amount to refund, amount to deduct
    how much to award, how much to return, how much to refund, how much to deduct, how much to pay
    split of the deposit, deposit split, the award itself, the decision itself, the grade itself
""")
_SAID_AT = ("product.output", "product.decision")


def drafts_the_decision(plan: Plan) -> str | None:
    """The evidence that a draft a person signs proposes the decision itself: the output sets an amount
    (a structured answer), or the output or the decision names the decision it proposes (an award, a grade)."""
    product = plan.product
    if product.task is not TaskType.generation or product.mode is not Mode.augment:
        return None
    if product.action_shape is ActionShape.sets_amount:
        note = "it proposes the amount itself, from what it reads"
        return quote(plan, "product.action_shape", note)
    found = first_said(plan, _SAID_AT, DECISION_DRAFTED)
    if found is None:
        return None
    path, words = found
    return quote(plan, path, f"it proposes the decision itself: {', '.join(words)}")
