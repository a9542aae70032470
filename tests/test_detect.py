"""A live trial sized in the volume's items claims a number of days only where the rate counts them."""

from __future__ import annotations

from typing import Any

from planner.judgement.rules.base import Tempered
from planner.judgement.rules.detect import trial_cannot_detect_target
from planner.plan.model import Plan


def _trial(metric: str, bottleneck: str, **done: Any) -> Plan:
    rate = {"name": metric, "baseline": 0.04, "target": 0.03, "direction": "lower"}
    return Plan.model_validate(
        {
            "title": "A plan",
            "impact": {"bottleneck": bottleneck, "volume": 600, "period": "day"},
            "done": {
                "metrics": [rate],
                "online_validation": "a_b_test",
                "when_met": "A 4-week A/B pilot on 10% of visits, then everyone.",
                **done,
            },
        }
    )


def test_a_rate_in_another_unit_than_the_volume_claims_no_days() -> None:
    found = trial_cannot_detect_target(_trial("Share of slot-days a slot stands empty", "Machine visits"))
    assert isinstance(found, Tempered) and found.likelihood == 3
    assert not any("days at this share" in line for line in found)
    assert "of the volume's items" in found[0]
    assert found[-1].startswith("done.metric_unit: not answered (is the rate per item of impact.volume?")
    pooled = trial_cannot_detect_target(_trial("Empty slot-days", "Machine visits", metric_unit="pooled"))
    assert pooled is not None and "one score is not one of the volume's items" in pooled[-1]


def test_a_rate_per_the_volumes_own_items_is_sized_in_days() -> None:
    for plan in (
        _trial("Share of claims paid in error", "Assessors checking claims"),
        _trial("Share of slot-days a slot stands empty", "Machine visits", metric_unit="decision"),
    ):
        found = trial_cannot_detect_target(plan)
        assert found is not None and not isinstance(found, Tempered)
        assert "days at this share" in found[2]
