"""Inputs that exist only after a decision taken days ahead: who is assigned, the actual volumes, a feed
that arrives 48 hours before the day, read against the lead at which a booking, roster or order is fixed.

A decision set days before the day it serves can only use what is known then; an input fixed later sits
in the history as if known, and the offline score counts on facts the live model will not have.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import decision_lead, in_days, input_windows, lead_words, said_lead, there
from planner.judgement.rules.arrival import named_late
from planner.judgement.rules.base import Case, Evidence, Hint, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.timing import inputs_after_prediction
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# Inputs fixed only on the day served: who is assigned, what actually happened, the weather then.
DAY_OF = Lexicon("""
    on the day, on the day itself, same-day, same day, day-of, actual, actuals, actual arrivals
    actual attendance, actual volume, actual volumes, final count, final list, final schedule
    assigned, assigned to, who is assigned, staff on shift, who is on shift, on duty, on arrival, at arrival
    at check-in, at check in, at the door, at the time, observed weather, weather on the day
""")


@rule(
    "inputs-set-after-the-decision",
    Category.data,
    likelihood=4,
    impact=4,
    ask="are these inputs known when the decision is taken, days before the day it serves?",
    fires=(
        Case(
            {
                "product.decision": "Interpreters are booked 10 days ahead from the ranking.",
                "product.inputs": "Language pair, hospital, the clinician assigned and past ratings.",
            },
            evidence=(
                'product.decision: "Interpreters are booked 10 days ahead from the ranking." (booked: 10 days '
                "ahead, fixed 10 days before the day served)",
                'product.inputs: "Language pair, hospital, the clinician assigned and past ratings." (assigned: '
                "known 10 days before?)",
            ),
        ),
        Case(  # a feed that exists two days before, for a roster fixed four weeks before
            {
                "product.decision": "Security officers are rostered 28 days ahead from the forecast.",
                "product.inputs": "Scheduled seats, booked passengers from the airlines' 48-hour feed and "
                "holidays.",
            },
            evidence=(
                'product.decision: "Security officers are rostered 28 days ahead from the forecast." (rostered: '
                "28 days ahead, fixed 28 days before the day served)",
                "product.inputs: \"Scheduled seats, booked passengers from the airlines' 48-hour feed ...\" (booked passengers from the airlines' 48-hour feed: there 2 days before the day "
                "served, but the decision is taken 28 days before: it does not exist yet then)",
            ),
        ),
        Case(  # bookings held the night before, for rosters fixed 14 days ahead
            {
                "product.decision": "Guides are rostered 14 days ahead from the forecast.",
                "product.inputs": "Holidays, visits on the same day last year, advance bookings held at midnight "
                "before the day.",
            },
        ),
        Case(  # the lead is only in the answer
            {
                "product.decision": "Interpreters are booked from the ranking.",
                "product.inputs": "Language pair, hospital, the clinician assigned and past ratings.",
                "product.lead_days": 10,
            },
            evidence=(
                "product.lead_days: 10 (booked: fixed 10 days before the day served)",
                'product.inputs: "Language pair, hospital, the clinician assigned and past ratings." (assigned: '
                "known 10 days before?)",
            ),
        ),
        Case(  # an input set only two weeks ahead, for a forecast made twelve weeks ahead
            {
                "product.decision": "Planners set the quarterly timetable from the forecast.",
                "product.inputs": "Slot, weekday, the instructor (rota finalised two weeks ahead) and holidays.",
                "product.lead_days": 84,
            },
        ),
        Case(  # a figure published only weeks after the period it describes
            {
                "product.decision": "Advisers are rostered 14 days ahead from the forecast.",
                "product.inputs": "Weekday, holidays and the regional claimant count (published 6 weeks after the "
                "month).",
                "constraints.data.differences": [],
            },
        ),
        Case(  # the source's own name says when it arrives
            {
                "product.decision": "Ferry crews are rostered 3 weeks ahead.",
                "product.inputs": "Bookings per sailing, the timetable and the weather forecast.",
                "constraints.data.sources[0].name": "Port manifest, sent 24 hours before the sailing",
            },
        ),
    ),
    quiet=(
        Case(  # the answered lead is shorter than the feed's window: the feed is there in time
            {
                "product.decision": "Security officers are rostered from the forecast.",
                "product.inputs": "Scheduled seats, booked passengers from the airlines' 48-hour feed and "
                "holidays.",
                "product.lead_days": 1,
            }
        ),
        Case(  # the same day of past years: known in time
            {
                "product.decision": "Guides are rostered 14 days ahead from the forecast.",
                "product.inputs": "Holidays, visits on the same day last week and on the same day last year.",
            }
        ),
        Case(  # the feed reaches the team before the roster is fixed
            {
                "product.decision": "Security officers are rostered 28 days ahead from the forecast.",
                "product.inputs": "Scheduled seats, booked passengers from the airlines' 35-day feed and "
                "holidays.",
            }
        ),
        Case(  # the decision is taken on the day
            {
                "product.decision": "The desk picks an interpreter on the morning of the appointment.",
                "product.inputs": "Language pair, hospital, the clinician assigned and past ratings.",
            }
        ),
        Case(  # the inputs are said as known at booking
            {
                "product.decision": "Interpreters are booked 10 days ahead from the ranking.",
                "product.inputs": "Language pair, hospital and past ratings, as known at booking.",
            }
        ),
    ),
)
def inputs_set_after_the_decision(plan: Plan) -> Evidence:
    """Some inputs exist only after the decision is taken.

    A decision set days ahead (a booking, a roster, an order) can only use what is known then; a feed that
    arrives 48 hours before the day, or inputs fixed on the day itself (who is assigned, actual volumes,
    the weather then), are in the history as if known, so the offline score counts on facts the live model
    will not have.

    Mitigation: For each input, write when its value is known against when the decision is taken; train
    and score with the values as known at decision time (a snapshot, a forecast of the input, or none).
    """
    lead = decision_lead(plan)
    if lead is None or lead.days < 1:
        return None
    decided = quote(plan, lead.path, said_lead(lead))
    for window in input_windows(plan):
        if window.days < 0 and inputs_after_prediction(plan):
            continue  # a figure published after its period, asked already by its words (`after`)
        if named_late(plan, (window.words,)):
            continue  # named late by the team: inputs-after-prediction says it, with this lead
        if window.days < lead.days and not _KNOWN_AT_DECISION.find(window.about):
            return Hint(
                (window.words, *lead_words(lead)),
                (
                    decided,
                    quote(
                        plan,
                        window.path,
                        f"{window.about}: there {there(window.days)}, but the decision is taken "
                        f"{in_days(lead.days)} before: it does not exist yet then",
                    ),
                ),
            )
    inputs = answer_at(plan, "product.inputs")
    # `visits on the same day last week` is a past value, known in time
    late = next(
        (
            said
            for said in DAY_OF.find_all(inputs)
            if not _PAST_DAY.search(inputs.lower().partition(said)[2]) and not named_late(plan, (said,))
        ),
        None,
    )
    if not late or _KNOWN_AT_DECISION.find(inputs):
        return None
    return Hint(
        (*lead_words(lead), late),
        (decided, quote(plan, "product.inputs", f"{late}: known {in_days(lead.days)} before?")),
    )


_PAST_DAY = re.compile(
    r"^\s*(?:last|of\s+(?:last|the\s+previous|the\s+prior)|a\s+year\s+ago|(?:a|one)\s+(?:year|week)\s+(?:earlier|before))\b"
)

# Inputs said as known at the moment of decision.
_KNOWN_AT_DECISION = Lexicon("""
    as known at booking, as known at the time of booking, as known at decision time, as known at the time
    as of the booking, as of booking, at booking time, known at booking, known in advance, as planned
    snapshot, snapshots, as-of, as of the decision
""")
