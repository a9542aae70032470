"""How free text names an error: a draft's two errors, a kind named as the cheap one by its amount, a top-k share."""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon
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
