"""Rules on a matching model scored per pair while its user meets each item whole.

A fitment, a record linkage or a dedup run writes many candidate pairs per item; the customer, the
clerk or the downstream system meets the item with all its pairs. One item with 40 pairs at 98% pair
precision carries at least one wrong pair more often than not: a lead asks for the score at the level
the user sees it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.scored import parent_nouns
from planner.judgement.rules.units import singular
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import Category, MetricUnit, Plan, RowsPerThing, TaskType

# Words of a metric that counts pairs or links one by one.
PAIR_LEVEL = Lexicon("""
    pair precision, pair recall, pairwise precision, pairwise recall, pairwise f1, pair f1, pair-level
    pair level, per pair, link precision, link recall, pairs correct, correct pairs, pair accuracy
""")

# Words of a metric that counts items or clusters whole.
ITEM_LEVEL = Lexicon("""
    cluster purity, purity, per item, per entity, per record, per cluster, at least one wrong
    at least one error, with a wrong, with any wrong, with no wrong, fully correct, entirely correct
    all pairs correct, b-cubed, bcubed, entity-level, entity level, item-level, item level
""")

_EACH = re.compile(
    r"(?:about|around|some|~|up to|average of|on average)?\s*(\d[\d,]*)\s+\w*\s*(?:pairs|candidates|links|matches)"
)


_ERROR_WORDS = frozenset(
    {"wrong", "error", "incorrect", "precision", "accuracy", "correct", "mismatch", "purity"}
)


def _head_noun(unit: str | None) -> str:
    """The thing several pairs describe, as the answer names it (`one catalogue object (...)` -> object)."""
    head = re.split(r"[(,;:]| - ", unit or "", maxsplit=1)[0]
    words = [word for word in words_of(head) if word.isalpha()]
    return next(iter(singular(words[-1])), "item") if words else "item"


def _pairs_per_item(unit: str | None) -> int | None:
    found = _EACH.search(unit or "")
    return int(found.group(1).replace(",", "")) if found else None


def _precision(plan: Plan) -> tuple[int, float] | None:
    """The first pair-level precision with a figure (its target, else its baseline), as a share."""
    for index, metric in enumerate(plan.done.metrics):
        if "precision" not in metric.name.lower() or not PAIR_LEVEL.find(metric.name):
            continue
        for value in (metric.target, metric.baseline_figure):
            if isinstance(value, int | float) and 0 < value < 100:
                share = value / 100 if value > 1 else value
                if 0.5 <= share < 1:
                    return index, share
    return None


@rule(
    "pairs-scored-items-met",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Score the items as the user meets them, not the pairs",
        "An item with many candidate pairs is shown, merged or fitted whole: at 98% pair precision an item "
        "with 40 pairs carries at least one wrong more often than not; report the share of items with at "
        "least one wrong pair (or cluster purity), by how many pairs they hold",
        "warning",
    ),
    ask="the metric counts pairs, while the user meets each item with all its pairs?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one part (about 40 vehicle pairs each)",
                "done.metrics[0].name": "pair precision at threshold 0.9",
                "done.metrics[0].target": None,
                "done.metrics[0].baseline": 0.98,
            },
            evidence=(
                'done.metrics[0].name: "pair precision at threshold 0.9" (counts pairs one by one)',
                'constraints.data.repeated_unit: "one part (about 40 vehicle pairs each)" (several pairs to each '
                "part, and the user meets each part whole)",
                "done.metrics[0].baseline: 0.98 (at 2% wrong pairs, one part with 40 pairs carries at least one "
                "wrong with probability 55%)",
            ),
            also=frozenset({"no-done-criteria"}),  # a baseline, no target
        ),
        Case(  # no figures: the question only
            {
                "product.task": "matching",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "SKU (all its vehicle pairs)",
                "done.metrics[0].name": "Pairwise precision on held-out SKUs",
            },
        ),
    ),
    quiet=(
        Case({"done.metrics[0].name": "pair precision at threshold 0.9"}),  # not a matching task
        Case(  # one row per item: each pair is its own decision
            {
                "product.task": "matching",
                "constraints.data.rows_per_thing": "one",
                "done.metrics[0].name": "pair precision at threshold 0.9",
            }
        ),
        Case(  # the item-level score is planned
            {
                "product.task": "matching",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one part (about 40 vehicle pairs each)",
                "done.metrics[0].name": "Share of parts with at least one wrong vehicle",
            }
        ),
        Case(  # parts ticked: metric-scores-parts says it
            {
                "product.task": "matching",
                "constraints.data.rows_per_thing": "several",
                "constraints.data.repeated_unit": "one part",
                "done.metrics[0].name": "pair precision at threshold 0.9",
                "done.metric_unit": "parts",
            },
            also=frozenset({"metric-scores-parts"}),
        ),
    ),
)
def pairs_scored_items_met(plan: Plan) -> Evidence:
    """The metric counts pairs, while the user meets each item with all its pairs.

    A matching model (fitment, record linkage, dedup, product matching) writes several pairs per item,
    and the customer, the clerk or the next system meets the item whole: the part listed under its
    vehicles, the merged customer record, the cluster. Pair precision weighs items by their pairs and
    hides that an item with many pairs almost surely carries a wrong one: at 98% pair precision, a part
    with 40 vehicles has a wrong one 55% of the time.

    Mitigation: Score at the level the user sees: the share of items with at least one wrong pair (or
    cluster purity), by how many pairs they hold; set the pair threshold from that, and keep pair
    precision as a diagnostic.
    """
    if plan.product.task is not TaskType.matching:
        return None
    data = plan.constraints.data
    if data.rows_per_thing is not RowsPerThing.several:
        return None
    if plan.done.metric_unit not in (None, MetricUnit.decision):
        return None  # parts or pooled ticked: the scored rules say it
    names = [metric.name for metric in plan.done.metrics]
    if any(ITEM_LEVEL.find(name) for name in names):
        return None
    parents = parent_nouns(data.repeated_unit)
    for name in names:  # a metric counting the items' errors themselves ("parts with a wrong vehicle")
        said = singular(" ".join(word for word in words_of(name) if word.isalpha()))
        if parents & said and said & _ERROR_WORDS and not PAIR_LEVEL.find(name):
            return None
    pair = next(
        ((index, PAIR_LEVEL.find(name)) for index, name in enumerate(names) if PAIR_LEVEL.find(name)), None
    )
    if pair is None:
        return None
    index, words = pair
    item = _head_noun(data.repeated_unit) if parents else "item"
    found = [
        quote(plan, f"done.metrics[{index}].name", "counts pairs one by one"),
        quote(
            plan,
            "constraints.data.repeated_unit",
            f"several pairs to each {item}, and the user meets each {item} whole",
        )
        if data.repeated_unit
        else quote(plan, "constraints.data.rows_per_thing", "several pairs to an item, met whole"),
    ]
    each = _pairs_per_item(data.repeated_unit)
    precision = _precision(plan)
    if each and precision:
        at, share = precision
        wrong = 1 - share**each
        field = "target" if plan.done.metrics[at].target is not None else "baseline"
        found.append(
            quote(
                plan,
                f"done.metrics[{at}].{field}",
                f"at {1 - share:.0%} wrong pairs, one {item} with {each} pairs carries at least one wrong "
                f"with probability {wrong:.0%}",
            )
        )
    return Hint((words or "pair",), found)
