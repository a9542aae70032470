"""What the action needs from a ranked list is asked only of a ranked or recommended output, and a list
the action needs whole is scored by the share of actions it serves whole."""

from __future__ import annotations

from planner.judgement.rules.wholeset import list_scored_by_one_hit
from planner.plan.model import Plan
from planner.plan.questions import QUESTIONS

_QUESTION = next(question for question in QUESTIONS if question.field == "done.list_need")


def _plan(task: str, **done: object) -> Plan:
    return Plan.model_validate({"title": "Parts to carry", "product": {"task": task}, "done": done})


def test_the_list_question_is_asked_only_of_a_ranked_or_recommended_output() -> None:
    assert _QUESTION.applies(_plan("recommendation"))
    assert _QUESTION.applies(_plan("ranking"))
    assert not _QUESTION.applies(_plan("classification"))
    assert not _QUESTION.essential


def test_a_hit_rate_bounds_the_complete_set_rate_for_a_list_needed_whole() -> None:
    metric = {"name": "Hit rate at 5", "target": 0.9}
    found = list_scored_by_one_hit(_plan("recommendation", metrics=[metric], list_need="all_needed"))
    assert found is not None
    assert "is at most 90%" in found[1]
    assert list_scored_by_one_hit(_plan("recommendation", metrics=[metric], list_need="one")) is None
    assert list_scored_by_one_hit(_plan("recommendation", metrics=[metric], list_need="order")) is None
