"""Rules on what a model deciding alone leaves unseen: the people whose decisions were its labels stop
deciding the cases it takes, so without a random audit of those cases no label, and no sight of an
error it lets through, arrives for them again (the audit's size: power)."""

from __future__ import annotations

import math

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import first_said, items_per_month, monitor_paths, quote, ticked
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.power import ENOUGH_ERRORS, target_error
from planner.plan.model import Category, Circumstance, EvalTruth, Mode, Plan

# Where a plan says what happens to the cases once the model decides them alone.
_LIVE_PATHS = (
    "after_launch.fallback",
    "constraints.retraining.trigger",
    "done.when_met",
    "product.decision",
    "product.output",
    "heuristics.humans_handle",
)


def _automated_per_month(plan: Plan) -> tuple[float, str] | None:
    """Cases a month the model decides alone, with the arithmetic from the plan's own volume and share."""
    per_month = items_per_month(plan)
    if per_month is None or per_month <= 0:
        return None
    share = plan.impact.share_addressed
    if not isinstance(share, int | float) or not 0 < share <= 1:
        return per_month, f"{fmt.count(per_month)} cases a month"
    automated = per_month * share
    return (
        automated,
        f"{fmt.count(per_month)} cases a month x {fmt.share(share)} it takes = {fmt.count(automated)}",
    )


def _audit_size(plan: Plan, automated: float | None) -> str:
    """How big a random audit must be to see the errors, from the target error rate the plan sets."""
    target = target_error(plan)
    if target is None:
        return "check a random sample of them each week, blind to the model's answer"
    error, where = target
    needed = math.ceil(ENOUGH_ERRORS / error)
    share = f", {fmt.share(min(needed / automated, 1))} of them," if automated else ""
    return (
        f"{where} leaves an error rate of {fmt.share(error)}: a random audit of about {fmt.count(needed)} "
        f"a month{share} expects {ENOUGH_ERRORS} errors"
    )


@rule(
    "automated-cases-unaudited",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Audit a random sample of what the model decides alone",
        "Its labels were the decisions of the people it takes over from; once it decides alone nobody "
        "decides those cases, so no label and no sight of an error it lets through arrives for them: send "
        "a random sample to those people each week or month, blind to its answer, measure the live error "
        "rate on it and keep it as the clean training labels",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0,
                "constraints.retraining.trigger": "Recall on last month's paid invoices below 0.7.",
                "done.metrics[0].target": 0.98,
            },
            also=frozenset({"label-from-old-process", "target-above-agreement", "target-beyond-human"}),
            evidence=(
                'product.circumstances: "labels_are_decisions" (its labels are the old process\'s decisions, '
                "not checked outcomes)",
                'product.mode: "automate" (12,000 cases a month x 60% it takes = 7,200 decided with no person '
                "looking at them: no label arrives for them, and an error it lets through is never seen)",
                "constraints.data.exploration_share: 0 (none is kept out of its hands)",
                "no random audit of the cases it decides alone is named (done.metrics[0].target leaves an "
                "error rate of 2%: a random audit of about 500 a month, 6.9% of them, expects 10 errors)",
            ),
        ),
        Case(  # not ticked, but judged against today's decisions and then automated
            {
                "product.mode": "automate",
                "done.eval_truth": "todays_decisions",
                "constraints.data.exploration_share": None,
                "constraints.retraining.trigger": None,
            },
            also=frozenset({"evaluation-truth-circular"}),
        ),
    ),
    quiet=(
        Case(  # a monthly random audit of what it decides alone
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0,
                "after_launch.monitoring": [
                    {"signal": "Error rate in a random audit of 600 held invoices a month"}
                ],
            }
        ),
        Case(  # a random share stays with the clerks, who keep labelling it
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0.05,
            }
        ),
        Case(  # people still decide every case: their decisions keep coming
            {"product.mode": "augment", "product.circumstances": ["labels_are_decisions"]}
        ),
        Case(  # automated, but judged on checked outcomes and the labels are not decisions
            {"product.mode": "automate", "done.eval_truth": "checked"}
        ),
    ),
)
def automated_cases_unaudited(plan: Plan) -> Evidence:
    """Nobody checks what the model decides alone, and those checks were its labels.

    The labels are the decisions of the people the model takes over from (ticked as
    `labels_are_decisions`, or the model judged against today's decisions). Once it decides alone,
    nobody decides those cases any more: no label arrives for them, an error it lets through is never
    seen, the next training set holds only the cases it passed on to people, and a drift shows only as
    complaints.

    Mitigation: Send a random sample of the cases it decides alone to the people who decided them
    before, blind to its answer, each week or month; size it to expect about ten errors a round at the
    target error rate; measure the live error rate on it and keep it as the clean training labels.
    """
    if plan.product.mode is not Mode.automate:
        return None
    fact = ticked(plan, Circumstance.labels_are_decisions)
    if fact is None and plan.done.eval_truth is EvalTruth.todays_decisions:
        fact = quote(plan, "done.eval_truth", "the model is judged against the decisions it takes over")
    if fact is None:
        return None
    share = plan.constraints.data.exploration_share
    if share is not None and share > 0:
        return None
    paths = (*monitor_paths(plan), *_LIVE_PATHS)
    paths += tuple(f"press_release.faq[{i}].answer" for i in range(len(plan.press_release.faq)))
    if first_said(plan, paths, AUDITED) is not None:
        return None
    volume = _automated_per_month(plan)
    unseen = "no label arrives for them, and an error it lets through is never seen"
    if volume is None:
        mode = quote(plan, "product.mode", f"nobody decides the cases it takes: {unseen}")
    else:
        mode = quote(plan, "product.mode", f"{volume[1]} decided with no person looking at them: {unseen}")
    kept = (
        "constraints.data.exploration_share: not answered (none is kept out of its hands)"
        if share is None
        else quote(plan, "constraints.data.exploration_share", "none is kept out of its hands")
    )
    size = _audit_size(plan, volume[0] if volume else None)
    return (fact, mode, kept, f"no random audit of the cases it decides alone is named ({size})")
