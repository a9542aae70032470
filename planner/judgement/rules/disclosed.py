"""Rules on a person's details sent to someone else by the system alone: an introduction, a match or a
referral that hands one person's name, address or phone number to another, with nobody confirming it.

A wrong payment can be refunded and a wrong schedule republished; a disclosure cannot be taken back. Once
an older person's address has gone to an applicant nobody has vetted, no log or audit undoes it, and the
people a matching service introduces (older people, children, patients, tenants) are often the least
able to refuse a stranger at the door. A lead asks that a person confirm each introduction, that whoever
receives the details be vetted first, and that only what the meeting needs be shared.
"""

from __future__ import annotations

from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote, read_paths, said_or_settled, ticked
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Category, Circumstance, Mode, Plan

# Words saying one person's details reach another: an introduction, contact details passed on.
DISCLOSES = Lexicon("""
    introduction, introductions, introduces, introduce, introducing, introductory e-mail, introductory email
    put in touch, puts in touch, putting in touch, contact details, phone number, phone numbers, home address
    home addresses, name and address, names and addresses, passes on, passed on, pass on, shares the details
    share the details, shares their details, share their details, forwards the details, sends the details
""")
# People whom a stranger's visit or call can harm most.
VULNERABLE = Lexicon("""
    older person, older people, older adults, elderly, pensioner, pensioners, child, children, pupil, pupils
    minor, minors, young people, patient, patients, vulnerable, carer, carers, disabled, disability
    disabilities, dementia, tenant, tenants, living alone, lives alone, refugee, refugees, survivor, survivors
""")
# Words saying a person confirms each disclosure, or its receiver is vetted, or the person agreed to it.
CONFIRMED = Lexicon("""
    vetted, vetting, dbs, dbs check, dbs checked, dbs-checked, background check, background checks
    background-checked, references checked, reference checks, id checked, identity checked, identity check
    coordinator confirms, coordinator approves, coordinator checks each, staff confirm, staff approve
    confirmed by a coordinator, approved by a coordinator, person confirms, confirms each introduction
    consent to share, consented to share, agreed to share, opted in, only a first name, first name only
    no contact details, via the office, through the office, anonymised until, masked until
""")
_SENT_PATHS = ("product.output", "product.decision")
_WHO_PATHS = (
    "title",
    "product.goal",
    "product.users",
    "product.output",
    "product.decision",
    "product.inputs",
)


def acts_alone(plan: Plan) -> str | None:
    """The quoted fact that the output acts with nobody confirming it: commits_alone ticked, or mode
    automate."""
    fact = ticked(plan, Circumstance.commits_alone)
    if fact is not None:
        return fact
    return quote(plan, "product.mode") if plan.product.mode is Mode.automate else None


def discloses(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """Where the output or decision says it hands a person's details to someone else (path, words), on
    personal data and seen by people outside the organisation (or nobody said who sees it): an
    introduction, contact details passed on."""
    if plan.constraints.data.personal_data is not True:
        return None
    if plan.product.audience in (Audience.staff, Audience.staff_about_outsiders):
        return None  # only the organisation's own staff see the output: nothing leaves it
    return first_said(plan, _SENT_PATHS, DISCLOSES)


@rule(
    "disclosed-alone",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="does the system hand a person's details to someone else on its own, with nobody confirming it?",
    move=Move(
        "Have a person confirm each introduction, and vet whoever receives the details",
        "A person's name, address or phone number sent to someone else cannot be taken back: no log, "
        "audit or undo recalls it, and an older person, a child or a patient may not be able to refuse a "
        "stranger: have a person confirm each introduction before it goes, vet the receiver first, and "
        "share only what the first contact needs (through the office, not a home address)",
        "danger",
    ),
    fires=(
        Case(
            {
                "constraints.data.personal_data": True,
                "product.mode": "automate",
                "product.audience": "both",
                "product.output": "An introduction to each older person's visitor.",
            },
            evidence=(
                'product.mode: "automate"',
                'product.output: "An introduction to each older person\'s visitor." (introduction: one '
                "person's details sent to another, which cannot be undone; who confirms each, and is the "
                "receiver vetted?)",
                'product.output: "An introduction to each older person\'s visitor." (older person: the people '
                "whose details are sent)",
            ),
            also=frozenset({"personal-data"}),
        ),
    ),
    quiet=(
        Case(  # a coordinator confirms each one
            {
                "constraints.data.personal_data": True,
                "product.mode": "augment",
                "product.output": "A suggested introduction for the coordinator to confirm.",
            }
        ),
        Case(  # receivers are vetted first
            {
                "constraints.data.personal_data": True,
                "product.mode": "automate",
                "product.audience": "both",
                "product.output": "An introduction e-mail to each DBS-checked volunteer.",
            }
        ),
        Case(  # only staff see it: an internal hand-over, nothing leaves the organisation
            {
                "constraints.data.personal_data": True,
                "product.mode": "automate",
                "product.audience": "staff",
                "product.output": "An introduction of each new tenant to their housing officer.",
            }
        ),
        Case(  # no personal data
            {
                "constraints.data.personal_data": False,
                "product.mode": "automate",
                "product.output": "An introduction e-mail between two suppliers.",
            }
        ),
    ),
)
def disclosed_alone(plan: Plan) -> Evidence:
    """A person's details go to someone else with nobody confirming it.

    The system introduces one person to another, or passes on their contact details, on its own: a
    wrong or unvetted receiver gets a name, an address or a phone number that cannot be taken back, and
    the people such services introduce (older people, children, patients, tenants) are often those a
    stranger can harm most. A message that moves no money is not harmless when what it carries is a
    person.

    Mitigation: Have a person confirm each introduction before it is sent; vet whoever receives the
    details (identity, references, a background check where the people are vulnerable); share only
    what the first contact needs, through the office rather than a home address; record the person's
    consent to share.
    """
    alone = acts_alone(plan)
    sent = discloses(plan)
    if alone is None or sent is None:
        return None
    if said_or_settled(plan, (*_WHO_PATHS, *read_paths(plan), "after_launch.fallback"), CONFIRMED):
        return None
    if CATALOGUE["commits-unchecked"].check(plan) is not None:
        return None  # it asks for a person's check of each disclosure already, from the structured tick
    path, words = sent
    note = (
        f"{', '.join(words)}: one person's details sent to another, which cannot be undone; who confirms each, "
        "and is the receiver vetted?"
    )
    evidence = [alone, quote(plan, path, note)]
    vulnerable = first_said(plan, _WHO_PATHS, VULNERABLE)
    if vulnerable is None:
        return Hint(words, tuple(evidence), likelihood=2)
    vpath, vwords = vulnerable
    evidence.append(quote(plan, vpath, f"{', '.join(vwords)}: the people whose details are sent"))
    return Hint((*words, *vwords), tuple(evidence))
