"""The workspace on disk: finding it, plan names, and loading / saving plan YAML atomically."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from planner.core.errors import InvalidPlan, PlannerError, UsageError
from planner.plan.model import NAME_PATTERN, Plan, Status

SLUG_RE = re.compile(NAME_PATTERN)
SLUG_MAX = 64
PLAN_FILE = "plan.yaml"
SCHEMA_FILE = "plan.schema.json"

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that refuses duplicate keys: hand edits must not silently drop an answer."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text, not a list or mapping", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)

# Plain scalars resolve as in YAML 1.2's core schema, as editors (the YAML language server) and JSON
# Schema validators read plan files: only true/false are booleans (`no`, `yes`, `on` are text), no
# sexagesimal (`1:20`) or 0-prefixed octal numbers, no timestamps (dates are text), no `<<` merges.
_CORE_12 = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
)
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_12:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # `010` is ten in YAML 1.2 (PyYAML's 1.1 reads eight)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Writes multi-line text as block scalars so diffs of long answers stay readable.

    Text that YAML 1.1 or 1.2 would read as something else (`no`, `1e3`, `0o17`) is quoted."""


for _tag, _pattern, _first in _CORE_12:
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def validate_slug(slug: str) -> str:
    """Return the slug if it is a safe plan name, else raise: a slug never leaves plans/."""
    if not slug or len(slug) > SLUG_MAX or not SLUG_RE.fullmatch(slug):
        shown = slug if len(slug) <= 80 else slug[:77] + "..."
        raise UsageError(
            f"invalid plan name {shown!r}: use 1 to {SLUG_MAX} lowercase letters, digits and single dashes "
            "(e.g. fraud-screening)"
        )
    return slug


# ---------------------------------------------------------------- YAML


MAX_DEPTH = 64


class _Hazard(yaml.MarkedYAMLError):
    """planner's own refusal of a YAML construct, told apart from a parser's syntax error."""


def _refusal(problem: str, mark: Any, fix: str) -> yaml.MarkedYAMLError:
    return _Hazard(problem=problem, problem_mark=mark, note=fix)


def _refuse_hazards(text: str) -> None:
    """Stream the YAML events first: aliases (a "billion laughs" bomb expands when saved or shown) and
    absurd nesting (it overflows the C composer's stack) stop here, before anything is built.

    The C parser reads ahead and may stop on its own limits first (libyaml >= 0.2.5 refuses nesting
    beyond 1000 levels, at its own column and in its own words); when it raises, the pure-Python
    parser, which reads lazily, runs planner's checks up to that point so the user sees planner's
    message, whatever libyaml version is installed. Only if that finds nothing does libyaml's error
    stand."""
    try:
        _scan_hazards(text, _BaseLoader)
    except yaml.YAMLError:
        if _BaseLoader is yaml.SafeLoader:
            raise
        try:
            _scan_hazards(text, yaml.SafeLoader)
        except _Hazard:
            raise
        except yaml.YAMLError:
            pass  # the same syntax error, in the pure parser's words: libyaml's stands
        raise


def _scan_hazards(text: str, loader: Any) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        _refuse_hazard(event, depth)
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _refuse_hazard(event: Any, depth: int) -> None:
    """planner's refusals, on one parser event at `depth` (the collections open, this one included)."""
    if isinstance(event, yaml.AliasEvent):
        raise _refusal(
            "YAML aliases (*name) are not allowed in plan files",
            event.start_mark,
            "write the value out in full",
        )
    if isinstance(event, yaml.CollectionStartEvent) and depth > MAX_DEPTH:
        raise _refusal(
            f"nested more than {MAX_DEPTH} levels deep", event.start_mark, "flatten the YAML there"
        )


_SLOW = object()  # what _load_plain returns for a document it leaves to PyYAML's constructor


class _Mapping:
    """A mapping being read, and its key while the value is due (_SLOW while a key is due)."""

    __slots__ = ("data", "key")

    def __init__(self, data: dict[Any, Any]) -> None:
        self.data, self.key = data, _SLOW


def _load_plain(text: str) -> Any:
    """The data of a plain YAML document in one pass over libyaml's events, refusing planner's hazards
    on the way (the same refusals as `_refuse_hazards`): most plan files are only mappings, lists and
    untagged scalars, and building them here skips a second parse and PyYAML's Python constructor.

    Anything else (a tag, an anchor, a key that is a list or repeats, a second document) returns
    _SLOW, and PyYAML's own loader reads the document, with its own results and messages."""
    resolvers = _Loader.yaml_implicit_resolvers
    stack: list[Any] = []  # the open collections: a list, or a _Mapping with the key it waits on
    root: Any = None
    documents = 0
    event: Any  # the parser's events, told apart by their exact class below
    for event in yaml.parse(text, Loader=_BaseLoader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag not in (None, "!"):
                return _SLOW
            value: Any = event.value
            if event.implicit[0]:  # a plain scalar (PyYAML reads `! 1` so too): resolved as YAML 1.2 core
                for tag, pattern in resolvers.get(value[:1], []):
                    if pattern.match(value):
                        value = _Loader.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
                        break
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag not in (None, "!"):
                return _SLOW
            _refuse_hazard(event, len(stack) + 1)
            value = {} if kind is yaml.MappingStartEvent else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return _SLOW
            continue
        else:
            _refuse_hazard(event, len(stack))  # an alias is refused; the other events hold no data
            continue
        if not stack:
            root = value
        else:
            top = stack[-1]
            if type(top) is list:
                top.append(value)
            elif top.key is _SLOW:  # a key
                if type(value) in (dict, list) or value in top.data:
                    return _SLOW  # a complex or a repeated key: PyYAML's loader words the refusal
                top.key = value
            else:
                top.data[top.key] = value
                top.key = _SLOW
        if type(value) is dict:
            stack.append(_Mapping(value))
        elif type(value) is list:
            stack.append(value)
    return root


_CONSTRUCTOR: Any = _Loader("")  # only its scalar constructors are used, which keep no state


def parse_yaml(text: str, shown_path: str) -> Any:
    """Parse YAML text, reporting syntax errors as `path:LINE:COL: problem`."""
    try:
        try:
            data = _load_plain(text)
        except _Hazard:
            raise
        except yaml.YAMLError:
            _refuse_hazards(text)  # planner's own refusal first, whatever libyaml stopped on
            raise
        if data is not _SLOW:
            return data
        _refuse_hazards(text)
        return yaml.load(text, Loader=_Loader)
    except ValueError as exc:  # Python refuses to read an integer of more than 4,300 digits
        raise InvalidPlan(
            shown_path, [f"{shown_path}: a number too long to read (over 4,300 digits); write a shorter one"]
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown_path}:{mark.line + 1}:{mark.column + 1}" if mark else shown_path
        problem = exc.problem or exc.context or "invalid YAML"
        fix = exc.note or "fix the YAML syntax there"
        raise InvalidPlan(shown_path, [f"{where}: {problem}; {fix}"]) from exc
    except yaml.reader.ReaderError as exc:  # a NUL or another control character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InvalidPlan(
            shown_path,
            [f"{shown_path}:{line}: control character U+{code:04X} is not allowed in YAML; delete it"],
        ) from exc
    except yaml.YAMLError as exc:
        raise InvalidPlan(shown_path, [f"{shown_path}: invalid YAML ({exc}); fix the file"]) from exc


def decode_text(data: bytes, shown_path: str) -> str:
    """UTF-8 bytes as text; anything else is refused naming the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidPlan(
            shown_path,
            [f"{shown_path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"],
        ) from exc


def read_text(path: Path, shown_path: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"{shown_path}: no such file") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{shown_path} is a folder, not a file; make it a YAML file") from exc
    except OSError as exc:
        raise UsageError(f"{shown_path}: cannot read ({exc.strerror}); check its permissions") from exc
    return decode_text(data, shown_path)


def _loc_text(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text` (for line numbers), or None if it does not parse."""
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None


def line_of(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """Line number of the YAML node at `loc` (or its nearest existing parent) in a composed tree."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            # a key written as a number (`1: x`) is reported with an int in its path
            child = next((value for key, value in node.value if key.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            return line
        node, line = child, child.start_mark.line + 1
    return line


LOC_PART = re.compile(r"\[(\d+)\]|\.?([A-Za-z_][A-Za-z0-9_]*)")


def loc_of(path: str) -> tuple[int | str, ...]:
    """`decisions[1].risk` as ("decisions", 1, "risk"): the inverse of how problems name a field."""
    parts: list[int | str] = []
    for index, name in LOC_PART.findall(path):
        parts.append(int(index) if index else name)
    return tuple(parts)


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


def _message(item: Any) -> str:
    """pydantic's complaint in the user's terms, ending with what to do."""
    kind, loc, ctx = item["type"], item["loc"], item.get("ctx") or {}
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
    fix = _FIX.get(kind)
    if kind == "less_than_equal" and ctx.get("le") != 1:
        fix = "write a value in that range"
    return "; ".join(filter(None, (item["msg"], fix)))


def schema_problems(error: ValidationError, shown_path: str, text: str | None = None) -> list[str]:
    """One `path:LINE: field.path: problem` line per schema error (the YAML is composed once)."""
    problems = []
    root = compose(text) if text is not None else None
    for item in error.errors():
        loc = tuple(item["loc"])
        message = _message(item)
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
    try:
        return Plan.from_file(data)
    except ValidationError as exc:
        raise InvalidPlan(shown_path, schema_problems(exc, shown_path, text)) from exc


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


def dump_yaml(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return text


def modeline(schema: str = f"../../{SCHEMA_FILE}") -> str:
    """The first line of plan.yaml: points the YAML language server (VS Code...) at the schema file."""
    return f"# yaml-language-server: $schema={schema}\n"


def plan_to_text(plan: Plan, schema: str = f"../../{SCHEMA_FILE}") -> str:
    return modeline(schema) + dump_yaml(to_data(plan))


def start_clock(plan: Plan, today: date | None = None) -> None:
    """An approved or building plan has its time box running: record the day it started, once."""
    if plan.status in (Status.approved, Status.building) and plan.done.started is None:
        plan.done.started = today or datetime.now(UTC).date()


# ---------------------------------------------------------------- files


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` so a crash leaves either the old or the new file; False if unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from exc
        raise
    fsync_dir(path.parent)
    return True


def remove_temp_files(folder: Path, name: str) -> None:
    """Remove the temporary files that writes of `name` (a glob) killed half-way left in `folder`. Call it
    holding `editing()`, which every such write holds, so none of them is still being written."""
    for stale in folder.glob(f".{name}.*.tmp"):
        stale.unlink(missing_ok=True)


def shown_path(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return str(path)


def cannot_write(path: Path, exc: OSError) -> UsageError:
    """Why `path` could not be written, naming it (not a hidden temporary file, not nothing) and the fix;
    the old file is untouched, since planner never writes in place."""
    where = shown_path(path)
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return UsageError(
            f"cannot write {where}: the disk is full; free some space and run the command again"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = shown_path(path.parent)
        return UsageError(
            f"cannot write {where}: {exc.strerror or 'permission denied'} in {folder}; "
            "make the folder writable for you (or run where you may write) and run the command again"
        )
    return UsageError(
        f"cannot write {where}: {exc.strerror or exc}; check the folder and run the command again"
    )


def cannot_read(path: Path, exc: OSError) -> UsageError:
    return UsageError(
        f"cannot read {shown_path(path)}: {exc.strerror or exc}; make it readable for you "
        "(e.g. `chmod u+rx` on the folder, `chmod u+r` on the file)"
    )


def file_mode(path: Path) -> int:
    """The mode to write `path` with: its current one, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _plan_or_unreadable(folder: Path) -> bool:
    try:
        return (folder / PLAN_FILE).is_file()
    except OSError:
        return True


@dataclass(frozen=True)
class Workspace:
    """A folder holding mkdocs.yml and plans/SLUG/plan.yaml files."""

    root: Path
    plans: str = "plans"  # the plans folder, relative to root (the mkdocs plugin's `plans_dir`)

    @property
    def plans_dir(self) -> Path:
        return self.root / self.plans

    def plan_dir(self, slug: str) -> Path:
        return self.plans_dir / validate_slug(slug)

    def plan_file(self, slug: str) -> Path:
        """plans/SLUG/plan.yaml; refused when a link leads it out of the workspace (never read or written)."""
        return self.confined(self.plan_dir(slug) / PLAN_FILE, f"move the plan into {self.plans}/{slug}/")

    def confined(self, path: Path, fix: str) -> Path:
        """`path` itself, refused (InvalidPlan) when a link leads it out of the workspace."""
        real = path.resolve()
        if not real.is_relative_to(self.root.resolve()):
            shown = self.shown(path)
            raise InvalidPlan(
                shown,
                [
                    f"{shown} leads outside the workspace (to {real}); planner does not follow links out of it: {fix}"
                ],
            )
        return path

    def shown(self, path: Path) -> str:
        """A path as the user should see it: relative to the workspace."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def slugs(self) -> list[str]:
        """Plans by name; a plan folder that cannot be read is listed, for its load to say why."""
        try:
            if not self.plans_dir.is_dir():
                return []
            entries = list(self.plans_dir.iterdir())
        except OSError as exc:
            raise cannot_read(self.plans_dir, exc) from exc
        return sorted(
            entry.name for entry in entries if SLUG_RE.fullmatch(entry.name) and _plan_or_unreadable(entry)
        )

    def strays(self) -> list[str]:
        """Problems with folders in plans/ that no command or page sees: bad names, no plan file."""
        try:
            entries = sorted(self.plans_dir.iterdir()) if self.plans_dir.is_dir() else []
        except OSError as exc:
            raise cannot_read(self.plans_dir, exc) from exc
        found = []
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            shown = self.shown(entry)
            if not SLUG_RE.fullmatch(entry.name):
                found.append(
                    f"{shown}: not a plan name, so no command or page sees it; rename the folder to "
                    "lowercase letters, digits and single dashes (e.g. fraud-screening)"
                )
            elif not _plan_or_unreadable(entry) and (entry / PLAN_FILE).exists():
                found.append(
                    f"{shown}/{PLAN_FILE}: not a file, so no command or page sees this plan; "
                    "make it the plan's YAML file"
                )
        return found

    def exists(self, slug: str) -> bool:
        return self.plan_file(slug).is_file()

    def load(self, slug: str) -> Plan:
        path = self.plan_file(slug)
        shown = self.shown(path)
        try:
            path.stat()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise cannot_read(path, exc) from exc
        if path.exists() and not path.is_file():
            raise UsageError(f"{shown} is not a file; make it the plan's YAML file")
        if not path.is_file():
            raise UsageError(
                f"no plan named '{slug}' ({shown} does not exist); run `planner list` to see plans"
            )
        return plan_from_text(read_text(path, shown), shown)

    def load_all(self) -> Iterator[tuple[str, Plan | PlannerError]]:
        """Every plan, or the error that stopped it from loading, so one bad file hides nothing else."""
        for slug in self.slugs():
            try:
                yield slug, self.load(slug)
            except PlannerError as exc:
                yield slug, exc

    @contextmanager
    def editing(self) -> Iterator[None]:
        """Hold the workspace's edit lock, so a read-change-save never loses another process's save."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - no flock (Windows): saves stay atomic, merges unguarded
            yield
            return
        self.plans_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.plans_dir, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    @property
    def schema_ref(self) -> str:
        """Where plan.schema.json (at the workspace root) is, seen from a plan's folder."""
        return Path(os.path.relpath(self.root / SCHEMA_FILE, self.plans_dir / "slug")).as_posix()

    def save(self, slug: str, plan: Plan) -> bool:
        """Write plan.yaml atomically; call it holding `editing()`, which makes any temporary file
        still beside it the leftover of a save that was killed, removed here."""
        start_clock(plan)
        path = self.plan_file(slug)
        remove_temp_files(path.parent, PLAN_FILE)
        return write_atomic(path, plan_to_text(plan, self.schema_ref))

    def create(self, slug: str, plan: Plan) -> Path:
        """Write a new plan; refused if one exists, checked under the lock so two creators never both win."""
        path = self.plan_file(slug)
        with self.editing():
            if path.exists():
                raise UsageError(
                    f"a plan named '{slug}' already exists ({self.shown(path)}); "
                    f"pick another name or run `planner interview {slug}`"
                )
            self.save(slug, plan)
        return path


def plans_option_in(text: str) -> str | None:
    """The planner plugin's `plans_dir` as written in the text of an mkdocs.yml (at a git ref), or None."""
    from planner.plan.settings import plans_dir_in

    return plans_dir_in(text)


def find_workspace(start: Path | None = None) -> Workspace:
    """The nearest folder at or above `start` holding mkdocs.yml or plans/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            from planner.plan.settings import read

            return Workspace(folder, Path(os.path.normpath(read(folder).plans_dir)).as_posix())
        if (folder / "plans").is_dir():
            return Workspace(folder)
    raise UsageError(
        f"no planner workspace here ({here} and its parents hold no mkdocs.yml or plans/); "
        "run `planner init` to create one"
    )


def schema_json() -> str:
    import json

    schema = Plan.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "planner plan.yaml"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


WORKFLOW = ".github/workflows/planner.yml"
MANAGED = "# Written by `planner init`"  # the first line of a workflow that `planner init` may rewrite
# site/ is built; `.NAME.*.tmp` are the temporary files of a save, publish or log killed half-way.
GITIGNORE = "site/\n.*.yaml.*.tmp\n.*.jsonl.*.tmp\n"


def workspace_files(plans_dir: str = "plans") -> dict[str, str]:
    """What `planner init` writes, by path; the schema file and the workflow follow planner's version."""
    from planner import __version__

    skeleton = resources.files("planner.templates") / "workspace"
    workflow = (skeleton / "planner.yml").read_text(encoding="utf-8")
    return {
        "mkdocs.yml": (skeleton / "mkdocs.yml").read_text(encoding="utf-8"),
        # No docs/index.md: the portfolio of plans is the site's home page.
        "docs/about.md": (skeleton / "about.md").read_text(encoding="utf-8"),
        ".gitignore": GITIGNORE,
        SCHEMA_FILE: schema_json(),
        WORKFLOW: workflow.replace("__PLANS_DIR__", plans_dir).replace("__PLANNER_VERSION__", __version__),
    }


def init_workspace(root: Path) -> dict[Path, str]:
    """Create a workspace in `root`, or bring an existing one up to date after an upgrade: the schema
    file and planner's workflow are rewritten, everything else (mkdocs.yml, pages, plans) is kept.
    Returns what was written, each with `created` or `updated`."""
    plans_dir = find_workspace(root).plans if (root / "mkdocs.yml").is_file() else "plans"
    written = {}
    try:
        (root / plans_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(root / plans_dir, exc) from exc
    for name, text in workspace_files(plans_dir).items():
        path = root / name
        if path.exists():
            managed = name == SCHEMA_FILE or (name == WORKFLOW and read_text(path, name).startswith(MANAGED))
            if managed and write_atomic(path, text):
                written[path] = "updated"
            continue
        write_atomic(path, text)
        written[path] = "created"
    return written
