"""Whether generated text reaches people outside unchecked and in bulk: the answers a lead reads before
taking a team's own rating of its errors at its word."""

from __future__ import annotations

from planner.judgement.rules.evidence import quote
from planner.judgement.rules.shadowed import person_approves_each
from planner.plan.model import Audience, Circumstance, Delivery, Mode, Plan
from planner.plan.oversight import UNCHECKED_FIRST

# Outputs published in one run or one period from which a wrong fact reaches readers in bulk.
PUBLISHED_IN_BULK = 1000

_OUTSIDE = frozenset({Audience.outsiders, Audience.both})


def sent_unchecked(plan: Plan) -> str | None:
    """The answer saying outputs go out with nobody checking each first, quoted; None where none says so."""
    product = plan.product
    if product.mode is Mode.automate:
        return quote(plan, "product.mode", "nobody checks each before it goes out")
    if product.delivery is Delivery.automatic:
        return quote(plan, "product.delivery", "published as it comes, nobody checks each")
    if Circumstance.commits_alone in product.circumstances:
        return quote(plan, "product.circumstances", "it sends on its own, unchecked")
    if product.checked_outputs in UNCHECKED_FIRST:
        return quote(plan, "product.checked_outputs", "not every one is checked before it goes out")
    return None


def published_unchecked(plan: Plan) -> tuple[str, ...] | None:
    """The answers saying outsiders read the output, nobody checks each before it goes out, and a thousand
    or more go out at once or each period; None where any is not said. A wrong fact in a published
    description is a misdescription whatever the team rates it: the team's rating is not asked here."""
    product, impact = plan.product, plan.impact
    if product.audience not in _OUTSIDE or person_approves_each(plan):
        return None
    unchecked = sent_unchecked(plan)
    if unchecked is None:
        return None
    volume = impact.volume
    if not isinstance(volume, int | float) or volume < PUBLISHED_IN_BULK:
        return None
    period = impact.period
    at_once = quote(
        plan, "impact.volume", "in one run" if period == "once" else f"a {period}" if period else ""
    )
    return (quote(plan, "product.audience", "people outside read its output"), unchecked, at_once)
