"""Rules on serving, retraining, compute cost and explainability."""

from __future__ import annotations

from planner.model import (
    Cadence,
    Category,
    Hardware,
    LabelSource,
    ModelSize,
    Plan,
    Serving,
)
from planner.rules.base import (
    ANY_MODEL_FLOOR_MS,
    FAST_CADENCE_DAYS,
    HOSTED_FLOOR_MS,
    LATENCY_FLOOR_MS,
    Evidence,
    answer_is,
    changes_over_time,
    quote,
    rule,
)


@rule("explanations-required", Category.ethics, 3, 3)
def explanations_required(plan: Plan) -> Evidence:
    """Each prediction must be explained.

    Explanations limit the model families that qualify and need their own design, testing and
    agreement with whoever reads them.

    Mitigation: Agree early with the audience what an acceptable explanation is, and prefer models
    that give it natively (linear models, shallow trees, monotonic boosting).
    """
    return answer_is(plan, "constraints.explainability_required", True)


@rule("explanations-vs-black-box", Category.ethics, 4, 4)
def explanations_vs_black_box(plan: Plan) -> Evidence:
    """Explanations required from a black-box model.

    Predictions must be explained, yet the plan expects a large model or a hosted service whose
    reasoning the team cannot inspect.

    Mitigation: Use an interpretable model for the decision, or show that the post-hoc explanation
    satisfies the people who need it before building on it.
    """
    if not answer_is(plan, "constraints.explainability_required", True):
        return None
    opaque = answer_is(plan, "constraints.latency.model_size", ModelSize.large, ModelSize.huge) or answer_is(
        plan, "constraints.compute.hosted_service", True
    )
    return (quote(plan, "constraints.explainability_required"), *opaque) if opaque else None


@rule("tight-latency-heavy-model", Category.operations, 4, 4)
def tight_latency_heavy_model(plan: Plan) -> Evidence:
    """The latency budget is tight for the planned serving.

    A heavy model, or any model behind a network hop, answering per request within this budget
    leaves no room for feature lookups, queues or bad days.

    Mitigation: Benchmark a candidate at p99 on production hardware now; precompute in batch and
    cache, or plan a smaller or distilled model.
    """
    latency, hosted = plan.constraints.latency, plan.constraints.compute.hosted_service
    if latency.serving not in (Serving.online, Serving.interactive) or latency.p99_ms is None:
        return None
    floor = LATENCY_FLOOR_MS.get(latency.model_size, ANY_MODEL_FLOOR_MS) if latency.model_size else 0
    found = [quote(plan, "constraints.latency.serving"), quote(plan, "constraints.latency.p99_ms")]
    if latency.p99_ms < max(floor, ANY_MODEL_FLOOR_MS):
        return (*found, *((quote(plan, "constraints.latency.model_size"),) if latency.model_size else ()))
    if hosted and latency.p99_ms < HOSTED_FLOOR_MS:
        return (*found, quote(plan, "constraints.compute.hosted_service"))
    return None


@rule("retraining-cadence-unaffordable", Category.operations, 3, 4)
def retraining_cadence_unaffordable(plan: Plan) -> Evidence:
    """The retraining cadence cannot be fed or afforded.

    Retraining weekly or faster needs fresh labels and compute every time; with people or a vendor
    labelling, or a huge model, the cadence will slip.

    Mitigation: Measure how fast the model actually goes stale, then pick the slowest cadence that
    holds the metric; automate labelling and training first.
    """
    cadence = plan.constraints.retraining.cadence
    if cadence is None or cadence.days is None or cadence.days > FAST_CADENCE_DAYS:
        return None
    cost = answer_is(plan, "constraints.data.labels", LabelSource.manual, LabelSource.vendor) or answer_is(
        plan, "constraints.latency.model_size", ModelSize.huge
    )
    return (quote(plan, "constraints.retraining.cadence"), *cost) if cost else None


@rule("never-retrained", Category.operations, 3, 3)
def never_retrained(plan: Plan) -> Evidence:
    """A model of a changing world is never retrained.

    Forecasts and outcome-based models go stale as the world moves on; without retraining the
    model quietly loses its edge.

    Mitigation: Plan a retraining cadence and a trigger (a drift or metric alarm) from the start.
    """
    if not answer_is(plan, "constraints.retraining.cadence", Cadence.never):
        return None
    why = changes_over_time(plan)
    return (quote(plan, "constraints.retraining.cadence"), *why) if why else None


@rule("hosted-black-box", Category.cost, 3, 3)
def hosted_black_box(plan: Plan) -> Evidence:
    """Relies on a hosted black-box ML service.

    Little room to tune or debug it, prices and behaviour change on the vendor's schedule, and
    leaving it later is expensive.

    Mitigation: Evaluate it on your own test set, keep your data and a simple in-house baseline,
    and wrap the service behind one interface you can swap.
    """
    return answer_is(plan, "constraints.compute.hosted_service", True)


@rule("unbounded-compute-cost", Category.cost, 3, 4)
def unbounded_compute_cost(plan: Plan) -> Evidence:
    """Compute cost has no bound.

    No budget is set while the plan needs GPUs, a large model or a metered hosted service; costs
    grow with traffic and experiments until someone notices the bill.

    Mitigation: Estimate cost per prediction and per training run, set a monthly budget with an
    alert, and start on a laptop with downsampled data.
    """
    if plan.constraints.compute.budget_per_month != 0:
        return None
    heavy = (
        answer_is(plan, "constraints.compute.hardware", Hardware.gpu)
        or answer_is(plan, "constraints.compute.hosted_service", True)
        or answer_is(plan, "constraints.latency.model_size", ModelSize.large, ModelSize.huge)
    )
    return (quote(plan, "constraints.compute.budget_per_month"), *heavy) if heavy else None
