"""What a change during the data's period touched, and how much of production it reaches: plain enums
and how each answer reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class ChangeKind(StrEnum):
    """What a change during the data's period touched: the label, an input, the people recording the
    outcome, who is served, how the outcome comes about, or none of them."""

    label_standard = "label_standard"
    input_meaning = "input_meaning"
    recorder_incentive = "recorder_incentive"
    population = "population"
    process = "process"
    spell = "spell"
    none = "none"


class ChangeReach(StrEnum):
    """How much of production the change reaches, and whether the data tells its cases apart."""

    all = "all"
    part = "part"
    part_tracked = "part_tracked"


CHANGES_LABELS: dict[type[Enum], dict[str, str]] = {
    ChangeKind: {
        "label_standard": "what the label means or how it is given (a definition, coding, grading, a guideline)",
        "input_meaning": "what an input means (a sensor moved or replaced, a field redefined, a new unit or form)",
        "recorder_incentive": "what the people who record the outcome gain from it (a bonus, a target, a quota)",
        "population": "who or what is served (new sites, regions, customers, products)",
        "process": "how the outcome comes about, the label meaning the same (rules, prices, terms, a process)",
        "spell": "a one-off spell that is over and will not come back (a strike, an outage, a closure, a one-off "
        "campaign); not weather, which returns",
        "none": "none of these (upkeep, a migration that kept every value)",
    },
    ChangeReach: {
        "all": "all or most of production",
        "part": "a part of production, not told apart in the data",
        "part_tracked": "a part of production, and each row says which part (a site, a version, a flag)",
    },
}
