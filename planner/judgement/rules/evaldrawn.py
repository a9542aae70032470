"""Whether the evaluation's cases were picked by a criterion, as the plan answers how they were chosen.

Real cases are not yet the cases the product meets: the sites with most complaints, one supplier's clean
paperwork, the easiest ones or those already labelled are real, and a score on them says how the model
does on them. A lead asks how the cases were chosen (all of a period, a random sample, or picked) and,
where picked, has them drawn at random or each slice scored apart and weighted by its share.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, says_nothing
from planner.plan.model import Category, EvalDrawn, EvalInputs, Plan


@rule(
    "eval-cases-picked",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Score the model on a random sample of the cases the product will meet",
        "A test set picked by a criterion (most complaints, easiest, one source or site, those already "
        "labelled) scores the model on those cases: draw a random sample of what the product will meet, or "
        "score each slice apart and weight it by its share in production",
        "warning",
    ),
    fires=(
        Case(  # real cases, yet chosen: the answer says so where the words did not
            {
                "done.eval_drawn": "picked",
                "done.eval_set": "The 400 invoices from the three sites with most complaints.",
            },
            evidence=(
                'done.eval_drawn: "picked" (scored on the cases a criterion chose, not on what the product '
                "will meet)",
                'done.eval_set: "The 400 invoices from the three sites with most complaints." (the pick)',
                'done.eval_inputs: "real_cases" (real, yet chosen: the cases the criterion left out are not '
                "scored)",
            ),
        ),
        Case(
            {"done.eval_drawn": "picked", "done.eval_set": None, "done.eval_inputs": None},
            evidence=(
                'done.eval_drawn: "picked" (scored on the cases a criterion chose, not on what the product '
                "will meet)",
            ),
        ),
    ),
    quiet=(
        Case({"done.eval_drawn": "period"}),
        Case({"done.eval_drawn": "random"}),
        Case({"done.eval_drawn": "not_decided"}),
        Case({"done.eval_drawn": None, "done.eval_set": "300 clear cases hand-picked by the auditors."}),
    ),
)
def eval_cases_picked(plan: Plan) -> Evidence:
    """The evaluation's cases were picked by a criterion: the score is the model's on those cases.

    Cases chosen by any criterion (the sites with most complaints, the easiest ones, one source or site,
    those already labelled) are real, yet the product meets the others too; the score says how the model
    does where the criterion looked, not on the mix it will meet.

    Mitigation: Draw the test cases at random from what the product will meet; where a slice is kept on
    purpose, score each slice apart and weight it by its share in production.
    """
    if plan.done.eval_drawn is not EvalDrawn.picked:
        return None
    found = [
        quote(
            plan,
            "done.eval_drawn",
            "scored on the cases a criterion chose, not on what the product will meet",
        )
    ]
    if plan.done.eval_set and not says_nothing(plan.done.eval_set):
        found.append(quote(plan, "done.eval_set", "the pick"))
    if plan.done.eval_inputs is EvalInputs.real_cases:
        found.append(
            quote(
                plan, "done.eval_inputs", "real, yet chosen: the cases the criterion left out are not scored"
            )
        )
    return tuple(found)
