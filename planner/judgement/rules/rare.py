"""Rules on a rare class: no metric chosen that would show the model missing it."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import RARE_SHARE, Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, said_none_quote
from planner.plan.model import Category, Plan


@rule(
    "rare-class-no-metric",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Choose a metric of the rare class before any modelling",
        "With a rare class, accuracy rewards a model that never finds it; judge precision and recall of "
        "that class at the operating point, and report the do-nothing baseline beside it",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"done.metrics": "none"},
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (predicting the common class every time already "
                "scores 98%)",
                "done.metrics: none (answered: we have none)",
            ),
            also=frozenset({"no-done-criteria"}),
        ),
    ),
    quiet=(Case({"done.metrics": "none", "constraints.data.rarest_class_share": 0.3}),),
)
def rare_class_no_metric(plan: Plan) -> Evidence:
    """A rare class, and no metric chosen.

    When one class is rare, the default scores (accuracy, and often AUC) look excellent for a model
    that misses most of it; without a chosen metric the first results will be read on one of those.

    Mitigation: Choose the done metric now: precision and recall of the rare class at the operating
    point (or PR-AUC, or a cost-weighted score), with the majority-class baseline reported beside it.
    """
    rare = plan.constraints.data.rare_share
    said = said_none_quote(plan, "done.metrics")
    if rare is None or rare >= RARE_SHARE or said is None:
        return None
    note = f"predicting the common class every time already scores {fmt.share(1 - rare)}"
    return (quote(plan, "constraints.data.rarest_class_share", note), said)


def rare_metric_note(plan: Plan) -> str:
    """What the question for a missing done metric adds when a class is rare ('' otherwise)."""
    rare = plan.constraints.data.rare_share
    if rare is None or rare >= RARE_SHARE:
        return ""
    return (
        f" The rarest class is {fmt.share(rare)} of cases, so accuracy reads {fmt.share(1 - rare)} for a "
        "model that never finds it: choose precision and recall of that class."
    )
