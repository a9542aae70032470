"""What the text says of the data in hand against what the product will see: its population, period,
number of units, device generation and cadence; each a question naming the words it saw (a Hint).

The data's side is where it comes from (the sources, the note on differences, the evaluation set); the
product's side is who uses it, what it reads and decides. Words are whole words of the lexicon; two
numbers are compared only when both count the same unit (`12 turbines` against `400 turbines`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planner.core import formatting as fmt
from planner.judgement.rules.base import MANY_TIMES, Evidence, Hint
from planner.judgement.rules.evidence import answer_at, faq_paths, quote, source_paths
from planner.judgement.rules.lexicon import (
    AGE_GROUPS,
    ALL_AGES,
    ALL_DAY,
    ALL_LANGUAGES,
    ALL_WEEK,
    ALL_YEAR,
    BATCH_ARRIVAL,
    CARE_SETTINGS,
    CHECKED_ALIKE,
    COMING_CHANGE,
    CUSTOMER_KINDS,
    DAYS_OF_WEEK,
    FEW_UNITS,
    LANGUAGES,
    LIVE_DECISION,
    MANY_UNITS,
    MIX_MOVES,
    MIX_OF,
    NARROW_ORIGIN,
    NEW_DEVICES,
    NEW_SEASON,
    NOTE_DIFFERS,
    OLD_DEVICES,
    ONE_STRETCH_ONLY,
    SEASONS,
    SETTINGS,
    SHORT_HISTORY,
    TIMES_OF_DAY,
    UNIT_COUNT,
    UNITS,
)
from planner.judgement.rules.words import Lexicon, in_one_sentence
from planner.plan.model import Difference, Plan

_PRODUCT_PATHS = (
    "product.users",
    "product.goal",
    "product.inputs",
    "product.decision",
    "product.output",
    "impact.bottleneck",
)

# A dimension: its groups (a group the data names, another the product names) and the words that say
# the product meets all of them.
_DIMENSIONS: tuple[tuple[str, dict[str, Lexicon], Lexicon | None], ...] = (
    ("language", LANGUAGES, ALL_LANGUAGES),
    ("age group", AGE_GROUPS, ALL_AGES),
    ("setting", SETTINGS, None),
    ("kind of customer", CUSTOMER_KINDS, None),
    ("care setting", CARE_SETTINGS, None),
    ("season", SEASONS, ALL_YEAR),
    ("time of day", TIMES_OF_DAY, ALL_DAY),
    ("days of the week", DAYS_OF_WEEK, ALL_WEEK),
)

# What a comparison found: the data's words and note, the product's words and note.
Found = tuple[tuple[str, ...], str, tuple[str, ...], str] | None


def _groups(groups: dict[str, Lexicon], text: str) -> dict[str, tuple[str, ...]]:
    return {name: words for name, lexicon in groups.items() if (words := lexicon.find_all(text))}


def _population(data: str, product: str) -> Found:
    """A group the data names (English, adults, summer) and another, or all of them, the product names."""
    for dimension, groups, every in _DIMENSIONS:
        had = _groups(groups, data)
        if not had or (every and every.find(data)):
            continue
        meets = _groups(groups, product)
        wide = every.find_all(product) if every else ()
        other = {name: words for name, words in meets.items() if name not in had}
        if other and not set(had) & set(meets):
            said = tuple(word for words in other.values() for word in words)
        elif wide:
            said = wide
        else:
            continue
        seen = tuple(word for words in had.values() for word in words)
        return (
            seen,
            f"the data's {dimension}: {', '.join(seen)}",
            said,
            f"the product's {dimension}: {', '.join(said)}",
        )
    return None


# Counts in words: `a single site`, `two trains`; `a few` counts as at most five (no ratio is said then).
_SMALL = {"one": 1.0, "a single": 1.0, "two": 2.0, "three": 3.0, "a few": 5.0, "a handful of": 5.0}


def _counts(text: str) -> dict[str, tuple[float, str]]:
    """The largest count of each unit the text states, with its words (`12 turbines` -> turbine: 12;
    `one language` -> language: 1)."""
    found: dict[str, tuple[float, str]] = {}
    for phrase in (*UNIT_COUNT.find_all(text), *FEW_UNITS.find_all(text)):
        number, *_, noun = phrase.split(" ")
        small = next((value for words, value in _SMALL.items() if phrase.startswith(words + " ")), None)
        if small is None and not number[0].isdigit():
            continue  # `a few trucks`: no number to compare
        unit = next(unit for unit, forms in UNITS.items() if noun in forms.replace(" ", "").split(","))
        count = small or float(number.replace(",", ""))
        if count > found.get(unit, (0.0, ""))[0]:
            found[unit] = (count, phrase)
    return found


def _units(data: str, product: str) -> Found:
    """Few units in the data (`12 turbines`, `a few instrumented trucks`), many in the product (`400
    turbines`, the fleet): numbers only when both count the same unit."""
    meets = _counts(product)
    for unit, (count, seen) in _counts(data).items():
        many, said = meets.get(unit, (0.0, ""))
        if count and many >= MANY_TIMES * count:
            exact = not seen.startswith(("a few ", "a handful of "))
            note = f"the product meets {said}" + (
                f", {fmt.number(many / count, 0)} times as many" if exact else ""
            )
            return (seen,), f"the data comes from {seen}", (said,), note
    few = FEW_UNITS.find_all(data)
    many_words = MANY_UNITS.find_all(product)
    if few and many_words and not MANY_UNITS.find(data):
        note = f"the product meets {', '.join(many_words)}"
        return few, f"the data comes from {', '.join(few)}", many_words, note
    return None


def _generation(data: str, product: str) -> Found:
    """An older device generation in the data, a new one in the product."""
    old, new = OLD_DEVICES.find_all(data), NEW_DEVICES.find_all(product)
    if old and new and not NEW_DEVICES.find(data):
        return old, f"the data: {', '.join(old)}", new, f"the product runs on {', '.join(new)}"
    return None


def _cadence(data: str, product: str) -> Found:
    """Data that arrives in batches or as averages, a product that decides live."""
    batch, live = BATCH_ARRIVAL.find_all(data), LIVE_DECISION.find_all(product)
    if batch and live and not LIVE_DECISION.find(data):
        note = f"the data arrives: {', '.join(batch)}"
        return batch, note, live, f"the product decides {', '.join(live)}: are the inputs the same live?"
    return None


# Where a plan says when it launches or runs (`in time for Christmas`), beside the product's answers.
_LAUNCH_PATHS = ("title", "product.pain", "press_release.headline", "press_release.solution", "done.when_met")

_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:19|20)?\d\d\b|\byears\b|\bsince\b", re.IGNORECASE)


def _period(data: str, product: str) -> Found:
    """Data from a short stretch (`three months`) or one season, a product that runs in another season,
    all year, or the season to come: does the data cover the period the product runs in?"""
    if ALL_YEAR.find(data) or _YEARS.search(data):
        return None
    had = _groups(SEASONS, data)
    seen = (*SHORT_HISTORY.find_all(data), *(word for words in had.values() for word in words))
    meets = _groups(SEASONS, product)
    if not seen or (set(had) & set(meets) and not ALL_YEAR.find(product)):
        return None
    other = tuple(word for name, words in meets.items() if name not in had for word in words)
    said = (*other, *ALL_YEAR.find_all(product), *NEW_SEASON.find_all(product))
    if not said:
        return None
    note = f"the data covers {', '.join(seen)}"
    return seen, note, said, f"the product runs in {', '.join(said)}: does the data cover that period?"


def _data_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    for path in (*source_paths(plan), "constraints.data.differences_note", "done.eval_set"):
        text = answer_at(plan, path)
        if isinstance(text, str):
            yield path, text


def unlike_in_setting(plan: Plan) -> Evidence:
    """`No differences` (or none ticked), while the text gives the data in hand another population,
    period, number of units, device generation or cadence than the product: a question naming the words."""
    data = plan.constraints.data
    if data.differences == [Difference.none]:
        said = quote(
            plan, "constraints.data.differences", "is the data really like what the product will see?"
        )
    elif not data.differences and data.test_set_reflects_product is not False:
        if any(NARROW_ORIGIN.find(source.name) for source in data.sources):
            return None  # a narrow origin: test-set-not-like-product and data-narrower-than-product ask
        said = "constraints.data.differences: not answered (is the data like what the product will see?)"
    else:
        return None
    product = [(path, text) for path in _PRODUCT_PATHS if isinstance(text := answer_at(plan, path), str)]
    launch = [(path, text) for path in _LAUNCH_PATHS if isinstance(text := answer_at(plan, path), str)]
    for compare in (_population, _units, _generation, _cadence, _period):
        for path, text in _data_texts(plan):
            if compare is _period and path == "done.eval_set":
                continue  # a held-out stretch of a longer history
            for where, meets in (*product, *launch) if compare is _period else product:
                found = compare(text, meets)
                if found:
                    seen, note, heard, meets_note = found
                    return Hint(
                        (*seen, *heard), (quote(plan, path, note), quote(plan, where, meets_note), said)
                    )
    return None


def unlike_in_the_note(plan: Plan) -> Evidence:
    """`No differences` ticked, while the note on differences names one (an older scanner, a sensor
    swapped, other sites, one site only, phone versus web): a question quoting the note, unless the note
    says the team checked that it does not matter."""
    data = plan.constraints.data
    note = data.differences_note
    if data.differences != [Difference.none] or not note or CHECKED_ALIKE.find(note):
        return None
    words = NOTE_DIFFERS.find_all(note)
    if not words:
        return None
    return Hint(
        words,
        (
            quote(
                plan, "constraints.data.differences_note", f"the note names a difference: {', '.join(words)}"
            ),
            quote(plan, "constraints.data.differences", "is the data really like what the product will see?"),
        ),
    )


def _notes(plan: Plan) -> Iterator[tuple[str, str]]:
    """The team's own words on the data and its hard cases: source names, the note on differences, the
    cases hard to decide by hand and the answers to the FAQ."""
    data = plan.constraints.data
    paths = [f"constraints.data.sources[{index}].name" for index in range(len(data.sources))]
    paths += ["constraints.data.differences_note"]
    paths += [f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases))]
    paths += faq_paths(plan)
    for path in paths:
        text = answer_at(plan, path)
        if isinstance(text, str) and not CHECKED_ALIKE.find(text):
            yield path, text


def change_in_the_notes(plan: Plan) -> Evidence:
    """`No differences` ticked or the question unanswered, while the team's notes, hard cases or FAQ
    answers name a change still to come (a new product series, a regime change, next year's material, a
    system migration, a share of the population growing) or data of one site, one fortnight or one season only: a question quoting them.
    A note on differences that names one (an older scanner, other sites) is asked too when unanswered."""
    data = plan.constraints.data
    if data.differences == [Difference.none]:
        said = quote(
            plan, "constraints.data.differences", "is the data really like what the product will see?"
        )
    elif not data.differences:
        said = "constraints.data.differences: not answered (is the data like what the product will see?)"
    else:
        return None
    for path, text in _notes(plan):
        coming, narrow = COMING_CHANGE.find_all(text), ONE_STRETCH_ONLY.find_all(text)
        coming = coming or in_one_sentence(text, MIX_OF, MIX_MOVES)
        differs = NOTE_DIFFERS.find_all(text) if path.endswith("differences_note") else ()
        if coming:
            note = f"a change to come: {', '.join(coming)}; does the data in hand show it?"
        elif differs and not data.differences:  # ticked `none`: unlike_in_the_note asks
            coming = differs
            note = f"the note names a difference: {', '.join(differs)}"
        elif narrow:
            note = f"the data covers {', '.join(narrow)}; does the product meet only that?"
        else:
            continue
        return Hint((*coming, *narrow), (quote(plan, path, note), said))
    return None
