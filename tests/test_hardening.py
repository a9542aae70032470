"""Hardening round two (issue 21): the adversarial cases that broke planner, kept as a fast regression
suite, one section per category: the review gate and what reading mkdocs.yml may run, crashes, data
loss, resources, label types, spoofing and misleading messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planner.plan import history
from tests.conftest import MakeWorkspace
from tests.gitrepo import PLAN, commit, edit, git, init_repo, run

V = "design/plans/fraud/versions"

# --- Security: the review gate reads the base as it reads the working tree; YAML runs nothing -------

BASE_SETTINGS = "plugins:\n  - search\n  - planner:\n      plans_dir: design/plans\n"
EMOJI = (
    "markdown_extensions:\n"
    "  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
)
SETUPS = {
    "inherit": {"base.yml": BASE_SETTINGS, "mkdocs.yml": "INHERIT: base.yml\nsite_name: plans\n"},
    "relative": {
        "mkdocs.yml": "site_name: plans\n"
        + BASE_SETTINGS
        + "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative $config_dir\n"
    },
    "emoji-and-env": {
        "mkdocs.yml": "site_name: !ENV [SITE_NAME, plans]\n" + BASE_SETTINGS + EMOJI,
    },
}


def _published_repo(make_workspace: MakeWorkspace, files: dict[str, str]) -> Path:
    root = make_workspace({**files, "design/plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    for number in (1, 2):
        edit(root, f"timebox_weeks: {5 + number}", f"timebox_weeks: {6 + number}", "../design/plans/fraud")
        assert run("publish", "fraud", "-m", f"round {number}")[0] == 0
    commit(root, "publish v1 and v2")
    return root


def _rewrite_history(root: Path) -> None:
    """Lower v1's target and fix its hash, remove v2: only the comparison with the base can tell."""
    path = root / V / "v1.yaml"
    data = yaml.safe_load(path.read_text())
    data["plan"]["done"]["metrics"][0]["target"] = 0.5
    data["hash"] = history.content_hash(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    (root / V / "v2.yaml").unlink()


@pytest.mark.parametrize("setup", SETUPS)
def test_check_base_reads_the_base_as_the_working_tree_and_catches_a_rewrite(
    make_workspace: MakeWorkspace, setup: str
) -> None:
    root = _published_repo(make_workspace, SETUPS[setup])
    git(root, "switch", "-q", "-c", "rewrite")
    _rewrite_history(root)
    commit(root, "quietly lower the bar")
    assert run("check")[0] == 0  # nothing on disk can tell
    code, out, err = run("check", "--base", "main")
    assert code == 1, (out, err)
    assert f"{V}/v1.yaml: changed since main, where it was published" in out
    assert f"{V}/v2.yaml: removed since main, where it was published" in out


@pytest.mark.parametrize(
    ("base_file", "problem"),
    [
        ("site_name: [unclosed\n", "main:mkdocs.yml:2:1: "),
        ("INHERIT: missing.yml\n", "main:missing.yml: no such file (inherited by main:mkdocs.yml)"),
        ("INHERIT: mkdocs.yml\n", "INHERIT leads back to itself (mkdocs.yml -> mkdocs.yml)"),
        ("INHERIT: ../../outside.yml\n", "main:../../outside.yml: outside the workspace"),
        ("plugins:\n  - planner:\n      plans_dir: ../x\n", "plans_dir '../x' is outside the workspace"),
        ("site_name: !unknown x\n", "could not determine a constructor for the tag '!unknown'"),
    ],
)
def test_an_unknown_plans_dir_at_the_base_is_an_error_not_plans(
    make_workspace: MakeWorkspace, base_file: str, problem: str
) -> None:
    root = make_workspace({"mkdocs.yml": base_file, "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    (root / "mkdocs.yml").write_text("site_name: plans\n")
    commit(root, "fix the settings")
    code, out, err = run("check", "--base", "HEAD~1")
    assert (code, out) == (2, ""), err
    assert err.startswith("error: planner cannot tell which plans_dir HEAD~1 has: "), err
    assert problem.replace("main:", "HEAD~1:") in err, err


def test_the_last_commits_broken_settings_do_not_block_the_commit_that_fixes_them(
    make_workspace: MakeWorkspace,
) -> None:
    root = make_workspace({"mkdocs.yml": "site_name: [unclosed\n", "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    (root / "mkdocs.yml").write_text("site_name: plans\n")
    assert run("check") == (0, "ok: plans/fraud/plan.yaml\n", "")


APPLY = "hook: !!python/object/apply:os.system [touch {marker}]\n"
RUNS = {
    "list": ("list",),
    "check": ("check", "--base", "main"),
    "diff": ("diff", "fraud", "--base", "main"),
    "show": ("show", "fraud"),
}


@pytest.mark.parametrize("where", ["working tree", "base", "inherited"])
@pytest.mark.parametrize("command", RUNS)
def test_reading_mkdocs_yml_runs_no_python(
    make_workspace: MakeWorkspace, tmp_path: Path, where: str, command: str
) -> None:
    marker = tmp_path / "ran"
    hostile = "site_name: plans\n" + APPLY.format(marker=marker) + EMOJI
    files = {"mkdocs.yml": hostile, "plans/fraud/plan.yaml": PLAN}
    if where == "inherited":
        files = {"mkdocs.yml": "INHERIT: parent.yml\n", "parent.yml": hostile, "plans/fraud/plan.yaml": PLAN}
    root = make_workspace(files)
    init_repo(root)
    if where == "base":
        git(root, "switch", "-q", "-c", "pr")
        (root / "mkdocs.yml").write_text("site_name: plans\n")
        commit(root, "plain settings")
    code, out, err = run(*RUNS[command])
    assert code == 0, (out, err)
    assert not marker.exists()


# --- Crashes: every bad value is a message with its place and fix (never exit 3) -------------------

LOG = "plans/fraud/experiments.jsonl"
RECORD = '{{"at": "2026-03-02T10:00:00Z", "values": {{"validation": {{"recall": {value}}}}}, "note": "x"}}\n'


@pytest.fixture
def fraud(make_workspace: MakeWorkspace) -> Path:
    return make_workspace({"mkdocs.yml": "site_name: x\n", "plans/fraud/plan.yaml": PLAN})


@pytest.mark.parametrize(
    ("low", "high"), [(-1e308, 1e308), (-1.08e15, 1.08e15), (1e15, 1e15 + 0.5), (0.0, 0.0), (0.3, 0.75)]
)
def test_chart_ticks_are_finite_and_few_for_any_range(low: float, high: float) -> None:
    from planner.site.experimentview import _nice_ticks

    ticks = _nice_ticks(low, high)
    assert len(ticks) <= 16 and all(low <= tick <= high for tick in ticks)


def test_extreme_logged_values_still_draw_every_chart(fraud: Path) -> None:
    from datetime import date

    from planner.evidence.log import read_log
    from planner.plan.workspace import Workspace
    from planner.site.experimentview import experiments_view

    (fraud / LOG).write_text(RECORD.format(value=1e15) + RECORD.format(value=-1e15))
    workspace = Workspace(fraud)
    view = experiments_view(workspace.load("fraud"), read_log(workspace, "fraud"), date(2026, 3, 3))
    assert view is not None and view.charts[0].yticks


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (RECORD.format(value="1e308"), "is beyond the largest number planner holds (±1,000,000,000,000,000)"),
        (RECORD.format(value="-1e308"), "is beyond the largest number planner holds"),
        ("[" * 100_000 + "]" * 100_000 + "\n", "not a JSON record (nested more than 32 levels deep)"),
        ('{"a": ' * 5_000 + "1" + "}" * 5_000 + "\n", "not a JSON record (nested more than 32 levels deep)"),
        (RECORD.format(value=0.5).replace('"x"', '"x", "commit": "NOT-A-SHA"'), "not a git commit id"),
        (RECORD.format(value=0.5).replace("2026-03-02", "0001-01-01"), "outside the dates planner reads"),
    ],
)
def test_a_hostile_log_line_is_a_message_in_every_command(fraud: Path, line: str, problem: str) -> None:
    (fraud / LOG).write_text(RECORD.format(value=0.5) + line)
    code, out, err = run("check")
    assert code == 1 and f"{LOG}:2: " in out and problem in out, (out, err)
    assert run("status")[0] == 0  # the table says the log cannot be read, the other plans still show
    code, _, err = run("status", "fraud")
    assert code == 2 and f"{LOG}:2: " in err, err
    code, _, err = run("log", "fraud", "recall=0.6", "-m", "next")
    assert code == 2 and problem in err, err


@pytest.mark.parametrize(
    ("done", "problem"),
    [
        (
            "timebox_weeks: 1000000",
            "done.timebox_weeks: Input should be less than or equal to 520; a time box is",
        ),
        (
            "started: 9999-12-31",
            "done.started: 9999-12-31 is outside the dates planner reads (1900-01-01 to ",
        ),
        ("started: 0001-01-01", "done.started: 0001-01-01 is outside the dates planner reads"),
        (
            "test_size: 10000000000000000000000",
            "done.test_size: 10000000000000000000000 is beyond the largest",
        ),
    ],
)
def test_values_that_break_date_and_number_arithmetic_fail_check_with_the_limit(
    fraud: Path, done: str, problem: str
) -> None:
    edit(
        fraud,
        "timebox_weeks: 6",
        f"timebox_weeks: 6\n  {done}".replace("timebox_weeks: 6\n  timebox", "timebox"),
    )
    code, out, _ = run("check")
    assert code == 1 and problem in out, out
    for command in (("status",), ("status", "fraud"), ("show", "fraud"), ("risks", "fraud")):
        assert run(*command)[0] in (0, 1, 2), command


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("-m", ""), "error: say what was tried: `planner log fraud recall=0.72 -m "),
        (("-m", "   "), "error: say what was tried: "),
        (("-m", "x" * 25_000), "error: the -m note is 25,000 characters long; keep it under 20,000"),
        (("-m", "x", "--date", "0001-01-01"), "error: --date 0001-01-01 is outside the dates planner reads "),
        (("-m", "x", "--date", "2201-01-01"), "(1900-01-01 to 2200-12-31); give the day the run was made"),
    ],
)
def test_log_refuses_notes_and_dates_it_could_not_read_back(
    fraud: Path, args: tuple[str, ...], problem: str
) -> None:
    code, out, err = run("log", "fraud", "recall=0.6", *args)
    assert (code, out) == (2, "") and problem in err, err
    assert not (fraud / LOG).exists()


@pytest.mark.parametrize("value", ["1e308", "-1e16", "nan", "inf"])
def test_log_refuses_values_planner_cannot_hold(fraud: Path, value: str) -> None:
    code, _, err = run("log", "fraud", f"recall={value}", "-m", "x")
    assert code == 2 and err.startswith(f"error: 'recall={value}': "), err


TRACKED = PLAN.replace("  timebox_weeks: 6\n", "  timebox_weeks: 6\n  started: 2026-03-02\n")


BAD_RUNS = {
    "nan": ({"val_recall": float("nan")}, {}, "metric val_recall = nan is not a number"),
    "inf": ({"val_recall": float("inf")}, {}, "metric val_recall = inf is beyond the numbers planner holds"),
    "huge": (
        {"val_recall": -1e308},
        {},
        "metric val_recall = -1e+308 is beyond the numbers planner holds (±1,",
    ),
    "note": (
        {"val_recall": 0.6},
        {"mlflow.note.content": "n" * 20_001},
        "its note (tag mlflow.note.content) is 20,001 characters, over 20,000",
    ),
}


def test_track_skips_each_run_it_cannot_record_and_keeps_the_others(
    make_workspace: MakeWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mlflow = pytest.importorskip("mlflow")
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    make_workspace({"plans/fraud/plan.yaml": TRACKED})
    store = tmp_path / "mlruns"
    client = mlflow.tracking.MlflowClient(tracking_uri=store.as_uri())
    experiment = client.create_experiment("fraud-models")
    ids = {}
    for name, (values, tags, _) in {"good": ({"val_recall": 0.61}, {}, ""), **BAD_RUNS}.items():
        started = client.create_run(experiment, run_name=name, tags=tags)
        for key, value in values.items():
            client.log_metric(started.info.run_id, key, value)
        client.set_terminated(started.info.run_id)
        ids[name] = started.info.run_id
    code, out, err = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud-models")
    assert (code, err) == (0, ""), out
    assert out.startswith("recorded 1 new run of MLflow experiment 'fraud-models' in ") and "4 skipped" in out
    for name, (_, _, why) in BAD_RUNS.items():
        assert f"skipped run {ids[name]}: {why}" in out, out
    assert out.count("; fix the run in MLflow and run `planner track` again\n") == 4


def test_track_leaves_a_sqlite_file_that_is_not_an_mlflow_store_untouched(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    import sqlite3

    make_workspace({"plans/fraud/plan.yaml": TRACKED})
    db = tmp_path / "app.db"
    with sqlite3.connect(db) as connection:
        connection.execute("create table runs (id integer primary key, name text)")
    before = db.read_bytes()
    code, out, err = run("track", "fraud", "--mlflow", f"sqlite:///{db}", "--experiment", "x")
    assert (code, out) == (2, "")
    assert "holds no MLflow tables: an MLflow store has alembic_version, experiments, metrics," in err
    assert "planner leaves it untouched" in err
    assert db.read_bytes() == before
