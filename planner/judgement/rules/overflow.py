"""The rule on cases sent beyond what the people or places acting on them can take a day."""

from __future__ import annotations

from dataclasses import replace

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import suggests_for_every_item
from planner.judgement.rules.atcapacity import (
    AT_CAPACITY,
    BAND_AND_AUDIT,
    BAND_MOVE,
    RECEIVING_SIDE,
    SENT,
    acts_alone,
    sends_matches,
)
from planner.judgement.rules.base import Case, Evidence, Tempered, rule
from planner.judgement.rules.rates import in_period, own_period, rate, said_capacity
from planner.plan.model import ActionShape, Category, Plan

_NEAR_CAPACITY = 1.25  # flags within a quarter above capacity: the threshold moves a little, nothing floods


@rule(
    "flags-exceed-capacity",
    Category.product,
    likelihood=4,
    impact=4,
    move=replace(AT_CAPACITY, first=True),
    instead=(
        RECEIVING_SIDE,
        replace(
            BAND_AND_AUDIT,
            move=replace(BAND_MOVE, first=True),
            title="The system acts alone on more cases a day than people could check",
        ),
    ),
    fires=(
        Case(
            {"impact.flagged_per_day": 900, "impact.capacity_per_day": 40},
            evidence=(
                "impact.flagged_per_day: 900 against impact.capacity_per_day: 40 (22.5 times what people "
                "can handle: 860 flags a day, 95.6%, go unhandled)",
            ),
        ),
        Case(  # matched to a side that takes 24 a day: the other 36 are never served
            {
                "product.task": "matching",
                "product.action_shape": "top_of_queue",
                "impact.flagged_per_day": 60,
                "impact.capacity_per_day": 24,
            },
            evidence=(
                "impact.flagged_per_day: 60 against impact.capacity_per_day: 24 (2.5 times what the receiving "
                "side can take: 36 matches a day, 60%, never served)",
            ),
        ),
        Case(  # 4% over capacity: a threshold to nudge, medium
            {"impact.flagged_per_day": 52, "impact.capacity_per_day": 50},
            evidence=(
                "impact.flagged_per_day: 52 against impact.capacity_per_day: 50 (1.04 times what people can "
                "handle: 2 flags a day, 3.8%, go unhandled)",
            ),
        ),
        Case(  # the system blocks them itself: no flag waits for anyone, nobody looks
            {
                "product.mode": "automate",
                "impact.flagged_per_day": 900,
                "impact.capacity_per_day": 40,
                "product.decision": "Invoices the model scores as duplicates are blocked from the run at once.",
                "product.decision_owner": "The accounts payable lead.",
                "heuristics.humans_handle": "Clerks answer supplier queries.",
            },
            evidence=(
                "impact.flagged_per_day: 900 against impact.capacity_per_day: 40 (22.5 times what people "
                "can handle: 860 actions a day, 95.6%, taken with no person's look)",
            ),
        ),
        Case(  # a capacity given for one person, times the people who share the work
            {
                "impact.flagged_per_day": "600 a week",
                "impact.capacity_per_day": "4 a week",
                "impact.capacity_people": 75,
            },
            evidence=(
                "impact.flagged_per_day: 600 a week against impact.capacity_per_day: 4 a week for each of 75 "
                "people (300 a week) (2 times what people can handle: 300 flags a week, 50%, go unhandled)",
            ),
        ),
    ),
    quiet=(
        Case({"impact.flagged_per_day": 60, "impact.capacity_per_day": 60}),
        Case(  # 4 a week for each of 75 people is 300 a week: the 250 flags fit
            {
                "impact.flagged_per_day": "250 a week",
                "impact.capacity_per_day": "4 a week",
                "impact.capacity_people": 75,
            }
        ),
        Case(  # a shortlist people choose from: longer than what they take, by design
            {
                "impact.flagged_per_day": 900,
                "impact.capacity_per_day": 40,
                "product.action_shape": "choose_among",
            }
        ),
        Case(  # suggestions beside every order line: the count a day is of items served, no queue of flags
            {
                "impact.flagged_per_day": 900,
                "impact.capacity_per_day": 40,
                "product.task": "recommendation",
                "product.action_shape": "every_item",
            }
        ),
    ),
)
def flags_exceed_capacity(plan: Plan) -> Evidence:
    """The model flags more cases than people can handle.

    Flags beyond the daily capacity are never looked at: the unhandled ones are missed as surely as if
    the model had not flagged them, and people who drown in alerts stop trusting them.

    Mitigation: Fix the threshold at the capacity (the daily top-k), judge precision and recall at that
    budget rather than AUC, and add people or raise precision before flagging more.
    """
    impact = plan.impact
    flagged, capacity = impact.flagged, impact.capacity
    if flagged is None or capacity is None or flagged <= capacity:
        return None
    if suggests_for_every_item(plan):
        return None  # each item gets its own suggestions, chosen from by whoever handles it: no queue
    alone = acts_alone(plan)
    if plan.product.action_shape is ActionShape.choose_among and not alone:
        return None  # a shortlist people choose from is longer than what they take, by design
    left, said = flagged - capacity, (impact.capacity_per_day, impact.flagged_per_day)
    alike = own_period(*said) is not None  # both a week's or a month's: compared as said
    times = f"{fmt.number(flagged / capacity, significant=3)} times" if capacity else "with no capacity"
    if sends_matches(plan):  # whoever sends them, the receiving side takes only so many
        sent = SENT[plan.product.task]  # type: ignore[index]
        found = (
            f"impact.flagged_per_day: {rate(impact.flagged_per_day, alike=alike)} against impact.capacity_per_day: "
            f"{said_capacity(impact, alike)} "
            f"({times} what the receiving side can take: {in_period(left, sent, *said)}, "
            f"{fmt.share(left / flagged)}, never served)",
        )
        return Tempered(2, found) if capacity and flagged <= _NEAR_CAPACITY * capacity else found
    if alone:  # the system acts on them itself: no flag waits, no person looks
        unseen = (
            f"{in_period(left, 'actions', *said)}, {fmt.share(left / flagged)}, taken with no person's look"
        )
    else:
        unseen = f"{in_period(left, 'flags', *said)}, {fmt.share(left / flagged)}, go unhandled"
    found = (
        f"impact.flagged_per_day: {rate(impact.flagged_per_day, alike=alike)} against impact.capacity_per_day: "
        f"{said_capacity(impact, alike)} ({times} "
        f"what people can handle: {unseen})",
    )
    if capacity and flagged <= _NEAR_CAPACITY * capacity:
        return Tempered(2, found)  # a few more than people handle: a threshold to nudge, not a flood
    return found
