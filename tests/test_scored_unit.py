"""Levels of the rules on the done metric's unit and on newcomers, read from the structured answers."""

from __future__ import annotations

from typing import Any

from planner.judgement.register import assess
from tests.test_review import patched


def level(rule_id: str, changes: dict[str, Any]) -> str | None:
    return next((risk.level for risk in assess(patched(changes)).risks if risk.id == rule_id), None)


def test_a_metric_on_parts_is_medium_and_high_where_decisions_act_unchecked_or_hurt() -> None:
    parts = {"done.metric_unit": "parts"}
    assert level("metric-scores-parts", parts) == "medium"
    assert level("metric-scores-parts", {**parts, "product.mode": "automate"}) == "high"
    assert level("metric-scores-parts", {**parts, "impact.error_severity": "severe"}) == "high"


def test_a_pooled_metric_weighs_the_costlier_error_and_an_unchecked_amount() -> None:
    pooled = {"done.metric_unit": "pooled"}
    assert level("decisions-scored-pooled", {**pooled, "impact.costlier_error": "similar"}) == "medium"
    assert level("decisions-scored-pooled", pooled) == "medium"  # a miss costs more: 12
    amount = {**pooled, "product.action_shape": "sets_amount", "impact.costlier_error": "too_low"}
    assert level("amount-scored-in-aggregate", amount) == "medium"
    assert level("amount-scored-in-aggregate", {**amount, "product.mode": "automate"}) == "high"
    assert level("decisions-scored-pooled", amount) is None  # the amount's own rule says it
    # the words of the metric alone stay a low question
    words = {"product.action_shape": "sets_amount", "done.metric_unit": None}
    assert level("amount-scored-in-aggregate", {**words, "done.metrics[0].name": "Chain-wide MAPE"}) == "low"


def test_newcomers_decide_the_cold_start_risk_whatever_the_words() -> None:
    reads = {"product.task": "recommendation", "product.inputs": "Each member's purchase history."}
    assert level("newcomers-have-no-history", {**reads, "constraints.data.newcomers": None}) == "medium"
    assert level("newcomers-have-no-history", {**reads, "constraints.data.newcomers": "few"}) is None
    assert level("newcomers-have-no-history", {**reads, "constraints.data.newcomers": "many"}) == "medium"
    assert level("newcomers-have-no-history", {**reads, "constraints.data.newcomers": "all_new"}) == "high"
    assert level("newcomers-have-no-history", {**reads, "constraints.data.newcomers": "not_checked"}) == "low"
    # all new, judged on members held out whole: still medium until new ones get a fallback
    apart = {**reads, "constraints.data.newcomers": "all_new", "done.split": "group"}
    assert level("newcomers-have-no-history", apart) == "medium"
