"""Survivors read from words: a label that exists only for the cases that reached the outcome (the price
an item sold for, loans repaid, cases closed) where the team's own answers say others leave before it
(withdrawn, unsold, donated on, expired). Trained on the survivors, the model never sees those that left,
and its score says nothing of them, whatever the tick-box says about the record."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.anchor import SPAN, days_of
from planner.judgement.rules.base import Evidence, Hint, Instead, Move, Tempered
from planner.judgement.rules.capped import (
    ALL_EXITS_KEPT,
    DURATION,
    LEFT_OTHERWISE_WORDS,
    ONE_EXIT_ONLY,
    REACHED_WORDS,
)
from planner.judgement.rules.evidence import answer_at, handled, limit_ticked, quote
from planner.judgement.rules.lexicon import EXITS_KEPT
from planner.judgement.rules.words import SENTENCE, Lexicon, phrases
from planner.plan.model import ExitsWhich, OutcomeLimit, Plan, TaskType
from planner.plan.workings import Negative

_ITEMS = """items, item, listings, listing, loans, loan, cases, case, lots, lot, properties, homes, houses
    animals, dogs, cats, vacancies, jobs, orders, claims, applications, tickets, invoices, bikes, cars
    vehicles, books, garments, coats, pieces, products, deals, policies, donations, plants, book
    garment, coat, piece, product, deal, policy, donation, plant, bike, car, vehicle, claim
    application, ticket, invoice, order, job, vacancy, animal, dog, cat, home, house, property"""
# A label that exists only for the cases that reached the outcome: a sale price, loans repaid.
REACHED_ONLY = ONE_EXIT_ONLY + Lexicon(
    phrases(REACHED_WORDS.replace("\n", ","), _ITEMS)
    + ", "
    + phrases(_ITEMS, REACHED_WORDS.replace("\n", ","))
    + """, sold for, sale price, sale prices, selling price, selling prices, hammer price, hammer prices
    price achieved, prices achieved, price realised, price realized, prices realised, prices realized
    amount repaid, amounts repaid, price fetched, prices fetched"""
)
# Cases that leave before the outcome, as teams say it.
LEFT_BEFORE = Lexicon(
    LEFT_OTHERWISE_WORDS.replace("\n", ",")
    + """, donated on, passed on, given away, sent to recycling, recycled, pulped, binned
    taken off the market, delisted, relisted, not sold, did not sell, never sold, go unsold, goes unsold, went unsold
    returned unsold, refinanced, paid off early, repaid early, settled early, bought out, moved away
    closed without, withdrew, withdraw, cancel, cancels, fell through, falls through, never sell
    do not sell, don't sell, fail to sell, failed to sell, does not sell, doesn't sell""",
    unless="unsold items are kept, withdrawn ones are kept",
)
# Words of a case that never reached the outcome: with a label over a fixed window, they are its negative.
NEVER_REACHED = Lexicon("""
    not sold, did not sell, never sold, go unsold, goes unsold, went unsold, returned unsold, never sell
    do not sell, don't sell, fail to sell, failed to sell, does not sell, doesn't sell
""")
# The label's own window (`sold within 12 months`): its outcome is final once the window closes.
_WITHIN = re.compile(rf"\bwithin\s+(?:the\s+)?(?:first\s+|next\s+)?{SPAN}", re.IGNORECASE)


def label_window(plan: Plan) -> float | None:
    """The days of the label's own window (`sold within 12 months`: 360), or None where it names none."""
    said = _WITHIN.search(plan.product.label or "")
    return days_of(said.group(0))[1] if said else None


def _windowed_negative(plan: Plan) -> bool:
    """Whether the label runs over a fixed window and a case without the outcome in it is a negative: a case
    that never reaches the outcome is then the label's negative, not a case that left before it."""
    return label_window(plan) is not None and Negative.outcome_absent in plan.product.negative_label


def _exits(text: str | None, windowed: bool) -> tuple[str, ...]:
    """The words of `text` saying cases leave before the outcome; not those of a case that never reached it,
    where the label's window makes that case a negative."""
    return tuple(word for word in LEFT_BEFORE.find_all(text) if not (windowed and NEVER_REACHED.find(word)))


_ELSEWHERE = (
    "product.pain",
    "product.current_performance",
    "product.current_solution",
    "impact.bottleneck",
    "constraints.data.differences_note",
    "constraints.data.changes",
    "press_release.problem",
    "product.inputs",
)
_SHARE = re.compile(r"(\d{1,2}(?:\.\d+)?)\s?%")


def _share_left(text: str, words: tuple[str, ...]) -> str:
    """`18% leave another way: trained on the other 82% at most`, where one share sits beside the words."""
    for sentence in SENTENCE.split(text):
        if LEFT_BEFORE.find(sentence) in words:
            shares = _SHARE.findall(sentence)
            if len(shares) == 1:
                share = float(shares[0])
                return f"; {share:g}% leave another way, so the training cases are at most the other {100 - share:g}%"
    return ""


def left_before_the_outcome(plan: Plan) -> Evidence:
    """The label exists only for the cases that reached the outcome and the team's own words say others
    leave before it: a question naming the words (a duration of one exit is duration-of-one-exit's)."""
    label = plan.product.label
    if plan.product.task is TaskType.forecasting:
        return (
            None  # a count over a period, not a case that may leave: capped-outcomes weighs what it stops at
        )
    reached = REACHED_ONLY.find_all(label)
    if not reached or DURATION.find(label):
        return None
    if handled(plan, EXITS_KEPT) or handled(plan, ALL_EXITS_KEPT):
        return None
    found = [
        quote(
            plan,
            "product.label",
            f"{', '.join(reached)}: known only for the cases that reached the outcome; the model never sees "
            "those that left before it",
        )
    ]
    paths = [*_ELSEWHERE, *(f"by_hand.noticed[{i}]" for i in range(len(plan.by_hand.noticed)))]
    windowed = _windowed_negative(plan)
    left = next(((path, words) for path in paths if (words := _exits(answer_at(plan, path), windowed))), None)
    if left is None and not ONE_EXIT_ONLY.find(label):
        return None  # nothing says any case leaves another way
    words = reached
    if left is not None:
        path, words = left
        note = (
            f"{', '.join(words)}: some cases leave before the outcome{_share_left(answer_at(plan, path), words)}; "
            "what will the model say of them, and are they in the test?"
        )
        found.append(quote(plan, path, note))
    if plan.constraints.data.outcome_limits == [OutcomeLimit.none]:
        note = "answered: nothing limits the record; its own words say some cases leave before the outcome"
        found.append(quote(plan, "constraints.data.outcome_limits", note))
    return Hint((*reached, *words), found)


# A set drawn only from cases that reached an end: closed investigations, resolved tickets, settled claims.
_ENDED = "closed, resolved, completed, finished, settled, concluded, finalised, finalized, decided, ended"
_CASES = """cases, case, investigations, investigation, claims, claim, tickets, complaints, appeals
    applications, disputes, incidents, referrals, requests, repairs, jobs, work orders, projects, matters
    episodes, enquiries, inquiries, reports, files"""
CLOSED_ONLY = Lexicon(
    phrases(_ENDED, _CASES) + ", " + phrases("only the, only", _ENDED.replace(", ", " ones, ") + " ones")
)
# Words saying the still-open cases are in the set too, or that the set is a cohort followed to its end.
OPEN_KEPT = Lexicon("""
    open and closed, closed and open, open or closed, closed or open, including open, including the open
    open cases included, open ones included, still open included, still-open, still open cases kept
    cohort followed, followed until closed, every case opened, all cases opened, opened in
""")
_SET_PATHS = ("product.label", "done.eval_set")
# Tasks whose label is a text or a field people wrote during the case (a first reply, a form's values),
# not how or when the case ended.
_WRITTEN = (TaskType.generation, TaskType.extraction)


def only_closed_cases(plan: Plan) -> Evidence:
    """The label or the evaluation set is drawn from the cases that reached an end (closed, resolved,
    settled): those still open when the data was cut, often the slow and hard ones, are missing."""
    if plan.product.task is TaskType.forecasting or DURATION.find(plan.product.label):
        return None  # a count over a period, or a time to one exit (duration-of-one-exit's)
    if plan.product.task in _WRITTEN:
        return None  # a reply or a field written during the case exists whether or not the case has closed
    if handled(plan, EXITS_KEPT) or handled(plan, ALL_EXITS_KEPT):
        return None
    paths = [*_SET_PATHS, *(f"done.metrics[{i}].dataset" for i in range(len(plan.done.metrics)))]
    for path in paths:
        said = answer_at(plan, path)
        words = CLOSED_ONLY.find_all(said)
        if words and not OPEN_KEPT.find(said) and not EXITS_KEPT.find(said):
            note = (
                f"{', '.join(words)}: drawn only from cases that reached an end; those still open when the "
                "data was cut, often the slow and hard ones, are missing: do they look different, and what "
                "will the model say of them?"
            )
            return Hint(words, (quote(plan, path, note),))
    return None


# A yes/no label where the cases that ended another way (the complainant dropped out, the customer never
# replied) would be counted as "no": their outcome is unknown, not absent.
EXITS_UNKNOWN = Instead(
    lambda plan: (
        plan.product.task is TaskType.classification
        and limit_ticked(plan, OutcomeLimit.other_exits) is not None
    ),
    Move(
        "Count the cases that ended another way as unknown, not as 'no'",
        "A case that ended before its outcome (the person dropped out, the customer never replied, the "
        "account closed) did not show the outcome absent: mark it unknown, keep it out of training's "
        "negatives and out of the score (or label it within a fixed window it was followed for), and "
        "count how many of today's 'no' labels are such exits",
        "warning",
    ),
    "Record how and when each case ended; label the cases that ended another way unknown, not negative, and "
    "leave them out of training and scoring (or label within a fixed window each case was followed for); "
    "report how many of the recorded negatives were exits.",
)


# Below this share of cases leaving early, training on the survivors moves little.
FEW_LEAVE = 0.02


def measured_on_the_event(plan: Plan) -> bool:
    """Whether the label is a quantity measured on the event itself (how long a hearing took, what a
    repair cost), not whether or when a case reaches it: a case that ends another way has no such value,
    hidden or censored, and the estimate is for the cases that reach the event."""
    return plan.product.task is TaskType.regression and not DURATION.find(plan.product.label)


_WORST = (ExitsWhich.worst_kept_elsewhere, ExitsWhich.worst_never_measured)
# Limits whose own advice keeps the missing cases as censored: beside them, no exit is scoped away.
_CENSORED = (OutcomeLimit.below_threshold, OutcomeLimit.capped, OutcomeLimit.worst_unmeasured)


def worst_leave(plan: Plan) -> bool:
    """Whether the team answered that the cases leaving before their outcome are the extreme ones."""
    return (
        limit_ticked(plan, OutcomeLimit.other_exits) is not None
        and plan.constraints.data.exits_which in _WORST
    )


# The extreme cases leave the data: their results are joined back, or kept as censored, never scoped away.
WORST_LEAVE = Instead(
    worst_leave,
    Move(
        "Join back the results of the cases that left, or keep them as censored",
        "The cases that leave the data are the extreme ones (the failures, the slowest, the lowest): trained "
        "and tested on the rest, the model learns a world without them and errs most where it matters. Where "
        "their result exists in another record (a non-conformance report, a complaints file), join it back "
        "by the case's key; where it was never taken, keep each case as censored beyond the last value seen "
        "(a solve time known only to exceed when the solver gave up); never scope to the cases that stayed, "
        "and score on every case that entered",
        "warning",
        first=True,
    ),
    "Join each case that left back to the record its result went to; keep those with no result as censored "
    "at the last value seen; score on every case that entered, the extreme ones apart.",
    title="The extreme cases leave the data before their outcome reaches it",
)


def _exits_scoped(plan: Plan) -> bool:
    """A quantity measured on the event, with exits the team says are like the rest, and no other limit
    on the same record calling for censoring: then scoping to the cases that reach the event is sound."""
    data = plan.constraints.data
    return (
        data.exits_which is ExitsWhich.unrelated
        and measured_on_the_event(plan)
        and not any(limit in data.outcome_limits for limit in _CENSORED)
    )


# The exits of a quantity measured on the event, like the rest: the estimate is for the cases that reach it.
ON_THE_EVENT = Instead(
    lambda plan: limit_ticked(plan, OutcomeLimit.other_exits) is not None and _exits_scoped(plan),
    Move(
        "Say the estimate is for the cases that reach the event, and check the decision does not cause the exits",
        "The cases that leave for reasons unrelated to this quantity have none of it to censor: scope the "
        "training and the test to the cases that reach the event, and ask whether the decision itself "
        "drives some cases out (a price too high goes unsold): then the survivors are shaped by it",
    ),
    "Train and score on the cases that reach the event, stated as the estimate's scope; count how many "
    "leave another way per group, and check that the decision the estimate feeds does not cause the exits.",
)
# The exits of a quantity measured on the event, with nothing said of which cases leave.
WHICH_LEFT = Instead(
    lambda plan: limit_ticked(plan, OutcomeLimit.other_exits) is not None and measured_on_the_event(plan),
    Move(
        "Find where the cases that left went, and whether they are the extreme ones",
        "A case that truly never reaches the event has none of this quantity, but one that leaves because "
        "it is extreme (a failed early check sent to another record, a solver who gave up) has a result "
        "elsewhere or beyond what was seen: compare the cases that left with those that stayed on what is "
        "known early; join their results back or keep them as censored, and scope to the cases that reach "
        "the event only where they leave for reasons unrelated to it",
    ),
    "Find the record each case that left went to and compare those cases with the rest on what is known "
    "early; join their results back, or keep them as censored; scope to the cases that reach the event only "
    "where they leave for reasons unrelated to it.",
)


def exits_ticked(plan: Plan, said: str) -> Evidence:
    """The ticked other exits, with the share that leaves early where the team gave it: a share the size
    of a class is a biased training set and an untested cohort; a share of a case in a hundred or two,
    a small one. A quantity measured on the event itself (a hearing's length) is a note: the cases that
    end another way have none."""
    if worst_leave(plan):
        note = (
            "the cases that leave are the extreme ones: the data keeps the mild ones, and a model and a "
            "score built on them flatter where it matters most"
        )
        return (said, quote(plan, "constraints.data.exits_which", note))
    if measured_on_the_event(plan):
        if _exits_scoped(plan):
            note = (
                "a quantity measured on the event itself, and the cases that leave are like the rest: the "
                "estimate is for the cases that reach it"
            )
            return Tempered(1, (said, quote(plan, "product.task", note)))
        note = (
            "a quantity measured on the event itself: a case that never reaches it has none, but one that "
            "left because it was extreme has its result elsewhere or beyond what was seen: which left?"
        )
        return Tempered(1, (said, quote(plan, "product.task", note)))
    share = plan.constraints.data.left_early_share
    if not isinstance(share, float | int) or isinstance(share, bool):
        return Tempered(3, (said,))
    found = (
        said,
        quote(
            plan,
            "constraints.data.left_early_share",
            f"{fmt.share(share)} of the cases that enter leave before their outcome: the model learns from "
            f"the other {fmt.share(1 - share)}; score it on the whole entering cohort, with leaving as an "
            "outcome of its own or modelled",
        ),
    )
    return Tempered(2 if share < FEW_LEAVE else 3, found)
