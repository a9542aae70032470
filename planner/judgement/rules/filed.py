"""Rules on inputs that count what people file: observations, near misses, complaints, reports.

A count of reports measures how much a place or a person reports, and how closely it is watched, as
much as how risky it is. Sites with a strong reporting culture file many observations and look risky;
quiet sites where nobody writes anything down look safe. Once visits follow the model, the visits
themselves make reports, and the model sends people back where they already go. A lead asks for the
count against exposure, and for a check on the places the model never ranks.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.lexicon import REPORTING_CHECKED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, DataKind, Plan, TaskType

# Things people file, counted as an input.
FILED = Lexicon("""
    observations filed, observations logged, observations raised, observations submitted, safety observations
    near misses filed, near misses reported, near misses logged, near-miss reports, near miss reports
    near-misses filed, near-misses reported, hazard reports, hazards reported, concerns raised
    concerns reported, incident reports, reports filed, reports raised, reports submitted, reports received
    tickets raised, complaints received, complaints filed, complaints made, number of complaints
    number of reports, count of reports, counts of reports, referrals received, whistleblowing reports
    defects reported, faults reported, reported faults, reported defects, reported incidents
    incidents reported, reported issues, issues reported, issues raised, calls received
    number of sightings, sightings reported, reported sightings, number of tip-offs, tip-offs received
    number of concerns, number of observations, number of near misses, number of incident reports
    complaints logged, complaints lodged, complaints raised, complaints recorded, customer complaints
    count of complaints, complaint counts, complaint count, grievances lodged, grievances filed
    grievances raised, number of grievances, tips received, whistleblower tips, tip-offs, incidents logged
    incidents filed, incident counts, near misses logged, near-misses logged, reported near misses
    tickets opened, tickets logged, tickets filed, citations issued, previous citations, prior citations
    number of citations, fault calls, calls from residents, calls from the public, reports from the public
    reports from residents, reports from staff, concerns logged, concerns lodged, hazards logged
    previous violations, prior violations, past violations, violations recorded, violations found
    noise complaints, reported potholes, safeguarding concerns
""")

# Words saying the model reads each report itself (its text), not a count of them: the report is the item.
_READS_EACH = Lexicon("""
    text of, the text, free text, free-text, wording, description, descriptions, narrative, narratives
    transcript, transcripts, each complaint, the complaint itself, each report, the report itself
    each incident report, each ticket, the ticket text, the complaint text, complaint text, report text
""")
# Words saying a count is made of them: number of, count of, how many.
_COUNTED = Lexicon("""
    number of, numbers of, count of, counts of, count, counts, how many, total, totals, tally, tallies
    frequency of, volume of
""")


def _reads_each_report(plan: Plan, inputs: str) -> bool:
    """Whether the model reads each report as its item (a complaint's text to sort or route it), not a
    count of them per place or person: text is what it reads, or the inputs say the report's own words,
    and nothing says they are counted."""
    if _COUNTED.find(inputs):
        return False
    kinds = set(plan.product.data_kinds)
    words_only = DataKind.text in kinds and not kinds & {DataKind.tabular, DataKind.time_series}
    return words_only or bool(_READS_EACH.find(inputs))


# Counts put against exposure: per visit, per 1,000 hours worked, a rate, normalised.
_NORMALISED = re.compile(
    r"\bper\s+(?:[\d,.]+\s+)?(?:[a-z-]+\s+)?(?:visits?|inspections?|hours?|workers?|heads?|headcount|employees?|staff"
    r"|customers?|users?|residents?|people|persons?|members?|beds?|patients?|shifts?|children|pupils"
    r"|students?|tenants?|homes?|households?|places?|flights?|trips?|journeys?|miles?|km)\b"
    r"|\bnormali[sz]ed\b|\brates?\b|\bexposure\b|\breporting culture\b",
    re.IGNORECASE,
)


@rule(
    "inputs-count-reports",
    Category.data,
    likelihood=3,
    impact=3,
    ask="do these inputs count how much people report, as much as the risk?",
    move=Move(
        "Put report counts against exposure",
        "A count of what people file measures how much they report and how closely they are watched as "
        "much as the risk: express it per hour, visit or head, compare the ranking with an independent "
        "measure (audits, random inspections), and look at the places the model never ranks",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.inputs": "Count of customer complaints logged against each driver, tenure and route length."
            }
        ),
        Case({"product.inputs": "Grievances lodged by pupils' parents at each school over the term."}),
        Case(
            {"product.inputs": "Previous citations issued by inspectors to each restaurant and its cuisine."}
        ),
        Case(
            {
                "product.inputs": "Hazard reports filed by staff in the last month, floor area and opening "
                "hours."
            },
            evidence=(
                'product.inputs: "Hazard reports filed by staff in the last month, floor area and ope..." '
                "(hazard reports: counts of what people file measure how much each place reports "
                "and is watched as well as its risk; places that report a lot rank risky, quiet places go "
                "unchecked, and once visits follow the model, visits make reports)",
            ),
        ),
        Case({"product.inputs": "Complaints received per branch, staff turnover and branch size."}),
    ),
    quiet=(
        Case({"product.inputs": "Complaints per 1,000 deliveries for each driver, and route length."}),
        Case({"product.inputs": "Hazard reports per 1,000 hours worked, floor area and opening hours."}),
        Case(  # a forecast of the count itself: its own history is its input
            {"product.task": "forecasting", "product.inputs": "Complaints received per day for three years."}
        ),
        Case({"product.inputs": "Floor area, opening hours and the last inspection score."}),
        Case(  # each complaint logged is the item it routes, read as text, not counted per place
            {
                "product.task": "classification",
                "product.data_kinds": ["text"],
                "product.inputs": "The complaints logged by the call centre, as the agent typed them.",
            }
        ),
        Case(  # the complaint's own words beside its date: the item, not a count
            {
                "product.data_kinds": ["text", "tabular"],
                "product.inputs": "The text of each of the customer complaints received, and its date.",
            }
        ),
    ),
)
def inputs_count_reports(plan: Plan) -> Evidence:
    """Inputs count what people report, not only what happens.

    A count of observations, near misses, complaints or incident reports measures how much a place or
    a person reports, and how closely it is watched, as much as how risky it is. Places with a strong
    reporting culture rank risky and quiet places that write nothing down go unchecked; once visits or
    checks follow the model, they make reports of their own, and the model keeps sending people where
    they already go.

    Mitigation: Express each count against exposure (per hour worked, per visit, per head) and the
    reporting culture; compare the ranking with an independent measure (audits, random inspections);
    review the places the model never ranks, and record visits as an input so their own reports are
    not read as risk.
    """
    if plan.product.task is TaskType.forecasting:
        return None  # a forecast of reports learns from their history: that is the thing it forecasts
    inputs = answer_at(plan, "product.inputs") or ""
    words = FILED.find_all(inputs)
    if not words or _NORMALISED.search(inputs) or REPORTING_CHECKED.find(inputs):
        return None
    if _reads_each_report(plan, inputs):
        return None  # each complaint is the item it sorts or routes, not a count of them per place
    note = (
        f"{', '.join(words[:2])}: counts of what people file measure how much each place reports and is "
        "watched as well as its risk; places that report a lot rank risky, quiet places go unchecked, and "
        "once visits follow the model, visits make reports"
    )
    return Hint(words[:2], (quote(plan, "product.inputs", note),))
