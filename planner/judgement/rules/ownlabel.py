"""Rules on a figure that shapes the outcome it is scored on: an estimate printed where those who make the
outcome read it (a catalogue estimate bidders see, a price buyers are quoted) pulls the outcome toward
itself, and an offer or a quote that the other side accepts or declines decides which cases ever get an
outcome. Either way the model's own output shapes its label, and its error on history (outcomes that
leaned on today's figure) is not its error live."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.reserve import sets_the_figure
from planner.judgement.rules.steering import output_names_the_label
from planner.plan.model import (
    Audience,
    Category,
    Circumstance,
    Mode,
    OnlineValidation,
    OutcomeRecorded,
    Plan,
    TaskType,
)

# Those outside the organisation read the output: the people whose bids, purchases or acceptance make
# the outcome see the figure.
_READ_OUTSIDE = (Audience.outsiders, Audience.both)
# A comparison where the figure is set another way over the same weeks.
_CONTROLLED = (OnlineValidation.a_b_test, OnlineValidation.holdout)
_UNTRIED = "no share has its figure set another way, and no controlled trial is planned"


@rule(
    "figure-shapes-its-outcome",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Judge the figure where it cannot move the outcome: keep a share set another way",
        "An estimate those who make the outcome read pulls the outcome toward itself, and an offer they may "
        "decline decides which cases get an outcome: its error on those outcomes is not its error live. Keep "
        "a random share whose figure is set another way, compare the two, and judge on outcomes the figure "
        "cannot move",
        "warning",
    ),
    fires=(
        Case(  # an estimate printed where buyers read it, and the price they pay is the label
            {
                "product.task": "regression",
                "product.circumstances": ["sets_controls"],
                "product.audience": "both",
                "product.output": "Expected sale price of each used van, printed on its listing",
                "product.label": "The sale price of each van sold",
            },
            evidence=(
                'product.circumstances: "sets_controls" (its output will set controls, prices or settings '
                "of the process)",
                'product.audience: "both" (those who make the outcome read the figure: bids, purchases and '
                "acceptance lean toward it)",
                'constraints.data.outcome_recorded_for: "every_case" (recorded for every case, but the '
                "figure it publishes moves the outcome it is scored on; history's outcomes leaned on "
                "today's figure)",
                _UNTRIED,
            ),
        ),
        Case(  # an offer set alone, the outcome known only where the seller accepted it
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.mode": "automate",
                "product.output": "Offer for each trade-in car, from its predicted resale price",
                "product.label": "Resale price of each trade-in car we bought",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
            evidence=(
                'product.action_shape: "sets_amount" (the output sets an amount)',
                'constraints.data.outcome_recorded_for: "selected_cases" (an outcome only where the other '
                "side took the figure: those it overvalues are taken and labelled, those it undervalues "
                "are declined and never seen)",
                'product.mode: "automate"',
                _UNTRIED,
            ),
        ),
        Case(  # the same, with a person setting each offer: medium
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.output": "Offer for each trade-in car, from its predicted resale price",
                "product.label": "Resale price of each trade-in car we bought",
                "constraints.data.outcome_recorded_for": "selected_cases",
            },
        ),
    ),
    quiet=(
        Case(  # only staff read the figure: nobody who makes the outcome sees it
            {
                "product.task": "regression",
                "product.circumstances": ["sets_controls"],
                "product.audience": "staff",
                "product.output": "Expected sale price of each used van",
                "product.label": "The sale price of each van sold",
            }
        ),
        Case(  # a random share priced another way: the pull can be measured
            {
                "product.task": "regression",
                "product.circumstances": ["sets_controls"],
                "product.audience": "both",
                "product.output": "Expected sale price of each used van, printed on its listing",
                "product.label": "The sale price of each van sold",
                "constraints.data.exploration_share": 0.1,
                "constraints.data.exploration_drawn": "at_random",
            }
        ),
        Case(  # the output sets a price from another quantity: the causal question is steering's
            {
                "product.task": "regression",
                "product.circumstances": ["sets_controls"],
                "product.audience": "both",
                "product.output": "The nightly rate to charge for each cabin",
                "product.label": "Nights booked in the month",
            }
        ),
        Case(  # it sets nothing: an estimate read by staff
            {"product.task": "regression", "product.audience": "both"}
        ),
    ),
    ask="does the figure it publishes, or the offer it makes, move the outcome it is scored on?",
)
def figure_shapes_its_outcome(plan: Plan) -> Evidence:
    """The figure it publishes shapes the outcome it is scored on.

    An estimate printed where the people who make the outcome read it (bidders reading a catalogue,
    buyers a listing) pulls the outcome toward itself: a figure that moves its own outcome always looks
    accurate, and history's outcomes leaned on today's figure, not the model's. An offer or a quote the
    other side may decline decides which cases get an outcome at all: those it overvalues are taken and
    labelled, those it undervalues are never seen. Offline error on history then says little of live error.

    Mitigation: Keep a random share whose figure is set another way (today's process) and compare the
    outcomes of the two; judge the model on outcomes the figure cannot move (whether it sells, an
    independent valuation); score an offer on every case offered, declined ones included, not on those
    taken.
    """
    figure = sets_the_figure(plan)
    if figure is None or plan.product.task is not TaskType.regression or not output_names_the_label(plan):
        return None  # a setting of another quantity: predictions-set-controls asks what it causes
    if kept_out(plan) or plan.done.online_validation in _CONTROLLED:
        return None  # a share set another way: the pull can be measured against it
    recorded = plan.constraints.data.outcome_recorded_for
    if recorded is OutcomeRecorded.selected_cases:
        taken = (
            "an outcome only where the other side took the figure: those it overvalues are taken and "
            "labelled, those it undervalues are declined and never seen"
        )
        found = (figure, quote(plan, "constraints.data.outcome_recorded_for", taken))
        alone = plan.product.mode is Mode.automate or Circumstance.commits_alone in plan.product.circumstances
        if not alone:  # a person sets each offer and may correct the generous ones
            return Tempered(3, (*found, _UNTRIED))
        return (*found, quote(plan, "product.mode"), _UNTRIED)
    if recorded is not OutcomeRecorded.every_case or plan.product.audience not in _READ_OUTSIDE:
        return None
    return (
        figure,
        quote(
            plan,
            "product.audience",
            "those who make the outcome read the figure: bids, purchases and acceptance lean toward it",
        ),
        quote(
            plan,
            "constraints.data.outcome_recorded_for",
            "recorded for every case, but the figure it publishes moves the outcome it is scored on; "
            "history's outcomes leaned on today's figure",
        ),
        _UNTRIED,
    )
