"""What the model cannot see, where people stay in the loop but work from its flags.

A person who checks each flag still decides, but only the cases the model flags: a defect on the side
the camera never sees, a sign in the manuscript the model does not read, is never flagged and so never
looked at. Where the answers also say where the targets tend to be (`most defects sit near the bottom
ring`), the share of them in the unseen part caps the recall the whole process can reach.
"""

from __future__ import annotations

from planner.judgement.rules.base import Evidence, Hint, Tempered
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Mode, Plan, TaskType

_FLAGS = frozenset({ActionShape.threshold, ActionShape.top_of_queue})
_FINDS = frozenset(
    {TaskType.classification, TaskType.detection, TaskType.anomaly_detection, TaskType.segmentation}
)

# Words saying where the targets tend to be: on which part, side or stretch most of them sit.
TARGETS_SIT = Lexicon("""
    most defects, most faults, most cracks, most damage, most of the damage, most of the defects
    most of the faults, most of the cracks, most lesions, most of the lesions, most leaks, most of the leaks
    mostly near, mostly at the, mostly on the, mostly in the, tend to be near, tend to sit, tend to occur
    tend to start, tends to start, usually start, usually starts, usually near, usually at the
    concentrated near, concentrated at, concentrated in, concentrated on, cluster near, cluster at
    clustered near, clustered at, clustered around, more often near, more often at, more often on
""")
_WHERE_PATHS = (
    "product.unseen_by_model",
    "product.inputs",
    "product.current_solution",
    "product.current_performance",
    "constraints.data.differences_note",
)


# Said of people who keep their own look at every case beside the flags: their rounds, checks as today.
KEEP_OWN_CHECK = Lexicon("""
    rounds, their rounds, keep checking, keeps checking, still check, still checks, still inspect
    still inspects, still look at, still looks at, still walk, still walks, continue to check
    continues to check, continue their, continues their, alongside their, in addition to their
    as well as their, on top of their, besides their, as they do today, walk round, walks round
""")
_OWN_CHECK_PATHS = ("product.decision", "product.decision_owner")


def works_from_flags(plan: Plan) -> bool:
    """Whether people stay in the loop but see only what a finding model flags (not where they keep their
    own look at every case beside the flags: their rounds, their checks as today)."""
    product = plan.product
    if not (product.mode is Mode.augment and product.task in _FINDS and product.action_shape in _FLAGS):
        return False
    return first_said(plan, _OWN_CHECK_PATHS, KEEP_OWN_CHECK) is None


def _targets_sit(plan: Plan) -> str | None:
    hard = [f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases))]
    noticed = [f"by_hand.noticed[{index}]" for index in range(len(plan.by_hand.noticed))]
    found = first_said(plan, (*_WHERE_PATHS, *hard, *noticed), TARGETS_SIT)
    if found is None:
        return None
    path, words = found
    note = (
        f"{', '.join(words)}: the share of targets where it cannot see caps the recall of the whole process"
    )
    return quote(plan, path, note)


def flagged_without(plan: Plan) -> Evidence:
    """People check only the model's flags, and the answers name what it will not get: medium."""
    if not works_from_flags(plan):
        return None
    note = "people check only what it flags: what it cannot see is never flagged, so never looked at"
    found = (quote(plan, "product.unseen_by_model"), quote(plan, "product.action_shape", note))
    where = _targets_sit(plan)
    return Tempered(3 if where else 2, (*found, *((where,) if where else ())))


def flagged_partly_seen(plan: Plan, path: str, words: tuple[str, ...]) -> Evidence:
    """The camera or sensor sees only part, and people check only its flags: a question."""
    note = f"{', '.join(words)}: people check only what it flags, so what it cannot see is never looked at"
    where = _targets_sit(plan)
    found = (quote(plan, path, note), quote(plan, "product.action_shape"), *((where,) if where else ()))
    return Hint(words, found)
