"""The fixed answers on whether each output of an extraction or a draft must cover a list of items its
sources hold (every account, every party, every batch), and how the ones it leaves out are seen. A plain
enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ItemsCovered(StrEnum):
    """Whether each output must cover every item of a list its sources hold, and what counts the omissions."""

    counted = "counted"
    reconciled = "reconciled"
    not_counted = "not_counted"
    no_list = "no_list"


COVERS_LABELS: dict[type[Enum], dict[str, str]] = {
    ItemsCovered: {
        "counted": "yes, and a done metric counts the items it leaves out (recall against a list drawn from "
        "the sources, with a target)",
        "reconciled": "yes, and each output is checked against a list or a count drawn from the sources, but "
        "no done metric counts the items left out",
        "not_counted": "yes, and nothing counts the items it leaves out",
        "no_list": "no: each output covers one item or a fixed set of fields",
    },
}
