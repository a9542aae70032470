"""Rules on serving, retraining, compute cost and explainability."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    ANY_MODEL_FLOOR_MS,
    FAST_CADENCE_DAYS,
    HOSTED_FLOOR_MS,
    HOSTED_LLM_FLOOR_MS,
    LATE_LABELS_DAYS,
    LATENCY_FLOOR_MS,
    Case,
    Evidence,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import answer_is, changes_over_time, quote, show
from planner.judgement.rules.lexicon import CHECKED_OUTPUT, GIVES_REASONS, MEASURED_ON_DEVICE
from planner.judgement.rules.words import mentions
from planner.plan.model import (
    Cadence,
    Category,
    Hardware,
    LabelSource,
    Mode,
    ModelSize,
    Plan,
    Serving,
    TaskType,
)


@rule(
    "explanations-required",
    Category.ethics,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"constraints.explainability_required": True},
            evidence=("constraints.explainability_required: true",),
        ),
    ),
)
def explanations_required(plan: Plan) -> Evidence:
    """Each prediction must be explained.

    Explanations limit the model families that qualify and need their own design, testing and
    agreement with whoever reads them.

    Mitigation: Agree early with the audience what an acceptable explanation is, and prefer models
    that give it natively (linear models, shallow trees, monotonic boosting).
    """
    return answer_is(plan, "constraints.explainability_required", True)


@rule(
    "explanations-vs-black-box",
    Category.ethics,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {"constraints.explainability_required": True, "constraints.latency.model_size": "large"},
            evidence=("constraints.explainability_required: true", 'constraints.latency.model_size: "large"'),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # a person checks the passages it cites: medium, a question
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.mode": "augment",
                "product.output": "A ranked list of contract passages with their sources.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "huge"',
                'product.mode: "augment"',
                'product.output: "A ranked list of contract passages with their sources." (a person checks '
                "what it shows: ranked list, passages, sources; is that explanation enough?)",
            ),
            also=frozenset(["explanations-required"]),
        ),
        Case(  # a language model that writes a reason with each redaction: medium, a question
            {
                "constraints.explainability_required": True,
                "constraints.latency.model_size": "huge",
                "product.task": "generation",
                "product.output": "Each passage to redact, with a reason for each.",
            },
            evidence=(
                "constraints.explainability_required: true",
                'constraints.latency.model_size: "huge"',
                'product.output: "Each passage to redact, with a reason for each." (it writes a reason with '
                "each output: with a reason; is each reason faithful?)",
            ),
            also=frozenset(["explanations-required"]),
        ),
    ),
)
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
    if not opaque:
        return None
    found = (quote(plan, "constraints.explainability_required"), *opaque)
    reasoned = GIVES_REASONS.find_all(plan.product.output)
    if reasoned and plan.product.task is TaskType.generation:
        # A generated reason with each output is an explanation, if it is faithful to what the model did.
        note = f"it writes a reason with each output: {', '.join(reasoned)}; is each reason faithful?"
        return Tempered(2, (*found, quote(plan, "product.output", note)))
    checked = CHECKED_OUTPUT.find_all(plan.product.output)
    if plan.product.mode is Mode.augment and checked:
        # A person reads the list or the evidence and decides: what it shows is the explanation.
        note = f"a person checks what it shows: {', '.join(checked)}; is that explanation enough?"
        return Tempered(2, (*found, quote(plan, "product.mode"), quote(plan, "product.output", note)))
    return found


@rule(
    "tight-latency-heavy-model",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Measure a candidate's p99 latency before designing around the model",
        "The budget leaves no room for this model or network hop; benchmark a candidate at p99 on "
        "production hardware now, then precompute, cache, or choose a smaller model",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 50,
                "constraints.latency.model_size": "large",
            },
            evidence=(
                'constraints.latency.serving: "online"',
                "constraints.latency.p99_ms: 50",
                'constraints.latency.model_size: "large"',
            ),
        ),
        Case(
            {"constraints.latency.serving": "interactive", "constraints.latency.p99_ms": 5},
            evidence=(
                'constraints.latency.serving: "interactive"',
                "constraints.latency.p99_ms: 5",
                'constraints.latency.model_size: "small"',
            ),
        ),
    ),
)
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
    if isinstance(latency.measured_p99_ms, int):
        return None  # measured: measured-latency-over-budget weighs the figure, not the model's size
    floor = LATENCY_FLOOR_MS.get(latency.model_size, ANY_MODEL_FLOOR_MS) if latency.model_size else 0
    found = [quote(plan, "constraints.latency.serving"), quote(plan, "constraints.latency.p99_ms")]
    if latency.p99_ms < max(floor, ANY_MODEL_FLOOR_MS):
        return (*found, *((quote(plan, "constraints.latency.model_size"),) if latency.model_size else ()))
    if hosted and latency.p99_ms < HOSTED_FLOOR_MS:
        return (*found, quote(plan, "constraints.compute.hosted_service"))
    language_model = plan.constraints.compute.hosted_model or (
        plan.product.task is TaskType.generation and latency.model_size is ModelSize.huge and hosted
    )
    if hosted and language_model and latency.p99_ms < HOSTED_LLM_FLOOR_MS:
        what = "constraints.compute.hosted_model" if plan.constraints.compute.hosted_model else "product.task"
        return (*found, quote(plan, what, "a hosted language model answers in seconds at p99: measure it"))
    return None


@rule(
    "retraining-cadence-unaffordable",
    Category.operations,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {"constraints.retraining.cadence": "weekly", "constraints.data.labels": "manual"},
            evidence=('constraints.retraining.cadence: "weekly"', 'constraints.data.labels: ["manual"]'),
        ),
    ),
)
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


@rule(
    "never-retrained",
    Category.operations,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"constraints.retraining.cadence": "never", "constraints.data.labels": "outcomes"},
            evidence=('constraints.retraining.cadence: "never"', 'constraints.data.labels: ["outcomes"]'),
        ),
    ),
)
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


@rule(
    "hosted-black-box",
    Category.cost,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"constraints.compute.hosted_service": True},
            evidence=("constraints.compute.hosted_service: true",),
        ),
    ),
)
def hosted_black_box(plan: Plan) -> Evidence:
    """Relies on a hosted black-box ML service.

    Little room to tune or debug it, prices and behaviour change on the vendor's schedule, and
    leaving it later is expensive.

    Mitigation: Evaluate it on your own test set, keep your data and a simple in-house baseline,
    and wrap the service behind one interface you can swap.
    """
    return answer_is(plan, "constraints.compute.hosted_service", True)


@rule(
    "unbounded-compute-cost",
    Category.cost,
    likelihood=3,
    impact=4,
    fires=(
        Case(
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hardware": "gpu",
                "constraints.compute.cost_per_prediction": None,
            },
            evidence=("constraints.compute.budget_per_month: 0", 'constraints.compute.hardware: "gpu"'),
        ),
    ),
)
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


@rule(
    "cost-over-budget",
    Category.cost,
    likelihood=4,
    impact=4,
    move=Move(
        "Fit the running cost to the budget before building",
        "Predictions times the price of each one is the bill; cache, batch, call a smaller model, or "
        "narrow which requests need a prediction, until it fits the budget",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {"constraints.compute.cost_per_prediction": 0.02},
            evidence=(
                "constraints.compute.predictions_per_period: 12,000 a month x cost_per_prediction €0.02 "
                "= €240 a month",
                "constraints.compute.budget_per_month: 200 (EUR)",
            ),
        ),
    ),
    quiet=(Case({"constraints.compute.cost_per_prediction": 0.016}),),
)
def cost_over_budget(plan: Plan) -> Evidence:
    """Running the model costs more than its budget.

    Predictions per month times the cost of each (a hosted API's price per call, or compute) is
    more than the monthly budget: the product loses money from the first day, or gets switched off.

    Mitigation: Cut the calls (cache, batch, predict only where it changes the decision), use a
    cheaper or smaller model, or get a budget that matches the volume.
    """
    compute = plan.constraints.compute
    count, period, cost, budget = (
        compute.predictions_per_period,
        compute.prediction_period,
        compute.cost_per_prediction,
        compute.budget_per_month,
    )
    if count is None or cost is None or budget is None:
        return None
    per_month = count * (period.per_month if period else 1.0)
    bill = per_month * cost
    if bill <= budget:
        return None
    cur = compute.currency
    basis = (
        f"{fmt.number(count, 0)} a {period.value}" if period else f"{fmt.number(count, 0)} (taken as a month)"
    )
    if period and period.value != "month":
        basis += f" ({fmt.count(per_month)} a month)"
    return (
        f"constraints.compute.predictions_per_period: {basis} x cost_per_prediction {fmt.money(cost, cur)} "
        f"= {fmt.money(bill, cur)} a month",
        f"constraints.compute.budget_per_month: {show(budget)}" + (f" ({cur})" if cur else ""),
    )


@rule(
    "edge-model-size",
    Category.operations,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure a candidate's size, memory and p99 latency on the target device",
        "Edge devices have little memory, compute and power; a model that meets the budget on a laptop "
        "may not fit or run in time on the device, so benchmark a candidate there before designing",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.compute.hardware": "edge",
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 30,
                "constraints.latency.model_size": "medium",
            },
            evidence=(
                'constraints.compute.hardware: "edge"',
                "constraints.latency.p99_ms: 30",
                'constraints.latency.model_size: "medium"',
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.compute.hardware": "edge",
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 30,
            }
        ),
        Case(
            {
                "constraints.compute.hardware": "edge",
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 30,
                "constraints.latency.model_size": "medium",
                "done.metrics[0].name": "p99 latency on the target device",
            }
        ),
    ),
)
def edge_model_size(plan: Plan) -> Evidence:
    """A model beyond the smallest on edge devices, with a latency budget and nothing measured there.

    On a phone, camera or microcontroller memory, compute and power are scarce; a net that meets the
    budget on a workstation may not fit or may miss it on the device, and that is found late.

    Mitigation: Export a candidate to the target device now and measure its size, peak memory, p99
    latency (and power when battery-bound); make them done metrics beside the quality target.
    """
    latency = plan.constraints.latency
    if plan.constraints.compute.hardware is not Hardware.edge or latency.p99_ms is None:
        return None
    if latency.model_size in (None, ModelSize.small):
        return None
    if any(mentions(metric.name, MEASURED_ON_DEVICE) for metric in plan.done.metrics):
        return None
    return (
        quote(plan, "constraints.compute.hardware"),
        quote(plan, "constraints.latency.p99_ms"),
        quote(plan, "constraints.latency.model_size"),
    )


@rule(
    "label-delay-no-retraining",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Plan retraining and early signals for labels that arrive late",
        "With outcomes weeks late, a decaying model shows up only long after it started to fail; set a "
        "retraining cadence the labels allow, and watch early signals (inputs, score distribution, a "
        "reviewed sample) meanwhile",
        "info",
    ),
    fires=(
        Case(
            {
                "constraints.data.label_delay_days": 60,
                "constraints.retraining.cadence": None,
                "constraints.retraining.trigger": None,
            },
            evidence=(
                "constraints.data.label_delay_days: 60 (errors show only 60 days after the predictions)",
                "constraints.retraining.cadence: not answered (no retraining plan)",
            ),
        ),
    ),
    quiet=(
        Case({"constraints.data.label_delay_days": 60, "constraints.retraining.cadence": None}),  # a trigger
        Case(
            {
                "constraints.data.label_delay_days": 7,
                "constraints.retraining.cadence": None,
                "constraints.retraining.trigger": None,
            }
        ),
    ),
)
def label_delay_no_retraining(plan: Plan) -> Evidence:
    """Labels arrive late, and there is no retraining plan.

    When outcomes arrive weeks after the predictions, a model going stale is seen only long after it
    started to fail; with no cadence and no trigger, nobody will retrain it in time.

    Mitigation: Set a retraining cadence the label delay allows and a trigger on early signals (input
    drift, score distribution, a reviewed sample) that do not wait for the labels.
    """
    span, retraining = plan.constraints.data.label_delay_range(), plan.constraints.retraining
    if span is None or span[1] < LATE_LABELS_DAYS or retraining.cadence is not None or retraining.trigger:
        return None
    days = show(span[1])
    return (
        quote(
            plan, "constraints.data.label_delay_days", f"errors show only {days} days after the predictions"
        )
        if plan.constraints.data.label_delay_days is not None
        else f"constraints.data.label_delay_max_days: {days} (errors show only {days} days after the predictions)",
        "constraints.retraining.cadence: not answered (no retraining plan)",
    )
