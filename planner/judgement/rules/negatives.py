"""Rules on what a negative label means: a check, an outcome waited out, or only an absence.

A lead asks of every yes/no label what puts a case on the "no" side. Where someone checked it, or the
outcome had every chance to happen, a negative is evidence. Where it is a choice not to act (not
retried, not escalated, not followed up), the model learns who gets acted on; where recent cases count
as negatives before their window closes, it learns that new cases are safe. Both reason from the team's
ticks in `product.negative_label`; a record of reports (`constraints.data.outcome_limits`, or a negative
that is only nobody reporting one) is weighed by outcome-counts-reports.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, handled, limit_ticked, quote, ticked
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import MATURED, REPORTING_MEASURED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Acquisition,
    Category,
    Circumstance,
    EvalTruth,
    LabelDated,
    LabelWriter,
    OutcomeLimit,
    Picks,
    Plan,
    TaskType,
)
from planner.plan.workings import Negative

_NOTES = {
    Negative.not_acted: "a negative is someone's choice not to act, not a case found clear",
    Negative.not_yet_known: "recent cases count as negatives before their outcome has had time to happen",
    Negative.nothing_recorded: "a negative is only that nobody reported or noticed one",
}


def negative_ticked(plan: Plan, negative: Negative) -> str | None:
    """The evidence that the team ticked `negative` for what makes a case a negative, or None."""
    if negative not in plan.product.negative_label:
        return None
    return quote(plan, "product.negative_label", _NOTES[negative])


def _explored(plan: Plan) -> str | None:
    """The evidence that some cases are decided at random, or judged against checked answers."""
    if kept_out(plan):
        return quote(plan, "constraints.data.exploration_share")
    if plan.done.eval_truth is EvalTruth.checked:
        return quote(plan, "done.eval_truth")
    return None


# A label that is the answer of the person an offer or a request reaches: their not acting is the outcome
# the model predicts, not a case nobody looked at.
ANSWERED_AN_OFFER = Lexicon("""
    accepted, accepts, accept, declined, declines, decline, replied, replies, reply, responded, responds
    response, took up, takes up, take-up, signed up, signs up, agreed to, answered the, answers the
""")


# A label that is a transaction the system logs itself: nobody chooses to report an enrolment or a loan.
LOGGED_TRANSACTION = Lexicon("""
    enrolment, enrolments, enrollment, enrollments, enrolled, enrols, enrolls, loan, loans, borrowed, borrows
    booking, bookings, booked, purchase, purchases, purchased, bought, buys, orders, ordered
    sale, sales, sold, payment, payments, paid, renewal, renewals, renewed, subscription, subscriptions
    subscribed, cancelled, canceled, cancellation, checkout, checked out, redeemed, redemption, reservation
    reservations, reserved, sign-up, signed up, transaction, transactions
""")


def _logged_transaction(plan: Plan) -> bool:
    """Whether nothing recorded is the negative (no reported-only limit ticked) and the label is a
    transaction the system logs itself (a loan, a booking, a purchase): no report is missing."""
    return not limit_ticked(plan, OutcomeLimit.reported_only) and bool(
        LOGGED_TRANSACTION.find(plan.product.label)
    )


def _picked_from_a_list(plan: Plan) -> bool:
    """Whether nothing recorded is the negative (no reported-only limit ticked) and the model puts items in
    front of someone who picks among them: the pick is logged whenever it is made, and an item not picked
    is a matter of what was shown (position-bias-in-logs, selective-labels), not of a report nobody made."""
    if limit_ticked(plan, OutcomeLimit.reported_only):
        return False
    picks = plan.product.picks
    return picks is Picks.items or (picks is None and plan.product.task is TaskType.recommendation)


def _own_log_of_events(plan: Plan) -> bool:
    """Whether nothing recorded is the negative (no reported-only limit ticked) and the record is the team's own
    log of the event, written as it happens: the event writes it (a restart run, a batch reworked), it carries
    the day it happened, and every source is the organisation's own. No outsider's report is missing; what
    shapes the outcome is the staff's own acting (feedback-loop, outcome-averted-today)."""
    data = plan.constraints.data
    if limit_ticked(plan, OutcomeLimit.reported_only) or data.label_writer is not LabelWriter.event:
        return False
    sources = data.sources
    own = bool(sources) and all(source.acquisition is Acquisition.own for source in sources)
    return own and data.label_dated is LabelDated.happened


def _answer_to_an_offer(plan: Plan, said: str, logged: str = "") -> Evidence:
    """Where the label is the answer of whoever an offer or a request reaches, the negative `said` weighed
    low: their not acting is the outcome the model predicts; None where the label is no such answer."""
    answered = ANSWERED_AN_OFFER.find_all(plan.product.label)
    if not answered:
        return None
    note = f"{', '.join(answered)}: the label is the answer of whoever the offer reaches{logged}"
    return Tempered(1, (said, quote(plan, "product.label", note)))


def waits_out_the_window(plan: Plan) -> bool:
    """Whether the plan learns and tests only on cases whose outcome has had time to arrive (said in its
    notes or its retraining trigger)."""
    return handled(plan, MATURED) or bool(MATURED.find(plan.constraints.retraining.trigger))


@rule(
    "negatives-mean-nobody-acted",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are the negatives cases someone checked, or only cases nobody acted on or linked?",
    move=Move(
        "Label a random sample of the 'no action' cases by checking them",
        "Where a negative is someone's choice not to act, the labels record who got acted on, not what was "
        "true: check a random sample of the cases nobody acted on to learn how many were positives, and judge "
        "the model on checked cases, not on the choices",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.label": "Flaky if a retry passed.",
                "product.negative_label": ["not_acted"],
                "done.eval_truth": "outcomes",
                "constraints.data.exploration_share": 0,
            },
            evidence=(
                'product.negative_label: ["not_acted"] (a negative is someone\'s choice not to act, not a case '
                "found clear)",
                "no random share is decided apart from those choices, and no checked evaluation set",
            ),
        ),
        Case(  # a matcher whose negatives are the links nobody made, though "checked" is ticked: asked
            {
                "product.task": "matching",
                "product.label": "Linked to the staff member; unlinked pairs are 0.",
                "product.negative_label": ["checked"],
            },
            evidence=(
                'product.label: "Linked to the staff member; unlinked pairs are 0." '
                "(unlinked: a pair nobody linked is read as no match)",
                'product.negative_label: ["checked"] (answered; the words say the links nobody made)',
            ),
        ),
        Case(  # the driver offered a trip chose not to reply: that is the outcome predicted, low
            {
                "product.label": "The driver accepted the offer within an hour.",
                "product.negative_label": ["not_acted"],
            },
            evidence=(
                'product.negative_label: ["not_acted"] (a negative is someone\'s choice not to act, not a case '
                "found clear)",
                'product.label: "The driver accepted the offer within an hour." (accepted: the label is the answer '
                "of whoever the offer reaches)",
            ),
        ),
        Case(  # a checked evaluation set: the score is sound, the training data still learns the choices
            {
                "product.label": "Escalated within 7 days.",
                "product.negative_label": ["not_acted", "outcome_absent"],
                "done.eval_truth": "checked",
            },
        ),
    ),
    quiet=(
        Case({"product.label": "Chargeback within 90 days.", "product.negative_label": ["outcome_absent"]}),
        Case(  # the team says its labels are the old process's decisions: label-from-old-process says it
            {
                "product.label": "Escalated within 7 days.",
                "product.negative_label": ["not_acted"],
                "product.circumstances": ["labels_are_decisions"],
            },
            also=frozenset({"label-from-old-process"}),
        ),
    ),
)
def negatives_mean_nobody_acted(plan: Plan) -> Evidence:
    """A negative label is someone's choice not to act.

    Where a case counts as negative because nobody retried it, escalated it, followed it up, treated it
    or sent it back, the label records the habits and the workload of the people who chose, not whether
    the thing was there. The model learns to predict who gets acted on; its score against the same labels
    counts every positive nobody acted on as a correct "no".

    Mitigation: Check a random sample of the cases nobody acted on and measure how many were positives;
    label the evaluation set by checking each case apart from those choices; train on checked cases or
    weight by the measured miss rate; keep a random share acted on whatever the model says.
    """
    if ticked(plan, Circumstance.labels_are_decisions):
        return None
    said = negative_ticked(plan, Negative.not_acted)
    if said is None:
        return _unlinked_read_as_negative(plan)
    offered = _answer_to_an_offer(plan, said)
    if offered:  # the person offered chose: their not acting is the outcome, not a case left unlooked at
        return offered
    explored = _explored(plan)
    if explored:
        return Tempered(3, (said, explored))
    return (said, "no random share is decided apart from those choices, and no checked evaluation set")


# A matcher's negatives said as links nobody made: an absence, whatever the tick says.
UNLINKED = Lexicon("""
    not linked, unlinked, never linked, not yet linked, no link, no links, not matched, unmatched
    never matched, not claimed, unclaimed, not attributed, unattributed
""")


def _unlinked_read_as_negative(plan: Plan) -> Evidence:
    """A matcher whose label or evaluation says its negatives are pairs nobody linked: a question."""
    if plan.product.task is not TaskType.matching:
        return None
    for path in ("product.label", "done.eval_set", "constraints.data.differences_note"):
        words = UNLINKED.find_all(answer_at(plan, path))
        if words:
            found = [quote(plan, path, f"{', '.join(words)}: a pair nobody linked is read as no match")]
            if plan.product.negative_label:
                found.append(
                    quote(plan, "product.negative_label", "answered; the words say the links nobody made")
                )
            return Hint(words, found)
    return None


@rule(
    "recent-negatives-not-yet-known",
    Category.data,
    likelihood=4,
    impact=3,
    move=Move(
        "Keep only cases whose outcome window has closed, in training and in the test",
        "A recent case labelled negative before its window closes may still turn positive: cut the data where "
        "every case has waited the full window (or model the time to the outcome), and score the test on cases "
        "whose window has closed",
        "warning",
    ),
    fires=(
        Case(
            {"product.label": "Default within 12 months.", "product.negative_label": ["not_yet_known"]},
            evidence=(
                'product.negative_label: ["not_yet_known"] (recent cases count as negatives before their outcome '
                "has had time to happen)",
            ),
        ),
    ),
    quiet=(
        Case({"product.label": "Default within 12 months.", "product.negative_label": ["outcome_absent"]}),
        Case(  # recent cases are not-yet-known, but only cases whose window has closed are used
            {
                "product.label": "Default within 12 months.",
                "product.negative_label": ["not_yet_known"],
                "done.eval_set": "Loans from 2023, whose window has closed.",
            }
        ),
    ),
)
def recent_negatives_not_yet_known(plan: Plan) -> Evidence:
    """Recent cases count as negatives before their outcome could happen.

    A label such as "returned within 90 days" or "defaulted within a year" is unknown for cases younger
    than its window, and counting them as negatives teaches the model that recent cases are safe. The
    latest months, the ones most like production, are the most wrongly labelled, and a test set cut by
    time sits in exactly those months.

    Mitigation: Keep only cases whose window has closed, in training and in the test; or model the time
    to the outcome with the censoring explicit; report the score on cases old enough to know.
    """
    said = negative_ticked(plan, Negative.not_yet_known)
    if said is None or waits_out_the_window(plan):
        return None  # only cases whose window has closed are learnt from and tested on
    return (said,)


@rule(
    "outcome-counts-reports",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Estimate how often an event goes unrecorded",
        "A record that holds an event only when someone logs or reports it counts what was noticed, not "
        "what happened; check a random sample of the cases with nothing recorded, whatever the record says, "
        "to count the events it missed, by group, and judge the model on cases found apart from the record",
        "warning",
    ),
    fires=(
        Case(  # a driver's reply to an offer, logged whether it comes or not: low
            {
                "product.label": "The driver accepted the offer within an hour.",
                "product.negative_label": ["nothing_recorded"],
            },
            evidence=(
                'product.negative_label: ["nothing_recorded"] (a negative is only that nobody reported or '
                "noticed one)",
                'product.label: "The driver accepted the offer within an hour." (accepted: the label is the '
                "answer of whoever the offer reaches, logged either way)",
            ),
            also=frozenset({"selective-labels", "outcome-not-effect"}),
        ),
        Case(
            {"constraints.data.outcome_limits": ["reported_only"]},
            evidence=(
                'constraints.data.outcome_limits: ["reported_only"] (recorded only when someone reports it: '
                "the record counts reports, not events)",
            ),
        ),
        Case(  # the outcome limits left unticked, but a negative is only that nobody reported one
            {"constraints.data.outcome_limits": ["none"], "product.negative_label": ["nothing_recorded"]},
            evidence=(
                'product.negative_label: ["nothing_recorded"] (a negative is only that nobody reported or '
                "noticed one)",
            ),
        ),
        Case(  # logged as it happens, but from residents' reports: an unreported pothole is a negative
            {
                "product.label": "A pothole was reported on the street.",
                "product.negative_label": ["nothing_recorded"],
                "constraints.data.label_writer": "event",
                "constraints.data.label_dated": "happened",
                "constraints.data.sources": [{"name": "Residents' reports", "acquisition": "public"}],
            },
            evidence=(
                'product.negative_label: ["nothing_recorded"] (a negative is only that nobody reported or '
                "noticed one)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.outcome_limits": ["none"]}),
        Case({"constraints.data.outcome_limits": ["none"], "product.negative_label": ["checked"]}),
        Case(  # the label is the organisation's own decision (an offer made): no report is missing
            {
                "product.negative_label": ["nothing_recorded"],
                "product.circumstances": ["labels_are_decisions"],
            }
        ),
        Case(  # recipes shown to a cook who saves some: a save is logged, an unsaved recipe went unpicked
            {
                "product.task": "ranking",
                "product.picks": "items",
                "product.label": "Recipes the cook saved and later reported cooking.",
                "product.negative_label": ["nothing_recorded"],
            }
        ),
        Case(  # a print shop's own press log: a reprint is logged as it is run, not reported by anyone outside
            {
                "product.label": "The job was reprinted, as logged in the press log.",
                "product.negative_label": ["nothing_recorded"],
                "constraints.data.label_writer": "event",
                "constraints.data.label_dated": "happened",
                "constraints.data.sources": [{"name": "Press log", "acquisition": "own"}],
            }
        ),
        Case(  # a loan the lending system logs itself: nobody chooses to report it
            {
                "product.label": "The member borrowed the title.",
                "product.negative_label": ["nothing_recorded"],
            }
        ),
        Case(
            {
                "constraints.data.outcome_limits": ["reported_only"],
                "done.eval_set": "Sites from a random sweep each quarter, found independently of reports.",
            }
        ),
        Case(  # a random audit watched after launch measures how much goes unreported
            {
                "constraints.data.outcome_limits": ["reported_only"],
                "after_launch.monitoring[0].signal": "Leak share found by random spot checks of 30 mains a month",
            }
        ),
        Case(
            {
                "constraints.data.outcome_limits": ["reported_only"],
                "done.eval_set": "An audit of a random sample of 400 stalls, visited whatever was reported.",
            }
        ),
    ),
)
def outcome_counts_reports(plan: Plan) -> Evidence:
    """The outcome is recorded only when someone reports it.

    A record of reports counts events where people notice and report them: reporting rates differ by
    area, group and time, and a live product changes who reports. The model learns where reports come
    from, scores well against the same reports, and misses the events nobody reports.

    Mitigation: Estimate how much goes unrecorded by checking a random sample of cases (or of places and
    times) whatever the record says; judge the model on a sample found independently of the record, and
    weight or correct the training record by the measured rates.
    """
    reported = limit_ticked(plan, OutcomeLimit.reported_only)
    if reported is None and ticked(plan, Circumstance.labels_are_decisions):
        return (
            None  # the label is the organisation's own decision: no event goes unreported, one goes undecided
        )
    said = reported or negative_ticked(plan, Negative.nothing_recorded)
    if said is None or handled(plan, REPORTING_MEASURED):
        return None
    offered = _answer_to_an_offer(plan, said, ", logged either way")
    if offered:  # a reply to an offer is logged whether it comes or not: no report is missing
        return offered
    if _logged_transaction(plan) or _picked_from_a_list(plan):  # a loan, a booking, an item picked: logged
        return None
    if _own_log_of_events(plan):  # the team's own process log, written as each event happens
        return None
    # A random audit watched after launch measures the reporting rate too. A checked evaluation set
    # (done.eval_truth) alone does not: its cases are still the reported ones.
    if any(REPORTING_MEASURED.find(monitor.signal) for monitor in plan.after_launch.monitoring):
        return None
    return (said,)
