"""The worst error's metric is one figure over all classes while the worst error sits in a rare one.

With a class rarer than a tenth of the cases, accuracy (or a micro- or weighted-average precision,
recall or F1) reads high for a model that never finds it: the rare class weighs its share in the
figure. `worst-error-uncounted` asks for the kind of error (misses, false alarms); this asks where the
kind is counted: on the rare class apart, with a floor of its own. A metric whose name reads a class,
a slice or the rare case apart is taken at its word.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import CATALOGUE, RARE_SHARE, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.errorkinds import FALSE_ALARM, MISS, counted, uncounted_kind
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import AGREEMENT, AT_DEPTH, WHOLE_LIST
from planner.judgement.rules.slices import PER_SLICE
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import ActionShape, Category, ErrorCost, Plan, TaskType

# One figure over every case and class (an agreement rate or kappa too): the rare class weighs only its
# share in it.
OVERALL_FIGURE = AGREEMENT + Lexicon(
    """
    accuracy, overall accuracy, top-1 accuracy, error rate, overall error rate, misclassification rate
    overall precision, overall recall, overall f1, micro f1, micro-f1, weighted f1, weighted-f1
    micro recall, micro precision, micro-recall, micro-precision, weighted recall, weighted precision
    micro-averaged, micro averaged, micro-average, micro average, weighted-average, weighted average
    weighted-averaged, across all classes, over all classes, all classes pooled, global accuracy
""",
    unless="balanced accuracy, per-class accuracy, class accuracy",
)

# Blends that count no kind of error: the rare class's misses go uncounted in them.
_BLIND = AGREEMENT + Lexicon("""
    accuracy, overall accuracy, top-1 accuracy, error rate, overall error rate, misclassification rate
    global accuracy
""")

# A done text that reads the rare class (or each class) apart.
RARE_APART = PER_SLICE + Lexicon("""
    rare class, rarest class, minority class, positive class, per-class, macro, macro-averaged
    macro average, balanced accuracy, worst class, each of the classes, class by class
""")

_CLASSES = (TaskType.classification, TaskType.anomaly_detection, TaskType.detection)


def _done_texts(plan: Plan) -> list[str]:
    done = plan.done
    texts = [done.worst_error_metric or "", done.eval_set or ""]
    for metric in done.metrics:
        texts += [metric.name, metric.dataset or ""]
    return [text for text in texts if text]


def _scores_the_class(name: str) -> bool:
    """A metric that counts misses or false alarms of a named class (`Recall of duplicates`), not pooled
    over every class: it scores the rare class (the positive one) on its own."""
    reading = counted(name)
    return (
        reading is not None
        and bool(reading.kinds & {MISS, FALSE_ALARM})
        and OVERALL_FIGURE.find(name) is None
    )


@rule(
    "worst-error-scored-overall",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Score the worst error on the rare class, with a floor of its own",
        "The metric named for the worst error is one figure over every class while the class that carries "
        "the stakes is a few percent of cases: read recall (and precision) of that class apart, with a "
        "floor it must clear, and report the do-nothing baseline beside it",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.metrics[0].name": "Weighted-average F1 over all classes",
                "done.worst_error_metric": "Weighted-average F1 over all classes",
                "impact.costlier_error": "similar",
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (the rarest class weighs 2% in a figure pooled "
                "over every case)",
                'done.worst_error_metric: "Weighted-average F1 over all classes" (weighted-average: one figure '
                "over every class; score recall and precision of the rarest class apart, with a floor)",
            ),
        ),
        Case(  # misses cost more and the metric counts misses, but pooled over every class
            {
                "done.metrics[0].name": "Micro-averaged recall over all classes",
                "done.worst_error_metric": "Micro-averaged recall over all classes",
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (the rarest class weighs 2% in a figure pooled "
                "over every case)",
                'done.worst_error_metric: "Micro-averaged recall over all classes" (micro-averaged: one '
                "figure over every class; score recall of the rarest class apart, with a floor)",
                'impact.costlier_error: "false_negative" (the costly miss falls on the rare class)',
            ),
        ),
        Case(  # a severe harm and a pooled blend alone: the rare class's errors are not counted at all
            {
                "done.metrics[0].name": "Weighted F1",
                "done.worst_error_metric": "Weighted F1",
                "impact.costlier_error": "similar",
                "impact.error_severity": "severe",
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (the rarest class weighs 2% in a figure pooled "
                "over every case)",
                'done.worst_error_metric: "Weighted F1" (weighted f1: one figure over every class; score recall '
                "and precision of the rarest class apart, with a floor)",
                'impact.error_severity: "severe"',
            ),
        ),
        Case(  # a severe class inside a chance-corrected agreement over every class
            {
                "done.metrics[0].name": "Kappa against the senior clerk",
                "done.worst_error_metric": "Kappa against the senior clerk",
                "impact.costlier_error": "similar",
                "impact.error_severity": "severe",
            },
            evidence=(
                "constraints.data.rarest_class_share: 0.02 (the rarest class weighs 2% in a figure pooled "
                "over every case)",
                'done.worst_error_metric: "Kappa against the senior clerk" (kappa: one figure over '
                "every class; score recall and precision of the rarest class apart, with a floor)",
                'impact.error_severity: "severe"',
            ),
        ),
    ),
    quiet=(
        Case({}),  # recall of duplicates: the rare class scored on its own
        Case(  # a metric beside it reads the rare class apart
            {
                "done.metrics": [
                    {"name": "Weighted F1", "target": 0.97},
                    {"name": "Recall of duplicates", "target": 0.9},
                ],
                "done.worst_error_metric": "Weighted F1",
                "impact.costlier_error": "similar",
            }
        ),
        Case(  # accuracy in the done metrics: rare-class-judged-by-accuracy says it
            {
                "done.metrics[0].name": "Overall accuracy",
                "done.worst_error_metric": "Overall accuracy",
                "impact.costlier_error": "similar",
            }
        ),
        Case(  # no rare class: an overall figure weighs each class fairly
            {
                "done.metrics[0].name": "Weighted F1",
                "done.worst_error_metric": "Weighted F1",
                "impact.costlier_error": "similar",
                "constraints.data.rarest_class_share": 0.3,
            }
        ),
        Case(  # per-class recall with a floor
            {
                "done.metrics[0].name": "Weighted F1",
                "done.worst_error_metric": "Recall per class, floor 0.8 for the rarest",
                "impact.costlier_error": "similar",
            }
        ),
        Case(  # a pooled blend and a missed case that costs more: worst-error-uncounted says it
            {"done.metrics[0].name": "Weighted F1", "done.worst_error_metric": "Weighted F1"}
        ),
        Case(  # a number, not classes
            {
                "product.task": "regression",
                "done.metrics[0].name": "Weighted F1",
                "done.worst_error_metric": "Weighted F1",
                "impact.costlier_error": "similar",
            }
        ),
    ),
)
def worst_error_scored_overall(plan: Plan) -> Evidence:
    """The worst error's metric is one figure over every class, and the class that carries the stakes is rare.

    With the rarest class a few percent of cases, accuracy reads high for a model that never finds it,
    and a micro- or weighted-average recall or precision is dominated by the common classes: the figure
    the team chose to watch the worst error can meet its target while the rare class is missed as often
    as before.

    Mitigation: Score the worst error where it falls: recall (and precision) of the rare class apart,
    with a floor it must clear and a count of its cases in the test set; keep the overall figure as a
    second one, beside the do-nothing baseline.
    """
    rare = plan.constraints.data.rare_share
    if rare is None or rare >= RARE_SHARE or plan.product.task not in (None, *_CLASSES):
        return None
    name = plan.done.worst_error_metric
    if not name or says_nothing(name):
        return None
    overall = OVERALL_FIGURE.find(name)
    if overall is None:
        return None
    if any(RARE_APART.find(text) for text in _done_texts(plan)):
        return None  # the rare class, or each class, read apart
    if any(_scores_the_class(metric.name) for metric in plan.done.metrics):
        return None  # a done metric counts errors of the named (rare) class on its own
    if uncounted_kind(plan) is not None:
        return None  # the kind of error goes uncounted: worst-error-uncounted says it
    if CATALOGUE["rare-class-judged-by-accuracy"].check(plan):
        return None  # accuracy among the done metrics: that rule asks for the rare class's metric
    reading = counted(name)
    kinds = frozenset() if reading is None or _BLIND.find(name) else reading.kinds
    blind = not kinds
    score = "recall and precision" if blind else "recall" if MISS in kinds else "precision"
    found = [
        quote(
            plan,
            "constraints.data.rarest_class_share",
            f"the rarest class weighs {fmt.share(rare)} in a figure pooled over every case",
        ),
        quote(
            plan,
            "done.worst_error_metric",
            f"{overall}: one figure over every class; score {score} of the rarest class apart, with a floor",
        ),
    ]
    if plan.impact.costlier_error is ErrorCost.false_negative:
        found.append(quote(plan, "impact.costlier_error", "the costly miss falls on the rare class"))
    if blind and serious_harm(plan):
        return (*found, severity_quote(plan))  # the rare class's errors are not counted at all
    return Tempered(3, found)


@rule(
    "choice-scored-over-all",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the few suggestions people see, not every item",
        "People choose among the few suggestions shown: AUC, accuracy, R2 or a correlation over every item "
        "can rise while the few on screen get worse; score hit rate or recall at the number shown, and the "
        "share of choices that land on a suggestion",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.action_shape": "choose_among",
                "done.metrics[0].name": "ROC AUC of the duplicate score",
            },
            evidence=(
                'product.action_shape: "choose_among" (people choose among the few suggestions shown)',
                'done.metrics[0].name: "ROC AUC of the duplicate score" (roc auc scores every item, shown or '
                "not: score hit rate or recall at the number shown)",
            ),
        ),
        Case(  # a global fit of predicted ratings
            {
                "product.action_shape": "choose_among",
                "product.task": "regression",
                "done.metrics[0].name": "R-squared of predicted ratings",
            },
            evidence=(
                'product.action_shape: "choose_among" (people choose among the few suggestions shown)',
                'done.metrics[0].name: "R-squared of predicted ratings" (r-squared scores every item, shown or '
                "not: score hit rate or recall at the number shown)",
            ),
        ),
    ),
    quiet=(
        Case({"done.metrics[0].name": "ROC AUC of the duplicate score"}),  # a cut-off: not a choice
        Case(  # scored at the number shown
            {
                "product.action_shape": "choose_among",
                "done.metrics": [
                    {"name": "ROC AUC of the duplicate score", "target": 0.9},
                    {"name": "Recall at 5 of the true match", "target": 0.8},
                ],
            }
        ),
        Case(  # a metric the words cannot read: taken at its word
            {
                "product.action_shape": "choose_among",
                "done.metrics": [
                    {"name": "ROC AUC of the duplicate score", "target": 0.9},
                    {"name": "Share of clerks who pick a suggested match", "target": 0.6},
                ],
            }
        ),
    ),
)
def choice_scored_over_all(plan: Plan) -> Evidence:
    """People choose among a few suggestions, and every done metric scores all the items.

    Where a person picks from the handful of suggestions on screen, only those few matter: an item
    ranked 40th and one ranked 400th are alike to them. AUC, accuracy, R2 or a correlation over every
    item reward getting the long tail in order, and can rise while the few shown get worse.

    Mitigation: Score the suggestions as they are shown: hit rate or recall at the number shown (and
    precision there), and the share of choices that land on a suggestion; keep the overall score as a
    second one.
    """
    if plan.product.action_shape is not ActionShape.choose_among:
        return None
    metrics = plan.done.metrics
    if not metrics or any(mentions(metric.name, AT_DEPTH) for metric in metrics):
        return None
    if not all(mentions(metric.name, WHOLE_LIST) for metric in metrics):
        return None  # some metric may score what people choose: at its word
    whole = mentions(metrics[0].name, WHOLE_LIST)
    return (
        quote(plan, "product.action_shape", "people choose among the few suggestions shown"),
        quote(
            plan,
            "done.metrics[0].name",
            f"{whole} scores every item, shown or not: score hit rate or recall at the number shown",
        ),
    )
