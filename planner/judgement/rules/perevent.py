"""A value said per event found (a fault found, a fraud caught, a catch), which only some items hold.

`GBP per fault found` times every item inspected counts each item as a find: the impact is overstated
by one over the share of items that hold the event. The volume's own answers may count the events
themselves (`40 faults found a month`), and then the two are in one unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from planner.judgement.rules.words import words_of
from planner.plan.model import Plan

# A thing found, caught or stopped: the event is the value's item, not the item the volume counts.
_FOUND = (
    r"found|caught|detected|spotted|prevented|stopped|avoided|confirmed|recovered|identified|intercepted|"
    r"averted|flagged|blocked|uncovered"
)
_PER_FOUND = re.compile(rf"\bper\s+((?:[a-z][a-z-]+\s+){{1,2}}?)({_FOUND})\b", re.IGNORECASE)
# Nouns of the event itself: a value per catch or per detection.
_PER_EVENT = re.compile(
    r"\bper\s+(catch|detection|find|hit|save|interception|true\s+positive)\b", re.IGNORECASE
)


def value_per_event(
    plan: Plan, paths: tuple[str, ...], answer_at: Callable[[Plan, str], object]
) -> tuple[str, str, tuple[str, ...]] | None:
    """(the event, `impact.volume`, ()) when the value is per event found and no answer in `paths` counts
    those events (says the same words), so value x volume would count every item as a find."""
    unit = plan.impact.value_unit or ""
    found = _PER_FOUND.search(unit)
    event = " ".join([*found.group(1).split(), found.group(2)]).lower() if found else None
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
    return any(
        word in head and phrase[-1] in lower[index + 1 : index + 4] for index, word in enumerate(lower)
    )
