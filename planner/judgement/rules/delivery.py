"""Rules on a delivery path that is not there yet: an integration not built, a delivery nobody has decided."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import items_per_month, quote
from planner.plan.model import Category, Delivery, Mode, Plan

# Predictions a month few enough for a person to be handed each one (a spreadsheet, a small page, an
# email): about three a working day.
FEW_A_MONTH = 60


def handed_over_by_hand(plan: Plan) -> bool:
    """Whether each prediction can simply be handed to the person who acts on it: a person acts on every
    one (the model assists) and there are only a few a month, so a number on a laptop is the delivery and
    no integration stands between the model and the decision."""
    items = items_per_month(plan)
    return plan.product.mode is Mode.augment and items is not None and items <= FEW_A_MONTH


@rule(
    "integration-not-built",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Put the integration on the plan: owner, licence, effort and date",
        "Until the integration that carries predictions to whoever acts is built (and licensed, if the "
        "vendor charges for it), the model changes nothing; count its effort in the plan, name its owner "
        "and date, and until it lands try the action by hand on a few real cases",
        "warning",
    ),
    fires=(
        Case(
            {"product.delivery": "not_built"},
            evidence=(
                'product.delivery: "not_built" (the predictions reach nobody until that integration is built '
                "and licensed)",
                "impact.effort_weeks: 8 (do these person-weeks count building and licensing the integration, "
                "and who owns it?)",
                "done.timebox_weeks: 6 (at the end of the time box the model may be done and still reach "
                "nobody)",
            ),
        ),
        Case(
            {"product.delivery": "not_built", "impact.effort_weeks": None, "done.timebox_weeks": None},
            evidence=(
                'product.delivery: "not_built" (the predictions reach nobody until that integration is built '
                "and licensed)",
                "impact.effort_weeks: not answered (the integration's build and licence are effort too)",
            ),
        ),
    ),
    quiet=(
        Case({"product.delivery": "existing_tool"}),
        Case(  # a valuer reads one figure per property, a dozen a month: a spreadsheet is the delivery
            {
                "product.delivery": "not_built",
                "product.mode": "augment",
                "impact.volume": 150,
                "impact.period": "year",
            }
        ),
    ),
)
def integration_not_built(plan: Plan) -> Evidence:
    """The predictions reach nobody until an integration is built or licensed.

    The team says the integration that carries predictions to whoever acts does not exist yet, or is
    not licensed. It is work outside the model (another team's system, a vendor's price, a security
    review) that is easy to leave out of the effort and the time box: the model is then ready and idle.
    Where a person acts on each of a few predictions a month, each can be handed over by hand (a
    spreadsheet, a small page): no integration stands in the way.

    Mitigation: Count the integration in the effort and the time box, with an owner, a date and the
    licence's cost; until it is live, act on a few predictions by hand to learn what the action needs.
    """
    if plan.product.delivery is not Delivery.not_built or handed_over_by_hand(plan):
        return None
    said = [
        quote(
            plan,
            "product.delivery",
            "the predictions reach nobody until that integration is built and licensed",
        )
    ]
    if plan.impact.effort_weeks is None:
        said.append("impact.effort_weeks: not answered (the integration's build and licence are effort too)")
    else:
        said.append(
            quote(
                plan,
                "impact.effort_weeks",
                "do these person-weeks count building and licensing the integration, and who owns it?",
            )
        )
    if plan.done.timebox_weeks is not None:
        said.append(
            quote(
                plan,
                "done.timebox_weeks",
                "at the end of the time box the model may be done and still reach nobody",
            )
        )
    return tuple(said)


@rule(
    "delivery-not-decided",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Decide where each prediction lands before building",
        "Whether a prediction reaches a system that decides, the tool people already use or a new screen "
        "decides the integration work, the latency that matters and whether anyone acts; pick one with "
        "the people who act, and walk a few real predictions through it by hand",
        "info",
    ),
    fires=(
        Case(
            {"product.delivery": "not_decided"},
            evidence=(
                'product.delivery: "not_decided" (where does each prediction land, and who sees it there?)',
            ),
        ),
    ),
    quiet=(Case({"product.delivery": "existing_tool"}), Case({"product.delivery": None})),
)
def delivery_not_decided(plan: Plan) -> Evidence:
    """Nobody has decided how the predictions reach whoever acts.

    The way a prediction reaches the decision (read by the deciding system, shown in the tool people
    use, a new screen) sets the integration work, the latency that matters and whether it is seen at
    all; left open, it is decided late, by whoever builds the last step.

    Mitigation: Decide it with the people who act: where each prediction lands, who sees it there and
    when; walk a few real predictions through that path by hand before building.
    """
    if plan.product.delivery is not Delivery.not_decided:
        return None
    return (quote(plan, "product.delivery", "where does each prediction land, and who sees it there?"),)
