"""Rules on retraining: a cadence nobody can feed, a changing world never retrained, labels that arrive
late with no plan to retrain."""

from __future__ import annotations

from planner.judgement.rules.base import (
    FAST_CADENCE_DAYS,
    LATE_LABELS_DAYS,
    Case,
    Evidence,
    Move,
    rule,
)
from planner.judgement.rules.duties import medical_device_duty
from planner.judgement.rules.evidence import answer_at, answer_is, changes_over_time, quote, show
from planner.judgement.rules.hosted import prompted
from planner.judgement.rules.record import trained
from planner.judgement.rules.setup import runs_once
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Cadence,
    Category,
    LabelSource,
    ModelSize,
    Plan,
)


@rule(
    "retraining-cadence-unaffordable",
    Category.operations,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {"constraints.retraining.cadence": "weekly", "constraints.data.labels": "manual"},
            evidence=('constraints.retraining.cadence: "weekly"', 'constraints.data.labels: ["manual"]'),
        ),
        Case(  # a huge model fine-tuned each week
            {
                "constraints.retraining.cadence": "weekly",
                "constraints.data.labels": ["existing"],
                "constraints.latency.model_size": "huge",
                "product.inputs": "The ticket; the model is fine-tuned on last week's resolved tickets.",
            },
        ),
    ),
    quiet=(
        Case(  # a prompted hosted model whose document index is refreshed weekly: nothing is retrained
            {
                "product.task": "generation",
                "constraints.retraining.cadence": "weekly",
                "constraints.data.labels": ["existing"],
                "constraints.latency.model_size": "huge",
                "constraints.compute.hosted_model": "A hosted LLM through the vendor's API.",
            },
        ),
    ),
)
def retraining_cadence_unaffordable(plan: Plan) -> Evidence:
    """The retraining cadence cannot be fed or afforded.

    Retraining weekly or faster needs fresh labels and compute every time; with people or a vendor
    labelling, or a huge model, the cadence will slip.

    Mitigation: Measure how fast the model actually goes stale, then pick the slowest cadence that
    holds the metric; automate labelling and training first.
    """
    cadence = plan.constraints.retraining.cadence
    if cadence is None or cadence.days is None or cadence.days > FAST_CADENCE_DAYS:
        return None
    labelled = answer_is(plan, "constraints.data.labels", LabelSource.manual, LabelSource.vendor)
    huge = answer_is(plan, "constraints.latency.model_size", ModelSize.huge)
    if huge and not labelled and prompted(plan) and not trained(plan):
        return None  # a prompted model is not retrained: the cadence refreshes what it reads (an index)
    cost = labelled or huge
    return (quote(plan, "constraints.retraining.cadence"), *cost) if cost else None


@rule(
    "never-retrained",
    Category.operations,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"constraints.retraining.cadence": "never", "constraints.data.labels": "outcomes"},
            evidence=('constraints.retraining.cadence: "never"', 'constraints.data.labels: ["outcomes"]'),
        ),
    ),
    quiet=(
        Case(  # a hosted model prompted with each case: the team trains nothing it could retrain
            {
                "constraints.retraining.cadence": "never",
                "constraints.data.labels": "outcomes",
                "constraints.compute.hosted_model": "A hosted GPT-4o-class API, prompted with each case.",
            }
        ),
    ),
)
def never_retrained(plan: Plan) -> Evidence:
    """A model of a changing world is never retrained.

    Forecasts and outcome-based models go stale as the world moves on; without retraining the
    model quietly loses its edge.

    Mitigation: Plan a retraining cadence and a trigger (a drift or metric alarm) from the start.
    """
    if not answer_is(plan, "constraints.retraining.cadence", Cadence.never):
        return None
    if runs_once(plan):
        return None  # a job run once over a backlog: nothing keeps running to go stale
    if prompted(plan) and not trained(plan):
        return None  # a hosted model prompted, not trained: nothing of the team's to retrain
    why = changes_over_time(plan)
    return (quote(plan, "constraints.retraining.cadence"), *why) if why else None


@rule(
    "label-delay-no-retraining",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Plan retraining and early signals for labels that arrive late",
        "With outcomes weeks late, a decaying model shows up only long after it started to fail; set a "
        "retraining cadence the labels allow, and watch early signals (inputs, score distribution, a "
        "reviewed sample) meanwhile",
        "info",
    ),
    fires=(
        Case(
            {
                "constraints.data.label_delay_days": 60,
                "constraints.retraining.cadence": None,
                "constraints.retraining.trigger": None,
            },
            evidence=(
                "constraints.data.label_delay_days: 60 (errors show only 60 days after the predictions)",
                "constraints.retraining.cadence: not answered (no retraining plan)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_delay_days": 60, "constraints.retraining.cadence": None}),  # a trigger
        Case(
            {
                "constraints.data.label_delay_days": 7,
                "constraints.retraining.cadence": None,
                "constraints.retraining.trigger": None,
            }
        ),
        Case(  # a likely medical device: each release is a change to the device, and that rule says freeze it
            {
                "constraints.data.label_delay_days": 90,
                "product.output": "Outlines of suspected fractures on each wrist radiograph, for the emergency "
                "doctor.",
                "product.decision": "The doctor decides whether to splint or refer the patient.",
            }
        ),
        Case(  # the team says the model ships locked, on purpose: no retraining to plan
            {
                "constraints.data.label_delay_days": 45,
                "after_launch.owner": "Model risk office; the validated model stays frozen until the next "
                "annual review.",
            }
        ),
    ),
)
def label_delay_no_retraining(plan: Plan) -> Evidence:
    """Labels arrive late, and there is no retraining plan.

    When outcomes arrive weeks after the predictions, a model going stale is seen only long after it
    started to fail; with no cadence and no trigger, nobody will retrain it in time.

    Mitigation: Set a retraining cadence the label delay allows and a trigger on early signals (input
    drift, score distribution, a reviewed sample) that do not wait for the labels.
    """
    span, retraining = plan.constraints.data.label_delay_range(), plan.constraints.retraining
    if span is None or span[1] < LATE_LABELS_DAYS or retraining.cadence is not None or retraining.trigger:
        return None
    if runs_once(plan):
        return None  # a job run once: no model left serving for late labels to show going stale
    said = [answer_at(plan, path) for path in _STANCE_IN] + [risk.mitigation for risk in plan.risks]
    if any(_KEPT_FROZEN.find(text) for text in said):
        return None  # the team keeps the model frozen on purpose: there is no retraining to plan
    if medical_device_duty(plan) is not None:
        return None  # a likely medical device: medical-device-duty asks to freeze it or plan change control
    days = show(span[1])
    return (
        quote(
            plan, "constraints.data.label_delay_days", f"errors show only {days} days after the predictions"
        )
        if plan.constraints.data.label_delay is not None
        else f"constraints.data.label_delay_max_days: {days} (errors show only {days} days after the predictions)",
        "constraints.retraining.cadence: not answered (no retraining plan)",
    )


# Words that say the model is kept as validated on purpose (a regulated or certified model), not retrained.
_KEPT_FROZEN = Lexicon("""
    frozen model, model is frozen, model stays frozen, stays frozen, kept frozen, remains frozen
    locked model, model is locked, locked algorithm, no retraining, not retrained, never retrained
    without retraining, retraining is not planned, no retraining is planned
""")

# Where a plan says how the model is kept after launch.
_STANCE_IN = (
    "after_launch.owner",
    "after_launch.fallback",
    "constraints.retraining.trigger",
    "done.when_met",
    "done.fold_action",
)
