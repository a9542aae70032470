"""Cues of how each class was captured that a model can learn instead of the class.

Beyond `positives from A, negatives from B` (enriched.classes_apart), the class can show in how it was
captured: the fouled hulls in divers' photos and the clean ones in the robot's video, the defects
photographed with the inspector's tag in frame, the faults taken from complaints and the good units
from a random batch. Each is a cue the field will not carry; these helpers find it in the answers.
"""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon, words_of

# A class named by what it is (`fouled hulls`, `defective welds`, `healthy leaves`), then where it came
# from: `fouled hulls from divers' photos`, `clean hulls taken from the robot's video`.
_ONE = (
    r"(?:defects?|defective|faulty|fouled|diseased|infected|damaged|cracked|corroded|mouldy|moldy|rotten"
    r"|fraudulent|anomalous|abnormal|sick|failed|broken|positive)"
)
_OTHER = (
    r"(?:clean|healthy|intact|undamaged|genuine|legitimate|non-defective|defect-free|unaffected"
    r"|negative|good)"
)
_FROM = (
    r"(?:\s+[a-z]+)?\s+(?:(?:were|are|all|come|came|were\s+all|are\s+all)\s+)?(?:from|drawn\s+from|taken\s+from"
    r"|shot\s+(?:on|by|from)|filmed\s+(?:on|by)|photographed\s+(?:by|on|at|in)|recorded\s+(?:on|by|at)"
    r"|out\s+of)\s+(?P<src>(?:the\s+|our\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+)"
)
_SIDES = {
    "one": re.compile(r"\b" + _ONE + _FROM, re.IGNORECASE),
    "other": re.compile(r"\b" + _OTHER + _FROM, re.IGNORECASE),
}
_FILLER = frozenset(words_of("the a an our their its same one each of from and in on by at"))

# A mark in the picture that comes with one class only: the inspector's tag, a chalk circle, a ruler.
MARKED_IN_FRAME = Lexicon("""
    tag in frame, tag in the frame, tag in the photo, tag in the picture, tag in shot, tagged before
    marker in frame, marker in the frame, marker in the photo, marker in shot, marked with chalk
    chalk mark, chalk marks, chalk circle, circled in chalk, circled in marker, pen mark, pen marks
    ruler in frame, ruler in the frame, ruler in the photo, scale bar, reject tag, reject tags, red tag
    red tags, sticker on the, stickers on the, flagged with a tag, label in frame, label in the frame
""")

# Positives picked by a complaint or a return, the negatives by a random draw: two ways in.
COMPLAINT_POSITIVES = Lexicon("""
    from complaints, from customer complaints, from the complaints, complaint cases, complained about
    customer returns, warranty returns, returned units, returned parts, units returned, parts returned
    reported by customers, customer reports
""")
RANDOM_NEGATIVES = Lexicon("""
    random batch, a random batch, random batches, random sample of production, random production batch
    random lot, random lots, randomly picked, random pick
""")


def captured_apart(text: str | None) -> tuple[str, ...]:
    """The clauses that say each class was captured apart (`fouled hulls from divers' photos ... clean
    hulls from the robot's video`), or () when the text does not, or names one capture for both."""
    if not text:
        return ()
    one, other = (_SIDES[side].search(text) for side in ("one", "other"))
    if one is None or other is None or "same" in words_of(text):
        return ()
    sources = [set(words_of(match.group("src"))) - _FILLER for match in (one, other)]
    if not all(sources) or sources[0] & sources[1]:
        return ()
    return (one.group(0), other.group(0))


def picked_apart(text: str | None) -> tuple[str, ...]:
    """A class picked by complaints or returns beside one drawn at random, or a mark in frame: words."""
    marked = MARKED_IN_FRAME.find_all(text)
    if marked:
        return tuple(marked)
    complaints, batch = COMPLAINT_POSITIVES.find_all(text), RANDOM_NEGATIVES.find_all(text)
    return (*complaints, *batch) if complaints and batch else ()
