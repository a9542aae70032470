"""The experiment log beside a plan (plans/SLUG/experiments.jsonl): one JSON record per line, append-only."""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from planner.core import jsonline
from planner.core.errors import InvalidPlan, PlannerError, UsageError
from planner.core.inert import json_inert
from planner.plan.experiment import SPLITS, Experiment, _norm, find_metric, metric_key, short_name
from planner.plan.fields import DAY_MAX, DAY_MIN, NUMBER_MAX, TEXT_MAX
from planner.plan.files import remove_temp_files, write_atomic
from planner.plan.gitref import git
from planner.plan.model import Plan
from planner.plan.planfile import schema_problems
from planner.plan.workspace import Workspace
from planner.plan.yamlfile import read_text

LOG_FILE = "experiments.jsonl"


def unknown_metric(slug: str, plan: Plan, name: str) -> UsageError:
    """A name the plan has no done metric for, with the closest one suggested."""
    metrics = plan.done.metrics
    if not metrics:
        return UsageError(
            f"plan '{slug}' has no done metric yet, so '{name}' means nothing; add one under done.metrics "
            f"(`planner interview {slug} --section done`)"
        )
    names = {short_name(metric, metrics): metric for metric in metrics}
    names.update({_norm(metric.name): metric for metric in metrics})
    best = difflib.get_close_matches(_norm(name), list(names), n=1, cutoff=0.0)
    metric = names[best[0]] if best else metrics[0]
    shown = ", ".join(short_name(metric, metrics) for metric in metrics)
    return UsageError(
        f"plan '{slug}' has no done metric '{name}'; did you mean '{short_name(metric, metrics)}' "
        f"({metric.name})? Its done metrics: {shown}"
    )


def parse_value(text: str) -> float:
    """`0.72`, `72%`, `1e-3`: a finite number planner holds, or a UsageError that says how to write one."""
    value = _number(text)
    if value is None:
        raise UsageError(f"'{text}' is not a number; write a number such as 0.72 or 72%")
    return _held(text, value)


def _number(text: str) -> float | None:
    raw = text.strip()
    scale = 1.0
    if raw.endswith("%"):
        raw, scale = raw[:-1].strip(), 0.01
    if not raw or raw.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        return None
    try:
        value = float(raw) * scale
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _held(text: str, value: float) -> float:
    if abs(value) > NUMBER_MAX:
        raise UsageError(
            f"{text.strip()} is beyond the largest number planner holds (±{NUMBER_MAX:,}); write a smaller number"
        )
    return value


def parse_assignments(slug: str, plan: Plan, pairs: Iterable[str], split: str) -> dict[str, dict[str, float]]:
    """`METRIC=VALUE` (or `SPLIT:METRIC=VALUE`) arguments as values per split, every name checked."""
    values: dict[str, dict[str, float]] = {}
    for pair in pairs:
        name, sep, text = pair.rpartition("=")
        if not sep or not name.strip():
            raise UsageError(f"'{pair}' is not METRIC=VALUE; write it like recall=0.72 (or test:recall=0.7)")
        where = split
        head, colon, rest = name.partition(":")
        if colon and head.strip() in SPLITS:
            where, name = head.strip(), rest
        value = _number(text)
        if value is None:
            raise UsageError(
                f"'{pair}': '{text}' is not a number; write METRIC=VALUE with a number, e.g. recall=0.72"
            )
        value = _held(f"'{pair}': {text}", value)
        metric = find_metric(plan.done.metrics, name.strip())
        if metric is None:
            raise unknown_metric(slug, plan, name.strip())
        values.setdefault(where, {})[metric_key(metric)] = value
    if not values:
        raise UsageError(f'give at least one METRIC=VALUE, e.g. `planner log {slug} recall=0.72 -m "what"`')
    return values


def log_path(workspace: Workspace, slug: str) -> Path:
    """plans/SLUG/experiments.jsonl, refused when it (or its plan folder) links out of the workspace."""
    path = workspace.plan_file(slug).parent / LOG_FILE
    real = path.resolve()
    if not real.is_relative_to(workspace.root.resolve()):
        shown = workspace.shown(path)
        raise InvalidPlan(
            shown,
            [f"{shown} leads outside the workspace (to {real}); planner does not follow links out of it"],
        )
    return path


def to_line(record: Experiment) -> str:
    data = record.model_dump(mode="json", exclude_none=True)
    # Whole seconds, or milliseconds when a run was read with them: two MLflow runs ending in the
    # same second keep their order.
    millis = f".{record.at.microsecond // 1000:03d}" if record.at.microsecond else ""
    data["at"] = record.at.strftime("%Y-%m-%dT%H:%M:%S") + millis + "Z"
    return json_inert(json.dumps(data, ensure_ascii=False, allow_nan=False)) + "\n"


def parse_log(text: str, shown: str) -> list[Experiment]:
    """Every record of a log, or InvalidPlan naming each unreadable line and how to repair it."""
    records, problems = [], []
    fix = f"fix the line, or restore the file with `git checkout -- {shown}`"
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = jsonline.loads(line)
        except ValueError as exc:
            problems.append(f"{shown}:{number}: not a JSON record ({exc}); {fix}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{shown}:{number}: not a JSON record ({{...}}); {fix}")
            continue
        try:
            records.append(Experiment.model_validate(data))
        except ValidationError as exc:
            for problem in schema_problems(exc, f"{shown}:{number}"):
                problems.append(f"{problem} (or restore the file with `git checkout -- {shown}`)")
    if problems:
        raise InvalidPlan(shown, problems)
    return records


def read_log(workspace: Workspace, slug: str) -> list[Experiment]:
    """The plan's experiment log, oldest first as written; empty when there is none."""
    path = log_path(workspace, slug)
    if not path.exists():
        return []
    shown = workspace.shown(path)
    return parse_log(_log_text(path, shown), shown)


def _log_text(path: Path, shown: str) -> str:
    if path.is_dir():
        raise UsageError(
            f"{shown} is a folder, not the experiment log (a file of JSON lines, one run per line); move "
            "the folder away, and `planner log` or `planner track` starts the log again"
        )
    return read_text(path, shown)


def read_logs(workspace: Workspace, slugs: Iterable[str]) -> dict[str, list[Experiment] | PlannerError]:
    """Each plan's log, or the error that stopped it from loading: one bad log hides nothing else."""
    found: dict[str, list[Experiment] | PlannerError] = {}
    for slug in slugs:
        try:
            found[slug] = read_log(workspace, slug)
        except PlannerError as exc:
            found[slug] = exc
    return found


def append(
    workspace: Workspace, slug: str, records: list[Experiment], skip_known_runs: bool = False
) -> tuple[list[Experiment], list[Experiment]]:
    """Add records at the end of the log under the workspace lock, atomically; returns the whole log
    and the records added. With `skip_known_runs`, an MLflow run already in the log is not added again.

    The existing log is read (and must be readable) before anything is written, so a damaged log is
    reported and left as it is."""
    with workspace.editing():
        path = log_path(workspace, slug)
        shown = workspace.shown(path)
        text = _log_text(path, shown) if path.exists() else ""
        existing = parse_log(text, shown)
        if skip_known_runs:
            known = {record.mlflow.run for record in existing if record.mlflow}
            records = [record for record in records if not (record.mlflow and record.mlflow.run in known)]
        if text and not text.endswith("\n"):
            text += "\n"
        if records:
            remove_temp_files(path.parent, LOG_FILE)  # a killed append's: every append holds the lock
            write_atomic(path, text + "".join(to_line(record) for record in records))
    return existing + records, records


def hand_record(
    workspace: Workspace, values: Mapping[str, dict[str, float]], note: str, at: datetime | None = None
) -> Experiment:
    """A record logged by hand: now (or `at`), with the workspace's git author and commit when known."""
    record = Experiment.model_validate(
        {
            "at": at or datetime.now(UTC).replace(microsecond=0),
            "values": values,
            "note": note,
            "author": _git_ident(workspace.root),
            "commit": _git_out(workspace.root, "rev-parse", "--short=12", "HEAD"),
        }
    )
    return record


def _git_out(root: Path, *args: str) -> str | None:
    try:
        return git(root, *args).strip() or None
    except PlannerError:
        return None


def _git_ident(root: Path) -> str | None:
    ident = _git_out(root, "var", "GIT_AUTHOR_IDENT")
    return re.sub(r"\s+\d+\s+[+-]\d{4}$", "", ident) if ident else None


def log_by_hand(
    workspace: Workspace, slug: str, pairs: Iterable[str], split: str, note: str, at: datetime | None = None
) -> str:
    """`planner log`: check every value, append one record, and say what was logged where."""
    plan = workspace.load(slug)
    values = parse_assignments(slug, plan, pairs, split)
    note = check_note(slug, note)
    if at is not None and not DAY_MIN <= at.date() <= DAY_MAX:
        raise UsageError(
            f"--date {at.date().isoformat()} is outside the dates planner reads ({DAY_MIN} to {DAY_MAX}); "
            "give the day the run was made"
        )
    runs, _ = append(workspace, slug, [hand_record(workspace, values, note, at)])
    shown = "; ".join(
        f"{where}: " + ", ".join(f"{_short(plan, name)}={value:g}" for name, value in found.items())
        for where, found in values.items()
    )
    path = workspace.shown(log_path(workspace, slug))
    return f"logged {shown} in {path} (record {len(runs)}); see `planner status {slug}`\n"


def check_note(slug: str, note: str) -> str:
    """The -m note of `planner log`, stripped; refused when blank or longer than a plan's text may be."""
    text = note.strip()
    if not text:
        raise UsageError(
            f'say what was tried: `planner log {slug} recall=0.72 -m "gradient boosting, 40 features"`'
        )
    if len(text) > TEXT_MAX:
        raise UsageError(
            f"the -m note is {len(text):,} characters long; keep it under {TEXT_MAX:,} "
            "(put the details in the run's own notes or the plan)"
        )
    return text


def _short(plan: Plan, name: str) -> str:
    metric = find_metric(plan.done.metrics, name)
    return short_name(metric, plan.done.metrics) if metric else name
