"""Inputs named by a moment after which alone their value exists, for a product that predicts ahead of it.

`Days in stock` and `the number of markdowns` exist once the item has sold; `usage in the first 30 days`
once those days are over; `actual hours`, `the closing balance` and `the total for the month` once the
period has ended. A product that predicts ahead of that moment (a lead, a forecast, a label that arrives
later) is trained and scored with them as if known: the headline score counts on facts the live model
will not have. Where the product itself runs after the event (a report written once the match is over)
the same words name inputs known in time, and nothing is asked.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.data import future_inputs
from planner.judgement.rules.decidedahead import inputs_set_after_the_decision
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.heard import said_in_use
from planner.judgement.rules.later import inputs_record_later_steps
from planner.judgement.rules.lexicon import AS_KNOWN, EARLY_WINDOW
from planner.judgement.rules.moment import after_the_event, predicts_ahead
from planner.judgement.rules.onday import input_counted_on_the_day
from planner.judgement.rules.timing import inputs_after_prediction
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, Difference, Plan

# Phrases that name a value only known after some moment: a sale, an activation, a delivery, the end of a
# period, the resolution of a case. Whole phrases: `actual` alone, `resolution` of an image, are not here.
KNOWN_AFTER = Lexicon(
    """
    after activation, since activation, after install, after installation, since install, after sign-up, after signup, after onboarding, after go-live
    after delivery, once delivered, on delivery, after the sale, once sold, when sold, at sale, at the sale
    sale channel, channel of sale, month of sale, date of sale, sale date
    days in stock, weeks in stock, days on shelf, days on the shelf, days on market, days on the market
    days to sell, time to sell, time on market, number of markdowns, markdowns taken, markdowns applied
    mark-downs, number of mark-downs, price reductions taken, number of price reductions, sold price
    days in inventory, weeks in inventory, days listed, weeks listed, days on sale, time in stock
    after the visit, after the match, after the event, after the game, after the trip, after the stay
    at the end of the month, end of the month, end-of-month, month-end, total for the month, monthly total
    total for the week, weekly total, total for the year, year-end total, at year end, at year-end
    actuals, closing balance, closing balances, closing price, closing prices, closing stock, closing date
    closing figures, resolution code, resolution codes, resolution time, resolution date, time to resolve
    once resolved, when resolved, at discharge, on discharge, at completion, on completion
    final, final figures, final amount, final cost, final count, final score, final status, final inventory
    """
    + ", "
    + phrases(
        "actual",
        """sales, cost, costs, hours, volume, volumes, demand, spend, usage, duration, delivery time
        delivery date, arrival, arrival time, attendance, price, amount, turnout, footfall, load""",
    )
    + ", "
    + phrases("outcome of, outcomes of, result of, results of", "the, each, its, their"),
    unless="final layer, final layers, final version, final draft, final hidden layer, final say, final check"
    + ", final holdout, final test, final test set, final evaluation, final model, final report of the model, "
    + phrases(
        "outcome of, outcomes of, result of, results of", "the previous, the last, the prior, the earlier"
    ),
)

_LATER_PATHS = ("product.inputs", "constraints.data.differences_note")


def _asked_already(plan: Plan) -> bool:
    """Whether a rule on the same concern already asks it (a tick, a forecast's observed inputs, an
    export's later steps, a lead's window, a count on the day): one concern is raised once."""
    checks = (
        inputs_after_prediction,
        future_inputs,
        inputs_record_later_steps,
        inputs_set_after_the_decision,
        input_counted_on_the_day,
    )
    return any(check(plan) for check in checks)


@rule(
    "inputs-known-only-later",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Write, for each input, the moment its value exists, against the moment the model predicts",
        "A final figure, a first month's usage, days in stock or a closing balance exist only after the moment "
        "the product predicts ahead of: trained and scored with them, the headline score counts on facts the "
        "live model will not have; rebuild them as known then, or drop them, and score again",
        "warning",
        first=True,
    ),
    ask="are these inputs known when the model predicts, or only after that moment?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.output": "Expected resale price of each returned bicycle.",
                "product.inputs": "Brand, frame size, condition grade, days in stock and number of markdowns.",
                "product.lead_days": 1,
            },
            evidence=(
                'product.inputs: "Brand, frame size, condition grade, days in stock and number of mar..." '
                "(a value known only after some moment: days in stock, number of markdowns; known when the model "
                "predicts?)",
                "product.lead_days: 1 (the prediction is made that many days ahead)",
            ),
        ),
        Case(  # usage after activation, for a label that comes later
            {
                "product.task": "classification",
                "product.inputs": "Plan type, region and data used in the first 30 days after activation.",
                "product.label": "The line is cancelled within 6 months of activation.",
                "constraints.data.differences": [],
            },
            evidence=(
                'product.inputs: "Plan type, region and data used in the first 30 days after activation." '
                "(a value known only after some moment: after activation, in the first 30 days; known when the "
                "model predicts?)",
                'product.label: "The line is cancelled within 6 months of activation." (an outcome still to '
                "come: within)",
            ),
        ),
        Case(  # the period's actual figures, for a label known days later
            {
                "product.task": "classification",
                "product.inputs": "Job type, site and the actual hours booked.",
                "constraints.data.label_delay_days": 30,
            },
        ),
    ),
    quiet=(
        Case(  # the product runs after the event: the final score is known in time
            {
                "product.task": "generation",
                "product.output": "A short report of each match for the club's website.",
                "product.inputs": "The final score, scorers and the referee's notes.",
                "product.lead_days": 0,
            }
        ),
        Case(  # nothing says it predicts ahead of the moment
            {
                "product.task": "classification",
                "product.inputs": "Plan type, region and data used in the first 30 days after activation.",
            }
        ),
        Case(  # said as known when predicting
            {
                "product.task": "classification",
                "product.inputs": "Plan type, region and data used in the first 30 days after activation, as "
                "known at the day-31 scoring.",
                "product.label": "The line is cancelled within 6 months of activation.",
            }
        ),
        Case(  # what exists at intake, ahead of the sale
            {
                "product.task": "regression",
                "product.output": "Expected resale price of each returned bicycle.",
                "product.inputs": "Brand, frame size, condition grade and the previous sale prices of the model.",
                "product.lead_days": 1,
            }
        ),
        Case(  # the ticked answer: inputs-after-prediction raises it
            {
                "product.task": "regression",
                "product.inputs": "Brand, frame size, condition grade, days in stock and number of markdowns.",
                "product.lead_days": 1,
                "constraints.data.differences": ["later_inputs"],
            },
            also=frozenset({"inputs-after-prediction"}),
        ),
        Case(  # an image's resolution is no resolution of a case
            {
                "product.task": "classification",
                "product.inputs": "Photos of the roof at full resolution and the survey date.",
                "constraints.data.label_delay_days": 30,
            }
        ),
    ),
)
def inputs_known_only_later(plan: Plan) -> Evidence:
    """Some inputs exist only after a moment the product predicts ahead of.

    Inputs named by what comes later (days in stock, markdowns taken, usage in the first 30 days after
    activation, actual hours, a closing balance, the total for the month, the outcome of a case) exist only
    once that moment has passed. A product that predicts ahead of it, with a lead, a forecast or a label
    that comes later, learns and is scored with them as if known: the commonest way a headline score is
    false. A product that runs after the event reads them in time.

    Mitigation: For each input, write when its value exists against when the model predicts; rebuild the
    late ones as known at that moment (a snapshot, the value so far) or drop them, and score again.
    """
    if Difference.later_inputs in plan.constraints.data.differences:
        return None  # ticked: inputs-after-prediction quotes the answer
    ahead = predicts_ahead(plan)
    if ahead is None or after_the_event(plan):
        return None  # on the spot, or after the event: a value known then is known in time
    for path in _LATER_PATHS:
        text = answer_at(plan, path)
        if not text or AS_KNOWN.find(text):
            continue
        words = (*said_in_use(KNOWN_AFTER, text), *said_in_use(EARLY_WINDOW, text))
        if words:
            if _asked_already(plan):
                return None
            note = f"a value known only after some moment: {', '.join(dict.fromkeys(words))}; known when the model predicts?"
            return Hint(words, (quote(plan, path, note), ahead))
    return None
