"""Rules on people other than the one a text is about: others named inside a person's own free-text record
(other residents, family, colleagues in care notes), readers who may not be entitled to what is sent (an
update to relatives), and sensitive content that must never appear in a written text with no list of it."""

from __future__ import annotations

from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import (
    first_said,
    metric_name_paths,
    quote,
    read_paths,
    said_or_settled,
    says_nothing,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import TaskType
from planner.plan.model import Category, Plan
from planner.plan.subjects import SpecialCategory, WhoseData

# Free-text records kept about one person, which name the others in their life as they happen.
NARRATIVE_RECORDS = Lexicon("""
    care notes, care note, case notes, case note, case file, case files, progress notes, support notes
    session notes, daily notes, handover notes, care records, care record, care plans, key worker notes
    incident reports, incident notes, safeguarding notes, visit notes, contact notes, clinical notes
    consultation notes, casework notes, social work notes, tenancy notes, e-mails, emails, e-mail threads
    email threads, correspondence, chat transcripts, call notes
""")
# Words saying others' details are taken out before the text is written or extracted.
OTHERS_REMOVED = Lexicon("""
    redact, redacts, redacted, redaction, de-identified, de-identify, pseudonymised, pseudonymized
    anonymised, anonymized, names masked, masked names, third-party names removed, third party names removed
    other people's names removed, others' names removed, other residents removed, only their own
""")
_WRITES = (TaskType.generation, TaskType.extraction)


def _written(plan: Plan) -> str | None:
    """The quoted task where the model writes or extracts text about a person's record."""
    if plan.product.task in _WRITES and plan.constraints.data.personal_data is True:
        return quote(plan, "product.task")
    return None


def _ordinary_details(plan: Plan) -> bool:
    """Whether the team says the data holds no special category and no child's data: others named in a
    service visit's or an account's notes carry a name or an address, which the personal-data risk covers,
    not the health, family or safeguarding details a care or case record holds about them."""
    data = plan.constraints.data
    return data.special_categories == [SpecialCategory.none] and WhoseData.children not in data.whose_data


def _said(plan: Plan, lexicon: Lexicon) -> bool:
    paths = (*read_paths(plan), "product.output", "product.forbidden_output", "done.eval_set")
    return said_or_settled(plan, (*paths, *metric_name_paths(plan)), lexicon)


@rule(
    "others-inside-the-record",
    Category.ethics,
    likelihood=3,
    impact=3,
    ask="do the free-text records about one person name others, whose details a summary or extract carries?",
    move=Move(
        "Take other people's details out of each person's text before it is summarised",
        "Care notes, case files and e-mails about one person name other residents, family and colleagues; a "
        "summary or an extract about that person carries their personal data to whoever reads it: say how "
        "others' names and details are removed, and test outputs for them",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "product.inputs": "The resident's care notes for the week.",
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The resident\'s care notes for the week." (care notes: written about one '
                "person, they name others; how are their details taken out?)",
            ),
            also=frozenset({"personal-data", "generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # others' names are redacted first
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "product.inputs": "The resident's care notes for the week, with other residents' names redacted.",
            }
        ),
        Case(  # boiler-service visit notes, no special category: a neighbour named carries no health detail
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "constraints.data.special_categories": ["none"],
                "constraints.data.whose_data": ["consumers"],
                "product.inputs": "The engineer's visit notes for each boiler service.",
            },
            also=frozenset({"personal-data"}),
        ),
        Case(  # a label, not a text written from the record
            {
                "product.task": "classification",
                "constraints.data.personal_data": True,
                "product.inputs": "The resident's care notes for the week.",
            }
        ),
    ),
)
def others_inside_the_record(plan: Plan) -> Evidence:
    """Other people's data sits inside the free-text records a text is written from.

    Care notes, case files and e-mails are written about one person, but name other residents, family
    members and colleagues as events happen ("argued with Mrs B in the lounge"); a summary, an extract or
    an update about that person carries their details to a reader who has no right to them. Where the
    data holds no special category and no child's data, others named carry a name or an address at most.

    Mitigation: Remove or mask other people's names and details before the model reads the record (or
    filter the output), say who checks, and add records that name others to the test set.
    """
    task = _written(plan)
    if task is None or _ordinary_details(plan) or _said(plan, OTHERS_REMOVED):
        return None
    found = first_said(plan, read_paths(plan), NARRATIVE_RECORDS)
    if found is None or CATALOGUE["drafts-may-leak-records"].check(plan) is not None:
        return None  # no free-text record, or a shared store that rule asks about
    path, words = found
    note = f"{', '.join(words)}: written about one person, they name others; how are their details taken out?"
    return Hint(words, (task, quote(plan, path, note)))


# People the text is sent to who are not the person it is about.
THIRD_READERS = Lexicon("""
    family, relatives, relative, next of kin, loved ones, family members, family member, carers, employer
    employers, landlord, landlords
""")
# Words saying each reader's right to what is sent is checked.
ENTITLED = Lexicon("""
    consent, consents, consented, power of attorney, lasting power of attorney, lpa, mental capacity
    capacity assessment, authorised contact, authorised contacts, authorized contact, authorized contacts
    nominated contact, nominated contacts, permission to share, agreed to share, sharing agreement, opted in
""")
# Content in the record that must never reach a written text's reader.
SENSITIVE = Lexicon("""
    safeguarding, safeguarding concern, safeguarding concerns, cause of death, diagnosis, diagnoses
    medication, medications, mental health, self-harm, abuse, incident, incidents, falls, hiv, pregnancy
""")
_SENT_PATHS = ("product.output", "product.decision", "product.users")


@rule(
    "sent-to-others-unchecked",
    Category.ethics,
    likelihood=3,
    impact=4,
    ask="does the written text go to people other than the person it is about, with no check of their right?",
    move=Move(
        "Check each reader's right to what is sent, and list what must never appear",
        "An update written from a person's record and sent to family or another party needs that person's "
        "consent or a lawful basis (capacity, power of attorney); safeguarding incidents, a cause of death or "
        "health details may not go to them at all: keep a list of what must never appear and check each text "
        "against it outside the model",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "product.output": "A weekly update for each resident's family.",
                "product.inputs": "The resident's care notes and incident reports.",
            },
            evidence=(
                'product.output: "A weekly update for each resident\'s family." (family: read by others than '
                "the person it is about; who is entitled, with what consent?)",
                'product.inputs: "The resident\'s care notes and incident reports." (incident: must it never '
                "appear? no list of what to keep out)",
            ),
            also=frozenset(
                {
                    "personal-data",
                    "others-inside-the-record",
                    "generated-facts-unchecked",
                    "inputs-count-reports",
                }
            ),
        ),
    ),
    quiet=(
        Case(  # consent recorded, and a list kept out by a rule
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "product.output": "A weekly update for each resident's nominated contacts.",
                "product.inputs": "The resident's care notes, with other residents' names redacted.",
                "product.forbidden_guard": "rule",
                "product.forbidden_output": "Safeguarding incidents and diagnoses.",
            }
        ),
        Case(  # written for the person themself
            {
                "product.task": "generation",
                "constraints.data.personal_data": True,
                "product.output": "A plain-language summary of the visit for the patient.",
            }
        ),
    ),
)
def sent_to_others_unchecked(plan: Plan) -> Evidence:
    """A text written from a person's record goes to others, with no check of their right to it.

    An update to relatives, a letter to an employer or a message to a carer reads one person's record to
    someone else: that needs the person's consent or a lawful basis (power of attorney, a capacity
    decision), and some content (a safeguarding incident, a cause of death, a diagnosis) may never go to
    them whatever the consent. With no list of what must never appear, nobody can check a text against it.

    Mitigation: Record who may receive each person's updates and on what basis; list what must never
    appear and check each text against that list outside the model before it is sent.
    """
    if _written(plan) is None:
        return None
    readers = first_said(plan, _SENT_PATHS, THIRD_READERS)
    if readers is None or _said(plan, ENTITLED):
        return None
    listed = plan.product.forbidden_output
    if listed and not says_nothing(listed):
        return None  # what must never appear is listed: forbidden-output-unguarded weighs its guard
    path, words = readers
    note = (
        f"{', '.join(words)}: read by others than the person it is about; who is entitled, with what consent?"
    )
    evidence = [quote(plan, path, note)]
    sensitive = first_said(plan, read_paths(plan), SENSITIVE)
    if sensitive:
        spath, swords = sensitive
        note = f"{', '.join(swords)}: must it never appear? no list of what to keep out"
        evidence.append(quote(plan, spath, note))
        words += swords
    return Hint(words, tuple(evidence))
