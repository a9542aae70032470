"""Positives recorded once the problem was obvious, for a model meant to catch it early.

A lead asks when each positive was recorded: the labelled photos of disease are of leaves already
spotted, the complaints arrive once the fault shows, the failures are logged when the part breaks. A
model meant to act early is then trained and tested on late, obvious cases only; the early signs it
must catch are never shown to it, and its test score says nothing about them.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote, source_paths, truth_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, TaskType

# Words saying the product must act early, before the problem shows.
ACT_EARLY = Lexicon("""
    early detection, detect early, detected early, detect it early, catch early, catch it early, caught early
    early signs, early sign, earliest signs, first signs, first sign, early warning, early-warning
    early stage, early stages, early-stage, before it spreads, before they spread, before it becomes visible
    before it is visible, before symptoms, before symptoms show, before the fault shows, before it fails
    before failure, before they fail, before it breaks, early symptoms, early onset, at onset
    before they are visible, before they become visible, before the eye can see, before the eye sees
    before anyone notices, before anyone sees, before people notice, before the customer notices
    before customers notice, before the driver notices, before the patient notices, before it is noticed
""")
# Words saying the positives were recorded once the problem was obvious.
RECORDED_LATE = Lexicon("""
    advanced disease, advanced cases, advanced stage, advanced stages, late-stage, late stage, late stages
    once visible, once it was visible, once the fault is visible, once the fault was visible, when visible
    clearly visible, obvious cases, obviously diseased, obviously damaged, severe cases, fully developed
    full-blown, already failed, after failure, after it failed, at failure, once it failed, once they failed
    from complaints, customer complaints, once reported, once customers complained, symptomatic cases
    confirmed outbreaks, visible symptoms, visible damage
""")
# Words saying the positives include the early stage: traced back, followed from the start, graded.
EARLY_RECORDED = Lexicon("""
    early-stage cases, early-stage examples, early-stage positives, early cases, earliest photos
    traced back, back-dated, followed up from, followed from the start, from the first sign, first-sign
    graded by stage, by stage, each stage, all stages, every stage, stage grade, stage grades, serial photos
    repeat photos, time series of each, weeks before
""")
_FINDS = frozenset(
    {TaskType.classification, TaskType.detection, TaskType.anomaly_detection, TaskType.segmentation}
)
_GOAL_PATHS = ("product.goal", "product.decision", "product.output", "title")


def data_paths(plan: Plan) -> tuple[str, ...]:
    by_hand = [f"by_hand.noticed[{index}]" for index in range(len(plan.by_hand.noticed))]
    return (
        *source_paths(plan),
        "product.label",
        "constraints.data.differences_note",
        *truth_paths(plan),
        *by_hand,
    )


@rule(
    "positives-recorded-late",
    Category.data,
    likelihood=3,
    impact=4,
    ask="at what stage were the positives recorded, beside the moment the product must act?",
    move=Move(
        "Find positives at the stage the product must act, and test on them",
        "Positives recorded once the problem was obvious (advanced disease, a fault customers complain of) "
        "teach the late signs only: trace positives back to their first recorded sign (earlier photos, "
        "readings before the failure), grade them by stage, and report recall on the early stage alone",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "classification",
                "product.goal": "Catch leaf rust early, before it spreads through the field.",
                "constraints.data.sources": [
                    {"name": "Agronomists' photos of advanced disease, 2022-2025", "acquisition": "own"}
                ],
            },
            evidence=(
                'product.goal: "Catch leaf rust early, before it spreads through the field." (before it '
                "spreads: the product must act early)",
                'constraints.data.sources[0].name: "Agronomists\' photos of advanced disease, 2022-2025" '
                "(advanced disease: the positives were recorded once the problem was obvious, so the early "
                "signs are never shown to the model)",
            ),
        ),
    ),
    quiet=(
        Case(  # positives traced back to their first sign
            {
                "product.task": "classification",
                "product.goal": "Catch leaf rust early, before it spreads through the field.",
                "constraints.data.sources": [
                    {
                        "name": "Agronomists' photos of advanced disease, traced back to the first sign",
                        "acquisition": "own",
                    }
                ],
            }
        ),
        Case(  # no early goal: grading what is visible
            {
                "product.task": "classification",
                "product.goal": "Grade the share of diseased leaves in each field.",
                "constraints.data.sources": [
                    {"name": "Agronomists' photos of advanced disease, 2022-2025", "acquisition": "own"}
                ],
            }
        ),
    ),
)
def positives_recorded_late(plan: Plan) -> Evidence:
    """Positives recorded once the problem was obvious, for a model meant to catch it early.

    Labelled photos of advanced disease, complaints once the fault shows, failures logged when the part
    breaks: the positives are late-stage, while the product must act on the early signs. The model never
    sees those signs, and a test drawn from the same positives scores it on the obvious cases only.

    Mitigation: Trace positives back to their first recorded sign (earlier photos, readings weeks before
    the failure), grade them by stage, and report recall on the early stage alone.
    """
    if plan.product.task not in _FINDS:
        return None
    paths = data_paths(plan)
    early = first_said(plan, _GOAL_PATHS, ACT_EARLY)
    late = first_said(plan, paths, RECORDED_LATE)
    if early is None or late is None or first_said(plan, paths, EARLY_RECORDED):
        return None
    (goal, acts), (data, seen) = early, late
    return Hint(
        (*acts, *seen),
        (
            quote(plan, goal, f"{', '.join(acts)}: the product must act early"),
            quote(
                plan,
                data,
                f"{', '.join(seen)}: the positives were recorded once the problem was obvious, so the early "
                "signs are never shown to the model",
            ),
        ),
    )
