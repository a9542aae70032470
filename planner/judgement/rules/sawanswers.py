"""A rule on an evaluation made by people who saw the model's answers before judging them.

An expert shown the model's grade, draft or match and asked whether they agree agrees with most of them:
the answer in front of them anchors the judgement, and the cases where it is subtly wrong look right. The
agreement rate is a measure of how plausible the answers look, not of how often they are right. A lead
asks for a blind sample: labels made without the model's answer, scored against it afterwards.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Category, EvalTruth, Plan, Severity, TaskType

_REVIEWED = {"done.eval_truth": "reviewed_outputs", "impact.error_severity": "moderate"}


@rule(
    "evaluation-saw-the-answers",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Score a blind sample, labelled without the model's answers",
        "People who see the model's answer before judging it agree with most answers, so an agreement rate "
        "says how plausible the answers look; have a random sample labelled by people who do not see the "
        "model's answers, score the model against those labels, and keep the look-over for spotting kinds of "
        "error",
        "warning",
    ),
    fires=(
        Case(
            _REVIEWED,
            evidence=(
                'done.eval_truth: "reviewed_outputs" (people judged the model\'s answers after seeing them: '
                "they agree with most, right or wrong)",
            ),
        ),
        Case({**_REVIEWED, "impact.error_severity": "serious"}),  # a serious error let through: high
        Case({**_REVIEWED, "impact.error_severity": "minor"}),  # a minor one: low
        Case({**_REVIEWED, "product.task": "generation", "by_hand.human_score": "not measured"}),
    ),
    quiet=(
        Case({**_REVIEWED, "done.eval_truth": "checked"}),
        Case(  # product descriptions rated for clarity beside copywriters' own, on the same scale
            {
                **_REVIEWED,
                "product.task": "generation",
                "by_hand.human_score": 3.8,
                "by_hand.human_score_same_measure": True,
            }
        ),
    ),
)
def evaluation_saw_the_answers(plan: Plan) -> Evidence:
    """The evaluation's right answers come from people who saw the model's answers first.

    Shown an answer and asked whether they agree, people agree with most: the answer anchors them, and a
    subtly wrong one looks right. The agreement rate measures how plausible the answers look, not how
    often they are right, and a done target met on it is met on the model's own answers.

    Mitigation: Have a random sample labelled by people who do not see the model's answers; score the
    model against those labels; keep the look-over for finding kinds of error.
    """
    if plan.done.eval_truth is not EvalTruth.reviewed_outputs or _rated_beside_people(plan):
        return None
    found = quote(
        plan,
        "done.eval_truth",
        "people judged the model's answers after seeing them: they agree with most, right or wrong",
    )
    severity = effective_severity(plan)
    if severity in SERIOUS:
        return Tempered(5, (found, severity_quote(plan)))
    if severity is Severity.minor:
        return Tempered(2, (found,))
    return (found,)


def _rated_beside_people(plan: Plan) -> bool:
    """Whether a generated text is rated as a text (no answer exists apart from it, so raters must read it)
    and people's own texts were rated on the same measure: the rating compares the two, not agreement."""
    by_hand = plan.by_hand
    return (
        plan.product.task is TaskType.generation
        and by_hand.human_score not in (None, NOT_MEASURED)
        and by_hand.human_score_same_measure is True
    )
