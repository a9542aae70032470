"""Rules on serious news that reaches the person it concerns with nobody beside them.

A result, a finding or a refusal written for the person it concerns is read where and when they open
it: at night, alone, before the clinician or caseworker has seen it. Even a correct explanation of a
serious finding can harm read that way, and a wrong one cannot be taken back. A lead asks who hears a
serious output first, and when.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.judgement.rules.shadowed import person_approves_each
from planner.judgement.rules.words import Lexicon, phrase_with
from planner.plan.model import Audience, Category, Plan, Severity

# The person a result concerns, reading it.
CONCERNED = Lexicon("""
    patient, patients, the patient, applicant, applicants, claimant, claimants, tenant, tenants
    parent, parents, student, students, pupil, pupils, candidate, candidates, customer, customers
    members of the public, service users, expectant mothers, pregnant women, people tested
    people screened, people who had, the person tested, the person screened
""")
# An output said to go straight to the person it concerns, whoever the product's users are.
SENT_TO_THEM = Lexicon("""
    sent to the patient, sent to patients, shown to the patient, shown to patients, emailed to the patient
    sent to the applicant, sent to applicants, sent to the claimant, sent to claimants, sent to their phone
    to their phone, texted to them, emailed to them, patient portal, patient app, in the portal
""")

# News grave in itself, whatever harm the team expects of an error: a finding about the body.
GRAVE_NEWS = Lexicon("""
    scan report, scan reports, radiology report, radiology reports, pathology report, pathology reports
    diagnosis, diagnoses, biopsy, biopsies, screening result, screening results
""")

# Outputs that carry news about that person. A bare `report` is not one: a report about a tenant's home, or
# one people file, carries no news about them; a report is news where it is theirs or about the body.
NEWS = Lexicon("""
    result, results, test result, test results, scan, scans, scan report, scan reports, their report
    their reports, your report, school report, school reports, medical report, medical reports
    radiology report, radiology reports, pathology report, pathology reports, diagnosis, diagnoses
    findings, finding, biopsy, biopsies, blood test, blood tests, screening result, screening results
    decision letter, decision letters, refusal, refusals, rejection, rejections, grade, grades
    exam result, exam results, assessment outcome, assessment outcomes, refused, was refused, was rejected
""")

# Words that say someone sees or releases serious news before the person reads it.
MEDIATED = Lexicon("""
    reviewed by, released by, released after, held until, held back, withheld until, before the patient
    before patients, after the clinician, after the doctor, after the gp, clinician first, doctor first
    discussed with, signed off, signs off, approved by, sent by the clinician, sent by the doctor
    not shown until, only after, once the clinician, once the doctor, once a clinician, once a doctor
""")

# Goods a grade or a result can be about: news of a pallet is no news of a person.
GOODS = Lexicon("""
    pallet, pallets, goods, product, products, shipment, shipments, consignment, consignments, parcel
    parcels, batch, batches, lot, lots, load, loads, crate, crates, container, containers, package, packages
    item, items, stock, produce, fruit, vegetables, grain, timber, part, parts, component, components
    vehicle, vehicles, car, cars, machine, machines, equipment, property, properties, sample, samples
""")

# The audience answers that say the output is seen by staff only (the people it is about never read it).
_STAFF_ONLY = frozenset({Audience.staff, Audience.staff_about_outsiders})

_ROUTE = (
    "product.decision",
    "product.output",
    "after_launch.fallback",
    "done.when_met",
    "heuristics.humans_handle",
)


@rule(
    "serious-news-read-alone",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="does serious news reach the person it concerns with nobody having seen it first?",
    move=Move(
        "Decide who hears a serious output first, and when",
        "A serious finding or refusal read alone, before anyone has seen it, harms even when correct, and a "
        "wrong one cannot be taken back: hold serious or unclear outputs until a clinician or caseworker "
        "releases them, time the release, and give the reader a route to a person",
        "warning",
    ),
    fires=(
        Case(  # worded as a team puts it in its answers
            {
                "impact.error_severity": "moderate",
                "product.audience": "outsiders",
                "product.users": "Patients reading their radiology reports in the portal",
                "product.output": "A plain-language explanation of what the test looked at and what was found",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "impact.error_severity": "serious",
                "product.audience": "outsiders",
                "product.users": "People who had a blood test",
                "product.output": "An explanation of each blood test result, sent to their phone",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "impact.error_severity": "serious",
                "product.audience": "outsiders",
                "product.users": "Benefit claimants",
                "product.output": "A letter explaining why the claim was refused",
            }
        ),
        Case(  # the output is sent to the patient's phone, whoever the team says uses it
            {
                "impact.error_severity": "serious",
                "product.audience": "staff_about_outsiders",
                "product.users": "Clinic nurses.",
                "product.output": "An explanation of each blood test result, sent to their phone",
            }
        ),
        Case(
            {
                "impact.error_severity": "serious",
                "product.audience": "outsiders",
                "product.users": "Patients, in the hospital's app.",
                "product.output": "A plain-language explanation of each radiology report.",
            },
            evidence=(
                'product.users: "Patients, in the hospital\'s app." (patients read it themselves)',
                'product.output: "A plain-language explanation of each radiology report." (radiology report: '
                "serious news, and nobody is said to see it first)",
                'impact.error_severity: "serious"',
            ),
            also=frozenset({"medical-device-duty"}),
        ),
    ),
    quiet=(
        Case(  # a grade of each pallet sent to the customer: news about goods, not about a person
            {
                "impact.error_severity": "serious",
                "product.users": "Customers receiving our timber.",
                "product.output": "A quality grade for each pallet, sent to the customer.",
            }
        ),
        Case(  # a harm the team calls moderate, and news not grave in itself
            {
                "impact.error_severity": "moderate",
                "product.users": "Patients",
                "product.output": "A summary of their blood test results",
            }
        ),
        Case(  # a clinician releases it first
            {
                "impact.error_severity": "serious",
                "product.users": "Patients, in the hospital's app.",
                "product.output": "A plain-language explanation of each radiology report, released after the "
                "clinician has seen the report.",
            }
        ),
        Case(  # patients named among the users, but the team says only staff see the triage grade
            {
                "impact.error_severity": "serious",
                "product.audience": "staff_about_outsiders",
                "product.users": "Triage nurses, for the patients waiting in the emergency department.",
                "product.output": "A triage grade for each patient's referral letter.",
            }
        ),
        Case(  # a member of staff approves every letter before it goes out: someone has seen it first
            {
                "impact.error_severity": "serious",
                "product.audience": "outsiders",
                "product.users": "Benefit claimants",
                "product.output": "A letter explaining why the claim was refused",
                "product.mode": "augment",
                "product.forbidden_guard": "review",
            }
        ),
        Case(  # staff read it, not the person it concerns
            {
                "impact.error_severity": "serious",
                "product.users": "Radiographers and ward doctors.",
                "product.output": "A plain-language explanation of each radiology report.",
            }
        ),
        Case(  # a report about the tenant's home, and reports tenants file: no news about the person
            {
                "impact.error_severity": "serious",
                "product.users": "Tenants, in the landlord's app, and the housing officers.",
                "product.output": "A damp and mould report about each tenant's home, and a repair category "
                "for each report tenants file.",
            }
        ),
        Case(  # no serious harm
            {
                "impact.error_severity": "minor",
                "product.users": "Customers, in the bank's app.",
                "product.output": "A summary of each month's card statement report.",
            }
        ),
    ),
)
def serious_news_read_alone(plan: Plan) -> Evidence:
    """Serious news reaches the person it concerns, and nobody sees it first.

    A result, finding or refusal written for the person it concerns is read where and when they open it:
    at night, alone, before a clinician or caseworker has seen it. Even a correct explanation of a serious
    finding can harm read that way, and a wrong one cannot be taken back.

    Mitigation: Decide who hears a serious output first: hold serious or unclear findings until a clinician
    or caseworker releases them, time the release, and give the reader a route to a person.
    """
    severity = effective_severity(plan)
    if severity not in (Severity.serious, Severity.severe, Severity.moderate):
        return None
    readers, where, said = CONCERNED.find_all(plan.product.users), "product.users", "read it themselves"
    if plan.product.audience in _STAFF_ONLY:
        readers = ()  # the team says only staff see the output: patients named among the users never read it
    if not readers:  # the users are staff, but the output is said to go to the person themselves
        readers, where, said = SENT_TO_THEM.find_all(plan.product.output), "product.output", "reaches them"
    # The news named in the output, or grave news the users are said to read ("their radiology reports");
    # for a harm the team calls moderate, only news grave in itself (a biopsy, a scan report).
    named = GRAVE_NEWS if severity is Severity.moderate else NEWS
    news_at, news = "product.output", named.find_all(plan.product.output)
    if not news:
        news_at, news = "product.users", GRAVE_NEWS.find_all(plan.product.users)
    if not readers or not news:
        return None
    goods = GOODS.find(plan.product.output) or GOODS.find(plan.product.label)
    if goods and not GRAVE_NEWS.find(plan.product.output):
        return None  # a grade of a pallet, a result of a batch: news about goods, not about a person
    reached = quote(
        plan, where, f"{readers[0]}: {said}" if where == "product.output" else f"{readers[0]} {said}"
    )
    if any(MEDIATED.find(answer_at(plan, path)) for path in _ROUTE) or person_approves_each(plan):
        return None  # someone sees it first: said in words, or a person approves every output before it goes
    said_of = (
        phrase_with(answer_at(plan, where), readers[0]),
        phrase_with(answer_at(plan, news_at), news[0]),
    )
    return Hint(
        tuple(dict.fromkeys(said_of)),  # the team's clauses (one, where they are the same), not bare words
        (
            reached,
            quote(plan, news_at, f"{news[0]}: serious news, and nobody is said to see it first"),
            severity_quote(plan),
        ),
    )
