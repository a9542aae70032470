"""Rules on what one label hides: causes that call for different actions, and the person who gave it.

A "failure" that is a withdrawal for health or for behaviour, a "return" for fit or for a fault: one label
for both teaches a model the commoner cause, and the action taken on a flag fits only one of them. Labels
several people gave carry each person's habits: where nobody measured how often they agree, and the data
says who labelled each case, a model can learn the rater (a period, a site, a shift) instead of the case.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import agreement_unknown, label_agreement, quote
from planner.plan.model import (
    Acquisition,
    Category,
    DoneTodayBy,
    EvalTruth,
    LabelSource,
    LabelWriter,
    Mode,
    Plan,
    SourceClasses,
    TaskType,
)

# Tasks whose flag sends a person to look at what was found: the look diagnoses the cause.
_LOOKED_AT = (TaskType.detection, TaskType.anomaly_detection)
# Labels people make for the project: label-agreement-unknown asks them to double-label first.
_MADE_FOR_IT = (LabelSource.manual, LabelSource.vendor)
# The truth of an evaluation that nobody judges: what happened, or a later record of the same case.
_RECORDED_TRUTH = (EvalTruth.outcomes, EvalTruth.later_record)


def single_rater_scored(plan: Plan) -> bool:
    """Whether one person's error is measured: the people who do the task today were scored on the primary
    done metric itself, against truth checked apart, so how often one labeller is wrong is known."""
    by_hand = plan.by_hand
    return (
        isinstance(by_hand.human_score, float | int)
        and by_hand.human_score_same_measure is True
        and by_hand.done_today_by in (DoneTodayBy.our_experts, DoneTodayBy.other_staff)
        and plan.done.eval_truth is EvalTruth.checked
    )


_ONE_CLASS = (SourceClasses.positives, SourceClasses.negatives)


def measured_or_made(plan: Plan) -> bool:
    """Whether no label is a person's judgement, as answered: the truth is a measurement (a lab test, an
    instrument), the records kept are its results, nobody is counted as a rater, and the labels made by
    hand come from the team's own source of one class (samples spiked or parts flawed on purpose), known by
    how they were made."""
    data = plan.constraints.data
    if (
        plan.done.eval_truth is not EvalTruth.measured
        or plan.by_hand.raters
        or LabelSource.vendor in data.labels
    ):
        return False
    return any(
        source.classes in _ONE_CLASS and source.acquisition is Acquisition.own for source in data.sources
    )


def recorded_not_judged(plan: Plan) -> str | None:
    """Where the labels are records nobody judges, the answer saying so: the world writes them (a payment,
    a failure, a reading), or they are outcomes or records already kept and the evaluation's truth is
    what happened or a later record of the case. Two raters' agreement then measures nothing."""
    data = plan.constraints.data
    if data.label_writer is LabelWriter.event:
        return "constraints.data.label_writer"
    records = {LabelSource.outcomes, LabelSource.existing} & set(data.labels)
    return "done.eval_truth" if records and plan.done.eval_truth in _RECORDED_TRUTH else None


@rule(
    "outcome-lumps-causes",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Model the outcome's causes apart, or check the action fits every cause",
        "The label joins causes that different actions would address: a model learns the commoner one and "
        "flags cases the action does not help; label the cause where the records allow, or check with whoever "
        "acts that one action serves every cause",
        "warning",
    ),
    fires=(
        Case(
            {"by_hand.outcome_causes": ["ill health", "behaviour"]},
            evidence=(
                'by_hand.outcome_causes: ["ill health", "behaviour"] (one label, causes that call for '
                "different actions)",
            ),
        ),
        Case(  # an alert a person checks: the check finds the cause, a low note
            {
                "by_hand.outcome_causes": ["worn bearing", "loose belt"],
                "product.task": "detection",
                "product.mode": "augment",
            }
        ),
    ),
    quiet=(
        Case({"by_hand.outcome_causes": "none"}),
        Case({"by_hand.outcome_causes": ["wrong size"]}),
    ),
)
def outcome_lumps_causes(plan: Plan) -> Evidence:
    """One label joins causes that call for different actions.

    A withdrawal for health or for behaviour, a return for fit or for a fault: the model scores the mix,
    learns mostly the commoner cause, and the action on a flag (a support plan, a size guide) fits only
    the cases of one cause, so its effect is diluted and its misses hidden.

    Mitigation: Record the cause of each case and model the causes apart (or as several classes); where
    the records cannot, check with whoever acts that one action serves every cause, and report the score
    per cause on a hand-labelled sample.
    """
    causes = plan.by_hand.causes()
    if len(causes) < 2:
        return None
    found = (quote(plan, "by_hand.outcome_causes", "one label, causes that call for different actions"),)
    if plan.product.task in _LOOKED_AT and plan.product.mode is Mode.augment:
        # the flag's action is a person's look, which finds the cause: one action serves every cause;
        # a note to report the catch per cause
        note = "an alert a person checks: the check finds the cause, so one action serves every cause"
        return Tempered(1, (*found, quote(plan, "product.task", note)))
    return found


_UNRECORDED = Instead(
    lambda plan: plan.by_hand.rater_recorded is False,
    Move(
        "Record who labelled each case, then measure agreement on a double-rated sample",
        "Several people gave the labels and the data does not say who: nobody can tell one person's habits "
        "from the case, nor split the test by rater; record the rater from now on, and have two of them "
        "label the same sample",
        "warning",
    ),
    "Record who labelled each case from now on; have two raters label the same few hundred cases to "
    "measure agreement; keep the rater out of the inputs.",
)


@rule(
    "rater-hidden-input",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure agreement on a double-rated sample; keep the rater out of the inputs",
        "Several people gave the labels and nobody measured how often they agree: each one's habits are in "
        "the labels, and anything that tracks the rater (a period, a site, a shift) lets the model learn the "
        "rater instead of the case; split the test by rater or rater period to see it",
        "warning",
    ),
    fires=(
        Case(
            {"by_hand.raters": 12, "by_hand.rater_recorded": True, "by_hand.label_agreement": None},
            evidence=(
                "by_hand.raters: 12 (several people gave the labels)",
                "by_hand.label_agreement: not answered (how often do two of them agree?)",
            ),
        ),
    ),
    quiet=(
        Case({"by_hand.raters": 12}),  # the agreement is measured
        Case({"by_hand.raters": 12, "by_hand.label_agreement": None, "constraints.data.labels": ["manual"]}),
        Case({"by_hand.raters": 1, "by_hand.label_agreement": None}),
        Case(  # the clerks key in the payments the ledger records: nobody judges the label
            {
                "by_hand.raters": 6,
                "by_hand.label_agreement": None,
                "constraints.data.labels": ["existing"],
                "constraints.data.label_writer": "event",
            }
        ),
        Case(  # recorded outcomes, and the evaluation's truth is what happened
            {
                "by_hand.raters": 6,
                "by_hand.label_agreement": None,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.label_writer": None,
                "done.eval_truth": "outcomes",
            }
        ),
    ),
    instead=(_UNRECORDED,),
)
def rater_hidden_input(plan: Plan) -> Evidence:
    """Several people gave the labels, and nobody measured how often they agree.

    Each rater has their own threshold and habits, which the labels carry: the model learns them, and
    where an input tracks the rater (the period they covered, their site or shift) it learns the rater
    instead of the case, a gain that vanishes when the staff change.

    Mitigation: Have two raters label the same few hundred cases and measure agreement; keep the rater
    and what stands in for them out of the inputs; split the test by rater or by rater period.
    """
    raters = plan.by_hand.raters
    if raters is None or raters < 2 or label_agreement(plan) is not None:
        return None
    if any(source in plan.constraints.data.labels for source in _MADE_FOR_IT):
        return None  # labels made for the project: label-agreement-unknown asks for the double-labelling
    if recorded_not_judged(plan):
        return None  # a ledger's or the world's record: the people who key it in do not judge it
    evidence = [quote(plan, "by_hand.raters", "several people gave the labels")]
    if plan.by_hand.rater_recorded is False:
        evidence.append(
            quote(plan, "by_hand.rater_recorded", "nobody can tell one rater's cases from another's")
        )
    evidence.append(agreement_unknown(plan, "how often do two of them agree?"))
    return tuple(evidence)
