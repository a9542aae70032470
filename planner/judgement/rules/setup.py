"""What set-up a plan describes, read from its structured answers first: a batch job run once with no
live system after it, or a generator that trains nothing and gives every item an output.

Rules whose mechanism needs a live system (a vendor's update mid-use, an alert while it runs) or a
model that learns from chosen cases (selective labels) read these before they fire.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import first_said
from planner.judgement.rules.lexicon import SCOPE_HELD
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Cadence, Plan, Serving, TaskType

# Words saying the job runs once: a backlog worked through, a one-off pass, no live use after it.
ONE_OFF = Lexicon("""
    one-off, one off, one-time, one-time job, one-time run, run once, runs once, ran once, single run
    single pass, one pass, just once, once only, only once, one-shot, one shot
    historic backlog, historical backlog, back catalogue, back-catalogue, back catalog, back-catalog
""")
_WHERE = (
    "title",
    "product.goal",
    "product.decision",
    "product.output",
    "constraints.retraining.trigger",
    "after_launch.fallback",
    "after_launch.owner",
)


def runs_once(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer that says the job runs once (path, words): never retrained, served in batch (or serving
    unanswered), and named one-off; None for anything that keeps running."""
    if plan.constraints.retraining.cadence is not Cadence.never:
        return None
    if plan.constraints.latency.serving not in (Serving.batch, None):
        return None
    return first_said(plan, _WHERE, ONE_OFF)


def generates_for_every_item(plan: Plan) -> bool:
    """Whether a generator trained on nothing gives every item an output: nobody chooses which items get
    one, and no label is learned from, so nothing selects the labels."""
    product = plan.product
    if product.task is not TaskType.generation or trained(plan):
        return False
    return product.action_shape is ActionShape.every_item or runs_once(plan) is not None


def scope_held(plan: Plan) -> bool:
    """Whether the data or the evaluation already hold a wider scope: its sites, groups or languages in
    the sources or the period, or a metric reported per each."""
    data = plan.constraints.data
    texts = [source.name for source in data.sources] + [data.differences_note or "", data.period or ""]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    return any(SCOPE_HELD.find(text) for text in texts)
