"""Whether the cases decided by hand were decided from the model's inputs alone: the check a lead asks
for where today's deciders use something the model will not get."""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan

# Words saying the by-hand cases were decided from the model's inputs only.
FROM_INPUTS_ONLY = Lexicon("""
    from the inputs alone, from the model's inputs, only the model's inputs, the model's inputs only
    model's inputs alone, only what the model sees, only what the model will see, same inputs as the model
    the inputs the model gets, blind to, blind test, blind tests, blind-tested, tested blind
""")
_WITHOUT = re.compile(r"\bwithout\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)", re.IGNORECASE)


def left_out_by_hand(plan: Plan, unseen: str) -> bool:
    """Whether the by-hand answers say the cases were decided from the model's inputs alone, or without
    something the unseen answer names (`decided from the file, without the phone call`)."""
    by_hand = plan.by_hand
    said = " ".join([by_hand.human_score_notes or "", *by_hand.noticed, *by_hand.hard_cases])
    named = set(re.findall(r"[a-z'-]+", unseen.lower()))
    return (
        bool(FROM_INPUTS_ONLY.find(said))
        or any(_named(words, named) for words in _WITHOUT.findall(said))
        or _judged_the_inputs(plan)
    )


def _named(words: str, named: set[str]) -> bool:
    """Whether a few words (`the engineer's phone call`) name a word of `named`, a possessive read as its
    owner."""
    for word in words.lower().split():
        word = word.removesuffix("'s")
        if len(word) > 3 and word in named:
            return True
    return False


# `labelled 600 photos`, `decided 150 of the records`: what people judged, in the notes on their score.
_JUDGED = re.compile(
    r"\b(?:labelled|labeled|decided|judged|rated|graded|classified|marked|coded)\s+(?:\d[\d,]*\s+)?"
    r"((?:[a-z-]+\s+){0,2}[a-z-]+)",
    re.IGNORECASE,
)


def _judged_the_inputs(plan: Plan) -> bool:
    """Whether the notes on people's score say they judged the model's own input (`labelled 600 photos`
    where the input is the photo): the by-hand cases were decided from what the model gets."""
    inputs = {word.lower() for word in re.findall(r"[A-Za-z-]+", plan.product.inputs or "")}
    for words in _JUDGED.findall(plan.by_hand.human_score_notes or ""):
        for word in words.lower().split():
            if len(word) > 3 and (word in inputs or (word.endswith("s") and word[:-1] in inputs)):
                return True
    return False
