"""Rules on decisions about people: whether groups (sex, age, ethnicity, disability) fare alike."""

from __future__ import annotations

from planner.judgement.rules.aboutpeople import counts_people, decides_about_people
from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    own_notes,
    quote,
)
from planner.judgement.rules.lexicon import (
    FAIRNESS_SAID,
)
from planner.judgement.rules.names import name_matches_fall_unevenly
from planner.judgement.rules.sides import BETWEEN_THE_SIDES, SIDES_SAID, between_parties
from planner.judgement.rules.traits import (
    decides_about_outsiders,
    offers_help,
    only_in_text,
    protected_inputs,
    ticked_traits,
)
from planner.judgement.rules.words import mentions
from planner.plan.model import Category, Plan

_DEPOSIT = {
    "constraints.data.personal_data": True,
    "product.audience": "staff_about_outsiders",
    "product.output": "The deposit asked of each new tenancy.",
    "product.person_inputs": ["age", "postcode"],
}


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
    instead=(BETWEEN_THE_SIDES,),
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
        Case(  # a protected trait ticked among the inputs of a decision about outsiders, its use signed off
            {
                **_DEPOSIT,
                "product.inputs": "Declared income, age and postcode; legal sign-off given for age.",
            },
            evidence=(
                'product.audience: "staff_about_outsiders" (its output decides about people outside)',
                'product.person_inputs: ["age", "postcode"] (age: a protected characteristic named as an '
                "input; postcode stands in for wealth or ethnicity)",
            ),
        ),
        Case(  # a ruling between the parties of a dispute: the advice compares the sides first
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which tenants get their deposit back when landlord and tenant dispute it.",
            },
        ),
    ),
    quiet=(
        Case(  # the same, and the plan already compares outcomes by group
            {
                **_DEPOSIT,
                "product.inputs": "Declared income, age and postcode; legal sign-off given for age.",
                "done.metrics[0].dataset": "The 2024 hold-out, with results reported by age group and area.",
            },
        ),
        Case(_DEPOSIT, also=frozenset({"protected-feature-in-decision"})),  # that rule asks it, said once
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
        Case(  # the treatment is a lawn's: the customers named receive a report, nothing is decided about them
            {
                "constraints.data.personal_data": True,
                "title": "Visit summaries for a lawn-care round",
                "product.output": "A summary for the customer: what was found, the treatment given, next visit.",
                "product.decision": "Each summary is e-mailed to the householder after the visit.",
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
    found = _fairness_unchecked(plan)
    sides = between_parties(plan) if found else None
    if sides is None:
        return found
    if isinstance(found, Hint):  # the output settles a dispute: the sides are the first groups to compare
        return Hint(found.words, (*found, sides), found.likelihood)
    if isinstance(found, Tempered):
        return Tempered(found.likelihood, (*found, sides))
    return (*found, sides) if isinstance(found, tuple) else found


def _fairness_unchecked(plan: Plan) -> Evidence:
    """fairness-unchecked's finding, before a decision between the parties of a dispute is named."""
    personal = plan.constraints.data.personal_data is True
    found = decides_about_people(plan) if plan.constraints.data.personal_data is not False else None
    # A stand-in (a postcode, a first name) matters only where the model decides about people; with
    # nothing decided about anyone (a move's volume, a parcel's route), only a protected trait is asked.
    # details that only appear in the text read (a name in a comment summarised) describe no one decided about
    protected = None if only_in_text(plan) else protected_inputs(plan, personal and found is not None)
    if counts_people(plan):
        return None  # a forecast or a count of people: nobody is decided about, whatever groups are counted
    # a check by group stated anywhere the plan says what it measures, watches or settled (`reported by age,
    # sex and clinic` in a metric, a monitor, the evaluation or a note) is the mitigation, credited
    said = [plan.product.success_metric, plan.done.eval_set, plan.done.when_met, *own_notes(plan)]
    said += [text for metric in plan.done.metrics for text in (metric.name, metric.dataset)]
    said += [text for monitor in plan.after_launch.monitoring for text in (monitor.signal, monitor.threshold)]
    if any(mentions(text, FAIRNESS_SAID) or mentions(text, SIDES_SAID) for text in said):
        return None
    # matched by name, or a protected input deciding: that rule names both facts and asks this group check
    if CATALOGUE["protected-feature-in-decision"].check(plan):
        return None
    if found is not None and name_matches_fall_unevenly(plan):
        return None
    ticked = ticked_traits(plan) if plan.constraints.data.personal_data is not False else None
    helped = offers_help(
        plan
    )  # help offered on a trait: the question is whether the offer reaches every group
    offered = (helped,) if helped else ()
    if found is None:
        about = decides_about_outsiders(plan)
        if ticked is not None and about is not None:  # the team's own answers: a fact, not words
            return (about, ticked[0], *offered)
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
    if ticked is not None:  # the team ticked an input that describes a person: what to compare groups on
        evidence += (ticked[0],)
    return Hint((*people, *acts), (*evidence, *offered))
