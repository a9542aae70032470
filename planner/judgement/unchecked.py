"""The weight of an error that passes unchecked, where the team rates it serious and it can hurt someone.

A rule that says a model's error may pass a person's check unseen (the person accepts the proposal, a
blank field comes back filled in, a value is converted untested, only the reviewer keeps out what must
never go out) scores what such an error usually costs: rework, a complaint. A lead weighs it by what it
does where it lands. Where the team itself rates its errors serious or severe (`impact.error_severity`)
and names a harm to someone's health or safety (`impact.harm_kinds`), the error that gets through is an
injury, not rework: its impact rises one step, and the evidence quotes the rating that says so. The
team's own rating is read, not the floor the kind of harm sets (`effective_severity`): the lift follows
what the team says its worst error does. Where the output acts alone (`product.mode` automate, or it
commits alone), the rules that say nobody checks already carry that harm at its weight, so the lift is
for the plans where a person's check is what stands between the error and the harm. A risk only words
raised (a Hint) stays a question, unlifted.
"""

from __future__ import annotations

import dataclasses

from planner.judgement.rules.base import Hint, RiskKind, Tempered
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import SERIOUS
from planner.judgement.rules.volume import acts_alone
from planner.plan.model import Plan
from planner.plan.stakes import HarmKind

# The risks that are a model's error passing a person's check on its way to the decision.
PASSES_UNCHECKED = frozenset(
    {
        "anchoring-on-proposal",
        "checks-passed-unchecked",
        "review-sized-for-speed",
        "unreadable-fields-filled-in",
        "blank-fields-invented",
        "forbidden-output-unguarded",
        "required-output-unchecked",
        "extracted-values-converted-untested",
        "extracted-values-written-unchecked",
        "fields-changed-by-unread-documents",
        "generated-facts-unchecked",
        "statements-without-source",
    }
)
_SEVERITY = "impact.error_severity"


def harms_through_check(plan: Plan) -> bool:
    """The team rates its errors serious or severe, names a harm to health or safety, and a person's
    check stands between the output and the decision."""
    return (
        plan.impact.error_severity in SERIOUS
        and HarmKind.health in plan.impact.harm_kinds
        and acts_alone(plan) is None
    )


def weighed_by_harm(
    plan: Plan, kind: RiskKind, evidence: tuple[str, ...], lifted: bool
) -> tuple[RiskKind, tuple[str, ...]]:
    """`kind` one step of impact higher, with the severity quoted as why, where its risk is an error
    passing unchecked and the stakes are `lifted` (`harms_through_check`, read once per plan)."""
    if not lifted or kind.id not in PASSES_UNCHECKED or kind.impact >= 5 or isinstance(evidence, Hint):
        return kind, evidence
    said = quote(
        plan,
        _SEVERITY,
        "with a harm to health or safety in impact.harm_kinds: an error let through can hurt someone",
    )
    rated = [line.startswith(f"{_SEVERITY}:") for line in evidence]
    # The rating takes the place of its plain quote, or closes the evidence where the rule did not quote it.
    weighed = tuple(said if was else line for line, was in zip(evidence, rated, strict=True))
    weighed = weighed if any(rated) else (*weighed, said)
    if isinstance(evidence, Tempered):
        weighed = Tempered(evidence.likelihood, weighed)
    return dataclasses.replace(kind, impact=kind.impact + 1), weighed
