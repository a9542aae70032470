"""Rules on a ranking that only sets the order: every item is worked anyway, so what it changes is how soon.

Where people work the whole queue each period, a model that ranks it flags nothing out of sight and saves
no work: an urgent item ranked low is still worked, only later. Its value is the time from arrival to
action on the urgent items, against today's order (first in, first out) on the same days; precision or
AUC of an urgency flag scores a cut-off nobody acts on, and can rise while no urgent item is worked
sooner.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, items_per_working_day, quote, show
from planner.judgement.rules.rates import said_capacity
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Newcomers, Plan, RowsPerThing, TaskType

# Words saying every item gets worked whatever the model says: the ranking only sets the order.
ALL_WORKED = Lexicon("""
    still work every, still works every, still handle every, still handles every, still check every
    still checks every, still review every, still reviews every, still read every, still reads every
    still work all, still works all, still handle all, still handles all, still review all, still reviews all
    work every, works every, handle every, handles every, every item is worked, every case is worked
    every request is worked, every item gets worked, every case gets worked, all are worked, all get worked
    all of them are worked, all of them get worked, all are handled, all of them are handled
    worked to the end, work through the whole queue, works through the whole queue, whole queue is worked
    the queue is cleared, queue is cleared each day, cleared each day, cleared every day, cleared daily
    cleared each week, cleared every week, nothing is left unworked, only the order, only changes the order
    only sets the order, only reorders, just reorders, just the order
""")
# Words of a done metric that measures how soon items are acted on.
TIMED = Lexicon("""
    time to, time-to-action, time to action, time from, hours to, hours from, days to, days from, minutes to
    wait, waits, waiting, waiting time, wait time, delay, delays, turnaround, lead time, age, ages, oldest
    within, sooner, faster, earlier, hours, days, minutes, median time, mean time, sla, service level
""")
_ALL_WORKED_IN = ("product.decision", "heuristics.humans_handle", "product.output", "product.decision_owner")
_ORDERING = (TaskType.ranking,)
_WHOLE = {
    "product.action_shape": "top_of_queue",
    "impact.volume": 2000,
    "impact.period": "week",
    "impact.capacity_per_day": 450,
    "done.metrics": [{"name": "Precision of the urgent flag", "baseline": 0.4, "target": 0.8}],
}


def _timed(plan: Plan) -> bool:
    """Whether a done metric measures how soon items are acted on."""
    return any(TIMED.find(f"{metric.name}. {metric.dataset or ''}") for metric in plan.done.metrics)


def standing_population(plan: Plan) -> bool:
    """Whether the ranked things are a standing population scored afresh each round (the same churches,
    assets or members, one row each per period, few or none new): nothing arrives and waits for its
    turn, so there is no queue for an item to starve or an urgent case to wait in."""
    data = plan.constraints.data
    return data.newcomers in (Newcomers.none, Newcomers.few) and data.rows_per_thing is RowsPerThing.several


def whole_queue_worked(plan: Plan) -> str | None:
    """People work the ranked queue and their capacity a day covers what arrives: the evidence, or None."""
    capacity, arrivals = plan.impact.capacity, items_per_working_day(plan)
    if plan.product.action_shape is not ActionShape.top_of_queue or arrivals is None:
        return None
    if capacity is None or capacity <= 0 or arrivals[0] > capacity:
        return None
    return (
        f"impact.capacity_per_day: {said_capacity(plan.impact)} against impact.volume: {show(plan.impact.volume)} a "
        f"{plan.impact.period.value if plan.impact.period else 'period'} (about {fmt.count(arrivals[0])} "
        f"{arrivals[1]}): people work every item, so the order only sets how soon each is worked"
    )


@rule(
    "ranking-only-orders-the-work",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Judge the ranking by how soon the urgent items are worked",
        "Every item is worked anyway, so the ranking changes only when each is: measure the time from "
        "arrival to action on the urgent items against today's order (first in, first out) on the same "
        "days, and count the value as that time saved; keep precision of a flag as a second figure",
        "warning",
    ),
    ask="if every item is worked anyway, is the ranking judged by how soon the urgent ones are acted on?",
    fires=(
        Case(
            _WHOLE,
            evidence=(
                'product.action_shape: "top_of_queue" (people work down a ranked list)',
                "impact.capacity_per_day: 450 against impact.volume: 2000 a week (about 413 a working day): "
                "people work every item, so the order only sets how soon each is worked",
                'done.metrics[0].name: "Precision of the urgent flag" (scores which items are flagged; no '
                "done metric measures how soon the urgent ones are worked)",
            ),
        ),
        Case(  # words alone say every request is worked: asked
            {
                "product.task": "ranking",
                "product.decision": "The model orders the queue; caseworkers still work every request.",
                "done.metrics": [{"name": "Precision of the urgent flag", "target": 0.8}],
            },
            evidence=(
                'product.decision: "The model orders the queue; caseworkers still work every request." '
                "(every item is worked anyway: still work every)",
                'done.metrics[0].name: "Precision of the urgent flag" (scores which items are flagged; no '
                "done metric measures how soon the urgent ones are worked)",
            ),
        ),
    ),
    quiet=(
        Case({**_WHOLE, "impact.capacity_per_day": 100}),  # people reach a quarter of it: the top matters
        Case(  # judged by time to action already
            {**_WHOLE, "done.metrics": [{"name": "Median hours from arrival to action on urgent requests"}]}
        ),
        Case({**_WHOLE, "product.action_shape": "threshold"}),
        Case(  # every request worked, but no ranking: a flag that routes
            {
                "product.task": "classification",
                "product.decision": "Caseworkers still work every request; flagged ones go to a senior.",
                "done.metrics": [{"name": "Precision of the urgent flag", "target": 0.8}],
            }
        ),
    ),
)
def ranking_only_orders_the_work(plan: Plan) -> Evidence:
    """Every item is worked anyway: the ranking only changes how soon, and is judged as a flag.

    People work the whole queue each period, so ranking it flags nothing out of sight and saves no work:
    an urgent item ranked low is still worked, only later. The value is the time from arrival to action
    on the urgent items; precision or AUC of an urgency flag scores a cut-off nobody acts on, and can rise
    while no urgent item is worked any sooner.

    Mitigation: Measure the time from arrival to action on the urgent items (by urgency, the slowest
    tenth too) against today's order on the same days, in a shadow replay of the queue or an
    alternating-days trial; count the value as that time saved, and keep the flag's precision second.
    """
    metrics = plan.done.metrics
    if not metrics or _timed(plan):
        return None
    metric = quote(
        plan,
        "done.metrics[0].name",
        "scores which items are flagged; no done metric measures how soon the urgent ones are worked",
    )
    whole = whole_queue_worked(plan)
    if whole is not None:
        shape = quote(plan, "product.action_shape", "people work down a ranked list")
        return (shape, whole, metric)
    ranked = plan.product.task in _ORDERING or plan.product.action_shape is ActionShape.top_of_queue
    said = first_said(plan, _ALL_WORKED_IN, ALL_WORKED) if ranked else None
    if said is None:
        return None
    path, words = said
    return Hint(words, (quote(plan, path, f"every item is worked anyway: {', '.join(words)}"), metric))
