"""A random check of the cases a process did not select answers selective labels, wherever the plan
says it: in the evaluation, in today's figure, or in what is watched once live."""

from __future__ import annotations

from typing import Any

import pytest

from planner.judgement.register import assess
from tests.test_review import patched

_SELECTED = {"constraints.data.outcome_recorded_for": "selected_cases"}


def _level(changes: dict[str, Any]) -> str | None:
    risks = [
        risk for risk in assess(patched({**_SELECTED, **changes})).risks if risk.id == "selective-labels"
    ]
    return risks[0].level if risks else None


@pytest.mark.parametrize(
    "changes",
    [
        {"done.eval_set": "300 unmatched reports, randomly drawn and checked by hand."},
        {"product.current_performance": "We audit a random 300 of the unmatched reports: 6% had a match."},
        {
            "after_launch.monitoring": [
                {"signal": "Each week 50 unflagged claims, drawn at random, are checked."}
            ]
        },
    ],
)
def test_a_random_check_of_the_unselected_lowers_selective_labels(changes: dict[str, Any]) -> None:
    assert _level({}) == "high"
    assert _level(changes) == "low"


@pytest.mark.parametrize(
    "changes",
    [
        {"done.eval_set": "Reports from 2025, split randomly."},  # a random split is no random check
        {"product.current_performance": "We audit a random 300 of the matched reports."},  # the selected ones
    ],
)
def test_a_random_split_or_an_audit_of_the_selected_is_no_credit(changes: dict[str, Any]) -> None:
    assert _level(changes) == "high"
