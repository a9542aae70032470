"""Rules on serving and compute cost (retraining: retraining; explaining each prediction: explained)."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    Case,
    Evidence,
    Instead,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import answer_at, answer_is, quote, show
from planner.judgement.rules.lexicon import (
    COMMODITY_STEP,
    EXISTING_AGREEMENT,
    MEASURED_ON_DEVICE,
    OWN_TENANT,
)
from planner.judgement.rules.setup import TINY_MONTHLY_BILL, likely_monthly_bill, no_money_set_aside
from planner.judgement.rules.words import mentions
from planner.plan.model import (
    Category,
    DataLeaves,
    Hardware,
    ModelSize,
    Plan,
    TaskType,
)


@rule(
    "hosted-black-box",
    Category.cost,
    likelihood=2,
    impact=3,
    fires=(
        Case(  # no price per call given
            {"constraints.compute.hosted_service": True, "constraints.compute.cost_per_prediction": None},
            evidence=("constraints.compute.hosted_service: true",),
        ),
        Case(  # a small bill, but personal data sent to it
            {
                "constraints.compute.hosted_service": True,
                "constraints.data.personal_data": True,
                "constraints.data.leaves_organisation": "allowed",
                "constraints.compute.cost_per_prediction": 0.001,
            },
            evidence=("constraints.compute.hosted_service: true",),
            also=frozenset({"personal-data"}),
        ),
        Case(  # a commodity step (OCR) under an agreement in place, not the model built: low
            {
                "constraints.compute.hosted_service": True,
                "constraints.compute.hosted_model": "Azure OCR under our existing enterprise agreement",
                "constraints.compute.cost_per_prediction": None,
            },
            evidence=(
                "constraints.compute.hosted_service: true",
                'constraints.compute.hosted_model: "Azure OCR under our existing enterprise agreement" (a '
                "commodity step before the model, under an agreement in place: ocr; keep its output checkable "
                "and the interface swappable)",
            ),
        ),
    ),
    quiet=(  # a few pounds a month against its budget, and nothing personal sent
        Case(
            {
                "constraints.compute.hosted_service": True,
                "constraints.data.personal_data": False,
                "constraints.compute.cost_per_prediction": 0.001,
            }
        ),
        Case(  # a prompted language model deployed in the team's own tenant, its data use cleared
            {
                "product.task": "generation",
                "constraints.compute.hosted_service": True,
                "constraints.compute.cost_per_prediction": None,
                "constraints.compute.hosted_model": "GPT-4o through Azure OpenAI in our tenant, EU region",
                "constraints.data.leaves_organisation": "allowed",
            }
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
    found = answer_is(plan, "constraints.compute.hosted_service", True)
    data = plan.constraints.data
    unsent = data.personal_data is False or data.leaves_organisation is DataLeaves.stays
    if found and unsent and _small_bill(plan):
        return None  # a bill far inside the budget, and nothing personal sent: leaving it later costs little
    if found and _prompted_in_own_tenant(plan):
        return None  # the team pins the version in its own tenant, and prompts port to another model
    step = _commodity_step(plan) if found else None
    return Tempered(1, (*found, step)) if found and step else found


def _prompted_in_own_tenant(plan: Plan) -> bool:
    """Whether the hosted service is a language model the team prompts (a generation task: no model of its
    own is trained on it), deployed in its own cloud tenant, with its data use cleared: the version
    changes only when the team redeploys, and the prompts and test set move to another model."""
    return (
        plan.product.task is TaskType.generation
        and plan.constraints.data.leaves_organisation in (DataLeaves.allowed, DataLeaves.stays)
        and any(OWN_TENANT.find(text) for text in _where_it_runs(plan))
    )


def _where_it_runs(plan: Plan) -> list[str]:
    """The answers that say where the hosted model runs: the model's own answer, and the announcement's
    answers to its questions (`where does our data go?`)."""
    return [answer_at(plan, "constraints.compute.hosted_model") or ""] + [
        entry.answer or "" for entry in plan.press_release.faq
    ]


def _small_bill(plan: Plan) -> bool:
    """Whether predictions times their price comes to half the monthly budget or less."""
    compute = plan.constraints.compute
    count, cost, budget = (
        compute.predictions_per_period,
        compute.call_cost,
        compute.budget_per_month,
    )
    months = compute.prediction_period.per_month if compute.prediction_period else 1.0
    if count is None or cost is None or not budget or months is None:
        return False  # a one-off count is a total: not weighed against a monthly budget
    return count * months * cost <= budget / 2


_HOSTED_PATHS = ("constraints.compute.hosted_model", "product.inputs", "constraints.data.differences_note")


def _commodity_step(plan: Plan) -> str | None:
    """The answer saying the hosted service is a commodity step before the model (OCR, speech to
    text), used under an agreement already in place: not the model being built."""
    agreed = plan.constraints.data.leaves_organisation is DataLeaves.allowed
    for path in _HOSTED_PATHS:
        text = answer_at(plan, path)
        words = COMMODITY_STEP.find_all(text)
        if words and (agreed or EXISTING_AGREEMENT.find(text)):
            note = (
                f"a commodity step before the model, under an agreement in place: {', '.join(words)}; keep its "
                "output checkable and the interface swappable"
            )
            return quote(plan, path, note)
    return None


@rule(
    "unbounded-compute-cost",
    Category.cost,
    likelihood=3,
    impact=4,
    fires=(
        Case(  # GPUs, and where they come from is not said (nothing says none is hosted)
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hardware": "gpu",
                "constraints.compute.hosted_service": None,
                "constraints.compute.cost_per_prediction": None,
                "constraints.latency.model_size": "medium",
            },
            evidence=(
                "constraints.compute.budget_per_month: 0 (no money set aside)",
                'constraints.compute.hardware: "gpu"',
            ),
        ),
        Case(  # nothing hosted, but a large model and nowhere named to run it: asked low
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hardware": None,
                "constraints.compute.hosted_service": False,
                "constraints.compute.cost_per_prediction": None,
                "constraints.latency.model_size": "large",
            },
            evidence=("constraints.compute.budget_per_month: 0", 'constraints.latency.model_size: "large"'),
        ),
        Case(  # a small model on a GPU, nothing metered: a card or a training run, not a growing bill: low
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hardware": "gpu",
                "constraints.compute.hosted_service": None,
                "constraints.compute.cost_per_prediction": None,
                "constraints.latency.model_size": "small",
            },
            evidence=(
                "constraints.compute.budget_per_month: 0",
                'constraints.compute.hardware: "gpu"',
                'constraints.latency.model_size: "small"',
            ),
        ),
    ),
    quiet=(
        Case(  # a run once over 140 letters at under a pound each: the whole bill is known and small
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hosted_service": True,
                "constraints.compute.cost_per_prediction": 0.8,
                "constraints.compute.predictions_per_period": None,
                "constraints.compute.prediction_period": None,
                "impact.volume": 140,
                "impact.period": "once",
            }
        ),
        Case(  # a few thousand calls a year to a hosted model: about 25 a month at a typical price
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hosted_service": True,
                "constraints.compute.cost_per_prediction": None,
                "constraints.compute.predictions_per_period": 6000,
                "constraints.compute.prediction_period": "year",
            }
        ),
        Case(  # the team's own (or a donated) GPU, nothing hosted, no cost per call: 0 is no new spend
            {
                "constraints.compute.budget_per_month": 0,
                "constraints.compute.hardware": "gpu",
                "constraints.compute.hosted_service": False,
                "constraints.compute.cost_per_prediction": None,
            }
        ),
    ),
)
def unbounded_compute_cost(plan: Plan) -> Evidence:
    """Compute cost has no bound.

    No budget is set while the plan needs GPUs, a large model or a metered hosted service; costs
    grow with traffic and experiments until someone notices the bill. (A budget of 0 on named hardware
    with nothing hosted or metered is no new spend, not an open bill.)

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
    if not heavy:
        return None
    compute = plan.constraints.compute
    if compute.hosted is False and not compute.cost_per_prediction and not compute.hosted_model:
        if compute.hardware is not None:
            return (
                None  # named hardware, nothing hosted, nothing metered: 0 means no new spend, not unbounded
            )
        # nothing metered, but where it runs is not said: asked low
        return Tempered(1, (quote(plan, "constraints.compute.budget_per_month"), *heavy))
    small = plan.constraints.latency.model_size is ModelSize.small
    if small and not (compute.hosted_service or compute.hosted_model or compute.cost_per_prediction):
        # a small model on a GPU, nothing metered: a card or a training run, not a bill that grows: asked low
        size = quote(plan, "constraints.latency.model_size")
        return Tempered(1, (quote(plan, "constraints.compute.budget_per_month"), *heavy, size))
    note = no_money_set_aside(plan)
    if note is None:
        return None  # a run once over a backlog, its whole bill known and small: bounded, whatever the budget
    found = (f"{quote(plan, 'constraints.compute.budget_per_month')} ({note})", *heavy)
    likely = likely_monthly_bill(plan) if compute.hardware is not Hardware.gpu else None
    if likely is not None and likely[0] <= TINY_MONTHLY_BILL:
        return None  # the calls a month at a hosted call's price are pocket money: nothing to bound
    return (*found, likely[1]) if likely else found


# An overrun within this share of the budget is a rounding of the estimate, not a product that loses
# money: a note to trim, not a risk that leads the plan (a tunable judgement call).
MARGINAL_OVERRUN = 0.10


def _bill(plan: Plan) -> tuple[float, float] | None:
    """(the monthly bill, the monthly budget) where predictions, their price and the budget are all said."""
    compute = plan.constraints.compute
    count, period, cost, budget = (
        compute.predictions_per_period,
        compute.prediction_period,
        compute.call_cost,
        compute.budget_per_month,
    )
    months = period.per_month if period else 1.0
    if count is None or cost is None or budget is None or months is None:
        return None  # a one-off count is a total: not weighed against a monthly budget
    return count * months * cost, budget


def _marginal_overrun(plan: Plan) -> bool:
    figures = _bill(plan)
    return figures is not None and 0 < figures[1] < figures[0] <= figures[1] * (1 + MARGINAL_OVERRUN)


@rule(
    "cost-over-budget",
    Category.cost,
    likelihood=4,
    impact=4,
    instead=(
        Instead(
            _marginal_overrun,
            Move(
                "Trim the small overrun of the running cost",
                "The bill is within a tenth of the budget: an estimate's rounding; cache or batch a little, "
                "or round the budget up",
            ),
            "Trim a few calls (cache, batch) or round the budget up to the bill.",
        ),
    ),
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
        Case(  # 8% over: the estimate's rounding, a low note to trim
            {"constraints.compute.cost_per_prediction": 0.018},
            evidence=(
                "constraints.compute.predictions_per_period: 12,000 a month x cost_per_prediction €0.018 "
                "= €216 a month",
                "constraints.compute.budget_per_month: 200 (EUR)",
                "within 10% of the budget: trim, not redesign",
            ),
        ),
    ),
    quiet=(Case({"constraints.compute.cost_per_prediction": 0.016}),),
)
def cost_over_budget(plan: Plan) -> Evidence:
    """Running the model costs more than its budget.

    Predictions per month times the cost of each (a hosted API's price per call, or compute) is
    more than the monthly budget: the product loses money from the first day, or gets switched off.
    An overrun within a tenth of the budget (25.32 against 25 a month) is the estimate's rounding: a low
    note to trim, not a product that loses money.

    Mitigation: Cut the calls (cache, batch, predict only where it changes the decision), use a
    cheaper or smaller model, or get a budget that matches the volume.
    """
    compute = plan.constraints.compute
    figures = _bill(plan)
    if figures is None:
        return None
    bill, budget = figures
    if bill <= budget:
        return None
    count, period, cost = (
        compute.predictions_per_period,
        compute.prediction_period,
        compute.call_cost,
    )
    assert count is not None and cost is not None
    per_month = count * (period.per_month or 1.0 if period else 1.0)  # _bill: never once here
    cur = compute.currency
    basis = (
        f"{fmt.number(count, 0)} a {period.value}" if period else f"{fmt.number(count, 0)} (taken as a month)"
    )
    if period and period.value != "month":
        basis += f" ({fmt.count(per_month)} a month)"
    evidence = (
        f"constraints.compute.predictions_per_period: {basis} x cost_per_prediction {fmt.money(cost, cur)} "
        f"= {fmt.money(bill, cur)} a month",
        f"constraints.compute.budget_per_month: {show(budget)}" + (f" ({cur})" if cur else ""),
    )
    if _marginal_overrun(plan):
        return Tempered(
            1, (*evidence, f"within {fmt.share(MARGINAL_OVERRUN)} of the budget: trim, not redesign")
        )
    if budget == 0:  # no money set aside yet, not a limit the bill breaks: who pays it? (a question)
        return Tempered(
            1 if bill <= TINY_MONTHLY_BILL else 2, (*evidence[:1], f"{evidence[1]} (no money set aside)")
        )
    return evidence


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
        Case(  # a candidate measured: there is a figure to weigh against the budget
            {
                "constraints.compute.hardware": "edge",
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 30,
                "constraints.latency.model_size": "medium",
                "constraints.latency.measured_p99_ms": 22,
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
    if isinstance(latency.measured_p99_ms, int | float):
        return None  # a candidate's latency is measured: measured-latency-over-budget weighs it
    return (
        quote(plan, "constraints.compute.hardware"),
        quote(plan, "constraints.latency.p99_ms"),
        quote(plan, "constraints.latency.model_size"),
    )
