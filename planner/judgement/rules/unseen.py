"""Rules on what the model will not see: the sources people decide from today that its inputs leave out
or lose on the way."""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.fitting import declinable
from planner.judgement.rules.lexicon import (
    DATED,
    IMAGERY,
    IN_THE_INPUTS,
    LOSSY,
    TODAY_SOURCES,
)
from planner.judgement.rules.seenby import says_none_unseen
from planner.plan.fields import is_answered
from planner.plan.model import (
    Category,
    Circumstance,
    DataKind,
    Mode,
    Plan,
    TaskType,
)

# ---------------------------------------------------------------- what people see that the model does not


def _todays_paths(plan: Plan) -> Iterator[str]:
    """The answers that say how people decide today: the current solution, what the humans in the loop
    handle, and what the team noticed or found hard doing it by hand."""
    yield from ("product.current_solution", "heuristics.humans_handle")
    yield from (f"by_hand.noticed[{i}]" for i in range(len(plan.by_hand.noticed)))
    yield from (f"by_hand.hard_cases[{i}]" for i in range(len(plan.by_hand.hard_cases)))


def _decided_from_inputs(plan: Plan) -> bool:
    """Whether the team decided cases by hand and says an expert can decide from the inputs alone (or
    measured it on a sample): the check this rule asks for, done."""
    by_hand = plan.by_hand
    tried = by_hand.measured is not None or (by_hand.examples or 0) > 0
    return tried and by_hand.expert_can_decide is True


_DECIDE_FROM_THE_INPUTS_ALONE = Move(
    "Decide a sample of past cases with only the model's inputs",
    "People today also use what the model will not get; deciding 50-100 past cases from the inputs "
    "alone, beside what was decided with everything, shows what share of decisions turns on the missing "
    "information, and whether to add it, narrow the scope, or keep those cases with people",
    "warning",
    first=True,
    done=_decided_from_inputs,
)


@rule(
    "deciders-see-more-than-model",
    Category.model,
    likelihood=3,
    impact=4,
    move=_DECIDE_FROM_THE_INPUTS_ALONE,
    ask="do people decide today from information the model will not get?",
    fires=(
        Case(
            {
                "product.current_solution": "Underwriters read the file and phone the broker before quoting.",
                "by_hand.examples": None,
                "product.circumstances": ["commits_alone"],
                "product.unseen_by_model": None,
            },
            evidence=(
                'product.current_solution: "Underwriters read the file and phone the broker before '
                'quoting." (people decide today from conversations: phone)',
                'product.inputs: "Supplier, invoice number, dates, amounts, currency, line items and ..." '
                "(no conversations among them: what share of today's decisions turns on them?)",
            ),
            also=frozenset({"commits-unchecked"}),
        ),
        Case(  # decided by hand, and doing it showed a source the inputs leave out
            {
                "by_hand.noticed": ["A third of the pairs needed a phone call to the supplier to settle."],
                "product.circumstances": ["commits_alone"],
                "product.unseen_by_model": None,
            },
            evidence=(
                'by_hand.noticed[0]: "A third of the pairs needed a phone call to the supplier to settle." '
                "(deciding by hand needed conversations: phone call)",
                'product.inputs: "Supplier, invoice number, dates, amounts, currency, line items and ..." '
                "(no conversations among them: what share of today's decisions turns on them?)",
            ),
        ),
        Case(  # a corpus that lacks a kind of document people answer from
            {
                "product.current_solution": "Clerks search old email threads with the supplier.",
                "by_hand.examples": None,
                "product.circumstances": ["commits_alone"],
                "product.unseen_by_model": None,
            },
            evidence=(
                'product.current_solution: "Clerks search old email threads with the supplier." (people '
                "decide today from emails: email threads)",
                'product.inputs: "Supplier, invoice number, dates, amounts, currency, line items and ..." '
                "(no emails among them: what share of today's decisions turns on them?)",
            ),
        ),
        Case(  # pictures on a schedule of their own, their age unsaid
            {
                "product.inputs": "Aerial imagery of each roof and the claim form.",
                "by_hand.examples": None,
                "product.unseen_by_model": None,
            },
            evidence=(
                'product.inputs: "Aerial imagery of each roof and the claim form." (aerial imagery: how '
                "old is the picture when a case is decided, and does it still show what a person on site "
                "would see?)",
            ),
        ),
        Case(  # the documents reach the model through text extraction, and nobody has decided from it
            {
                "product.inputs": "The OCR text of the scanned supplier invoice.",
                "by_hand.examples": None,
                "by_hand.expert_can_decide": None,
                "product.unseen_by_model": None,
            },
            evidence=(
                'product.inputs: "The OCR text of the scanned supplier invoice." (ocr text, scanned: what '
                "extraction drops (handwriting, stamps, tables) the model never sees: what share of "
                "decisions turns on it?)",
                "by_hand.examples: not answered, by_hand.expert_can_decide: not answered (nobody has yet "
                "decided cases from the extracted inputs alone)",
            ),
        ),
        Case(  # 'not known' is no yes: nobody has decided from the extracted text
            {
                "product.inputs": "The OCR text of the scanned supplier invoice.",
                "by_hand.examples": 0,
                "by_hand.expert_can_decide": "not known",
                "product.unseen_by_model": None,
            },
        ),
    ),
    quiet=(
        Case(  # the pictures' age is said
            {
                "product.inputs": "Aerial imagery of each roof, flown within 14 days of the claim.",
                "by_hand.examples": None,
            }
        ),
        Case(  # the call notes are among the inputs
            {
                "product.current_solution": "Underwriters read the file and phone the broker before quoting.",
                "product.inputs": "The submission, the broker's call notes and the claims history.",
                "by_hand.examples": None,
            }
        ),
        Case(  # scans of a ticket at a gate, in tabular data: no page nor picture whose extraction drops things
            {
                "product.inputs": "The gate scans of the last 30 minutes at each lift.",
                "product.data_kinds": ["tabular", "time_series"],
                "by_hand.examples": None,
                "by_hand.expert_can_decide": None,
            }
        ),
        Case(  # the email archive is among the data sources the model is built on
            {
                "product.current_solution": "Clerks search old email threads with the supplier.",
                "by_hand.examples": None,
                "constraints.data.sources[0].name": "ERP invoices and the supplier email archive since 2019",
            }
        ),
        Case(  # rules written by hand, and tenants calling in to report, are no source people decide from
            {
                "product.current_solution": "Forty hand-written rules flag invoices; suppliers call the helpline.",
                "by_hand.examples": None,
            }
        ),
        Case(  # a visit to a web portal is no site visit
            {
                "product.current_solution": "Clerks visit the supplier portal to compare the invoices.",
                "by_hand.examples": None,
            }
        ),
        Case(  # a scan read by a model, yet the team answers that people see the same scan and nothing more
            {
                "product.inputs": "The scanned page image of each parish register.",
                "product.unseen_by_model": "Nothing; the transcribers read the same scan.",
                "by_hand.examples": 0,
                "by_hand.expert_can_decide": None,
            }
        ),
        Case(  # decided by hand from the inputs alone, and an expert can
            {"product.current_solution": "Underwriters read the file and phone the broker before quoting."}
        ),
        Case(  # an expert cannot decide from the inputs: expert-cannot-decide says it
            {
                "product.current_solution": "Underwriters read the file and phone the broker before quoting.",
                "by_hand.expert_can_decide": False,
            }
        ),
    ),
)
def deciders_see_more_than_model(plan: Plan) -> Evidence:
    """People may decide today from information the model will not get.

    A decision made today after a phone call, a site visit, a paper file or the attachments of a case
    turns, in some share of cases, on what the model's inputs leave out; a document read through text
    extraction loses handwriting, stamps and tables; a satellite or street-level picture may be a year
    older than the place it shows. Scores on those cases are capped by what is missing, and nobody
    knows the cap until someone decides cases from the inputs alone.

    Mitigation: Be the algorithm: decide 50-100 past cases with only the model's inputs (the extracted
    text, not the page), count how many turn on what is missing, and add it, narrow the scope or keep
    those cases with people.
    """
    by_hand = plan.by_hand
    inputs = plan.product.inputs
    if by_hand.expert_can_decide is False or not inputs or says_nothing(inputs):
        return None  # expert-cannot-decide says it; or nothing to compare today's sources with
    if says_none_unseen(plan):
        return None  # the team answered that people see nothing the model does not: words cannot outweigh it
    checked = _decided_from_inputs(plan)
    given = (inputs, *(source.name for source in plan.constraints.data.sources))  # what the model gets
    alone = plan.product.mode is Mode.automate or Circumstance.commits_alone in plan.product.circumstances
    # a draft holds only what it retrieved, a record read from a document only what that document says
    alone = alone or plan.product.task in (TaskType.generation, TaskType.extraction)
    # Today's sources matter where nobody who has them decides after the model, and the team has not
    # said itself what the model will not get (decisions-turn-on-unseen reads that answer).
    paths = _todays_paths(plan) if alone and not is_answered(plan.product.unseen_by_model) else ()
    for path in paths:
        if checked and not path.startswith("by_hand."):
            continue  # decided from the inputs alone, unless what they noticed doing it says otherwise
        text = answer_at(plan, path)
        unseen = {
            kind: words
            for kind, said in TODAY_SOURCES.items()
            if (words := tuple(word.removesuffix(" the") for word in said.find_all(text)))
            and not any(IN_THE_INPUTS[kind].find(text) for text in given)
        }
        if unseen:
            kinds = " and ".join(unseen)
            words = tuple(word for found in unseen.values() for word in found)
            who = "deciding by hand needed" if path.startswith("by_hand.") else "people decide today from"
            return Hint(
                words,
                (
                    quote(plan, path, f"{who} {kinds}: {', '.join(words)}"),
                    quote(
                        plan,
                        "product.inputs",
                        f"no {kinds} among them: what share of today's decisions turns on them?",
                    ),
                ),
                # a suggestion its receiver can decline, with what they see in hand: a low question
                1 if declinable(plan) else None,
            )
    if checked:
        return None
    pictures = IMAGERY.find_all(inputs)
    data = plan.constraints.data
    notes = (inputs, data.differences_note, *(source.name for source in data.sources))
    if pictures and not any(DATED.find(text) for text in notes):
        return Hint(
            pictures,
            (
                quote(
                    plan,
                    "product.inputs",
                    f"{', '.join(pictures)}: how old is the picture when a case is decided, and does it "
                    "still show what a person on site would see?",
                ),
            ),
        )
    said_kinds = set(plan.product.data_kinds)  # extraction drops only what is on a page or picture
    lossy = LOSSY.find_all(inputs) if not said_kinds or said_kinds & {DataKind.text, DataKind.images} else ()
    tried = by_hand.examples or by_hand.measured is not None or by_hand.expert_can_decide in (True, False)
    if lossy and not tried:
        untried = "not answered" if by_hand.examples is None else "0"
        said = '"not known"' if by_hand.expert_can_decide == "not known" else "not answered"
        return Hint(
            lossy,
            (
                quote(
                    plan,
                    "product.inputs",
                    f"{', '.join(lossy)}: what extraction drops (handwriting, stamps, tables) the model "
                    "never sees: what share of decisions turns on it?",
                ),
                f"by_hand.examples: {untried}, by_hand.expert_can_decide: {said} (nobody has yet "
                "decided cases from the extracted inputs alone)",
            ),
        )
    return None
