"""Positives picked because a reading crossed a limit, where the model reads that same reading.

A class found by a rule on a value (a case flagged when its vibration exceeded 7 mm/s, a claim referred
when its score was above 0.8, a part rejected when its diameter was out of tolerance) is that rule's
output. A model that reads the same value learns the rule back and scores near perfectly, on the test
set too, since its positives were picked the same way; it finds nothing the rule did not, and misses
what the rule misses. A lead asks how each positive was found, and whether the model reads that value.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.words import BOUNDARY, SENTENCE, Lexicon, words_of
from planner.plan.model import Category, Plan

# Words that say a case was picked into the class: flagged, referred, rejected, an alarm raised.
PICKED = Lexicon("""
    flagged, flag, flags, flagging, alarm, alarms, alarmed, alert, alerts, alerted, triggered, trigger
    triggers, tripped, trips, selected, picked, referred, marked, tagged, labelled, labeled, counted as
    defined as, classed as, classified as, treated as, taken as, escalated, rejected, failed, positive
    positives, sent for review, sent for inspection, pulled
""")
# Single words after which (or before which) the value that crossed the limit is named.
_CROSSING = frozenset(
    words_of("""
    exceeded exceeds exceed exceeding above over crossed crosses cross crossing breached breaches breach
    beyond topped tops surpassed outside than below beneath
""")
)
_HIGH = frozenset(words_of("high low elevated abnormal excessive excess raised"))
_WINDOW = 4  # words before a crossing word (or after "high") where the value is named

# Words that name no value: the limit itself, the quantity's kind, or the case.
_NO_VALUE = frozenset(
    words_of("""
        reading readings value values level levels threshold thresholds limit limits measure measured
        measurement measurements recorded their there these those which where about other after before
        while daily weekly monthly hourly cases items records every customer customers people staff
        when with that this each from into then were been have case item site unit more less them what
    """)
)

# A sentence whose class is a later crossing (a forecast of it), or whose positives were confirmed apart.
CONFIRMED_OR_LATER = Lexicon("""
    within, next, following, later, ahead, in advance, before it, confirmed, confirmed by, verified
    inspected, checked by, tested, lab test, lab-confirmed, biopsy, excavated, dug up, on inspection
    inspection, inspections, site check, site visit, followed up, follow-up, check that found
""")
# Words that say a machine's rule or alarm picked the case: the probe asks which value it read.
RAISED = Lexicon("""
    flagged, alarm, alarms, alarmed, alert, alerts, alerted, triggered, tripped, rule fired, rules fired
    caught by the rule, caught by a rule, flagged by the rule, flagged by a rule
""")


def values_crossed(sentence: str) -> tuple[str, ...]:
    """The words naming a value said to cross a limit in `sentence`: a few words before `exceeded`,
    `above`, `over` (or after `high`), of four letters or more and naming no mere limit or case."""
    tokens = words_of(sentence)
    found: list[str] = []
    for index, token in enumerate(tokens):
        if token in _CROSSING:
            span = tokens[max(0, index - _WINDOW) : index]
        elif token in _HIGH:
            span = tokens[index + 1 : index + 1 + _WINDOW]
        else:
            continue
        if BOUNDARY in span:  # the value is named in the same clause
            span = span[span.index(BOUNDARY) + 1 :] if token in _CROSSING else span[: span.index(BOUNDARY)]
        found += [word for word in span if len(word) >= 4 and word not in _NO_VALUE and word not in _CROSSING]
    return tuple(dict.fromkeys(found))


def picked_by_input(plan: Plan) -> tuple[str, str, tuple[str, ...], tuple[str, ...]] | None:
    """The answer saying positives were picked by a value crossing a limit, the picking words and the
    value's words the inputs also name: (path, sentence, picked, shared); None where none does."""
    inputs = set(words_of(plan.product.inputs or ""))
    if not inputs:
        return None
    for path in ("product.label", *source_paths(plan)):
        for sentence in SENTENCE.split(answer_at(plan, path) or ""):
            picked = PICKED.find_all(sentence)
            if not picked or CONFIRMED_OR_LATER.find(sentence):
                continue
            shared = tuple(word for word in values_crossed(sentence) if word in inputs)
            if shared:
                return path, sentence, picked, shared
    return None


@rule(
    "label-picked-by-an-input",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Find the positives another way than the value the model reads",
        "Positives picked because a reading crossed a limit are that rule's output: a model reading the same "
        "value learns the rule back and a test picked the same way flatters it; find positives by a check or "
        "an outcome on cases drawn at random, or leave that value out, and keep the rule as the baseline",
        "warning",
    ),
    ask="were the positives picked because a value crossed a limit, a value the model also reads?",
    fires=(
        Case(
            {
                "product.label": "Leak: pipes flagged when night flow exceeded 3 litres a second.",
                "product.inputs": "Night flow, pressure, pipe age and material.",
            },
            evidence=(
                'product.label: "Leak: pipes flagged when night flow exceeded 3 litres a second." (picked by '
                "a value crossing a limit: flagged; night, flow; does the model read the value that picked them?)",
                'product.inputs: "Night flow, pressure, pipe age and material." (the model reads night, flow: it can '
                "learn the rule that picked the positives back)",
            ),
        ),
        Case(  # a high score, an input, referred the cases
            {
                "product.label": "Claims referred to the fraud team for a high risk score.",
                "product.inputs": "Claim amount, claimant history and the vendor's risk score.",
            },
        ),
    ),
    quiet=(
        Case(  # the value that flagged them is not an input
            {
                "product.label": "Leak: pipes flagged when night flow exceeded 3 litres a second.",
                "product.inputs": "Pressure, pipe age, material and soil type.",
            }
        ),
        Case(  # each flagged pipe confirmed by a crew
            {
                "product.label": "Leak: pipes flagged when night flow exceeded 3 litres a second, confirmed "
                "by a crew on site.",
                "product.inputs": "Night flow, pressure, pipe age and material.",
            }
        ),
        Case(  # a forecast of a later crossing
            {
                "product.label": "Pump flagged when vibration exceeds 7 mm/s within the next 14 days.",
                "product.inputs": "Hourly vibration, temperature and run hours.",
            }
        ),
        Case(  # no case is picked: a measured amount
            {
                "product.label": "Night flow above the district's usual level, in litres a second.",
                "product.inputs": "Night flow, pressure, pipe age and material.",
            }
        ),
    ),
)
def label_picked_by_an_input(plan: Plan) -> Evidence:
    """Positives were picked because a value crossed a limit, and the model reads that value.

    A class found by a rule on a reading (flagged when the flow exceeded a limit, referred for a high
    score) is the rule's output: a model that reads the same reading learns the rule back, scores near
    perfectly on a test picked the same way, and finds nothing the rule did not.

    Mitigation: Find positives independently (a check or an outcome on cases drawn at random), or leave
    that value out of the inputs; keep the rule itself as the baseline to beat.
    """
    found = picked_by_input(plan)
    if found is None:
        return None
    path, _, picked, shared = found
    value = ", ".join(shared)
    return Hint(
        (*picked, *shared),
        (
            quote(
                plan,
                path,
                f"picked by a value crossing a limit: {', '.join(picked)}; {value}; does the model read the value "
                "that picked them?",
            ),
            quote(
                plan,
                "product.inputs",
                f"the model reads {value}: it can learn the rule that picked the positives back",
            ),
        ),
    )
