"""Rules on where the outcome is kept: in another team's spreadsheet, a paper file or a partner's system,
outside the data the model is built from.

An outcome kept apart from the cases (a collections team's spreadsheet of defaults, a paper logbook of
repairs, a partner's own system) must be copied, matched to each case by an id both sides hold, and
dated, before a single label exists: the label pipeline is work of its own, owned by someone else, and
until it runs there is nothing to train on, judge against or monitor. Matching by hand loses the cases
that do not match, and they are rarely a random few.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Category,
    Circumstance,
    EvalTruth,
    LabelSource,
    LabelWriter,
    OutcomeLimit,
    OutcomeRecorded,
    Plan,
)

# Words saying a record is kept apart from the systems the model's data comes from.
KEPT_ELSEWHERE = Lexicon("""
    spreadsheet, spreadsheets, excel sheet, excel sheets, excel file, excel files, google sheet, google sheets
    shared drive, shared folder, on paper, paper file, paper files, paper form, paper forms, paper record
    paper records, paper log, paper logs, paper logbook, logbook, logbooks, log book, log books, handwritten
    another team, other team, another department, other department, separate team, separate system
    separate database, partner system, partner systems, partners systems, their own system, their own systems
    their own spreadsheet, their own records, their own database, their own tool, not in our systems
    outside our systems, not linked, not joined, no common id, no shared id, no shared key, sent by email
    emailed to us, emailed each month, by email each month
""")
# Words saying the outcome already reaches the data: joined, loaded, synced, a feed that runs.
ALREADY_JOINED = Lexicon("""
    already joined, joined to, joined with, joined on, joined by, linked to, linked by, linked on
    matched to, matched by, matched on, imported into, imported nightly, imported daily, imported weekly
    loaded into, loaded nightly, loaded daily, loaded weekly, synced, synchronised, synchronized, feeds into
    fed into, in the warehouse, in our warehouse, in the data warehouse, in the data lake, existing pipeline
    automated export, automatic export, nightly export, daily export, via an api, through an api
    keyed by, keyed on, keyed to, indexed by, by the same id, with the same id, under the same id
""")
# Words of a data source that holds outcomes, not inputs.
OUTCOME_HELD = Lexicon("""
    outcome, outcomes, label, labels, result, results, resolution, resolutions, verdict, verdicts
    default, defaults, repaid, returns, cancellations, complaints upheld, findings, follow-up, follow-ups
""")
_LABEL = "Whether the loan defaulted within 12 months; collections keep defaults in their own spreadsheet."


def _kept_elsewhere(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer saying the outcome is kept apart from the model's data, and its words; None where the
    same answer says it already reaches the data."""
    sources = source_paths(plan)
    paths = ["product.label", "constraints.data.last_input"]
    paths += [path for path in sources if OUTCOME_HELD.find(answer_at(plan, path))]
    # Joined anywhere the data is described (a source, the label, the test set): it already reaches the cases.
    described = [*paths, *sources, "done.eval_set"]
    if any(ALREADY_JOINED.find(answer_at(plan, path)) for path in described):
        return None
    for path in paths:
        words = KEPT_ELSEWHERE.find_all(answer_at(plan, path))
        if words:
            return path, words
    return None


@rule(
    "outcome-kept-elsewhere",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Build the outcome's way into the data before the model",
        "The outcome is kept apart from the cases: agree with its keeper how it reaches the data, matched "
        "to each case by an id both sides hold and dated when it happened, backfill the history, and count "
        "the cases that do not match; until it flows there is nothing to train, judge or monitor on",
        "warning",
    ),
    ask="the outcome is kept outside the model's data: who joins it to each case, by which id, and from when?",
    fires=(
        Case(
            {"product.label": _LABEL},
            evidence=(
                'product.label: "Whether the loan defaulted within 12 months; collections keep defau..." '
                "(the outcome is kept apart from the model's data: their own spreadsheet)",
                'constraints.data.labels: ["existing"]',
            ),
        ),
        Case(  # a source of outcomes kept on paper
            {
                "constraints.data.labels": ["outcomes"],
                "constraints.data.sources": [
                    {"name": "Work-order database"},
                    {"name": "Repair results in the depot's paper logbook"},
                ],
            },
            evidence=(
                'constraints.data.sources[1].name: "Repair results in the depot\'s paper logbook" (the outcome '
                "is kept apart from the model's data: paper logbook)",
                'constraints.data.labels: ["outcomes"]',
            ),
        ),
    ),
    quiet=(
        Case({"product.label": "Whether the loan defaulted within 12 months, from the loan ledger."}),
        Case(  # kept by another team, but already loaded into the warehouse
            {
                "product.label": "Defaults from the collections team's spreadsheet, loaded nightly into the "
                "warehouse and joined on the loan id."
            }
        ),
        Case(  # a logbook of outcomes, already typed up and matched to the cases in another answer
            {
                "product.label": "Boarding time from the pilots' logbook.",
                "constraints.data.sources": [
                    {"name": "Pilot logbook entries typed up daily and matched to 27,000 arrivals"}
                ],
            }
        ),
        Case(  # a spreadsheet of outcomes, keyed by the id each case already carries: one join
            {
                "product.label": "Damage grade per parcel from the surveyors' spreadsheet.",
                "constraints.data.sources": [{"name": "Surveyors' spreadsheet keyed by parcel ID"}],
            }
        ),
        Case(  # a spreadsheet of inputs, not of outcomes
            {"constraints.data.sources": [{"name": "Store managers' spreadsheets of planned promotions"}]}
        ),
    ),
)
def outcome_kept_elsewhere(plan: Plan) -> Evidence:
    """The outcome is kept outside the data the model is built from.

    The outcome lives in another team's spreadsheet, a paper file or a partner's system: before one
    label exists it must be copied, matched to each case by an id both sides hold, and dated. That label
    pipeline is work of its own, owned by someone else, and until it runs there is nothing to train on,
    judge against or monitor; matching by hand drops the cases that do not match, rarely a random few.

    Mitigation: Agree with the outcome's keeper how it reaches the data (an export or feed, an id both
    sides hold, the date it happened), backfill the history, count and inspect the cases that do not
    match, and plan the feed's upkeep for monitoring after launch.
    """
    found = _kept_elsewhere(plan)
    if found is None:
        return None
    path, words = found
    held = quote(plan, path, f"the outcome is kept apart from the model's data: {', '.join(words)}")
    labels = plan.constraints.data.labels
    source = (
        quote(plan, "constraints.data.labels")
        if labels
        else "constraints.data.labels: not answered (no answer says how the outcome reaches the cases)"
    )
    return Hint(words, (held, source))


def actual_outcome(plan: Plan) -> str | None:
    """The answer saying the actual outcome is recorded somewhere, beside a label that copies an estimate
    or records the old decision: the test is scored on outcomes, outcomes are a label source, or the
    outcome is kept in another team's record or on paper."""
    data = plan.constraints.data
    if data.label_writer is not LabelWriter.copied and not ticked(plan, Circumstance.labels_are_decisions):
        return None  # the label is not an estimate's copy nor the old decision
    if outcome_follows_decision(plan):
        return None  # the outcome exists where the old decision acted: no independent label to switch to
    note = "the actual outcome is recorded: train and score on it, not on the estimate or decision"
    if data.outcome_recorded_for is None:  # recorded for every case, or only where the old process acted?
        note += ", if it is recorded for every case and not only those the old decision acted on"
    if plan.done.eval_truth is EvalTruth.outcomes:
        return quote(plan, "done.eval_truth", note)
    if LabelSource.outcomes in data.labels:
        return quote(plan, "constraints.data.labels", note)
    kept = _kept_elsewhere(plan)
    return quote(plan, kept[0], f"{note} ({', '.join(kept[1])})") if kept else None


def outcome_follows_decision(plan: Plan) -> str | None:
    """The answer saying the recorded outcome follows the old decision: recorded only for the cases it chose
    (shown, checked, treated) or changed by acting on it, or a default filled in where nobody looked."""
    data = plan.constraints.data
    if data.outcome_recorded_for in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        note = "the outcome follows the old decision: it exists or changes only where that decision acted"
        return quote(plan, "constraints.data.outcome_recorded_for", note)
    if OutcomeLimit.default_filled in data.outcome_limits:
        note = "cases nobody looked at get a default: the outcome records where the old process looked"
        return quote(plan, "constraints.data.outcome_limits", note)
    return None


# A label copied from an estimate, or the old decisions, while the actual outcome is recorded elsewhere.
ON_THE_OUTCOME = Instead(
    lambda plan: actual_outcome(plan) is not None,
    Move(
        "Train and score on the actual outcome, not the estimate or decision",
        "The label copies an estimate or records the old decision, yet the actual outcome is recorded "
        "(later, on paper or in another system) for every case, whatever was decided: join it to each case "
        "and make it the label for training "
        "and for the done metric; keep the estimate or decision as the baseline to beat, out of the inputs",
        "warning",
    ),
    "Join the recorded actual outcome to each case by an id both sides hold, make it the label for training "
    "and for the done metric, count how often it differs from the estimate or decision (and in which "
    "direction), and keep the estimate out of the inputs as the baseline to beat.",
)
