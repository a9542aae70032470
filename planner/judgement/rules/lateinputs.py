"""What the inputs' own wording says of when each is known: totals over the labelled period, values fixed
at close-out, the dates and results of later events, records of the handling the model comes before."""

from __future__ import annotations

import re

from planner.judgement.rules.arrival import READS_IN_HAND
from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, quote, show
from planner.judgement.rules.heard import said_in_use
from planner.judgement.rules.lexicon import (
    AS_KNOWN,
    BEFORE_HANDLING,
    EARLIER,
    EVALUATION_CONTEXT,
    FINAL_OF_EVALUATION,
    HANDLING_RECORDS,
    LABEL_EVENTS,
    LABEL_SPANS,
    RECORD_MOMENTS,
    SO_FAR,
)
from planner.judgement.rules.words import Lexicon, not_denied, phrases
from planner.plan.model import Difference, Plan

# Inputs whose value builds up over the period the label measures, or is fixed only when the case
# closes: a count during the stay, the amount at close-out, codes added afterwards, months active.
_DURING = phrases("during, throughout", "the, its, their, each, a, that", LABEL_SPANS)

ACCRUED = Lexicon(
    _DURING
    + ", "
    + phrases("over, across, for, in", "the whole, the entire, the full, its whole, their whole", LABEL_SPANS)
    + ", "
    + phrases("after, following", "the, each, every, a", RECORD_MOMENTS)
    + ", "
    + phrases(
        "added, entered, recorded, coded, assigned, logged, updated, written, filled in, completed",
        "after, afterwards, later, at the end",
    )
    + """, at close-out, at closeout, close-out, closeout, at close, at closing, at completion
    on completion, at handover, at hand-over, at sign-off
    at discharge, on discharge, discharge diagnosis, discharge diagnoses, discharge code, discharge codes
    discharge summary, discharge summaries, length of stay
    final, final figures, final amount, final cost, final price, final score, final grade, final status
    months active, days active, weeks active, years active, active months, active days, active weeks
    total months, total days, total visits, total calls, total spend over
    lifetime value, lifetime spend, lifetime revenue, lifetime orders, lifetime purchases
    in the contract year, in the policy year, in the school year, in the academic year, in the season
    over the season, over the stay, over the contract, over the loan, over the term, over the trip""",
    unless="final layer, final layers, final version, final draft, final hidden layer, "
    + FINAL_OF_EVALUATION
    + ", "
    + phrases("during, throughout", "the, its, their, each, a, that", LABEL_SPANS, "before, prior, preceding")
    + ", "
    + phrases(
        "in the, over the", "contract year, policy year, school year, academic year, season", "before, prior"
    ),
    everyday=(
        ("final", EVALUATION_CONTEXT),  # the final holdout is the team's last check of the model
        (_DURING, SO_FAR),  # during the trip so far: what has built up until the moment of prediction
    ),
)


# Events later in a case's own process (a release, an approval, a discharge, a review), whose date,
# status or outcome an input may be: known at the moment of prediction only if the event came first.
_LATER_EVENTS = """release, approval, approvals, discharge, closure, closing, resolution, cancellation, reply,
    response, review, payment, delivery, refund, completion, sign-off, shipment, dispatch, settlement,
    termination, repair, inspection, audit, investigation, appeal, chargeback, write-off, handover, acceptance,
    rejection, decision, verdict, diagnosis, exit, transfer, return, follow-up""".replace("\n", " ")
_STAMPS = """date, dates, time, times, timestamp, timestamps, status, outcome, outcomes, result, results, code,
    codes, reason, reasons, notes""".replace("\n", " ")

# The notes of a meeting with the case (`meeting notes`, `call notes`): a record of what was said there.
CONTACT_NOTES = Lexicon(
    phrases(
        "appointment, appointments, visit, visits, call, calls, interview, interviews, meeting, meetings",
        "notes",
    )
)
EVENT_STAMPS = Lexicon(
    phrases(_LATER_EVENTS, _STAMPS)
    + ", "
    + phrases(
        "appointment, appointments, visit, visits, call, calls, interview, interviews, hearing, hearings, "
        "meeting, meetings, trial, trials",
        "outcome, outcomes, result, results, status, notes",
    ),
    unless=phrases(
        "last, previous, prior, past, earlier, expected, planned, scheduled, promised, requested, "
        "estimated, target, due, agreed, quoted",
        _LATER_EVENTS,
        _STAMPS,
    )
    + ", "
    + phrases(
        _LATER_EVENTS,
        _STAMPS,
        "of previous, of prior, of past, of earlier, of last, of the previous, of the prior, of the last",
    ),
)


_SPAN_UNITS = "hour, hours, day, days, week, weeks, month, months, year, years"

# A window of time (`the first 90 days`, `within 12 months`); a window that ends at the prediction (`the
# 90 days before`, `the last 12 months`) is history, not the label's period.
WINDOW = Lexicon(
    phrases("#", _SPAN_UNITS),
    unless=phrases(
        "#",
        _SPAN_UNITS,
        "before, prior, preceding, earlier, ago, back, of history, of past, of data, of records, of * history, "
        "of * data, of * records, of * readings",
    )
    + ", "
    + phrases("last, past, previous, preceding, prior", "#", _SPAN_UNITS),
)


def differences_said(plan: Plan) -> str:
    differences = plan.constraints.data.differences
    if differences:
        return (
            f"constraints.data.differences: {show(differences)} (no input is marked as recorded after the "
            "prediction)"
        )
    return "constraints.data.differences: not answered (which inputs are recorded only afterwards?)"


def accrued_in_the_inputs(plan: Plan) -> Evidence:
    """Inputs described as a total over the labelled period or a value fixed at close-out (during the
    stay, at close-out, months active), or counted over the very window the label names (`within 90
    days` in both), where no input is marked as recorded later: a question; a total's words ask nothing
    where `inputs_known_after: none` has answered when each input is recorded."""
    if Difference.later_inputs in plan.constraints.data.differences:
        return None  # said: the rule quotes the answer itself
    for path in ("product.inputs", "constraints.data.differences_note"):
        text = answer_at(plan, path)
        words = () if plan.product.none_known_after() else said_in_use(ACCRUED, text)
        if words and not AS_KNOWN.find(text):
            note = (
                f"built up over the period the label measures, or known at its end: {', '.join(words)}; "
                "which of these exist at the moment of prediction?"
            )
            return Hint(words, (quote(plan, path, note), differences_said(plan)))
        stamps = said_in_use(EVENT_STAMPS, text) if path == "product.inputs" else ()
        if plan.product.none_known_after() or plan.product.task in READS_IN_HAND:
            # an event's notes (`meeting notes`) record a step the case may have passed before the prediction
            # (the meeting a letter is drafted from): the team's `none` answers which, and so does a task that
            # writes or extracts from the record in hand (a report drafted from the visit's notes, after the
            # visit); a status, result or date still asks, as it changes when a later step happens
            stamps = tuple(stamp for stamp in stamps if not CONTACT_NOTES.find(stamp))
        if stamps and not AS_KNOWN.find(text):
            note = (
                f"the date, status or result of an event in the case's process: {', '.join(stamps)}; is "
                "each known at the moment of prediction, or only once that event has happened?"
            )
            return Hint(stamps, (quote(plan, path, note), differences_said(plan)))
    inputs, label_text = plan.product.inputs, plan.product.label or ""
    shared = [window for window in WINDOW.find_all(inputs) if window in WINDOW.find_all(label_text)]
    # A label counted after that window (`in the 14 days after the first 48 hours`) starts where the inputs end.
    shared = [window for window in shared if not _after_the_window(label_text, window)]
    if shared and not AS_KNOWN.find(inputs):
        return Hint(
            shared,
            (
                quote(plan, "product.inputs", f"counted over {', '.join(shared)}"),
                quote(
                    plan,
                    "product.label",
                    f"the label's own window: {', '.join(shared)}; do the inputs end where it starts?",
                ),
                differences_said(plan),
            ),
        )
    return None


def _after_the_window(text: str, window: str) -> bool:
    """Whether a text counts from after a window (`after the signature's first 48 hours`)."""
    pattern = r"\bafter(?:\s+\S+){0,4}?\s+" + r"\s+".join(map(re.escape, window.split()))
    return re.search(pattern, text, re.IGNORECASE) is not None


def later_process_in_the_inputs(plan: Plan) -> Evidence:
    """An input named after the event the label records (`corrected by an adjustment` and `the adjustment
    reason code`), or recorded by the handling the model is meant to come before (`the handler's notes`
    for a model that triages before handling): the label's own record, or a later one, as an input."""
    if Difference.later_inputs in plan.constraints.data.differences:
        return None
    inputs = plan.product.inputs
    if not inputs or AS_KNOWN.find(inputs):
        return None
    label_text = plan.product.label
    for event in LABEL_EVENTS.values():
        # an event the decision acts on (`each appeal`) is the case itself, not a later record of it
        if event.find(label_text) and not event.find(plan.product.decision):
            named = not_denied(said_in_use(event, inputs), inputs, EARLIER, EARLIER)
            if named:
                return Hint(
                    named,
                    (
                        quote(
                            plan, "product.inputs", f"named after the label's own event: {', '.join(named)}"
                        ),
                        quote(
                            plan,
                            "product.label",
                            "the label records that event: is that input known before it happens?",
                        ),
                    ),
                )
    records = not_denied(said_in_use(HANDLING_RECORDS, inputs), inputs, EARLIER, EARLIER)
    if not records:
        return None
    for path in ("product.decision", "product.output", "product.goal", "product.users"):
        before = BEFORE_HANDLING.find(answer_at(plan, path))
        if before:
            return Hint(
                (*records, before),
                (
                    quote(plan, "product.inputs", f"recorded by the handling: {', '.join(records)}"),
                    quote(
                        plan, path, f"the model comes {before}: do those records exist yet when it predicts?"
                    ),
                ),
            )
    return None
