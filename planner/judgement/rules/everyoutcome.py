"""Whether every case gets its outcome whatever anyone picks, read from the answers: the outcome recorded
for every case, and either every case acted on (the product's way of acting passes none over) or a check
the model does not choose kept on every case once it is live (a final inspection, every claim settled)."""

from __future__ import annotations

from planner.judgement.rules.evidence import quote
from planner.plan.model import ActionShape, OutcomeRecorded, Plan

# The ways of acting that act on every case: the model sets how, not whether. A person choosing among
# the model's suggestions for each case (`top three` candidates) chooses an answer, not which cases.
EVERY_CASE_ACTED_ON = frozenset({ActionShape.every_item, ActionShape.sets_amount, ActionShape.choose_among})


def outcome_for_every_case(plan: Plan) -> str | None:
    """The answer saying every case keeps its outcome once the model is live, whatever it picks, quoted;
    None where no answer says so. `outcome_kept_live: true` says it outright; `every_case` beside a way
    of acting that acts on every case says it too: nobody, model or person, picks which cases get one."""
    data = plan.constraints.data
    if data.outcome_kept_live:
        return quote(
            plan,
            "constraints.data.outcome_kept_live",
            "a check the model does not choose covers every case once live: the cases it passes over still "
            "get their outcome",
        )
    if (
        data.outcome_recorded_for is OutcomeRecorded.every_case
        and plan.product.action_shape in EVERY_CASE_ACTED_ON
    ):
        return quote(
            plan,
            "product.action_shape",
            "every case is acted on and, as constraints.data.outcome_recorded_for says, gets its outcome",
        )
    return None
