"""`planner status` and `check --fail-on fold`: each plan's verdict from its log, as text or JSON."""

from __future__ import annotations

from datetime import date

from planner.core.errors import PlannerError
from planner.core.inert import one_line, safe_json
from planner.core.terminal import table
from planner.evidence.log import read_log
from planner.judgement.stage import Stage, stage_of
from planner.judgement.verdict import CLOSED, FOLD_DUE, PlanVerdict, committed, fmt, judge, to_data
from planner.plan.experiment import Experiment
from planner.plan.model import Plan, Status, Version
from planner.plan.workspace import Workspace


def verdict_of(
    workspace: Workspace, slug: str, today: date, plan: Plan | None = None
) -> tuple[Plan, PlanVerdict]:
    plan = plan or workspace.load(slug)
    return plan, judge(plan, read_log(workspace, slug), today, first_published(workspace, slug, plan))


def stage_in(workspace: Workspace, slug: str, plan: Plan, today: date) -> Stage:
    """The plan's stage with its experiment log's verdict: what `risks`, `show`, `status` and the
    interview's closing screen lead with. A log that cannot be read gives no verdict, and says why."""
    try:
        records, error = read_log(workspace, slug), None
    except PlannerError as exc:
        records, error = [], str(exc)
    progress = judge(plan, records, today, first_published(workspace, slug, plan))
    return stage_of(plan, progress, error, today)


def committed_version(workspace: Workspace, slug: str, plan: Plan) -> Version | None:
    """The first version published past review (`planner.judgement.verdict.committed`): the day it was
    published starts the clock of a plan without `done.started`, as on the site."""
    if plan.done.started is not None:
        return None
    from planner.plan.history import load_version, numbers

    try:
        return committed(load_version(workspace, slug, number) for number in numbers(workspace, slug))
    except PlannerError:
        return None


def first_published(workspace: Workspace, slug: str, plan: Plan) -> date | None:
    """The day the first version past review was published: the clock's first day without `done.started`."""
    version = committed_version(workspace, slug, plan)
    return version.published_at.date() if version is not None else None


def next_move(plan: Plan, verdict: PlanVerdict) -> str | None:
    """The top line of the advice for the plan's stage, as plain text: what `status` lists as NEXT,
    prints as `next` in JSON and on `status NAME`'s `next:` line (as `risks`, `show` and the site)."""
    from planner.judgement.register import assess

    headline = assess(plan, stage_of(plan, verdict)).headline
    return headline.title if headline is not None else None


def _data(slug: str, plan: Plan, verdict: PlanVerdict) -> dict[str, object]:
    """One plan's JSON object: the verdict's keys (scripts rely on them), then `next`."""
    return {**to_data(slug, plan.title, verdict), "next": next_move(plan, verdict)}


def status_json(workspace: Workspace, slug: str | None, today: date) -> str:
    if slug is not None:
        plan, verdict = verdict_of(workspace, slug, today)
        data: object = _data(slug, plan, verdict)
    else:
        plans: list[dict[str, object]] = []
        for name, loaded in workspace.load_all():
            try:
                if isinstance(loaded, PlannerError):
                    raise loaded
                plan, verdict = verdict_of(workspace, name, today, loaded)
            except PlannerError as exc:
                plans.append({"plan": name, "verdict": None, "error": str(exc), "next": None})
                continue
            plans.append(_data(name, plan, verdict))
        data = {"today": today.isoformat(), "plans": plans}
    return safe_json(data) + "\n"


def _days(verdict: PlanVerdict) -> str:
    return verdict.clock


def _primary(verdict: PlanVerdict) -> str:
    judged = [item for item in verdict.metrics if item.verdict is not None]
    if not judged:
        return "-"
    item = judged[0]
    arrow = "≤" if item.metric.direction.value == "lower" else "≥"
    best = f"{fmt(item.best.value)} ({item.best.split})" if item.best else "no run"
    return f"{item.name}: {best} vs {arrow} {fmt(item.metric.target)} (baseline {fmt(item.metric.baseline_figure)})"


def status_table(workspace: Workspace, today: date, width: int | None = None) -> str:
    """Every plan's verdict in a table that fits `width` columns, or one record per plan."""
    rows = []
    for slug, loaded in workspace.load_all():
        try:
            if isinstance(loaded, PlannerError):
                raise loaded
            plan, verdict = verdict_of(workspace, slug, today, loaded)
        except PlannerError:
            rows.append([slug, "(cannot be read: run `planner check`)", "", "", "", ""])
            continue
        move = one_line(next_move(plan, verdict) or "-")
        rows.append(
            [slug, verdict.verdict or "no target", _days(verdict), _primary(verdict), str(verdict.runs), move]
        )
    if not rows:
        return "no plans yet; start one with `planner interview`\n"
    header = ["PLAN", "VERDICT", "TIME BOX", "PRIMARY METRIC: BEST VS TARGET", "RUNS", "NEXT"]
    return table(rows, header, width, cut=False)


def status_text(workspace: Workspace, slug: str, today: date) -> str:
    plan, verdict = verdict_of(workspace, slug, today)
    headline = next_move(plan, verdict)
    lines = [f"{slug}: {verdict.verdict or 'no verdict'} · {_days(verdict)} · {verdict.runs} runs logged"]
    lines.append(f"  {verdict.reason}")
    if verdict.verdict == FOLD_DUE:
        action = plan.done.fold_action
        lines.append(
            f'  fold action: "{action}"' if action else "  fold action: none written (done.fold_action)"
        )
    # Only once approved is the clock the next move: a draft or a plan in review has its stage's own.
    at_work = plan.status in (Status.approved, Status.building)
    if at_work and plan.done.started is None and plan.done.timebox_weeks and verdict.started is None:
        lines.append(
            f"  the clock has not started: add `started: {today:%Y-%m-%d}` under done "
            "(planner sets it when it saves an approved or building plan)"
        )
    elif plan.done.started is None and verdict.started is not None:
        version = committed_version(workspace, slug, plan)
        shown = f"{verdict.started:%Y-%m-%d}"
        if version is not None:
            shown = f"v{version.number}, published {shown} as {version.plan.status.value}"
        lines.append(
            f"  the clock counts from {shown}; write `started:` under done to count from another day"
        )
    if headline is not None:
        lines.append(f"  next: {one_line(headline)} (`planner risks {slug}` says why)")
    lines.append("")
    for item in verdict.metrics:
        metric = item.metric
        arrow = "≤" if metric.direction.value == "lower" else "≥"
        best = (
            f"best {fmt(item.best.value)} on {item.best.split} ({item.best.at:%Y-%m-%d})"
            if item.best
            else "no run"
        )
        lines.append(f"  {item.name}: {item.verdict or 'not judged'} · {item.reason}")
        lines.append(f"    {metric.name}")
        lines.append(
            f"    {best} · baseline {fmt(metric.baseline_figure)} · target {arrow} {fmt(metric.target)}"
        )
    if verdict.advice:
        lines.append("")
        lines.append("  where the error is (latest train / validation / test values):")
        lines.extend(f"  - {line}" for line in verdict.advice)
    return "\n".join(lines) + "\n"


def fold_problems(
    workspace: Workspace, slug: str, plan: Plan, today: date, records: list[Experiment] | None = None
) -> list[str]:
    """What `check --fail-on fold` reports for one plan: its fold is due (folded and shipped plans never)."""
    if plan.status in CLOSED:
        return []
    records = read_log(workspace, slug) if records is None else records
    verdict = judge(plan, records, today, first_published(workspace, slug, plan))
    if verdict.verdict != FOLD_DUE:
        return []
    action = (
        f'the plan says: "{plan.done.fold_action}"' if plan.done.fold_action else "no fold action is written"
    )
    return [
        f"fold due: the time box ended on {verdict.ends:%Y-%m-%d} short of the target ({action}); "
        "fold it (status: folded) or agree a longer done.timebox_weeks in a reviewed change"
    ]
