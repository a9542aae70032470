"""The rule on a backlog target with nobody's hours counted: the cases left to people a month, times the
minutes each takes, against the hours they have; only the surplus clears the backlog."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import items_per_month, quote, show
from planner.judgement.rules.untimed import done_by_people_today, minutes_by_hand
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Mode, Plan

# Words of a metric on work waiting: a backlog, arrears, a waiting list.
BACKLOG_METRIC = Lexicon("""
    backlog, backlogs, arrears, waiting list, cases waiting, claims waiting, work in progress
""")

_TARGET = {
    "done.metrics[0].name": "Backlog in weeks",
    "done.metrics[0].target": 2,
    "done.metrics[0].baseline": 9,
    "done.metrics[0].direction": "lower",
    "by_hand.done_today_by": "other_staff",
    "by_hand.minutes_per_example": 20,
    "impact.capacity_per_day": None,
}


@rule(
    "backlog-hours-uncounted",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Set the hours people have a month against the cases left to them",
        "A backlog falls only by the hours people work beyond what the arriving cases take; count the "
        "people's hours a month, subtract the cases left to them times the minutes each takes, and see how "
        "many months the surplus needs to reach the target",
        "warning",
    ),
    fires=(
        Case(
            {**_TARGET, "product.mode": "automate", "impact.share_addressed": 0.6},
            evidence=(
                'done.metrics[0].name: "Backlog in weeks" (target 2, from 9: does the time people have a month '
                "cover the cases left to them, with enough over to clear it?)",
                "impact.volume: 12,000 a month x by_hand.minutes_per_example: 20 = about 4,000 person-hours a "
                "month today; with impact.share_addressed: 0.6 decided without people, about 4,800 left to "
                "people, about 1,600 person-hours a month",
                "impact.capacity_per_day: not answered (how many hours a month do the people who work the "
                "rest have?)",
            ),
        ),
    ),
    quiet=(
        Case({**_TARGET, "impact.capacity_per_day": 30}),  # what people take a day is counted
        Case({**_TARGET, "done.metrics[0].name": "Accuracy"}),  # no backlog target
        Case({**_TARGET, "by_hand.minutes_per_example": None}),  # no minutes a case: no arithmetic to show
    ),
)
def backlog_hours_uncounted(plan: Plan) -> Evidence:
    """A backlog target: do the hours people have a month cover the cases left to them, and clear it?

    A backlog falls only by the hours people work beyond what the arriving cases take. The volume a
    month, less the share the model decides alone, times the minutes a case, is the hours the flow takes;
    without the hours people have, nobody knows whether the backlog falls at all, or when it reaches the
    target.

    Mitigation: Count the people's hours a month, subtract the cases left to them times the minutes each
    takes, and work out how many months the surplus needs to reach the target.
    """
    impact = plan.impact
    if impact.capacity is not None or not done_by_people_today(plan):
        return None
    metric = next(
        (
            (index, item)
            for index, item in enumerate(plan.done.metrics)
            if item.target is not None and BACKLOG_METRIC.find(item.name)
        ),
        None,
    )
    per_month, minutes = items_per_month(plan), _minutes(plan)
    if metric is None or per_month is None or minutes is None:
        return None
    index, item = metric
    start = f", from {show(item.baseline)}" if isinstance(item.baseline, (int, float)) else ""
    found = [
        quote(
            plan,
            f"done.metrics[{index}].name",
            f"target {show(item.target)}{start}: does the time people have a month cover the cases left to "
            "them, with enough over to clear it?",
        ),
    ]
    path, said = minutes
    hours = f"impact.volume: {fmt.number(per_month)} a month x {path}: {show(said)} = about "
    hours += f"{fmt.count(per_month * said / 60)} person-hours a month today"
    addressed = impact.addressed
    if plan.product.mode is Mode.automate and addressed is not None and 0 < addressed < 1:
        left = per_month * (1 - addressed)
        hours += (
            f"; with impact.share_addressed: {show(addressed)} decided without people, about {fmt.count(left)} "
            f"left to people, about {fmt.count(left * said / 60)} person-hours a month"
        )
    found.append(hours)
    said_capacity = impact.capacity_per_day
    where = "not answered" if said_capacity is None else show(said_capacity)
    found.append(
        f"impact.capacity_per_day: {where} (how many hours a month do the people who work the rest have?)"
    )
    return tuple(found)


def _minutes(plan: Plan) -> tuple[str, float] | None:
    """The minutes one case takes a person: timed, or the value a case said in minutes."""
    timed = minutes_by_hand(plan)
    if timed is not None:
        return timed[1], timed[0]
    impact = plan.impact
    if (
        impact.value_unit
        and "minute" in impact.value_unit.lower()
        and isinstance(impact.value_per_item, (int, float))
    ):
        return "impact.value_per_item", float(impact.value_per_item)
    return None
