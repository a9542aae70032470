"""Answers without prompts: typed text to valid values, answers files, and what is still unanswered."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from planner.bank import SECTION_KEYS, SECTIONS, Kind, Question, completeness
from planner.errors import InvalidPlan, PlannerError, UsageError
from planner.model import Plan, is_answered
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
            plan = Plan.from_file(merged)
        except ValidationError as exc:
            raise InvalidPlan(where, schema_problems(exc, where, text)) from exc
        workspace.save(slug, plan)
    return plan


# ---------------------------------------------------------------- typed text to validated values


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
