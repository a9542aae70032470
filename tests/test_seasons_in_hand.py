"""Another season is no new setting where several are in hand and the test comes after the training."""

from __future__ import annotations

from planner.judgement.register import assess
from planner.judgement.rules.base import level_of
from tests.test_review import patched

_SEASON = {"constraints.data.differences": ["season"], "done.online_validation": "before_after"}


def _level(changes: dict[str, object]) -> str:
    (risk,) = [risk for risk in assess(patched(changes)).risks if risk.id == "production-differs"]
    return level_of(risk.score)


def test_a_season_not_in_hand_is_worth_a_decision() -> None:
    assert (
        _level({**_SEASON, "constraints.data.period": "Mar 2024 - Nov 2024", "done.split": "time"})
        == "medium"
    )


def test_six_seasons_backtested_on_a_later_one_leave_a_low_note() -> None:
    assert (
        _level({**_SEASON, "constraints.data.period": "Mar 2019 - Nov 2024", "done.split": "time"}) == "low"
    )
    assert (
        _level({**_SEASON, "constraints.data.period": "Mar 2019 - Nov 2024", "done.split": "random"})
        == "medium"
    )
