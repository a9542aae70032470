"""Rules on what the model will not see: the outcome an action on its flags prevents, and the sources
people decide from today that its inputs leave out or lose on the way."""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules import acting, data, evaluation, steering
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.fitting import declinable
from planner.judgement.rules.lexicon import (
    DATED,
    IMAGERY,
    IN_THE_INPUTS,
    INTERVENES,
    LOSSY,
    PREVENTS,
    TODAY_SOURCES,
    UNTREATED,
)
from planner.judgement.rules.words import BOUNDARY, words_of
from planner.plan.fields import is_answered
from planner.plan.model import (
    Category,
    Circumstance,
    DataKind,
    Delivery,
    LabelSource,
    Mode,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    TaskType,
)

# ---------------------------------------------------------------- an action that prevents the label

# Words a label shares with any goal: times and record-keeping, not the event itself.
_GENERIC = frozenset(
    words_of(
        """days within months month weeks week year years minutes hours after before since later from with
        that this their they them whether will next first date than more least over into each every per
        case cases flag flagged recorded record records label labels outcome outcomes"""
    )
)


def _stem(word: str) -> str:
    """A word's first four letters: `failure` and `fails`, `cancelled` and `cancellations` meet."""
    return word[:4]


def _label_stems(plan: Plan) -> frozenset[str]:
    """The stems of the label's content words (four letters or more, not a time or a record word)."""
    return frozenset(
        _stem(word)
        for word in words_of(plan.product.label or "")
        if len(word) >= 4 and word.isalpha() and word not in _GENERIC
    )


def _fewer_of_the_label(plan: Plan) -> tuple[str, str, str] | None:
    """The answer that aims at what the label records: its path, the word of aiming, and the word of
    the label it is said of (within the next six words of the same clause)."""
    stems = _label_stems(plan)
    if not stems:
        return None
    for path in ("product.goal", "product.success_metric", "product.decision"):
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        words = list(words_of(text))
        for found in PREVENTS.find_all(text):
            for start in _starts(words, found.split(" ")):
                for word in _ahead(words, start + len(found.split(" ")), 6):
                    if len(word) >= 4 and word not in _GENERIC and _stem(word) in stems:
                        return path, found, word
    return None


def _starts(words: list[str], parts: list[str]) -> Iterator[int]:
    """Where the phrase `parts` starts among `words`."""
    return (i for i in range(len(words) - len(parts) + 1) if words[i : i + len(parts)] == parts)


# Words that end what an aim is said of: `fewer riders miss their connection at the interchange`.
_AIM_ENDS = frozenset(
    {BOUNDARY, "at", "on", "for", "by", "across", "per", "within", "among", "during", "while"}
)


def _ahead(words: list[str], start: int, count: int) -> Iterator[str]:
    """The next `count` words from `start`, up to the end of what an aim is said of."""
    for word in words[start : start + count]:
        if word in _AIM_ENDS:
            return
        yield word


_RECORDED = frozenset({LabelSource.outcomes, LabelSource.existing})  # what happened, as recorded

_LEAVE_FLAGGED_CASES_UNTREATED = Move(
    "Leave a random share of flagged cases to today's process, and log every action",
    "Once flagged cases are acted on, those the action saves look as if they were never at risk: the next "
    "model learns the intervention away and live scores mix the model with the action; a small random "
    "share of flagged cases left untreated, and a record of who was acted on and how, keep outcomes "
    "that say what the risk was and what the action did",
    "warning",
    done=lambda plan: (plan.constraints.data.exploration_share or 0) > 0,
)


@rule(
    "action-prevents-the-label",
    Category.model,
    likelihood=3,
    impact=4,
    move=_LEAVE_FLAGGED_CASES_UNTREATED,
    ask="will acting on a flagged case prevent or change the very outcome the label records?",
    fires=(
        Case(
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Housing officers phone the flagged tenants and offer a payment plan." '
                "(acting on a flagged case: phone, offer, payment plan)",
                'product.goal: "Fewer households fall into rent arrears." (aimed at what the label '
                "records: fewer ... arrears)",
                'product.label: "Tenant two months in arrears within six months." (the outcome the action '
                "aims to prevent: once acted on, will a case's outcome still say whether it was at "
                "risk?)",
                'constraints.data.outcome_recorded_for: "every_case" (every case keeps an outcome, but a '
                "treated case's is the one the action made)",
            ),
            also=frozenset({"outcome-not-effect"}),
        ),
    ),
    quiet=(
        Case(  # a random share of flagged tenants is left to today's process
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.exploration_share": 0.1,
            }
        ),
        Case(  # the live test keeps a holdout
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "done.online_validation": "holdout",
            }
        ),
        Case(  # the call warns of a late parcel; the goal is fewer complaints, not fewer late parcels
            {
                "product.goal": "Fewer complaints from customers.",
                "product.decision": "Agents phone the customer to warn of the delay.",
                "product.label": "Parcel delivered more than a day late.",
                "constraints.data.labels": ["outcomes"],
            }
        ),
        Case(  # people label each case by hand: no outcome that follows the action
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["manual"],
            }
        ),
        Case(  # only the chosen cases have an outcome: selective-labels asks for the random share
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
    ),
)
def action_prevents_the_label(plan: Plan) -> Evidence:
    """Acting on a flagged case may prevent or change the outcome the model learns from.

    When the product exists to act on flagged cases (a call, an offer, a repair) so that the outcome
    the label records does not happen (or does: a discount to a customer likely to buy), every case
    keeps an outcome, but not the one it would have had: a case the action saved looks as if it was
    never at risk. The next model learns the action away, and a live score mixes model and action.

    Mitigation: Leave a small random share of flagged cases to today's process (or run the launch as
    a holdout or A/B test), log who was acted on, how and when, and train and evaluate on the outcomes
    of the untreated share.
    """
    constraints = plan.constraints.data
    recorded = constraints.outcome_recorded_for
    if recorded in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    if not _RECORDED.intersection(constraints.labels) or constraints.label_delay_days == 0:
        return None  # no outcome that follows the prediction, so nothing for an action to change
    if (constraints.exploration_share or 0) > 0 or plan.done.online_validation in (
        OnlineValidation.holdout,
        OnlineValidation.a_b_test,
    ):
        return None
    decision = plan.product.decision
    if plan.product.delivery is Delivery.nobody:
        return None  # nobody receives the predictions yet, so nobody acts on them: nobody-acts-on-output
    acts = INTERVENES.find_all(decision)
    if not acts or says_nothing(decision):
        return None
    if any(UNTREATED.find(answer_at(plan, path)) for path in ("product.decision", "done.when_met")):
        return None
    fewer = _fewer_of_the_label(plan)
    if fewer is None:
        return None
    if any(
        check(plan)
        for check in (
            data.feedback_loop,
            data.decision_hides_outcome,
            evaluation.selective_labels,
            acting.model_selects_cases,
            steering.predictions_set_controls,
        )
    ):
        return None  # a rule that reads the answers already asks for the untouched share
    aim, prevent, word = fewer
    found = [quote(plan, "product.decision", f"acting on a flagged case: {', '.join(acts)}")]
    if aim != "product.decision":
        found.append(quote(plan, aim, f"aimed at what the label records: {prevent} ... {word}"))
    found.append(
        quote(
            plan,
            "product.label",
            "the outcome the action aims to prevent: once acted on, will a case's outcome still say "
            "whether it was at risk?",
        )
    )
    if recorded is OutcomeRecorded.every_case:
        found.append(
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "every case keeps an outcome, but a treated case's is the one the action made",
            )
        )
    return Hint((*acts, prevent), tuple(found))


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
            },
            evidence=(
                'product.inputs: "The OCR text of the scanned supplier invoice." (ocr text, scanned: what '
                "extraction drops (handwriting, stamps, tables) the model never sees: what share of "
                "decisions turns on it?)",
                "by_hand.examples: not answered, by_hand.expert_can_decide: not answered (nobody has yet "
                "decided cases from the extracted inputs alone)",
            ),
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
    checked = _decided_from_inputs(plan)
    given = (inputs, *(source.name for source in plan.constraints.data.sources))  # what the model gets
    alone = plan.product.mode is Mode.automate or Circumstance.commits_alone in plan.product.circumstances
    alone = alone or plan.product.task is TaskType.generation  # a draft holds only what it retrieved
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
    if lossy and not by_hand.examples and by_hand.measured is None and by_hand.expert_can_decide is None:
        untried = "not answered" if by_hand.examples is None else "0"
        return Hint(
            lossy,
            (
                quote(
                    plan,
                    "product.inputs",
                    f"{', '.join(lossy)}: what extraction drops (handwriting, stamps, tables) the model "
                    "never sees: what share of decisions turns on it?",
                ),
                f"by_hand.examples: {untried}, by_hand.expert_can_decide: not answered (nobody has yet "
                "decided cases from the extracted inputs alone)",
            ),
        )
    return None
