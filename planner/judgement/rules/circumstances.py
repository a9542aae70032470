"""Rules on facts beyond the decision itself, ticked in `product.circumstances`.

A lead asks more than how good the model is: who else reads its output, what the people it takes over
from also do, whether its output steers the process whose past it learned from, who gains from it and
shapes its inputs, which rules govern the decision, whether it acts unchecked, and how success is
counted. Each fact is a structured answer, so each rule reasons from it (and from the answers it meets:
the mode, the severity, a randomised share); where a team left a fact unticked that its own words say
(a model deciding alone that refunds), a rule asks it as a question naming those words.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    answer_at,
    answered_quotes,
    first_said,
    quote,
    ticked,
)
from planner.judgement.rules.fitting import (
    DISCLOSURE_MOVES,
    INSTRUMENTS_MEASURE,
    NO_LIMIT_NAMED,
    NO_MONEY_MOVES,
    action_without_money,
    acts_without_money,
    declinable,
    discloses_alone,
    done_by_a_person,
)
from planner.judgement.rules.guardrails import guardrails
from planner.judgement.rules.harm import serious_harm
from planner.judgement.rules.lexicon import (
    AI_ACT_SAID,
    COMMITS,
    CONSUMER_DUTY_SAID,
    DEVICE_DUTY_SAID,
    LIMITS_SAID,
    PEOPLE,
    SET_BY_RULE_TODAY,
    SIGNER_SAID,
    STAFF_DUTY_SAID,
)
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.fields import is_answered
from planner.plan.model import (
    Category,
    Circumstance,
    Mode,
    OnlineValidation,
    Plan,
    TaskType,
)

_UNBOUNDED = "no cap per action or per day, and no way to reverse an action, is named"

# Where a plan says how the model's settings are tried against today's: a controlled trial.
_CONTROLLED = (OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.canary)

# Where a plan may say who answers for a regulated decision, or which rules it meets.
DUTY_SAID = SIGNER_SAID + AI_ACT_SAID + DEVICE_DUTY_SAID + STAFF_DUTY_SAID + CONSUMER_DUTY_SAID

# Answers that may say how a limit or a duty is handled (each a text; the monitors are records).
_HANDLED_IN: tuple[str, ...] = ("product.decision", "product.decision_owner", "product.output")
_HANDLED_IN += ("after_launch.fallback", "heuristics.humans_handle", "done.when_met")


def said_in(plan: Plan, lexicon: Lexicon) -> str | None:
    """The first answer among those that say how a plan handles what it does alone that names `lexicon`."""
    found = first_said(plan, _HANDLED_IN, lexicon)
    return quote(plan, found[0]) if found else None


@rule(
    "others-rely-on-output",
    Category.product,
    likelihood=2,
    impact=3,
    move=Move(
        "Name who else uses the output, and what its errors cost them",
        "People or systems beyond the decision read the output too: list each, what they do with it and "
        "which errors hurt them, and agree the output's form, its error rate and a notice before it changes",
    ),
    fires=(
        Case(
            {"product.circumstances": ["others_use_output"]},
            evidence=(
                'product.circumstances: "others_use_output" (others beyond the deciders use its output: '
                "customers, other teams)",
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..."',
            ),
        ),
    ),
    quiet=(Case({"product.circumstances": ["none"]}), Case({"product.circumstances": []})),
)
def others_rely_on_output(plan: Plan) -> Evidence:
    """Others rely on the output beyond the decision.

    Customers, partners, a regulator or a later step use the output too: they read it as more certain than
    it is, their work changes whenever it changes, and the errors that hurt them are not the ones the done
    metrics count, so the team never sees them.

    Mitigation: Name each one who uses the output and what they do with it; evaluate the errors that
    matter to them beside the decision's own; agree the output's form, its error rate and a notice before
    any change, and give them a way to report what goes wrong.
    """
    fact = ticked(plan, Circumstance.others_use_output)
    if fact is None:
        return None
    return (fact, *answered_quotes(plan, "impact.error_harm"))


@rule(
    "side-duties-unowned",
    Category.operations,
    likelihood=4,
    impact=3,
    move=Move(
        "List what the people it takes over from also do, and give each duty an owner",
        "People who do the task notice things on the side (a fault, a hazard, a distressed customer, a new "
        "fraud) and teach newcomers; a model that takes the task over drops those duties unseen",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.circumstances": ["side_duties"],
                "product.mode": "automate",
                "impact.share_addressed": 1.0,
            },
            evidence=(
                'product.circumstances: "side_duties" (the people whose work it takes over also do other '
                "things meanwhile)",
                'product.mode: "automate"',
                'product.current_solution: "The ERP blocks invoices with the same supplier, number and '
                'amount; ..."',
            ),
        ),
    ),
    quiet=(
        Case({"product.circumstances": ["none"]}),
        Case(  # people keep doing the work, with the model's help: they still see what they used to
            {"product.circumstances": ["side_duties"], "product.mode": "augment"}
        ),
        Case(  # it takes over four cases in five; people keep the rest, and so the work around it
            {
                "product.circumstances": ["side_duties"],
                "product.mode": "automate",
                "impact.share_addressed": 0.8,
                "heuristics.humans_handle": "Parcels below the threshold, and new routes.",
            }
        ),
    ),
)
def side_duties_unowned(plan: Plan) -> Evidence:
    """What else the people it takes over from do is not planned for.

    People who do a task also notice things while they do it: a machine about to fail, a safety hazard,
    a customer in distress, a new kind of fraud, a wrong record upstream; they train newcomers and keep
    the process honest. A model that takes the task over does none of that, and nobody sees the loss
    until something goes wrong that they used to catch.

    Mitigation: List those side duties with the people who do them now; give each an owner once the
    model takes over (a check on a sample, a way to report, a new step), and keep people on a share of
    cases so the skill and the second look stay.
    """
    fact = ticked(plan, Circumstance.side_duties)
    if fact is None:
        return None
    if plan.product.mode in (Mode.improve, Mode.augment):
        return None  # the people keep doing the work, with the model's help: the duties stay where they are
    share, kept = plan.impact.addressed, plan.heuristics.humans_handle
    if share is not None and share <= PEOPLE_KEEP_A_SHARE and is_answered(kept):
        return None  # people keep a fifth of the cases or more, and with them the work around the task
    return (fact, *answered_quotes(plan, "product.mode", "product.current_solution"))


# The share of cases a model may take over while the people keep enough of the task to go on seeing it.
PEOPLE_KEEP_A_SHARE = 0.8


@rule(
    "commits-unchecked",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Bound what it may commit alone before it goes live",
        "A model that pays, refunds, approves or sends on its own repeats each error at machine speed: cap "
        "each action and the daily total, send what is above the cap to a person, log every action with a "
        "way to reverse it, audit a random sample each week, and keep a switch that stops it",
        "danger",
        first=True,
    ),
    instead=(INSTRUMENTS_MEASURE, DISCLOSURE_MOVES, NO_MONEY_MOVES),
    fires=(
        Case(
            {"product.circumstances": ["commits_alone"], "done.online_validation": None},
            evidence=(
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                "no cap per action or per day, and no way to reverse an action, is named",
            ),
        ),
        Case(  # a generative model that credits accounts on its own
            {"product.circumstances": ["commits_alone"], "product.task": "generation"},
            evidence=(
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.task: "generation" (a generative model takes the action: a customer\'s message can '
                "talk it into one)",
                "no cap per action or per day, and no way to reverse an action, is named",
            ),
        ),
        Case(  # not ticked, but a model that decides alone is said to refund
            {
                "product.circumstances": [],
                "product.mode": "automate",
                "product.decision": "The system refunds the customer and e-mails the receipt.",
            },
            evidence=(
                'product.mode: "automate"',
                'product.decision: "The system refunds the customer and e-mails the receipt."',
                "no cap per action or per day, and no way to reverse an action, is named",
            ),
        ),
        Case(  # a suggestion sent unchecked, moving no money, that its receiver takes or leaves: medium
            {
                "product.circumstances": ["commits_alone"],
                "product.mode": "augment",
                "product.decision": "Which plants to suggest; the customer takes the suggestion or ignores it.",
                "product.output": "Three plant names shown on the customer's receipt.",
                "done.online_validation": None,
            },
            evidence=(
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.mode: "augment" (a suggestion its receiver can decline)',
                "no limit on how many actions a day or on which cases it takes alone, and no way to undo one, "
                "is named",
            ),
        ),
        Case(  # it publishes the rota on its own: named as a schedule, with limits that fit it
            {
                "product.circumstances": ["commits_alone"],
                "product.mode": "automate",
                "product.decision": "The system publishes next week's shift schedule.",
                "product.output": "A shift schedule for each ward.",
                "done.online_validation": None,
            },
            evidence=(
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.decision: "The system publishes next week\'s shift schedule." '
                "(what it does alone is a schedule, not a payment)",
                "no limit on how many actions a day or on which cases it takes alone, and no way to undo one, "
                "is named",
            ),
        ),
        Case(  # it takes over from a rule acting alone today, tried in shadow, falling back to the rule: low
            {
                "product.circumstances": ["commits_alone"],
                "product.mode": "automate",
                "product.output": "The delivery window promised to the customer at checkout.",
                "product.decision": "The checkout shows each order's window.",
                "product.current_solution": "A fixed rule sets the window: ten working days for every order.",
                "done.online_validation": "shadow",
                "after_launch.fallback": "The checkout falls back to the rule.",
            },
            evidence=(
                'product.circumstances: "commits_alone" (it pays, refunds, approves or sends on its own, '
                "unchecked)",
                'product.current_solution: "A fixed rule sets the window: ten working days for every order." (a '
                "fixed rule sets: nobody checks each one today either)",
                'after_launch.fallback: "The checkout falls back to the rule." (back to the rule)',
                'done.online_validation: "shadow" (tried before it acts)',
            ),
        ),
    ),
    quiet=(
        Case(  # a person sets the volume it sends within a budget: the cap a lead asks for is there
            {
                "product.circumstances": ["commits_alone"],
                "product.decision": "The top baskets up to the weekly volume get a discount e-mail; the CRM lead "
                "sets the weekly send volume within the budget.",
            }
        ),
        Case(  # the member of staff books their own leave from the answer: the tool commits nothing
            {
                "product.mode": "automate",
                "product.circumstances": [],
                "product.decision": "The member of staff acts on the answer themselves (books leave, claims an allowance).",
            }
        ),
        Case({"product.circumstances": ["none"]}),
        Case(
            {
                "product.circumstances": ["commits_alone"],
                "after_launch.fallback": "Refunds are capped at 20 EUR and a daily limit of 500; a kill switch.",
            }
        ),
        Case(  # first-aid posts are places the medics staff, not something the system posts
            {
                "product.mode": "automate",
                "product.circumstances": [],
                "product.decision": "Which first-aid posts the event control opens first each hour.",
            }
        ),
        Case(  # people take each decision: words of paying are not a commitment made alone
            {"product.circumstances": [], "product.decision": "The clerk pays the invoice the model matched."}
        ),
    ),
    ask="does it commit money or the organisation on its own, with no cap and no way back?",
)
def commits_unchecked(plan: Plan) -> Evidence:
    """It commits money or the organisation with nobody checking each action.

    A model that pays, refunds, credits, approves or sends messages on its own repeats each error at
    machine speed, and a generative model can be talked into an action it should never take. Nobody
    sees a single action before it lands, so one flaw costs as much as the volume allows.

    Mitigation: Cap each action and the daily total, with a person approving above the cap; log every
    action with a way to reverse it; audit a random sample each week; keep a switch that stops it; for a
    generative model, take the action from a structured decision checked against policy, never from
    its free text.
    """
    fact = ticked(plan, Circumstance.commits_alone)
    if said_in(plan, LIMITS_SAID) or (fact is None and Circumstance.none in plan.product.circumstances):
        return None
    unbounded = NO_LIMIT_NAMED if acts_without_money(plan) else _UNBOUNDED  # caps fit amounts of money
    if fact is None:  # not ticked: a model that decides alone, said in words to pay, refund or send
        found = first_said(plan, ("product.decision", "product.output"), COMMITS)
        if found is None or plan.product.mode is not Mode.automate:
            return None
        found = (found[0], tuple(w for w in found[1] if not done_by_a_person(answer_at(plan, found[0]), w)))
        if not found[1]:
            return None  # `the tutor books the lessons`: a person's action, not the model's alone
        return Hint(found[1], (quote(plan, "product.mode"), quote(plan, found[0]), unbounded))
    guards = guardrails(plan)
    if len(guards) >= 3:  # a switch back to people, an audit, a trial first, undoable or barred cases
        return None
    kind = action_without_money(plan)  # a schedule, a publication, a message: named, not read as money
    said = (fact, kind) if kind else (fact,)
    if plan.product.task is TaskType.generation:  # text that acts: a message can talk it into an action
        talked = "a generative model takes the action: a customer's message can talk it into one"
        return (*said, quote(plan, "product.task", talked), unbounded)
    today = first_said(plan, ("product.current_solution",), SET_BY_RULE_TODAY)
    # a disclosure is not undone: neither a rule acting alone today nor a receiver's choice tempers it
    replaces_a_rule = not discloses_alone(plan) and acts_without_money(plan)
    replaces_a_rule = replaces_a_rule and not serious_harm(plan)
    if today is not None and replaces_a_rule and not mentions(plan.product.current_solution, PEOPLE):
        # a rule acts alone today, and nobody checks it: a model in its place, moving no money and
        # erring without serious harm, takes no person's check away
        path, words = today
        replaced = quote(plan, path, f"{', '.join(words)}: nobody checks each one today either")
        return (
            Tempered(1, (*said, replaced, *guards)) if guards else Tempered(2, (*said, replaced, unbounded))
        )
    if declinable(plan) and acts_without_money(plan) and not discloses_alone(plan):
        # it sends a suggestion on its own, moving no money, and the person it reaches takes it or not
        return Tempered(
            2, (*said, quote(plan, "product.mode", "a suggestion its receiver can decline"), unbounded)
        )
    return Tempered(2, (*said, *guards)) if guards else (*said, unbounded)
