"""The question a lead asks of a forecast whose plan never says what the decision consumes from it.

Bookings are forecast while the rota is planned in interpreter-hours; a weekly total feeds a decision
taken per day; daily counts feed cover that turns on the chance of at least one call in the slot;
urgent and deferrable work is summed into one target. None of it shows in the answers until
`product.decision_uses` is answered, and the forecast-grain rules read that answer. Until then a lead
asks, quoting the forecast's quantity and grain, the decision, and the metric that scores the forecast.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import answer_at, quote
from planner.plan.choices import TaskType
from planner.plan.model import Plan
from planner.plan.workings import ActionShape


@probe("decision-grain-unsaid", "forecast-coarser-than-decision", "forecast-counts-other-than-decision")
def _decision_grain_unsaid(plan: Plan) -> Found:
    product = plan.product
    amount = product.task is TaskType.regression and product.action_shape is ActionShape.sets_amount
    if product.task is not TaskType.forecasting and not amount:
        return None
    if (
        product.decision_uses
        or not answer_at(plan, "product.output")
        or not answer_at(plan, "product.decision")
    ):
        return None
    said = [quote(plan, "product.output"), quote(plan, "product.decision")]
    if plan.done.metrics:
        said.append(quote(plan, "done.metrics[0].name"))
    question = (
        "What exactly does the decision consume from this forecast, at what grain (hour, shift, day, week) and "
        "in which unit (items, hours, staff, the chance of at least one)? If it is another grain or quantity, "
        "or one part of a summed figure, forecast that, or derive it and score the derived figure "
        "(product.decision_uses)."
    )
    return question, tuple(said)
