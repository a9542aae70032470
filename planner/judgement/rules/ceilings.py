"""Rules on figures that bound the model: measured latency against its budget, an earlier stage's recall."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import CEILING_WORTH_SAYING, Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import answered_quotes, done_metrics, quote, says_nothing, show
from planner.judgement.rules.lexicon import RECALL_OF
from planner.judgement.rules.pool import searches_a_pool
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import Category, Direction, Plan, TaskType


@rule(
    "measured-latency-over-budget",
    Category.operations,
    likelihood=5,
    impact=4,
    move=Move(
        "Bring the measured p99 under the budget before building on this candidate",
        "The candidate was measured slower than the product allows; cache or precompute, call a smaller "
        "or closer model, stream partial answers, or renegotiate the budget with the people who set it",
        "danger",
        first=True,
    ),
    fires=(
        Case(
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 5000,
                "constraints.latency.measured_p99_ms": 7800,
            },
            evidence=(
                "constraints.latency.measured_p99_ms: 7800 against constraints.latency.p99_ms: 5000 "
                "(1.56 times the budget: 2,800 ms over)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "constraints.latency.serving": "online",
                "constraints.latency.p99_ms": 5000,
                "constraints.latency.measured_p99_ms": 4200,
            }
        ),
        Case({"constraints.latency.p99_ms": 5000, "constraints.latency.measured_p99_ms": "not measured"}),
    ),
)
def measured_latency_over_budget(plan: Plan) -> Evidence:
    """The candidate's measured latency is over the budget.

    A p99 measured above what the product allows is a fact, not a worry: every request in the slowest
    percent already misses, and features, queues and load only add to it.

    Mitigation: Bring the p99 under the budget before building on the candidate (cache, precompute,
    a smaller or closer model, streaming), or agree a new budget with whoever set it.
    """
    latency = plan.constraints.latency
    measured, budget = latency.measured_p99_ms, latency.p99_ms
    if not isinstance(measured, int) or budget is None or measured <= budget:
        return None
    return (
        f"constraints.latency.measured_p99_ms: {measured} against constraints.latency.p99_ms: {budget} "
        f"({fmt.number(measured / budget, significant=3)} times the budget: {fmt.number(measured - budget)} ms over)",
    )


# Tasks whose output is drawn from what an earlier stage passes on: retrieved passages, candidates.
_SEES = {
    TaskType.generation: "answer can hold",
    TaskType.ranking: "ranking can put first",
    TaskType.recommendation: "recommendation can offer",
    TaskType.matching: "match can find",
}


# Tasks whose output is drawn from a pool apart from the case (passages for an answer, items for a user,
# candidates for a match): an earlier stage may choose from that pool even where every case is handled.
_PICKS_FROM_A_POOL = frozenset({TaskType.generation, TaskType.recommendation, TaskType.matching})


def _judged_on_finding(plan: Plan) -> bool:
    """Whether the success metric or a done metric judges how much of the true cases the whole finds
    (recall, a catch rate, F1): the claim an unmeasured earlier stage caps."""
    said = [plan.product.success_metric, *(metric.name for metric in plan.done.metrics)]
    return any(mentions(text, RECALL_OF) or mentions(text, _F1) for text in said if text)


@rule(
    "earlier-stage-caps-recall",
    Category.model,
    likelihood=5,
    impact=4,
    move=Move(
        "Measure recall end to end: the earlier stage's misses count against the whole",
        "What retrieval, a filter or a blocking step drops never reaches the model; measure the whole "
        "pipeline on cases sampled before that stage, and raise its recall or the target's realism first",
        "warning",
        first=True,
    ),
    fires=(
        Case(
            {"product.earlier_stage_recall": 0.64},
            evidence=(
                "product.earlier_stage_recall: 0.64 (the whole system finds at most 64% of true cases)",
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.75, above that ceiling',
            ),
        ),
        Case(  # an F1 target above what the recall ceiling allows at perfect precision: impossible, high
            {
                "product.earlier_stage_recall": 0.7,
                "done.metrics[0].name": "F1 of duplicates",
                "done.metrics[0].target": 0.85,
            },
            evidence=(
                "product.earlier_stage_recall: 0.7 (the whole system finds at most 70% of true cases)",
                'done.metrics[0]: "F1 of duplicates" targets 0.85, above the 0.82 that recall allows even '
                "at perfect precision",
            ),
        ),
        Case(  # below the target's need but no target above it: a ceiling worth knowing, medium
            {"product.earlier_stage_recall": 0.8},
            evidence=(
                "product.earlier_stage_recall: 0.8 (the whole system finds at most 80% of true cases)",
            ),
        ),
        Case(  # a writer answers from retrieved passages: what retrieval misses, no answer can hold
            {
                "product.earlier_stage_recall": "not measured",
                "product.task": "generation",
                "product.data_kinds": ["text"],
                "done.metrics": [{"name": "Answers graded correct", "target": 0.9, "direction": "higher"}],
            },
            evidence=(
                'product.earlier_stage_recall: "not measured" (an earlier stage chooses what the model sees: '
                "what it misses, no answer can hold)",
                'product.task: "generation"',
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
        Case(  # every search is served, but each shortlist is ranked from candidates a stage retrieved
            {
                "product.earlier_stage_recall": "not measured",
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "impact.share_addressed": 1,
            },
            evidence=(
                'product.earlier_stage_recall: "not measured" (an earlier stage chooses what the model sees; '
                "its misses cap the whole)",
                'product.task: "ranking"',
            ),
        ),
        Case(
            {"product.earlier_stage_recall": "not measured"},
            evidence=(
                'product.earlier_stage_recall: "not measured" (an earlier stage chooses what the model sees; '
                "its misses cap the whole)",
            ),
        ),
    ),
    quiet=(
        Case(  # judged on the work it removes and on its own errors: the stage's misses are today's too
            {
                "product.earlier_stage_recall": "not measured",
                "product.success_metric": "Inspector hours per weld batch, with no rise in weld failures.",
                "done.metrics": [
                    {"name": "Share of weld alerts auto-dismissed", "target": 0.4, "direction": "higher"},
                    {
                        "name": "Real faults among auto-dismissed alerts (audited)",
                        "target": 0.005,
                        "direction": "lower",
                    },
                ],
            }
        ),
        Case({"product.earlier_stage_recall": 0.98}),
        Case(  # every overdue invoice is ranked by the model itself: 'not measured' has no stage to measure
            {
                "product.earlier_stage_recall": "not measured",
                "product.task": "ranking",
                "product.output": "Each overdue invoice's chance of being paid within 30 days, highest first.",
                "product.action_shape": "top_of_queue",
                "impact.share_addressed": 1,
            }
        ),
        Case(  # a forecast judged on its error: nothing it finds is capped by a stage before it
            {
                "product.earlier_stage_recall": "not measured",
                "product.task": "forecasting",
                "product.success_metric": "Stock-outs per month.",
                "done.metrics": [{"name": "WAPE of weekly demand", "target": 0.12, "direction": "lower"}],
            }
        ),
        Case({"product.earlier_stage_recall": "none"}),
        Case(  # a hard eligibility rule: what it drops may not be proposed at all
            {
                "product.earlier_stage_recall": "not measured",
                "product.output": "A score for every eligible tutor; the top five are shown.",
                "product.forbidden_output": "Tutors who do not teach the subject, or live over 15 miles away.",
            }
        ),
    ),
)
def earlier_stage_caps_recall(plan: Plan) -> Evidence:
    """An earlier stage caps what the whole system can find.

    Retrieval, candidate generation, a filter or a blocking step chooses what the model sees; a true
    case it drops is lost whatever the model does, so its recall is the ceiling of the whole, and a
    model scored only on what that stage passes looks better than the system is.

    Mitigation: Measure the earlier stage's recall on cases sampled before it, report end-to-end recall
    beside the model's, and raise the stage's recall (or lower the target) when the ceiling is below it.
    """
    ceiling = plan.product.earlier_stage_recall
    if ceiling == "not measured" and _eligibility_rule(plan):
        return None  # a hard rule of who may be chosen drops no true case: what it drops is forbidden
    if (
        ceiling == "not measured"
        and plan.product.task not in _PICKS_FROM_A_POOL
        and not searches_a_pool(plan)  # a shortlist per query: its candidates come from a pool
        and plan.impact.addressed == 1
    ):
        return None  # the model scores every case itself: no earlier stage chooses what it sees
    sees = _SEES.get(plan.product.task) if plan.product.task else None  # a writer, ranker or matcher
    if ceiling == "not measured" and not (_judged_on_finding(plan) or sees):
        return None  # nothing judges how much the whole finds: the stage's misses are today's, untouched
    if ceiling == "not measured":
        note = "an earlier stage chooses what the model sees; its misses cap the whole"
        if sees and not _judged_on_finding(plan):
            note = f"an earlier stage chooses what the model sees: what it misses, no {sees}"
        task = answered_quotes(plan, "product.task") if sees else ()
        return Tempered(2, (quote(plan, "product.earlier_stage_recall", note), *task))
    if not isinstance(ceiling, float | int) or ceiling >= CEILING_WORTH_SAYING:
        return None
    found = [
        quote(
            plan,
            "product.earlier_stage_recall",
            f"the whole system finds at most {fmt.share(ceiling)} of true cases",
        )
    ]
    for path, metric in done_metrics(plan):
        goal = metric.goal()
        if goal is None or metric.direction is not Direction.higher_is_better or goal <= ceiling:
            continue
        if mentions(metric.name, RECALL_OF):
            found.append(f'{path}: "{metric.name}" targets {show(goal)}, above that ceiling')
            return tuple(found)
        # F1 is at most 2R/(1+R) at perfect precision: a recall ceiling caps it too.
        f1_ceiling = 2 * ceiling / (1 + ceiling)
        if mentions(metric.name, _F1) and goal > f1_ceiling:
            found.append(
                f'{path}: "{metric.name}" targets {show(goal)}, above the {show(round(f1_ceiling, 2))} '
                "that recall allows even at perfect precision"
            )
            return tuple(found)
    return Tempered(2, found)


_F1 = Lexicon("f1, f1-score, f1 score, f-score, f-measure, f1@k")

# The earlier stage is a rule of eligibility: what it drops may not be chosen at all.
ELIGIBLE = Lexicon("eligible, eligibility, every eligible, all eligible, eligible ones")


def _eligibility_rule(plan: Plan) -> bool:
    """Whether the model scores only the eligible options and the team names what is forbidden (tutors
    who do not teach the subject): the filter is a hard rule, not a lossy retrieval stage."""
    forbidden = plan.product.forbidden_output
    return bool(forbidden and not says_nothing(forbidden) and mentions(plan.product.output, ELIGIBLE))
