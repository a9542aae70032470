"""Rules on which outputs a person checks, and when: a check on the cheap side, a check after release.

A plan that keeps people in the loop says little until it says which outputs they look at. Where people
check only what the model flags or rejects, what it passes goes on unchecked; if a miss is the costlier
error, the one human check guards the cheap side (unflagged-unwatched asks the neighbouring question of
the labels such a queue stops writing). Where every output is checked only after it has been published,
sent or acted on, readers and the people who act on it meet the raw output first, and the later fix reaches
only those who look again. Both reason from the team's answer on which outputs a person checks, set
against which error costs more, how serious an error is, who reads the output and whether an act on it
can be undone.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, ticked
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.plan.model import (
    ActionShape,
    Audience,
    Category,
    Circumstance,
    ErrorCost,
    LaterPhase,
    Mode,
    Plan,
    Severity,
)
from planner.plan.oversight import CheckedOutputs, Undoable


def _one_side(checked: CheckedOutputs | None) -> tuple[ErrorCost, str] | None:
    """Where only one side is checked: the error that side cannot catch, and how the answer reads."""
    if checked is CheckedOutputs.flagged_only:
        return ErrorCost.false_negative, "what it passes goes on unchecked, and a miss is a pass"
    if checked is CheckedOutputs.passed_only:
        return ErrorCost.false_positive, "what it flags is acted on unchecked, and a false alarm is a flag"
    return None


_OUTSIDE = frozenset({Audience.outsiders, Audience.both})
_LASTING = frozenset({Undoable.at_a_cost, Undoable.never})


def _acted_unchecked(plan: Plan) -> str | None:
    """The answer saying the unchecked side is acted on in place of a check: the model decides alone, acts
    on its own, today's own check stops, or every output is used as it comes."""
    product = plan.product
    if product.mode is Mode.automate:
        return quote(plan, "product.mode", "what nobody checks is acted on as the model says")
    said = ticked(plan, Circumstance.commits_alone)
    if said:
        return said
    if LaterPhase.retires_check in plan.done.later_phase:
        return quote(plan, "done.later_phase", "today's own check of those cases stops")
    if product.action_shape is ActionShape.every_item:
        return quote(plan, "product.action_shape", "every output is used, checked or not")
    return None


@rule(
    "check-on-the-cheap-side",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Put the person's check on the side whose error costs more, or sample what goes unchecked",
        "People check only one side of the model's output, while the costlier error sits on the other, which "
        "goes on unchecked: check a random sample of the unchecked side every week (more where it is acted on "
        "at once), count the costly errors found there, and move the check to that side if they are not rare",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.checked_outputs": "flagged_only",
                "impact.costlier_error": "false_negative",
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.checked_outputs: "flagged_only" (what it passes goes on unchecked, and a miss is a pass)',
                'impact.costlier_error: "false_negative" (the costlier error is the one nobody checks)',
                'product.mode: "automate" (what nobody checks is acted on as the model says)',
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # the team says the costlier error varies: the costly cases may sit among the unchecked
            {
                "product.mode": "automate",
                "product.checked_outputs": "flagged_only",
                "impact.costlier_error": "varies",
                "impact.error_severity": "moderate",
            },
        ),
        Case(  # people check what it passes; what it rejects is refused unchecked, and a refusal costs more
            {
                "product.mode": "augment",
                "product.action_shape": "every_item",
                "product.checked_outputs": "passed_only",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "moderate",
            },
        ),
    ),
    quiet=(
        Case(  # the check sits on the costly side: a false alarm costs more, and the flags are checked
            {
                "product.checked_outputs": "flagged_only",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # people work the flags as a queue, and what it passes goes the way it goes today
            {
                "product.mode": "augment",
                "product.action_shape": "threshold",
                "product.checked_outputs": "flagged_only",
                "impact.costlier_error": "false_negative",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # every output is checked before it is used
            {
                "product.checked_outputs": "every_before",
                "impact.costlier_error": "false_negative",
                "impact.error_severity": "serious",
            }
        ),
        Case({"product.checked_outputs": "flagged_only", "impact.costlier_error": None}),  # cost not said
    ),
)
def check_on_the_cheap_side(plan: Plan) -> Evidence:
    """People check only the side of the output whose error is cheap

    The one human check sits where the model flags or rejects (or only where it passes), while the
    costlier error is the one the other side carries: a miss among what it passes goes on unchecked (a
    damaged part passed into use), or a false alarm among what it flags is acted on unchecked. The
    check then catches the errors that matter least, and nothing counts the ones that matter most.

    Mitigation: sample the unchecked side at random every week and count the costly errors found there;
    move the person's check to the side whose error costs more, or check every output where the harm
    is serious.
    """
    checked, costlier = plan.product.checked_outputs, plan.impact.costlier_error
    side = _one_side(checked)
    if side is None or costlier not in (side[0], ErrorCost.varies):
        return None
    acted = _acted_unchecked(plan)
    if acted is None:
        return None  # what goes unchecked goes the way it goes today: unflagged-unwatched asks about it
    if costlier is ErrorCost.varies:
        note = "it differs by case: the costly ones may be among those nobody checks"
    else:
        note = "the costlier error is the one nobody checks"
    evidence: tuple[str, ...] = (
        quote(plan, "product.checked_outputs", side[1]),
        quote(plan, "impact.costlier_error", note),
        acted,
    )
    severity = effective_severity(plan)
    if severity is not None:
        evidence += (severity_quote(plan),)
    if costlier is ErrorCost.varies and severity not in SERIOUS:
        return Tempered(3, evidence)  # a question: which cases cost more, and where do they land?
    if severity is Severity.minor:
        return Tempered(2, evidence)
    return evidence


def _goes_out(plan: Plan) -> tuple[str, ...]:
    """The answers saying the output is public, used by others or acted on before a late check can stop it."""
    product = plan.product
    found: tuple[str, ...] = ()
    if product.audience in _OUTSIDE:
        found += (quote(plan, "product.audience", "people outside read it before anyone checks it"),)
    for fact in (Circumstance.others_use_output, Circumstance.commits_alone):
        said = ticked(plan, fact)
        if said:
            found += (said,)
    if product.act_undoable in _LASTING:
        found += (quote(plan, "product.act_undoable", "an act on a wrong one is not simply undone"),)
    return found


@rule(
    "released-before-check",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Hold each output until a person has checked it",
        "An output published, sent or acted on before its review is read and used in its raw form, and the "
        "later correction reaches only those who look again: where it goes to the public or is acted on at "
        "once, release nothing before the check, or release unchecked only a kind of case a measured check "
        "shows safe",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "augment",
                "product.checked_outputs": "every_after",
                "product.audience": "both",
                "product.act_undoable": "at_a_cost",
                "impact.error_severity": "moderate",
            },
            evidence=(
                'product.checked_outputs: "every_after" (a person checks each, but only after it has gone '
                "out or been acted on)",
                'product.audience: "both" (people outside read it before anyone checks it)',
                'product.act_undoable: "at_a_cost" (an act on a wrong one is not simply undone)',
                'impact.error_severity: "moderate"',
            ),
        ),
        Case(  # staff act on it before the check, at a cost to undo: a moderate error stays medium
            {
                "product.mode": "augment",
                "product.checked_outputs": "every_after",
                "product.audience": "staff",
                "product.act_undoable": "at_a_cost",
                "impact.error_severity": "moderate",
            },
        ),
    ),
    quiet=(
        Case(  # every output is checked before it goes
            {
                "product.checked_outputs": "every_before",
                "product.audience": "both",
                "product.act_undoable": "never",
            }
        ),
        Case(  # read by staff only, and nothing lasting happens before the check
            {
                "product.checked_outputs": "every_after",
                "product.audience": "staff",
                "product.act_undoable": "before_harm",
                "impact.error_severity": "serious",
            }
        ),
    ),
)
def released_before_check(plan: Plan) -> Evidence:
    """Each output goes out before the person who checks it sees it

    A draft published or sent first and reviewed or replaced later is read, forwarded and acted on in its
    raw form: the review then corrects a record, not what people already did with it, and the reviewer
    works from an output others have seen. Saying people check every output reads as a safeguard it is
    not.

    Mitigation: where the output is public or acted on at once, release nothing before its check; where
    speed matters, release unchecked only a kind of case a measured check shows safe, and say so on it.
    """
    if plan.product.checked_outputs is not CheckedOutputs.every_after:
        return None
    goes_out = _goes_out(plan)
    if not goes_out:
        return None
    after = "a person checks each, but only after it has gone out or been acted on"
    evidence = (quote(plan, "product.checked_outputs", after), *goes_out)
    severity = effective_severity(plan)
    if severity is not None:
        evidence += (severity_quote(plan),)
    public = plan.product.audience in _OUTSIDE
    if public or severity in SERIOUS or plan.product.act_undoable is Undoable.never:
        return evidence
    return Tempered(3, evidence)
