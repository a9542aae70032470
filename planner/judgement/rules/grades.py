"""A rule on classes in order (grades, severity levels, sizes) where one direction of error costs more."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, ErrorCost, Plan, TaskType

# Words naming a score that reads an ordered class's errors by direction, or weighs each by its cost.
BY_DIRECTION = Lexicon("""
    over-grade, over-grades, over-graded, over-grading, under-grade, under-grades, under-graded
    under-grading, overgrade, overgraded, overgrading, undergrade, undergraded, undergrading
    over-call, over-calls, under-call, under-calls, over-triage, under-triage, upgrade rate
    downgrade rate, too high, too low, graded too high, graded too low, signed error, mean signed error
    cost-weighted, cost weighted, weighted cost, cost matrix, confusion matrix, by direction
    above the true grade, below the true grade, above the true class, below the true class
""")

_SIDE = {
    ErrorCost.too_high: "a class above the true one costs more (an over-grade)",
    ErrorCost.too_low: "a class below the true one costs more (an under-grade)",
}


@rule(
    "ordered-classes-direction-uncounted",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the grades by direction: the over- or under-grade rate, not accuracy or F1",
        "With classes in order (grades, severity levels, sizes) and one direction costing more, accuracy "
        "and F1 count a grade too high and one too low alike; read the confusion matrix by direction: the "
        "share graded on the costly side of the truth (and by how many steps), with a limit, or weigh each "
        "cell by its cost",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "classification",
                "impact.costlier_error": "too_high",
                "done.metrics": [{"name": "Macro F1 of the damage grade", "baseline": 0.6, "target": 0.8}],
                "done.worst_error_metric": None,
            },
            evidence=(
                'impact.costlier_error: "too_high" (a classification whose error has a direction: a class above '
                "the true one costs more (an over-grade))",
                'done.metrics[0].name: "Macro F1 of the damage grade" (counts a grade too high and one too low '
                "alike)",
            ),
        ),
    ),
    quiet=(
        Case(  # the costly side has its own metric
            {
                "product.task": "classification",
                "impact.costlier_error": "too_high",
                "done.metrics": [{"name": "Accuracy of the damage grade"}, {"name": "Over-grade rate"}],
                "done.worst_error_metric": None,
            }
        ),
        Case(  # a number, not classes: amount-error-weighed-alike reads it
            {
                "product.task": "regression",
                "impact.costlier_error": "too_high",
                "done.metrics": [{"name": "MAE of the repair cost"}],
            }
        ),
        Case({"product.task": "classification", "impact.costlier_error": "false_negative"}),
    ),
)
def ordered_classes_direction_uncounted(plan: Plan) -> Evidence:
    """Classes in order, one direction of error costlier, and no metric reads the direction.

    A classification whose costlier error is "too high" or "too low" has classes in order: grades,
    severity levels, sizes. Accuracy, F1 and a plain confusion count weigh a grade too high and one too
    low alike, so a model can meet its target while it over-grades more than today's process does.

    Mitigation: Report the share of cases graded on the costly side of the truth (and by how many steps)
    with a limit of its own, read from the confusion matrix by direction, or weigh each cell by its cost;
    keep accuracy beside it, not instead.
    """
    cost = plan.impact.costlier_error
    if plan.product.task is not TaskType.classification or cost not in _SIDE:
        return None
    metrics = plan.done.metrics
    if not metrics:
        return None
    said = [metric.name for metric in metrics] + [plan.done.worst_error_metric or ""]
    if any(BY_DIRECTION.find(text) for text in said):
        return None  # a metric, or the worst error's, reads the costly side already
    side = f"a classification whose error has a direction: {_SIDE[cost]}"
    return (
        quote(plan, "impact.costlier_error", side),
        quote(plan, "done.metrics[0].name", "counts a grade too high and one too low alike"),
    )
