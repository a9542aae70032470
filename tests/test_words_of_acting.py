"""The words the leakage, who-acts and label-provenance rules listen for, read in their context: a
phrase of the lexicon is found, its everyday neighbours are not."""

from __future__ import annotations

import pytest

from planner.judgement.rules.acting import NEEDS_ANOTHER
from planner.judgement.rules.lateinputs import ACCRUED
from planner.judgement.rules.lexicon import BUDGET_IN_UNITS, SELECTS
from planner.judgement.rules.provenance import DECIDED
from planner.judgement.rules.standard import CHANGED_STANDARD
from planner.judgement.rules.units import units_counted
from planner.judgement.rules.words import Lexicon


@pytest.mark.parametrize(
    ("lexicon", "text", "found"),
    [
        (
            ACCRUED,
            "Support calls in the contract year, and months active.",
            ("in the contract year", "months active"),
        ),
        (ACCRUED, "Late returns during the year before the checkout.", ()),
        (ACCRUED, "Readings during the last hour from the line sensors.", ()),
        (ACCRUED, "The final layer of the network sees the photo.", ()),
        (ACCRUED, "Notes written after the call by the agent.", ("written after",)),
        (SELECTS, "The system drops the lowest-scoring 60% of CVs.", ("drops", "lowest-scoring")),
        (SELECTS, "Pickers pick up the flagged parcels.", ()),
        (SELECTS, "Inspectors inspect every pallet; the model orders the queue.", ()),
        (
            NEEDS_ANOTHER,
            "Offer the new rate only with the customer's consent.",
            ("only with the customer consent",),
        ),
        (
            NEEDS_ANOTHER,
            "Dispatchers see it once the CAD system is upgraded.",
            ("once the cad system is upgraded",),
        ),
        (NEEDS_ANOTHER, "Clerks use it once the model is ready.", ()),
        (BUDGET_IN_UNITS, "Inspectors cover about 2,000 hours a year.", ("2,000 hours a year",)),
        (BUDGET_IN_UNITS, "About 30 claims a day.", ()),
        (
            CHANGED_STANDARD,
            "The definition of fraud was changed in 2021.",
            ("definition of fraud was changed",),
        ),
        (CHANGED_STANDARD, "Same rules since 2012.", ()),
        (DECIDED, "Invoices sent to us by suppliers.", ()),
    ],
)
def test_words_are_read_in_their_context(lexicon: Lexicon, text: str, found: tuple[str, ...]) -> None:
    assert lexicon.find_all(text) == found


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Crews reline each street segment whose pipes score high.", ("street segment",)),
        ("The probability that each pipe bursts within the next year.", ("pipe",)),
        ("Units sold per store and item for each of the next 3 days.", ("store", "item")),
        ("Adjusters review the top 30 claims each morning.", ("claims",)),
        ("A clerk checks the held invoices each morning, per cent of the total.", ()),
    ],
)
def test_the_unit_counted_is_the_noun_after_per_each_every_or_top(text: str, units: tuple[str, ...]) -> None:
    assert units_counted(text) == units
