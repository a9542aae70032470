"""The portfolio as a decision board: what each plan waits for, who decides, by when, at what cost."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.core.formatting import money, number
from planner.judgement.targets import TargetMove
from planner.judgement.verdict import CLOSED, FOLD_DUE, MET, STALLED, VERDICTS, MetricVerdict, fmt
from planner.plan.model import Plan, Status
from planner.site.experimentview import ExperimentsView
from planner.site.timeline import Timeline
from planner.site.views import STATUS_ORDER, PlanView, Row

# The kinds of decision, most urgent first: the order of the board and of the table.
KINDS = ("fold-due", "target-moved", "over-budget", "stalled", "met", "high-risks", "review")
LABELS = {
    "fold-due": "fold due",
    "target-moved": "target moved after results",
    "over-budget": "over budget",
    "stalled": "stalled",
    "met": "target met",
    "high-risks": "high risks open",
    "review": "review waiting",
}
BEFORE_BUILDING = (Status.draft, Status.in_review, Status.approved)
REVIEW_LATE_DAYS = 7  # a plan in review longer than this is late


@dataclass(frozen=True)
class Money:
    """What a plan costs to run each month against its budget (in its currency), and its effort."""

    currency: str | None
    running: float | None  # predictions a month x cost of each
    budget: float | None
    effort: float | None  # person-weeks to a first model in production

    @property
    def known(self) -> bool:
        return self.running is not None or self.budget is not None or self.effort is not None

    @property
    def over(self) -> bool:
        return self.running is not None and self.budget is not None and self.running > self.budget

    @property
    def ratio(self) -> float | None:
        """Running cost over budget (30.0 for 30x); None when either is unknown or the budget is 0."""
        if self.running is None or not self.budget:
            return None
        return self.running / self.budget

    def amount(self, value: float | None) -> str:
        """An amount a month: cents at most once it reaches one unit (`€3.04`, not `€3.042`)."""
        if value is None:
            return ""
        return money(round(value, 2) if abs(value) >= 1 else value, self.currency)

    @property
    def times(self) -> str:
        """`30×` over budget, to two figures (`1.2×`); empty when within budget or unknown."""
        ratio = self.ratio
        if not self.over:
            return ""
        if ratio is None:
            return "over a zero budget"
        return f"{number(round(ratio, 1) if ratio < 10 else round(ratio))}×"


def money_of(plan: Plan | None) -> Money:
    if plan is None:
        return Money(None, None, None, None)
    compute = plan.constraints.compute
    running = None
    per_month = compute.prediction_period.per_month if compute.prediction_period else 1.0
    if compute.predictions_per_period is not None and compute.call_cost is not None and per_month:
        # a one-off count is a total, not a running cost a month: left out
        running = compute.predictions_per_period * per_month * compute.call_cost
    return Money(compute.currency, running, compute.budget_per_month, plan.impact.effort_weeks)


@dataclass(frozen=True)
class Pending:
    """One decision a plan waits for: what, the one figure that makes it urgent, and by when."""

    kind: str
    decision: str
    figure: str
    when: str
    late: bool  # overdue: shown as an alarm
    tone: str  # danger, warning, success or info
    weight: float = 0.0  # within a kind, the larger comes first (days overdue, times over budget)

    @property
    def order(self) -> tuple[int, float]:
        return KINDS.index(self.kind), -self.weight


@dataclass(frozen=True)
class Person:
    short: str  # `Tomás Ferreira`, or `Priya +1` for owners
    full: str  # every name as written
    named: bool = True  # False: no decider is named, the first owner stands in


def short_name(text: str) -> str:
    """A name without its role: `Tomás Ferreira (head of fresh)` -> `Tomás Ferreira`."""
    return re.split(r"\s*[(,<]", text.strip(), maxsplit=1)[0] or text.strip()


def owners_of(plan: Plan | None) -> Person:
    """The owners as the first one's first name plus a count: `Priya +1`."""
    owners = plan.owners if plan is not None else []
    if not owners:
        return Person("none yet", "", named=False)
    first = short_name(owners[0]).split(" ")[0]
    more = f" +{len(owners) - 1}" if len(owners) > 1 else ""
    return Person(first + more, "; ".join(owners))


def decider_of(plan: Plan | None) -> Person:
    """Who takes the plan's decisions: its decider, else its first owner (said so), else nobody."""
    if plan is not None and plan.decider:
        return Person(short_name(plan.decider), plan.decider)
    if plan is not None and plan.owners:
        return Person(short_name(plan.owners[0]), plan.owners[0], named=False)
    return Person("nobody named", "", named=False)


@dataclass(frozen=True)
class Entry:
    """One plan on the portfolio: its view, facts and the decisions it waits for, most urgent first."""

    view: PlanView
    row: Row
    tracking: ExperimentsView | None
    money: Money
    pending: tuple[Pending, ...]
    moves: tuple[TargetMove, ...]
    owners: Person
    decider: Person
    closed: bool
    rank: int = 0  # its place in the table, most urgent first

    @property
    def slug(self) -> str:
        return self.view.slug

    @property
    def verdict(self) -> str | None:
        return self.tracking.verdict.verdict if self.tracking is not None else None

    @property
    def verdict_key(self) -> str:
        """The verdict as a filter value: `fold-due`, `met`..., `none` without a target."""
        return (self.verdict or "none").replace(" ", "-")

    @property
    def also(self) -> str:
        """The other decisions the plan waits for, after its most urgent: `target moved after results`."""
        return ", ".join(LABELS[item.kind] for item in self.pending[1:])

    @property
    def unowned(self) -> int:
        """Open risks nobody owns: said plainly rather than left as empty cells."""
        return sum(1 for risk in self.view.risks if not risk.decided and not risk.owner)

    # Sort keys of the table's columns (numbers, so the page's script compares them as numbers).
    @property
    def status_order(self) -> int:
        return STATUS_ORDER.index(Status(self.view.status)) if self.view.error is None else len(STATUS_ORDER)

    @property
    def verdict_order(self) -> int:
        return VERDICTS[::-1].index(self.verdict) if self.verdict in VERDICTS else len(VERDICTS)

    @property
    def cost_order(self) -> str:
        """Times over budget when both are known, else the running cost; empty: sorted last."""
        ratio = self.money.ratio
        if ratio is not None:
            return f"{ratio:.6g}"
        return "" if self.money.running is None else "0"

    @property
    def timebox_order(self) -> str:
        """Days left (negative once over); empty without a clock."""
        left = self.row.timebox.days_left
        return "" if left is None or self.closed else str(left)


@dataclass
class Board:
    entries: list[Entry]
    decisions: list[tuple[Entry, Pending]]
    totals: list[tuple[str, str]] = field(default_factory=list)  # (what, amount)
    statuses: list[tuple[str, str, int]] = field(default_factory=list)  # (value, label, count)
    verdicts: list[tuple[str, str, int]] = field(default_factory=list)


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _overdue(last: date, today: date) -> tuple[str, bool, int]:
    """`by 2026-12-20` up to the last day, `due yesterday` the day after, then `overdue 19 days` as
    the plan page counts an ended time box ("ended 19 days ago")."""
    late = (today - last).days
    if late == 1:
        return "due yesterday", True, late
    if late > 1:
        return f"overdue {_days(late - 1)}", True, late
    return f"by {last:%Y-%m-%d}", False, late


def _metric_figure(item: MetricVerdict) -> str:
    target = f"target {fmt(item.metric.target)}"
    if item.best is None:
        return f"no run yet, {target}"
    return f"best {fmt(item.best.value)} vs {target}"


def _from_verdict(tracking: ExperimentsView, today: date) -> list[Pending]:
    verdict = tracking.verdict
    found: list[Pending] = []
    if verdict.verdict == FOLD_DUE and verdict.ends is not None:
        item = next(m for m in verdict.metrics if m.verdict == FOLD_DUE)
        when, late, days = _overdue(verdict.ends, today)
        found.append(
            Pending(
                "fold-due",
                "Fold, or extend the time box",
                _metric_figure(item),
                when,
                late,
                "danger",
                days,
            )
        )
    elif verdict.verdict == STALLED:
        item = next(m for m in verdict.metrics if m.verdict == STALLED)
        when, late = ("now", False) if verdict.ends is None else _overdue(verdict.ends, today)[:2]
        if verdict.days_left is not None and verdict.days_left > 0:
            when += f" ({_days(verdict.days_left)} left)"
        found.append(
            Pending("stalled", "Change the approach, or fold", _metric_figure(item), when, late, "warning")
        )
    elif verdict.verdict == MET:
        met = [m for m in verdict.metrics if m.verdict == MET and m.best is not None]
        first = min((m.best.at.date() for m in met if m.best is not None), default=today)
        waited = (today - first).days
        figure = (
            f"{fmt(met[0].best.value)} on test vs target {fmt(met[0].metric.target)}"
            if met and met[0].best is not None
            else "every target met"
        )
        when = "now" if waited <= 0 else f"waiting {_days(waited)}"
        found.append(
            Pending("met", "Ship: the criteria are met", figure, when, waited > 14, "success", waited)
        )
    return found


def _pending(
    view: PlanView,
    row: Row,
    tracking: ExperimentsView | None,
    cost: Money,
    moves: tuple[TargetMove, ...],
    today: date,
    closed: bool,
) -> tuple[Pending, ...]:
    plan = view.plan
    if plan is None or plan.status is Status.folded:
        return ()
    found: list[Pending] = []
    if cost.over:
        when = "before building" if plan.status in BEFORE_BUILDING else "now"
        figure = f"{cost.amount(cost.running)} a month vs {cost.amount(cost.budget)} budget"
        figure += f" ({cost.times})" if cost.ratio is not None else ""
        found.append(
            Pending(
                "over-budget",
                "Cut the cost or raise the budget",
                figure,
                when,
                when == "now",
                "danger",
                cost.ratio or float("inf"),
            )
        )
    if closed:
        return tuple(found)
    for move in moves:
        what = "baseline" if move.what == "baseline" else "target"
        made = f"{move.at:%Y-%m-%d}" if move.at is not None and move.where != "draft" else "in the draft"
        found.append(
            Pending(
                "target-moved",
                f"Confirm or restore the {what}",
                f"{move.figure} ({move.headline.split(' ', 1)[1]})",
                f"now (moved {made})",
                False,
                "danger",
            )
        )
    if tracking is not None and not tracking.error:
        found += _from_verdict(tracking, today)
    high = [risk for risk in view.risks if not risk.decided and risk.level == "high"]
    if high and plan.status in (Status.approved, Status.building):
        dues = [risk.due for risk in high if risk.due is not None]
        if dues:
            when, late, _ = _overdue(min(dues), today)
        else:
            when, late = ("before building" if plan.status is Status.approved else "now"), False
        count = f"{len(high)} high risk{'s' if len(high) > 1 else ''} open"
        found.append(
            Pending(
                "high-risks",
                "Decide the high risks",
                f"{count}, top score {high[0].score}",
                when,
                late,
                "danger",
            )
        )
    if plan.status is Status.in_review:
        since = datetime.strptime(row.changed, "%Y-%m-%d").date() if row.changed else None
        waited = (today - since).days if since is not None else 0
        when = f"waiting {_days(waited)}" if waited > 0 else "now"
        figure = (
            f"{view.open_risks} risk{'' if view.open_risks == 1 else 's'} open · {view.percent}% answered"
        )
        found.append(
            Pending(
                "review",
                "Approve, or send it back",
                figure,
                when,
                waited > REVIEW_LATE_DAYS,
                "info",
                waited,
            )
        )
    return tuple(sorted(found, key=lambda item: item.order))


def _rank(entry: Entry) -> tuple[int, int, float, int, str]:
    """Decisions first (most urgent first), then open plans by the days their time box has left,
    unreadable plans, and closed plans last; titles break ties."""
    title = entry.view.title.casefold()
    if entry.pending and not entry.closed:
        kind, weight = entry.pending[0].order
        return (0, kind, weight, 0, title)
    if entry.view.error is not None:
        return (1, 0, 0.0, 0, title)
    if entry.closed:
        return (3, STATUS_ORDER.index(Status(entry.view.status)), 0.0, 0, title)
    left = entry.row.timebox.days_left
    status = STATUS_ORDER.index(Status(entry.view.status))
    return (2, -status, float(left if left is not None else 10**6), 0, title)


def _totals(entries: list[Entry]) -> list[tuple[str, str]]:
    """Running cost against budget per currency, and the effort, across the portfolio."""
    by_currency: dict[str, list[Money]] = {}
    for entry in entries:
        counted = not entry.closed or entry.view.status == Status.shipped.value
        if counted and (entry.money.running is not None or entry.money.budget is not None):
            by_currency.setdefault(entry.money.currency or "", []).append(entry.money)
    out = []
    for currency, items in sorted(by_currency.items()):
        running = sum(item.running or 0 for item in items if item.running is not None)
        budget = sum(item.budget or 0 for item in items if item.budget is not None)
        costed = sum(1 for item in items if item.running is not None)
        budgeted = sum(1 for item in items if item.budget is not None)
        code = currency or None
        text = f"{money(running, code)} a month ({costed} plan{'s' * (costed != 1)} costed)"
        text += f" of {money(budget, code)} budgeted ({budgeted} plan{'s' * (budgeted != 1)})"
        out.append((f"Running cost{f' in {currency}' if currency and len(by_currency) > 1 else ''}", text))
    efforts = [entry.money.effort for entry in entries if entry.money.effort is not None and not entry.closed]
    if efforts:
        count = len(efforts)
        out.append(("Effort", f"{number(sum(efforts))} person-weeks ({count} open plan{'s' * (count != 1)})"))
    return out


def board(
    views: list[PlanView],
    rows: Mapping[str, Row],
    tracking: Mapping[str, ExperimentsView],
    timelines: Mapping[str, Timeline],
    today: date,
) -> Board:
    """The portfolio: every plan ranked by how urgently it needs a decision, and the decisions."""
    entries = []
    for view in views:
        plan = view.plan
        section = tracking.get(view.slug)
        # Shipped or folded as shown, or in a draft not published yet: decided either way.
        closed = (plan is not None and plan.status in CLOSED) or (section is not None and section.closed)
        timeline = timelines.get(view.slug)
        latest = f"v{timeline.latest.number}" if timeline is not None else ""
        moves = tuple(
            move for move in (timeline.moves if timeline else ()) if move.where in (latest, "draft")
        )
        cost = money_of(plan)
        pending = _pending(view, rows[view.slug], section, cost, moves, today, closed)
        entries.append(
            Entry(
                view,
                rows[view.slug],
                section,
                cost,
                pending,
                moves,
                owners_of(plan),
                decider_of(plan),
                closed,
            )
        )
    entries.sort(key=_rank)
    entries = [
        Entry(e.view, e.row, e.tracking, e.money, e.pending, e.moves, e.owners, e.decider, e.closed, rank)
        for rank, e in enumerate(entries, 1)
    ]
    decisions = sorted(
        ((entry, entry.pending[0]) for entry in entries if entry.pending),
        key=lambda pair: (pair[1].order, pair[0].rank),
    )
    statuses = [
        (
            status.value,
            status.value.replace("_", " "),
            sum(1 for e in entries if e.view.status == status.value),
        )
        for status in STATUS_ORDER
    ]
    verdicts = [(v.replace(" ", "-"), v, sum(1 for e in entries if e.verdict == v)) for v in VERDICTS]
    statuses.append(("invalid", "cannot be read", sum(1 for e in entries if e.view.error is not None)))
    verdicts.append(("none", "no target yet", sum(1 for e in entries if e.verdict is None)))
    return Board(
        entries,
        decisions,
        _totals(entries),
        [item for item in statuses if item[2]],
        [item for item in verdicts if item[2]],
    )
