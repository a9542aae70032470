"""The fixed answers on whether an input is today's own decision or estimate on the very case (the expert's
estimate, the clerk's grade) and whether the product replaces it. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class TodaysCallInput(StrEnum):
    """Whether an input holds today's decision or estimate on the same case, and what becomes of it."""

    replaced = "replaced"
    kept = "kept"
    none = "none"
    not_checked = "not_checked"


TODAYS_CALL_LABELS: dict[type[Enum], dict[str, str]] = {
    TodaysCallInput: {
        "replaced": "yes, and the product replaces it: once live, that figure is gone or is the model's own",
        "kept": "yes, and people still make it first, without seeing the model's output; the model adds to it",
        "none": "no input is today's decision or estimate on the case",
        "not_checked": "not checked",
    },
}
