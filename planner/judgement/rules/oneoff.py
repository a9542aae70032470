"""Rules on a job run once over a backlog (`impact.period: once`): its review is a total of days, not a
rate a day, and what stands in for monitoring is a check of the output batch.

A job that digitises 40,000 archived forms or codes a historical dump has no flow to keep up with and no
live model to drift: the questions a lead asks are how many days people need to review the whole of it,
and who audits a sample of the output before it is kept.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    WORKING_DAYS_PER_MONTH,
    WORKING_DAYS_PER_YEAR,
    faq_paths,
    first_said,
    monitor_paths,
    norm,
    quote,
    said_none_quote,
    show,
)
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.rates import said_capacity
from planner.judgement.rules.seen import TOP_K
from planner.judgement.rules.setup import runs_once
from planner.judgement.rules.total import items_in_all
from planner.judgement.rules.untimed import minutes_by_hand
from planner.judgement.rules.volume import acts_alone
from planner.plan.model import ActionShape, Category, Mode, Plan
from planner.plan.spoken import STEP_MINUTES, UNIT_WORDS

# Six months of working days: a review of the backlog longer than that outlasts most projects' deadline.
REVIEW_DAYS = 6 * WORKING_DAYS_PER_MONTH


_ONCE = {"impact.period": "once", "constraints.retraining.cadence": "never"}
# Each review at least this many times faster: the project raises the rate, not trims it.
RAISED = 1.5
# A review the model speeds up: 6 minutes by hand, 3 of them saved on each item.
_FASTER = {
    "impact.share_addressed": None,
    "by_hand.minutes_per_example": 6,
    "impact.value_per_item": 3,
    "impact.value_unit": "minutes",
}


def _faster(plan: Plan) -> tuple[float, str] | None:
    """(how many times faster each review gets, the answers that say so) where the value per item is time
    saved on a review people time by hand: the project raises the very rate the capacity was counted at.
    None where the saving is no time, trims the review by less than a third, or is not less than the whole
    review (then nothing is left to time)."""
    impact, by_hand = plan.impact, minutes_by_hand(plan)
    value, unit = impact.item_value, norm(impact.value_unit or "").split(" per ")[0]
    minutes = STEP_MINUTES.get(UNIT_WORDS.get(unit, ""))
    if not value or minutes is None or by_hand is None:
        return None
    before, path = by_hand
    after = before - value * minutes
    if after <= 0 or before / after < RAISED:
        return None
    return before / after, (
        f"impact.value_per_item: {show(impact.value_per_item)} {impact.value_unit} saved of {path}: "
        f"{show(before)}, each review about {fmt.number(before / after, significant=2)} times faster"
    )


def _reviewed(plan: Plan) -> tuple[float, str] | None:
    """The items people review in a job run once, with how they were counted; None when people do not
    act on each item the model addresses, or the backlog is not a total."""
    impact, backlog = plan.impact, items_in_all(plan)
    if backlog is None or backlog <= 0:
        return None
    if plan.product.mode is not Mode.augment and plan.product.action_shape is not ActionShape.every_item:
        return None  # people act only on what is flagged: the flags a day are a rate this job lacks
    if plan.product.action_shape in TOP_K:
        return None  # people work the ranked backlog from the top until their time runs out, not all of it
    share = impact.addressed
    if share is None or share >= 1:
        return backlog, f"impact.volume: {fmt.number(backlog)} once"
    return backlog * share, (
        f"impact.volume: {fmt.number(backlog)} once x impact.share_addressed {fmt.share(share)} = "
        f"{fmt.count(backlog * share)} reviewed"
    )


@rule(
    "one-off-review-beyond-capacity",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Count the backlog's review in days before building",
        "A job run once is a total, not a rate: the backlog over what people review a day is the days the "
        "review takes; fit it to the deadline by the share people check",
        "warning",
    ),
    fires=(
        Case(
            {**_ONCE, "impact.volume": 40000, "impact.capacity_per_day": 60, "impact.share_addressed": None},
            evidence=(
                "impact.volume: 40,000 once against impact.capacity_per_day: 60: the review is a total, not a "
                "rate: about 667 working days of review at that capacity (about 2.6 years at 252 working days "
                "a year)",
            ),
        ),
        Case(  # 1 of 6 minutes saved trims the review, no more: today's rate stands, high
            {
                **_FASTER,
                **_ONCE,
                "impact.value_per_item": 1,
                "impact.volume": 40000,
                "impact.capacity_per_day": 60,
            },
            evidence=(
                "impact.volume: 40,000 once against impact.capacity_per_day: 60: the review is a total, not a "
                "rate: about 667 working days of review at that capacity (about 2.6 years at 252 working days "
                "a year)",
            ),
        ),
        Case(  # the project halves each review: about 333 days at the faster rate, a question, medium
            {**_ONCE, **_FASTER, "impact.volume": 40000, "impact.capacity_per_day": 60},
            evidence=(
                "impact.volume: 40,000 once against impact.capacity_per_day: 60: the review is a total, not a "
                "rate: about 667 working days of review at that capacity (about 2.6 years at 252 working days "
                "a year)",
                "impact.value_per_item: 3 minutes saved of by_hand.minutes_per_example: 6, each review about 2 "
                "times faster: about 333 working days at that rate (about 1.3 years at 252 working "
                "days a year), if the capacity is today's: is the faster rate measured on a pilot?",
            ),
        ),
        Case(  # 5 of 6 minutes saved: the backlog fits at the faster rate, a question only, low
            {
                **_FASTER,
                **_ONCE,
                "impact.value_per_item": 5,
                "impact.volume": 40000,
                "impact.capacity_per_day": 60,
            },
            evidence=(
                "impact.volume: 40,000 once against impact.capacity_per_day: 60: the review is a total, not a "
                "rate: about 667 working days of review at that capacity (about 2.6 years at 252 working days "
                "a year)",
                "impact.value_per_item: 5 minutes saved of by_hand.minutes_per_example: 6, each review about 6 "
                "times faster: about 111 working days at that rate (about 0.44 years at 252 working "
                "days a year), if the capacity is today's: is the faster rate measured on a pilot?",
            ),
        ),
    ),
    quiet=(
        Case({**_ONCE, "impact.volume": 4000, "impact.capacity_per_day": 60}),  # about 40 days of review
        Case(
            {"impact.volume": 40000, "impact.capacity_per_day": 60}
        ),  # 40,000 a month: a flow, weighed apart
        Case(  # a backlog of 1.2 million tiles scored once, people working the top 25 a day: not all reviewed
            {
                **_ONCE,
                "impact.volume": 1200000,
                "impact.capacity_per_day": 25,
                "product.mode": "augment",
                "product.action_shape": "top_of_queue",
            }
        ),
    ),
)
def one_off_review_beyond_capacity(plan: Plan) -> Evidence:
    """The review of a one-off backlog takes longer than the project has.

    A job run once over a backlog (archived forms, a historical dump, a migration) is a total, not a rate.
    Where people review each item the model addresses, the backlog over what they review a day is the days
    the review takes: 40,000 forms at 60 a day is over 600 working days, years of one team's time. A
    plan that counts the model's speed and not the review's finishes when the reviewers do. Where the
    project itself speeds each review up (time saved per item on a review people time by hand), today's
    rate is no fixed capacity: the question is whether the faster rate is measured and what the backlog
    takes at it, medium while that is still beyond the project, low once it fits.

    Mitigation: Divide the backlog by what people review a day and say the days it takes; fit it to the
    deadline by reviewing only what the model is unsure of plus a random sample, by more reviewers for a
    set span, or by a smaller first slice of the backlog.
    """
    capacity = plan.impact.capacity
    reviewed = _reviewed(plan)
    if reviewed is None or capacity is None or capacity <= 0:
        return None
    items, counted = reviewed
    days = items / capacity
    if days <= REVIEW_DAYS:
        return None
    found = (
        f"{counted} against impact.capacity_per_day: {said_capacity(plan.impact)}: the review is a total, "
        f"not a rate: {_span(days, ' of review at that capacity')}",
    )
    faster = _faster(plan)
    if faster is None:
        return found
    # The project exists to speed this review up: today's rate is no fixed capacity, and what a lead asks
    # is whether the faster rate is measured, and what the backlog takes at it.
    times, said = faster
    asked = f"{said}: {_span(days / times, ' at that rate')}, if the capacity is today's: is the faster rate measured on a pilot?"
    return Tempered(2 if days / times > REVIEW_DAYS else 1, (*found, asked))


def _span(days: float, said: str = "") -> str:
    """Working days, then `said`, and the years they make: `about 667 working days (about 2.6 years ...)`."""
    takes = fmt.duration(days, "working day") + said
    if fmt.CENTURY in takes:
        return takes
    years = fmt.duration(days / WORKING_DAYS_PER_YEAR, "year", significant=2)
    return f"{takes} ({years} at {WORKING_DAYS_PER_YEAR} working days a year)"


@rule(
    "one-off-output-unchecked",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Audit a random sample of the output batch before it is kept",
        "A job run once has nothing left running to monitor; its errors stay in what it wrote, so a sample "
        "audit with a bar that sends the batch back is the check",
        "warning",
    ),
    fires=(
        Case(
            {**_ONCE, "product.mode": "automate", "after_launch.monitoring": "none"},
            evidence=(
                'impact.period: "once" (a job run once: nothing keeps running to monitor, and its output is kept)',
                "after_launch.monitoring: none (answered: we have none)",
                'product.mode: "automate"',
            ),
        ),
    ),
    quiet=(
        Case(  # a random sample of the output batch is audited
            {
                **_ONCE,
                "product.mode": "automate",
                "after_launch.monitoring[0].signal": "Error rate in a random sample of 400 of the output batch",
            }
        ),
        Case(
            {**_ONCE, "after_launch.monitoring": "none"}
        ),  # people review each suggestion: the review checks
        Case(
            {"product.mode": "automate", "after_launch.monitoring": "none"}
        ),  # it keeps running: no-monitoring
    ),
)
def one_off_output_unchecked(plan: Plan) -> Evidence:
    """A job run once writes its output with no check of the batch.

    A job run once over a backlog has no live model to drift and nothing left running to monitor; its
    errors are written into the record it produces and stay there. What stands in for monitoring is a
    check of the output batch: a random sample audited against people before the output is kept.

    Mitigation: Before the output is kept, audit a random sample of the batch (a few hundred items, more
    for rare classes and each slice that matters) against people's answers, with an error rate that sends
    the batch back to be re-run or reviewed; keep the model version and inputs so it can be re-run.
    """
    if plan.impact.period is None or plan.impact.period.value != "once" or not runs_once(plan):
        return None
    alone = acts_alone(plan)
    if alone is None:
        return None  # people act on each item: their review checks the output
    paths = [*monitor_paths(plan), "done.when_met", "after_launch.fallback", *faq_paths(plan)]
    paths += [f"done.metrics[{index}].name" for index in range(len(plan.done.metrics))]
    if first_said(plan, paths, AUDITED):
        return None
    said = said_none_quote(plan, "after_launch.monitoring")
    return (
        quote(
            plan, "impact.period", "a job run once: nothing keeps running to monitor, and its output is kept"
        ),
        said or "after_launch.monitoring: not answered (nobody checks the output batch)",
        alone,
    )
