"""Rules on input values beyond the range of the data in hand: longer distances, bigger amounts, larger
sizes, new price bands.

A model predicts such cases by extrapolation. Tree ensembles cannot extrapolate (their prediction
flattens at the edge of the training data), and linear or neural models extend a trend no data checks;
a test set drawn like the training data holds no such case, so its score says nothing about them.
"""

from __future__ import annotations

from planner.judgement.rules.arrival import differences_quote
from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evaluation import evaluation_paths
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.harm import effective_severity
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Difference, Plan, Severity

# Words in the note on differences saying production meets values the data never held.
BEYOND_RANGE = Lexicon("""
    beyond the range, outside the range, out of the range, beyond the training range, beyond the data's range
    beyond anything in the data, beyond any in the data, beyond what the data, beyond the largest
    larger than any, longer than any, bigger than any, higher than any, heavier than any, wider than any
    above the largest, above the highest, above the top of, never seen values, values never seen
    new price band, new price bands, extrapolate, extrapolates, extrapolation, extrapolating
""")

# Words saying the team measures error at the edge of the range, or constrains how the model extends it.
EDGE_HANDLED = Lexicon("""
    top decile, top decile held out, largest held out, held out the largest, hold out the largest
    edge of the range, at the edge of the range, extrapolation test, tested beyond the range
    monotonic, monotone constraint, monotone constraints, monotonicity, physics-based, physical model
    physics model, physics baseline, engineering formula, cases in the new range
""")

_HANDLED_IN = ("product.inputs", "after_launch.fallback")


def _edge_handled(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    return first_said(plan, (*evaluation_paths(plan), *_HANDLED_IN), EDGE_HANDLED)


@rule(
    "inputs-beyond-the-range",
    Category.data,
    likelihood=4,
    impact=4,
    ask="will production see input values beyond the range of the data (longer distances, bigger amounts, "
    "larger sizes, new price bands)?",
    move=Move(
        "Measure error at the edge of the range before relying on it there",
        "Cases beyond the data's range are predicted by extrapolation: tree models flatten at the edge and "
        "other models extend a trend nothing checks; hold out the top decile of the input as a test set, "
        "collect cases in the new range first, or constrain the model (monotonic, a physics-based baseline)",
        "warning",
    ),
    fires=(
        Case(  # ticked, people check each output: a decision to take, medium
            {"constraints.data.differences": ["range"]},
            evidence=(
                'constraints.data.differences: ["range"] (production meets input values beyond the range of '
                "the data: predicted by extrapolation, which tree models cannot do and others do unreliably)",
            ),
        ),
        Case(  # ticked, for a system acting alone: high
            {
                "constraints.data.differences": ["range"],
                "constraints.data.differences_note": "The new depot serves routes twice as long as any so far.",
                "product.mode": "automate",
            },
            evidence=(
                'constraints.data.differences: ["range"] (production meets input values beyond the range of '
                "the data: predicted by extrapolation, which tree models cannot do and others do unreliably)",
                'constraints.data.differences_note: "The new depot serves routes twice as long as any so far."',
                'product.mode: "automate"',
            ),
        ),
        Case(  # words only, another difference ticked: a question naming them
            {
                "constraints.data.differences": ["population"],
                "constraints.data.differences_note": "New clients own houses larger than any in the data.",
            },
            also=frozenset({"production-differs"}),
        ),
    ),
    quiet=(
        Case({"constraints.data.differences": ["population"]}),
        Case(  # ticked, and the top decile is held out as a test
            {
                "constraints.data.differences": ["range"],
                "done.eval_set": "The top decile of distances held out as a test set.",
            }
        ),
        Case(  # words in the note, and a monotonic model
            {
                "constraints.data.differences": ["none"],
                "constraints.data.differences_note": "Larger than any so far; the model is monotonic in size.",
            }
        ),
    ),
)
def inputs_beyond_the_range(plan: Plan) -> Evidence:
    """Production meets input values beyond the range of the data in hand.

    Longer distances, bigger amounts, larger sizes or a new price band are predicted by extrapolation. A
    tree ensemble cannot extrapolate: its prediction flattens at the edge of the training data. Linear
    and neural models extend a trend no case checks. A test set drawn like the training data holds none
    of these cases, so its score says nothing about them, and the errors grow with the distance.

    Mitigation: Measure the error at the edge of the range: hold out the top decile of the input as a
    test set and compare with the rest; collect and label cases in the new range before relying on the
    model there; or constrain how it extends (monotonic constraints, a physics-based or formula baseline
    it corrects), and route cases beyond the range to a person until then.
    """
    if _edge_handled(plan):
        return None  # the edge is tested, or the model's extension constrained: what the risk asks
    data = plan.constraints.data
    if Difference.range in data.differences:
        note = (
            "production meets input values beyond the range of the data: predicted by extrapolation, which "
            "tree models cannot do and others do unreliably"
        )
        found = differences_quote(plan, [Difference.range], note)
        alone = acts_alone(plan)
        if alone:  # outputs act unchecked on the cases beyond the range: a stop
            return (*found, alone)
        if effective_severity(plan) is Severity.serious:
            return (*found, quote(plan, "impact.error_severity"))
        return Tempered(3, found)  # people check each output: a decision to take, not a stop
    words = BEYOND_RANGE.find_all(data.differences_note)
    if not words:
        return None
    note = f"values beyond the data's range: {', '.join(words)}; how is the error measured there?"
    return Hint(words, (quote(plan, "constraints.data.differences_note", note),))
