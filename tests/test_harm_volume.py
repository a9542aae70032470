"""The kind of harm as the floor of the severity, and a target that counts volume."""

from __future__ import annotations

from planner.judgement.register import assess
from planner.judgement.rules.harm import effective_severity
from planner.plan.model import Severity
from tests.test_review import patched


def levels(changes: dict[str, object]) -> dict[str, str]:
    return {risk.id: risk.level for risk in assess(patched(changes)).risks if risk.source == "derived"}


def test_health_or_rights_raise_a_minor_rating_to_moderate_where_a_person_decides() -> None:
    health = {"impact.harm_kinds": ["health"], "impact.error_severity": "minor", "product.mode": "augment"}
    assert effective_severity(patched(health)) is Severity.moderate
    rights = patched({"impact.harm_kinds": ["money", "rights"], "impact.error_severity": "minor"})
    assert effective_severity(rights) is Severity.moderate
    unrated = {**health, "impact.error_severity": None}
    assert effective_severity(patched(unrated)) is Severity.moderate


def test_health_acting_alone_on_the_person_raises_a_minor_rating_to_serious() -> None:
    minor = {"impact.harm_kinds": ["health"], "impact.error_severity": "minor"}
    assert effective_severity(patched({**minor, "product.mode": "automate"})) is Severity.serious
    alone = {**minor, "product.mode": "augment", "product.circumstances": ["commits_alone"]}
    assert effective_severity(patched(alone)) is Severity.serious
    rights = {"impact.harm_kinds": ["rights"], "impact.error_severity": "minor", "product.mode": "automate"}
    assert effective_severity(patched(rights)) is Severity.moderate  # serious only for health


def test_a_rating_of_moderate_or_above_stands() -> None:
    for rated in ("moderate", "serious", "severe"):
        changes = {"impact.harm_kinds": ["health", "rights"], "impact.error_severity": rated}
        assert effective_severity(patched({**changes, "product.mode": "automate"})) is Severity(rated)


def test_money_or_no_kinds_keep_the_team_s_rating() -> None:
    for kinds in ([], ["money"], ["trust", "privacy", "property"]):
        plan = patched({"impact.harm_kinds": kinds, "impact.error_severity": "minor"})
        assert effective_severity(plan) is Severity.minor
    assert effective_severity(patched({"impact.harm_kinds": [], "impact.error_severity": None})) is None


def test_a_health_harm_rated_serious_gains_nothing_over_money_rated_serious() -> None:
    money = levels({"impact.harm_kinds": ["money"], "impact.error_severity": "serious"})
    health = levels({"impact.harm_kinds": ["health"], "impact.error_severity": "serious"})
    assert health == money


def test_a_health_harm_rated_minor_acting_alone_is_read_as_serious_by_the_gated_rules() -> None:
    alone = {"impact.harm_kinds": ["health"], "product.mode": "automate"}
    minor = levels({**alone, "impact.error_severity": "minor"})
    serious = levels({**alone, "impact.error_severity": "serious"})
    assert minor.pop("harm-kind-outranks-rating") == "medium"
    assert minor == serious


def test_a_volume_target_is_high_only_where_it_acts_alone_and_nothing_is_undone() -> None:
    merged = [{"name": "Records merged per month", "target": 20000}]
    base = {
        "product.circumstances": ["counts_volume"],
        "done.metrics": merged,
        "done.worst_error_metric": None,
    }
    assert levels(base)["target-counts-volume"] == "medium"
    alone = levels({**base, "product.mode": "automate"})
    assert alone["target-counts-volume"] == "high"
    undone = {**base, "product.mode": "automate", "after_launch.fallback": "Every merge can be undone."}
    assert levels(undone)["target-counts-volume"] == "medium"


def test_a_volume_target_takes_over_the_self_counted_point() -> None:
    merged = [{"name": "Tickets closed per week", "target": 900}]
    unpaired = {"done.metrics": merged, "done.worst_error_metric": None}
    both = levels({"product.circumstances": ["counts_volume", "self_counted"], **unpaired})
    assert "target-counts-volume" in both
    assert "success-self-counted" not in both
    alone = levels({"product.circumstances": ["self_counted"], **unpaired})
    assert "success-self-counted" in alone


def test_a_live_test_whose_arms_share_supply_is_not_called_sound() -> None:
    """A plan told its A/B arms compete for one pool of slots is not also told its live test is sound."""

    def said(changes: dict[str, object]) -> tuple[set[str], set[str]]:
        assessment = assess(patched(changes))
        return {risk.id for risk in assessment.open_risks}, {advice.title for advice in assessment.advice}

    shared = {
        "product.task": "ranking",
        "product.decision": "Clients book one of the studio's appointment slots from the ranked list.",
        "done.online_validation": "a_b_test",
    }
    risks, titles = said(shared)
    assert "test-arms-share-supply" in risks
    assert "Judged live before it replaces today's process" not in titles
    risks, titles = said({**shared, "product.decision": "Clients read the ranked list of articles."})
    assert "test-arms-share-supply" not in risks
    assert "Judged live before it replaces today's process" in titles


def test_several_differences_from_production_are_high_only_where_it_acts_alone_or_harms() -> None:
    def level(**changes: object) -> str:
        plan = patched({"constraints.data.differences": ["device", "population"], **changes})
        return next(risk.level for risk in assess(plan).risks if risk.id == "production-differs")

    assert level() == "medium"  # people check each output: collect production-like data, not a stop
    assert level(**{"product.mode": "automate"}) == "high"
    assert level(**{"impact.error_severity": "serious"}) == "high"


def test_a_model_in_place_of_a_rule_acting_alone_today_weighs_what_it_commits_by_its_harm() -> None:
    window = {
        "product.circumstances": ["commits_alone"],
        "product.mode": "automate",
        "product.output": "The delivery window promised to the customer at checkout.",
        "product.decision": "The checkout shows each order's window.",
        "product.current_solution": "A fixed rule sets the window: ten working days for every order.",
        "done.online_validation": None,
        "after_launch.fallback": None,
    }
    assert levels(window)["commits-unchecked"] == "medium"  # nobody checks each window today either
    assert (
        levels({**window, "after_launch.fallback": "The checkout falls back to the rule."})[
            "commits-unchecked"
        ]
        == "low"
    )
    assert levels({**window, "impact.error_severity": "serious"})["commits-unchecked"] == "high"
    people = {**window, "product.current_solution": "Planners set each window by hand."}
    assert levels(people)["commits-unchecked"] == "high"  # the model takes the planners' check away
