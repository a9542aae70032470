"""The question a lead asks where a person checks every output and nothing watches their attention.

A review that works in the pilot thins out: reviewers who see the model right week after week confirm
more and look less (automation complacency), so by the third month the check the plan relies on is a
stamp, and nobody notices because nothing counts what the reviewers catch. Asked only where the rules
on anchoring and on reviews sized for speed stayed quiet, and where no monitored signal, metric or risk
names an override rate, a blind check or seeded errors.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.anchoring import _watched
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import effective_severity, severity_quote
from planner.plan.choices import Mode
from planner.plan.model import Plan, Severity
from planner.plan.oversight import UNCHECKED_FIRST
from planner.plan.workings import ActionShape, Guard


def _person_checks_each(plan: Plan) -> str | None:
    """The structured answer saying a person checks every output before it counts."""
    if plan.product.checked_outputs in UNCHECKED_FIRST:
        return None  # the team says which outputs a person sees first, and it is not every one
    if plan.product.action_shape is ActionShape.every_item:
        return quote(plan, "product.action_shape", "every item gets the output, used as is or checked")
    if plan.product.forbidden_guard is Guard.review:
        return quote(plan, "product.forbidden_guard", "a person checks every output before it counts")
    return None


@probe("reviewers-attention-over-months", "anchoring-on-proposal", "review-sized-for-speed")
def _reviewers_attention_over_months(plan: Plan) -> Found:
    if plan.product.mode is not Mode.augment or _watched(plan):
        return None
    checks = _person_checks_each(plan)
    if checks is None or effective_severity(plan) in (None, Severity.minor):
        return None
    return (
        "A person checks each output before it counts: how will the team keep the reviewers' attention "
        "after the third month? Reviewers who see the model right week after week confirm more and look "
        "less, so a review that works in the pilot thins out unseen; seed a few known errors into the "
        "queue and count how many are caught, or have a random share judged blind, per reviewer and month.",
        (quote(plan, "product.mode"), checks, severity_quote(plan)),
    )
