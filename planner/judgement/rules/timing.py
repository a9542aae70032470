"""When an input's value is known: inputs described as totals over the period the label measures, or as
values fixed at close-out, read from the inputs whatever the differences answer says (a question)."""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import answer_at, quote, show
from planner.judgement.rules.lexicon import AS_KNOWN, EVALUATION_CONTEXT, FINAL_OF_EVALUATION, SO_FAR
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Difference, Plan

# The stretch of time a label often measures: a stay, a contract, a season, a school year.
_SPANS = """stay, stays, visit, visits, admission, admissions, trip, trips, contract, contracts, term, terms,
    semester, semesters, year, season, seasons, quarter, month, subscription, subscriptions, loan, loans,
    policy, tenancy, lease, campaign, campaigns, project, projects, trial, study, course, programme,
    program, treatment, episode, claim, claims, period, window, follow-up, warranty, shift, match, game,
    rental, rentals, booking, bookings, membership, journey, flight, voyage, tour"""

# The moments after the prediction at which a record is completed.
_MOMENTS = """visit, call, inspection, trip, stay, repair, sale, event, match, game, season, audit, claim,
    incident, appointment, delivery, outage, project, course, exam, exams, interview, treatment, surgery,
    operation, loan, contract, campaign"""

# Inputs whose value builds up over the period the label measures, or is fixed only when the case
# closes: a count during the stay, the amount at close-out, codes added afterwards, months active.
_DURING = phrases("during, throughout", "the, its, their, each, a, that", _SPANS)

ACCRUED = Lexicon(
    _DURING
    + ", "
    + phrases("over, across, for, in", "the whole, the entire, the full, its whole, their whole", _SPANS)
    + ", "
    + phrases("after, following", "the, each, every, a", _MOMENTS)
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
    + phrases("during, throughout", "the, its, their, each, a, that", _SPANS, "before, prior, preceding")
    + ", "
    + phrases(
        "in the, over the", "contract year, policy year, school year, academic year, season", "before, prior"
    ),
    everyday=(
        ("final", EVALUATION_CONTEXT),  # the final holdout is the team's last check of the model
        (_DURING, SO_FAR),  # during the trip so far: what has built up until the moment of prediction
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


def _differences_said(plan: Plan) -> str:
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
    days` in both), where no input is marked as recorded later: a question."""
    data = plan.constraints.data
    if Difference.later_inputs in data.differences:
        return None  # said: the rule quotes the answer itself
    for path in ("product.inputs", "constraints.data.differences_note"):
        text = answer_at(plan, path)
        words = ACCRUED.find_all(text)
        if words and not AS_KNOWN.find(text):
            note = (
                f"built up over the period the label measures, or known at its end: {', '.join(words)}; "
                "which of these exist at the moment of prediction?"
            )
            return Hint(words, (quote(plan, path, note), _differences_said(plan)))
    inputs = plan.product.inputs
    shared = [window for window in WINDOW.find_all(inputs) if window in WINDOW.find_all(plan.product.label)]
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
                _differences_said(plan),
            ),
        )
    return None
