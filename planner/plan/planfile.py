"""plan.yaml text to a Plan and back, every schema problem worded for people and placed on its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from planner.core.errors import InvalidPlan
from planner.plan.fields import NUMBER_MAX, TIMEBOX_MAX_WEEKS
from planner.plan.model import Plan, Status
from planner.plan.yamlfile import compose, dump_yaml, line_of, parse_yaml

SCHEMA_FILE = "plan.schema.json"


def _loc_text(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


_FRIENDLY = {
    "extra_forbidden": "unknown field; check the spelling (`planner schema` lists every field)",
    "missing": "required; add it",
}


# What to do about pydantic's other complaints: every problem line ends with its fix.
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


_NUMBER = "write a number such as 12 or 0.5"


_FIX = {
    "string_type": "write text; put it in quotes if it looks like a number or true/false",
    "string_too_short": "write an answer or delete the line",
    "string_too_long": "shorten it",
    "string_pattern_mismatch": "use lowercase words joined by dashes (e.g. no-labels)",
    "int_parsing": "write a whole number such as 12",
    "int_type": "write a whole number such as 12",
    "int_from_float": "write a whole number such as 12",
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "finite_number": _NUMBER,
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "greater_than": "write a value in that range",
    "greater_than_equal": "write a value in that range",
    "less_than": "write a value in that range",
    "less_than_equal": "write a value in that range (shares are fractions: 20% is 0.2)",
    "model_type": "indent this section's answers under it, one `name: value` per line",
    "model_attributes_type": "indent this section's answers under it, one `name: value` per line",
    "dict_type": "indent the answers under it, one `name: value` per line",
    "list_type": "write a list, one `- item` per line",
    "date_type": "write a day as YYYY-MM-DD, e.g. 2026-03-02",
    "date_parsing": "write a day as YYYY-MM-DD, e.g. 2026-03-02",
}


def _looks_numeric(value: Any) -> bool:
    """Whether text would be a number without its quotes (`'800'`)."""
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def given_text(value: Any) -> str:
    """A value quoted in a message: numbers as they would be written, long text cut."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _models_in(annotation: Any, suffix: str = "") -> Iterator[tuple[type[BaseModel], str]]:
    """The sections an answer's type holds, with `[]` where they are a list's items."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, suffix
        return
    listed = getattr(annotation, "__origin__", None) in (list, tuple)
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg, "[]" if listed else suffix)


@cache
def _places() -> tuple[dict[str, list[str]], dict[str, type[BaseModel]]]:
    """Where plan.yaml holds each field name (`todays_call_input`: `product.todays_call_input`), and the
    section at each path."""
    places: dict[str, list[str]] = {}
    sections: dict[str, type[BaseModel]] = {"": Plan}
    pending: list[tuple[type[BaseModel], str]] = [(Plan, "")]
    while pending:
        model, prefix = pending.pop()
        for name, info in model.model_fields.items():
            path = f"{prefix}.{name}" if prefix else name
            places.setdefault(name, []).append(path)
            for inner, suffix in _models_in(info.annotation):
                if f"{path}{suffix}" not in sections:
                    sections[f"{path}{suffix}"] = inner
                    pending.append((inner, f"{path}{suffix}"))
    return places, sections


def _unknown_field(loc: tuple[int | str, ...]) -> str:
    """An unknown key, with where a field of that name lives or the field it is likely a slip for."""
    name = str(loc[-1]) if loc else ""
    # The section's path as `_places` writes it: `done.metrics[]` for `done.metrics[0]`.
    parent = "".join("[]" if isinstance(part, int) else f".{part}" for part in loc[:-1]).lstrip(".")
    places, sections = _places()
    elsewhere = [path for path in places.get(name, []) if path != f"{parent}.{name}".lstrip(".")]
    if elsewhere:
        where = " or ".join(f"`{path}`" for path in elsewhere[:3])
        return f"unknown field here; `{name}` belongs at {where}: move it there"
    section = sections.get(parent)
    close = difflib.get_close_matches(name, list(section.model_fields) if section else [], n=1, cutoff=0.75)
    if close:
        return f"unknown field; did you mean `{close[0]}`?"
    return _FRIENDLY["extra_forbidden"]


def _message(item: Any) -> str:
    """pydantic's complaint in the user's terms, ending with what to do."""
    kind, loc, ctx = item["type"], item["loc"], item.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_field(tuple(loc))
    if kind in _FRIENDLY:
        return _FRIENDLY[kind]
    if kind == "invalid_key":
        return "a key must be a field name, not a number; check the spelling (`planner schema` lists every field)"
    if isinstance(item.get("input"), str) and kind == "too_short":
        return "empty; write an answer or delete the line"
    if isinstance(item.get("input"), str) and kind == "too_long":
        return (
            f"{ctx.get('actual_length', 0):,} characters, more than {ctx.get('max_length', 0):,}; shorten it"
        )
    if loc and loc[-1] in ("likelihood", "impact") and kind.endswith(("_than", "_than_equal")):
        return f"{item['msg']}; score it with a whole number from 1 (low) to 5 (high)"
    if loc and loc[-1] == "hash" and kind == "string_pattern_mismatch":
        return "not a version hash (`sha256:` and 64 hex digits); restore the file from git"
    if (
        kind in ("less_than_equal", "greater_than_equal")
        and abs(ctx.get("le", ctx.get("ge", 0))) == NUMBER_MAX
    ):
        return (
            f"{given_text(item.get('input'))} is beyond the largest number planner holds "
            f"(±{NUMBER_MAX:,}); write a smaller number"
        )
    if loc and loc[-1] == "timebox_weeks" and kind == "less_than_equal":
        return f"{item['msg']}; a time box is at most {TIMEBOX_MAX_WEEKS} weeks (ten years): decide sooner"
    if loc and loc[-1] == "commit" and kind == "string_pattern_mismatch":
        return "not a git commit id (7 to 64 lowercase hex digits); fix it or delete the key"
    fix = _FIX.get(kind)
    if loc and loc[-1] == "target" and kind in ("float_parsing", "float_type"):
        fix = (
            f"{_NUMBER}, a count of a total such as `27 of 30`, a margin on the baseline such as `30% lower`, "
            "a bound such as `at most 5` or `keep 11%`, `no worse than the baseline`, or `not set`"
        )
    if kind == "less_than_equal" and ctx.get("le") != 1:
        fix = "write a value in that range"
    return "; ".join(filter(None, (item["msg"], fix)))


# pydantic names each member of a union in an error's place (`constrained-float`, `literal['not measured']`).
_MEMBER = re.compile(
    r"(constrained|function|tagged|nullable|lax|strict)-.*|chain\[.*|literal\[.*\]|(float|int|str|bool|date)$"
)

# A text form of a number (`60 a year`) whose own message names the number too: said alone for its field.
_FORM_ERRORS = frozenset({"rate_form", "rate_each"})
_TEXT_MEMBER = frozenset({"string_type", "string_pattern_mismatch"})


def _shapes(items: list[Any]) -> list[Any]:
    """A union's complaints worth saying: a text form's own message alone, else all but a text member's
    `a valid string` or its raw pattern beside a number's complaint (a share that also takes `8 of 45
    minutes`)."""
    own = [item for item in items if item["type"] in _FORM_ERRORS]
    if own:
        return own[:1]
    said = [item for item in items if not (item["type"] in _TEXT_MEMBER and item["member"])]
    return said or items


def _folded(errors: list[Any]) -> Iterator[tuple[Any, list[str]]]:
    """One error per field: a union's members folded into the first, its word choices given beside it."""
    fields: dict[tuple[int | str, ...], list[Any]] = {}
    for item in errors:
        loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and _MEMBER.fullmatch(part)))
        fields.setdefault(loc, []).append({**item, "loc": loc, "member": loc != tuple(item["loc"])})
    for items in fields.values():
        words = [str(i["ctx"]["expected"]) for i in items if i["type"] == "literal_error" and i.get("ctx")]
        shapes = _shapes([i for i in items if i["type"] != "literal_error"])
        if not shapes:  # only words would do: one line naming them all
            yield items[0], []
        else:
            yield shapes[0], words
        yield from ((item, []) for item in shapes[1:])


def schema_problems(error: ValidationError, shown_path: str, text: str | None = None) -> list[str]:
    """One `path:LINE: field.path: problem` line per schema error (the YAML is composed once)."""
    problems = []
    root = compose(text) if text is not None else None
    for item, words in _folded(error.errors()):
        loc = tuple(item["loc"])
        message = _message(item)
        if words:
            message += f", or write {' or '.join(words)}"
        given = item.get("input")
        if item["type"] == "bool_type" and isinstance(given, str) and given.lower() in _YAML11_BOOLS:
            message = f"`{given}` is text in YAML 1.2 (as planner and editors read it); write true or false"
        elif item["type"] in ("int_type", "float_type") and _looks_numeric(given):
            message += ", without quotes"
        line = line_of(root, loc) if root is not None else None
        where = f"{shown_path}:{line}" if line else shown_path
        field = ".".join(map(str, loc)) if item["type"] == "invalid_key" else _loc_text(loc)
        problems.append(f"{where}: {field}: {message}")
    return problems


def plan_from_data(data: Any, shown_path: str, text: str | None = None) -> Plan:
    if data is None:
        raise InvalidPlan(shown_path, [f"{shown_path}: the file is empty; it needs at least `title:`"])
    if not isinstance(data, dict):
        raise InvalidPlan(
            shown_path, [f"{shown_path}:1: expected a mapping of answers (`title: ...`) at the top"]
        )
    binary = list(_binary(data, ()))
    if binary:
        root = compose(text) if text is not None else None
        raise InvalidPlan(
            shown_path,
            [
                f"{shown_path}:{line_of(root, loc) or 1}: {_loc_text(loc)}: `!!binary` data is not text; "
                "write the answer as plain text"
                for loc in binary
            ],
        )
    try:
        return Plan.from_file(data)
    except ValidationError as exc:
        raise InvalidPlan(shown_path, schema_problems(exc, shown_path, text)) from exc


def _binary(value: Any, loc: tuple[int | str, ...]) -> Iterator[tuple[int | str, ...]]:
    """Where YAML's `!!binary` put bytes in the data (they would be stored as `b'...'` text)."""
    if isinstance(value, bytes):
        yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _binary(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _binary(item, (*loc, index))


def plan_from_text(text: str, shown_path: str) -> Plan:
    return plan_from_data(parse_yaml(text, shown_path), shown_path, text)


def _prune(value: Any) -> Any:
    """Drop empty answers; write whole-number floats as integers (1000, not 1000.0)."""
    if isinstance(value, dict):
        pruned = {key: _prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in (None, [], {})}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def to_data(model: BaseModel) -> dict[str, Any]:
    """The model as plain data in field order, empty answers left out."""
    data: dict[str, Any] = _prune(model.model_dump(mode="json"))
    return data


def modeline(schema: str = f"../../{SCHEMA_FILE}") -> str:
    """The first line of plan.yaml: points the YAML language server (VS Code...) at the schema file."""
    return f"# yaml-language-server: $schema={schema}\n"


def plan_to_text(plan: Plan, schema: str = f"../../{SCHEMA_FILE}") -> str:
    return modeline(schema) + dump_yaml(to_data(plan))


def start_clock(plan: Plan, today: date | None = None) -> None:
    """An approved or building plan has its time box running: record the day it started, once."""
    if plan.status in (Status.approved, Status.building) and plan.done.started is None:
        plan.done.started = today or datetime.now(UTC).date()
