"""Rules on what a generated output carries out of its prompt when nobody checks it before it goes.

A lead asks of a model that writes messages sent or published with no person reading each one: what
does its prompt hold? Personal records and free text that staff or others wrote (notes, comments, case
records) carry third parties' names, health, discipline and family details; whatever the prompt holds
the output can repeat. The rule reasons from the plan's structure (a text generation task, the mode or
the ticked circumstances, `constraints.data.personal_data`, the guard, the kinds of harm); words of the
inputs only say that free text goes into the prompt when personal data is not answered.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.described import nobody_described, retrieved_from, sources_in_use
from planner.judgement.rules.evidence import answer_at, first_said, quote, read_paths, ticked
from planner.judgement.rules.generative import drafts_may_leak_records, writes_text
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.heuristics import FILL_IN_TEMPLATE, STRUCTURED
from planner.judgement.rules.lexicon import SHARED_CORPUS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Circumstance, DataKind, Guard, Mode, Plan, TaskType
from planner.plan.stakes import HarmKind

# Free text staff or others wrote about a person that a prompt would carry: notes, comments, case records.
WRITTEN_ABOUT = Lexicon("""
    staff notes, staff comments, case notes, case note, case record, case records, case file, case files
    care notes, care log, care record, care records, daily log, incident notes, incident report
    incident reports, free text, free-text, free-text notes, free-text comments, internal notes
    internal comments, teacher comments, teachers' comments, coach notes, coaches' notes, tutor notes
    nurse notes, nursing notes, clinical notes, officer notes, caseworker notes, keyworker notes
    session notes, visit notes, handler notes, supervisor comments, manager comments, remarks field
    comments field, notes field, pastoral notes, behaviour notes, behavior notes, disciplinary notes
""")

# Words saying the output goes back only to the person whose own data the prompt holds: nobody else reads it.
OWN_DATA_ONLY = Lexicon("""
    their own data, their own logs, their own entries, their own records, their own history, their own runs
    their own activity, their own answers, the user's own, the member's own, the customer's own
    only to the user, only the user sees, only the member sees, back to the same user, back to the same member
    private to the user, private to each user, seen only by the user, seen only by the member
""")

# Words saying the prompt is built from chosen fields only, or cleaned before the model sees it.
FIELDS_FILTERED = Lexicon("""
    redacted, redaction, anonymised, anonymized, pseudonymised, pseudonymized, names removed
    names stripped, stripped of names, structured fields only, only the structured fields, no free text
    free text excluded, free text is excluded, notes excluded, notes are excluded, notes are not sent
    allow-list of fields, allowlist of fields, whitelisted fields, pii filter, pii scrubbing, pii removed
""")


def _unread(plan: Plan) -> str | None:
    """The evidence that outputs go out with nobody checking each: it acts alone, automates, or others
    beyond the deciders read what it writes."""
    return (
        ticked(plan, Circumstance.commits_alone)
        or (quote(plan, "product.mode") if plan.product.mode is Mode.automate else None)
        or ticked(plan, Circumstance.others_use_output)
    )


_TEXT = {"product.task": "generation", "product.data_kinds": ["text"]}
_ALSO = frozenset({"generated-facts-unchecked", "personal-data", "data-reused-beyond-consent"})


@rule(
    "prompt-carries-private-text",
    Category.ethics,
    likelihood=4,
    impact=4,
    move=Move(
        "Filter the prompt's fields, and test sent outputs for others' details and sensitive categories",
        "Whatever the prompt holds a generated message can repeat, and nobody reads it before it goes: "
        "pass only the fields the message needs, keep free-text notes out or scrub them, and test outputs "
        "for third parties' names and health, disciplinary or family details before launch",
        "warning",
    ),
    ask="can a detail in the prompt's free text (a note, a comment, a case record) surface in a sent output?",
    fires=(
        Case(  # personal data, sent unchecked, and the team says an error harms privacy seriously: high
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The pupil's attendance record and their teachers' comments.",
                "constraints.data.personal_data": True,
                "impact.harm_kinds": ["privacy"],
                "impact.error_severity": "serious",
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "automate"',
                "constraints.data.personal_data: true",
                "product.inputs: \"The pupil's attendance record and their teachers' comments.\"",
                'impact.harm_kinds: ["privacy"]',
                'impact.error_severity: "serious"',
            ),
            also=_ALSO,
        ),
        Case(  # personal data, others read the output as it comes: medium
            {
                **_TEXT,
                "product.circumstances": ["others_use_output"],
                "product.inputs": "The member's booking record.",
                "constraints.data.personal_data": True,
            },
            also=_ALSO,
        ),
        Case(  # the source it reads describes people
            {
                **_TEXT,
                "product.circumstances": ["others_use_output"],
                "product.inputs": "The member's booking record and passages from the club rules.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Booking records", "acquisition": "own", "about_people": True},
                    {"name": "Club rules", "acquisition": "own", "about_people": False},
                ],
            },
            also=_ALSO,
        ),
        Case(  # personal data unanswered: the words say free text goes in, a question
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The visit's date and the carer's visit notes.",
                "constraints.data.personal_data": None,
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "automate"',
                "product.inputs: \"The visit's date and the carer's visit notes.\"",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # written from the member's own logs and shown only to that member: no third party reads it
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The member's own logs: their own runs, paces and heart rates.",
                "product.output": "A weekly plan shown only to the member in the app.",
                "constraints.data.personal_data": True,
            }
        ),
        Case(  # a person reads every output before it goes
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The pupil's record and their teachers' comments.",
                "constraints.data.personal_data": True,
                "product.forbidden_guard": "review",
                "product.forbidden_output": "A note about another pupil.",
            },
            also=_ALSO,
        ),
        Case(  # a check outside the model keeps it out
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The pupil's record and their teachers' comments.",
                "constraints.data.personal_data": True,
                "product.forbidden_guard": "rule",
                "product.forbidden_output": "Health or discipline details.",
            },
            also=_ALSO,
        ),
        Case(  # the prompt is cleaned before the model reads it
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The booking record, structured fields only (names removed).",
                "constraints.data.personal_data": True,
            },
            also=_ALSO,
        ),
        Case(  # personal data somewhere, but no source it reads describes a person
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The caller's question and passages retrieved from the product manuals.",
                "constraints.data.personal_data": True,
                "constraints.data.sources": [
                    {"name": "Product manuals", "acquisition": "own", "about_people": False}
                ],
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # no personal data, by the team's answer
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The engineers' visit notes on the pump.",
                "constraints.data.personal_data": False,
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a manager edits each draft: nothing goes out unread
            {
                **_TEXT,
                "product.mode": "augment",
                "product.inputs": "The carer's visit notes.",
                "constraints.data.personal_data": True,
            },
            also=_ALSO,
        ),
    ),
)
def prompt_carries_private_text(plan: Plan) -> Evidence:
    """A sent output can repeat what its prompt carries: personal records and others' free text.

    A language model writes from everything in its prompt. Where the prompt holds a person's record, or
    free text staff and others wrote about them (notes, comments, case records), a message sent or
    published with nobody reading it can carry a third party's name, a health or disciplinary detail, a
    remark about a child, or an internal opinion never meant for its reader. The check a team types as
    forbidden covers what it thought of, not what the notes happen to hold.

    Mitigation: Build the prompt from an allow-list of the fields the message needs; keep free-text notes
    out, or scrub names and sensitive categories from them first; test outputs on real records for
    third parties' details and health, disciplinary and family information (with a ceiling of zero);
    hold anything published to the public or read by minors for a person's check until the test passes.
    """
    writes = writes_text(plan)
    personal = plan.constraints.data.personal_data
    if writes is None or personal is False:
        return None
    unread = _unread(plan)
    if unread is None or plan.product.forbidden_guard in (Guard.rule, Guard.review):
        return None  # a person reads each output, or a check outside the model keeps it out
    if first_said(plan, ("product.inputs", "product.decision", "done.eval_set"), FIELDS_FILTERED):
        return None  # the prompt is cleaned, or built from chosen fields only
    if drafts_may_leak_records(plan) is not None:
        return None  # records retrieved from a shared store: drafts-may-leak-records says it
    found = first_said(plan, ("product.inputs",), WRITTEN_ABOUT)
    if found is None and _describes_nobody(plan):
        return None  # the prompt holds the request and passages from sources the team says describe nobody
    own = ("product.inputs", "product.output", "product.users", "product.decision")
    if found is None and first_said(plan, own, OWN_DATA_ONLY):
        return None  # written from a person's own data, back to that person only: no third party reads it
    inputs = (quote(plan, "product.inputs"),) if found else ()
    if personal is True:
        said = (writes, unread, quote(plan, "constraints.data.personal_data"), *inputs)
        if HarmKind.privacy in plan.impact.harm_kinds and serious_harm(plan):
            return (*said, quote(plan, "impact.harm_kinds"), severity_quote(plan))
        return Tempered(3, said)
    if found is None:
        return None
    return Hint(found[1], (writes, unread, *inputs))


def _describes_nobody(plan: Plan) -> bool:
    """Whether the team says no source the model reads or retrieves from describes a living person."""
    if nobody_described(sources_in_use(plan)):
        return True
    retrieved = first_said(plan, read_paths(plan), SHARED_CORPUS)
    return retrieved is not None and nobody_described(retrieved_from(plan, *retrieved))


# Words saying the record a message is written from keeps changing after it is sent: a status, a live feed.
CHANGING_SOURCE = Lexicon("""
    live status, current status, latest status, disruption status, service status, order status
    delivery status, claim status, case status, application status, flight status, train status
    booking status, status feed, status page, status update, status updates, live feed, live data
    live updates, real-time, real time, live timetable, live departures, live arrivals, live prices
    current prices, price changes, subject to change, tracking status, tracking updates, tracking events
    departure boards, live departure boards, current stage, case stage, claim stage, stock availability
    live availability, live stock, real-time availability
""")

# Words saying a sent message is followed up when its source changes: corrected, replaced or withdrawn.
FOLLOWED_UP = Lexicon("""
    withdrawn, withdraw, withdraws, retract, retracted, retraction, correction, corrections
    corrected message, follow-up message, follow-up messages, updated message, updated messages
    re-sent, resent, resend, regenerated, regenerate, superseded, supersedes, replaced when
    sends an update, send an update, sent an update, an update is sent
""")


@rule(
    "sent-output-outlives-its-source",
    Category.operations,
    likelihood=2,
    impact=4,
    move=Move(
        "Decide how a sent message is updated or withdrawn when its source record changes",
        "A message written once from a status, a case record or a price is wrong as soon as the record "
        "changes: tie each message to the record's version, and send a correction or withdraw it when "
        "the record moves",
    ),
    ask="when the record a message was written from changes after it is sent, who updates or withdraws it?",
    fires=(
        Case(
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The line's disruption status and the passenger's booked journey.",
            },
            evidence=(
                'product.task: "generation"',
                'product.mode: "automate"',
                "product.inputs: \"The line's disruption status and the passenger's booked journey.\"",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a person checks each message before it goes: a low question
            {
                **_TEXT,
                "product.mode": "augment",
                "product.inputs": "The order status and the customer's question.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # the plan says how a sent message is followed up
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The line's disruption status and the passenger's booked journey.",
                "product.decision": "Sent automatically; a follow-up message replaces it when the status changes.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a record that does not change
            {
                **_TEXT,
                "product.mode": "automate",
                "product.inputs": "The finished course's syllabus and the learner's final marks.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
)
def sent_output_outlives_its_source(plan: Plan) -> Evidence:
    """A message written once from a record that keeps changing is not updated when it does.

    A generated message states what its source said when it was written: a disruption's status, a
    case's stage, a price, an availability. The record moves on (the line reopens, the case is
    decided, the price drops) and the message, already sent or published, still says the old thing;
    nobody planned to correct or withdraw it, and a reader acts on it.

    Mitigation: Keep which version of the record each message was written from; when the record
    changes, send a correction or withdraw the message (or write only what stays true, with a link to
    the live record); test the pipeline on records that change within the hour.
    """
    writes = writes_text(plan)
    if writes is None:
        return None
    reads = ("product.inputs", "product.decision")  # what the model reads, and how its message goes
    found = first_said(plan, reads, CHANGING_SOURCE)
    if found is None:
        return None
    if first_said(plan, (*reads, "after_launch.fallback"), FOLLOWED_UP):
        return None  # the plan says how a sent message is corrected or withdrawn
    path, words = found
    unread = _unread(plan)
    if unread is None:  # a person reads each message before it goes: a low question
        return Hint(words, (writes, quote(plan, path)), likelihood=1)
    return Hint(words, (writes, unread, quote(plan, path)))


# Words saying the plan names a fill-in template (or the letters staff fill in today) as the yardstick.
TEMPLATE_SAID = Lexicon("""
    template, templates, templated, fill-in, mail merge, mail-merge, boilerplate, form letter, form letters
    standard letter, standard letters, canned text, canned replies, rule-based text, slot-filling
""")

# Words saying what the model writes from is a structured record: fields, a timetable, a score sheet.
STRUCTURED_INPUTS = Lexicon("""
    structured fields, record fields, form fields, the fields of, timetable, timetables, score sheet
    scoresheet, scorecard, results table, fixture list, spreadsheet row, database record, database fields
""")


# Words saying free text goes into the prompt beside any fields: messages, e-mails, notes, pages.
FREE_BESIDE = Lexicon("""
    notes, e-mail, e-mails, email, emails, message, messages, chat, letter, letters, pages, documents
    comments, description, descriptions, photos, transcript, transcripts
""")
_FREE = (FREE_BESIDE, WRITTEN_ABOUT)


@rule(
    "generator-without-template-baseline",
    Category.model,
    likelihood=2,
    impact=4,
    move=FILL_IN_TEMPLATE,
    ask="would a fill-in template built from the structured fields already do, and is the model judged against it?",
    fires=(
        Case(
            {"product.task": "generation", "product.data_kinds": ["tabular"]},
            evidence=(
                'product.task: "generation"',
                'product.data_kinds: ["tabular"]',
                "no fill-in template is named as the baseline",
            ),
            also=frozenset(),
        ),
        Case(  # the data kinds unsaid: words of structured inputs, a question
            {
                **_TEXT,
                "product.inputs": "The day's timetable and the route's stops.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["tabular"],
                "product.current_solution": "Staff send a standard letter filled in from the record.",
            },
            also=frozenset(),
        ),
        Case(  # free text beside the fields: nothing a template could write from
            {**_TEXT, "product.inputs": "The customer's e-mail and the current timetable."},
            also=frozenset({"generated-facts-unchecked", "outsiders-write-the-prompt"}),
        ),
        Case(  # records and free notes, ticked as both
            {"product.task": "generation", "product.data_kinds": ["text", "tabular"]},
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
)
def generator_without_template_baseline(plan: Plan) -> Evidence:
    """A model writes from structured fields, and no fill-in template is its baseline.

    Where what the model reads is a record's fields (a score, a timetable, a status, an amount), a
    template that puts them into fixed sentences states every fact right by construction, costs
    nothing to run and never invents. A generator judged only on fluency or readers' liking can look
    better while stating more wrong facts than the template would.

    Mitigation: Build the template from the fields first and measure it on the done metric, facts
    included; keep the model only where it is at least as accurate and adds something readers value
    (or let it write only the free parts around the template's facts).
    """
    if plan.product.task is not TaskType.generation:
        return None
    reads = ("product.current_solution", "product.current_performance", "product.inputs", "product.decision")
    texts = [answer_at(plan, path) for path in reads]
    texts += [metric.name for metric in plan.done.metrics]
    texts += [metric.baseline_name or "" for metric in plan.done.metrics]
    if any(TEMPLATE_SAID.find(text) for text in texts):
        return None  # a template is named: the yardstick exists
    missing = "no fill-in template is named as the baseline"
    kinds = set(plan.product.data_kinds)
    if kinds and kinds <= STRUCTURED:  # the model writes from structured data alone
        return (quote(plan, "product.task"), quote(plan, "product.data_kinds"), missing)
    if writes_text(plan) is None or DataKind.tabular in kinds:
        return None  # mixed with text: free text in the prompt is what a template cannot hold
    found = first_said(plan, ("product.inputs",), STRUCTURED_INPUTS)
    if found is None or any(words.find(answer_at(plan, "product.inputs")) for words in _FREE):
        return None  # free text beside the fields (an e-mail, notes): no template writes from it
    return Hint(found[1], (quote(plan, "product.task"), quote(plan, found[0]), missing))
