"""The questions a lead asks about how each label meets its case: how closely it lines up with the input
it is paired with, how the outcome was linked to the case, and which slice the record gets wrong.

A label taken from a record was written for another purpose. A lead asks three things where the plan's
shape calls for them. A label from a log, a map or a site register paired with an image, a recording or a
stretch of readings may miss it in time (a diary entry days after the onset), in place (a point drawn
10-30 m off the image) or in grain (one label for the site, applied to every image of it). An outcome
joined from another system by a name, an e-mail or a fuzzy key fails to match for some cases, which then
read as negatives. And an operational record files a known slice in the wrong class (small fires closed
as false alarms) or counts a case twice (a re-test after remedial work entered as a fresh sample). Each
probe asks only where its rules stayed quiet; its question quotes the answers that make it worth asking.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.crossed import CONFIRMED_OR_LATER, RAISED, values_crossed
from planner.judgement.rules.evidence import answer_at, first_said, quote, source_paths, truth_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import DataKind, EvalTruth, LabelSource, TaskType
from planner.plan.model import Plan
from planner.plan.workings import LabelGrain, LabelWriter, RowsPerThing

# Labels taken from a record kept for another purpose, not given by people looking at each input.
_FROM_RECORDS = frozenset({LabelSource.existing, LabelSource.outcomes, LabelSource.proxy})

# ---------------------------------------------------------------- a label lined up with its input

# Inputs captured at a place and a moment, which a label from elsewhere must meet.
_CAPTURED = {
    DataKind.images: "image",
    DataKind.video: "clip",
    DataKind.audio: "recording",
    DataKind.time_series: "stretch of readings",
}
# Images that are pages: scanned forms, invoices, letters. The record a label comes from was typed from
# that very page, so no offset in time or place lies between them.
DOCUMENT_IMAGES = Lexicon(
    """
    form, forms, scanned form, scanned forms, paper form, paper forms, claim form, claim forms
    application form, application forms, invoice, invoices, receipt, receipts, letter, letters, document
    documents, page, pages, pdf, pdfs, deed, deeds, contract, contracts, certificate, certificates
    statement, statements, handwritten, hand-written, handwriting, ocr, delivery note, delivery notes
    prescription, prescriptions, questionnaire, questionnaires, scanned page, scanned pages, fax, faxes
    """,
    unless="form of, forms of, the form, in the form, in form, good form, page views, landing page",
)
# Images of places and things in the world, which a label from a log or a map may miss.
_OF_THE_WORLD = Lexicon("""
    photo, photos, photograph, photographs, camera, cameras, satellite, aerial, drone, drones, tile, tiles
    x-ray, x-rays, ct, mri, footage, street view, microscope, microscopy
""")


def _pages(plan: Plan) -> bool:
    """Whether the only captured inputs are images, and the answers name them as pages (scanned forms,
    invoices) and nothing as pictures of places or things; for an extraction, pages however they were
    captured (a PDF, a scan or a photo of the declaration): its label is read off the page itself."""
    if set(plan.product.data_kinds) & set(_CAPTURED) != {DataKind.images}:
        return False
    paths = ("product.inputs", *source_paths(plan))
    if first_said(plan, paths, DOCUMENT_IMAGES) is None:
        return False
    return plan.product.task is TaskType.extraction or not first_said(plan, paths, _OF_THE_WORLD)


@probe("label-lines-up-with-input", "label-allocated-by-rule", "label-from-a-lesser-view")
def _label_lines_up(plan: Plan) -> Found:
    data = plan.constraints.data
    kinds = [kind for kind in plan.product.data_kinds if kind in _CAPTURED]
    labels = set(data.labels)
    if not kinds or not labels & _FROM_RECORDS or LabelSource.manual in labels:
        return None  # labelled by people looking at each input: it lines up by construction
    if _pages(plan):
        return None  # a scanned page and the record typed from it: nothing lies between them
    if data.label_grain in (LabelGrain.measured_each, LabelGrain.split_from_total):
        return None  # measured for the item itself, or label-allocated-by-rule weighs the sharing
    item = _CAPTURED[kinds[0]]
    question = (
        f"How closely does each label line up with the {item} it is paired with: in time (a log or diary "
        "entry days after the onset), in place (a point drawn on a map metres off the image), and per item "
        f"or per group (one label for a site or batch given to every {item}, where what shows varies)? "
        "Measure the offset on 50 pairs before training: a label that misses its input by more than what "
        "the model must resolve teaches noise, and a test on the same pairs cannot show it."
    )
    return question, (quote(plan, "product.data_kinds"), quote(plan, "constraints.data.labels"))


# ---------------------------------------------------------------- an outcome linked from another system

# Keys that link a case to its outcome in another system only approximately.
LINKED_LOOSELY = Lexicon("""
    by name, by names, by customer name, by company name, by full name, on name, on names, on the name
    by email, by e-mail, by email address, by e-mail address, on email, on e-mail, on the email
    by phone number, by postcode, by post code, by zip code, by address, on address, on postcode
    fuzzy match, fuzzy matching, fuzzy matched, fuzzy join, fuzzy joined, fuzzy key, fuzzy keys
    name matching, name match, matched by hand, linked by hand, joined by hand, best match
    no shared id, no shared key, no common id, no common key, no common identifier, no shared identifier
""")
# Words that say the outcome comes from another system than the cases.
_JOINED = Lexicon("""
    joined, join, joins, linked, link, links, matched, match, matches, looked up, merged, from the ledger
    from the crm, from another system
""")


@probe("outcome-linked-loosely", "name-matches-fall-unevenly")
def _outcome_linked_loosely(plan: Plan) -> Found:
    if not set(plan.constraints.data.labels) & _FROM_RECORDS:
        return None
    paths = ("product.label", *source_paths(plan), "constraints.data.differences_note", *truth_paths(plan))
    found = first_said(plan, paths, LINKED_LOOSELY)
    if found is None:
        return None
    path, words = found
    if path != "product.label" and not _JOINED.find(answer_at(plan, path)):
        return None
    question = (
        f"The outcome is linked to each case {', '.join(words)}: what share of cases finds no match, and "
        "are the unmatched a random share? A case whose outcome is not found reads as a negative, so each "
        "miss becomes a false negative, and misses gather where names are spelt in several ways, e-mails "
        "change or are shared; check 50 unmatched cases by hand, and keep them out of training and the test "
        "unless their outcome is found."
    )
    return question, (quote(plan, path),)


# ---------------------------------------------------------------- a slice the record gets wrong

# Tasks whose label is a class an operational record assigns.
_CLASSES = frozenset({TaskType.classification, TaskType.detection, TaskType.anomaly_detection})
# People who close a case and file its class (not the event writing itself down, as a meter does).
_FILED_BY_PEOPLE = frozenset(
    {LabelWriter.blind, LabelWriter.sees_estimate, LabelWriter.copied, LabelWriter.from_memory}
)


@probe("record-wrong-for-a-slice", "label-corrected-on-notice", "positives-recorded-late")
def _record_wrong_for_a_slice(plan: Plan) -> Found:
    data = plan.constraints.data
    labels = set(data.labels)
    if plan.product.task not in _CLASSES or not labels & {LabelSource.existing, LabelSource.outcomes}:
        return None
    if LabelSource.manual in labels or data.label_writer not in _FILED_BY_PEOPLE:
        return None  # relabelled by people, or written by the event itself
    if plan.done.eval_truth is EvalTruth.checked:
        return None  # people check each test case apart from the record: its wrong slices show there
    twice = data.rows_per_thing is not RowsPerThing.one
    question = (
        "The label is the class people file when they close each case: which kinds of case does that "
        "record file in the wrong class"
        + (" or count twice" if twice else "")
        + "? A known slice filed wrongly (small fires closed as false alarms)"
        + (" or entered again (a re-test after remedial work counted as a fresh sample)" if twice else "")
        + " teaches the model the record's habit; ask the people who close the cases, check 50 of that "
        "slice by hand, and relabel, merge or drop it."
    )
    found = [quote(plan, "constraints.data.label_writer")]
    if plan.product.label:
        found.append(quote(plan, "product.label"))
    if twice and data.rows_per_thing is not None:
        found.append(quote(plan, "constraints.data.rows_per_thing"))
    return question, tuple(found)


# ---------------------------------------------------------------- how each positive was found


@probe("how-positives-were-found", "label-picked-by-an-input")
def _how_positives_were_found(plan: Plan) -> Found:
    labels = set(plan.constraints.data.labels)
    if plan.product.task not in _CLASSES or not labels & {LabelSource.existing, LabelSource.proxy}:
        return None
    if LabelSource.manual in labels or not plan.product.inputs:
        return None  # people label each case by looking at it, or the inputs are not listed to compare
    label = plan.product.label or ""
    picked = RAISED.find_all(label)
    if not picked or CONFIRMED_OR_LATER.find(label):
        return None  # no alarm or rule said to pick them, or the picked ones are confirmed or forecast ahead
    if values_crossed(label):
        return (
            None  # the label names the value that picked them: label-picked-by-an-input compares the inputs
        )
    question = (
        f"The positives are the cases that were {picked[0]}: by what were they found (a rule or an alarm on "
        "a reading, a score, a person's check, a report), and does the model read that same value among its "
        "inputs? A model that reads the value that picked the positives learns the rule back, and a test "
        "picked the same way flatters it; name the value, and check a random sample of the rest for the "
        "positives the rule missed."
    )
    return question, (quote(plan, "product.label"), quote(plan, "product.inputs"))
