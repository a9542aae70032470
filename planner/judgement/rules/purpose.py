"""Rules on personal data put to a new use, and on data about children.

Records collected for one purpose (school records kept for reporting, member data held to run the
membership) are used for another: the consent, the privacy notice or the contract they were collected
under may not cover it. Data about children raises the bar: their records need a stronger reason, a
privacy review that weighs them, and often the parents' say. A lead asks before any data is copied.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.data import PRIVACY_DONE
from planner.judgement.rules.evidence import first_said, handled, quote, source_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Acquisition, Category, Plan

# The people the data describes are children.
CHILDREN = Lexicon("""
    pupil, pupils, child, children, children's, minors, schoolchildren, schoolchild, infants, toddler
    toddlers, juvenile, juveniles, adolescent, adolescents, teenager, teenagers, under-16s, under-18s
    primary school, secondary school
""")
# The data was collected for another purpose than this one.
OTHER_PURPOSE = Lexicon("""
    collected for, gathered for, recorded for, kept for, originally for, originally collected
    collected to, gathered to, recorded to, collected under, given for, supplied for, held for
""")
# Words saying the consent, notice or contract covers this use, or a privacy review weighed it.
COVERED = Lexicon("""
    parental consent, parents consented, parents' consent, consent of the parents, consent covers
    covered by consent, covered by the consent, consent for this use, consent to this use, new consent
    re-consent, reconsent, privacy notice covers, notice covers this use, contract covers, terms cover
    dpia, data protection impact assessment, lawful basis, legal basis, compatible purpose, compatible use
""")

_WHO = (
    "product.users",
    "product.inputs",
    "product.label",
    "product.output",
    "product.goal",
    "product.decision",
)


@rule(
    "data-reused-beyond-consent",
    Category.ethics,
    likelihood=3,
    impact=4,
    move=Move(
        "Check that the consent or contract covers this new use, with children's data weighed apart",
        "Data collected for one purpose is used for another, or describes children: ask whether the consent, "
        "the privacy notice or the contract it was collected under covers this use, and run a privacy review "
        "(a DPIA) before copying it; children's data needs a stronger reason and often the parents' say",
        "warning",
    ),
    ask="does the consent or contract the data was collected under cover this new use, children's data included?",
    fires=(
        Case(
            {
                "constraints.data.personal_data": True,
                "product.inputs": "Each pupil's attendance, marks and reading age.",
            },
            evidence=(
                "constraints.data.personal_data: true",
                'product.inputs: "Each pupil\'s attendance, marks and reading age." (pupil: the data describes '
                "children, which raises the bar for any new use)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(
            {
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Member records, collected for billing", "acquisition": "own"}
                ],
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # customers sent their photos to have a claim settled, not to train a model
            {
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Claim photos customers upload", "acquisition": "from_customers"}
                ],
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.sources[0].name: "Claim photos customers upload" (sent by customers for '
                "their own case, not to train a model)",
            ),
            also=frozenset({"personal-data"}),
        ),
    ),
    quiet=(
        Case(  # not personal data
            {"constraints.data.personal_data": False, "product.inputs": "Each pupil's attendance and marks."}
        ),
        Case(  # the review is done
            {
                "constraints.data.personal_data": True,
                "product.inputs": "Each pupil's attendance and marks.",
                "press_release.faq": [{"question": "Is it lawful?", "answer": "Yes: the DPIA was approved."}],
            }
        ),
    ),
)
def data_reused_beyond_consent(plan: Plan) -> Evidence:
    """Personal data is put to a new use, or describes children, and nobody says the consent covers it.

    Records collected for one purpose (school records for reporting, member data to run the membership)
    used for another may fall outside the consent, the privacy notice or the contract they came under.
    Data about children raises the bar: a stronger reason, a review that weighs them, often the parents'
    say.

    Mitigation: Ask the data's owner and the privacy officer whether the consent or contract covers this
    use; run a DPIA before copying the data; for children, name the legal basis and tell the parents.
    """
    if plan.constraints.data.personal_data is not True:
        return None
    if handled(plan, COVERED) or handled(plan, PRIVACY_DONE):
        return None
    if first_said(plan, (*_WHO, *source_paths(plan)), COVERED):
        return None
    young = first_said(plan, (*_WHO, *source_paths(plan)), CHILDREN)
    other = first_said(
        plan, (*source_paths(plan), "product.inputs", "constraints.data.differences_note"), OTHER_PURPOSE
    )
    sent = next(
        (
            i
            for i, s in enumerate(plan.constraints.data.sources)
            if s.acquisition is Acquisition.from_customers
        ),
        None,
    )
    if young is None and other is None and sent is None:
        return None
    evidence = [quote(plan, "constraints.data.personal_data")]
    if sent is not None:  # a fact, not a word: customers sent it for their own case, not to train a model
        note = "sent by customers for their own case, not to train a model"
        evidence.append(quote(plan, f"constraints.data.sources[{sent}].name", note))
        if young is None and other is None:
            return tuple(evidence)
    words: list[str] = []
    if young is not None:
        path, found = young
        words += found
        evidence.append(
            quote(
                plan,
                path,
                f"{', '.join(found)}: the data describes children, which raises the bar for any new use",
            )
        )
    if other is not None:
        path, found = other
        words += found
        evidence.append(quote(plan, path, f"{', '.join(found)}: collected for another purpose than this one"))
    return Hint(words, tuple(evidence))
