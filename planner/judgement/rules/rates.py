"""Counts a day as the team said them: `40`, or a budget over another period (`60 a year`) read per working day."""

from __future__ import annotations

from typing import Any

from planner.core import formatting as fmt
from planner.judgement.rules.evidence import show
from planner.plan.model import Impact
from planner.plan.rate import WORKING_DAYS, per_working_day, rate_of


def rate(value: Any, day: str = "") -> str:
    """A count a day as the team said it: `40` (with `day` after it: `40 a day`), or `60 a year (about
    0.24 a working day)`."""
    found = rate_of(value)
    if found is None:
        return show(value) + day
    daily = per_working_day(value)
    return f"{value} (about {fmt.number(daily, significant=2)} a working day)"


def budget(value: Any) -> str:
    """A count a day in the team's own period: `40 a day`, `60 a year`."""
    return value if rate_of(value) is not None else f"{show(value)} a day"


def in_period(daily: float, noun: str, *said: Any) -> str:
    """A count a working day in the period the team counted in: the first of `said` given over a period
    (`60 a year`) sets it (`200 flags a year`), else a day (`8 flags a day`)."""
    for value in said:
        found = rate_of(value)
        if found is not None and found[1] != "day":
            return f"{fmt.count(daily * WORKING_DAYS[found[1]])} {noun} a {found[1]}"
    return f"{fmt.count(daily)} {noun} a day"


def said_capacity(impact: Impact) -> str:
    """The capacity as the team said it (`40`, `60 a year (about 0.24 a working day)`), and where it is
    given for one person, the people and the product: `4 a week for each of 75 people (about 60 a
    working day)`."""
    people, said = impact.capacity_people, impact.capacity_per_day
    if people in (None, 1) or impact.capacity is None:  # 1: the capacity is the whole team's
        return rate(said)
    whole = impact.capacity
    each = said if rate_of(said) else f"{show(said)} a day"
    return f"{each} for each of {fmt.count(people)} people (about {fmt.number(whole, significant=2)} a working day)"


def capacity_budget(impact: Impact) -> str:
    """The whole capacity in the team's own period: `40 a day`, `60 a year`, `300 a week` (4 a week for
    each of 75 people)."""
    people, found = impact.capacity_people, rate_of(impact.capacity_per_day)
    if people in (None, 1) or impact.capacity is None:  # 1: the capacity is the whole team's
        return budget(impact.capacity_per_day)
    if found is None:
        return f"{fmt.count(impact.capacity)} a day"
    return f"{fmt.count(found[0] * people)} a {found[1]}"
