"""Rules on product and feasibility: are plain rules enough, is the metric measured, how big a start."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import (
    answer_is,
    first_said,
    quote,
    says_nothing,
)
from planner.judgement.rules.lexicon import SELF_CONFIDENCE
from planner.judgement.rules.today import people_do_it_today
from planner.judgement.rules.total import volume_said
from planner.plan.model import (
    UNSTRUCTURED,
    ActionShape,
    Category,
    Hardware,
    Mode,
    ModelSize,
    Plan,
    RulesVerdict,
)

_INSTRUMENT_THE_METRIC = Move(
    "Instrument the product metric before modelling",
    "Without a measured 'before', nobody can tell whether the model helped the product",
    "info",
)


@rule(
    "product-metric-not-measured",
    Category.product,
    likelihood=4,
    impact=3,
    move=_INSTRUMENT_THE_METRIC,
    fires=(
        Case({"product.metric_measured_today": False}, evidence=("product.metric_measured_today: false",)),
    ),
)
def product_metric_not_measured(plan: Plan) -> Evidence:
    """The product metric is not measured today.

    Nobody will be able to tell whether the model helped the product, only whether it scores well
    offline.

    Mitigation: Instrument the product metric on today's process before modelling, so there is a
    before to compare with.
    """
    return answer_is(plan, "product.metric_measured_today", False)


# ---------------------------------------------------------------- reasoning from the facts


_NARROW = Move(
    "Narrow the first model to the easy, high-volume slice; people keep the rest",
    "Rules will not decide the hard part of unstructured inputs, and automating people away is a long "
    "road; first take what is plainly out of scope or unmistakable (inputs the product does not cover "
    "at all, the clearest cases) and let people keep everything else",
    "warning",
    first=True,
    reshapes=True,
)


# The model acts alone only on the cases it is sure of, and hands the rest to people: a slice chosen.
_UNSURE_PATHS = ("after_launch.fallback", "product.decision", "heuristics.humans_handle", "product.output")


@rule(
    "narrow-to-easy-slice",
    Category.product,
    likelihood=4,
    impact=3,
    move=_NARROW,
    fires=(
        Case(
            {
                "product.data_kinds": ["images"],
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "impact.easy_share": None,
            },
            evidence=(
                'product.data_kinds: ["images"]',
                'product.current_solution: "The ERP blocks invoices with the same supplier, number and '
                'amount; ..." (people do it today)',
                "impact.share_addressed: 0.6 (the first model would take 60% of 12,000 items a month: 7,200)",
            ),
        ),
        Case(  # a value per kWh, and no answer says what the volume counts: no unit is made up
            {
                "product.data_kinds": ["images"],
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "impact.easy_share": None,
                "impact.value_unit": "EUR per kWh",
            },
            evidence=(
                'product.data_kinds: ["images"]',
                'product.current_solution: "The ERP blocks invoices with the same supplier, number and '
                'amount; ..." (people do it today)',
                "impact.share_addressed: 0.6 (the first model would take 60% of 12,000 a month: 7,200)",
            ),
            also=frozenset({"impact-units-differ"}),
        ),
    ),
    quiet=(
        Case({"product.data_kinds": ["images"], "product.mode": "automate"}),  # rules already take a slice
        Case(  # a cut-off already routes the clear cases to the model and the rest to people
            {
                "product.data_kinds": ["images"],
                "product.mode": "automate",
                "product.action_shape": "threshold",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "impact.easy_share": None,
                "impact.share_addressed": 0.7,
            }
        ),
        Case(  # it routes alone only where it is confident; people take the rest
            {
                "product.data_kinds": ["text"],
                "product.mode": "automate",
                "product.action_shape": "every_item",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "impact.easy_share": None,
                "after_launch.fallback": "E-mails it is not confident about stay in the shared inbox for the "
                "administrators, as today.",
            }
        ),
        Case({"product.data_kinds": ["images"], "heuristics.coverage": None, "heuristics.accuracy": None}),
        Case(  # a machine does it today: nobody keeps "the rest"
            {
                "product.data_kinds": ["images"],
                "product.mode": "automate",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "impact.easy_share": None,
                "product.current_solution": "A camera with a fixed threshold rejects parts; no one checks by hand.",
            }
        ),
    ),
)
def narrow_to_easy_slice(plan: Plan) -> Evidence:
    """Unstructured inputs that people handle today, with no slice chosen yet.

    Images, audio, video and free text rarely yield to rules, and a first model that must replace
    people on all of it has a long road; the value comes sooner from the easy, high-volume part.

    Mitigation: Pick the slice a model can take safely (inputs that are plainly out of scope, the
    clearest cases), measure its share of the work, and route the rest to people as today.
    """
    product, heuristics = plan.product, plan.heuristics
    kinds = product.data_kinds
    if not kinds or not all(kind in UNSTRUCTURED for kind in kinds) or heuristics.coverage_figure is not None:
        return None
    if product.mode is not Mode.automate:
        return None  # augmenting people is narrowing already: they keep every decision
    if isinstance(plan.impact.easy_share, float):
        return None  # the team said what share is easy: easy-slice-first weighs it
    people = people_do_it_today(plan)
    if people is None:
        return None
    found = [quote(plan, "product.data_kinds"), quote(plan, people, "people do it today")]
    share, volume = plan.impact.addressed, volume_said(plan)
    if share is not None and share < 0.5:
        return None  # already narrowed to a slice
    if share is not None and share < 1 and product.action_shape is ActionShape.threshold:
        return None  # a cut-off already ships the clear slice: the model acts above it, people keep the rest
    if first_said(plan, _UNSURE_PATHS, SELF_CONFIDENCE):
        return None  # it acts alone only where confident and hands the rest to people: a slice already
    if share is not None and volume is not None:
        items, whole = volume
        found.append(
            quote(
                plan,
                "impact.share_addressed",
                f"the first model would take {fmt.share(share)} of {whole}: {fmt.count(items * share)}",
            )
        )
    elif plan.impact.volume is not None and plan.impact.period is not None:
        found.append(
            f"impact.volume: {fmt.number(plan.impact.volume)} {plan.impact.period.reads} (no share chosen for "
            "the first model yet)"
        )
    return tuple(found)


@rule(
    "heavy-start",
    Category.cost,
    likelihood=3,
    impact=4,
    move=Move(
        "Start small and local: a simple model on a laptop against a measured baseline",
        "A large model, rented GPUs or an AutoML service before any baseline spends money and weeks "
        "before anyone knows whether plain rules or a small model would do",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.compute.hardware": "gpu",
                "heuristics.verdict": "not_tried",
                "heuristics.coverage": None,
                "heuristics.accuracy": None,
                "done.metrics[0].baseline": None,
                "product.current_performance": None,
            },
            evidence=(
                'constraints.compute.hardware: "gpu"',
                'heuristics.verdict: "not_tried" (no baseline measured yet)',
            ),
            also=frozenset({"no-non-ml-baseline", "target-without-baseline"}),
        ),
    ),
    quiet=(Case({"constraints.compute.hardware": "gpu"}),),
)
def heavy_start(plan: Plan) -> Evidence:
    """A heavy start before any baseline.

    A large model, rented GPUs or a black-box AutoML service before the team has measured rules,
    people or a simple model costs money and weeks, and hides whether ML is needed at all.

    Mitigation: Start local: the obvious rules and a small model (linear, trees) on a laptop with
    downsampled data, measured on the done metric; scale up only what beats them.
    """
    constraints = plan.constraints
    heavy = [
        quote(plan, path)
        for path, hit in (
            (
                "constraints.latency.model_size",
                constraints.latency.model_size in (ModelSize.large, ModelSize.huge),
            ),
            ("constraints.compute.hardware", constraints.compute.hardware is Hardware.gpu),
            ("constraints.compute.hosted_service", constraints.compute.hosted is True),
        )
        if hit
    ]
    if not heavy:
        return None
    metrics = plan.done.metrics
    if any(metric.baseline_figure is not None or metric.margin is not None for metric in metrics):
        return None
    if plan.heuristics.coverage_figure is not None:
        return None
    if plan.product.current_performance and not says_nothing(plan.product.current_performance):
        return None
    verdict = plan.heuristics.verdict
    if verdict is not None and verdict is not RulesVerdict.not_tried:
        return None
    why = (
        quote(plan, "heuristics.verdict", "no baseline measured yet")
        if verdict
        else "no baseline: no rules measured, no current performance, no metric baseline"
    )
    return (*heavy, why)
