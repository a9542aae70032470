"""When the levers and the inputs exist in time, by arithmetic on the plan's own figures: a lever that needs
more notice than the forecast gives, and attributes read from one current snapshot onto years of events.

A lead reads every lever the output feeds against how far ahead the prediction is made: a roster agreed 28
days ahead cannot use a forecast made 14 days ahead, however accurate. And a lead reads a table taken once
(a register extract received in January, an EHR snapshot, today's customer table) against the years of
events it is joined onto: each past row sees today's values, after the outcome and its consequences, and
only the things that still exist.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import (
    LEAD_PATH,
    LEVERS,
    SPAN,
    days_of,
    in_days,
)
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.horizon import horizon_shorter_than_lead_time, said_horizon
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, DataKind, Plan, TaskType

# The notice a lever needs: `7 days' notice`, `agreed 28 days ahead`, `a lead time of 6 weeks`.
_NOTICE = re.compile(
    rf"\b{SPAN}(?:'s?|’s?)?\s+(?:ahead|in\s+advance|beforehand|before|earlier|notice|prior)\b"
    rf"|\blead[\s-]time\s+(?:of\s+|is\s+)?{SPAN}\b|\b{SPAN}\s+lead[\s-]time\b|\bnotice\s+of\s+{SPAN}\b",
    re.IGNORECASE,
)
# Levers beside anchor's: what is hired, booked or swapped with notice.
NOTICE_LEVERS = LEVERS + Lexicon("""
    hire, hires, hiring, hired, recruit, recruits, recruiting, recruitment, agency staff, temporary staff
    book, books, rota, crew, crews, container swap, container swaps, swaps, haulier, hauliers, supplier
    suppliers, contractor, contractors, timetable, timetables, maintenance window, maintenance windows
""")
# What the prediction itself is, not a lever it feeds: `the forecast is published 14 days ahead`.
_PREDICTION = re.compile(r"\b(?:forecasts?|predictions?|predicted|model|scores?|estimates?)\b", re.I)
# Words that say a lever is acted on, not which: the lever named beside them says more.
_ACTS = frozenset(
    {
        *("book", "books", "booked", "booking", "ordered", "ordering", "placed", "set", "fixed", "published"),
        *("locked", "frozen", "finalised", "finalized", "rostered", "scheduled", "contracted", "allocated"),
        *("hire", "hires", "hiring", "hired", "recruit", "recruits", "recruiting"),
    }
)
_LEVER_IN = ("product.decision", "impact.bottleneck", "product.current_solution")


def lever_notices(plan: Plan) -> list[tuple[str, str, str, float]]:
    """Each lever the decision's words give a notice for: (path, lever, words, shortest notice in days),
    the lever being the last one named between the previous notice and this one."""
    found = []
    for path in _LEVER_IN:
        text = answer_at(plan, path) or ""
        start = 0
        for match in _NOTICE.finditer(text):
            segment = text[start : match.start()]
            start = match.end()
            levers = NOTICE_LEVERS.find_all(segment)
            last = segment.lower().rfind(levers[-1].lower()) if levers else -1
            near = text[max(0, match.start() - 40) : match.start()]
            if not levers or _PREDICTION.search(segment[last:]) or _PREDICTION.search(near):
                continue  # `the forecast, which is published 21 days ahead`: the prediction, not a lever
            nouns = [lever for lever in levers if lever.lower() not in _ACTS]
            found.append((path, (nouns or levers)[-1], match.group(0), days_of(match.group(0))[0]))
    return found


def _prediction_lead(plan: Plan) -> tuple[str, float, str] | None:
    """How far ahead the prediction is made: the answered lead above 0, else the horizon the output says."""
    days = plan.product.lead_days
    furthest = plan.product.furthest_lead
    if days is not None and furthest is not None and furthest > days:  # one decision for a span of days
        return "product.lead_max_days", furthest, "the furthest day it serves is that many days ahead"
    if days is not None and days > 0:
        return LEAD_PATH, float(days), "the prediction is made that many days ahead"
    said = said_horizon(plan)
    if said is None:
        return None
    path, (words, reach) = said
    return path, reach, f"{words}: the forecast reaches {in_days(reach)} ahead at most"


@rule(
    "lever-needs-longer-notice",
    Category.product,
    likelihood=4,
    impact=3,
    move=Move(
        "Forecast at the notice each lever needs, or drop the levers it cannot reach",
        "A roster agreed 28 days ahead, or a supplier that needs six weeks' notice, is fixed before a forecast "
        "made 14 days ahead exists: forecast and score at that notice, or say which levers the forecast "
        "moves and which it does not",
        "warning",
    ),
    ask="some levers the forecast feeds need more notice than the forecast gives: which does it move?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "product.output": "Parcels per depot per day, for the next 14 days.",
                "product.lead_days": 14,
                "product.decision": "Depot managers add vans from the forecast and agency staff are booked "
                "with the agency 21 days ahead.",
                "constraints.data.last_input_days": None,
            },
            evidence=(
                "product.lead_days: 14 (the prediction is made that many days ahead)",
                'product.decision: "Depot managers add vans from the forecast and agency staff are book..." '
                "(agency staff: 21 days ahead, a notice of 21 days; the forecast comes 14 days ahead, after "
                "it is fixed)",
            ),
        ),
        Case(  # the second lever needs the longer notice
            {
                "product.task": "forecasting",
                "product.output": "Parcels per depot per day, for the next 14 days.",
                "product.lead_days": 14,
                "product.decision": "Vans are moved between depots the day before from the forecast, and "
                "sorting staff rotas are agreed with the union 4 weeks ahead.",
            },
        ),
        Case(  # agency stewards contracted days before the event the forecast comes too late for
            {
                "product.task": "forecasting",
                "product.lead_days": 2,
                "product.decision": "How many stewards to book; agency stewards are contracted 5 days before each event.",
            },
            evidence=(
                "product.lead_days: 2 (the prediction is made that many days ahead)",
                'product.decision: "How many stewards to book; agency stewards are contracted 5 days be..." '
                "(contracted: 5 days before, a notice of 5 days; the forecast comes 2 days ahead, after it is "
                "fixed)",
            ),
        ),
    ),
    quiet=(
        Case(  # every lever's notice is within the lead
            {
                "product.task": "forecasting",
                "product.output": "Parcels per depot per day, for the next 28 days.",
                "product.lead_days": 28,
                "product.decision": "Depot managers add vans from the forecast and agency staff are booked "
                "with the agency 21 days ahead.",
            }
        ),
        Case(  # the forecast's own publication, not a lever
            {
                "product.task": "forecasting",
                "product.output": "Parcels per depot per day, for the next 14 days.",
                "product.lead_days": 14,
                "product.decision": "Depot managers add vans from the forecast, which is published 21 days "
                "ahead.",
            }
        ),
        Case(  # not a forecast: a score on the spot
            {
                "product.task": "classification",
                "product.lead_days": 2,
                "product.decision": "Agency staff are booked 21 days ahead; the score routes each parcel.",
            }
        ),
        Case(  # the first lever against the horizon: horizon-shorter-than-lead-time asks it
            {
                "product.task": "forecasting",
                "product.output": "Duplicate invoices expected in each of the next 1-3 days.",
                "product.decision": "Clerk shifts are rostered two weeks ahead from the forecast.",
            },
            also=frozenset({"horizon-shorter-than-lead-time"}),
        ),
    ),
)
def lever_needs_longer_notice(plan: Plan) -> Evidence:
    """A lever the forecast feeds needs more notice than the forecast gives.

    The decision names several levers, each fixed some time before the day it serves: vans moved the day
    before, agency staff booked three weeks ahead, a rota agreed with the union four weeks ahead. A
    forecast made 14 days ahead reaches the first and arrives after the others are fixed: the value the
    plan counts on those levers is never there, however accurate the forecast.

    Mitigation: List each lever with the notice it needs; forecast (and score the backtest) at the longest
    notice that matters, or say which levers the forecast moves and count the value on those alone.
    """
    if plan.product.task is not TaskType.forecasting and DataKind.time_series not in plan.product.data_kinds:
        return None
    lead = _prediction_lead(plan)
    if lead is None:
        return None
    lead_path, days, note = lead
    longer = [found for found in lever_notices(plan) if found[3] > days]
    if not longer or horizon_shorter_than_lead_time(plan):
        return None  # within the lead, or the first lever against the horizon is asked already
    path, lever, words, notice = longer[0]
    return Hint(
        (words,),
        (
            quote(plan, lead_path, note),
            quote(
                plan,
                path,
                f"{lever}: {words}, a notice of {in_days(notice)}; the forecast comes {in_days(days)} ahead, "
                "after it is fixed",
            ),
        ),
    )
