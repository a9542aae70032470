"""The easy slice first: a share of the work that is easy or plainly out of scope, shipped before the model."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import EASY_SLICE, Case, Evidence, Instead, Move, rule
from planner.judgement.rules.evidence import (
    items_per_month,
    per_month,
    quote,
    ticked,
    volume_unit,
)
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.lexicon import SLICE_SET_ASIDE
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Audience, Category, Circumstance, ErrorCost, Plan, Severity, TaskType

# Words saying the slice is picked by the model's own score, or is what the model acts on alone: a slice
# only known once the model runs, and the part whose errors go through unchecked, not a safe first step.
SLICE_BY_SCORE = Lexicon("""
    model is confident, model is sure, model is certain, model is most confident, confident predictions
    high-confidence, high confidence, highest confidence, confidence above, confidence score, confidence scores
    score above, scores above, scored above, model's score, model score, model scores, predicted probability
    probability above, above the threshold, above the cut-off, above the cutoff, above a threshold
    auto-merge, auto-merged, auto-merges, auto-approve, auto-approved, auto-approves, auto-accept
    auto-accepted, auto-close, auto-closed, merged automatically, approved automatically
    accepted automatically, closed automatically
""")

# Nouns naming the answers a model gives: a slice that names them ("the two common grades") is known only
# once the label is, where the model's output or label is named by the same noun.
_ANSWER_NOUNS = Lexicon("""
    grade, grades, class, classes, category, categories, verdict, verdicts, diagnosis, diagnoses
""")
_ONE = {
    "grades": "grade",
    "classes": "class",
    "categories": "category",
    "verdicts": "verdict",
    "diagnoses": "diagnosis",
}


def _answer_nouns(text: str | None) -> set[str]:
    """The nouns naming a model's answers in `text`, each in the singular."""
    return {_ONE.get(word, word) for word in _ANSWER_NOUNS.find_all(text)}


def slice_by_answer(plan: Plan) -> bool:
    """Whether the easy slice is named by the answers the model gives (its grades, classes, categories), the
    same noun naming the model's output or label: recognised only once the label is known, not from the
    inputs before it, so there is nothing to route to a first release."""
    named = _answer_nouns(plan.impact.easy_slice)
    return bool(named & _answer_nouns(f"{plan.product.output or ''} {plan.product.label or ''}"))


# Words saying the slice holds nothing to act on (empty clips, blank pages): taken alone it is set aside,
# and setting aside an empty input sends nothing to anyone; a real item called empty is the model's miss.
HOLDS_NOTHING = Lexicon("""
    empty, blank, nothing in frame, nothing in shot, no animal, no animals, no one in frame, nobody in frame
    no fish, no vehicle, no vehicles, silence, silent, dead air, static only, noise only, no speech
""")


def slice_reaches_outsiders(plan: Plan) -> bool:
    """Whether the easy slice, taken without people, would send its outputs to people outside (the audience
    answer, for generated text or an output others use) and the plan does not rate an error minor: easy to
    produce is not safe to act on (a reply to a glowing review is easy to write; posting it unread is not)."""
    if HOLDS_NOTHING.find(plan.impact.easy_slice):
        return False  # empty inputs set aside: nothing goes out from the slice
    outside = plan.product.audience in (Audience.outsiders, Audience.both)
    sent = plan.product.task is TaskType.generation or ticked(plan, Circumstance.others_use_output)
    return outside and bool(sent) and effective_severity(plan) is not Severity.minor


_SAFE_TO_ACT = Instead(
    slice_reaches_outsiders,
    Move(
        "Ask whether the easy slice is also safe to act on",
        "A slice that is easy to produce still reaches people outside once it is taken without people, and "
        "the plan does not call its errors minor: ship it first only if an error there is low-harm, or keep a "
        "person on it and take first a slice that is both easy and safe",
        "info",
    ),
    "Check that an error on the easy slice is low-harm before taking it without people; otherwise keep a "
    "person on it and ship first a slice that is easy and safe to act on.",
    "Is the easy slice also safe to act on without people?",
)


# Words saying the slice is the cases answered "nothing to act on": no match, not ours, unaffected.
NOTHING_TO_ACT_ON = Lexicon("""
    no match, no matches, no matching, unmatched, not matched, don't hold, do not hold, don't stock
    do not stock, don't sell, do not sell, don't supply, do not supply, not ours, not affected, unaffected
    not relevant, irrelevant, no action, no action needed, nothing to do, nothing found, nothing to report
    all clear, negative, negatives, no finding, no findings
""")


def slice_holds_the_misses(plan: Plan) -> bool:
    """Whether the easy slice is the cases answered 'nothing to act on' (no match, empty, unaffected) while
    the plan names a miss as the costlier error: taken without people, every miss in it goes through
    unseen, so the easy slice is where the costly error hides, not a safe first release."""
    if plan.impact.costlier_error is not ErrorCost.false_negative:
        return False
    text = plan.impact.easy_slice
    return bool(NOTHING_TO_ACT_ON.find(text) or HOLDS_NOTHING.find(text))


_MISSES_HIDE = Instead(
    slice_holds_the_misses,
    Move(
        "Keep people on the easy slice: a miss there is the costly error",
        "The easy slice is the cases answered 'nothing to act on', and the plan names a miss as the costlier "
        "error: closed without people, every miss in it goes through unseen; keep a person on it (or check "
        "a sample of it every week) and ship first a slice whose errors are the cheap kind",
        "warning",
    ),
    "Keep a person on the 'nothing to act on' slice, or check a sample of it, until its misses are counted; "
    "ship first a slice whose errors are the cheap kind.",
    "Is the easy slice where the costly misses would hide?",
)


@rule(
    "easy-slice-first",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Ship the easy slice first",
        "A slice that is easy or plainly out of scope can be taken safely with little modelling; ship "
        "it, measure it, and aim the model at the hard remainder afterwards",
        "info",
    ),
    instead=(_MISSES_HIDE, _SAFE_TO_ACT),
    fires=(
        Case(
            {"impact.easy_share": 0.5, "impact.easy_slice": "Credit notes and zero-amount invoices"},
            evidence=(
                "impact.easy_share: 0.5 (6,000 of 12,000 items a month, easy or out of scope)",
                'impact.easy_slice: "Credit notes and zero-amount invoices"',
                "impact.share_addressed: 0.6 (the first model aims at 60%, hard cases included)",
            ),
            also=frozenset({"easy-slice-lifts-the-score"}),
        ),
        Case(  # a volume in tonnes is not called items
            {
                "impact.easy_share": 0.5,
                "impact.bottleneck": "Graders sort the tonnes of scrap at the gate",
                "impact.value_unit": "EUR per tonne",
            },
            evidence=(
                "impact.easy_share: 0.5 (6,000 of 12,000 tonnes a month, easy or out of scope)",
                "impact.share_addressed: 0.6 (the first model aims at 60%, hard cases included)",
            ),
            also=frozenset({"easy-slice-lifts-the-score"}),
        ),
        Case(  # the slice is the cases answered "nothing to act on", and a miss costs more: keep people on it
            {
                "impact.easy_share": 0.5,
                "impact.easy_slice": "Recipes whose ingredients have no match on the allergen list",
                "impact.costlier_error": "false_negative",
            },
            evidence=(
                "impact.easy_share: 0.5 (6,000 of 12,000 items a month, easy or out of scope)",
                'impact.easy_slice: "Recipes whose ingredients have no match on the allergen list"',
                'impact.costlier_error: "false_negative" (a miss is the costlier error, and the slice is the '
                "cases answered 'nothing to act on')",
                "impact.share_addressed: 0.6 (the first model aims at 60%, hard cases included)",
            ),
            also=frozenset({"easy-slice-lifts-the-score"}),
        ),
    ),
    quiet=(
        Case({"impact.easy_share": 0.5, "impact.share_addressed": 0.5}),  # the first model is the slice
        Case({"impact.easy_share": 0.3}),  # the rules already take 40%
        Case({"impact.easy_share": 0.05, "heuristics.coverage": None}),
        Case(  # the slice is the cases the model itself is sure of: only known once it runs, and unchecked
            {
                "impact.easy_share": 0.5,
                "impact.easy_slice": "Look-alike pairs where the model is confident, merged without a review",
            }
        ),
        Case(  # the slice is two of the grades the model gives: known only once each item is graded
            {
                "impact.easy_share": 0.5,
                "impact.easy_slice": "The two commonest grades, A and B eggs.",
                "product.output": "The grade of each egg.",
            }
        ),
        Case(  # the slice is what the model is switched off for: nothing to ship first
            {
                "impact.easy_share": 0.5,
                "impact.easy_slice": "Credit notes, which stay manual: the model is switched off for them",
            }
        ),
    ),
)
def easy_slice_first(plan: Plan) -> Evidence:
    """An easy slice could ship first, but the first model aims at everything.

    A share of the inputs is easy or plainly out of scope; taking it first brings value in weeks and
    teaches the team about the data, while a first model aimed at the hard cases as well may take
    months and deliver nothing. The slice must be known from the inputs before any model runs (a
    document type, a channel, a zero amount): the cases the model is confident about are the model itself.

    Mitigation: Make the easy slice, defined by inputs known beforehand, the first release (rules or a
    simple model, people keep the rest), measure it, and aim the next model at what is left.
    """
    impact = plan.impact
    easy, share = impact.easy_share, impact.addressed
    if not isinstance(easy, float) or easy < EASY_SLICE or (share is not None and share <= easy + 0.01):
        return None
    coverage = plan.heuristics.coverage_figure
    if coverage is not None and coverage >= easy:
        return None  # the rules already take a slice that size
    if SLICE_SET_ASIDE.find(impact.easy_slice):
        return None  # the slice is what the model is switched off for, or already the first release
    if slice_by_answer(plan):
        return None  # the slice is named by the model's own answers: known only once the label is
    if SLICE_BY_SCORE.find(impact.easy_slice):
        return None  # picked by the model's own score, or acted on alone: not known before, nor safe first
    items = items_per_month(plan)
    note = "easy or out of scope"
    if items is not None:
        note = f"{fmt.count(items * easy)} of {per_month(items, volume_unit(plan))}, {note}"
    found = [quote(plan, "impact.easy_share", note)]
    if impact.easy_slice:
        found.append(quote(plan, "impact.easy_slice"))
    if slice_holds_the_misses(plan):
        note = "a miss is the costlier error, and the slice is the cases answered 'nothing to act on'"
        found.append(quote(plan, "impact.costlier_error", note))
    if share is not None:
        found.append(
            quote(
                plan,
                "impact.share_addressed",
                f"the first model aims at {fmt.share(share)}, hard cases included",
            )
        )
    return tuple(found)
