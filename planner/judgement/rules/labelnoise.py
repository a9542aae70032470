"""Rules on the label's own errors set against the done target: people who agree on a share of cases, or
a measured share of wrong labels, leave the test's references wrong on about that many, and a target
inside that band cannot be told apart from the references' mistakes.

Two people who agree on 96% of cases each key about 2% wrongly: scored against references keyed once, a
model as good as a second person scores about 96%, and a target a point below it is met or missed on the
references' errors as much as the model's. Labels that are today's decisions or records wrong on a known
share (an audit's invalid pairs, a treatment re-done) cap what a right model can score, and reward the
model that copies their errors. A lead sets the target against that band, or scores against references
made cleaner than it (adjudicated, double-keyed, corrected by what happened next).
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import label_agreement, quote, show
from planner.judgement.rules.people import (
    adjudication,
    chance_corrected,
    on_a_subset,
    same_measure_as_agreement,
)
from planner.judgement.rules.raters import recorded_not_judged
from planner.plan.model import Category, Direction, EvalTruth, Metric, Plan

# A test scored against truth made apart from the labels (people checking each case against the source,
# what happened later): the labels' own errors are not the references'.
_TRUTH_APART = (EvalTruth.checked, EvalTruth.outcomes, EvalTruth.later_record, EvalTruth.measured)


def _share_target(plan: Plan) -> tuple[Metric, float] | None:
    """The first done metric and its goal where it is a share to raise (accuracy, agreement, precision)."""
    if not plan.done.metrics:
        return None
    metric = plan.done.metrics[0]
    goal = metric.goal()
    if goal is None or metric.direction is not Direction.higher_is_better or not 0 < goal <= 1:
        return None
    return metric, goal


@rule(
    "target-near-agreement",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Score against adjudicated references, or set the target below what people agree on",
        "References keyed once are wrong on about half the cases two people disagree on: a model as good as "
        "a second person scores about their agreement against them, and a target within that band is met or "
        "missed on the references' errors; key the test set twice and settle the disagreements, or set the "
        "target below agreement by more than the references' own error",
        "warning",
    ),
    fires=(
        Case(  # two people agree on 96%, the target 95%, on labels each case keeps from one person
            {
                "by_hand.label_agreement": 0.96,
                "by_hand.double_labelled": 2000,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Share of pairs labelled right",
                "done.metrics[0].target": 0.95,
            },
            evidence=(
                'done.metrics[0]: "Share of pairs labelled right" targets 0.95, 1 point below how often two '
                "people agree on the label",
                "by_hand.label_agreement: 0.96 (two people agree on 96% of 2,000 cases: a reference keyed once "
                "is wrong on about 2% of cases, and a model as good as a second person scores about 96% against "
                "it)",
                "by_hand.disagreements_settled: false (each case keeps one person's label: the target is met or "
                "missed on the references' own errors as much as on the model's)",
            ),
            also=frozenset({"target-beyond-human"}),
        ),
        Case(  # whether the test's labels are settled is not said: a question, low
            {
                "by_hand.label_agreement": 0.9,
                "by_hand.disagreements_settled": None,
                "done.metrics[0].name": "Accuracy of the duplicate flag",
                "done.metrics[0].target": 0.88,
            },
            also=frozenset({"rare-class-judged-by-accuracy", "target-beyond-human"}),
        ),
    ),
    quiet=(
        Case(  # far enough below agreement: the references' errors do not decide it
            {
                "by_hand.label_agreement": 0.96,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Share of pairs labelled right",
                "done.metrics[0].target": 0.9,
            }
        ),
        Case(  # the test's disagreements are settled: the references are cleaner than agreement
            {
                "by_hand.label_agreement": 0.96,
                "by_hand.disagreements_settled": True,
                "done.metrics[0].name": "Share of pairs labelled right",
                "done.metrics[0].target": 0.95,
            }
        ),
        Case(  # above agreement: target-above-agreement says it
            {
                "by_hand.label_agreement": 0.9,
                "by_hand.disagreements_settled": False,
                "done.metrics[0].name": "Share of pairs labelled right",
                "done.metrics[0].target": 0.95,
            },
            also=frozenset({"target-above-agreement"}),
        ),
        Case(  # a recall of one class is another measure than agreement
            {"by_hand.label_agreement": 0.76, "done.metrics[0].target": 0.75},
            also=frozenset({"low-label-agreement"}),
        ),
    ),
)
def target_near_agreement(plan: Plan) -> Evidence:
    """The target sits within the references' own error below how often people agree.

    Two people who agree on a share of cases each label the rest about half wrong: a test set keyed once
    is wrong on about half the disagreement, a model as good as a second person scores about the agreement
    against it, and a target closer to agreement than that error is met or missed on the references'
    mistakes (a model that copies the keyers' habits gains; one that corrects them loses).

    Mitigation: Key the test set twice and settle every disagreement (a third person or a senior), or
    set the target below agreement by more than the references' own error.
    """
    found, target = label_agreement(plan), _share_target(plan)
    if found is None or target is None:
        return None
    agreement, count, where = found
    metric, goal = target
    if goal > agreement:
        return None  # above agreement: target-above-agreement says it
    if chance_corrected(plan, where) or on_a_subset(metric) or not same_measure_as_agreement(metric):
        return None  # unlike measures: nothing to compare
    if adjudication(plan) or recorded_not_judged(plan):
        return None  # settled references, or records nobody judges: agreement bounds nothing
    wrong = (1 - agreement) / 2  # keyed once, a reference is wrong on about half the disagreements
    gap = agreement - goal
    if gap >= wrong:
        return None
    points = fmt.number(round(gap * 100, 1))
    said = (
        f'done.metrics[0]: "{metric.name}" targets {show(goal)}, {points} point{"" if points == "1" else "s"} '
        "below how often two people agree on the label",
        f"{where}: {show(agreement)} (two people agree on {fmt.share(agreement)}"
        + (f" of {fmt.number(count)} cases" if count else "")
        + f": a reference keyed once is wrong on about {fmt.share(wrong)} of cases, and a model as good as a "
        f"second person scores about {fmt.share(agreement)} against it)",
    )
    if plan.by_hand.disagreements_settled is False:
        note = (
            "each case keeps one person's label: the target is met or missed on the references' own errors "
            "as much as on the model's"
        )
        return (*said, quote(plan, "by_hand.disagreements_settled", note))
    return Tempered(2, (*said, "are the test's references keyed once, or keyed twice and settled?"))


# An accuracy of 95% on the sound plan: above how often its auditors agree, and above their score.
_ACCURACY_ABOVE_PEOPLE = frozenset(
    {
        "evaluation-truth-circular",
        "rare-class-judged-by-accuracy",
        "target-above-agreement",
        "target-beyond-human",
    }
)


@rule(
    "target-within-label-error",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Clean the labels with what happened next, and label the test set blind",
        "A label that is today's decision or record is wrong on a known share: trained on it the model learns "
        "those errors, and scored on it a model that copies them beats one that is right; correct the labels "
        "with what happened next (re-work, returns, corrections), have two people label the test set without "
        "seeing today's answer and settle their disagreements, and set the target against that",
        "warning",
        first=True,
    ),
    fires=(
        Case(  # labels wrong on 9%, a 95% accuracy target: a right model scores about 91% against them
            {
                "constraints.data.label_wrong_share": 0.09,
                "done.metrics[0].name": "Accuracy of the duplicate flag",
                "done.metrics[0].target": 0.95,
                "done.eval_truth": "todays_decisions",
            },
            evidence=(
                "constraints.data.label_wrong_share: 0.09 (9% of the labels are wrong: a model right on every "
                "case scores about 91% against them)",
                'done.metrics[0]: "Accuracy of the duplicate flag" targets 0.95, above what a right model can '
                "score: only a model that copies the labels' errors meets it",
                'done.eval_truth: "todays_decisions" (the test is scored on the same labels)',
            ),
            also=_ACCURACY_ABOVE_PEOPLE,
        ),
        Case(  # within twice the labels' error: half the misses the target allows are the labels'
            {
                "constraints.data.label_wrong_share": 0.04,
                "done.metrics[0].name": "Accuracy of the duplicate flag",
                "done.metrics[0].target": 0.95,
                "done.eval_truth": "todays_decisions",
            },
            also=_ACCURACY_ABOVE_PEOPLE,
        ),
        Case(  # another measure than a share of right labels: one step lower, asked
            {"constraints.data.label_wrong_share": 0.3, "done.eval_truth": "todays_decisions"},
            also=frozenset({"evaluation-truth-circular"}),
        ),
    ),
    quiet=(
        Case(  # the labels' error is small beside what the target allows
            {
                "constraints.data.label_wrong_share": 0.01,
                "done.metrics[0].name": "Accuracy of the duplicate flag",
                "done.metrics[0].target": 0.9,
            }
        ),
        Case(  # scored against truth people check apart from the labels
            {
                "constraints.data.label_wrong_share": 0.09,
                "done.metrics[0].name": "Accuracy of the duplicate flag",
                "done.metrics[0].target": 0.95,
                "done.eval_truth": "checked",
            }
        ),
        Case({"constraints.data.label_wrong_share": "not measured"}),
    ),
)
def target_within_label_error(plan: Plan) -> Evidence:
    """The target asks for a score the labels' own error rate hides.

    Labels that are today's decisions or records carry a known error (an audit finds a share invalid, the
    chosen treatment is re-done that often): a model right on every case scores at most one minus that
    share against them, a model that copies the errors scores higher, and where the labels' errors make
    up half or more of the misses the target allows, the score cannot tell the two apart.

    Mitigation: Correct the labels with what happened next (re-work, returns, corrections), label the test
    set blind to today's answer, twice, with disagreements settled, and set the target against that.
    """
    wrong, target = plan.constraints.data.label_wrong_share, _share_target(plan)
    if not isinstance(wrong, float) or wrong <= 0 or target is None:
        return None
    if plan.done.eval_truth in _TRUTH_APART or adjudication(plan):
        return None  # scored on references made apart from the labels: their errors are not the test's
    metric, goal = target
    if goal <= 1 - 2 * wrong:
        return None  # the labels' errors are under half the misses the target allows
    ceiling = 1 - wrong
    said = quote(
        plan,
        "constraints.data.label_wrong_share",
        f"{fmt.share(wrong)} of the labels are wrong: a model right on every case scores about "
        f"{fmt.share(ceiling)} against them",
    )
    above = goal > ceiling
    reach = (
        "above what a right model can score: only a model that copies the labels' errors meets it"
        if above
        else "the labels' errors make up half or more of the misses it allows: a model that copies them "
        "scores as well as one that is right"
    )
    found: tuple[str, ...] = (said, f'done.metrics[0]: "{metric.name}" targets {show(goal)}, {reach}')
    if plan.done.eval_truth is not None:
        found = (*found, quote(plan, "done.eval_truth", "the test is scored on the same labels"))
    likelihood = 4 if above else 3
    if not same_measure_as_agreement(metric):
        note = "is the target on the cases the wrong labels fall on? another measure than a share of right labels"
        return Tempered(likelihood - 1, (*found, note))
    return found if above else Tempered(likelihood, found)
