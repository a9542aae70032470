"""Target moves: done criteria made easier after results, in the finding, `planner diff` and `planner check`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner.judgement import diff
from planner.judgement.targets import target_moves
from planner.plan.experiment import Experiment
from planner.plan.model import Direction, Metric, Plan
from planner.plan.planfile import plan_from_text
from tests.conftest import MakeWorkspace
from tests.gitrepo import PLAN, commit, edit, init_repo, run

METRIC = "recall at 1% false positive rate"
LATER = datetime(2026, 3, 20, tzinfo=UTC)


def plan() -> Plan:
    return plan_from_text(PLAN, "plan.yaml")


def run_of(day: int, value: float, split: str = "validation") -> Experiment:
    return Experiment(at=datetime(2026, 3, day, 12, tzinfo=UTC), values={split: {METRIC: value}})  # type: ignore[dict-item]


RUNS = [run_of(2, 0.5), run_of(9, 0.61), run_of(16, 0.64)]


def test_a_target_lowered_after_runs_is_a_move_with_the_best_run_before_it() -> None:
    old, new = plan(), plan()
    new.done.metrics[0].target = 0.65
    (move,) = target_moves(old, new, RUNS, LATER, where="v2")
    assert (move.what, move.verb, move.old, move.new, move.runs, move.best) == (
        "target",
        "lowered",
        0.7,
        0.65,
        3,
        0.64,
    )
    assert move.headline == "Target lowered after results"
    assert move.figure == "target 0.7 → 0.65, best 0.64"
    assert move.sentence() == (
        "target of “recall at 1% false positive rate” lowered from 0.7 to 0.65 (higher is better: easier "
        "to meet) in v2, after 3 runs logged, best 0.64"
    )


def test_runs_logged_after_the_change_do_not_count() -> None:
    old, new = plan(), plan()
    new.done.metrics[0].target = 0.65
    assert (
        target_moves(old, new, RUNS, datetime(2026, 3, 1, tzinfo=UTC)) == ()
    )  # before any run: tuning the plan
    (move,) = target_moves(old, new, RUNS, datetime(2026, 3, 10, tzinfo=UTC))
    assert (move.runs, move.best) == (2, 0.61)


def test_harder_targets_better_baselines_and_added_criteria_are_not_moves() -> None:
    old, new = plan(), plan()
    new.done.metrics[0].target = 0.8  # harder
    new.done.metrics[0].baseline = 0.45  # a better baseline flatters nothing
    new.done.metrics.append(Metric(name="precision", target=0.9))  # a criterion added
    new.done.started = date(2026, 3, 1)  # set on approval
    assert target_moves(old, new, RUNS, LATER) == ()
    result = diff.compare(old, new, slug="fraud", old_label="v1", new_label="v2", records=RUNS, at=LATER)
    assert result.moves == ()
    assert "done criteria moved" in result.summary()  # the target did change


def test_only_added_criteria_do_not_say_the_done_criteria_moved() -> None:
    old, new = plan(), plan()
    new.done.started = date(2026, 3, 1)
    new.done.metrics.append(Metric(name="precision", target=0.9))
    new.done.when_met = "Roll out to every shop."
    result = diff.compare(old, new, slug="fraud", old_label="v1", new_label="v2", records=RUNS, at=LATER)
    assert not result.done_moved and result.moves == ()
    assert result.summary().startswith("3 answers added") and "moved" not in result.summary()


def test_a_worse_baseline_and_a_dropped_metric_are_moves_in_the_metrics_direction() -> None:
    old = plan()
    old.done.metrics[0].direction = Direction.lower_is_better
    old.done.metrics[0].baseline, old.done.metrics[0].target = 0.4, 0.3
    new = old.model_copy(deep=True)
    new.done.metrics[0].baseline = 0.5  # lower is better: a higher baseline flatters the model
    new.done.metrics[0].target = 0.35  # and a higher target is easier
    moves = target_moves(old, new, RUNS, LATER)
    assert [(m.what, m.verb) for m in moves] == [("target", "raised"), ("baseline", "raised")]
    assert "lower is better: easier to meet" in moves[0].sentence()
    dropped = old.model_copy(deep=True)
    dropped.done.metrics = [Metric(name="precision", target=0.9)]  # renamed would keep its direction
    (move,) = target_moves(old, dropped, RUNS, LATER)
    assert (move.what, move.headline) == ("metric", "Metric dropped after results")


def test_a_target_lowered_after_the_time_box_ended_is_a_move_without_any_run() -> None:
    old, new = plan(), plan()
    old.done.started = new.done.started = date(2026, 1, 5)  # six weeks: the last day is 15 February
    new.done.metrics[0].target = 0.6
    (move,) = target_moves(old, new, [], LATER)
    assert (move.runs, move.box_ended, move.headline) == (
        0,
        date(2026, 2, 15),
        "Target lowered after the time box ended",
    )
    assert target_moves(old, new, [], datetime(2026, 2, 10, tzinfo=UTC)) == ()  # still inside the box


def test_the_diff_warns_in_every_format() -> None:
    old, new = plan(), plan()
    new.done.metrics[0].target = 0.65
    result = diff.compare(old, new, slug="fraud", old_label="v1", new_label="draft", records=RUNS, at=LATER)
    assert result.summary() == "1 answer changed · target lowered after results"
    markdown = diff.to_markdown(result)
    assert (
        "> [!WARNING]\n> **Target lowered after results**: target of “recall at 1% false positive rate” lowered from 0.7 to 0.65"
        in markdown
    )
    assert "WARNING target lowered after results: target of" in diff.to_text(result)
    data = json.loads(diff.to_json(result))
    assert data["moves"][0]["headline"] == "Target lowered after results"
    assert (data["moves"][0]["old"], data["moves"][0]["new"], data["moves"][0]["best"]) == (0.7, 0.65, 0.64)


def _log(root: Path, *records: Experiment) -> None:
    lines = [json.dumps(r.model_dump(mode="json", exclude_none=True)) for r in records]
    (root / "plans/fraud/experiments.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def published(make_workspace: MakeWorkspace) -> Path:
    root = make_workspace({"mkdocs.yml": "site_name: x\n", "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    assert run("publish", "fraud", "-m", "first")[0] == 0
    _log(root, *RUNS)
    commit(root, "v1 and runs")
    return root


def test_planner_diff_and_check_flag_a_target_lowered_in_the_draft(published: Path) -> None:
    edit(published, "target: 0.7", "target: 0.65")
    code, out, _ = run("diff", "fraud", "--format", "markdown")
    assert code == 0
    assert "_1 answer changed · target lowered after results_" in out
    assert "**Target lowered after results**" in out
    code, out, err = run("check", "fraud", "--fail-on", "moved-target")
    assert code == 1
    assert out.startswith("plans/fraud/plan.yaml:")
    assert (
        "done.metrics: target lowered after results: target of “recall at 1% false positive rate” lowered from 0.7 to 0.65"
        in out
    )
    assert "after 3 runs logged, best 0.64" in out
    assert run("check", "fraud")[0] == 0  # only asked for


def test_check_with_base_catches_a_version_published_in_the_branch(published: Path) -> None:
    edit(published, "target: 0.7", "target: 0.65")
    assert run("publish", "fraud", "-m", "a lower bar")[0] == 0
    assert run("check", "fraud", "--fail-on", "moved-target")[0] == 0  # the draft is the latest version
    code, out, _ = run("check", "fraud", "--fail-on", "moved-target", "--base", "HEAD")
    assert code == 1 and "target lowered after results" in out


def test_check_passes_when_criteria_are_only_added(published: Path) -> None:
    edit(published, "  timebox_weeks: 6\n", "  timebox_weeks: 6\n  started: 2026-03-01\n")
    code, out, _ = run("check", "fraud", "--fail-on", "moved-target")
    assert code == 0, out
    code, out, _ = run("diff", "fraud", "--format", "text")
    assert "done criteria moved" not in out and "target" not in out.split("\n")[1]


def test_an_error_written_without_a_direction_is_lower_is_better() -> None:
    # A hand-written `MAE in months` with no direction was higher-is-better: a target below today's
    # figure then read as already met, the lead's first line on the plan.
    from planner.judgement.rules import CATALOGUE
    from tests.test_review import patched

    assert Metric(name="MAE of the wait told, in minutes").direction is Direction.lower_is_better
    assert Metric(name="Error rate of approvals").direction is Direction.lower_is_better
    assert Metric(name="Recall at 1% false positive rate").direction is Direction.higher_is_better
    assert Metric(name="MAE", direction="higher").direction is Direction.higher_is_better  # as written
    rule = CATALOGUE["baseline-already-meets-target"]
    better = {"done.metrics": [{"name": "MAPE of hourly jobs", "baseline": 0.3, "target": 0.2}]}
    assert not rule.check(patched(better))
    met = {"done.metrics": [{"name": "MAPE of hourly jobs", "baseline": 0.15, "target": 0.2}]}
    evidence = rule.check(patched(met))
    assert evidence and "(lower is better)" in evidence[0]
