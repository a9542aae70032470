"""The fixed answers on what a ranking, match or link picks and what it answers when no candidate fits.
Plain enums and how each reads."""

from __future__ import annotations

from enum import Enum, StrEnum


class Picks(StrEnum):
    """What a ranking, match or recommendation puts in order: people or firms it hands work to, items it
    shows someone, cases and documents for people to work through, or records it links to a reference
    (an address, a catalogue entry), which gain nothing from being picked."""

    providers = "providers"
    items = "items"
    cases = "cases"
    records = "records"


class NoneFits(StrEnum):
    """What a match or link answers when no candidate is the true one, or several fit about equally."""

    says_none = "says_none"
    to_person = "to_person"
    best_anyway = "best_anyway"
    not_decided = "not_decided"


PICKING_LABELS: dict[type[Enum], dict[str, str]] = {
    Picks: {
        "providers": "people or firms it hands work to (barristers, drivers, salespeople, tutors, suppliers)",
        "items": "items it shows or offers someone (listings, products, titles, articles)",
        "cases": "cases, documents or records for people to work through (tickets, claims, files)",
        "records": "records it links to a reference entry (an archive record to an address, an item to a "
        "catalogue entry, tracks to a release): nobody gains from being picked",
    },
    NoneFits: {
        "says_none": "it can answer 'no match' (and 'several' where two fit alike): a new entry or a person follows",
        "to_person": "it hands the case to a person below a score or when two candidates are close",
        "best_anyway": "it always gives its best candidate",
        "not_decided": "not decided",
    },
}
