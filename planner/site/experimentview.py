"""What the site shows of a plan's experiments: its verdict, one chart per done metric, the log newest first."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from planner.core.errors import PlannerError
from planner.judgement.advice import Advice
from planner.judgement.register import advice_at
from planner.judgement.stage import stage_of
from planner.judgement.verdict import FOLD_DUE, MetricVerdict, PlanVerdict, fmt, judge
from planner.plan.experiment import Experiment, find_metric, short_name
from planner.plan.model import Direction, Plan, Status
from planner.site.timeline import Timeline
from planner.site.views import PlanView

# The chart is drawn for a phone first (a 360-unit wide viewBox) and scaled up at most 1.5x by CSS,
# so its 11-unit text stays between about 10 and 16 px wherever it is read.
WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 46, 12, 14, 34
SPLIT_ORDER = ("train", "validation", "test")


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    value: str
    label: str  # the point's tooltip: date, split, value, note


@dataclass(frozen=True)
class Series:
    split: str
    path: str  # "x,y x,y ..." for a polyline
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    """One done metric over time, as coordinates in the WIDTH x HEIGHT viewBox."""

    name: str
    title: str
    verdict: str | None
    reason: str
    direction: str
    best: str
    baseline: float | None  # y of the baseline line
    baseline_value: str
    target: float | None
    target_value: str
    box: tuple[float, float] | None  # x from the first to the end of the last day of the time box
    today: float | None
    series: tuple[Series, ...]
    xticks: tuple[Tick, ...]
    yticks: tuple[Tick, ...]
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    width: int = WIDTH
    height: int = HEIGHT
    earlier: float | None = None  # y of the target as first agreed, when it was moved after results
    earlier_value: str = ""


@dataclass(frozen=True)
class Row:
    """One record of the log, for the table (newest first)."""

    at: str
    values: tuple[tuple[str, str, str], ...]  # (split, metric, value)
    note: str | None
    author: str | None
    commit: str | None
    run: str | None  # "MLflow run NAME (experiment)" when it came from MLflow


@dataclass(frozen=True)
class ExperimentsView:
    verdict: PlanVerdict
    charts: tuple[Chart, ...]
    rows: tuple[Row, ...]
    error: str | None = None
    closed_as: Status | None = None  # shipped or folded (in the draft, maybe): decided, no fold is due

    @property
    def closed(self) -> bool:
        return self.closed_as is not None

    @property
    def fold_due(self) -> bool:
        return self.verdict.verdict == FOLD_DUE and not self.closed

    @property
    def days(self) -> str:
        return self.verdict.clock


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round values between low and high; none when the range is not a finite, positive
    span that floats can step through (values are bounded, see fields.NUMBER_MAX, but a chart must
    never be what breaks a build)."""
    raw = (high - low) / max(count, 1)
    if not (math.isfinite(raw) and raw > 0):
        return []
    step = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= step * factor:
            step *= factor
            break
    first = math.ceil(low / step) * step
    if first + step == first:  # a span too narrow for the values' magnitude: no distinct ticks
        return [round(first, 12)]
    total = min(int((high - first) / step * (1 + 1e-9)) + 1, 4 * count)
    return [round(first + index * step, 12) for index in range(max(total, 0))]


def _chart(item: MetricVerdict, verdict: PlanVerdict, earlier: float | None = None) -> Chart:
    metric = item.metric
    points = item.points
    values = [point.value for point in points]
    levels = [value for value in (metric.baseline_figure, metric.target, earlier) if value is not None]
    low, high = min(values + levels, default=0.0), max(values + levels, default=1.0)
    pad = (high - low) * 0.08 or max(abs(high) * 0.1, 0.01)
    low, high = low - pad, high + pad
    moments = [point.at for point in points]
    if verdict.started is not None:
        moments.append(_moment(verdict.started))
    if verdict.ends is not None:
        moments.append(_moment(verdict.ends + timedelta(days=1)))
    moments.append(_moment(verdict.today + timedelta(days=1)))
    start, end = min(moments), max(moments)
    if end - start < timedelta(days=1):
        start -= timedelta(days=1)
    span = (end - start).total_seconds()
    plot_w, plot_h = WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP

    def x(moment: datetime) -> float:
        return round(LEFT + (moment - start).total_seconds() / span * plot_w, 1)

    def y(value: float) -> float:
        return round(TOP + (high - value) / (high - low) * plot_h, 1)

    series = []
    for split in SPLIT_ORDER:
        chosen = [point for point in points if point.split == split]
        if not chosen:
            continue
        marks = tuple(
            Mark(
                x(point.at),
                y(point.value),
                fmt(point.value),
                f"{point.at:%Y-%m-%d} · {split} {fmt(point.value)}"
                + (f" · {point.record.note}" if point.record.note else ""),
            )
            for point in chosen
        )
        series.append(Series(split, " ".join(f"{mark.x},{mark.y}" for mark in marks), marks))
    box = None
    if verdict.started is not None and verdict.ends is not None:
        box = (x(_moment(verdict.started)), x(_moment(verdict.ends + timedelta(days=1))))
    today = _moment(verdict.today) + timedelta(hours=12)
    xticks = [Tick(LEFT, f"{start:%b %-d}"), Tick(WIDTH - RIGHT, f"{end - timedelta(seconds=1):%b %-d}")]
    if box is not None and verdict.ends is not None and box[1] - LEFT > 40 and WIDTH - RIGHT - box[1] > 40:
        xticks.insert(1, Tick(box[1], f"{verdict.ends:%b %-d}"))
    best = (
        f"best {fmt(item.best.value)} ({item.best.split}, {item.best.at:%Y-%m-%d})"
        if item.best
        else "no run yet"
    )
    return Chart(
        name=item.name,
        title=metric.name,
        verdict=item.verdict,
        reason=item.reason,
        direction="lower is better" if metric.direction is Direction.lower_is_better else "higher is better",
        best=best,
        baseline=y(metric.baseline_figure) if metric.baseline_figure is not None else None,
        baseline_value=fmt(metric.baseline_figure),
        target=y(metric.target) if metric.target is not None else None,
        target_value=fmt(metric.target),
        box=box,
        today=x(today) if start <= today <= end else None,
        series=tuple(series),
        xticks=tuple(xticks),
        yticks=tuple(Tick(y(value), fmt(value)) for value in _nice_ticks(low, high)),
        earlier=y(earlier) if earlier is not None else None,
        earlier_value=fmt(earlier) if earlier is not None else "",
    )


def _row(record: Experiment, plan: Plan) -> Row:
    metrics = plan.done.metrics
    values = []
    for split in SPLIT_ORDER:
        for name, value in record.values.get(split, {}).items():  # type: ignore[call-overload]
            metric = find_metric(metrics, name)
            values.append((split, short_name(metric, metrics) if metric else name, fmt(value)))
    run = None
    if record.mlflow is not None:
        run = f"MLflow run {record.mlflow.name or record.mlflow.run} ({record.mlflow.experiment})"
    return Row(f"{record.at:%Y-%m-%d %H:%M}", tuple(values), record.note, record.author, record.commit, run)


def experiments_view(
    plan: Plan,
    records: list[Experiment],
    today: date,
    published: date | None = None,
    moved: Mapping[str, float] | None = None,
) -> ExperimentsView | None:
    """The plan's experiments section, or None when it has neither done metrics nor a log. `moved`
    gives the target each metric had before it was moved after results: its chart draws both."""
    if not plan.done.metrics and not records:
        return None
    verdict = judge(plan, records, today, published)
    charts = tuple(_chart(item, verdict, (moved or {}).get(item.metric.name)) for item in verdict.metrics)
    rows = tuple(_row(record, plan) for record in sorted(records, key=lambda r: r.at, reverse=True))
    return ExperimentsView(verdict, charts, rows)


def broken_log(plan: Plan, message: str, today: date, published: date | None = None) -> ExperimentsView:
    """The section of a plan whose log cannot be read: the criteria without runs, and why."""
    return ExperimentsView(judge(plan, [], today, published), (), (), error=message)


def tracking_of(
    shown: Mapping[str, PlanView],
    timelines: Mapping[str, Timeline],
    logs: Mapping[str, list[Experiment] | PlannerError],
    today: date,
    closed: Mapping[str, Status] | None = None,
) -> dict[str, ExperimentsView]:
    """The experiments section of every plan the site shows first (its latest version, else its draft);
    `closed` gives the plans already shipped or folded (as published or in the draft) that status, whose
    fold is no longer due."""
    found = {}
    for slug, view in shown.items():
        if view.plan is None:
            continue
        timeline = timelines.get(slug)
        published = timeline.started if timeline is not None else None
        records = logs.get(slug, [])
        if isinstance(records, PlannerError):
            section: ExperimentsView | None = broken_log(view.plan, str(records), today, published)
        else:
            section = experiments_view(view.plan, records, today, published, _moved(timeline))
        if section is not None:
            found[slug] = replace(section, closed_as=(closed or {}).get(slug))
    return found


def _moved(timeline: Timeline | None) -> dict[str, float]:
    """The first agreed target of each metric whose target a published version moved after results."""
    moves = timeline.moves if timeline is not None else ()
    found: dict[str, float] = {}
    for move in moves:
        if move.what == "target" and move.old is not None and move.new is not None and move.where != "draft":
            found.setdefault(move.metric, move.old)
    return found


def next_steps(view: PlanView, section: ExperimentsView | None) -> tuple[Advice, ...]:
    """What to do next on the site: the plan's advice for its stage (planner.judgement.stage), read
    with its experiment log when the page has one, so the portfolio, the summary and "What to do
    next" say what `planner risks` says."""
    advice = view.assessment.advice if view.assessment is not None else ()
    plan = view.plan
    if plan is None or view.assessment is None:
        return advice
    if section is None:
        stage = stage_of(plan, published=view.published)
    else:
        stage = stage_of(plan, section.verdict, section.error, status=section.closed_as)
    return advice_at(plan, view.assessment, stage)


def page_moves(steps: tuple[Advice, ...]) -> tuple[Advice, ...]:
    """The moves a plan page shows: the blocking questions once, in the move that lists them (the
    terminal's one-line follow-ups per question would repeat them there as boxes)."""
    first = next((index for index, move in enumerate(steps) if move.part == "questions"), None)
    return tuple(move for index, move in enumerate(steps) if move.part != "questions" or index == first)
