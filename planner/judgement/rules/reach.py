"""Rules on whether each prediction reaches someone (or something) that can act on it, and when."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, items_per_day, quote
from planner.judgement.rules.lexicon import (
    ALERTS,
    DAYTIME_ONLY,
    LIVE_DECISION,
    NEW_VIEW,
    OFFICE_HOURS,
    PEOPLE,
    STAFFED_ALWAYS,
    SYSTEM_DECIDES,
    WEEKDAYS_ONLY,
    WORK_TOOLS,
)
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Delivery, Mode, Plan, Serving, TaskType

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
# Where the answers say today's decision is taken, and by whom.
_SAYS_WHO_DECIDES_TODAY = ("product.current_solution", "product.decision_owner")


@rule(
    "view-where-a-system-decides",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Budget the integration into the system that decides, or name who acts on the screen",
        "A system that decides on its own does not read a dashboard: the prediction has to reach it "
        "through an integration (an API call, a field it reads, a rule it runs), which is build work with "
        "an owner and a cost; without it someone must carry each prediction over by hand, or nobody acts",
        "warning",
    ),
    ask="a system takes the decision, yet the predictions go to a screen: who or what carries them over?",
    fires=(
        Case(  # the payment system decides alone, and the output lands on a new screen: two answers, a fact
            {
                "product.mode": "automate",
                "product.delivery": "new_view",
                "product.decision": "The payment system releases or holds each invoice.",
                "product.decision_owner": "The payment system.",
            },
            evidence=(
                'product.delivery: "new_view" (the predictions go to a new screen, dashboard, report or e-mail)',
                'product.mode: "automate" (yet the model is to decide alone: what carries each prediction into '
                "the system that acts?)",
            ),
        ),
        Case(  # no structured answer: the output names a dashboard, and the model decides alone
            {
                "product.decision": "The payment system releases or holds each invoice.",
                "product.decision_owner": "The payment system.",
                "product.delivery": None,
                "product.mode": "automate",
                "product.output": "A dashboard of the invoices most likely to be duplicates.",
            },
            evidence=(
                'product.output: "A dashboard of the invoices most likely to be duplicates." (the predictions '
                "go to: dashboard)",
                'product.mode: "automate" (yet the model is to decide alone: what carries each prediction into '
                "the system that acts?)",
            ),
        ),
        Case(  # today a rules engine decides: the words are a guess, asked
            {
                "product.delivery": "new_view",
                "product.current_solution": "A rules engine approves or holds each invoice automatically.",
            },
            evidence=(
                'product.delivery: "new_view" (the predictions go to a new screen, dashboard, report or e-mail)',
                'product.current_solution: "A rules engine approves or holds each invoice automatically." (today '
                "a system decides: rules engine, automatically; does it read the new screen?)",
            ),
        ),
    ),
    quiet=(
        Case(  # the model draws up the list alone, and the field crews who receive it act on it
            {
                "product.mode": "automate",
                "product.delivery": "new_view",
                "product.decision": "Field crews visit the streets on the map each morning.",
                "product.decision_owner": "The field crews.",
            }
        ),
        Case({"product.mode": "automate", "product.delivery": "automatic"}),
        Case({"product.delivery": "new_view"}),  # people decide, and look at the new screen
        Case(  # an answer written for the person who asked: whoever reads the screen acts on it
            {"product.mode": "automate", "product.delivery": "new_view", "product.task": "generation"}
        ),
        Case(  # the structured answer says where the predictions go: the output's words are not asked
            {
                "product.mode": "automate",
                "product.delivery": "automatic",
                "product.output": "A dashboard of the invoices most likely to be duplicates.",
            }
        ),
        Case(
            {
                "product.delivery": "existing_tool",
                "product.current_solution": "A rules engine approves or holds each invoice automatically.",
            }
        ),
    ),
)
def view_where_a_system_decides(plan: Plan) -> Evidence:
    """The predictions go to a screen while a system takes the decision.

    When the decision is taken by a system on its own (the model automates it, or a rules engine decides
    today), a dashboard, report or e-mail reaches nobody who acts: the system does not read it, and
    nobody is paid to copy each prediction across. The model can meet its target and change nothing.
    A written answer (a generation task) shown to the person it answers is not such a case: the reader
    is the one who acts.

    Mitigation: Budget the integration into the deciding system (its owner, the effort, a licence if the
    vendor charges for one) in the plan's effort and time box, or name the person who acts on the
    screen and check they have the time.
    """
    shown: tuple[str, ...] = ()  # the words that say a screen, when no structured answer does
    if plan.product.delivery is Delivery.new_view:
        view = quote(
            plan, "product.delivery", "the predictions go to a new screen, dashboard, report or e-mail"
        )
    elif plan.product.delivery is None:
        screen = first_said(plan, ("product.output", "product.decision"), NEW_VIEW)
        if screen is None:
            return None
        path, shown = screen
        view = quote(plan, path, f"the predictions go to: {', '.join(shown)}")
    else:
        return None
    if plan.product.mode is Mode.automate and plan.product.task is TaskType.generation:
        return None  # a written answer on a screen is read by the person it answers, who acts on it
    if plan.product.mode is Mode.automate:
        if _people_act(plan):
            return None  # a map or list handed to people who act on it: they read it, no system must
        alone = quote(
            plan,
            "product.mode",
            "yet the model is to decide alone: what carries each prediction into the system that acts?",
        )
        return Hint(shown, (view, alone)) if shown else (view, alone)
    today = first_said(plan, _SAYS_WHO_DECIDES_TODAY, SYSTEM_DECIDES)
    if today is None:
        return None
    path, words = today
    note = f"today a system decides: {', '.join(words)}; does it read the new screen?"
    return Hint((*shown, *words), (view, quote(plan, path, note)))


# People who act on an output handed to them in the field: a map, a route, a list of visits.
PEOPLE_ACT = PEOPLE + Lexicon("""
    crew, crews, field crew, field crews, driver, drivers, officer, officers, engineer, engineers
    fitter, fitters, warden, wardens, ranger, rangers, volunteer, volunteers, planner, planners
""")
_WHO_DECIDES = ("product.decision", "product.decision_owner")


def _people_act(plan: Plan) -> bool:
    """Whether the answers on who decides name people and no system: the output is handed to them."""
    return first_said(plan, _WHO_DECIDES, PEOPLE_ACT) is not None and not first_said(
        plan, _WHO_DECIDES, SYSTEM_DECIDES
    )


# A prediction sent by e-mail to people whose tool is their inbox reaches them where they work.
_MAILBOXES = {"inbox", "inboxes"}
EMAILED = Lexicon("e-mail, e-mails, email, emails, e-mailed, emailed, by mail, mailed to, mail to, mailing")
_SENT_IN = ("product.output", "product.decision", "press_release.solution", "product.delivery")


@rule(
    "view-outside-the-workflow",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Put each prediction where the people who act already work",
        "A new screen, dashboard or report is one more place to look, and busy people look at it less "
        "each week; show the prediction inside the tool they decide in (a field, a flag, a sorted queue), "
        "or measure how often the new screen is opened in the pilot",
        "warning",
    ),
    ask="people work in another tool, yet the predictions go to a new screen: will they open it?",
    fires=(
        Case(
            {"product.delivery": "new_view"},
            evidence=(
                'product.delivery: "new_view" (the predictions go to a new screen, dashboard, report or e-mail)',
                'product.current_solution: "The ERP blocks invoices with the same supplier, number and amount; '
                '..." (people work in: erp; will they open a new screen beside it?)',
            ),
        ),
    ),
    quiet=(
        Case({"product.delivery": "existing_tool"}),
        Case(  # they work in their inbox, and the alert comes by e-mail
            {
                "product.delivery": "new_view",
                "product.current_solution": "Account managers read supplier notices in their inbox.",
                "product.output": "A daily e-mail listing the accounts at risk.",
            }
        ),
        Case(  # a system decides: the integration is the point, said by another rule
            {"product.delivery": "new_view", "product.mode": "automate"}
        ),
        Case(
            {
                "product.delivery": "new_view",
                "product.current_solution": "Clerks spot duplicates by memory.",
                "product.decision_owner": "The clerk on duty.",
            }
        ),
    ),
)
def view_outside_the_workflow(plan: Plan) -> Evidence:
    """The predictions go to a new screen, away from the tool people decide in.

    People who act in a tool they already use (a patient record, an ERP, a ticket queue) rarely open a
    second screen for each case; a dashboard beside their work is looked at in the first weeks and then
    less and less, and the predictions stop reaching the decision.

    Mitigation: Show the prediction inside the tool where the decision is taken (a field, a flag, the
    order of a queue); if a new screen is the only way for now, measure in the pilot how often it is
    opened before a decision.
    """
    if plan.product.delivery is not Delivery.new_view or plan.product.mode is Mode.automate:
        return None
    if view_where_a_system_decides(plan):
        return None  # a system decides today: the integration is the point
    tool = first_said(
        plan, (*_SAYS_WHO_DECIDES_TODAY, "product.decision", "heuristics.humans_handle"), WORK_TOOLS
    )
    if tool is None:
        return None
    path, words = tool
    if set(words) <= _MAILBOXES and first_said(plan, _SENT_IN, EMAILED):
        return None  # they work in their inbox, and the prediction reaches them there, by e-mail
    view = quote(plan, "product.delivery", "the predictions go to a new screen, dashboard, report or e-mail")
    note = f"people work in: {', '.join(words)}; will they open a new screen beside it?"
    return Hint(words, (view, quote(plan, path, note)))


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
    quiet=(Case({"product.delivery": "existing_tool"}),),
)
def integration_not_built(plan: Plan) -> Evidence:
    """The predictions reach nobody until an integration is built or licensed.

    The team says the integration that carries predictions to whoever acts does not exist yet, or is
    not licensed. It is work outside the model (another team's system, a vendor's price, a security
    review) that is easy to leave out of the effort and the time box: the model is then ready and idle.

    Mitigation: Count the integration in the effort and the time box, with an owner, a date and the
    licence's cost; until it is live, act on a few predictions by hand to learn what the action needs.
    """
    if plan.product.delivery is not Delivery.not_built:
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
