"""Rules on predictions that arrive when nobody who acts on them is at work: evenings, nights, weekends."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, items_per_day, quote
from planner.judgement.rules.lexicon import (
    ALERTS,
    DAYTIME_ONLY,
    LIVE_DECISION,
    OFFICE_HOURS,
    STAFFED_ALWAYS,
    WEEKDAYS_ONLY,
)
from planner.plan.model import Audience, Category, Delivery, Mode, Plan, Serving

_WEEK_HOURS = 168
_OFFICE_WEEK_HOURS = 40  # five days of eight hours
_WEEKDAY_HOURS = 120  # five whole days
_FRIDAY_TO_MONDAY_HOURS = 64  # Friday 17:00 to Monday 09:00

# Where the answers say who acts, and so when they are there.
_WHO_ACTS = (
    "product.decision",
    "product.decision_owner",
    "product.users",
    "heuristics.humans_handle",
    "impact.bottleneck",
)


def _arrives_anytime(plan: Plan) -> tuple[str, tuple[str, ...]]:
    """Where the answers say predictions arrive as things happen (online serving, alerts, real time)."""
    if plan.constraints.latency.serving is Serving.online:
        return quote(plan, "constraints.latency.serving", "predictions arrive whenever a request does"), ()
    for path in ("product.decision", "product.output", "product.decision_owner"):
        words = ALERTS.find_all(answer_at(plan, path)) + LIVE_DECISION.find_all(answer_at(plan, path))
        if words:
            return quote(plan, path, f"predictions as things happen: {', '.join(words)}"), words
    return "", ()


def _waits(plan: Plan, kind: str) -> str:
    """The arithmetic of the hours nobody is there, for office hours or weekdays."""
    staffed = _OFFICE_WEEK_HOURS if kind == "office" else _WEEKDAY_HOURS
    away = 1 - staffed / _WEEK_HOURS
    text = (
        f"{staffed} of the week's {_WEEK_HOURS} hours are staffed: if predictions arrive evenly, "
        f"{fmt.share(away)} arrive when nobody is there"
    )
    per_day = items_per_day(plan)
    if per_day is not None:
        text += f", about {fmt.number(round(per_day * away))} of {fmt.number(round(per_day))} a day"
    if kind == "office":
        return text + f"; one raised on Friday evening waits about {_FRIDAY_TO_MONDAY_HOURS} hours"
    return text + "; one raised on Friday evening waits until Monday"


@rule(
    "predictions-arrive-off-hours",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Say what happens to a prediction that arrives when nobody is there",
        "Predictions made as things happen arrive at night and at weekends, while the people who act work "
        "set hours: decide whether the action can wait (and how long), who is on call for the urgent ones, "
        "or whether the system acts alone out of hours with a safe default",
        "warning",
    ),
    ask="are the people who act there when the predictions arrive?",
    fires=(
        Case(
            {
                "constraints.latency.serving": "online",
                "product.decision_owner": "The accounts payable clerks, during office hours.",
            },
            evidence=(
                'constraints.latency.serving: "online" (predictions arrive whenever a request does)',
                'product.decision_owner: "The accounts payable clerks, during office hours." (people act: '
                "office hours; 40 of the week's 168 hours are staffed: if predictions arrive evenly, 76.2% "
                "arrive when nobody is there, about 301 of 395 a day; one raised on Friday evening waits "
                "about 64 hours)",
            ),
        ),
        Case(
            {
                "product.decision": "An alert to the clerk on duty, who holds the invoice.",
                "product.decision_owner": "The clerks, on weekdays.",
            },
            evidence=(
                'product.decision: "An alert to the clerk on duty, who holds the invoice." (predictions as '
                "things happen: alert)",
                'product.decision_owner: "The clerks, on weekdays." (people act: on weekdays; 120 of the '
                "week's 168 hours are staffed: if predictions arrive evenly, 28.6% arrive when nobody is "
                "there, about 113 of 395 a day; one raised on Friday evening waits until Monday)",
            ),
        ),
        Case(  # "no night shift" says when nobody is there, not that someone is
            {
                "constraints.latency.serving": "online",
                "product.decision_owner": "The clerks; there is no night shift.",
            },
            evidence=(
                'constraints.latency.serving: "online" (predictions arrive whenever a request does)',
                'product.decision_owner: "The clerks; there is no night shift." (people act: no night shift; '
                "one raised at night waits for the morning)",
            ),
        ),
    ),
    quiet=(
        Case(  # a batch read in the morning: the people are there when it arrives
            {"product.decision_owner": "The accounts payable clerks, during office hours."}
        ),
        Case(  # someone is on call out of hours
            {
                "constraints.latency.serving": "online",
                "product.decision_owner": "The clerks in office hours, and the on-call controller after hours.",
            }
        ),
        Case(  # the model acts alone: nobody needs to be there
            {
                "constraints.latency.serving": "online",
                "product.mode": "automate",
                "product.decision_owner": "The accounts payable clerks, during office hours.",
            }
        ),
        Case(  # a reply within five working days is how long today's answer takes, not when staff work
            {
                "constraints.latency.serving": "online",
                "impact.bottleneck": "The surveyor's estimate, which takes up to five working days.",
            }
        ),
        Case(  # the output goes straight to the outsider who asked: they read it when they like
            {
                "constraints.latency.serving": "online",
                "product.audience": "outsiders",
                "product.delivery": "automatic",
                "product.decision_owner": "The applicant; the office checks the form on weekdays.",
            }
        ),
    ),
)
def predictions_arrive_off_hours(plan: Plan) -> Evidence:
    """Predictions arrive around the clock, while the people who act work set hours.

    A model that scores requests as they come, or sends alerts, produces most of its predictions when
    an office-hours team is away: at night and at weekends the flags wait (a Friday-evening one for
    days), and a prediction that needed acting on within the hour is worth nothing by Monday.

    Mitigation: Say what happens out of hours: the action waits (and the wait is acceptable), someone
    is on call for the urgent ones, or the system takes a safe default alone; measure how the
    predictions spread over the week.
    """
    if plan.product.mode is Mode.automate:
        return None  # the model acts alone: nobody needs to be there
    if plan.product.audience is Audience.outsiders and plan.product.delivery is Delivery.automatic:
        return None  # it reaches the outsider who asked, at any hour: no staff act on it as it arrives
    arrives, live = _arrives_anytime(plan)
    if not arrives:
        return None
    if any(STAFFED_ALWAYS.find(answer_at(plan, path)) for path in _WHO_ACTS):
        return None
    hours = ((OFFICE_HOURS, "office"), (WEEKDAYS_ONLY, "weekdays"), (DAYTIME_ONLY, "day"))
    found = next(
        ((said, kind) for lexicon, kind in hours if (said := first_said(plan, _WHO_ACTS, lexicon))), None
    )
    if found is None:
        return None
    (path, words), kind = found
    arithmetic = "one raised at night waits for the morning" if kind == "day" else _waits(plan, kind)
    people = quote(plan, path, f"people act: {', '.join(words)}; {arithmetic}")
    return Hint((*live, *words), (arrives, people))
