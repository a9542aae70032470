"""A rule on an action that prevents the label: acting on a flagged case changes the outcome the model
learns from, unless the outcome is fixed before any action can reach it."""

from __future__ import annotations

from collections.abc import Iterator

from planner.judgement.rules import acting, data, evaluation, steering
from planner.judgement.rules.anchor import in_days
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, says_nothing
from planner.judgement.rules.fitting import WITHHOLDING_CARE
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import (
    INTERVENES,
    PREVENTS,
    UNTREATED,
)
from planner.judgement.rules.words import BOUNDARY, Lexicon, words_of
from planner.plan.model import (
    ActionShape,
    Category,
    Delivery,
    LabelDated,
    LabelSource,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    TaskType,
)

# ---------------------------------------------------------------- an action that prevents the label

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


# Words that end what an aim is said of: `fewer riders miss their connection at the interchange`.
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
_FLAGS = (ActionShape.threshold, ActionShape.top_of_queue)  # the shapes that flag cases to act on

_LEAVE_FLAGGED_CASES_UNTREATED = Move(
    "Leave a random share of flagged cases to today's process, and log every action",
    "Once flagged cases are acted on, those the action saves look as if they were never at risk: the next "
    "model learns the intervention away and live scores mix the model with the action; a small random "
    "share of flagged cases left untreated, and a record of who was acted on and how, keep outcomes "
    "that say what the risk was and what the action did",
    "warning",
    done=lambda plan: (kept_out(plan) or 0) > 0,
)


# Words that describe a flagged case (`at risk of`, `likely to`), not an aim of fewer: said beside a goal of
# knowing the outcome sooner, the outcome itself is not what the action is for.
_DESCRIBES_A_FLAG = frozenset(
    {"likely to", "at risk of", "risk of", "predicted to", "expected to", "about to"}
)
# Words saying the product's aim is to know an outcome sooner: a test result, a measurement, a grade that
# will come anyway, already fixed by what was made or taken (a sample, a specimen, a batch).
KNOWN_SOONER = Lexicon("""
    learn at day, learn at week, know at day, know at week, learn sooner, know sooner, learn earlier
    know earlier, known earlier, known sooner, instead of waiting, rather than waiting, without waiting
    not day, not week, weeks earlier, days earlier, ahead of the result, ahead of the test, before the result
    before the test result, before the lab result, before the results
""")


def _known_sooner(plan: Plan, prevent: str) -> bool:
    """Whether the goal says the product tells the outcome sooner, and the only aim found describes a
    flagged case: the outcome is fixed (a sample taken, a batch made) before any action can reach it; the
    action acts on what follows, not on what the label measures."""
    return prevent in _DESCRIBES_A_FLAG and bool(KNOWN_SOONER.find(answer_at(plan, "product.goal")))


@rule(
    "action-prevents-the-label",
    Category.model,
    likelihood=3,
    impact=4,
    move=_LEAVE_FLAGGED_CASES_UNTREATED,
    instead=(WITHHOLDING_CARE,),
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
            also=frozenset({"outcome-not-effect"}),
        ),
        Case(  # fans run on the blocks forecast to freeze, and the sensors read the night after
            {
                "product.goal": "Growers protect the blossom at the lowest running cost.",
                "product.decision": "Crews start the frost fans the evening before on the blocks flagged.",
                "product.action_shape": "threshold",
                "product.label": "Block sensor reads below -2 degrees at blossom height.",
                "product.lead_days": 1,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.outcome_recorded_for": "every_case",
                "constraints.data.label_dated": "happened",
            },
            evidence=(
                'product.action_shape: "threshold" (each case is acted on from its prediction)',
                "product.lead_days: 1 (the prediction is made 1 day before the outcome: time to act before it "
                "happens)",
                'constraints.data.outcome_recorded_for: "every_case" (the outcome is recorded after the '
                "action: for an acted-on case, is it the treated one? Keep an untreated share, or model the "
                "action)",
            ),
        ),
    ),
    quiet=(
        Case(  # an invoice held days before the run: a duplicate is what it is, the hold does not change it
            {
                "product.lead_days": 3,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.outcome_recorded_for": "every_case",
                "constraints.data.label_dated": "undated",
            }
        ),
        Case(  # an amount set ahead (a roster, an order), not a case acted on: demand is not treated
            {
                "product.action_shape": "sets_amount",
                "product.lead_days": 7,
                "constraints.data.labels": ["outcomes"],
                "constraints.data.outcome_recorded_for": "every_case",
            }
        ),
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
    The structured answers say it alone when each case is acted on from its prediction days before the
    outcome, which is then recorded for every case: a road gritted the evening before reads no ice.

    Mitigation: Leave a small random share of flagged cases to today's process (or run the launch as
    a holdout or A/B test), log who was acted on, how and when, and train and evaluate on the outcomes
    of the untreated share.
    """
    constraints = plan.constraints.data
    recorded = constraints.outcome_recorded_for
    if recorded in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    if not _RECORDED.intersection(constraints.labels) or constraints.label_delay == 0:
        return None  # no outcome that follows the prediction, so nothing for an action to change
    if (kept_out(plan) or 0) > 0 or plan.done.online_validation in (
        OnlineValidation.holdout,
        OnlineValidation.a_b_test,
    ):
        return None
    if plan.product.task is TaskType.forecasting and plan.product.action_shape not in _FLAGS:
        return (
            None  # a count or a level per period plans the work (a roster, a stock order): no case is flagged
        )
    decision = plan.product.decision
    if plan.product.delivery is Delivery.nobody or says_nothing(decision):
        return None  # nobody receives the predictions yet, so nobody acts on them: nobody-acts-on-output
    if any(UNTREATED.find(answer_at(plan, path)) for path in ("product.decision", "done.when_met")):
        return None
    if _others_ask(plan):
        return None  # a rule that reads the answers already asks for the untouched share
    acts = INTERVENES.find_all(decision)
    fewer = _fewer_of_the_label(plan) if acts else None
    if fewer is None:
        return acted_before_the_outcome(plan)
    aim, prevent, word = fewer
    if _known_sooner(plan, prevent):
        return None  # the outcome is fixed before the action: the product only tells it sooner
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


# Outputs acted on case by case (a cut-off, a queue), not an amount set for the day: gritting the roads
# forecast to ice, not a roster sized to the calls.
_FLAGGING = (ActionShape.threshold, ActionShape.top_of_queue)


def acted_before_the_outcome(plan: Plan) -> Evidence:
    """The structured answers alone: each case is acted on from its prediction (a cut-off, a queue), the
    prediction is made days before the outcome (`product.lead_days`), and the outcome, an event that
    follows, is then recorded for every case. What is recorded after the action is the treated outcome: a road gritted the evening before
    reads no ice, a field whose frost fans ran reads no frost."""
    product, data = plan.product, plan.constraints.data
    lead = product.lead_days
    if lead is None or lead <= 0 or product.action_shape not in _FLAGGING:
        return None
    if data.outcome_recorded_for is not OutcomeRecorded.every_case or LabelSource.outcomes not in data.labels:
        return None
    if data.label_dated is LabelDated.undated:
        return None  # a property of the case (a duplicate, a defect), not an event an action can prevent
    return (
        quote(plan, "product.action_shape", "each case is acted on from its prediction"),
        quote(
            plan,
            "product.lead_days",
            f"the prediction is made {in_days(float(lead))} before the outcome: time to act before it happens",
        ),
        quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "the outcome is recorded after the action: for an acted-on case, is it the treated one? Keep "
            "an untreated share, or model the action",
        ),
    )


def _others_ask(plan: Plan) -> bool:
    """Whether a rule that reads the answers already asks for the untouched share."""
    return any(
        check(plan)
        for check in (
            data.feedback_loop,
            data.decision_hides_outcome,
            evaluation.selective_labels,
            acting.model_selects_cases,
            steering.predictions_set_controls,
        )
    )
