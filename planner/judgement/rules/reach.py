"""Rules on whether each prediction is shown where someone (or something) can act on it."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.lexicon import NEW_VIEW, PEOPLE, SYSTEM_DECIDES, WORK_TOOLS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Delivery, Mode, Plan, TaskType

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
