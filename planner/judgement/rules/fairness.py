"""Rules on decisions about people: whether groups (sex, age, ethnicity, disability) fare alike."""

from __future__ import annotations

import re

from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Move, rule
from planner.judgement.rules.duties import as_people
from planner.judgement.rules.evidence import (
    answer_at,
    own_notes,
    patients_are_animals,
    quote,
    says_nothing,
    source_paths,
)
from planner.judgement.rules.lexicon import (
    ABOUT_PEOPLE,
    ACCEPT_FORMS,
    ACTS_ON_PEOPLE,
    FAIRNESS_SAID,
    PERSONS,
    PROTECTED,
    PROXY_OF_PROTECTED,
)
from planner.judgement.rules.names import name_matches_fall_unevenly
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import ActionShape, Category, Plan, TaskType


@rule(
    "fairness-unchecked",
    Category.ethics,
    likelihood=3,
    impact=3,
    ask="does the model decide about people, with no check of how groups fare?",
    move=Move(
        "Check outcomes across protected groups before launch",
        "A model that decides about people on their personal data can treat groups (sex, age, ethnicity, "
        "disability) differently while scoring well overall; compare error and approval rates by group",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which loan applicants are approved.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'product.decision: "Which loan applicants are approved." (a decision about people: loan, '
                "applicants, approved)",
            ),
            also=frozenset({"personal-data", "ai-act-high-risk-use"}),
        ),
        Case(  # people affected by what it decides, though no listed domain is named
            {
                "constraints.data.personal_data": None,
                "product.decision": "Teachers submit the predicted grade for each student.",
            },
            evidence=(
                'product.decision: "Teachers submit the predicted grade for each student." (a decision about '
                "people: student, grade)",
            ),
        ),
        Case(  # candidates are people here: the plan names the vacancy they apply for
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which candidates are selected for a second round.",
                "product.inputs": "Application forms for each vacancy.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'product.decision: "Which candidates are selected for a second round." (a decision about '
                "people: candidates, selected)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # every item gets the output, but the output scores a person
            {
                "constraints.data.personal_data": True,
                "product.action_shape": "every_item",
                "product.output": "A risk score for each tenant's rental application.",
                "product.decision": "The letting officer approves or declines each application.",
            },
        ),
        Case(  # the inputs name a protected characteristic
            {"product.inputs": "Claim amount, the claimant's nationality and country of birth."},
            evidence=(
                'product.inputs: "Claim amount, the claimant\'s nationality and country of birth." (a protected '
                "characteristic, or a stand-in for one: nationality, country of birth)",
            ),
        ),
    ),
    quiet=(
        Case({"product.decision": "A volunteer reviews each draft and approves or rewrites it."}),  # reviewer
        Case(  # patients named, but `grade` is the explanation's reading level: nothing decided about them
            {
                "title": "Plain-language explanations of lab results in the patient app",
                "product.output": "A 200-word explanation at a 6th-8th grade reading level.",
                "product.decision": "The app shows the explanation beside the result.",
                "constraints.data.personal_data": True,
            }
        ),
        Case(  # patients use it and suffer its errors; what it offers and who accepts are bookings and vans
            {
                "constraints.data.personal_data": True,
                "product.users": "Patients and the clinic's booking staff.",
                "product.decision": "The app offers each hospital transport booking to the vans most likely "
                "to accept it.",
                "impact.error_harm": "A patient's appointment is moved.",
            }
        ),
        Case(  # a household hiring a trade for a repair: a service engaged, no one employed or screened
            {
                "constraints.data.personal_data": True,
                "product.goal": "Households who post a repair see the plumbers most likely to answer, so more "
                "repairs end with a good hire.",
                "product.decision": "The app orders the plumbers shown for each repair.",
            }
        ),
        Case(  # bike hires counted and ranked by dock: rentals of a thing, no one hired or screened
            {
                "constraints.data.personal_data": True,
                "product.goal": "Fewer empty docks at the morning peak.",
                "product.decision": "Crews rank docks by predicted bike hires and refill the top ones first.",
            }
        ),
        Case(  # hiring as the team's own staffing: a cost the product saves, no decision about people
            {
                "product.goal": "Parcels reach lockers on time without hiring extra drivers for the peak.",
                "product.decision": "The dispatcher plans refill runs from the forecast fill level.",
            }
        ),
        Case(
            {
                "product.decision": "Which loan applicants are approved.",
                "constraints.data.personal_data": False,
            }
        ),
        Case({"constraints.data.personal_data": True}),
        Case(  # patients named, nothing allocated to them: a duration forecast
            {
                "constraints.data.personal_data": True,
                "product.decision": "How long each theatre slot is booked for, from the forecast duration.",
                "product.goal": "Fewer overruns of theatre lists for our patients.",
            }
        ),
        Case(  # applicants named, a checklist of documents
            {
                "constraints.data.personal_data": True,
                "product.output": "The list of documents each applicant still has to send.",
            }
        ),
        Case(  # a department's name, not a decision about patients
            {
                "constraints.data.personal_data": True,
                "product.users": "Case handlers in Global Patient Safety.",
                "product.decision": "Which adverse-event reports Global Patient Safety reads first.",
            }
        ),
        Case(
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which loan applicants are approved.",
                "after_launch.monitoring": [{"signal": "Approval rate by age group and sex (fairness)"}],
            }
        ),
        Case({"product.inputs": "The supplier's postcode and the invoice amounts."}),  # not about people
        Case(  # personal rows, but the output is a piano's crate size: a postcode decides nothing about anyone
            {
                "constraints.data.personal_data": True,
                "product.inputs": "Piano model, stairs and postcode district of the pickup.",
                "product.output": "The crate size for the piano.",
                "product.decision": "The packer builds the suggested crate.",
            }
        ),
        Case(  # candidate matches a clerk accepts or rejects: records, not people
            {
                "constraints.data.personal_data": True,
                "product.decision": "A clerk accepts or rejects each candidate match of the invoice line.",
            }
        ),
        Case(  # the candidates a recommender ranks are products, not people
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which candidates the recommender ranks first for each shopper.",
                "product.inputs": "Each shopper's past orders and the catalogue.",
            }
        ),
        Case(  # residents report the defect; its grade decides nothing about them
            {
                "constraints.data.personal_data": True,
                "product.goal": "Defects residents report are fixed first.",
                "product.decision": "The model grades each defect.",
            }
        ),
        Case(  # outlines on each wound photo: the nurse and the patient act on them, nobody is scored
            {
                "constraints.data.personal_data": True,
                "product.action_shape": "every_item",
                "product.output": "Outlines of suspected pressure damage on each wound photo, with a confidence.",
                "product.decision": "The nurse reviews the outlines with the patient and can reject any outline.",
                "product.data_kinds": ["images"],
            }
        ),
        Case(  # claimants' records linked by name and birth date: name-matches-fall-unevenly asks for the groups
            {
                "constraints.data.personal_data": True,
                "product.task": "matching",
                "product.inputs": "Surname, first name, date of birth and address of each record.",
                "product.output": "Whether two benefit claimant records are the same person.",
                "product.decision": "Pairs above the cut-off are merged, and a duplicate claim is refused.",
                "product.action_shape": "threshold",
            },
            also=frozenset({"name-matches-fall-unevenly"}),
        ),
        Case(  # the unit ranked is a trial site; patients are what each site is predicted to enrol
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which trial sites are selected first, ranked by how many eligible patients "
                "each is predicted to enrol.",
            }
        ),
        Case(  # a forecast of appointments per clinic: maternity names who is counted, nobody is decided about
            {
                "constraints.data.personal_data": True,
                "product.task": "forecasting",
                "product.output": "Appointments per clinic per week for the next 8 weeks.",
                "product.decision": "The rota lead sets midwife sessions from the forecast.",
                "product.lead_days": 56,
                "product.inputs": "Past maternity bookings by week and clinic.",
            }
        ),
        Case(  # a count of students who will enrol: rooms are approved, no student is
            {
                "constraints.data.personal_data": True,
                "product.task": "regression",
                "product.goal": "Fewer empty rooms for student enrolments.",
                "product.output": "The number of students who will enrol in each course next term.",
                "product.decision": "The timetabler books rooms from the count and approves extra sections.",
            }
        ),
        Case(  # tenants own the reads; what is ranked is the reads a clerk re-checks, no person
            {
                "constraints.data.personal_data": True,
                "product.goal": "Tenants of our housing association are billed on correct heat meter reads.",
                "product.output": "A queue of meter reads ranked by how likely each is wrong.",
                "product.decision": "Which meter reads the billing clerk re-checks first.",
                "product.inputs": "The read, past reads, the meter type and the tenant postcode.",
            }
        ),
        Case(  # the results are reported by age and sex: the check by group is planned, in the metric's data
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which loan applicants are approved.",
                "done.metrics[0].dataset": "The 2024 hold-out, with results reported by age, sex and branch.",
            },
        ),
        Case(  # people selected on a stand-in for privilege: protected-feature-in-decision names both facts
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which volunteers are shortlisted for paid coordinator roles.",
                "product.inputs": "Hours volunteered, training completed and referrals from staff.",
            }
        ),
        Case(  # the patients are animals
            {
                "constraints.data.personal_data": True,
                "product.users": "Our vets.",
                "product.decision": "Which patients the vet examines first, and the treatment.",
                "product.inputs": "Gait videos of the horses.",
            }
        ),
    ),
)
def fairness_unchecked(plan: Plan) -> Evidence:
    """Decisions about people, with no check of how groups fare.

    Credit, hiring, insurance, housing, health, benefits and policing decisions made on personal data
    can fall harder on a protected group while the overall score looks fine; the law and the people
    affected judge the model by that, not by its average.

    Mitigation: Decide which groups to compare, measure approval and error rates per group on the test
    set before launch, and monitor them after.
    """
    personal = plan.constraints.data.personal_data is True
    found = decides_about_people(plan) if plan.constraints.data.personal_data is not False else None
    # A stand-in (a postcode, a first name) matters only where the model decides about people; with
    # nothing decided about anyone (a move's volume, a parcel's route), only a protected trait is asked.
    protected = _protected_inputs(plan, personal and found is not None)
    if _counts_people(plan):
        return None  # a forecast or a count of people: nobody is decided about, whatever groups are counted
    # a check by group stated anywhere the plan says what it measures, watches or settled (`reported by age,
    # sex and clinic` in a metric, a monitor, the evaluation or a note) is the mitigation, credited
    said = [plan.product.success_metric, plan.done.eval_set, plan.done.when_met, *own_notes(plan)]
    said += [text for metric in plan.done.metrics for text in (metric.name, metric.dataset)]
    said += [text for monitor in plan.after_launch.monitoring for text in (monitor.signal, monitor.threshold)]
    if any(mentions(text, FAIRNESS_SAID) for text in said):
        return None
    # matched by name, or a protected input deciding: that rule names both facts and asks this group check
    sharper = CATALOGUE["protected-feature-in-decision"].check(plan) or name_matches_fall_unevenly(plan)
    if found is not None and sharper:
        return None
    if found is None:
        if protected is None:
            return None
        path, words = protected
        note = f"a protected characteristic, or a stand-in for one: {', '.join(words)}"
        return Hint(words, (quote(plan, path, note),))
    (who, people), (does, acts) = found
    evidence: tuple[str, ...] = (quote(plan, "constraints.data.personal_data"),) if personal else ()
    if who == does:
        evidence += (quote(plan, who, f"a decision about people: {', '.join((*people, *acts))}"),)
    else:
        evidence += (
            quote(plan, who, f"about people: {', '.join(people)}"),
            quote(plan, does, f"what it does to them: {', '.join(acts)}"),
        )
    if protected is not None:  # a stand-in among the inputs: name it, it is what to compare groups on
        path, words = protected
        evidence += (
            quote(plan, path, f"a protected characteristic, or a stand-in for one: {', '.join(words)}"),
        )
        return Hint((*people, *acts, *words), evidence)
    return Hint((*people, *acts), evidence)


def decides_about_people(plan: Plan) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """Where the answers name the people (or the domain: credit, hiring) a decision is about, and where
    they say what it does to them (approve, price, rank, grade, treat): a forecast of a surgery's length
    or a checklist of documents names patients or applicants but allocates them nothing."""
    paths = ["title", "product.goal", "product.decision", "product.label", "product.users"]
    paths += ["product.output", "impact.error_harm"]
    animals = patients_are_animals(plan)  # a vet's patients, diagnosed and treated, are no persons
    who = next(
        (
            (path, words)
            for path in paths
            if (
                words := as_people(
                    plan,
                    tuple(
                        w
                        for w in ABOUT_PEOPLE.find_all(answer_at(plan, path))
                        if (not animals or w not in _CARE) and not _reviews(w, answer_at(plan, path))
                    ),
                )
            )
        ),
        None,
    )
    acting = ["product.decision", "product.output", "product.goal", "title", "product.label"]
    does = next(((path, words) for path in acting if (words := _acts(answer_at(plan, path)))), None)
    if who is None or does is None:
        return None
    if _output_marks_a_thing(plan):
        return None  # a person decides about the marked thing; the model scores, ranks or prices no one
    if _ranks_organisations(answer_at(plan, does[0])):
        return None  # the unit ranked or scored is a site or a supplier; the patients it serves are a count
    if (
        who[0] in ("title", "product.goal")
        and who[0] != does[0]
        and _orders_things(does[1], answer_at(plan, does[0]))
    ):
        # people named only in what the product is for, while it only orders named things for a person's
        # look (a queue of meter reads ranked): the people own those things, and nothing is decided about them
        return None
    # people named only as who uses it or who an error hurts, while what it does is said of something else
    # (a booking offered, a shift filled): the decision allocates those people nothing
    if who[0] in ("product.users", "impact.error_harm") and who[0] != does[0]:
        return None
    return who, does


_REVIEWS = r"(?:reviews?|checks?|approves?|edits?|reads?|signs? off|selects?|rewrites?|corrects?|sends?"
# ...or who orders the work (`volunteers triage the reports`, `the coordinator ranks the jobs`)
_REVIEWS += r"|triages?|ranks?|sorts?|prioriti[sz]es?|grades?|assigns?|allocates?)"
_REVIEWED = r"(?:reviewed|checked|approved|edited|read|signed off|selected|rewritten|corrected|sent)"


def _reviews(word: str, text: str | None) -> bool:
    """Whether the person `word` names is who reviews, checks or approves the output (`a volunteer reviews
    each draft`, `approved by a volunteer`): a reviewer is not the person the output decides about."""
    name = re.escape(word)
    active = rf"\b{name}s?\s+(?:(?!(?:is|are|was|were|be|been|gets?|got)\b)[\w-]+\s+)?{_REVIEWS}\b"
    doer = rf"{active}|\b{_REVIEWED}\s+by\s+(?:a|an|the|our|one)?\s*(?:[\w-]+\s+)?{name}\b"
    return bool(text and re.search(doer, text, re.IGNORECASE))


def _output_marks_a_thing(plan: Plan) -> bool:
    """Whether the output is about an object each item carries (boxes on an image, a defect's outline, a
    document's fields), every item gets it, and it names no person and nothing done to one: people named
    in the decision (a patient in the chair, a box dismissed) act on that object, scored by no one. A
    cut-off, a queue, an amount or a choice among candidates can still score, rank, price or match people,
    and is left to the words."""
    output = answer_at(plan, "product.output")
    if plan.product.action_shape is not ActionShape.every_item or not output or says_nothing(output):
        return False
    # a grade or a score in the output may be a person's (a predicted grade 1-9): any act on people keeps it
    return not as_people(plan, ABOUT_PEOPLE.find_all(output)) and not ACTS_ON_PEOPLE.find_all(output)


# The unit an answer ranks, scores or picks: the noun after `which`, `each`, `a ranked list of`...
_UNIT_HEAD = r"\b(?:which|each|every|per|rank|ranks|ranked|ranking|list of|shortlist of|score for|scores for)\s+(?:[\w-]+\s+){0,2}?"
_ORGANISATION = re.compile(
    _UNIT_HEAD
    + r"(?:sites?|trial sites?|clinics?|practices?|branch(?:es)?|suppliers?|vendors?|stores?|shops?"
    r"|hospitals?|pharmac(?:y|ies)|surger(?:y|ies)|depots?|warehouses?|care homes?|schools?|firms?|companies)\b",
    re.IGNORECASE,
)


def _ranks_organisations(text: str | None) -> bool:
    """Whether what the answer ranks, scores or picks is an organisation or a site (trial sites, clinics,
    suppliers), with no person in that place: the patients or customers it names are what each serves."""
    if not text or not _ORGANISATION.search(text):
        return False
    people = (re.escape(word) for word in ABOUT_PEOPLE.find_all(text))
    pattern = "|".join(people)
    return not pattern or not re.search(_UNIT_HEAD + rf"(?:{pattern})\b", text, re.IGNORECASE)


# What an answer ranks, queues or picks, named after its head (`a queue of meter reads`, `which invoices`).
_THING_HEAD = re.compile(
    r"\b(?:which|each|every|queue of|queues of|list of|lists of|ranked list of|batch of|batches of)\s+"
    r"(?!(?:of|one|ones|the|a|an|to|is|are|they|we|our|them|\d)\b)[a-z]",
    re.IGNORECASE,
)


# Acts that only order work for a person's look (rank, prioritise, triage), granting or refusing nothing.
_ORDERS = frozenset({"rank", "ranks", "ranked", "ranking", "priority", "triage", "triaged"})
_ORDERS |= {"prioritise", "prioritises", "prioritised", "prioritising"}
_ORDERS |= {"prioritize", "prioritizes", "prioritized", "prioritizing"}


def _orders_things(acts: tuple[str, ...], text: str | None) -> bool:
    """Whether the answer that says what the model does only orders work (ranks, prioritises) and names
    what it orders, no person (a queue of meter reads ranked): the people another answer names (the
    tenants billed) own those things, and nothing is granted or refused them. Accounts that `get` an
    increase are granted something, whoever holds them."""
    if not acts or not set(acts) <= _ORDERS or not text or not _THING_HEAD.search(text):
        return False
    return not ABOUT_PEOPLE.find_all(text) and not PERSONS.find(text)


# Words that say an output is a count or a total, not one prediction per case.
_COUNT_SAID = Lexicon("number of, numbers of, how many, count of, counts of, total of, totals of, headcount")
# A count said per person (`how many days each patient stays`): one number about each of them.
_PER_PERSON = re.compile(r"\b(?:each|every|per|for each)\s+(?:[\w-]+\s+)?(?P<who>[\w'-]+)", re.IGNORECASE)


def _counts_people(plan: Plan) -> bool:
    """Whether the output is a forecast or a count (appointments per clinic and week, the number of
    students who enrol), said per no person: the model foretells how many, and decides about no one in
    the groups it counts."""
    output = answer_at(plan, "product.output")
    if not isinstance(output, str) or says_nothing(output):
        return False
    if plan.product.task is not TaskType.forecasting and not _COUNT_SAID.find(output):
        return False
    return not any(
        ABOUT_PEOPLE.find(match["who"]) or PERSONS.find(match["who"])
        for match in _PER_PERSON.finditer(output)
    )


_CARE = frozenset({"patient", "patients", "diagnosis", "diagnoses", "diagnosed", "treatment", "treatments"})


# A reading level (`at a 6th-8th grade reading level`, `grade 8 reading level`): a grade of the text, not of
# a person.
_READING_LEVEL = re.compile(
    r"\b\d+(?:st|nd|rd|th)?(?:\s*-\s*\d+(?:st|nd|rd|th)?)?\s+grade\b|\bgrade\s+\d+\b|\bgrade level\b|"
    r"\breading level\b|\breading age\b",
    re.IGNORECASE,
)


def _acts(text: str | None) -> tuple[str, ...]:
    """What an answer does to people; `accepts` only where it names them (a gate accepting a number: no one);
    `grade` not where it is the text's reading level."""
    words = ACTS_ON_PEOPLE.find_all(text)
    if text and _READING_LEVEL.search(text):
        words = tuple(word for word in words if not word.startswith("grade"))
    return () if set(words) <= ACCEPT_FORMS and not ABOUT_PEOPLE.find_all(text) else words


def _protected_inputs(plan: Plan, personal: bool) -> tuple[str, tuple[str, ...]] | None:
    """The first answer about the inputs that names a protected characteristic (nationality, religion,
    disability...), or, where the rows are personal data, a stand-in for one (a postcode, a first name)."""
    paths = ["product.inputs", "product.label", "constraints.data.differences_note"]
    paths += source_paths(plan)
    for path in paths:
        text = answer_at(plan, path)
        words = PROTECTED.find_all(text) + (PROXY_OF_PROTECTED.find_all(text) if personal else ())
        if words:
            return path, words
    return None
