"""Rules on an action meant to change the very outcome the model predicts: a retention offer, a reminder, a
discount. It pays only where it changes the outcome, and a model of the outcome ranks first the cases that
would have gone the same way whatever was done.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Category, LabelSource, OnlineValidation, OutcomeRecorded, Plan

# A label counting every cause of the outcome: some of them no action of this kind can change.
_MIXED_CAUSES = Lexicon("""
    any reason, for any reason, any cause, all causes, whatever the cause, whatever reason, whatever the reason
    for whatever reason, regardless of cause, regardless of reason, of any kind, all reasons
""")

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

# Where the team ticked that acting changes the outcome, the plainer verbs of pressing a person say the
# action is meant to change what they do: chasing, reminding, an agent's call.
_REACHES = Lexicon("""
    chase, chases, chased, chasing, remind, reminds, reminded, nudge, nudged, persuade, persuades
    encourage, encourages, encouraged, agent call, agent calls, phone the customer, phones the customer
""")

# Where a plan measures what the action changes, not only who has the outcome.
_EFFECT_MEASURED = Lexicon("""
    uplift, uplift model, uplift modelling, uplift modeling, incremental, incrementality, treatment effect
    persuadable, persuadables, would have anyway, anyway, net effect, causal effect, control group
    control groups, untreated group, no-offer group, no offer group, without the offer, no-call group
    no call group, not called, no-contact group, random share, holdout group, hold-out group
    value of the call, value of a call
    effect of the call, effect of a call, effect of the offer, effect of the action
""")

# Shapes of a worklist: the highest scores get the action first, or every case above a cut-off does.
_WORKLIST = (ActionShape.top_of_queue, ActionShape.threshold)
# Live checks that keep a group the model does not act on, so the action's effect is measured.
_MEASURES_EFFECT = (OnlineValidation.a_b_test, OnlineValidation.holdout)

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
        Case(  # acting is ticked to change the outcome; the decision only says the agent phones
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.decision": "Agents work down the ordered list and phone the customer at the top.",
                "impact.action_cost": "One agent call.",
            },
            also=frozenset({"feedback-loop"}),
        ),
        Case(  # not ticked: a reminder sent down a worklist ranked by the outcome it is meant to prevent
            {
                "product.decision": "Send a text reminder to the 300 likeliest no-shows.",
                "product.action_shape": "top_of_queue",
                "product.label": "Did not attend the appointment.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Send a text reminder to the 300 likeliest no-shows." (an action meant to '
                "change the outcome: text reminder)",
                'product.action_shape: "top_of_queue" (ranked by the risk of the outcome, it goes first to '
                "cases the action cannot change: rank by the difference it makes, times the value, less its "
                "cost)",
                'product.label: "Did not attend the appointment." (the outcome, not the difference the action '
                "makes to it)",
            ),
        ),
        Case(  # the label counts every cause, some no reminder can change: asked beside the finding
            {
                "product.decision": "Send a text reminder to the 300 likeliest no-shows.",
                "product.action_shape": "top_of_queue",
                "product.label": "Missed the appointment for any reason.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Send a text reminder to the 300 likeliest no-shows." (an action meant to '
                "change the outcome: text reminder)",
                'product.action_shape: "top_of_queue" (ranked by the risk of the outcome, it goes first to '
                "cases the action cannot change: rank by the difference it makes, times the value, less its "
                "cost)",
                'product.label: "Missed the appointment for any reason." (the outcome, not the difference the '
                "action makes to it)",
                'product.label: "Missed the appointment for any reason." (for any reason: can the action '
                "change each cause the label counts?)",
            ),
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
        Case(  # a call to check a fault before a repair visit, not to persuade anyone
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.decision": "An engineer calls the customer and decides whether to visit.",
            }
        ),
        Case(  # every case has an outcome and a random share gets no reminder
            {
                "product.decision": "Send a text reminder to the 300 likeliest no-shows.",
                "product.action_shape": "top_of_queue",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.exploration_share": 0.1,
            }
        ),
        Case(  # the outcome is recorded for every case and the label is no outcome the reminder changes
            {
                "product.decision": "Send a text reminder to the 300 likeliest no-shows.",
                "product.action_shape": "top_of_queue",
            }
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
    score band (uplift), aim it where that is largest, and judge the model by that difference: rank by the
    expected difference times the value of the outcome, less the action's cost, learned from logged
    actions with a random share.
    """
    found = _outcome_not_effect(plan)
    causes = _MIXED_CAUSES.find(answer_at(plan, "product.label"))
    if not found or not causes:
        return found
    # The label counts every cause of the outcome: ask whether the action can change each kind.
    mixed = quote(plan, "product.label", f"{causes}: can the action change each cause the label counts?")
    if isinstance(found, Hint):
        return Hint(found.words, (*found, mixed), found.likelihood)
    if isinstance(found, Tempered):
        return Tempered(found.likelihood, (*found, mixed))
    return (*found, mixed)


def _outcome_not_effect(plan: Plan) -> Evidence:
    """The finding itself, before the label's mix of causes is asked about."""
    data = plan.constraints.data
    texts = [answer_at(plan, path) for path in _MEASURE_PATHS]
    texts += [metric.name for metric in plan.done.metrics]
    if any(_EFFECT_MEASURED.find(text) for text in texts if isinstance(text, str)):
        return None
    if data.outcome_recorded_for is not OutcomeRecorded.changed_by_action:
        return _worklist_of_an_outcome(plan)
    for path in _ACTION_PATHS:
        words = _PERSUADES.find(answer_at(plan, path)) or _REACHES.find(answer_at(plan, path))
        if words:
            recorded = quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "acting on a prediction changes the outcome: the model predicts it, not the change",
            )
            return Hint((words,), (recorded, quote(plan, path)))
    return None


def _worklist_of_an_outcome(plan: Plan) -> Evidence:
    """Not ticked as changed by the action: a worklist (the top of a queue, a cut-off) of a persuading
    action (a reminder, an offer, an outreach call) ranked by an outcome label, with no group left
    unacted on to measure the difference; a question naming the action's words."""
    data, product = plan.constraints.data, plan.product
    if product.action_shape not in _WORKLIST or LabelSource.outcomes not in data.labels:
        return None
    if (data.exploration_share or 0) > 0 or plan.done.online_validation in _MEASURES_EFFECT:
        return None  # a group the model does not act on measures the difference
    if data.outcome_recorded_for is OutcomeRecorded.selected_cases or not product.label:
        return None
    for path in _ACTION_PATHS:
        words = _PERSUADES.find_all(answer_at(plan, path))
        if words:
            return Hint(
                words,
                (
                    quote(plan, path, f"an action meant to change the outcome: {', '.join(words)}"),
                    quote(
                        plan,
                        "product.action_shape",
                        "ranked by the risk of the outcome, it goes first to cases the action cannot change: "
                        "rank by the difference it makes, times the value, less its cost",
                    ),
                    quote(plan, "product.label", "the outcome, not the difference the action makes to it"),
                ),
            )
    return None
