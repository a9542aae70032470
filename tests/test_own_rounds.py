"""People who keep their own look at every case beside the model's flags are not limited to what it flags."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.judgement.register import assess
from planner.plan.model import Plan

_FLAWED = Path(__file__).parents[1] / "benchmarks/scenarios/unseen-tank-weld-drone-bottom-ring.yaml"


def _unseen(answers: dict[str, Any]) -> list[str]:
    risks = assess(Plan.model_validate(answers)).risks
    return [risk.level for risk in risks if risk.id == "decisions-turn-on-unseen"]


@pytest.mark.parametrize(
    "decision",
    [
        "The inspector checks each weld the model flags; inspectors keep their monthly rounds of the bottom ring.",
        "The inspector checks each weld the model flags, and still walks round the tank as they do today.",
    ],
)
def test_people_who_keep_their_rounds_are_not_told_they_see_only_the_flags(decision: str) -> None:
    answers = yaml.safe_load(_FLAWED.read_text(encoding="utf-8"))["answers"]
    assert _unseen(answers) == ["medium"]  # people check only what it flags
    kept = copy.deepcopy(answers)
    kept["product"]["decision"] = decision
    assert _unseen(kept) == []
