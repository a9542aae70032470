"""The rule on a value per item typed as a total a period: both readings shown, so the team states the
value per item, or the total the model may save."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.periodtotal import PERIODS, period_total
from planner.plan.model import Category, Plan


def _readings(plan: Plan, noun: str) -> str | None:
    """Both readings of the value: per item, times every item of the month, and as the total a period."""
    impact, value = plan.impact, plan.impact.item_value
    if value is None or impact.volume is None or impact.period is None or impact.period.per_month is None:
        return None
    money = (impact.value_unit or "").split()[0]
    share = 1.0 if impact.addressed is None else impact.addressed
    items = impact.volume * impact.period.per_month * share
    per_month = PERIODS[noun].per_month or 1.0
    spread = f"/ {fmt.number(1 / per_month)}" if per_month < 1 else f"x {fmt.number(per_month, 2)}"
    return (
        f"read per item: {fmt.number(value)} x {fmt.count(items)} items a month = {fmt.count(value * items)} "
        f"{money} a month; read as the total a {noun}: {fmt.number(value)} {spread} = "
        f"{fmt.count(value * per_month)} {money} a month, {fmt.number(value / (items / per_month), 2)} {money} "
        "an item"
    )


@rule(
    "value-given-a-period",
    Category.product,
    likelihood=4,
    impact=3,
    move=Move(
        "Give the value per item, not a total for the period",
        "A total a year typed as the value per item multiplies it by every item: say whether the figure is "
        "the whole year's loss (then divide it over the items) or what one item gains",
        "warning",
    ),
    fires=(
        Case(  # a yearly loss typed as the value per item: 40,000 x 7,200 invoices a month
            {"impact.value_per_item": 40000, "impact.value_unit": "EUR per year in duplicate payments"},
            evidence=(
                'impact.value_unit: "EUR per year in duplicate payments" (a total a year, not a value per item)',
                "read per item: 40,000 x 7,200 items a month = 288,000,000 EUR a month; read as the total a "
                "year: 40,000 / 12 = 3,333 EUR a month, 0.46 EUR an item",
            ),
        ),
        Case({"impact.value_per_item": 5000, "impact.value_unit": "GBP a month"}),
    ),
    quiet=(
        Case({"impact.value_unit": "EUR per invoice"}),
        Case({"impact.value_unit": "EUR per customer per year"}),  # a value per item, over a year
        Case({"impact.value_unit": "EUR per day of delay avoided"}),  # the day of delay is the item
        Case({"impact.value_unit": "EUR"}),
    ),
)
def value_given_a_period(plan: Plan) -> Evidence:
    """The value per item is typed as a total a period.

    A value unit of `GBP per year` reads as a yearly total, yet the estimate multiplies it by every item
    of the month: a £40,000 yearly loss becomes a hundred million a month, and the worth of the project
    is judged on that.

    Mitigation: Divide the yearly figure over the items it is lost on, or give what one item gains; then
    redo the estimate and weigh it against the effort.
    """
    noun = period_total(plan)
    if noun is None or plan.impact.item_value is None:
        return None
    said = f'impact.value_unit: "{plan.impact.value_unit}" (a total a {noun}, not a value per item)'
    readings = _readings(plan, noun)
    return (said, readings) if readings else (said,)
