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


# --- Data loss and integrity: try sessions survive cut-off lines, names, two terminals ---------------

ANA = "plans/fraud/by-hand/ana.jsonl"


def _try_workspace(make_workspace: MakeWorkspace) -> Path:
    from tests.test_try import workspace

    return workspace(make_workspace)


def _session_file(root: Path, *lines: str, name: str = ANA, person: str = "Ana") -> None:
    import hashlib

    sha = hashlib.sha256((root / "s.csv").read_bytes()).hexdigest()
    header = f'{{"person": "{person}", "sample": {{"file": "s.csv", "rows": 4, "sha256": "{sha}", "gold": "gold"}}}}\n'
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(header + "".join(lines), encoding="utf-8")


def _answers(root: Path, name: str = ANA) -> list[int]:
    """The rows answered in a session file, each line whole (a damaged one left in place is skipped)."""
    import json

    text = (root / name).read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = []
    for line in text.splitlines()[1:]:
        try:
            rows.append(json.loads(line)["row"])
        except (ValueError, RecursionError):
            continue
    return rows


ROW = '{{"row": {row}, "label": "ok"}}\n'
TORN = {
    "cut-off last line": (ROW.format(row=1) + '{"row": 2, "lab', f"{ANA}:3: its last line was cut off when"),
    "glued by an older planner": (
        ROW.format(row=1) + '{"row": 2, "lab{"row": 3, "label": "ok"}\n',
        f"{ANA}:3: not an answer line: Expecting ':' delimiter: line 1 column 18 (char 17); skipped, so its example is asked again",
    ),
    "nested too deep": (
        ROW.format(row=1) + "[" * 5000 + "]" * 5000 + "\n",
        "nested more than 32 levels deep",
    ),
    "complete but no newline": (ROW.format(row=1) + '{"row": 2, "label": "ok"}', None),
}


@pytest.mark.parametrize("case", TORN)
def test_a_damaged_session_line_is_skipped_and_asked_again_never_glued(
    make_workspace: MakeWorkspace, case: str
) -> None:
    from tests.test_try import ENTER, Shown, session

    root = _try_workspace(make_workspace)
    lines, problem = TORN[case]
    _session_file(root, lines)
    done = 2 if problem is None else 1
    keys = [Shown(f"Resuming Ana's session: {done} of 4 examples done.")]
    for number in range(done + 1, 5):
        keys += [Shown(f"Example {number} of 4"), ENTER, Shown("Noticed anything?"), ENTER]
    result, screen = session(root, "Ana", keys)
    assert isinstance(result, str) and result.startswith("4 examples, 4 labels by Ana"), result
    assert problem is None or problem in " ".join(screen.split()), screen
    assert sorted(set(_answers(root))) == [1, 2, 3, 4]


def test_anothers_damaged_file_does_not_block_the_results(make_workspace: MakeWorkspace) -> None:
    from tests.test_try import ENTER, Shown, session

    root = _try_workspace(make_workspace)
    bo = "plans/fraud/by-hand/bo.jsonl"
    _session_file(
        root, ROW.format(row=1) + '{"row": 2, "lab{"row": 3, "label": "ok"}\n', name=bo, person="Bo"
    )
    keys = []
    for number in range(1, 5):
        keys += [Shown(f"Example {number} of 4"), ENTER, Shown("Noticed anything?"), ENTER]
    result, _ = session(root, "Ana", keys)
    assert isinstance(result, str) and "5 labels by Ana, Bo" in result, result
    assert f"{bo}:3: not an answer line" in result


def test_a_write_cut_by_the_file_size_limit_leaves_no_half_line(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    import subprocess
    import sys

    root = _try_workspace(make_workspace)
    _session_file(root, ROW.format(row=1))
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from planner.evidence.sample import open_sample\n"
        "from planner.evidence.trial import Answer, open_session, save_answer\n"
        "from planner.plan.workspace import Workspace\n"
        "from planner.core.errors import PlannerError\n"
        "with open_sample(Path('s.csv'), 's.csv') as sample:\n"
        "    session = open_session(Workspace(Path('.')), 'fraud', 'Ana', sample, 'gold')\n"
        f"size = Path('{ANA}').stat().st_size\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (size + 40, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    save_answer(session, Answer(2, 'ok', note='x' * 5000))\n"
        "except PlannerError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"cannot write {root / ANA}") or "cannot write" in done.stdout, done.stdout
    assert _answers(root) == [1]  # the half line was cut back


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Zoë", "Zoé", False),
        ("Zoë", "Zoe\u0308", True),  # the same name typed with a combining mark
        ("Zoë", "ZOË", True),
        ("Иван", "иван", True),
        ("Ana María", "ana-maría", True),
        ("李雷", "李雷", True),
    ],
)
def test_people_are_told_apart_by_their_names_in_any_script(first: str, second: str, same: bool) -> None:
    from planner.evidence.trial import person_file
    from planner.plan.workspace import Workspace

    workspace = Workspace(Path("/ws"))
    one, two = person_file(workspace, "fraud", first), person_file(workspace, "fraud", second)
    assert (one == two) is same and one.parent == Path("/ws/plans/fraud/by-hand")


@pytest.mark.parametrize("name", ["", "...", "--", "x" * 65, "../../etc/passwd"])
def test_a_name_that_cannot_name_a_file_is_refused_or_kept_inside(name: str) -> None:
    from planner.core.errors import UsageError
    from planner.evidence.trial import person_file
    from planner.plan.workspace import Workspace

    try:
        path = person_file(Workspace(Path("/ws")), "fraud", name)
    except UsageError as exc:
        assert "--as" in str(exc)
    else:
        assert path.parent == Path("/ws/plans/fraud/by-hand") and "/" not in path.name


def test_one_person_in_two_terminals_is_refused_not_recorded_twice(make_workspace: MakeWorkspace) -> None:
    from planner.core.errors import UsageError
    from planner.evidence.sample import open_sample
    from planner.evidence.trial import Answer, open_session, save_answer
    from planner.plan.workspace import Workspace

    root = _try_workspace(make_workspace)
    workspace = Workspace(root)
    with open_sample(root / "s.csv", "s.csv") as sample:
        first = open_session(workspace, "fraud", "Ana", sample, "gold")
        with pytest.raises(
            UsageError, match=r"ana's session \(plans/fraud/by-hand/ana.jsonl\) is open in another terminal"
        ):
            open_session(workspace, "fraud", "ana", sample, "gold")
        save_answer(first, Answer(1, "ok"))
        first.close()
        again = open_session(workspace, "fraud", "ANA", sample, "gold")
        assert again.done == {1}
        again.close()
    assert _answers(root) == [1]


# --- Resources: predicates, wide samples, huge cells, a killed server --------------------------------

MEASURED = """\
title: Fraud screening
product:
  outcomes: [{outcomes}]
heuristics:
  rules:
  - condition: big amount
    action: hold the order
    when: {when}
    predicts: {predicts}
"""
ORDERS = "id,amount,country,label\n1,100,FR,{a}\n2,6000,US,{b}\n3,7000,NG,{a}\n"


def _measure_workspace(
    make_workspace: MakeWorkspace,
    when: str = "amount > 5000",
    outcomes: str = "ok, fraud",
    labels: str = "ok,fraud",
) -> Path:
    a, b = labels.split(",")
    plan = MEASURED.format(outcomes=outcomes, when=when, predicts=outcomes.split(", ")[1])
    return make_workspace(
        {"mkdocs.yml": "site_name: t\n", "plans/fraud/plan.yaml": plan, "s.csv": ORDERS.format(a=a, b=b)}
    )


@pytest.mark.parametrize(
    ("when", "calls"),
    [
        ("length(repeat(country, 1000000000)) > 0", "the function"),
        ("length(lpad(country, 1000000000, 'x')) > 0", "the function"),
        ("length(printf('%1000000000d', 1)) > 0", "the function"),
        ("(SELECT count(*) FROM range(1000000000000)) > 0", "a subquery"),
        ("country IN (SELECT x::VARCHAR FROM generate_series(1, 1000000000000) t(x))", "a subquery"),
    ],
)
def test_a_predicate_that_builds_values_of_any_size_is_refused_before_it_runs(
    make_workspace: MakeWorkspace, when: str, calls: str
) -> None:
    import json

    _measure_workspace(make_workspace, when=json.dumps(when))
    code, out, err = run("measure", "fraud", "--sample", "s.csv", "--dry-run")
    assert (code, out) == (2, ""), err
    assert err.startswith("error: rule 1 (heuristics.rules[0]).when `")
    # The syntax-tree check refuses them first (functions outside the allow-list, subqueries), in the
    # same words for every engine; nothing reaches DuckDB.
    assert f"refused: it holds {calls}" in err, err


def test_the_refusal_takes_no_memory(make_workspace: MakeWorkspace) -> None:
    import resource
    import subprocess
    import sys

    root = _measure_workspace(make_workspace, when='"length(repeat(country, 1000000000)) > 0"')
    code = (
        "import resource, sys\nfrom planner.cli.main import cli\n"
        "try:\n    cli(['measure', 'fraud', '--sample', 's.csv', '--dry-run'])\n"
        "except SystemExit as exc:\n    print(exc.code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    exit_code, peak_kb = done.stdout.split()
    # Built, the value alone would take 2 GB (a 2-letter country a billion times); the refused run peaks near
    # 100 MB here, and one clean-clone CI run saw 522 MB (cause not found), so the bar sits at 1 GB.
    assert exit_code == "2" and int(peak_kb) < 1_000_000, (done.stdout, resource.RLIM_INFINITY)


def test_a_runtime_failure_names_the_rule_and_its_fix(make_workspace: MakeWorkspace) -> None:
    _measure_workspace(make_workspace, when='"CAST(country AS INTEGER) > 0"')
    code, _, err = run("measure", "fraud", "--sample", "s.csv", "--dry-run")
    assert code == 2 and err.startswith(
        "error: rule 1 (heuristics.rules[0]).when `CAST(country AS INTEGER) > 0` fails on s.csv: Conversion Error: "
    ), err
    assert err.endswith(
        "fix that predicate (a cast such as `TRY_CAST(x AS INTEGER)` returns NULL instead of failing)\n"
    )


def test_a_sample_too_wide_for_the_memory_limit_is_read_once_more_with_room(tmp_path: Path) -> None:
    from planner.evidence.sample import open_sample

    wide = tmp_path / "wide.csv"
    names = [f"c{number}" for number in range(400)]
    wide.write_text(",".join(names) + "\n" + ",".join("1" for _ in names) + "\n", encoding="utf-8")
    with open_sample(wide, "wide.csv", memory_limit="8MB") as sample:
        assert sample.rows == 1 and len(sample.columns) == 400
        assert sample.column_list().endswith(", c29 and 370 more")
        assert sample.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] in (
            "7.6 MiB",
            "8.0 MiB",
        )


@pytest.mark.parametrize("size", [10, 1_000, 1_001, 1_048_576])
def test_a_huge_cell_is_shown_cut_to_the_stated_length(size: int) -> None:
    from planner.interview.trial import CELL_SHOWN, shown_cell

    value = "word " * (size // 5) + "x" * (size % 5)
    shown = shown_cell(value)
    if len(" ".join(value.split())) <= CELL_SHOWN:
        assert shown == " ".join(value.split())
    else:
        assert len(shown) < CELL_SHOWN + 100
        assert shown.endswith(f"… (cut: {len(value):,} characters in all; open the sample to read the rest)")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="parent-death signal: Linux")
def test_kill_9_of_planner_serve_stops_mkdocs_too(make_workspace: MakeWorkspace) -> None:
    import contextlib
    import os
    import signal
    import time

    from tests.site_fixtures import SOUND_PLAN, workspace_files
    from tests.test_site_build import _free_port, _serve, _wait_for

    root = make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    port = _free_port()
    server = _serve(root, port)
    children: list[int] = []
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/plans/fraud/", "Screen card orders for fraud")
        children = [
            int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        ]
        assert children
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
            time.sleep(0.1)
        assert not any(Path(f"/proc/{pid}").exists() for pid in children), "mkdocs outlived planner"
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.kill()
        server.wait(timeout=10)


# --- Correctness: labels are read as the file writes them ----------------------------------------


@pytest.mark.parametrize(
    ("outcomes", "labels"),
    [
        ("ok, fraud", "ok,fraud"),
        ("'no', 'yes'", "no,yes"),
        ("'F', 'T'", "F,T"),
        ("'1.00', '1.50'", "1.00,1.50"),
    ],
)
def test_labels_are_measured_as_written(make_workspace: MakeWorkspace, outcomes: str, labels: str) -> None:
    import json

    _measure_workspace(make_workspace, outcomes=outcomes, labels=labels)
    code, out, err = run(
        "measure", "fraud", "--sample", "s.csv", "--label", "label", "--format", "json", "--dry-run"
    )
    assert code == 0, err
    rule = json.loads(out)["rules"][0]
    assert (rule["fires"], rule["correct"], rule["incorrect"]) == (2, 1, 1), out


def test_labels_the_plan_does_not_list_are_quoted_as_the_file_holds_them(
    make_workspace: MakeWorkspace,
) -> None:
    _measure_workspace(make_workspace, outcomes="'yes', 'no'", labels="Yes,No")
    code, _, err = run("measure", "fraud", "--sample", "s.csv", "--label", "label", "--dry-run")
    assert (
        code == 2 and "holds values product.outcomes does not list: 'Yes' (2 rows), 'No' (1 rows)" in err
    ), err


def test_numeric_outcomes_still_read_numbers(make_workspace: MakeWorkspace) -> None:
    import json

    _measure_workspace(make_workspace, outcomes="'0', '1'", labels="0,1")
    code, out, err = run(
        "measure", "fraud", "--sample", "s.csv", "--label", "label", "--format", "json", "--dry-run"
    )
    assert code == 0 and json.loads(out)["rules"][0]["correct"] == 1, err


def test_try_import_reads_peoples_labels_as_written(make_workspace: MakeWorkspace) -> None:
    make_workspace(
        {
            "mkdocs.yml": "site_name: t\n",
            "plans/fraud/plan.yaml": "title: t\nproduct:\n  outcomes: ['T', 'F']\n",
            "sheet.csv": "id,ana,bo,gold\n1,T,T,T\n2,F,T,F\n3,T,T,T\n",
        }
    )
    code, out, err = run("try", "fraud", "--import", "sheet.csv", "--people", "ana,bo", "--gold", "gold")
    assert code == 0, err
    assert "human score against the gold column: 83.3%" in out, out


# --- Spoofing: direction overrides never reach the site's HTML ---------------------------------------

BIDI_CHARS = ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("char", BIDI_CHARS)
def test_direction_overrides_are_stripped_from_titles_goals_and_notes_on_the_site(char: str) -> None:
    import textwrap
    from datetime import datetime

    from planner.plan.experiment import Experiment
    from planner.plan.planfile import plan_from_text
    from planner.site.render import pages
    from tests.site_fixtures import SOUND_PLAN

    plan = plan_from_text(textwrap.dedent(SOUND_PLAN), "plan.yaml")
    plan.title = f"Invoice {char}fdp.exe"
    plan.product.goal = f"Goal with {char}reversed text"
    note = Experiment(at=datetime(2026, 3, 2), values={"validation": {}}, note=f"run {char}note")
    built = pages({"fraud": plan}, experiments={"fraud": [note]})
    everything = "".join(built.values())
    assert char not in everything
    assert "Invoice fdp" in everything.replace("&#46;", ".") and "reversed text" in everything


# --- Messages that misled: each names the file, line or rule and the fix --------------------------


def test_a_binary_title_is_refused_not_stored_as_bytes(fraud: Path) -> None:
    (fraud / "plans/fraud/plan.yaml").write_text("title: !!binary aGVsbG8=\nowners: [Ann, !!binary aGk=]\n")
    code, out, _ = run("check")
    assert code == 1 and out == (
        "plans/fraud/plan.yaml:1: title: `!!binary` data is not text; write the answer as plain text\n"
        "plans/fraud/plan.yaml:2: owners[1]: `!!binary` data is not text; write the answer as plain text\n"
    )


def test_a_folder_in_place_of_the_log_is_named_as_the_log(fraud: Path) -> None:
    (fraud / LOG).mkdir()
    for command in (("status", "fraud"), ("log", "fraud", "recall=0.5", "-m", "x")):
        code, _, err = run(*command)
        assert code == 2 and err.startswith(
            f"error: {LOG} is a folder, not the experiment log (a file of JSON lines, one run per line); "
        ), err


@pytest.mark.parametrize(
    ("sample", "said"),
    [
        (
            "",
            "error: s.csv holds no cases (an empty file, or a header row alone); give a sample with a header",
        ),
        ("id,amount,country,label\n", "error: s.csv holds no cases (an empty file, or a header row alone)"),
        (
            "id,amount,country,label\n1,100,FR,ok\n2,6000\n3,7000,NG,fraud,extra\n",
            "error: s.csv:3: 2 fields where the header row has 4 (id, amount, country, label); give every row",
        ),
    ],
)
def test_an_empty_or_ragged_csv_is_named_not_its_label(
    make_workspace: MakeWorkspace, sample: str, said: str
) -> None:
    root = _measure_workspace(make_workspace)
    (root / "s.csv").write_text(sample)
    code, out, err = run("measure", "fraud", "--sample", "s.csv", "--label", "label", "--dry-run")
    assert (code, out) == (2, "") and err.startswith(said), err


def test_interview_data_on_a_plan_file_that_is_a_folder_says_so(fraud: Path) -> None:
    (fraud / "plans/odd/plan.yaml").mkdir(parents=True)
    code, _, err = run("interview", "odd", "--data", "title=x", "--no-input")
    assert (code, err) == (2, "error: plans/odd/plan.yaml is not a file; make it the plan's YAML file\n")


def test_a_versions_file_is_not_nothing_published(fraud: Path) -> None:
    (fraud / "plans/fraud/versions").write_text("")
    assert run("diff", "fraud") == (
        2,
        "",
        "error: plans/fraud/versions is not a folder; published versions live in it as v1.yaml, "
        "v2.yaml...: restore it from git (`git checkout -- plans/fraud/versions`)\n",
    )
    code, _, err = run("publish", "fraud", "-m", "why", "--author", "Ann")
    assert code == 1 and "plans/fraud/versions: not a folder; published versions live in it" in err
