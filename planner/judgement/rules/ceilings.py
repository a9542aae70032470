"""Rules on figures that bound the model: measured latency against its budget, an earlier stage's recall,
today's figure a target must beat, and people's score a target must not fall below."""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    CEILING_WORTH_SAYING,
    MIN_MARGIN,
    Case,
    Evidence,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import (
    answered_quotes,
    at_least_as_good,
    done_metrics,
    quote,
    says_nothing,
    show,
)
from planner.judgement.rules.humanscore import SAME_MEASURE, human_against, same_measure_said
from planner.judgement.rules.lexicon import MEASURE_KINDS, RECALL_OF, ROUGH_FIGURE
from planner.judgement.rules.likefigures import today_on
from planner.judgement.rules.people import AGREED, on_a_subset
from planner.judgement.rules.words import Lexicon, mentions
from planner.plan.model import Category, Direction, Mode, Plan, TaskType


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


@rule(
    "target-not-above-today",
    Category.product,
    likelihood=4,
    impact=3,
    move=Move(
        "Set the target to beat today's figure by a margin worth the model",
        "Today's process is the bar: a model that only matches it adds data, serving and upkeep for "
        "nothing; record today's figure as the baseline and aim clearly above it",
        "warning",
    ),
    fires=(
        Case(
            {"done.metrics[0].baseline": None, "done.metrics[0].target": 0.46},
            evidence=(
                'product.current_performance: "The ERP block and the clerks catch 45% of duplicates before '
                'payment..." (today: 45%)',
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.46 (higher is better): '
                "1 point above today, within noise",
            ),
        ),
    ),
    quiet=(
        Case({"done.metrics[0].baseline": None}),  # 0.75 against 45% today
        Case({"done.metrics[0].baseline": "not measured", "done.metrics[0].target": 0.46}),  # said unknown
        Case(  # today's one figure is people's agreement, which the team says is another measure
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.9,
                "product.current_performance": "A blind redo of 500 pairs agreed 91% with the clerks.",
                "by_hand.human_score": 0.91,
                "by_hand.human_score_same_measure": False,
            }
        ),
        Case(  # the same, people's score typed as a percent (7, against 7% in the prose)
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.08,
                "product.current_performance": "A blind redo of 500 pairs agreed with the clerks on 7% only.",
                "by_hand.human_score": 7,
                "by_hand.human_score_same_measure": False,
            }
        ),
        Case(  # a share of invoices acted on is no recall: nothing to weigh the target against
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.7,
                "product.current_performance": "The ERP flags 71% of invoices for a second look.",
            }
        ),
        Case(  # an accuracy beside a recall target: another measure
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.9,
                "product.current_performance": "The clerks' accuracy on duplicates is 92%.",
            }
        ),
        Case(  # an amount per pickup is not a share: nothing to weigh a share's target against
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.61,
                "product.current_performance": "Pickers make 0.62 reshuffles per pickup.",
            }
        ),
        Case(  # an error rate from 7.8% to 6.5%: a sixth of it, not noise
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].name": "Share of duplicates paid",
                "done.metrics[0].target": 0.065,
                "done.metrics[0].direction": "lower",
                "product.current_performance": "7.8% of duplicates are paid before anyone notices.",
            }
        ),
        Case(
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.4,
                "product.current_performance": "Clerks catch 45% of duplicates, and 2% of holds are wrong.",
            }
        ),
    ),
)
def target_not_above_today(plan: Plan) -> Evidence:
    """The target does not beat today's figure by a margin.

    How well today's process does is the bar a model must clear; a target at or barely above it means
    the model may ship without improving anything, or be judged a success for matching what exists.

    Mitigation: Record today's figure as the baseline on the done metric, and set the target above it
    by a margin worth the model's data, serving and upkeep.
    """
    if not plan.done.metrics:
        return None
    metric = plan.done.metrics[0]
    today, goal = today_on(plan, metric), metric.goal()  # a figure of the same measure only
    if today is None or goal is None or metric.baseline_figure is not None or not 0 < goal <= 1:
        return None  # with a baseline, baseline-already-meets-target compares the team's own figures
    higher = metric.direction is Direction.higher_is_better
    gain = goal - today if higher else today - goal
    # Near a bound a small step is a large one (an error rate from 7.8% to 6.5% cuts a sixth of it):
    # the margin is 2 points, or a tenth of what is left to gain, whichever is smaller.
    if gain >= min(MIN_MARGIN, 0.1 * ((1 - today) if higher else today)):
        return None
    size = round(abs(gain) * 100, 3)
    points = f"{size:g} point{'s' * (size != 1)}"
    said = "no better than today" if gain <= 0 else f"{points} above today, within noise"
    if not higher and gain > 0:
        said = f"{points} below today, within noise"
    return (
        quote(plan, "product.current_performance", f"today: {fmt.share(today)}"),
        f'done.metrics[0]: "{metric.name}" targets {show(goal)} ({metric.direction.value} is better): {said}',
    )


@rule(
    "target-below-people",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Aim the target at what people already reach",
        "People already score better than the target on the same metric: set the target at their score, or "
        "say what the model adds below it (speed, coverage, cost) and judge that instead",
        "warning",
    ),
    fires=(
        Case(  # the model replaces people who score better than its target
            {
                "product.mode": "automate",
                "done.metrics[0].baseline": None,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.75 (higher is better)',
                "by_hand.human_score: 0.85 (people already reach this on the primary metric: the target is "
                "below it)",
            ),
        ),
        Case(  # people's error typed as a percent (6.1) against a target share of 0.08, lower is better
            {
                "product.mode": "automate",
                "done.metrics[0].name": "MAPE of weekly demand per store",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.08,
                "done.metrics[0].direction": "lower",
                "by_hand.human_score": 6.1,
                "by_hand.human_score_notes": "The planners' own forecasts over 26 weeks: MAPE 6.1%.",
            },
            evidence=(
                'done.metrics[0]: "MAPE of weekly demand per store" targets 0.08 (lower is better)',
                "by_hand.human_score: 6.1 (a percent: 0.061 on the target's scale; people already reach this "
                "on the primary metric: the target is below it)",
            ),
        ),
        Case(  # the plan does not say people were scored as the target is: a question
            {
                "product.mode": "automate",
                "done.metrics[0].baseline": None,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
                "by_hand.human_score_same_measure": None,
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.75 (higher is better)',
                "by_hand.human_score: 0.85 (people already reach this on the primary metric: the target is "
                "below it)",
                "is the human score on the same measure as the target (the same metric, cut and cases)?",
            ),
        ),
    ),
    quiet=(
        Case(  # the team says people were scored another way (their top-5 against a top-1)
            {
                "product.mode": "automate",
                "done.metrics[0].baseline": None,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
                "by_hand.human_score_same_measure": False,
            }
        ),
        Case(  # people keep deciding: the model may add speed or reach, not accuracy
            {
                "done.metrics[0].baseline": None,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            }
        ),
        Case(  # today's process is the baseline, below the target: people's score is judging cases one by one
            {
                "product.mode": "automate",
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            }
        ),
        Case({"product.mode": "automate"}),  # the notes say how often people agree: not a score on the metric
        Case(  # people were scored on another measure: the numbers cannot be joined
            {
                "product.mode": "automate",
                "by_hand.human_score_notes": "Two auditors reached an F1 of 0.85 on supplier matches.",
            }
        ),
        Case(  # a rough guess is no score to hold the target to
            {
                "product.mode": "automate",
                "by_hand.human_score_notes": "A rough guess by the finance lead: clerks find 85% by eye.",
            }
        ),
    ),
)
def target_below_people(plan: Plan) -> Evidence:
    """The target is below what people already reach.

    People (or today's process) already score better than the target on the primary metric; a model
    that meets it is worse than what exists, and replacing people with it lowers the outcome.

    Mitigation: Set the target at or above the human score, or state what the model adds below it
    (speed, coverage, cost) and make that the done criterion.
    """
    human, notes = plan.by_hand.human_figure, plan.by_hand.human_score_notes
    if human is None or not plan.done.metrics or mentions(notes, AGREED) or ROUGH_FIGURE.find(notes):
        return None  # agreement, or a guess: no score on the metric to hold the target to
    metric = plan.done.metrics[0]
    goal, human = metric.goal(), human_against(plan, metric)  # an error or a percent on the target's scale
    if goal is None or human is None or on_a_subset(metric):
        return None  # another scale or measure, or a target on the cases the model keeps
    if not at_least_as_good(human, goal, metric.direction) or human == goal:
        return None
    if metric.baseline_figure is not None or target_not_above_today(plan):
        # Today's figure in words at or above the target: target-not-above-today says it. Met by the baseline: baseline-already-meets-target says it; below the target: today's process is
        # the baseline, and the human score is people judging cases one by one, not what the flow achieves.
        return None
    said, primary = set(MEASURE_KINDS.find_all(notes)), set(MEASURE_KINDS.find_all(metric.name))
    if said and primary and not said & primary:
        return None  # people scored on another kind of measure: the two numbers cannot be joined
    note = "people already reach this on the primary metric: the target is below it"
    if human != plan.by_hand.human_figure:  # a percent typed as 6.1 against a target of 0.08
        note = f"a percent: {show(human)} on the target's scale; {note}"
    found = (
        f'done.metrics[0]: "{metric.name}" targets {show(goal)} ({metric.direction.value} is better)',
        quote(plan, "by_hand.human_score", note),
    )
    if plan.product.mode is not Mode.automate:
        return None  # people deciding: the model may add speed
    return found if same_measure_said(plan) else Tempered(3, (*found, SAME_MEASURE))  # top-5 against top-1?
