"""Rules on what a decision about people is made from: a protected characteristic (age, sex, nationality)
or a stand-in for one (a postcode, a first name, the staff member who handled the case) among the inputs of
a model that ranks, declines, prices or allocates paid work to people."""

from __future__ import annotations

from planner.judgement.rules.aboutpeople import decides_about_people
from planner.judgement.rules.adverse import appeal_named
from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote, said_or_settled, source_paths
from planner.judgement.rules.lexicon import PROTECTED, PROXY_OF_PROTECTED
from planner.judgement.rules.screened import screens_named_trait
from planner.judgement.rules.traits import (
    HELP_UNDER_RULES,
    accommodates,
    decides_about_outsiders,
    held_not_ticked,
    help_under_rules,
    offers_help,
    only_in_text,
    ticked_traits,
)
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, Circumstance, PersonEffect, PersonTrait, Plan, TaskType
from planner.plan.stakes import STANDS_FOR

# Personal traits the law protects, said of a person (age and sex are protected, a date of birth gives
# age); `age` of an account, a debt or a vehicle is no person's.
TRAITS = Lexicon(
    """
    date of birth, dates of birth, birth date, birth dates, birthdate, dob, age, ages, age band, age bands
    age group, age groups, gender, genders, sex, marital status
    """,
    unless="""
    account age, age of the account, claim age, age of the claim, debt age, age of the debt, vehicle age
    age of the vehicle, property age, age of the property, asset age, age of the asset, stock age
    age of stock, age of the stock, listing age, age of the listing, age of the data, data age, ticket age
    age of the ticket, invoice age, age of the invoice, building age, age of the building, roof age
    """,
)
# The person who handled a case named as an input: the model learns that person's past calls.
STAFF_NAMED = Lexicon("""
    agent name, agent's name, agent id, named agent, staff name, staff member's name, staff id
    caseworker name, caseworker's name, officer's name, assessor's name, assessor id, handler's name
    recruiter's name, recruiter id, letting agent's name, underwriter's name, underwriter id, manager's name
    project manager's name, account manager's name, handling agent, agent who handled, staff member who handled
""")
# What says the feature was cleared by legal or measured out of the model.
CLEARED = Lexicon("""
    legal sign-off, signed off by legal, legal review, legal reviewed, reviewed by legal, legal approval
    approved by legal, dpia, equality impact assessment, tested without, trained without, model without
    ablation, dropped from the inputs, removed from the inputs, excluded from the inputs, not a model input
    not used as an input, not used by the model, never used by the model, used only to check
    required by law, legally required, the law requires it, the rules require it
""")
_PATHS = ("product.inputs", "product.label", "constraints.data.differences_note")
# The team's answer that the output adjusts what the person gets to a need (more time where an interpreter
# is needed): no one is refused or charged on the trait, so the advice checks the adjustment, not its lawfulness.
_ADJUSTS = Instead(
    lambda plan: accommodates(plan) is not None,
    Move(
        "Check each detail is needed for the adjustment, and that it reaches everyone with the need",
        "The output gives the person more where a detail shows a need (a longer slot where an interpreter "
        "is needed): that is an adjustment, not a decision against them; keep only the details the "
        "adjustment needs, and check on the test set that people with the need get it as often in each group",
        "info",
    ),
    "Name the need each detail shows and keep only those; check on the test set that the adjustment reaches "
    "the people with the need in each group, and that nobody's slot or service is cut on the detail.",
    title="A detail about the person gives them an adjustment: check it is needed and reaches all in need",
)


def _reports_on_each(plan: Plan) -> bool:
    """Whether the output is a text written for every person alike (a drafted notice, a report on each
    case): the details are what it says of the person, not what picks who gets it; a text that grants,
    refuses or screens carries a decision, and still counts."""
    product = plan.product
    return (
        product.task is TaskType.generation
        and product.action_shape is ActionShape.every_item
        and product.person_effect in (None, PersonEffect.scrutiny)
    )


def _set_by_rules(plan: Plan) -> bool:
    """Whether the output grants or withholds something sector rules govern: the law may set who is
    eligible on the very traits ticked (an age, a need, a distance from home)."""
    product = plan.product
    return product.person_effect is PersonEffect.grants and Circumstance.sector_rules in product.circumstances


# Eligibility the rules set on a trait: the advice checks the rule is applied as written, not whether to drop it.
_AS_THE_RULES_SAY = Instead(
    lambda plan: _set_by_rules(plan) and ticked_traits(plan) is not None,
    Move(
        "Check each trait is one the rules set, and that the model applies it as they state",
        "Where the law sets eligibility on a trait (an age, a need, a home address), the trait is the "
        "criterion, not a clue to something else: list the criteria the rules name, check each ticked input "
        "is one of them, test the model's answers against the rules on cases at each threshold, and drop or "
        "justify any trait the rules do not name",
        "warning",
    ),
    "List the eligibility criteria the rules set; check each ticked trait is one of them and used only as "
    "they state; test the answers at each threshold against the rules; drop or justify any other trait.",
    title="Traits decide eligibility the rules set: check each is a criterion they name, applied as written",
)


_TARIFF_CALL = {
    "product.audience": "staff_about_outsiders",
    "product.output": "Customers ranked for a call offering a cheaper tariff before their contract ends.",
    "product.person_inputs": ["age", "sex", "postcode"],
    "product.person_effect": "help",
    "product.circumstances": ["sector_rules"],
}


@rule(
    "protected-feature-in-decision",
    Category.ethics,
    likelihood=4,
    impact=4,
    ask="do the inputs of a decision about people name a protected characteristic or a stand-in for one?",
    move=Move(
        "Drop or justify each protected or stand-in input, and test what it stands in for",
        "Age, sex, nationality, religion, a postcode, a first name, a language, a vessel's flag or the staff "
        "member who handled a case, or a record that follows privilege (a degree, a past publication, a referral), used to rank, match, decline, price, set the terms of, allocate paid work "
        "to or target inspections or enforcement at people or their property, is direct or "
        "indirect discrimination and an automated decision the law restricts: name each such input and what "
        "it stands in for (a postcode for wealth or ethnicity, a first name for sex or origin, a language for "
        "national origin, a flag or a country code for nationality), drop it or have legal sign its use off, compare the model with and without it, "
        "test outcomes by group on the test set, and check the stand-ins left by predicting the "
        "characteristic from the other inputs; where the model decides alone, have a person decide on "
        "request and name how the person contests the outcome; say what the person is told about why they were "
        "chosen",
        "warning",
    ),
    instead=(HELP_UNDER_RULES, _ADJUSTS, _AS_THE_RULES_SAY),
    fires=(
        Case(  # a deposit set from the tenant's named age and nationality: the team ticked them
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff_about_outsiders",
                "product.output": "The deposit asked of each new tenancy.",
                "product.person_inputs": ["age", "nationality", "postcode"],
            },
            evidence=(
                'product.audience: "staff_about_outsiders" (its output decides about people outside)',
                'product.person_inputs: ["age", "nationality", "postcode"] (age, nationality: a protected '
                "characteristic named as an input; postcode stands in for wealth or ethnicity)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # staff read a score that pays claims at once: the team's own answer says it grants, alone
            {
                "product.audience": "staff",
                "product.output": "A score for each new claim.",
                "product.mode": "automate",
                "product.person_inputs": ["age", "sex"],
                "product.person_effect": "grants",
            },
            evidence=(
                'product.person_effect: "grants" (the output grants, refuses or prices what a person applies or '
                "competes for)",
                'product.person_inputs: ["age", "sex"] (age, sex: a protected characteristic named as an input)',
                'product.mode: "automate" (the model decides on these traits with no person deciding, and no '
                "appeal is named: the person may ask for a person to decide and contest it)",
            ),
        ),
        Case(
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which locums are offered each open shift first.",
                "product.inputs": "Grade, past shifts worked, date of birth, gender and home postcode.",
            },
            evidence=(
                'product.decision: "Which locums are offered each open shift first." (a decision about people: '
                "locums, offered)",
                'product.inputs: "Grade, past shifts worked, date of birth, gender and home postcode." (date of '
                "birth, gender, postcode: a protected characteristic or a stand-in for one decides about "
                "people: should the model use them at all, and what does each stand in for?)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # a match between people, on their nationality and religion
            {
                "constraints.data.personal_data": True,
                "product.output": "A ranked list of host households for each refugee.",
                "product.inputs": "The refugee's nationality, religion and family size.",
            },
            evidence=(
                'product.output: "A ranked list of host households for each refugee." (a decision about '
                "people: refugee, ranked)",
                'product.inputs: "The refugee\'s nationality, religion and family size." (nationality, '
                "religion: a protected characteristic or a stand-in for one decides about people: should the "
                "model use them at all, and what does each stand in for?)",
            ),
            also=frozenset({"personal-data", "ai-act-high-risk-use"}),
        ),
        Case(  # volunteers matched to mentees on ethnicity and age: details also in the notes read, but the
            # team's own answer says the output grants the place; the faith held in the data is asked too
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["religion_or_belief", "ethnic_origin"],
                "product.audience": "staff_about_outsiders",
                "product.output": "Volunteer mentors ranked for each young person on the waiting list.",
                "product.person_inputs": ["ethnicity", "age", "text_only"],
                "product.person_effect": "grants",
            },
            evidence=(
                'product.audience: "staff_about_outsiders" (its output decides about people outside)',
                'product.person_inputs: ["ethnicity", "age", "text_only"] (ethnicity, age: a protected '
                "characteristic named as an input)",
                'constraints.data.special_categories: ["religion_or_belief", "ethnic_origin"] (religion_or_belief: '
                "held in the data and not ticked among the inputs: is it one, or a stand-in's target?)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # translators offered work first on a degree and past publications: a record that follows privilege
            {
                "product.audience": "staff_about_outsiders",
                "product.output": "Freelance translators ranked for each new job.",
                "product.person_inputs": ["record"],
                "product.person_effect": "grants",
            },
            evidence=(
                'product.audience: "staff_about_outsiders" (its output decides about people outside)',
                'product.person_inputs: ["record"] (record stands in for class, ethnicity, sex, age or disability)',
            ),
        ),
        Case(  # the inputs question unanswered, the data holds each applicant's ethnic origin: asked, medium
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["ethnic_origin"],
                "product.audience": "staff_about_outsiders",
                "product.output": "Allotment applicants ranked for each plot that falls vacant.",
                "product.person_inputs": [],
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # an interpreter need lengthens the appointment: a note, low, asks that it reaches all in need
            {
                "product.audience": "staff_about_outsiders",
                "product.output": "The length of each new patient's first physiotherapy appointment.",
                "product.person_inputs": ["language", "disability"],
                "product.person_effect": "accommodates",
            },
        ),
        Case(  # a regulated operator picks whom to call with a cheaper tariff on age, sex and postcode: medium
            _TARIFF_CALL,
            evidence=(
                'product.person_effect: "help" (help offered, no one refused: does the offer reach every group in '
                "need, and is each trait needed?)",
                'product.person_inputs: ["age", "sex", "postcode"] (age, sex: a protected characteristic named as '
                "an input; postcode stands in for wealth or ethnicity)",
                'product.circumstances: ["sector_rules"] (sector rules govern whom it picks: may each ticked trait '
                "choose who is contacted at all?)",
            ),
            also=frozenset({"sector-rules-unnamed"}),
        ),
        Case(  # a bus pass granted on age and disability, as concession rules set: a medium question
            {
                "product.audience": "staff_about_outsiders",
                "product.output": "Whether each applicant qualifies for a concessionary bus pass.",
                "product.person_inputs": ["age", "disability"],
                "product.person_effect": "grants",
                "product.circumstances": ["sector_rules"],
            },
            evidence=(
                'product.audience: "staff_about_outsiders" (its output decides about people outside)',
                'product.person_inputs: ["age", "disability"] (age, disability: a protected characteristic '
                "named as an input)",
                'product.circumstances: ["sector_rules"] (sector rules govern it: are the ticked traits the '
                "eligibility criteria they set?)",
            ),
            also=frozenset({"sector-rules-unnamed"}),
        ),
    ),
    quiet=(
        Case(  # the same regulated offer, the traits kept out of the model and used only to check outcomes
            {
                **_TARIFF_CALL,
                "product.inputs": "Usage and bills; age and sex used only to check outcomes by group.",
            }
        ),
        Case(  # traits ticked, but the output decides nothing about people: an operation's length
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff",
                "product.output": "The expected length of each operation in minutes.",
                "product.person_inputs": ["age"],
            }
        ),
        Case(  # age and disability pick who is offered a free visit they may decline: nobody is refused
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff_about_outsiders",
                "product.output": "Households ranked for a free home fire-safety visit.",
                "product.person_inputs": ["age", "disability", "family"],
                "product.person_effect": "help",
            },
            also=frozenset({"fairness-unchecked"}),
        ),
        Case(  # names and health in the comments it summarises: the summary is about no commenter
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff_about_outsiders",
                "product.output": "A summary of the public comments on each planning application.",
                "product.inputs": "The comments, with the commenters' names and sometimes their health.",
                "product.person_inputs": ["name", "disability", "text_only"],
            }
        ),
        Case(  # health and age are what a fitness-to-take-part screen checks: screened-trait-safeguards
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff_about_outsiders",
                "product.output": "Whether each volunteer is fit to take part in the trek, from the health form.",
                "product.person_inputs": ["disability", "age"],
                "product.person_effect": "screens",
            },
            also=frozenset({"screened-trait-safeguards", "fairness-unchecked", "personal-data"}),
        ),
        Case(  # the team ticked `none`: the faith the data holds is no input of the ranking
            {
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["religion_or_belief"],
                "product.audience": "staff_about_outsiders",
                "product.output": "Allotment applicants ranked for each plot that falls vacant.",
                "product.person_inputs": ["none"],
            }
        ),
        Case(  # a profile drafted of every councillor names their age and ward: it reports, it picks no one
            {
                "constraints.data.personal_data": True,
                "product.audience": "staff_about_outsiders",
                "product.task": "generation",
                "product.action_shape": "every_item",
                "product.output": "A drafted summary of each councillor's voting record for the election guide.",
                "product.person_inputs": ["age", "name", "postcode"],
                "product.person_effect": "scrutiny",
            }
        ),
        Case(  # cleared and tested without
            {
                "constraints.data.personal_data": True,
                "product.decision": "Which locums are offered each open shift first.",
                "product.inputs": "Grade, past shifts worked and home postcode; legal sign-off given, and the "
                "model is tested without the postcode.",
            }
        ),
        Case(  # nobody decided about: a vehicle's age prices a repair
            {
                "constraints.data.personal_data": True,
                "product.decision": "The workshop quotes the repair price.",
                "product.inputs": "Vehicle age, mileage and the fault code.",
            }
        ),
    ),
)
def protected_feature_in_decision(plan: Plan) -> Evidence:
    """A protected characteristic, or a stand-in for one, is an input of a decision about people.

    A model that ranks applicants, matches refugees with hosts, declines tenants, prices cover or
    allocates shifts to freelancers from their age, sex, nationality, religion, postcode or the staff
    member who handled them learns past discrimination and applies it at scale; a check of outcomes by group does not make the input lawful, and the law
    restricts decisions made on it without a person.

    Mitigation: Name each protected or stand-in input and what it stands in for, drop it or get legal
    sign-off to use it, train and compare the model without it, report outcomes by group on the test
    set, and predict the characteristic from the other inputs to find the stand-ins left; where the
    model decides alone, let the person ask for a person to decide and name how they contest it; say
    what the person is told about why they were chosen.
    """
    if (
        (offers_help(plan) and help_under_rules(plan) is None)
        or only_in_text(plan)
        or screens_named_trait(plan)
        or _reports_on_each(plan)
    ):
        # help offered on a trait (a free visit for lone elderly people) denies, prices or sanctions no one:
        # fairness-unchecked asks whether the offer reaches every group; details in a text summarised decide
        # about no one: personal-data asks to keep them minimal; a screen of the very condition the trait
        # describes (health on a fitness form) needs the trait: screened-trait-safeguards asks for a person
        # deciding and an appeal; a text written for every person alike reports the details, it picks no one
        return None
    ticked = _ticked_traits(plan)
    adjusted = accommodates(plan)
    if ticked is not None and adjusted is not None:
        # a detail used to give the person more (a longer slot where an interpreter is needed) decides
        # against no one: a note asks whether each detail is needed and the adjustment reaches all in need
        return Tempered(1, (*ticked, adjusted))
    if ticked is not None:
        return ticked
    silent = set(plan.product.person_inputs) <= {PersonTrait.text_only}  # no trait ticked, nor `none`
    held = _held_in_silence(plan) if silent and adjusted is None else None
    if held is not None:
        return held
    if plan.constraints.data.personal_data is False:
        return None
    decided = decides_about_people(plan)
    if decided is None:
        return None
    if said_or_settled(plan, (*_PATHS, *source_paths(plan)), CLEARED):
        return None
    for path in (*_PATHS, *source_paths(plan)):
        text = answer_at(plan, path)
        words = TRAITS.find_all(text) + PROTECTED.find_all(text) + STAFF_NAMED.find_all(text)
        words += PROXY_OF_PROTECTED.find_all(text)
        if words:
            (who, people), (does, acts) = decided
            note = (
                f"{', '.join(words)}: a protected characteristic or a stand-in for one decides about people: "
                "should the model use them at all, and what does each stand in for?"
            )
            about = quote(plan, does, f"a decision about people: {', '.join((*people, *acts))}")
            return Hint(words, (about, quote(plan, path, note)))
    return None


def _ticked_traits(plan: Plan) -> Evidence:
    """The team's own tick of an input that describes a person, in a decision about people or their
    property: a named protected trait is a fact (high); a stand-in alone is likelier justified (medium),
    and the evidence says what it stands for."""
    ticked = ticked_traits(plan)
    if ticked is None or said_or_settled(plan, (*_PATHS, *source_paths(plan)), CLEARED):
        return None
    traits, named = ticked
    helped, regulated = offers_help(plan), help_under_rules(plan)
    if (
        helped is not None and regulated is not None
    ):  # nobody refused, but the sector's rules may bar the trait
        return Tempered(3, (helped, traits, regulated))
    about = _about_people(plan)
    if about is None:
        return None
    if plan.product.person_effect is PersonEffect.screens:
        # the named traits are what the screen checks; only the stand-ins ticked beside them decide on
        # something they stand for
        stand_ins = [
            f"{trait.value} stands in for {STANDS_FOR[trait]}"
            for trait in plan.product.person_inputs
            if trait in STANDS_FOR
        ]
        note = f"a screen of the condition the named traits describe, but {'; '.join(stand_ins)}"
        return Tempered(3, (about, quote(plan, "product.person_inputs", note)))
    held = held_not_ticked(plan)  # ethnic origin held while only age is ticked: is it an input too?
    found = (about, traits, *((held,) if held else ()), *_no_person_or_appeal(plan))
    if _set_by_rules(plan):
        note = "sector rules govern it: are the ticked traits the eligibility criteria they set?"
        return Tempered(3, (*found, quote(plan, "product.circumstances", note)))
    return found if named else Tempered(3, found)


def _held_in_silence(plan: Plan) -> Evidence:
    """Where the inputs question is unanswered, a special category the data holds that describes a
    protected trait (ethnic origin, religion, health), in a decision the team's answers say is about people:
    a question whether the model reads it, scored medium."""
    held = held_not_ticked(plan)
    about = decides_about_outsiders(plan) if held else None
    if held is None or about is None or said_or_settled(plan, (*_PATHS, *source_paths(plan)), CLEARED):
        return None
    return Tempered(3, (about, held))


def _no_person_or_appeal(plan: Plan) -> tuple[str, ...]:
    """Where the model decides alone and nobody can contest it, that answer: a decision on a person's traits
    made solely by a model is one the person may ask a person to take, and contest."""
    alone = acts_alone(plan)
    if alone is None or appeal_named(plan):
        return ()
    return (
        f"{alone} (the model decides on these traits with no person deciding, and no appeal is named: the "
        "person may ask for a person to decide and contest it)",
    )


def _about_people(plan: Plan) -> str | None:
    """The evidence that the output decides about people or their property: the team's audience answer,
    a harm to someone's rights or access, or the words of the decision."""
    said = decides_about_outsiders(plan)
    if said is not None:
        return said
    decided = decides_about_people(plan)
    if decided is None:
        return None
    (_, people), (does, acts) = decided
    return quote(plan, does, f"a decision about people: {', '.join((*people, *acts))}")
