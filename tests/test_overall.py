"""Levels of the rules on a worst error pooled over classes and on choices scored over every item."""

from __future__ import annotations

from typing import Any

from planner.judgement.register import assess
from planner.judgement.rules.actionshape import worked_from_the_top
from tests.test_review import patched


def level(rule_id: str, changes: dict[str, Any]) -> str | None:
    return next((risk.level for risk in assess(patched(changes)).risks if risk.id == rule_id), None)


def test_a_pooled_worst_error_metric_is_medium_and_high_only_for_a_blend_at_serious_harm() -> None:
    pooled = {
        "done.metrics[0].name": "Weighted F1",
        "done.worst_error_metric": "Weighted F1",
        "impact.costlier_error": "similar",
    }
    assert level("worst-error-scored-overall", pooled) == "medium"
    assert level("worst-error-scored-overall", {**pooled, "impact.error_severity": "serious"}) == "high"
    recall = {**pooled, "done.metrics[0].name": "Micro recall", "done.worst_error_metric": "Micro recall"}
    recall["impact.error_severity"] = "severe"
    assert level("worst-error-scored-overall", recall) == "medium"  # misses counted, only pooled
    assert (
        level("worst-error-scored-overall", {**pooled, "constraints.data.rarest_class_share": None}) is None
    )


def test_a_global_fit_judges_a_queue_worked_from_the_top_as_a_whole_list() -> None:
    queue = {"product.action_shape": "top_of_queue", "done.metrics[0].name": "R-squared of the risk score"}
    assert worked_from_the_top(patched(queue)) is not None
    at_depth = {**queue, "done.metrics[0].name": "Precision in the top 20 a day"}
    assert worked_from_the_top(patched(at_depth)) is None


def test_choices_scored_over_every_item_are_medium_and_quiet_at_the_number_shown() -> None:
    choice = {"product.action_shape": "choose_among", "done.metrics[0].name": "Pearson correlation of scores"}
    assert level("choice-scored-over-all", choice) == "medium"
    shown = {**choice, "done.metrics[0].name": "Hit rate at 3 of the booked vet"}
    assert level("choice-scored-over-all", shown) is None
