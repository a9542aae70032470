"""A named input that is the record the label's outcome is written into: read as it is now, it holds the
answer.

An availability calendar holds the booking once it is accepted; a case's status field is set when the case
closes; an account's balance drops when the debt is paid. Joined to past requests as they are today, such a
record already says what happened after each decision. A lead names the record and the outcome it holds,
where the label says that outcome and nothing says the record was rebuilt as it stood.
"""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, quote, read_paths
from planner.judgement.rules.heard import said_in_use
from planner.judgement.rules.lexicon import AS_KNOWN
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan
from planner.plan.workings import InputsBuilt

# Words that say the record is read as it stood at each decision: they settle it.
_AS_IT_STOOD = Lexicon("""
    as it stood, as they stood, as it was, as they were, as of, as-of, snapshot, snapshots, change history
    history of changes, versioned, valid from
""")

# Records kept up to date, each with the outcomes written into it when they happen.
_RECORDS = (
    (
        Lexicon("""
            availability calendar, availability calendars, calendar, calendars, availability, booking calendar
            diary, diaries, free slots, open slots, slot availability, room availability, occupancy calendar
        """),
        Lexicon("""
            booking, bookings, booked, reservation, reservations, reserved, appointment, appointments
            accepted, acceptance, taken up, filled
        """),
    ),
    (
        Lexicon("""
            case status, current status, status field, account status, claim status, order status, ticket status
            application status, pipeline stage, current stage, deal stage, status flag, closed flag, open flag
        """),
        Lexicon("""
            closed, closure, closes, resolved, resolution, cancelled, cancellation, churned, churn, won, lost
            converted, conversion, approved, approval, rejected, rejection, defaulted, default, paid, settled
            withdrawn, completed, escalated, escalation
        """),
    ),
    (
        Lexicon("""
            current balance, account balance, outstanding balance, balance, arrears, amount outstanding
            outstanding amount, days past due
        """),
        Lexicon("""
            paid, payment, payments, repaid, repayment, default, defaulted, defaults, written off, write-off
            arrears, missed payment, missed payments
        """),
    ),
    (
        Lexicon(
            "current stock, stock on hand, stock level, stock levels, on hand, inventory level, inventory levels"
        ),
        Lexicon("sold, sale, sales, sold out, stockout, stockouts, stock-out, stock-outs"),
    ),
)


def label_written_into_an_input(plan: Plan) -> Evidence:
    """An input (or a source) that is a record kept up to date, into which the outcome the label names is
    written (a calendar and a booking, a status field and a closure): a question naming both. Quiet where
    the rows are rebuilt as they stood, the record never changes, or the text says it is read as of then."""
    if plan.constraints.data.inputs_built in (InputsBuilt.point_in_time, InputsBuilt.unchanging):
        return None
    label = plan.product.label
    if not label:
        return None
    for path in read_paths(plan):
        text = answer_at(plan, path)
        if not isinstance(text, str) or AS_KNOWN.find(text) or _AS_IT_STOOD.find(text):
            continue
        for record, outcomes in _RECORDS:
            kept = said_in_use(record, text)
            held = outcomes.find(label)
            if kept and held:
                built = plan.constraints.data.inputs_built
                how = (
                    f"constraints.data.inputs_built: {built.value}"
                    if built
                    else "constraints.data.inputs_built: not answered"
                )
                return Hint(
                    (*kept, held),
                    (
                        quote(
                            plan,
                            path,
                            f"{', '.join(kept)}: a record updated when the outcome happens; read as it is now, "
                            "does it already hold the outcome?",
                        ),
                        quote(plan, "product.label", f"the outcome written into it: {held}"),
                        f"{how} (is that record rebuilt as it stood at each decision?)",
                    ),
                )
    return None
