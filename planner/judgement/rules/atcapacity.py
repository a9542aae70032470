"""The moves both capacity rules share: set the threshold at what people can handle, or, where the
system acts on each case alone, send the uncertain band to people and audit the rest."""

from __future__ import annotations

from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.evidence import answer_at
from planner.judgement.rules.lexicon import AT_DEPTH, AT_THE_DAILY_TOP, RELEASED_BY_PEOPLE, SET_AT_CAPACITY
from planner.plan.model import Mode, Plan

# Both capacity rules end in the same move: the threshold is set by what people can handle.
AT_CAPACITY = Move(
    "Set the threshold by what people can handle; judge precision at that budget",
    "People can act on only so many flags a day; fix the threshold so the model flags no more than "
    "that; judge precision (the yield) in that daily top against the obvious rule's top k, not AUC",
    "warning",
)

_HOLD_ANSWERS = ("product.decision", "product.decision_owner", "heuristics.humans_handle")


def judged_at_capacity(plan: Plan) -> bool:
    """Whether the plan already judges or sets the cut at what people can handle: a done metric (its name
    or its data) or the done criteria judged at a daily top (`precision in the top 40 a day`), or the
    decision, a metric or the criteria saying the threshold is set to people's capacity."""
    metrics = plan.done.metrics
    if any(AT_DEPTH.find(metric.name) for metric in metrics):
        return True
    said: list[str | None] = [metric.name for metric in metrics]
    said += [metric.dataset for metric in metrics]
    said += [plan.done.when_met, plan.product.decision, plan.product.decision_owner]
    return any(AT_THE_DAILY_TOP.find(text) or SET_AT_CAPACITY.find(text) for text in said)


def acts_alone(plan: Plan) -> bool:
    """The system acts on each case itself (automate), and nothing says people release or check what
    it holds: people's capacity bounds the band sent to them, not the actions the system takes."""
    if plan.product.mode is not Mode.automate:
        return False
    return not any(RELEASED_BY_PEOPLE.find(answer_at(plan, path)) for path in _HOLD_ANSWERS)


# Where the system acts alone, capacity sizes the review band, not the actions: the lead's advice is a
# band of uncertain cases for people, an audit sample of the rest, and a way to undo an action.
BAND_MOVE = Move(
    "Send the uncertain band to people, audit a sample, keep actions reversible",
    "The system acts on each case itself: people's capacity does not cap its actions, it sizes the "
    "band of uncertain cases near the threshold that go to people instead; audit a random sample of "
    "what it does alone, and keep each action reversible (a hold, an undo) until the audit shows its "
    "error rate",
    "warning",
)
BAND_AND_AUDIT = Instead(
    acts_alone,
    BAND_MOVE,
    "Send the cases near the threshold to people, up to what they can handle a day; audit a random "
    "sample of the actions the system takes alone; keep each action reversible until the audit shows "
    "its error rate is acceptable.",
)
