"""Every answer the schema offers is advised on: no mix of choices crashes `planner risks` or `show`.

A rule that looks a choice up in its own table (a phrase per action shape) fails with an internal
error when a later release adds a member the table lacks, and only on plans that combine that member
with the facts that make the rule fire. Random mixes of every choice field, over the example plans and
a spread of scenarios, find such gaps before a team does."""

from __future__ import annotations

import ast
import random
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from planner.cli.views import plan_summary, risk_report, risks_markdown
from planner.judgement.register import assess, to_data
from planner.plan.model import Plan
from planner.plan.planfile import plan_from_text

ROOT = Path(__file__).parent.parent
MIXES = 12  # random mixes per base plan


def _parts(annotation: Any) -> list[Any]:
    """The types inside Optional, unions, lists and Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _parts(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        return [part for arg in typing.get_args(annotation) for part in _parts(arg)]
    return [annotation]


def _choice_fields(
    model: type[BaseModel], prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], type[Enum], bool]]:
    """(path, enum, is a list) of every choice field; "*" in a path stands for each item of a list."""
    found: list[tuple[tuple[str, ...], type[Enum], bool]] = []
    for name, field in model.model_fields.items():
        many = typing.get_origin(field.annotation) is list or "list[" in str(field.annotation)
        for part in _parts(field.annotation):
            if isinstance(part, type) and issubclass(part, Enum):
                found.append(((*prefix, name), part, many))
            elif isinstance(part, type) and issubclass(part, BaseModel):
                found += _choice_fields(part, (*prefix, name, "*") if many else (*prefix, name))
    return found


def _set(data: Any, path: tuple[str, ...], value: Any) -> None:
    """Set `path` in the plan's data where its containers exist ("*": every item of the list)."""
    head, rest = path[0], path[1:]
    if head == "*":
        for item in data if isinstance(data, list) else ():
            _set(item, rest, value)
        return
    if not isinstance(data, dict):
        return
    if not rest:
        data[head] = value
    elif isinstance(data.get(head), (dict, list)):
        _set(data[head], rest, value)


def _bases() -> list[tuple[str, dict[str, Any]]]:
    """The example plans and a few scenarios: plans with many answers, in several shapes."""
    bases = []
    for path in sorted(ROOT.glob("plans/*/plan.yaml")):
        plan = plan_from_text(path.read_text(encoding="utf-8"), str(path))
        bases.append((path.parent.name, plan.model_dump(mode="json", exclude_none=True)))
    for path in sorted((ROOT / "benchmarks" / "scenarios").glob("*.yaml"))[::400]:
        answers = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
        bases.append((path.stem, answers))
    return bases


@pytest.mark.parametrize(
    ("name", "base"), _bases(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_any_mix_of_choices_is_advised_on_without_an_internal_error(name: str, base: dict[str, Any]) -> None:
    fields = _choice_fields(Plan)
    assert len(fields) > 40  # the walk really finds the plan's choices (action shape, metric unit...)
    rng = random.Random(f"20261207-{name}")
    checked = 0
    for _ in range(MIXES):
        data = yaml.safe_load(yaml.safe_dump(base))
        for path, enum, many in fields:
            if rng.random() < 0.5:
                members = [member.value for member in enum]
                picked = (
                    rng.sample(members, rng.randint(1, min(2, len(members)))) if many else rng.choice(members)
                )
                _set(data, path, picked)
        try:
            plan = Plan.model_validate(data)
        except ValidationError:
            continue  # a mix the file check refuses with its own message (tested elsewhere)
        assessment = assess(plan)
        assert risk_report(name, plan.title, assessment, 100)
        assert risks_markdown(name, plan.title, assessment)
        assert to_data(assessment)["risks"] is not None
        assert plan_summary(
            name, plan, assessment.advice[0].title if assessment.advice else None, assessment.key
        )
        checked += 1
    assert checked >= MIXES // 4, f"only {checked} of {MIXES} mixes were valid plans"


def _enum_members() -> dict[str, set[str]]:
    """The members of every choice of the plan, by the enum's class name."""
    return {enum.__name__: {member.name for member in enum} for _, enum, _ in _choice_fields(Plan)}


def _tables(tree: ast.Module, members: dict[str, set[str]]) -> dict[str, tuple[str, set[str]]]:
    """The module's tables keyed by one choice's members, by name, less those it reads only after
    `kind in TABLE` or by walking the table (`for kind in TABLE`)."""
    tables: dict[str, tuple[str, set[str]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, ast.Dict):
            continue
        keys = node.value.keys
        if not keys or not all(
            isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name) for key in keys
        ):
            continue
        enums = {
            key.value.id for key in keys if isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name)
        }
        if len(enums) == 1 and (enum := enums.pop()) in members:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = {key.attr for key in keys if isinstance(key, ast.Attribute)}
            tables.update({target.id: (enum, named) for target in targets if isinstance(target, ast.Name)})
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            for name in node.comparators:
                tables.pop(name.id if isinstance(name, ast.Name) else "", None)
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Name):
            tables.pop(node.iter.id, None)
    return tables


def test_tables_looked_up_by_a_choice_name_every_member() -> None:
    """A module's table keyed by a choice's members (`_SHAPE = {ActionShape.threshold: ...}`) and read
    with `_SHAPE[shape]` names every member: a missing one is an internal error on the plans that pick it
    (a table read with .get() may leave members out)."""
    members = _enum_members()
    # tables read by a function its callers hand only the members named (a tick's note, the costs a
    # contradiction is found between, the draws of a kept-out share that steer it): the random mixes
    # above exercise them
    by_caller = {
        ("critical.py", "_SAID"),
        ("negatives.py", "_NOTES"),
        ("evidence.py", "_LIMIT_NOTES"),
        ("keptout.py", "_WHY"),
    }
    gaps = []
    for path in sorted((ROOT / "planner").glob("**/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables = _tables(tree, members)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Subscript) or not isinstance(node.value, ast.Name):
                continue
            name = node.value.id
            if name in tables and (path.name, name) not in by_caller:
                enum, named = tables[name]
                if missing := members[enum] - named:
                    gaps.append(f"{path.relative_to(ROOT)}: {name}[...] lacks {enum}.{sorted(missing)}")
    assert not gaps, "\n".join(sorted(set(gaps)))
