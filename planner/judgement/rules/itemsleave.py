"""Words of leaving that the plan's own decision does to its items: pumps retired, a product line phased
out, a fleet wound down.

`retire` or `phase out` says people go when it is said of staff, but a plan whose output, label or rules
retire, phase out or wind down its items says those words of the items all through its answers (`the
retire/keep decision`, `automatic retirement at 18 months`). A rule that hears people leaving reads such a
family only where the plan's own decision does not name it.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import answer_at
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan

# Each family: the forms of one way of leaving that a decision can do to things as well as to people.
FAMILIES = tuple(
    Lexicon(line)
    for line in (
        "retire, retires, retired, retiring, retirement, retirements",
        "phase out, phases out, phased out, phasing out",
        "wind down, winds down, wound down, winding down",
        "decommission, decommissions, decommissioned, decommissioning",
    )
)
# Where the plan says what its decision does to each item.
_DECISION_IN = ("product.output", "product.label")


def _decision_texts(plan: Plan) -> list[str]:
    texts = [answer_at(plan, path) for path in _DECISION_IN]
    texts += [rule.action for rule in plan.heuristics.rules]
    return [text for text in texts if isinstance(text, str)]


def said_of_items(plan: Plan) -> frozenset[str]:
    """The forms of each family of leaving the plan's output, label or rules do to its items: heard
    elsewhere, they speak of the items, not of people."""
    texts = _decision_texts(plan)
    return frozenset(
        form for family in FAMILIES if any(family.find(text) for text in texts) for form in family.entries
    )
