"""The rule on one figure over every case where the action takes only a cut of them.

Where people act on the cases above a cut-off or at the top of a ranked list, and that cut is a small
share of what arrives, accuracy (or an agreement rate, a weighted F1, an R2) is set mostly by the
cases nobody acts on: it can rise while the cut acted on gets no better. The flags a day against the
volume say how small the cut is; the metric that counts is precision and recall in it.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Move, rule
from planner.judgement.rules.evidence import items_per_working_day, quote
from planner.judgement.rules.lexicon import AGREEMENT, AT_DEPTH, GLOBAL_FIT
from planner.judgement.rules.overall import OVERALL_FIGURE
from planner.judgement.rules.rates import rate
from planner.judgement.rules.words import mentions
from planner.plan.model import ActionShape, Category, Plan

CUT_SHARE = 0.3  # an action on at most this share of the cases acts on a cut of them

POOLED = OVERALL_FIGURE + GLOBAL_FIT + AGREEMENT

# Rules that already ask for the cut's score: set by capacity, on the rare class, or a number at a limit.
_ASKED = (
    "capacity-sets-the-threshold",
    "rare-class-judged-by-accuracy",
    "worst-error-scored-overall",
    "limit-call-unscored",
    "correlation-taken-for-accuracy",
)
_CUTS = (ActionShape.threshold, ActionShape.top_of_queue, ActionShape.up_to_capacity)
_ON_A_CUT = {
    "product.action_shape": "threshold",
    "impact.flagged_per_day": 80,
    "impact.capacity_per_day": None,
    # no rare class: with one, rare-class-judged-by-accuracy asks for its precision and recall instead
    "constraints.data.rarest_class_share": 0.3,
}


@rule(
    "overall-score-for-a-cut",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Judge the model in the cut that is acted on, not over every case",
        "Accuracy or an agreement rate over every case is set mostly by the cases nobody acts on; score "
        "precision and recall in the cut acted on (the flags a day, the top k), against the obvious rule's "
        "cut of the same size",
        "warning",
    ),
    fires=(
        Case(
            {**_ON_A_CUT, "done.metrics[0].name": "Overall agreement with the clerks' decisions"},
            evidence=(
                "impact.flagged_per_day: 80 against impact.volume: 12,000 a month (about 571 a working day): "
                "the action takes 14% of the cases",
                'done.metrics[0].name: "Overall agreement with the clerks\' decisions" (overall agreement: one '
                "figure over every case, 86% of them never acted on; judge precision and recall in the 14% "
                "acted on)",
            ),
        ),
        Case(  # the bottom of a ranked list, judged by a fit over every case
            {
                **_ON_A_CUT,
                "product.action_shape": "top_of_queue",
                "done.metrics": [{"name": "R2 of the risk score", "target": 0.6}],
            }
        ),
    ),
    quiet=(
        Case(  # precision of the flags: scored in the cut
            {**_ON_A_CUT, "done.metrics[0].name": "Precision of the flagged invoices"}
        ),
        Case(  # an overall figure beside one in the cut
            {
                **_ON_A_CUT,
                "done.metrics": [
                    {"name": "Overall agreement with the clerks' decisions", "target": 0.9},
                    {"name": "Recall of duplicates among the flags", "target": 0.8},
                ],
            }
        ),
        Case(  # every item gets the output: no cut
            {
                **_ON_A_CUT,
                "product.action_shape": "every_item",
                "done.metrics[0].name": "Overall agreement with the clerks' decisions",
            }
        ),
        Case(  # accuracy with a rare class: rare-class-judged-by-accuracy asks for its precision and recall
            {**_ON_A_CUT, "done.metrics[0].name": "Accuracy", "constraints.data.rarest_class_share": 0.02}
        ),
        Case(  # half the cases are acted on: the figure over all is mostly about them
            {
                **_ON_A_CUT,
                "impact.flagged_per_day": 300,
                "done.metrics[0].name": "Overall agreement with the clerks' decisions",
            }
        ),
    ),
)
def overall_score_for_a_cut(plan: Plan) -> Evidence:
    """One figure over every case judges an action taken on a small cut of them.

    People act on the cases above a cut-off or at the top of a list, a small share of what arrives;
    accuracy, an agreement rate or a fit over every case is set mostly by the cases nobody acts on,
    and can rise while the cut acted on gets no better (or worse).

    Mitigation: Make the done metric precision and recall in the cut acted on (the flags a day, the top
    k), against the obvious rule's cut of the same size; keep the overall figure as a second one.
    """
    impact, metrics = plan.impact, plan.done.metrics
    if plan.product.action_shape not in _CUTS or not metrics or impact.period is None:
        return None
    flagged, working = impact.flagged, items_per_working_day(plan)
    if flagged is None or working is None or not 0 < flagged / working[0] <= CUT_SHARE:
        return None
    if not all(mentions(metric.name, POOLED) and not mentions(metric.name, AT_DEPTH) for metric in metrics):
        return None  # a metric reads the cut, or a class in it
    if any(CATALOGUE[other].check(plan) for other in _ASKED):
        return None  # the cut, the rare class in it, or a number's call at a limit is asked for there
    per_day, a_day = working
    share = flagged / per_day
    daily = "" if impact.period.value == "day" else f" (about {fmt.count(per_day)} {a_day})"
    words = POOLED.find(metrics[0].name)
    return (
        f"impact.flagged_per_day: {rate(impact.flagged_per_day)} against impact.volume: "
        f"{fmt.number(impact.volume)} a {impact.period.value}{daily}: the action takes {fmt.share(share)} of "
        "the cases",
        quote(
            plan,
            "done.metrics[0].name",
            f"{words}: one figure over every case, {fmt.share(1 - share)} of them never acted on; judge "
            f"precision and recall in the {fmt.share(share)} acted on",
        ),
    )
