"""Rules on the share of the whole the model's step takes: no saving beyond it, no metric moved past it."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, metric_name_paths, norm, quote, show
from planner.judgement.rules.pace import counted_until_found, pace_claim
from planner.judgement.rules.untimed import step_time_said, untimed_saving
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, Metric, Plan, TaskType
from planner.plan.shares import part_of, share_of
from planner.plan.spoken import UNIT_WORDS, convert

# A product metric counted over the whole chain, not over the model's step: time to an outcome, delay,
# on-time rates.
END_TO_END = Lexicon(
    """
    time to decision, time to a decision, time to reply, time to first reply, time to answer
    time to resolution, time to resolve, time to close, time to payment, time to pay, time to quote
    time to approval, time to diagnosis, time to treatment, time to dispatch, time to delivery
    time from, days from, hours from, weeks from, days to close, days to decision, days to pay
    days to payment, days outstanding, turnaround, turnaround time, turnaround times, turn-around time, lead time, lead times, cycle time
    cycle times, end-to-end, end to end, throughput time, waiting time, waiting times, wait time
    wait times, resolution time, resolution times, on-time rate, on-time delivery, on-time deliveries
    on-time arrival, on-time arrivals, on-time performance, delivered on time, late deliveries
    wait at pick-up, wait at collection, waiting at pick-up, waiting at collection, pick-up wait
    time to collection, time to pick-up, days to return, time to return, time to repair, days to repair
    time per case, time per claim, time per request, time per application, time per file, time per order
    hours per case, hours per claim, hours per request, minutes per case, minutes per claim
    officer time, staff time, caseworker time, handling time, processing time, time spent per case
    """
)

# Free-text cues that the delay is waiting (a queue, another department), not the work the model does.
WAITING = Lexicon(
    """
    waiting for, wait for, waits for, waiting on, waits on, in a queue, in the queue, queued, backlog
    backlogs, waiting time, waiting times, wait time, wait times, another department, other department
    other departments, another team, other teams, handover, handovers, hand-off, hand-offs, handoff
    handoffs, back and forth, back-and-forth, idle time
    """
)

# Where the answers describe the delay.
_SAYS_THE_DELAY = ("impact.bottleneck", "product.pain", "product.current_solution", "press_release.problem")
_SMALL_STEP = 0.5  # a step under half the whole leaves most of an end-to-end metric to the other steps

_TIME_END_TO_END = Move(
    "Time a few items end to end before sizing the impact",
    "A model saves at most what its step takes: follow 10-20 items from start to finish, note where the "
    "time goes, and aim at the step that holds it",
    "warning",
)


# Tasks that estimate a quantity or a date for people to plan by: they take over no step of the work, so
# no share of an end-to-end time is theirs to shorten.
_ESTIMATES = (TaskType.regression, TaskType.forecasting)


def _end_to_end_metric(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The product metric, or else the first done metric, counted end to end: (path, the words that say so)."""
    metrics = list(metric_name_paths(plan))
    return first_said(plan, ("product.success_metric", *metrics), END_TO_END)


def _step_share_quote(plan: Plan) -> str:
    """`impact.step_share: "8 of 45 minutes" (17.8%)`, or the share as a percentage."""
    value = plan.impact.step_share
    share = share_of(value)
    said = f'"{value}"' if isinstance(value, str) else fmt.share(share or 0)
    return f"impact.step_share: {said}" + (
        f" ({fmt.share(share)})" if isinstance(value, str) and share else ""
    )


@rule(
    "saving-exceeds-step",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Size the saving from the step's own time",
        "A model that improves one step saves at most what that step takes; the rest of each item's time "
        "lies in other steps, untouched",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "impact.step_share": "8 of 45 minutes",
                "impact.value_per_item": 30,
                "impact.value_unit": "minutes",
            },
            evidence=(
                'impact.value_per_item: 30 minutes saved per item, but impact.step_share: "8 of 45 minutes": '
                "the step takes 8 minutes of the 45",
                "at most 8 minutes can be saved per item by this step (30 is 3.8 times that); the other 37 "
                "minutes lie in other steps",
            ),
        ),
    ),
    quiet=(
        Case(
            {"impact.step_share": "8 of 45 minutes", "impact.value_per_item": 5, "impact.value_unit": "min"}
        ),
        Case(
            {"impact.step_share": "2 of 3 hours", "impact.value_per_item": 90, "impact.value_unit": "minutes"}
        ),
        Case({"impact.step_share": 0.2, "impact.value_per_item": 30, "impact.value_unit": "minutes"}),
    ),
)
def saving_exceeds_step(plan: Plan) -> Evidence:
    """The saving claimed per item is more than the step takes.

    The value per item is more than the whole step the model improves takes (saving 30 minutes on a step
    of 8): even a perfect model cannot deliver it, so the impact estimate, and whether the work pays,
    rest on a number that cannot happen.

    Mitigation: Size the saving from the step's measured time (at most all of it), or aim at the steps
    that hold the rest of the time.
    """
    impact, value = plan.impact, plan.impact.item_value
    step = part_of(impact.step_share)
    if value is None or not impact.value_unit or step is None:
        return None
    part, whole, unit = step
    said, typed = UNIT_WORDS.get(norm(unit)), UNIT_WORDS.get(norm(impact.value_unit))
    if said and typed:
        claimed = convert(value, typed, said)
    elif norm(unit) and norm(unit) == norm(impact.value_unit):  # `4 of 10 EUR` against 6 EUR
        claimed = value
    else:
        return None
    if claimed <= part * 1.05:
        return None
    return (
        f"impact.value_per_item: {show(impact.value_per_item)} {impact.value_unit} saved per item, but "
        f'impact.step_share: "{impact.step_share}": the step takes {show(part)} {unit} of the {show(whole)}',
        f"at most {show(part)} {unit} can be saved per item by this step ({show(claimed)} is "
        f"{fmt.number(claimed / part, 1)} times that); the other {show(whole - part)} {unit} lie in other steps"
        if part
        else f"the step takes none of the {show(whole)} {unit}: nothing can be saved there",
    )


def asked_gain(item: Metric) -> float | None:
    """The improvement a done metric's target asks, as a share of its baseline (7 days against 12 is
    41.7%; 1.5 below 12 is 12.5%); None where no baseline figure or no margin says it."""
    base = item.baseline_figure
    if item.relative_target is not None:
        return item.relative_target
    if not base:
        return None
    if item.absolute_target is not None:
        return item.absolute_target / abs(base)
    if item.target is None:
        return None
    sign = 1 if item.direction is Direction.higher_is_better else -1
    change = sign * (item.target - base) / abs(base)
    return change if change > 0 else None


def _gain_words(item: Metric, gain: float) -> str:
    if item.relative_target is not None:
        return fmt.share(gain)
    if item.absolute_target is not None:
        return f"{item.margin_words()}, {fmt.share(gain)}"
    return f"{show(item.target)} against {show(item.baseline_figure)}, {fmt.share(gain)}"


@rule(
    "whole-moves-by-step-share",
    Category.product,
    likelihood=3,
    impact=4,
    move=_TIME_END_TO_END,
    ask="can improving one step move a metric counted end to end that far?",
    fires=(
        Case(
            {
                "product.success_metric": "Time to decision for each claim",
                "impact.step_share": "8 of 45 minutes",
            },
            evidence=(
                'product.success_metric: "Time to decision for each claim" (counted end to end: time to '
                "decision)",
                'impact.step_share: "8 of 45 minutes" (17.8%): even a perfect model, removing this step '
                "entirely, would move the whole by at most 17.8%; the other 82.2% lies in other steps",
                "impact.share_addressed: 60% (the first model takes that share of the items: 17.8% × 60% = "
                "at most 10.7% of the whole)",
            ),
        ),
        Case(
            {
                "product.success_metric": "Officer time per case",
                "impact.step_share": 0.19,
                "impact.share_addressed": 0.8,
                "done.metrics": [
                    {
                        "name": "Officer time per case, hours",
                        "baseline": 10,
                        "target": 6,
                        "direction": "lower",
                    }
                ],
            },
            evidence=(
                'product.success_metric: "Officer time per case" (counted end to end: officer time)',
                "impact.step_share: 19%: even a perfect model, removing this step entirely, would move the "
                "whole by at most 19%; the other 81% lies in other steps",
                "impact.share_addressed: 80% (the first model takes that share of the items: 19% × 80% = at "
                "most 15.2% of the whole)",
                "done.metrics[0]: 6 against 10, 40% better than the baseline, above the 15.2% the step can "
                "give: the other 24.8% must come from the other steps",
            ),
        ),
    ),
    quiet=(
        Case({"product.success_metric": "Time to decision for each claim", "impact.step_share": 0.7}),
        Case({"product.success_metric": "Duplicate payments per month", "impact.step_share": 0.1}),
    ),
)
def whole_moves_by_step_share(plan: Plan) -> Evidence:
    """The product metric moves at most by the step's share.

    The product metric is counted end to end (time to decision, lead time, on-time rate) while the
    model's step takes a small share of it: even a perfect model moves the whole by at most that share,
    so a target on the whole needs the other steps too.

    Mitigation: Set the target on what the step can move, or plan the other steps' changes with it;
    time a few items end to end to see where the time goes.
    """
    share = share_of(plan.impact.step_share)
    metric = _end_to_end_metric(plan)
    if share is None or metric is None or share >= _SMALL_STEP:
        return None
    path, words = metric
    evidence = [
        quote(plan, path, f"counted end to end: {', '.join(words)}"),
        f"{_step_share_quote(plan)}: even a perfect model, removing this step entirely, would move the whole "
        f"by at most {fmt.share(share)}; the other {fmt.share(1 - share)} lies in other steps",
    ]
    cap = share
    addressed = plan.impact.share_addressed
    if isinstance(addressed, float) and addressed < 1:
        cap = share * addressed
        evidence.append(
            f"impact.share_addressed: {fmt.share(addressed)} (the first model takes that share of the items: "
            f"{fmt.share(share)} × {fmt.share(addressed)} = at most {fmt.share(cap)} of the whole)"
        )
    for index, item in enumerate(plan.done.metrics):
        gain = (
            asked_gain(item) if END_TO_END.find_all(item.name) else None
        )  # a model score is no share of the whole
        if gain is not None and gain > cap:
            evidence.append(
                f"done.metrics[{index}]: {_gain_words(item, gain)} better than the baseline, above the "
                f"{fmt.share(cap)} the step can give: the other {fmt.share(gain - cap)} must come from the "
                "other steps"
            )
    return Hint(words, evidence)


@rule(
    "step-share-unmeasured",
    Category.product,
    likelihood=3,
    impact=3,
    move=_TIME_END_TO_END,
    ask="which step holds the time, and how much of it does the model's step take?",
    fires=(
        Case(
            {"product.success_metric": "Median lead time per order", "impact.step_share": "not measured"},
            evidence=(
                'product.success_metric: "Median lead time per order" (counted end to end: lead time)',
                'impact.step_share: "not measured" (which step is the bottleneck? time a few items end to '
                "end before sizing the impact)",
            ),
        ),
        Case(  # the step is timed where it is named; the whole, end to end, is not (asked low)
            {
                "product.success_metric": "Median lead time per order",
                "impact.step_share": "not measured",
                "impact.bottleneck": "Checking each order's address, 3 minutes per order.",
            },
            evidence=(
                'product.success_metric: "Median lead time per order" (counted end to end: lead time)',
                'impact.step_share: "not measured" (the step itself takes 3 minutes (impact.bottleneck); how '
                "long is the whole, end to end?)",
            ),
        ),
        Case(  # more items a day claimed from a step the model does on every item people work today
            {
                "product.success_metric": "Invoices cleared per day, from 300 to 600",
                "product.action_shape": "every_item",
                "impact.step_share": "not measured",
            },
            evidence=(
                'product.success_metric: "Invoices cleared per day, from 300 to 600" (a claim on the pace of '
                "the work: per day)",
                'impact.step_share: "not measured" (the model speeds up its own step only: if another step of '
                "each item's work is the slow one, the pace hardly moves; which step holds the time? time a few "
                "items through every step)",
            ),
        ),
    ),
    quiet=(
        Case({"product.success_metric": "Median lead time per order", "impact.step_share": 0.6}),
        Case(  # a time until an event is found: a detector shortens it by seeing sooner, no step's share
            {
                "product.success_metric": "Days from a leak starting to its discovery",
                "impact.step_share": "not measured",
            }
        ),
        Case(  # items a day, but the model picks a few out for people: it does no step of every item's work
            {"product.success_metric": "Invoices cleared per day", "impact.step_share": "not measured"}
        ),
        Case(  # it estimates a date: it does no step of the process whose share of the time could be asked
            {
                "product.task": "regression",
                "product.success_metric": "Share of harvest crews sent to unripe orchards; days from bloom to pick",
                "impact.step_share": "not measured",
            }
        ),
    ),
)
def step_share_unmeasured(plan: Plan) -> Evidence:
    """Nobody knows the step's share of an end-to-end metric, or of the pace the plan claims.

    The product metric is counted end to end, and nobody has measured how much of it the model's step
    takes: the work may aim at a step that holds little of the time. So too where the plan claims more
    items done a day (a backlog worked down) from a step the model does on every item people work today:
    another step may set the pace. Where the bottleneck gives the step's own time, the step is timed and
    only the whole is unknown: asked, low. A time until an event is found (days to discovery) is no
    step's to shorten: a detector shortens it by seeing sooner.

    Mitigation: Follow 10-20 items from start to finish, note where the time goes, and aim the model at
    the step that holds it.
    """
    if plan.product.task in _ESTIMATES:
        return None  # it estimates a quantity or a date: no step of the work is done faster by it
    if plan.impact.step_share != "not measured" or untimed_saving(plan):
        return None  # saving-on-untimed-step asks the same timing of a saving typed as a figure
    metric = _end_to_end_metric(plan)
    if metric is not None and counted_until_found(plan, metric[0]):
        metric = None  # a time until an event is found: a detector shortens it by seeing sooner
    step = step_time_said(plan)
    if metric is None:
        return _pace_rests_on_step(plan, step is not None)
    path, words = metric
    if step is None:
        note = "which step is the bottleneck? time a few items end to end before sizing the impact"
    else:  # the step is timed: only the whole is unknown, and with it how far the metric can move
        note = f"the step itself takes {step[1]} (impact.bottleneck); how long is the whole, end to end?"
    evidence = (
        quote(plan, path, f"counted end to end: {', '.join(words)}"),
        quote(plan, "impact.step_share", note),
    )
    return Hint(words, evidence, likelihood=None if step is None else 1)


def _pace_rests_on_step(plan: Plan, timed: bool) -> Evidence:
    """A claim of more items done a period (or faster) where the model does one step of the work people
    do on every item, and nobody measured that step's share: another step may set the pace."""
    claim = pace_claim(plan)
    if claim is None:
        return None
    path, words = claim
    note = (
        "the model speeds up its own step only: if another step of each item's work is the slow one, the pace "
        "hardly moves; which step holds the time? time a few items through every step"
    )
    evidence = (
        quote(plan, path, f"a claim on the pace of the work: {', '.join(words)}"),
        quote(plan, "impact.step_share", note),
    )
    return Hint(words, evidence, likelihood=1 if timed else None)


@rule(
    "delay-may-be-waiting",
    Category.product,
    likelihood=3,
    impact=3,
    move=_TIME_END_TO_END,
    ask="is the delay the work the model speeds up, or waiting between steps?",
    fires=(
        Case(
            {
                "impact.bottleneck": "Quotes wait for the pricing team before they go out.",
                "impact.step_share": None,
            },
            evidence=(
                'impact.bottleneck: "Quotes wait for the pricing team before they go out." (wait for: '
                "a model speeds up the work, not the wait; what share of the whole does the step take?)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "impact.bottleneck": "Quotes wait for the pricing team before they go out.",
                "impact.step_share": 0.7,
            }
        ),
        Case({"impact.bottleneck": "Agents read every ticket to route it.", "impact.step_share": None}),
    ),
)
def delay_may_be_waiting(plan: Plan) -> Evidence:
    """The delay may be waiting, not the step the model improves.

    The answers describe the delay as waiting (a queue, another department, a handover), and the share
    of the whole the model's step takes is unanswered: a model speeds up work, not the wait around it.

    Mitigation: Time a few items end to end and give the step's share of the whole; if waiting holds the
    time, change the handover first.
    """
    if plan.impact.step_share is not None:
        return None
    found = first_said(plan, _SAYS_THE_DELAY, WAITING)
    if found is None:
        return None
    path, words = found
    note = f"{', '.join(words)}: a model speeds up the work, not the wait; what share of the whole does the step take?"
    return Hint(words, (quote(plan, path, note),))
