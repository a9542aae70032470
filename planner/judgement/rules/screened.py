"""A screen of the very condition a person's detail describes: health answers on a fitness-to-take-part
form, an age limit the law sets. The detail is what is checked, not a stand-in for something else, so the
advice to drop it is wrong; a lead asks instead how that special-category data is handled, whether a person
decides each screen-out, and how someone screened out appeals."""

from __future__ import annotations

from planner.judgement.rules.adverse import appeal_named
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.traits import ticked_traits
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Category, PersonEffect, Plan
from planner.plan.stakes import NAMED_TRAITS


def screens_named_trait(plan: Plan) -> bool:
    """Whether the team says the output screens people for the condition their ticked details describe,
    and every ticked detail is a trait named outright (health, age), none a stand-in (a postcode)."""
    if plan.product.person_effect is not PersonEffect.screens or ticked_traits(plan) is None:
        return False
    return all(trait in NAMED_TRAITS for trait in plan.product.person_inputs if trait.value != "none")


_SCREEN = {
    "constraints.data.personal_data": True,
    "product.audience": "staff_about_outsiders",
    "product.output": "Whether each volunteer is fit to take part in the trek, from the health form.",
    "product.person_inputs": ["disability", "age"],
    "product.person_effect": "screens",
}


_ALSO = frozenset({"personal-data", "fairness-unchecked"})

# Words saying the person asked for what the screen decides: they applied, filled a form, booked, volunteered.
ASKED = Lexicon("""
    apply, applies, applied, application, applications, applicant, applicants, form, forms, request, requests
    requested, register, registers, registered, registration, sign up, signs up, signed up, book, books
    booked, booking, bookings, volunteer, volunteers, entrant, entrants, candidate, candidates
""")
_ABOUT_THE_ASK = ("product.users", "product.output", "product.decision", "product.inputs", "product.goal")


def refused_what_they_asked(plan: Plan) -> bool:
    """Whether a screen-out turns a person away from what they asked for, so that they learn of it: the
    output reaches them, or the answers say they applied (a form, a booking). A screen that only picks
    whom staff approach (patients checked against open trials) refuses nobody anything they know of."""
    if plan.product.audience in (Audience.outsiders, Audience.both):
        return True
    return first_said(plan, _ABOUT_THE_ASK, ASKED) is not None


@rule(
    "screened-trait-safeguards",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep a person deciding each screen-out, with an appeal, and handle the trait as special-category data",
        "The detail the screen reads (health, age) is the condition it checks, not a stand-in, so dropping it "
        "is not the fix: record the legal basis for processing it, keep it to the screen, have a qualified "
        "person decide every case the model would screen out, tell the person why, and give them a quick "
        "appeal to someone who can overturn it",
        "warning",
    ),
    fires=(
        Case(
            {**_SCREEN, "product.mode": "automate"},
            evidence=(
                'product.person_effect: "screens" (the output screens people for the condition their details '
                "describe: the detail is what is checked, special-category data with a person deciding and "
                "an appeal)",
                'product.person_inputs: ["disability", "age"] (disability, age: a protected characteristic '
                "named as an input)",
                'product.mode: "automate" (the model screens people out with no person deciding)',
                "no appeal or review by a person is named (after_launch.fallback, product.decision_owner, "
                "press_release.faq, risks)",
            ),
            also=_ALSO,
        ),
        Case(_SCREEN, also=_ALSO),  # a person decides, but nobody screened out can contest it: medium
    ),
    quiet=(
        Case(  # a person decides each case and an appeal is named
            {**_SCREEN, "after_launch.fallback": "Anyone screened out can appeal to the expedition doctor."}
        ),
        Case({**_SCREEN, "product.person_effect": "grants"}),  # a trait deciding a grant: protected-feature
        Case({**_SCREEN, "product.person_inputs": ["disability", "postcode"]}),  # a stand-in too: protected
        Case(  # staff pick whom to approach; nobody asked, so nobody is told of a screen-out to appeal
            {
                **_SCREEN,
                "product.output": "Which club members meet the age and health criteria of the new walking study.",
                "product.decision": "The study coordinator phones the members the tool lists.",
            }
        ),
    ),
)
def screened_trait_safeguards(plan: Plan) -> Evidence:
    """A screen of a person's own condition runs without a person deciding or an appeal.

    Where the output screens people for the very condition their details describe (fitness to take part
    from health answers, an age limit the law sets), the detail is the point of the screen, so dropping
    it is no fix. What a lead asks is how that special-category data is handled, whether a qualified
    person decides each screen-out, and how someone screened out wrongly gets it overturned. The appeal
    is owed to someone turned away from what they asked for; a screen that only picks whom staff approach
    (patients checked against open trials), with a person deciding, refuses nobody anything they know of.

    Mitigation: Record the legal basis for processing the trait and keep it to the screen; have a
    qualified person decide every case the model would screen out; tell the person why, and give a quick
    appeal to someone who can overturn the decision.
    """
    if not screens_named_trait(plan):
        return None
    alone, appeal = acts_alone(plan), appeal_named(plan)
    if alone is None and appeal:
        return None  # a person decides and an appeal is named: personal-data keeps the privacy review
    if alone is None and not refused_what_they_asked(plan):
        return None  # a person decides; nobody asked, so nobody learns of a screen-out to appeal
    ticked = ticked_traits(plan)
    assert ticked is not None  # screens_named_trait needs it
    found = [
        quote(
            plan,
            "product.person_effect",
            "the output screens people for the condition their details describe: the detail is what is "
            "checked, special-category data with a person deciding and an appeal",
        ),
        ticked[0],
    ]
    if alone is not None:
        found.append(f"{alone} (the model screens people out with no person deciding)")
    if not appeal:
        found.append(
            "no appeal or review by a person is named (after_launch.fallback, product.decision_owner, "
            "press_release.faq, risks)"
        )
    return tuple(found) if alone is not None else Tempered(3, found)
