"""Rules on an index that holds what may never be released: a generator's sources, read as its output.

Access rights answer who may read a document; they do not stop a generator from quoting a passage it
retrieved into an answer that leaves the organisation. Where staff ask with their own (wide) rights and
people outside read the answers, and the index behind them holds personal data or exempt documents, a
lead says the index itself must not hold what may never be released: redact before indexing, and test
that the generator never quotes it. Where outsiders ask for themselves, `reads-beyond-the-asker` weighs
whose rights the lookups run with.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, said_or_settled, source_paths, ticked
from planner.judgement.rules.generative import public_corpus
from planner.judgement.rules.lookups import OUTSIDE_PEOPLE, STAFF
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Category, Circumstance, Guard, HarmKind, Plan, TaskType
from planner.plan.workings import Reach

# Words saying what is indexed was cleaned of what may not be released before it was indexed.
REDACTED = Lexicon("""
    redacted, redact, redaction, redacts, anonymised, anonymized, anonymise, anonymize, pseudonymised
    pseudonymized, de-identified, deidentified, released versions, published versions, only released
    only published, public versions, as released, as published
""")
_PATHS = ("product.inputs", "product.output", "product.forbidden_output", "constraints.data.differences_note")
_LOOKS = frozenset({Reach.reads_wider, Reach.reads_as_user})
_GEN = {"product.task": "generation", "constraints.data.personal_data": True}
_FOI = {**_GEN, "product.users": "The council's case officers.", "product.audience": "outsiders"}


def _staff_ask_outsiders_read(plan: Plan) -> tuple[str, ...] | None:
    """The evidence that the people who ask are staff and the answers reach people outside, or None."""
    audience = plan.product.audience
    if audience is Audience.both:
        return (quote(plan, "product.audience", "staff ask, and people outside read its answers"),)
    users = plan.product.users
    if audience is Audience.outsiders and STAFF.find(users) and not OUTSIDE_PEOPLE.find(users):
        return (
            quote(plan, "product.users", "staff ask"),
            quote(plan, "product.audience", "people outside read its answers"),
        )
    return None


@rule(
    "index-holds-unreleasable",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep what may never be released out of the index the answers draw on",
        "Access rights decide who may read a document, not what a generator quotes from it into an answer "
        "that leaves the organisation: redact personal data and exempt passages before indexing (or index "
        "only released versions), and test with planted records that the generator never quotes them",
        "danger",
    ),
    fires=(
        Case(
            {**_FOI, "product.model_reach": ["reads_as_user"]},
            evidence=(
                'product.model_reach: ["reads_as_user"] (it draws its answers from what it looks up)',
                "constraints.data.personal_data: true (what it draws on holds personal data)",
                'product.users: "The council\'s case officers." (staff ask)',
                'product.audience: "outsiders" (people outside read its answers)',
            ),
            also=frozenset({"personal-data", "generated-facts-unchecked", "outsiders-write-the-prompt"}),
        ),
        Case(  # staff and outsiders both: a staff member's wide lookup can reach an outsider's answer
            {**_GEN, "product.model_reach": ["reads_wider"], "product.audience": "both"},
            also=frozenset({"reads-beyond-the-asker", "personal-data", "outsiders-write-the-prompt"}),
        ),
        Case(  # staff decide about outsiders, and others use what it writes: medium
            {
                **_GEN,
                "product.model_reach": ["reads_as_user"],
                "product.audience": "staff_about_outsiders",
                "product.circumstances": ["others_use_output"],
            },
            also=frozenset({"personal-data"}),
        ),
    ),
    quiet=(
        Case({**_GEN, "product.model_reach": ["reads_wider"], "product.audience": "staff"}),  # stays inside
        Case(  # customers ask for themselves, with their own rights: they read only what they may
            {
                **_GEN,
                "product.model_reach": ["reads_as_user"],
                "product.audience": "outsiders",
                "product.users": "Customers asking about their own orders.",
            }
        ),
        Case(
            {
                **_FOI,
                "product.model_reach": ["reads_as_user"],
                "product.inputs": "The request and passages from the case files, redacted before indexing.",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # the index holds only what was published
            {
                **_FOI,
                "product.model_reach": ["reads_as_user"],
                "product.inputs": "The request and the council's published decisions.",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # a check outside the model blocks what may not go out
            {
                **_FOI,
                "product.model_reach": ["reads_as_user"],
                "product.forbidden_guard": "rule",
                "product.forbidden_output": "Names and addresses of third parties.",
            },
            also=frozenset({"personal-data"}),
        ),
    ),
)
def index_holds_unreleasable(plan: Plan) -> Evidence:
    """The answers going outside draw on an index that holds what may never be released.

    A generator quotes what it retrieves. Where staff ask with their own rights (wide: they may read
    every file) and the answer goes to someone outside (a requester, a customer, a member of the
    public), and the index holds unredacted personal data or exempt documents, one answer can disclose
    them, however well access to the documents is controlled.

    Mitigation: Redact personal data and exempt passages before indexing, or index only released
    versions, and test with planted records that the generator never quotes them.
    """
    if plan.product.task is not TaskType.generation or not _LOOKS & set(plan.product.model_reach):
        return None
    if plan.constraints.data.personal_data is True:
        private = quote(plan, "constraints.data.personal_data", "what it draws on holds personal data")
    elif HarmKind.privacy in plan.impact.harm_kinds:
        private = quote(plan, "impact.harm_kinds", "a wrong output discloses something private")
    else:
        return None
    if plan.product.forbidden_guard is Guard.rule:
        return None  # a check outside the model blocks what may not go out
    if said_or_settled(plan, (*_PATHS, *source_paths(plan)), REDACTED) or public_corpus(
        plan, "product.inputs"
    ):
        return None  # cleaned before indexing, or only what was released is indexed
    looked = quote(plan, "product.model_reach", "it draws its answers from what it looks up")
    outside = _staff_ask_outsiders_read(plan)
    if outside is not None:
        return (looked, private, *outside)
    others = ticked(plan, Circumstance.others_use_output)
    if plan.product.audience is Audience.staff_about_outsiders and others:
        staff = quote(plan, "product.audience", "staff use it about people outside")
        return Tempered(3, (looked, private, staff, others))  # who reads what it writes is not said: medium
    return None
