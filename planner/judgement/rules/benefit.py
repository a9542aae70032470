"""The items a value accrues to: a value per case found, spread over the items that gain it, and no more
items than people can act on."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.plan.model import Mode, Plan
from planner.plan.rate import WORKING_DAYS
from planner.plan.workings import ActionShape

# Actions worked down a ranked list until the hours run out: the value accrues on the items reached only.
_WORKED_TO_CAPACITY = (ActionShape.up_to_capacity, ActionShape.top_of_queue)


def acted_per_month(plan: Plan) -> float | None:
    """The items people can act on a month, where the value accrues only on the share of items found
    (impact.benefit_share: a fraud caught, an occupied property found), people decide each case (augment),
    and the plan gives their capacity (`60 a month`, or a day's times the working days): a find gains its
    value only when someone acts on it. None otherwise: a value spread over every item is not capped."""
    impact = plan.impact
    capacity, share, each = impact.capacity, impact.benefit_share, impact.value_per_item
    if plan.product.mode is not Mode.augment or capacity is None or not isinstance(each, int | float):
        return None
    return None if not isinstance(share, float) or share >= 1 else capacity_month(plan)


def reached_per_month(plan: Plan) -> float | None:
    """The items reached a month where the action works a ranked list up to people's capacity (6,000
    visits a year among 310,000 homes) and every item gains the value (no impact.benefit_share): a value
    per item counts on those items only, not on the whole volume. None otherwise."""
    impact = plan.impact
    if plan.product.action_shape not in _WORKED_TO_CAPACITY or impact.capacity is None:
        return None
    share = impact.benefit_share
    return capacity_month(plan) if share is None or share == 1 else None


def capacity_month(plan: Plan) -> float:
    """People's capacity as items a month (a day's times the working days)."""
    return (plan.impact.capacity or 0.0) * WORKING_DAYS["month"]


def addressed_value(plan: Plan, items: float, item_value: float) -> float:
    """The value of `items` addressed a month: each at its value spread over the share found, but no more
    finds than people act on (437 finds a month with 60 visits gain at most 60 finds' value), and no
    more items than a list worked to capacity reaches."""
    reached = reached_per_month(plan)
    if reached is not None:
        return min(items, reached) * item_value
    acted, share = acted_per_month(plan), plan.impact.benefit_share
    if acted is None or not isinstance(share, float) or items * share <= acted:
        return items * item_value
    return acted * item_value / share  # at most one find per item acted on


def bound_said(plan: Plan, items: float) -> str:
    """`bounded by impact.capacity_per_day: 437 finds a month, people act on 60: ...`, where the finds
    among the items addressed outnumber what people act on; empty otherwise."""
    acted, impact = acted_per_month(plan), plan.impact
    share, each = impact.benefit_share, impact.value_per_item
    reached = reached_per_month(plan)
    if reached is not None and isinstance(each, int | float) and items > reached:
        return (
            f"bounded by impact.capacity_per_day: people reach {fmt.number(reached, 0)} of the "
            f"{fmt.number(items, 0)} items addressed a month: {fmt.number(reached, 0)} x {fmt.number(each)}"
        )
    if (
        acted is None
        or not isinstance(share, float)
        or not isinstance(each, int | float)
        or items * share <= acted
    ):
        return ""
    return (
        f"bounded by impact.capacity_per_day: {fmt.number(items * share, 0)} of the {fmt.number(items, 0)} "
        f"items addressed a month gain it, but people act on {fmt.number(acted, 0)}: at most "
        f"{fmt.number(acted, 0)} x {fmt.number(each)}, if every one acted on gained it; at the plan's own "
        f"{fmt.share(share)} among them, about {fmt.number(acted * share * each, 0)}"
    )


def spread_said(plan: Plan) -> str:
    """How the value per item was spread: `40 EUR on the 10% of items that gain it: 4 EUR an item`;
    empty where every item gains the value (impact.benefit_share blank or 100%)."""
    impact = plan.impact
    share, each = impact.benefit_share, impact.value_per_item
    if (
        not isinstance(share, float)
        or share == 1
        or not isinstance(each, int | float)
        or impact.item_value is None
    ):
        return ""
    unit = impact.value_unit or ""
    return (
        f"{fmt.number(each)} {unit} on the {fmt.share(share)} of items that gain it (impact.benefit_share): "
        f"{fmt.number(impact.item_value)} {unit} an item"
    ).replace("  ", " ")


def working_said(plan: Plan, items: float | None) -> str:
    """How the estimate was bounded and spread: the capacity people act within, the share that gains it."""
    bound = bound_said(plan, items) if items is not None else ""
    return "; ".join(part for part in (bound, spread_said(plan)) if part)


def estimate_said(plan: Plan, value: float) -> str:
    """The monthly estimate as evidence, with the share of items its value accrues to where given."""
    impact, months = plan.impact, plan.impact.period.per_month if plan.impact.period else None
    items = (
        impact.volume * months * impact.addressed if impact.volume and months and impact.addressed else None
    )
    spread = working_said(plan, items)
    said = f"impact estimate: {fmt.number(value, 0)} {plan.impact.value_unit} per month"
    return f"{said} ({spread})" if spread else said
