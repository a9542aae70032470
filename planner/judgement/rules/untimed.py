"""Rule on a time saved per item claimed for a step nobody has timed: time the step before the saving."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import answer_at, norm, show
from planner.plan.model import Category, DoneTodayBy, Plan
from planner.plan.spoken import STEP_MINUTES, STEP_TIME, UNIT_WORDS, said_count

_SAMPLE = "20"  # items a lead times by hand before believing a saving per item


def claimed_time_saving(plan: Plan) -> tuple[float, str] | None:
    """(time saved per item, its unit) where the saving is a time and the step's share is 'not measured'."""
    impact = plan.impact
    value = impact.item_value
    if impact.step_share != "not measured" or not value or not impact.value_unit:
        return None
    if norm(impact.value_unit) not in UNIT_WORDS:
        return None
    return value, impact.value_unit


def done_by_people_today(plan: Plan) -> bool:
    """Whether people (the team's experts or other staff) do the task by hand today."""
    return plan.by_hand.done_today_by in (DoneTodayBy.our_experts, DoneTodayBy.other_staff)


def minutes_by_hand(plan: Plan) -> tuple[float, str] | None:
    """(minutes a person takes per item by hand, the answer that says so): timed in `planner try`, or typed."""
    measured = plan.by_hand.measured
    if measured is not None and measured.minutes_per_example:
        return float(measured.minutes_per_example), "by_hand.measured.minutes_per_example"
    if plan.by_hand.minutes_per_example:
        return float(plan.by_hand.minutes_per_example), "by_hand.minutes_per_example"
    return None


def step_time_said(plan: Plan) -> tuple[float, str] | None:
    """(the most minutes the step takes, as said) where impact.bottleneck, the step the model relieves,
    gives its own time (`45-60 minutes of negotiator time per listing`): the step is timed, only its
    share of the item's whole time may be unknown."""
    found = STEP_TIME.search(answer_at(plan, "impact.bottleneck") or "")
    if found is None:
        return None
    most = said_count(found.group(2) or found.group(1))
    return most * STEP_MINUTES[UNIT_WORDS[norm(found.group(3))]], found.group(0)


def saving_within_the_step(plan: Plan, value: float, unit: str) -> bool:
    """Whether the time saved per item is at most the step's own time, as the bottleneck says it."""
    minutes, step = STEP_MINUTES.get(UNIT_WORDS[norm(unit)]), step_time_said(plan)
    return minutes is not None and step is not None and value * minutes <= step[0] * 1.05


def saving_within_the_task(plan: Plan, value: float, unit: str) -> bool:
    """Whether the time saved per item is at most the minutes a person takes on the whole task by hand:
    the step is then timed, the task itself (a form keyed in 6 minutes saves at most 6)."""
    minutes = STEP_MINUTES.get(UNIT_WORDS[norm(unit)])
    by_hand = minutes_by_hand(plan)
    return minutes is not None and by_hand is not None and value * minutes <= by_hand[0] * 1.05


def untimed_saving(plan: Plan) -> tuple[float, str] | None:
    """The time saved per item, with its unit, where nothing times the step it comes from: not the task
    timed by hand (the step is the whole), nor the step's own time said in the bottleneck."""
    claim = claimed_time_saving(plan)
    if claim is None or saving_within_the_task(plan, *claim) or saving_within_the_step(plan, *claim):
        return None
    return claim


@rule(
    "saving-on-untimed-step",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Time the step by hand before counting the saving",
        f"Be the algorithm on {_SAMPLE} items: do the step the model would take over, time it, and cap the "
        "saving per item at that time",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "impact.step_share": "not measured",
                "impact.value_per_item": 12,
                "impact.value_unit": "minutes",
                "impact.volume": 2000,
                "impact.period": "month",
                "by_hand.minutes_per_example": None,
            },
            evidence=(
                'impact.value_per_item: 12 minutes saved per item, but impact.step_share: "not measured": '
                "nobody has timed the step the model takes over",
                "a model saves at most what its step takes: until the step is timed, the 12 minutes (400 hours "
                "a month over impact.volume: 2000 a month) is a guess, not a ceiling",
            ),
        ),
        Case(  # the bottleneck times the step at 5 minutes; 12 saved cannot come from it
            {
                "impact.step_share": "not measured",
                "impact.bottleneck": "Keying each delivery note, about 5 minutes per note.",
                "impact.value_per_item": 12,
                "impact.value_unit": "minutes",
            }
        ),
    ),
    quiet=(
        Case(
            {"impact.step_share": "12 of 40 minutes", "impact.value_per_item": 12, "impact.value_unit": "min"}
        ),
        Case({"impact.step_share": "not measured", "impact.value_per_item": 30, "impact.value_unit": "EUR"}),
        Case({"impact.step_share": None, "impact.value_per_item": 12, "impact.value_unit": "minutes"}),
        Case(  # the step's own time is said where it is named; only its share of the whole is unknown
            {
                "impact.step_share": "not measured",
                "impact.bottleneck": "Coding each claim form, 20-25 minutes of a coder's time per claim.",
                "impact.value_per_item": 15,
                "impact.value_unit": "minutes",
            }
        ),
        Case(  # the step's time said in words: the four hours saved are the whole of it
            {
                "impact.step_share": "not measured",
                "impact.bottleneck": "Writing the weekly rota, about four hours of the manager's Friday.",
                "impact.value_per_item": 4,
                "impact.value_unit": "hours",
            }
        ),
        Case(  # the saving is the whole handling time of the task, timed by hand: the step is the task
            {
                "impact.step_share": "not measured",
                "impact.value_per_item": 6,
                "impact.value_unit": "minutes",
                "by_hand.minutes_per_example": 6,
            }
        ),
    ),
)
def saving_on_untimed_step(plan: Plan) -> Evidence:
    """A time saved per item is claimed for a step nobody has timed.

    The plan counts a time saved on each item while the share of the item's time the model's step takes
    is 'not measured': a model saves at most what its step takes, so the saving, and whether the work
    pays, rest on a figure nobody has checked; a lead times the step by hand before believing it. Where
    the time saved is at most the minutes a person takes per item on the whole task by hand, the step is
    the task, and it has been timed; so it has where the bottleneck gives the step's own time and the
    saving fits in it.

    Mitigation: Be the algorithm on 20 items (do the step by hand as the model would, with a stopwatch),
    give the step's share of the whole, and cap the saving per item at the step's time.
    """
    claim = untimed_saving(plan)
    if claim is None:
        return None
    value, unit = claim
    impact = plan.impact
    total = ""
    if impact.volume and impact.period is not None and impact.period.value != "once":
        minutes = STEP_MINUTES.get(UNIT_WORDS[norm(unit)])
        if minutes is not None:
            hours = value * minutes * impact.volume / 60
            total = (
                f" ({fmt.number(hours, 0)} hours a {impact.period.value} over impact.volume: "
                f"{show(impact.volume)} a {impact.period.value})"
            )
    said = (
        f"impact.value_per_item: {show(impact.value_per_item)} {unit} saved per item, but impact.step_share: "
        '"not measured": nobody has timed the step the model takes over',
        f"a model saves at most what its step takes: until the step is timed, the {show(value)} {unit}{total} "
        "is a guess, not a ceiling",
    )
    by_hand = minutes_by_hand(plan)
    if by_hand is None:
        return said
    whole = f"{fmt.number(by_hand[0])} minutes"
    return (*said, f"{by_hand[1]}: {whole} (the whole task by hand: the saving is above it)")
