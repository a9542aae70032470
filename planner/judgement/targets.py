"""Done criteria made easier once results were in: a target loosened, a baseline worsened, a metric dropped.

A change to the done criteria is a *move* when it makes "done" easier to reach (a target lowered on a
higher-is-better metric, raised on a lower-is-better one; a baseline moved to a worse value, which
flatters any gain and loosens a relative target; a judged metric dropped) and it was made after the
experiment log held runs of that metric, or after the time box had ended. Adding criteria (a metric,
a target where there was none, `done.started` set on approval) is never a move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from planner.judgement.verdict import better, clock_of, fmt, points_by_metric, progress_split
from planner.plan.experiment import Experiment
from planner.plan.model import Direction, Metric, Plan

What = Literal["target", "baseline", "relative target", "absolute target", "metric"]


@dataclass(frozen=True)
class TargetMove:
    """One done criterion made easier after results: which, from what to what, and what came before."""

    metric: str  # the metric's name (as the newer plan calls it; the older one's when it was dropped)
    what: What
    old: float | None
    new: float | None  # None: the metric (and so its target) was dropped
    direction: Direction
    runs: int  # runs of the metric logged before the change
    best: float | None  # the best of them (validation, else test), as progress is judged
    box_ended: date | None  # the last day of the time box, when it was over before the change
    at: datetime | None = None  # when the change was made (a version's publication; now, for the draft)
    where: str = ""  # the version that made it (`v2`), or `draft`

    @property
    def verb(self) -> str:
        if self.what == "metric" or self.new is None or self.old is None:
            return "dropped"
        return "lowered" if self.new < self.old else "raised"

    @property
    def headline(self) -> str:
        """`Target lowered after results`: what a reader is told first."""
        name = "Metric" if self.what == "metric" else self.what.capitalize()
        return f"{name} {self.verb} {self.after}"

    @property
    def after(self) -> str:
        return "after results" if self.runs else "after the time box ended"

    @property
    def figure(self) -> str:
        """The one figure: `target 0.35 → 0.26, best 0.25`."""
        if self.new is None:
            shown = f"target {fmt(self.old)} dropped" if self.old is not None else "metric dropped"
        else:
            shown = f"{self.what} {fmt(self.old)} → {fmt(self.new)}"
        return shown + (f", best {fmt(self.best)}" if self.best is not None else "")

    def sentence(self) -> str:
        """The move in one sentence, with what came before it."""
        if self.what == "metric":
            change = f"done metric “{self.metric}” dropped"
            if self.old is not None:
                change += f" (its target was {fmt(self.old)})"
        elif self.new is None:
            change = f"target of “{self.metric}” ({fmt(self.old)}) removed"
        else:
            easier = "lower is better" if self.direction is Direction.lower_is_better else "higher is better"
            change = (
                f"{self.what} of “{self.metric}” {self.verb} from {fmt(self.old)} to {fmt(self.new)} "
                f"({easier}: easier to meet)"
            )
        before = []
        if self.runs:
            runs = f"{self.runs} run{'' if self.runs == 1 else 's'}"
            best = f", best {fmt(self.best)}" if self.best is not None else ""
            before.append(f"after {runs} logged{best}")
        if self.box_ended is not None:
            before.append(f"after the time box ended on {self.box_ended:%Y-%m-%d}")
        where = f" in {self.where}" if self.where and self.where != "draft" else ""
        return f"{change}{where}, {' and '.join(before)}"


def _eased(metric: Metric, old: float, new: float, what: What) -> bool:
    """Whether moving `what` from old to new makes the metric's done easier to reach."""
    if what in ("relative target", "absolute target"):
        return new < old
    # A target moved to a worse value is easier to meet; a baseline moved to a worse value flatters
    # every gain over it (and loosens a target relative to it). Better values make done harder.
    return better(metric, old, new)


def _pairs(old: list[Metric], new: list[Metric]) -> list[tuple[Metric, Metric | None]]:
    """Each older metric with its newer self: the same name, else (a rename) the one in its place."""
    by_name = {metric.name: metric for metric in new}
    matched = {id(by_name[m.name]) for m in old if m.name in by_name}
    spare = [metric for metric in new if id(metric) not in matched]
    pairs: list[tuple[Metric, Metric | None]] = []
    for index, metric in enumerate(old):
        if metric.name in by_name:
            pairs.append((metric, by_name[metric.name]))
            continue
        renamed = new[index] if index < len(new) and new[index] in spare else None
        if renamed is not None and renamed.direction is metric.direction:
            spare.remove(renamed)
            pairs.append((metric, renamed))
        else:
            pairs.append((metric, None))
    return pairs


def target_moves(
    old: Plan | None,
    new: Plan | None,
    records: Sequence[Experiment],
    at: datetime,
    published: date | None = None,
    where: str = "",
) -> tuple[TargetMove, ...]:
    """The moves from `old` to `new` made at `at` (a version's publication; now, for the draft) that
    came after results or after `old`'s time box ended. `published` is the day the first version past
    review was published (`verdict.committed`): it starts the time box of a plan without `done.started`."""
    if old is None or new is None:
        return ()
    metrics = old.done.metrics
    points = points_by_metric(metrics, [record for record in records if record.at < at])
    _, last = clock_of(old, published)
    ended = last if last is not None and last < at.date() else None
    found = []
    for (metric, now), series in zip(_pairs(metrics, new.done.metrics), points, strict=True):
        runs = len({id(point.record) for point in series})
        if not runs and ended is None:
            continue
        split = progress_split(series)
        judged = [point.value for point in series if point.split == split]
        best = None
        for value in judged:
            if best is None or better(metric, value, best):
                best = value
        changes: list[tuple[What, float | None, float | None]] = []
        if now is None:
            if metric.target is not None or metric.margin is not None:
                changes.append(("metric", metric.target, None))
        else:
            sides: tuple[tuple[What, float | None, float | None], ...] = (
                ("target", metric.target, now.target),
                ("relative target", metric.relative_target, now.relative_target),
                ("absolute target", metric.absolute_target, now.absolute_target),
                ("baseline", metric.baseline_figure, now.baseline_figure),
            )
            for what, a, b in sides:
                if a is not None and b is not None and a != b and _eased(metric, a, b, what):
                    changes.append((what, a, b))
                elif what == "target" and a is not None and b is None and now.margin is None:
                    changes.append((what, a, None))  # the target removed: nothing left to meet
        name = (now or metric).name
        found += [
            TargetMove(name, what, a, b, metric.direction, runs, best, ended, at, where)
            for what, a, b in changes
        ]
    return tuple(found)
