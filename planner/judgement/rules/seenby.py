"""What the team says today's deciders see that the model does not: nothing, something named, the thing
itself where the model gets a picture of it; and the words weighing what is named."""

from __future__ import annotations

import re

from planner.judgement.rules.base import Evidence, Hint
from planner.judgement.rules.evidence import first_said, quote, says_nothing, ticked
from planner.judgement.rules.flagsonly import flagged_partly_seen, works_from_flags
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.choices import CAPTURED
from planner.plan.model import Circumstance, EvalTruth, Mode, Plan

# An answer that opens by saying nothing is unseen ("Nothing: the clerks read the same records").
_NOTHING = re.compile(r"\s*(nothing|none|no)\b(?!\s+one\b)", re.IGNORECASE)


def says_none_unseen(plan: Plan) -> bool:
    """Whether the team answered that today's deciders see nothing the model does not ("Nothing; they
    read the same scan")."""
    unseen = plan.product.unseen_by_model
    return unseen is not None and _NOTHING.match(unseen) is not None


def unseen_named(plan: Plan) -> str | None:
    """What today's deciders use that the model will not get, where the answer names something."""
    unseen = plan.product.unseen_by_model
    if not unseen or says_nothing(unseen) or _NOTHING.match(unseen):
        return None
    return unseen


# Words saying people hold the thing itself: the original, in hand, on paper.
IN_HAND = Lexicon("""
    in hand, in their hands, physical, the original, originals, original document, original documents
    paper original, paper originals, the paper copy, the actual document, the document itself
""")


def in_hand_pictured(plan: Plan, unseen: str) -> str | None:
    """The thing people hold in hand where the model gets a picture of it (`the physical passport` beside
    photos of the passport pages): the word naming it in both answers, or None."""
    inputs = plan.product.inputs
    if not inputs or not CAPTURED & set(plan.product.data_kinds) or not IN_HAND.find(unseen):
        return None
    shown = {word for word in words_of(inputs) if len(word) > 4}
    return next((word for word in words_of(unseen) if len(word) > 4 and word in shown), None)


# Words saying the unseen information decides only a few cases.
DECIDES_FEW = Lexicon("""
    rarely, seldom, occasionally, now and then, once in a while, a few cases, a handful of cases, few cases
    edge cases, rare cases, in rare cases, the odd case, marginal, only sometimes, a small share
    a small number of cases, hardly ever, almost never, rarely changes, seldom changes
""")
# The answers that may say people still decide the cases that turn on what the model will not get.
CHECKED_IN = (
    "product.unseen_by_model",
    "product.decision",
    "heuristics.humans_handle",
    "after_launch.fallback",
)
# Words saying a person still decides the cases that turn on it: sent, referred or held for people.
PERSON_CHECKS = Lexicon("""
    sent to a person, sent to people, goes to a person, go to a person, referred to the, referred to a
    routed to, escalated to, escalate to, handled by hand, decided by hand, manual review, manually reviewed
    reviewed by a person, held for review, held for a person, flagged for review, a person decides
    people decide, all others go to, the others go to, the rest go to, the rest goes to, everything else goes to
    all others are sent to, the rest are sent to, the others are sent to, everything else is sent to
""")
# Words saying what the model does not get is more of what it reads (`the rest of the book beyond the
# paragraph`): a wider view of the same source, which narrows a few cases, not a source beyond its reach.
MORE_OF_THE_SAME = Lexicon("""
    the rest of the, rest of the, the remainder of the, remainder of the, the wider context, wider context
    beyond the paragraph, beyond the page, beyond the excerpt, beyond the window, beyond the extract
    the full log, the full logs, the whole log, the complete log, the full record, the whole record
    the full file, the whole file, the full text, the whole text, the full thread, the whole thread
    the full transcript, the full report, the full document, the whole document, the full history
""")


# Words saying a camera or a sensor covers only part of what is decided.
PARTLY_SEEN = Lexicon("""
    only the top, only the surface, only one side, only the front, only the upper, only part of, only partly
    cannot see, can't see, cannot be seen, can't be seen, not visible, out of view, out of sight, hidden under
    hidden behind, hidden beneath, blind spot, blind spots, partly visible, partially visible, partly hidden
    partially hidden, obscured by, covered by leaves, underneath layer, lower layers, lower layer
""")
_VIEW_PATHS = ("product.inputs", "constraints.data.differences_note", "product.current_solution")


def partly_seen(plan: Plan) -> Evidence:
    """Where nothing is said to be unseen, the words of a camera or sensor that sees only part of what is
    decided, for a model that decides alone: a question at most."""
    flags = works_from_flags(plan)
    if (plan.product.mode is not Mode.automate and not flags) or not CAPTURED & set(plan.product.data_kinds):
        return None
    hard = [f"by_hand.hard_cases[{index}]" for index in range(len(plan.by_hand.hard_cases))]
    found = first_said(plan, (*_VIEW_PATHS, *hard), PARTLY_SEEN)
    if found is None:
        return None
    path, words = found
    if flags:
        return flagged_partly_seen(plan, path, tuple(words))
    note = f"{', '.join(words)}: decisions that turn on what it cannot see are out of its reach"
    return Hint(words, (quote(plan, path, note), quote(plan, "product.mode")))


def system_decides_today(plan: Plan) -> tuple[str, ...] | None:
    """Where today's decisions, the labels, are a system's output (a sorting machine, a vendor's scorer): the
    evaluation's answers are that system's output and its labels are those decisions. People who see more
    than the model then check only some of its cases; what they see caps the model only on those."""
    decisions = ticked(plan, Circumstance.labels_are_decisions)
    if decisions is None or plan.done.eval_truth is not EvalTruth.system_output:
        return None
    note = "today's decisions are a system's output, not people's: its labels are that system's decisions"
    return (quote(plan, "done.eval_truth", note), decisions)


# Words saying decisions were checked apart from the process that made them: an audit, a re-check.
CHECKED_APART = Lexicon("""
    audit, audits, audited, random audit, re-check, re-checked, rechecked, re-checks, second read
    second reads, second reader, independent check, independent checks, independently checked
    double-checked, double checked, adjudicated, adjudication, expert panel, checked against the source
""")
