"""What `planner risks` says from the facts a lead asks at kickoff, and what it no longer says on sound plans."""

from __future__ import annotations

import json
from typing import Any

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
    assert data["advice"][0]["title"] == "This plan is sound: start"


def test_a_team_that_chose_the_rules_is_reminded_not_stopped(make_workspace: MakeWorkspace) -> None:
    data = risks(make_workspace, {"heuristics.verdict": "rules_suffice"})
    assert levels(data) == {"rules-may-suffice": "medium"}
    result = CliRunner().invoke(cli, ["check", "--fail-on", "high"], prog_name="planner")
    assert (result.exit_code, result.stdout) == (0, "ok: plans/p/plan.yaml\n")


def test_a_label_delay_where_acting_shapes_the_labels_is_medium(make_workspace: MakeWorkspace) -> None:
    late = {"constraints.data.labels": "outcomes", "constraints.data.label_delay_days": 90}
    assert levels(risks(make_workspace, late))["label-delay-exceeds-retraining"] == "high"
    shaped = late | {
        "constraints.data.outcome_recorded_for": "changed_by_action",
        "constraints.data.exploration_share": 0.05,
    }
    assert levels(risks(make_workspace, shaped)) == {"label-delay-exceeds-retraining": "medium"}
