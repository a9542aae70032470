"""The worst error no done metric counts: which kind of error each metric counts (missed cases, false
alarms, the largest errors; or none on its own: a blend, an average, an order) against the worst error's.

Recall counts the missed cases, precision the false alarms; accuracy, F1 and AUC blend both and count
neither on its own; a complaint, dispute or appeal rate counts only the errors people report; an
average error (MAE, RMSE) hides the single largest one; NDCG counts order. The worst error's kind comes from
`impact.costlier_error` (a fact) or from the words of `impact.error_harm` (a guess, asked as a question).
A metric whose name says none of this is taken at its word.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.errorwords import (
    DRAFT_LEFT_OUT,
    DRAFT_WRONG,
    LETS_GO,
    VALUES_APART,
    let_through,
    named_as_cheap,
    none_of_them,
    rate_of_the_worst,
    top_k_share,
    values_scored,
)
from planner.judgement.rules.evidence import quote, says_nothing
from planner.judgement.rules.harm import SERIOUS, effective_severity, serious_harm, severity_quote
from planner.judgement.rules.lexicon import (
    AUDIT,
    AVERAGES_ERRORS,
    BLENDS_ERRORS,
    COST_WEIGHTED,
    COUNTS_COST,
    COUNTS_FALSE_ALARMS,
    COUNTS_MISSES,
    COUNTS_ORDER,
    COUNTS_TAIL,
    FALSE_ALARM_SAID,
    MISS_SAID,
    REPORTED_ERRORS,
    TAIL_SAID,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, ErrorCost, Plan, Severity, TaskType

MISS, FALSE_ALARM, TAIL = "missed cases", "false alarms", "the largest errors"
KINDS = (MISS, FALSE_ALARM, TAIL)

# How to count each kind of error: the guardrail metric, with a threshold of its own.
GUARDRAIL = {
    MISS: "recall (or the miss rate) of that case, with a floor",
    FALSE_ALARM: "precision (or false alarms per day), with a limit",
    TAIL: "the largest errors (95th-percentile or maximum error, error on peak days), with a limit",
}
# An extraction's errors are values, not flags: a value missed or read as its opposite, a value invented.
EXTRACTED = {
    MISS: "recall of the values that matter (each one the document holds, read as it is), with a floor",
    FALSE_ALARM: "precision of the values written (wrong or invented values per hundred documents), with a limit",
}

# A number compared with a limit: the error that hurts is a case called on the wrong side of it.
_ACROSS_LIMIT = (
    "recall and precision on the cases that truly crossed the limit, from calibrated intervals "
    "and the probability of crossing it"
)

_COUNTS: dict[str, Lexicon] = {MISS: COUNTS_MISSES, FALSE_ALARM: COUNTS_FALSE_ALARMS, TAIL: COUNTS_TAIL}
_COUNTS_NONE = (
    (BLENDS_ERRORS, f"blends {MISS} and {FALSE_ALARM} into one figure"),
    (AVERAGES_ERRORS, "an average: one large error hides in it"),
    (COUNTS_ORDER, "counts the order of a list"),
)
_SAID: dict[str, Lexicon] = {MISS: MISS_SAID, FALSE_ALARM: FALSE_ALARM_SAID}
_NUMBERS = (TaskType.regression, TaskType.forecasting)


@dataclass(frozen=True)
class Counted:
    """What a metric's name says it counts: the kinds of error, and a note naming the words."""

    kinds: frozenset[str]
    note: str


def counted(name: str | None) -> Counted | None:
    """The kinds of error the metric `name` counts on its own (none for a blend, an average or an order),
    or None when its name says nothing we know: such a metric is taken at its word. A rate of complaints,
    disputes or appeals counts none: only the errors the people affected notice and report, most of them
    never (unless people audit a sample)."""
    reported = REPORTED_ERRORS.find(name)
    if reported and not AUDIT.find(name):
        return Counted(frozenset(), f"{reported}: counts only the errors people report; most go unreported")
    weighted = COST_WEIGHTED.find(name)
    if weighted:
        return Counted(frozenset(KINDS), f"{weighted}: weighs every error by its cost")
    found = {kind: words for kind, lexicon in _COUNTS.items() if (words := lexicon.find_all(name))}
    top_k = top_k_share(name)
    if top_k and not found:  # the true item outside the first k: a miss, and nothing else
        note = f"{top_k}: counts {MISS} (the true item outside the list), not a wrong candidate acted on"
        return Counted(frozenset({MISS}), note)
    let_go = LETS_GO.find(name)
    if let_go and FALSE_ALARM in found:  # precision of what it closes unseen: wrong ones are misses...
        said = ", ".join(word for words in found.values() for word in words)
        note = (
            f"{said} of what it lets go ({let_go}): each wrong one is a real case let through, counted as a "
            "share of what it closes, not of the real cases"
        )  # ...as a share of the closed, not of the real cases lost: no floor on misses
        return Counted(frozenset(found) - {FALSE_ALARM}, note)
    if found:
        said = ", ".join(word for words in found.values() for word in words)
        return Counted(frozenset(found), f"{said}: counts {' and '.join(found)}")
    for lexicon, what in _COUNTS_NONE:
        word = lexicon.find(name)
        if word:
            return Counted(frozenset(), f"{word}: {what}")
    return None


@dataclass(frozen=True)
class Worst:
    """The worst error's kind, the quote that says it, and the words of free text when only they do."""

    kind: str
    said: str
    words: tuple[str, ...] = ()


# Extraction's two errors: a value left out (a missed field: the false negative) and a value written that
# the document does not hold (a wrong field: the false positive), whatever the words `missed` suggest.
_FIELD_LEFT_OUT = Lexicon("""
    missed field, missed fields, missing field, missing fields, missing value, missing values, missed value
    missed values, missed extraction, missed extractions, left blank, left empty, blank field, blank fields
    empty field, empty fields, not extracted, field not found, fields not found, no value, not filled
""")
_FIELD_WRONG = Lexicon("""
    wrong value, wrong values, wrong field, wrong fields, wrong amount, wrong amounts, wrong date, wrong dates
    wrong figure, wrong figures, wrong number, wrong numbers, wrong code, wrong codes, incorrect value
    incorrect values, incorrect field, incorrect fields, incorrect amount, incorrect amounts, misread
    misreads, misreading, misreadings, mis-extracted, wrongly extracted, extracted wrongly, extracted wrong
    wrong extraction, wrong extractions, mis-keyed, miskeyed
""")
_FIELD_SAID: dict[str, Lexicon] = {MISS: _FIELD_LEFT_OUT, FALSE_ALARM: _FIELD_WRONG}
_OWN_WORDS = {
    TaskType.extraction: _FIELD_SAID,
    TaskType.generation: {MISS: DRAFT_LEFT_OUT, FALSE_ALARM: DRAFT_WRONG},
}


def kind_in_text(text: str | None, task: TaskType | None) -> tuple[str, tuple[str, ...]] | None:
    """The one kind of error the text describes, and its words (none when it describes both)."""
    said = {kind: words for kind, lexicon in _SAID.items() if (words := lexicon.find_all(text))}
    if task in _OWN_WORDS:
        for kind, lexicon in _OWN_WORDS[task].items():
            if words := lexicon.find_all(text):
                said[kind] = tuple(dict.fromkeys((*said.get(kind, ()), *words)))
    if task in _NUMBERS:
        words = TAIL_SAID.find_all(text)
        said = {TAIL: words} if words else {}
    return next(iter(said.items())) if len(said) == 1 else None


def worst_errors(plan: Plan) -> list[Worst]:
    """The worst error as the answers state it: structured first (the costlier error; for a number, a
    serious or severe error), then the one kind the words of `impact.error_harm` describe."""
    impact, task = plan.impact, plan.product.task
    found = []
    if task in _NUMBERS:
        if serious_harm(plan):
            found.append(Worst(TAIL, severity_quote(plan, "one large error hurts")))
    elif impact.costlier_error is ErrorCost.false_negative:
        missed = "a value missed or read as its opposite" if task is TaskType.extraction else "a missed case"
        found.append(Worst(MISS, quote(plan, "impact.costlier_error", f"the costlier error is {missed}")))
    elif impact.costlier_error is ErrorCost.false_positive:
        wrong = (
            "a value written the document does not say" if task is TaskType.extraction else "a false alarm"
        )
        found.append(
            Worst(FALSE_ALARM, quote(plan, "impact.costlier_error", f"the costlier error is {wrong}"))
        )
    text = kind_in_text(impact.error_harm, task)
    if text and impact.error_harm and named_as_cheap(impact.error_harm, text[1]):
        text = None  # the harm text names that kind as the cheap error: the other one costs more
    if text and all(worst.kind != text[0] for worst in found):
        kind, words = text
        note = f"the worst error is {kind}: {', '.join(words)}"
        if found:
            note += f"; yet {found[0].said.split(' (')[0]}"
        found.append(Worst(kind, quote(plan, "impact.error_harm", note), words))
    return found


def uncounted_kind(plan: Plan) -> Evidence:
    """The worst error's kind that no done metric counts, with each metric and what it counts: a fact
    when the structured answers state the kind (high when serious or severe), a question when only the
    words of `impact.error_harm` do."""
    readings = [(index, counted(metric.name)) for index, metric in enumerate(plan.done.metrics)]
    pointer = plan.done.worst_error_metric
    pointed = (
        None if pointer is None or says_nothing(pointer) or rate_of_the_worst(pointer) else counted(pointer)
    )
    if not readings and pointed is None:
        return None
    side = (
        COSTLY_SIDE.get(plan.impact.costlier_error or ErrorCost.similar)
        if plan.product.task in _NUMBERS
        else None
    )
    for worst in worst_errors(plan):
        if any(reading is not None and worst.kind in reading.kinds for _, reading in readings):
            continue
        if worst.kind == TAIL and side is not None and (pointed is not None and side in pointed.kinds):
            continue  # the number's costly side, counted as the cases it fell short on: the worst error
        if pointer is not None and not says_nothing(pointer):
            if pointed is None or worst.kind in pointed.kinds:
                continue  # the team names the metric its own way, or it counts this kind: at its word
        elif any(reading is None for _, reading in readings):
            continue  # a metric whose name we cannot read may count it
        return _evidence(plan, worst, readings, pointed)
    return None


# A number whose costlier side is answered: a count of the cases it fell short on (too low) or overshot
# (too high) across the decision's limit counts that side's errors, one by one, not an average.
COSTLY_SIDE = {ErrorCost.too_low: MISS, ErrorCost.too_high: FALSE_ALARM}


def _evidence(
    plan: Plan, worst: Worst, readings: list[tuple[int, Counted | None]], pointed: Counted | None
) -> Evidence:
    extracts = plan.product.task is TaskType.extraction
    guardrail = (EXTRACTED if extracts else GUARDRAIL).get(worst.kind, GUARDRAIL[worst.kind])
    if worst.kind == TAIL and plan.product.action_shape is ActionShape.threshold:
        guardrail = _ACROSS_LIMIT  # the number is compared with a limit: the wrong-side calls hurt
    found = [f"{worst.said[:-1]}; add a guardrail: {guardrail})"]
    for index, reading in readings:
        if reading is not None:
            found.append(quote(plan, f"done.metrics[{index}].name", f"{reading.note}; not {worst.kind}"))
    if pointed is not None:
        found.append(quote(plan, "done.worst_error_metric", f"{pointed.note}; not {worst.kind}"))
    if worst.kind == MISS:
        found += let_through(plan)
    if worst.words:
        return Hint(worst.words, found)
    severity = effective_severity(plan)
    if worst.kind == TAIL:  # a serious error of a number: the tail is worth a decision, severe a stop
        return tuple(found) if severity is Severity.severe else Tempered(3, found)
    if severity in SERIOUS:
        return (*found, severity_quote(plan))
    return Tempered(1 if severity is Severity.minor else 3, found)


@rule(
    "worst-error-uncounted",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Add a guardrail metric that counts the worst error",
        "A target can be met while the error that hurts most goes uncounted (accuracy, F1 and AUC blend "
        "misses with false alarms; an average hides the largest error): give it a metric and a threshold "
        "of its own, on cases checked by people who know the harm",
        "warning",
        first=True,
    ),
    ask="does any done metric count the worst error the text describes?",
    instead=(VALUES_APART,),
    fires=(
        Case(  # a top-k hit rate counts the true item left out, not the wrong candidate the team dreads
            {
                "product.task": "matching",
                "product.action_shape": "choose_among",
                "done.metrics[0].name": "Hit rate at 3 (the patient's own record among the three shown)",
                "done.worst_error_metric": "Hit rate at 3",
                "impact.costlier_error": "false_positive",
                "impact.error_severity": "serious",
            },
            also=frozenset({"wrong-links-uncounted"}),  # the false links counted nowhere: asked there too
        ),
        Case(
            {"done.worst_error_metric": "none", "impact.error_severity": "serious"},
            evidence=(
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..." '
                "(the worst error)",
                'done.worst_error_metric: "none" (no done metric counts it)',
                'impact.error_severity: "serious"',
            ),
            also=frozenset({"no-flag-read-as-cleared"}),  # the sound plan's clerks read every invoice today
        ),
        Case(  # a moderate harm: medium
            {"done.worst_error_metric": "Not counted yet."},
            evidence=(
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..." '
                "(the worst error)",
                'done.worst_error_metric: "Not counted yet." (no done metric counts it)',
            ),
        ),
        Case(  # missed duplicates cost more, and the metric the team names blends them with false alarms
            {
                "done.metrics[0].name": "F1 of duplicate pairs",
                "done.worst_error_metric": "F1 of duplicate pairs",
                "impact.error_severity": "serious",
            },
            evidence=(
                'impact.costlier_error: "false_negative" (the costlier error is a missed case; add a '
                "guardrail: recall (or the miss rate) of that case, with a floor)",
                'done.metrics[0].name: "F1 of duplicate pairs" (f1: blends missed cases and false alarms into '
                "one figure; not missed cases)",
                'done.worst_error_metric: "F1 of duplicate pairs" (f1: blends missed cases and false alarms '
                "into one figure; not missed cases)",
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # a detector's mAP, named as the worst error's metric, blends missed boxes with false ones
            {
                "done.metrics[0].name": "mAP@0.5 of duplicate regions",
                "done.worst_error_metric": "mAP@0.5 of duplicate regions",
                "impact.error_severity": "serious",
            },
            evidence=(
                'impact.costlier_error: "false_negative" (the costlier error is a missed case; add a '
                "guardrail: recall (or the miss rate) of that case, with a floor)",
                'done.metrics[0].name: "mAP@0.5 of duplicate regions" (map 0.5: blends missed cases and '
                "false alarms into one figure; not missed cases)",
                'done.worst_error_metric: "mAP@0.5 of duplicate regions" (map 0.5: blends missed cases and '
                "false alarms into one figure; not missed cases)",
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # the worst error's metric counts only the errors suppliers dispute: most go unreported
            {
                "done.metrics[0].name": "F1 of duplicate pairs",
                "done.worst_error_metric": "Supplier dispute rate after launch",
                "impact.error_severity": "serious",
            },
            evidence=(
                'impact.costlier_error: "false_negative" (the costlier error is a missed case; add a '
                "guardrail: recall (or the miss rate) of that case, with a floor)",
                'done.metrics[0].name: "F1 of duplicate pairs" (f1: blends missed cases and false alarms into '
                "one figure; not missed cases)",
                'done.worst_error_metric: "Supplier dispute rate after launch" (dispute rate: counts only the '
                "errors people report; most go unreported; not missed cases)",
                'impact.error_severity: "serious"',
            ),
        ),
        Case(  # the text describes a false alarm, the only metric counts misses: a question
            {
                "done.metrics[0].name": "Recall of duplicates",
                "done.worst_error_metric": "Recall of duplicates",
                "impact.costlier_error": "similar",
                "impact.error_harm": "A wrongly held invoice delays a small supplier's pay by a week.",
            },
            evidence=(
                'impact.error_harm: "A wrongly held invoice delays a small supplier\'s pay by a week." (the '
                "worst error is false alarms: wrongly held; add a guardrail: precision (or false alarms per "
                "day), with a limit)",
                'done.metrics[0].name: "Recall of duplicates" (recall: counts missed cases; not false alarms)',
                'done.worst_error_metric: "Recall of duplicates" (recall: counts missed cases; not false '
                "alarms)",
            ),
        ),
        Case(  # the costly side is too high, the metric counts shortfalls: the largest errors go uncounted
            {
                "product.task": "forecasting",
                "product.output": "Beds needed per ward each night, a week ahead.",
                "done.metrics[0].name": "Mean absolute error in beds",
                "done.worst_error_metric": "Missed bed shortfalls per ward and month",
                "impact.costlier_error": "too_high",
                "impact.error_severity": "serious",
            },
            also=frozenset({"amount-error-weighed-alike"}),
        ),
        Case(  # doses read off prescriptions, scored on accuracy of the dose field: each wrong dose counted, low
            {
                "product.task": "extraction",
                "done.metrics[0].name": "Accuracy of the dose and drug fields",
                "done.worst_error_metric": "Accuracy of the dose and drug fields",
                "impact.error_severity": "severe",
            },
        ),
        Case(  # the worst error's metric is no done metric: nothing is held to a target
            {
                "product.task": "extraction",
                "done.metrics[0].name": "Accuracy of all fields",
                "done.worst_error_metric": "Accuracy of the dose fields",
                "impact.error_severity": "severe",
            },
        ),
    ),
    quiet=(
        Case(  # a share of true matches found in the first five shown: its error is the miss the team dreads
            {
                "product.task": "matching",
                "product.action_shape": "choose_among",
                "done.metrics[0].name": "Top-5 accuracy (the owner's record among the five candidates shown)",
                "done.worst_error_metric": "Top-5 accuracy",
                "impact.costlier_error": "false_negative",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # the harm text names a false alarm as the cheap error (£20 against £4,000): misses are worst
            {
                "done.metrics[0].name": "Recall of duplicates",
                "done.worst_error_metric": "Recall of duplicates",
                "impact.costlier_error": "false_negative",
                "impact.error_harm": "A duplicate paid twice costs £4,000 on average; a false alarm costs £20.",
            }
        ),
        Case(  # a forecast's costly side (too low) counted as the nights it fell short: the worst error
            {
                "product.task": "forecasting",
                "product.output": "Beds needed per ward each night, a week ahead.",
                "done.metrics[0].name": "Mean absolute error in beds",
                "done.worst_error_metric": "Missed bed shortfalls per ward and month",
                "impact.costlier_error": "too_low",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # minor errors, alike both ways: no worst error to guard
            {
                "done.worst_error_metric": "none",
                "impact.error_severity": "minor",
                "impact.costlier_error": "similar",
            }
        ),
        Case({"done.worst_error_metric": "Not the primary one: recall of duplicates over 10,000 EUR."}),
        Case(  # disputes read on an audited sample: people check for the errors nobody reported
            {
                "done.metrics[0].name": "F1 of duplicate pairs",
                "done.worst_error_metric": "Missed duplicates per month in an audited sample, beside disputes",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # the team counts the worst error in its own words: taken at its word
            {
                "done.metrics[0].name": "AUC of duplicate pairs",
                "done.worst_error_metric": "Duplicates paid twice per month",
                "impact.error_severity": "serious",
            }
        ),
        Case(  # a metric whose name says nothing known may count it
            {
                "done.metrics": [{"name": "AUC"}, {"name": "Duplicates paid twice per month"}],
                "done.worst_error_metric": None,
            }
        ),
        Case(  # the sound plan's harm names both errors: the words tell no kind
            {"done.metrics[0].name": "Recall of duplicates", "done.worst_error_metric": None}
        ),
    ),
)
def worst_error_uncounted(plan: Plan) -> Evidence:
    """No done metric counts the worst error.

    The team named the error that hurts most, yet none of the done metrics counts it: recall counts
    missed cases, precision false alarms, accuracy, F1 and AUC blend both, an average (MAE, RMSE) hides
    the largest single error. The model can reach every target while making that error as often as
    before, or more.

    Mitigation: Add a guardrail metric on that kind of error with its own threshold (recall of the cases
    that must not be missed, precision or false alarms per day, the 95th-percentile error), measured on
    cases checked by people who know the harm.
    """
    impact = plan.impact
    alike = effective_severity(plan) is Severity.minor and impact.costlier_error is ErrorCost.similar
    said = plan.done.worst_error_metric
    if said is None or not (says_nothing(said) or none_of_them(said)):
        kind = _counted_in_cost(plan, uncounted_kind(plan))
        # Minor errors, alike both ways: neither a miss nor a false alarm is worse than the other; an
        # average may still hide the largest errors of a number, worth a low note.
        if alike and kind is not None:
            return Tempered(1, kind) if any(worst.kind == TAIL for worst in worst_errors(plan)) else None
        return values_scored(plan, kind)
    if alike:
        return None  # minor errors, alike both ways: no error is worse than the rest to guard
    found = []
    if plan.impact.error_harm:
        found.append(quote(plan, "impact.error_harm", "the worst error"))
    found.append(quote(plan, "done.worst_error_metric", "no done metric counts it"))
    if serious_harm(plan):
        return (*found, severity_quote(plan))
    return _counted_in_cost(plan, Tempered(3, found))


def _counted_in_cost(plan: Plan, found: Evidence) -> Evidence:
    """A worst error that is not serious, where a done metric counts what errors cost in other units
    (idle hours, overtime, money): that metric counts its harm, so a guardrail is at most a low
    suggestion."""
    if found is None or serious_harm(plan):
        return found
    for index, metric in enumerate(plan.done.metrics):
        words = COUNTS_COST.find_all(metric.name)
        if words:
            note = f"counts what errors cost in {', '.join(words)}: is a guardrail of its own needed?"
            return Tempered(1, (*found, quote(plan, f"done.metrics[{index}].name", note)))
    return found
