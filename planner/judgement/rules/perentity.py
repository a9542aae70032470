"""Rules on the rows each entity has: a model that learns each provider, item or site needs rows of each.

A matcher that picks among 900 providers, or one model per item, learns each entity from that entity's
own rows. Six thousand labelled cases are plenty for one model and about seven per provider: what the
model says of a provider is then its handful of past cases, noise that ranks the lucky first. A lead
divides the labelled cases by the entities and asks how the thin ones are pooled.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import PICKING_TASKS, Category, Plan

# Entities a model may learn one by one: the candidates it picks among, or the items it forecasts apart.
_ENTITIES = (
    r"providers|suppliers|vendors|sellers|merchants|hosts|drivers|couriers|riders|carers|tutors|clinicians"
    r"|doctors|therapists|interpreters|contractors|installers|technicians|agents|stores|shops|branches|sites"
    r"|depots|clinics|practices|restaurants|hotels|properties|items|products|skus|machines|pumps"
    r"|turbines|assets|vehicles|routes|farms|wells|meters|sensors"
)
_COUNTED = re.compile(rf"\b(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:[a-z-]+\s+)?({_ENTITIES})\b", re.IGNORECASE)
# Words that say the model learns each entity on its own: one model per item, a provider's own history.
ONE_BY_ONE = Lexicon("""
    one model per, a model per, a model for each, one model for each, separate model for each, separate models
    per-item model, per-item models, per-store model, per-store models, per-site model, per-site models
    per-provider model, per-provider models, per-sku model, per-sku models, per-series model, per-series models
    its own model, their own model, own model for each, each item's own, each provider's own, each store's own
""")
_PATHS = ("product.output", "product.decision", "product.goal", "product.inputs", "product.current_solution")
MIN_ROWS_PER_ENTITY = 20  # rows of its own an entity needs before its own estimate beats the pooled one


# A count after these is how long the list shown is (`the top 5 products`), not how many entities there are.
_LIST_LENGTH = re.compile(r"\b(?:top|first|best|next|up to)\s+$", re.IGNORECASE)


def _entities(plan: Plan) -> tuple[str, int, str, str] | None:
    """The first answer that counts the entities (`900 providers`): its path, the count, the entities'
    word and the words as written; a list's length (`the top 5 products`) counts none."""
    for path in _PATHS:
        text = answer_at(plan, path)
        counts = _COUNTED.finditer(text) if isinstance(text, str) else ()
        for found in counts:
            if not _LIST_LENGTH.search(text[: found.start()]):
                return (
                    path,
                    int(found.group(1).replace(",", "")),
                    found.group(2).lower(),
                    found.group(0).lower(),
                )
    return None


@rule(
    "few-rows-per-entity",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Divide the labelled cases by the entities the model learns",
        "Plenty of cases in all can be a handful per provider or item: pool the thin ones (shared features, "
        "a hierarchical model, a group's estimate), and score the entities with few rows apart",
        "info",
    ),
    ask="does the model learn each of these entities from its own rows, and how many rows does each have?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "product.output": "A ranked shortlist of 900 interpreters for each booking.",
                "constraints.data.labeled_examples": 6000,
            },
            evidence=(
                'product.output: "A ranked shortlist of 900 interpreters for each booking." (900 interpreters)',
                "constraints.data.labeled_examples: 6000 (6,000 / 900 interpreters = about 7 each; an entity "
                "learnt from its own rows needs about 20)",
            ),
            also=frozenset({"model-selects-cases"}),  # the fixture's picks are the cases later labelled
        ),
        Case(  # the catalogue is counted, not the top 5 shown
            {
                "product.task": "recommendation",
                "product.output": "The top 5 products for each shopper, from a catalogue of 40 products.",
                "constraints.data.labeled_examples": 600,
            },
            evidence=(
                'product.output: "The top 5 products for each shopper, from a catalogue of 40 products." '
                "(40 products)",
                "constraints.data.labeled_examples: 600 (600 / 40 products = about 15 each; an entity "
                "learnt from its own rows needs about 20)",
            ),
        ),
    ),
    quiet=(
        Case(  # plenty of rows for each
            {
                "product.task": "matching",
                "product.output": "A ranked shortlist of 40 interpreters for each booking.",
                "constraints.data.labeled_examples": 6000,
            }
        ),
        Case(  # the top 5 is the list shown, not five products to learn
            {
                "product.task": "recommendation",
                "product.output": "The top 5 products for each shopper.",
                "constraints.data.labeled_examples": 60,
            }
        ),
        Case(  # a classifier over invoices from 900 suppliers learns no supplier on its own
            {
                "product.output": "Whether each invoice from our 900 suppliers duplicates another.",
                "constraints.data.labeled_examples": 6000,
            }
        ),
    ),
)
def few_rows_per_entity(plan: Plan) -> Evidence:
    """The model learns each provider, item or site, and each has few labelled rows of its own.

    A matcher or ranker that picks among hundreds of providers, or one model per item, estimates each
    entity from its own past: with a handful of rows each, that estimate is noise, and the entities with
    a lucky start are ranked first and fed more work.

    Mitigation: Divide the labelled cases by the entities; pool the thin ones (features shared across
    entities, a hierarchical model, the group's estimate until an entity has enough rows), and score
    the entities with few rows apart.
    """
    labelled = plan.constraints.data.labeled_count
    if not labelled:
        return None
    found = _entities(plan)
    if found is None:
        return None
    path, entities, word, said = found
    one_by_one = next((words for p in _PATHS if (words := ONE_BY_ONE.find_all(answer_at(plan, p)))), ())
    if plan.product.task not in PICKING_TASKS and not one_by_one:
        return None  # one model over all: it learns no entity on its own
    per = labelled / entities
    if entities < 2 or per >= MIN_ROWS_PER_ENTITY:
        return None
    note = (
        f"{fmt.count(labelled)} / {fmt.count(entities)} {word} = about {fmt.count(per)} each; an entity "
        f"learnt from its own rows needs about {MIN_ROWS_PER_ENTITY}"
    )
    return Hint(
        (said, *one_by_one),
        (
            quote(plan, path, f"{fmt.count(entities)} {word}"),
            quote(plan, "constraints.data.labeled_examples", note),
        ),
    )
