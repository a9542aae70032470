"""The volume of a job run once over a backlog (`impact.period: once`): a total counted once, not a flow."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.evidence import items_per_month, per_month, value_per_other_item, volume_unit
from planner.plan.model import Period, Plan


def items_in_all(plan: Plan) -> float | None:
    """The whole backlog of a job run once (`impact.period: once`); None for a volume that recurs."""
    impact = plan.impact
    return impact.volume if impact.period is Period.once else None


def value_in_all(plan: Plan) -> float | None:
    """Impact estimate of a job run once: the backlog x share addressed x value per item, counted once."""
    items, impact = items_in_all(plan), plan.impact
    if items is None or impact.addressed is None or impact.item_value is None:
        return None
    return None if value_per_other_item(plan) else items * impact.addressed * impact.item_value


def volume_said(plan: Plan) -> tuple[float, str] | None:
    """The volume with its wording: `12,000 items a month`, or `40,000 items in all` for a job run once."""
    monthly, backlog, unit = items_per_month(plan), items_in_all(plan), volume_unit(plan)
    if monthly is not None:
        return monthly, per_month(monthly, unit)
    if backlog is None:
        return None
    return backlog, " ".join(text for text in (fmt.number(backlog), unit, "in all") if text)
