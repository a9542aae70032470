"""A rule on outcomes left unmeasured in exactly the riskiest conditions (missing not at random).

Where the outcome is not measured when conditions are worst (water samples postponed in gales and floods,
inspections skipped at night, a sensor down in storms), the labelled days are the calmer ones: the model
learns little of the days that matter, and a test drawn from the labelled days under-represents them, so
its score says least where the stakes are highest. A lead asks for the missing days to be found and named
(what happened on them, from other records), and for the worst conditions to be sampled on purpose.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import limit_ticked
from planner.plan.model import Category, OutcomeLimit, Plan

_RIVER = {
    "product.output": "Whether a bathing beach fails the water standard tomorrow.",
    "constraints.data.labels": ["existing"],
    "constraints.data.outcome_limits": ["worst_unmeasured"],
}


@rule(
    "labels-missing-in-worst-conditions",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Find the days without a label, say what happened on them, and sample them on purpose",
        "The outcome goes unmeasured in the riskiest conditions, so the training and the test hold the calmer "
        "days: list the days or cases with no label and their conditions, learn what happened on them from "
        "other records (closures, complaints, repairs), score the model on the worst conditions apart, and "
        "measure them deliberately from now on (a sample taken in the storm, a night inspection)",
        "warning",
    ),
    fires=(
        Case(
            _RIVER,
            evidence=(
                'constraints.data.outcome_limits: ["worst_unmeasured"] (it goes unmeasured in the riskiest '
                "conditions: the worst days have no label, so the training and the test under-represent them)",
            ),
        ),
    ),
    quiet=(
        Case({**_RIVER, "constraints.data.outcome_limits": ["none"]}),
        Case({**_RIVER, "constraints.data.outcome_limits": ["capped"]}),
    ),
)
def labels_missing_in_worst_conditions(plan: Plan) -> Evidence:
    """The outcome goes unmeasured in the riskiest conditions, so the worst days have no label.

    Labels missing by condition are not missing at random: samples postponed in floods, inspections
    skipped at night, a sensor down in storms leave exactly the worst days out. The model learns the calm
    days, and a test drawn from the labelled days under-represents the bad ones: the score is highest
    where it matters least, and the model is blind where it matters most.

    Mitigation: List the days or cases without a label and their conditions; learn what happened on them
    from other records (closures, complaints, repairs); score the model on the worst conditions apart;
    and measure them deliberately from now on (a sample taken in the storm, an inspection at night).
    """
    ticked = limit_ticked(plan, OutcomeLimit.worst_unmeasured)
    return (ticked,) if ticked else None
