"""The fixed answers on whom a done metric's share is counted over, where the model picks which cases are
acted on: everyone who needed it, only the cases acted on, or those with a count or a hard-case guardrail
beside it. A plain enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class RateOver(StrEnum):
    """Whom the done metric's share counts: all who needed the action, or only the cases the product chose."""

    all_in_need = "all_in_need"
    acted_cases = "acted_cases"
    acted_with_count = "acted_with_count"
    not_a_share = "not_a_share"
    not_checked = "not_checked"


RATE_OVER_LABELS: dict[type[Enum], dict[str, str]] = {
    RateOver: {
        "all_in_need": "everyone or everything that needed the action, acted on or not (all the people reported, "
        "all new learners, all the faults that occurred): a count, or a share of all",
        "acted_cases": "only the cases the product picked and acted on (the visits made, the courses taken, the "
        "stops made): a rate that rises by picking easier cases",
        "acted_with_count": "the cases acted on, with a count over all who needed it, or a guardrail on the hard "
        "cases (new people found, starts on the core courses), beside it",
        "not_a_share": "the done metric is no share (a count, an amount, an error in units)",
        "not_checked": "not checked",
    },
}
