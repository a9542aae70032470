"""The circumstances beyond the decision itself that change what a lead asks (who else relies on the
output, what it sets, who gains from it, whether it acts alone): a plain enum and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class Circumstance(StrEnum):
    """Facts beyond the decision itself that change what a lead asks: who else relies on the output,
    what the people it takes over from also do, whether it sets the process it learned from..."""

    others_use_output = "others_use_output"
    side_duties = "side_duties"
    sets_controls = "sets_controls"
    party_gains = "party_gains"
    sector_rules = "sector_rules"
    commits_alone = "commits_alone"
    self_counted = "self_counted"
    labels_are_decisions = "labels_are_decisions"
    counts_volume = "counts_volume"
    safety_function = "safety_function"
    none = "none"


CIRCUMSTANCE_LABELS: dict[type[Enum], dict[str, str]] = {
    Circumstance: {
        "others_use_output": "others beyond the deciders use its output (customers, other teams)",
        "side_duties": "the people whose work it takes over also do other things meanwhile",
        "sets_controls": "its output will set controls, prices or settings of the process",
        "party_gains": "someone who gains from a favourable output supplies its inputs",
        "sector_rules": "a regulator or sector rules govern this decision",
        "commits_alone": "it pays, refunds, approves or sends on its own, unchecked",
        "self_counted": "success is counted by the product itself (accepted, not escalated)",
        "labels_are_decisions": "its labels are the old process's decisions, not checked outcomes",
        "counts_volume": "a target counts how much it does (merged, closed, flagged, sent), not how often it is right",
        "safety_function": "it changes how a safety function responds (an alarm, an interlock, a trip, a brake, a "
        "signal, a shutdown)",
        "none": "none of these",
    },
}
