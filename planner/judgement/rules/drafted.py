"""Rules on what a generator writes where its input is missing: an empty field, an absent source.

A lead asks of a model that drafts from a record or a document what it writes where the record or the
document says nothing. A language model does not leave a gap: it fills an empty field with the value such
records usually hold (a model number, a dose, a date, a width), and where the case's own document is
missing it answers from the nearest other one, and a check of faithfulness then passes against the wrong
source. Both reason from the plan's structure (a text generation task, the data kinds, the severity, a
done metric that checks facts); words of the inputs only say that fields are often empty, or that a
neighbour's documents stand in for a missing one.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, metric_name_paths, quote
from planner.judgement.rules.generative import facts_counted, writes_text
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan, Severity

# Where a plan says what the model reads and what the records hold.
_RECORD_PATHS = (
    "product.inputs",
    "constraints.data.differences_note",
    "constraints.data.changes",
    "product.current_performance",
    "product.unseen_by_model",
)

# Words saying the record a draft is written from often has empty fields.
BLANK_FIELDS = Lexicon("""
    blank, blanks, left blank, blank field, blank fields, fields blank, empty field, empty fields
    fields empty, fields left empty, often empty, left empty, optional field, optional fields
    fields are optional, unfilled, not filled in, partly filled, partially filled, half-filled
    missing fields, fields missing, missing values, values missing, fields are missing
    incomplete forms, incomplete records, incomplete checklists, incomplete listings, sparsely filled
""")

# Words saying a draft says what its record does not give, or that drafts are tested on such records.
GAP_SAID = Lexicon("""
    not given, not stated, not recorded, not surveyed, not provided, not supplied, not specified
    says it is not, say it is not, says so, marked unknown, marked as unknown, ask the venue
    ask the owner, ask the seller, with blank fields, with empty fields, with blanks, with missing fields
    blank-field cases, empty-field cases, blank fields tested, empty fields tested
""")

# Where a plan may say what a draft writes for an empty field, or that drafts from such records are tested.
_GAP_SAID_AT: tuple[str, ...] = (
    "product.inputs",
    "product.output",
    "product.decision",
    "product.required_output",
)
_GAP_SAID_AT += ("product.forbidden_output", "done.eval_set", "done.worst_error_metric", "done.when_met")


@rule(
    "blank-fields-invented",
    Category.model,
    likelihood=3,
    impact=4,
    ask="what does a draft say where the record's field is empty, and is it tested on exactly those records?",
    move=Move(
        "Count the records with empty fields, and test the drafts on exactly those",
        "A language model fills an empty field with what such records usually hold (a model number, a "
        "dose, a date, a width): measure what share of inputs have empty fields, make the draft say 'not "
        "given' for each, and score the drafts from those records apart",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text", "tabular"],
                "product.inputs": "The seller's listing form; the optional fields are often blank.",
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The seller\'s listing form; the optional fields are often blank."',
                "no answer says what a draft writes for an empty field, or tests drafts on such records",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a minor error: a low question
            {
                "product.task": "generation",
                "product.inputs": "The survey checklist as JSON (about 30% of fields blank).",
                "impact.error_severity": "minor",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case(  # the draft says what is not given, and the evaluation tests it
            {
                "product.task": "generation",
                "product.inputs": "The seller's listing form; the optional fields are often blank.",
                "product.output": "A listing text that says 'not given' for every empty field.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # complete records
            {
                "product.task": "generation",
                "product.inputs": "The seller's listing form, every field required.",
            },
        ),
        Case(  # not a generator
            {
                "product.task": "classification",
                "product.inputs": "The seller's listing form; the optional fields are often blank.",
            },
        ),
    ),
)
def blank_fields_invented(plan: Plan) -> Evidence:
    """A generator drafts from records whose fields are often empty, and may fill them in.

    A language model that turns a form, a checklist or a record into prose does not leave a gap: where a
    field is empty it writes what such records usually hold (a model number, a dose, a date, a width, a
    step-free entrance), fluently and plausibly, and few-shot examples of complete records teach it to.
    Empty fields are often the commonest input condition, and a rating of the drafts cannot see the
    invented value.

    Mitigation: Measure what share of inputs have empty fields, and which; make the draft say 'not given'
    (or ask for it) for each, in the prompt and in a check of every stated value against a filled field;
    build a test set of records with empty fields and score the drafts from them apart.
    """
    writes = writes_text(plan, tables=True)
    if writes is None or plan.product.unreadable_answer is not None:
        return None  # answered: unreadable-fields-filled-in reads what a draft writes in a gap
    found = first_said(plan, _RECORD_PATHS, BLANK_FIELDS)
    if found is None:
        return None
    metrics = metric_name_paths(plan)
    if first_said(plan, (*_GAP_SAID_AT, *metrics), GAP_SAID):
        return None  # the draft says what is not given, or drafts from such records are tested
    path, words = found
    untested = "no answer says what a draft writes for an empty field, or tests drafts on such records"
    evidence = (writes, quote(plan, path), untested)
    if effective_severity(plan) is Severity.minor:
        return Hint(words, evidence, likelihood=1)
    return Hint(words, evidence)


# Words saying the model answers from a neighbour's documents when the case's own are missing.
NEIGHBOUR_SOURCE = Lexicon("""
    nearest sibling, nearest siblings, sibling model, sibling models, sibling product, sibling products
    nearest model, nearest models, closest model, closest models, similar model
    similar models, nearest match, closest match, nearest neighbour, nearest neighbours, nearest neighbor
    nearest neighbors, nearest other, closest other, nearest equivalent, closest equivalent
    most similar product, most similar products, most similar document, most similar documents
    a related model, related models, a predecessor model, the previous model's, the predecessor's
""")

# Words saying what happens when the case's own source is missing: it declines, or marks the draft.
OWN_SOURCE_REQUIRED = Lexicon("""
    abstains, abstain, declines, decline, refuses, refuse, says it cannot, says it does not know
    only models with their own, only for models with, only where its own, only when its own
    marked as based on, labelled as based on, says which model, names the model it is based on
    sent to a writer, goes to a writer, sent to staff, goes to staff, no draft is written
""")


@rule(
    "source-missing-falls-back",
    Category.model,
    likelihood=3,
    impact=4,
    ask="when a case's own source is missing and the model answers from a neighbour's, what does the draft say, "
    "and is that case tested?",
    move=Move(
        "Decide what a draft does when its own source is missing, and test that case",
        "A model given a neighbour's documents writes the neighbour's details as the case's own, and a "
        "faithfulness check compares the draft with the neighbour's document and passes: decline or mark "
        "such drafts, and score the cases without their own source apart",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The mower's manual, or the manual of the nearest sibling model.",
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The mower\'s manual, or the manual of the nearest sibling model."',
                "nothing says what a draft does when the case's own source is missing",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # a faithfulness check counts facts: it passes against the wrong source
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The boat's spec sheet, or the nearest model's spec sheet.",
                "done.metrics": [{"name": "Faithfulness of each draft to its sources", "target": 0.95}],
            },
        ),
    ),
    quiet=(
        Case(  # a case without its own source is declined
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The lawnmower's manual; for models with none the generator declines and a "
                "writer takes it.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # the case's own document only
            {
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "product.inputs": "The lawnmower's own manual.",
            },
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
)
def source_missing_falls_back(plan: Plan) -> Evidence:
    """Where a case's own source is missing, the generator answers from a neighbour's.

    A generator told to use the nearest sibling's manual, the closest model's spec sheet or the most
    similar documents when a case has none writes the neighbour's part numbers, settings and steps as the
    case's own. A faithfulness check compares the draft with the documents it was given and passes; a
    reader cannot tell. The cases without their own source are often the ones nobody wrote for by hand.

    Mitigation: Decide what a draft does when the case's own source is missing: decline and send it to a
    person, or say plainly which model it is based on; score the cases without their own source apart, on
    facts checked against the case itself, before any are published.
    """
    writes = writes_text(plan, tables=True)
    if writes is None:
        return None
    reads = ("product.inputs", "product.current_solution", "product.decision", "product.output")
    found = first_said(plan, reads, NEIGHBOUR_SOURCE)
    if found is None:
        return None
    if first_said(plan, (*reads, "after_launch.fallback", "done.eval_set"), OWN_SOURCE_REQUIRED):
        return None  # the draft declines, or says whose source it used
    path, words = found
    evidence = [writes, quote(plan, path)]
    if facts_counted(plan):
        evidence.append("a check of faithfulness compares the draft with the neighbour's source, and passes")
    else:
        evidence.append("nothing says what a draft does when the case's own source is missing")
    if effective_severity(plan) is Severity.minor:
        return Hint(words, evidence, likelihood=1)
    return Hint(words, evidence)
