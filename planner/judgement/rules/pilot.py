"""Rules on whether the live trial can show what it is run for: a canary, pilot or shadow run is judged by
its type, but a lead works out from the plan's own figures how many of the cases that matter it will see.

A four-week canary on 5% of 2,000 items a day, with a rare class of 1%, meets about 3 rare cases: however
the model handles them, three cases cannot show it. The count is the volume a day, times the pilot's days,
times the share of traffic it gets, times the rarest class's share.
"""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import items_per_day, quote, show
from planner.judgement.rules.pilotsize import LIVE_TRIALS, pilot_length
from planner.judgement.rules.units import share_per_day
from planner.plan.model import Category, Direction, Plan

# Rare cases a live trial must meet before how the model handles them can show at all: with 30, a
# share caught of 80% is known to about +-15 points.
ENOUGH_RARE = 30
# A rarest class above this is no rare event: the trial meets plenty of each class.
RARE_AT_MOST = 0.1


# A rate the done metric reads, named as such: `false-accept rate`, `share of bad lots passed`.
_RATE = re.compile(r"\b(?:rate|share|proportion)\b", re.IGNORECASE)


def _rare_rate(plan: Plan) -> tuple[float, str, str] | None:
    """The rate of the events the trial must meet: the rarest class's share, else a low rate a done
    metric targets (a false-accept rate of 1% is read on the false accepts the trial meets)."""
    rare = plan.constraints.data.rare_share
    if rare is not None:
        named = f"constraints.data.rarest_class_share: {rare}"
        return (rare, named, "rare cases") if 0 < rare <= RARE_AT_MOST else None
    for index, metric in enumerate(plan.done.metrics):
        target = metric.target
        low = isinstance(target, int | float) and 0 < target <= 0.05
        if metric.direction is Direction.lower_is_better and low and _RATE.search(metric.name):
            named = f"done.metrics[{index}].target: {show(target)} ({metric.name})"
            return float(target or 0), named, "errors at the target rate"
    return None


@rule(
    "pilot-sees-too-few-rare-cases",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Size the live trial by the rare cases it will meet",
        "At the plan's volume, the trial's length and its share of traffic, it meets only a handful of the "
        "rare cases that matter: run it longer or on more of the traffic until it expects about 30, or judge "
        "the rare cases on a labelled back-test and keep the trial for the common ones",
        "info",
    ),
    ask="how many of the rare cases will the live trial meet, and is that enough to see a change in them?",
    fires=(
        Case(
            {
                "done.online_validation": "canary",
                "done.when_met": "A 4-week canary at 5% of traffic, then everyone.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.001,
                "done.eval_rare_share": 0.001,  # the test set drawn as the field comes
            },
            also=frozenset({"small-labeled-set", "small-test-set"}),  # a rare class of 0.1%
            evidence=(
                'done.when_met: "A 4-week canary at 5% of traffic, then everyone." (4-week canary: 28 days '
                "on 5% of traffic)",
                "impact.volume: 2,000 a day; constraints.data.rarest_class_share: 0.001 (about 3 rare cases "
                "in 28 days; fewer than 30 cannot show how the model handles them; about 300 days at this "
                "share expect 30)",
            ),
        ),
        Case(  # a part of the sites, said in words, in a metric's data set
            {
                "done.online_validation": "holdout",
                "done.metrics[0].name": "Share of faults caught",
                "done.metrics[0].dataset": "Six-month pilot in two of our six depots.",
                "impact.volume": 1200,
                "impact.period": "month",
                "constraints.data.rarest_class_share": 0.005,
            },
            evidence=(
                'done.metrics[0].dataset: "Six-month pilot in two of our six depots." (Six-month pilot: '
                "180 days on two of our six depots)",
                "impact.volume: 1,200 a month; constraints.data.rarest_class_share: 0.005 (about 12 rare "
                "cases in 180 days; fewer than 30 cannot show how the model handles them; about 457 days at "
                "this share expect 30)",
            ),
        ),
        Case(  # a short test on a few of the people the answers count elsewhere
            {
                "done.online_validation": "canary",
                "done.when_met": "A three-week test with 6 drivers from the northern depot, then all vans.",
                "product.users": "Our 90 delivery drivers and the depot planners.",
                "impact.volume": 3000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # the trial's own count of cases, said in the evaluation set
            {
                "done.online_validation": "shadow",
                "done.eval_set": "A two-week shadow run on 300 cases, checked by the senior assessors.",
                "constraints.data.rarest_class_share": 0.02,
            },
            evidence=(
                'done.eval_set: "A two-week shadow run on 300 cases, checked by the senior assessors." '
                "(two-week shadow run: 300 cases)",
                "constraints.data.rarest_class_share: 0.02 (about 6 rare cases in 300 cases; fewer than 30 "
                "cannot show how the model handles them; about 1,500 cases expect 30)",
            ),
        ),
        Case(  # no rare class answered: the low rate the done metric targets is what the trial must read
            {
                "done.when_met": "A 4-week pilot on 600 claims in one branch, then all branches.",
                "done.metrics[0].name": "False-accept rate on the claims the model passes",
                "done.metrics[0].direction": "lower",
                "done.metrics[0].target": 0.01,
                "done.metrics[0].baseline": 0.03,
                "constraints.data.rarest_class_share": None,
            },
            evidence=(
                'done.when_met: "A 4-week pilot on 600 claims in one branch, then all branches." (4-week '
                "pilot: 600 claims)",
                "done.metrics[0].target: 0.01 (False-accept rate on the claims the model passes) (about 6 "
                "errors at the target rate in 600 claims; fewer than 30 cannot show how the model handles "
                "them; about 3,000 cases expect 30)",
            ),
        ),
        Case(  # a share per cow-day times a count of cases: not multiplied, asked in the plan's unit
            {
                "done.online_validation": "shadow",
                "done.eval_set": "A two-week shadow run on 300 cases, checked by the herd vet.",
                "product.label": "Clinical mastitis diagnosed by the vet, per cow per day.",
                "constraints.data.rarest_class_share": 0.02,
            },
            evidence=(
                'done.eval_set: "A two-week shadow run on 300 cases, checked by the herd vet." (two-week '
                "shadow run)",
                'product.label: "Clinical mastitis diagnosed by the vet, per cow per day." (per cow per day: '
                "constraints.data.rarest_class_share: 0.02 is a share of those, not of cases: not multiplied; "
                "how many does the trial cover?)",
            ),
        ),
    ),
    quiet=(
        Case(  # a share per cow-day, the volume in cows a day: the same unit, enough of them
            {
                "done.online_validation": "canary",
                "done.when_met": "An 8-week pilot on one farm, then all farms.",
                "product.label": "Clinical mastitis diagnosed by the vet, per cow per day.",
                "impact.bottleneck": "The morning check of the herd's 900 cows.",
                "impact.volume": 900,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # enough cases in the trial to read a rate of 1%
            {
                "done.when_met": "A 4-week pilot on 6,000 claims in one branch, then all branches.",
                "done.metrics[0].name": "False-accept rate on the claims the model passes",
                "done.metrics[0].direction": "lower",
                "done.metrics[0].target": 0.01,
                "done.metrics[0].baseline": 0.03,
                "constraints.data.rarest_class_share": None,
            }
        ),
        Case(  # a span of a test set, not of a live trial
            {
                "done.online_validation": "canary",
                "done.when_met": "Recall above 0.8 on a 6-month test set, then a canary on all traffic.",
                "impact.volume": 3000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.002,
            }
        ),
        Case(  # long enough and on enough traffic
            {
                "done.online_validation": "canary",
                "done.when_met": "An 8-week canary at 20% of traffic.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
        Case(  # no rare class: every class is met often
            {
                "done.online_validation": "canary",
                "done.when_met": "A 2-week canary at 5% of traffic.",
                "impact.volume": 2000,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.3,
            }
        ),
        Case(  # no live trial chosen
            {
                "done.online_validation": "none",
                "done.when_met": "A 2-week pilot in one branch.",
                "impact.volume": 100,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
        Case(  # a span that is not the trial's length
            {
                "done.online_validation": "canary",
                "done.when_met": "Labels arrive 4 weeks after the canary ends.",
                "impact.volume": 100,
                "impact.period": "day",
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
    ),
)
def pilot_sees_too_few_rare_cases(plan: Plan) -> Evidence:
    """The live trial meets too few of the rare cases to show how the model handles them.

    A canary, pilot or shadow run is accepted as live validation whatever its length and reach; at the
    plan's volume, over the trial's days and on its share of the traffic, the rarest class (the fraud, the
    fault, the case that matters) turns up only a handful of times. A handful of rare cases shows nothing
    about them: the trial passes on the common cases and the rare ones are first met at full scale.

    Mitigation: Work out how many rare cases the trial will meet (volume a day x days x share of traffic x
    rare share); run it longer or on more traffic until it expects about 30, or judge the rare cases on a
    labelled back-test large enough and keep the trial for the common ones and the workflow. Where the
    trial is sized in cases (`a two-week shadow run on 300 cases`) the count is its cases x rare share;
    with no rare class answered, the events are the errors at the low rate a done metric targets (a
    false-accept rate of 1% on 600 claims is read on about 6 false accepts).
    """
    if plan.done.online_validation not in (*LIVE_TRIALS, None):
        return None  # no live trial chosen (a trial said in words while unanswered is still one)
    rate, per_day = _rare_rate(plan), items_per_day(plan)
    trial = pilot_length(plan)
    if rate is None or trial is None:
        return None
    rare, named, noun = rate
    path, words, days, share, items = trial
    if days < 1:
        return None
    daily = share_per_day(plan) if noun == "rare cases" else None
    counts = daily and re.search(rf"\b{daily[1]}s?\b", plan.impact.bottleneck or "", re.IGNORECASE)
    if daily and (items is not None or not counts):
        # a share of thing-days times a count of cases (or of another item): refused, asked in the plan's unit
        note = f"{daily[0]}: {named} is a share of those, not of cases: not multiplied; how many does the trial cover?"
        return Tempered(1, (quote(plan, path, words), quote(plan, "product.label", note)))
    if items is not None:  # the trial's own count of cases
        count, counted = items
        expected, size, span = count * rare, f"{words}: {counted}", counted
        needed = f"about {fmt.count(math.ceil(ENOUGH_RARE / rare))} cases"
    elif per_day is not None:
        part, said = share if share is not None else (1.0, "all the traffic")
        expected, size = per_day * days * part * rare, f"{words}: {fmt.count(days)} days on {said}"
        span = f"{fmt.count(days)} days"
        needed = f"{fmt.duration(math.ceil(ENOUGH_RARE / (per_day * part * rare)), 'day')} at this share"
        period = plan.impact.period
        assert period is not None  # items_per_day needs it
        named = f"impact.volume: {fmt.number(plan.impact.volume)} a {period.value}; {named}"
    else:
        return None
    if expected >= ENOUGH_RARE:
        return None
    return (
        quote(plan, path, size),
        f"{named} (about {fmt.count(expected)} {noun} in {span}; fewer than {ENOUGH_RARE} cannot show how "
        f"the model handles them; {needed} expect {ENOUGH_RARE})",
    )
