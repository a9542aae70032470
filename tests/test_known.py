"""Inputs known only after a moment the product predicts ahead of, and inputs that record the decision the
model sets: raised once, at medium, and quiet where the product runs after the event."""

from __future__ import annotations

from typing import Any

from planner.judgement.register import assess
from tests.test_review import patched

REPORT = {
    "product.task": "generation",
    "product.output": "A 200-word report of each match, drafted after the final whistle.",
    "product.inputs": "The final score, the scorers and the referee's notes of the match.",
    "product.lead_days": 0,
    "constraints.data.differences": ["none"],
}


def levels(changes: dict[str, Any]) -> dict[str, str]:
    return {risk.id: risk.level for risk in assess(patched(changes)).open_risks if risk.source == "derived"}


def test_a_final_score_read_after_the_event_is_no_leak() -> None:
    found = levels(REPORT)
    assert "inputs-after-prediction" not in found
    assert "inputs-known-only-later" not in found


def test_the_same_final_score_is_asked_when_nothing_says_the_product_runs_after() -> None:
    vague = {**REPORT, "product.output": "A 200-word text for each match.", "product.lead_days": None}
    found = levels({**vague, "product.inputs_known_after": []})
    assert found["inputs-after-prediction"] == "medium"
    # the team answered that no input is recorded after the moment of prediction: its answer settles it
    assert "inputs-after-prediction" not in levels({**vague, "product.inputs_known_after": ["none"]})


def test_a_final_status_at_registration_is_still_asked_with_a_lead_of_0() -> None:
    found = levels(
        {"product.inputs": "Supplier, amounts and the final payment status.", "product.lead_days": 0}
    )
    assert found["inputs-after-prediction"] == "medium"


def test_a_value_known_after_the_sale_is_asked_at_medium_once() -> None:
    ahead = {
        "product.task": "regression",
        "product.inputs": "Brand, condition grade, days in stock and number of markdowns.",
        "product.lead_days": 1,
    }
    found = levels(ahead)
    assert found["inputs-known-only-later"] == "medium"
    assert "inputs-after-prediction" not in found
    # the same words where the team ticked inputs recorded later: the tick is quoted, once
    ticked = levels({**ahead, "constraints.data.differences": ["later_inputs"]})
    assert "inputs-known-only-later" not in ticked and "inputs-after-prediction" in ticked


def test_a_value_known_later_is_quiet_when_the_product_does_not_predict_ahead() -> None:
    assert "inputs-known-only-later" not in levels(
        {"product.inputs": "Brand, condition grade, days in stock and number of markdowns."}
    )


def test_an_input_that_records_the_price_the_model_sets_is_medium() -> None:
    sets = {
        "product.action_shape": "sets_amount",
        "product.output": "The price of a track session for each hour of the next day.",
        "product.inputs": "Bookings so far, the weather forecast and the price charged the same hour last week.",
    }
    assert levels(sets)["inputs-echo-the-decision"] == "medium"
    upstream = {
        **sets,
        "product.inputs": "Bookings so far, the weather forecast and competitor prices nearby.",
    }
    assert "inputs-echo-the-decision" not in levels(upstream)
