"""What the labelled cases of the rarer class can support: candidate inputs, and a recall's interval."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.core.stats import wilson
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan

RECALL_METRIC = Lexicon("recall, sensitivity, true positive rate, detection rate, hit rate")

# Cases of the rarer class per candidate input: below the first a model fits noise (events per variable),
# below the second it is a margin to watch.
FEW_PER_INPUT = 10
SOME_PER_INPUT = 20
ILLUSTRATIVE_RECALL = 0.8  # the recall shown where no done metric names one


def per_input(plan: Plan, positives: float) -> float | None:
    """Cases of the rarer class per candidate input, where the plan counts its inputs."""
    inputs = plan.product.input_count
    return positives / inputs if inputs else None


def per_input_note(plan: Plan, positives: float) -> str | None:
    """product.input_count, quoted with the cases of the rarer class each input has behind it, where they
    are fewer than a model needs (some 10 to 20); None where there are enough or no count."""
    per = per_input(plan, positives)
    if per is None or per >= SOME_PER_INPUT:
        return None
    then = (
        "it fits noise, and cross-validation flatters it"
        if per < FEW_PER_INPUT
        else "keep the inputs few and the model simple"
    )
    note = (
        f"about {fmt.number(per, significant=2)} cases of the rarer class per candidate input, where a model "
        f"needs some 10 to 20: {then}"
    )
    return quote(plan, "product.input_count", note)


def recall_target(plan: Plan) -> tuple[int, float] | None:
    """The first done metric that is a recall (or sensitivity) with a target below 1, and that target."""
    for index, metric in enumerate(plan.done.metrics):
        goal = metric.goal()
        if goal is not None and 0 < goal < 1 and RECALL_METRIC.find(metric.name):
            return index, goal
    return None


def recall_spread(plan: Plan, positives: float) -> str:
    """How wide a recall measured on so few cases is: its 95% interval at the done metric's recall target,
    or at 80% where none names one."""
    target = recall_target(plan)
    whole, recall = round(positives), target[1] if target else ILLUSTRATIVE_RECALL
    interval = wilson(round(recall * whole), whole)
    if interval is None:
        return ""
    low, high = interval
    return (
        f"a recall of {fmt.share(recall)} measured on all {whole} of them has a 95% interval of "
        f"{fmt.share(low)} to {fmt.share(high)} ({fmt.number(100 * (high - low), 0)} points wide), and a test "
        "split holds only a part of them"
    )
