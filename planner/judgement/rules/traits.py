"""Which inputs describe a person's protected trait or stand in for one: the team's ticks, then the words.

`product.person_inputs` is the team's own answer (age, nationality, a postcode); a plan that leaves it
blank falls back on the words of its input answers. Both the rule on using such an input and the rule on
comparing outcomes by group read them here, with the advice where help is offered on them under sector rules.
"""

from __future__ import annotations

from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.lexicon import PROTECTED, PROXY_OF_PROTECTED
from planner.plan.model import (
    Audience,
    Circumstance,
    HarmKind,
    PersonEffect,
    PersonTrait,
    Plan,
    SpecialCategory,
)
from planner.plan.stakes import NAMED_TRAITS, STANDS_FOR


def ticked_traits(plan: Plan) -> tuple[str, bool] | None:
    """The quoted tick of inputs that describe a person, noting what each is or stands in for, and
    whether a protected trait is named outright (not only a stand-in); None where none is ticked."""
    if only_in_text(plan):
        return None
    traits = [trait for trait in plan.product.person_inputs if trait not in _NOT_A_TRAIT]
    if not traits:
        return None
    named = [trait.value for trait in traits if trait in NAMED_TRAITS]
    stand_ins = [
        f"{trait.value} stands in for {STANDS_FOR[trait]}" for trait in traits if trait in STANDS_FOR
    ]
    notes = (
        [f"{', '.join(named)}: a protected characteristic named as an input"] if named else []
    ) + stand_ins
    return quote(plan, "product.person_inputs", "; ".join(notes)), bool(named)


def only_in_text(plan: Plan) -> bool:
    """Whether the team says the personal details only appear in the text the model reads (a name or a
    health detail in a comment it summarises) while the output is about no such person: a question of
    keeping that data minimal, not of deciding on a person's traits. The team's own answer that the output
    grants, scrutinises, screens or adjusts to the person says it is about someone: the tick then only
    says some details are also in the text."""
    if plan.product.person_effect in _ABOUT_THE_PERSON:
        return False
    return PersonTrait.text_only in plan.product.person_inputs


def held_not_ticked(plan: Plan) -> str | None:
    """The special categories the data holds that describe a protected trait no tick names (ethnic origin
    held while only age and sex are ticked), quoted as a question; None where every one is ticked or none is
    held."""
    ticked = set(plan.product.person_inputs)
    held = [
        category.value
        for category in plan.constraints.data.special_categories
        if category in _HELD_TRAITS and not ticked & _HELD_TRAITS[category]
    ]
    if not held:
        return None
    note = f"{', '.join(held)}: held in the data and not ticked among the inputs: is it one, or a stand-in's target?"
    return quote(plan, "constraints.data.special_categories", note)


def accommodates(plan: Plan) -> str | None:
    """The team's answer that the output adjusts what the person gets to a need a detail shows (more time
    where an interpreter is needed), nobody getting less, quoted; None otherwise."""
    if plan.product.person_effect is not PersonEffect.accommodates:
        return None
    note = (
        "an adjustment to a need, nobody getting less: is each detail needed for it, and does it reach "
        "everyone with that need?"
    )
    return quote(plan, "product.person_effect", note)


def offers_help(plan: Plan) -> str | None:
    """The team's answer that the output only offers the person help they may decline (a free visit, a
    support call), refusing nobody what they would otherwise get, quoted; None otherwise."""
    if plan.product.person_effect is not PersonEffect.help:
        return None
    note = "help offered, no one refused: does the offer reach every group in need, and is each trait needed?"
    return quote(plan, "product.person_effect", note)


def help_under_rules(plan: Plan) -> str | None:
    """The team's answers that the output picks whom to offer help (a call, a visit) and that sector rules
    govern the decision, quoted; None otherwise. Who is contacted is still chosen on the ticked traits, and a
    regulated sector's rules (credit, insurance, telecoms) may bar a trait from any decision about a customer,
    an offer of help included."""
    if offers_help(plan) is None or Circumstance.sector_rules not in plan.product.circumstances:
        return None
    note = "sector rules govern whom it picks: may each ticked trait choose who is contacted at all?"
    return quote(plan, "product.circumstances", note)


# Help offered on traits in a regulated sector (a lender's call before a missed repayment): nobody is refused,
# but the rules on the sector may bar the trait from choosing who is contacted, and the person may ask why.
HELP_UNDER_RULES = Instead(
    lambda plan: help_under_rules(plan) is not None and ticked_traits(plan) is not None,
    Move(
        "Decide with compliance whether each trait may pick who is contacted, and measure what each adds",
        "An offer of help is still a decision about a customer, and a regulated sector's rules (credit, "
        "insurance, telecoms) can bar a protected characteristic from it; a stand-in (a postcode, a first "
        "name) brings it back: with whoever owns compliance, decide for each ticked input whether it may be "
        "used at all, train without them and add each back to see what it adds, compare who is picked by "
        "group on the test set, and write what a person is told about why they were contacted",
        "warning",
    ),
    "With compliance, decide whether each ticked trait may be used; train without them and add each back to "
    "measure what it adds; compare who is picked by group; write what the person is told about why.",
    title="Traits pick whom a regulated service contacts: decide whether each may be used at all",
)


def decides_about_outsiders(plan: Plan) -> str | None:
    """The evidence, from the team's answers, that the output decides about people: the audience answer
    (staff use it about people outside), a harm to someone's rights or access, or what the output does to
    the person (grants or refuses something, picks them for scrutiny)."""
    if plan.product.audience is Audience.staff_about_outsiders:
        return quote(plan, "product.audience", "its output decides about people outside")
    if HarmKind.rights in plan.impact.harm_kinds:
        return quote(plan, "impact.harm_kinds", "a wrong output harms someone's rights or access")
    if plan.product.person_effect in _DECIDES:
        return quote(plan, "product.person_effect", _DECIDES[plan.product.person_effect])
    return None


_NOT_A_TRAIT = frozenset({PersonTrait.none, PersonTrait.text_only})
# What the output does to a person, said outright: it is about that person, whatever the text holds.
_ABOUT_THE_PERSON = frozenset(
    {PersonEffect.grants, PersonEffect.scrutiny, PersonEffect.screens, PersonEffect.accommodates}
)
# The special categories that describe a protected trait, and the ticks that name it.
_HELD_TRAITS = {
    SpecialCategory.ethnic_origin: frozenset({PersonTrait.ethnicity, PersonTrait.nationality}),
    SpecialCategory.religion_or_belief: frozenset({PersonTrait.religion}),
    SpecialCategory.health: frozenset({PersonTrait.disability}),
}
# The team's answer that the output decides what a person gets, or who is looked into: the decision about
# people is said outright, whoever reads the output and whatever words describe it.
_DECIDES = {
    PersonEffect.grants: "the output grants, refuses or prices what a person applies or competes for",
    PersonEffect.scrutiny: "the output picks people for scrutiny",
}


def protected_inputs(plan: Plan, personal: bool) -> tuple[str, tuple[str, ...]] | None:
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
