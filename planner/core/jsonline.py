"""One line of a JSON lines file read with a nesting limit: too deep is a ValueError, never a RecursionError."""

from __future__ import annotations

import json
import re
from typing import Any

# planner's own lines nest three levels (`{"values": {"test": {"recall": 0.7}}}`); Python's JSON reader
# recurses once per level and overflows its stack near 1,000, taking `status`, `check` and `try` down.
JSON_DEPTH = 32

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def loads(line: str) -> Any:
    """The JSON value on `line`; ValueError when it is not JSON, holds NaN or infinity, or nests
    deeper than JSON_DEPTH."""
    if line.count("[") + line.count("{") > JSON_DEPTH and _too_deep(line):
        raise ValueError(f"nested more than {JSON_DEPTH} levels deep")
    try:
        return json.loads(line, parse_constant=_refuse_constant)
    except RecursionError as exc:  # pragma: no cover - the depth check above comes first
        raise ValueError(f"nested more than {JSON_DEPTH} levels deep") from exc


def _too_deep(line: str) -> bool:
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', line)):
        depth += 1 if match.group() in "[{" else -1
        if depth > JSON_DEPTH:
            return True
    return False


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")
