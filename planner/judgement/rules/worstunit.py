"""An average hides the worst unit: the done metric is one figure pooled over sites, stores, wards,
regions or languages while each unit is acted on apart, and one bad unit is the costly failure.

A store that runs out, a ward that is understaffed, a language the model answers with nonsense: each
is a failure in its own right, and an average over forty units passes while one of them fails. A lead
asks for the metric per unit, with a floor for the worst one, beside the average.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.slices import PER_SLICE
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, MetricUnit, Plan

# The units a decision is taken for one by one, singular and plural.
_UNITS = (
    ("site", "sites"),
    ("store", "stores"),
    ("shop", "shops"),
    ("branch", "branches"),
    ("ward", "wards"),
    ("region", "regions"),
    ("depot", "depots"),
    ("warehouse", "warehouses"),
    ("clinic", "clinics"),
    ("hospital", "hospitals"),
    ("school", "schools"),
    ("plant", "plants"),
    ("language", "languages"),
    ("product line", "product lines"),
    ("market", "markets"),
    ("country", "countries"),
)

# A done metric said as one figure over the units: `averaged across our 40 stores`, `all languages`.
POOLED_OVER_UNITS = Lexicon(
    "\n".join(
        f"across all {p}, across our {p}, across all # {p}, across our # {p}"
        f", across the # {p}, over all {p}, over the # {p}, over our # {p}, averaged over {p}"
        f", averaged over the {p}, averaged over our # {p}, average over {p}, pooled over {p}"
        f", pooled across {p}, all {p} together, all {p} pooled, all {p} combined, {p} combined"
        for _, p in _UNITS
    )
)

# The done metric read unit by unit, or with a floor for the worst unit.
PER_UNIT = PER_SLICE + Lexicon(
    "\n".join(
        f"per {s}, by {s}, each {s}, every {s}, worst {s}, lowest {s}, weakest {s}, worst {p}, lowest {p}"
        f", no {s}, any {s}, per-{s}, {s}-level, {s} by {s}, for each {s}, each of the {p}"
        for s, p in _UNITS
    )
    + "\nfloor, worst unit, worst units, worst decile, worst-case, bottom decile, minimum across"
)


def _done_texts(plan: Plan) -> list[tuple[str, str]]:
    done = plan.done
    texts = [(f"done.metrics[{i}].name", m.name) for i, m in enumerate(done.metrics)]
    texts += [(f"done.metrics[{i}].dataset", m.dataset or "") for i, m in enumerate(done.metrics)]
    texts += [
        ("done.eval_set", done.eval_set or ""),
        ("done.worst_error_metric", done.worst_error_metric or ""),
    ]
    return [(path, text) for path, text in texts if text]


@rule(
    "average-hides-worst-unit",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Report the metric per unit, with a floor for the worst",
        "The done metric is one figure over the sites, stores or languages while each is acted on apart: an "
        "average passes while one unit fails; report it per unit with the count of cases in each, and set a "
        "floor the worst unit must clear beside the average",
        "warning",
    ),
    ask="the done metric is one figure over the units; is it also read per unit, with a floor for the worst?",
    fires=(
        Case(
            {
                "done.metrics[0].name": "Recall of duplicates averaged across our 12 branches",
                "product.decision": "Clerks check the invoices the model holds before each branch's own payment run.",
            },
            also=frozenset({"scored-unit-differs"}),  # the fixture scores invoices; clerks decide per branch
            evidence=(
                'done.metrics[0].name: "Recall of duplicates averaged across our 12 branches" (one figure '
                "over the branches)",
                'product.decision: "Clerks check the invoices the model holds before each branch\'s own ..." '
                "(each branch is acted on apart: one weak branch fails while the average passes)",
            ),
        ),
    ),
    quiet=(
        Case({}),  # no units named
        Case(  # the worst unit has a floor
            {
                "done.metrics": [
                    {"name": "Recall of duplicates averaged across our 12 branches", "target": 0.9},
                    {"name": "Recall in the worst branch", "target": 0.85},
                ],
                "product.decision": "Clerks check the invoices the model holds before each branch's own payment run.",
            }
        ),
        Case(  # the units are not what the decision is taken for
            {
                "done.metrics[0].name": "Recall of duplicates averaged across our 12 branches",
                "product.decision": "A clerk checks the invoices the model holds before the payment run.",
            }
        ),
        Case(  # an amount set per unit and pooled: amount-scored-in-aggregate says it
            {
                "done.metrics[0].name": "MAPE of daily demand across all stores",
                "product.action_shape": "sets_amount",
                "done.metric_unit": "pooled",
                "product.decision": "Each store's order is set from the forecast.",
            },
            also=frozenset({"amount-scored-in-aggregate"}),
        ),
    ),
)
def average_hides_worst_unit(plan: Plan) -> Evidence:
    """The done metric is one figure over the units, while each unit is acted on apart.

    Sites, stores, wards, regions or languages each get their own decisions: a store's order, a ward's
    staffing, the answers in one language. One bad unit is the costly failure (a store runs out, a
    language gets nonsense), and an average over the units passes while it fails, since a unit weighs
    one part in many.

    Mitigation: Report the done metric per unit with the count of cases in each, set a floor the worst
    unit must clear beside the average, and do not ship to a unit that misses it.
    """
    names = [(f"done.metrics[{i}].name", metric.name) for i, metric in enumerate(plan.done.metrics)]
    # The metric itself is the pooled figure; a test set drawn across all sites says where cases come from.
    pooled = next(((path, words) for path, text in names if (words := POOLED_OVER_UNITS.find(text))), None)
    if pooled is None:
        return None
    if any(PER_UNIT.find(text) for _, text in _done_texts(plan)):
        return None  # read per unit, or a floor for the worst
    shape, unit = plan.product.action_shape, plan.done.metric_unit
    if shape is ActionShape.sets_amount and unit is MetricUnit.pooled:
        return None  # amount-scored-in-aggregate weighs the pooled amount
    path, words = pooled
    noun = next(p for s, p in _UNITS if words.endswith(p))
    single = next(s for s, p in _UNITS if p == noun)
    named = re.compile(rf"\b(?:{single}|{noun})\b", re.IGNORECASE)
    for where in ("product.decision", "product.users", "impact.bottleneck"):
        if named.search(answer_at(plan, where) or ""):
            return Hint(
                (words,),
                (
                    quote(plan, path, f"one figure over the {noun}"),
                    quote(
                        plan,
                        where,
                        f"each {single} is acted on apart: one weak {single} fails while the average passes",
                    ),
                ),
            )
    return None
