"""Answers without prompts: typed text to valid values, answers files, what is unanswered, closing screens."""

from __future__ import annotations

import re
import sys
import textwrap
import types
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from planner.errors import InvalidPlan, PlannerError, UsageError
from planner.model import Plan, field_at, is_answered
from planner.questions import SECTION_KEYS, SECTIONS, Kind, Question, completeness, label, questions_in
from planner.report import format_value
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
    where = str(path)
    text = sys.stdin.read() if where == "-" else read_text(path, where)
    data = parse_yaml(text, where)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidPlan(where, [f"{where}:1: expected answers shaped like plan.yaml (e.g. `product:`)"])
    with workspace.editing():  # another interview saving meanwhile must not lose its answers
        base = to_data(workspace.load(slug)) if workspace.exists(slug) else {}
        merged = _merge(base, data)
        if "title" not in merged:
            raise UsageError(
                f"{where}: there is no plan '{slug}' yet, so the answers need a `title:`; "
                f"add one, or create the plan first with `planner new {slug} --title ...`"
            )
        try:
            plan = Plan.model_validate(merged)
        except ValidationError as exc:
            raise InvalidPlan(where, schema_problems(exc, where, text)) from exc
        workspace.save(slug, plan)
    return plan


def closing(workspace: Workspace, slug: str, plan: Plan, *, saved: bool = True) -> str:
    """The closing screen: what is saved, what is still open, the top risks and the advice."""
    from planner.review import assess

    result = assess(plan)
    report = result.completeness
    out = [
        f"\n{'Saved ' if saved else ''}{workspace.shown(workspace.plan_file(slug))}: "
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


# ---------------------------------------------------------------- typed text to validated values


def core_type(annotation: Any) -> Any:
    """The core type of a field: unwraps Optional, list[...] and Annotated."""
    while get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = args[0]
    return annotation


def kind_of(info: FieldInfo) -> Kind:
    """How to ask for a field of a list entry (a rule, a metric...): by its type."""
    base = core_type(info.annotation)
    if isinstance(base, type) and issubclass(base, Enum):
        return Kind.choice
    return {float: Kind.number, int: Kind.integer}.get(base, Kind.text)


def hint(kind: Kind, info: FieldInfo) -> str:
    """What a number field accepts, from the model's own bounds (e.g. `a whole number ≥ 0`)."""
    if kind is Kind.share:
        return "a share such as 20% or 0.2"
    if kind not in (Kind.integer, Kind.number):
        return ""
    bounds = [
        f"{symbol} {getattr(meta, attr)}"
        for meta in info.metadata
        for attr, symbol in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<"))
        if getattr(meta, attr, None) is not None
    ]
    return ("a whole number" if kind is Kind.integer else "a number") + (
        " " + " and ".join(bounds) if bounds else ""
    )


def shown(value: Any, kind: Kind) -> str:
    """An answer as the text a prompt starts from (a share as a percent)."""
    if not is_answered(value):
        return ""
    if kind is Kind.share:
        return f"{value * 100:.6g}%"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _as_number(raw: str) -> str:
    text = raw.strip().replace("_", "")
    return text.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text) else text


def _problem(exc: ValidationError, hint: str) -> str:
    """Why an answer was refused, in a few words, with what to enter instead."""
    error = exc.errors()[0]
    kind = str(error["type"])
    if kind in ("int_parsing", "int_from_float", "float_parsing"):
        text = "not a number I can read"
    elif hint.startswith("a share") and kind in ("less_than_equal", "greater_than_equal"):
        text = "must be between 0% and 100%"
    elif kind in ("string_too_short", "missing"):
        text = "this one needs an answer"
    else:
        text = str(error["msg"]).replace("Input should be", "must be").replace("Value error, ", "")
    return f"{text}; enter {hint}" if hint else text


def parse(holder: BaseModel, name: str, kind: Kind, raw: Any, *, optional: bool = True) -> Any:
    """The value an answer gives `holder.name` under the plan file's own rules; ValueError says why not."""
    if isinstance(raw, str):
        if not raw.strip():
            if optional:
                return None
            raise ValueError("this one needs an answer")
        raw = _as_number(raw) if kind in (Kind.integer, Kind.number) else raw
    trial = holder.model_copy()
    try:
        setattr(trial, name, raw)
    except ValidationError as exc:
        raise ValueError(_problem(exc, hint(kind, type(holder).model_fields[name]))) from None
    return getattr(trial, name)


# ---------------------------------------------------------------- sections and the review


def section_key(name: str) -> str:
    key = name.strip().lower().replace("-", "_")
    if key.isdigit() and 1 <= int(key) <= len(SECTIONS):
        return SECTION_KEYS[int(key) - 1]
    if key in SECTION_KEYS:
        return key
    raise UsageError(f"unknown section {name!r}; use one of {', '.join(SECTION_KEYS)} (or 1-{len(SECTIONS)})")


# The one answer the review shows per section, to spot a slip before finishing.
_HEADLINES = {
    "product": ("goal", "product.goal"),
    "heuristics": ("rules", "heuristics.verdict"),
    "by_hand": ("examples done by hand", "by_hand.examples"),
    "impact": ("bottleneck", "impact.bottleneck"),
    "press_release": ("headline", "press_release.headline"),
    "constraints": ("labels", "constraints.data.labels"),
    "done": ("weeks in the time box", "done.timebox_weeks"),
}


def review_lines(plan: Plan) -> list[str]:
    """One line per section: how much is answered, and its headline answer to spot a slip."""
    lines = []
    for number, sec in enumerate(SECTIONS, start=1):
        applicable = [q for q in questions_in(sec.key) if q.applies(plan)]
        answered = sum(q.answered(plan) for q in applicable)
        name, path = _HEADLINES[sec.key]
        value = field_at(plan, path)
        text = label(value) if isinstance(value, Enum) else format_value(value).replace("\n", " ")
        text = f" · {name}: {text[:44]}{'…' if len(text) > 44 else ''}" if is_answered(value) else ""
        lines.append(f"{number}. {sec.title:<31} {answered:>2}/{len(applicable):<2} answered{text}")
    return lines
