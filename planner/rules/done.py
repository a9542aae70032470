"""Rules on done criteria (targets, baselines, time box, fold action) and on life after launch."""

from __future__ import annotations

from planner.model import Category, Plan
from planner.rules.base import (
    MAX_TIMEBOX_WEEKS,
    Evidence,
    at_least_as_good,
    done_metrics,
    empty_answers,
    norm,
    quote,
    rule,
    says_nothing,
    show,
)

_KEEP_GOING = {
    "continue", "keep going", "keep trying", "keep tuning", "extend", "extend the time box",
    "extend the timebox", "try harder", "never", "we will not fold", "we won't fold", "no fold",
}  # fmt: skip


@rule("no-done-criteria", Category.delivery, 4, 4)
def no_done_criteria(plan: Plan) -> Evidence:
    """No done criteria.

    Metrics are named but none has a target, so there is no point at which the team knows it is
    done, or that it should stop.

    Mitigation: Give the primary metric a target (and a minimum worth shipping) before any tuning.
    """
    metrics = plan.done.metrics
    vague = tuple(
        quote(plan, f"{path}.name") for path, metric in done_metrics(plan) if says_nothing(metric.name)
    )
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
        for path, metric in done_metrics(plan)
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
    if not at_least_as_good(metric.baseline, metric.target, metric.direction):
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
    if at_least_as_good(human, metric.target, metric.direction):
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
    if fold is None or not (says_nothing(fold) or norm(fold) in _KEEP_GOING):
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
    return empty_answers(plan, "after_launch.owner")


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
    return empty_answers(plan, "after_launch.fallback")
