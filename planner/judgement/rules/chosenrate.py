"""A rule on a done metric that is a rate among the cases the model chose to act on (cream-skimming).

Where the model picks which cases are acted on (a ranking, a recommendation, the top of a queue, a cut-off,
as many as people can take), a rate counted over the cases it picked (a placement rate among the jobseekers
taken on, a repair success rate among the jobs accepted, a hit rate among the stops made) rises when it picks easier cases,
with nobody served better. A model trained or tuned to raise that rate learns exactly this: it ranks the
jobseekers nearest to work first, takes the simple repairs. A lead pairs the rate with
a count over all who needed it, or a guardrail on the hard cases, and checks that the case mix holds.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.traits import decides_about_outsiders
from planner.plan.model import ActionShape, Category, MetricRole, PersonTrait, Plan, RateOver, TaskType

# The action shapes and tasks where the model picks which cases are acted on.
_PICKING_SHAPES = {
    ActionShape.threshold: "a cut-off picks the cases acted on",
    ActionShape.top_of_queue: "people act on the top of the list",
    ActionShape.up_to_capacity: "as many as people can take are picked",
}
_PICKING_TASKS = {
    TaskType.ranking: "a ranking picks which cases come first",
    TaskType.recommendation: "a recommendation picks what each person is steered to",
}
_ON_CHOSEN = {
    "product.action_shape": "threshold",
    "done.rate_over": "acted_cases",
    "product.audience": "staff",
    "product.person_effect": None,
}
_OVER_ACTED = (
    "the share counts only the cases the product picked and acted on: it rises by picking easier ones"
)


def picks_the_cases(plan: Plan) -> str | None:
    """The answer, quoted, saying the model picks which cases are acted on; None where it does not."""
    shape = plan.product.action_shape
    if shape in _PICKING_SHAPES:
        return quote(plan, "product.action_shape", _PICKING_SHAPES[shape])
    task = plan.product.task
    if task in _PICKING_TASKS:
        return quote(plan, "product.task", _PICKING_TASKS[task])
    return None


def _goal_metric(plan: Plan) -> str | None:
    """The done metric the rate is: the first named a goal, else the first; quoted."""
    metrics = plan.done.metrics
    index = next((i for i, metric in enumerate(metrics) if metric.role is MetricRole.goal), 0)
    return quote(plan, f"done.metrics[{index}].name") if metrics else None


def _cases_are_people(plan: Plan) -> str | None:
    """The answer saying the cases picked are people: the output decides about people, or inputs describe them."""
    said = decides_about_outsiders(plan)
    if said is not None:
        return said
    traits = [trait for trait in plan.product.person_inputs if trait is not PersonTrait.none]
    return quote(plan, "product.person_inputs", "inputs describe the person each case is") if traits else None


def _guardrail(plan: Plan) -> str | None:
    """A guardrail metric beside the rate, quoted: it may hold the hard cases."""
    index = next(
        (i for i, metric in enumerate(plan.done.metrics) if metric.role is MetricRole.guardrail), None
    )
    return (
        None if index is None else quote(plan, f"done.metrics[{index}].name", "a guardrail beside the rate")
    )


@rule(
    "rate-over-chosen-cases",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Pair the rate with a count over all who needed it, and watch the case mix",
        "A rate among the cases the model picked rises by picking easier ones; judge it beside a count over "
        "everyone who needed the action (people found, courses completed, of all reported or all new), or a "
        "guardrail on the hard cases (the long-term unemployed placed, the hard repairs done), and compare the mix of "
        "cases picked (new against known, hard against easy) before and after; where a team or a provider is "
        "paid on the rate, say so: the pay rewards the same picking",
        "warning",
    ),
    fires=(
        Case(
            _ON_CHOSEN,
            evidence=(
                f'done.rate_over: "acted_cases" ({_OVER_ACTED})',
                'product.action_shape: "threshold" (a cut-off picks the cases acted on)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision"',
            ),
        ),
        Case({**_ON_CHOSEN, "product.audience": "staff_about_outsiders"}),  # the cases are people: high
        Case({**_ON_CHOSEN, "product.action_shape": "every_item", "product.task": "recommendation"}),
    ),
    quiet=(
        Case({**_ON_CHOSEN, "done.rate_over": "all_in_need"}),
        Case({**_ON_CHOSEN, "done.rate_over": "acted_with_count"}),
        Case({**_ON_CHOSEN, "product.action_shape": "every_item"}),  # the model picks no cases
    ),
)
def rate_over_chosen_cases(plan: Plan) -> Evidence:
    """The done metric is a rate among the cases the model chose, which rises by choosing easier ones.

    Where the model picks which cases are acted on, a rate counted over the cases it picked (a placement
    rate among the jobseekers taken on, a repair success rate among the jobs accepted, a success rate among
    the cases taken on) rises when it picks easier cases, with nobody served better; a model trained or tuned to raise it
    learns to: the jobseekers nearest to work first, the simple repairs. The hard cases, often the
    ones the work is for, drop out of the list and out of the figure at once.

    Mitigation: Judge the rate beside a count over all who needed the action, or a guardrail on the hard
    cases (the long-term unemployed placed, the hard repairs done); compare the mix of cases picked before and after;
    say where a team or a provider is paid on the rate.
    """
    if plan.done.rate_over is not RateOver.acted_cases:
        return None
    picked = picks_the_cases(plan)
    if picked is None:
        return None
    found = [quote(plan, "done.rate_over", _OVER_ACTED), picked]
    metric = _goal_metric(plan)
    if metric is not None:
        found.append(metric)
    guardrail = _guardrail(plan)
    if guardrail is not None:
        return Tempered(3, (*found, guardrail))
    people = _cases_are_people(plan)
    if people is None:
        return Tempered(3, found)  # things, not people, are picked over: medium
    return (*found, people)
