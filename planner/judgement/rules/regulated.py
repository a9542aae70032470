"""Rules on decisions the EU regulates as uses about people: the AI Act's high-risk uses, consumer flows.

A hiring shortlist, a credit limit, an exam's grade or a benefit's priority is a high-risk use under the
EU AI Act; a price set per customer or an offer shown to someone cancelling falls under consumer law.
Each is heard in the words of what the model decides, asked as a question naming them (see `duties`).
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.duties import (
    SAYS_WHAT_IT_DECIDES,
    SAYS_WHAT_IT_DOES,
    about_paths,
    as_people,
    said_anywhere,
    settled,
    unpaid_only,
    weighed,
)
from planner.judgement.rules.evidence import answer_at, first_said, quote
from planner.judgement.rules.lexicon import (
    AI_ACT_SAID,
    BIOMETRIC_USE,
    CANCEL_FLOW,
    CONSUMER_DUTY_SAID,
    CREDIT_USE,
    CUSTOMER_KINDS,
    DARK_PATTERN,
    EDUCATION_USE,
    EMERGENCY_CALL,
    EMPLOYED,
    EMPLOYMENT_USE,
    EU_NAMED,
    INSURANCE_USE,
    INSURED,
    LAW_ENFORCEMENT_USE,
    LEARNERS,
    MIGRATION_USE,
    OUTSIDE_EU,
    PERSONAL_PRICE,
    PUBLIC_EMERGENCY,
    PUBLIC_SERVICES_USE,
)
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import Category, Mode, Plan, TaskType

# The EU AI Act's high-risk uses about people (Annex III): the words of the use, and the people it is
# about where the use's words alone do not say it (grades of timber, a shortlist of suppliers).
_HIGH_RISK_USES: dict[str, tuple[Lexicon, Lexicon | None]] = {
    "education and exams": (EDUCATION_USE, LEARNERS),
    "hiring and work": (EMPLOYMENT_USE, EMPLOYED),
    "credit to people": (CREDIT_USE, None),
    "insurance pricing": (INSURANCE_USE, INSURED),
    "public services and benefits": (PUBLIC_SERVICES_USE, None),
    "law enforcement": (LAW_ENFORCEMENT_USE, None),
    "migration and borders": (MIGRATION_USE, None),
    "biometric identification": (BIOMETRIC_USE, None),
}


# Tasks whose output is a number (a forecast, an amount): hiring in their words is the staffing it plans.
_COUNTS_NOT_PEOPLE = frozenset({TaskType.forecasting, TaskType.regression})
_TAKING_ON = frozenset(
    {"hire", "hires", "hiring", "hired", "recruit", "recruits", "recruiting", "recruitment"}
)


# What is hired that is no employee: a truck, a crane, a venue (`hire agency trucks`, `hired vans`), or
# a service engaged for a job as a whole (`hires a removal crew`, `hire a plumber`, `hired contractors`).
HIRED_THINGS = Lexicon("""
    truck, trucks, lorry, lorries, van, vans, vehicle, vehicles, car, cars, bus, buses, coach, coaches
    crane, cranes, skip, skips, equipment, machinery, generator, generators, boat, boats, vessel, vessels
    trailer, trailers, forklift, forklifts, digger, diggers, excavator, excavators, scaffolding, venue
    venues, marquee, marquees, minibus, minibuses, plant hire, tools, truck-day, truck-days, tool, kit
    machine, machines, scaffold, scaffolds, pump, pumps, plant, a crew, a * crew, one crew, another crew
    contractor, contractors, subcontractor, subcontractors, tradesperson, tradespeople, tradesman
    tradesmen, plumber, plumbers, electrician, electricians, builder, builders, roofer, roofers, decorator
    decorators, caterer, caterers, firm, firms
""")
_HIRE = frozenset({"hire", "hires", "hired", "hiring"})
# What says a hire is of a person into a job: a vacancy, an applicant, a CV. A tool-hire or equipment-hire
# business says `hire`, `hires` and `staff` all day and employs no one through the model.
JOB_SAID = Lexicon("""
    applicant, applicants, job applicant, job applicants, job application, job applications, job offer, job offers
    job advert, job adverts, job posting, job postings, job seeker, job seekers, vacancy, vacancies, cv, cvs
    résumé, résumés, resumé, resumés, interviewee, interviewees, recruiter, recruiters, hiring manager
    hiring managers, recruit, recruits, recruiting, recruitment, employment, new starter, new starters
    whom to hire, who to hire, who we hire, whom we hire, who gets hired, who get hired, who is hired
    who are hired
""")

# A shortlist of applicants is hiring only where the plan names work: people also apply for a puppy, an
# allotment or a flat. Words of a job, a post or an employer; not `applicant`, said of any application.
WORK_NAMED = Lexicon("""
    job, jobs, vacancy, vacancies, role, roles, post, posts, position, positions, opening, openings
    employer, employers, employee, employees, employment, staff, cv, cvs, résumé, résumés, interview
    interviews, interviewed, hiring manager, hiring managers, recruiter, recruiters, salary, wage, wages
    shift, shifts, contract of employment, graduate scheme, apprenticeship, internship, internships
""")
_SHORTLIST_WORDS = frozenset(
    {
        "shortlist",
        "shortlists",
        "shortlisted",
        "shortlisting",
        "applicant",
        "applicants",
        "candidate",
        "candidates",
    }
)

_OBJECT_REACH = 3  # words after `hire` where what is hired is named (`hire two agency trucks`)
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})
# Currencies of countries outside the EU: a plan priced in them runs there, unless it names the EU.
_OUTSIDE_EU_CURRENCIES = frozenset({"GBP", "USD", "CAD", "AUD", "NZD", "CHF", "NOK", "INR", "SGD", "JPY"})


def _hires_things(plan: Plan, path: str, word: str) -> bool:
    """Whether every `hire` in the answer at `path` hires a thing or engages a service (`hire agency
    trucks`, `hires a removal crew`, `equipment is hired`), not a person taken on as staff."""
    if word.lower() not in _HIRE:
        return False
    words = list(words_of(str(answer_at(plan, path) or "")))
    spots = [i for i, said in enumerate(words) if said == word.lower()]
    return bool(spots) and all(_hired_is_a_thing(words, i) for i in spots)


def _hired_is_a_thing(words: list[str], at: int) -> bool:
    """Whether the `hire` at `at` names a thing or a service: after it (`hire a tool`), or before a
    passive one (`equipment and tools are hired`)."""
    if HIRED_THINGS.find(" ".join(words[at + 1 : at + 1 + _OBJECT_REACH])):
        return True
    passive = at > 0 and words[at - 1] in _PASSIVE
    return passive and bool(HIRED_THINGS.find(" ".join(words[max(0, at - 1 - _OBJECT_REACH) : at - 1])))


_NOUN_BEFORE = frozenset({"a", "an", "the", "each", "every", "this", "that", "per", "which", "whose", "its"})


def _hires_people(plan: Plan, path: str, word: str) -> bool:
    """Whether a `hire` in the answer at `path` names the people hired (`hire the top pickers`, `which
    pickers we hire`); `the hires` or `each hire` staff inspect are rentals, a noun after its determiner."""
    words = list(words_of(str(answer_at(plan, path) or "")))
    for i in (i for i, said in enumerate(words) if said == word.lower()):
        if EMPLOYED.find(" ".join(words[i + 1 : i + 1 + _OBJECT_REACH])):
            return True
        before = words[max(0, i - _OBJECT_REACH) : i]
        if before and before[-1] not in _NOUN_BEFORE and EMPLOYED.find(" ".join(before)):
            return True
    return False


def _priced_outside_eu(plan: Plan) -> tuple[str, ...]:
    """The plan's currency where it is a country's outside the EU (GBP, USD): where it runs."""
    said = {plan.constraints.compute.currency, (plan.impact.value_unit or "").strip().upper()}
    return tuple(sorted(code for code in said if code in _OUTSIDE_EU_CURRENCIES))


def _public_emergency(plan: Plan) -> bool:
    """Whether the answers name a public emergency service (police, fire, ambulance, 999/911/112)."""
    return any(PUBLIC_EMERGENCY.find(answer_at(plan, path)) for path in (*about_paths(plan), "product.label"))


def _high_risk_use(plan: Plan) -> tuple[str, str, tuple[str, ...]] | None:
    """The first high-risk use the answers name: (the use, the answer, the words)."""
    for use, (words_of_use, about) in _HIGH_RISK_USES.items():
        found = first_said(plan, SAYS_WHAT_IT_DECIDES, words_of_use)
        if found is None:
            continue
        path, words = found
        words = as_people(plan, words)
        if use == "hiring and work":  # `hire agency trucks`: a thing is hired, no person
            words = tuple(word for word in words if not _hires_things(plan, path, word))
            if not said_anywhere(
                plan, JOB_SAID
            ):  # `each hire` of a tool-hire depot: rentals, nobody employed
                words = tuple(
                    word for word in words if word.lower() not in _HIRE or _hires_people(plan, path, word)
                )
            if unpaid_only(plan, path):
                continue  # volunteers recruited or ranked: nobody is hired, judged or let go by the model
            if all(word.lower() in _SHORTLIST_WORDS for word in words) and not said_anywhere(
                plan, WORK_NAMED
            ):
                continue  # applicants for a flat or an allotment: a shortlist, but no job anywhere
            if plan.product.task in _COUNTS_NOT_PEOPLE:
                # recruiting as staffing (a forecast of how many to take on): no one is hired or judged by it
                words = tuple(word for word in words if word.lower() not in _TAKING_ON)
        if not words:
            continue
        if use == "credit to people" and CUSTOMER_KINDS["businesses"].find(answer_at(plan, path)):
            continue  # credit to companies is not a use about people
        if use == "public services and benefits" and not _public_emergency(plan):
            # a customer's emergency call-out (a boiler, a lock) is a firm's urgent job, not a public service
            words = tuple(word for word in words if not EMERGENCY_CALL.find(word))
            if not words:
                continue
        if about is not None:
            who = about.find_all(answer_at(plan, path)) or next(
                (
                    said
                    for said in (about.find_all(answer_at(plan, other)) for other in about_paths(plan))
                    if said
                ),
                (),
            )
            who = as_people(plan, who)
            if not who:
                continue
            words += tuple(word for word in who if not any(word in said for said in words))
        return use, path, words
    return None


@rule(
    "ai-act-high-risk-use",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="is this a high-risk use about people under the EU AI Act (or, outside the EU, the rules where it "
    "runs), which needs risk management, human oversight, a log of each decision and a conformity route "
    "before it goes live?",
    move=Move(
        "Plan the EU AI Act's high-risk duties before building",
        "Education and exams, hiring and work, credit, insurance pricing, public services and benefits, law "
        "enforcement, migration and biometric identification are high-risk uses under the EU AI Act (Annex "
        "III): involve legal and compliance now, and plan the risk-management file, data governance, human "
        "oversight that can override the model, a log of each decision, the conformity assessment and the "
        "registration before it goes live",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"product.output": "A shortlist of the job applicants each hiring manager interviews."},
            evidence=(
                'product.output: "A shortlist of the job applicants each hiring manager interviews." (hiring '
                "and work: shortlist, job applicants, hiring manager)",
                "no AI Act duty (risk management, human oversight, logging, conformity assessment) is named",
            ),
            also=frozenset({"model-selects-cases"}),
        ),
        Case(  # a shortlist of candidates: people, since the plan says they apply for a vacancy
            {
                "product.output": "A shortlist of candidates for each opening.",
                "product.inputs": "The CVs sent for each vacancy.",
            },
            evidence=(
                'product.output: "A shortlist of candidates for each opening." (hiring and work: '
                "shortlist, candidates)",
                "no AI Act duty (risk management, human oversight, logging, conformity assessment) is named",
            ),
            also=frozenset({"model-selects-cases"}),
        ),
        Case(  # priced in pounds, no EU named: still asked, at low, with where it runs
            {
                "product.decision": "Exams the model scores as likely cheating are failed.",
                "product.users": "Exam boards of a distance-learning university and its students.",
                "constraints.compute.currency": "GBP",
            },
        ),
        Case(  # outside the EU: still asked, at low, with where it runs
            {
                "product.decision": "GCSE exams the model scores as likely cheating are failed.",
                "product.users": "Exam boards in England and their students.",
            },
            evidence=(
                'product.decision: "GCSE exams the model scores as likely cheating are failed." (education and '
                "exams: cheating, exam boards, students)",
                "no AI Act duty (risk management, human oversight, logging, conformity assessment) is named",
                "the plan names gcse, england, outside the EU: the AI Act binds it only if it serves people in "
                "the EU; which rules on automated decisions about people apply where it runs?",
            ),
        ),
        Case(  # students' exams, in the words of the decision and the users
            {
                "product.decision": "Exams the model scores as likely cheating are failed.",
                "product.users": "Exam boards of a distance-learning university and its students.",
            },
            evidence=(
                'product.decision: "Exams the model scores as likely cheating are failed." (education and '
                "exams: cheating, exam boards, university, students)",
                "no AI Act duty (risk management, human oversight, logging, conformity assessment) is named",
            ),
        ),
        Case(  # the same shortlist where a post is named: hiring
            {"product.output": "A ranked shortlist of applicants for each open post at the depot."},
            also=frozenset({"model-selects-cases"}),
        ),
        Case(  # crews taken on for a season are staff hired, not a service engaged for one job
            {"product.decision": "Which crews the depot hires for the winter gritting season."},
        ),
        Case(  # a public emergency service named: the emergency calls are 999 calls
            {"product.decision": "Which emergency calls the ambulance service answers first."},
        ),
        Case(  # an assistant writing for advisers who decide each case: a low question
            {
                "product.task": "generation",
                "product.mode": "augment",
                "product.data_kinds": ["text"],
                "product.decision": "The adviser decides which lender to recommend for the applicant's mortgage.",
                "product.output": "An answer on each lender's criteria, with citations.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case({"product.decision": "Hold invoices for a check; we need the clerks' time without hiring."}),
        Case({"product.decision": "How many hired vehicles to book on spot hire for each collection day."}),
        Case(  # a customer's emergency call-out is a heating firm's urgent job, not a public emergency service
            {
                "product.decision": "Which emergency calls from customers with a broken boiler an engineer "
                "attends first.",
            }
        ),
        Case(  # volunteers recruited for a charity's runs: nobody is hired, judged or let go
            {
                "product.decision": "Which volunteers the coordinator phones first when recruiting drivers "
                "for next week's runs.",
                "product.output": "A ranked list of volunteers for recruiting drivers each week.",
                "product.users": "The volunteer coordinators of a community transport charity.",
            }
        ),
        Case(  # recruiting as staffing: a forecast of riders sets how many drivers to take on, no one is judged
            {
                "product.task": "forecasting",
                "product.output": "Riders per day for the next quarter, for recruiting drivers ahead of demand.",
                "product.decision": "Operations plans recruiting and rosters from the forecast.",
            }
        ),
        Case(  # agency trucks are hired; the crews rostered are not hired, judged or let go by it
            {
                "product.decision": "The fleet manager rosters crews for next week and decides whether to "
                "hire agency trucks."
            }
        ),
        Case(  # a tool-hire depot's hires: rentals returned damaged, no job or applicant named anywhere
            {
                "product.output": "For each hire, the chance the tools come back damaged.",
                "product.decision": "Depot staff inspect the hires most likely to be damaged on return.",
                "product.users": "Hire desk staff at each depot.",
            }
        ),
        Case(  # a removal crew engaged for a job, tools hired: a service and things, nobody taken on as staff
            {
                "product.decision": "Which removal jobs to quote first; the customer hires a removal crew, "
                "and the tools are hired per job."
            }
        ),
        Case(  # the ranking puts things in order, as answered: candidates are spare parts, though parts are hired
            {
                "product.output": "A shortlist of candidate spare parts for each hired excavator's repair.",
                "product.decision": "The fitter checks the candidates and orders one; plant hire customers wait.",
                "product.picks": "items",
            }
        ),
        Case({"product.output": "A grade for each timber board from its photo."}),  # no learners
        Case(  # applicants for a puppy: a shortlist of people, but no job, post or employer anywhere
            {
                "product.output": "A ranked shortlist of applicants for each litter a breeder places.",
                "product.users": "Dog breeders and the families applying for a puppy.",
            }
        ),
        Case({"product.output": "A credit limit for each business customer (SMEs) from its accounts."}),
        Case(
            {
                "product.output": "A shortlist of the job applicants each hiring manager interviews.",
                "after_launch.owner": "Talent team; registered as a high-risk system under the AI Act.",
            }
        ),
        Case(  # the candidates are catalogue items: a shortlist of things, no one applies or is hired
            {
                "product.output": "A shortlist of candidate catalogue items for each incoming product record.",
                "product.users": "Catalogue editors who pick the matching item.",
            }
        ),
    ),
)
def ai_act_high_risk_use(plan: Plan) -> Evidence:
    """The model serves a use the EU AI Act calls high-risk, and none of its duties is planned.

    The Act lists uses about people as high-risk (Annex III): education and exams, hiring and work,
    credit, life and health insurance pricing, essential public services and benefits, law enforcement,
    migration and biometric identification. Such a system needs a risk-management process, governed
    data, human oversight, logs, documentation and a conformity assessment before it may go live.

    Mitigation: Involve legal and compliance at kickoff to confirm whether the use is high-risk; if it
    is, plan the risk-management file, human oversight with the power to override, a log of each
    decision, the technical documentation and the conformity route into the schedule.
    """
    if settled(plan, AI_ACT_SAID):
        return None
    found = _high_risk_use(plan)
    if found is None:
        return None
    use, path, words = found
    evidence = [
        quote(plan, path, f"{use}: {', '.join(words)}"),
        "no AI Act duty (risk management, human oversight, logging, conformity assessment) is named",
    ]
    elsewhere = said_anywhere(plan, OUTSIDE_EU) or _priced_outside_eu(plan)
    if elsewhere and not said_anywhere(plan, EU_NAMED):
        # the plan runs outside the EU: the Act binds it only if it serves people there; ask, do not assert
        where = (
            f"the plan names {', '.join(elsewhere)}, outside the EU: the AI Act binds it only if it serves "
            "people in the EU; which rules on automated decisions about people apply where it runs?"
        )
        return Hint(words, (*evidence, where), likelihood=2)
    if plan.product.task is TaskType.generation and plan.product.mode is Mode.augment:
        # an assistant that writes for the people who decide: the Act's list is of systems that evaluate people
        aid = (
            "it writes for the people who decide, who decide each case: does any output score, rank or "
            "decide about a person?"
        )
        return Hint(words, (*evidence, quote(plan, "product.task", aid)), likelihood=1)
    return weighed(plan, words, evidence)


_CONSUMER_FLOWS = (
    ("a price set per person", PERSONAL_PRICE),
    ("a cancellation flow", CANCEL_FLOW),
    ("pressure in a purchase", DARK_PATTERN),
)


@rule(
    "consumer-law-duty",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="does the model act in a consumer's purchase, subscription or cancellation, where consumer law "
    "limits personalised prices and dark patterns?",
    move=Move(
        "Have the consumer flow checked against consumer law before building",
        "Prices set per person, offers shown to people trying to cancel, and urgency or defaults in a "
        "purchase are regulated: in the EU a price personalised by an algorithm must be disclosed, "
        "cancelling must be as easy as subscribing, and dark patterns are unfair practices; involve "
        "legal now, and check that the model does not learn to exploit vulnerable customers",
        "warning",
    ),
    fires=(
        Case(
            {"product.output": "The discount for each subscriber, shown when they try to cancel."},
            evidence=(
                'product.output: "The discount for each subscriber, shown when they try to cancel." (a price '
                "set per person: discount for each subscriber)",
                "no consumer-law review or disclosure is named",
            ),
        ),
    ),
    quiet=(
        Case({"product.output": "Weekly demand for each product in each store."}),
        Case(  # one price for everyone, set by the season: no price per person
            {"product.output": "The price of each room type for each night, the same for every guest."}
        ),
        Case(
            {
                "product.output": "The discount for each subscriber, shown when they try to cancel.",
                "press_release.faq": [
                    {
                        "question": "Is it legal?",
                        "answer": "Legal checked it against consumer law; cancelling stays one click.",
                    }
                ],
            }
        ),
    ),
)
def consumer_law_duty(plan: Plan) -> Evidence:
    """The model acts in a consumer flow the law regulates, and no review is named.

    Prices or discounts set per person, offers shown to people trying to cancel, and urgency messages
    or defaults in a purchase are regulated by consumer law: a personalised price must be disclosed,
    cancelling must stay as easy as subscribing, and a model optimised for revenue learns dark patterns.

    Mitigation: Have legal review the flow against consumer law before building; disclose personalised
    prices, keep cancelling one step, exclude vulnerability signals from the inputs, and monitor
    complaints and cancellations that fail.
    """
    if settled(plan, CONSUMER_DUTY_SAID):
        return None
    for flow, words_of_flow in _CONSUMER_FLOWS:
        found = first_said(plan, (*SAYS_WHAT_IT_DOES, "product.inputs"), words_of_flow)
        if found is not None:
            path, words = found
            evidence = [
                quote(plan, path, f"{flow}: {', '.join(words)}"),
                "no consumer-law review or disclosure is named",
            ]
            return weighed(plan, words, evidence)
    return None
