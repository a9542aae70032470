"""The rule on a model retrained on the decisions people make with its proposal in view.

Where people confirm or correct the model's answer for each case (augment mode, one answer per case), and
the labels are those people's decisions, every label written once it is live is written after seeing the
model's proposal. Retrained on them on a cadence, the model learns its own proposals: what people let
through becomes what it is taught, its errors harden, and accuracy read from the same labels climbs. A lead
asks for a share of cases decided without the proposal, the labels to retrain and judge on, whatever the
label writer was before launch.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, monitor_paths, quote, ticked
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.lexicon import MEASURE_KINDS
from planner.plan.model import Cadence, Category, Circumstance, LabelWriter, Mode, Plan, Severity, TaskType
from planner.plan.workings import ActionShape

_CONFIRMED = {
    "product.mode": "augment",
    "product.task": "classification",
    "product.action_shape": "every_item",
    "product.circumstances": ["labels_are_decisions"],
    "constraints.retraining.cadence": "weekly",
    "constraints.data.label_writer": "blind",
    "impact.error_severity": "moderate",
}
_LOOP = (
    "retrained on the decisions people make with its proposal in view: it learns its own proposals, "
    "and what people let through"
)
_ONE_ANSWER = (None, ActionShape.every_item, ActionShape.sets_amount)
_DRAFTS = (TaskType.generation, TaskType.extraction)


@rule(
    "retrained-on-confirmed-proposals",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep a share of cases decided without the proposal, and retrain and judge on those",
        "Once live, each label is a decision made with the model's proposal in view, so retraining on them "
        "teaches the model its own proposals; have a random share (a few percent) decided without it, store "
        "the proposal shown beside each label, and retrain and measure accuracy on the blind share",
        "warning",
    ),
    fires=(
        Case(
            _CONFIRMED,
            evidence=(
                'product.mode: "augment" (a person confirms or corrects its answer for each case)',
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes: once live, those decisions are made with its proposal in view)",
                f'constraints.retraining.cadence: "weekly" ({_LOOP})',
                'impact.error_severity: "moderate"',
            ),
            also=frozenset(
                {"label-from-old-process"}
            ),  # the labels copy today's decisions, before launch too
        ),
        Case(  # errors rated serious: high
            {**_CONFIRMED, "impact.error_severity": "serious"},
        ),
    ),
    quiet=(
        Case({**_CONFIRMED, "after_launch.blind_share": 0.05}),  # a share decided without the proposal
        Case({**_CONFIRMED, "constraints.retraining.cadence": "never"}),  # never retrained on them
        Case({**_CONFIRMED, "product.mode": "automate"}),  # nobody confirms a proposal
        Case({**_CONFIRMED, "product.action_shape": "threshold"}),  # a flag sends a case to a person
        Case({**_CONFIRMED, "impact.error_severity": "minor"}),
    ),
)
def retrained_on_confirmed_proposals(plan: Plan) -> Evidence:
    """The model is retrained on the decisions people make after seeing its proposal: it learns its own.

    Where a person confirms or corrects the model's answer for each case and the labels are those
    decisions, every label written once the model is live was written with its proposal in view, whoever
    wrote the labels before launch. People anchor on a proposal, so retraining on those labels teaches the
    model its own proposals and the errors people let through; its accuracy, read from the same labels,
    rises while its real accuracy may fall.

    Mitigation: Have a random share of cases (a few percent) decided without the proposal; store the
    proposal shown beside each label; retrain on, and measure accuracy against, the blind share, and watch
    how often people change the proposal.
    """
    if plan.product.mode is not Mode.augment or plan.after_launch.blind_share:
        return None  # nobody confirms a proposal; or a share is decided blind, the labels the move asks for
    labels = ticked(plan, Circumstance.labels_are_decisions)
    cadence = plan.constraints.retraining.cadence
    if labels is None or cadence in (None, Cadence.never):
        return None
    if plan.constraints.data.label_writer in (LabelWriter.sees_estimate, LabelWriter.copied):
        return None  # label-echoes-estimate says the same of the labels already written
    task = plan.product.task
    if task not in _DRAFTS and not (
        task in (TaskType.classification, TaskType.regression) and plan.product.action_shape in _ONE_ANSWER
    ):
        return None  # a flag, a queue or a list to choose from: no one answer people confirm
    if (plan.constraints.data.exploration_share or 0) > 0:
        return None
    severity = effective_severity(plan)
    if severity in (None, Severity.minor):
        return None
    evidence = [
        quote(plan, "product.mode", "a person confirms or corrects its answer for each case"),
        labels[:-1] + ": once live, those decisions are made with its proposal in view)",
        quote(plan, "constraints.retraining.cadence", _LOOP),
    ]
    watched = first_said(plan, monitor_paths(plan), MEASURE_KINDS)
    if watched:
        evidence.append(quote(plan, watched[0], "its live accuracy is read from labels that echo it"))
    evidence.append(severity_quote(plan))
    if severity in SERIOUS:
        return tuple(evidence)
    return Tempered(3, evidence)
