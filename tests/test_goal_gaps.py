"""Goal gaps and recommended items: the six fix-round scenarios raise their rule as a medium question, and
their sound near misses stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planner.judgement.register import assess
from planner.plan.model import Plan

SCENARIOS = Path(__file__).resolve().parent.parent / "benchmarks" / "scenarios"
PAIRS = [
    ("goal-reading-app-clicks", "goal-reading-app-books-read-sound", "metric-stands-in-for-goal"),
    (
        "goal-lapsed-members-newsletter",
        "goal-lapsed-members-postcards-sound",
        "goal-group-beyond-the-channel",
    ),
    ("goal-adult-courses-seats", "goal-adult-courses-seats-left-sound", "recommended-places-fill"),
    ("goal-modules-mandatory-hits", "goal-modules-electives-only-sound", "obliged-picks-counted"),
    ("goal-popular-now-shelf", "goal-popular-now-shelf-source-logged-sound", "display-echoes-the-model"),
    (
        "goal-volunteer-matching-dropout",
        "goal-volunteer-matching-still-active-sound",
        "later-step-loses-more",
    ),
]


def _risks(name: str) -> dict[str, tuple[str, str]]:
    data = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    found = assess(Plan.model_validate(data["answers"])).open_risks
    return {risk.id: (risk.level, risk.title) for risk in found if risk.source == "derived"}


@pytest.mark.parametrize(("flawed", "sound", "rule_id"), PAIRS)
def test_flawed_raises_a_medium_question_and_sound_stays_quiet(flawed: str, sound: str, rule_id: str) -> None:
    raised = _risks(flawed)
    assert rule_id in raised
    level, title = raised[rule_id]
    assert level == "medium" and title.endswith("?")
    assert rule_id not in _risks(sound)


def test_places_rule_speaks_of_the_test_arms_sharing_places() -> None:
    data = yaml.safe_load((SCENARIOS / "goal-adult-courses-seats.yaml").read_text(encoding="utf-8"))
    risk = next(
        risk
        for risk in assess(Plan.model_validate(data["answers"])).open_risks
        if risk.id == "recommended-places-fill"
    )
    assert any("split the places or the time" in line for line in risk.evidence)


def test_a_worklist_of_courses_is_not_a_recommender_filling_places() -> None:
    data = yaml.safe_load((SCENARIOS / "goal-adult-courses-seats.yaml").read_text(encoding="utf-8"))
    data["answers"]["product"]["action_shape"] = "top_of_queue"
    data["answers"]["product"]["task"] = "ranking"
    found = {risk.id for risk in assess(Plan.model_validate(data["answers"])).open_risks}
    assert "recommended-places-fill" not in found
