"""`planner track` against real MLflow tracking stores made in a temporary folder (file store, SQLite)."""

from __future__ import annotations

import importlib.util
import json
import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.evidence.log import read_log
from planner.plan.workspace import Workspace
from tests.conftest import MakeWorkspace

# MLflow takes seconds to import: only where these tests run, not on every worker that collects them.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mlflow") is None,
    reason="MLflow is not installed: pip install -e '.[test,mlflow]' (CI installs it)",
)


def _client(uri: str) -> Any:
    from mlflow.tracking import MlflowClient

    return MlflowClient(tracking_uri=uri)


PLAN = """
    title: Screen card orders for fraud
    status: building
    done:
      metrics:
        - name: recall at 1% false positive rate
          baseline: 0.4
          target: 0.7
        - name: WAPE of the forecast
          baseline: 0.38
          target: 0.31
          direction: lower
      timebox_weeks: 6
      started: 2026-03-02
"""
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def allow_file_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")  # MLflow 3 writes the file store only when asked


def _run(client: Any, experiment: str, name: str, metrics: dict[str, float], finish: bool = True) -> str:
    run = client.create_run(
        experiment, run_name=name, tags={"mlflow.user": "ana", "mlflow.source.git.commit": COMMIT}
    )
    for key, value in metrics.items():
        client.log_metric(run.info.run_id, key, value)
    if finish:
        client.set_terminated(run.info.run_id)
    return str(run.info.run_id)


def _files(folder: Path) -> dict[str, float]:
    return {str(path.relative_to(folder)): path.stat().st_mtime for path in folder.rglob("*")}


def test_track_records_each_finished_run_once_from_a_file_store(
    make_workspace: MakeWorkspace, tmp_path: Path, allow_file_store: None
) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    store = tmp_path / "mlruns"
    client = _client(store.as_uri())
    experiment = client.create_experiment("fraud-models")
    first = _run(
        client, experiment, "xgb", {"train_recall": 0.93, "val_recall": 0.64, "test/wape": 0.33, "loss": 0.2}
    )
    _run(client, experiment, "other", {"accuracy": 0.9})
    _run(client, experiment, "still running", {"val_recall": 0.7}, finish=False)
    before = _files(store)

    code, out, err = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud-models")
    assert (code, err) == (0, "")
    assert out == (
        "recorded 1 new run of MLflow experiment 'fraud-models' in plans/fraud/experiments.jsonl "
        "(1 not finished (recorded once they finish), 1 with no done metric)\n"
        "matched: test/wape -> test wape, train_recall -> train recall, val_recall -> validation recall\n"
        "see `planner status fraud`\n"
    )
    assert _files(store) == before  # reading never writes to the store
    (record,) = read_log(Workspace(root), "fraud")
    assert record.values == {
        "train": {"recall at 1% false positive rate": 0.93},
        "validation": {"recall at 1% false positive rate": 0.64},
        "test": {"WAPE of the forecast": 0.33},
    }
    assert (record.author, record.commit, record.note) == ("ana", COMMIT[:12], "MLflow run xgb")
    assert record.mlflow is not None and (record.mlflow.run, record.mlflow.name) == (first, "xgb")

    code, out, _ = run("track", "fraud", "--mlflow", store.as_uri(), "--experiment", "fraud-models")
    assert code == 0 and out.startswith("recorded 0 new runs of MLflow experiment 'fraud-models' in ")
    assert "(1 already recorded, " in out
    _run(client, experiment, "lgbm", {"val_recall": 0.66})
    code, out, _ = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud-models")
    assert out.startswith("recorded 1 new run ") and "(1 already recorded, " in out
    assert len(read_log(Workspace(root), "fraud")) == 2
    code, out, _ = run("status", "fraud", "--format", "json", "--as-of", "2026-03-03")
    assert json.loads(out)["metrics"][0]["best"] is not None


def test_failed_runs_are_named_reruns_still_say_what_matched_and_runs_keep_their_order(
    make_workspace: MakeWorkspace, tmp_path: Path, allow_file_store: None
) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    store = tmp_path / "mlruns"
    client = _client(store.as_uri())
    experiment = client.create_experiment("fraud-models")
    second = 1_780_000_000_000  # two runs end within this second: the later one started later too
    for name, start, end, recall in (("older", 100, 400, 0.61), ("newer", 200, 900, 0.66)):
        run_id = client.create_run(experiment, start_time=second + start, run_name=name).info.run_id
        client.log_metric(run_id, "val_recall", recall)
        client.set_terminated(run_id, end_time=second + end)
    for status in ("FAILED", "KILLED"):
        run_id = client.create_run(experiment, run_name=status.lower()).info.run_id
        client.log_metric(run_id, "val_recall", 0.9)
        client.set_terminated(run_id, status=status)

    code, out, _ = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud-models")
    assert code == 0 and out.splitlines()[:2] == [
        "recorded 2 new runs of MLflow experiment 'fraud-models' in plans/fraud/experiments.jsonl "
        "(1 failed (not recorded), 1 killed (not recorded))",
        "matched: val_recall -> validation recall",
    ]
    log = (root / "plans/fraud/experiments.jsonl").read_text().splitlines()
    assert [json.loads(line)["at"] for line in log] == [
        "2026-05-28T20:26:40.400Z",
        "2026-05-28T20:26:40.900Z",
    ]
    assert [record.note for record in read_log(Workspace(root), "fraud")] == [
        "MLflow run older",
        "MLflow run newer",
    ]

    code, out, _ = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud-models")
    assert code == 0 and out.splitlines()[:2] == [
        "recorded 0 new runs of MLflow experiment 'fraud-models' in plans/fraud/experiments.jsonl "
        "(2 already recorded, 1 failed (not recorded), 1 killed (not recorded))",
        "matched: val_recall -> validation recall",
    ]


@pytest.mark.long
def test_track_reads_a_sqlite_store(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy", reason="the SQLite store needs SQLAlchemy (part of the [mlflow] extra)")
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    client = _client(uri)
    _run(client, client.create_experiment("fraud-models"), "xgb", {"validation-recall": 0.61})
    code, out, err = run("track", "fraud", "--mlflow", uri, "--experiment", "fraud-models")
    assert (code, err) == (0, ""), out
    assert out.splitlines()[1] == "matched: validation-recall -> validation recall"
    assert read_log(Workspace(root), "fraud")[0].values == {
        "validation": {"recall at 1% false positive rate": 0.61}
    }


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_stores_that_do_not_answer_write_nothing(
    make_workspace: MakeWorkspace, tmp_path: Path, allow_file_store: None
) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    missing = tmp_path / "nowhere" / "mlruns"
    code, out, err = run("track", "fraud", "--mlflow", str(missing), "--experiment", "x")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"error: no MLflow store at {missing} (no experiment folder with a meta.yaml in it);"
    )
    assert not missing.parent.exists()  # MLflow itself would have created an empty store there

    db = tmp_path / "absent.db"
    code, _, err = run("track", "fraud", "--mlflow", f"sqlite:///{db}", "--experiment", "x")
    assert code == 2 and "the file is missing or holds no MLflow tables" in err
    assert not db.exists()

    url = f"http://127.0.0.1:{_closed_port()}"
    code, out, err = run("track", "fraud", "--mlflow", url, "--experiment", "x")
    assert (code, out) == (2, "")
    assert err.startswith(f"error: the MLflow store at {url} does not answer (")
    assert err.endswith("; check the URI and that the server runs\n")

    store = tmp_path / "mlruns"
    client = _client(store.as_uri())
    client.create_experiment("fraud-models")
    code, _, err = run("track", "fraud", "--mlflow", str(store), "--experiment", "fraud")
    assert code == 2
    assert (
        f"no MLflow experiment named 'fraud' in {store.as_uri()}; its experiments: 'Default', 'fraud-models'"
        in err
    )
    assert not (root / "plans/fraud/experiments.jsonl").exists()
