"""A rule on outcomes people already avert today: the history records only the cases nobody caught.

Where staff act on what they see coming (a weaver re-ties a fraying warp, a nurse escalates a patient,
an engineer swaps a worn part), the record of the outcome holds only the cases they missed. A model
trained on it learns the signs people do not act on, and the signs they do act on look safe, since
those cases never reached the outcome; a warning on a case people would have caught anyway saves
nothing. A lead asks for the interventions to be recorded, and for the model to be judged by what it
adds to today's catches, not by what it finds in a history of misses.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import limit_ticked, quote
from planner.plan.model import Category, OnlineValidation, OutcomeLimit, Plan

# Live comparisons that measure what the model adds to today's catches, people acting as they do.
_COMPARED = frozenset({OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.interleaving})

_LOOM = {
    "product.task": "detection",
    "product.output": "A warning ten minutes before a warp break on a loom.",
    "constraints.data.labels": ["existing"],
    "constraints.data.outcome_limits": ["averted"],
}


@rule(
    "outcome-averted-today",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Record what people avert today, and judge the model by what it adds",
        "The history holds only the outcomes people did not stop in time; log each intervention (what was "
        "seen, what was done) as an input or a label of its own, count the cases averted, and compare the "
        "model live with people acting as they do today (an A/B or holdout), not with a history of misses",
        "warning",
    ),
    fires=(
        Case(
            _LOOM,
            evidence=(
                'constraints.data.outcome_limits: ["averted"] (people stop it today when they see it coming: '
                "the record holds only the ones they missed)",
            ),
        ),
        Case({**_LOOM, "done.online_validation": "a_b_test"}),  # judged live against people: a low note
    ),
    quiet=(Case({**_LOOM, "constraints.data.outcome_limits": ["none"]}),),
)
def outcome_averted_today(plan: Plan) -> Evidence:
    """People avert the outcome today when they see it coming, so the history holds only their misses.

    A model trained on that record learns the signs nobody acted on; the signs people act on look safe,
    since their cases never reached the outcome. Its offline recall counts finds among the misses, and a
    warning on a case people would have caught saves nothing, so the impact is what it adds to them.

    Mitigation: Log each intervention (what was seen, what was done) as an input or a label of its own;
    count the cases averted; judge the model live against people acting as they do today (an A/B test or
    a holdout), not against the history of misses.
    """
    ticked = limit_ticked(plan, OutcomeLimit.averted)
    if ticked is None:
        return None
    live = plan.done.online_validation
    if live in _COMPARED:
        note = "judged live against people acting as they do: say how the interventions are logged"
        return Tempered(1, (ticked, quote(plan, "done.online_validation", note)))
    return (ticked,)
