"""An action that brings about the outcome the model predicts (a sales call makes the sale), told apart
from one that prevents it (a repair prevents the failure): the feedback loop reads differently.

Where the action prevents the outcome, the cases today's process treated show fewer bad outcomes and the
riskiest look safe. Where it produces the outcome, the outcome is recorded mostly where someone acted:
a model trained on that history learns who was called, not who would buy, and only a random share left
without the action shows who would have bought anyway and what the call added.
"""

from __future__ import annotations

from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.response import RESPONDED_TO
from planner.judgement.rules.words import Lexicon
from planner.plan.model import OutcomeRecorded, Plan

# A label naming an outcome the action brings about: a sale, a gift, a booking, a sign-up, a payment.
PRODUCED = Lexicon(
    """
    sale, sales, sold, purchase, purchases, purchased, bought, buys, order, orders, ordered
    donation, donations, donated, donates, gift, gifts, gave, pledge, pledges, pledged
    booking, bookings, booked, sign-up, sign-ups, signed up, signs up, subscribed, subscription
    enrolled, enrolment, enrollment, enrols, enrolls, registered, joined, renewal, renewals, renewed
    upgrade, upgrades, upgraded, conversion, conversions, converted, converts, took up, take-up, uptake
    accepted the offer, accepted an offer, deal closed, deals closed, closed the deal, won the deal
    response, responses, responded, replied, paid, repaid, payment received, payments received
    """,
    # the same words naming the outcome the action prevents: a lapse, a cancellation, a missed payment
    unless="""did not buy, not bought, no sale, no sales, no order, no orders, cancelled order
    cancelled orders, cancelled booking, cancelled bookings, booking cancelled, not booked, not renewed
    did not renew, failed to renew, not paid, did not pay, failed to pay, payment missed, payments missed
    no response, not responded, did not respond""",
    deniable=True,
)

# A label naming an outcome the action is meant to prevent: then the usual wording holds.
_PREVENTED = Lexicon("""
    cancel, cancels, cancelled, cancellation, cancellations, churn, churns, churned, lapse, lapses, lapsed
    default, defaults, defaulted, arrears, missed, miss, misses, no-show, no-shows, did not attend, left
    leaves, quit, quits, unpaid, overdue, late payment, late payments, not renewed, did not renew
    failed to renew, did not buy, no sale, not paid, did not pay, failed to pay, complaint, complaints
""")


def produced_words(plan: Plan) -> tuple[str, ...]:
    """Where acting changes the outcome and the label names an outcome the action brings about (a sale,
    a gift, a booking, a response to the call) and no outcome it prevents, the label's words; else ()."""
    if plan.constraints.data.outcome_recorded_for is not OutcomeRecorded.changed_by_action:
        return ()
    label = plan.product.label
    if _PREVENTED.find(label):
        return ()
    return RESPONDED_TO.find_all(label) or PRODUCED.find_all(label)


def produced_note(plan: Plan) -> str | None:
    """feedback-loop's note on the changed-by-action answer where the action produces the outcome."""
    words = produced_words(plan)
    if not words:
        return None
    return (
        f"the label, {', '.join(words)}, is an outcome the action brings about: the history records it mostly "
        "where someone acted, so a model trained on it learns who was acted on, not who would respond"
    )


ACTION_PRODUCES = Instead(
    lambda plan: bool(produced_words(plan)),
    Move(
        "Hold out a random share nobody acts on: the history shows who was acted on",
        "The action brings the outcome about (a call makes the sale), so the history records it mostly where "
        "someone acted and a model trained on it learns who was called, not who would buy: keep whether and "
        "when each case was acted on as an input; leave a small random share without the action, now and "
        "once live, and measure on it who responds anyway and what the action adds",
        "danger",
        first=True,
    ),
    "Keep whether and when each case was acted on as an input, and fit among the cases acted on; leave a "
    "small random share without the action (today and once live) and measure the model and the action on "
    "it: who responds without it, and how much the action adds by score band; aim the action where it adds "
    "most, not where the outcome is likeliest.",
)
