"""Rules on what the model will not see: the outcome an action on its flags prevents."""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules import acting, circumstances, data, evaluation
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.lexicon import AT_RANDOM
from planner.judgement.rules.words import BOUNDARY, Lexicon, words_of
from planner.plan.model import Category, Delivery, LabelSource, OnlineValidation, OutcomeRecorded, Plan

# ---------------------------------------------------------------- an action that prevents the label

# A decision that does something to a flagged case that can change what happens to it: contact, help,
# offer, repair. Holding or blocking it (decision-hides-outcome) and choosing it (model-selects-cases)
# are read elsewhere.
INTERVENES = Lexicon(
    """
    contact, contacts, contacted, call, calls, called, phone, phones, phoned, ring, rings
    reach out, reaches out, reached out, outreach
    offer, offers, offered, propose, proposes
    visit, visits, visited, home visit, home visits
    support, supports, supported, help, helps, helped, assist, assists
    coach, coaches, coaching, mentor, mentors, mentoring, tutor, tutors, tutoring
    remind, reminds, reminder, reminders, nudge, nudges
    intervene, intervenes, intervention, interventions
    treat, treats, treatment, treatments
    service, services, serviced, servicing, repair, repairs, repaired, maintain, maintains, maintenance
    replace, replaces, overhaul, overhauls
    discount, discounts, incentive, incentives, payment plan, payment plans, retention offer, retention offers
    advise, advises, counsel, counsels, counselling, counseling
    follow up, follows up, follow-up, check in, checks in, check-in
    """,
    unless="""calls it, calls them, calls this, calls that, api call, api calls, function call, function calls
    model call, model calls, help desk, helpdesk, decision support, support team, support tickets,
    support ticket, customer support, customer service, service desk, service centre, service center
    the service, service level, service levels, service window, service windows, service interval
    service intervals""",
)

# An aim at some event: fewer of it, prevented, or the cases likely to have it.
PREVENTS = Lexicon(
    """
    prevent, prevents, preventing, prevention, avoid, avoids, avoiding, avert, averts
    reduce, reduces, reducing, reduction, cut, cuts, fewer, less, lower
    before they, before it, before the
    keep, keeps, retain, retains, save, saves
    likely to, at risk of, risk of, predicted to, expected to, about to
    """
)

# Words that say some flagged cases are left to today's process on purpose: a control group.
UNTREATED = AT_RANDOM + Lexicon(
    """
    control group, control groups, untreated, left untreated, holdout group, hold-out group
    held-out group, not contacted, randomised, randomized
    """
)

# Words a label shares with any goal: times and record-keeping, not the event itself.
_GENERIC = frozenset(
    words_of(
        """days within months month weeks week year years minutes hours after before since later from with
        that this their they them whether will next first date than more least over into each every per
        case cases flag flagged recorded record records label labels outcome outcomes"""
    )
)


def _stem(word: str) -> str:
    """A word's first four letters: `failure` and `fails`, `cancelled` and `cancellations` meet."""
    return word[:4]


def _label_stems(plan: Plan) -> frozenset[str]:
    """The stems of the label's content words (four letters or more, not a time or a record word)."""
    return frozenset(
        _stem(word)
        for word in words_of(plan.product.label or "")
        if len(word) >= 4 and word.isalpha() and word not in _GENERIC
    )


def _fewer_of_the_label(plan: Plan) -> tuple[str, str, str] | None:
    """The answer that aims at what the label records: its path, the word of aiming, and the word of
    the label it is said of (within the next six words of the same clause)."""
    stems = _label_stems(plan)
    if not stems:
        return None
    for path in ("product.goal", "product.success_metric", "product.decision"):
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        words = list(words_of(text))
        for found in PREVENTS.find_all(text):
            for start in _starts(words, found.split(" ")):
                for word in _ahead(words, start + len(found.split(" ")), 6):
                    if len(word) >= 4 and word not in _GENERIC and _stem(word) in stems:
                        return path, found, word
    return None


def _starts(words: list[str], parts: list[str]) -> Iterator[int]:
    """Where the phrase `parts` starts among `words`."""
    return (i for i in range(len(words) - len(parts) + 1) if words[i : i + len(parts)] == parts)


# Words that end what an aim is said of: `fewer riders miss their connection at the interchange` aims
# at missed connections, not at the interchange.
_AIM_ENDS = frozenset(
    {BOUNDARY, "at", "on", "for", "by", "across", "per", "within", "among", "during", "while"}
)


def _ahead(words: list[str], start: int, count: int) -> Iterator[str]:
    """The next `count` words from `start`, up to the end of what an aim is said of."""
    for word in words[start : start + count]:
        if word in _AIM_ENDS:
            return
        yield word


_RECORDED = frozenset({LabelSource.outcomes, LabelSource.existing})  # what happened, as recorded

_LEAVE_FLAGGED_CASES_UNTREATED = Move(
    "Leave a random share of flagged cases to today's process, and log every action",
    "Once flagged cases are acted on, those the action saves look as if they were never at risk: the next "
    "model learns the intervention away and live scores mix the model with the action; a small random "
    "share of flagged cases left untreated, and a record of who was acted on and how, keep outcomes "
    "that say what the risk was and what the action did",
    "warning",
    done=lambda plan: (plan.constraints.data.exploration_share or 0) > 0,
)


@rule(
    "action-prevents-the-label",
    Category.model,
    likelihood=3,
    impact=4,
    move=_LEAVE_FLAGGED_CASES_UNTREATED,
    ask="will acting on a flagged case prevent or change the very outcome the label records?",
    fires=(
        Case(
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.decision: "Housing officers phone the flagged tenants and offer a payment plan." '
                "(acting on a flagged case: phone, offer, payment plan)",
                'product.goal: "Fewer households fall into rent arrears." (aimed at what the label '
                "records: fewer ... arrears)",
                'product.label: "Tenant two months in arrears within six months." (the outcome the action '
                "aims to prevent: once acted on, will a case's outcome still say whether it was at "
                "risk?)",
                'constraints.data.outcome_recorded_for: "every_case" (every case keeps an outcome, but a '
                "treated case's is the one the action made)",
            ),
        ),
    ),
    quiet=(
        Case(  # a random share of flagged tenants is left to today's process
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.exploration_share": 0.1,
            }
        ),
        Case(  # the live test keeps a holdout
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "done.online_validation": "holdout",
            }
        ),
        Case(  # the call warns of a late parcel; the goal is fewer complaints, not fewer late parcels
            {
                "product.goal": "Fewer complaints from customers.",
                "product.decision": "Agents phone the customer to warn of the delay.",
                "product.label": "Parcel delivered more than a day late.",
                "constraints.data.labels": ["outcomes"],
            }
        ),
        Case(  # people label each case by hand: no outcome that follows the action
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["manual"],
            }
        ),
        Case(  # only the chosen cases have an outcome: selective-labels asks for the random share
            {
                "product.goal": "Fewer households fall into rent arrears.",
                "product.decision": "Housing officers phone the flagged tenants and offer a payment plan.",
                "product.label": "Tenant two months in arrears within six months.",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
    ),
)
def action_prevents_the_label(plan: Plan) -> Evidence:
    """Acting on a flagged case may prevent or change the outcome the model learns from.

    When the product exists to act on flagged cases (a call, an offer, a repair) so that the outcome
    the label records does not happen (or does: a discount to a customer likely to buy), every case
    keeps an outcome, but not the one it would have had: a case the action saved looks as if it was
    never at risk. The next model learns the action away, and a live score mixes model and action.

    Mitigation: Leave a small random share of flagged cases to today's process (or run the launch as
    a holdout or A/B test), log who was acted on, how and when, and train and evaluate on the outcomes
    of the untreated share.
    """
    constraints = plan.constraints.data
    recorded = constraints.outcome_recorded_for
    if recorded in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    if not _RECORDED.intersection(constraints.labels) or constraints.label_delay_days == 0:
        return None  # no outcome that follows the prediction, so nothing for an action to change
    if (constraints.exploration_share or 0) > 0 or plan.done.online_validation in (
        OnlineValidation.holdout,
        OnlineValidation.a_b_test,
    ):
        return None
    decision = plan.product.decision
    if plan.product.delivery is Delivery.nobody:
        return None  # nobody receives the predictions yet, so nobody acts on them: nobody-acts-on-output
    acts = INTERVENES.find_all(decision)
    if not acts or says_nothing(decision):
        return None
    if any(UNTREATED.find(answer_at(plan, path)) for path in ("product.decision", "done.when_met")):
        return None
    fewer = _fewer_of_the_label(plan)
    if fewer is None:
        return None
    if any(
        check(plan)
        for check in (
            data.feedback_loop,
            data.decision_hides_outcome,
            evaluation.selective_labels,
            acting.model_selects_cases,
            circumstances.predictions_set_controls,
        )
    ):
        return None  # a rule that reads the answers already asks for the untouched share
    aim, prevent, word = fewer
    found = [quote(plan, "product.decision", f"acting on a flagged case: {', '.join(acts)}")]
    if aim != "product.decision":
        found.append(quote(plan, aim, f"aimed at what the label records: {prevent} ... {word}"))
    found.append(
        quote(
            plan,
            "product.label",
            "the outcome the action aims to prevent: once acted on, will a case's outcome still say "
            "whether it was at risk?",
        )
    )
    if recorded is OutcomeRecorded.every_case:
        found.append(
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "every case keeps an outcome, but a treated case's is the one the action made",
            )
        )
    return Hint((*acts, prevent), tuple(found))
