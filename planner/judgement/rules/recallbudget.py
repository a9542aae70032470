"""The rule on a recall target against a rare base rate and the capacity of the people who act: the
precision the target needs to fit that capacity, worked out where nobody counted the flags."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import suggests_for_every_item
from planner.judgement.rules.atcapacity import (
    AT_CAPACITY,
    acts_alone,
    cut_off_capacity,
    judged_at_capacity,
    sends_matches,
)
from planner.judgement.rules.base import EASY_LIFT, PRECISION_RARELY_REACHED, Case, Evidence, Tempered, rule
from planner.judgement.rules.evidence import items_per_working_day, quote
from planner.judgement.rules.positives import recall_target
from planner.judgement.rules.rates import capacity_budget, said_capacity
from planner.judgement.rules.units import counted_apart
from planner.judgement.rules.wrongs import precision_aimed
from planner.plan.model import ActionShape, Category, Plan

_RARE = {
    "done.metrics[0].name": "Recall of duplicate invoices",
    "done.metrics[0].target": 0.8,
    "constraints.data.rarest_class_share": 0.002,
    "done.eval_rare_share": 0.002,
    "impact.flagged_per_day": "not measured",
}


@rule(
    "recall-target-beyond-capacity",
    Category.model,
    likelihood=4,
    impact=4,
    move=AT_CAPACITY,
    fires=(
        Case(  # 0.9 true cases a day to catch, 1.5 flags a day people can check: most flags must be true
            {**_RARE, "impact.capacity_per_day": 1.5},
            evidence=(
                "constraints.data.rarest_class_share: 0.002 (x impact.volume: 12,000 a month, about 571 a working "
                "day = about 1.1 true cases a working day; at the recall target of 80% (done.metrics[0]), about 0.91 "
                "to catch a working day)",
                "impact.capacity_per_day: 1.5: to catch them within it, at least 0.91 of the 1.5 flags a working "
                "day, 61%, must be true: 305 times the base rate of 0.2%, 80% of the true cases within the top "
                "0.26% of the items",
                'impact.flagged_per_day: "not measured" (a precision of 61% where 1 item in 500 is a true case '
                "is rarely reached: below it, the flags at 80% recall exceed what people can take, or recall "
                "within it falls short of 80%: judge recall and precision in the top 1.5 a day, not recall alone)",
            ),
            also=frozenset({"small-labeled-set", "small-test-set"}),
        ),
        Case(  # 20 flags a day for 0.9 true cases: a 23-fold lift, plausible, but nobody judged it
            {**_RARE, "impact.capacity_per_day": 20, "impact.flagged_per_day": None},
            evidence=(
                "constraints.data.rarest_class_share: 0.002 (x impact.volume: 12,000 a month, about 571 a working "
                "day = about 1.1 true cases a working day; at the recall target of 80% (done.metrics[0]), about 0.91 "
                "to catch a working day)",
                "impact.capacity_per_day: 20: to catch them within it, at least 0.91 of the 20 flags a working day, "
                "4.6%, must be true: 22.9 times the base rate of 0.2%, 80% of the true cases within the top "
                "3.5% of the items",
                "impact.flagged_per_day: not answered (nobody has counted the flags at 80% recall: judge recall "
                "and precision in the top 20 a day, not recall alone)",
            ),
        ),
    ),
    quiet=(
        Case(
            {**_RARE, "impact.capacity_per_day": 2, "impact.flagged_per_day": 2}
        ),  # counted: other rules weigh it
        Case(
            {**_RARE, "impact.capacity_per_day": 400}
        ),  # people can check most items: nearly any ranking fits
        Case(  # judged at the budget people can work
            {
                **_RARE,
                "impact.capacity_per_day": 20,
                "done.metrics[0].name": "Recall in the top 20 invoices a day",
            }
        ),
        Case({**_RARE, "impact.capacity_per_day": 20, "done.metrics[0].name": "ROC AUC"}),  # no recall target
        Case(  # a precision aimed with the recall keeps the flags within what people take
            {**_RARE, "impact.capacity_per_day": 20, "done.metrics[0].name": "Recall at 60% precision"}
        ),
        Case({**_RARE, "impact.capacity_per_day": 20, "product.action_shape": "choose_among"}),
    ),
)
def recall_target_beyond_capacity(plan: Plan) -> Evidence:
    """A recall target on a rare class needs a precision nobody has weighed to fit people's capacity.

    The true cases a day are the volume times the rare class's share; at the recall target the model
    must catch that share of them; to fit what people can check a day, at least that many of the flags
    must be true, a precision of caught / capacity. Where true cases are rare, the precision needed is
    many times the base rate, and beyond about a half it is rarely reached: the alerts then flood the
    people who act, or recall within their capacity falls short of the target. A recall target alone
    says neither.

    Mitigation: Count the flags a day at the recall target on past data; judge recall and precision in
    the top people can check a day (against the obvious rule's top), and set the target there.
    """
    impact = plan.impact
    target, capacity, working = recall_target(plan), impact.capacity, items_per_working_day(plan)
    rare = plan.constraints.data.rare_share
    if target is None or capacity is None or capacity <= 0 or working is None or rare is None or rare <= 0:
        return None
    if impact.flagged is not None or _no_queue(plan) or counted_apart(plan):
        return None  # flags counted (flags-exceed-capacity weighs them), or no queue of flags to size
    per_day, a_day = working
    index, recall = target
    true = per_day * rare
    caught, needed = recall * true, recall * true / capacity
    if true > capacity:
        return None  # more true cases than people can take: capacity-sets-the-threshold says so
    if needed / rare <= EASY_LIFT or capacity >= per_day:
        return None  # people can check so much of the volume that nearly any ranking fits
    if judged_at_capacity(plan) and cut_off_capacity(plan, capacity / per_day, per_day) is None:
        return None  # the metric is judged at the top people can check already
    aimed = precision_aimed(plan)
    if aimed is not None and aimed[0] >= needed:
        return None  # a precision aimed with the recall keeps the flags within the capacity
    volume = f"{fmt.number(impact.volume)} a {impact.period.value}" if impact.period else ""
    about = "" if a_day == "a day" and volume.endswith("a day") else f", about {fmt.count(per_day)} {a_day}"
    cases = "true case" if _few(true) == "1" else "true cases"
    found = [
        quote(
            plan,
            "constraints.data.rarest_class_share",
            f"x impact.volume: {volume}{about} = about {_few(true)} {cases} {a_day}; at the recall target "
            f"of {fmt.share(recall)} (done.metrics[{index}]), about {_few(caught)} to catch {a_day}",
        ),
        f"impact.capacity_per_day: {said_capacity(impact)}: to catch them within it, at least "
        f"{_few(caught)} of the {fmt.number(capacity, significant=3)} flags {a_day}, {fmt.share(needed)}, "
        f"must be true: {fmt.number(needed / rare, significant=3)} times the base rate of {_percent(rare)}, "
        f"{fmt.share(recall)} of the true cases within the top {_percent(capacity / per_day)} of the items",
    ]
    top = f"judge recall and precision in the top {capacity_budget(impact)}, not recall alone"
    floor, base = PRECISION_RARELY_REACHED
    rarely = needed > floor and rare < base
    if rarely:
        note = (
            f"a precision of {fmt.share(needed)} where 1 item in {fmt.count(1 / rare)} is a true case is rarely "
            f"reached: below it, the flags at {fmt.share(recall)} recall exceed what people can take, or recall "
            f"within it falls short of {fmt.share(recall)}: {top}"
        )
    else:
        note = f"nobody has counted the flags at {fmt.share(recall)} recall: {top}"
    if impact.flagged_per_day is None:
        found.append(f"impact.flagged_per_day: not answered ({note})")
    else:
        found.append(quote(plan, "impact.flagged_per_day", note))
    return tuple(found) if rarely else Tempered(3, found)


def _few(count: float) -> str:
    """A count a day with two significant digits (`0.42`, `3.4`): rounded to a whole, a rare case reads wrong."""
    return fmt.number(count, significant=2)


def _percent(share: float) -> str:
    """A small share with two significant digits (`0.08%`, `0.26%`): one decimal would round it away."""
    return f"{fmt.number(share * 100, significant=2)}%"


def _no_queue(plan: Plan) -> bool:
    """No queue of flags for people to work: each item gets its suggestions, people choose among a few,
    the receiving side takes matches, or the system acts alone."""
    shortlist = plan.product.action_shape is ActionShape.choose_among
    return suggests_for_every_item(plan) or shortlist or sends_matches(plan) or acts_alone(plan)
