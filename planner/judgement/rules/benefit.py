"""The share of the items a value accrues to: a value per case found, spread over the items that gain it."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.plan.model import Plan


def spread_said(plan: Plan) -> str:
    """How the value per item was spread: `40 EUR on the 10% of items that gain it: 4 EUR an item`;
    empty where every item gains the value (impact.benefit_share blank or 100%)."""
    impact = plan.impact
    share, each = impact.benefit_share, impact.value_per_item
    if share is None or share == 1 or not isinstance(each, int | float) or impact.item_value is None:
        return ""
    unit = impact.value_unit or ""
    return (
        f"{fmt.number(each)} {unit} on the {fmt.share(share)} of items that gain it (impact.benefit_share): "
        f"{fmt.number(impact.item_value)} {unit} an item"
    ).replace("  ", " ")


def estimate_said(plan: Plan, value: float) -> str:
    """The monthly estimate as evidence, with the share of items its value accrues to where given."""
    spread = spread_said(plan)
    said = f"impact estimate: {fmt.number(value, 0)} {plan.impact.value_unit} per month"
    return f"{said} ({spread})" if spread else said
