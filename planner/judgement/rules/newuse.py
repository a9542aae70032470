"""Rules on a later phase that feeds the output into a new decision, judged by this one's metric."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.setup import rerun_at_retraining, runs_once
from planner.plan.model import Category, Plan
from planner.plan.stakes import LaterPhase


@rule(
    "later-phase-new-use",
    Category.product,
    likelihood=2,
    impact=4,
    move=Move(
        "Choose the new decision's own metric before the output feeds it",
        "The metric was chosen for this decision; the new one weighs errors differently and needs its own "
        "metric, threshold and evaluation",
        "info",
    ),
    fires=(
        Case(
            {"done.later_phase": ["new_use"]},
            evidence=(
                'done.later_phase: ["new_use"] (the output will feed another decision)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (chosen for this decision)',
            ),
        ),
        Case(  # a one-off batch ranking of water mains, re-run each year: the new use may be that re-run
            {
                "done.later_phase": ["new_use"],
                "constraints.latency.serving": "batch",
                "impact.period": "once",
                "constraints.retraining.cadence": "yearly",
            },
            evidence=(
                'done.later_phase: ["new_use"] (the output will feed another decision)',
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (chosen for this decision)',
                'impact.period: "once" (a batch run once, re-run at each yearly retraining: is the later use '
                "that re-run of the same decision? Then this metric still serves it)",
            ),
        ),
    ),
    quiet=(Case({"done.later_phase": ["nothing"]}),),
)
def later_phase_new_use(plan: Plan) -> Evidence:
    """A later phase feeds the output into a new decision, judged by a metric chosen for this one.

    A metric and a threshold are chosen for the decision at hand and the cost of its errors. A new
    decision weighs misses and false alarms differently, and often acts on other cases: a model good
    enough for one use says nothing of the other.

    Mitigation: Before the output feeds the new decision, name that decision's own metric, threshold and
    worst error, and evaluate the model on it with its owner.
    """
    done = plan.done
    if LaterPhase.new_use not in done.later_phase or runs_once(plan):
        return None
    evidence = [quote(plan, "done.later_phase", "the output will feed another decision")]
    if done.metrics:
        evidence.append(quote(plan, "done.metrics[0].name", "chosen for this decision"))
    rerun = rerun_at_retraining(plan)
    if rerun:  # the same batch decision made again at each retraining may be all the later use is
        each = rerun.value.replace("_", "-")
        note = (
            f"a batch run once, re-run at each {each} retraining: is the later use that re-run of the same "
        )
        evidence.append(quote(plan, "impact.period", note + "decision? Then this metric still serves it"))
        return Tempered(1, evidence)
    return tuple(evidence)
