"""A label dated the day someone recorded it, not the day it happened, against how far ahead the model
predicts: the shift in days beside the lead, the arithmetic shown."""

from __future__ import annotations

from planner.judgement.rules.anchor import decision_lead, in_days
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.detected import noticed_for_early_warning
from planner.plan.model import Category, LabelDated, Plan, Split, TaskType

_DATED = "constraints.data.label_dated: recorded (each label carries the day someone recorded it, not the day it happened)"


@rule(
    "label-dated-when-recorded",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Date each label by the day it happened, not the day it was typed in",
        "Outcomes recorded on a weekly round or from a backlog move by days: recover the event's own date "
        "(a timestamp, a form's field, the source system), or predict and score at the grain the recording "
        "keeps (weeks, not days)",
        "warning",
    ),
    fires=(
        Case(  # a weekly round: up to 6 days late, for a forecast made 2 days ahead
            {
                "product.task": "forecasting",
                "product.lead_days": 2,
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 6,
                "constraints.data.last_input_days": None,
            },
            evidence=(
                _DATED,
                "constraints.data.label_recorded_after_days: 6 (each outcome is dated up to 6 days after it "
                "happened, against a prediction made 2 days ahead: the shift is 3 times the lead, so the model "
                "learns the recording round and is scored against the wrong days)",
            ),
        ),
        Case(  # the shift is not measured: a question of how many days
            {
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": "not measured",
            },
        ),
        Case(  # the shift is shorter than the lead: still a label moved by days, a lower likelihood
            {
                "product.task": "regression",
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 3,
                "product.lead_days": 30,
            },
        ),
    ),
    quiet=(
        Case({"constraints.data.label_dated": "happened"}),
        Case({"constraints.data.label_dated": "undated"}),
        Case(  # no forecast, no lead, a random split: the label's date plays no part
            {
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 6,
                "done.split": "random",
                "product.lead_days": 0,
            }
        ),
        Case(  # a warning ahead of faults dated when noticed: label-dated-at-detection says it
            {
                "product.task": "classification",
                "product.lead_days": 14,
                "constraints.data.label_dated": "recorded",
                "constraints.data.label_recorded_after_days": 6,
            }
        ),
        Case(  # recorded on the day it happens
            {"constraints.data.label_dated": "recorded", "constraints.data.label_recorded_after_days": 0}
        ),
    ),
)
def label_dated_when_recorded(plan: Plan) -> Evidence:
    """The label carries the day someone recorded it, not the day it happened.

    Outcomes typed in on a weekly round, from a backlog or in a batch carry the day of typing: each moves
    by up to the recording's delay. A model learns when staff record rather than when the event happens;
    a forecast of the day, or a label counted within a window, is scored against the wrong days.

    Mitigation: Recover the event's own date (a timestamp, a field of the form, the source system) and
    date every label by it; where it cannot be recovered, predict and score at the grain the recording
    keeps (weeks, not days), and say so in the done criteria.
    """
    data = plan.constraints.data
    if data.label_dated is not LabelDated.recorded:
        return None
    shift = data.label_recorded_after_days
    if shift == 0 or not _date_matters(plan):
        return None
    if noticed_for_early_warning(plan) is not None:
        return None  # label-dated-at-detection: dated when noticed, for a warning meant to come earlier
    if not isinstance(shift, (int, float)):
        note = "not measured: how many days late is each label dated, against how far ahead it predicts?"
        return Tempered(
            3, (_DATED, f"constraints.data.label_recorded_after_days: {shift or 'not answered'} ({note})")
        )
    lead = decision_lead(plan)
    ahead = lead.days if lead is not None else 0.0
    against = f"a prediction made {in_days(ahead)} ahead" if ahead else "a prediction made on the day"
    times = f"the shift is {shift / ahead:.3g} times the lead" if ahead else "the whole shift is error"
    note = (
        f"each outcome is dated up to {in_days(shift)} after it happened, against {against}: {times}, so the "
        "model learns the recording round and is scored against the wrong days"
    )
    found = (_DATED, f"constraints.data.label_recorded_after_days: {shift:g} ({note})")
    timed = plan.product.task is TaskType.forecasting or (ahead > 0 and shift >= ahead)
    return found if timed else Tempered(3, found)


def _date_matters(plan: Plan) -> bool:
    """Whether the label's date plays a part: a forecast, a prediction made ahead of the outcome, or a
    test split by time. Elsewhere a label dated late says the same thing about the case."""
    lead = decision_lead(plan)
    return (
        plan.product.task is TaskType.forecasting
        or (lead is not None and lead.days > 0)
        or plan.done.split is Split.time
    )
