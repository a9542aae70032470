"""The rule on sector rules over a decision (`product.circumstances: sector_rules`): which rules, what
they require of a model-made or model-assisted output, and who signs it."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Instead, Move, Tempered, rule
from planner.judgement.rules.chooser import about_people
from planner.judgement.rules.circumstances import DUTY_SAID, said_in
from planner.judgement.rules.compliance import compliance_stated, governance_done, internal_and_low_stakes
from planner.judgement.rules.evidence import own_notes, quote, ticked
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import SIGNER_SAID
from planner.plan.model import Category, Circumstance, Governance, Mode, Plan
from planner.plan.oversight import CheckedOutputs

_RESPONSIBLE = "The accountant sends each return and remains responsible for it."
_SECTOR = {"product.circumstances": ["sector_rules"]}  # the sound plan: a person decides each case


# Sector rules over an output about things (a site, a batch, a structure), not a decision about a person:
# nobody is owed an explanation, and guidance may ask for little; the duties to find are the output's own.
_ABOUT_THINGS = Instead(
    lambda plan: Circumstance.sector_rules in plan.product.circumstances and not about_people(plan),
    Move(
        "Ask compliance what the sector's rules require of this output, and name who signs",
        "Sector rules may put duties on a model-assisted output before it is used: who signs it and answers "
        "for it, what is recorded, and whether a change to the model needs approval again; ask which apply "
        "here and how far (guidance may ask for little)",
        "warning",
        first=True,
    ),
    "Name the rules and the regulator; ask compliance what they require of a model-assisted output (a "
    "sign-off, a record, approval of model changes), and plan only what applies.",
)


@rule(
    "sector-rules-unnamed",
    Category.ethics,
    likelihood=3,
    impact=4,
    move=Move(
        "Ask compliance what the sector's rules require of this decision, and name who signs",
        "A regulated decision brings duties before any model is used: who signs each output and answers "
        "for it, what is recorded and explained to the person affected, and whether every change to the "
        "model (each retraining) needs approval again",
        "warning",
        first=True,
    ),
    instead=(_ABOUT_THINGS,),
    fires=(
        Case(
            {"product.circumstances": ["sector_rules"]},
            evidence=(
                'product.circumstances: "sector_rules" (a regulator or sector rules govern this decision)',
                "no answer says who signs, or what the rules require of a model",
            ),
        ),
        Case(  # governance answered none: a signer named in words does not settle what the rules require
            {
                **_SECTOR,
                "product.governance": ["none"],
                "product.decision_owner": "The inspector, who signs the inspection report.",
                "impact.error_severity": "serious",
            },
        ),
        Case(  # the model decides alone on serious errors: a fact to settle before building
            {
                "product.circumstances": ["sector_rules"],
                "product.mode": "automate",
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.circumstances: "sector_rules" (a regulator or sector rules govern this decision)',
                'product.mode: "automate"',
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # grain samples graded for a mill under food rules, each grade confirmed by a grader: low
            {**_SECTOR, "product.audience": "staff", "product.checked_outputs": "every_before"},
        ),
    ),
    quiet=(  # a person decides each case, and the decision or the FAQ says who stays responsible
        Case({"product.circumstances": ["none"]}),
        Case({"product.circumstances": ["sector_rules"], "product.governance": ["signatory"]}),  # ticked
        Case(  # which reads a clerk re-checks: an internal step, minor errors, no one's rights touched
            {
                **_SECTOR,
                "impact.error_severity": "minor",
                "product.output": "A queue of meter reads ranked by how likely each is wrong.",
                "product.decision": "Which meter reads the billing clerk re-checks first.",
            }
        ),
        Case(  # a suggested price a person sets from, with minor errors: nothing for anyone to sign
            {
                **_SECTOR,
                "impact.error_severity": "minor",
                "product.task": "regression",
                "product.output": "A suggested price for each donated item.",
                "product.decision": "The shop volunteer prices the item, starting from the suggestion.",
                "product.action_shape": "sets_amount",
            }
        ),
        Case({**_SECTOR, "product.decision": _RESPONSIBLE}),
        Case({**_SECTOR, "press_release.faq": [{"question": "Who answers for it?", "answer": _RESPONSIBLE}]}),
        Case(  # the regulation named, and how the plan meets it: an exclusion and a sign-off
            {
                **_SECTOR,
                "product.decision": "Suggests a tariff; under the Consumer Duty rules vulnerable customers are "
                "excluded from automatic offers.",
            }
        ),
        Case(  # a standard by number, and the assessment that shows it is met
            {
                **_SECTOR,
                "press_release.call_to_action": "The notified body runs the ISO 13485 conformity assessment "
                "before the pilot.",
            }
        ),
    ),
)
def sector_rules_unnamed(plan: Plan) -> Evidence:
    """Sector rules govern the decision: the plan must name them and who signs.

    A regulated decision (health, courts, credit, insurance, telecom, employment, education, safety,
    public services) brings duties a model must meet before it is used: who signs each output and
    answers for it, what must be recorded and explained to the person affected, and whether changing the
    model (every retraining) needs approval again. Found late, they stop a finished project.

    Mitigation: Name the rules and the regulator; ask compliance or legal now what they require of a
    model-made or model-assisted decision; name who signs; plan the record of each decision and the
    approval of each model change.
    """
    fact = ticked(plan, Circumstance.sector_rules)
    if fact is None:
        return None
    if Governance.none in plan.product.governance:
        return _none_recorded(plan, fact)
    signer = bool(said_in(plan, SIGNER_SAID) or governance_done(plan, Governance.signatory))
    signer = signer or any(SIGNER_SAID.find(note) for note in own_notes(plan))
    if signer and plan.product.mode is not Mode.automate:
        return None  # a person decides each case, and an answer says who signs and answers for it
    # the rules named and how the plan meets them, or compliance's word on what they require
    complies = compliance_stated(plan) or governance_done(plan, Governance.rules_reviewed)
    if complies and not (plan.product.mode is Mode.automate and serious_harm(plan)):
        return None
    named = said_in(plan, DUTY_SAID) or complies
    if plan.product.mode is Mode.automate and serious_harm(plan):
        if named:
            return Tempered(3, (fact, quote(plan, "product.mode"), severity_quote(plan), named))
        return Tempered(4, (fact, quote(plan, "product.mode"), severity_quote(plan)))
    if named:
        return Tempered(1, (fact, named))
    if internal_and_low_stakes(plan):
        return None  # a person takes each internal step as today, and what goes wrong touches no right
    unsigned = (fact, "no answer says who signs, or what the rules require of a model")
    if plan.product.mode is not Mode.automate and not about_people(plan):
        if plan.product.checked_outputs is CheckedOutputs.every_before:  # a person signs off each one first
            checked = quote(
                plan, "product.checked_outputs", "a person confirms every output before it is used"
            )
            return Tempered(1, (*unsigned, checked))
        return Tempered(2, unsigned)  # people decide each case, about things: a question to settle early
    return unsigned


def _none_recorded(plan: Plan, fact: str) -> Evidence:
    """Sector rules ticked, and the governance done for this use answered none: no signatory, nobody has
    said what the rules require. Words naming who signs something today (a report, a return) do not settle
    it: whether that sign-off covers a model-assisted output under those rules is the first question."""
    evidence = [
        fact,
        quote(plan, "product.governance", "nothing done yet: no signatory, no word from compliance"),
    ]
    signer = said_in(plan, SIGNER_SAID)
    if signer:
        evidence.append(f"{signer} (a sign-off said only in words: does it cover a model-assisted output?)")
    if plan.product.mode is Mode.automate and serious_harm(plan):
        return Tempered(4, (*evidence, quote(plan, "product.mode"), severity_quote(plan)))
    if plan.product.mode is not Mode.automate and not about_people(plan):
        return Tempered(2, tuple(evidence))  # people decide each case, about things: a question to settle
    return tuple(evidence)
