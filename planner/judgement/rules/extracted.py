"""Rules on extraction: fields read from documents, forms or scans into records.

A lead asks of an extraction things a classifier's questions miss: whether the few fields a decision
turns on (a date, an amount, a party) are scored apart, or drown in one average over all fields; what
share of documents another document changes (an amendment, a side letter, a later version) that the
model never reads; what a field gets where its document is unreadable; and who checks a value before it
is written into a system of record. They reason from the task, the mode, the severity and the shares
answered; words only say that documents are amended. Who converts the values into the target system's
units, codes or formats is `converted`'s.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, quote, ticked
from planner.judgement.rules.harm import SERIOUS, effective_severity, severity_quote
from planner.judgement.rules.hosted import prompted
from planner.judgement.rules.lexicon import AMENDING, STALE_SOURCE, VARIED_DOCUMENTS
from planner.judgement.rules.rights import answers_what_it_reads
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Category,
    Circumstance,
    Delivery,
    Guard,
    MetricUnit,
    Mode,
    Plan,
    Reach,
    Severity,
    TaskType,
    Unreadable,
)


def prompted_extraction(plan: Plan) -> str | None:
    """The evidence that a language model reads the documents to extract their fields: an extraction
    task with a hosted or huge prompted model; a sentence in the document is then part of its prompt."""
    return _extracts(plan) if prompted(plan) else None


def _extracts(plan: Plan) -> str | None:
    return quote(plan, "product.task") if plan.product.task is TaskType.extraction else None


def _fills_from_sources(plan: Plan) -> str | None:
    """Extraction, or generation that fills facts from documents: both state what a source says."""
    return quote(plan, "product.task") if plan.product.task in _FROM_SOURCES else None


_FROM_SOURCES = frozenset({TaskType.extraction, TaskType.generation})


# Words saying one score pools every field, or judges a document as a whole.
POOLED_FIELDS = Lexicon("""
    all fields, every field, over fields, across fields, across all fields, field-level, field level
    fields correct, fields right, overall accuracy, overall f1, overall score, micro f1, macro f1
    micro-averaged, macro-averaged, average accuracy, mean accuracy, average f1, mean f1, per document
    document-level, document level, documents correct, documents fully correct, whole document
    whole documents, exact document match, straight-through
""")

# Words naming a field a decision turns on, or a score kept per field.
KEY_FIELDS = Lexicon("""
    per field, each field, field by field, per-field, by field, key field, key fields, critical fields
    date, dates, deadline, deadlines, amount, amounts, total, totals, price, prices, party, parties
    counterparty, iban, account number, quantity, quantities, dose, doses, notice period, currency
    policy number, invoice number, value, values, income, name, names
""")


@rule(
    "extraction-scored-overall",
    Category.model,
    likelihood=3,
    impact=3,
    ask="is the extraction judged by one score over all fields or documents, while a few fields decide?",
    move=Move(
        "Score the fields that decide one by one, each with what a wrong one costs",
        "One accuracy over every field, or per document, lets an easy field done well hide a date, an "
        "amount or a party read wrong: name the few fields a decision turns on and give each its own "
        "score and target, and look for a field wrong the same way every time (a date order swapped, a "
        "unit dropped), which biases every record, worse than misses at random",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "extraction",
                "done.metrics": [{"name": "field-level accuracy", "target": 0.95}],
            },
            evidence=(
                'product.task: "extraction"',
                'done.metrics[0].name: "field-level accuracy"',
                "no done metric scores apart a field a decision turns on (a date, an amount, a party)",
            ),
            also=frozenset(
                {"rare-class-judged-by-accuracy", "target-beyond-human", "target-above-agreement"}
            ),
        ),
        Case(  # the team ticked that the metric pools: a fact, not a word
            {
                "product.task": "extraction",
                "done.metrics": [{"name": "F1 over all fields", "target": 0.9}],
                "done.metric_unit": "parts",
            },
        ),
    ),
    quiet=(
        Case(  # the field that decides has a score of its own
            {
                "product.task": "extraction",
                "done.metrics": [
                    {"name": "field-level accuracy", "target": 0.95},
                    {"name": "renewal date exact match", "target": 0.99},
                ],
            }
        ),
        Case({"product.task": "extraction", "done.metrics": [{"name": "declared value exact match"}]}),
        Case({"product.task": "classification", "done.metrics": [{"name": "field-level accuracy"}]}),
    ),
)
def extraction_scored_overall(plan: Plan) -> Evidence:
    """An extraction is judged by one score over all fields or documents, while a few fields decide.

    Of the twenty fields read from an invoice or a contract, a few carry the decision: a due date, an
    amount, the parties, a notice period. An accuracy over every field, or a share of documents read
    right, is carried by the many easy fields (a title, an address) and moves little when the one that
    matters is wrong; and a wrong date costs a missed deadline, a wrong name a blank. Worse than random
    misses is a systematic error: one field read wrong the same way every time (day and month swapped, a
    unit or a sign dropped) biases every record downstream, and an average never shows it.

    Mitigation: Name the fields a decision turns on; score each apart on the evaluation set (exact match
    after normalising), with a target set by what a wrong one costs; tally each field's wrong values
    to find one repeated; report the overall figure beside them, not instead.
    """
    extracts = _extracts(plan)
    if extracts is None or not plan.done.metrics:
        return None
    paths = (*metric_name_paths(plan), "done.worst_error_metric")
    pooled = first_said(plan, paths, POOLED_FIELDS)
    if pooled is None:
        return None  # each metric names what it scores
    if any(
        KEY_FIELDS.find(answer_at(plan, path)) and not POOLED_FIELDS.find(answer_at(plan, path))
        for path in paths
    ):
        return None  # a metric of its own scores a field that decides
    path, words = pooled
    missing = "no done metric scores apart a field a decision turns on (a date, an amount, a party)"
    evidence = (extracts, quote(plan, path), missing)
    if plan.done.metric_unit in (MetricUnit.parts, MetricUnit.pooled):
        return (*evidence[:2], quote(plan, "done.metric_unit"), missing)
    return Hint(words, evidence)


# Where the output is a list, a report or a screen a person reads whole, not values a system takes in.
_READ_BY_PEOPLE = frozenset({Delivery.new_view, Delivery.on_device})


def written_alone(plan: Plan) -> str | None:
    """The evidence that values are written into a system of record with nobody checking each: the
    model writes records or commits alone, or it runs unattended and its output is not a list, report
    or screen a person reads whole (`product.delivery`)."""
    if plan.product.forbidden_guard is Guard.review:
        return None  # a person checks every output before it counts
    if Reach.acts in plan.product.model_reach:
        return quote(plan, "product.model_reach", "it writes records itself")
    if plan.product.delivery in _READ_BY_PEOPLE:
        return ticked(plan, Circumstance.commits_alone)  # a person reads the output whole
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode", "no person checks each value before it is written")
    return ticked(plan, Circumstance.commits_alone)


_MENTIONED_AT = (
    "product.unseen_by_model",
    "product.current_solution",
    "heuristics.humans_handle",
    "constraints.data.differences_note",
)


@rule(
    "fields-changed-by-unread-documents",
    Category.data,
    likelihood=3,
    impact=4,
    ask="what share of source documents does an amendment or later version change, or describe another "
    "version of the item, unread by the model?",
    move=Move(
        "Count the documents another one changes, and read them together or keep them with people",
        "An amendment, a side letter, an attachment or a later version changes a date, an amount or a "
        "party the main document states, and a source describing another version (last year's price list, "
        "an older spec) states facts that no longer hold: read alone, those fields are wrong; measure the "
        "share on a sample, then give the model the whole set, the current version, or route those cases "
        "to people",
        "warning",
    ),
    fires=(
        Case(
            {"product.task": "extraction", "product.amended_share": 0.12},
            evidence=(
                'product.task: "extraction"',
                "product.amended_share: 0.12 (another document the model does not read changes them)",
            ),
        ),
        Case(  # tenancy agreements keyed into the rent ledger: renewals and variations, unmeasured
            {
                "product.task": "extraction",
                "product.amended_share": "not measured",
                "product.inputs": "Each signed tenancy agreement, scanned.",
            }
        ),
        Case(  # generated text filled from a source about another version of the item
            {
                "product.task": "generation",
                "product.inputs": "The wine's tasting notes, from the previous vintage's sheet when the new one is late.",
            },
        ),
        Case(  # letters drafted from each signed contract: contracts later varied, their share unmeasured
            {
                "product.task": "generation",
                "product.amended_share": "not measured",
                "product.inputs": "The signed supply contract for each customer.",
            },
            evidence=(
                'product.task: "generation"',
                'product.inputs: "The signed supply contract for each customer." (contract: a document a later '
                "one may vary)",
                'product.amended_share: "not measured"',
            ),
        ),
        Case(  # unanswered, and the answers name amendments the model does not read
            {
                "product.task": "extraction",
                "product.unseen_by_model": "Side letters agreed by the account manager.",
            },
        ),
    ),
    quiet=(
        Case({"product.task": "extraction", "product.amended_share": "none"}),
        Case(  # vaccination cards read as issued: nothing amends one, 'not measured' answers nothing
            {
                "product.task": "extraction",
                "product.amended_share": "not measured",
                "product.inputs": "The photographed vaccination card of each traveller.",
            }
        ),
        Case(  # the amendments are read with the document
            {
                "product.task": "extraction",
                "product.amended_share": 0.12,
                "product.inputs": "The lease with all its amendments and side letters, in date order.",
            }
        ),
        Case({"product.task": "classification", "product.amended_share": 0.12}),
        Case(  # replies to the reviews it reads: 'not measured' where no document of record is amended
            {
                "product.task": "generation",
                "product.amended_share": "not measured",
                "product.inputs": "Each customer review and its star rating.",
                "product.output": "A draft reply to each review.",
            }
        ),
        Case({"product.task": "generation", "product.inputs": "This year's tasting notes and price list."}),
        Case(  # listings written from catalogue fields: no source document that another one amends
            {
                "product.task": "generation",
                "product.amended_share": "not measured",
                "product.inputs": "The brand, size, material and colour fields of each catalogue row.",
            }
        ),
    ),
)
def fields_changed_by_unread_documents(plan: Plan) -> Evidence:
    """Some documents are changed by others the model does not read: their fields are wrong.

    A lease varied by a later amendment, a contract with a side letter on price, an invoice corrected by
    a credit note, a form with an attachment: the main document states a date, an amount or a party
    that no longer holds. Read alone, those fields are wrong however well the model reads, and an
    evaluation on the main documents alone cannot show it. Replies drafted to the reviews or messages the
    model reads fill no facts from a document another one amends.

    Mitigation: Measure on a sample what share of documents another one changes; give the model the
    whole set in order (latest wins) or route those documents to people; score the fields of amended
    documents apart.
    """
    extracts = _fills_from_sources(plan)
    if extracts is None:
        return None
    writes = plan.product.task is TaskType.generation
    if not writes and plan.product.inputs and AMENDING.find(plan.product.inputs):
        return None  # the model reads the amending documents with the main one
    share = plan.product.amended_share
    if writes and not isinstance(share, float | int) and answers_what_it_reads(plan):
        return None  # replies to the reviews or messages it reads: no document of record to amend
    if isinstance(share, float | int) and share > 0:
        said = quote(plan, "product.amended_share", "another document the model does not read changes them")
        return (extracts, said) if share >= 0.05 else Tempered(2, (extracts, said))
    if share == "not measured":  # a certificate or a form is read as issued; a contract or lease is varied
        named = VARIED_DOCUMENTS.find_all(answer_at(plan, "product.inputs"))
        if named:
            note = f"{', '.join(named)}: a document a later one may vary"
            unmeasured = quote(plan, "product.amended_share")
            return Hint(named, (extracts, quote(plan, "product.inputs", note), unmeasured), 2)
    if share is not None and share != "not measured":
        return None
    found = first_said(plan, _MENTIONED_AT, AMENDING) if not writes else None
    if writes:  # a generated text repeats what its source says of an older version as fact
        sources = [f"constraints.data.sources[{i}].name" for i in range(len(plan.constraints.data.sources))]
        found = first_said(plan, ("product.inputs", *sources, *_MENTIONED_AT), STALE_SOURCE)
    if found is None:
        return None
    path, words = found
    unmeasured = quote(plan, "product.amended_share") if share else "product.amended_share: not answered"
    return Hint(words, (extracts, quote(plan, path), unmeasured))


@rule(
    "extracted-values-written-unchecked",
    Category.operations,
    likelihood=3,
    impact=5,
    move=Move(
        "Have a person check the values that decide before they are written, or hold them back",
        "Extracted values written straight into a system of record, or used for a deadline or an "
        "enforcement step, turn a misread into a fact others act on: route the fields that decide, "
        "and every low-confidence value, to a person until the error rate per field is measured",
        "warning",
    ),
    fires=(
        Case(
            {"product.task": "extraction", "product.mode": "automate", "impact.error_severity": "serious"},
            evidence=(
                'product.task: "extraction"',
                'product.mode: "automate" (no person checks each value before it is written)',
                'impact.error_severity: "serious"',
            ),
        ),
        Case({"product.task": "extraction", "product.mode": "automate"}),
    ),
    quiet=(
        Case({"product.task": "extraction", "product.mode": "augment", "impact.error_severity": "serious"}),
        Case(
            {
                "product.task": "extraction",
                "product.mode": "automate",
                "impact.error_severity": "serious",
                "product.forbidden_guard": "review",
            }
        ),
        Case(  # the output is a list a person reads whole, not values written into a record
            {
                "product.task": "extraction",
                "product.mode": "automate",
                "impact.error_severity": "serious",
                "product.delivery": "new_view",
            }
        ),
    ),
)
def extracted_values_written_unchecked(plan: Plan) -> Evidence:
    """Extracted values are written into a system of record with nobody checking each.

    A value read from a document and written straight into the ledger, the contract register or the
    case file becomes the record others act on: a misread renewal date is a missed deadline, a wrong
    amount a payment or an enforcement step taken on a figure nobody saw. The harm a wrong value does
    decides how much of it may go unchecked. Where the output is a list, report or screen a person reads
    whole (`product.delivery`), nothing is written unseen.

    Mitigation: Measure the error rate per field on real documents first; route the fields that decide
    (dates, amounts, parties) and every value below a confidence threshold to a person; audit a random
    sample of what was written each week, and keep the source document linked to each value.
    """
    extracts = _extracts(plan)
    if extracts is None or ticked(plan, Circumstance.commits_alone):
        return None  # commits-unchecked says it of a model that pays or sends alone
    alone = written_alone(plan)
    if alone is None:
        return None
    severity = effective_severity(plan)
    if severity in SERIOUS:
        return (extracts, alone, severity_quote(plan))
    if severity is Severity.minor:
        return Tempered(1, (extracts, alone, severity_quote(plan)))
    return Tempered(2, (extracts, alone, *((severity_quote(plan),) if severity else ())))


@rule(
    "unreadable-fields-filled-in",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Let the output say 'unreadable' or 'not present', and count a value filled in there as an error",
        "A model asked for every field fills every field: where the scan is smudged or the box blank it "
        "writes a plausible value nobody can tell from one it read; give each field an 'unreadable / not "
        "present' answer, put documents with missing parts in the evaluation set, and score a value there "
        "as an error",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "extraction",
                "product.unreadable_answer": "filled_in",
                "product.unreadable_share": 0.08,
            },
            evidence=(
                'product.task: "extraction"',
                'product.unreadable_answer: "filled_in" (a value in every field, read or not)',
                "product.unreadable_share: 0.08",
            ),
        ),
        Case({"product.task": "extraction", "product.unreadable_answer": "not_decided"}),
        Case({"product.task": "extraction", "product.unreadable_share": "not measured"}),
        Case(  # a draft from records with gaps, filled in
            {
                "product.task": "generation",
                "product.unreadable_answer": "filled_in",
                "product.unreadable_share": 0.2,
            },
            evidence=(
                'product.task: "generation"',
                'product.unreadable_answer: "filled_in" (a value in every field, read or not)',
                "product.unreadable_share: 0.2",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "product.task": "extraction",
                "product.unreadable_answer": "says_so",
                "product.unreadable_share": 0.08,
            }
        ),
        Case(
            {
                "product.task": "extraction",
                "product.unreadable_answer": "filled_in",
                "product.unreadable_share": "none",
            }
        ),
        Case({"product.task": "classification", "product.unreadable_answer": "filled_in"}),
        Case(
            {
                "product.task": "generation",
                "product.unreadable_answer": "says_so",
                "product.unreadable_share": 0.2,
            }
        ),
    ),
)
def unreadable_fields_filled_in(plan: Plan) -> Evidence:
    """An extraction or a draft fills in a value where its document or record is blank or missing.

    A form with a smudged box, a field left empty, a page never attached, a record without the fact a draft
    must state: a model asked for every field, a language model above all, writes a plausible value there
    rather than nothing, and that value looks exactly like one it read. Nobody checks a field or a sentence
    that looks filled, and an accuracy on complete documents never meets it.

    Mitigation: Give every field an 'unreadable' and a 'not present' answer (a draft: 'not given') the
    output may give; measure on a sample what share of documents or records have such gaps; put them in
    the evaluation set and score a value written there as an error, and route those cases to people.
    """
    extracts = _fills_from_sources(plan)
    answer, share = plan.product.unreadable_answer, plan.product.unreadable_share
    if extracts is None or answer is Unreadable.says_so or share == "none":
        return None
    if answer is None and share is None:
        return None
    said = [extracts]
    if answer is Unreadable.filled_in:
        said.append(quote(plan, "product.unreadable_answer", "a value in every field, read or not"))
    elif answer is Unreadable.not_decided:
        said.append(quote(plan, "product.unreadable_answer", "nothing decided for a field it cannot read"))
    else:
        said.append("product.unreadable_answer: not answered")
    if share is not None:
        said.append(quote(plan, "product.unreadable_share"))
    incomplete = share == "not measured" or (isinstance(share, float | int) and share >= 0.02)
    if answer is Unreadable.filled_in and incomplete:
        return tuple(said)  # incomplete sources, and a value in every field: invented values in the record
    return Tempered(3 if incomplete or answer is Unreadable.filled_in else 2, said)
