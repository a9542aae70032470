"""Rules on an action meant to change the very outcome the model predicts: a retention offer, a reminder, a
discount. It pays only where it changes the outcome, and a model of the outcome ranks first the cases that
would have gone the same way whatever was done.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, quote, ticked
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.response import PHONES_PEOPLE, RESPONDED_TO, response_evidence
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    ActionShape,
    Category,
    Circumstance,
    LabelSource,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    TaskType,
)

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
    extra support, targeted support, one-to-one support, extra help, priority support, boost, boosts, boosted
    promote, promotes, promoted, featured placement, bonus points
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
_WORKLIST = (ActionShape.top_of_queue, ActionShape.threshold, ActionShape.up_to_capacity)
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
                'product.action_shape: "top_of_queue" (ranked by how likely the outcome is, it goes first to '
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
                'product.action_shape: "top_of_queue" (ranked by how likely the outcome is, it goes first to '
                "cases the action cannot change: rank by the difference it makes, times the value, less its "
                "cost)",
                'product.label: "Missed the appointment for any reason." (the outcome, not the difference the '
                "action makes to it)",
                'product.label: "Missed the appointment for any reason." (for any reason: can the action '
                "change each cause the label counts?)",
            ),
        ),
        Case(  # not ticked: the label's own words name the call it responds to, on a list worked from the top
            {
                "product.decision": "Callers phone alumni in the order of the list, top first.",
                "product.action_shape": "top_of_queue",
                "product.label": "Gave after a call in the last three campaigns.",
                "constraints.data.labels": ["existing"],
            },
            evidence=(
                'product.label: "Gave after a call in the last three campaigns." (after a call: a response to the '
                "action itself; some would respond without it, and the model ranks them first)",
                'product.action_shape: "top_of_queue" (ranked by how likely the response is, not by what the '
                "action adds)",
                "product.label_is_proxy: false (answered: not a proxy; yet it counts responses, not effect)",
            ),
        ),
        Case(  # existing records, and the list is worked by phoning people: the call is the action
            {
                "product.decision": "Volunteers phone lapsed donors down the list, top first.",
                "product.action_shape": "top_of_queue",
                "product.label": "Gave again within the year.",
                "constraints.data.labels": ["existing"],
            },
        ),
        Case(  # staff effort aimed at the likeliest to succeed: many of them would succeed anyway
            {
                "product.decision": "Tutors give extra support to the 200 students most likely to pass.",
                "product.action_shape": "top_of_queue",
                "product.label": "Passed the final exam.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Tutors give extra support to the 200 students most likely to pass." (an '
                "action meant to change the outcome: extra support)",
                'product.action_shape: "top_of_queue" (ranked by how likely the outcome is, it goes first to '
                "cases the action cannot change: rank by the difference it makes, times the value, less its "
                "cost)",
                'product.label: "Passed the final exam." (the outcome, not the difference the action makes to it)',
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
        Case(  # existing records, and the call tells a contractor of a result: no one is persuaded
            {
                "product.decision": "The engineer rings the contractor when the predicted strength is low.",
                "product.action_shape": "threshold",
                "product.label": "Strength of the test cube at 28 days.",
                "constraints.data.labels": ["existing"],
            }
        ),
        Case(  # the label names the call, and a random tenth of the list is left uncalled
            {
                "product.action_shape": "top_of_queue",
                "product.label": "Gave after a call in the last three campaigns.",
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
    if product.action_shape not in _WORKLIST and product.task not in RANKED_LISTS:
        return None
    if (kept_out(plan) or 0) > 0 or plan.done.online_validation in _MEASURES_EFFECT:
        return None  # a group the model does not act on measures the difference
    if data.outcome_recorded_for is OutcomeRecorded.selected_cases or not product.label:
        return None
    responded = RESPONDED_TO.find_all(product.label)
    if responded:  # the label's own words name the action: acting is part of the outcome predicted
        return Hint(responded, response_evidence(plan, responded, product.action_shape in _WORKLIST))
    if product.action_shape not in _WORKLIST or not {LabelSource.outcomes, LabelSource.existing} & set(
        data.labels
    ):
        return None
    if LabelSource.outcomes not in data.labels and not PHONES_PEOPLE.find(product.decision):
        return None  # existing records: only a call down the list says the action reaches the outcome
    for path in _ACTION_PATHS:
        words = _PERSUADES.find_all(answer_at(plan, path)) or PHONES_PEOPLE.find_all(answer_at(plan, path))
        if words:
            return Hint(
                words,
                (
                    quote(plan, path, f"an action meant to change the outcome: {', '.join(words)}"),
                    quote(
                        plan,
                        "product.action_shape",
                        "ranked by how likely the outcome is, it goes first to cases the action cannot change: "
                        "rank by the difference it makes, times the value, less its cost",
                    ),
                    quote(plan, "product.label", "the outcome, not the difference the action makes to it"),
                ),
            )
    return None


# Where a ranked list's value lies in the items it changes: those near a deadline that nobody takes.
_DEADLINE = Lexicon("""
    deadline, deadlines, cut-off, cutoff, days to start, hours to start, closing date, expiry date
    last-minute, last minute, unfilled, go unfilled, goes unfilled, left unfilled, go to agencies, go to agency
    goes to an agency, goes to agency, expires unsold, unsold, stay empty, stays empty, go empty, goes empty
    empty slot, empty slots, empty seat, empty seats, empty room, empty rooms
""")
# A count of take-up: how much of the list people took, not what its order changed.
_TAKE_UP = Lexicon("""
    bookings, booked, sales, sold, purchases, conversions, conversion rate, sign-ups, signups, orders
    enrolments, enrollments, fills, filled, take-up, uptake, redemptions, reservations
""")
# Words that say the plan measures what the ranking changes, not only how much is taken up.
_CHANGE_MEASURED = Lexicon("""
    would have filled anyway, would have booked anyway, would have sold anyway, otherwise unfilled
    otherwise unsold, would otherwise, would not have, holdout within, within each score band, by score band
    per score band, score bands, displacement, displaced, cannibalisation, cannibalization, net new
""")
RANKED_LISTS = (TaskType.ranking, TaskType.recommendation)
_TAKE_UP_PATHS = ("product.success_metric", "done.eval_set", "done.when_met", "done.worst_error_metric")
_URGENCY_PATHS = ("product.pain", "product.goal", "product.current_performance", "impact.error_harm")


@rule(
    "ranked-by-take-up",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Judge the list by what its order changes, not by take-up",
        "A ranked list judged by how much is taken up puts first the items that would be taken anyway: "
        "count the value the order adds (items that would otherwise go unfilled or unsold), measure it "
        "against a random holdout within score bands, and keep items near their deadline in sight",
        "warning",
    ),
    ask="will the list put first the items that would be taken anyway?",
    fires=(
        Case(
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.circumstances": ["counts_volume"],
                "product.success_metric": "Bookings per active member",
                "done.worst_error_metric": None,
            },
            evidence=(
                'product.task: "ranking" (a ranked list: the top items get the action, many of them taken anyway)',
                'product.circumstances: "counts_volume" (a target counts how much it does: merged, closed, '
                "flagged, sent, not how often it is right)",
                'product.success_metric: "Bookings per active member" (the take-up counted, not what the order '
                "changes: are the items at the top ones that would be taken anyway?)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
        Case(  # urgency: items near their cut-off go to an agency when nobody takes them
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.circumstances": ["counts_volume"],
                "product.success_metric": "Bookings per active member",
                "product.pain": "A third of open shifts go unfilled and go to agencies.",
            },
            evidence=(
                'product.task: "ranking" (a ranked list: the top items get the action, many of them taken anyway)',
                'product.circumstances: "counts_volume" (a target counts how much it does: merged, closed, '
                "flagged, sent, not how often it is right)",
                'product.success_metric: "Bookings per active member" (the take-up counted, not what the order '
                "changes: are the items at the top ones that would be taken anyway?)",
                'product.pain: "A third of open shifts go unfilled and go to agencies." (go unfilled, go to '
                "agencies: the value lies in items nobody takes on their own; does the ranking keep those near "
                "their deadline in sight?)",
            ),
        ),
        Case(  # not ticked: a take-up count as the target, where slots left untaken stay empty
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.success_metric": "Bookings per active member",
                "product.pain": "One class slot in five stays empty.",
            },
            evidence=(
                'product.task: "ranking" (a ranked list: the top items get the action, many of them taken anyway)',
                'product.success_metric: "Bookings per active member" (the take-up counted, not what the order '
                "changes: are the items at the top ones that would be taken anyway?)",
                'product.pain: "One class slot in five stays empty." (stays empty: the value lies in items nobody '
                "takes on their own; does the ranking keep those near their deadline in sight?)",
            ),
        ),
    ),
    quiet=(
        Case(  # the team measures what the order changes
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.circumstances": ["counts_volume"],
                "product.success_metric": "Shifts that would otherwise go to an agency filled by the bank",
            }
        ),
        Case(  # not a volume target
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.success_metric": "Bookings per active member",
            }
        ),
        Case(  # not ticked, and nothing says untaken items are lost: a search judged by purchases
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.success_metric": "Purchases per search session",
            }
        ),
        Case(  # a worklist of invoices, not a ranked list
            {"product.circumstances": ["counts_volume"], "product.success_metric": "Invoices held per month"}
        ),
    ),
)
def ranked_by_take_up(plan: Plan) -> Evidence:
    """A ranked list judged by how much is taken up, not by what its order changes.

    A ranking or recommendation scored by take-up (bookings, sales, sign-ups per user) puts first what
    each person is likeliest to take, and many of those items would have been taken anyway, further down
    or by someone else; the value lies in the items the order changes (a shift that would go to an agency,
    stock that would go unsold), often near their deadline and seldom at the top of a personal list. A
    count of take-up rises by moving picks between items whose fate does not change.

    Mitigation: Define the target as the value the order adds (items taken that would otherwise not be),
    measure it against a random holdout within score bands, rank by the expected change times its value,
    and keep items near their deadline in sight (a slot for them, or a weight for the time left).
    """
    if _outcome_not_effect(plan):
        return None  # the action's effect is asked already
    product = plan.product
    volume = ticked(plan, Circumstance.counts_volume)
    if product.task not in RANKED_LISTS:
        return None
    texts = [answer_at(plan, path) for path in _TAKE_UP_PATHS]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    if any(
        _CHANGE_MEASURED.find(text) or _EFFECT_MEASURED.find(text) for text in texts if isinstance(text, str)
    ):
        return None
    ranked = quote(
        plan, "product.task", "a ranked list: the top items get the action, many of them taken anyway"
    )
    counted = next(
        (path for path in ("product.success_metric", "done.metrics[0].name") if _said(plan, path)), None
    )
    note = "the take-up counted, not what the order changes: are the items at the top ones that would be taken anyway?"
    urgent = first_said(plan, (*_URGENCY_PATHS, "impact.value_unit", "product.inputs"), _DEADLINE)
    late: tuple[str, ...] = ()
    if urgent:
        late = (
            quote(
                plan,
                urgent[0],
                f"{', '.join(urgent[1])}: the value lies in items nobody takes on their own; does the ranking "
                "keep those near their deadline in sight?",
            ),
        )
    if volume:
        return (ranked, volume, *((quote(plan, counted, note),) if counted else ()), *late)
    # Not ticked as counting volume: a count of take-up as the target, where items left untaken are lost.
    took = counted and _TAKE_UP.find_all(answer_at(plan, counted))
    if not counted or not took or not urgent:
        return None
    return Hint((*took, *urgent[1]), (ranked, quote(plan, counted, note), *late))


def _said(plan: Plan, path: str) -> bool:
    """Whether the plan answers `path` (a done metric that exists, a success metric written)."""
    if path.startswith("done.metrics") and not plan.done.metrics:
        return False
    return bool(answer_at(plan, path))
