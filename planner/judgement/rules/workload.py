"""Rules on the work the model hands people: who acts on it, and how much they can handle."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import (
    sent_to_outsiders,
    suggests_for_every_item,
    worked_from_the_top,
)
from planner.judgement.rules.atcapacity import (
    AT_CAPACITY,
    BAND_AND_AUDIT,
    cut_off_capacity,
    judged_at_capacity,
)
from planner.judgement.rules.base import (
    CAPACITY_SHARE,
    RARE_SHARE,
    Case,
    Evidence,
    Hint,
    Move,
    rule,
)
from planner.judgement.rules.evidence import (
    answer_at,
    items_per_working_day,
    norm,
    quote,
    says_nothing,
)
from planner.judgement.rules.harm import severity_is
from planner.judgement.rules.lexicon import (
    DEFERRED,
)
from planner.judgement.rules.rates import capacity_budget, in_capacity_period, volume_against_capacity
from planner.judgement.rules.units import counted_apart
from planner.plan.model import Category, Delivery, Mode, Plan, Severity

# `Nobody yet; marketing may use it`, `No one (yet)`: the answer opens by naming no one.
_NOBODY = re.compile(r"(nobody|no one|noone|none|not decided|undecided|unclear|tbd)( yet)?\W*($|[;,.:(-])")


def _said_nobody(text: str | None) -> bool:
    """`nobody yet`, `Nobody yet; marketing might use it`: no one is named to act."""
    return text is not None and (says_nothing(text) or _NOBODY.match(norm(text)) is not None)


# `Nobody; the system posts the clip`: no person, because the system itself acts.
_NO_PERSON = re.compile(r"(nobody|no one|noone|none)\W*[;,:(-]\W*\w")


def _system_acts(plan: Plan) -> bool:
    """`Nobody; the system posts it` where the product automates or delivers automatically: no person
    acts because the system does; that is the design, not a missing user."""
    product = plan.product
    automatic = product.mode is Mode.automate or product.delivery is Delivery.automatic
    return automatic and _NO_PERSON.match(norm(product.decision or "")) is not None


@rule(
    "nobody-acts-on-output",
    Category.product,
    likelihood=5,
    impact=5,
    move=Move(
        "Find who will act on the predictions, and what they will do differently, before building",
        "A prediction nobody acts on changes nothing, however good the model; agree with the people who "
        "would act (and their manager) what they do with each prediction, and pilot that by hand first",
        "danger",
        first=True,
    ),
    ask="is anyone named yet to act on the predictions, and to do what?",
    fires=(
        Case({"product.decision": "Nobody yet."}, evidence=('product.decision: "Nobody yet."',)),
        Case(
            {"product.decision": "Nobody yet; marketing may use the scores later."},
            evidence=('product.decision: "Nobody yet; marketing may use the scores later."',),
        ),
        Case(  # put off: nobody is named yet
            {"product.decision": "To be agreed with sales; ideally reps call the top accounts."},
            evidence=(
                'product.decision: "To be agreed with sales; ideally reps call the top accounts." '
                "(put off: to be agreed with, ideally)",
            ),
        ),
        Case(  # put off where an error hurts someone: high, not a question
            {
                "product.decision": "To be agreed with the wards.",
                "impact.error_severity": "severe",
            },
            evidence=(
                'product.decision: "To be agreed with the wards." (put off: to be agreed with)',
                'impact.error_severity: "severe"',
            ),
        ),
        Case(  # the people who would act are not hired yet
            {"product.decision_owner": "The new fraud desk, not staffed yet."},
            evidence=(
                'product.decision_owner: "The new fraud desk, not staffed yet." (put off: not staffed yet)',
            ),
        ),
        Case(  # the structured answer: nobody receives the predictions, whoever is named to act
            {"product.delivery": "nobody"},
            evidence=(
                'product.delivery: "nobody" (nobody receives the predictions yet)',
                'product.decision: "Hold an invoice for a clerk\'s duplicate check before the payment run." '
                "(who would act, once the predictions reach them?)",
            ),
        ),
    ),
    quiet=(
        Case({"product.decision": "Nobody pays an invoice twice: a clerk holds each flagged one."}),
        Case(  # no person acts: the system does, by design
            {
                "product.decision": "Nobody; the system holds each flagged invoice before the payment run.",
                "product.mode": "automate",
                "product.delivery": "automatic",
            }
        ),
    ),
)
def nobody_acts_on_output(plan: Plan) -> Evidence:
    """Nobody acts on the predictions yet.

    A model whose output no one uses changes nothing: the project can hit every target and still
    deliver no value, and the people who would act may not want to.

    Mitigation: Name who acts on each prediction and what they do differently; get their commitment,
    and try the decision by hand on a few real cases before building the model.
    """
    if _said_nobody(plan.product.decision) and not _system_acts(plan):
        return (quote(plan, "product.decision"),)
    if plan.product.delivery is Delivery.nobody:
        received = quote(plan, "product.delivery", "nobody receives the predictions yet")
        if plan.product.decision is None:
            return (received,)
        return (received, quote(plan, "product.decision", "who would act, once the predictions reach them?"))
    for path in ("product.decision", "product.decision_owner"):
        words = DEFERRED.find_all(answer_at(plan, path))
        if words:
            found = (quote(plan, path, f"put off: {', '.join(words)}"),)
            # Where an error hurts someone, who acts on it is no detail to settle later: a fact, high.
            harm = severity_is(plan, Severity.serious, Severity.severe)
            return (*found, *harm) if harm else Hint(words, found)
    return None


# A ranking of providers whose top is acted on, and nothing said of how far down anyone gets.
_PICKS_TOP = {
    "product.action_shape": "top_of_queue",
    "product.picks": "providers",
    "impact.capacity_per_day": None,
    "impact.flagged_per_day": None,
    "done.metrics[0].name": "ROC AUC of the acceptance score",
}


@rule(
    "capacity-sets-the-threshold",
    Category.model,
    likelihood=3,
    impact=4,
    move=AT_CAPACITY,
    instead=(BAND_AND_AUDIT,),
    ask="people work the ranked cases from the top: is the metric judged at the top they reach a day?",
    fires=(
        # a coordinator phones down the ranked providers: their day sets the depth
        Case(_PICKS_TOP, also=frozenset({"queue-bottom-starves"})),
        Case(
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "constraints.data.rarest_class_share": None,
            },
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 40: "
                "people can act on at most 1 case in 14 (7%); the threshold is set there",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (not measured at that '
                "budget: judge precision in the top 40 a day)",
            ),
        ),
        Case(
            {
                "impact.flagged_per_day": "not measured",
                "impact.capacity_per_day": 5,
                "constraints.data.rarest_class_share": 0.05,
                "done.metrics[0].name": "ROC AUC",
            },
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 5: "
                "people can act on at most 1 case in 114 (0.9%); the threshold is set there",
                "constraints.data.rarest_class_share: 0.05 (about 29 true cases a working day: more than people "
                "can handle even if the model were perfect)",
                'done.metrics[0].name: "ROC AUC" (not measured at that budget: judge precision in the top '
                "5 a day)",
            ),
        ),
        Case(  # a list sized to capacity, judged over all cases
            {
                "impact.flagged_per_day": 40,
                "impact.capacity_per_day": 40,
                "constraints.data.rarest_class_share": None,
                "done.metrics[0].name": "AUC",
            }
        ),
        Case(  # a fixed 40 worked a day, equal to capacity: the true cases fit, but the top 40 is judged
            {"impact.flagged_per_day": 40, "impact.capacity_per_day": 40, "done.metrics[0].name": "AUC"},
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 40: "
                "people can act on at most 1 case in 14 (7%); the threshold is set there",
                'done.metrics[0].name: "AUC" (not measured at that budget: judge precision in the top 40 a day)',
            ),
        ),
        Case(  # a share of customers and a volume of transactions: not multiplied
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "product.label": "Whether the customer churned within 90 days.",
                "impact.bottleneck": "Analysts review flagged transactions.",
            },
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 40: "
                "people can act on at most 1 case in 14 (7%); the threshold is set there",
                "constraints.data.rarest_class_share: 0.02 (a share of customers (the label), while the volume "
                "counts transactions (impact.bottleneck): not multiplied; count both in the same items)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (not measured at that '
                "budget: judge precision in the top 40 a day)",
            ),
        ),
        Case(  # the team said people work down a ranked list: a fact, at the depth they reach
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 300,
                "product.action_shape": "top_of_queue",
                "done.metrics[0].name": "F1 of the duplicate flag",
            },
            evidence=(
                'product.action_shape: "top_of_queue" (people work down a ranked list as far as their time '
                "allows)",
                "impact.capacity_per_day: 300 (about as far down as people get in a day)",
                'done.metrics[0].name: "F1 of the duplicate flag" (f1 scores the whole list: judge precision '
                "(and recall of the costly class) in the top 300 a day)",
            ),
        ),
        Case(  # the shape, and nobody said how far down people get
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": None,
                "product.action_shape": "top_of_queue",
                "done.metrics[0].name": "ROC AUC of the duplicate score",
            },
            evidence=(
                'product.action_shape: "top_of_queue" (people work down a ranked list as far as their time '
                "allows)",
                "impact.capacity_per_day: not answered (how far down the list do people get in a day?)",
                'done.metrics[0].name: "ROC AUC of the duplicate score" (roc auc scores the whole list: judge '
                "precision (and recall of the costly class) in the top people reach a day)",
            ),
        ),
        Case(  # no capacity given, no shape, but people work a ranked list from the top: the words ask
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": None,
                "product.action_shape": None,
                "product.decision": "Clerks check the highest-scoring invoices first, as many as they can.",
                "done.metrics[0].name": "ROC AUC of the duplicate score",
            },
            evidence=(
                'product.decision: "Clerks check the highest-scoring invoices first, as many as they can." '
                "(people work from the top: highest-scoring; how far down do they get in a day?)",
                'done.metrics[0].name: "ROC AUC of the duplicate score" (roc auc ranks all cases: judge '
                "precision in the top people reach a day)",
            ),
        ),
        Case(  # judged at a cut, but at another cut than the one people can act on
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "constraints.data.rarest_class_share": 0.02,
                "done.metrics[0].name": "Precision in the top 25% of invoices",
            },
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 40: "
                "people can act on at most 1 case in 14 (7%); the threshold is set there",
                'done.metrics[0].name: "Precision in the top 25% of invoices" (top 25%: scored on 25% of the '
                "cases, 3.6 times the 7% people can act on: judge precision (and recall) in the top 40 a day)",
            ),
        ),
        Case(  # a monthly list against a month's visits: compared as said, not per working day
            {
                "impact.flagged_per_day": None,
                "impact.volume": 1900,
                "impact.period": "month",
                "impact.capacity_per_day": "40 a month",
                "constraints.data.rarest_class_share": None,
                "done.metrics[0].name": "AUC",
            },
            evidence=(
                "impact.volume: 1,900 a month against impact.capacity_per_day: 40 a month: people can act on "
                "at most 1 case in 48 (2.1%); the threshold is set there",
                'done.metrics[0].name: "AUC" (not measured at that budget: judge precision in the top 40 a month)',
            ),
        ),
        Case(  # a count a day, five times what the clerks work
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "done.metrics[0].name": "Precision in the top 200 invoices a day",
            },
            evidence=(
                "impact.volume: 12,000 a month (about 571 a working day) against impact.capacity_per_day: 40: "
                "people can act on at most 1 case in 14 (7%); the threshold is set there",
                'done.metrics[0].name: "Precision in the top 200 invoices a day" (top 200 invoices a day: '
                "scored on 35% of the cases, 5 times the 7% people can act on: judge precision (and recall) in "
                "the top 40 a day)",
            ),
        ),
    ),
    quiet=(
        # offers pushed by themselves to the top-ranked tutors, who accept or not: no staff queue
        Case({**_PICKS_TOP, "product.mode": "automate", "product.delivery": "automatic"}),
        Case(  # judged at a share near the one people can act on (40 of about 571 a day: 7%)
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "done.metrics[0].name": "Precision in the top 10% of invoices",
            }
        ),
        Case(  # one metric at another cut, a second at the capacity's
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "done.metrics": [
                    {"name": "Recall in the top decile"},
                    {"name": "Precision in the top 40 invoices a day"},
                ],
            }
        ),
        Case(  # worked from the top, and judged at the depth people reach
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": None,
                "product.action_shape": "top_of_queue",
                "done.metrics[0].name": "NDCG@20 of the daily invoice list",
            }
        ),
        Case(  # worked from the top, but people get through the whole list every day
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 800,
                "product.action_shape": "top_of_queue",
                "done.metrics[0].name": "ROC AUC of the duplicate score",
            }
        ),
        Case(  # the words say the top, but the team said each case above a cut-off is acted on
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": None,
                "product.action_shape": "threshold",
                "product.decision": "Clerks check the highest-scoring invoices first, as many as they can.",
                "done.metrics[0].name": "ROC AUC of the duplicate score",
            }
        ),
        Case(
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "done.metrics[0].name": "Precision in the top 40 invoices a day",
            }
        ),
        Case(  # the metric counts the duplicates among the day's forty flagged: scored at the budget
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "done.metrics[0].name": "Share of duplicates paid that were among that day's forty flagged invoices",
            }
        ),
        Case(  # the threshold is said to be set at the clerks' capacity: the cut is capacity's already
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "constraints.data.rarest_class_share": None,
                "product.decision": "Hold the invoices above a threshold set to the clerks' capacity of 40 a day.",
            }
        ),
        Case(  # judged at the daily top, said in the metric's data
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": 40,
                "constraints.data.rarest_class_share": None,
                "done.metrics[0].dataset": "The 2024 hold-out, scored as precision in the top 40 a day.",
            }
        ),
        Case(  # worked from the top, and judged at the top clerks reach
            {
                "impact.flagged_per_day": None,
                "impact.capacity_per_day": None,
                "product.action_shape": None,
                "product.decision": "Clerks check the highest-scoring invoices first, as many as they can.",
                "done.metrics[0].name": "Precision in the top 40 invoices a day",
            }
        ),
        Case(
            {"impact.flagged_per_day": 9, "impact.capacity_per_day": 40}
        ),  # the model's cut, well below capacity
        Case({"impact.flagged_per_day": None, "impact.capacity_per_day": 200}),  # half the volume
        Case({"impact.flagged_per_day": None, "impact.capacity_per_day": 40}),  # 8 duplicates a day fit
    ),
)
def capacity_sets_the_threshold(plan: Plan) -> Evidence:
    """People can act on only a small share of the volume, and the metric ignores that budget.

    The cases a day exceed what people can handle, so the threshold will be set by capacity, not by
    the model: only precision in that daily top matters, and a metric over all cases (AUC, F1,
    accuracy) can rise while the top stays as poor; so can one scored at another cut (the top 10%
    where people act on 3%), whose cases beyond the capacity are never acted on.

    Mitigation: Make the primary done metric precision (the yield) in the top k people can work a day,
    against the top k of the obvious rule (oldest, largest, most flagged); estimate the flags it raises.
    """
    impact = plan.impact
    if suggests_for_every_item(plan):
        return None  # each item gets its own suggestions: nothing is cut at a capacity
    if sent_to_outsiders(plan):
        return None  # offers go out by themselves to those who take them up: no staff work down a list
    capacity, working, flagged = impact.capacity, items_per_working_day(plan), impact.flagged
    if capacity is None:
        return None if flagged is not None else worked_from_the_top(plan)
    if flagged is not None and not 0.8 * capacity <= flagged <= capacity:
        return (
            None  # past capacity: flags-exceed-capacity; well below it: the model's own cut, not capacity's
        )
    if working is None or capacity <= 0 or impact.period is None:
        return worked_from_the_top(plan)  # no volume to weigh the capacity against: the shape may say it
    per_day, a_day = working
    if capacity / per_day > CAPACITY_SHARE:
        # people can work most of the volume: the threshold is the model's to choose, unless they work
        # a ranked list from the top and stop short of its end
        return worked_from_the_top(plan) if capacity < per_day else None
    metrics = plan.done.metrics
    off = cut_off_capacity(plan, capacity / per_day, per_day)
    if off is None and judged_at_capacity(plan):
        return None  # judged at the daily top already, or the cut is said to be set at people's capacity
    rare = plan.constraints.data.rare_share
    apart = counted_apart(plan) if rare is not None else None
    fixed = flagged == capacity  # a fixed number worked a day: its top k is what is judged
    fits = rare is not None and rare < RARE_SHARE and not apart and per_day * rare <= capacity
    if fits and not fixed and off is None:
        return None  # the true cases fit in the capacity: a precise model flags no more than people handle
    found = [
        f"{volume_against_capacity(impact, per_day, a_day)}: people can act on at most 1 case in "
        f"{_ratio(per_day / capacity)} ({fmt.share(capacity / per_day)}); the threshold is set there"
    ]
    if rare is not None and rare < RARE_SHARE and apart:
        found.append(quote(plan, "constraints.data.rarest_class_share", apart))
    elif rare is not None and rare < RARE_SHARE and per_day * rare > capacity:
        found.append(
            quote(
                plan,
                "constraints.data.rarest_class_share",
                f"about {in_capacity_period(impact, per_day * rare, 'true cases', a_day)}: more than people can handle even if the "
                "model were perfect",
            )
        )
    if off is not None:
        index, cut, words = off
        found.append(
            quote(
                plan,
                f"done.metrics[{index}].name",
                f"{words}: scored on {fmt.share(cut)} of the cases, {_times(cut / (capacity / per_day))} the "
                f"{fmt.share(capacity / per_day)} people can act on: judge precision (and recall) in the top "
                f"{capacity_budget(impact)}",
            )
        )
    elif metrics:
        found.append(
            quote(
                plan,
                "done.metrics[0].name",
                f"not measured at that budget: judge precision in the top {capacity_budget(impact)}",
            )
        )
    return tuple(found)


def _times(ratio: float) -> str:
    """`3.3 times`, `a third of`: how a metric's cut compares with the capacity's."""
    if ratio >= 1:
        return f"{_ratio(ratio)} times"
    return f"1/{_ratio(1 / ratio)} of"


def _ratio(value: float) -> str:
    """`9.9`, `14`, `114`: two significant figures, never in exponent form."""
    return fmt.number(value, significant=2)
