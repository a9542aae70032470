"""Answers without prompts: a YAML answers file merged onto a plan, what is unanswered, the closing screen."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planner.errors import InvalidPlan, PlannerError, UsageError
from planner.model import Plan
from planner.questions import SECTION_KEYS, SECTIONS, Question, completeness
from planner.store import Workspace, parse_yaml, read_text, schema_problems, to_data


class Unanswered(PlannerError):
    """`--no-input` found applicable questions nobody has answered."""


def unanswered(plan: Plan) -> list[Question]:
    return [question for questions in completeness(plan).missing.values() for question in questions]


def require_complete(slug: str, plan: Plan) -> None:
    missing = unanswered(plan)
    if missing:
        lines = [f"{question.field}: {question.prompt}" for question in missing]
        raise Unanswered(
            f"plan '{slug}' has {len(missing)} unanswered question{'s' if len(missing) != 1 else ''}:\n"
            + "\n".join(lines)
            + f"\nanswer them with `planner interview {slug}`, or in a YAML file for `--answers FILE`"
        )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        merged[key] = _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


def fill(workspace: Workspace, slug: str, path: Path) -> Plan:
    """Merge a YAML file of answers (plan.yaml's shape, any subset) onto the plan, validate, save."""
    shown = str(path)
    text = sys.stdin.read() if shown == "-" else read_text(path, shown)
    data = parse_yaml(text, shown)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidPlan(shown, [f"{shown}:1: expected answers shaped like plan.yaml (e.g. `product:`)"])
    base = to_data(workspace.load(slug)) if workspace.exists(slug) else {}
    merged = _merge(base, data)
    if "title" not in merged:
        raise UsageError(
            f"{shown}: there is no plan '{slug}' yet, so the answers need a `title:`; "
            f"add one, or create the plan first with `planner new {slug} --title ...`"
        )
    try:
        plan = Plan.model_validate(merged)
    except ValidationError as exc:
        raise InvalidPlan(shown, schema_problems(exc, shown, text)) from exc
    workspace.save(slug, plan)
    return plan


def closing(workspace: Workspace, slug: str, plan: Plan) -> str:
    """The closing screen: what is saved, what is still open, the top risks and the advice."""
    from planner.review import assess

    result = assess(plan)
    report = result.completeness
    out = [
        f"\nSaved {workspace.shown(workspace.plan_file(slug))}: "
        f"{report.answered} of {report.applicable} questions answered ({report.percent}%)."
    ]
    if report.missing:
        out += ["", f"Still unanswered ({report.applicable - report.answered}):"]
        for key, questions in report.missing.items():
            number = SECTION_KEYS.index(key) + 1
            out.append(
                f"  {number}. {SECTIONS[number - 1].title}: `planner interview {slug} --section {key}`"
            )
            out += [f"     - {question.prompt}" for question in questions[:3]]
            if len(questions) > 3:
                out.append(f"     - and {len(questions) - 3} more")
    risks = result.open_risks[:5]
    if risks:
        out += ["", "Top risks:"]
        for risk in risks:
            out.append(f"  {risk.level:<6} {risk.score:>2}  {risk.title}")
            out += [f"              because {risk.evidence[0]}"] if risk.evidence else []
    if result.advice:
        out += ["", "Advice:"]
        for advice in result.advice:
            out.append(f"  * {advice.title}")
            out += textwrap.wrap(advice.reason, 96, initial_indent="    ", subsequent_indent="    ")
    out += ["", f"Next: `planner show {slug}` to read the whole plan."]
    return "\n".join(out) + "\n"
