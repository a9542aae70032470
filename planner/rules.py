"""The risk catalogue: one small documented rule per risk, each quoting the answers that trigger it.

A rule is a function `(plan) -> evidence | None` registered with `@rule(id, category, likelihood,
impact)`; its docstring holds the title (first line), why it matters, and `Mitigation: ...`.
Adding a rule touches this file only; `tests/test_review.py` then asks for a plan that triggers it.

Precision first: a rule fires only on what the answers say. An unanswered field never fires
(`questions.completeness` reports those once); answers that say nothing ("none", "TBD",
"unknown") and explicit numbers or choices do. Thresholds below are judgement calls, named
so they can be tuned in one place.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from planner.model import (
    UNSTRUCTURED,
    Acquisition,
    Cadence,
    Category,
    DataKind,
    Direction,
    Hardware,
    LabelSource,
    Metric,
    ModelSize,
    Plan,
    RulesVerdict,
    Serving,
    Split,
    TaskType,
)

Evidence = tuple[str, ...] | None
Check = Callable[[Plan], Evidence]

# Tunable judgement calls (not any source's numbers).
RULES_ENOUGH_COVERAGE = 0.8  # rules that handle this share...
RULES_ENOUGH_ACCURACY = 0.95  # ...this well are a product already
MIN_LABELED = 1000  # fewer labeled examples than this is a small set for supervised learning
MIN_RARE_LABELED = 100  # ...and fewer examples of the rarest class than this
MIN_TEST = 500  # a test set smaller than this cannot separate close models
MIN_RARE_TEST = 30  # below ~30 cases a class's rate has a 95% interval wider than +-15 points
RARE_SHARE = 0.1  # a class rarer than this makes accuracy meaningless
MAX_TIMEBOX_WEEKS = 16  # feasibility studies run 4-16 weeks; longer is no box at all
FAST_CADENCE_DAYS = 7.0  # retraining weekly or faster
PERSON_WEEK_HOURS = 40.0
PERSON_WEEK_COST = 3000.0  # loaded cost of a person-week, for plans valued in EUR/USD/GBP/CHF
LATENCY_FLOOR_MS = {ModelSize.huge: 1000, ModelSize.large: 100}  # budgets below these are tight
ANY_MODEL_FLOOR_MS = 10
HOSTED_FLOOR_MS = 100  # a network round trip to a hosted service eats this budget


@dataclass(frozen=True)
class RuleSpec:
    """One entry of the catalogue."""

    id: str
    title: str
    category: Category
    likelihood: int
    impact: int
    why: str
    mitigation: str
    check: Check

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


CATALOGUE: dict[str, RuleSpec] = {}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def rule(id: str, category: Category, likelihood: int, impact: int) -> Callable[[Check], Check]:
    """Register a rule; its docstring gives the title, why, and `Mitigation: ...`."""

    def register(check: Check) -> Check:
        paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(check.__doc__ or "").split("\n\n")]
        if len(paragraphs) != 3 or not paragraphs[2].startswith("Mitigation: "):
            raise ValueError(f"rule {id}: docstring must be 'Title.', why, 'Mitigation: ...'")
        if not _ID.fullmatch(id) or id in CATALOGUE or not (1 <= likelihood <= 5 and 1 <= impact <= 5):
            raise ValueError(f"rule {id}: bad or duplicate id, or score outside 1-5")
        title, why, mitigation = paragraphs[0].rstrip("."), paragraphs[1], paragraphs[2][12:]
        CATALOGUE[id] = RuleSpec(id, title, category, likelihood, impact, why, mitigation, check)
        return check

    return register


# ---------------------------------------------------------------- evidence helpers

_SAYS_NOTHING = {
    "", "-", "--", "?", "??", "...", "n/a", "na", "nil", "null", "none", "none yet", "no", "nothing",
    "nobody", "no one", "noone", "tbd", "tbc", "todo", "to do", "unknown", "not known", "unclear",
    "not sure", "no idea", "idk", "don't know", "do not know", "not measured", "never measured",
    "not yet", "later", "to be decided", "to be defined", "to be confirmed",
}  # fmt: skip
_KEEP_GOING = {
    "continue", "keep going", "keep trying", "keep tuning", "extend", "extend the time box",
    "extend the timebox", "try harder", "never", "we will not fold", "we won't fold", "no fold",
}  # fmt: skip


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .!;:")


def says_nothing(value: Any) -> bool:
    """An answer that is given but carries no content ("none", "TBD", "unknown", "?")."""
    return isinstance(value, str) and _norm(value) in _SAYS_NOTHING


def show(value: Any) -> str:
    """An answer as it reads in plan.yaml: strings quoted (and shortened), numbers plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return f'"{value.value}"'
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, str):
        text = " ".join(value.split())
        return '"' + (text if len(text) <= 70 else text[:67] + "...") + '"'
    return str(value)


def answer_at(plan: Plan, path: str) -> Any:
    """The answer at a dotted path; list items as `sources[1].name`."""
    value: Any = plan
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]
    return value


def quote(plan: Plan, path: str, note: str = "") -> str:
    """`path: answer`, optionally followed by a note in parentheses."""
    return f"{path}: {show(answer_at(plan, path))}" + (f" ({note})" if note else "")


def _is(plan: Plan, path: str, *values: Any) -> Evidence:
    answer = answer_at(plan, path)
    hit = any(answer is value if isinstance(value, bool) else answer == value for value in values)
    return (quote(plan, path),) if hit else None


def _empty_answers(plan: Plan, *paths: str) -> Evidence:
    found = tuple(quote(plan, path) for path in paths if says_nothing(answer_at(plan, path)))
    return found or None


def _metrics(plan: Plan) -> Iterator[tuple[str, Metric]]:
    for index, metric in enumerate(plan.done.metrics):
        yield f"done.metrics[{index}]", metric


def _at_least_as_good(value: float, than: float, direction: Direction) -> bool:
    return value >= than if direction is Direction.higher_is_better else value <= than


def items_per_month(plan: Plan) -> float | None:
    impact = plan.impact
    if impact.volume is None or impact.period is None:
        return None
    return impact.volume * impact.period.per_month


def monthly_value(plan: Plan) -> float | None:
    """Impact estimate: volume x periods per month x share addressed x value per item."""
    items, impact = items_per_month(plan), plan.impact
    if items is None or impact.share_addressed is None or impact.value_per_item is None:
        return None
    return items * impact.share_addressed * impact.value_per_item


_HOURS = {"minute": 1 / 60, "minutes": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "hour": 1.0, "hours": 1.0}
_HOURS |= {"h": 1.0, "hr": 1.0, "hrs": 1.0, "person-hours": 1.0, "seconds": 1 / 3600, "s": 1 / 3600}
_MONEY = {"eur", "euro", "euros", "€", "usd", "$", "dollars", "gbp", "£", "chf"}


def is_money(unit: str | None) -> bool:
    return unit is not None and _norm(unit) in _MONEY


def _yearly_value_in_person_weeks(plan: Plan) -> float | None:
    value, unit = monthly_value(plan), plan.impact.value_unit
    if value is None or unit is None:
        return None
    if _norm(unit) in _HOURS:
        return 12 * value * _HOURS[_norm(unit)] / PERSON_WEEK_HOURS
    return 12 * value / PERSON_WEEK_COST if is_money(unit) else None


# ---------------------------------------------------------------- product and feasibility


@rule("rules-may-suffice", Category.product, 4, 4)
def rules_may_suffice(plan: Plan) -> Evidence:
    """Plain rules may already be enough.

    The team's own answers say rules handle the problem; a model would add data, training,
    serving and upkeep for a gain nobody has shown yet.

    Mitigation: Ship the rules with people for the rest, measure them on the done metric, and
    build a model only if it must beat them by a margin worth its upkeep.
    """
    heuristics = plan.heuristics
    if heuristics.verdict is RulesVerdict.rules_suffice:
        measured = [
            name for name in ("coverage", "accuracy") if answer_at(plan, f"heuristics.{name}") is not None
        ]
        return tuple(quote(plan, f"heuristics.{name}") for name in ("verdict", *measured))
    if (
        heuristics.verdict is RulesVerdict.rules_baseline
        and (heuristics.coverage or 0) >= RULES_ENOUGH_COVERAGE
        and (heuristics.accuracy or 0) >= RULES_ENOUGH_ACCURACY
    ):
        return tuple(quote(plan, f"heuristics.{name}") for name in ("verdict", "coverage", "accuracy"))
    return None


@rule("no-non-ml-baseline", Category.model, 4, 3)
def no_non_ml_baseline(plan: Plan) -> Evidence:
    """Rules never tried: no non-ML baseline.

    Without a rule-based yardstick nobody can tell whether a model adds anything, and plain rules
    often get a good part of the way for a fraction of the cost.

    Mitigation: Spend a few days writing the obvious rules and measure them on real cases; they
    become the baseline, and maybe the first release.
    """
    return _is(plan, "heuristics.verdict", RulesVerdict.not_tried)


@rule("rules-on-unstructured-data", Category.model, 3, 3)
def rules_on_unstructured_data(plan: Plan) -> Evidence:
    """Rules hoped for on unstructured data.

    Images, audio, video and free text rarely yield to hand-written rules; a claim that rules
    suffice there usually falls apart on real inputs.

    Mitigation: Measure the rules' coverage and accuracy on a few hundred real inputs; keep them for
    the obvious cases (out-of-scope inputs) and route the rest to people or a model.
    """
    kinds = plan.product.data_kinds
    if kinds and all(kind in UNSTRUCTURED for kind in kinds):
        found = _is(plan, "heuristics.verdict", RulesVerdict.rules_suffice)
        return (quote(plan, "product.data_kinds"), *found) if found else None
    return None


@rule("never-done-by-hand", Category.model, 4, 3)
def never_done_by_hand(plan: Plan) -> Evidence:
    """The task was never done by hand.

    Without working real examples the team has no feel for the signals, the hard cases or the
    ambiguity, and no human yardstick for the model.

    Mitigation: Do 50-100 real cases by hand, timed, and write down what you looked at and which
    cases were hard.
    """
    return _is(plan, "by_hand.examples", 0)


@rule("human-performance-unknown", Category.model, 3, 3)
def human_performance_unknown(plan: Plan) -> Evidence:
    """How well people or today's system do is unknown.

    That score bounds what a model can reach and is the bar it must beat; without it a target is a
    guess and success cannot be judged.

    Mitigation: Score today's process (or two people labelling the same 100-200 cases) on the
    primary done metric.
    """
    return _empty_answers(plan, "product.current_performance", "by_hand.human_score_notes")


@rule("expert-cannot-decide", Category.model, 4, 4)
def expert_cannot_decide(plan: Plan) -> Evidence:
    """An expert cannot decide from the model's inputs.

    If a domain expert cannot make the call from what the model will see, a model trained on the
    same inputs will not either.

    Mitigation: Find out what else the expert needs, add those inputs, or reframe the task around
    what the inputs can tell.
    """
    return _is(plan, "by_hand.expert_can_decide", False)


@rule("no-domain-expert", Category.delivery, 3, 3)
def no_domain_expert(plan: Plan) -> Evidence:
    """No domain expert available.

    Labelling, feature and evaluation decisions made without domain knowledge go wrong quietly,
    and the errors compound downstream.

    Mitigation: Secure a few hours a week of an expert for labelling guidelines, hard cases and
    error reviews.
    """
    return _is(plan, "by_hand.expert_available", False)


@rule("product-metric-not-measured", Category.product, 4, 3)
def product_metric_not_measured(plan: Plan) -> Evidence:
    """The product metric is not measured today.

    Nobody will be able to tell whether the model helped the product, only whether it scores well
    offline.

    Mitigation: Instrument the product metric on today's process before modelling, so there is a
    before to compare with.
    """
    return _is(plan, "product.metric_measured_today", False)


# ---------------------------------------------------------------- impact and press release


@rule("not-worth-it", Category.product, 4, 5)
def not_worth_it(plan: Plan) -> Evidence:
    """Not worth it even if the model works.

    The team judged that a working model would not repay the effort; the project is dead whatever
    the model does.

    Mitigation: Pick another bottleneck, scope the work down to what pays, or stop here.
    """
    return _is(plan, "impact.worth_it", False)


@rule("no-impact-estimate", Category.product, 3, 4)
def no_impact_estimate(plan: Plan) -> Evidence:
    """No real impact estimate.

    The bottleneck or the numbers behind the impact are empty or zero, so effort cannot be weighed
    against value.

    Mitigation: Name the step that costs most and estimate volume, share addressed and value per
    item, even roughly.
    """
    zeros = tuple(
        quote(plan, f"impact.{name}")
        for name in ("volume", "share_addressed", "value_per_item")
        if answer_at(plan, f"impact.{name}") == 0
    )
    return (*(_empty_answers(plan, "impact.bottleneck") or ()), *zeros) or None


@rule("impact-small-for-effort", Category.product, 3, 4)
def impact_small_for_effort(plan: Plan) -> Evidence:
    """The impact is small for the effort.

    A year of the estimated value does not repay the effort to build the first model, before
    counting its upkeep.

    Mitigation: Aim the first model at a bigger bottleneck or a higher-volume slice, or cut the
    effort (rules, an off-the-shelf model, a smaller scope).
    """
    yearly, effort = _yearly_value_in_person_weeks(plan), plan.impact.effort_weeks
    if yearly is None or effort is None or yearly >= effort:
        return None
    value = monthly_value(plan) or 0.0
    return (
        f"impact estimate: {value:,.0f} {plan.impact.value_unit} per month",
        quote(plan, "impact.effort_weeks", f"a year of value is about {yearly:.1f} person-weeks"),
    )


@rule("cost-exceeds-value", Category.cost, 4, 4)
def cost_exceeds_value(plan: Plan) -> Evidence:
    """Running costs exceed the value.

    The monthly compute budget is larger than the monthly value the model is expected to bring: it
    loses money every month it runs.

    Mitigation: Cut serving cost (batch, smaller model, cheaper hardware) or aim at a more valuable
    part of the pipeline.
    """
    value, budget = monthly_value(plan), plan.constraints.compute.budget_per_month
    if value is None or budget is None or not is_money(plan.impact.value_unit) or budget <= value:
        return None
    return (
        quote(plan, "constraints.compute.budget_per_month"),
        f"impact estimate: {value:,.0f} {plan.impact.value_unit} per month",
    )


@rule("no-plan-if-model-disappoints", Category.product, 3, 3)
def no_plan_if_model_disappoints(plan: Plan) -> Evidence:
    """Nothing is kept if the model disappoints.

    Model quality is uncertain; a project that leaves nothing behind when the model falls short
    is a pure gamble.

    Mitigation: Shape the work so it pays anyway: a cleaned and labeled data set, a measured
    baseline, improved rules, a validated process.
    """
    return _empty_answers(plan, "impact.if_it_fails")


@rule("press-release-vague", Category.product, 2, 3)
def press_release_vague(plan: Plan) -> Evidence:
    """The press release is missing or vague.

    If the team cannot say in plain words who benefits and what changes for them, the project may
    only be interesting, not useful.

    Mitigation: Rewrite the problem and solution for one kind of user, with a number for the pain
    and no model talk.
    """
    found = list(_empty_answers(plan, "press_release.headline") or ())
    for name in ("problem", "solution"):
        text = answer_at(plan, f"press_release.{name}")
        if says_nothing(text):
            found.append(quote(plan, f"press_release.{name}"))
        elif text is not None and len(text.split()) < 8:
            found.append(quote(plan, f"press_release.{name}", f"{len(text.split())} words"))
    return tuple(found) or None


# ---------------------------------------------------------------- data and labels


@rule("no-labels", Category.data, 5, 4)
def no_labels(plan: Plan) -> Evidence:
    """No labels to learn from.

    Without labels there is nothing to train on and nothing to measure a model with; it is the
    most common reason an ML project stalls.

    Mitigation: Plan and budget labelling before modelling: label a few hundred cases in the team,
    log real outcomes from now on, or reframe around a signal that is recorded.
    """
    return _is(plan, "constraints.data.labels", LabelSource.none)


@rule("proxy-label", Category.data, 3, 4)
def proxy_label(plan: Plan) -> Evidence:
    """The label is a proxy for the goal.

    A model can improve the proxy (clicks, sales, a reviewer's flag) while the product goal stays
    put or gets worse.

    Mitigation: Check on a sample how well the proxy tracks the goal, correct known biases, and
    judge launches on the product metric, not the proxy.
    """
    found = (_is(plan, "constraints.data.labels", LabelSource.proxy) or ()) + (
        _is(plan, "product.label_is_proxy", True) or ()
    )
    return (*found, quote(plan, "product.label")) if found and plan.product.label else found or None


@rule("label-delay-exceeds-retraining", Category.data, 4, 4)
def label_delay_exceeds_retraining(plan: Plan) -> Evidence:
    """Labels arrive after the next retraining is due.

    Each retraining would learn from labels that are not in yet, and monitoring sees errors only
    after several model versions have gone by.

    Mitigation: Retrain on the cadence the labels allow, label a live sample faster, or monitor
    early proxy signals until the outcomes arrive.
    """
    delay, cadence = plan.constraints.data.label_delay_days, plan.constraints.retraining.cadence
    if delay is None or cadence is None or cadence.days is None or delay <= cadence.days:
        return None
    return (
        quote(plan, "constraints.data.label_delay_days"),
        quote(plan, "constraints.retraining.cadence", f"every {cadence.days:g} days"),
    )


@rule("small-labeled-set", Category.data, 3, 4)
def small_labeled_set(plan: Plan) -> Evidence:
    """The labeled set is small.

    Too few labeled examples (or too few of the rarest class) to train a supervised model and
    still hold out an honest test set.

    Mitigation: Label more before modelling, start from a pretrained model, or narrow the task to
    the classes with enough examples.
    """
    data = plan.constraints.data
    if data.labeled_examples is None or data.labels in (None, LabelSource.none):
        return None
    if plan.product.task in (TaskType.clustering, TaskType.generation):
        return None
    if data.labeled_examples < MIN_LABELED:
        return (quote(plan, "constraints.data.labeled_examples"),)
    rare = data.rarest_class_share
    if rare is not None and data.labeled_examples * rare < MIN_RARE_LABELED:
        note = f"about {data.labeled_examples * rare:.0f} examples of the rarest class"
        return (
            quote(plan, "constraints.data.labeled_examples", note),
            quote(plan, "constraints.data.rarest_class_share"),
        )
    return None


@rule("rare-class-judged-by-accuracy", Category.model, 4, 4)
def rare_class_judged_by_accuracy(plan: Plan) -> Evidence:
    """A rare class is judged by accuracy.

    When one class is rare, predicting "never" already scores high accuracy; the metric cannot
    tell a useful model from a useless one.

    Mitigation: Judge by precision and recall of the rare class (or PR-AUC, or a cost-weighted
    metric), and report the majority-class baseline.
    """
    rare = plan.constraints.data.rarest_class_share
    if rare is None or rare >= RARE_SHARE:
        return None
    for path, metric in _metrics(plan):
        name = metric.name.lower()
        if re.search(r"\baccuracy\b", name) and not re.search(r"balanced|macro|per[- ]class", name):
            return (quote(plan, "constraints.data.rarest_class_share"), quote(plan, f"{path}.name"))
    return None


@rule("test-set-not-like-product", Category.data, 4, 4)
def test_set_not_like_product(plan: Plan) -> Evidence:
    """The test set does not reflect the product.

    Scores on data unlike production (other sources, period or population) say little about how the
    model will do once live.

    Mitigation: Build the test set from recent production data, labelled the way the product
    needs, before comparing models.
    """
    return _is(plan, "constraints.data.test_set_reflects_product", False)


@rule("random-split-on-time-data", Category.model, 3, 4)
def random_split_on_time_data(plan: Plan) -> Evidence:
    """A random split on data that changes over time.

    In production the model always predicts the future; a random split lets it peek at it, so
    offline scores come out optimistic.

    Mitigation: Split by time: train before a cutoff, test on what came after it.
    """
    if plan.done.split is not Split.random:
        return None
    why = (
        _is(plan, "product.task", TaskType.forecasting)
        or ((quote(plan, "product.data_kinds"),) if DataKind.time_series in plan.product.data_kinds else None)
        or _is(plan, "constraints.data.labels", LabelSource.outcomes)
    )
    return (quote(plan, "done.split"), *why) if why else None


@rule("small-test-set", Category.model, 3, 3)
def small_test_set(plan: Plan) -> Evidence:
    """The test set is too small to trust.

    With few test cases (or few of the rarest class) a score moves by several points from one
    sample to the next; the target cannot be told from noise.

    Mitigation: Grow the test set, stratify it on the rare class, and report confidence intervals.
    """
    size, rare = plan.done.test_size, plan.constraints.data.rarest_class_share
    if size is None:
        return None
    if size < MIN_TEST:
        return (quote(plan, "done.test_size"),)
    if rare is not None and size * rare < MIN_RARE_TEST:
        note = f"about {size * rare:.0f} cases of the rarest class"
        return (quote(plan, "done.test_size", note), quote(plan, "constraints.data.rarest_class_share"))
    return None


@rule("unversioned-data", Category.data, 3, 3)
def unversioned_data(plan: Plan) -> Evidence:
    """Raw data is not versioned.

    Results cannot be reproduced or compared once the data under them has changed, and an
    overwrite loses training data for good.

    Mitigation: Snapshot raw data read-only with a version per training run, and record which
    version each model saw.
    """
    return _is(plan, "constraints.data.versioned", False)


@rule("vendor-data", Category.data, 3, 3)
def vendor_data(plan: Plan) -> Evidence:
    """Depends on a vendor's data.

    A vendor can change formats, definitions or quality, raise prices or stop delivering, and
    the model degrades without warning.

    Mitigation: Keep versioned copies of each delivery, check schema and distributions on arrival,
    and agree change notice in the contract.
    """
    found = [
        quote(plan, f"constraints.data.sources[{index}].name", "vendor")
        for index, source in enumerate(plan.constraints.data.sources)
        if source.acquisition is Acquisition.vendor
    ]
    found += _is(plan, "constraints.data.labels", LabelSource.vendor) or ()
    return tuple(found) or None


@rule("data-still-to-collect", Category.data, 3, 4)
def data_still_to_collect(plan: Plan) -> Evidence:
    """Some data does not exist yet.

    Data that is still to be collected comes late, costs more than planned, and may not look like
    what was hoped for.

    Mitigation: Collect a small pilot batch first and check volume, quality and labels before
    committing the schedule.
    """
    found = tuple(
        quote(plan, f"constraints.data.sources[{index}].name", "to collect")
        for index, source in enumerate(plan.constraints.data.sources)
        if source.acquisition is Acquisition.to_collect
    )
    return found or None


@rule("personal-data", Category.ethics, 3, 4)
def personal_data(plan: Plan) -> Evidence:
    """The data holds personal data.

    Privacy law, retention rules and a data-protection review apply, and an unfinished review can
    stop a launch late.

    Mitigation: Start the privacy review now; minimise, pseudonymise and set retention for the
    training data; record who may access it.
    """
    return _is(plan, "constraints.data.personal_data", True)


# ---------------------------------------------------------------- serving, retraining, cost


@rule("explanations-required", Category.ethics, 3, 3)
def explanations_required(plan: Plan) -> Evidence:
    """Each prediction must be explained.

    Explanations limit the model families that qualify and need their own design, testing and
    agreement with whoever reads them.

    Mitigation: Agree early with the audience what an acceptable explanation is, and prefer models
    that give it natively (linear models, shallow trees, monotonic boosting).
    """
    return _is(plan, "constraints.explainability_required", True)


@rule("explanations-vs-black-box", Category.ethics, 4, 4)
def explanations_vs_black_box(plan: Plan) -> Evidence:
    """Explanations required from a black-box model.

    Predictions must be explained, yet the plan expects a large model or a hosted service whose
    reasoning the team cannot inspect.

    Mitigation: Use an interpretable model for the decision, or show that the post-hoc explanation
    satisfies the people who need it before building on it.
    """
    if not _is(plan, "constraints.explainability_required", True):
        return None
    opaque = _is(plan, "constraints.latency.model_size", ModelSize.large, ModelSize.huge) or _is(
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
    cost = _is(plan, "constraints.data.labels", LabelSource.manual, LabelSource.vendor) or _is(
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
    if not _is(plan, "constraints.retraining.cadence", Cadence.never):
        return None
    why = (
        _is(plan, "product.task", TaskType.forecasting)
        or ((quote(plan, "product.data_kinds"),) if DataKind.time_series in plan.product.data_kinds else None)
        or _is(plan, "constraints.data.labels", LabelSource.outcomes)
    )
    return (quote(plan, "constraints.retraining.cadence"), *why) if why else None


@rule("hosted-black-box", Category.cost, 3, 3)
def hosted_black_box(plan: Plan) -> Evidence:
    """Relies on a hosted black-box ML service.

    Little room to tune or debug it, prices and behaviour change on the vendor's schedule, and
    leaving it later is expensive.

    Mitigation: Evaluate it on your own test set, keep your data and a simple in-house baseline,
    and wrap the service behind one interface you can swap.
    """
    return _is(plan, "constraints.compute.hosted_service", True)


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
        _is(plan, "constraints.compute.hardware", Hardware.gpu)
        or _is(plan, "constraints.compute.hosted_service", True)
        or _is(plan, "constraints.latency.model_size", ModelSize.large, ModelSize.huge)
    )
    return (quote(plan, "constraints.compute.budget_per_month"), *heavy) if heavy else None


# ---------------------------------------------------------------- done criteria


@rule("no-done-criteria", Category.delivery, 4, 4)
def no_done_criteria(plan: Plan) -> Evidence:
    """No done criteria.

    Metrics are named but none has a target, so there is no point at which the team knows it is
    done, or that it should stop.

    Mitigation: Give the primary metric a target (and a minimum worth shipping) before any tuning.
    """
    metrics = plan.done.metrics
    vague = tuple(quote(plan, f"{path}.name") for path, metric in _metrics(plan) if says_nothing(metric.name))
    if vague:
        return vague
    if metrics and all(metric.target is None for metric in metrics):
        return (f"done.metrics: {len(metrics)} metric{'s' * (len(metrics) > 1)}, none with a target",)
    return None


@rule("target-without-baseline", Category.model, 4, 3)
def target_without_baseline(plan: Plan) -> Evidence:
    """A target without a baseline.

    Without today's value the target may already be met, or be out of reach; nobody can tell what
    the model added.

    Mitigation: Measure the metric for today's process or the rules first and record it as the
    baseline.
    """
    found = tuple(
        f'{path}: "{metric.name}" targets {show(metric.target)} with no baseline'
        for path, metric in _metrics(plan)
        if metric.target is not None and metric.baseline is None
    )
    return found or None


@rule("baseline-already-meets-target", Category.product, 4, 3)
def baseline_already_meets_target(plan: Plan) -> Evidence:
    """The baseline already meets the target.

    Today's process or the rules already reach the primary target; a model spends effort on a
    problem that is solved by that measure.

    Mitigation: Ship the baseline, or raise the target to what the product needs and justify the
    gain.
    """
    if not plan.done.metrics:
        return None
    metric = plan.done.metrics[0]
    if metric.baseline is None or metric.target is None:
        return None
    if not _at_least_as_good(metric.baseline, metric.target, metric.direction):
        return None
    return (
        f'done.metrics[0]: "{metric.name}" baseline {show(metric.baseline)}, target '
        f"{show(metric.target)} ({metric.direction.value} is better)",
    )


@rule("target-beyond-human", Category.model, 3, 4)
def target_beyond_human(plan: Plan) -> Evidence:
    """The target is beyond human performance.

    The primary target is better than people reach from the same inputs; that bound is rarely
    beaten, and chasing it is where time boxes run out.

    Mitigation: Set the first target at or below the human score, or narrow the model to the cases
    people find easy.
    """
    # A human score equal to the baseline describes today's process, which the project means to
    # beat: it is no ceiling then.
    human = plan.by_hand.human_score
    if human is None or not plan.done.metrics:
        return None
    metric = plan.done.metrics[0]
    if metric.target is None or metric.target == human or metric.baseline == human:
        return None
    if _at_least_as_good(human, metric.target, metric.direction):
        return None
    return (
        f'done.metrics[0]: "{metric.name}" targets {show(metric.target)} ({metric.direction.value} is better)',
        quote(plan, "by_hand.human_score"),
    )


@rule("no-time-box", Category.delivery, 3, 4)
def no_time_box(plan: Plan) -> Evidence:
    """No real time box.

    ML progress is nonlinear: a week can bring nothing. A box of many months never forces the
    continue-or-fold decision.

    Mitigation: Box the first model at 4-8 weeks with a decision meeting at the end; extend only
    by a new, explicit decision.
    """
    weeks = plan.done.timebox_weeks
    if weeks is None or weeks <= MAX_TIMEBOX_WEEKS:
        return None
    return (quote(plan, "done.timebox_weeks", f"more than {MAX_TIMEBOX_WEEKS} weeks is no box"),)


@rule("no-fold-action", Category.delivery, 3, 4)
def no_fold_action(plan: Plan) -> Evidence:
    """No fold action.

    When the time box runs out short of the target, "keep going" is the default unless another
    action was agreed beforehand.

    Mitigation: Write now what happens at the end of the box without the target: ship the rules,
    collect data, re-scope, or stop.
    """
    fold = plan.done.fold_action
    if fold is None or not (says_nothing(fold) or _norm(fold) in _KEEP_GOING):
        return None
    return (quote(plan, "done.fold_action"),)


# ---------------------------------------------------------------- after launch


@rule("no-owner-after-launch", Category.operations, 4, 4)
def no_owner_after_launch(plan: Plan) -> Evidence:
    """Nobody owns the model after launch.

    Nobody watches it, retrains it or answers for it; it decays quietly until a customer notices.

    Mitigation: Name a team and a person before launch, with time set aside for monitoring and
    retraining.
    """
    return _empty_answers(plan, "after_launch.owner")


@rule("no-monitoring", Category.operations, 4, 4)
def no_monitoring(plan: Plan) -> Evidence:
    """Nothing is monitored.

    Models fail silently: stale inputs, shifted data or a broken feature still give predictions,
    just bad ones.

    Mitigation: Monitor input freshness and drift, the prediction rate, and the product metric,
    each with a threshold and whom it alerts.
    """
    found = tuple(
        quote(plan, f"after_launch.monitoring[{index}].signal")
        for index, monitor in enumerate(plan.after_launch.monitoring)
        if says_nothing(monitor.signal)
    )
    return found or None


@rule("monitoring-without-alerts", Category.operations, 3, 3)
def monitoring_without_alerts(plan: Plan) -> Evidence:
    """Monitoring without alert thresholds.

    Signals without thresholds end up on a dashboard nobody opens; the failure is found by users.

    Mitigation: Give each monitored signal a threshold and a person or channel it alerts.
    """
    monitors = plan.after_launch.monitoring
    if not monitors or any(says_nothing(monitor.signal) for monitor in monitors):
        return None
    if any(monitor.threshold and not says_nothing(monitor.threshold) for monitor in monitors):
        return None
    return (
        f"after_launch.monitoring: {len(monitors)} signal{'s' * (len(monitors) > 1)}, none with a threshold",
    )


@rule("no-fallback", Category.operations, 3, 4)
def no_fallback(plan: Plan) -> Evidence:
    """No fallback when the model is wrong or down.

    Every model is sometimes wrong and every service sometimes down; without a designed fallback
    the product fails with it.

    Mitigation: Design the graceful failure now: fall back to the rules or to people, and test the
    switch.
    """
    return _empty_answers(plan, "after_launch.fallback")
