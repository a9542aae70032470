"""A handful of events: where the labelled cases hold only a few of what the model must find.

Seven failures in five years, a dozen frauds in all: no trained model, a sequence model least of
all, learns more from them than their coincidences, and no test split holds enough of them to say
so. A lead offers the simpler thing first: a counter or a rule the experts state (alert after the
third fault in a week, a threshold on the reading), checked against each event by hand; it is also
the baseline any later model must beat once events pile up.
"""

from __future__ import annotations

from planner.judgement.rules.base import MIN_LABELED, Move
from planner.judgement.rules.enriched import enriched, stated_positives
from planner.plan.model import Plan, TaskType

HANDFUL = 20  # fewer events than this of the class the model must find: count them, do not train on them

_COUNTED = (TaskType.classification, TaskType.anomaly_detection)


def events_in_hand(plan: Plan) -> float | None:
    """How many labelled cases of the rarer class the answers give (all the labelled cases where the
    model has no classes), or None where they give no count."""
    data = plan.constraints.data
    labelled = data.labeled_count
    if labelled is None:
        return None
    if plan.product.task not in _COUNTED or data.rare_share is None:
        return float(labelled)
    if enriched(plan):  # built with more of the rare class than the field: only a count stated outright says
        stated = stated_positives(plan)
        return None if stated is None else float(stated)
    rare, shown, tested = data.rare_share, plan.done.eval_share, plan.done.test_size
    if (
        shown is not None and tested and rare < shown < 1
    ):  # the test split alone holds more: the set is enriched
        rare = max(rare, min(1.0, tested * shown / labelled))
    return labelled * rare


def a_handful(plan: Plan) -> bool:
    """Whether the labelled cases hold fewer than a handful of events to learn from, where labelling more
    will not add them: a history of thousands with a handful among them (the events are rare by nature),
    or a handful labelled in all. A few hundred labelled with a few events among them is a set to grow."""
    events, labelled = events_in_hand(plan), plan.constraints.data.labeled_count or 0
    if events is None or events >= HANDFUL:
        return False
    return labelled >= MIN_LABELED or labelled < HANDFUL


COUNT_NOT_MODEL = Move(
    "Count, or write the rule, before training any model",
    f"With fewer than {HANDFUL} events in hand, no trained model (a sequence model least of all) learns more "
    "than their coincidences, and no test split holds enough of them to show it; a counter or a rule the "
    "experts state (an alert after the third fault in a week, a threshold on the reading) does the job, is "
    "checked against each event by hand, and is the baseline a model must beat once events pile up",
    "warning",
    first=True,
    reshapes=True,
)

COUNT_NOT_MODEL_MITIGATION = (
    "Start with a counter or a rule the experts state (an alert after N events, a threshold on a reading), "
    "check it against each past event by hand, and keep collecting events; train a model only once there are "
    "some tens of them, and judge it against that rule."
)
