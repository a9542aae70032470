"""Rules on a model that changes how a safety function responds: an alarm, an interlock, a trip, a brake.

A lead who hears that a model will change what an alarm or a protection system does, where the worst
error injures someone (a derailment, a fire, a fall), stops calling it a compliance question: it is a
safety case. The change runs in shadow beside today's response for long enough to see the rare events,
and the regulator or the safety authority approves it before it has any live effect.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.compliance import compliance_stated
from planner.judgement.rules.evidence import quote, ticked
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Circumstance, Mode, OnlineValidation, Plan, Severity
from planner.plan.stakes import HarmKind
from planner.plan.text import text_answers

# Words saying a safety authority approves the change before it acts: the case made, to whom. A safety
# case merely named is no approval (`nobody has written a safety case yet`), nor one denied.
APPROVED = Lexicon(
    """
    approves the safety case, safety case approved, regulator approves, regulator's approval
    approval of the regulator, approved by the regulator, safety authority approves, approved by the safety
    authority, independent safety assessor, independent safety assessment, notified body
""",
    deniable=True,
)

# A worklist people work down as far as their capacity allows: the order of inspections or repairs.
_WORKLIST = (ActionShape.top_of_queue, ActionShape.up_to_capacity)


def orders_checks(plan: Plan) -> bool:
    """Whether the model only orders the inspections or repairs people approve and carry out (a worklist
    worked as far as capacity allows), rather than changing how the safety function itself responds."""
    return plan.product.action_shape in _WORKLIST and plan.product.mode is not Mode.automate


_FLOOR = Instead(
    orders_checks,
    Move(
        "Keep a floor under the order of the checks",
        "The model orders the inspections people approve and carry out; the safety function itself responds "
        "as before: keep a rule that no item waits longer than today's rota allows, and count how many of the "
        "items that failed between checks the list had put late",
        "info",
    ),
    "Keep a floor (no item waits longer than today's rota) and count the failures the list had put late.",
    "The model orders the checks of a safety-relevant item: does a floor keep each one checked as often?",
)

_SAFETY = {"product.circumstances": ["safety_function"]}
_INJURY = {"impact.harm_kinds": ["health"], "impact.error_severity": "severe"}


@rule(
    "safety-function-changed",
    Category.operations,
    likelihood=3,
    impact=5,
    move=Move(
        "Treat the change as a safety case: shadow it, then get the regulator's approval",
        "A model that changes how an alarm, an interlock, a trip or a brake responds, where the worst error "
        "injures someone, is a change to a safety function: write the safety case (the hazards, what the "
        "model may and may not change, the fallback when it is wrong), run it in shadow beside today's "
        "response long enough to meet the rare events it exists for, and have the regulator or the safety "
        "authority approve it before it has any live effect",
        "danger",
        first=True,
    ),
    instead=(_FLOOR,),
    fires=(
        Case(
            {**_SAFETY, **_INJURY},
            evidence=(
                'product.circumstances: "safety_function" (it changes how a safety function responds: an '
                "alarm, an interlock, a trip, a brake, a signal, a shutdown)",
                'impact.harm_kinds: ["health"] (a wrong output can injure someone)',
                'impact.error_severity: "severe"',
            ),
            also=frozenset({"no-flag-read-as-cleared"}),  # the sound plan's clerks look at every invoice
        ),
        Case(  # a shadow run planned, but nobody approves it: still the case to make
            {**_SAFETY, **_INJURY, "done.online_validation": "shadow"},
        ),
        Case(  # a safety case named only to say there is none: no approval
            {
                **_SAFETY,
                **_INJURY,
                "done.online_validation": "shadow",
                "done.when_met": "Nobody has written a safety case yet; the filter goes live after the shadow month.",
            },
        ),
        Case(  # it orders the brake inspections people approve and do: a maintenance plan, low
            {
                **_SAFETY,
                **_INJURY,
                "product.action_shape": "up_to_capacity",
                "product.mode": "augment",
            },
            evidence=(
                'product.circumstances: "safety_function" (it changes how a safety function responds: an '
                "alarm, an interlock, a trip, a brake, a signal, a shutdown)",
                'product.action_shape: "up_to_capacity" (it orders the checks people approve and carry out, '
                "not how the function itself responds: keep a floor so that no item waits longer than today's "
                "rota allows)",
            ),
        ),
    ),
    quiet=(
        Case({**_INJURY, "product.circumstances": ["none"]}),  # no safety function changed
        Case(  # shadowed, and the regulator named with its approval
            {
                **_SAFETY,
                **_INJURY,
                "done.online_validation": "shadow",
                "done.when_met": "The Office of Rail and Road approves the safety case before any live use.",
            }
        ),
    ),
)
def safety_function_changed(plan: Plan) -> Evidence:
    """The model changes how a safety function responds, and its worst error injures someone.

    An alarm that stays silent, an interlock that opens or a trip that does not fire is how a
    derailment, a fire or an injury happens; a model tuned on the common case changes the response
    to the rare one it exists for, and an offline score says nothing of that. Such a change is a
    safety case for the regulator, not a compliance question.

    Mitigation: Write the safety case (hazards, what the model may change, the fallback), run the
    model in shadow beside today's response long enough to meet the rare events, and have the
    regulator or the safety authority approve it before it has any live effect.
    """
    fact = ticked(plan, Circumstance.safety_function)
    if fact is None:
        return None
    shadowed = plan.done.online_validation is OnlineValidation.shadow
    texts = (text for _, text in text_answers(plan.model_dump(mode="json", exclude={"decisions"})))
    if shadowed and (compliance_stated(plan) or any(APPROVED.find(text) for text in texts)):
        return None
    if orders_checks(plan):
        # It orders the inspections or repairs people approve and carry out, not the function's own live
        # response: a maintenance plan, whose worst error is an item checked later than today's rota would.
        note = "it orders the checks people approve and carry out, not how the function itself responds"
        floor = "keep a floor so that no item waits longer than today's rota allows"
        return Tempered(1, (fact, quote(plan, "product.action_shape", f"{note}: {floor}")))
    severity = effective_severity(plan)
    if HarmKind.health in plan.impact.harm_kinds:
        hurt = quote(plan, "impact.harm_kinds", "a wrong output can injure someone")
        if severity is Severity.severe or severity is None:
            return (fact, hurt, severity_quote(plan)) if severity else (fact, hurt)
        return Tempered(2, (fact, hurt, severity_quote(plan)))  # an injury, rated serious or less: medium
    if severity in SERIOUS:
        return Tempered(2, (fact, severity_quote(plan)))
    return None
