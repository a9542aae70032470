"""Rules on an action meant to change the very outcome the model predicts: a retention offer, a reminder, a
discount. It pays only where it changes the outcome, and a model of the outcome ranks first the cases that
would have gone the same way whatever was done.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, OutcomeRecorded, Plan

# Actions that try to persuade: they change the outcome for some, not for others.
_PERSUADES = Lexicon("""
    discount, discounts, voucher, vouchers, coupon, coupons, offer, offers, incentive, incentives
    reminder, reminders, nudge, nudges, retention call, retention calls, retention offer, win-back
    winback, outreach, campaign, campaigns, free month, free months, loyalty bonus, cashback, cash back
    personal call, courtesy call, follow-up call, follow-up calls, text reminder, sms reminder
    collections call, collections calls, collection call, collection calls, payment plan, payment plans
    outreach call, outreach calls, home visit, home visits, welfare call, welfare calls, check-in call
    check-in calls, coaching, mentoring, tutoring, debt advice, hardship call, hardship calls
""")

# Where a plan measures what the action changes, not only who has the outcome.
_EFFECT_MEASURED = Lexicon("""
    uplift, uplift model, uplift modelling, uplift modeling, incremental, incrementality, treatment effect
    persuadable, persuadables, would have anyway, anyway, net effect, causal effect, control group
    control groups, untreated group, no-offer group, no offer group, without the offer
""")

_ACTION_PATHS = ("impact.action_cost", "product.decision", "press_release.call_to_action")
_MEASURE_PATHS = ("product.success_metric", "done.eval_set", "done.when_met", "product.output")


@rule(
    "outcome-not-effect",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Target whom the action changes, with a control group",
        "An offer or a reminder pays only where it changes the outcome; keep a random group that gets no "
        "action, measure the difference the action makes by score band, and aim it where that is largest",
        "warning",
    ),
    ask="will the action go to cases that would have turned out the same anyway?",
    fires=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "impact.action_cost": "A 20% discount voucher on the next box",
            },
            evidence=(
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting on a prediction changes '
                "the outcome: the model predicts it, not the change)",
                'impact.action_cost: "A 20% discount voucher on the next box"',
            ),
            also=frozenset({"feedback-loop", "objective-blind-to-cost"}),
        ),
        Case(  # a call meant to change the outcome, not only an offer
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.decision": "Collectors make a collections call to the 200 accounts ranked highest.",
            },
            also=frozenset({"feedback-loop"}),
        ),
    ),
    quiet=(
        Case(  # the team measures the effect against a control group
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "impact.action_cost": "A 20% discount voucher on the next box",
                "product.success_metric": "Cancellations saved against a no-offer control group",
            }
        ),
        Case(  # a hold that checks, not an offer that persuades
            {"constraints.data.outcome_recorded_for": "changed_by_action", "impact.action_cost": "nothing"}
        ),
    ),
)
def outcome_not_effect(plan: Plan) -> Evidence:
    """The model predicts the outcome, not whom the action changes.

    An action meant to change an outcome (a retention offer, a reminder, a discount) pays only where it
    changes it; a model of the outcome puts first the cases that go the same way whatever is done,
    spending the action on the lost and on those who would have stayed, and its accuracy says nothing of
    the value.

    Mitigation: Keep a random group that gets no action, measure the difference the action makes by
    score band (uplift), aim it where that is largest, and judge the model by that difference.
    """
    data = plan.constraints.data
    if data.outcome_recorded_for is not OutcomeRecorded.changed_by_action:
        return None
    texts = [answer_at(plan, path) for path in _MEASURE_PATHS]
    texts += [metric.name for metric in plan.done.metrics]
    if any(_EFFECT_MEASURED.find(text) for text in texts if isinstance(text, str)):
        return None
    for path in _ACTION_PATHS:
        words = _PERSUADES.find(answer_at(plan, path))
        if words:
            recorded = quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "acting on a prediction changes the outcome: the model predicts it, not the change",
            )
            return Hint((words,), (recorded, quote(plan, path)))
    return None
