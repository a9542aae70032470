"""Rules on product and feasibility: are plain rules enough, was the task done by hand, is the metric measured."""

from __future__ import annotations

from planner.model import UNSTRUCTURED, Category, Plan, RulesVerdict
from planner.rules.base import (
    RULES_ENOUGH_ACCURACY,
    RULES_ENOUGH_COVERAGE,
    Evidence,
    answer_at,
    answer_is,
    empty_answers,
    quote,
    rule,
)


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
    return answer_is(plan, "heuristics.verdict", RulesVerdict.not_tried)


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
        found = answer_is(plan, "heuristics.verdict", RulesVerdict.rules_suffice)
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
    return answer_is(plan, "by_hand.examples", 0)


@rule("human-performance-unknown", Category.model, 3, 3)
def human_performance_unknown(plan: Plan) -> Evidence:
    """How well people or today's system do is unknown.

    That score bounds what a model can reach and is the bar it must beat; without it a target is a
    guess and success cannot be judged.

    Mitigation: Score today's process (or two people labelling the same 100-200 cases) on the
    primary done metric.
    """
    return empty_answers(plan, "product.current_performance", "by_hand.human_score_notes")


@rule("expert-cannot-decide", Category.model, 4, 4)
def expert_cannot_decide(plan: Plan) -> Evidence:
    """An expert cannot decide from the model's inputs.

    If a domain expert cannot make the call from what the model will see, a model trained on the
    same inputs will not either.

    Mitigation: Find out what else the expert needs, add those inputs, or reframe the task around
    what the inputs can tell.
    """
    return answer_is(plan, "by_hand.expert_can_decide", False)


@rule("no-domain-expert", Category.delivery, 3, 3)
def no_domain_expert(plan: Plan) -> Evidence:
    """No domain expert available.

    Labelling, feature and evaluation decisions made without domain knowledge go wrong quietly,
    and the errors compound downstream.

    Mitigation: Secure a few hours a week of an expert for labelling guidelines, hard cases and
    error reviews.
    """
    return answer_is(plan, "by_hand.expert_available", False)


@rule("product-metric-not-measured", Category.product, 4, 3)
def product_metric_not_measured(plan: Plan) -> Evidence:
    """The product metric is not measured today.

    Nobody will be able to tell whether the model helped the product, only whether it scores well
    offline.

    Mitigation: Instrument the product metric on today's process before modelling, so there is a
    before to compare with.
    """
    return answer_is(plan, "product.metric_measured_today", False)
