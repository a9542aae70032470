"""Rules on the period a pilot or shadow run meets against the launch's: a trial judged in quiet weeks.

A lead asks not only whether a live trial exists but whether it sees what the launch will: a pilot in
October with one officer, then the whole team live in the July rush, is judged on the easy weeks; the
peak's volume, rushed staff and unusual cases are first met live, by everyone at once.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.plan.choices import Circumstance, Mode
from planner.plan.model import Category, Plan
from planner.plan.stakes import LaterPhase, PilotPeriod

_QUIETER = (
    "the trial meets fewer, easier cases or other staff than the launch: the peak's volume and unusual "
    "cases are first met live"
)
_UNDECIDED = "not decided: will the trial see the launch's season, volume, case mix and staff?"


def _unchecked_at_launch(plan: Plan) -> str | None:
    """The answer that says nobody checks each output once live: a later phase drops the check, or it acts
    alone."""
    if LaterPhase.removes_check in plan.done.later_phase:
        return quote(
            plan, "done.later_phase", "people stop checking every output: nobody catches the peak's errors"
        )
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode", "nobody checks each output")
    if Circumstance.commits_alone in plan.product.circumstances:
        return quote(plan, "product.circumstances", "it acts alone on part of the cases")
    return None


@rule(
    "pilot-quieter-than-launch",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Pilot in launch-like conditions, or keep today's process through the first peak",
        "The trial runs in quieter conditions than the launch (an off-peak season, fewer cases, one person "
        "of a team): it passes on the easy weeks. Run it through a busy period with the staff who will use "
        "it, or go live off-peak and keep today's process beside it until the first peak has been met",
        "warning",
    ),
    ask="does the pilot or shadow run meet the launch's season, volume, case mix and staff?",
    fires=(
        Case(  # an off-peak pilot, then every output unchecked at the peak, with serious errors
            {
                "done.pilot_period": "quieter",
                "done.later_phase": ["removes_check"],
                "impact.error_severity": "serious",
            },
            also=frozenset({"no-flag-read-as-cleared"}),  # people stop checking: an unflagged case passes
            evidence=(
                'done.pilot_period: "quieter" (the trial meets fewer, easier cases or other staff than the '
                "launch: the peak's volume and unusual cases are first met live)",
                'impact.error_severity: "serious"',
                'done.later_phase: ["removes_check"] (people stop checking every output: nobody catches '
                "the peak's errors)",
            ),
        ),
        Case(  # quieter, but people keep checking every output: medium
            {"done.pilot_period": "quieter"},
            evidence=(
                'done.pilot_period: "quieter" (the trial meets fewer, easier cases or other staff than the '
                "launch: the peak's volume and unusual cases are first met live)",
            ),
        ),
        Case(  # quieter, acting alone, but an error costs little: medium
            {"done.pilot_period": "quieter", "product.mode": "automate", "impact.error_severity": "minor"},
        ),
        Case({"done.pilot_period": "not_decided"}),  # asked, low
    ),
    quiet=(
        Case({"done.pilot_period": "alike"}),
        Case({"done.pilot_period": "busier", "done.later_phase": ["removes_check"]}),
        Case(  # off-peak, with today's process kept beside it through the first peak
            {
                "done.pilot_period": "quieter_kept",
                "done.later_phase": ["removes_check"],
                "impact.error_severity": "serious",
            },
        ),
        Case({"done.pilot_period": None}),  # unanswered
    ),
)
def pilot_quieter_than_launch(plan: Plan) -> Evidence:
    """The pilot or shadow run meets quieter conditions than the launch: it is judged on the easy weeks.

    A live trial run off-peak (the quiet months, fewer cases, one person of a team) and a launch for
    everyone at the busy time: the trial shows the model on the easy cases with time to check each one,
    and the peak's volume, its unusual cases and rushed staff are first met live, by everyone at once.
    Where serious errors go out with nobody checking each output once live, the first peak is the test.

    Mitigation: Run the pilot or shadow run through a period like the launch's (its volume, its case mix,
    the staff who will use it), or go live for everyone off-peak and keep today's process beside it through
    the first peak, comparing the two on the peak's cases before people stop checking.
    """
    period = plan.done.pilot_period
    if period is PilotPeriod.not_decided:
        return Tempered(1, (quote(plan, "done.pilot_period", _UNDECIDED),))
    if period is not PilotPeriod.quieter:
        return None  # alike, busier, or kept beside today's process through the first peak
    found: tuple[str, ...] = (quote(plan, "done.pilot_period", _QUIETER),)
    unchecked = _unchecked_at_launch(plan)
    if serious_harm(plan) and unchecked is not None:
        return (*found, severity_quote(plan), unchecked)
    return Tempered(3, found)
