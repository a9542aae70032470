"""Rules on who writes the outcome down, and what they saw first (`constraints.data.label_writer`).

A lead asks who records the label. The world (a payment, a failure, a reading) and a person who has seen
no estimate record what happened; a person who first sees an estimate (a rule's score, a colleague's
triage, the model's output once live) leans toward it, and a value often copied from an earlier estimate
or a default records the estimate itself. A model trained on such labels learns the estimate, and
agreement with it passes for accuracy; once live, the estimate people see is the model's, so the labels
collected for monitoring and retraining echo the model.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, handled, monitor_paths, quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.kept import ON_THE_OUTCOME, actual_outcome
from planner.judgement.rules.lexicon import MEASURE_KINDS
from planner.judgement.rules.provenance import DOUBLE_LABELLED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Cadence,
    Category,
    Circumstance,
    EvalTruth,
    LabelSource,
    LabelWriter,
    Mode,
    OnlineValidation,
    Plan,
    TaskType,
)

# Words naming an estimate a person may see before writing the outcome down: a score, a forecast, a
# suggested value.
ESTIMATE = Lexicon("""
    estimate, estimates, estimated, score, scores, risk score, rating, ratings, forecast, forecasts
    prediction, predictions, suggestion, suggestions, suggested, suggests, pre-filled, prefilled
    first guess, estimating, valuation, valuations, triage category, triage level, urgency level
""")

# Words naming a plan or a promise a recorded outcome may copy: the quote, the planned hours, a
# third party's promised date.
PLANNED = Lexicon("""
    quote, quotes, quoted, quoted hours, quoted price, planned hours, planned duration, planned date
    planned dates, promised date, promised dates, promised delivery date, committed date, committed dates
    budgeted hours, estimated hours, estimated duration, estimated date, expected date, expected dates
""")

# Words saying a share of the labels is written by someone who did not see the estimate.
BLIND_KEPT = Lexicon("""
    blind sample, blind samples, blind relabelling, blind relabeling, blind audit, blind audits
    blind review, blind reviews, blind check, blind checks, labelled blind, labeled blind, recorded blind
    graded blind, judged blind, relabelled blind, relabeled blind, blinded, without seeing the estimate
    without seeing the score, without seeing the forecast, without seeing the prediction
    without seeing the suggestion, without seeing the model's output, estimate hidden, score hidden
    blind re-inspection, blind reinspection, blind re-inspections, inspected blind, blind second reading
""")

# Words saying an evaluation set's answers were checked apart from the recorded label.
CHECKED_APART = (
    DOUBLE_LABELLED
    + BLIND_KEPT
    + Lexicon("""
    relabelled, relabeled, re-labelled, re-labeled, re-checked, rechecked, adjudicated, verified by hand
    checked by hand, hand-checked, audited, audit sample
""")
)

# Words naming a set whose answers someone wrote without the everyday label or estimate.
TRUTH_APART = Lexicon("""
    labelled without seeing, labeled without seeing, independent re-inspection, independent reinspection
    independently re-inspected, independently relabelled, independently relabeled, gold set, gold sets
    gold standard set, gold-standard set, gold subset, gold subsets, random audit, random audits
""")

# Online checks in which the people who record outcomes see the model's output (a shadow run shows none).
_SHOWN_LIVE = (
    OnlineValidation.a_b_test,
    OnlineValidation.holdout,
    OnlineValidation.canary,
    OnlineValidation.interleaving,
    OnlineValidation.before_after,
)


# Words saying the label is a person's rating of the generated output itself: to rate it they must read it.
RATES_THE_OUTPUT = Lexicon("""
    rating, ratings, rated, rates each, rate each, rater, raters, graded, grades each, grade each, grading
    thumbs up, thumbs down, marked acceptable, judged acceptable, acceptable or not, usable or not
    accepted as is, quality score, quality scores, scored by reviewers, scored by the reviewers
    rubric score, rubric scores, pass or fail
""")

_ESTIMATE_SAID = {
    "product.inputs": "an input: the model learns the estimate its label echoes",
    "product.current_solution": "today's estimate: the labels lean toward it, and a copy of it scores well",
}


def _estimate_named(plan: Plan) -> list[str]:
    """The answers naming an estimate that may be the one the recorder sees: an input, today's process,
    or the baseline a done metric is compared with."""
    found = [
        quote(plan, path, f"if {', '.join(words)} is what the recorder sees, {note}")
        for path, note in _ESTIMATE_SAID.items()
        if (words := ESTIMATE.find_all(answer_at(plan, path)))
    ]
    for index, metric in enumerate(plan.done.metrics):
        words = ESTIMATE.find_all(metric.baseline_name)
        if words:
            note = f"if {', '.join(words)} is what the recorder sees, the baseline is scored against labels "
            found.append(quote(plan, f"done.metrics[{index}].baseline_name", note + "that lean toward it"))
            break
    return found


def _live_labels_used(plan: Plan) -> list[str]:
    """The answers saying labels written once the model is live feed something: retraining, a live
    comparison in which the recorders see its output, or a monitor of its accuracy."""
    found = []
    cadence = plan.constraints.retraining.cadence
    if cadence is not None and cadence is not Cadence.never:
        note = "retrained on labels written after seeing its own output: it learns its own mistakes"
        found.append(quote(plan, "constraints.retraining.cadence", note))
    if plan.done.online_validation in _SHOWN_LIVE:
        note = "judged live on labels written after seeing its output: it looks better than it is"
        found.append(quote(plan, "done.online_validation", note))
    watched = first_said(plan, monitor_paths(plan), MEASURE_KINDS)
    if watched:
        note = "its live accuracy is read from labels that echo it"
        found.append(quote(plan, watched[0], note))
    return found


def _blind_kept(plan: Plan) -> bool:
    """Whether the plan says a share of the labels is written blind to the estimate."""
    monitors = [monitor.signal for monitor in plan.after_launch.monitoring]
    return handled(plan, BLIND_KEPT) or any(BLIND_KEPT.find(text) for text in monitors)


# Words saying a set's answers were written apart from the everyday label: a blind, double-labelled or
# gold set, or an independent re-inspection.
BLIND_SET = CHECKED_APART + TRUTH_APART


def _blind_set(plan: Plan) -> str | None:
    """The answer naming an evaluation set, audit or monitor whose answers were written apart from the
    estimate (double-labelled, blind, a gold set, checked by people): the model is judged on it."""
    if plan.done.eval_truth is EvalTruth.checked:
        return quote(plan, "done.eval_truth", "its answers are checked apart from the recorded label")
    paths = ["done.eval_set", *(f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics)))]
    paths += [
        f"after_launch.monitoring[{index}].signal" for index in range(len(plan.after_launch.monitoring))
    ]
    said = first_said(plan, paths, BLIND_SET)
    if said:
        return quote(plan, said[0], "judged on answers written apart from the estimate")
    # by_hand.double_labelled alone is not read: two people who both saw the estimate agree with it, and
    # with each other, so their agreement does not show the labels are free of it.
    return None


@rule(
    "label-echoes-estimate",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep a share of labels written blind, and record the estimate shown",
        "People who see an estimate before writing the outcome lean toward it, and once live the estimate "
        "is the model's: have a random share of cases recorded by someone who sees no estimate, store the "
        "estimate shown beside each label, and audit the cases where they disagree; judge and retrain on "
        "the blind share",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.data.label_writer": "sees_estimate", "done.eval_truth": "outcomes"},
            evidence=(
                'constraints.data.label_writer: "sees_estimate" (the person who records the outcome first sees '
                "an estimate, and the label leans toward it)",
                'constraints.retraining.cadence: "monthly" (retrained on labels written after seeing its own '
                "output: it learns its own mistakes)",
            ),
        ),
        Case(  # the model acts alone and retrains on what people record after seeing it: high
            {
                "constraints.data.label_writer": "sees_estimate",
                "product.mode": "automate",
                "product.current_solution": "A points rule gives each claim a risk score; adjusters decide.",
                "done.online_validation": "canary",
                "done.eval_truth": "outcomes",
            },
            evidence=(
                'constraints.data.label_writer: "sees_estimate" (the person who records the outcome first sees '
                "an estimate, and the label leans toward it)",
                'product.current_solution: "A points rule gives each claim a risk score; adjusters decide." (if '
                "risk score is what the recorder sees, today's estimate: the labels lean toward it, and a copy "
                "of it scores well)",
                'constraints.retraining.cadence: "monthly" (retrained on labels written after seeing its own '
                "output: it learns its own mistakes)",
                'done.online_validation: "canary" (judged live on labels written after seeing its output: it '
                "looks better than it is)",
                'product.mode: "automate"',
            ),
        ),
        Case(  # its output sets the price or setting people then record, and it is retrained: high
            {
                "constraints.data.label_writer": "sees_estimate",
                "product.circumstances": ["sets_controls"],
                "done.eval_truth": "outcomes",
            },
            evidence=(
                'constraints.data.label_writer: "sees_estimate" (the person who records the outcome first sees '
                "an estimate, and the label leans toward it)",
                'constraints.retraining.cadence: "monthly" (retrained on labels written after seeing its own '
                "output: it learns its own mistakes)",
                'product.circumstances: ["sets_controls"] (its output sets what people then record: the loop '
                "closes on itself)",
            ),
        ),
        Case(  # acts alone, but judged on a double-labelled test set: the training echo stays, medium
            {
                "constraints.data.label_writer": "sees_estimate",
                "product.mode": "automate",
                "done.eval_truth": "outcomes",
                "done.eval_set": "900 held-out claims, double-labelled by two senior adjusters.",
            },
            evidence=(
                'constraints.data.label_writer: "sees_estimate" (the person who records the outcome first sees '
                "an estimate, and the label leans toward it)",
                'constraints.retraining.cadence: "monthly" (retrained on labels written after seeing its own '
                "output: it learns its own mistakes)",
                'done.eval_set: "900 held-out claims, double-labelled by two senior adjusters." (judged on '
                "answers written apart from the estimate)",
            ),
        ),
        Case(  # never retrained and judged in shadow, where nobody sees its output: the training echo only
            {
                "constraints.data.label_writer": "sees_estimate",
                "constraints.retraining.cadence": "never",
                "done.eval_truth": "outcomes",
            },
            evidence=(
                'constraints.data.label_writer: "sees_estimate" (the person who records the outcome first sees '
                "an estimate, and the label leans toward it)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_writer": "blind"}),
        Case({"done.eval_truth": "outcomes"}),  # outcomes recorded, and the label is no copy
        Case({"constraints.data.label_writer": "event"}),
        Case(  # a blind re-inspection of a random share, checked each month
            {
                "constraints.data.label_writer": "sees_estimate",
                "after_launch.monitoring[0].signal": "Blind re-inspection of 40 random kitchens a month.",
            }
        ),
        Case(  # raters grade each generated summary: they must read the output to rate it
            {
                "constraints.data.label_writer": "sees_estimate",
                "product.task": "generation",
                "product.label": "Each summary rated 1-5 by two pharmacists against the source record.",
            }
        ),
        Case(
            {
                "constraints.data.label_writer": "sees_estimate",
                "done.eval_set": "A blind sample of 600 invoices relabelled by auditors who see no score.",
            }
        ),
    ),
)
def label_echoes_estimate(plan: Plan) -> Evidence:
    """The person who records the outcome first sees an estimate.

    Someone who writes the outcome down after seeing an estimate (a rule's score, a colleague's triage)
    leans toward it: in the training data the label partly echoes that estimate, so the model learns it,
    and agreement with it overstates accuracy, most where the estimate is also an input or the baseline.
    Once live, the estimate people see is the model's own: labels collected for monitoring and retraining
    echo the model, its live accuracy looks better than it is, and retraining learns its own mistakes.

    Mitigation: Have a random share of cases recorded by someone who sees no estimate, store the estimate
    shown beside each label, audit the cases where label and estimate disagree, and judge and retrain the
    model on the blind share.
    """
    if plan.constraints.data.label_writer is not LabelWriter.sees_estimate or _blind_kept(plan):
        return None
    if plan.product.task is TaskType.generation and RATES_THE_OUTPUT.find(plan.product.label):
        return None  # a rating of the generated output: the rater must read the output to rate it
    note = "the person who records the outcome first sees an estimate, and the label leans toward it"
    found = [quote(plan, "constraints.data.label_writer", note), *_estimate_named(plan)]
    live = _live_labels_used(plan)
    found += live
    apart = _blind_set(plan)
    if apart:  # judged on a blind set: the training labels still echo it, but the echo is measured
        return Tempered(3 if live else 2, [*found, apart])
    if live and plan.product.mode is Mode.automate:
        return (*found, quote(plan, "product.mode"))
    if live and serious_harm(plan):
        return (*found, severity_quote(plan))
    if live and Circumstance.sets_controls in plan.product.circumstances:
        note = "its output sets what people then record: the loop closes on itself"
        return (*found, quote(plan, "product.circumstances", note))
    return Tempered(3, found)


def _scored_on_copy(plan: Plan) -> str | None:
    """The done metric scored against the recorded label, when no evaluation set is checked apart."""
    if not plan.done.metrics or plan.done.eval_truth in (EvalTruth.checked, EvalTruth.outcomes):
        return None
    texts = [plan.done.eval_set, *(metric.dataset for metric in plan.done.metrics)]
    if any(CHECKED_APART.find(text) for text in texts):
        return None
    note = "scored against the recorded label: a model that learns the copy scores well"
    return quote(plan, "done.metrics[0].name", note)


@rule(
    "label-copied-from-estimate",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure how often the label is a copy, and build a checked evaluation set",
        "A label often copied from an earlier estimate or the plan (the quote, a promised date), a default "
        "or the first value typed records the estimate, not the outcome: count on a sample how often the "
        "label equals what was shown, planned or typed first, keep that estimate out of the inputs, and "
        "score the model on a set whose answers someone checked against the case",
        "warning",
        first=True,
    ),
    instead=(ON_THE_OUTCOME,),
    fires=(
        Case(
            {"constraints.data.label_writer": "copied", "done.eval_truth": None},
            evidence=(
                'constraints.data.label_writer: "copied" (the label is often a copy of an earlier estimate, a '
                "default or the first value typed: it records the estimate, not the outcome)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (scored against the recorded '
                "label: a model that learns the copy scores well)",
            ),
        ),
        Case(  # a checked evaluation set: the training data still learns the copy, medium
            {"constraints.data.label_writer": "copied"},
            evidence=(
                'constraints.data.label_writer: "copied" (the label is often a copy of an earlier estimate, a '
                "default or the first value typed: it records the estimate, not the outcome)",
            ),
        ),
        Case(  # invoiced hours copy the quote, and the quote is an input: high whatever the test set
            {
                "constraints.data.label_writer": "copied",
                "product.inputs": "Job type, boat length, the quoted hours and the season.",
            },
            evidence=(
                'constraints.data.label_writer: "copied" (the label is often a copy of an earlier estimate, a '
                "default or the first value typed: it records the estimate, not the outcome)",
                'product.inputs: "Job type, boat length, the quoted hours and the season." (if quoted hours is '
                "what the label copies, the model learns to hand back its input)",
            ),
        ),
        Case(  # the actual outcome is recorded too: the test is scored on it
            {"constraints.data.label_writer": "copied", "done.eval_truth": "outcomes"},
            evidence=(
                'constraints.data.label_writer: "copied" (the label is often a copy of an earlier estimate, a '
                "default or the first value typed: it records the estimate, not the outcome)",
                'done.eval_truth: "outcomes" (the actual outcome is recorded: train and score on it, not on the '
                "estimate or decision)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_writer": "blind"}),
        Case({"done.eval_truth": "outcomes"}),  # outcomes recorded, and the label is no copy
        Case({"constraints.data.label_writer": "sees_estimate"}),
    ),
)
def label_copied_from_estimate(plan: Plan) -> Evidence:
    """The label is often a copy of an earlier estimate, a default or the first value typed.

    Where the recorded outcome is often copied from an estimate shown earlier, a default the form
    offers, or the first value someone typed, the label records that estimate, not what happened: the
    model learns to reproduce it, and a done metric scored against the same labels rewards the copy.

    Mitigation: Measure on a sample how often the label equals the earlier estimate, default or first
    value; build an evaluation set whose answers someone checked against the case itself, and score the
    model on it.
    """
    if plan.constraints.data.label_writer is not LabelWriter.copied:
        return None
    note = "the label is often a copy of an earlier estimate, a default or the first value typed: it records "
    found = quote(plan, "constraints.data.label_writer", note + "the estimate, not the outcome")
    fed = _copy_is_input(plan)
    scored = _scored_on_copy(plan)
    evidence = tuple(item for item in (found, fed, scored, actual_outcome(plan)) if item)
    return evidence if fed or scored else Tempered(3, evidence)


def _copy_is_input(plan: Plan) -> str | None:
    """The inputs, when they name an estimate or a plan the label may copy: the model then learns to
    hand its own input back, and no evaluation set makes that a model of the outcome."""
    words = (ESTIMATE + PLANNED).find_all(plan.product.inputs)
    if not words:
        return None
    note = f"if {', '.join(words)} is what the label copies, the model learns to hand back its input"
    return quote(plan, "product.inputs", note)


def _people_label(plan: Plan) -> str | None:
    """The answer saying people write the labels: labelled by hand, the old process's decisions, or a
    measured agreement between labellers."""
    if LabelSource.manual in plan.constraints.data.labels:
        return quote(plan, "constraints.data.labels", "people write the labels")
    if Circumstance.labels_are_decisions in plan.product.circumstances:
        return quote(plan, "product.circumstances", "people's decisions are the labels")
    if isinstance(plan.by_hand.label_agreement, float):  # a figure: two people labelled the same cases
        return quote(plan, "by_hand.label_agreement", "people write the labels")
    return None


@rule(
    "label-writer-unknown",
    Category.data,
    likelihood=2,
    impact=3,
    move=Move(
        "Find out who writes the label down, and what they see first",
        "Watch a few cases being recorded: whether the person sees an estimate, a default or a colleague's "
        "call before writing the outcome decides whether the label records the outcome or the estimate",
    ),
    fires=(
        Case(
            {"constraints.data.label_writer": "not_known", "constraints.data.labels": ["manual"]},
            evidence=(
                'constraints.data.label_writer: "not_known"',
                'constraints.data.labels: ["manual"] (people write the labels)',
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_writer": "not_known", "by_hand.label_agreement": None}),
        Case({"constraints.data.label_writer": "event"}),
    ),
)
def label_writer_unknown(plan: Plan) -> Evidence:
    """Nobody knows whether the people who write the label saw an estimate first.

    People write the labels, and the team does not know whether they first see an estimate, a default
    or a colleague's call: if they do, the label leans toward it, and the model learns the estimate.

    Mitigation: Watch a few cases being recorded and ask the people who record them what they see
    first; if it is an estimate, keep a share of cases recorded blind.
    """
    if plan.constraints.data.label_writer is not LabelWriter.not_known:
        return None
    people = _people_label(plan)
    return (quote(plan, "constraints.data.label_writer"), people) if people else None
