"""Rules on what a model can reach beyond its request: the records it looks up, the text it reads, what it does.

A model that only answers from the request can be wrong; a model that looks things up, reads what
outsiders write or acts on its own can also be used. A lead asks with whose rights it looks things up
(whoever can ask gets what that account may read) and whether text an outsider wrote can steer what it
does. Both reason from the team's ticks in `product.model_reach`; plans that leave it unanswered get
only the word-read questions of the generation rules.
"""

from __future__ import annotations

from planner.judgement.rules.audience import outsiders_type_in, staff_only
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import first_said, quote, source_paths
from planner.judgement.rules.generative import public_corpus
from planner.judgement.rules.lexicon import INJECTION_SAID
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Guard, Plan
from planner.plan.stakes import HarmKind
from planner.plan.workings import Reach

# Words saying each lookup runs with the asker's own rights, or is filtered by them.
ASKERS_RIGHTS = Lexicon("""
    row-level security, row level security, column-level security, column level security
    the user's own permissions, the asker's own permissions, their own permissions, the user's permissions
    the asker's permissions, the user's own rights, the asker's own rights, their own rights, the asker's rights
    the user's rights, on behalf of the user, as the user, impersonates the user, per-user permissions
    per user permissions, permission-aware, permission aware, filtered by access rights
    filtered by the user's access, filtered by the asker's access, filtered by their access
    access control list, access control lists, security trimming, security-trimmed
""")
# Words saying a person approves each action before it happens.
ACTIONS_APPROVED = Lexicon("""
    approves each action, approve each action, approves every action, approve every action
    confirms each action, confirm each action, confirms every action, confirm every action
    approval step, confirmation step, human approval, approved by a person, approved by staff
""")

# Where a plan says how lookups are limited, or what is tested.
_LIMITS_AT = (
    "product.inputs",
    "product.decision",
    "product.forbidden_output",
    "after_launch.fallback",
    "done.eval_set",
)

# Users whose role is to work the organisation's records (not its workforce at large, who may not see each
# other's pay or health): a wider lookup in front of them reaches records their work opens anyway.
OWN_PEOPLE = Lexicon("""
    surveyors, underwriters, analysts, case officers, caseworkers, claims handlers, adjusters, auditors
    investigators, accounts payable clerks, clerks, planners, engineers
""")
OUTSIDE_PEOPLE = Lexicon(
    """
    customer, customers, client, clients, public, members of the public, citizen, citizens, patient, patients
    student, students, tenant, tenants, resident, residents, visitor, visitors, applicant, applicants, anyone
    supplier, suppliers, partner, partners, member, members, guests, guest, shoppers, users of the app
    """,
    unless="""
    team members, staff members, members of staff, member of staff, members of the team, no customers
    no customer, not customers, no clients, not clients, no members of the public, not the public
    no public, customer service team, customer support team, customer success team, client services team
    """,
)
# Askers who work for the organisation: its staff, named as such.
STAFF = OWN_PEOPLE + Lexicon("""
    staff, staff only, staff-only, employees, employee, colleagues, internal users, internal staff
    team members, members of staff, member of staff, in-house, internal only, internal-only, no outside users
    no external users, internal tool, internal team, our team, the team, support engineers, developers
""")
# What it reads, named as documents every one of those staff may read anyway.
OWN_DOCUMENTS = Lexicon("""
    the team's own documents, the team's own docs, the team own documents, the team own docs
    team own documents, team own docs, our own documents, our own docs, the team's documents
    the team documents, team documents, the team's docs, team docs, team wiki, internal wiki, intranet
    runbooks, runbook, staff handbook, team handbook, open to all staff, shared with all staff
    every employee can read, all staff can read, readable by all staff
""")


def _own_people_only(plan: Plan) -> str | None:
    """The answer naming who asks, where it names only people whose role is to work the records, quoted."""
    users = plan.product.users
    if not OWN_PEOPLE.find(users) or OUTSIDE_PEOPLE.find(users):
        return None
    return quote(plan, "product.users", "the askers work these records in their role")


def _staff_over_own_documents(plan: Plan) -> bool:
    """Whether only staff ask and what it reads is named as documents all of them may read (the team's
    own documents, a staff wiki): a wider account there reaches nothing an asker may not see."""
    users = plan.product.users
    if not STAFF.find(users) or OUTSIDE_PEOPLE.find(users):
        return False
    return first_said(plan, ("product.inputs", *source_paths(plan)), OWN_DOCUMENTS) is not None


def reaches(plan: Plan, reach: Reach) -> str | None:
    """The evidence that the team ticked `reach` in `product.model_reach`, or None."""
    if reach not in plan.product.model_reach:
        return None
    return quote(plan, "product.model_reach", f"{reach.value} ticked")


@rule(
    "reads-beyond-the-asker",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "Look things up with the asking person's own rights, and test it as someone without them",
        "A model that queries or searches with an account wider than some who ask hands any of them what "
        "that account may read: run each lookup with the asker's rights (or filter results by them), and "
        "test by asking, as a user without rights, for records they may not see",
        "danger",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "constraints.data.personal_data": True,
                "product.users": "Customers asking about their own orders.",
            },
            evidence=(
                'product.model_reach: ["reads_wider"] (reads_wider ticked)',
                "constraints.data.personal_data: true",
                "nothing limits a lookup to what the person asking may see",
            ),
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # the people who ask work these records in their role: medium, asked
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "constraints.data.personal_data": True,
                "product.users": "The insurer's risk surveyors.",
            },
            evidence=(
                'product.model_reach: ["reads_wider"] (reads_wider ticked)',
                "constraints.data.personal_data: true",
                'product.users: "The insurer\'s risk surveyors." (the askers work these records in their role)',
                "nothing limits a lookup to what the person asking may see",
                "if each asker may open every record it searches, tick reads_as_user: that quiets this",
            ),
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # the same documents, but customers ask: an outsider gets what the account reads, medium
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "product.users": "Customers of the hosting service.",
                "product.inputs": "The question and passages from the team's own runbooks and design documents.",
            },
            evidence=(
                'product.model_reach: ["reads_wider"] (reads_wider ticked)',
                "nothing limits a lookup to what the person asking may see",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # customers ask, say the team: whatever the account reads is theirs for a question
            {
                "product.task": "generation",
                "product.model_reach": ["reads_wider"],
                "product.audience": "outsiders",
            },
            evidence=(
                'product.model_reach: ["reads_wider"] (reads_wider ticked)',
                'product.audience: "outsiders" (people outside type into it or read its output)',
                "nothing limits a lookup to what the person asking may see",
            ),
            also=frozenset({"generated-facts-unchecked", "outsiders-write-the-prompt"}),
        ),
        Case(  # only staff ask, but the records are personal (pay, health): medium, within the organisation
            {
                "product.task": "generation",
                "product.model_reach": ["reads_wider"],
                "product.audience": "staff",
                "constraints.data.personal_data": True,
            },
            also=frozenset({"generated-facts-unchecked", "personal-data"}),
        ),
        Case(  # no personal data: still the organisation's restricted records, at medium
            {
                "product.task": "generation",
                "product.model_reach": ["reads_wider", "reads_as_user"],
                "product.audience": None,
            },
            evidence=(
                'product.model_reach: ["reads_wider", "reads_as_user"] (reads_wider ticked)',
                "nothing limits a lookup to what the person asking may see",
            ),
        ),
        Case(  # a service account with broad permissions is no limit: the tick is the fact
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "product.inputs": "The question; it queries the warehouse with a service account's read permissions.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # parish registrars search every register they may all open: a lookup reaches nothing more
            {
                "product.task": "generation",
                "product.model_reach": ["reads_as_user"],
                "product.audience": "staff_about_outsiders",
                "constraints.data.personal_data": True,
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # only staff ask, and nothing it reads is personal: the organisation's own records
            {
                "product.task": "generation",
                "product.model_reach": ["reads_wider"],
                "product.audience": "staff",
            }
        ),
        Case(
            {"product.task": "generation", "product.model_reach": ["reads_as_user"], "product.audience": None}
        ),
        Case({"product.task": "generation", "product.model_reach": ["request_only"]}),
        Case(  # a shared index of published documents: nothing in it is closed to anyone who asks
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "product.inputs": "The question and passages from the index of lenders' published criteria.",
                "constraints.data.personal_data": True,
            }
        ),
        Case(  # an internal tool: only staff ask, and it reads the team's own documents, open to all of them
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "product.users": "The platform team's engineers; staff only, no outside users.",
                "product.inputs": "The question and passages from the team's own runbooks and design documents.",
            }
        ),
        Case(  # the wider index is filtered by the asker's permissions
            {
                "product.task": "generation",
                "product.audience": None,
                "product.model_reach": ["reads_wider"],
                "product.inputs": "The question and documents from the shared index, filtered by access rights.",
            }
        ),
    ),
)
def reads_beyond_the_asker(plan: Plan) -> Evidence:
    """Anyone who can ask can read what the model's account reads.

    A model that writes queries, searches an index or opens files does so with an account's rights. Where
    that account reads more than some of the people who ask (a service account on the warehouse, a shared
    index of every team's files), a question is enough to get pay, health, client or board records the
    asker may not see, and nobody checks an answer for what it should not hold. Where people outside
    ask, anything the account reads is theirs for a question. An internal tool that only staff use,
    over records none of them personal (the team's own documents), reaches no more than they may see.

    Mitigation: Run each lookup with the asking person's own rights, or filter what it retrieves by
    them; keep restricted tables and folders out of the account's reach; add requests for records the
    asker may not see to the evaluation set, as users without those rights, and log what each answer read.
    """
    wider = reaches(plan, Reach.reads_wider)
    if wider is None or first_said(plan, _LIMITS_AT, ASKERS_RIGHTS):
        return None
    if public_corpus(plan, "product.inputs"):
        return None  # what it reads is public: whoever asks may read it already
    missing = "nothing limits a lookup to what the person asking may see"
    private = plan.constraints.data.personal_data is True or HarmKind.privacy in plan.impact.harm_kinds
    outside, staff = outsiders_type_in(plan), staff_only(plan)
    if outside:  # whoever outside asks gets what the account reads, private or not
        return (wider, outside, missing)
    if staff and not private:
        return None  # colleagues over the organisation's own records, none of them personal
    if staff:  # colleagues who ask: records exposed within the organisation, not to anyone
        return Tempered(3, (wider, quote(plan, _private_said(plan)), staff, missing, _WHAT_QUIETS))
    if not private and _staff_over_own_documents(plan):
        return None  # an internal tool over documents all its users may read: no asker gets more
    if private:
        own = _own_people_only(plan)
        if own:  # colleagues who ask: records exposed within the organisation, not to anyone
            return Tempered(3, (wider, quote(plan, _private_said(plan)), own, missing, _WHAT_QUIETS))
        return (wider, quote(plan, _private_said(plan)), missing)
    return Tempered(3, (wider, missing))


# Colleagues ask: what would quiet the risk, where each of them may open every record anyway.
_WHAT_QUIETS = "if each asker may open every record it searches, tick reads_as_user: that quiets this"


def _private_said(plan: Plan) -> str:
    """Where the plan says its records are private: the personal-data answer, or the privacy harm."""
    return "constraints.data.personal_data" if plan.constraints.data.personal_data else "impact.harm_kinds"


@rule(
    "outside-text-steers-actions",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Let no action follow from text an outsider wrote without a check outside the model",
        "A model that reads e-mails, web pages or uploaded files and can also act will meet a sentence "
        "telling it what to do: take each action from a structured request checked against policy, cap "
        "what it can do after reading outside text, and test it with planted instructions",
        "danger",
    ),
    fires=(
        Case(
            {"product.task": "generation", "product.model_reach": ["reads_outside_text", "acts"]},
            evidence=(
                'product.model_reach: ["reads_outside_text", "acts"] (it reads text outsiders write, and it acts)',
                "no check outside the model stands between what it reads and what it does",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a person approves each output before it counts: medium
            {
                "product.task": "generation",
                "product.model_reach": ["reads_outside_text", "acts"],
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A refund above the policy limit.",
            },
        ),
    ),
    quiet=(
        Case({"product.task": "generation", "product.model_reach": ["reads_outside_text"]}),
        Case({"product.task": "generation", "product.model_reach": ["acts", "reads_as_user"]}),
        Case(  # attacks are in the evaluation set
            {
                "product.task": "generation",
                "product.model_reach": ["reads_outside_text", "acts"],
                "done.eval_set": "500 real e-mails plus 100 prompt-injection attempts written by the red team.",
            }
        ),
    ),
)
def outside_text_steers_actions(plan: Plan) -> Evidence:
    """Text an outsider wrote can tell it what to do.

    A model that reads what outsiders write (an e-mail, a web page, a ticket, an uploaded file) and can
    also act (write a record, send a message, run a command, spend) takes its instructions from
    whatever it reads: one sentence planted in a message can have it forward records, change an order
    or approve what policy forbids. Telling the model to ignore such text lowers the rate; it does not
    stop it.

    Mitigation: Keep outside text apart from instructions; take every action from a structured request
    checked against policy outside the model, never from its free text; limit the actions open after it
    has read outside text (read-only, or a person approves); log each action; add planted instructions
    to the evaluation set and run them on every prompt or model change.
    """
    reach = plan.product.model_reach
    if Reach.reads_outside_text not in reach or Reach.acts not in reach:
        return None
    if first_said(plan, _LIMITS_AT, INJECTION_SAID):
        return None  # planted instructions are in the evaluation, or the plan guards against them
    both = quote(plan, "product.model_reach", "it reads text outsiders write, and it acts")
    if plan.product.forbidden_guard is Guard.review:  # a person approves each output before it counts
        return Tempered(3, (both, quote(plan, "product.forbidden_guard")))
    approved = first_said(plan, _LIMITS_AT, ACTIONS_APPROVED)
    if approved:  # a person approves each action: the planted sentence still reaches that person
        return Tempered(3, (both, quote(plan, approved[0], ", ".join(approved[1]))))
    return (both, "no check outside the model stands between what it reads and what it does")
