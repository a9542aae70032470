"""Rules on what a plan leaves unsaid where a lead would insist: a model that decides alone, or errors
that hurt, with nobody named to own it, nothing monitored, or no metric that counts the worst error.

Elsewhere an unanswered field never fires (`bank.completeness` counts those); here the structured
answers (automate mode, a serious or severe error) make the silence itself the risk. The same questions
block the start (`advice.blocking`); this puts them in the register, where a decision is recorded.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Tempered, rule
from planner.judgement.rules.done import metric_blind_to_harm
from planner.judgement.rules.evidence import answer_is, quote
from planner.plan.fields import answered_at
from planner.plan.model import Category, Mode, Plan, Severity


@rule(
    "automation-unanswered",
    Category.operations,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {
                "product.mode": "automate",
                "after_launch.owner": None,
                "after_launch.monitoring": None,
            },
            evidence=(
                'product.mode: "automate"',
                "after_launch.owner: not answered (nobody has said who watches, retrains and answers for the "
                "model once it is live)",
                "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)",
            ),
        ),
        Case(  # serious errors, the harm written, no metric said to count it
            {
                "impact.error_severity": "severe",
                "done.worst_error_metric": None,
            },
            evidence=(
                'impact.error_severity: "severe"',
                "done.worst_error_metric: not answered (nobody has said which done metric counts the harm: "
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we...")',
            ),
        ),
    ),
    quiet=(
        Case({"product.mode": "augment", "after_launch.owner": None, "after_launch.monitoring": None}),
        Case({"product.mode": "automate"}),  # all answered
        Case({"impact.error_severity": "moderate", "done.worst_error_metric": None}),
    ),
)
def automation_unanswered(plan: Plan) -> Evidence:
    """Nobody has said who owns, watches or measures a model that decides alone or can hurt.

    A model that acts without a person, or whose errors are serious, needs an owner once it is live,
    signals that show it going wrong, and a done metric that counts its worst error; left unanswered,
    these are the gaps that let it decay or do harm unseen, whatever the model's score.

    Mitigation: Name the team that owns the model once live, the monitored signals with thresholds and
    who is alerted, and the done metric that counts the worst error, before building.
    """
    automating = answer_is(plan, "product.mode", Mode.automate)
    serious = answer_is(plan, "impact.error_severity", Severity.serious, Severity.severe)
    if not automating and not serious:
        return None
    gaps = []
    if not answered_at(plan, "after_launch.owner"):
        gaps.append(
            "after_launch.owner: not answered (nobody has said who watches, retrains and answers for the model "
            "once it is live)"
        )
    if not answered_at(plan, "after_launch.monitoring"):
        gaps.append(
            "after_launch.monitoring: not answered (nobody has said what shows the model going wrong)"
        )
    blind = metric_blind_to_harm(plan) is not None  # already says the metric misses the harm
    if serious and plan.impact.error_harm and not blind and not answered_at(plan, "done.worst_error_metric"):
        harm = quote(plan, "impact.error_harm")
        gaps.append(
            f"done.worst_error_metric: not answered (nobody has said which done metric counts the harm: {harm})"
        )
    if not gaps:
        return None
    found = (*(automating or ()), *(serious or ()), *gaps)
    # A model that decides alone where an error is severe, with these unsaid, is a stop; otherwise a gap.
    severe = answer_is(plan, "impact.error_severity", Severity.severe)
    return found if automating and severe else Tempered(3, found)
