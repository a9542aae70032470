"""Rules on the rarer class against the inputs: too few of its labelled cases for the candidate inputs."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import MIN_LABELED, MIN_RARE_LABELED, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.data import many_labels, nobody_trains
from planner.judgement.rules.enriched import enriched, stated_positives
from planner.judgement.rules.hosted import prompted
from planner.judgement.rules.positives import FEW_PER_INPUT, per_input, per_input_note
from planner.plan.model import Category, Plan, TaskType

# The tasks that learn a rarer class from its labelled cases (as product.input_count is asked for).
_CLASSIFIERS = (TaskType.classification, TaskType.detection, TaskType.anomaly_detection)


def rarer_cases(plan: Plan) -> tuple[float, str] | None:
    """The labelled cases of the rarer class, with how they were counted; None where the plan does not
    hold them (no count, no share, no classes, or a model nobody trains)."""
    data = plan.constraints.data
    count, rare = data.labeled_count, data.rare_share
    if count is None or rare is None or plan.product.task not in _CLASSIFIERS or many_labels(plan):
        return None
    if prompted(plan) or nobody_trains(plan):
        return None  # nothing is fitted to the labels: they only test the model
    if enriched(plan):
        stated = stated_positives(plan)
        return None if stated is None else (float(stated), "the enriched set, as the answers count it,")
    said = (
        f"constraints.data.labeled_examples: {fmt.count(count)} x constraints.data.rarest_class_share: "
        f"{fmt.share(rare)}"
    )
    return count * rare, said


@rule(
    "few-positives-per-input",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Cut the candidate inputs to what the rarer class can support",
        "A model weighing many inputs on few cases of the rarer class fits their noise and its validation "
        "score flatters it: keep the inputs a domain expert would bet on (chosen before looking at the "
        "labels), use a simple, regularised model, grow the rarer class, and report recall with its interval",
        "warning",
    ),
    fires=(
        Case(
            {"product.input_count": 200},
            evidence=(
                "constraints.data.labeled_examples: 48,000 x constraints.data.rarest_class_share: 2% = about "
                "960 cases of the rarer class",
                "product.input_count: 200 (about 4.8 cases of the rarer class per candidate input, where a model "
                "needs some 10 to 20: it fits noise, and cross-validation flatters it)",
            ),
        ),
        Case(  # between 10 and 20 a case: a margin to watch, low
            {"product.input_count": 60},
            evidence=(
                "constraints.data.labeled_examples: 48,000 x constraints.data.rarest_class_share: 2% = about "
                "960 cases of the rarer class",
                "product.input_count: 60 (about 16 cases of the rarer class per candidate input, where a model "
                "needs some 10 to 20: keep the inputs few and the model simple)",
            ),
        ),
    ),
    quiet=(
        Case({"product.input_count": 40}),  # 24 cases of the rarer class per input
        Case(  # few of the rarer class in all: small-labeled-set's, which quotes these figures
            {"product.input_count": 12, "constraints.data.labeled_examples": 3000}
        ),
        Case(  # a count of inputs, but no share of the rarer class
            {"product.input_count": 60, "constraints.data.rarest_class_share": None}
        ),
        Case(  # an amount predicted: no rarer class
            {
                "product.task": "regression",
                "product.input_count": 60,
                "constraints.data.labeled_examples": 2000,
                "constraints.data.rarest_class_share": 0.01,
            }
        ),
    ),
)
def few_positives_per_input(plan: Plan) -> Evidence:
    """Too few cases of the rarer class for the candidate inputs.

    What a classifier learns about the rarer class comes from its cases, not from the size of the whole
    set: with fewer than some 10 to 20 of them per candidate input (events per variable), a model fits
    their noise, feature selection on the same cases picks lucky inputs, and cross-validation flatters
    it. Under 100 of them, a recall measured on them is too wide to tell close models apart.

    Mitigation: Keep the inputs a domain expert would bet on, chosen before looking at the labels; use a
    simple, regularised model; grow the rarer class on purpose; report recall with its interval.
    """
    counted = rarer_cases(plan)
    if counted is None or (plan.constraints.data.labeled_count or 0) < MIN_LABELED:
        return None  # a small set: small-labeled-set says so, with these figures
    positives, said = counted
    per, note = per_input(plan, positives), per_input_note(plan, positives)
    if per is None or note is None or positives < MIN_RARE_LABELED:
        return None  # few of the rarer class in all: small-labeled-set says so, with these figures
    found = (f"{said} = about {fmt.count(positives)} cases of the rarer class", note)
    return found if per < FEW_PER_INPUT else Tempered(1, found)
