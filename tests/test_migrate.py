"""Schema version 2: older plans and published versions read as today's, and the facts v2 can hold."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from planner.core.errors import InvalidPlan
from planner.plan.history import load_versions, verify
from planner.plan.model import SCHEMA_VERSION, Direction, LabelSource, Metric, Period
from planner.plan.planfile import plan_from_text, plan_to_text
from planner.plan.questions import completeness
from planner.plan.workspace import Workspace

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "plans"

V1 = """\
schema_version: 1
title: Fraud screening
constraints:
  data:
    labels: outcomes
    label_delay_days: 90
"""


def test_a_version_1_plan_reads_as_version_2_and_saves_as_it() -> None:
    plan = plan_from_text(V1, "plans/fraud/plan.yaml")
    assert SCHEMA_VERSION == plan.schema_version == 2
    assert plan.constraints.data.labels == [LabelSource.outcomes]
    text = plan_to_text(plan)
    assert "schema_version: 2\n" in text
    assert "    labels:\n    - outcomes\n    label_delay_days: 90\n" in text


def test_published_version_1_files_stay_readable_and_their_hashes_verify(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "support-ticket-routing", tmp_path / "plans" / "support-ticket-routing")
    workspace = Workspace(tmp_path)
    raw = (tmp_path / "plans/support-ticket-routing/versions/v1.yaml").read_text(encoding="utf-8")
    assert "schema_version: 1\n" in raw and "labels: existing\n" in raw  # as published, never rewritten
    assert verify(workspace, "support-ticket-routing") == []
    versions = load_versions(workspace, "support-ticket-routing")
    assert {v.plan.schema_version for v in versions} == {2}  # v1 migrated on read, later ones written as 2
    assert versions[0].plan.constraints.data.labels == [LabelSource.existing]


def test_a_plan_from_a_newer_planner_is_refused_with_the_fix() -> None:
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text("schema_version: 3\ntitle: x\n", "plans/x/plan.yaml")
    assert caught.value.problems == [
        "plans/x/plan.yaml:1: schema_version: schema_version 3 is not one this planner reads (1 to 2); "
        "a newer planner wrote it: upgrade planner"
    ]


def test_we_have_none_is_an_answer_kept_apart_from_unanswered(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        title: Churn emails
        done:
          metrics: none
          eval_set: none
          online_validation: none
        after_launch:
          monitoring: none
          fallback: none
        """
    )
    plan = plan_from_text(text, "plans/churn/plan.yaml")
    assert (plan.done.metrics, plan.done.none) == ([], ["metrics"])
    assert (plan.after_launch.monitoring, plan.after_launch.none) == ([], ["monitoring"])
    missing = set(completeness(plan).missing_fields())
    assert (
        not {"done.metrics", "after_launch.monitoring", "done.eval_set", "done.online_validation"} & missing
    )
    assert "done.split" in missing
    workspace = Workspace(tmp_path)
    workspace.save("churn", plan)
    saved = workspace.plan_file("churn").read_text(encoding="utf-8")
    assert "  none:\n  - metrics\n" in saved and "  none:\n  - monitoring\n" in saved
    assert workspace.load("churn") == plan

    no_baseline = plan_from_text(
        "title: x\ndone:\n  metrics:\n  - {name: MSE, baseline: none, relative_target: 20%, direction: lower}\n",
        "plans/x/plan.yaml",
    )
    assert no_baseline.done.none == ["baseline"]
    assert no_baseline.done.metrics[0].baseline is None


def test_ranges_money_rates_and_relative_targets() -> None:
    plan = plan_from_text(
        textwrap.dedent(
            """\
            title: Support answers
            constraints:
              data:
                labels: [outcomes, manual]
                label_delay_days: 30-90
              compute:
                budget_per_month: $1,000
                cost_per_prediction: 0.02 USD
                predictions_per_period: 200000
                prediction_period: month
            """
        ),
        "plans/x/plan.yaml",
    )
    data, compute = plan.constraints.data, plan.constraints.compute
    assert data.labels == [LabelSource.outcomes, LabelSource.manual]
    assert data.label_delay_range() == (30, 90)
    assert (compute.currency, compute.budget_per_month, compute.cost_per_prediction) == ("USD", 1000, 0.02)
    assert compute.prediction_period is Period.month
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text(
            "title: x\nconstraints:\n  compute:\n    currency: EUR\n    budget_per_month: $100\n", "p.yaml"
        )
    assert "budget_per_month is in USD but currency is EUR; use one currency" in str(caught.value)
    metric = Metric(name="MSE", baseline=10, relative_target=0.2, direction=Direction.lower_is_better)
    assert metric.goal() == pytest.approx(8)


def test_an_absolute_target_is_an_amount_over_the_baseline_and_excludes_a_relative_one() -> None:
    metric = Metric(name="Error rate", baseline=12, absolute_target=1.5, direction=Direction.lower_is_better)
    assert metric.goal() == 10.5
    assert metric.margin_words() == "1.5 below the baseline 12 = 10.5"
    recall = Metric(name="Recall", baseline=0.62, absolute_target=0.05)
    assert recall.goal() == 0.67
    assert Metric(name="MAE", absolute_target=0.3).goal() is None
    with pytest.raises(InvalidPlan) as caught:
        plan_from_text(
            "title: x\ndone:\n  metrics:\n  - {name: MSE, baseline: 10, relative_target: 0.1, absolute_target: 2}\n",
            "p.yaml",
        )
    assert str(caught.value).splitlines()[0] == (
        "p.yaml:4: done.metrics[0]: Value error, give relative_target (a share: 0.1 is 10% better) or "
        "absolute_target (an amount in the metric's units: 1.5 is 1.5 better), not both"
    )
    with pytest.raises(InvalidPlan, match="absolute_target: Input should be greater than 0"):
        plan_from_text("title: x\ndone:\n  metrics:\n  - {name: MSE, absolute_target: -2}\n", "p.yaml")
