"""Rules on a label one person writes after seeing an earlier call: the triage, the previous decision,
the model's own output, read from the label's words where `constraints.data.label_writer` is blank.

A rater who reads the triage note or sees the score before grading leans toward it, and where one person
writes every label, their habits become the label with nothing to show how much: no second rater, no
agreement measured. A model trained on such labels learns the earlier call and that rater; judged on
them, agreement with the call passes for accuracy. The tick says it as a fact (label-echoes-estimate);
these words only ask.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import agreement_unknown, handled, quote, show
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.judgement.rules.writer import BLIND_KEPT, ESTIMATE
from planner.plan.model import Category, Plan

# Words saying the person writing the label has something in front of them first.
SAW_FIRST = Lexicon("""
    after reading, after seeing, after reviewing, after checking, having read, having seen, having reviewed
    with sight of, sees the, saw the, shown the, can see the, could see the, looking at the, in front of them
    next to the, beside the, alongside the, given the, starting from the, starting from
""")
# Words naming an earlier call the rater may lean toward: a triage, a previous decision, a model's output.
EARLIER_CALL = ESTIMATE + Lexicon("""
    triage, triage note, triage notes, triage decision, triage tag, triage tags, previous decision
    previous decisions, earlier decision, earlier decisions, first decision, initial decision, initial
    assessment, first assessment, screening result, screening results, screening decision, the clerk's tag
    the flag, flags raised, the alert, the alerts, recommendation, recommendations, model output
    model's output, model's grade, system's grade, system's output, first grade, initial grade, original
    decision, first reviewer, first reader, colleague's call, colleague's grade, the decision letter
""")
_LABEL = "The severity grade our senior officer gave each past report after reading the triage note."


def _saw_earlier_call(text: str | None) -> tuple[str, ...]:
    """The words of the first sentence of `text` that says the rater saw an earlier call first."""
    for sentence in SENTENCE.split(text or ""):
        seen, call = SAW_FIRST.find_all(sentence), EARLIER_CALL.find_all(sentence)
        if seen and call:
            return (*seen, *call)
    return ()


@rule(
    "label-rater-unblinded",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Have a second rater label a random sample blind to the earlier call",
        "One rater who first sees the triage, the earlier decision or the model's output leans toward it, "
        "and their habits become the label: have a second person label a random sample without seeing it, "
        "measure how often the two agree, and keep the estimate hidden from a share of the labels once live",
        "warning",
    ),
    ask="does the one person who writes the label first see an earlier call or the model's output?",
    fires=(
        Case(
            {"product.label": _LABEL, "by_hand.label_agreement": None, "constraints.data.label_writer": None},
            evidence=(
                'product.label: "The severity grade our senior officer gave each past report after r..." '
                "(the rater first sees an earlier call: after reading, triage note)",
                "by_hand.label_agreement: not answered (no second rater: nothing shows how much the label is "
                "the rater's, or the call's)",
                "constraints.data.label_writer: not answered (do the raters see the earlier call, or the "
                "model's output once live?)",
            ),
        ),
    ),
    quiet=(
        Case({"product.label": _LABEL, "constraints.data.label_writer": "blind"}),  # the answer says blind
        Case(  # a second rater grades a sample blind to the triage
            {
                "product.label": _LABEL + " A second officer grades a blind sample of 200.",
                "constraints.data.label_writer": None,
            }
        ),
        Case(  # the rater reads the report itself, no earlier call
            {
                "product.label": "The severity grade our senior officer gave each past report after reading it.",
                "constraints.data.label_writer": None,
            }
        ),
    ),
)
def label_rater_unblinded(plan: Plan) -> Evidence:
    """One rater writes the label after seeing an earlier call.

    The label's own words say the person who writes it first sees the triage, the previous decision or
    a score, and no agreement between two raters is measured: the label leans toward the earlier call and
    carries one rater's habits, the model learns both, and agreement with the call passes for accuracy.

    Mitigation: Have a second person label a random sample without seeing the earlier call or the
    model's output, measure how often the two agree, train and judge on the blind labels, and once live
    keep the model's output hidden from a share of the labellers.
    """
    blind = handled(plan, BLIND_KEPT) or BLIND_KEPT.find(plan.product.label)
    if plan.constraints.data.label_writer is not None or blind:
        return None  # the tick says who writes it (label-echoes-estimate), or a blind share is kept
    words = _saw_earlier_call(plan.product.label)
    if not words:
        return None
    said = quote(plan, "product.label", f"the rater first sees an earlier call: {', '.join(words)}")
    agreement = plan.by_hand.label_agreement
    second = (
        agreement_unknown(
            plan, "no second rater: nothing shows how much the label is the rater's, or the call's"
        )
        if agreement is None or agreement == "not measured"
        else f"by_hand.label_agreement: {show(agreement)} (raters who both saw the call agree with it too)"
    )
    writer = (
        "constraints.data.label_writer: not answered (do the raters see the earlier call, or the model's "
        "output once live?)"
    )
    return Hint(words, (said, second, writer))
