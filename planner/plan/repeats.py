"""The fixed answers on whether a thing seen in several rows is acted on between them (repaired, treated,
made safe after a finding) and whether the data says so. Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ActedBetweenRows(StrEnum):
    """Whether a thing several rows describe is changed between its rows by acting on a finding, and how
    the data carries it: recorded as an input, later rows dropped, or no trace."""

    not_acted = "not_acted"
    recorded = "recorded"
    rows_dropped = "rows_dropped"
    unrecorded = "unrecorded"
    not_checked = "not_checked"


REPEATS_LABELS: dict[type[Enum], dict[str, str]] = {
    ActedBetweenRows: {
        "not_acted": "no: nothing done after a row changes the thing (it is only watched or recorded)",
        "recorded": "yes, and each repair or treatment is recorded with its date and given to the model as an "
        "input",
        "rows_dropped": "yes, and rows after a repair or treatment are dropped (the thing leaves the data once "
        "made safe)",
        "unrecorded": "yes, and the later rows carry no trace of it: the fixed thing is scored again as if "
        "untouched",
        "not_checked": "not checked",
    },
}
