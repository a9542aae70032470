"""Rules on the output as the hazard: a negative shown to outsiders reads as "safe".

Where the costlier error is a miss and the output reaches people outside the organisation as it is (a
public map, an app, a status page), a negative tells them there is nothing to fear: a missed case is
then not only a missed case but false reassurance, and people act on it (they swim, they drink, they
stay). A lead asks what a negative output says to the people who see it, and has it read "not
assessed" or "risk unknown" where the model cannot vouch for safety.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, said_or_settled
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Category, Delivery, ErrorCost, HarmKind, Mode, Plan, Severity

# Words saying a negative is shown as unknown, not as safe.
SHOWN_UNKNOWN = Lexicon("""
    not assessed, risk unknown, unknown risk, no assessment, not checked, not yet assessed, no data
    no reading, cannot say, not known, status unknown
""")
_SHOWN = frozenset({Delivery.new_view, Delivery.on_device, Delivery.automatic})
_OUTSIDERS = frozenset({Audience.outsiders, Audience.both})
_PATHS = ("product.output", "product.decision", "product.goal", "press_release.solution")
_BASE = {"product.audience": "outsiders", "impact.costlier_error": "false_negative"}


@rule(
    "negative-shown-as-safe",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Decide what a negative output says to the people who see it",
        "Outsiders read a negative (green, no alert, low risk) as safe and act on it; where a miss is the "
        'costlier error, show "not assessed" or "risk unknown" where the model cannot vouch for safety, '
        "and test the wording with the people who will read it",
        "warning",
    ),
    fires=(
        Case(
            {**_BASE, "product.mode": "automate", "impact.error_severity": "serious"},
            evidence=(
                'product.audience: "outsiders"',
                'impact.costlier_error: "false_negative" (a miss is the costlier error)',
                'product.mode: "automate" (the output reaches them as it is)',
                'impact.error_severity: "serious"',
            ),
        ),
        Case(
            {
                **_BASE,
                "product.mode": "improve",
                "product.delivery": "new_view",
                "impact.harm_kinds": ["health"],
                "impact.error_severity": "moderate",
            }
        ),
    ),
    quiet=(
        Case({**_BASE, "product.mode": "automate", "impact.error_severity": "minor"}),  # a miss costs little
        Case(  # a negative is shown as unknown
            {
                **_BASE,
                "product.mode": "automate",
                "impact.error_severity": "serious",
                "product.output": "A red or amber flag per beach; beaches without a flag read 'not assessed'.",
            }
        ),
        Case(
            {
                **_BASE,
                "product.audience": "staff",
                "product.mode": "automate",
                "impact.error_severity": "serious",
            }
        ),
    ),
)
def negative_shown_as_safe(plan: Plan) -> Evidence:
    """Outsiders see the output as it is, and a miss is the costlier error: a negative reads as safe.

    A public map, an app or a status page that shows green where the model saw nothing tells people
    there is nothing to fear; where the costlier error is a miss, each miss is also a false
    reassurance that people act on.

    Mitigation: Decide what a negative output says: show "not assessed" or "risk unknown" where the
    model cannot vouch for safety, and test the wording with the people who will read it.
    """
    if plan.product.audience not in _OUTSIDERS or plan.impact.costlier_error is not ErrorCost.false_negative:
        return None
    if plan.product.mode is Mode.automate:
        shown = quote(plan, "product.mode", "the output reaches them as it is")
    elif plan.product.delivery in _SHOWN and plan.product.mode is not Mode.augment:
        shown = quote(plan, "product.delivery", "the output reaches them as it is")
    else:
        return None
    if effective_severity(plan) in (None, Severity.minor) or said_or_settled(plan, _PATHS, SHOWN_UNKNOWN):
        return None
    acted_on = {HarmKind.health, HarmKind.property} & set(plan.impact.harm_kinds)
    if not acted_on and effective_severity(plan) not in (Severity.serious, Severity.severe):
        return None  # a miss costs money or time: nobody acts on the negative at their own risk
    return (
        quote(plan, "product.audience"),
        quote(plan, "impact.costlier_error", "a miss is the costlier error"),
        shown,
        severity_quote(plan),
    )
