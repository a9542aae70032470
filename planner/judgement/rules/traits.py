"""Which inputs describe a person's protected trait or stand in for one: the team's ticks, then the words.

`product.person_inputs` is the team's own answer (age, nationality, a postcode); a plan that leaves it
blank falls back on the words of its input answers. Both the rule on using such an input and the rule on
comparing outcomes by group read them here.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.lexicon import PROTECTED, PROXY_OF_PROTECTED
from planner.plan.model import Audience, HarmKind, PersonEffect, PersonTrait, Plan
from planner.plan.stakes import NAMED_TRAITS, STANDS_FOR


def ticked_traits(plan: Plan) -> tuple[str, bool] | None:
    """The quoted tick of inputs that describe a person, noting what each is or stands in for, and
    whether a protected trait is named outright (not only a stand-in); None where none is ticked."""
    if only_in_text(plan):
        return None
    traits = [trait for trait in plan.product.person_inputs if trait is not PersonTrait.none]
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
    keeping that data minimal, not of deciding on a person's traits."""
    return PersonTrait.text_only in plan.product.person_inputs


def offers_help(plan: Plan) -> str | None:
    """The team's answer that the output only offers the person help they may decline (a free visit, a
    support call), refusing nobody what they would otherwise get, quoted; None otherwise."""
    if plan.product.person_effect is not PersonEffect.help:
        return None
    note = "help offered, no one refused: does the offer reach every group in need, and is each trait needed?"
    return quote(plan, "product.person_effect", note)


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
