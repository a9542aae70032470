"""How free text names an error: a draft's two errors, the cheap kind by its amount, a top-k share, what a
system lets go unseen; an extraction's values scored by a metric that blends them."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Evidence, Instead, Move, Tempered
from planner.judgement.rules.evidence import items_per_day, quote
from planner.judgement.rules.lexicon import BLENDS_ERRORS, PRECISION_NAMED
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan, TaskType
from planner.plan.spoken import NUMBER_WORDS, alternation, said_count

# A generated draft's two errors: a part left out (the false negative) and a statement its sources do not
# hold (the false positive); `the reviewer misses it` beside one names who lets that statement through.
DRAFT_LEFT_OUT = Lexicon("left out, leaves out, omits, omitted, omission, omissions")
DRAFT_WRONG = Lexicon("""
    states something wrong, says something wrong, states a wrong, gives a wrong, wrong statement
    wrong statements, wrong fact, wrong facts, false statement, false statements, invented, invents, made up
    hallucinated, hallucination, untrue
""")

# A share of the true items found among the first k shown (`top-five accuracy`, `hit rate at 3`, `hits@10`,
# `recall@20`): its miss is the true item left outside the list, a missed case; a wrong candidate acted on
# leaves it unchanged, so it counts no false alarm whatever `accuracy` says. Top-1 is a plain accuracy.
_K = rf"(?:k|\d+|{alternation(NUMBER_WORDS)})"
_TOP_K = re.compile(
    rf"\btop[- ]?(?P<top>{_K})\b(?:[- ](?:accuracy|hit|hits|hit rate|match rate|recall))"
    rf"|\b(?:hits?|hit[- ]?rate|recall|accuracy)\s?(?:@|at)\s?(?P<at>{_K})\b",
    re.IGNORECASE,
)


def top_k_share(name: str | None) -> str | None:
    """The words of `name` saying it is the share of true items found in the first k shown, k above one."""
    match = _TOP_K.search(name or "")
    if match is None:
        return None
    k = (match.group("top") or match.group("at")).lower()
    return match.group(0) if k == "k" or said_count(k) > 1 else None


# An amount of money in free text: £6,800, 38 EUR, $1.2k, 120 GBP.
_AMOUNT = re.compile(
    r"(?:[£$€]\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m)?\b)|(?:\b(\d[\d,]*(?:\.\d+)?)\s?(k|m)?\s?(?:gbp|eur|usd|euros?|pounds?|dollars?)\b)",
    re.IGNORECASE,
)


def _amounts(text: str) -> list[float]:
    values = []
    for match in _AMOUNT.finditer(text):
        digits, scale = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        )
        value = float(digits.replace(",", ""))
        values.append(value * {"k": 1e3, "m": 1e6}.get((scale or "").lower(), 1))
    return values


def named_as_cheap(text: str, words: tuple[str, ...]) -> bool:
    """Whether the words of a kind of error stand only in a clause whose amount is the smallest of two or
    more in the text (`an over-limit bale shipped costs £6,800; a false alarm costs £38`): the text names
    that kind as the cheap error, not the worst."""
    clauses = [clause for clause in re.split(r"[;.]\s+|;|\.$", text) if clause.strip()]
    named = [
        clause for clause in clauses if any(re.search(rf"\b{re.escape(w)}\b", clause, re.I) for w in words)
    ]
    costs = [value for clause in clauses for value in _amounts(clause)]
    named_costs = [value for clause in named for value in _amounts(clause)]
    if not named or len(costs) < 2 or not named_costs:
        return False
    return max(named_costs) < max(costs)


# What a system closes, clears or lets through on its own: its "positives" are the cases nobody looks at
# again, so precision of them (and its false positives) counts the true cases it let go: missed cases.
LETS_GO = Lexicon("""
    auto-closed, auto-close, auto-closes, auto-closure, auto-closures, closed automatically, auto-dismissed
    auto-dismiss, auto-dismissal, auto-dismissals, dismissed automatically, auto-cleared, auto-clear
    auto-resolved, auto-resolve, auto-approved, auto-approve, auto-approval, auto-approvals, auto-accepted
    auto-passed, auto-released, auto-suppressed, suppressed alerts, closed alerts, dismissed alerts
    cleared alerts, closed as benign, marked benign, benign closures, benign calls, closures, dismissals
    quarantined
""")


def let_through(plan: Plan) -> list[str]:
    """The real cases a precision target on what the system closes unseen lets through, a day at the volume
    (all of it, unless the share it handles is said) or per 1,000 closed: the count its floor must bound."""
    for index, metric in enumerate(plan.done.metrics):
        goal = metric.goal()
        if (
            goal is None
            or not 0 < goal < 1
            or not (LETS_GO.find(metric.name) and PRECISION_NAMED.find(metric.name))
        ):
            continue
        at = f'done.metrics[{index}]: "{metric.name}" at {fmt.share(goal)}'
        per_day, share = items_per_day(plan), plan.impact.addressed
        if per_day is None:
            return [
                f"{at}: about {fmt.number(round(1000 * (1 - goal), 1))} real cases let through per 1,000 closed"
            ]
        closed = per_day * (share if share is not None else 1)
        scope = "" if share is not None else ", if it closes them all"
        lost = fmt.number(round(closed * (1 - goal), 1))
        return [
            f"{at}: about {lost} real cases a day let through of {fmt.number(round(closed))} closed{scope}"
        ]
    return []


def _scoring_values(plan: Plan) -> int | None:
    """The done metric an extraction names as its worst error's, where it blends the values it scores
    (accuracy of the fields it names): each value read wrong, the worst among them, is one of its errors."""
    pointer = plan.done.worst_error_metric
    if plan.product.task is not TaskType.extraction or pointer is None:
        return None
    for index, metric in enumerate(plan.done.metrics):
        if metric.name.strip().lower() == pointer.strip().lower() and BLENDS_ERRORS.find(metric.name):
            return index
    return None


def values_scored(plan: Plan, found: Evidence) -> Evidence:
    """The worst error uncounted, but for an extraction scoring the values it is about: only reporting the
    worst kind apart is left, a low note."""
    index = _scoring_values(plan)
    if found is None or index is None:
        return found
    note = "scores each value of the fields the worst error is about: report the missed ones apart"
    return Tempered(1, (*found, quote(plan, f"done.metrics[{index}].name", note)))


VALUES_APART = Instead(
    lambda plan: _scoring_values(plan) is not None,
    Move(
        "Report the worst kind of value apart in the test",
        "The done metric scores the values the worst error is about; report the values missed or read as "
        "their opposite apart, so a rare one lost among the right ones shows",
    ),
    "Report the worst kind of error among the scored values apart (missed values, values read as their "
    "opposite).",
)


# An `error rate` blends both kinds as a done metric, but named as the worst error's own metric it is the
# rate of that error (wrong doses sent, wrong parts picked): the team says which error it counts.
_ERROR_RATE = frozenset({"error rate", "error rates"})


def rate_of_the_worst(pointer: str) -> bool:
    """Whether the worst error's metric is an `error rate` and no other blend: the rate of that error."""
    blends = set(BLENDS_ERRORS.find_all(pointer))
    return bool(blends) and blends <= _ERROR_RATE


_NONE_COUNTS = re.compile(
    r"(none|nothing|no metric|no one|not counted|not measured|not yet)( of them| of these| yet| so far| counts it)?"
)


def none_of_them(text: str) -> bool:
    """`None of them.`, `Not counted yet`, `no metric so far`: the answer names no metric."""
    return _NONE_COUNTS.fullmatch(" ".join(text.lower().replace(".", " ").split())) is not None
