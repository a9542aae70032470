"""YAML read and written safely: no executable tags, no bombs, a line and column for every problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from planner.core.errors import InvalidPlan, UsageError

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that refuses duplicate keys: hand edits must not silently drop an answer."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue  # merged in by PyYAML below; the keys written beside it win
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
# sexagesimal (`1:20`) or 0-prefixed octal numbers, no timestamps (dates are text). A `<<` key merges
# the mapping written after it, as the YAML language server and check-jsonschema read it too (an alias
# to merge, `<<: *name`, is refused as every alias is).
_MERGE = "tag:yaml.org,2002:merge"


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


for _tag, _pattern, _first in (*_CORE_12, (_MERGE, r"^(?:<<)$", ["<"])):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _stray_merge(loader: Any, node: yaml.ScalarNode) -> Any:
    raise yaml.constructor.ConstructorError(
        problem="`<<` merges a mapping into the one it is a key of, and is nothing here",
        problem_mark=node.start_mark,
        note="quote it ('<<') to mean the text",
    )


_Loader.add_constructor(_MERGE, _stray_merge)


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # `010` is ten in YAML 1.2 (PyYAML's 1.1 reads eight)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Writes multi-line text as block scalars so diffs of long answers stay readable.

    Text that YAML 1.1 or 1.2 would read as something else (`no`, `1e3`, `0o17`) is quoted."""


for _tag, _pattern, _first in (*_CORE_12, (_MERGE, r"^(?:<<)$", ["<"])):
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


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


# One loop over the event stream, one branch per event kind: splitting it would cost a call per event
# on the hot path of every plan load (the reason this function exists).
def _load_plain(text: str) -> Any:  # noqa: C901
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
                        if tag == _MERGE:
                            return _SLOW  # PyYAML's loader merges it, or refuses it off a key
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
        fix = exc.note or _quoted_predicate(text, mark) or "fix the YAML syntax there"
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


_QUOTED_WHEN = re.compile(r'^\s*(?:-\s+)?when:\s*("[^"\n]*".*?)\s*$')


def _quoted_predicate(text: str, mark: Any) -> str | None:
    """The fix for `when: "worst area" > 1000`, which YAML reads as a quoted string followed by more:
    the whole predicate in single quotes."""
    if mark is None:
        return None
    lines = text.splitlines()
    found = _QUOTED_WHEN.match(lines[mark.line]) if mark.line < len(lines) else None
    if found is None:
        return None
    predicate = found.group(1).replace("'", "''")
    return f"a predicate that starts with a double-quoted column goes whole in single quotes: when: '{predicate}'"


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


def dump_yaml(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return text
