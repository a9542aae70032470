"""Rules on the impact estimate and the press release: is a working model worth its effort and cost."""

from __future__ import annotations

from planner.model import Category, Plan
from planner.rules.base import (
    PERSON_WEEK_COST,
    PERSON_WEEK_HOURS,
    Evidence,
    answer_at,
    answer_is,
    empty_answers,
    monthly_value,
    norm,
    quote,
    rule,
    says_nothing,
)

_HOURS = {"minute": 1 / 60, "minutes": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "hour": 1.0, "hours": 1.0}
_HOURS |= {"h": 1.0, "hr": 1.0, "hrs": 1.0, "person-hours": 1.0, "seconds": 1 / 3600, "s": 1 / 3600}
_MONEY = {"eur", "euro", "euros", "€", "usd", "$", "dollars", "gbp", "£", "chf"}


def is_money(unit: str | None) -> bool:
    return unit is not None and norm(unit) in _MONEY


def _yearly_value_in_person_weeks(plan: Plan) -> float | None:
    value, unit = monthly_value(plan), plan.impact.value_unit
    if value is None or unit is None:
        return None
    if norm(unit) in _HOURS:
        return 12 * value * _HOURS[norm(unit)] / PERSON_WEEK_HOURS
    return 12 * value / PERSON_WEEK_COST if is_money(unit) else None


@rule("not-worth-it", Category.product, 4, 5)
def not_worth_it(plan: Plan) -> Evidence:
    """Not worth it even if the model works.

    The team judged that a working model would not repay the effort; the project is dead whatever
    the model does.

    Mitigation: Pick another bottleneck, scope the work down to what pays, or stop here.
    """
    return answer_is(plan, "impact.worth_it", False)


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
    return (*(empty_answers(plan, "impact.bottleneck") or ()), *zeros) or None


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
    return empty_answers(plan, "impact.if_it_fails")


@rule("press-release-vague", Category.product, 2, 3)
def press_release_vague(plan: Plan) -> Evidence:
    """The press release is missing or vague.

    If the team cannot say in plain words who benefits and what changes for them, the project may
    only be interesting, not useful.

    Mitigation: Rewrite the problem and solution for one kind of user, with a number for the pain
    and no model talk.
    """
    found = list(empty_answers(plan, "press_release.headline") or ())
    for name in ("problem", "solution"):
        text = answer_at(plan, f"press_release.{name}")
        if says_nothing(text):
            found.append(quote(plan, f"press_release.{name}"))
        elif text is not None and len(text.split()) < 8:
            found.append(quote(plan, f"press_release.{name}", f"{len(text.split())} words"))
    return tuple(found) or None
