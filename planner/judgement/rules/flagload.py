"""Rules on the flags a model hands people when nobody has counted them: how many a day people can
take, and how many the model will raise at its threshold.

People who act on each flag (augment, the releases of an automatic hold, a process improved by flags
that reach someone) set the budget the threshold and the metric must follow; unmeasured, the threshold
is set blind.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.actionshape import (
    picks_nothing_out,
    suggests_for_every_item,
    worked_from_the_top,
)
from planner.judgement.rules.base import PERSON_WEEK_HOURS, RARE_SHARE, Case, Evidence, Move, rule
from planner.judgement.rules.evidence import (
    WORKING_DAYS_PER_MONTH,
    answer_at,
    items_per_month,
    items_per_working_day,
    quote,
    show,
    volume_unit,
)
from planner.judgement.rules.lexicon import PEOPLE, RELEASED_BY_PEOPLE
from planner.judgement.rules.rates import rate
from planner.judgement.rules.untimed import done_by_people_today
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.choices import LABELS
from planner.plan.model import ActionShape, Category, Delivery, Mode, Plan, TaskType

_UNMEASURED = {"impact.capacity_per_day": "not measured", "impact.flagged_per_day": "not measured"}

# Words of a done metric that bounds what reaches people: the share or count sent to review, or its time.
REVIEW_BOUNDED = Lexicon("""
    review band, review rate, review share, share sent to review, share of cases sent to review, sent to review
    routed to review, referred for review, referral rate, referral share, share referred, manual review rate
    share flagged, share of cases flagged, flag rate, flagged per day, flags per day, flags a day
    flagged a day, alerts per day, alerts a day, alerts per week, alerts a week, flags per week
    cases sent to people, share sent to people, queue length, queue size, review queue, daily cap
    alert budget, review budget, review minutes, review hours, review time, reviewer minutes
    reviewer hours, minutes of review, hours of review, escalation rate, share escalated, hold rate
    share held, holds per day
""")


def _review_bounded(plan: Plan) -> str | None:
    """The done metric with a target that bounds the share or count sent to people for review."""
    for index, metric in enumerate(plan.done.metrics):
        if metric.target is not None and REVIEW_BOUNDED.find(metric.name):
            return quote(plan, f"done.metrics[{index}].name")
    return None


@rule(
    "workload-not-measured",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Count what people can handle, and what the model will flag, before choosing a threshold",
        "Flags beyond what people can work go unread, and people who drown in alerts stop trusting them; "
        "ask the people who act how many cases a day they can take, and estimate the flags a day at the "
        "planned threshold on past data",
        "warning",
    ),
    fires=(
        Case(  # nobody does the task by hand today: each flag is new work
            {**_UNMEASURED, "by_hand.done_today_by": "nobody"},
            evidence=(
                'impact.capacity_per_day: "not measured"',
                'impact.flagged_per_day: "not measured"',
                'product.mode: "augment" (people act on each flag: how many a day can they take?)',
                "impact.volume: 12,000 a month (about 571 a working day); constraints.data.rarest_class_share: "
                "0.02 (about 11 true cases a working day: at least that many flags to find them all)",
            ),
        ),
        Case(  # a number of flags a day, nobody knows whether people can take them
            {"impact.capacity_per_day": "not measured", "impact.flagged_per_day": 300},
            evidence=(
                'impact.capacity_per_day: "not measured"',
                "impact.flagged_per_day: 300 (about 6,300 flags a month, 52.5% of 12,000 items; at "
                "by_hand.minutes_per_example: 3, 15 person-hours a day, 1.9 people full time: can the people "
                "who act take 300 a day?)",
                'product.mode: "augment" (people act on each flag: how many a day can they take?)',
            ),
        ),
        Case(  # staff see every case today, but each warning days ahead sends them on a check they do not make
            {**_UNMEASURED, "by_hand.done_today_by": "other_staff", "product.lead_days": 2},
            evidence=(
                'impact.capacity_per_day: "not measured"',
                'impact.flagged_per_day: "not measured"',
                'product.mode: "augment" (people act on each flag: how many a day can they take?)',
                "product.lead_days: 2 (a warning 2 days ahead: the people who see every case today act when the "
                "event shows; each warning is a check they do not make today, at whatever hour it comes)",
                "impact.volume: 12,000 a month (about 571 a working day); constraints.data.rarest_class_share: "
                "0.02 (about 11 true cases a working day: at least that many flags to find them all)",
            ),
        ),
        Case(  # a process improved by flags that reach a manager by e-mail
            {
                **_UNMEASURED,
                "product.mode": "improve",
                "product.action_shape": "threshold",
                "product.delivery": "new_view",
            },
            evidence=(
                'impact.capacity_per_day: "not measured"',
                'impact.flagged_per_day: "not measured"',
                'product.action_shape: "threshold" (each flag reaches people (a new screen, dashboard, report, '
                "e-mail or alert): how many a day can they take?)",
                "impact.volume: 12,000 a month (about 571 a working day); constraints.data.rarest_class_share: "
                "0.02 (about 11 true cases a working day: at least that many flags to find them all)",
            ),
        ),
        Case(  # automatic, but people release what the system holds back
            {
                "impact.capacity_per_day": "not measured",
                "impact.flagged_per_day": None,
                "product.mode": "automate",
            },
            evidence=(
                'impact.capacity_per_day: "not measured"',
                "impact.flagged_per_day: not answered",
                'product.decision_owner: "The accounts payable clerk on duty releases or rejects each held '
                'in..." (people act on what the system holds: releases; how many a day can they take?)',
                "impact.volume: 12,000 a month (about 571 a working day); constraints.data.rarest_class_share: "
                "0.02 (about 11 true cases a working day: at least that many flags to find them all)",
            ),
        ),
    ),
    quiet=(
        Case(  # clerks check every claim by hand today: the uncertain band left to them is a share of that
            {**_UNMEASURED, "product.current_solution": "Two clerks check every claim by hand."}
        ),
        Case({"impact.capacity_per_day": "not measured"}),  # 20 flags a day: an hour of one clerk's day
        Case({**_UNMEASURED, "by_hand.done_today_by": "other_staff"}),  # they work every case today
        Case(  # a done target caps the share left to people: the review band is the budget
            {
                **_UNMEASURED,
                "done.metrics[0].name": "Share of parcels sent to review",
                "done.metrics[0].target": 0.08,
            }
        ),
        Case(  # a draft for every item: nothing is flagged, people read each draft as they work
            {
                "impact.capacity_per_day": "not measured",
                "impact.flagged_per_day": "not measured",
                "product.task": "generation",
            }
        ),
        # every item gets the output (used as is or checked), or people choose among a few: no flags
        Case({**_UNMEASURED, "product.action_shape": "every_item"}),
        Case({**_UNMEASURED, "product.action_shape": "choose_among"}),
        Case(  # a list of suggestions beside every order line, counted a day: items served, not flags
            {
                "impact.capacity_per_day": "not measured",
                "impact.flagged_per_day": 400,
                "product.task": "recommendation",
                "product.action_shape": "every_item",
            }
        ),
        Case(  # a ranked list worked from the top, judged by AUC: the depth people reach is asked once, there
            {**_UNMEASURED, "product.action_shape": "top_of_queue", "done.metrics[0].name": "AUC"},
            also=frozenset({"capacity-sets-the-threshold"}),
        ),
        Case(  # a process improved by a cut-off a system reads: nobody works the flags
            {
                **_UNMEASURED,
                "product.mode": "improve",
                "product.action_shape": "threshold",
                "product.delivery": "automatic",
            }
        ),
        Case(  # automatic, and nobody acts on what it does
            {
                "impact.capacity_per_day": "not measured",
                "impact.flagged_per_day": "not measured",
                "product.mode": "automate",
                "product.decision": "Nobody; the system rejects each flagged duplicate before the payment run.",
                "product.decision_owner": None,
            }
        ),
    ),
)
def workload_not_measured(plan: Plan) -> Evidence:
    """Nobody knows how many flags a day people can handle, or how many the model will raise.

    People act on each flag; without their daily capacity and the flags a day at the planned threshold,
    the threshold is set blind, precision is read over all cases instead of in the daily top, and an
    alert stream beyond capacity goes unread.

    Mitigation: Ask the people who act how many cases a day they can take, estimate the flags a day at
    the planned threshold on past data, and judge precision at that budget.
    """
    impact = plan.impact
    if impact.capacity_per_day != "not measured" or not _flags_some(plan):
        return None
    if plan.product.action_shape is ActionShape.top_of_queue and worked_from_the_top(plan):
        return None  # a list worked from the top flags nothing: capacity-sets-the-threshold asks how far down
    who = _who_acts(plan)
    if who is None or _all_by_hand_today(plan):
        return None  # nobody acts, or the band left to people is a share of what they work in full today
    if (
        plan.product.mode is Mode.augment
        and done_by_people_today(plan)
        and impact.flagged is None
        and _warns_ahead(plan) is None
    ):
        return None  # the people who act do the task on every case today: the flags narrow their work
    if _review_bounded(plan):
        return None  # a done target bounds the share or count sent to people: the budget is set
    flagged = impact.flagged
    if flagged is not None:
        return _flags_unweighed(plan, flagged, who)
    found = [
        quote(plan, "impact.capacity_per_day"),
        quote(plan, "impact.flagged_per_day")
        if impact.flagged_per_day
        else "impact.flagged_per_day: not answered",
        who,
    ]
    ahead = _warns_ahead(plan)
    if ahead is not None:
        found.append(ahead)
    working, rare = items_per_working_day(plan), plan.constraints.data.rare_share
    if working is not None and impact.period is not None:
        per_day, a_day = working
        volume = f"{fmt.number(impact.volume)} a {impact.period.value}"
        line = f"impact.volume: {volume}"
        if not volume.endswith(a_day):
            line += f" (about {fmt.count(per_day)} {a_day})"
        if rare is not None and rare < RARE_SHARE:
            line += (
                f"; constraints.data.rarest_class_share: {show(rare)} (about {fmt.count(per_day * rare)} true "
                f"cases {a_day}: at least that many flags to find them all)"
            )
        found.append(line)
        if rare is None and ahead is not None and answer_at(plan, "constraints.data.rarest_class_share"):
            found.append(
                quote(
                    plan,
                    "constraints.data.rarest_class_share",
                    "how many true cases a day, and so how many warnings a day at the planned recall?",
                )
            )
    return tuple(found)


def _warns_ahead(plan: Plan) -> str | None:
    """A warning days before the outcome (`product.lead_days` above 0): the people who see every case today
    act when the event shows; each warning sends them to a case ahead of it, work they do not do today."""
    lead = plan.product.lead_days
    if lead is None or lead <= 0 or not done_by_people_today(plan):
        return None
    note = (
        f"a warning {show(lead)} {'day' if lead == 1 else 'days'} ahead: the people who see every case today act "
        "when the event shows; each warning is a check they do not make today, at whatever hour it comes"
    )
    return quote(plan, "product.lead_days", note)


# Words saying people handle every case today (`clerks check every claim by hand`): the band the model
# leaves them is a share of today's load, worked by the same people.
_EVERY_CASE = Lexicon("""
    every case, each case, all cases, every claim, each claim, all claims, every request, each request
    every application, each application, every invoice, each invoice, every report, each report
    every order, each order, every item, each item, every record, each record, every one of them
""")


def _all_by_hand_today(plan: Plan) -> bool:
    """Whether people handle every case today (the answer on today's solution names people and every
    case): what the model leaves them is fewer cases than they already work, not a new stream to size."""
    today = answer_at(plan, "product.current_solution")
    return isinstance(today, str) and bool(mentions(today, PEOPLE)) and bool(_EVERY_CASE.find(today))


# Flags a day one person can work in a day when nobody has timed one: about ten minutes each.
_ONE_PERSON_FLAGS = 40
_WORKING_HOURS = PERSON_WEEK_HOURS / 5


def _flags_unweighed(plan: Plan, flagged: float, who: str) -> Evidence:
    """A number of flags a day, and nobody has asked whether people can take them: quiet when the flags
    are plainly a small part of one person's day."""
    minutes = plan.by_hand.minutes_per_example
    hours = flagged * minutes / 60 if minutes is not None else None
    if (hours is not None and hours <= _WORKING_HOURS) or (hours is None and flagged <= _ONE_PERSON_FLAGS):
        return None
    monthly, items = flagged * WORKING_DAYS_PER_MONTH, items_per_month(plan)
    unit = volume_unit(plan)
    of = (
        f", {fmt.share(monthly / items)} of {fmt.number(items)} {unit}".rstrip()
        if items and monthly <= items
        else ""
    )
    note = f"about {fmt.count(monthly)} flags a month{of}"
    if hours is not None:
        note += (
            f"; at by_hand.minutes_per_example: {show(minutes)}, {fmt.count(hours)} person-hours a day, "
            f"{fmt.number(hours / _WORKING_HOURS, significant=2)} people full time"
        )
    note += f": can the people who act take {rate(plan.impact.flagged_per_day, ' a day')}?"
    return (quote(plan, "impact.capacity_per_day"), quote(plan, "impact.flagged_per_day", note), who)


_HOLD_ANSWERS = ("product.decision", "product.decision_owner", "heuristics.humans_handle")

# Tasks that give every item an output (a draft, a forecast, a figure) rather than pick some out.
# A decision that picks among the suggestions for a case already in hand (a picker's substitute, an
# editor's reviewers), not a queue of flagged cases to work.
CHOOSES_AMONG = Lexicon("""
    one of the, one of them, chooses, choose, chose, chooses whom, picks one, pick one, taps one, selects one
    choose from, chooses from, picks from, selects from, chooses among, picks among
""")

_OUTPUT_FOR_EVERY_ITEM = frozenset(
    {TaskType.generation, TaskType.forecasting, TaskType.regression, TaskType.segmentation}
)


def _flags_some(plan: Plan) -> bool:
    """Whether the model picks some items out for people (flags): not when the team expects no flags,
    nor when the task gives every item an output (a draft, a forecast) and no flags a day are named."""
    if suggests_for_every_item(plan):
        return False  # each item gets its own suggestions, a count a day is of items served, not flags
    flagged = plan.impact.flagged
    if flagged is not None:
        return flagged > 0
    if picks_nothing_out(plan):
        return False
    if plan.product.task in (TaskType.ranking, TaskType.recommendation) and CHOOSES_AMONG.find(
        plan.product.decision
    ):
        return False  # a list for each case people already handle, to choose from: no new work to size
    return plan.product.task not in _OUTPUT_FOR_EVERY_ITEM


def _flags_reach_people(plan: Plan) -> str | None:
    """A process improved by flags that reach people (a cut-off or a queue, shown on a screen, an e-mail, a
    report): each flag is someone's work."""
    product = plan.product
    if product.action_shape not in (ActionShape.threshold, ActionShape.top_of_queue):
        return None
    if product.delivery not in (Delivery.new_view, Delivery.existing_tool, Delivery.on_device):
        return None
    note = f"each flag reaches people ({LABELS[Delivery][product.delivery.value]}): how many a day can they take?"
    return quote(plan, "product.action_shape", note)


def _who_acts(plan: Plan) -> str | None:
    """Who works each flag: people, where they act on what the model says (augment), or where an
    automatic system holds things back and people release or check each one."""
    if plan.product.mode is Mode.augment:
        return quote(plan, "product.mode", "people act on each flag: how many a day can they take?")
    if plan.product.mode is Mode.improve:
        return _flags_reach_people(plan)
    if plan.product.mode is not Mode.automate:
        return None
    for path in _HOLD_ANSWERS:
        words = RELEASED_BY_PEOPLE.find_all(answer_at(plan, path))
        if words:
            note = f"people act on what the system holds: {', '.join(words)}; how many a day can they take?"
            return quote(plan, path, note)
    return None


@rule(
    "suggestions-acted-on-unsized",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Name who acts on each suggestion, and how many a day they can take",
        "Each suggestion someone takes up is work for someone: the person contacted, the staff who check "
        "what follows; thousands a day with nobody's capacity counted swamp the popular few and the team "
        "downstream; count what each can take and cap the suggestions to it",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "impact.capacity_per_day": "not measured",
                "impact.capacity_people": 4,
                "impact.flagged_per_day": 3000,
            },
            evidence=(
                'impact.capacity_per_day: "not measured"',
                "impact.flagged_per_day: 3000 (suggestions sent out a day: each one taken up is work for the "
                "people contacted or a team of impact.capacity_people: 4, about 750 a day each: who acts on "
                "each suggestion, and how many a day can they take?)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
    ),
    quiet=(
        Case(  # what people can take is counted
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "impact.capacity_per_day": 200,
                "impact.flagged_per_day": 3000,
            }
        ),
        Case(  # a few suggestions a day: part of one person's day
            {
                "product.task": "recommendation",
                "product.action_shape": "choose_among",
                "impact.capacity_per_day": "not measured",
                "impact.flagged_per_day": 30,
            }
        ),
    ),
)
def suggestions_acted_on_unsized(plan: Plan) -> Evidence:
    """Suggestions go out by the thousand, each one for someone to choose among, and nobody has counted
    what the people who act on them can take.

    A list of suggestions per person flags no queue, but each suggestion taken up is work for someone:
    the person contacted (a landlord, a mentor, a swap partner) and the staff who check what follows.
    Thousands a day, with nobody's capacity counted, swamp the popular few and the team downstream.

    Mitigation: Name who acts on each suggestion taken up, ask how many a day they can take, and cap the
    suggestions (per person contacted, per day) to it.
    """
    impact = plan.impact
    if impact.capacity_per_day != "not measured" or not suggests_for_every_item(plan):
        return None
    flagged, people = impact.flagged, impact.capacity_people
    if flagged is None or flagged <= _ONE_PERSON_FLAGS * (people or 1) or _review_bounded(plan):
        return None
    team = (
        f"a team of impact.capacity_people: {people}, about {fmt.count(flagged / people)} a day each"
        if people
        else "a team downstream"
    )
    note = (
        f"suggestions sent out a day: each one taken up is work for the people contacted or {team}: who "
        "acts on each suggestion, and how many a day can they take?"
    )
    return (quote(plan, "impact.capacity_per_day"), quote(plan, "impact.flagged_per_day", note))
