"""Upgrade plan data written by older planners to today's schema on read (plans and published versions alike).

Each step takes the data of one schema version to the next and never fails on what it does not
know: the model's own validation reports those problems with their line. Published versions are
upgraded in memory only, after their hash is checked on the bytes as written, so they stay
readable and verifiable forever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT = 2


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v2 lets a plan hold several label sources: `labels: outcomes` becomes `labels: [outcomes]`."""
    constraints = data.get("constraints")
    if isinstance(constraints, dict) and isinstance(constraints.get("data"), dict):
        section = dict(constraints["data"])
        if isinstance(section.get("labels"), str):
            section["labels"] = [section["labels"]]
        data = {**data, "constraints": {**constraints, "data": section}}
    return data


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def upgrade(data: Any) -> Any:
    """Plan data of any known schema version, brought to `CURRENT`; other shapes pass through untouched."""
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= CURRENT:
        return data  # the model refuses it with a message that names the field and the fix
    while version < CURRENT:
        data = STEPS[version](data)
        version += 1
    return {**data, "schema_version": CURRENT}
