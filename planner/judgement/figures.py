"""The figures computed from a plan's answers: its volume and value a month, or in all for a job run once."""

from __future__ import annotations

from dataclasses import dataclass

from planner.judgement.rules import items_in_all, items_per_month, monthly_value, value_in_all
from planner.judgement.rules.benefit import working_said
from planner.judgement.rules.caught import caught, caught_said
from planner.judgement.rules.evidence import volume_unit
from planner.judgement.rules.units import unit_of_total
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Mode, Period, Plan
from planner.plan.oversight import UNCHECKED_FIRST


@dataclass(frozen=True)
class Figures:
    """Numbers computed from the answers; None where the answers do not allow them."""

    items_per_month: float | None = None
    items_per_year: float | None = None  # a volume said a year reads as one (a yearly budget of visits)
    monthly_value: float | None = None
    items_in_all: float | None = None  # a job run once over a backlog: its whole, not a flow a month
    value_in_all: float | None = None  # and its value, counted once
    value_unit: str | None = None
    value_spread: str = ""  # the working: the ceiling scaled by the events caught and saved, bounded by
    # people's capacity, spread over the items that gain it
    share_left_to_humans: float | None = None
    people_decide: bool = False  # the tool augments people: they decide every case, the model advises
    volume_unit: str = "items"  # what the volume counts: items, or the plan's own amount (tonnes); "" unknown
    value_unmeasured: bool = False  # the value per item is answered 'not measured': no estimate yet
    share_unmeasured: bool = False  # the share addressed is answered 'not measured': no estimate yet
    benefit_unmeasured: bool = False  # the share of items that gain the value is 'not measured': none yet

    @property
    def yearly_value(self) -> float | None:
        return None if self.monthly_value is None else 12 * self.monthly_value


def _addressed(plan: Plan) -> float | None:
    """The items the model addresses a month, before any bound by what people act on."""
    per_month, share = items_per_month(plan), plan.impact.addressed
    return None if per_month is None or share is None else per_month * share


def _scaled(plan: Plan, ceiling: float | None, unbounded: float | None) -> tuple[float | None, str]:
    """The estimate scaled by the share of the events the plan expects to catch and save, with its working."""
    found = caught(plan)
    if ceiling is None or unbounded is None or found is None:
        return ceiling, ""
    unit = unit_of_total(plan.impact.value_unit or "") or ""
    return found.value(ceiling, unbounded), caught_said(plan, found, ceiling, unbounded, unit)


def figures(plan: Plan) -> Figures:
    """The figures: left to people is what the model does not address; a value per slide is read per month;
    a value on events found counts only those the model catches and the action saves (a ceiling otherwise)."""
    share, unit = plan.impact.addressed, plan.impact.value_unit
    value, scaled = _scaled(plan, monthly_value(plan), monthly_value(plan, bounded=False))
    once, scaled_once = _scaled(plan, value_in_all(plan), value_in_all(plan))
    working = working_said(plan, _addressed(plan)) if value is not None or once is not None else ""
    return Figures(
        items_per_month=items_per_month(plan),
        items_per_year=plan.impact.volume if plan.impact.period is Period.year else None,
        monthly_value=value,
        items_in_all=items_in_all(plan),
        value_in_all=once,
        value_unit=unit_of_total(unit) if unit and (value is not None or once is not None) else None,
        value_spread="; ".join(part for part in (scaled or scaled_once, working) if part),
        share_left_to_humans=1 - share if share is not None else None,
        people_decide=plan.product.mode is Mode.augment
        and "commits_alone" not in plan.product.circumstances
        and plan.product.checked_outputs not in UNCHECKED_FIRST,
        volume_unit=volume_unit(plan),
        value_unmeasured=plan.impact.value_per_item == NOT_MEASURED,
        share_unmeasured=plan.impact.share_addressed == NOT_MEASURED,
        benefit_unmeasured=plan.impact.benefit_share == NOT_MEASURED,
    )
