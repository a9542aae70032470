"""Rules on what a label really measures against the task: the time between two recorded events, which
holds whatever waits between them, and a later record taken as the truth of what an earlier step said.

A time from check-in to payment holds the queue, the waiting for a part and the customer's own delay as
well as the work; a model of it learns the waiting. A signed quote or a final invoice records what was
agreed in the end, after changes the step being modelled never saw; scored against it, the model is
counted wrong wherever the case changed later. Both are asked as questions: the team knows the answer.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, EvalTruth, LabelDated, LabelGrain, LabelWriter, Plan

# Words saying the interval leaves out the waiting, or that the waiting is what is predicted.
WAITING_SETTLED = Lexicon("""
    excluding waiting, excluding the wait, excluding queue time, excluding queueing, waiting excluded
    waiting removed, queue time removed, minus waiting, minus the wait, net of waiting, paused time removed
    active time, handling time, touch time, working time, hands-on time, time worked, time spent working
    waiting time, wait time, time waiting, time in queue, queue time, end-to-end, including waiting
    including the wait, including queue time, total elapsed, door to door, door-to-door
""")
# Words saying how often the later record differs from what the step said was counted.
DIFFERENCE_COUNTED = Lexicon("""
    compared with the original, compared against the original, compared with the draft, compared with the drafts
    compared with the first, compared against the first, matched against the original, checked against the original
    differ from the original, differed from the original, differs from the original, changed after, amended after
    only cases unchanged, unchanged cases, cases that did not change, no later changes, without later changes
""")
_INTERVAL_SAID = ("product.label", "product.output", "constraints.data.differences_note")
_RECORD_SAID = ("done.eval_set", "product.label", "by_hand.human_score_notes")


@rule(
    "label-spans-waiting",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Say what the interval holds besides the task",
        "A time between two recorded events holds whatever waits between them (a queue, a part on order, "
        "the customer's own delay): split a sample's intervals into work and waiting, and predict the part "
        "the decision needs",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.label": "Minutes from check-in to payment for each car.",
                "constraints.data.label_grain": "between_events",
            },
            evidence=(
                'constraints.data.label_grain: "between_events" (the time between two recorded events: what '
                "does it hold besides the task: waiting, queues, the customer's own delay?)",
                'product.label: "Minutes from check-in to payment for each car."',
            ),
        ),
    ),
    quiet=(
        Case(  # the interval is the handling time, waiting left out
            {
                "product.task": "regression",
                "product.label": "Handling time of each repair, from the workshop's clock-in records.",
                "constraints.data.label_grain": "between_events",
            }
        ),
        Case(
            {
                "product.task": "regression",
                "product.label": "Minutes from check-in to payment for each car.",
                "constraints.data.label_grain": "measured_each",
            }
        ),
    ),
)
def label_spans_waiting(plan: Plan) -> Evidence:
    """The label is the time between two recorded events, which holds more than the task.

    A time from check-in to payment or from opening to closing holds the queue before the work, the
    waiting for a part or an answer, and the customer's own delay: a model of it learns the waiting, and
    its error is mostly the waiting's, while the decision it serves may need only the work.

    Mitigation: Split a sample's intervals into work and waiting from the records in between; predict the
    part the decision needs, or say the whole interval is what the product must predict.
    """
    if plan.constraints.data.label_grain is not LabelGrain.between_events:
        return None
    if first_said(plan, _INTERVAL_SAID, WAITING_SETTLED) is not None:
        return None  # the team says what the interval holds: the waiting left out, or predicted on purpose
    note = "the time between two recorded events: what does it hold besides the task: waiting, queues, the customer's own delay?"
    said = quote(plan, "constraints.data.label_grain", note)
    return (said, *([quote(plan, "product.label")] if plan.product.label else []))


@rule(
    "eval-truth-later-record",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Count how often the later record differs from what the step said",
        "A record made later, when the case is closed or settled, holds what changed after the step the "
        "model does: compare a sample of later records with what the step said, and score the model on the "
        "cases that did not change, or on what the step said",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.eval_truth": "later_record",
                "done.eval_set": "2,000 quotes from 2024, the signed quote as the truth.",
            },
            evidence=(
                'done.eval_truth: "later_record" (a later record of the same case: how often does it differ '
                "from what the step the model does said, after changes that step never saw?)",
                'done.eval_set: "2,000 quotes from 2024, the signed quote as the truth."',
            ),
        ),
    ),
    quiet=(
        Case(  # the team counted the changes
            {
                "done.eval_truth": "later_record",
                "done.eval_set": "2,000 signed quotes from last year, compared with the original drafts: 4% changed "
                "after drafting and are scored apart.",
            }
        ),
        Case({"done.eval_truth": "outcomes"}),
        Case(  # a warning days ahead of a breakdown logged as it happens: the later record is the outcome
            {
                "done.eval_truth": "later_record",
                "done.eval_set": "600 pumps from 2024, labelled from the maintenance log's breakdowns.",
                "product.lead_days": 10,
                "constraints.data.label_writer": "event",
                "constraints.data.label_dated": "happened",
            }
        ),
    ),
)
def eval_truth_later_record(plan: Plan) -> Evidence:
    """The evaluation's right answers come from a later record, which may differ from what the step said.

    A signed quote, a final invoice or a closing report records what was agreed in the end: a discount
    negotiated, an item added, a figure corrected after the step the model does. Scored against it, the
    model is counted wrong wherever the case changed later, and trained on it, it learns changes it cannot
    foresee; nobody knows how much of the error is the model's.

    Mitigation: Compare a sample of later records with what the step said and count how often they differ;
    score the model on the unchanged cases, or against what the step said, and report the rest apart.
    """
    if plan.done.eval_truth is not EvalTruth.later_record or _forecasts_the_record(plan):
        return None
    if first_said(plan, _RECORD_SAID, DIFFERENCE_COUNTED) is not None:
        return None  # the team compared the later records with what the step said
    note = (
        "a later record of the same case: how often does it differ from what the step the model does said, "
        "after changes that step never saw?"
    )
    said = quote(plan, "done.eval_truth", note)
    return (said, *([quote(plan, "done.eval_set")] if plan.done.eval_set else []))


def _forecasts_the_record(plan: Plan) -> bool:
    """Whether the model warns ahead of an event (a lead time) and the later record is that event, written
    by the event itself on the day it happened: no step said anything the record could revise; what the
    team does in between is the feedback loop's and the averted outcome's matter."""
    data = plan.constraints.data
    ahead = (plan.product.lead_days or 0) > 0
    return ahead and data.label_writer is LabelWriter.event and data.label_dated is LabelDated.happened
