"""The questions on a pool of providers or items (each one's room, the new ones, inputs that count past picks)
are asked of any ranking, match or recommendation that picks providers or items, and of none that orders
cases or documents."""

from __future__ import annotations

import pytest

from planner.plan.model import Plan
from planner.plan.questions import QUESTIONS

_POOL_FIELDS = ("impact.supply_limit", "constraints.data.new_supply_share", "product.inputs_count_picks")


def _asked(field: str, **product: object) -> bool:
    question = next(question for question in QUESTIONS if question.field == field)
    return question.applies(Plan.model_validate({"title": "Briefs", "product": product}))


def test_what_is_picked_is_asked_of_rankings_matches_and_recommendations_only() -> None:
    assert all(_asked("product.picks", task=task) for task in ("ranking", "matching", "recommendation"))
    assert not _asked("product.picks", task="classification")
    assert not next(question for question in QUESTIONS if question.field == "product.picks").essential


@pytest.mark.parametrize("field", _POOL_FIELDS)
def test_a_ranking_of_providers_gets_the_pool_questions_a_ranking_of_cases_does_not(field: str) -> None:
    assert _asked(field, task="ranking", picks="providers")
    assert _asked(field, task="recommendation", picks="items")
    assert _asked(field, task="matching", picks="providers")
    assert not _asked(field, task="ranking", picks="cases")  # tickets or files for staff: no pool
    assert not _asked(field, task="matching", picks="cases")  # records linked to records
    assert not _asked(field, task="ranking")  # what it picks is asked first
