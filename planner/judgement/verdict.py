"""Done criteria against the experiment log: met, on track, stalled, fold due or not started, and the
ML-loop advice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from planner.core import formatting
from planner.plan.experiment import Experiment, find_metric, short_name
from planner.plan.model import Direction, Metric, Plan, Status, Version

MET, ON_TRACK, STALLED, FOLD_DUE = "met", "on track", "stalled", "fold due"
NOT_STARTED = "not started"  # the time box has no first day yet, or it is still ahead: no progress to judge
CLOSED = (Status.folded, Status.shipped)  # decided already: their clock no longer asks for a fold
IN_REVIEW = (Status.draft, Status.in_review)  # published to be reviewed, not yet committed to: no clock
VERDICTS = (MET, ON_TRACK, STALLED, FOLD_DUE, NOT_STARTED)
STALL_RUNS = 3  # this many runs in a row without a gain: stalled
STALL_DAYS = 14  # no gain for more than this many days while the clock runs: stalled
MIN_GAIN = 0.01  # a gain counts when it moves at least 1% of the way from baseline to target
GAP = 0.1  # a gap between splits matters above 10% of the way from baseline to target


@dataclass(frozen=True)
class Point:
    """One value of a metric: when, on which split, and the record it came from."""

    at: datetime
    split: str
    value: float
    record: Experiment


@dataclass(frozen=True)
class MetricVerdict:
    metric: Metric
    name: str  # the short name people type
    verdict: str | None  # None: the metric has no target, so it is shown but not judged
    reason: str
    best: Point | None
    points: tuple[Point, ...]  # every value of this metric, oldest first

    def better(self, a: float, b: float) -> bool:
        return better(self.metric, a, b)


@dataclass(frozen=True)
class PlanVerdict:
    verdict: str | None  # None: no done metric has a target yet
    reason: str
    metrics: tuple[MetricVerdict, ...]
    started: date | None
    ends: date | None
    today: date
    runs: int
    fold_action: str | None
    advice: tuple[str, ...] = field(default=())

    @property
    def days_left(self) -> int | None:
        """Days of the time box left, today included: 1 on its last day, 0 or less once it is over."""
        return None if self.ends is None else (self.ends - self.today).days + 1

    @property
    def clock(self) -> str:
        """The time box in words: days left, or when it ended."""
        left = self.days_left
        if self.started is None:
            return "clock not started"
        if self.started > self.today:
            return f"starts on {self.started:%Y-%m-%d}"
        if left is None or self.ends is None:
            return f"started {self.started:%Y-%m-%d}, no time box"
        if left == 0:
            return f"time box over: its last day was yesterday, {self.ends:%Y-%m-%d}"
        if left < 0:
            return (
                f"time box ended {-left} day{'' if left == -1 else 's'} ago (last day {self.ends:%Y-%m-%d})"
            )
        return f"{left} day{'' if left == 1 else 's'} left (until {self.ends:%Y-%m-%d})"


def better(metric: Metric, a: float, b: float) -> bool:
    """Whether value a is strictly better than b in the metric's direction."""
    return a < b if metric.direction is Direction.lower_is_better else a > b


def reaches(metric: Metric, value: float) -> bool:
    assert metric.target is not None
    return value == metric.target or better(metric, value, metric.target)


def fmt(value: float | None) -> str:
    """A metric value as every output writes it (`-` when there is none)."""
    return "-" if value is None else formatting.number(value)


def _scale(metric: Metric) -> float:
    """How far done is from the start: baseline to target (or the target's own size)."""
    if metric.target is not None and metric.baseline_figure is not None and metric.target != metric.baseline:
        return abs(metric.target - metric.baseline_figure)
    reference = metric.target if metric.target is not None else metric.baseline_figure
    return abs(reference) if reference else 1.0


def points_by_metric(metrics: list[Metric], records: list[Experiment]) -> list[list[Point]]:
    """Each metric's values in the log (in the metrics' order), oldest first, in one pass over it;
    records name a metric by its whole name or its first words."""
    found: list[list[Point]] = [[] for _ in metrics]
    index: dict[str, int | None] = {}
    for record in records:
        for split, values in record.values.items():
            for name, value in values.items():
                if name not in index:
                    metric = find_metric(metrics, name)
                    index[name] = next((i for i, m in enumerate(metrics) if m is metric), None)
                where = index[name]
                if where is not None:
                    found[where].append(Point(record.at, split, value, record))
    return [sorted(points, key=lambda point: point.at) for points in found]


def points_of(metric: Metric, metrics: list[Metric], records: list[Experiment]) -> list[Point]:
    """One metric's values in the log, oldest first."""
    return next(
        found for m, found in zip(metrics, points_by_metric(metrics, records), strict=True) if m is metric
    )


def progress_split(points: list[Point]) -> str | None:
    """Progress is read on validation, else on test: training values say nothing about done."""
    splits = {point.split for point in points}
    return next((split for split in ("validation", "test") if split in splits), None)


def _last_gain(metric: Metric, series: list[Point]) -> tuple[Point | None, int]:
    """The last value that beat everything before it (the baseline counts first) by a real margin,
    and how many values came after it without such a gain."""
    margin = MIN_GAIN * _scale(metric)
    best = metric.baseline_figure
    gain: Point | None = None
    since = 0
    for point in series:
        if best is None or (better(metric, point.value, best) and abs(point.value - best) >= margin):
            best, gain, since = point.value, point, 0
        else:
            since += 1
    return gain, since


def judge_metric(
    metric: Metric,
    metrics: list[Metric],
    records: list[Experiment],
    clock: tuple[date | None, date | None],
    today: date,
    points: list[Point] | None = None,
) -> MetricVerdict:
    started, ends = clock
    points = points_of(metric, metrics, records) if points is None else points
    name = short_name(metric, metrics)
    split = progress_split(points)
    series = [point for point in points if point.split == split]
    best = None
    for point in series:
        if best is None or better(metric, point.value, best.value):
            best = point
    tests = [point for point in points if point.split == "test"]
    if metric.target is None:
        return MetricVerdict(metric, name, None, "no target set, so not judged", best, tuple(points))
    target = f"target {fmt(metric.target)}"
    met = next((point for point in tests if reaches(metric, point.value)), None)
    if met is not None:
        return MetricVerdict(
            metric,
            name,
            MET,
            f"{fmt(met.value)} on test on {met.at:%Y-%m-%d} reaches the {target}",
            met,
            tuple(points),
        )
    if ends is not None and today > ends:
        shown = f"best {fmt(best.value)} on {best.split}" if best else "no run logged"
        return MetricVerdict(
            metric,
            name,
            FOLD_DUE,
            f"time box ended on {ends:%Y-%m-%d}; {shown}, {target}",
            best,
            tuple(points),
        )
    if not clock_started(started, today):
        # Runs before the clock starts are exploration: neither progress nor a stall.
        to_go = (
            f"best {fmt(best.value)} on {best.split}, {target}" if best else f"no run logged yet, {target}"
        )
        when = f"the time box starts on {started:%Y-%m-%d}" if started else "the time box has not started"
        return MetricVerdict(metric, name, NOT_STARTED, f"{when}; {to_go}", best, tuple(points))
    gain, since = _last_gain(metric, series)
    if since >= STALL_RUNS:
        what = (
            f"best {fmt(gain.value)} on {gain.at:%Y-%m-%d}"
            if gain
            else f"none beat the baseline {fmt(metric.baseline_figure)}"
        )
        return MetricVerdict(
            metric,
            name,
            STALLED,
            f"no gain in the last {since} runs on {split} ({what})",
            best,
            tuple(points),
        )
    since_day = gain.at.date() if gain else (started if started and started <= today else None)
    if since_day is not None and (today - since_day).days > STALL_DAYS:
        what = (
            f"best {fmt(gain.value)} on {since_day:%Y-%m-%d}"
            if gain
            else f"no gain since the clock started on {since_day:%Y-%m-%d}"
        )
        if gain is None and series:
            what = f"no run beat the baseline {fmt(metric.baseline_figure)} since {since_day:%Y-%m-%d}"
        return MetricVerdict(
            metric,
            name,
            STALLED,
            f"no gain for {(today - since_day).days} days ({what})",
            best,
            tuple(points),
        )
    if best is None:
        reason = "no run logged yet"
    elif reaches(metric, best.value):
        reason = f"{fmt(best.value)} on {best.split} reaches the {target}: confirm it on the test split"
    else:
        to_go = fmt(abs(metric.target - best.value))
        reason = (
            f"{to_go} to go to the {target}; last gain on {gain.at:%Y-%m-%d}"
            if gain
            else f"{to_go} to go to the {target}"
        )
    return MetricVerdict(metric, name, ON_TRACK, reason, best, tuple(points))


def today_utc() -> date:
    """Today as every command and the site count days: the UTC date (one answer on every machine)."""
    return datetime.now(UTC).date()


def committed(versions: Iterable[Version]) -> Version | None:
    """The first published version past review (approved, building, shipped or folded): the day it was
    published starts the clock of a plan without `done.started`. A version published for review does
    not: until it is approved nobody has committed to the time box."""
    return next((version for version in versions if version.plan.status not in IN_REVIEW), None)


def first_day(plan: Plan, published: date | None = None) -> date | None:
    """The first day of the plan's clock: `done.started`, else the day its first version past review
    was published (`published`, from `committed`), with or without a time box. The one definition
    every command and the site use."""
    return plan.done.started or published


def clock_started(first: date | None, today: date) -> bool:
    """Whether the clock whose first day is `first` (`first_day`) has started by `today`."""
    return first is not None and first <= today


def clock_of(plan: Plan, published: date | None = None) -> tuple[date | None, date | None]:
    """The day the time box started (`first_day`) and the last day it covers (six weeks from Monday 2
    March: the box covers 42 days and its last day is Sunday 12 April; the fold is due from the 13th)."""
    started, weeks = first_day(plan, published), plan.done.timebox_weeks
    if started is None:
        return None, None
    return started, (started + timedelta(days=max(1, round(weeks * 7)) - 1) if weeks else None)


def judge(plan: Plan, records: list[Experiment], today: date, published: date | None = None) -> PlanVerdict:
    """The verdict on a plan: met when every judged metric is met on test; not started while the time
    box has no first day or it is still ahead; fold due when the time box is over first; stalled when
    no unmet metric gains any more; on track otherwise."""
    metrics = plan.done.metrics
    clock = clock_of(plan, published)
    every = points_by_metric(metrics, records)
    verdicts = tuple(
        judge_metric(metric, metrics, records, clock, today, points)
        for metric, points in zip(metrics, every, strict=True)
    )
    judged = [item for item in verdicts if item.verdict is not None]
    unmet = [item for item in judged if item.verdict != MET]
    fold = plan.done.fold_action
    if not judged:
        verdict, reason = None, "no done metric has a target yet: add one (baseline, target, direction)"
    elif not unmet:
        verdict, reason = MET, "every done metric reaches its target on the test split"
    elif any(item.verdict == NOT_STARTED for item in unmet):
        verdict = NOT_STARTED
        reason = (
            f"the time box starts on {clock[0]:%Y-%m-%d}"
            if clock[0] is not None
            else "the time box has not started (no done.started, no version published past review)"
        )
    elif any(item.verdict == FOLD_DUE for item in unmet):
        verdict, reason = FOLD_DUE, f"the time box ended on {clock[1]:%Y-%m-%d} short of the target"
    elif all(item.verdict == STALLED for item in unmet):
        verdict, reason = STALLED, "; ".join(f"{item.name}: {item.reason}" for item in unmet)
    else:
        verdict = ON_TRACK
        reason = f"{len(unmet)} of {len(judged)} done metric{'s' if len(judged) > 1 else ''} not met on test yet, still gaining"
    return PlanVerdict(
        verdict,
        reason,
        verdicts,
        clock[0],
        clock[1],
        today,
        len(records),
        fold,
        tuple(ml_loop(plan, verdicts)),
    )


# ---------------------------------------------------------------- the ML loop


def _latest_splits(points: tuple[Point, ...]) -> dict[str, Point]:
    """The values of the latest record that has the metric on two splits or more (else on each split's latest)."""
    by_record: dict[int, dict[str, Point]] = {}
    for point in points:
        by_record.setdefault(id(point.record), {})[point.split] = point
    for found in reversed(list(by_record.values())):
        if len(found) >= 2:
            return found
    return {}


def ml_loop(plan: Plan, verdicts: tuple[MetricVerdict, ...]) -> list[str]:
    """Where the error bottleneck is, from the latest train / validation / test values of each judged metric."""
    advice = []
    for item in verdicts:
        if item.metric.target is None:
            continue
        latest = _latest_splits(item.points)
        if not latest:
            continue
        values = {split: point.value for split, point in latest.items()}
        line = _bottleneck(item.metric, item.name, values, plan.by_hand.human_figure)
        if line:
            advice.append(line)
    return advice


def _worse_by(metric: Metric, a: float, b: float) -> float:
    """How much worse a is than b in the metric's direction (negative when better)."""
    return a - b if metric.direction is Direction.lower_is_better else b - a


def _bottleneck(metric: Metric, name: str, values: dict[str, float], human: float | None) -> str | None:
    assert metric.target is not None
    train, valid, test = (values.get(split) for split in ("train", "validation", "test"))
    gap = GAP * _scale(metric)
    target = fmt(metric.target)
    if train is not None and not reaches(metric, train):
        human_note = f"; people score {fmt(human)}" if human is not None else ""
        return (
            f"{name}: high training error: train {fmt(train)} does not reach the target {target}{human_note}. "
            "The model is too small, there is a bug, or labels are wrong: check first that it can overfit "
            "a small sample (say 50 examples) at all, then try a bigger model or longer training and "
            "look at mislabelled examples."
        )
    if train is not None and valid is not None and _worse_by(metric, valid, train) > gap:
        return (
            f"{name}: a gap between training and validation: train {fmt(train)}, validation {fmt(valid)} "
            f"(target {target}). The model overfits, or validation data differs from training data: get "
            "more data, augment it, regularise (smaller model, dropout, early stopping), and check that "
            "validation looks like training (a train/validation mismatch)."
        )
    if valid is not None and test is not None and _worse_by(metric, test, valid) > gap:
        return (
            f"{name}: a gap between validation and test: validation {fmt(valid)}, test {fmt(test)} "
            f"(target {target}). The work has overfit the validation set (too many rounds tuned on it): "
            "get a fresh, bigger validation set, tune less often on it, and check that test and "
            "validation come from the same distribution."
        )
    shown = ", ".join(f"{split} {fmt(value)}" for split, value in values.items())
    if all(reaches(metric, value) for value in values.values()):
        return f"{name}: {shown}: every split reaches the target {target}."
    return None


def to_data(slug: str, title: str, verdict: PlanVerdict) -> dict[str, Any]:
    """The verdict as JSON-ready data: what `planner status --format json` prints per plan."""
    return {
        "plan": slug,
        "title": title,
        "verdict": verdict.verdict,
        "reason": verdict.reason,
        "started": verdict.started.isoformat() if verdict.started else None,
        "ends": verdict.ends.isoformat() if verdict.ends else None,
        "days_left": verdict.days_left,
        "runs": verdict.runs,
        "fold_action": verdict.fold_action if verdict.verdict == FOLD_DUE else None,
        "metrics": [
            {
                "metric": item.metric.name,
                "name": item.name,
                "verdict": item.verdict,
                "reason": item.reason,
                "direction": item.metric.direction.value,
                "baseline": item.metric.baseline_figure,
                "target": item.metric.target,
                "best": item.best.value if item.best else None,
                "best_split": item.best.split if item.best else None,
                "best_at": item.best.at.strftime("%Y-%m-%dT%H:%M:%SZ") if item.best else None,
                "runs": len({id(point.record) for point in item.points}),
            }
            for item in verdict.metrics
        ],
        "advice": list(verdict.advice),
    }
