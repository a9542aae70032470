"""Rules on data, labels and evaluation sets: enough labels, the right ones, a test set like the product."""

from __future__ import annotations

import re

from planner.model import Acquisition, Category, LabelSource, Plan, Split, TaskType
from planner.rules.base import (
    MIN_LABELED,
    MIN_RARE_LABELED,
    MIN_RARE_TEST,
    MIN_TEST,
    RARE_SHARE,
    Evidence,
    answer_is,
    changes_over_time,
    done_metrics,
    quote,
    rule,
)


@rule("no-labels", Category.data, 5, 4)
def no_labels(plan: Plan) -> Evidence:
    """No labels to learn from.

    Without labels there is nothing to train on and nothing to measure a model with; it is the
    most common reason an ML project stalls.

    Mitigation: Plan and budget labelling before modelling: label a few hundred cases in the team,
    log real outcomes from now on, or reframe around a signal that is recorded.
    """
    return answer_is(plan, "constraints.data.labels", LabelSource.none)


@rule("proxy-label", Category.data, 3, 4)
def proxy_label(plan: Plan) -> Evidence:
    """The label is a proxy for the goal.

    A model can improve the proxy (clicks, sales, a reviewer's flag) while the product goal stays
    put or gets worse.

    Mitigation: Check on a sample how well the proxy tracks the goal, correct known biases, and
    judge launches on the product metric, not the proxy.
    """
    found = (answer_is(plan, "constraints.data.labels", LabelSource.proxy) or ()) + (
        answer_is(plan, "product.label_is_proxy", True) or ()
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
    if data.labeled_examples is None or not data.labels or data.labels == [LabelSource.none]:
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
    for path, metric in done_metrics(plan):
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
    return answer_is(plan, "constraints.data.test_set_reflects_product", False)


@rule("random-split-on-time-data", Category.model, 3, 4)
def random_split_on_time_data(plan: Plan) -> Evidence:
    """A random split on data that changes over time.

    In production the model always predicts the future; a random split lets it peek at it, so
    offline scores come out optimistic.

    Mitigation: Split by time: train before a cutoff, test on what came after it.
    """
    if plan.done.split is not Split.random:
        return None
    why = changes_over_time(plan)
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
    return answer_is(plan, "constraints.data.versioned", False)


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
    found += answer_is(plan, "constraints.data.labels", LabelSource.vendor) or ()
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
    return answer_is(plan, "constraints.data.personal_data", True)
