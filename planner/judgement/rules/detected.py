"""A label dated the day someone noticed the problem, for a product meant to warn before people notice:
the model learns what people already see, and its lead over them cannot be measured."""

from __future__ import annotations

from planner.judgement.rules.anchor import in_days, structured_lead
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.latestage import ACT_EARLY, EARLY_RECORDED, data_paths
from planner.plan.model import Category, LabelDated, Plan, TaskType

# Tasks that find or warn of a problem in each case, whose positives someone noticed.
_FINDS = frozenset({TaskType.classification, TaskType.detection, TaskType.anomaly_detection})
_GOAL_PATHS = ("product.goal", "product.decision", "product.output", "title")
_NOTICED = "the day someone noticed the problem, not the day it began"


@rule(
    "label-dated-at-detection",
    Category.data,
    likelihood=4,
    impact=4,
    ask="does each positive carry the day the problem began, or the day someone noticed it, for a product "
    "meant to warn before people notice?",
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
    ),
    quiet=(
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
    warns any earlier than they do.

    Mitigation: Recover when each problem began (the first abnormal reading, the earliest photo, the
    start of the arrears) and date the positive by it; where it cannot be recovered, count a case
    positive over a window before it was noticed, and measure the lead over people on the cases whose
    onset is known.
    """
    return noticed_for_early_warning(plan)


def noticed_for_early_warning(plan: Plan) -> Evidence:
    """Evidence of positives dated when noticed, for a finding task asked to warn ahead (a structured lead
    above 0) or, failing that, whose goal says it must act early (a question naming the words)."""
    if plan.constraints.data.label_dated is not LabelDated.recorded or plan.product.task not in _FINDS:
        return None
    if first_said(plan, data_paths(plan), EARLY_RECORDED):
        return None  # the positives are traced back to their first sign
    dated = quote(plan, "constraints.data.label_dated", _NOTICED)
    lead = structured_lead(plan)
    if lead is not None and lead.days > 0:
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
    note = f"{', '.join(words)}: the product must warn before people notice, yet its positives are dated then"
    return Hint(words, (dated, quote(plan, path, note)))
