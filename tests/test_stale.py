"""Figures that know what they measured: each recorded rule keeps the hash of the predicate and the
prediction that ran, so a changed rule is named everywhere, even when the record was edited to match."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from planner.cli.main import cli
from planner.judgement.measured import rule_coverage, stale_reasons
from planner.plan.workspace import Workspace

from .conftest import MakeWorkspace
from .test_measure import PLAN, SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def measured(make_workspace: MakeWorkspace) -> Path:
    root = make_workspace({"mkdocs.yml": "site_name: t\n", "plans/fraud/plan.yaml": PLAN, "s.csv": SAMPLE})
    assert run("measure", "fraud", "--sample", "s.csv", "--label", "label")[0] == 0
    return root


def test_a_search_and_replace_over_the_record_too_does_not_hide_the_change(
    make_workspace: MakeWorkspace,
) -> None:
    root = measured(make_workspace)
    plan_file = root / "plans/fraud/plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert text.count("amount > 5000") == 2  # the rule and the record of what ran
    plan_file.write_text(text.replace("amount > 5000", "amount > 1000"), encoding="utf-8")
    plan = Workspace(root).load("fraud")
    assert stale_reasons(plan) == ("measured before rule 1 changed",)
    coverage = rule_coverage(plan)
    assert coverage is not None
    assert coverage.source == "typed in heuristics.coverage (measured before rule 1 changed: measure again)"

    code, out, _ = run("risks", "fraud")
    assert code == 0
    assert (
        "measured: measured before rule 1 changed: the measured figures describe the earlier rules, so the"
        in out
    )
    code, out, _ = run("show", "fraud")
    assert code == 0 and "   Measured (planner measure)" in out and "measured before rule 1 changed" in out
    code, out, _ = run("check")
    assert code == 0 and out == (
        "ok: plans/fraud/plan.yaml (note: measured before rule 1 changed; --fail-on stale fails on it)\n"
    )
    code, out, err = run("check", "--fail-on", "stale")
    assert code == 1 and out.startswith("plans/fraud/plan.yaml:")
    assert ": heuristics.measured: measured before rule 1 changed; run `planner measure fraud` again" in out
    assert run("measure", "fraud", "--sample", "s.csv", "--label", "label")[0] == 0
    assert run("check", "--fail-on", "stale")[0] == 0


def test_current_figures_are_shown_with_where_they_come_from(make_workspace: MakeWorkspace) -> None:
    measured(make_workspace)
    code, out, _ = run("show", "fraud")
    assert code == 0
    assert (
        "       rules handle 80% (49-94.3) of cases, 75% (40.9-92.9) of them right (measured on s.csv (10"
        in out
    )
    assert "       rule 1: 40% (16.8-68.7) of cases, 75% (30.1-95.4) right" in out


def test_a_record_edited_by_hand_and_a_new_predicate_are_named(make_workspace: MakeWorkspace) -> None:
    root = measured(make_workspace)
    plan_file = root / "plans/fraud/plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    edited = text.replace(
        "    - rule: 2\n      when: country = 'NG'", "    - rule: 2\n      when: country = 'FR'"
    )
    assert edited != text
    edited = edited.replace(
        "  - condition: anything odd\n    action: ask a person\n",
        "  - condition: anything odd\n    action: ask a person\n    when: id > 9\n",
    )
    plan_file.write_text(edited, encoding="utf-8")
    assert stale_reasons(Workspace(root).load("fraud")) == (
        "heuristics.measured.rules[1] was edited by hand: it no longer shows what ran for rule 2",
        "measured before rule 4 got its predicate",
    )


def test_diff_says_the_figures_no_longer_count(make_workspace: MakeWorkspace) -> None:
    root = measured(make_workspace)
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run(
        [*git, "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "measured"], check=True
    )
    plan_file = root / "plans/fraud/plan.yaml"
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("country = 'NG'", "country = 'GH'", 1), encoding="utf-8"
    )
    code, out, _ = run("diff", "fraud", "--base", "main", "--format", "text")
    assert code == 0
    assert "heuristics.measured: figures current -> measured before rule 2 changed" in out
    assert "no longer count: run `planner measure` again" in out
