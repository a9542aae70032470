"""Rules on personal data put to a new use, and on data about children.

Records collected for one purpose (school records kept for reporting, member data held to run the
membership) are used for another: the consent, the privacy notice or the contract they were collected
under may not cover it. Data about children raises the bar: their records need a stronger reason, a
privacy review that weighs them, and often the parents' say. A lead asks before any data is copied.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Instead, Move, Tempered, rule
from planner.judgement.rules.data import PRIVACY_DONE, nothing_trained, prompted_alone
from planner.judgement.rules.evidence import first_said, handled, quote, source_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Acquisition, Category, Governance, Plan, WhoseData

# The people the data describes are children.
CHILDREN = Lexicon("""
    pupil, pupils, child, children, children's, minors, schoolchildren, schoolchild, infants, toddler
    toddlers, juvenile, juveniles, adolescent, adolescents, teenager, teenagers, under-16s, under-18s
    primary school, secondary school
""")
# The data was collected for another purpose than this one. Not `given for`, `kept for`, `held for` or
# `recorded for`: a sign-off given for an input, records kept for seven years, recorded for every visit.
OTHER_PURPOSE = Lexicon("""
    collected for, gathered for, originally for, originally collected, collected to, gathered to
    collected under, supplied for, provided for the purpose, given for the purpose, kept for the purpose
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


def _young(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """Where the plan names children: the tick, or a whole word of the lexicon where the ticks leave
    children open (a wholesaler's 'children's shoes' describe no child in its data)."""
    whose = plan.constraints.data.whose_data
    if WhoseData.children in whose:
        return "constraints.data.whose_data", ()
    if whose:
        return None
    return first_said(plan, (*_WHO, *source_paths(plan)), CHILDREN)


def _at_work_only(plan: Plan) -> bool:
    """Whether the data describes only staff and people at other firms in their work role: a contract,
    not a consumer's consent, governs it (no member of the public, no child)."""
    whose = set(plan.constraints.data.whose_data)
    return bool(whose) and not whose & {WhoseData.consumers, WhoseData.children}


_CONTRACT = Instead(
    _at_work_only,
    Move(
        "Ask whether the contracts the data came under let it be used for this",
        "The data describes staff and people at client or supplier firms, not the public: what governs its "
        "reuse is the contract with each firm (a processing agreement, a confidentiality clause) and the "
        "staff privacy notice, not a consumer's consent; ask the contract owner whether they allow this use "
        "of it",
        "warning",
    ),
    "Ask the contract owner whether the client and supplier contracts (and any processing agreement) let "
    "the data be used for this; where they do not, ask the firms, or leave their data out.",
    title="Data used beyond what its contracts may allow",
)
_CHILDREN = Instead(
    lambda plan: _young(plan) is not None,
    Move(
        "Check that the consent or contract covers this new use, with children's data weighed apart",
        "Data collected for one purpose is used for another, or describes children: ask whether the consent, "
        "the privacy notice or the contract it was collected under covers this use, and run a privacy review "
        "(a DPIA) before copying it; children's data needs a stronger reason and often the parents' say",
        "warning",
    ),
    "Ask the data's owner and the privacy officer whether the consent or contract covers this use; run a "
    "DPIA before copying the data; for children, name the legal basis and tell the parents.",
    title="Personal data is put to a new use, or describes children, and nobody says the consent covers it",
)


@rule(
    "data-reused-beyond-consent",
    Category.ethics,
    likelihood=3,
    impact=4,
    move=Move(
        "Check that the consent, notice or contract the data came under covers this new use",
        "Data collected for one purpose is used for another: ask whether the consent, the privacy notice or "
        "the contract it was collected under covers this use, and run a privacy review (a DPIA) before "
        "copying it",
        "warning",
    ),
    ask="does the consent, notice or contract the data was collected under cover this new use?",
    instead=(_CHILDREN, _CONTRACT),
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
                "their own case, not to train a model? Nobody says what it was sent for)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # a hosted model used as is, drafting from past chats: nothing trained, the chats build the tool
            {
                "constraints.data.personal_data": True,
                "product.task": "generation",
                "constraints.compute.hosted_model": "A hosted LLM API, used as is.",
                "product.inputs": "The customer's question and past replies retrieved from the chat archive.",
                "constraints.data.sources": [
                    {"name": "Chat archive of customers' questions", "acquisition": "from_customers"}
                ],
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.sources[0].name: "Chat archive of customers\' questions" (sent by customers '
                "for their own case, not to build and test a tool with? Nobody says what it was sent for)",
            ),
        ),
        Case(  # answered: the tenants' repair requests are used to rank tenants for rent arrears
            {
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Repair requests", "acquisition": "from_customers", "sent_for_this_use": False}
                ],
            },
            evidence=(
                "constraints.data.personal_data: true",
                "constraints.data.sources[0].sent_for_this_use: false (used for another thing than it was "
                "sent for)",
            ),
            also=frozenset({"personal-data"}),
        ),
        Case(  # children ticked: a fact, not a word
            {
                "constraints.data.personal_data": True,
                "constraints.data.whose_data": ["consumers", "children"],
            },
            evidence=(
                "constraints.data.personal_data: true",
                'constraints.data.whose_data: ["consumers", "children"] (children\'s records raise the bar for '
                "any new use)",
            ),
            also=frozenset({"personal-data"}),
        ),
    ),
    quiet=(
        Case(  # a wholesaler's children's shoes: the ticks say no child is in the data
            {
                "constraints.data.personal_data": True,
                "constraints.data.whose_data": ["business_contacts"],
                "product.inputs": "Each shop's past orders of children's shoes.",
            }
        ),
        Case(  # not personal data
            {"constraints.data.personal_data": False, "product.inputs": "Each pupil's attendance and marks."}
        ),
        Case(  # ticked: the legal basis for this use is documented
            {
                "constraints.data.personal_data": True,
                "constraints.data.whose_data": ["consumers", "children"],
                "product.governance": ["legal_basis"],
            }
        ),
        Case(  # the review is done
            {
                "constraints.data.personal_data": True,
                "product.inputs": "Each pupil's attendance and marks.",
                "press_release.faq": [{"question": "Is it lawful?", "answer": "Yes: the DPIA was approved."}],
            }
        ),
        Case(  # anglers' catch reports used to estimate the stock they report on: what they were sent for
            {
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {
                        "name": "Anglers' catch reports",
                        "acquisition": "from_customers",
                        "sent_for_this_use": True,
                    }
                ],
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # a prompted model reads each claim to handle it, trained on none: the purpose it was sent for
            {
                "constraints.data.personal_data": True,
                "constraints.compute.hosted_model": "GPT-4o in our Azure tenant",
                "product.task": "extraction",
                "product.inputs": "The claim form the customer submits.",
                "constraints.data.sources": [
                    {"name": "Claim forms customers submit", "acquisition": "from_customers"}
                ],
            }
        ),
    ),
)
def data_reused_beyond_consent(plan: Plan) -> Evidence:
    """Personal data is put to a new use that nobody says its consent or notice covers.

    Records collected for one purpose (school records for reporting, member data to run the membership)
    used for another may fall outside the consent, the privacy notice or the contract they came under.
    Data about children raises the bar: a stronger reason, a review that weighs them, often the parents'
    say (the advice then says so).

    Mitigation: Ask the data's owner and the privacy officer whether the consent, notice or contract covers
    this use; run a DPIA before copying the data.
    """
    if plan.constraints.data.personal_data is not True:
        return None
    if handled(plan, COVERED) or handled(plan, PRIVACY_DONE):
        return None
    if {Governance.legal_basis, Governance.privacy_review} & set(plan.product.governance):
        return None  # the team shows the basis for this use, or a review of it signed off
    if first_said(plan, (*_WHO, *source_paths(plan)), COVERED):
        return None
    young = _young(plan)
    other = first_said(
        plan, (*source_paths(plan), "product.inputs", "constraints.data.differences_note"), OTHER_PURPOSE
    )
    sources = plan.constraints.data.sources
    # a fact: the answers say a source is used for another thing than what it was sent for
    sent = next((i for i, s in enumerate(sources) if s.sent_for_this_use is False), None)
    answered = sent is not None
    if sent is None:  # sent by customers or the public, and nobody says what for
        sent = next(
            (
                i
                for i, s in enumerate(sources)
                if s.acquisition is Acquisition.from_customers and s.sent_for_this_use is None
            ),
            None,
        )
    if young is None and other is None and sent is None:
        return None
    if young is None and other is None and not answered and prompted_alone(plan):
        return None  # a prompted model reads each case it was sent for to handle it, and learns from none
    evidence = [quote(plan, "constraints.data.personal_data")]
    if sent is not None:
        where = f"constraints.data.sources[{sent}]"
        if answered:
            evidence.append(
                quote(plan, f"{where}.sent_for_this_use", "used for another thing than it was sent for")
            )
        else:  # customers may have sent it for their own case, or for just this use: a question, low
            # a hosted model used as is learns from none of it: the new use is building and testing the tool
            use = "to build and test a tool with" if nothing_trained(plan) else "to train a model"
            note = f"sent by customers for their own case, not {use}? Nobody says what it was sent for"
            evidence.append(quote(plan, f"{where}.name", note))
        if young is None and other is None:
            return tuple(evidence) if answered else Tempered(1, evidence)
    words: list[str] = []
    if young is not None and not young[1]:  # ticked: a fact, not a word
        evidence.append(quote(plan, young[0], "children's records raise the bar for any new use"))
        if other is None:
            return tuple(evidence)
    elif young is not None:
        path, said = young
        words += said
        evidence.append(
            quote(
                plan,
                path,
                f"{', '.join(said)}: the data describes children, which raises the bar for any new use",
            )
        )
    if other is not None:
        path, found = other
        words += found
        evidence.append(quote(plan, path, f"{', '.join(found)}: collected for another purpose than this one"))
    return Hint(words, tuple(evidence))
