"""Rules that hold the done metrics against the decision they serve.

How the output turns into action (`product.action_shape`) says which score matters: a cut-off is
judged at the cut-off, an amount by what a shortfall or a surplus costs (`impact.costlier_error`:
the rules in `amounts`), the top of a queue at the depth people reach (`actionshape`'s
`worked_from_the_top`, which `workload`'s capacity-sets-the-threshold asks). A metric that scores
something else can improve while the decision gets worse.
"""

from __future__ import annotations

from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lexicon import (
    THRESHOLD_FREE,
)
from planner.plan.model import ActionShape, Category, ErrorCost, Plan


def metric_names(plan: Plan) -> list[str]:
    return [metric.name for metric in plan.done.metrics]


@rule(
    "cutoff-never-scored",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Choose the cut-off on validation data, and score precision and recall at it",
        "AUC and log loss score the scores, not the decisions: two models with the same AUC can act on very "
        "different cases at the cut-off; pick the cut-off on validation data by what each error costs, and "
        "make precision and recall at that cut-off the done metric",
        "info",
    ),
    fires=(
        Case(
            {"done.metrics[0].name": "ROC AUC of the duplicate score"},
            evidence=(
                'product.action_shape: "threshold" (each case above a cut-off is acted on)',
                'done.metrics[0].name: "ROC AUC of the duplicate score" (roc auc needs no cut-off: nothing '
                "is scored at the one that acts)",
                'impact.costlier_error: "false_negative" (where the cut-off sits decides what each error costs)',
            ),
        ),
        Case(  # both errors cost alike: a low note
            {"done.metrics[0].name": "Log loss", "impact.costlier_error": "similar"},
            evidence=(
                'product.action_shape: "threshold" (each case above a cut-off is acted on)',
                'done.metrics[0].name: "Log loss" (log loss needs no cut-off: nothing is scored at the one '
                "that acts)",
            ),
        ),
    ),
    quiet=(
        Case({}),  # recall at 95% precision: scored at a cut-off
        Case(  # AUC beside precision at the cut-off
            {
                "done.metrics": [
                    {"name": "ROC AUC", "target": 0.9},
                    {"name": "Recall at 95% precision", "target": 0.8},
                ]
            }
        ),
        Case({"done.metrics[0].name": "ROC AUC", "product.action_shape": "top_of_queue"}),
        Case(  # 5 a day of 571: capacity sets the cut-off, and capacity-sets-the-threshold asks for it
            {"done.metrics[0].name": "ROC AUC", "impact.capacity_per_day": 5, "impact.flagged_per_day": None}
        ),
    ),
)
def cutoff_never_scored(plan: Plan) -> Evidence:
    """Each case above a cut-off is acted on, and only threshold-free scores judge the model.

    AUC, PR AUC and log loss score how the scores rank or fit, over every possible cut-off: the model
    acts at one, and two models with the same AUC can flag very different cases there. Nobody then
    knows how many cases it acts on, nor how many of them are right, until the cut-off is chosen in
    production by feel.

    Mitigation: Choose the cut-off on validation data by what each error costs (or by what people can
    handle), and make precision and recall at that cut-off the done metric; keep AUC as a second one.
    """
    if plan.product.action_shape is not ActionShape.threshold:
        return None
    names = metric_names(plan)
    if not names or not all(THRESHOLD_FREE.find(name) for name in names):
        return None
    if CATALOGUE["capacity-sets-the-threshold"].check(plan):
        return None  # people's capacity sets the cut-off: that rule asks for precision at it
    free = THRESHOLD_FREE.find(names[0])
    found = (
        quote(plan, "product.action_shape", "each case above a cut-off is acted on"),
        quote(
            plan, "done.metrics[0].name", f"{free} needs no cut-off: nothing is scored at the one that acts"
        ),
    )
    cost = plan.impact.costlier_error
    if cost in (ErrorCost.false_positive, ErrorCost.false_negative):
        return (
            *found,
            quote(plan, "impact.costlier_error", "where the cut-off sits decides what each error costs"),
        )
    return Tempered(2, found)


# ---------------------------------------------------------------- a queue worked from the top
