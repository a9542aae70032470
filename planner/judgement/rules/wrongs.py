"""Rules that multiply the plan's own counts out: the wrong actions a month an automated model takes at
its volume, base rate and precision target, which a percentage alone hides."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import (
    DAYS_PER_MONTH,
    WORKING_DAYS_PER_MONTH,
    answer_at,
    items_per_month,
    monthly_value,
    own_notes,
    quote,
)
from planner.judgement.rules.impact import is_money
from planner.judgement.rules.seen import seen_per_day
from planner.judgement.rules.weighed import money_in
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Direction, ErrorCost, Mode, Plan
from planner.plan.spoken import STEP_MINUTES, STEP_TIME, UNIT_WORDS, said_count

# A metric that is the share of actions taken that were right.
_PRECISE = Lexicon("""
    precision, ppv, positive predictive value, hit rate, hit-rate, share of flags, share of flagged
    share of sampled flags, share of alerts, flags confirmed, alerts confirmed, confirmed flags
""")
# Shapes of a worklist whose every action spends what the action costs, whoever picks it.
_WORKLIST = (ActionShape.top_of_queue, ActionShape.threshold, ActionShape.up_to_capacity)
# A recall the precision is paired with.
_RECALL = Lexicon("recall, sensitivity, true positive rate, detection rate")
# A precision said inside another metric's name: 'recall at 95% precision'.
_AT_PRECISION = re.compile(r"\b(\d{1,2}(?:\.\d+)?)\s*%\s*precision\b", re.IGNORECASE)

# Words saying the team already counted the wrong actions in a period.
STATED = Lexicon("""
    false positives a month, false positives per month, false positives each month, false positives a week
    false positives per week, false positives a day, false positives per day, false alarms a month
    false alarms per month, false alarms a week, false alarms per week, false alarms a day, false alarms per day
    wrong actions a month, wrong actions per month, wrong actions a week, wrong actions per week
    wrongly blocked a month, wrongly refused a month, wrong ones a month, wrong ones per month
""")

_SAID = ("impact.if_it_fails", "impact.error_harm", "done.when_met", "after_launch.fallback")


def precision_aimed(plan: Plan) -> tuple[float, int] | None:
    """The precision the plan aims at, and the metric that says it: a precision target, or a precision
    named in another metric ('recall at 95% precision')."""
    for index, metric in enumerate(plan.done.metrics):
        goal = metric.goal()
        if goal is not None and 0 < goal < 1 and _PRECISE.find(metric.name) and not _RECALL.find(metric.name):
            return goal, index
    for index, metric in enumerate(plan.done.metrics):
        found = _AT_PRECISION.search(metric.name)
        if found and 0 < float(found.group(1)) < 100:
            return float(found.group(1)) / 100, index
    return None


def _bounded(plan: Plan) -> bool:
    """Whether a done metric already caps a share that must stay low (wrong removals at most 1 in 1,000)."""
    return any(
        metric.direction is Direction.lower_is_better
        and (goal := metric.goal()) is not None
        and 0 <= goal < 1
        for metric in plan.done.metrics
    )


def _hours(text: str | None) -> float | None:
    """The hours of a person's time one action takes, as `impact.action_cost` says it."""
    found = STEP_TIME.search(text or "")
    if not found:
        return None
    amount = said_count(found.group(2) or found.group(1))
    return amount * STEP_MINUTES[UNIT_WORDS[found.group(3).lower()]] / 60


def _costed(plan: Plan, wrong: float) -> str:
    """What the wrong actions a month cost: the money each action spends, against the value the plan
    estimates a month, and the hours of the people who handle them."""
    said = []
    spent = money_in(plan.impact.action_cost)
    if spent is not None:
        amount, currency = spent
        said.append(
            f"x {fmt.money(amount, currency)} = about {fmt.money(wrong * amount, currency)} a month spent wrongly"
        )
        value = monthly_value(plan)
        if value and is_money(plan.impact.value_unit) and (plan.impact.value_unit or "").upper() == currency:
            said.append(f"against an estimated value of {fmt.money(value, currency)} a month")
    hours = _hours(plan.impact.action_cost)
    if hours is not None and wrong * hours >= 1:
        said.append(
            f"{fmt.number(wrong * hours, 0 if wrong * hours >= 10 else 1)} hours a month of people's time on them"
        )
    return "; ".join(said)


def _recall(plan: Plan) -> float | None:
    for metric in plan.done.metrics:
        goal = metric.goal()
        if goal is not None and 0 < goal <= 1 and _RECALL.find(metric.name):
            return goal
    return None


def _acted_on(
    plan: Plan, volume: float, share: float, recall: float | None, precision: float
) -> tuple[float, str, str]:
    """The cases acted on a month, with the arithmetic: the flags a day the plan expects, else the true
    cases it finds divided by its precision. Wrong actions are a share of the cases acted on, not of the
    rarest class: a model acting on 600 a month at 90% precision errs on 60, whatever the base rate."""
    impact = plan.impact
    flagged = impact.flagged
    if flagged is not None and flagged > 0:
        daily = impact.period is not None and impact.period.value == "day"
        days = DAYS_PER_MONTH if daily else WORKING_DAYS_PER_MONTH
        acted = flagged * days
        return (
            acted,
            f"{fmt.count(flagged)} flagged a day x {fmt.number(days, 0)} days = {fmt.count(acted)} acted on",
            "impact.flagged_per_day",
        )
    right = volume * share * (recall or 1.0)
    acted = right / precision
    seen = seen_per_day(plan)
    if seen is not None and seen[0] * WORKING_DAYS_PER_MONTH < acted:
        # a scan-and-rank job: the volume is what the model scores; people act on their capacity's top
        reach = seen[0] * WORKING_DAYS_PER_MONTH
        return (
            reach,
            f"people act on the top {fmt.count(seen[0])} a day x {fmt.number(WORKING_DAYS_PER_MONTH, 0)} days = "
            f"{fmt.count(reach)} a month, not on the {fmt.count(acted)} that {fmt.count(volume)} scored a month "
            "would flag",
            seen[1],
        )
    if recall is None:
        said = f"{fmt.count(volume)} a month x {fmt.share(share)} = {fmt.count(right)} true cases, all found"
    else:
        said = f"{fmt.count(volume)} a month x {fmt.share(share)} x {fmt.share(recall)} recall = {fmt.count(right)} found"
    return acted, f"{said}, {fmt.count(acted)} acted on", "constraints.data.rarest_class_share"


_AUTOMATE = {"product.mode": "automate", "impact.costlier_error": "false_positive"}


@rule(
    "wrong-actions-at-volume",
    Category.operations,
    likelihood=3,
    impact=3,
    move=Move(
        "Count the wrong actions a month before choosing the precision target",
        "A precision target reads well as a percentage; at the product's volume and base rate it is a count "
        "of people or payments acted on wrongly every month: multiply it out, put a cost on each, and set "
        "the threshold (or a person's check on the costliest) so that count is one the business accepts",
        "warning",
    ),
    ask="how many wrong actions a month does the precision target mean at this volume, and who bears them?",
    fires=(
        Case(
            {
                **_AUTOMATE,
                "done.metrics[0].name": "Precision of the duplicate hold",
                "done.metrics[0].target": 0.9,
            },
            also=frozenset({"target-beyond-human"}),
            evidence=(
                'done.metrics[0].name: "Precision of the duplicate hold" (20 flagged a day x 21 days = 420 acted '
                "on; at 90% precision about 42 of them wrong a month; 1.4 hours a month of people's time on them)",
                "impact.volume: 12000",
                "impact.flagged_per_day: 20",
                'impact.action_cost: "Two minutes of a clerk\'s check per held invoice; nothing is given a..."',
            ),
        ),
        Case(  # the precision said inside a recall metric's name, the recall its target; no flags a day said
            {**_AUTOMATE, "impact.flagged_per_day": None},
            evidence=(
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (12,000 a month x 2% x 75% '
                "recall = 180 found, 189 acted on; at 95% precision about 9 of them wrong a month)",
                "impact.volume: 12000",
                "constraints.data.rarest_class_share: 0.02",
                'impact.action_cost: "Two minutes of a clerk\'s check per held invoice; nothing is given a..."',
            ),
        ),
        Case(  # the precision worded as the share of flags people confirm
            {
                **_AUTOMATE,
                "done.metrics[0].name": "Share of flags confirmed by the clerks",
                "done.metrics[0].target": 0.9,
            },
            also=frozenset({"target-beyond-human"}),
        ),
        Case(  # a person works down the list, and each action spends money: the count is a sum too
            {
                "product.action_shape": "top_of_queue",
                "impact.costlier_error": None,
                "done.metrics[0].name": "Precision of the duplicate hold",
                "done.metrics[0].target": 0.9,
                "impact.action_cost": "A credit check at €12 and 20 minutes of a clerk per held invoice.",
            },
            also=frozenset({"target-beyond-human", "queue-bottom-starves"}),
            evidence=(
                'done.metrics[0].name: "Precision of the duplicate hold" (20 flagged a day x 21 days = 420 acted '
                "on; at 90% precision about 42 of them wrong a month; x €12 = about €504 a month spent wrongly; "
                "against an estimated value of €5,040 a month; 14 hours a month of people's time on them)",
                "impact.volume: 12000",
                "impact.flagged_per_day: 20",
                'impact.action_cost: "A credit check at €12 and 20 minutes of a clerk per held invoice."',
            ),
        ),
    ),
    quiet=(
        Case(  # a worklist whose actions cost money, but a miss is the costlier error
            {
                "product.action_shape": "top_of_queue",
                "done.metrics[0].name": "Precision of the duplicate hold",
                "done.metrics[0].target": 0.9,
                "impact.action_cost": "A credit check at €12 per held invoice.",
            }
        ),
        Case({"product.mode": "automate"}),  # the costlier error is a miss: a wrong hold is cheap
        Case({"impact.costlier_error": "false_positive"}),  # a person decides each case
        Case(  # the team counted them already
            {
                **_AUTOMATE,
                "impact.if_it_fails": "About 9 false positives a month, each released within a day.",
            }
        ),
        Case(  # 100 a month x 2% x 75% at 95% precision: under one
            {**_AUTOMATE, "impact.volume": 100, "impact.flagged_per_day": None}
        ),
        Case(  # two flags a week, 95% precise: about one wrong action a year
            {**_AUTOMATE, "impact.flagged_per_day": 0.4}
        ),
    ),
)
def wrong_actions_at_volume(plan: Plan) -> Evidence:
    """The precision target hides a count of wrong actions a month.

    A model that acts alone at 95% precision still acts wrongly on one case in twenty it acts on; at the
    product's volume and base rate that is a count a month of people refused, payments held or accounts
    closed in error, each with a cost. A lead multiplies it out before agreeing the target: a percentage
    that sounds high can be hundreds of wrong actions a month. Where a person works down a list and each
    action spends money, the same sum is the money spent a month on the wrong cases, and the hours of the
    people who handle them.

    Mitigation: Multiply the cases acted on a month (the flags a day, or volume x base rate x recall /
    precision) by (1 - precision) into wrong actions a month, put a cost on each (the action's cost, the handlers' hours), and set the threshold, or a person's check on the costliest, so the count
    is one the business accepts.
    """
    impact = plan.impact
    spends = money_in(impact.action_cost) is not None  # each action spends money, right or wrong
    worklist = plan.product.mode is not None and plan.product.action_shape in _WORKLIST and spends
    if plan.product.mode is not Mode.automate and not worklist:
        return None
    # a wrong action is the costlier error, or each one spends money
    harmful = impact.costlier_error is ErrorCost.false_positive or (
        spends and impact.costlier_error is not ErrorCost.false_negative
    )
    volume, share, precision = (
        items_per_month(plan),
        plan.constraints.data.rare_share,
        precision_aimed(plan),
    )
    if not harmful or volume is None or share is None or not 0 < share < 0.5 or precision is None:
        return None
    texts = [str(answer_at(plan, path) or "") for path in _SAID] + own_notes(plan)
    if any(STATED.find(text) for text in texts) or _bounded(plan):
        return None  # the team counted them already, or bounds them with a done metric of their own
    value, index = precision
    acted, note, source = _acted_on(plan, volume, share, _recall(plan), value)
    wrong = acted * (1 - value)
    if wrong < 1:
        return None  # fewer than one a month: benign
    note = f"{note}; at {fmt.share(value)} precision about {fmt.count(wrong)} of them wrong a month"
    costed = _costed(plan, wrong)
    if costed:
        note = f"{note}; {costed}"
    evidence = [
        quote(plan, f"done.metrics[{index}].name", note),
        quote(plan, "impact.volume"),
        quote(plan, source),
    ]
    for path in ("impact.action_cost", "impact.error_harm"):
        if answer_at(plan, path):
            evidence.append(quote(plan, path))
            break
    return tuple(evidence)
