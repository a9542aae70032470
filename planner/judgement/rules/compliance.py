"""What a plan says of the rules it must meet: a named regulation or standard, and how it complies.

A lead who hears "a regulator governs this" asks two things: which rules, and what the plan does about
them. An answer that names an act, a directive, a standard by number or a regulator, and says how the
plan meets it (a sign-off, an assessment, an exclusion, an approval), has done the asking already.
"""

from __future__ import annotations

import re

from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan
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
