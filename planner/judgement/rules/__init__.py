"""The risk catalogue: one small documented rule per risk, each quoting the answers that trigger it.

A rule is a function `(plan) -> evidence | None` registered with `@rule(id, category, likelihood,
impact)`; its docstring holds the title (first line), why it matters, and `Mitigation: ...`.
Rules live in one module per plan area; adding a rule touches one place, its function in that
module; `tests/test_review.py` then asks for a plan that triggers it.

Precision first: a rule fires only on what the answers say. An unanswered field never fires
(`bank.completeness` reports those once); answers that say nothing ("none", "TBD",
"unknown") and explicit numbers or choices do. Thresholds are judgement calls, named in
`rules.base` so they can be tuned in one place.
"""

from __future__ import annotations

from planner.judgement.rules.base import CATALOGUE, Check, Evidence, RuleSpec, rule
from planner.judgement.rules.evidence import (
    answer_at,
    items_per_month,
    monthly_value,
    quote,
    says_nothing,
    show,
)

# Importing an area module registers its rules; this order is the catalogue's (and the output's) order.
# isort: off
from planner.judgement.rules import (
    heuristics,
    feasibility,
    people,
    impact,
    scale,
    fairness,
    share,
    adverse,
    workload,
    queue,
    data,
    evaluation,
    rare,
    capped,
    record,
    horizon,
    acting,
    reach,
    provenance,
    errorkinds,
    weighed,
    outside,
    duties,
    regulated,
    circumstances,
    generative,
    validity,
    guard,
    written,
    sight,
    newcomers,
    seasons,
    recorded,
    anchoring,
    circular,
    explained,
    serving,
    ceilings,
    done,
    action,
    unsaid,
    unseen,
)
# isort: on

__all__ = [
    "CATALOGUE",
    "Check",
    "Evidence",
    "RuleSpec",
    "acting",
    "action",
    "adverse",
    "anchoring",
    "answer_at",
    "capped",
    "ceilings",
    "circular",
    "circumstances",
    "data",
    "done",
    "duties",
    "errorkinds",
    "evaluation",
    "explained",
    "fairness",
    "feasibility",
    "generative",
    "guard",
    "heuristics",
    "horizon",
    "impact",
    "items_per_month",
    "monthly_value",
    "newcomers",
    "outside",
    "people",
    "provenance",
    "queue",
    "quote",
    "rare",
    "reach",
    "record",
    "recorded",
    "regulated",
    "rule",
    "says_nothing",
    "scale",
    "seasons",
    "serving",
    "share",
    "show",
    "sight",
    "unsaid",
    "unseen",
    "validity",
    "weighed",
    "workload",
    "written",
]
