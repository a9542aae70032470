"""Rules on what acting on the predictions changes and needs: a model that chooses which cases are acted
on (and so which get an outcome), read from the decision whatever the outcome answer says."""

from __future__ import annotations

from planner.judgement.rules import data, evaluation
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lexicon import AT_RANDOM, _phrases
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, OutcomeRecorded, Plan

# A decision in which the model chooses which cases are acted on: the top share, a shortlist, the cases
# to inspect or drop. Acting on all of them (`inspect every pallet`) chooses nothing.
SELECTS = Lexicon(
    """
    top #, bottom #, top ten, top twenty, top fifty, top hundred
    highest-risk, highest risk, highest-scoring, highest scoring, lowest-scoring, lowest scoring, riskiest
    shortlist, shortlists, shortlisted, shortlisting, short-list, short-lists, short-listed
    choose, chooses, chose, choosing, select, selects, selecting
    pick, picks, picked, drop, drops, dropped, dropping, discard, discards, discarded
    skip, skips, skipped
    inspect, inspects, inspected, inspection, inspections
    audit, audits, audited, investigate, investigates, investigated
    """,
    unless="pick up, picks up, picked up, pick list, pick lists, drop in, drops in, drop-off, audit trail, "
    "audit trails, audit log, audit logs, "
    + _phrases(
        "inspect, inspects, audit, audits, investigate, investigates, check, checks, review, reviews",
        "all, every, each",
    ),
)

_KEEP_A_SHARE_UNCHOSEN = Move(
    "Keep a random share of cases the model does not choose, and evaluate on it",
    "Once the model picks which cases are inspected, shortlisted or treated, the cases it passes over "
    "stop getting an outcome (or get another one): it learns from its own choices and cannot see its "
    "misses; a small random share acted on whatever the score, logged, gives labels nobody picked",
    "warning",
)


@rule(
    "model-selects-cases",
    Category.model,
    likelihood=3,
    impact=4,
    move=_KEEP_A_SHARE_UNCHOSEN,
    ask="once the model chooses which cases are acted on, will the cases it passes over still get an "
    "outcome?",
    fires=(
        Case(
            {"product.decision": "Clerks check the top 50 invoices the model scores each day."},
            evidence=(
                'product.decision: "Clerks check the top 50 invoices the model scores each day." (the model '
                "chooses which cases are acted on: top 50)",
                'constraints.data.outcome_recorded_for: "every_case" (today; once the model chooses, do the '
                "cases it passes over still get an outcome, and does acting change it?)",
            ),
        ),
        Case(  # no outcome answer at all
            {
                "product.decision": "The auditors inspect the riskiest suppliers the model shortlists.",
                "constraints.data.outcome_recorded_for": None,
                "constraints.data.model_decides_labels": None,
            },
            evidence=(
                'product.decision: "The auditors inspect the riskiest suppliers the model shortlists." (the '
                "model chooses which cases are acted on: inspect, riskiest, shortlists)",
                "constraints.data.outcome_recorded_for: not answered (once the model chooses, do the cases "
                "it passes over still get an outcome?)",
            ),
        ),
    ),
    quiet=(
        Case(  # a random share keeps labels nobody chose
            {
                "product.decision": "Clerks check the top 50 invoices the model scores each day.",
                "constraints.data.exploration_share": 0.05,
            }
        ),
        Case(  # every case is acted on; the model only orders the queue
            {"product.decision": "Clerks check every invoice; the model puts likely duplicates first."}
        ),
        Case(  # the chosen cases only: selective-labels reasons from that answer
            {
                "product.decision": "Clerks check the top 50 invoices the model scores each day.",
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
        Case(
            {"product.decision": "Clerks check the top 50 invoices, and a random 20 more each day."},
        ),
    ),
)
def model_selects_cases(plan: Plan) -> Evidence:
    """The model will choose which cases are acted on, and so which get an outcome.

    A decision that acts on the model's top share (inspect, shortlist, audit, drop the rest) decides
    which cases are ever checked; even when every case has an outcome today, the cases it passes over
    stop getting one, or get a different one, and the next model learns from the first one's choices.

    Mitigation: Keep a small random share acted on whatever the score (an exploration or holdout
    group), log it, and evaluate and retrain on it; read offline scores as a bound until it exists.
    """
    constraints = plan.constraints.data
    if (constraints.exploration_share or 0) > 0 or AT_RANDOM.find(plan.product.decision):
        return None
    recorded = constraints.outcome_recorded_for
    if recorded in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    words = SELECTS.find_all(plan.product.decision)
    if not words or any(
        check(plan)
        for check in (data.feedback_loop, data.decision_hides_outcome, evaluation.selective_labels)
    ):
        return None  # nothing chosen, or a rule that reads the answers says it already
    chosen = quote(
        plan, "product.decision", f"the model chooses which cases are acted on: {', '.join(words)}"
    )
    if recorded is None:
        said = (
            "constraints.data.outcome_recorded_for: not answered (once the model chooses, do the cases it "
            "passes over still get an outcome?)"
        )
    else:
        said = quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "today; once the model chooses, do the cases it passes over still get an outcome, and does "
            "acting change it?",
        )
    return Hint(words, (chosen, said))
