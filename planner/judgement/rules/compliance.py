"""What a plan says of the rules it must meet: a named regulation or standard, and how it complies.

A lead who hears "a regulator governs this" asks two things: which rules, and what the plan does about
them. An answer that names an act, a directive, a standard by number or a regulator, and says how the
plan meets it (a sign-off, an assessment, an exclusion, an approval), has done the asking already. An
internal step a person takes about things, with minor errors, asks nothing of them.
"""

from __future__ import annotations

import re

from planner.judgement.rules.chooser import about_people
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Governance, HarmKind, Mode, Plan, Severity
from planner.plan.text import text_answers

# A regulation or standard by its name: a titled act, directive, regulation or code; a standard's number;
# a regulation's or a regulator's usual abbreviation (written as such: the case is read).
_RULE_NAMED = re.compile(
    r"\b(?!(?:The|This|That|These|Our|Their|Its|Any|All|Each|Sector|Local) )(?:[A-Z][A-Za-z'()-]+ )+"
    r"(?:Act|Directive|Regulation|Regulations|Code of Practice|Rule|Rules)\b"
    r"|\b(?!(?:The|This|That|These|Our|Their|Its|Any|All|Each) )(?:[A-Z][A-Za-z'()-]+ ){2,}"
    r"(?:rules|regulations|guidance|code)\b"
    r"|\b(?:ISO|IEC|EN|BS|IEEE|NIST|ASTM|PAS|ANSI|UL)[ /-]?\d{2,}"
    r"|\b(?:GDPR|UK GDPR|HIPAA|FCRA|ECOA|MDR|IVDR|PSD2|SOX|DORA|CCPA|FERPA|COPPA|MiFID|MiFID II|Basel|"
    r"Solvency II|IFRS 9|SR 11-7|CECL|AMLD|FCA|PRA|FDA|MHRA|EMA|CQC|Ofgem|Ofwat|Ofcom|ICO|SEC|FINRA|OCC|"
    r"CFPB|EBA|ECB|HSE|NHTSA|FAA|EASA|CAA|DWI|EPA|BaFin|CNIL|AI Act)\b"
)

# Words saying how the plan meets the rules it named: a sign-off, an assessment, an approval, a case kept out.
COMPLIES = Lexicon("""
    sign-off, signs off, signed off, sign off, signoff, approved by, approval from, approval by
    conformity assessment, impact assessment, dpia, risk assessment, model-risk committee
    model risk committee, validation report, validated by, legal review, reviewed by legal
    compliance review, reviewed by compliance, compliance signs, compliance approves, complies with
    compliant with, in line with, meets the requirements, excluded from, kept out of, exclusion of
    exclusions, out of scope, notified body, registered with, lawful basis, data sharing agreement
    in-process control, in-process controls, release testing is unchanged, release testing continues unchanged
    release testing stays unchanged, release testing stays, release testing continues, release test is unchanged
""")


def governance_done(plan: Plan, step: Governance) -> str | None:
    """`product.governance` quoted where the team ticks `step` as done for this use, or None."""
    return (
        quote(plan, "product.governance", f"done: {step.value.replace('_', ' ')}")
        if step in plan.product.governance
        else None
    )


def compliance_stated(plan: Plan) -> str | None:
    """The answer naming the rules the plan must meet and how it meets them (the same answer, or a named
    rule in one and a sign-off, assessment or exclusion in another), or None."""
    texts = list(text_answers(plan.model_dump(mode="json", exclude={"decisions"})))
    named = [(path, text) for path, text in texts if _RULE_NAMED.search(text)]
    if not named:
        return None
    both = [path for path, text in named if COMPLIES.find(text)]
    if both:
        return quote(plan, both[0], "names the rules and how the plan meets them")
    if any(COMPLIES.find(text) for _, text in texts):
        return quote(plan, named[0][0], "names the rules; another answer says how the plan meets them")
    return None


# Harms a sector's rules protect a person from, beyond money: their health, their rights, their data.
_PROTECTED_HARMS = frozenset({HarmKind.health, HarmKind.rights, HarmKind.privacy})


def internal_and_low_stakes(plan: Plan) -> bool:
    """Whether the output only steers an internal step a person takes (which reads a clerk re-checks, a
    price a shop suggests), about things, with minor errors that harm no health, right or data. The
    sector's rules govern what is decided about customers; such a step changes nobody's rights, and
    there is nothing new for anyone to sign. A moderate error (a finding shown to a patient, a levy
    audit) may be one the rules weigh: still asked."""
    if plan.product.mode is Mode.automate or about_people(plan):
        return False
    if set(plan.impact.harm_kinds) & _PROTECTED_HARMS:
        return False
    return effective_severity(plan) is Severity.minor
