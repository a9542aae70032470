"""`planner check` as a report: every plan's schema and rules, then the published history, all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from planner.core.errors import InvalidPlan, PlannerError
from planner.core.inert import one_line
from planner.evidence.log import read_log
from planner.evidence.sample import recorded_columns
from planner.evidence.status import first_published, fold_problems, stage_in
from planner.judgement.measured import stale_reasons
from planner.judgement.register import assess, gate, to_data
from planner.judgement.targets import target_moves
from planner.judgement.verdict import today_utc
from planner.plan.experiment import Experiment
from planner.plan.history import load_version, numbers, resolve, verify_all
from planner.plan.model import Plan
from planner.plan.scale import human_score_problem
from planner.plan.settings import unknown_options
from planner.plan.workspace import Workspace
from planner.plan.yamlfile import compose, line_of, loc_of, read_text

_FIELD = re.compile(r"([A-Za-z_][\w.\[\]]*): ")
_LINED = re.compile(r"[^\s:][^:]*:\d+(?::\d+)?: ")  # `plans/x/plan.yaml:12: ...`, `...:12:5: ...`


@dataclass
class Report:
    """What `planner check` prints, in order, and what failed."""

    lines: list[str] = field(default_factory=list)
    plans: int = 0
    failed: int = 0
    history: int = 0
    settings: list[str] = field(default_factory=list)  # mkdocs.yml's planner options mkdocs warns about
    problems: dict[str, list[str]] = field(default_factory=dict)  # per plan, for --format json
    history_problems: list[str] = field(default_factory=list)
    strays: list[str] = field(default_factory=list)

    def fix(self, format_: str) -> str:
        """How the closing error sends people to the findings: to lines only when some finding names
        a line of a file (a fold that is due has none), to the JSON report when that is what printed."""
        if format_ == "json":
            return "see the JSON report"
        return (
            "fix the lines above"
            if any(_LINED.match(line) for line in self.lines)
            else "see the findings above"
        )

    def to_data(self) -> dict[str, Any]:
        """The report as JSON-ready data: one entry per plan, then history and stray folders."""
        return {
            "plans": [
                {"plan": slug, "ok": not found, "problems": found} for slug, found in self.problems.items()
            ],
            "history": self.history_problems,
            "strays": self.strays,
            "settings": self.settings,
            "failed": self.failed,
            "ok": not self.failed and not self.history and not self.settings,
        }


def check(
    workspace: Workspace,
    slugs: list[str] | None = None,
    base: str | None = None,
    fail_on: tuple[str, ...] = (),
    *,
    whole_history: bool = False,
) -> Report:
    """Check the named plans (all, the folders no command sees and mkdocs.yml's options, by default) and
    their history (every plan's with `whole_history`)."""
    # Git errors stop here, before any output.
    history = verify_all(workspace, base, None if whole_history else slugs)
    report = Report()
    names = workspace.slugs() if slugs is None else slugs
    strays = [] if slugs is not None else workspace.strays()
    report.settings = unknown_options(workspace.root) if slugs is None else []
    report.lines += report.settings
    report.lines += strays
    report.strays = strays
    report.plans = len(names) + len(strays)
    report.failed = len(strays)
    for slug in names:
        found = _plan_problems(workspace, slug, fail_on, base)
        report.problems[slug] = found
        report.failed += bool(found)
        report.lines += found or [
            f"ok: {workspace.shown(workspace.plan_dir(slug))}/plan.yaml{_note(workspace, slug)}"
        ]
    report.lines += history
    report.history = len(history)
    report.history_problems = list(history)
    return report


def check_staged(workspace: Workspace, files: list[str], fail_on: tuple[str, ...] = ()) -> Report:
    """`planner check --pre-commit`: pre-commit passes the staged files under the plans folder and
    mkdocs.yml, or none at all for a commit that only deletes or renames files (it has none to pass).
    Every published version is always compared with the last commit, since a deletion is what breaks
    history; the plans staged are checked in full, and every plan when anything else is staged."""
    plans_dir = workspace.plans_dir.resolve()
    known = set(workspace.slugs())
    slugs: set[str] = set()
    for name in files:
        parts = Path(name).resolve().parts
        inside = parts[: len(plans_dir.parts)] == plans_dir.parts and len(parts) > len(plans_dir.parts) + 1
        slug = parts[len(plans_dir.parts)] if inside else ""
        if slug not in known:
            return check(workspace, None, None, fail_on)  # mkdocs.yml, a stray folder, a new name...
        slugs.add(slug)
    return check(workspace, sorted(slugs), None, fail_on, whole_history=True)


def registers(workspace: Workspace, slugs: list[str] | None = None) -> list[dict[str, Any]]:
    """`planner risks --all`: every plan's register as JSON-ready data (plus its `assessment`), in one
    process; a plan that cannot be read gives its error instead of stopping the others."""
    out: list[dict[str, Any]] = []
    for slug in slugs or workspace.slugs():
        try:
            plan = workspace.load(slug)
        except PlannerError as exc:
            out.append({"plan": slug, "error": str(exc)})
            continue
        assessment = assess(plan, stage_in(workspace, slug, plan, today_utc()))
        out.append({"plan": slug, "title": plan.title, **to_data(assessment), "assessment": assessment})
    return out


def _note(workspace: Workspace, slug: str) -> str:
    """What an ok plan still says: figures measured before a rule changed (failing only on request)."""
    try:
        reasons = stale_reasons(workspace.load(slug))
    except PlannerError:
        return ""
    return f" (note: {'; '.join(reasons)}; --fail-on stale fails on it)" if reasons else ""


def stale_problems(plan: Plan, slug: str) -> list[str]:
    """`--fail-on stale`: figures measured before a rule changed (CI keeps measured figures current)."""
    return [
        f"heuristics.measured: {reason}; run `planner measure {slug}` again (--sample, --spark or --results)"
        for reason in stale_reasons(plan)
    ]


def _plan_problems(workspace: Workspace, slug: str, fail_on: tuple[str, ...], base: str | None) -> list[str]:
    try:
        plan = workspace.load(slug)
        records = read_log(workspace, slug)  # a damaged experiment log fails the check too
    except InvalidPlan as exc:
        return list(exc.problems)
    except PlannerError as exc:  # unreadable: reported, and the other plans are still checked
        return [str(exc)]
    level: Literal["high", "medium"] | None = (
        "medium" if "medium" in fail_on else "high" if "high" in fail_on else None
    )
    found = gate(assess(plan), level)
    if "fold" in fail_on:
        found += tuple(fold_problems(workspace, slug, plan, today_utc(), records))
    if "moved-target" in fail_on:
        found += tuple(moved_problems(workspace, slug, plan, records, base))
    if "stale" in fail_on:
        found += tuple(stale_problems(plan, slug))
    found += tuple(predicate_problems(workspace, plan))
    found += tuple(score_problems(plan))
    if not found:
        return []
    path = workspace.plan_file(slug)
    shown = workspace.shown(path)
    root = compose(read_text(path, shown))
    lines = []
    for problem in found:
        match = _FIELD.match(problem)
        line = line_of(root, loc_of(match.group(1))) if match and root is not None else None
        lines.append(f"{shown}:{line}: {one_line(problem)}" if line else f"{shown}: {one_line(problem)}")
    return lines


def score_problems(plan: Plan) -> list[str]:
    """A person's score that the primary done metric cannot take: said by `planner check` too, for a file
    edited by hand."""
    problem = human_score_problem(plan)
    return [f"by_hand.human_score: {problem}"] if problem else []


def predicate_problems(workspace: Workspace, plan: Plan) -> list[str]:
    """Every rule's `when:` read on its syntax tree as `planner measure` would (one condition, the
    allow-list), and against the columns of the sample it was measured on when that file is here."""
    from planner.evidence.predicates import PredicateError, check as check_predicate

    info = plan.heuristics.measured.sample if plan.heuristics.measured else None
    if info is None and plan.by_hand.measured is not None:
        info = plan.by_hand.measured.sample
    recorded = recorded_columns(workspace.root, info)
    columns, of = (recorded[1], f"{recorded[0]}'s") if recorded else (None, "the sample's")
    found = []
    for number, rule in enumerate(plan.heuristics.rules):
        if rule.when is None:
            continue
        where = f"heuristics.rules[{number}].when"
        try:
            check_predicate(rule.when, where, columns, of)
        except PredicateError as exc:
            problem = str(exc)
            found.append(problem if problem.startswith(f"{where}:") else f"{where}:{problem[len(where) :]}")
    return found


def moved_problems(
    workspace: Workspace, slug: str, plan: Plan, records: list[Experiment], base: str | None = None
) -> list[str]:
    """What `check --fail-on moved-target` reports: done criteria made easier after results in the
    change under review: the draft against the latest published version and, with `--base REF`,
    against the draft at REF (which also catches a version published in the branch)."""
    sides: list[Plan] = []
    have = numbers(workspace, slug)
    if have:
        sides.append(load_version(workspace, slug, have[-1]).plan)
    if base is not None:
        _, at_base = resolve(workspace, slug, f"{base}:")
        if at_base is not None:
            sides.append(at_base)
    now = datetime.now(UTC)
    found: list[str] = []
    for old in sides:
        published = first_published(workspace, slug, old)
        for move in target_moves(old, plan, records, now, published, "draft"):
            line = (
                f"done.metrics: {move.headline.lower()}: {move.sentence()}; restore the agreed value, or "
                "publish the change with the reason (`planner publish -m`) for the plan's decider to approve"
            )
            if line not in found:
                found.append(line)
    return found
