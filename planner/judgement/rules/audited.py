"""Rules on what a model deciding alone leaves unseen: the people whose decisions were its labels stop
deciding the cases it takes, so without a random audit of those cases no label, and no sight of an
error it lets through, arrives for them again (the audit's size: power)."""

from __future__ import annotations

import math

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    faq_paths,
    first_said,
    items_per_month,
    monitor_paths,
    quote,
    ticked,
)
from planner.judgement.rules.guardrails import AUDITED
from planner.judgement.rules.power import ENOUGH_ERRORS, target_error
from planner.plan.model import (
    Category,
    Circumstance,
    DataKind,
    EvalTruth,
    LabelSource,
    LabelWriter,
    Mode,
    OutcomeRecorded,
    Plan,
    TaskType,
)

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
    share = plan.impact.addressed
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
    share = ""
    if automated:
        part = min(needed / automated, 1)
        share = f", {fmt.share(part)} of them," if part >= 0.01 else ", under 1% of them,"
    return (
        f"{where} leaves an error rate of {fmt.share(error)}: a random audit of about {fmt.count(needed)} "
        f"a month{share} expects {ENOUGH_ERRORS} errors"
    )


def _measured_for_every_case(plan: Plan) -> bool:
    """Whether the outcome of every case arrives on its own, whatever the model decides: recorded for
    every case, by the event itself or by instruments reading a stream (a residual, a turbidity)."""
    data = plan.constraints.data
    if data.outcome_recorded_for is not OutcomeRecorded.every_case:
        return False
    return data.label_writer is LabelWriter.event or DataKind.time_series in plan.product.data_kinds


@rule(
    "automated-cases-unaudited",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Audit a random sample of what the model decides alone",
        "Its labels came from people (the decisions it takes over, or a labelling team), not from an "
        "outcome that arrives on its own; once it decides alone nobody looks at those cases, so no label "
        "and no sight of an error it lets through arrives for them: send a random sample to people each "
        "week or month, blind to its answer, measure the live error rate on it and keep it as the clean "
        "training labels; let it abstain near its threshold and on the rare class that triggers the serious "
        "action, and send those cases and its largest changes to people, as a second stream that finds "
        "errors sooner but does not measure the rate",
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
        Case(  # a labelling team made the labels, judged on checked answers: once live nobody checks it
            {
                "product.mode": "automate",
                "constraints.data.labels": ["manual"],
                "done.eval_truth": "checked",
                "constraints.retraining.trigger": None,
            },
            evidence=(
                'constraints.data.labels: ["manual"] (people made them: no outcome arrives on its own for '
                "what it decides)",
                'product.mode: "automate" (12,000 cases a month x 60% it takes = 7,200 decided with no person '
                "looking at them: no label arrives for them, and an error it lets through is never seen)",
                "constraints.data.exploration_share: not answered (none is kept out of its hands)",
                "no random audit of the cases it decides alone is named (check a random sample of them each "
                "week, blind to the model's answer)",
            ),
        ),
    ),
    quiet=(
        Case(  # the outcome is recorded for every case whatever it decides: an error it makes shows
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.outcome_recorded_for": "every_case",
                "product.data_kinds": ["time_series", "tabular"],
                "product.output": "Chlorine dose setpoint for each contact tank, every 10 minutes.",
            }
        ),
        Case(  # records the instruments write: the outcome arrives without a person's audit
            {
                "product.mode": "automate",
                "constraints.data.labels": ["existing"],
                "constraints.data.label_writer": "event",
                "done.eval_truth": "checked",
                "constraints.retraining.trigger": None,
            }
        ),
        Case(
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0,
                "constraints.retraining.trigger": None,
                "after_launch.monitoring": [
                    {
                        "signal": "Each month, a randomly sampled 300 of the auto-closed tickets go to senior agents for a second look."
                    }
                ],
            }
        ),
        Case(
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0,
                "constraints.retraining.trigger": None,
                "after_launch.monitoring": [
                    {
                        "signal": "QA samples 5% of auto-processed invoices at random every week for manual review."
                    }
                ],
            }
        ),
        Case(
            {
                "product.mode": "automate",
                "product.circumstances": ["labels_are_decisions"],
                "constraints.data.exploration_share": 0,
                "constraints.retraining.trigger": None,
                "after_launch.monitoring": [
                    {
                        "signal": "A random 2% of the claims it approves alone are re-reviewed blind by adjusters each week."
                    }
                ],
            }
        ),
        Case(  # outcomes arrive for every case whatever it decides
            {
                "product.mode": "automate",
                "constraints.data.labels": ["outcomes"],
                "done.eval_truth": "outcomes",
                "constraints.retraining.trigger": None,
            }
        ),
        Case(  # a forecast's actuals arrive on their own
            {
                "product.mode": "automate",
                "product.task": "forecasting",
                "constraints.data.labels": ["existing"],
                "done.eval_truth": "checked",
                "constraints.retraining.trigger": None,
            }
        ),
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
        Case(  # records and outcomes both: what it decides shows in the outcomes
            {
                "product.mode": "automate",
                "constraints.data.labels": ["existing", "outcomes"],
                "constraints.retraining.trigger": None,
            }
        ),
    ),
)
def automated_cases_unaudited(plan: Plan) -> Evidence:
    """Nobody checks what the model decides alone, and those checks were its labels.

    The labels are the decisions of the people the model takes over from (ticked as
    `labels_are_decisions`, or the model judged against today's decisions), or people made them (a
    labelling team, records, a vendor) and no outcome of what it decides arrives on its own. Once it
    decides alone, nobody decides those cases any more: no label arrives for them, an error it lets
    through is never seen, the next training set holds only the cases it passed on to people, and a
    drift shows only as complaints. Where people made the labels apart from the decision, a lead still
    asks, a little less sure that nobody will look (scored lower).

    Mitigation: Send a random sample of the cases it decides alone to the people who decided them
    before, blind to its answer, each week or month; size it to expect about ten errors a round at the
    target error rate; measure the live error rate on it and keep it as the clean training labels. Send its
    least confident cases and its largest changes to people as well: that targeted stream finds errors
    sooner, and only the random one says how often it errs.
    """
    if plan.product.mode is not Mode.automate:
        return None
    fact = ticked(plan, Circumstance.labels_are_decisions)
    if fact is None and plan.done.eval_truth is EvalTruth.todays_decisions:
        fact = quote(plan, "done.eval_truth", "the model is judged against the decisions it takes over")
    made = fact is None and _labels_made_by_people(plan)
    if made:
        fact = quote(
            plan,
            "constraints.data.labels",
            "people made them: no outcome arrives on its own for what it decides",
        )
    if fact is None:
        return None
    share = plan.constraints.data.exploration_share
    if share is not None and share > 0:
        return None
    if _measured_for_every_case(plan):
        return None  # instruments or the event itself record every outcome: an error it makes shows
    paths = (*monitor_paths(plan), *_LIVE_PATHS)
    paths += faq_paths(plan)
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
    found = (fact, mode, kept, f"no random audit of the cases it decides alone is named ({size})")
    return Tempered(2, found) if made else found


def _labels_made_by_people(plan: Plan) -> bool:
    """Whether every label source is one people make (records, a labelling effort, a vendor), none an
    outcome that arrives on its own, and the model is judged against answers people checked or another
    system's output (a forecast's actuals arrive on their own, whatever the labels are called)."""
    labels = plan.constraints.data.labels
    if plan.constraints.data.label_writer is LabelWriter.event:
        return False  # instruments or the world record the outcome: it arrives without a person's audit
    if not labels or LabelSource.outcomes in labels or LabelSource.none in labels:
        return False
    if plan.product.task is TaskType.forecasting:
        return False
    return plan.done.eval_truth in (EvalTruth.checked, EvalTruth.system_output)
