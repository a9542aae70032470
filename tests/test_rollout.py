"""The pilot's units and the later phase: read from the fixed answers first, the words kept for older
plans, and each concern said once."""

from __future__ import annotations

from planner.judgement.register import assess
from planner.judgement.rules.base import level_of
from tests.test_review import fired, patched

_ROLLOUT = {
    "pilot-on-picked-units",
    "pilot-on-worst-units",
    "no-pilot-where-it-matters",
    "pilot-units-not-decided",
    "later-phase-drops-the-check",
    "later-phase-widens-scope",
    "later-phase-new-use",
}
_WORST_WORDS = {
    "done.online_validation": "before_after",
    "done.when_met": "A pilot at the five worst-performing depots, compared with their quarter before.",
}


def test_an_older_plan_without_the_answers_raises_none_of_them() -> None:
    found = fired(
        patched({"done.pilot_units": None, "done.later_phase": [], "done.online_validation": "none"})
    )
    assert not _ROLLOUT.intersection(found)


def test_the_worst_units_are_said_once_by_the_rule_or_the_probe() -> None:
    from_words = assess(patched({**_WORST_WORDS, "done.pilot_units": None}))
    assert "pilot-on-the-worst" in {each.id for each in from_words.asked}
    assert "pilot-on-worst-units" not in {risk.id for risk in from_words.risks}
    ticked = assess(patched({**_WORST_WORDS, "done.pilot_units": "worst"}))
    assert "pilot-on-the-worst" not in {each.id for each in ticked.asked}
    assert "pilot-on-worst-units" in {risk.id for risk in ticked.risks}


def test_a_random_pilot_silences_the_launch_rules_words() -> None:
    launch = {
        "product.pain": "Garden centres run out of compost every week in the April-May peak.",
        "done.when_met": "Go live in all 48 garden centres on 1 April.",
        "done.online_validation": "none",
    }
    assert "launch-everywhere-at-the-peak" in fired(patched({**launch, "done.pilot_units": None}))
    assert "launch-everywhere-at-the-peak" not in fired(patched({**launch, "done.pilot_units": "random"}))
    ticked = fired(patched({**launch, "done.pilot_units": "everywhere", "product.mode": "automate"}))
    assert "launch-everywhere-at-the-peak" in ticked and "no-pilot-where-it-matters" not in ticked


def test_dropping_the_check_is_high_only_where_errors_hurt() -> None:
    def level(severity: str) -> str:
        # judged live only on a canary: no shadow run judges the model alone against checked answers
        changes = {"done.later_phase": ["removes_check"], "done.online_validation": "canary"}
        plan = patched({**changes, "impact.error_severity": severity})
        (risk,) = [risk for risk in assess(plan).risks if risk.id == "later-phase-drops-the-check"]
        return level_of(risk.score)

    assert level("moderate") == "medium"
    assert level("serious") == "high"


def test_a_wider_scope_is_raised_on_what_the_data_lacks_not_on_the_tick() -> None:
    rollout = {"done.later_phase": ["wider_scope"], "done.online_validation": "holdout"}
    ordinary = {**rollout, "done.when_met": "Pilot at four practices, then roll out to the rest of our 30."}
    assert "later-phase-widens-scope" not in fired(patched(ordinary))
    acquired = {**rollout, "done.when_met": "Pilot in our region, then roll out to the regions we acquired."}
    assert 'says "acquired"' in " ".join(fired(patched(acquired))["later-phase-widens-scope"])
    one_line = {**ordinary, "constraints.data.sources[0].name": "Checkweigher logs from line 2, 2021-2025"}
    assert 'says "line 2"' in " ".join(fired(patched(one_line))["later-phase-widens-scope"])
