"""How long a live trial runs and what share of the traffic it gets, read from the plan's words."""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import NUMBERS, SPAN, days_of, value_of
from planner.judgement.rules.units import counted_items
from planner.judgement.rules.words import SENTENCE
from planner.plan.model import OnlineValidation, Plan

_TRIAL = (
    r"(?:pilot|canary|shadow(?:\s+run|\s+mode)?|trial|holdout|hold-out|a/b test|parallel run|beta|soft launch"
    r"|test(?!\s+(?:set|sets|data|split|splits|window|fold|folds|cases|items|period|rows)\b))"
)
_SPAN_DAYS = rf"{SPAN.replace('(hour|day|week|month)', '(day|week|month)')}"
# Words between a span and the trial that make the span something else: `4 weeks after the canary`.
_NOT_LENGTH = r"(?:after|before|until|till|since|from|into|past|ahead|later|earlier|prior|of|to|ahead)"
# `an 8-week pilot`, `a six-month canary in two districts`, `pilot for 4 weeks`, `shadow run of 10 days`.
_LENGTH = re.compile(
    rf"\b{_SPAN_DAYS}[\s-]+(?:(?!{_NOT_LENGTH}\b)[a-z/-]+\s+){{0,2}}?{_TRIAL}\b"
    rf"|\b{_TRIAL}\b[^.;]{{0,40}}?\b(?:for|of|over|lasting|during)\s+(?:the\s+first\s+|about\s+)?{_SPAN_DAYS}\b",
    re.IGNORECASE,
)
# The share of traffic the trial gets: `at 5%`, `to 10% of traffic`, `5% of calls`.
_PERCENT = re.compile(
    r"(?:\b(?:at|to|on|for|with)\s+|\b)(\d+(?:\.\d+)?)\s*%(?!\s*(?:fewer|more|less|lower|higher|better|"
    r"worse|reduction|improvement|lift|increase|drop|drops|rise|of the time))(\s+of\s+(?:the\s+|our\s+|all\s+)?[a-z]+)?",
    re.IGNORECASE,
)
_WORD = "|".join(sorted(NUMBERS, key=len, reverse=True))
# `two of our six districts`, `3 of the 12 depots`: a part of the whole, as a share.
_PART = re.compile(rf"\b(\d+|{_WORD})\s+of\s+(?:our|the|its|their)\s+(\d+|{_WORD})\s+[a-z]+", re.IGNORECASE)
# The validations that run the model live: a trial said in words is read only with one of these (or none).
LIVE_TRIALS = (
    OnlineValidation.canary,
    OnlineValidation.holdout,
    OnlineValidation.a_b_test,
    OnlineValidation.shadow,
    OnlineValidation.before_after,
)


def trial_texts(plan: Plan) -> list[tuple[str, str]]:
    """The answers that describe the live trial, with their paths: the done criteria and the test sets."""
    done = plan.done
    texts = [("done.when_met", done.when_met), ("done.eval_set", done.eval_set)]
    for index, metric in enumerate(done.metrics):
        texts.append((f"done.metrics[{index}].dataset", metric.dataset))
    return [(path, text) for path, text in texts if text]


# `with 10 volunteer surveyors`, read against `our 140 field surveyors` said elsewhere.
_COUNTED = re.compile(r"\b(\d[\d,]*)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,}s)\b", re.IGNORECASE)


def _of_all(sentence: str, whole: str) -> tuple[float, str] | None:
    """A count of people or sites in the trial, as a share of the same noun counted in `whole`."""
    for part in _COUNTED.finditer(sentence):
        noun = part.group(2).lower()
        for other in _COUNTED.finditer(whole):
            total, of = float(other.group(1).replace(",", "")), float(part.group(1).replace(",", ""))
            if other.group(2).lower() == noun and 0 < of < total:
                return of / total, f"{part.group(0)} of {other.group(0)}"
    return None


def _share(sentence: str, counted_in: str = "") -> tuple[float, str] | None:
    """The share of traffic a trial sentence gives it, with its words: (0.05, `5%`), (1/3, `two of our
    six districts`), (1/14, `10 volunteer surveyors` of `140 field surveyors` said in `counted_in`)."""
    if counted_in and (counted := _of_all(sentence, counted_in)):
        return counted
    part = _PART.search(sentence)
    if part:
        of, whole = value_of(part.group(1)), value_of(part.group(2))
        if 0 < of < whole:
            return of / whole, part.group(0)
    percent = _PERCENT.search(sentence)
    if percent:
        value = float(percent.group(1)) / 100
        if 0 < value < 1:
            return value, f"{percent.group(1)}%{percent.group(2) or ' of the traffic'}"
    return None


def pilot_length(
    plan: Plan,
) -> tuple[str, str, float, tuple[float, str] | None, tuple[float, str] | None] | None:
    """The first live trial the plan sizes in days: (path, its words, days, the share of traffic, the
    count of cases it says it covers)."""
    for path, text in trial_texts(plan):
        for sentence in SENTENCE.split(text):
            found = _LENGTH.search(sentence)
            if found:
                return (
                    path,
                    found.group(0),
                    days_of(found.group(0))[1],
                    _share(sentence, plan.product.users or ""),
                    counted_items(sentence),
                )
    return None
