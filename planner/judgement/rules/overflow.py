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
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.rates import in_period, own_period, rate, said_capacity
from planner.plan.model import ActionShape, Category, Plan, TaskType
from planner.plan.rate import rate_of

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
        Case(  # a bare 120 beside a capacity of 150 a year: likely a year's count too, so asked (low)
            {"impact.flagged_per_day": 120, "impact.capacity_per_day": "150 a year"},
            evidence=(
                "impact.flagged_per_day: 120 (a bare count is read as a day's, against a capacity of 150 a year: "
                "if the 120 are counted over a year too, write it so ('120 a year'); read as a day's, the flags "
                "are far more than people can take)",
            ),
        ),
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
        Case(  # a list read to choose from, longer than people can read: still a flood, high
            {"impact.flagged_per_day": 900, "impact.capacity_per_day": 40, "impact.read_per_day": 120},
            evidence=(
                "impact.flagged_per_day: 900 against impact.read_per_day: 120, a list read to choose the 40 "
                "acted on (7.5 times what people can read: 780 flags a day, 86.7%, go unread)",
            ),
        ),
        Case(  # a ranked list longer than what is acted on, nobody saying whether it is read: a question
            {
                "product.task": "ranking",
                "impact.flagged_per_day": "40 a week",
                "impact.capacity_per_day": "8 a week",
            },
            evidence=(
                "impact.flagged_per_day: 40 a week against impact.capacity_per_day: 8 a week (5 times what the "
                "receiving side can take: 32 picks a week, 80%, never served)",
                'product.task: "ranking" (a ranked list longer than what people act on: is it read to choose '
                "the few from? then impact.read_per_day says how many they can read)",
            ),
        ),
        Case(  # a list read to choose from, its reading not counted: a question, medium
            {
                "impact.flagged_per_day": 900,
                "impact.capacity_per_day": 40,
                "impact.read_per_day": "not measured",
            },
            evidence=(
                "impact.flagged_per_day: 900 against impact.capacity_per_day: 40 (22.5 times what people "
                "can handle: 860 flags a day, 95.6%, go unhandled)",
                'impact.read_per_day: "not measured" (a list read to choose from: can people read all 900 a day?)',
            ),
        ),
    ),
    quiet=(
        Case({"impact.flagged_per_day": 60, "impact.capacity_per_day": 60}),
        Case(  # a shortlist of 40 read a week to choose the 8 acted on: longer than the actions, by design
            {
                "product.task": "ranking",
                "impact.flagged_per_day": "40 a week",
                "impact.capacity_per_day": "8 a week",
                "impact.read_per_day": "50 a week",
            }
        ),
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
    the model had not flagged them, and people who drown in alerts stop trusting them. A list
    people read to choose the few they act on (a shortlist of 40 read a week, 8 taken forward) is longer
    than the actions by design: it overflows only past what they can read (`impact.read_per_day`), and a
    ranked list that does not say which it is, or a reading nobody counted, is a question (medium).

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
    read = impact.read
    if read is not None and not alone:  # a list people read to choose from: its reading is the limit
        return None if flagged <= read else _unread(plan, flagged, read)
    left, said = flagged - capacity, (impact.capacity_per_day, impact.flagged_per_day)
    alike = own_period(*said) is not None  # both a week's or a month's: compared as said
    times = f"{fmt.number(flagged / capacity, significant=3)} times" if capacity else "with no capacity"
    slip = _period_unsaid(plan)
    if slip:  # a bare count beside a capacity said over a year: most likely the same year's count
        return Tempered(1, (slip,))
    if sends_matches(plan):  # whoever sends them, the receiving side takes only so many
        sent = SENT[plan.product.task]  # type: ignore[index]
        found = (
            f"impact.flagged_per_day: {rate(impact.flagged_per_day, alike=alike)} against impact.capacity_per_day: "
            f"{said_capacity(impact, alike)} "
            f"({times} what the receiving side can take: {in_period(left, sent, *said)}, "
            f"{fmt.share(left / flagged)}, never served)",
        )
        asked = _read_or_acted(plan)
        if asked:
            return Tempered(2, (*found, asked))
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
    asked = None if alone else _read_or_acted(plan)
    if asked:
        return Tempered(2, (*found, asked))  # perhaps a list read to choose from: a question
    if capacity and flagged <= _NEAR_CAPACITY * capacity:
        return Tempered(2, found)  # a few more than people handle: a threshold to nudge, not a flood
    return found


def _period_unsaid(plan: Plan) -> str | None:
    """The flags given as a bare count, read as a day's, beside a capacity said over a longer period whose
    own count the bare one does not exceed (`250` against `250 a year`): likely counted over that period too,
    so the comparison is asked, not asserted."""
    impact = plan.impact
    capacity = rate_of(impact.capacity_per_day)
    flagged = impact.flagged_per_day
    if (
        capacity is None
        or capacity[1] == "day"
        or not isinstance(flagged, int | float)
        or flagged > capacity[0]
    ):
        return None
    note = (
        f"a bare count is read as a day's, against a capacity of {impact.capacity_per_day}: if the "
        f"{fmt.number(flagged)} are counted over a {capacity[1]} too, write it so ('{fmt.number(flagged)} a "
        f"{capacity[1]}'); read as a day's, the flags are far more than people can take"
    )
    return quote(plan, "impact.flagged_per_day", note)


def _read_or_acted(plan: Plan) -> str | None:
    """The question where the cases sent may be a list people read to choose from rather than act on
    each: its reading said 'not measured', or a ranked list that does not say (None otherwise)."""
    impact = plan.impact
    if impact.read_per_day == "not measured":
        flagged = rate(impact.flagged_per_day, " a day", alike=True)
        return quote(
            plan, "impact.read_per_day", f"a list read to choose from: can people read all {flagged}?"
        )
    if impact.read_per_day is None and plan.product.task is TaskType.ranking:
        return quote(
            plan,
            "product.task",
            "a ranked list longer than what people act on: is it read to choose the few from? then "
            "impact.read_per_day says how many they can read",
        )
    return None


def _unread(plan: Plan, flagged: float, read: float) -> Evidence:
    """The list sent against what people can read of it, where it is read to choose the few acted on."""
    impact = plan.impact
    said = (impact.read_per_day, impact.flagged_per_day)
    alike = own_period(*said) is not None
    each = (
        ""
        if impact.capacity_people in (None, 1)
        else f" for each of {fmt.count(impact.capacity_people)} people"
    )
    left = flagged - read
    return (
        f"impact.flagged_per_day: {rate(impact.flagged_per_day, alike=alike)} against impact.read_per_day: "
        f"{rate(impact.read_per_day, alike=alike)}{each}, a list read to choose the "
        f"{rate(impact.capacity_per_day, alike=True)} acted on ({fmt.number(flagged / read, significant=3)} "
        f"times what people can read: {in_period(left, 'flags', *said)}, {fmt.share(left / flagged)}, go unread)",
    )
