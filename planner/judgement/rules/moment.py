"""When the product's output is produced against the moment its inputs describe: ahead of an outcome still to
come (a lead, a forecast, a label that arrives later), or after the event, as a report or a task that runs
once it is over.

A value known only after some moment (a final figure, the first 30 days, the resolution) leaks the answer
into a product that predicts ahead of it; into a product that runs after the event (a report written once
the match is over) it is simply an input known in time. These readers give the rules that distinction from
the structured answers first, then from the label's own words.
"""

from __future__ import annotations

from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan, TaskType

# A label said as an outcome still to come when the model predicts: `within 90 days`, `will churn`.
FUTURE_LABEL = Lexicon("""
    within, next, in the following, over the following, by the end of, later, afterwards, will, would go on
    goes on to, went on to, subsequently, subsequent, in the coming, in the next, ahead
""")


def predicts_ahead(plan: Plan) -> str | None:
    """The evidence that the product predicts ahead of an outcome still to come: the answered lead above 0,
    a forecast, labels that arrive days after the prediction, or a label worded as a later outcome."""
    product, data = plan.product, plan.constraints.data
    if product.lead_days is not None and product.lead_days > 0:
        return quote(plan, "product.lead_days", "the prediction is made that many days ahead")
    if product.lead_max_days is not None and product.lead_max_days > 0:  # decided today for days to come
        return quote(plan, "product.lead_max_days", "the furthest day it serves is that many days ahead")
    if product.task is TaskType.forecasting:
        return quote(plan, "product.task", "the output is of a period still to come")
    if data.label_delay is not None and data.label_delay > 0:
        return quote(
            plan, "constraints.data.label_delay_days", "the outcome is known days after the prediction"
        )
    words = FUTURE_LABEL.find_all(answer_at(plan, "product.label"))
    if words:
        return quote(plan, "product.label", f"an outcome still to come: {', '.join(words)}")
    return None


# The output said as made once the event is over: a report, a recap, a summary written after it.
AFTER_EVENT = Lexicon("""
    after the match, after each match, after every match, post-match, after the game, after each game
    after the event, after each event, after the race, after each race, after the show, after each show
    once it is over, once the match is over, once the game is over, once the event is over, at full time
    after the final whistle, match report, match reports, game report, game reports, recap, recaps, write-up
    write-ups, summary of the match, summary of each match, summary of the event, report of each match
    after the visit, after each visit, after every visit, after the appointment, after each appointment
    after the consultation, after each consultation, after the call, after each call, after the meeting
    after each meeting, after the inspection, after each inspection, once the visit is over
""")


def after_the_event(plan: Plan) -> str | None:
    """The answer that says the product runs after the event its inputs describe: the lead answered as 0,
    nothing saying it predicts an outcome still to come, and the output written once the event is over (a
    report of each match, text generated about it). A report written once the match is over may read its
    final score; that is no leak. The lead of 0 alone is not enough: a check made on the spot at
    registration still comes before the payment."""
    product = plan.product
    # a text written once the event is over (a visit's letter) foretells nothing: a label that comes later
    # judges the draft, and is no outcome it predicts ahead of
    written = product.task is TaskType.generation and product.lead_days in (0, None)
    if not written and (product.lead_days != 0 or predicts_ahead(plan) is not None):
        return None
    for path in ("product.output", "product.decision", "product.goal"):
        words = AFTER_EVENT.find_all(answer_at(plan, path))
        if words:
            return quote(plan, path, f"made after the event: {', '.join(words)}")
    return None
