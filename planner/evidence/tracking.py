"""`planner track`: read the finished runs of an MLflow tracking store into the plan's experiment log."""

from __future__ import annotations

import logging
import math
import os
import re
import sqlite3
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pydantic import ValidationError

from planner.core.errors import PlannerError, UsageError
from planner.core.inert import one_line
from planner.evidence.log import append, log_path, read_log
from planner.plan.experiment import Experiment, find_metric, metric_key, short_name
from planner.plan.fields import NUMBER_MAX, TEXT_MAX
from planner.plan.model import Metric, Plan
from planner.plan.planfile import schema_problems
from planner.plan.workspace import Workspace

# How MLflow metric names say their split: `val_recall`, `recall/test`, `train-loss`, `eval_f1`.
SPLIT_WORDS = {
    "train": "train",
    "training": "train",
    "val": "validation",
    "valid": "validation",
    "validation": "validation",
    "dev": "validation",
    "eval": "validation",
    "test": "test",
    "testing": "test",
}
INSTALL = "pip install 'ml-project-planner[mlflow]'"


@dataclass
class Tracked:
    """What one `planner track` found: runs recorded now, and why the others were not."""

    recorded: list[Experiment] = field(default_factory=list)
    known: int = 0
    unfinished: int = 0  # running or scheduled: recorded once they finish
    failed: int = 0
    killed: int = 0
    unmatched: int = 0
    skipped: list[str] = field(default_factory=list)  # runs that cannot be recorded, each with why
    matched: dict[str, str] = field(default_factory=dict)  # MLflow metric -> "split metric"
    seen_metrics: set[str] = field(default_factory=set)


def match_metric(key: str, metrics: list[Metric], split: str) -> tuple[str, Metric] | None:
    """The (split, done metric) an MLflow metric name stands for, or None."""
    words = [word for word in re.split(r"[\s_./:-]+", key.casefold()) if word]
    if not words:
        return None
    found = find_metric(metrics, " ".join(words))
    if found is not None:
        return split, found
    for head, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if head in SPLIT_WORDS and rest:
            found = find_metric(metrics, " ".join(rest))
            if found is not None:
                return SPLIT_WORDS[head], found
    return None


def _quiet_mlflow() -> Any:
    """Import MLflow for reading only: no retries against a server that does not answer, the file
    store allowed (MLflow 3 refuses it unless asked), its log chatter kept off the terminal."""
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "15")
    os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
    try:
        from mlflow.tracking import MlflowClient
    except ImportError as exc:
        raise UsageError(f"reading MLflow runs needs MLflow: {INSTALL}") from exc
    logging.getLogger("mlflow").setLevel(logging.ERROR)
    return MlflowClient


def store_uri(uri: str) -> str:
    """The tracking URI, checked where it can be without writing: a local folder or SQLite file must
    already be an MLflow store (MLflow would create an empty one there)."""
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file") or re.fullmatch(r"[a-zA-Z]", parsed.scheme):
        path = Path(unquote(parsed.path) if parsed.scheme == "file" else uri).expanduser().resolve()
        if not path.is_dir() or not any(path.glob("*/meta.yaml")):
            raise UsageError(
                f"no MLflow store at {path} (no experiment folder with a meta.yaml in it); give the "
                "folder MLflow writes runs to (`mlruns` by default), a sqlite:///FILE or a server URL"
            )
        return path.as_uri()
    if parsed.scheme == "sqlite":
        path = Path(unquote(uri[len("sqlite:///") :])) if uri.startswith("sqlite:///") else Path("")
        if not path.is_file() or not _has_runs_table(path):
            raise UsageError(
                f"no MLflow store in {uri} (the file is missing or holds no MLflow tables: an MLflow "
                f"store has {', '.join(sorted(MLFLOW_TABLES))}); planner leaves it untouched; check the path: "
                "sqlite:///relative/file.db or sqlite:////absolute/file.db"
            )
    return uri


# Tables every MLflow SQLite store has had since its first schema. A database without all of them is
# someone else's: MLflow would "upgrade" it, writing its own tables into the user's file.
MLFLOW_TABLES = frozenset({"alembic_version", "experiments", "runs", "metrics", "params", "tags"})


def _has_runs_table(path: Path) -> bool:
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
            found = {name for (name,) in db.execute("select name from sqlite_master where type='table'")}
    except sqlite3.Error:
        return False
    return found >= MLFLOW_TABLES


def _runs(uri: str, experiment: str) -> list[Any]:
    client = _quiet_mlflow()(tracking_uri=uri)
    from mlflow.exceptions import MlflowException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = client.get_experiment_by_name(experiment)
            if found is None:
                names = sorted(item.name for item in client.search_experiments())
                shown = ", ".join(repr(name) for name in names) or "none"
                raise UsageError(
                    f"no MLflow experiment named '{experiment}' in {uri}; its experiments: {shown}"
                )
            runs: list[Any] = []
            token = None
            while True:
                page = client.search_runs([found.experiment_id], max_results=1000, page_token=token)
                runs.extend(page)
                token = page.token
                if not token:
                    return runs
    except PlannerError:
        raise
    except (MlflowException, OSError, ValueError) as exc:
        raise UsageError(
            f"the MLflow store at {uri} does not answer ({_first_line(exc)}); check the URI and that the "
            "server runs"
        ) from exc
    except Exception as exc:  # requests' and SQLAlchemy's own errors, without importing either here
        raise UsageError(
            f"the MLflow store at {uri} cannot be read ({type(exc).__name__}: {_first_line(exc)}); check the URI"
        ) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


class Unrecordable(Exception):
    """A run that cannot go into the log as it is; the message says why and where to fix it."""


def _matches(run: Any, plan: Plan, split: str, found: Tracked) -> list[tuple[str, float, str, Metric]]:
    """The run's metrics that match a done metric, as (MLflow key, value, split, metric); each is
    noted in `found`, so the summary names them on every `track`, runs already recorded included."""
    metrics = plan.done.metrics
    out = []
    for key, value in sorted(run.data.metrics.items()):
        found.seen_metrics.add(key)
        matched = match_metric(key, metrics, split)
        if matched is not None:
            where, metric = matched
            found.matched[key] = f"{where} {short_name(metric, metrics)}"
            out.append((key, value, where, metric))
    return out


def _record(run: Any, plan: Plan, experiment: str, split: str, found: Tracked) -> Experiment | None:
    values: dict[str, dict[str, float]] = {}
    for key, value, where, metric in _matches(run, plan, split, found):
        if not math.isfinite(value) or abs(value) > NUMBER_MAX:
            held = "is not a number" if math.isnan(value) else "is beyond the numbers planner holds"
            raise Unrecordable(f"metric {key} = {value:g} {held} (±{NUMBER_MAX:,})")
        values.setdefault(where, {})[metric_key(metric)] = float(value)
    if not values:
        return None
    tags = run.data.tags
    commit = tags.get("mlflow.source.git.commit", "")
    millis = _ended(run)
    name = tags.get("mlflow.runName") or getattr(run.info, "run_name", None)
    note = tags.get("mlflow.note.content") or f"MLflow run {name or run.info.run_id}"
    if len(note.strip()) > TEXT_MAX:
        raise Unrecordable(
            f"its note (tag mlflow.note.content) is {len(note.strip()):,} characters, over {TEXT_MAX:,}"
        )
    try:
        return Experiment.model_validate(
            {
                "at": datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000),
                "values": values,
                "note": note,
                "author": tags.get("mlflow.user") or None,
                "commit": commit[:12] if re.fullmatch(r"[0-9a-f]{7,64}", commit) else None,
                "mlflow": {"run": run.info.run_id, "experiment": experiment, "name": name or None},
            }
        )
    except ValidationError as exc:
        raise Unrecordable("; ".join(schema_problems(exc, "the run"))) from exc


def track(workspace: Workspace, slug: str, uri: str, experiment: str, split: str) -> Tracked:
    """Record every finished run not recorded yet whose metrics match the plan's done metrics."""
    plan = workspace.load(slug)
    if not plan.done.metrics:
        raise UsageError(
            f"plan '{slug}' has no done metric, so no MLflow metric can match; add them under done.metrics"
        )
    known = {record.mlflow.run for record in read_log(workspace, slug) if record.mlflow}
    found = Tracked()
    # Oldest first, to the millisecond (run id breaks ties): the log's order is the order runs ended.
    runs = sorted(
        _runs(store_uri(uri), experiment),
        key=lambda run: (_ended(run), run.info.start_time or 0, run.info.run_id),
    )
    for run in runs:
        status = run.info.status
        if run.info.run_id in known:
            found.known += 1
            _matches(run, plan, split, found)
        elif status == "FAILED":
            found.failed += 1
        elif status == "KILLED":
            found.killed += 1
        elif status != "FINISHED":
            found.unfinished += 1
        else:
            try:
                record = _record(run, plan, experiment, split, found)
            except Unrecordable as exc:
                found.skipped.append(f"run {run.info.run_id}: {exc}")
                continue
            if record is None:
                found.unmatched += 1
            else:
                found.recorded.append(record)
    found.recorded = append(workspace, slug, found.recorded, skip_known_runs=True)[1]
    return found


def _ended(run: Any) -> int:
    """When the run ended (else started), in milliseconds since the epoch."""
    return int(run.info.end_time or run.info.start_time or 0)


def summary(workspace: Workspace, slug: str, experiment: str, found: Tracked) -> str:
    """What `planner track` prints."""
    path = workspace.shown(log_path(workspace, slug))
    others = [
        f"{found.known} already recorded" if found.known else "",
        f"{found.unfinished} not finished (recorded once they finish)" if found.unfinished else "",
        f"{found.failed} failed (not recorded)" if found.failed else "",
        f"{found.killed} killed (not recorded)" if found.killed else "",
        f"{found.unmatched} with no done metric" if found.unmatched else "",
        f"{len(found.skipped)} skipped" if found.skipped else "",
    ]
    rest = ", ".join(item for item in others if item)
    lines = [
        f"recorded {len(found.recorded)} new run{'' if len(found.recorded) == 1 else 's'} of MLflow "
        f"experiment '{experiment}' in {path}" + (f" ({rest})" if rest else "")
    ]
    if found.matched:
        lines.append(
            "matched: " + ", ".join(f"{key} -> {where}" for key, where in sorted(found.matched.items()))
        )
    elif found.seen_metrics:
        lines.append(
            "no MLflow metric matched a done metric; name them like the plan's metrics, with a split "
            "word if needed (val_recall, test_recall); MLflow has: " + ", ".join(sorted(found.seen_metrics))
        )
    lines += [
        f"skipped {one_line(problem)}; fix the run in MLflow and run `planner track` again"
        for problem in found.skipped
    ]
    lines.append(f"see `planner status {slug}`")
    return "\n".join(lines) + "\n"
