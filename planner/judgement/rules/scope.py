"""What the team's rules decide against what the model must: the rules' stated scope, read from the plan.

Strong rules are a reason to stop only when they decide the model's own outcome. Rules that decide a
neighbouring thing (the fault's type where the model must find its cause, a late payment where it
must predict default) solve another task; their coverage and accuracy say nothing about the model's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planner.judgement.rules.evidence import answer_at, norm, quote
from planner.judgement.rules.words import BOUNDARY, Lexicon, words_of
from planner.plan.model import Plan

# An action that names what the rule decides: the words after it are its prediction.
_LABELS_AS = Lexicon(
    """
    classify as, classifies as, classified as, label as, labels as, labelled as, labeled as, label it
    mark as, marks as, marked as, tag as, tags as, tagged as, flag as, flags as, flagged as, call it
    predict, predicts, predicted, treat as, treats as, record as, records as, set the type to
    """
)

# What a prediction is about: the kind of a thing, its cause, its severity, its timing or its amount.
# (Each a module-level name, so tests/test_lexicon.py checks it against common English words.)
_KIND = Lexicon("type, types, kind, kinds, category, categories, family, families, class, classes")
_CAUSE = Lexicon(
    """
    cause, causes, caused, root cause, root causes, root-cause, reason, reasons, component, components
    part, parts, culprit, faulty component
    """
)
_SEVERITY = Lexicon("severity, priority, priorities, urgency, urgent, criticality")
_TIMING = Lexicon("date, dates, time to, duration, delay, delays, days late, eta, arrival time")
_AMOUNT = Lexicon("amount, amounts, how much, value, cost, costs, price, prices, quantity, quantities")
_ASPECTS = {"type": _KIND, "cause": _CAUSE, "severity": _SEVERITY, "timing": _TIMING, "amount": _AMOUNT}

_STOP = frozenset(
    words_of(
        "a an the as of to is it its this that these those be will would likely possible probably case "
        "cases and or for on in at by with"
    )
)

RULES = Lexicon("rules, rule, rule-based, heuristic, heuristics, the rule set, our rules")


_CLAUSE_ENDS = frozenset((BOUNDARY, "and", "then", "so", "to", "when", "if", "unless"))


def _predicted(action: str) -> str | None:
    """The words after `classify as`, `mark as`, `predicts`... up to the end of the clause."""
    words = words_of(action)
    said = _LABELS_AS.find(action)
    if said is None:
        return None
    verb = said.split(" ")
    for start in range(len(words) - len(verb) + 1):
        if list(words[start : start + len(verb)]) == verb:
            rest = []
            for word in words[start + len(verb) :]:
                if word in _CLAUSE_ENDS:  # `flag as a late payer and call them`: the prediction ends
                    break
                rest.append(word)
            return " ".join(rest) or None
    return None


def stated(plan: Plan) -> Iterator[tuple[str, str]]:
    """Each rule's stated prediction, with where it is said: its `predicts`, or its action's `classify
    as ...`. A routing action (send to review, hold) states no prediction."""
    for index, candidate in enumerate(plan.heuristics.rules):
        if candidate.predicts is not None:
            yield f"heuristics.rules[{index}].predicts", candidate.predicts
            continue
        predicted = _predicted(candidate.action)
        if predicted:
            yield f"heuristics.rules[{index}].action", predicted


def _content(text: str) -> set[str]:
    return {word for word in words_of(text) if word != BOUNDARY and word not in _STOP and not word.isdigit()}


def _names(prediction: str, target: str) -> bool:
    """Whether every content word of `prediction` is in `target` (`frauds` as `fraud`)."""
    said = _content(target)
    said |= {word.removesuffix("s") for word in said}
    return all(word in said or word.removesuffix("s") in said for word in _content(prediction))


def _aspects(text: str | None) -> set[str]:
    return {aspect for aspect, lexicon in _ASPECTS.items() if lexicon.find(text)}


def _about_rules(text: str | None) -> str:
    """The sentences of `text` that speak of the rules."""
    parts = re.split(r"(?<=[.;!?])\s+", text or "")
    return " ".join(part for part in parts if RULES.find(part))


def another_label(plan: Plan) -> str | None:
    """Where the rules' stated scope is another outcome than the model's, quoted with a note: a rule's
    prediction that is none of `product.outcomes` (or, with none listed, not named by the model's output
    or label), or rules said to decide the kind of a thing where the model decides its cause."""
    product = plan.product
    outcomes = {norm(outcome) for outcome in product.outcomes}
    target = " ".join(text for text in (product.output, product.label) if text)
    for path, prediction in stated(plan):
        said = "" if path.endswith(".predicts") else f'decides "{prediction}", '
        if outcomes:
            if norm(prediction) not in outcomes and not Lexicon(product.outcomes).find(prediction):
                return quote(plan, path, f"{said}not one of product.outcomes")
        elif target and not _names(prediction, target):
            return quote(plan, path, f"{said}not what product.output or product.label name")
    wanted = _aspects(target) | _aspects(" ".join(product.outcomes))
    for path in ("product.current_solution", "heuristics.humans_handle"):
        decided = _aspects(_about_rules(answer_at(plan, path)))
        if wanted and decided and not decided & wanted:
            note = f"the rules decide the {', '.join(sorted(decided))}; the model the {', '.join(sorted(wanted))}"
            return quote(plan, path, note)
    return None
