"""An input that is a recent value of the target itself, read against how long the target takes to be
known: last week's admissions cannot be an input when admissions are confirmed a month later.

A lead reads the inputs list against the label delay: a lag of the target shorter than the delay is a
value nobody has yet at the moment of prediction, however naturally the team wrote it down.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.lead import series_step, stated_lags
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import Category, Difference, Plan

# A recent period named before the thing it measured: `last week's sales`, `yesterday's count`.
_PERIODS = {
    "yesterday": 1,
    "the previous day": 1,
    "previous day": 1,
    "the day before": 1,
    "last week": 7,
    "previous week": 7,
    "prior week": 7,
    "the week before": 7,
    "last month": 30,
    "previous month": 30,
    "prior month": 30,
    "the month before": 30,
    "last quarter": 91,
    "previous quarter": 91,
    "prior quarter": 91,
}
_NAMED = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _PERIODS), key=len, reverse=True)) + r")(?:'s|’s|s')?"
    r"\s+((?:[a-z-]+\s+){0,2}[a-z-]+)",
    re.IGNORECASE,
)
# A lag written out: `admissions lagged by 7 days`, `sales from 2 weeks ago`, `the count 3 days earlier`.
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
_WRITTEN = re.compile(
    r"\b((?:[a-z-]+\s+){0,1}[a-z-]+)\s+(?:lagged\s+(?:by\s+)?|from\s+)?(\d+)\s+(days?|weeks?|months?)"
    r"(?=\s+(?:ago|earlier|before|lag|lagged)\b)",
    re.IGNORECASE,
)
# Lags listed as figures: `lags of sold copies (1, 7, 28 days)`, `1-, 7- and 28-day lags of demand`,
# `bookings lagged by 1 and 7 days`, `calls over the last 14 days` (whose newest value is a day old).
_LIST = r"(\d+(?:\s*-?\s*(?:,|and|or|/|&)\s*\d+)*)"
_UNIT = r"(day|week|month)s?"
_NOUN = r"((?:[a-z'’-]+\s+){0,2}[a-z'’-]+)"
_FIGURED = (
    re.compile(
        r"\blag(?:s|ged)?\s+(?:of\s+|in\s+)?"
        + _NOUN
        + r"\s*\(\s*(?:lags?\s+)?"
        + _LIST
        + r"\s*-?\s*"
        + _UNIT,
        re.I,
    ),
    re.compile(r"\b" + _LIST + r"\s*-?\s*" + _UNIT + r"\s+lag(?:s|ged)?\s+(?:of\s+|in\s+)?" + _NOUN, re.I),
    re.compile(
        r"\b" + _NOUN + r"\s+(?:at\s+)?(?:lags?|lagged(?:\s+by)?)\s+(?:of\s+)?" + _LIST + r"\s*-?\s*" + _UNIT,
        re.I,
    ),
)
_WINDOW = (  # the newest value in a trailing window is one unit old
    re.compile(
        r"\b(?:last|past|previous|prior|trailing)\s+(\d+)\s+"
        + _UNIT
        + r"(?:'s|’s|'|’)?\s+(?:of\s+)?"
        + _NOUN,
        re.I,
    ),
    re.compile(
        r"\b"
        + _NOUN
        + r"\s+(?:over|in|during|for)\s+the\s+(?:last|past|previous|prior|trailing)\s+(\d+)\s+"
        + _UNIT,
        re.I,
    ),
)
_UNIT_OF = {"day": 1, "week": 7, "month": 30}
# Words a label shares with many inputs that are not its quantity.
_GENERIC = frozenset(
    words_of(
        "from with each that this data record records within into over after before than days weeks months year years week month daily weekly monthly"
    )
)

# Words that say the input is the value as first known, not the settled one.
_AS_FIRST_KNOWN = Lexicon("""
    provisional, preliminary, flash, unconfirmed, first count, first counts, raw count, raw counts
    as known at, as known then, as first reported, point-in-time, point in time, vintage, vintages
    as it stood, as they stood, not yet confirmed
""")
_SMALL = frozenset(words_of("the a an of in on at for per each and or by with from to its their our"))


def _lags(inputs: str, label: str, step: str | None = None) -> list[tuple[str, float, tuple[str, ...]]]:
    """The recent values of the label's own quantity the inputs name, each with its lag in days and the
    words heard (the period and the target's word); a lag in the series' steps (`lag-1`) counts `step`s."""
    target = {word for word in words_of(label) if len(word) >= 4} - _GENERIC
    found: list[tuple[str, float, tuple[str, ...]]] = []
    for match in _NAMED.finditer(inputs):
        after = match.group(2).split()
        hit = next((index for index, word in enumerate(after) if set(words_of(word)) & target), None)
        if hit is not None:  # `last week's admissions`, up to the target's own word
            head = match.group(0)[: match.start(2) - match.start(0)]
            noun = " ".join(sorted(set(words_of(after[hit])) & target))
            heard = (match.group(1), noun)
            found.append((head + " ".join(after[: hit + 1]), _PERIODS[match.group(1).lower()], heard))
    for match in _WRITTEN.finditer(inputs):
        nouns = [word for word in words_of(match.group(1)) if word not in _SMALL and word in target]
        if nouns:
            days = int(match.group(2)) * _UNIT_DAYS[match.group(3).lower()]
            found.append((match.group(0), days, (*nouns, f"{match.group(2)} {match.group(3)}")))
    for pattern in _FIGURED:
        for match in pattern.finditer(inputs):
            groups = match.groups()
            noun = groups[0] if pattern is not _FIGURED[1] else groups[2]
            figures = groups[1] if pattern is not _FIGURED[1] else groups[0]
            unit = groups[2] if pattern is not _FIGURED[1] else groups[1]
            nouns = [word for word in words_of(noun) if word in target]
            if nouns:
                days = min(int(n) for n in re.findall(r"\d+", figures)) * _UNIT_OF[unit.lower()]
                found.append((match.group(0), days, (*nouns, re.findall(r"lag\w*", match.group(0), re.I)[0])))
    for pattern in _WINDOW:
        for match in pattern.finditer(inputs):
            noun = match.group(3) if pattern is _WINDOW[0] else match.group(1)
            unit = match.group(2) if pattern is _WINDOW[0] else match.group(3)
            nouns = [word for word in words_of(noun) if word in target]
            if nouns:
                found.append((match.group(0), _UNIT_OF[unit.lower()], (*nouns, unit.lower())))
    found += _stepped(inputs, target, step, found)
    unique: dict[str, tuple[str, float, tuple[str, ...]]] = {}
    for each in found:  # `lag-1 and lag-2 admissions`: one part, at its shortest lag
        if each[0] not in unique or each[1] < unique[each[0]][1]:
            unique[each[0]] = each
    return list(unique.values())


def _stepped(
    inputs: str, target: set[str], step: str | None, found: list[tuple[str, float, tuple[str, ...]]]
) -> list[tuple[str, float, tuple[str, ...]]]:
    """The lags lead.stated_lags reads (`lag-1 and lag-4 admissions`, `admissions 1, 4 and 8 weeks
    earlier`) of the target's own quantity, each with the part of the inputs it sits in (between commas),
    where `found` does not hold it already."""
    more: list[tuple[str, float, tuple[str, ...]]] = []
    for said, days in stated_lags(inputs, step):
        if any(said.lower() in text.lower() or text.lower() in said.lower() for text, _, _ in found):
            continue
        at = inputs.find(said)
        begin = max((inputs.rfind(mark, 0, at) for mark in ",;("), default=-1) + 1
        ends = [end for mark in ",;." if (end := inputs.find(mark, at + len(said))) >= 0]
        part = inputs[begin : min(ends, default=len(inputs))].strip() if at >= 0 else said
        nouns = [word for word in words_of(part) if word in target]
        if nouns:
            more.append((part, min(days), (*dict.fromkeys(nouns), said)))
    return more


@rule(
    "lag-shorter-than-label-delay",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Lag each input of the target by at least the label delay",
        "A recent value of the target is an input only once it is known; where the target is settled "
        "days or weeks later, last week's value does not exist yet at the moment of prediction: lag it by "
        "the delay, or use the provisional figure as it stood then, and rebuild the training rows that way",
        "danger",
    ),
    ask="does a recent value of the target exist at the moment of prediction, when the target takes longer to be known?",
    fires=(
        Case(
            {
                "product.inputs": "Last week's admissions per ward, bed count and the season.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 30,
                "constraints.data.differences": ["none"],
            },
            evidence=(
                'product.inputs: "Last week\'s admissions per ward, bed count and the season." (a recent value '
                "of the target: Last week's admissions, 7 days back)",
                "constraints.data.label_delay_days: 30 (the target is known only 30 days later: that value "
                "does not exist yet when the model predicts)",
            ),
        ),
        Case(  # lags written as figures
            {
                "product.inputs": "Hotel and weekday, 2-, 7- and 28-day lags of room bookings, local events.",
                "product.label": "Room bookings per hotel per night, settled after checkout.",
                "constraints.data.label_delay_days": 10,
            }
        ),
        Case(  # a trailing window whose newest value is a day old
            {
                "product.inputs": "Depot, weekday and the breakdown calls over the past 21 days.",
                "product.label": "Breakdown calls per depot per day, from the audited call log.",
                "constraints.data.label_delay_days": "4-9",
            }
        ),
        Case(  # lags counted in the weekly series' steps
            {
                "product.inputs": "Ward, lag-1 and lag-2 admissions per ward, bed count and the season.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 30,
            }
        ),
    ),
    quiet=(
        Case(  # lags in steps longer than the delay
            {
                "product.inputs": "Ward, lag-6 and lag-52 admissions per ward, bed count and the season.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 30,
            }
        ),
        Case(  # lags written as figures, all longer than the delay
            {
                "product.inputs": "Hotel and weekday, room bookings lagged by 14 and 28 days, local events.",
                "product.label": "Room bookings per hotel per night, settled after checkout.",
                "constraints.data.label_delay_days": 10,
            }
        ),
        Case(  # a trailing window of something else than the target
            {
                "product.inputs": "Depot, weekday and the rainfall over the past 21 days.",
                "product.label": "Breakdown calls per depot per day, from the audited call log.",
                "constraints.data.label_delay_days": 6,
            }
        ),
        Case(  # the lag is longer than the delay
            {
                "product.inputs": "Last month's admissions per ward, bed count and the season.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 14,
            }
        ),
        Case(  # the provisional count, as it stood then
            {
                "product.inputs": "Last week's provisional admissions per ward and bed count.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 30,
            }
        ),
        Case(  # a recent value of something else than the target
            {
                "product.inputs": "Last week's rainfall, bed count and the season.",
                "product.label": "Emergency admissions per ward per week, from the coded records.",
                "constraints.data.label_delay_days": 30,
            }
        ),
    ),
)
def lag_shorter_than_label_delay(plan: Plan) -> Evidence:
    """A recent value of the target is an input before the target is known.

    An input that is the target's own recent value (last week's sales, yesterday's count, the previous
    month's rate) exists at the moment of prediction only if the target is known by then; where the
    label takes longer to settle than the lag, training reads settled values the product will not
    have, and the live model meets gaps or provisional figures instead.

    Mitigation: Lag each input of the target by at least the label delay, or use the provisional value
    as it stood at the time, and rebuild the training rows with it.
    """
    data = plan.constraints.data
    product = plan.product
    if not data.label_delay or not product.inputs or not product.label:
        return None
    if Difference.later_inputs in data.differences or _AS_FIRST_KNOWN.find(product.inputs):
        return None  # marked already (inputs-after-prediction asks), or the value as first known
    delay = data.label_delay
    short = [
        (text, days, heard)
        for text, days, heard in _lags(product.inputs, product.label, series_step(plan))
        if days < delay
    ]
    if not short:
        return None
    named = "; ".join(f"{text}, {fmt.count(days)} days back" for text, days, _ in short)
    return Hint(
        [word for _, _, heard in short for word in heard],
        (
            quote(plan, "product.inputs", f"a recent value of the target: {named}"),
            f"constraints.data.label_delay_days: {fmt.count(delay)} (the target is known only "
            f"{fmt.count(delay)} days later: that value does not exist yet when the model predicts)",
        ),
    )
