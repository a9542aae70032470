"""The question a lead asks where a forecast reads the organisation's own records that keep changing:
bookings, reservations, orders on hand, stock. Made, cancelled, amended or sold since, today's table is not
what was on the books on each decision day; rebuilding that needs the date each booking was made and
cancelled (each order placed and changed), as the weather needs the forecast as issued.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.anchor import AS_THEN
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import TaskType
from planner.plan.model import InputsBuilt, Plan

# Internal records a forecast reads that change after the day they describe.
ON_THE_BOOKS = Lexicon("""
    bookings, bookings so far, bookings on the books, on the books, advance bookings, forward bookings
    reservations, reservations made, pre-orders, preorders, open orders, orders on hand, order book
    order intake so far, stock on hand, stock levels, inventory levels, room nights booked
    seats booked, tickets sold so far, enrolments so far, registrations so far
""")
_SAID_IN = ("product.inputs", "constraints.data.differences_note")
_SETTLED_IN = ("product.inputs", "done.eval_set", "constraints.data.differences_note")


@probe("records-as-of-the-decision", "inputs-after-prediction", "inputs-read-as-they-are-now")
def _records_as_of_the_decision(plan: Plan) -> Found:
    if plan.product.task is not TaskType.forecasting:
        return None
    built = plan.constraints.data.inputs_built
    if built is None or built is InputsBuilt.point_in_time:
        return None  # rebuilt as they stood on each decision day, or not answered: the question itself asks
    said = first_said(plan, _SAID_IN, ON_THE_BOOKS)
    if said is None or first_said(plan, _SETTLED_IN, AS_THEN):
        return None
    path, words = said
    named = ", ".join(words[:2])
    return (
        f"The forecast reads {named}, records that change after the day they describe: bookings made and "
        "cancelled, orders amended, stock sold. Does each record keep the date it was made and the date it "
        f"was cancelled or changed, so that the {named} as they stood on each decision day can be rebuilt? "
        "Read from today's table, every past row holds the late bookings and none of the cancellations, "
        "and the backtest flatters the forecast.",
        (quote(plan, path, named),),
    )
