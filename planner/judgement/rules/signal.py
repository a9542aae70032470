"""Rules on whether the signal carries what is decided: a camera, a microphone or a sensor records what
it records, and a fault that leaves no trace there (inside the part, hidden by the lighting used, far from
where the sensor sits) is beyond any model trained on it, whatever the labels say."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.byhand import never_done_by_hand
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.seenby import unseen_named
from planner.judgement.rules.sight import decisions_turn_on_unseen
from planner.plan.choices import CAPTURED
from planner.plan.model import Category, DataKind, Plan, RulesVerdict, TaskType

# Tasks that judge each item from what was recorded of it: a fault found, a class, a region, an oddity.
_JUDGES = frozenset(
    {TaskType.classification, TaskType.detection, TaskType.segmentation, TaskType.anomaly_detection}
)
# Recordings of a physical thing: pictures, sound, video, and a sensor's readings over time.
_SENSED = CAPTURED | {DataKind.time_series}
_RULES_RUN = frozenset({RulesVerdict.rules_baseline, RulesVerdict.rules_suffice})

_CASTINGS = {  # castings photographed on the line; inspectors find cracks with dye penetrant
    "product.task": "classification",
    "product.data_kinds": ["images"],
    "product.mode": "augment",
    "product.action_shape": "every_item",
    "product.inputs": "A photo of each casting on the conveyor under the line lights.",
    "product.unseen_by_model": "The dye penetrant test that shows hairline cracks.",
    "by_hand.examples": 0,
    "by_hand.expert_can_decide": None,
    "heuristics.verdict": "not_tried",
}


@rule(
    "capture-may-not-show-the-fault",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Be the algorithm: find the fault in the recordings alone, before any model",
        "Take 30 past items with a confirmed fault and 30 without, and have someone decide from the "
        "recordings only, as the model will get them (the same lighting, angle, microphone or sensor "
        "position): a fault they cannot find there leaves no trace in the signal, and no model will learn "
        "it; change the capture first",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            _CASTINGS,
            evidence=(
                'product.data_kinds: ["images"]',
                'product.unseen_by_model: "The dye penetrant test that shows hairline cracks." (today\'s check '
                "uses what the recordings do not carry: does the fault show in them at all?)",
                "by_hand.examples: 0 (nobody has decided cases from the recordings alone)",
            ),
        ),
        Case(  # an end-of-roast alarm on the same curves already catches 35% of the failed batches: low
            {
                **_CASTINGS,
                "product.data_kinds": ["time_series"],
                "heuristics.verdict": "rules_baseline",
                "done.metrics[0].baseline": 0.35,
            },
            evidence=(
                'product.data_kinds: ["time_series"]',
                'product.unseen_by_model: "The dye penetrant test that shows hairline cracks." (today\'s check '
                "uses what the recordings do not carry: does the fault show in them at all?)",
                "by_hand.examples: 0 (nobody has decided cases from the recordings alone)",
                "done.metrics[0].baseline: 0.35 (today's rules score this from the same inputs: they carry part "
                "of the fault; does the rest show?)",
            ),
        ),
        Case(  # a vibration sensor on the housing; fitters open the gearbox: asked, 'not known' said plainly
            {
                **_CASTINGS,
                "product.task": "anomaly_detection",
                "product.data_kinds": ["time_series"],
                "product.unseen_by_model": "What the fitter sees when the gearbox is opened.",
                "by_hand.examples": 40,
                "by_hand.expert_can_decide": "not known",
            },
            evidence=(
                'product.data_kinds: ["time_series"]',
                'product.unseen_by_model: "What the fitter sees when the gearbox is opened." (today\'s check '
                "uses what the recordings do not carry: does the fault show in them at all?)",
                'by_hand.expert_can_decide: "not known" (nobody has decided cases from the recordings alone)',
            ),
        ),
        Case(  # nothing named unseen, yet nobody has ever decided a case from the photos: a lower note
            {
                **_CASTINGS,
                "product.unseen_by_model": None,
                "product.current_solution": "Inspectors check each casting by hand.",
                "by_hand.done_today_by": None,
                "constraints.data.labels": ["existing"],
                "constraints.data.labeled_examples": 4000,
            },
            evidence=(
                'product.data_kinds: ["images"]',
                "by_hand.examples: 0 (nobody has decided cases from the recordings alone)",
            ),
        ),
    ),
    quiet=(
        Case(  # an expert decided 80 past castings from the photos alone
            {**_CASTINGS, "by_hand.examples": 80, "by_hand.expert_can_decide": True}
        ),
        Case({**_CASTINGS, "product.unseen_by_model": "Nothing: they grade from the same photos."}),
        Case({**_CASTINGS, "product.task": "generation"}),  # a caption is not a fault found
        Case({**_CASTINGS, "product.data_kinds": ["tabular"]}),  # records, not recordings
        Case({**_CASTINGS, "by_hand.expert_can_decide": False}),  # expert-cannot-decide weighs it
        Case(  # it decides alone without what today's check uses: decisions-turn-on-unseen weighs it, higher
            {**_CASTINGS, "product.mode": "automate", "product.decision_owner": None}
        ),
    ),
)
def capture_may_not_show_the_fault(plan: Plan) -> Evidence:
    """Nobody has checked that the recordings show the fault at all.

    A model judging photos, sound or sensor readings can find only what leaves a trace in them. Whether
    a fault does is physics before it is ML: what causes it (a haze inside a lens, a hairline crack,
    wear inside a gearbox), whether the lighting, the angle or the sensor's place can carry it,
    and whether any input records it. Where today's check looks at something else (a dye test, a torch
    through the lens, the opened gearbox), labels from that check teach the model a fault its inputs never show:
    it learns a proxy, or nothing.

    Mitigation: Before collecting data or training, take 30 past items with a confirmed fault and 30
    without and have someone decide from the recordings alone, as the model will get them; if they
    cannot, change the capture (lighting, angle, resolution, the sensor's place) or add the missing input
    first, and keep the faults the capture cannot carry with today's check.
    """
    product, by_hand = plan.product, plan.by_hand
    if product.task not in _JUDGES or not _SENSED & set(product.data_kinds):
        return None
    if by_hand.measured is not None or by_hand.expert_can_decide is False:
        return None  # decided on a sample, or said plainly that no expert can (expert-cannot-decide)
    if by_hand.expert_can_decide is True and (by_hand.examples or 0) > 0:
        return None  # someone decided real cases from the model's inputs alone: the check is done
    untested = _untested(plan)
    if untested is None:
        return None
    kinds = quote(plan, "product.data_kinds")
    unseen = unseen_named(plan)
    if unseen is not None:
        if decisions_turn_on_unseen(plan):
            return None  # the model decides without what today's check uses: that rule weighs it, higher
        note = "today's check uses what the recordings do not carry: does the fault show in them at all?"
        found = (kinds, quote(plan, "product.unseen_by_model", note), untested)
        scored = _rules_score_it(plan)
        return Tempered(1, (*found, scored)) if scored else found
    if product.unseen_by_model or by_hand.examples != 0 or never_done_by_hand(plan):
        return None  # people decide from the same recordings ('nothing'), or never-done-by-hand asks it
    return Tempered(2, (kinds, untested))


def _rules_score_it(plan: Plan) -> str | None:
    """The primary metric's baseline, quoted, where today's rules run on the same inputs and are measured on
    it: the recordings carry part of the fault already; what is asked is whether the rest shows."""
    heuristics, metrics = plan.heuristics, plan.done.metrics
    if not heuristics.rules or heuristics.verdict not in _RULES_RUN or not metrics:
        return None
    if not metrics[0].baseline_figure:
        return None
    note = "today's rules score this from the same inputs: they carry part of the fault; does the rest show?"
    return quote(plan, "done.metrics[0].baseline", note)


def _untested(plan: Plan) -> str | None:
    """The answer saying nobody has decided cases from the recordings alone, quoted; None where it is unsaid."""
    note = "nobody has decided cases from the recordings alone"
    if plan.by_hand.expert_can_decide == "not known":
        return quote(plan, "by_hand.expert_can_decide", note)
    if plan.by_hand.examples == 0:
        return quote(plan, "by_hand.examples", note)
    return None
