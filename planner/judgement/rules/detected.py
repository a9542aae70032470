"""A label dated the day someone noticed the problem, for a product meant to warn before people notice:
the model learns what people already see, and its lead over them cannot be measured."""

from __future__ import annotations

from planner.judgement.rules.anchor import in_days, structured_lead
from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.latestage import ACT_EARLY, EARLY_RECORDED, data_paths
from planner.plan.model import Category, LabelDated, LabelSource, Plan, TaskType

# Tasks that find or warn of a problem in each case, whose positives someone noticed.
_FINDS = frozenset(
    {TaskType.classification, TaskType.detection, TaskType.anomaly_detection, TaskType.segmentation}
)
_GOAL_PATHS = ("product.goal", "product.decision", "product.output", "title")
_NOTICED = "the day someone noticed the problem, not the day it began"
# Labels people mark by looking at the case: what they mark is what they can already see.
_MARKED_BY_EYE = frozenset({LabelSource.manual, LabelSource.vendor})
_UNDATED = (None, LabelDated.not_checked)


@rule(
    "label-dated-at-detection",
    Category.data,
    likelihood=4,
    impact=4,
    ask="is each positive dated, or marked, where people already saw the problem, or traced back to when it "
    "began, for a product meant to warn before people notice?",
    move=Move(
        "Date each positive by when the problem began, or label a window that looks back",
        "A positive dated the day someone noticed it teaches the model to notice what people already "
        "notice, and its lead over them cannot be measured: recover when each problem began (the first "
        "abnormal reading, the earliest photo, the start of the arrears), or count a case positive over "
        "the days before it was noticed; then measure the lead over people on the cases with a known onset",
        "warning",
    ),
    fires=(
        Case(  # a warning 14 days ahead, trained on faults dated the day the crew found them
            {
                "product.task": "classification",
                "product.lead_days": 14,
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 0,
            },
            evidence=(
                'constraints.data.label_dated: "recorded" (the day someone noticed the problem, not the day it '
                "began)",
                "product.lead_days: 14 (a warning 14 days ahead is counted from the day people noticed: the "
                "model learns what they already see, and its lead over them cannot be measured)",
            ),
        ),
        Case(  # no lead answered, but the goal says it must act early: a question
            {
                "product.task": "anomaly_detection",
                "product.goal": "Early warning of pump failures, before the fault shows.",
                "product.lead_days": None,
                "constraints.data.label_dated": "recorded",
            },
        ),
        Case(  # a warning 10 days ahead, positives marked by people on the images, their date never asked
            {
                "product.task": "detection",
                "product.lead_days": 10,
                "constraints.data.labels": ["manual"],
                "constraints.data.label_dated": None,
            },
            evidence=(
                'constraints.data.labels: ["manual"] (people mark each positive where they can already see '
                "it; constraints.data.label_dated: not answered: are positives traced back to the first "
                "image or reading where the problem was there?)",
                "product.lead_days: 10 (a warning 10 days ahead, taught by marks on what people already see: "
                "the model learns to see what they see, and no test measures how long before them it warns)",
            ),
        ),
        Case(  # no lead answered, a goal that promises earlier than people see: a question naming the words
            {
                "product.task": "classification",
                "product.goal": "Find rot in stored potatoes before the eye can see it.",
                "product.lead_days": None,
                "constraints.data.labels": ["manual"],
                "constraints.data.label_dated": None,
            },
        ),
    ),
    quiet=(
        Case(  # marked by eye, decided on the spot: nothing earlier is asked of it
            {
                "product.task": "detection",
                "product.lead_days": 0,
                "product.goal": "Box the dents on each panel photo before it leaves the line.",
                "constraints.data.labels": ["manual"],
                "constraints.data.label_dated": None,
            }
        ),
        Case(  # marked by eye, then traced back to the earliest image where the rot was there
            {
                "product.task": "classification",
                "product.lead_days": 10,
                "constraints.data.labels": ["manual"],
                "constraints.data.label_dated": None,
                "product.label": "Rot marked on the photos, each traced back to the earliest photo of the crate.",
            }
        ),
        Case(  # outcomes from the records, date unanswered: label-dated-when-recorded's question, not this
            {
                "product.task": "classification",
                "product.lead_days": 10,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.label_dated": None,
            }
        ),
        Case(  # dated the day it began
            {
                "product.task": "classification",
                "product.lead_days": 14,
                "constraints.data.label_dated": "happened",
            }
        ),
        Case(  # found on the spot, no earlier warning asked for
            {
                "product.task": "classification",
                "product.lead_days": 0,
                "product.goal": "Sort returned parcels by fault.",
                "constraints.data.label_dated": "recorded",
            }
        ),
        Case(  # a forecast of counts: label-dated-when-recorded weighs the recording delay
            {
                "product.task": "forecasting",
                "product.lead_days": 14,
                "constraints.data.label_dated": "recorded",
            }
        ),
        Case(  # positives traced back to their first sign
            {
                "product.task": "classification",
                "product.lead_days": 14,
                "constraints.data.label_dated": "recorded",
                "product.label": "Pump faults, each traced back to the first abnormal reading.",
            }
        ),
    ),
)
def label_dated_at_detection(plan: Plan) -> Evidence:
    """The label carries the day someone noticed the problem, for a product meant to warn earlier.

    Faults logged when the crew finds them, arrears when the letter goes out, disease when the vet sees
    it: each positive is dated when people noticed, later than the problem began by an unknown time. A
    model meant to warn before people notice then learns to recognise what they already recognise, the
    lead it is asked for is counted from their noticing, and no test on these labels can show it
    warns any earlier than they do. Positives people mark by eye on the images or readings (a patch boxed,
    a fault flagged), with no date asked of them, are marked where the problem was already there to see.

    Mitigation: Recover when each problem began (the first abnormal reading, the earliest photo, the
    start of the arrears) and date the positive by it; where it cannot be recovered, count a case
    positive over a window before it was noticed, and measure the lead over people on the cases whose
    onset is known.
    """
    return noticed_for_early_warning(plan)


def noticed_for_early_warning(plan: Plan) -> Evidence:
    """Evidence of positives dated when noticed, for a finding task asked to warn ahead (a structured lead
    above 0) or, failing that, whose goal says it must act early (a question naming the words). Positives
    people mark by eye, their date unanswered, are marked where people could already see them: a medium
    risk where the lead is answered, a question where only words promise it."""
    data = plan.constraints.data
    by_eye = data.label_dated in _UNDATED and bool(_MARKED_BY_EYE.intersection(data.labels))
    if plan.product.task not in _FINDS or not (data.label_dated is LabelDated.recorded or by_eye):
        return None
    if first_said(plan, data_paths(plan), EARLY_RECORDED):
        return None  # the positives are traced back to their first sign
    dated = _marked_by_eye(plan) if by_eye else quote(plan, "constraints.data.label_dated", _NOTICED)
    lead = structured_lead(plan)
    if lead is not None and lead.days > 0:
        if by_eye:
            note = (
                f"a warning {in_days(lead.days)} ahead, taught by marks on what people already see: the model "
                "learns to see what they see, and no test measures how long before them it warns"
            )
            return Tempered(3, (dated, quote(plan, lead.path, note)))
        note = (
            f"a warning {in_days(lead.days)} ahead is counted from the day people noticed: the model learns "
            "what they already see, and its lead over them cannot be measured"
        )
        return (dated, quote(plan, lead.path, note))
    if plan.product.lead_days is not None:
        return None  # decided on the spot: no earlier warning is asked of it
    early = first_said(plan, _GOAL_PATHS, ACT_EARLY)
    if early is None:
        return None
    path, words = early
    seen = "marked where people already see the problem" if by_eye else "dated then"
    note = f"{', '.join(words)}: the product must warn before people notice, yet its positives are {seen}"
    return Hint(words, (dated, quote(plan, path, note)))


def _marked_by_eye(plan: Plan) -> str:
    """The labels' source, marked by people looking at the case, with the date nobody answered."""
    undated = plan.constraints.data.label_dated or "not answered"
    note = (
        f"people mark each positive where they can already see it; constraints.data.label_dated: {undated}: "
        "are positives traced back to the first image or reading where the problem was there?"
    )
    return quote(plan, "constraints.data.labels", note)
