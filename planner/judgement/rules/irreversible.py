"""Rules on an act that cannot be undone, taken on the model's suggestion (`product.act_undoable`).

A chemical on a garment, a payment made or a record written where others rely on it stays done. Where the
person acting on a suggestion is the only check before the act, and a senior looks at a sample afterwards,
the damage is done before anyone looks. A lead holds risky or unsure cases for a check before the act,
and measures the error on a sample decided blind. The same facts (others rely on the output, it cannot
be undone) weigh a proposal people confirm, whatever the team rates one error.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote, ticked
from planner.judgement.rules.harm import effective_severity, serious_harm, severity_quote
from planner.plan.model import Category, Circumstance, Mode, Plan, Severity, Undoable

_NEVER = "an act on a wrong output cannot be undone: a check made after it finds the damage done"


def lasting_output(plan: Plan) -> str | None:
    """The evidence that what people accept lasts beyond the case: others rely on the output, or the act
    on it cannot be undone; None otherwise."""
    if plan.product.act_undoable is Undoable.never:
        return quote(plan, "product.act_undoable", _NEVER)
    relied = ticked(plan, Circumstance.others_use_output)
    return relied[:-1] + ": an accepted error becomes what they rely on)" if relied else None


_ACTS = {"product.act_undoable": "never", "after_launch.blind_share": 0}


@rule(
    "act-cannot-be-undone",
    Category.product,
    likelihood=4,
    impact=4,
    move=Move(
        "Check risky or unsure cases before the act, and measure the error blind",
        "An act that cannot be undone leaves nothing for a later sample to save; hold the cases where a "
        "wrong act costs most, or the model is least sure, for a qualified check before anyone acts, and "
        "have a random sample decided without the suggestion to count how often it is wrong",
        "warning",
    ),
    fires=(
        Case(
            _ACTS,
            evidence=(
                f'product.act_undoable: "never" ({_NEVER})',
                'product.mode: "augment" (the person who acts on the suggestion is the only check before the act)',
                "after_launch.blind_share: 0 (nobody decides a case without the suggestion: how often it is "
                "wrong is not measured)",
            ),
        ),
        Case(  # the lasting harm is serious: high
            {**_ACTS, "impact.error_severity": "serious"},
            evidence=(
                f'product.act_undoable: "never" ({_NEVER})',
                'product.mode: "augment" (the person who acts on the suggestion is the only check before the act)',
                'impact.error_severity: "serious" (done before anyone looks)',
                "after_launch.blind_share: 0 (nobody decides a case without the suggestion: how often it is "
                "wrong is not measured)",
            ),
        ),
    ),
    quiet=(
        Case({**_ACTS, "product.act_undoable": "before_harm"}),
        Case({**_ACTS, "after_launch.blind_share": 0.05}),  # a blind sample measures the error
        Case(
            {**_ACTS, "product.mode": "automate"}
        ),  # acting alone: commits-unchecked and guardrails weigh it
        Case({**_ACTS, "impact.error_severity": "minor"}),
    ),
)
def act_cannot_be_undone(plan: Plan) -> Evidence:
    """People act on each suggestion in a way that cannot be undone, and nothing measures its errors.

    A pre-treatment applied, a payment made or a record others rely on stays done: where the person who
    acts on the suggestion is the only check before the act (often the least experienced, trusting the
    tool), a senior's sample afterwards finds the damage, not the case to stop. Nobody decides a case
    without the suggestion, so how often it is wrong is not known either.

    Mitigation: Hold the cases where a wrong act costs most, or the model is least sure (with that
    confidence measured on held-out cases), for a qualified check before the act; have a random share
    decided without the suggestion and compare, and watch that error per site and week.
    """
    if plan.product.mode is not Mode.augment or plan.product.act_undoable is not Undoable.never:
        return None
    if plan.after_launch.blind_share or effective_severity(plan) is Severity.minor:
        return None  # a blind share measures the error; a minor one costs little done
    evidence = [
        quote(plan, "product.act_undoable", _NEVER),
        quote(plan, "product.mode", "the person who acts on the suggestion is the only check before the act"),
    ]
    serious = serious_harm(plan)
    if serious:
        evidence.append(severity_quote(plan, "done before anyone looks"))
    if plan.after_launch.blind_share == 0:
        note = "nobody decides a case without the suggestion: how often it is wrong is not measured"
        evidence.append(quote(plan, "after_launch.blind_share", note))
    else:
        evidence.append("no share of cases decided without the suggestion (after_launch.blind_share)")
    return tuple(evidence) if serious else Tempered(3, evidence)
