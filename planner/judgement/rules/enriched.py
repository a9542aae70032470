"""Whether a data set was built with more of the rare class than the field has: a balanced, enriched or
curated set, or one whose count of positives is given outright.

The rarest class's share is its rate in the field; multiplied by the labelled or test count it gives the
number of rare cases only when the set was drawn as the field comes. A set enriched on purpose (500
positives and 500 negatives, cases matched with controls, all confirmed frauds and a sample of the rest)
holds orders of magnitude more, so the small-data rules read the stated count, or keep quiet, instead.
"""

from __future__ import annotations

import re

from planner.judgement.rules.evidence import answer_at, source_paths
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import Plan

# Words that say a set holds more of the rare class than the field: balanced, enriched, matched, curated.
ENRICHED = Lexicon(
    """
    balanced, balanced set, rebalanced, re-balanced, 50/50, 50-50, equal numbers, equal number, equal counts
    as many negatives, as many positives, undersampled, under-sampled, downsampled, down-sampled
    oversampled, over-sampled, matched negatives, matched controls, one negative per positive
    case-control, enriched, enriched for, curated set, curated collection, all confirmed, every confirmed
""",
    unless="balanced accuracy",
)

# A count of positives given outright: `500 positives`, `1,200 positive cases`, `300 confirmed frauds`.
_STATED = re.compile(
    r"\b(\d[\d,]*)\s+(?:confirmed\s+|labelled\s+|labeled\s+|known\s+)?"
    r"(?:positives|positive cases|positive examples|positive images|positive samples|positive scans)\b",
    re.IGNORECASE,
)


# Where each class was drawn from, written as a clause: `positives confirmed by the contractor`,
# `negative slides taken from the screening archive`, `controls drawn from the register`.
_CLASS_WORDS = {
    "positive": r"(?:positives?|positive\s+[a-z]+|confirmed\s+cases|cases)",
    "negative": r"(?:negatives?|negative\s+[a-z]+|controls|controls?\s+[a-z]+)",
}
_DRAWN = (
    r"\s+(?:(?:were|are|all|were\s+all|are\s+all)\s+)?(?P<how>from|drawn\s+from|taken\s+from|sourced\s+from"
    r"|pulled\s+(?:from|out\s+of)|collected\s+(?:from|at|by)|taken\s+by|supplied\s+by|provided\s+by|sent\s+by"
    r"|confirmed\s+by|labelled\s+by|labeled\s+by|out\s+of)\s+(?P<src>(?:[\w'’-]+\s+){0,3}[\w'’-]+)"
)
_CLASS_FROM = {
    side: re.compile(r"\b" + words + _DRAWN, re.IGNORECASE) for side, words in _CLASS_WORDS.items()
}
_TRUTH_ONLY = ("confirmed", "labelled", "labeled")  # who judged a class, not where it came from
_FILLER = frozenset(words_of("the a an our their its same one each of from and"))


def classes_apart(text: str | None) -> tuple[str, ...]:
    """The clauses that say each class was drawn from a different source (`positives confirmed by the
    contractor, negatives from our archive`), or () when the text does not, or names one source for both."""
    if not text:
        return ()
    found = {side: pattern.search(text) for side, pattern in _CLASS_FROM.items()}
    one, other = found["positive"], found["negative"]
    if one is None or other is None:
        return ()
    if all(match.group("how").lower().startswith(_TRUTH_ONLY) for match in (one, other)):
        return ()  # both name who confirmed the class: a truth question, not two sources
    sources = [set(words_of(match.group("src"))) - _FILLER for match in (one, other)]
    if not all(sources) or sources[0] & sources[1] or "same" in words_of(text):
        return ()
    return (one.group(0), other.group(0))


# The rare class's share of the set itself, in figures: `40% of the photos are positive`, `positives make
# up a third`, `1 in 3 images shows a defect` is left to the words; only a percentage is read.
_SET_SHARE = (
    re.compile(
        r"(\d+(?:\.\d+)?)\s?%\s+(?:of\s+(?:the|our|these)\s+(?:[a-z]+\s+){0,2})?(?:are|is|were)\s+positive",
        re.I,
    ),
    re.compile(
        r"positives?\s+(?:make\s+up|are|form|account\s+for)\s+(?:about\s+|roughly\s+|some\s+)?(\d+(?:\.\d+)?)\s?%",
        re.I,
    ),
)


def _set_share(text: str) -> tuple[str, float] | None:
    for pattern in _SET_SHARE:
        if match := pattern.search(text):
            return match.group(0), float(match.group(1)) / 100
    return None


def _paths(plan: Plan) -> tuple[str, ...]:
    metrics = tuple(
        f"done.metrics[{i}].dataset" for i, metric in enumerate(plan.done.metrics) if metric.dataset
    )
    return (
        "product.label",
        "constraints.data.differences_note",
        "done.eval_set",
        *metrics,
        *source_paths(plan),
    )


def enriched(plan: Plan) -> tuple[str, ...]:
    """The words that say the labelled or test set holds more of the rare class than the field does."""
    found: list[str] = []
    for path in _paths(plan):
        text = answer_at(plan, path) or ""
        found += ENRICHED.find_all(text)
        found += [match.group(0) for match in _STATED.finditer(text)]
        found += classes_apart(text)
        share = _set_share(text)
        field = plan.constraints.data.rare_share
        if share is not None and field is not None and share[1] >= 3 * field:
            found.append(share[0])  # the set holds the class at several times its rate in the field
    return tuple(dict.fromkeys(found))


def stated_positives(plan: Plan) -> int | None:
    """The count of positives the answers give outright (`500 positives and 500 negatives`), if any."""
    for path in _paths(plan):
        match = _STATED.search(answer_at(plan, path) or "")
        if match:
            return int(match.group(1).replace(",", ""))
    return None
