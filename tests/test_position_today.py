"""Position bias needs a list shown in order: where nothing says one is shown today, it is asked, not high."""

from __future__ import annotations

import pytest

from planner.judgement.register import assess
from tests.test_review import patched

_OFFERS = {
    "product.task": "ranking",
    "product.action_shape": "choose_among",
    "product.mode": "automate",
    "constraints.data.outcome_recorded_for": "selected_cases",
    "constraints.data.exploration_share": None,
    "product.label": "Accepted = 1, offered but declined = 0.",
}


@pytest.mark.parametrize(
    ("today", "level"),
    [
        ("A coordinator phones translators one at a time until one accepts the job.", "medium"),
        ("Translators see open jobs on the portal, newest first, and accept one.", "high"),
    ],
)
def test_position_bias_is_high_only_where_a_list_is_shown_today(today: str, level: str) -> None:
    risks = assess(patched({**_OFFERS, "product.current_solution": today})).risks
    assert [risk.level for risk in risks if risk.id == "position-bias-in-logs"] == [level]
