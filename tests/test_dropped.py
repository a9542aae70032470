"""What was removed from the data (`constraints.data.dropped`): the level each answer earns, read with the
other answers, and the words kept as the fallback so the concern is raised once."""

from __future__ import annotations

from typing import Any

import pytest

from planner.judgement.register import assess
from tests.test_review import patched


def _level(changes: dict[str, Any], rule: str) -> str | None:
    risks = {risk.id: risk for risk in assess(patched(changes)).open_risks}
    return risks[rule].level if rule in risks else None


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({"constraints.data.dropped": ["unusual_outcomes"]}, "medium"),
        ({"constraints.data.dropped": ["outliers"], "product.task": "forecasting"}, "medium"),
        # the worst error falls on the dropped cases and nobody meets the output first: high
        (
            {
                "constraints.data.dropped": ["invalid"],
                "impact.error_severity": "serious",
                "product.mode": "automate",
            },
            "high",
        ),
        # the same, but a clerk checks every output: medium
        ({"constraints.data.dropped": ["invalid"], "impact.error_severity": "serious"}, "medium"),
        # acting alone, but a false alarm is the costlier error: the dropped cases do not carry it
        (
            {
                "constraints.data.dropped": ["invalid"],
                "impact.error_severity": "serious",
                "impact.costlier_error": "false_positive",
                "product.mode": "automate",
            },
            "medium",
        ),
        ({"constraints.data.dropped": ["not_known"]}, "low"),
        (
            {
                "constraints.data.dropped": ["outliers"],
                "done.eval_set": "The last six months held out; the outliers stay in the test set, scored apart.",
            },
            "low",
        ),
        ({"constraints.data.dropped": ["duplicates"]}, None),
        ({"constraints.data.dropped": ["duplicates"], "constraints.data.rows_per_thing": "several"}, "low"),
        ({"constraints.data.dropped": ["nothing"]}, None),
        ({"constraints.data.dropped": ["group"]}, None),
    ],
)
def test_the_level_follows_the_other_answers(changes: dict[str, Any], level: str | None) -> None:
    assert _level(changes, "cleaning-drops-the-rare") == level


def test_the_structured_answer_comes_first_and_the_words_are_the_fallback() -> None:
    words = {"product.inputs": "Hourly vibration readings per pump; outliers are removed before training."}
    # unanswered (an older plan): the words ask, as before
    assert _level({**words, "constraints.data.dropped": None}, "cleaning-drops-the-rare") == "medium"
    # answered: the structured answer decides, and the concern is raised once
    assert _level({**words, "constraints.data.dropped": ["nothing"]}, "cleaning-drops-the-rare") is None
    risks = [r for r in assess(patched({**words, "constraints.data.dropped": ["outliers"]})).open_risks]
    assert [r.id for r in risks].count("cleaning-drops-the-rare") == 1
    assert not next(r for r in risks if r.id == "cleaning-drops-the-rare").heard


@pytest.mark.parametrize(
    ("dropped", "level"),
    [(["group"], "medium"), (["period"], "low"), (["group", "period"], "medium"), (["outliers"], None)],
)
def test_a_dropped_group_or_period(dropped: list[str], level: str | None) -> None:
    assert _level({"constraints.data.dropped": dropped}, "dropped-group-or-period") == level


def test_a_group_left_out_of_the_launch_is_settled() -> None:
    scope = "Hold an invoice for a clerk's check; the Polish entity is out of scope at launch."
    changes = {"constraints.data.dropped": ["group"], "product.decision": scope}
    assert _level(changes, "dropped-group-or-period") is None
