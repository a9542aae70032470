"""What people see of a scan-and-rank job: the volume counts what the model scores (1.2 million image
tiles a month), while people review only the top few (500). Rules that weigh people's load (reviews,
false alerts, audits, actions taken) read the flags a day, or the capacity where people work a ranked list
from the top or alerts stop at it, not the volume."""

from __future__ import annotations

from planner.judgement.rules.evidence import items_per_working_day
from planner.plan.model import Plan
from planner.plan.workings import ActionShape

# Shapes whose cases reaching people stop at what they can take: a list worked from the top, a daily budget.
TOP_K = (ActionShape.top_of_queue, ActionShape.up_to_capacity)


def seen_per_day(plan: Plan) -> tuple[float, str] | None:
    """The cases a working day that reach people, where the plan says it, with the answer it comes from:
    the flags a day expected, else the capacity where the list is worked from the top or cut at it."""
    impact = plan.impact
    if impact.flagged is not None and impact.flagged > 0:
        return impact.flagged, "impact.flagged_per_day"
    if impact.capacity is not None and impact.capacity > 0 and plan.product.action_shape in TOP_K:
        return impact.capacity, "impact.capacity_per_day"
    return None


SCANNED = 0.01  # people review under 1% of what the model scores: a scan-and-rank job


def seen_below_volume(plan: Plan) -> tuple[float, str] | None:
    """Those cases where they are a sliver of the volume a working day (under 1%): a scan-and-rank job,
    whose volume is what the model scores, not what people review."""
    seen, working = seen_per_day(plan), items_per_working_day(plan)
    if seen is None or working is None or seen[0] > SCANNED * working[0]:
        return None
    return seen
