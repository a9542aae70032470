"""Rules on an output that steers what it learned from: settings it recommends for the process whose past
it learned, and people who gain from a favourable output and shape its inputs. Both facts are ticked in
`product.circumstances` (with `circumstances`, which holds the others).
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, answered_quotes, first_said, quote, read_paths, ticked
from planner.judgement.rules.guardrails import label_unmoved_by_action
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.lexicon import SUPPLIED_BY_GAINERS
from planner.judgement.rules.words import Lexicon, words_of
from planner.plan.model import (
    Category,
    Circumstance,
    Mode,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    TaskType,
)
from planner.plan.workings import ActionShape

# A trial that keeps units on today's process beside the model's.
_CONTROLLED = (OnlineValidation.a_b_test, OnlineValidation.holdout, OnlineValidation.canary)

# The answers saying the outcome is recorded as it is, whatever the output set.
_UNMOVED = (OutcomeRecorded.every_case, OutcomeRecorded.selected_cases)
# The model is run at candidate settings and the best one is picked: an input changed and re-predicted.
SEARCHES_SETTINGS = Lexicon("""
    optimiser, optimizer, optimisers, optimizers, what-if, what-ifs, re-predict, re-predicts, re-predicted
    repredict, repredicts, candidate setting, candidate settings, candidate price, candidate prices
    candidate dose, candidate doses, candidate mix, candidate mixes
    optimal setting, optimal settings, optimal dose, optimal doses, optimal mix, optimal price, optimal prices
    optimal recipe, optimal blend, best setting, best settings, best dose, best mix, best price, best blend
    at each price, at each dose, at each setting, at each step, at each discount
    sweep over, simulated settings, simulates each
    candidate recipe, candidate recipes, candidate discount, candidate discounts
    candidate temperature, candidate temperatures, candidate speed, candidate speeds, candidate ratio
    grid of settings, grid of prices, grid of doses, over a grid, trying settings, try settings
    different discount levels, different price points
    maximises predicted, maximizes predicted, minimises predicted, minimizes predicted
    dose whose predicted, price whose predicted, setting whose predicted, mix whose predicted
    whichever setting, whichever value, whichever dose, whichever price
""")
# A what-if said with numbers: "predicted strength with 4% less cement", "predicted sales at 10% lower".
_CHANGED_BY = frozenset({"less", "more", "lower", "higher", "fewer"})


def _what_if(text: str | None) -> tuple[str, ...]:
    """The words of a prediction re-made with an input changed by a stated amount: `predicted`, then within
    a dozen words `with` or `at`, a number and a direction ("with 4% less")."""
    words = list(words_of(text or ""))
    for start, word in enumerate(words):
        if word != "predicted":
            continue
        near = words[start + 1 : start + 13]
        for at in range(len(near) - 2):
            if (
                near[at] in ("with", "at")
                and near[at + 1].replace(".", "").isdigit()
                and near[at + 2] in _CHANGED_BY
            ):
                return (" ".join(near[at : at + 3]),)
    return ()


# Where a plan says how its output becomes a setting.
_SEARCH_IN = ("product.output", "product.decision")
# What a lead asks of a setting picked by re-predicting.
_CAUSAL_ASK = (
    "did the past data vary it over the range proposed (or is it extrapolating), were its past values "
    "chosen by people reacting to conditions (confounding), and is a designed trial needed?"
)

# Words an output and a label share without naming the same thing.
_ANY_MEASURE = frozenset(
    [
        "share",
        "number",
        "count",
        "score",
        "rate",
        "value",
        "amount",
        "total",
        "level",
        "per",
        "each",
        "with",
        "from",
        "that",
        "this",
        "their",
        "what",
    ]
)


def output_names_the_label(plan: Plan) -> bool:
    """Whether the output and the label name the same thing (a word of four letters or more, not a
    generic measure): the output is an estimate of what the label records, not a setting."""
    output, label = answer_at(plan, "product.output"), answer_at(plan, "product.label")
    if not isinstance(output, str) or not isinstance(label, str):
        return False

    def named(text: str) -> set[str]:
        return {word.removesuffix("s") for word in words_of(text) if len(word) >= 4} - _ANY_MEASURE

    return bool(named(output) & named(label))


@rule(
    "predictions-set-controls",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Treat the settings it recommends as a causal question, and try them under control",
        "Records of a process run under today's controls show what followed the settings operators chose, "
        "for their own reasons: keep recommendations within the range the data covers and the existing "
        "controller's limits, vary settings on purpose to learn their effect, and judge the model by a "
        "controlled trial of its settings, not by its prediction error",
        "warning",
        first=True,
    ),
    fires=(
        Case(  # a what-if said with numbers
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted 28-day strength of each mix",
                "product.decision": "Approve a trim when the predicted strength with 3% less binder stays above the class",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted sales volume",
                "product.decision": "Set next week's price to the one that maximises predicted margin",
            }
        ),
        Case(  # worded as a team puts it in its answers
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted scrap rate",
                "product.decision": "Operators adjust line speed to whichever value the model predicts gives the least scrap",
            }
        ),
        Case(  # people apply each setting: medium
            {"product.circumstances": ["sets_controls"], "constraints.data.outcome_recorded_for": None},
            evidence=(
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings '
                "of the process)",
                'product.mode: "augment"',
                'done.online_validation: "shadow"',
                "no share of settings is varied on purpose, and no controlled trial is planned",
            ),
        ),
        Case(  # pumps scheduled from a demand forecast: the settings do not change the demand: low
            {"product.circumstances": ["sets_controls"], "product.task": "forecasting"},
            evidence=(
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings '
                "of the process)",
                'product.task: "forecasting" (does the setting change what it predicts? if not, acting '
                "on it leaves its data as they were)",
            ),
        ),
        Case(  # the controller takes the settings alone, untried: high
            {
                "product.circumstances": ["sets_controls"],
                "product.mode": "automate",
                "constraints.data.outcome_recorded_for": None,
            },
            evidence=(
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings '
                "of the process)",
                'product.mode: "automate"',
                "no share of settings is varied on purpose, and no controlled trial is planned",
            ),
        ),
        Case(  # ticked, and re-predicted at each candidate price: the estimate of the label does not exempt it
            {
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.mode": "automate",
                "product.output": "Predicted covers per night at each candidate price; the optimiser picks one",
                "product.label": "Covers per night",
                "constraints.data.outcome_recorded_for": "every_case",
            },
        ),
        Case(  # not ticked: a mix chosen by re-running the model at each candidate, asked from the words
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted strength of the mortar; we re-predict it at each candidate mix",
            },
        ),
        Case(  # a matcher whose matches a pricing rule reads: which items are the same, whatever the price
            {
                "product.circumstances": ["sets_controls"],
                "product.task": "matching",
                "product.mode": "automate",
                "product.output": "The competitor's product that is the same as ours, from which our price is set",
            },
            evidence=(
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings of '
                "the process)",
                'product.task: "matching" (does the setting change what it predicts? if not, acting on it leaves '
                "its data as they were)",
            ),
        ),
    ),
    quiet=(
        Case(  # a setting named, but nothing re-predicted at it
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted strength of each batch",
                "product.decision": "Release batches predicted above the class; the plant already uses less binder than the design",
            }
        ),
        Case(  # prices named, but none is picked by re-predicting
            {
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "Predicted weekly sales per store; stores charge different prices by region",
            }
        ),
        Case({"product.circumstances": ["none"]}),
        Case(  # the model is re-run for nothing: an estimate used as it is
            {"product.circumstances": [], "product.output": "Predicted strength of each batch of mortar"}
        ),
        Case(  # a grade recorded for every lot, whatever price it sets: acting on it leaves the label
            {
                "product.circumstances": ["sets_controls"],
                "product.task": "classification",
                "product.output": "A grade per lot of hops, from which the lot is priced",
                "product.label": "Grade the senior buyer gave the lot",
                "constraints.data.outcome_recorded_for": "every_case",
            }
        ),
        Case(  # an estimate of hours, recorded for the jobs booked: the quote does not change the hours
            {
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.output": "Estimated fitter-hours for the kitchen install",
                "product.label": "Fitter-hours logged on the job app",
                "constraints.data.outcome_recorded_for": "selected_cases",
            }
        ),
    ),
    ask="is a setting picked by re-running the model at candidate values: did the past data vary it over "
    "that range, or did people choose its past values reacting to conditions?",
)
def predictions_set_controls(plan: Plan) -> Evidence:
    """A model of the past will set the controls it learned under.

    Records of a process run under today's controls show what happened at settings operators chose for
    reasons (turned up when the feed is hard, a price cut when demand falls): a model fitted to them
    predicts well yet says little about what a new setting would cause. Prescribing is a causal question.

    Mitigation: Keep settings within the range the data covers, a person approving each change at first;
    vary settings on purpose (step tests, a randomised share) to learn their effect; judge the model by a
    controlled trial of its settings against today's, not by its prediction error.
    """
    fact = ticked(plan, Circumstance.sets_controls)
    searched = first_said(plan, _SEARCH_IN, SEARCHES_SETTINGS) or next(
        ((path, words) for path in _SEARCH_IN if (words := _what_if(answer_at(plan, path)))), None
    )
    if fact is None:
        if searched is None:
            return None
        # Not ticked, but the model is said to be re-run at candidate settings to pick one: ask.
        path, words = searched
        return Hint(words, (quote(plan, path), f"a setting picked by re-predicting: {_CAUSAL_ASK}"))
    # Predicted at each candidate setting and the best picked: however well it estimates the quantity the
    # label records, the choice rests on what a change of setting causes.
    facts = (fact,) if searched is None else (fact, quote(plan, searched[0], _CAUSAL_ASK))
    estimate = plan.product.task in (TaskType.regression, TaskType.classification, TaskType.detection)
    if (
        searched is None
        and estimate
        and plan.constraints.data.outcome_recorded_for in _UNMOVED
        and output_names_the_label(plan)
    ):
        # The output estimates the very quantity, grade or class the label records (crew-hours for
        # crew-hours), and the outcome, by the team's answer, is recorded whatever was set (only which cases
        # get recorded may depend on it, which selective-labels weighs): the output is no setting whose
        # effect the model must learn, so there is no causal question to ask. A recommended setting (zone
        # temperatures, with cracked bricks as the label) is.
        return None
    if searched is None and label_unmoved_by_action(
        plan
    ):  # a forecast, or a quantity recorded whatever was set: ask, low
        said = "does the setting change what it predicts? if not, acting on it leaves its data as they were"
        return Tempered(1, (*facts, quote(plan, "product.task", said)))
    if kept_out(plan):
        return Tempered(
            2, (*facts, quote(plan, "constraints.data.exploration_share", "settings varied on purpose"))
        )
    if plan.done.online_validation in _CONTROLLED:
        return Tempered(2, (*facts, quote(plan, "done.online_validation", "a controlled trial is planned")))
    untried = "no share of settings is varied on purpose, and no controlled trial is planned"
    alone = plan.product.mode is Mode.automate or Circumstance.commits_alone in plan.product.circumstances
    if not alone:  # people apply each setting, or a shadow run shows it first: worth a decision, not a stop
        return Tempered(
            3, (*facts, *answered_quotes(plan, "product.mode", "done.online_validation"), untried)
        )
    return (*facts, quote(plan, "product.mode"), untried)


@rule(
    "gainers-adapt",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Plan for those who gain from it to learn what it rewards",
        "Whoever supplies the inputs and gains from a favourable output adapts to what passes, without any "
        "fraud: prefer inputs they cannot shape, audit a random sample of what passes, and watch each "
        "submitter's pass rate over time",
        "warning",
    ),
    fires=(
        Case(
            {"product.circumstances": ["party_gains"], "product.mode": "automate"},
            evidence=(
                'product.circumstances: "party_gains" (someone who gains from a favourable output supplies '
                "its inputs)",
                'product.mode: "automate"',
            ),
        ),
        Case(  # a quote fixed from the customer's own video: filmed to look smaller, errors kept one way
            {
                "product.circumstances": ["party_gains"],
                "product.action_shape": "sets_amount",
                "product.output": "A fixed price for the removal, from the customer's own video of the rooms.",
            },
        ),
        Case(  # not ticked, but the inputs are the applicant's own declaration
            {"product.circumstances": [], "product.inputs": "The applicant's self-reported income and rent."},
            evidence=(
                'product.inputs: "The applicant\'s self-reported income and rent."',
                'product.mode: "augment"',
            ),
        ),
    ),
    quiet=(
        Case({"product.circumstances": ["none"]}),
        Case({"product.circumstances": [], "product.inputs": "Meter readings from our own smart meters."}),
    ),
    ask="will those who supply these inputs, and gain from a favourable output, learn what it rewards?",
)
def gainers_adapt(plan: Plan) -> Evidence:
    """Those who gain from a favourable output will learn what it rewards.

    Whoever supplies the inputs and gains from the decision (dealers, claimants, applicants, sellers,
    bidders) adapts to what passes, without any fraud: descriptions are reworded, claims split, figures
    kept just under a threshold. The model learned from data recorded before anyone knew it, so its
    scores drift once they learn, and the labels from past decisions do not show it.

    Mitigation: Prefer inputs they cannot shape, or check them against sources they do not control;
    audit a random sample of what passes; watch pass rates and input patterns per submitter over time;
    keep a share decided without the model to measure the shift.
    """
    fact = ticked(plan, Circumstance.party_gains)
    if fact is None and Circumstance.none not in plan.product.circumstances:
        found = first_said(plan, read_paths(plan), SUPPLIED_BY_GAINERS)
        if found:  # not ticked, but the inputs are said to come from those the decision is about
            path, words = found
            return Hint(words, (quote(plan, path), *answered_quotes(plan, "product.mode")))
    if fact is None:
        return None
    return (fact, *answered_quotes(plan, "product.mode"), *_sets_their_amount(plan))


# What an amount set from a party's own material does: they show less to lower a price, or more to raise a
# grant; and where they may take it or leave it, the errors in their favour are the ones that stand.
_THEIR_AMOUNT = (
    "it sets an amount for those who supply its inputs: they learn to show what lowers (or raises) it, and "
    "where the amount binds you but not them (a fixed price), they take the errors in their favour and "
    "decline the rest, so the errors that stand lean one way: score the error on the cases taken up, and "
    "keep the right to revise the amount once the work is seen"
)


def _sets_their_amount(plan: Plan) -> tuple[str, ...]:
    """The action shape, quoted, where the output sets an amount (a price, a quote, a grant) for the party
    who supplies its inputs."""
    if plan.product.action_shape is not ActionShape.sets_amount:
        return ()
    return (quote(plan, "product.action_shape", _THEIR_AMOUNT),)
