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
from planner.judgement.rules.words import Lexicon
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
    return tuple(dict.fromkeys(found))


def stated_positives(plan: Plan) -> int | None:
    """The count of positives the answers give outright (`500 positives and 500 negatives`), if any."""
    for path in _paths(plan):
        match = _STATED.search(answer_at(plan, path) or "")
        if match:
            return int(match.group(1).replace(",", ""))
    return None
