"""Rules on the output as the hazard: a negative reads as "safe", to outsiders or on a staff screen.

Where the costlier error is a miss and the output reaches people outside the organisation as it is (a
public map, an app, a status page), a negative tells them there is nothing to fear: a missed case is
then not only a missed case but false reassurance, and people act on it (they swim, they drink, they
stay). A lead asks what a negative output says to the people who see it, and has it read "not
assessed" or "risk unknown" where the model cannot vouch for safety. On a staff screen that marks only
the cases the model flags, a case with no flag reads as cleared: where today someone looks at every case,
the lead asks whether the unflagged ones still get that look.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, said_or_settled
from planner.judgement.rules.harm import effective_severity, serious_harm, severity_quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import AT_RANDOM
from planner.judgement.rules.unflagged import UNFLAGGED_CHECKED
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DoneTodayBy, TaskType
from planner.plan.model import Audience, Category, Delivery, ErrorCost, HarmKind, Mode, Plan, Severity
from planner.plan.workings import ActionShape

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
    if not acted_on and not serious_harm(plan):
        return None  # a miss costs money or time: nobody acts on the negative at their own risk
    return (
        quote(plan, "product.audience"),
        quote(plan, "impact.costlier_error", "a miss is the costlier error"),
        shown,
        severity_quote(plan),
    )


_FLAGGED_ONLY = frozenset({ActionShape.threshold, ActionShape.up_to_capacity})
_STAFF = frozenset({Audience.staff, Audience.staff_about_outsiders})
_LOOKED_AT_TODAY = frozenset({DoneTodayBy.our_experts, DoneTodayBy.other_staff})
_STILL_LOOKED_AT = (*_PATHS, "done.when_met", "after_launch.fallback", "heuristics.humans_handle")
_FLAGS = {
    "product.audience": "staff_about_outsiders",
    "product.mode": "augment",
    "product.action_shape": "threshold",
    "impact.costlier_error": "false_negative",
}


@rule(
    "no-flag-read-as-cleared",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Decide what a case with no flag means on the screen, and who still looks at it",
        "A screen that marks only the flagged cases makes the rest read as cleared; say whether the unflagged "
        'cases keep today\'s look, show them as "not assessed" rather than clear, and check a random sample '
        "of them",
        "warning",
    ),
    fires=(
        Case(
            {**_FLAGS, "impact.error_severity": "serious", "impact.harm_kinds": ["rights"]},
            evidence=(
                'product.action_shape: "threshold" (the screen marks only the cases the model flags: what does '
                "a case with no flag say to the people who read it?)",
                'by_hand.done_today_by: "other_staff" (today someone looks at every case: do the unflagged ones '
                "still get that look?)",
                'impact.costlier_error: "false_negative" (a miss is the costlier error)',
                'impact.error_severity: "serious"',
            ),
        ),
    ),
    quiet=(
        Case({**_FLAGS, "impact.error_severity": "moderate"}),  # a miss costs money or time
        Case({**_FLAGS, "impact.error_severity": "serious", "by_hand.done_today_by": "nobody"}),
        Case({**_FLAGS, "impact.error_severity": "serious", "product.audience": "outsiders"}),
        Case({**_FLAGS, "impact.error_severity": "serious", "product.action_shape": "every_item"}),
        Case(
            {
                **_FLAGS,
                "impact.error_severity": "serious",
                "done.when_met": "Every case is still read as today; the flag only adds referrals, and a random "
                "sample of unflagged cases is re-read each week.",
            }
        ),
    ),
)
def no_flag_read_as_cleared(plan: Plan) -> Evidence:
    """A staff screen marks only the flagged cases: a case with no flag reads as cleared.

    Where the model only adds to today's process, people who see no flag take the case as checked and
    look less; where it replaces a look at every case, the unflagged ones pass with nobody looking. Either
    way each miss on a case a person would have looked at now goes through.

    Mitigation: Say what a case with no flag shows ("not assessed", not a green or a clear), whether the
    unflagged cases keep today's look, and check a random sample of them each week, counting the misses.
    """
    product = plan.product
    if product.audience not in _STAFF or product.mode is not Mode.augment:
        return None
    if (
        product.action_shape not in _FLAGGED_ONLY
        or plan.impact.costlier_error is not ErrorCost.false_negative
    ):
        return None
    if plan.by_hand.done_today_by not in _LOOKED_AT_TODAY or plan.product.task is TaskType.generation:
        return None  # nobody looks at every case today, or a draft per case: no flag to read as cleared
    # The kind of harm does not matter (a serious loss of money is as serious): an unflagged case loses
    # the look it has today whatever a miss costs.
    if not serious_harm(plan):
        return None
    if said_or_settled(plan, _STILL_LOOKED_AT, UNFLAGGED_CHECKED) or said_or_settled(
        plan, _STILL_LOOKED_AT, AT_RANDOM
    ):
        return None
    if said_or_settled(plan, _PATHS, SHOWN_UNKNOWN) or (kept_out(plan) or 0) > 0:
        return None
    evidence = [
        quote(
            plan,
            "product.action_shape",
            "the screen marks only the cases the model flags: what does a case with no flag say to the "
            "people who read it?",
        )
    ]
    note = "today someone looks at every case: do the unflagged ones still get that look?"
    evidence.append(quote(plan, "by_hand.done_today_by", note))
    evidence += [
        quote(plan, "impact.costlier_error", "a miss is the costlier error"),
        severity_quote(plan),
    ]
    return tuple(evidence)
