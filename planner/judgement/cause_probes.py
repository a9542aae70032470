"""The question a lead asks where the label is an event with many causes and nobody said how many of the
positives it counts for the cause the model is for.

An item retired, a member who cancelled, a part replaced, an account closed: each event has causes beyond
the one the product targets (an age limit, a house move, a service schedule). Where the answers name such
an event as the label and leave `product.label_cause_share` unanswered, `label-has-other-causes` cannot
weigh it; a lead asks the share, since the model learns whatever causes most of the positives.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Plan, TaskType

# Words of an event that ends an item's, a member's or an account's run: each has several causes.
ENDING_EVENTS = Lexicon("""
    retired, retirement, withdrawn from use, withdrawn from service, taken out of service, scrapped
    written off, condemned, decommissioned, replaced, replacement, cancelled, cancellation, cancellations
    churned, churn, closed the account, account closed, accounts closed, lapsed, dropped out, drop-out
    drop-outs, dropout, dropouts, left the scheme, withdrew, discontinued
""")

_CLASSIFYING = frozenset({TaskType.classification, TaskType.detection, TaskType.anomaly_detection})


@probe("label-cause-unsaid", "label-has-other-causes")
def _label_cause_unsaid(plan: Plan) -> Found:
    if plan.product.task not in _CLASSIFYING or plan.product.label_cause_share is not None:
        return None
    said = first_said(plan, ("product.label", "product.output"), ENDING_EVENTS)
    if said is None:
        return None
    path, words = said
    question = (
        f"The label is an event ({', '.join(words)}) that happens for several reasons: of the positives, what "
        "share got it for the reason the model is meant to detect? Where an age limit, a move or a schedule "
        "causes most of them, the model learns that cause; relabel by cause or drop the others "
        "(product.label_cause_share)."
    )
    return question, (quote(plan, path, f"an event with several causes: {', '.join(words)}"),)
