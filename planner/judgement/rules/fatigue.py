"""The rule on alert fatigue: a steady stream of mostly false alerts to the same few people.

People who open a dozen false alerts a day, every day, stop reading them: the true ones then go
unread as surely as if the model had not raised them. A lead multiplies the plan's own figures out
(flags a day, the precision it states, the people who share the alerts) into false alerts for each
person every working day, and asks for a budget per person and a weekly look at what they dismiss.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import suggests_for_every_item
from planner.judgement.rules.atcapacity import acts_alone
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.prevalence import _stated_precision
from planner.judgement.rules.rates import rate
from planner.plan.model import ActionShape, Category, Plan

# Most alerts false: below this precision, what people open is more often wrong than right.
LOW_PRECISION = 0.5
# False alerts a working day for one person beyond which people learn to dismiss them unread.
FALSE_PER_PERSON = 8

_STREAM = {
    "impact.flagged_per_day": 40,
    "impact.capacity_per_day": 50,
    "impact.capacity_people": 2,
    "done.metrics": [
        {
            "name": "Recall of duplicates at 95% precision",
            "dataset": "Invoices from the last six months, held out by time",
            "baseline": 0.45,
            "target": 0.75,
        },
        {"name": "Precision of the alerts", "target": 0.1},
    ],
}


@rule(
    "alert-fatigue",
    Category.operations,
    likelihood=3,
    impact=3,
    move=Move(
        "Budget the alerts each person gets a day, and judge precision at that budget",
        "Mostly false alerts to the same few people every day teach them to dismiss alerts unread: set "
        "how many alerts each person gets a day, measure precision at that budget rather than overall, "
        "and review the dismissed alerts each week with the people who dismiss them",
        "warning",
    ),
    fires=(
        Case(
            _STREAM,
            evidence=(
                "impact.flagged_per_day: 40 at done.metrics[1].target: 0.1 precision (about 36 false "
                "alerts a working day) shared by impact.capacity_people: 2 (18 false alerts for each "
                "person every working day: 90% of what they open is wrong)",
            ),
        ),
        Case(  # the whole team's capacity, people not counted: the false alerts a day, medium
            {**_STREAM, "impact.capacity_per_day": 100, "impact.capacity_people": None},
            evidence=(
                "impact.flagged_per_day: 40 at done.metrics[1].target: 0.1 precision (about 36 false "
                "alerts a working day) shared by however many people act (impact.capacity_people not "
                "given: 90% of what they open is wrong)",
            ),
        ),
    ),
    quiet=(
        Case({**_STREAM, "done.metrics[1].target": 0.6}),  # most alerts right: worth opening
        Case({**_STREAM, "impact.flagged_per_day": 15}),  # about 7 false a day each: a morning's glance
        Case({**_STREAM, "impact.capacity_people": 10, "impact.capacity_per_day": 5}),  # spread thin
        Case({**_STREAM, "impact.flagged_per_day": 120}),  # beyond capacity: flags-exceed-capacity
        Case(  # the system acts itself: nobody opens the alerts
            {
                **_STREAM,
                "product.mode": "automate",
                "product.decision": "The system blocks each flagged invoice from the payment run.",
                "product.decision_owner": "The payment system.",
                "heuristics.humans_handle": None,
            }
        ),
        Case({**_STREAM, "product.action_shape": "choose_among"}),  # suggestions people pick from
        Case({**_STREAM, "done.metrics[1].name": "Recall of the alerts"}),  # no precision said but 95%
    ),
)
def alert_fatigue(plan: Plan) -> Evidence:
    """Most alerts are false, and the same few people get a stream of them every day.

    People who open many false alerts a day, every day, learn to dismiss them unread; the true ones
    are then missed as if never raised, and the model's precision on paper no longer says what it
    achieves in use.

    Mitigation: Budget the alerts each person gets a day (the top k by score), measure precision at
    that budget, review the dismissed alerts weekly with the people who dismiss them, and raise
    precision before sending more.
    """
    impact = plan.impact
    flagged, capacity, people = impact.flagged, impact.capacity, impact.capacity_people
    if flagged is None or flagged <= 0 or acts_alone(plan) or suggests_for_every_item(plan):
        return None
    if plan.product.action_shape is ActionShape.choose_among:
        return None  # a shortlist people choose from: they pick, nobody dismisses an alert
    if capacity is not None and flagged > capacity:
        return None  # more than people take: flags-exceed-capacity
    stated = _stated_precision(plan)
    if stated is None or stated[0] >= LOW_PRECISION:
        return None
    precision, path, _ = stated
    false = flagged * (1 - precision)
    wrong = f"{fmt.share(1 - precision)} of what they open is wrong"
    said = (
        f"impact.flagged_per_day: {rate(impact.flagged_per_day)} at {path}: {fmt.number(precision, significant=2)} "
        f"precision (about {fmt.count(false)} false alerts a working day)"
    )
    if people is None:
        if false < 2 * FALSE_PER_PERSON:
            return None  # a team of unknown size: only a stream too long for two people to shrug off
        return Tempered(
            2, (f"{said} shared by however many people act (impact.capacity_people not given: {wrong})",)
        )
    each = false / people
    if each < FALSE_PER_PERSON:
        return None
    return (
        f"{said} shared by impact.capacity_people: {people} ({fmt.count(each)} false alerts for each "
        f"person every working day: {wrong})",
    )
