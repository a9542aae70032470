"""What `planner risks` says from the facts a lead asks at kickoff, and what it no longer says on sound plans."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.plan.planfile import plan_to_text
from tests.conftest import MakeWorkspace
from tests.test_review import patched


def risks(make_workspace: MakeWorkspace, changes: dict[str, Any]) -> dict[str, Any]:
    """`planner risks --format json` of the sound plan with `changes`, as the user reads it."""
    make_workspace({"plans/p/plan.yaml": plan_to_text(patched(changes))})
    result = CliRunner().invoke(cli, ["risks", "p", "--format", "json"], prog_name="planner")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def levels(data: dict[str, Any]) -> dict[str, str]:
    return {risk["id"]: risk["level"] for risk in data["risks"]}


def evidence(data: dict[str, Any], rule_id: str) -> list[str]:
    return next(risk["evidence"] for risk in data["risks"] if risk["id"] == rule_id)


# ---------------------------------------------------------------- sound plans


def test_a_relative_target_that_names_its_baseline_is_a_baseline(make_workspace: MakeWorkspace) -> None:
    data = risks(
        make_workspace,
        {
            "done.metrics[0].baseline": "none",
            "done.metrics[0].target": None,
            "done.metrics[0].relative_target": 0.1,
            "done.metrics[0].baseline_name": "the naive last-week forecast",
        },
    )
    assert levels(data) == {}
    assert data["advice"][0]["title"] == "In review: ready to approve"


def test_a_team_that_chose_the_rules_is_reminded_not_stopped(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {"heuristics.verdict": "rules_suffice"})
    assert levels(data) == {"rules-may-suffice": "medium"}
    result = CliRunner().invoke(cli, ["check", "--fail-on", "high"], prog_name="planner")
    assert (result.exit_code, result.stdout) == (0, "ok: plans/p/plan.yaml\n")


def test_a_label_delay_where_acting_shapes_the_labels_is_medium(make_workspace: MakeWorkspace) -> None:
    late = {
        "constraints.data.labels": "outcomes",
        "constraints.data.label_delay_days": 90,
        "product.goal": "Stop fraudsters from being paid twice.",  # the other side adapts meanwhile
    }
    assert levels(risks(make_workspace, late))["label-delay-exceeds-retraining"] == "high"
    shaped = late | {
        "constraints.data.outcome_recorded_for": "changed_by_action",
        "constraints.data.exploration_share": 0.05,
    }
    assert levels(risks(make_workspace, shaped)) == {"label-delay-exceeds-retraining": "medium"}


def test_a_label_delay_of_two_cycles_is_high_only_where_the_other_side_adapts(
    make_workspace: MakeWorkspace,
) -> None:
    two_cycles = {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": 60}
    assert levels(risks(make_workspace, two_cycles))["label-delay-exceeds-retraining"] == "medium"
    fraud = two_cycles | {"product.goal": "Stop fraudsters from being paid twice."}
    assert levels(risks(make_workspace, fraud))["label-delay-exceeds-retraining"] == "high"


def test_a_label_delay_not_measured_is_unknown_not_zero(make_workspace: MakeWorkspace) -> None:
    unknown = {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "not measured"}
    found = levels(risks(make_workspace, unknown))
    # no alarm from a number made up for it: a low question, since the monthly retraining waits on outcomes
    assert "label-delay-no-retraining" not in found and found["label-delay-exceeds-retraining"] == "low"
    assert evidence(risks(make_workspace, unknown), "label-delay-exceeds-retraining")[0].startswith(
        'constraints.data.label_delay_days: "not measured" (how many days until a case\'s outcome is known?'
    )
    longest = unknown | {"constraints.data.label_delay_max_days": 90}  # the longest end is still known
    assert "label-delay-exceeds-retraining" in levels(risks(make_workspace, longest))


def test_agreement_caps_only_a_target_on_the_same_measure(make_workspace: MakeWorkspace) -> None:
    noisy = {"by_hand.label_agreement": 0.55, "done.metrics[0].name": "Recall@10 of the right pair"}
    data = risks(make_workspace, noisy)
    assert levels(data)["target-above-agreement"] == "low"
    assert evidence(data, "target-above-agreement")[-1] == (
        "is the agreement figure on the same measure as the target?"
    )
    # the plan does not say whether disagreements are settled (the sound plan says they are not)
    same = noisy | {
        "done.metrics[0].name": "Share of pairs labelled right",
        "by_hand.disagreements_settled": None,
    }
    # like with like: a question where the plan does not say the test labels stay unsettled, high where it does
    assert levels(risks(make_workspace, same))["target-above-agreement"] == "medium"
    unsettled = same | {"by_hand.disagreements_settled": False}
    assert levels(risks(make_workspace, unsettled))["target-above-agreement"] == "high"
    one_class = noisy | {"done.metrics[0].name": "Share of duplicates correctly flagged"}
    assert levels(risks(make_workspace, one_class))["target-above-agreement"] == "low"
    adjudicated = same | {
        "done.eval_set": "Pairs double-labelled; a senior auditor adjudicates disagreements."
    }
    assert levels(risks(make_workspace, adjudicated))["target-above-agreement"] == "low"


def test_accuracy_beside_the_rare_class_own_recall_is_no_risk(make_workspace: MakeWorkspace) -> None:
    accuracy = {"constraints.data.rarest_class_share": 0.02, "done.metrics[0].name": "Accuracy"}
    assert levels(risks(make_workspace, accuracy))["rare-class-judged-by-accuracy"] == "high"
    both = accuracy | {
        "done.metrics": [
            {"name": "Accuracy", "target": 0.99},
            {"name": "Recall of duplicates", "target": 0.8},
        ]
    }
    assert "rare-class-judged-by-accuracy" not in levels(risks(make_workspace, both))


def test_rules_that_decide_another_label_are_a_question(make_workspace: MakeWorkspace) -> None:
    strong = {"heuristics.coverage": 0.85, "heuristics.accuracy": 0.97}
    assert levels(risks(make_workspace, strong))["rules-may-suffice"] == "high"
    other = strong | {"product.outcomes": ["duplicate", "distinct"], "heuristics.rules[0].predicts": "held"}
    data = risks(make_workspace, other)
    assert levels(data)["rules-may-suffice"] == "medium"
    assert evidence(data, "rules-may-suffice")[-1] == "do the rules decide the same thing the model must?"
    against = strong | {"done.metrics[0].baseline_name": "the hold rules"}
    assert levels(risks(make_workspace, against))["rules-may-suffice"] == "medium"


def test_rules_whose_stated_scope_is_a_neighbouring_outcome_do_not_fail_the_check(
    make_workspace: MakeWorkspace,
) -> None:
    """Strong rules stop the plan only when they decide the model's own outcome: a rule that says it
    flags late payers, or rules said to decide the fault type, leave a question, and `check --fail-on
    high` passes; a rule that marks the model's own outcome is still high."""
    strong = {"heuristics.coverage": 0.9, "heuristics.accuracy": 0.97, "product.outcomes": []}
    late = strong | {
        "product.label": "Whether the loan defaulted within 12 months.",
        "heuristics.rules[0].action": "Flag as a late payer and call the borrower.",
    }
    data = risks(make_workspace, late)
    assert levels(data)["rules-may-suffice"] == "medium"
    assert 'decides "a late payer"' in evidence(data, "rules-may-suffice")[-2]
    result = CliRunner().invoke(cli, ["check", "--fail-on", "high"], prog_name="planner")
    assert (result.exit_code, result.stdout) == (0, "ok: plans/p/plan.yaml\n")
    kind = strong | {
        "product.output": "The root-cause component of the fault.",
        "product.current_solution": "Our rules map alarm codes to a fault type; technicians test the rest.",
    }
    assert levels(risks(make_workspace, kind))["rules-may-suffice"] == "medium"
    same = strong | {
        "product.label": "Whether the invoice duplicates one already paid.",
        "heuristics.rules[0].action": "Mark as duplicate.",
    }
    assert levels(risks(make_workspace, same))["rules-may-suffice"] == "high"


def test_common_words_in_their_everyday_sense_raise_nothing(make_workspace: MakeWorkspace) -> None:
    """An approved budget, the team's own later phase, machine health in a hosted cloud: no risk; the
    same words about cases and inputs are still heard."""
    everyday = {
        "constraints.data.outcome_recorded_for": "every_case",
        "constraints.data.differences": ["none"],
        "constraints.data.differences_note": "The approved budget covers the pilot; we may add email later.",
        "product.inputs": "Amounts and supplier of each invoice; we will add the payment terms later.",
    }
    assert levels(risks(make_workspace, everyday)) == {}
    said = {
        **everyday,
        "constraints.data.differences_note": "Outcomes are known only for invoices approved by a clerk.",
        "product.inputs": "Amounts, supplier and the payment status, updated later by accounts payable.",
    }
    found = risks(make_workspace, said)
    assert levels(found) == {"selective-labels": "medium", "inputs-after-prediction": "medium"}
    assert any("approved" in line for line in evidence(found, "selective-labels"))


def test_labels_that_mature_over_a_range_from_weeks_are_medium(make_workspace: MakeWorkspace) -> None:
    gradual = {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": "30-365"}
    data = risks(make_workspace, gradual | {"constraints.retraining.cadence": "weekly"})
    assert levels(data)["label-delay-exceeds-retraining"] == "medium"
    assert evidence(data, "label-delay-exceeds-retraining")[-1] == (
        "what share of the labels is in by each retraining?"
    )
    slow = gradual | {"constraints.data.label_delay_days": "180-365"}
    assert levels(risks(make_workspace, slow))["label-delay-exceeds-retraining"] == "medium"
    fought = slow | {"product.goal": "Stop fraudsters from being paid twice."}  # they adapt for half a year
    assert levels(risks(make_workspace, fought))["label-delay-exceeds-retraining"] == "high"


def test_settle_the_high_risks_names_every_one(make_workspace: MakeWorkspace) -> None:
    data = risks(
        make_workspace,
        {
            "status": "draft",
            "after_launch.owner": "nobody",
            "by_hand.label_agreement": 0.6,
            "by_hand.disagreements_settled": False,
            "done.metrics[0].name": "Share of pairs labelled right",
        },
    )
    high = [risk["id"] for risk in data["risks"] if risk["level"] == "high"]
    assert {"target-above-agreement", "no-owner-after-launch"} <= set(high)
    # the agreement risk has its own move above the gate, and the gate still names it
    gate = next(item for item in data["advice"] if item["title"] == "Settle the high risks before starting")
    assert gate["reason"].startswith(f"Open: {', '.join(high)}. ")


def test_an_impossible_target_and_an_unowned_harm_are_high(make_workspace: MakeWorkspace) -> None:
    capped = {"product.earlier_stage_recall": 0.7, "done.metrics[0].name": "F1 of duplicates"}
    assert (
        levels(risks(make_workspace, capped | {"done.metrics[0].target": 0.85}))["earlier-stage-caps-recall"]
        == "high"
    )
    assert (
        levels(risks(make_workspace, capped | {"done.metrics[0].target": 0.8}))["earlier-stage-caps-recall"]
        == "medium"
    )
    deferred = {"product.decision": "To be agreed with the wards."}
    assert levels(risks(make_workspace, deferred))["nobody-acts-on-output"] == "medium"
    harmful = deferred | {"impact.error_severity": "severe"}
    assert levels(risks(make_workspace, harmful))["nobody-acts-on-output"] == "high"


def test_the_rarest_of_thousands_of_labels_is_no_rare_class(make_workspace: MakeWorkspace) -> None:
    tail = {"constraints.data.labeled_examples": 40000, "constraints.data.rarest_class_share": 0.0001}
    tail |= {"done.eval_rare_share": None}  # no enriched test split holding more of the rarest class
    assert "small-labeled-set" in levels(risks(make_workspace, tail))
    codes = tail | {"product.output": "One of 12,000 billing codes per invoice line."}
    assert "small-labeled-set" not in levels(risks(make_workspace, codes))


# ---------------------------------------------------------------- reasoning from the kickoff facts

FACTS = [
    ({"product.decision": "Nobody yet."}, "nobody-acts-on-output", "high", 'product.decision: "Nobody yet."'),
    (
        {"impact.flagged_per_day": 900, "impact.capacity_per_day": 40},
        "flags-exceed-capacity",
        "high",
        "(22.5 times what people can handle: 860 flags a day, 95.6%, go unhandled)",
    ),
    (
        {"impact.flagged_per_day": None, "impact.capacity_per_day": 5},
        "capacity-sets-the-threshold",
        "medium",
        "(about 11 true cases a working day: more than people can handle even if the model were perfect)",
    ),
    (
        {"constraints.latency.serving": "online", "constraints.latency.p99_ms": 5000}
        | {"constraints.latency.measured_p99_ms": 7800},
        "measured-latency-over-budget",
        "high",
        "measured_p99_ms: 7800 against constraints.latency.p99_ms: 5000 (1.56 times the budget: 2,800 ms over)",
    ),
    (
        {"product.earlier_stage_recall": 0.64},
        "earlier-stage-caps-recall",
        "high",
        "product.earlier_stage_recall: 0.64 (the whole system finds at most 64% of true cases)",
    ),
    (
        {"constraints.data.leaves_organisation": "not_allowed"},
        "data-leaves-organisation",
        "high",
        "(yes, though the contracts forbid it)",
    ),
    (
        {"constraints.data.outcome_recorded_for": "selected_cases", "constraints.data.exploration_share": 0},
        "selective-labels",
        "high",
        "constraints.data.exploration_share: 0",
    ),
    (
        {"constraints.data.differences": ["later_inputs"]},
        "inputs-after-prediction",
        "high",
        "(some inputs are recorded only after the moment of prediction)",
    ),
    (
        {"constraints.data.differences": ["season"], "done.split": "random"},  # no later season backtested
        "production-differs",
        "medium",
        'constraints.data.differences: ["season"] (the product meets another season or period)',
    ),
    (
        {"done.worst_error_metric": "none", "impact.error_severity": "serious"},
        "worst-error-uncounted",
        "high",
        'done.worst_error_metric: "none" (no done metric counts it)',
    ),
    (
        {"impact.easy_share": 0.5},
        "easy-slice-first",
        "medium",
        "impact.easy_share: 0.5 (6,000 of 12,000 items a month, easy or out of scope)",
    ),
    (
        {"done.metrics[0].baseline": None, "done.metrics[0].target": 0.45},
        "target-not-above-today",
        "medium",
        "targets 0.45 (higher is better): no better than today",
    ),
    (
        {"done.metrics": "none"},
        "rare-class-no-metric",
        "high",
        "predicting the common class every time already scores 98%",
    ),
    (
        {"constraints.data.label_delay_days": 60, "constraints.retraining": None},
        "label-delay-no-retraining",
        "medium",
        "constraints.retraining.cadence: not answered (no retraining plan)",
    ),
]


@pytest.fixture(scope="module")
def registers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every FACTS plan in one workspace, read by one `planner risks --all --format json`."""
    root = tmp_path_factory.mktemp("facts")
    for index, (changes, *_) in enumerate(FACTS):
        path = root / "plans" / f"fact-{index}" / "plan.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(plan_to_text(patched(changes)), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(cli, ["risks", "--all", "--format", "json"], prog_name="planner")
    assert result.exit_code == 0, result.output
    return {entry["plan"]: entry for entry in json.loads(result.stdout)}


@pytest.mark.parametrize(("index", "rule_id", "level", "said"), [(i, *fact[1:]) for i, fact in enumerate(FACTS)],
                         ids=[fact[1] for fact in FACTS])  # fmt: skip
def test_a_kickoff_fact_raises_its_risk_with_the_arithmetic(
    registers: dict[str, Any], index: int, rule_id: str, level: str, said: str
) -> None:
    data = registers[f"fact-{index}"]
    assert levels(data)[rule_id] == level
    assert any(said in line for line in evidence(data, rule_id)), evidence(data, rule_id)


def test_nobody_acting_is_the_first_move_after_the_stage(make_workspace: MakeWorkspace) -> None:
    advice = [item["title"] for item in risks(make_workspace, {"product.decision": "Nobody yet."})["advice"]]
    assert advice[:2] == [
        "In review: approve only with the high risks settled or accepted",
        "Find who will act on the predictions, and what they will do differently, before building",
    ]


def test_the_newer_answers_replace_the_older_yes_no_ones(make_workspace: MakeWorkspace) -> None:
    # The old test-set and model-decides-labels answers say one thing, the new facts another: one risk each.
    data = risks(
        make_workspace,
        {
            "constraints.data.test_set_reflects_product": False,
            "constraints.data.model_decides_labels": True,
            "constraints.data.differences": ["device", "population"],
            "constraints.data.outcome_recorded_for": "selected_cases",
        },
    )
    # Two differences met where people check each output: worth a decision, not a stop.
    assert levels(data) == {"production-differs": "medium", "selective-labels": "high"}


def test_a_baseline_that_meets_the_target_without_rules_is_not_told_to_ship_rules(
    make_workspace: MakeWorkspace,
) -> None:
    no_rules = {"heuristics.verdict": "rules_cannot_help", "heuristics.coverage": None}
    no_rules |= {"heuristics.accuracy": None, "heuristics.rules": None}
    # A system's figure (not the clerks' own work, which a model matches to save their time).
    no_rules |= {"done.metrics[0].baseline_name": "the bank's duplicate check"}
    advice = risks(make_workspace, no_rules | {"done.metrics[0].baseline": 0.8})["advice"]
    titles = [item["title"] for item in advice]
    assert (
        "Ship the rules with human review first; a model must beat them by the margin you set" not in titles
    )
    # In review, it is what the reviewer approves (planner.judgement.stage).
    meets = advice[0]
    assert meets["title"].startswith(
        "In review: approve today's process, or a target set by what the product"
    )
    assert meets["reason"].startswith(
        '"Recall of duplicates at 95% precision" is 0.8 today (the bank\'s duplicate check), already at the target '
    )


def test_a_rare_class_joins_the_question_for_a_missing_metric(make_workspace: MakeWorkspace) -> None:
    reasons = " ".join(item["reason"] for item in risks(make_workspace, {"done.metrics": None})["advice"])
    assert "The rarest class is 2% of cases, so accuracy reads 98% for a model that never finds it" in reasons


def test_a_relative_target_is_the_margin_rules_must_be_beaten_by(make_workspace: MakeWorkspace) -> None:
    relative = {"done.metrics[0].baseline": None, "done.metrics[0].target": None}
    relative |= {"done.metrics[0].relative_target": 0.1, "done.metrics[0].baseline_name": "the two rules"}
    advice = risks(make_workspace, relative | {"impact.share_addressed": 1.0})["advice"]
    ship = advice[0]  # in review, part of what the reviewer approves (planner.judgement.stage)
    assert ship["title"] == "In review: approve the rules with people first, a model only for the rest"
    assert "of them right: 36% of all cases decided right with no model." in ship["reason"]
    assert "A model must beat the two rules by 10%." in ship["reason"]


# ---------------------------------------------------------------- whether a prediction reaches who acts


def test_a_screen_for_a_model_that_decides_alone_asks_for_the_integration(
    make_workspace: MakeWorkspace,
) -> None:
    system = {
        "product.mode": "automate",
        "product.delivery": "new_view",
        "product.decision": "The payment system releases or holds each invoice.",
        "product.decision_owner": "The payment system.",
    }
    data = risks(make_workspace, system)
    assert levels(data)["view-where-a-system-decides"] == "medium"
    assert evidence(data, "view-where-a-system-decides")[1].startswith(
        'product.mode: "automate" (yet the model is to decide alone: what carries each prediction'
    )
    titles = [item["title"] for item in data["advice"]]
    assert "Budget the integration into the system that decides, or name who acts on the screen" in titles
    # The deciding system reads the prediction itself: nothing to say about reaching it.
    quiet = levels(risks(make_workspace, {"product.mode": "automate", "product.delivery": "automatic"}))
    assert not {"view-where-a-system-decides", "integration-not-built", "delivery-not-decided"} & set(quiet)
    # A list handed to the clerks who act on it: they read the screen, no system must.
    handed = levels(risks(make_workspace, {"product.mode": "automate", "product.delivery": "new_view"}))
    assert "view-where-a-system-decides" not in handed


def test_nobody_receiving_the_predictions_is_a_stop(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {"product.delivery": "nobody"})
    assert levels(data)["nobody-acts-on-output"] == "high"
    assert data["advice"][1]["title"].startswith("Find who will act on the predictions")


def test_an_integration_not_built_asks_whether_the_effort_counts_it(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {"product.delivery": "not_built"})
    assert levels(data)["integration-not-built"] == "medium"
    assert (
        "impact.effort_weeks: 8 (do these person-weeks count building and licensing the integration, and who "
        "owns it?)" in evidence(data, "integration-not-built")
    )


def test_alerts_around_the_clock_for_people_in_office_hours_are_asked_with_the_hours(
    make_workspace: MakeWorkspace,
) -> None:
    changes = {
        "constraints.latency.serving": "online",
        "product.decision_owner": "The clerks, during office hours.",
    }
    data = risks(make_workspace, changes)
    risk = next(risk for risk in data["risks"] if risk["id"] == "predictions-arrive-off-hours")
    assert risk["level"] == "medium"  # the hours are words of free text: a question, never high
    assert risk["title"] == (
        "The answers mention 'office hours': are the people who act there when the predictions arrive?"
    )
    assert "76.2% arrive when nobody is there, about 301 of 395 a day" in risk["evidence"][1]
    on_call = changes | {
        "product.decision_owner": "The clerks in office hours; the on-call lead after hours."
    }
    assert "predictions-arrive-off-hours" not in levels(risks(make_workspace, on_call))


def test_a_new_screen_beside_the_tool_people_work_in_is_asked(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {"product.delivery": "new_view"})
    risk = next(risk for risk in data["risks"] if risk["id"] == "view-outside-the-workflow")
    assert (risk["level"], risk["title"]) == (
        "medium",
        "The answers mention 'erp': people work in another tool, yet the predictions go to a new screen: "
        "will they open it?",
    )
    titles = [item["title"] for item in data["advice"]]
    assert "Put each prediction where the people who act already work" in titles


def test_a_label_value_chosen_by_people_is_not_a_selection_of_cases(make_workspace: MakeWorkspace) -> None:
    # "The grade chosen by graders" is who judged each case; "items chosen by the buyers" is who chose
    # which cases get an outcome at all.
    graded = {"product.label": "The grade chosen by graders for every returned item, checked by QA."}
    assert "selective-labels" not in levels(risks(make_workspace, graded))
    chosen = {"product.label": "Whether the items chosen by the buyers for a second check were damaged."}
    assert "selective-labels" in levels(risks(make_workspace, chosen))


def test_a_renewal_clause_read_from_contracts_is_not_a_consumer_flow(make_workspace: MakeWorkspace) -> None:
    clause = {"product.output": "Each supplier contract's expiry date, auto-renewal flag and notice period."}
    assert "consumer-law-duty" not in levels(risks(make_workspace, clause))
    cancel = {"product.output": "The discount shown to each subscriber when they try to cancel."}
    assert levels(risks(make_workspace, cancel))["consumer-law-duty"] == "medium"


# ---------------------------------------------------------------- the step's share of the whole


def test_a_saving_larger_than_the_step_is_shown_with_the_arithmetic(make_workspace: MakeWorkspace) -> None:
    claim = {
        "impact.step_share": "8 of 45 minutes",
        "impact.value_per_item": 30,
        "impact.value_unit": "minutes",
    }
    data = risks(make_workspace, claim)
    assert levels(data)["saving-exceeds-step"] == "high"
    assert evidence(data, "saving-exceeds-step")[1] == (
        "at most 8 minutes can be saved per item by this step (30 is 3.8 times that); the other 37 minutes lie "
        "in other steps"
    )
    assert "Size the saving from the step's own time" in [item["title"] for item in data["advice"]]
    # Half an hour of a two-hour step is within it; a bare share says nothing about minutes.
    within = {**claim, "impact.step_share": "2 of 3 hours"}
    assert "saving-exceeds-step" not in levels(risks(make_workspace, within))
    assert "saving-exceeds-step" not in levels(risks(make_workspace, {**claim, "impact.step_share": 0.2}))


def test_an_end_to_end_metric_and_a_small_step_is_a_question_not_a_stop(
    make_workspace: MakeWorkspace,
) -> None:
    changes = {
        "product.success_metric": "Time to decision for each claim",
        "impact.step_share": "8 of 45 minutes",
    }
    data = risks(make_workspace, changes)
    assert levels(data) == {"whole-moves-by-step-share": "medium"}
    risk = data["risks"][0]
    assert risk["title"] == (
        "The answers mention 'time to decision': can improving one step move a metric counted end to end "
        "that far?"
    )
    assert "would move the whole by at most 17.8%; the other 82.2% lies in other steps" in risk["evidence"][1]
    result = CliRunner().invoke(cli, ["check", "--fail-on", "high"], prog_name="planner")
    assert result.exit_code == 0, result.output
    # Unmeasured, the same metric asks which step holds the time; most of the whole, nothing to say.
    unmeasured = levels(risks(make_workspace, {**changes, "impact.step_share": "not measured"}))
    assert unmeasured == {"step-share-unmeasured": "medium"}
    assert levels(risks(make_workspace, {**changes, "impact.step_share": 0.7})) == {}


def test_waiting_in_the_answers_is_asked_only_while_the_share_is_unanswered(
    make_workspace: MakeWorkspace,
) -> None:
    pain = {"product.pain": "Invoices wait for another department to sign off.", "impact.step_share": None}
    data = risks(make_workspace, pain)
    assert levels(data) == {"delay-may-be-waiting": "medium"}
    assert data["risks"][0]["title"] == (
        "The answers mention 'wait for' and 'another department': is the delay the work the model speeds up, "
        "or waiting between steps?"
    )
    assert levels(risks(make_workspace, {**pain, "impact.step_share": "30 of 40 minutes"})) == {}


def test_a_prompted_model_is_asked_for_a_checked_evaluation_set_not_training_labels(
    make_workspace: MakeWorkspace,
) -> None:
    # A museum prompts a hosted language model to draft object captions: nobody trains anything.
    prompted = {
        "product.task": "generation",
        "product.output": "A draft caption of 80 words for each object, for a curator to edit.",
        "product.label": "none",
        "constraints.data.labels": "none",
        "constraints.data.labeled_examples": None,
        "constraints.compute.hosted_model": "A hosted LLM API",
        "done.eval_set": "Satisfaction survey of visitors after three months",
    }
    data = risks(make_workspace, prompted)
    found = levels(data)
    assert "no-labels" not in found
    assert found["no-checked-eval-set"] == "medium"
    assert "Collect labels before modelling" not in [advice["title"] for advice in data["advice"]]
    # Curators grade the drafts of 300 objects: the evaluation set the product needs is there.
    graded = {**prompted, "done.eval_set": "300 objects whose captions curators wrote and graded"}
    assert "no-checked-eval-set" not in levels(risks(make_workspace, graded))


def test_a_bought_tool_that_trains_nothing_is_not_told_to_collect_labels_first(
    make_workspace: MakeWorkspace,
) -> None:
    # A vendor's extraction module, switched on as it comes, judged on 300 registers two surveyors checked.
    bought = {
        "product.inputs": "Register PDFs, read by the vendor's extraction module, used as it comes.",
        "constraints.data.labels": "none",
        "constraints.data.labeled_examples": None,
        "done.eval_set": "300 past registers whose items two surveyors typed and checked.",
    }
    data = risks(make_workspace, bought)
    assert "no-labels" not in levels(data)
    assert "Collect labels before modelling" not in [advice["title"] for advice in data["advice"]]
    # The same answers for a model the team trains: nothing to learn from, and the advice says so.
    trained = {**bought, "product.inputs": "Register PDFs, read by a model we train on past registers."}
    data = risks(make_workspace, trained)
    assert levels(data)["no-labels"] == "high"
    assert "Collect labels before modelling" in [advice["title"] for advice in data["advice"]]


def test_a_plan_that_versions_its_data_is_not_told_to_version_it(make_workspace: MakeWorkspace) -> None:
    vendor = {"constraints.data.sources[0].acquisition": "vendor", "constraints.data.versioned": True}
    data = risks(make_workspace, vendor)
    assert levels(data)["vendor-data"] == "low"
    assert not [advice for advice in data["advice"] if "Version the raw data" in advice["title"]]
    data = risks(make_workspace, {**vendor, "constraints.data.versioned": None})
    assert [advice for advice in data["advice"] if "Version the raw data" in advice["title"]]


def test_no_baseline_names_the_metric_that_has_none(make_workspace: MakeWorkspace) -> None:
    primary = {"name": "Recall of duplicates at 95% precision", "baseline": 0.6, "target": 0.75}
    secondary = {"name": "Share of invoices reviewed within a day", "baseline": "none", "target": 60}
    data = risks(make_workspace, {"done.metrics": [primary, secondary]})
    assert "no-baseline" not in levels(data)  # a secondary gate: the primary metric is the yardstick
    assert not [advice for advice in data["advice"] if advice["title"].startswith("Be the algorithm")]
    data = risks(
        make_workspace, {"done.metrics": [{**primary, "baseline": "none"}, {**secondary, "baseline": 40}]}
    )
    assert levels(data)["no-baseline"] == "medium"
    assert evidence(data, "no-baseline")[0].startswith(
        'done.metrics[0].baseline: none for "Recall of duplicates'
    )


def test_nobody_acting_because_the_system_acts_is_the_design_not_a_missing_user(
    make_workspace: MakeWorkspace,
) -> None:
    # A library's system emails each borrower a reminder on its own: no person is meant to act.
    automatic = {
        "product.decision": "Nobody; the system emails a reminder to each borrower likely to return late.",
        "product.mode": "automate",
        "product.delivery": "automatic",
    }
    assert "nobody-acts-on-output" not in levels(risks(make_workspace, automatic))
    # Nobody named yet is still nobody, whatever the mode.
    undecided = {**automatic, "product.decision": "Nobody yet; the branches may use it later."}
    assert levels(risks(make_workspace, undecided))["nobody-acts-on-output"] == "high"


def test_a_difference_the_plan_already_judges_on_its_own_is_credited(make_workspace: MakeWorkspace) -> None:
    # A ferry operator's data holds summer crossings and its older vessels; the new ones are piloted.
    unlike = {"constraints.data.differences": ["season", "device"], "product.mode": "automate"}
    assert levels(risks(make_workspace, unlike))["production-differs"] == "high"  # it acts alone
    piloted = {
        **unlike,
        "constraints.data.differences_note": "Winter crossings and the two new vessels are evaluated "
        "separately in a shadow season before anyone relies on it.",
    }
    # Judged on the settings it lacks before anyone relies on it: the plan does what the risk asks.
    assert "production-differs" not in levels(risks(make_workspace, piloted))
    one = {**piloted, "constraints.data.differences": ["season"]}
    assert "production-differs" not in levels(risks(make_workspace, one))
    # Given to the model as an input only: the setting's data may still be missing, a low note.
    modelled = {**unlike, "constraints.data.differences_note": "The season is an input of the model."}
    assert levels(risks(make_workspace, modelled))["production-differs"] == "low"


def test_a_long_box_with_a_fold_action_and_a_season_is_a_box(make_workspace: MakeWorkspace) -> None:
    # A ski resort's snowmaking advice is judged over a whole winter: 30 weeks, and a fold action.
    long_box = {"done.timebox_weeks": 30, "done.fold_action": "Keep the snowmakers' own schedule."}
    assert levels(risks(make_workspace, long_box))["no-time-box"] == "medium"
    winter = {**long_box, "done.when_met": "Switch the other slopes over for the next winter season."}
    # The winter sets its length and a fold action ends it: a real time box, nothing to say.
    assert "no-time-box" not in levels(risks(make_workspace, winter))


def test_a_target_on_the_confident_subset_is_not_compared_with_agreement_on_all(
    make_workspace: MakeWorkspace,
) -> None:
    # A herbarium codes specimen labels; two curators agree on 80% of all sheets.
    agreement = {
        "by_hand.label_agreement": 0.8,
        "by_hand.human_score": 0.8,
        "by_hand.disagreements_settled": False,
    }
    all_sheets = {
        **agreement,
        "done.metrics[0].name": "Accuracy of species codes",
        "done.metrics[0].target": 0.9,
    }
    found = levels(risks(make_workspace, all_sheets))
    assert found["target-above-agreement"] == "high"
    # The 90% holds only on the sheets the model codes on its own: no comparison with people on all.
    subset = {**all_sheets, "done.metrics[0].name": "Accuracy of auto-coded species codes"}
    found = levels(risks(make_workspace, subset))
    assert "target-above-agreement" not in found
    assert "target-beyond-human" not in found


def test_a_single_fixed_camera_is_no_group_to_split_by(make_workspace: MakeWorkspace) -> None:
    frames = {
        "done.split": "random",
        "constraints.data.rows_per_thing": None,  # not answered: the words decide
        "product.data_kinds": ["images"],
        "product.inputs": "Frames from the camera over the sorting belt.",
        "product.users": "The sorters.",
    }
    one = risks(
        make_workspace, {**frames, "constraints.data.differences_note": "A single fixed camera, as live."}
    )
    assert "random-split-on-grouped-data" not in levels(one)
    many = risks(
        make_workspace, {**frames, "constraints.data.differences_note": "One camera per belt, 12 belts."}
    )
    assert evidence(many, "random-split-on-grouped-data")[1].endswith("(rows come in groups: camera)")


def test_slides_are_not_multiplied_by_a_share_of_grains(make_workspace: MakeWorkspace) -> None:
    rare = {"done.test_size": 600, "constraints.data.rarest_class_share": 0.003, "done.eval_rare_share": None}
    grains = {"product.output": "A pollen type for each grain on the slide."}
    data = risks(
        make_workspace, {**rare, **grains, "done.eval_set": "600 slides counted by two palynologists."}
    )
    assert levels(data)["small-test-set"] == "low"
    assert evidence(data, "small-test-set")[0] == (
        "done.test_size: 600 (slides, while the rarest class is counted per grain: how many grains of it does "
        "the test set hold?)"
    )
    data = risks(make_workspace, {**rare, **grains, "done.eval_set": "600 grains from held-out slides."})
    assert evidence(data, "small-test-set")[0] == "done.test_size: 600 (about 2 cases of the rarest class)"


def test_a_class_the_model_tells_apart_is_no_unit_of_decision(make_workspace: MakeWorkspace) -> None:
    decision = {"product.decision": "The agronomist decides for each field whether to spray."}
    data = risks(
        make_workspace, {**decision, "product.output": "A probability for each species in the trap photo."}
    )
    assert "scored-unit-differs" not in levels(data)
    data = risks(make_workspace, {**decision, "product.output": "A probability for each trap."})
    assert "scored-unit-differs" in levels(data)


def test_insurers_and_a_gate_that_accepts_decide_about_no_person(make_workspace: MakeWorkspace) -> None:
    insurers = {
        "constraints.data.personal_data": True,
        "product.goal": "Insurers pay cargo claims faster.",
        "product.decision": "Which claims the insurer accepts without a handler.",
    }
    assert "fairness-unchecked" not in levels(risks(make_workspace, insurers))
    applicants = {**insurers, "product.decision": "The university accepts the applicants ranked highest."}
    assert "fairness-unchecked" in levels(risks(make_workspace, applicants))


def test_an_action_taken_alone_is_weighed_by_the_guardrails_around_it(make_workspace: MakeWorkspace) -> None:
    # Alone and unbounded it is high; one guardrail (a switch back to people) makes it medium, naming it;
    # a switch, a random audit and a shadow run first leave nothing a lead would add.
    alone = {
        "product.circumstances": ["commits_alone"],
        "product.mode": "automate",
        "done.online_validation": None,
    }
    assert levels(risks(make_workspace, alone))["commits-unchecked"] == "high"
    switch = {
        **alone,
        "after_launch.fallback": "A switch sends every invoice back to the clerks within minutes.",
    }
    data = risks(make_workspace, switch)
    assert levels(data)["commits-unchecked"] == "medium"
    assert any("back to the clerks" in line for line in evidence(data, "commits-unchecked"))
    guarded = {
        **switch,
        "after_launch.monitoring": [{"signal": "A random audit of 400 automatic matches a month"}],
        "done.online_validation": "shadow",
    }
    assert "commits-unchecked" not in levels(risks(make_workspace, guarded))


def test_a_circular_truth_checked_apart_by_an_audit_is_no_longer_high(make_workspace: MakeWorkspace) -> None:
    circular = {"done.eval_truth": "todays_decisions", "product.mode": "automate"}
    assert levels(risks(make_workspace, circular))["evaluation-truth-circular"] == "high"
    audited = {
        **circular,
        "by_hand.human_score_notes": "An audit re-checked 500 of the clerks' matches: 1.6% wrong.",
    }
    data = risks(make_workspace, audited)
    assert levels(data)["evaluation-truth-circular"] == "medium"
    assert any("audit" in line for line in evidence(data, "evaluation-truth-circular"))


def test_old_decisions_whose_error_an_audit_measured_are_no_unknown(make_workspace: MakeWorkspace) -> None:
    # Labels that are the old process's decisions raise the risk until their error rate is measured
    # apart from that process; an audit of a sample of them is that measurement.
    old = {"product.circumstances": ["labels_are_decisions"]}
    assert "label-from-old-process" in levels(risks(make_workspace, old))
    audited = {
        **old,
        "by_hand.human_score_notes": "A random audit re-checked 400 of the clerks' links: 1.6% wrong.",
    }
    assert "label-from-old-process" not in levels(risks(make_workspace, audited))


def test_outcomes_of_chosen_cases_weigh_less_where_the_output_chooses_none(
    make_workspace: MakeWorkspace,
) -> None:
    # The model's own cut-off decides which cases get an outcome: high. A quote's hours, recorded for the
    # jobs customers accepted, are chosen by someone else: still asked, at medium.
    chosen = {
        "constraints.data.outcome_recorded_for": "selected_cases",
        "constraints.data.exploration_share": 0,
    }
    assert (
        levels(risks(make_workspace, {**chosen, "product.action_shape": "threshold"}))["selective-labels"]
        == "high"
    )
    data = risks(make_workspace, {**chosen, "product.action_shape": "sets_amount"})
    assert levels(data)["selective-labels"] == "medium"
    assert any("does not choose the cases" in line for line in evidence(data, "selective-labels"))


def test_a_target_at_peoples_own_score_is_parity_not_a_solved_problem(make_workspace: MakeWorkspace) -> None:
    # Baseline and target at the inspectors' own agreement: matching people is the bar (the gain is their
    # time), not a sign the problem is solved.
    metric = {"name": "Agreement with the inspectors' counts", "baseline": 0.9, "target": 0.9}
    parity = {"done.metrics": [metric], "product.mode": "augment"}
    assert "baseline-already-meets-target" not in levels(risks(make_workspace, parity))
    # the rules' own figure as the target is "no worse than today" (no-worse-unsized weighs it); a target
    # below what the rules give today is met by them
    rules = {**parity, "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.9, "target": 0.9}]}
    assert "baseline-already-meets-target" not in levels(risks(make_workspace, rules))
    below = {**parity, "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.9, "target": 0.85}]}
    assert "baseline-already-meets-target" in levels(risks(make_workspace, below))


def test_a_setting_that_leaves_the_label_as_it_was_is_asked_not_alarmed(
    make_workspace: MakeWorkspace,
) -> None:
    # A quantity recorded for every case, whatever the setting: the setting does not change what it
    # learns from, so the causal warning is a low question; with the outcome changed by acting, high.
    # Where the output is itself an estimate of what the label records, it sets nothing to learn the
    # effect of: no warning at all.
    controls = {
        "product.circumstances": ["sets_controls"],
        "product.mode": "automate",
        "product.task": "regression",
        "product.output": "Recommended oven temperature for the batch",
        "product.label": "Share of loaves rejected at packing",
        "constraints.data.outcome_recorded_for": "every_case",
    }
    assert levels(risks(make_workspace, controls))["predictions-set-controls"] == "low"
    acted = {**controls, "constraints.data.outcome_recorded_for": "changed_by_action"}
    assert levels(risks(make_workspace, acted))["predictions-set-controls"] == "high"
    estimate = {
        **controls,
        "product.output": "Estimated proofing minutes",
        "product.label": "Proofing minutes logged",
    }
    assert "predictions-set-controls" not in levels(risks(make_workspace, estimate))


def test_an_allergen_the_output_must_never_propose_is_grave_whatever_the_rating(
    make_workspace: MakeWorkspace,
) -> None:
    # The team rated errors moderate, but what must never come out is an allergen for an allergic
    # customer, and the model acts alone: kept out only by the model, that is high.
    guard = {
        "product.forbidden_guard": "model",
        "product.forbidden_output": "Peanuts for customers with a nut allergy.",
        "product.mode": "automate",
        "impact.error_severity": "moderate",
    }
    data = risks(make_workspace, guard)
    assert levels(data)["forbidden-output-unguarded"] == "high"
    assert any("grave by what it is" in line for line in evidence(data, "forbidden-output-unguarded"))
    mild = {**guard, "product.forbidden_output": "A competitor's brand name."}
    assert levels(risks(make_workspace, mild))["forbidden-output-unguarded"] == "medium"


def test_a_thin_rare_class_among_plenty_of_labels_is_no_call_to_collect_labels(
    make_workspace: MakeWorkspace,
) -> None:
    # 410,000 labels, the rarest class about 41 of them: the rare class is thin, the labelled set is not
    plenty = {"constraints.data.labeled_examples": 410000, "constraints.data.rarest_class_share": 0.0001}
    plenty |= {"done.eval_rare_share": None}  # no enriched test split holding more of the rarest class
    data = risks(make_workspace, plenty)
    assert "small-labeled-set" in levels(data)
    assert not [advice for advice in data["advice"] if advice["title"] == "Collect labels before modelling"]
    # thousands labelled, the rarest class about 40: a model can be built; grow the rare class instead
    thin = {"constraints.data.labeled_examples": 4000, "constraints.data.rarest_class_share": 0.01}
    thin |= {"done.eval_rare_share": None}
    data = risks(make_workspace, thin)
    titles = [advice["title"] for advice in data["advice"]]
    assert "Grow the rare class, and report its interval" in titles
    assert "Collect labels before modelling" not in titles
    few = {"constraints.data.labeled_examples": 600, "constraints.data.rarest_class_share": 0.2}
    data = risks(make_workspace, few)
    assert [advice for advice in data["advice"] if advice["title"] == "Collect labels before modelling"]


# ---------------------------------------------------------------- the lead answered in days

ORDERED = {
    "product.task": "forecasting",
    "product.output": "Litres of milk sold per store each day, for the next 3 days.",
    "product.decision": "Buyers place orders with the dairy from the forecast.",
}


def test_the_answered_lead_is_quoted_as_the_answer(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {**ORDERED, "product.lead_days": 10})
    assert levels(data)["horizon-shorter-than-lead-time"] == "medium"
    assert evidence(data, "horizon-shorter-than-lead-time")[1] == (
        "product.lead_days: 10 (orders: fixed 10 days before the day served; the forecast arrives after)"
    )


def test_the_words_still_say_the_lead_where_it_is_unanswered(make_workspace: MakeWorkspace) -> None:
    words = {**ORDERED, "product.decision": "Buyers place orders with the dairy 10 days ahead."}
    data = risks(make_workspace, {**words, "product.lead_days": None})
    assert evidence(data, "horizon-shorter-than-lead-time")[1] == (
        'product.decision: "Buyers place orders with the dairy 10 days ahead." (orders: 10 days ahead, fixed '
        "10 days before the day served; the forecast arrives after)"
    )


def test_the_answered_lead_comes_before_the_words(make_workspace: MakeWorkspace) -> None:
    words = {**ORDERED, "product.decision": "Buyers place orders with the dairy 10 days ahead."}
    assert "horizon-shorter-than-lead-time" not in levels(
        risks(make_workspace, {**words, "product.lead_days": 2})
    )


def test_values_recorded_within_the_lead_are_asked_as_a_leak(make_workspace: MakeWorkspace) -> None:
    inputs = {**ORDERED, "product.output": "Litres of milk sold per store each day."}
    leaked = risks(
        make_workspace,
        {
            **inputs,
            "product.lead_days": 10,
            "product.inputs": "Litres sold per store last week and holidays.",
        },
    )
    assert levels(leaked)["future-inputs"] == "medium"
    assert evidence(leaked, "future-inputs")[0] == (
        "product.lead_days: 10 (orders: the forecast is made 10 days before the day predicted)"
    )
    lagged = {**inputs, "product.inputs": "Litres sold per store lagged by 14 days, and holidays."}
    assert "future-inputs" not in levels(risks(make_workspace, {**lagged, "product.lead_days": 10}))


def test_a_lead_of_zero_beside_a_forecast_of_days_ahead_is_a_low_question(
    make_workspace: MakeWorkspace,
) -> None:
    data = risks(make_workspace, {**ORDERED, "product.lead_days": 0})
    assert levels(data) == {"lead-zero-but-forecast-ahead": "low"}
    assert "horizon-shorter-than-lead-time" not in levels(
        risks(make_workspace, ORDERED | {"product.lead_days": 3})
    )


def test_a_count_on_the_day_for_an_answered_lead_is_raised_once(make_workspace: MakeWorkspace) -> None:
    changes = {
        "product.inputs": "Weather forecast and the footfall count taken on the day.",
        "product.decision": "Kiosk managers order stock the evening before.",
        "constraints.data.differences": ["none"],
    }
    assert "input-counted-on-the-day" in levels(risks(make_workspace, {**changes, "product.lead_days": None}))
    answered = levels(risks(make_workspace, {**changes, "product.lead_days": 2}))
    assert "inputs-set-after-the-decision" in answered
    assert "input-counted-on-the-day" not in answered


def test_labels_within_the_answered_lead_are_the_lead_itself(make_workspace: MakeWorkspace) -> None:
    late = {
        "product.task": "forecasting",
        "constraints.data.labels": "outcomes",
        "constraints.data.label_delay_days": 45,
    }
    assert "label-delay-exceeds-retraining" in levels(risks(make_workspace, late))
    assert "label-delay-exceeds-retraining" not in levels(
        risks(make_workspace, {**late, "product.lead_days": 60})
    )


def test_a_new_document_template_is_no_change_of_the_labels_read_from_it(
    make_workspace: MakeWorkspace,
) -> None:
    # Fields read from registers whose template changed in 2023: what each field holds is the same.
    template = {
        "product.task": "extraction",
        "constraints.data.changes": "The register template changed in 2023 with a new survey contractor.",
    }
    assert "label-standard-changed" not in levels(risks(make_workspace, template))
    # The same registers, the condition typed as a score since 2023: the labels follow two definitions.
    retyped = {**template, "constraints.data.changes": "Since 2023 clerks type the condition as a 1-3 score."}
    data = risks(make_workspace, retyped)
    assert levels(data)["label-standard-changed"] == "medium"
    assert "a change during the data's period" in evidence(data, "label-standard-changed")[0]


def test_a_value_per_contact_against_a_count_of_orders_is_asked_or_joined(
    make_workspace: MakeWorkspace,
) -> None:
    per_contact = {
        "impact.value_unit": "EUR per contact",
        "product.decision": "Agents call about late orders.",
    }
    data = risks(make_workspace, per_contact)
    assert levels(data)["impact-units-differ"] == "medium"
    title = next(risk["title"] for risk in data["risks"] if risk["id"] == "impact-units-differ")
    assert title == (
        "The answers mention 'contact' and 'orders': is the value per item counted in the same items as the "
        "volume?"
    )
    # Each late order gets one contact: the value per contact is a value per order, and the two join.
    tied = {**per_contact, "product.decision": "Each late order the model flags gets one contact."}
    assert "impact-units-differ" not in levels(risks(make_workspace, tied))
    # A value per customer against a count of invoices is no question: the units differ.
    assert (
        levels(risks(make_workspace, {"impact.value_unit": "EUR per customer"}))["impact-units-differ"]
        == "medium"
    )


# ---------------------------------------------------------------- one decision for a span of days


def test_a_lead_span_checks_the_forecast_against_its_furthest_day(make_workspace: MakeWorkspace) -> None:
    rota = {
        "product.task": "forecasting",
        "product.decision": "The cleaning rota is published every Monday for Friday to the following Wednesday.",
        "product.output": "Cleaning jobs per ward and day for each of the next 5 days.",
        "product.lead_days": "4-9",
    }
    found = evidence(risks(make_workspace, rota), "horizon-shorter-than-lead-time")
    assert (
        found[1]
        == "product.lead_days: 4 (rota: fixed 4 to 9 days before the days served; the forecast arrives after)"
    )
    reaching = {**rota, "product.output": "Cleaning jobs per ward and day for each of the next 9 days."}
    assert "horizon-shorter-than-lead-time" not in levels(risks(make_workspace, reaching))


def test_a_lead_span_is_read_from_the_file_and_the_interview_alike() -> None:
    from planner.plan.answers import read
    from planner.plan.model import Product
    from planner.plan.questions import BY_FIELD

    typed = read(Product(), "lead_days", BY_FIELD["product.lead_days"].kind, "4 to 9 days")
    assert (typed.value, typed.also) == (4, {"lead_max_days": 9})
    product = Product.model_validate({"lead_days": "4-9"})
    assert (product.lead_days, product.lead_max_days, product.lead_range()) == (4, 9, (4, 9))
    assert Product(lead_days=3).lead_range() == (3, 3) and Product().furthest_lead is None
    assert "the span, e.g. 4-9" in BY_FIELD["product.lead_days"].help


def test_several_horizons_are_read_as_a_span_from_the_file_and_the_interview_alike() -> None:
    from planner.plan.answers import read
    from planner.plan.model import Done
    from planner.plan.questions import BY_FIELD

    typed = read(Done(), "eval_horizon_days", BY_FIELD["done.eval_horizon_days"].kind, "1 to 7 days")
    assert (typed.value, typed.also) == (1, {"eval_horizon_max_days": 7})
    assert Done.model_validate({"eval_horizon_days": [1, 3, 7]}).horizon_range() == (1, 7)
    assert Done.model_validate({"eval_horizon_days": 3}).horizon_range() == (3, 3)
    assert Done.model_validate({"eval_horizon_days": "not measured"}).horizon_range() is None
    assert "the span, e.g. 1-7" in BY_FIELD["done.eval_horizon_days"].help


def test_a_capacity_shared_by_one_is_the_whole_teams_and_by_many_is_multiplied(
    make_workspace: MakeWorkspace,
) -> None:
    # the interview asks how many share a capacity given per person; 1 means it is already the team's
    whole = evidence(risks(make_workspace, {"impact.flagged_per_day": 200}), "flags-exceed-capacity")
    one = evidence(
        risks(make_workspace, {"impact.flagged_per_day": 200, "impact.capacity_people": 1}),
        "flags-exceed-capacity",
    )
    assert one == whole and "each of" not in one[0]
    shared = {
        "impact.flagged_per_day": 200,
        "impact.capacity_per_day": "4 a week",
        "impact.capacity_people": 75,
    }
    assert (
        "4 a week for each of 75 people (about 60 a working day)"
        in evidence(risks(make_workspace, shared), "flags-exceed-capacity")[0]
    )


def test_a_baseline_range_is_judged_at_its_better_end_and_shown_as_typed(
    make_workspace: MakeWorkspace,
) -> None:
    # today's best, not the midpoint: a model must beat 0.8 where the rules score 0.5-0.8
    met = risks(make_workspace, {"done.metrics[0].baseline": "0.5-0.8"})
    assert evidence(met, "baseline-already-meets-target") == [
        'done.metrics[0]: "Recall of duplicates at 95% precision" baseline 0.5-0.8 (judged at its better end, '
        "0.8), target 0.75 (higher is better)"
    ]
    assert "baseline-already-meets-target" not in levels(
        risks(make_workspace, {"done.metrics[0].baseline": "0.4-0.45"})
    )
    lower = {
        "done.metrics[0].name": "Days to settle a claim",
        "done.metrics[0].baseline": "1 to 2 days",
        "done.metrics[0].target": None,
        "done.metrics[0].relative_target": 0.2,
        "done.metrics[0].direction": "lower",
    }
    make_workspace({"plans/p/plan.yaml": plan_to_text(patched(lower))})
    shown = CliRunner().invoke(cli, ["show", "p"], prog_name="planner")
    assert "baseline: 1 to 2 days" in shown.stdout  # as typed
    assert "20% lower than the baseline 1 = 0.8" in shown.stdout  # the better end where lower is better


def test_a_baseline_range_typed_high_end_first_is_refused_with_the_fix(make_workspace: MakeWorkspace) -> None:
    make_workspace(
        {"plans/p/plan.yaml": plan_to_text(patched({})).replace("baseline: 0.45", "baseline: 0.45-0.4")}
    )
    result = CliRunner().invoke(cli, ["check", "p"], prog_name="planner")
    assert result.exit_code == 1
    assert result.stderr == "error: 1 of 1 plan(s) have problems; fix the lines above\n"
    assert result.stdout.splitlines()[0].endswith(
        "done.metrics[0].baseline: '0.45-0.4' runs from high to low: write a range low end first ('0.4-0.45'); "
        "a period such as a season (2024-25) is no figure: put it in `baseline_name`"
    )
