"""The fixed answers on whether the values an extraction reads are already held as structured fields
somewhere (the form or system that produced the document): yes for some, no, or not checked. A plain
enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ValuesHeld(StrEnum):
    """Whether the values to extract are already held as fields by the form or system that produced them."""

    some = "some"
    none = "none"
    not_checked = "not_checked"


HELD_LABELS: dict[type[Enum], dict[str, str]] = {
    ValuesHeld: {
        "some": "yes, some: the form, portal or system that produced the document holds them as fields",
        "none": "no: the document is the only record of them (paper, a scan, a letter from outside)",
        "not_checked": "not checked",
    },
}
