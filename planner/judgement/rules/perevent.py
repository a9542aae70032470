"""A value said per event found (a fault found, a fraud caught, a catch), which only some items hold.

`GBP per fault found` times every item inspected counts each item as a find: the impact is overstated
by one over the share of items that hold the event. The volume's own answers may count the events
themselves (`40 faults found a month`), and then the two are in one unit; or they may tie the value's
item to the volume's one for one (`one contact per late order`), and then too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from planner.core import formatting as fmt
from planner.judgement.rules.lexicon import ITEM_UNITS
from planner.judgement.rules.words import words_of
from planner.plan.model import Plan

# A thing found, caught or stopped: the event is the value's item, not the item the volume counts.
_FOUND = (
    r"found|caught|detected|spotted|prevented|stopped|avoided|confirmed|recovered|identified|intercepted|"
    r"averted|flagged|blocked|uncovered"
)
# A thing won or filled: only the items that convert carry the value, not every item offered. Not for a
# time saved (`minutes per appointment booked` is the work on each item booked, which every item is).
_CONVERTED = r"filled|converted|won|retained|sold|booked|placed|hired|recruited|renewed|reactivated|repaid|upgraded|redeemed"
_TIME = re.compile(r"^\W*(?:minutes?|mins?|hours?|hrs?|seconds?|person-hours?|staff-hours?|days?)\b", re.I)


def _patterns(verbs: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`per shift filled` (the noun first, up to three words), and `per filled shift`, `per avoided
    readmission`, `per successfully placed candidate` (the event said before its noun)."""
    after = re.compile(rf"\bper\s+((?:[a-z][a-z-]+\s+){{1,3}}?)({verbs})\b", re.IGNORECASE)
    before = re.compile(
        rf"\bper\s+({verbs}|successful|successfully\s+(?:{verbs}))\s+([a-z][a-z-]+)\b", re.IGNORECASE
    )
    return after, before


_OF_FINDS = _patterns(_FOUND)
_OF_ALL = _patterns(f"{_FOUND}|{_CONVERTED}")
# Nouns of the event itself: a value per catch or per detection.
_PER_EVENT = re.compile(
    r"\bper\s+(catch|detection|find|hit|save|interception|true\s+positive|conversion|win)\b",
    re.IGNORECASE,
)


def value_per_event(
    plan: Plan, paths: tuple[str, ...], answer_at: Callable[[Plan, str], object]
) -> tuple[str, str, tuple[str, ...]] | None:
    """(the event, `impact.volume`, ()) when the value is per event found and no answer in `paths` counts
    those events (says the same words), so value x volume would count every item as a find."""
    unit = plan.impact.value_unit or ""
    after, before = _OF_FINDS if _TIME.match(unit) else _OF_ALL
    found = after.search(unit)
    event = " ".join([*found.group(1).split(), found.group(2)]).lower() if found else None
    if event is None:
        done = before.search(unit)  # `per avoided readmission`: said as `readmission avoided`
        event = f"{done.group(2)} {done.group(1).split()[-1]}".lower() if done else None
    if event is None:
        other = _PER_EVENT.search(unit)
        event = " ".join(other.group(1).split()).lower() if other else None
    if event is None:
        return None
    said = event.split()
    for path in paths:
        text = answer_at(plan, path)
        if isinstance(text, str) and _holds(words_of(text), said):
            return None  # the volume's answer counts the events themselves
    return (event, "impact.volume", ())


def _holds(words: Sequence[str], phrase: list[str]) -> bool:
    """The phrase's last word (the finding) follows its first word, singular or plural, in the text."""
    lower = [word.lower() for word in words]
    if len(phrase) == 1:
        return phrase[0] in lower
    head = {phrase[0], phrase[0] + "s", phrase[0] + "es", phrase[0].removesuffix("s")}
    if phrase[0].endswith("y"):
        head.add(phrase[0][:-1] + "ies")
    last = phrase[-1]
    return any(
        word in head and (last in lower[index + 1 : index + 4] or last in lower[max(0, index - 2) : index])
        for index, word in enumerate(lower)
    )  # `shifts filled` or `filled shifts`


# The share of items a lead tries when no answer says how many convert: one in ten, to show the scale.
ILLUSTRATIVE_SHARE = 0.1


def every_item_counted(plan: Plan, event: str) -> str | None:
    """The arithmetic of a value per event times every item: value x volume x share addressed a month, as
    the plan multiplies it, against the same at one item in ten holding the event."""
    impact, value = plan.impact, plan.impact.item_value
    if value is None or impact.volume is None or impact.period is None or impact.period.per_month is None:
        return None  # a job run once counts a total: no monthly figure to multiply
    items = impact.volume * impact.period.per_month
    share = 1.0 if impact.addressed is None else impact.addressed
    total = items * share * value
    if total <= 0:
        return None
    unit = (impact.value_unit or "").split(" per ")[0].split()
    money = unit[0] if unit else ""
    factors = f"{fmt.number(value)} x {fmt.count(items)} a month"
    if share != 1.0:
        factors += f" x {fmt.share(share)}"
    low = total * ILLUSTRATIVE_SHARE
    return (
        f"value x volume: {factors} = {fmt.count(total)} {money} a month, as if every item were a {event}; "
        f"if one item in {round(1 / ILLUSTRATIVE_SHARE)} is, x {fmt.share(ILLUSTRATIVE_SHARE)} = {fmt.count(low)} "
        f"{money} a month: what share of the items ends as one (impact.benefit_share)?"
    ).replace("  ", " ")


# Where an answer may tie the value's item to the volume's: what the volume counts, and the value itself.
_TIED_IN = (
    "impact.value_unit",
    "impact.bottleneck",
    "product.decision",
    "product.output",
    "impact.action_cost",
)
_ONE = r"(?:one|a|an|a single|each|every|exactly one)"


def tied(plan: Plan, noun: str, units: Sequence[str], answer: Callable[[Plan, str], object]) -> str | None:
    """The words that tie one of the value's items (`contact`) to each of the volume's (`order`), one for
    one: `one contact per order`, `each flagged order gets one contact`. The value per contact is then a
    value per order, and the two can be multiplied."""
    nouns = rf"{re.escape(noun)}(?:s|es)?"
    counted = "|".join(
        re.escape(word) for unit in units for word in ITEM_UNITS[unit].entries if " " not in word
    )
    if not counted:
        return None
    patterns = (
        rf"\b{_ONE}\s+(?:\w+\s+)?{nouns}\s+(?:per|for each|for every|for an?|with each|with every)\s+(?:\w+\s+)?(?:{counted})\b",
        rf"\b(?:each|every|one)\s+(?:\w+\s+)?(?:{counted})\s+(?:\w+\s+){{0,5}}?{_ONE}\s+(?:\w+\s+)?{nouns}\b",
    )
    texts = [text for text in (answer(plan, path) for path in _TIED_IN) if isinstance(text, str)]
    for text in texts:
        for pattern in patterns:
            found = re.search(pattern, text, re.IGNORECASE)
            if found:
                return str(found.group(0))
    return None
