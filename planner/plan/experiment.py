"""One experiment record (what was tried, when, the done metrics' values per split) and metric names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from planner.plan.fields import Moment, Number, Record, Text
from planner.plan.model import Metric

SPLITS = ("train", "validation", "test")


Split = Literal["train", "validation", "test"]


class MlflowRun(Record):
    """Where a record came from when `planner track` read it from an MLflow tracking store."""

    run: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="The MLflow run id; a run is recorded once."
    )
    experiment: Text = Field(description="The MLflow experiment's name.")
    name: Text | None = Field(default=None, description="The run's name in MLflow.")


class Experiment(Record):
    """One line of the log: what was tried, when, by whom, and the values of done metrics per split."""

    at: Moment = Field(description="When the run was made or logged (UTC).")
    values: dict[Split, dict[str, Number]] = Field(
        description='Metric values per split: `{"validation": {"recall": 0.62}}`; metrics by key or name.'
    )
    note: Text | None = Field(default=None, description="What was tried.")
    author: Text | None = Field(default=None, description="Who logged it: `Name <email>`.")
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,64}$")] | None = Field(
        default=None, description="The git commit of the workspace (or of the run's code) at the time."
    )
    mlflow: MlflowRun | None = Field(default=None, description="The MLflow run it was read from.")

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def metric_key(metric: Metric) -> str:
    """How the log names a metric: by its whole name, so records stay readable in a pull request."""
    return metric.name


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def find_metric(metrics: list[Metric], name: str) -> Metric | None:
    """The done metric called `name`: its whole name, or the first words of it when no other metric
    starts with the same words (`recall` for "recall at 1% false positive rate"); case is ignored."""
    wanted = _norm(name)
    exact = [metric for metric in metrics if _norm(metric.name) == wanted]
    if exact:
        return exact[0]
    starts = [metric for metric in metrics if (_norm(metric.name) + " ").startswith(wanted + " ")]
    return starts[0] if wanted and len(starts) == 1 else None


def short_name(metric: Metric, metrics: list[Metric]) -> str:
    """The fewest first words of the metric's name that name it alone, for messages and tables."""
    words = _norm(metric.name).split(" ")
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count])
        if find_metric(metrics, candidate) is metric:
            return candidate
    return _norm(metric.name)
