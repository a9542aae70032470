"""Rules on inputs recorded for only part of the cases: a field filled on 60% of the records, a reading
missing for a fifth of the days. The model must do something for the rest, and its score on the cases that
have the field says little about those that do not.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Tempered, rule
from planner.judgement.rules.drafted import blank_fields_invented
from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import answer_at, first_said, metric_name_paths, quote, says_nothing
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

_SHARE = r"(?:only\s+|about\s+|around\s+|roughly\s+|some\s+)?(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)"
_THINGS = r"(?:of\s+(?:the\s+|our\s+|all\s+)?(?:[a-z-]+\s+){0,2})?"

# A share of the records that has a field: `filled on only 60%`, `populated for 70% of the rows`.
_FILLED = re.compile(
    r"\b(?:filled|filled in|populated|complete|recorded|entered)\s+(?:in|on|for)\s+" + _SHARE,
    re.IGNORECASE,
)

# A share of the records that lacks it: `missing for 30%`, `30% of the records are missing` (not `empty`: a class, as often as a gap).
_MISSING = re.compile(
    r"\b(?:missing|null|not recorded|not filled)\s+(?:in|on|for|from)\s+"
    + _SHARE
    + r"|\b"
    + _SHARE
    + r"\s+"
    + _THINGS
    + r"(?:are\s+|is\s+|have\s+|has\s+)?(?:missing|unrecorded|not recorded|not filled)\b",
    re.IGNORECASE,
)

# Where a plan says what it does for the cases without the field.
_HANDLED = Lexicon("""
    when missing, when it is missing, if missing, if it is missing, where missing, where it is missing
    imputed, impute, imputes, imputation, falls back, fall back, fallback for, abstains, abstain
    without it, cases without, records without, reported apart, scored apart, evaluated apart, per fill
""")

# Where a plan says the cases without the input are scored on their own.
_SCORED_APART = Lexicon("""
    reported apart, scored apart, evaluated apart, tested apart, scored separately, reported separately
    evaluated separately, tested separately, measured separately, with and without, their own slice
    a slice of their own, on their own slice
""")
_SOME_LACK = 0.05  # a twentieth of production cases or more lacking a key input is a slice to score apart
_MANY_LACK = 0.2  # ...a fifth, acted on unchecked, with neither a score nor a fallback: a stop

# Where teams describe what the model reads and what the records hold.
_PATHS = (
    "product.inputs",
    "product.unseen_by_model",
    "constraints.data.differences_note",
    "product.current_performance",
    "product.label",
)


def _gap(text: str | None) -> str | None:
    """The words in `text` that say a field is missing from a tenth or more of the records."""
    if not text:
        return None
    for match in _FILLED.finditer(text):
        share = float(next(group for group in match.groups() if group))
        if share <= 90:
            return match.group(0)
    for match in _MISSING.finditer(text):
        share = float(next(group for group in match.groups() if group))
        if 10 <= share < 100:
            return match.group(0)
    return None


@rule(
    "inputs-often-missing",
    Category.data,
    likelihood=3,
    impact=3,
    ask="what does the model do for the cases without it?",
    fires=(
        Case(
            {
                "product.inputs": "The product sheet; allergens filled on only 60% of products.",
                "constraints.data.missing_input_share": None,  # the plan gives no share
            },
            also=frozenset({"safety-subset-under-one-severity"}),  # allergens, at the base plan's severity
            evidence=(
                'product.inputs: "The product sheet; allergens filled on only 60% of products." (filled on only '
                "60%: what does the model do for the rest?)",
            ),
        ),
        Case(
            {
                "product.inputs": "Meter reads and opening hours (30% of sites are missing them).",
                "constraints.data.missing_input_share": None,  # the plan gives no share
            },
            evidence=(
                'product.inputs: "Meter reads and opening hours (30% of sites are missing them)." (30% of sites '
                "are missing: what does the model do for the rest?)",
            ),
        ),
        Case(  # the team's share: 15% lack the input, nothing scored apart nor a fallback named
            {"constraints.data.missing_input_share": 0.15, "after_launch.fallback": None},
            evidence=(
                "constraints.data.missing_input_share: 0.15 (production cases that lack a key input the model "
                "reads)",
                "no evaluation scores the cases without it apart (done.eval_set, done.metrics)",
                "nothing names what those cases get (after_launch.fallback)",
            ),
        ),
        Case({"constraints.data.missing_input_share": "not measured"}),  # a low question
    ),
    quiet=(
        Case(  # scored apart, and a fallback named
            {
                "constraints.data.missing_input_share": 0.15,
                "done.eval_set": "The last quarter, with clients without history reported apart.",
                "after_launch.fallback": "Clients without history get the segment average.",
            }
        ),
        Case({"constraints.data.missing_input_share": 0.02}),
        Case({"product.inputs": "The product sheet; the allergen field is filled on 97% of products."}),
        Case(
            {
                "product.inputs": "The product sheet; the allergen field is filled on 60% of products; when "
                "missing, the label goes to a technologist."
            }
        ),
        Case({"product.inputs": "Orders, of which 60% are repeat orders."}),
    ),
)
def inputs_often_missing(plan: Plan) -> Evidence:
    """An input is missing for a share of the cases.

    A field filled on only part of the records leaves the model to guess for the rest, and a score
    measured mostly on the records that have it says little about those that do not; where the output
    must state what that field holds, the missing share is an error floor.

    Mitigation: Measure each field's fill rate on a sample (the share of production cases lacking it),
    decide and name what the model does where it is missing (ask, fall back, abstain), and report the
    done metric on the cases with and without it.
    """
    if blank_fields_invented(plan) is not None:
        return None  # blank-fields-invented says what a generator writes for the empty fields
    if plan.constraints.data.missing_input_share is not None:
        return _share_lacking(plan)
    texts = [answer_at(plan, path) for path in _PATHS]
    if any(_HANDLED.find(text) for text in texts if isinstance(text, str)):
        return None
    for path, text in zip(_PATHS, texts, strict=True):
        words = _gap(text if isinstance(text, str) else None)
        if words:
            return Hint((words,), (quote(plan, path, f"{words}: what does the model do for the rest?"),))
    return None


def _share_lacking(plan: Plan) -> Evidence:
    """The team's share of production cases lacking a key input, against a score on them apart and a
    fallback named for them: a low question where the share is not measured."""
    share = plan.constraints.data.missing_input_share
    path = "constraints.data.missing_input_share"
    if share == "not measured":
        note = "what share of cases lacks a key input? score them apart and name what they get"
        return Tempered(1, (quote(plan, path, note),))
    if not isinstance(share, float) or share < _SOME_LACK:
        return None
    scored = first_said(plan, (*evaluation_paths(plan), *metric_name_paths(plan)), _SCORED_APART)
    texts = [answer_at(plan, where) for where in _PATHS]
    named = plan.after_launch.fallback
    fallback = bool(named and not says_nothing(named)) or any(
        _HANDLED.find(text) for text in texts if isinstance(text, str)
    )
    lacking = [
        *(
            ()
            if scored
            else ("no evaluation scores the cases without it apart (done.eval_set, done.metrics)",)
        ),
        *(() if fallback else ("nothing names what those cases get (after_launch.fallback)",)),
    ]
    if not lacking:
        return None
    found = (quote(plan, path, "production cases that lack a key input the model reads"), *lacking)
    alone = acts_alone(plan)
    if share >= _MANY_LACK and len(lacking) == 2 and alone:
        return Tempered(5, (*found, alone))  # a fifth or more, acted on unchecked, untested and unplanned
    return found
