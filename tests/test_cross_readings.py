"""Answers read against each other: people's score on the target's scale and direction, today's figure
only beside a target of the same measure, and the by-hand test against what the model will not get."""

from __future__ import annotations

from planner.judgement.rules.humanscore import human_against
from planner.judgement.rules.likefigures import today_on, unlike_today
from planner.judgement.rules.sight import decisions_turn_on_unseen
from planner.plan.model import Direction, Metric, Plan


def _plan(**parts: dict) -> Plan:
    return Plan.model_validate({"title": "A plan", **parts})


def test_a_percent_typed_against_a_share_is_read_on_the_targets_scale() -> None:
    metric = Metric(name="MAPE of weekly demand", target=0.08, direction=Direction.lower_is_better)
    plan = _plan(by_hand={"human_score": 6.1, "human_score_notes": "Planners' MAPE over 26 weeks: 6.1%."})
    assert human_against(plan, metric) == 6.1 / 100


def test_an_error_is_not_compared_with_a_score() -> None:
    metric = Metric(name="Share of counts within 10% of the audit", target=0.9)
    notes = "Two counters' median count difference was 2.8% on 40 photos."
    plan = _plan(by_hand={"human_score": 0.028, "human_score_notes": notes})
    assert human_against(plan, metric) is None


def test_a_score_on_the_same_scale_is_kept() -> None:
    metric = Metric(name="Recall of duplicates", target=0.9)
    plan = _plan(by_hand={"human_score": 0.85, "human_score_notes": "Two auditors found 85% of 150 pairs."})
    assert human_against(plan, metric) == 0.85


def test_a_share_acted_on_is_not_todays_recall() -> None:
    metric = Metric(name="Recall of confirmed fraud", target=0.7)
    plan = _plan(product={"current_performance": "71% of the applications the rules flag are declined."})
    assert unlike_today(plan, metric) == ("declined",)
    assert today_on(plan, metric) is None


def test_todays_recall_is_set_beside_a_recall_target() -> None:
    metric = Metric(name="Recall of confirmed fraud", target=0.8)
    plan = _plan(product={"current_performance": "The rules catch 64% of the confirmed fraud."})
    assert today_on(plan, metric) == 0.64


def _unseen(by_hand: dict) -> Plan:
    product = {
        "mode": "automate",
        "inputs": "The claim form and the policy record.",
        "unseen_by_model": "What the attending engineer says on the phone.",
    }
    return _plan(product=product, by_hand={"examples": 120, "expert_can_decide": True, **by_hand})


def test_an_expert_who_could_decide_does_not_silence_what_the_model_cannot_see() -> None:
    found = decisions_turn_on_unseen(_unseen({}))
    assert found is not None and getattr(found, "likelihood", 4) <= 3
    assert any(line.startswith("by_hand.expert_can_decide: true (yet") for line in found)


def test_a_by_hand_test_without_the_unseen_answers_it() -> None:
    said = {"noticed": ["We decided from the form alone, without the engineer's call."]}
    assert decisions_turn_on_unseen(_unseen(said)) is None


def test_a_label_per_cow_per_day_is_a_share_of_cow_days() -> None:
    from planner.judgement.rules.units import share_per_day

    per_day = _plan(product={"label": "Clinical mastitis diagnosed by the vet, per cow per day."})
    assert share_per_day(per_day) == ("per cow per day", "cow")
    assert share_per_day(_plan(product={"label": "Mastitis on a cow-day."})) == ("cow-day", "cow")
    assert share_per_day(_plan(product={"label": "Whether the order ships next-day."})) is None
    assert share_per_day(_plan(product={"label": "Default within a 90-day window."})) is None
