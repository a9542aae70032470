"""The catalogue's order is the order Python first imports each rule module (a rule module importing a
helper from another registers that one's rules earlier), which a split or a new import shifts unseen:
only `planner rules` lists it; what a plan's risks and advice say must not hang on it."""

from __future__ import annotations

from pathlib import Path

import yaml

from planner.judgement.register import Assessment, assess
from planner.judgement.rules import CATALOGUE
from planner.plan.model import Plan
from planner.plan.planfile import plan_from_text

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((REPO / "benchmarks" / "scenarios").glob("*.yaml"))[::60]  # a spread of kickoffs


def _plans() -> list[Plan]:
    plans = [
        plan_from_text(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(REPO.glob("plans/*/plan.yaml"))
    ]
    for path in SCENARIOS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "answers" in data:
            plans.append(Plan.model_validate(data["answers"]))
    return plans


def _assessed() -> list[Assessment]:
    return [assess(plan) for plan in _plans()]


def test_the_advice_does_not_hang_on_the_catalogue_order() -> None:
    today = _assessed()
    kept = list(CATALOGUE.items())
    CATALOGUE.clear()
    CATALOGUE.update(reversed(kept))
    try:
        assert _assessed() == today, (
            "the risks or the advice follow the catalogue's order: sort on a total key"
        )
    finally:
        CATALOGUE.clear()
        CATALOGUE.update(kept)
