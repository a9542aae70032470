"""Counts a day as the team said them: `40`, or a budget over another period (`60 a year`) read per working day."""

from __future__ import annotations

from typing import Any

from planner.core import formatting as fmt
from planner.judgement.rules.evidence import show
from planner.plan.model import Impact
from planner.plan.rate import WORKING_DAYS, per_working_day, rate_of


def own_period(*said: Any) -> str | None:
    """The one period other than the day every count in `said` is given over (`40 a month` against
    `1,900 a month`): two counts of one period compare as said, with no working-day reading (a monthly
    list is drawn up and worked once a month); None where a count is a day's or the periods differ."""
    periods = {found[1] if (found := rate_of(value)) else "day" for value in said if value is not None}
    return next(iter(periods)) if len(periods) == 1 and periods != {"day"} else None


def rate(value: Any, day: str = "", alike: bool = False) -> str:
    """A count a day as the team said it: `40` (with `day` after it: `40 a day`), or `60 a year (about
    0.24 a working day)`; `60 a year` alone where it is compared with a count of the same period."""
    found = rate_of(value)
    if found is None:
        return show(value) + day
    if alike:
        return str(value)
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


def said_capacity(impact: Impact, alike: bool = False) -> str:
    """The capacity as the team said it (`40`, `60 a year (about 0.24 a working day)`), and where it is
    given for one person, the people and the product: `4 a week for each of 75 people (about 60 a
    working day)`. Where it is compared with a count of its own period (`alike`), in that period:
    `40 a month`, `4 a week for each of 75 people (300 a week)`."""
    people, said = impact.capacity_people, impact.capacity_per_day
    if people in (None, 1) or impact.capacity is None:  # 1: the capacity is the whole team's
        return rate(said, alike=alike)
    whole = impact.capacity
    each = said if rate_of(said) else f"{show(said)} a day"
    if alike and rate_of(said):
        return f"{each} for each of {fmt.count(people)} people ({capacity_budget(impact)})"
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


def volume_against_capacity(impact: Impact, per_day: float, a_day: str) -> str:
    """The volume against the capacity, like with like: in the capacity's own period where it is given
    over a week, a month or a year (`1,900 a month against 40 a month`: a monthly list, never read as
    90 a working day), else a day (`12,000 a month (about 571 a working day) against 40`)."""
    volume = f"{fmt.number(impact.volume)} a {impact.period.value}" if impact.period else show(impact.volume)
    found = rate_of(impact.capacity_per_day)
    period = found[1] if found is not None and found[1] != "day" else None
    if period is None:
        daily = (
            ""
            if impact.period is None or impact.period.value == "day"
            else f" (about {fmt.count(per_day)} {a_day})"
        )
        return f"impact.volume: {volume}{daily} against impact.capacity_per_day: {said_capacity(impact)}"
    same = impact.period is not None and impact.period.value == period
    converted = "" if same else f" (about {fmt.count(per_day * WORKING_DAYS[period])} a {period})"
    return f"impact.volume: {volume}{converted} against impact.capacity_per_day: {said_capacity(impact, alike=True)}"


def in_capacity_period(impact: Impact, daily: float, noun: str, a_day: str) -> str:
    """A count a day said in the capacity's own period where it is given over a longer one (`38 true
    cases a month` beside `40 a month`), else a day (`2 true cases a working day`)."""
    found = rate_of(impact.capacity_per_day)
    if found is not None and found[1] != "day":
        return f"{fmt.count(daily * WORKING_DAYS[found[1]])} {noun} a {found[1]}"
    return f"{fmt.count(daily)} {noun} {a_day}"
