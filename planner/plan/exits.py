"""The fixed answers on which cases leave before their outcome reaches the data: the extreme ones (their
result kept in another record, or never taken), ones like the rest, or not known. A plain enum and how
each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ExitsWhich(StrEnum):
    """Which cases leave before their outcome reaches the data, and where the outcome of those went."""

    worst_kept_elsewhere = "worst_kept_elsewhere"
    worst_never_measured = "worst_never_measured"
    unrelated = "unrelated"
    not_known = "not_known"


EXITS_LABELS: dict[type[Enum], dict[str, str]] = {
    ExitsWhich: {
        "worst_kept_elsewhere": "the extreme ones (the failures, the slowest, the lowest), and their result "
        "exists but went to another record (a non-conformance report, a complaints file, another system)",
        "worst_never_measured": "the extreme ones, and their result was never taken (they gave up, were "
        "stopped or scrapped first): it lies beyond the last value seen",
        "unrelated": "cases whose outcome would look like the rest's: they leave for reasons unrelated to it",
        "not_known": "not known",
    },
}
