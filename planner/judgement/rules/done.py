"""Rules on done criteria (targets, baselines, time box, fold action) and on life after launch."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import (
    LONG_BOX_WEEKS,
    MAX_TIMEBOX_WEEKS,
    RECORDED_HISTORY,
    SLOW_LOOP_DAYS,
    SLOW_OUTCOME_DAYS,
    Case,
    Evidence,
    Hint,
    Instead,
    Move,
    Tempered,
    rule,
)
from planner.judgement.rules.evidence import (
    answer_at,
    answer_is,
    at_least_as_good,
    done_metrics,
    empty_answers,
    norm,
    quote,
    said_none_quote,
    says_nothing,
    show,
    todays_figure,
)
from planner.judgement.rules.harm import effective_severity, serious_harm, severity_quote
from planner.judgement.rules.heard import before_after_live, catches_someone
from planner.judgement.rules.humanscore import SAME_MEASURE, human_against, same_measure_said
from planner.judgement.rules.lexicon import (
    ADVERSARIAL,
    AUDIT,
    CONCURRENT_CONTROL,
    DENIED_AHEAD,
    DENIED_IN_CLAUSE,
    FIXED_DATE,
    GIVES_MONEY,
    GIVES_NOTHING_AHEAD,
    GROSS_WON,
    JUDGED,
    JUDGED_LIVE,
    LIVE_OUTPUTS,
    MEASURE_KINDS,
    MODEL_INTERNAL_METRIC,
    MODEL_USE_METRIC,
    NET_OF_COST,
    PRECISION_NAMED,
    RECORDED,
    ROUGH_FIGURE,
    SEES_HARM,
    SETS_PRICE,
    SIGNED_AS_IS,
    SIMPLE_METHOD,
    STRAW_MAN,
    WORD_OVERLAP,
)
from planner.judgement.rules.likefigures import today_on
from planner.judgement.rules.noworse import no_margin
from planner.judgement.rules.people import AGREED, adjudication, on_a_subset, same_measure_as_agreement
from planner.judgement.rules.setup import rerun_at_retraining, runs_once
from planner.judgement.rules.words import Lexicon, in_one_sentence, mentions, not_denied, words_of
from planner.plan.holding import HOLD_WORDS
from planner.plan.model import (
    Category,
    Direction,
    DoneTodayBy,
    LabelSource,
    Metric,
    MetricRole,
    Mode,
    Monitor,
    OnlineValidation,
    Period,
    Plan,
    RulesVerdict,
    Serving,
    Severity,
    TaskType,
)
from planner.plan.stakes import PilotUnits

_KEEP_GOING = {
    "continue", "keep going", "keep trying", "keep tuning", "extend", "extend the time box",
    "extend the timebox", "try harder", "never", "we will not fold", "we won't fold", "no fold",
}  # fmt: skip


_AIM_WHERE_PEOPLE_ARE_BEATEN = Move(
    "Narrow the first model to the easy, high-volume part and leave the rest to people",
    "The target is beyond what people reach from the same inputs; aim the model where it is confident and the volume is, and widen its share as it earns trust",
    "warning",
    first=True,
    reshapes=True,
)


@rule(
    "no-done-criteria",
    Category.delivery,
    likelihood=4,
    impact=4,
    fires=(
        Case(
            {"done.metrics[0].target": None, "done.metrics[0].baseline": None},
            evidence=("done.metrics: 1 metric, none with a target",),
        ),
        Case(  # "beat today's rule": a baseline and no margin (medium)
            {"done.metrics[0].target": None},
            evidence=(
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (a baseline (0.45) and no '
                "target: beat it by how much? Without a margin, noise decides whether it is done)",
            ),
        ),
        Case({"done.metrics[0].name": "TBD"}, evidence=('done.metrics[0].name: "TBD"',)),
        Case(  # `target: not set`: no target yet
            {"done.metrics[0].target": "not set", "done.metrics[0].baseline": None},
            evidence=("done.metrics: 1 metric, none with a target",),
        ),
    ),
    quiet=(  # a relative target ("15% lower than the baseline") is a target
        Case({"done.metrics[0].target": None, "done.metrics[0].relative_target": 0.2}),
        Case(  # a margin said on the baseline: a relative target
            {
                "done.metrics[0].target": "a third lower",
                "done.metrics[0].name": "Missed pickups a week",
                "done.metrics[0].baseline": 40,
                "done.metrics[0].direction": "lower",
            }
        ),
        Case(
            {
                "done.metrics[0].target": None,
                "done.metrics[0].baseline": None,
                "done.metrics[0].relative_target": 0.2,
            }
        ),
    ),
)
def no_done_criteria(plan: Plan) -> Evidence:
    """No done criteria.

    Metrics are named but none has a target, so there is no point at which the team knows it is
    done, or that it should stop.

    Mitigation: Give the primary metric a target (and a minimum worth shipping) before any tuning.
    """
    metrics = plan.done.metrics
    said = said_none_quote(plan, "done.metrics")
    if said:
        return (said,)
    vague = tuple(
        quote(plan, f"{path}.name") for path, metric in done_metrics(plan) if says_nothing(metric.name)
    )
    if vague:
        return vague
    if metrics and all(metric.goal() is None and metric.margin is None for metric in metrics):
        beaten = [
            (path, metric)
            for path, metric in done_metrics(plan)
            if metric.baseline_figure is not None or metric.baseline_name
        ]
        if beaten:  # "beat today's rule": a criterion, short of a margin
            path, metric = beaten[0]
            against = metric.baseline_shown
            against = ", ".join(part for part in (against, metric.baseline_name or "") if part)
            return Tempered(
                2,
                (
                    quote(
                        plan,
                        f"{path}.name",
                        f"a baseline ({against}) and no target: beat it by how much? Without a margin, "
                        "noise decides whether it is done",
                    ),
                ),
            )
        return (f"done.metrics: {len(metrics)} metric{'s' * (len(metrics) > 1)}, none with a target",)
    return None


@rule(
    "target-without-baseline",
    Category.model,
    likelihood=4,
    impact=3,
    fires=(
        Case(
            {
                "done.metrics[0].baseline": None,
                "product.current_performance": "The clerks catch most duplicates before payment.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.75 with no baseline',
            ),
        ),
        Case(  # beside a primary metric with a baseline, the costlier error's own rate still needs today's
            {
                "product.current_performance": None,
                "done.worst_error_metric": "Share of outbreaks missed",
                "done.metrics": [
                    {"name": "Event F1 on clips", "baseline": 0.5, "target": 0.8},
                    {"name": "Share of outbreaks missed", "target": 0.05, "direction": "lower"},
                ],
            },
            evidence=('done.metrics[1]: "Share of outbreaks missed" targets 0.05 with no baseline',),
        ),
    ),
    quiet=(  # "beat the naive forecast by 10%": a relative target names its baseline
        Case(
            {
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": None,
                "done.metrics[0].relative_target": 0.2,
            }
        ),
        Case({"done.metrics[0].baseline": None}),  # today's figure, 45%, is the baseline
        Case(  # a difference to a concurrent control: 0 is its baseline by design
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Repeat-order rate, pilot shops minus control shops (points)",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 2,
            }
        ),
        Case(  # a calibration target is met or not whatever today's figure is
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Calibration slope on the 2025 holdout",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 1.0,
            }
        ),
        Case(  # the floor no site may fall under: the overall figure carries the baseline
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Lowest per-site recall at the review budget",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.5,
            }
        ),
        Case(  # a count of wins over a named yardstick: the baseline is built in
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Product lines beating the buyers' rule on MASE",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 45,
            }
        ),
        Case(  # a new feature's acceptance: no value before the feature exists
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Share of drafts with adviser thumbs up",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.8,
            }
        ),
        Case(  # the baseline is stated on the sibling metric: two inspectors' agreement
            {
                "product.current_performance": None,
                "done.metrics": [
                    {
                        "name": "Accuracy on test images",
                        "baseline": 0.96,
                        "baseline_name": "Inspector-to-inspector agreement",
                        "target": 0.97,
                        "direction": "higher",
                    },
                    {
                        "name": "Agreement with the inspector in the shadow run",
                        "target": 0.97,
                        "direction": "higher",
                    },
                ],
            }
        ),
        Case(  # the share of prices inside the suggested band: the band's width sets the target
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Share of sale prices inside the suggested 10-90 band",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.8,
            }
        ),
        Case(  # today's value stated on the second metric: the plan's yardstick is there
            {
                "product.current_performance": None,
                "done.metrics": [
                    {"name": "Precision of the top 200 meters flagged a month", "target": 0.5},
                    {"name": "Faulty meters found per month", "baseline": 35, "target": 80},
                ],
            }
        ),
        Case(  # a quality gate beside a primary metric with today's value: that one is the yardstick
            {
                "product.current_performance": None,
                "done.metrics": [
                    {"name": "Minutes per reply", "baseline": 30, "target": 12, "direction": "lower"},
                    {"name": "Share of drafts graded correct by two advisers", "target": 0.95},
                ],
            }
        ),
        Case(  # a blind head-to-head with the letters staff write today: half is the tie, by design
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Share of letters readers preferred over the original",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.6,
            }
        ),
        Case(  # a judge's score of new summaries, beside people's own minutes measured on another metric
            {
                "product.task": "generation",
                "product.current_performance": None,
                "done.metrics": [
                    {"name": "Faithfulness, LLM judge score (1-5)", "target": 4.2},
                    {
                        "name": "Editor minutes per summary",
                        "baseline": 40,
                        "target": 15,
                        "direction": "lower",
                    },
                ],
            }
        ),
        Case(  # how often fitters keep the suggested plan: nothing is suggested today
            {
                "product.current_performance": None,
                "done.metrics[0].name": "Share of jobs accepting the suggestion unchanged",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.6,
            }
        ),
    ),
)
def target_without_baseline(plan: Plan) -> Evidence:
    """A target without a baseline.

    Without today's value the target may already be met, or be out of reach; nobody can tell what
    the model added.

    Mitigation: Measure the metric for today's process or the rules first and record it as the
    baseline.
    """
    if "baseline" in plan.done.none:
        return None  # the team said it has none: no-baseline says so
    metrics = plan.done.metrics
    primary = metrics[0] if metrics else None
    if todays_figure(plan.product.current_performance) is not None and (
        primary is None or today_on(plan, primary) is not None
    ):
        return None  # today's figure is the baseline: target-not-above-today weighs the target against it
    found = tuple(
        f'{path}: "{metric.name}" targets {_target_text(metric)} '
        + ("with the baseline not measured yet" if metric.baseline is not None else "with no baseline")
        for path, metric in done_metrics(plan)
        if metric.target is not None
        # a gate beside a metric with today's value (the primary one or a later one): that one is the
        # yardstick, unless this is the costlier error's own rate
        and (
            not any(_has_yardstick(other) for other in metrics if other is not metric)
            or _is_worst_error(plan, metric)
        )
        and metric.margin is None
        and metric.baseline_figure is None
        and not AGAINST_CONTROL.find(metric.name)  # a difference to a control: its baseline is 0 by design
        and not TAKES_THE_NEW_OUTPUT.find(metric.name)  # how often people take the suggestion: none today
        and not A_REQUIREMENT.find(
            metric.name
        )  # calibration, coverage, a floor: met or not, whatever today is
        and not _FLOOR_PER.search(metric.name)
        and not _INSIDE_A_BAND.search(metric.name)  # a band's coverage: its width sets the target
        and not BEATS_THE_BASELINE.find(metric.name)  # `lines beating the buyers' rule`: built in
        and not _sibling_baseline(plan, metric)
        and not PREFERRED_TO_TODAY.find(
            metric.name
        )  # a head-to-head with today's outputs: a tie is the baseline
        and not _judged_beside_peoples_figure(plan, metric)
    )
    return found or None


# A metric that is itself a comparison with today's outputs (the share of drafts preferred to the originals,
# a lift over today's process): the baseline is the other side of the comparison.
PREFERRED_TO_TODAY = Lexicon("""
    prefers to the original, prefer to the original, preferred to the original, preferred to the originals
    preferred over the original, preferred over the originals, prefers over the original, preferred over
    preference over, preferred to today's, preferred to the current, chosen over the original
    against the original, against the originals, than the original, than the originals
    lift over today's, gain over today's, improvement over today's, over today's process
""")

# A score a judge (a model or a panel) gives a new artefact: there is none of the artefact before the product.
JUDGE_SCORE = Lexicon("""
    judge score, judge's score, judge scores, llm judge, llm-judge, llm-as-judge, llm as judge, judged by
    judge rating, panel rating, rated by, graded by, judge grade
""")


def _judged_beside_peoples_figure(plan: Plan, metric: Metric) -> bool:
    """Whether the metric is a judge's score of a new artefact (a generated draft) while the plan states
    people's figure elsewhere (their score on the primary metric, or another metric's baseline): the
    comparison with today is in the answers; the judge's scale has no 'before'."""
    if plan.product.task is not TaskType.generation or not JUDGE_SCORE.find(metric.name):
        return False
    others = (other.baseline_figure is not None for other in plan.done.metrics if other is not metric)
    return plan.by_hand.human_figure is not None or any(others)


# A metric that counts wins over a named yardstick (`lines beating the buyers' rule`): the baseline is in it.
BEATS_THE_BASELINE = Lexicon("""
    beating, beats, beat the, better than, outperforming, outperforms, outperform
""")


def _is_worst_error(plan: Plan, metric: Metric) -> bool:
    """Whether the metric is the one the team named for its costlier error: today's process makes that error
    too, and how often is the yardstick the model must beat, whatever the primary metric's baseline."""
    named = " ".join(words_of(plan.done.worst_error_metric or ""))
    return bool(named) and named == " ".join(words_of(metric.name))


def _has_yardstick(metric: Metric | None) -> bool:
    """Whether the metric carries today's value, or a margin over a named yardstick."""
    if metric is None:
        return False
    return metric.baseline_figure is not None or (metric.margin is not None and bool(metric.baseline_name))


def _sibling_baseline(plan: Plan, metric: Metric) -> bool:
    """Whether another metric's stated baseline names what this one measures (`inspector-to-inspector
    agreement` for `agreement with inspector in the shadow run`): the yardstick is in the plan."""
    own = {word for word in words_of(metric.name) if len(word) > 4}
    return any(
        other is not metric
        and other.baseline_figure is not None
        and bool(own & set(words_of(other.baseline_name or "")))
        for other in plan.done.metrics
    )


# A metric that is itself a difference to a concurrent control (pilot minus control): no baseline to measure.
AGAINST_CONTROL = Lexicon("""
    minus control, minus the control, minus controls, vs control, versus control, vs the control
    versus the control, against control, against the control, over the control, than control
    than the control, difference to control, difference to the control, uplift over, lift over
""")


# A metric of how often people take the model's own suggestion: it has no value before the model exists.
TAKES_THE_NEW_OUTPUT = Lexicon("""
    thumbs up, thumbs-up, adoption, adoption rate, uptake, drafts accepted, accepted drafts, drafts sent unchanged
    using the outlook, using the tool, using the assistant, using the dashboard, using the app
    accepting the suggestion, accept the suggestion, accepted the suggestion, accepts the suggestion
    suggestion accepted, suggestions accepted, accepted suggestions, suggestion acceptance
    accepting the suggestions, accept the suggestions, accepted the suggestions
""")


# A metric whose target is a requirement, read against itself and not against today: calibration (predicted
# rates match observed ones), an interval's coverage, the floor no group may fall under (the overall
# figure carries the baseline).
A_REQUIREMENT = Lexicon("""
    calibration, calibration error, calibration slope, calibration-in-the-large, calibrated
    expected calibration error, brier calibration, reliability curve, interval coverage, coverage of the interval
    coverage of the intervals, coverage of the prediction interval, coverage of the 90% interval
    lowest group, worst group, worst-group, worst-case group, lowest subgroup, worst subgroup
""")
_FLOOR_PER = re.compile(r"\b(?:lowest|worst|minimum|smallest)\s+per[- ]\w+", re.IGNORECASE)
# The share of outcomes inside the predicted band or interval (`inside the suggested 25-75 band`): its
# target is set by the band's own width (half the outcomes inside a 25-75 band), not by today's figure.
_INSIDE_A_BAND = re.compile(
    r"\b(?:inside|within|in)\s+(?:the\s+|a\s+|its\s+|our\s+)?(?:[\w%-]+\s+){0,3}(?:band|bands|interval|intervals)\b",
    re.IGNORECASE,
)


def _target_text(metric: Metric) -> str:
    """`0.75`; `0.323 (15% below the baseline)` for a relative target, `10.5 (1.5 below the baseline)` for
    an absolute one; `15% better`, `1.5 better` with no baseline."""
    if metric.target is not None:
        return show(metric.target)
    if metric.holds:
        return HOLD_WORDS
    margin = metric.margin or 0
    amount = fmt.number(margin) if metric.absolute_target is not None else fmt.share(margin)
    goal = metric.goal()
    if goal is None:
        return f"{amount} better"
    side = "above" if metric.direction is Direction.higher_is_better else "below"
    return f"{show(round(goal, 6))} ({amount} {side} the baseline)"


@rule(
    "baseline-already-meets-target",
    Category.product,
    likelihood=4,
    impact=3,
    fires=(
        Case(
            {"done.metrics[0].baseline": 0.8},
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" baseline 0.8, target 0.75 (higher is better)',
            ),
        ),
        Case(  # the goal, not the guardrail, is met today
            {
                "done.metrics": [
                    {
                        "name": "Recall of faulty parcels",
                        "baseline": 0.9,
                        "target": 0.95,
                        "role": "guardrail",
                    },
                    {"name": "Share of stops avoided", "baseline": 0.7, "target": 0.6, "role": "goal"},
                ],
            },
            evidence=(
                'done.metrics[1]: "Share of stops avoided" baseline 0.7, target 0.6 (higher is better)',
            ),
        ),
    ),
    quiet=(
        Case(  # no worse than today: a non-inferiority target (the gain is elsewhere), not one already met
            {"done.metrics[0].target": "no worse than the baseline"}
        ),
        Case(  # the same, said as the baseline's own figure
            {"done.metrics[0].baseline": 0.8, "done.metrics[0].target": 0.8}
        ),
        Case(  # no rules tried, no human score, nothing today states it: a pilot model's own score
            {
                "heuristics.verdict": "not_tried",
                "product.metric_measured_today": False,
                "done.metrics[0].name": "Leak-detection F1 on held-out recordings",
                "done.metrics[0].baseline": 0.91,
                "done.metrics[0].baseline_name": None,
                "done.metrics[0].target": 0.9,
                "done.metrics[0].direction": "higher",
            }
        ),
        Case(  # today's figure is the staff's own work by hand, no rules run: the gain is their time
            {
                "heuristics.verdict": "not_tried",
                "by_hand.done_today_by": "other_staff",
                "done.metrics[0].name": "Share of boxes sorted to the right grade",
                "done.metrics[0].baseline": 0.96,
                "done.metrics[0].baseline_name": None,
                "done.metrics[0].target": 0.95,
                "done.metrics[0].direction": "higher",
            }
        ),
        Case(  # the baseline named for the manual work it is
            {
                "done.metrics[0].name": "Recall of duplicates",
                "done.metrics[0].baseline": 0.8,
                "done.metrics[0].baseline_name": "Manual checks by the accounts clerks",
                "done.metrics[0].target": 0.75,
            }
        ),
        Case(  # recall held while stops fall: today's stop-everything meets the guardrail, not the goal
            {
                "done.metrics": [
                    {
                        "name": "Recall of faulty parcels",
                        "baseline": 1.0,
                        "target": 0.95,
                        "role": "guardrail",
                    },
                    {"name": "Share of stops avoided", "baseline": 0.0, "target": 0.6, "role": "goal"},
                ],
            }
        ),
        Case(  # a guardrail on the model's own wrong actions, none of which happen today
            {
                "done.metrics[0].baseline": 0,
                "done.metrics[0].target": 0.005,
                "done.metrics[0].direction": "lower",
            }
        ),
        Case(  # the rules' precision on the fifth they cover, the target at 80% coverage: unlike figures
            {
                "done.metrics[0].name": "Precision of held invoices at 80% coverage",
                "done.metrics[0].baseline": 0.97,
                "done.metrics[0].target": 0.95,
                "done.metrics[0].baseline_name": "The two ERP rules, on the 20% of invoices they cover",
            }
        ),
        Case(  # the clerks' precision is high, but they spot a fifth of the duplicates: not the same bar
            {
                "done.metrics[0].name": "Precision of the duplicate hold",
                "done.metrics[0].baseline": 0.98,
                "done.metrics[0].target": 0.9,
                "done.metrics[0].baseline_name": "The clerks' spot checks, at about 20% recall",
            }
        ),
        Case(  # a precision floor for the model on every case; the rules' precision on the 30% they handle
            {
                "done.metrics[0].name": "Precision of held invoices",
                "done.metrics[0].baseline": 0.97,
                "done.metrics[0].target": 0.95,
                "done.metrics[0].baseline_name": "The two ERP rules",
                "heuristics.coverage": 0.3,
            }
        ),
        Case(  # the rules named as the baseline, their coverage a quarter of the target's
            {
                "done.metrics[0].name": "Precision of held invoices at 80% coverage",
                "done.metrics[0].baseline": 0.97,
                "done.metrics[0].target": 0.95,
                "done.metrics[0].baseline_name": "The two ERP rules",
                "heuristics.coverage": 0.2,
            }
        ),
    ),
)
def baseline_already_meets_target(plan: Plan) -> Evidence:
    """The baseline already meets the target.

    Today's process or the rules already reach the primary target; a model spends effort on a
    problem that is solved by that measure.

    Mitigation: Ship the baseline, or raise the target to what the product needs and justify the
    gain.
    """
    # A guardrail is held, not moved: today's process may well meet it (it stops every case, so it
    # misses none); the first metric done moves is the one a met baseline makes moot.
    moved = [
        (at, metric) for at, metric in enumerate(plan.done.metrics) if metric.role is not MetricRole.guardrail
    ]
    if not moved:
        return None
    at, metric = moved[0]
    goal = metric.goal()
    if no_margin(metric):
        return (
            None  # no worse than today is a non-inferiority target, not one met: no-worse-unsized weighs it
        )
    if metric.baseline_figure is None or goal is None:
        return None
    if not at_least_as_good(metric.baseline_figure, goal, metric.direction):
        return None
    if metric.baseline_figure == 0 and metric.direction is Direction.lower_is_better:
        return None  # a guardrail on what the model will do (wrong automatic actions): none happen today
    found = (
        f'done.metrics[{at}]: "{metric.name}" baseline {metric.baseline_shown}, target '
        f"{_target_text(metric)} ({metric.direction.value} is better)",
    )
    covered, wanted = (
        _baseline_coverage(plan, metric),
        _coverage_said(f"{metric.name} {metric.dataset or ''}"),
    )
    if covered is not None and wanted is not None and wanted >= 2 * covered:
        return None  # a share right on the few cases the rules cover, the target at a much wider coverage
    if covered is not None and covered <= 0.5 and wanted is None and PRECISION_NAMED.find(metric.name):
        return None  # the rules' precision on the share they handle, against a floor the model holds on all
    if _precise_but_finds_few(plan, metric):
        return None  # a precision reached by finding few cases: not the same measure as the target's
    if _parity_with_people(plan, metric):
        return None  # people's own score as the bar: the gain is their time, measured elsewhere
    if _no_todays_source(plan, metric):
        return None  # neither rules nor people gave this figure: a prototype's score, not today's to ship
    return found


# The verdicts saying no rules run today: none could give a baseline figure.
_NO_RULES = (RulesVerdict.not_tried, RulesVerdict.rules_cannot_help)


def _no_todays_source(plan: Plan, metric: Metric) -> bool:
    """Whether nothing in use today can have given the baseline: it is unnamed, no rules run, and the team
    says it does not measure today's process (a pilot model's own score, then)."""
    if metric.baseline_name or plan.heuristics.verdict not in _NO_RULES:
        return False
    return metric.baseline_figure is not None and plan.product.metric_measured_today is False


# A baseline that is people's own figure: their score, their agreement, today's manual work.
_PEOPLE_BAR = Lexicon("""
    human, humans, human-level, human level, people, staff, inspector, inspectors, annotator, annotators
    agreement, inter-rater, manual, by hand, expert, experts, clerk, clerks, counter, counters
""")


# People who do the task today: with no rules running, today's figure is their own work.
_PEOPLE_TODAY = (DoneTodayBy.our_experts, DoneTodayBy.other_staff)


def _parity_with_people(plan: Plan, metric: Metric) -> bool:
    """Whether the target is to match people, not beat them: the baseline is their own score (the human
    score, a metric or baseline named for their agreement or manual work, or today's figure where people do
    the task and no rules run). Doing it by hand is no baseline to ship
    instead: the gain is their time, measured elsewhere."""
    human = human_against(plan, metric)
    said = f"{metric.name} {metric.dataset or ''} {metric.baseline_name or ''}"
    by_people = (  # unnamed: today's figure is the people's who do the task (a named system is not)
        plan.by_hand.done_today_by in _PEOPLE_TODAY
        and plan.heuristics.verdict in _NO_RULES
        and not metric.baseline_name
    )
    return (
        bool(_PEOPLE_BAR.find(said))
        or by_people
        or (
            human is not None
            and metric.baseline_figure is not None
            and abs(human - metric.baseline_figure) < 1e-9
        )
    )


# A coverage a figure is stated at: `at 80% coverage`, `coverage of 80%`, `covering 80%`, `80% of all`.
_COVERAGE = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s?%\s*(?:coverage|of all\b|covered\b|(?:of\s+[a-z-]+\s+)?(?:they|it)\s+covers?\b)"
    r"|(?:coverage|covering|covers|cover)\s+(?:of\s+|at\s+)?(?:the\s+)?(\d{1,3}(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)


def _coverage_said(text: str | None) -> float | None:
    """The coverage a text states a figure at (`precision at 80% coverage` -> 0.8), if one."""
    found = _COVERAGE.search(text or "")
    return float(found.group(1) or found.group(2)) / 100 if found else None


def _baseline_coverage(plan: Plan, metric: Metric) -> float | None:
    """The share of cases the baseline's figure is on, when it is the rules' on the cases they cover:
    said in its name (`the rules, on the 20% they cover`), or the rules' coverage when the name says
    the baseline is the rules."""
    said = _coverage_said(metric.baseline_name)
    if said is not None:
        return said
    coverage = plan.heuristics.coverage_figure
    return coverage if coverage is not None and RULES_NAMED.find(metric.baseline_name) else None


# A recall stated as a figure (`recall 20%`, `20% recall`), and words saying a baseline finds few cases.
_RECALL_SAID = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s?%\s*recall\b|\brecall\s+(?:of\s+|at\s+|is\s+)?(?:only\s+)?(\d{1,3}(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)
FINDS_FEW = Lexicon("""
    finds few, catches few, misses most, low recall, finds only a few, catches only a few, flags only a few
""")
_RECALL_NAMED = Lexicon("recall, sensitivity, true positive rate, detection rate")


def _precise_but_finds_few(plan: Plan, metric: Metric) -> bool:
    """Whether the baseline meets a precision target only by acting on few cases: a precision alone, its
    recall said below half (or said to find few). A target that needs recall too is not met by it."""
    if not PRECISION_NAMED.find(metric.name) or _RECALL_NAMED.find(metric.name):
        return False
    for text in (metric.baseline_name, plan.product.current_performance):
        found = _RECALL_SAID.search(text or "")
        if (found and float(found.group(1) or found.group(2)) < 50) or FINDS_FEW.find(text):
            return True
    return False


RULES_NAMED = Lexicon("rule, rules, the rules, our rules, rule set, rule-based, heuristic, heuristics")


def _recorded_outcome(plan: Plan) -> bool:
    """The label records what happened (outcomes, or records of settled events), over a large history,
    rather than what a person judged."""
    data = plan.constraints.data
    if not data.labels or data.labeled_count is None or data.labeled_count < RECORDED_HISTORY:
        return False
    if any(source in data.labels for source in (LabelSource.manual, LabelSource.vendor, LabelSource.proxy)):
        return False
    label = plan.product.label
    if LabelSource.outcomes in data.labels:
        return not mentions(label, JUDGED)
    return bool(mentions(label, RECORDED)) and not mentions(label, JUDGED)


# A share of cases inside a predicted bound (a date, an interval): met by a later date or a wider interval.
COVERED = Lexicon("""
    by the predicted date, by the predicted day, on or before the predicted, before the predicted date
    within the predicted, within the interval, inside the interval, within the prediction interval
    prediction interval coverage, interval coverage, coverage of the interval, covered by the interval
""")


@rule(
    "target-beyond-human",
    Category.model,
    likelihood=3,
    impact=4,
    move=_AIM_WHERE_PEOPLE_ARE_BEATEN,
    fires=(
        Case(
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (higher is better)',
                "by_hand.human_score: 0.85",
            ),
        ),
        Case(  # a relative target is a target
            {
                "done.metrics[0].target": None,
                "done.metrics[0].relative_target": 1.0,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (100% above the baseline) '
                "(higher is better)",
                "by_hand.human_score: 0.85",
            ),
        ),
        Case(  # people's agreement against a recall: another measure, asked at a lower likelihood
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "Two auditors agreed on 85% of 150 pairs.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (higher is better)',
                "by_hand.human_score: 0.85",
                'by_hand.human_score_notes: "Two auditors agreed on 85% of 150 pairs."',
                "is the human score on the same measure as the target?",
            ),
        ),
        Case(  # a guess by eye is no ceiling: low, asked how it was measured
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "A rough guess by the finance lead: clerks find 85% by eye.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (higher is better)',
                "by_hand.human_score: 0.85",
                'by_hand.human_score_notes: "A rough guess by the finance lead: clerks find 85% by eye." '
                "(rough guess, by eye: how was it measured? score people on a sample of cases before calling "
                "it a ceiling)",
            ),
        ),
        Case(  # people scored on a secondary metric's measure: low, the numbers cannot be joined
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "Two auditors reached an F1 of 0.85 on supplier matches.",
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (higher is better)',
                "by_hand.human_score: 0.85",
                'by_hand.human_score_notes: "Two auditors reached an F1 of 0.85 on supplier matches." (people '
                "were scored on f1, the target on precision, recall: these numbers cannot be joined; score "
                "people on the primary metric)",
            ),
        ),
        Case(  # the plan does not say people were scored as the target is (top-5 against top-1): a question
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
                "by_hand.human_score_same_measure": None,
            },
            evidence=(
                'done.metrics[0]: "Recall of duplicates at 95% precision" targets 0.9 (higher is better)',
                "by_hand.human_score: 0.85",
                "is the human score on the same measure as the target (the same metric, cut and cases)?",
            ),
        ),
    ),
    quiet=(  # recorded outcomes over a large history: a small by-hand sample is no ceiling
        Case(  # a share of jobs done by the predicted date: a later date meets it, the guardrail prices it
            {
                "done.metrics": [
                    {
                        "name": "Share of orders delivered by the predicted date",
                        "baseline": 0.45,
                        "target": 0.9,
                    },
                    {
                        "name": "Days added to the quote",
                        "target": 2,
                        "direction": "lower",
                        "role": "guardrail",
                    },
                ],
            }
        ),
        Case(  # the team says people were scored another way: nothing to compare
            {
                "done.metrics[0].target": 0.9,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
                "by_hand.human_score_same_measure": False,
            }
        ),
        Case(  # people's median count difference (an error) against a share within tolerance: unlike
            {
                "done.metrics[0].name": "Share of counts within 10% of the audited count",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.9,
                "product.current_performance": "Counters tally each photo by hand.",
                "by_hand.human_score": 0.028,
                "by_hand.human_score_notes": "Two counters' median count difference was 2.8% on 40 photos.",
            }
        ),
        Case(  # a MAPE typed as a percent (6.1) against a target of 0.08: people already beat it
            {
                "done.metrics[0].name": "MAPE of weekly demand per store",
                "done.metrics[0].baseline": None,
                "done.metrics[0].target": 0.08,
                "done.metrics[0].direction": "lower",
                "product.current_performance": "Planners forecast each store's week by hand.",
                "by_hand.human_score": 6.1,
                "by_hand.human_score_notes": "The planners' own forecasts over 26 weeks: MAPE 6.1%.",
            }
        ),
        Case(  # people's score not measured yet: no ceiling to compare with
            {"done.metrics[0].target": 0.9, "by_hand.human_score": "not measured"}
        ),
        Case(  # today's method already beats people's score: it is no ceiling
            {
                "done.metrics[0].target": 0.9,
                "done.metrics[0].baseline": 0.87,
                "by_hand.human_score_notes": "Two auditors found 85% of the duplicates among 150 pairs.",
            }
        ),
        Case(
            {
                "done.metrics[0].target": 0.9,
                "constraints.data.labels": ["outcomes"],
                "product.label": "Whether the invoice was paid twice, from the bank statements",
            }
        ),
    ),
)
def target_beyond_human(plan: Plan) -> Evidence:
    """The target is beyond human performance.

    The primary target is better than people reach from the same inputs; that bound is rarely
    beaten, and chasing it is where time boxes run out.

    Mitigation: Set the first target at or below the human score, or narrow the model to the cases
    people find easy.
    """
    # A human score equal to the baseline describes today's process, which the project means to
    # beat: it is no ceiling then.
    # Labels that record what happened, over a large history, let a model see patterns no one reader
    # sees in a small by-hand sample: the human score is no ceiling then.
    if plan.by_hand.human_figure is None or not plan.done.metrics or _recorded_outcome(plan):
        return None
    metric = plan.done.metrics[0]
    goal, human = (
        metric.goal(),
        human_against(plan, metric),
    )  # an error or a percent read on the target's scale
    if human is None:
        return None  # people's error against a score, or another scale: nothing to compare
    if goal is None or goal == human or metric.baseline_figure == human or on_a_subset(metric):
        return None  # (a target on the cases the model keeps is no comparison with people on all)
    if at_least_as_good(human, goal, metric.direction):
        return None
    if COVERED.find(metric.name) and any(other.role is MetricRole.guardrail for other in plan.done.metrics):
        return None  # a share inside a predicted bound, met by a wider bound the guardrail prices: no skill claim
    today = metric.baseline_figure if metric.baseline_figure is not None else today_on(plan, metric)
    if today is not None and at_least_as_good(today, human, metric.direction):
        return None  # today's rule or method already does better than people: their score is no ceiling
    said = (
        f'done.metrics[0]: "{metric.name}" targets {_target_text(metric)} ({metric.direction.value} is better)',
        quote(plan, "by_hand.human_score"),
    )
    notes = plan.by_hand.human_score_notes
    rough = ROUGH_FIGURE.find_all(notes)
    if rough:  # a guess is no ceiling: ask how it was measured
        note = f"{', '.join(rough)}: how was it measured? score people on a sample of cases before calling it a ceiling"
        return Tempered(1, (*said, quote(plan, "by_hand.human_score_notes", note)))
    other = _another_measure(plan)
    if other:  # people scored on another measure: the two numbers cannot be joined
        return Tempered(1, (*said, other))
    # A human score that is how often people agree bounds a share of right labels, not a recall of one
    # class or of a top-10 list; and where a senior resolves disagreements the labels are cleaner still.
    if mentions(notes, AGREED) and not same_measure_as_agreement(metric):
        return Tempered(1, (*said, quote(plan, "by_hand.human_score_notes"), _SAME_MEASURE))
    adjudicated = adjudication(plan)
    if adjudicated:  # measured differently: a question, low
        return Tempered(1, (*said, f"{adjudicated} (disagreements are resolved, so the labels are cleaner)"))
    return said if same_measure_said(plan) else Tempered(2, (*said, SAME_MEASURE))  # top-5 against top-1?


_SAME_MEASURE = "is the human score on the same measure as the target?"


def _another_measure(plan: Plan) -> str | None:
    """Where the notes put the human score on another kind of measure than the primary metric (a ROUGE
    of the summaries against a factual-error recall), the notes quoted and which numbers cannot be
    joined; None when they name no measure or the same one."""
    notes = plan.by_hand.human_score_notes
    said = set(MEASURE_KINDS.find_all(notes))
    primary = set(MEASURE_KINDS.find_all(plan.done.metrics[0].name))
    if not said or not primary or said & primary:
        return None
    where = next(
        (
            f"done.metrics[{index}]"
            for index, metric in enumerate(plan.done.metrics)
            if index and said & set(MEASURE_KINDS.find_all(metric.name))
        ),
        None,
    )
    on = f"{', '.join(sorted(said))}, the measure of {where}" if where else ", ".join(sorted(said))
    return (
        f"{quote(plan, 'by_hand.human_score_notes')} (people were scored on {on}, the target on "
        f"{', '.join(sorted(primary))}: these numbers cannot be joined; score people on the primary metric)"
    )


@rule(
    "no-time-box",
    Category.delivery,
    likelihood=3,
    impact=4,
    fires=(
        Case({"done.timebox_weeks": 40}, evidence=("done.timebox_weeks: 40 (more than 16 weeks is no box)",)),
        Case(  # a long box and nothing done at its end
            {"done.timebox_weeks": 20, "done.fold_action": "Keep going."},
            evidence=("done.timebox_weeks: 20 (more than 16 weeks is no box)",),
        ),
        Case(  # a concrete fold action, but seven months and nothing outside sets the length
            {"done.timebox_weeks": 30},
            evidence=("done.timebox_weeks: 30 (more than 16 weeks is no box)",),
        ),
        Case(  # outcomes come 120 days late, no fold action yet: the box is for the build, low
            {"done.timebox_weeks": 30, "done.fold_action": None, "constraints.data.label_delay_days": 120},
            evidence=(
                "done.timebox_weeks: 30 (box the build and an offline verdict within 16 weeks; the rest waits)",
                "constraints.data.label_delay_days: 120 (outcomes arrive 120 days late: the weeks past 16 are "
                "the wait for them)",
            ),
            also=frozenset({"no-fold-action"}),
        ),
        Case(  # a pilot and a 90-day wait explain 38 weeks, not 60
            {"done.timebox_weeks": 60, "constraints.data.label_delay_days": 90, "done.pilot_units": "random"},
            evidence=("done.timebox_weeks: 60 (more than 16 weeks is no box)",),
        ),
        Case(  # a go-live date ends it, but nothing is said for falling short: low
            {
                "done.timebox_weeks": 20,
                "done.fold_action": None,
                "done.when_met": "Go live on 1 March 2027.",
            },
            evidence=(
                "done.timebox_weeks: 20 (a box that ends on a date: name what is done then if it falls short "
                "(week 20))",
                'done.when_met: "Go live on 1 March 2027."',
            ),
            also=frozenset({"no-fold-action"}),
        ),
    ),
    quiet=(
        Case({"done.timebox_weeks": 24}),  # a few months over, ending in a concrete fold action: a box
        Case(  # a fold action and a length the world sets (a parallel run): a real box
            {"done.timebox_weeks": 26, "done.when_met": "Switch after the three-month parallel run."}
        ),
        Case(  # a whole season, sized by the world, ending in a fold action
            {
                "done.timebox_weeks": 36,
                "done.when_met": "Decide after one full growing season in the trial fields.",
            }
        ),
        Case(  # the weeks past the limit are the wait for outcomes, and the box ends in a fold action
            {"done.timebox_weeks": 28, "constraints.data.label_delay_days": 90}
        ),
        Case(  # a pilot on random depots whose outcomes come 90 days late: build, one cycle, then the wait
            {"done.timebox_weeks": 38, "constraints.data.label_delay_days": 90, "done.pilot_units": "random"}
        ),
        Case(  # a live field trial sets the length, and the box ends in a fold action
            {
                "done.timebox_weeks": 30,
                "done.when_met": "Decide after the 12-week field trial in three depots.",
            }
        ),
        Case(  # a box that ends on a fixed outside date, with what happens then
            {
                "done.timebox_weeks": 26,
                "done.fold_action": "If it is not live by the filing deadline on 30 June, keep the clerks' check.",
            }
        ),
    ),
)
def no_time_box(plan: Plan) -> Evidence:
    """No real time box.

    ML progress is nonlinear: a week can bring nothing. A box of many months never forces the
    continue-or-fold decision.

    Mitigation: Box the first model at 4-8 weeks with a decision meeting at the end; extend only
    by a new, explicit decision.
    """
    weeks = plan.done.timebox_weeks
    if weeks is None or weeks <= MAX_TIMEBOX_WEEKS:
        return None
    if FIXED_DATE.find(plan.done.fold_action):
        return None  # the box ends on a fixed outside date, with a fold action: a time box, however long
    fold = plan.done.fold_action
    concrete = bool(fold and not (says_nothing(fold) or norm(fold) in _KEEP_GOING))
    wait = _outcome_wait(plan, weeks)
    if wait is not None:
        # The weeks past the limit are the wait for outcomes: the box is for building and an offline
        # verdict; the live verdict comes when the outcomes do.
        if concrete:
            return None
        build = f"box the build and an offline verdict within {MAX_TIMEBOX_WEEKS} weeks; the rest waits"
        return Tempered(1, (quote(plan, "done.timebox_weeks", build), wait))
    if concrete:
        # A concrete fold action makes it a box: its length set by the world (a season, a sized trial,
        # a go-live date), or a few months, it ends in the continue-or-fold decision.
        if _world_clock(plan) or weeks <= LONG_BOX_WEEKS:
            return None
    elif weeks <= LONG_BOX_WEEKS and not fold:
        # No fold action yet, but a go-live date ends it: a box whose decision is still to be named.
        ends = next((quote(plan, path) for path in _GO_LIVE if FIXED_DATE.find(answer_at(plan, path))), None)
        if ends is not None:
            midway = f"a box that ends on a date: name what is done then if it falls short (week {weeks:g})"
            return Tempered(1, (quote(plan, "done.timebox_weeks", midway), ends))
    return (quote(plan, "done.timebox_weeks", f"more than {MAX_TIMEBOX_WEEKS} weeks is no box"),)


_GO_LIVE = ("done.when_met", "press_release.call_to_action")  # where a go-live date is said


def _outcome_wait(plan: Plan, weeks: float) -> str | None:
    """The label delay, quoted, where waiting for the outcomes explains the weeks past the limit."""
    delay = plan.constraints.data.label_delay
    if delay is None or delay <= 0:
        return None
    # A live pilot on chosen units runs at least one outcome cycle, then waits for its last outcomes.
    piloted = plan.done.pilot_units in _PILOTED
    if weeks > MAX_TIMEBOX_WEEKS + (2 if piloted else 1) * delay / 7:
        return None
    note = f"outcomes arrive {delay:g} days late: the weeks past {MAX_TIMEBOX_WEEKS} are the wait for them"
    if piloted and weeks > MAX_TIMEBOX_WEEKS + delay / 7:
        note = f"outcomes arrive {delay:g} days late: the weeks past {MAX_TIMEBOX_WEEKS} run the pilot and wait for them"
    return quote(plan, "constraints.data.label_delay_days", note)


# Pilot units that say the product first runs live on chosen units, not everywhere at once.
_PILOTED = (
    PilotUnits.random,
    PilotUnits.typical,
    PilotUnits.volunteers,
    PilotUnits.worst,
    PilotUnits.easiest,
    PilotUnits.alternating,
)


# What sets a long box's length from outside the team: a season, a parallel run, a release, a review.
_WORLD_CLOCK = Lexicon("""
    season, seasons, parallel run, parallel runs, parallel season, shadow season, harvest, harvests
    release, releases, next release, regulator, regulators, regulator review, ring test, ring tests
    audit, annual audit, academic year, school year, financial year, fiscal year, reference month
    opening round, tournament, winter, summer, field trial, field trials, live trial, live trials
""")


def _world_clock(plan: Plan) -> str | None:
    """The answer tying the box's length to the world: a date or season, a parallel run, a release."""
    for path in (
        "done.fold_action",
        "done.when_met",
        "press_release.call_to_action",
        "constraints.data.differences_note",
    ):
        text = answer_at(plan, path)
        words = (*FIXED_DATE.find_all(text), *_WORLD_CLOCK.find_all(text))
        if words:
            return quote(plan, path, f"the box follows: {', '.join(dict.fromkeys(words))}")
    return None


@rule(
    "no-fold-action",
    Category.delivery,
    likelihood=3,
    impact=4,
    fires=(
        Case({"done.fold_action": "Keep going."}, evidence=('done.fold_action: "Keep going."',)),
        Case(
            {"done.fold_action": "Extend the time box"}, evidence=('done.fold_action: "Extend the time box"',)
        ),
    ),
)
def no_fold_action(plan: Plan) -> Evidence:
    """No fold action.

    When the time box runs out short of the target, "keep going" is the default unless another
    action was agreed beforehand.

    Mitigation: Write now what happens at the end of the box without the target: ship the rules,
    collect data, re-scope, or stop.
    """
    fold = plan.done.fold_action
    if fold is None or not (says_nothing(fold) or norm(fold) in _KEEP_GOING):
        return None
    return (quote(plan, "done.fold_action"),)


# ---------------------------------------------------------------- after launch


@rule(
    "no-owner-after-launch",
    Category.operations,
    likelihood=4,
    impact=4,
    fires=(Case({"after_launch.owner": "TBD"}, evidence=('after_launch.owner: "TBD"',)),),
)
def no_owner_after_launch(plan: Plan) -> Evidence:
    """Nobody owns the model after launch.

    Nobody watches it, retrains it or answers for it; it decays quietly until a customer notices.

    Mitigation: Name a team and a person before launch, with time set aside for monitoring and
    retraining.
    """
    return empty_answers(plan, "after_launch.owner")


# What is made once a year: an annual list, a yearly ranking; not a volume counted per year.
_ONCE_A_YEAR = Lexicon("once a year, annual, annually, yearly, once each year")


def _yearly_batch(plan: Plan) -> tuple[str, ...]:
    """The answers saying the job is a batch made once a year (served in batch, its volume or its
    predictions counted per year): quoted, or () for anything that runs more often."""
    if plan.constraints.latency.serving is not Serving.batch:
        return ()
    rerun = rerun_at_retraining(plan)
    if rerun:
        note = f"a batch run once, re-run at each {rerun.value.replace('_', '-')} retraining: check the inputs and "
        return (quote(plan, "impact.period", note + "the list at each run, before it is used"),)
    if not any(_ONCE_A_YEAR.find(text) for text in (plan.product.decision, plan.product.output)):
        return ()  # a volume counted per year may run every day: only the output said made yearly is a batch
    note = "a batch made once a year: check the inputs and the list at each run, before it is used"
    if plan.constraints.compute.prediction_period is Period.year:
        return (quote(plan, "constraints.compute.prediction_period", note),)
    if plan.impact.period is Period.year and plan.constraints.compute.prediction_period is None:
        return (quote(plan, "impact.period", note),)
    return ()


@rule(
    "no-monitoring",
    Category.operations,
    likelihood=4,
    impact=4,
    fires=(
        Case(  # people act on each suggestion, and its errors are not serious: medium
            {"after_launch.monitoring": [{"signal": "none"}]},
            evidence=(
                'after_launch.monitoring[0].signal: "none"',
                'product.mode: "augment" (people act on each suggestion, and see when it goes wrong)',
                'impact.error_severity: "moderate"',
            ),
        ),
        Case(  # serious errors: high
            {"after_launch.monitoring": "none", "impact.error_severity": "serious"},
            evidence=("after_launch.monitoring: none (answered: we have none)",),
        ),
        Case(  # a list made once a year: a check at each run, at medium
            {
                "after_launch.monitoring": "none",
                "impact.error_severity": "serious",
                "constraints.latency.serving": "batch",
                "product.output": "The annual list of sites ranked by risk.",
                "impact.period": "year",
                "constraints.compute.prediction_period": None,
            },
            evidence=(
                "after_launch.monitoring: none (answered: we have none)",
                'impact.period: "year" (a batch made once a year: check the inputs and the list at each run, '
                "before it is used)",
            ),
        ),
        Case(  # a one-off ranking of every bridge for inspection, re-run when the model is retrained yearly
            {
                "after_launch.monitoring": "none",
                "impact.error_severity": "serious",
                "constraints.latency.serving": "batch",
                "impact.period": "once",
                "constraints.retraining.cadence": "yearly",
                "constraints.compute.prediction_period": None,
            },
            evidence=(
                "after_launch.monitoring: none (answered: we have none)",
                'impact.period: "once" (a batch run once, re-run at each yearly retraining: check the inputs '
                "and the list at each run, before it is used)",
            ),
        ),
    ),
)
def no_monitoring(plan: Plan) -> Evidence:
    """Nothing is monitored.

    Models fail silently: stale inputs, shifted data or a broken feature still give predictions,
    just bad ones.

    Mitigation: Monitor input freshness and drift, the prediction rate, and the product metric,
    each with a threshold and whom it alerts.
    """
    if runs_once(plan):
        return None  # a one-off batch job: nothing keeps running to watch
    said = said_none_quote(plan, "after_launch.monitoring")
    found = (
        (said,)
        if said
        else tuple(
            quote(plan, f"after_launch.monitoring[{index}].signal")
            for index, monitor in enumerate(plan.after_launch.monitoring)
            if says_nothing(monitor.signal)
        )
    )
    if not found:
        return None
    yearly = _yearly_batch(plan)
    if yearly:
        # a list made once a year is no live system to watch: each run is checked before it is used
        return Tempered(2, (*found, *yearly))
    # Advice people weigh before acting, whose errors are not serious: a lapse is seen and costs little.
    severity = effective_severity(plan)
    if plan.product.mode is Mode.augment and severity in (Severity.minor, Severity.moderate):
        note = "people act on each suggestion, and see when it goes wrong"
        return Tempered(3, (*found, quote(plan, "product.mode", note), severity_quote(plan)))
    return found


@rule(
    "monitoring-without-alerts",
    Category.operations,
    likelihood=3,
    impact=3,
    fires=(
        Case(
            {"after_launch.monitoring[0].threshold": None},
            evidence=("after_launch.monitoring: 1 signal, none with a threshold",),
        ),
        Case(  # a threshold answered, as not chosen yet
            {"after_launch.monitoring[0].threshold": "Not set yet; after the pilot"},
            evidence=(
                'after_launch.monitoring[0].threshold: "Not set yet; after the pilot" (1 signal, none with a '
                "threshold: nothing alerts when the inputs drift or the error grows)",
            ),
        ),
    ),
    quiet=(
        Case(  # the level set, the person not named yet
            {"after_launch.monitoring[0].threshold": "Above 8% a week; who is alerted not set yet"}
        ),
        Case(  # a batch job run once over a backlog: nothing keeps running for an alert to catch
            {
                "after_launch.monitoring[0].threshold": None,
                "product.goal": "Code the historic backlog of free-text returns in a one-off batch run.",
                "constraints.retraining.cadence": "never",
            }
        ),
    ),
)
def monitoring_without_alerts(plan: Plan) -> Evidence:
    """Monitoring without alert thresholds.

    Signals without thresholds end up on a dashboard nobody opens: the inputs drift and the error grows
    while nothing alerts, and the failure is found by users. A threshold "not set yet" is none.

    Mitigation: Give each monitored signal a threshold and a person or channel it alerts; for the
    inputs, alert when their distribution moves away from the training data's (drift), not only on the
    outcome that arrives weeks later.
    """
    monitors = plan.after_launch.monitoring
    if not monitors or any(says_nothing(monitor.signal) for monitor in monitors) or runs_once(plan):
        return None  # nothing watched, or a job run once: no live system for an alert to catch
    if any(_alerts(monitor) for monitor in monitors):
        return None
    unset = [index for index, monitor in enumerate(monitors) if monitor.threshold]
    signals = f"{len(monitors)} signal{'s' * (len(monitors) > 1)}, none with a threshold"
    if not unset:
        return (f"after_launch.monitoring: {signals}",)
    return (
        quote(
            plan,
            f"after_launch.monitoring[{unset[0]}].threshold",
            f"{signals}: nothing alerts when the inputs drift or the error grows",
        ),
    )


@rule(
    "no-fallback",
    Category.operations,
    likelihood=3,
    impact=4,
    fires=(Case({"after_launch.fallback": "n/a"}, evidence=('after_launch.fallback: "n/a"',)),),
)
def no_fallback(plan: Plan) -> Evidence:
    """No fallback when the model is wrong or down.

    Every model is sometimes wrong and every service sometimes down; without a designed fallback
    the product fails with it.

    Mitigation: Design the graceful failure now: fall back to the rules or to people, and test the
    switch.
    """
    return empty_answers(plan, "after_launch.fallback")


@rule(
    "no-baseline",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Be the algorithm: measure today's process or the obvious rules first",
        "A quick baseline (people or rules on a few hundred real cases) is the yardstick every model is "
        "judged against, and a relative target needs it",
        "warning",
        first=True,
        done=lambda plan: (
            (bool(plan.done.metrics) and plan.done.metrics[0].baseline_figure is not None)
            or _yardstick_elsewhere(plan) is not None
        ),
    ),
    fires=(
        Case(
            {"done.metrics[0].baseline": "none"},
            evidence=(
                'done.metrics[0].baseline: none for "Recall of duplicates at 95% precision" (answered: we have '
                "none), with a target of 0.75",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "done.metrics[0].baseline": "none",
                "done.metrics[0].target": None,
                "done.metrics[0].relative_target": 0.1,
                "done.metrics[0].baseline_name": "the naive last-week forecast",
            }
        ),
        Case(  # mAP is a measure only the model has; the product metric beside it has today's value
            {
                "done.metrics": [
                    {"name": "mAP@0.5 of duplicate boxes", "baseline": "none", "target": 0.7},
                    {"name": "Duplicates paid a month", "baseline": 40, "target": 10, "direction": "lower"},
                ]
            }
        ),
        Case(  # today's value stated on the second metric: the plan's yardstick is there
            {
                "done.metrics": [
                    {"name": "Precision of the top 200 meters flagged", "baseline": "none", "target": 0.5},
                    {"name": "Faulty meters found per month", "baseline": 35, "target": 80},
                ]
            }
        ),
        Case(  # a secondary gate without a value: the primary metric has today's value
            {
                "done.metrics": [
                    {"name": "Per-site count error", "baseline": 0.03, "target": 0.03, "direction": "lower"},
                    {"name": "Point recall at 0.5 m", "baseline": "none", "target": 0.95},
                ]
            }
        ),
        Case(  # the share of drafts accepted cannot exist before launch; handling time has today's value
            {
                "done.metrics": [
                    {"name": "Share of drafted replies accepted unedited", "baseline": "none", "target": 0.6},
                    {"name": "Minutes per reply", "baseline": 9, "target": 6, "direction": "lower"},
                ]
            }
        ),
    ),
)
def no_baseline(plan: Plan) -> Evidence:
    """No baseline, in the team's words.

    Without today's value there is no yardstick: the target may already be met or out of reach, a
    relative target ("20% lower MSE") has nothing to be relative to, and nobody can tell what the
    model added.

    Mitigation: Measure the metric on today's process, the obvious rules or a naive predictor (last
    week's value, the majority class) before modelling, and record it as the baseline.
    """
    if "baseline" not in plan.done.none:
        return None
    metrics = plan.done.metrics
    if any(metric.margin is not None and metric.baseline_name for metric in metrics):
        return (
            None  # "beat the naive forecast by 10%" (or by 0.3 days) names its baseline, measured or not yet
        )
    if not metrics:
        return ("done.metrics: baseline none (answered: we have none)",)
    # The metric the 'none' was said of: the first without a baseline value, not the primary one; of
    # those, the first that today's process could be measured on (a rate of using the model's drafts
    # cannot exist before launch).
    missing = [i for i, metric in enumerate(metrics) if metric.baseline_figure is None]
    measurable = [i for i in missing if not MODEL_USE_METRIC.find(metrics[i].name)]
    index = (measurable or missing or [0])[0]
    metric = metrics[index]
    what = (
        f"a target {HOLD_WORDS}"
        if metric.holds
        else f"a relative target of {show(metric.relative_target)}"
        if metric.relative_target is not None
        else f"an absolute target of {show(metric.absolute_target)} better"
        if metric.absolute_target is not None
        else f"a target of {show(metric.target)}"
        if metric.target is not None
        else "no target"
    )
    found = (
        f"done.metrics[{index}].baseline: none for {show(metric.name)} (answered: we have none), with {what}",
    )
    used = MODEL_USE_METRIC.find(metric.name)
    if used:  # only rates of using the model's output lack a value: none exists before launch
        if any(other.baseline_figure is not None for other in metrics):
            return None  # a measurable metric beside it has today's value
        note = (
            f"{used}: a rate of using the model's output has no value before launch; measure today's value "
            "of what it stands for (time per case, errors sent, cases handled)"
        )
        return Tempered(2, (*found, note))
    if _yardstick_elsewhere(plan) is not None:
        # A secondary gate beside a primary metric with today's value, or a measure only a model has
        # (today's process has no value on it) beside one that has: the yardstick exists, nothing is missing.
        return None
    return found


def _yardstick_elsewhere(plan: Plan) -> str | None:
    """The metric with a baseline that is the plan's yardstick, when the one said to have none is a
    secondary gate (the primary metric has its baseline) or a measure only a model has (mAP, ROUGE,
    agreement with the panel's own calls), which today's process has no value on."""
    metrics = plan.done.metrics
    index = next((i for i, metric in enumerate(metrics) if metric.baseline_figure is None), None)
    if index is None:
        return None
    if index and metrics[0].baseline_figure is not None:
        return f"done.metrics[0].baseline: {show(metrics[0].baseline_figure)} (the primary metric's)"
    internal = MODEL_INTERNAL_METRIC.find(metrics[index].name)
    measured = next((i for i, metric in enumerate(metrics) if metric.baseline_figure is not None), None)
    if measured is None or _is_worst_error(plan, metrics[index]):
        return None  # the costlier error's own rate needs today's value, whatever else is measured
    if internal is None:  # today's value stated on a later metric: the plan has its yardstick there
        return f"done.metrics[{measured}].baseline: {show(metrics[measured].baseline_figure)} (the yardstick)"
    return (
        f"done.metrics[{measured}].baseline: {show(metrics[measured].baseline_figure)} (the yardstick: "
        f"{internal}, of done.metrics[{index}], is a measure only a model has)"
    )


@rule(
    "straw-man-baseline",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure the simple method the plan already names, as the baseline to beat",
        "Beating a constant or chance says little; the plan names a simpler method (today's way, its rules, "
        "its fallback) that nobody has measured: measure it on the same cases and set the target above it",
        "warning",
        first=True,
    ),
    ask="is the baseline a straw man while a simpler method the plan names is never measured?",
    fires=(
        Case(
            {
                "done.metrics[0].baseline_name": "Predicting the overall mean duration",
                "product.current_solution": "Each surgeon's historical median for the procedure.",
                "product.current_performance": None,
            },
            evidence=(
                'done.metrics[0].baseline_name: "Predicting the overall mean duration" (a straw man: overall '
                "mean)",
                'product.current_solution: "Each surgeon\'s historical median for the procedure." (a simpler '
                "method the plan names, never measured: the baseline to beat)",
            ),
        ),
    ),
    quiet=(
        Case(
            {"done.metrics[0].baseline_name": "Predicting the overall mean duration"}
        ),  # today's way measured
        Case(
            {
                "product.current_solution": "Each surgeon's historical median.",
                "product.current_performance": None,
            }
        ),
    ),
)
def straw_man_baseline(plan: Plan) -> Evidence:
    """The baseline is a straw man, while a simpler method the plan names was never measured.

    A target set against a constant, chance or the overall mean is easy to meet; the method the team
    would otherwise use (today's way, its rules, the fold action) is the real bar, and it is unknown.

    Mitigation: Measure that simple method on the same cases, make it the baseline, and set the target
    a stated margin above it.
    """
    paths = [
        f"done.metrics[{index}].{name}"
        for index in range(len(plan.done.metrics))
        for name in ("baseline_name", "dataset")
    ]
    paths.append("product.current_performance")
    straw = next(
        ((path, words) for path in paths if (words := STRAW_MAN.find_all(answer_at(plan, path)))), None
    )
    if straw is None:
        return None
    product, heuristics = plan.product, plan.heuristics
    today = product.current_performance
    if straw[0] != "product.current_performance" and today and not says_nothing(today):
        return None  # today's way has its figure: that is the bar, whatever the metric's baseline says
    simple: str | None = None
    solution = product.current_solution
    if solution and not says_nothing(solution) and not STRAW_MAN.find(solution):
        simple = "product.current_solution"
    if (
        simple is None
        and heuristics.rules
        and heuristics.measured is None
        and heuristics.coverage_figure is None
    ):
        simple = "heuristics.rules[0].condition"
    if simple is None and mentions(plan.done.fold_action, SIMPLE_METHOD):
        simple = "done.fold_action"
    if simple is None:
        return None
    return (
        quote(plan, straw[0], f"a straw man: {', '.join(straw[1])}"),
        quote(plan, simple, "a simpler method the plan names, never measured: the baseline to beat"),
    )


@rule(
    "no-eval-set",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Build the evaluation set before the first model",
        "Label a few hundred recent production cases, held out by time, before training anything; "
        "every comparison depends on it",
        "warning",
        first=True,
    ),
    fires=(Case({"done.eval_set": "none"}, evidence=('done.eval_set: "none"',)),),
)
def no_eval_set(plan: Plan) -> Evidence:
    """No evaluation set.

    Without held-out cases labelled the way the product needs, no model, rule or person can be
    measured, so done can never be declared.

    Mitigation: Set aside recent production cases (by time), label them carefully (two people on a
    sample), and freeze them as the evaluation set before any modelling.
    """
    return empty_answers(plan, "done.eval_set")


def _against_another_period(plan: Plan) -> bool:
    """Whether the plan judges the launch live, but only against a period before it (no concurrent control)."""
    return plan.done.online_validation is OnlineValidation.before_after or before_after_live(plan) is not None


# A live comparison is planned, but with another period: the title says so, not "only offline".
_BEFORE_AFTER = Instead(
    _against_another_period,
    Move(
        "Keep some units on today's process over the same weeks, or switch back and forth",
        "A comparison with the months before credits the model with whatever else changed (season, demand, "
        "prices, novelty); keep comparable sites, days or users on today's process over the same weeks, or "
        "alternate by day or site",
        "info",
    ),
    "Keep comparable sites, days or users on today's process over the same weeks, or switch back and forth "
    "by day or site; at the least compare with the same weeks of other years and a control series the "
    "model does not touch.",
    "Judged live only against another period: nothing stays on today's process over the same weeks",
)


@rule(
    "no-online-validation",
    Category.product,
    likelihood=3,
    impact=4,
    move=Move(
        "Plan how the model is judged live: an A/B test, a holdout or a shadow run",
        "Offline scores rarely move the product metric one for one; decide now how the launch is judged "
        "on the product metric, and against what",
        "info",
    ),
    instead=(_BEFORE_AFTER,),
    fires=(
        Case(
            {"done.online_validation": "none", "done.when_met": "Hold invoices for real from the next run."},
            evidence=('done.online_validation: "none"',),
        ),
        Case(
            {"done.online_validation": None, "done.when_met": "Switch it on for all invoices."},
            evidence=(
                'product.success_metric: "Duplicate payments per month, and money recovered after payment." '
                "(the goal is judged live)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (an offline metric; '
                "no A/B test, holdout or shadow run planned)",
            ),
        ),
        Case(  # a canary judged against last year, for a metric that swings with the season
            {
                "done.online_validation": "canary",
                "done.when_met": "Hold invoices in two regions and compare duplicate payments with last year.",
                "product.pain": "Duplicates peak in the year-end season, when suppliers re-send invoices.",
            },
            evidence=(
                'done.when_met: "Hold invoices in two regions and compare duplicate payments with la..." '
                "(judged against another period: with last year; no units run without the model over "
                "the same weeks)",
                'product.pain: "Duplicates peak in the year-end season, when suppliers re-send invo..." '
                "(moves with season whatever the model does)",
                'done.online_validation: "canary" (no concurrent control is named)',
            ),
        ),
        Case(  # the team chose a before-and-after: a fact, nobody is kept on today's process
            {"done.online_validation": "before_after"},
            evidence=(
                'done.online_validation: "before_after" (compared with a period before launch, nobody kept on '
                "today's process: season, weather, demand, prices and novelty move the result too)",
            ),
        ),
        Case(  # a batch written once, but judged by live traffic against the weeks before it
            {
                "done.online_validation": "before_after",
                "impact.period": "once",
                "constraints.retraining.cadence": "never",
                "constraints.latency.serving": "batch",
            },
            evidence=(
                'done.online_validation: "before_after" (compared with a period before launch, nobody kept on '
                "today's process: season, weather, demand, prices and novelty move the result too)",
                'impact.period: "once" (a batch run once, judged live: hold back a random share of its items '
                "over the same weeks)",
            ),
        ),
        Case(  # outcomes that take a year: low, a proxy or a backtest instead of a live test
            {
                "done.online_validation": "none",
                "done.when_met": "Hold invoices for real from the next run.",
                "constraints.data.label_delay_days": 365,
            },
            evidence=(
                'done.online_validation: "none"',
                "constraints.data.label_delay_days: 365 (outcomes take 365 days: judge the launch on a leading "
                "proxy, a backtest of past decisions and a shadow run, not on waiting for them)",
            ),
        ),
    ),
    quiet=(
        Case({"done.online_validation": None}),
        Case(  # a one-off planning decision: no holdout to split, judged on a backtest
            {
                "done.online_validation": "none",
                "product.decision": "A one-off decision: where the two new depots go, judged on a backtest.",
            }
        ),
        Case(  # a one-time migration with its own audit: no live service to A/B test
            {
                "done.online_validation": "none",
                "product.goal": "Migrate ten years of scanned invoices into the new ledger in a one-time run.",
                "constraints.retraining.cadence": "never",
            }
        ),
        Case(  # a before-and-after, but a done metric audits a random sample of its live outputs each month
            {
                "done.online_validation": "before_after",
                "done.metrics": [
                    {
                        "name": "Duplicate payments a month",
                        "baseline": 40,
                        "target": 10,
                        "direction": "lower",
                    },
                    {
                        "name": "Wrong holds in the monthly audit of 50 random held invoices",
                        "target": 0.02,
                        "direction": "lower",
                    },
                ],
            }
        ),
        Case(  # compared with the months before, and with control regions over the same weeks
            {
                "done.online_validation": "before_after",
                "done.when_met": "Compare duplicate payments with the months before, and with control regions "
                "over the same weeks.",
            }
        ),
        Case(  # a concurrent control over the same weeks: not a before/after
            {
                "done.online_validation": "canary",
                "done.when_met": "Hold invoices in two regions and compare duplicate payments with the other "
                "regions over the same weeks, against the year-end season.",
            }
        ),
        Case(  # judged against last year, but the shadow run scores the model against today's forecast
            {
                "done.online_validation": "shadow",
                "done.when_met": "Review missed sailings after six months against the previous year.",
                "product.pain": "Bookings peak in the summer season.",
                "done.metrics[0].name": "MAE of daily foot passengers",
                "done.metrics[0].dataset": "The 8-week shadow run",
                "done.metrics[0].baseline_name": "the duty manager's logged forecast",
            }
        ),
        Case(  # the answer was left at none, but what happens at done is a pilot beside control sites
            {
                "done.online_validation": "none",
                "done.when_met": "Pilot it on two depots for six weeks beside four control depots, then roll out.",
            }
        ),
        Case(  # the announcement names the pilot
            {
                "done.online_validation": None,
                "press_release.solution": "In a six-week pilot, half the clerks see the flags and half do not.",
            }
        ),
        Case(  # the primary metric is a blind audit of what the product did live
            {
                "done.online_validation": "none",
                "done.metrics[0].name": "Duplicates missed, in a blind audit of 300 invoices paid each week",
            }
        ),
    ),
    ask="is the launch judged live against units left without the model over the same weeks?",
)
def no_online_validation(plan: Plan) -> Evidence:
    """Success is judged live, but only an offline metric is planned.

    The product metric moves in production, yet the plan measures the model only offline: no A/B
    test, holdout or shadow run says whether the launch helped, or hurt.

    Mitigation: Plan the online check now: an A/B test or a holdout group on the product metric,
    or at least a shadow run compared with today's process, with guardrails. Where only a comparison
    with the months before launch is planned, keep some sites, days or users on today's process, or
    switch back and forth by day or site; at the least compare with the same weeks of other years and a
    control series the model does not touch.
    """
    done = plan.done
    if done.online_validation is OnlineValidation.before_after:
        return _before_after_chosen(plan)  # a batch run once and judged live is compared across periods too
    if runs_once(plan):
        return None  # a job run once: no live service to split, its own audit judges it
    uncontrolled = before_after_live(plan)  # judged live, but against another period
    if uncontrolled:
        return uncontrolled
    if _audits_live_outputs(plan):
        return None  # the primary metric is people checking a sample of what the product did, live
    if _live_trial_said(plan):
        return None  # what happens at done, or the announcement, is a live pilot, shadow run or A/B test
    if _one_off_decision(plan):
        return None  # a one-off planning decision: no holdout exists to split, a backtest judges it
    if done.online_validation is OnlineValidation.none:
        found = answer_is(plan, "done.online_validation", OnlineValidation.none)
    elif done.online_validation is not None or not done.metrics or not plan.product.success_metric:
        return None
    else:
        texts = [metric.name + " " + (metric.dataset or "") for metric in done.metrics] + [
            done.when_met or ""
        ]
        if any(mentions(text, JUDGED_LIVE) for text in texts):
            return None
        found = (
            quote(plan, "product.success_metric", "the goal is judged live"),
            quote(
                plan, "done.metrics[0].name", "an offline metric; no A/B test, holdout or shadow run planned"
            ),
        )
    delay = plan.constraints.data.label_delay
    if found and delay is not None and delay >= SLOW_OUTCOME_DAYS:
        # A live test would wait as long as the outcomes: a leading proxy or a backtest judges sooner.
        note = (
            f"outcomes take {fmt.number(delay)} days: judge the launch on a leading proxy, a backtest of past "
            "decisions and a shadow run, not on waiting for them"
        )
        return Tempered(1, (*found, quote(plan, "constraints.data.label_delay_days", note)))
    return found


# Words saying the decision is taken once (a one-off plan, a network redesign), or that no holdout can
# exist: there is nothing live to split into groups.
_ONE_OFF = Lexicon("""
    one-off decision, one-off decisions, one-off plan, one-off planning, a one-off, one-time decision
    one-time plan, decided once, taken once, made once, no holdout is possible, no holdout possible
    cannot hold out, can't hold out, no control group is possible, no control group possible
""")


def _one_off_decision(plan: Plan) -> bool:
    """Whether the decision, the goal or what happens at done says the decision is taken once, or that
    no holdout is possible: an A/B test has nothing to split."""
    paths = ("product.decision", "product.goal", "done.when_met", "product.success_metric")
    return any(isinstance(text := answer_at(plan, path), str) and _ONE_OFF.find(text) for path in paths)


def _before_after_chosen(plan: Plan) -> Evidence:
    """`done.online_validation: before_after`: the launch is judged against a period before it, with
    nobody kept on today's process; quiet where the answers also name a concurrent control series."""
    done = plan.done
    texts = [done.when_met, plan.product.success_metric] + [
        f"{metric.name} {metric.dataset or ''}" for metric in done.metrics
    ]
    if any(CONCURRENT_CONTROL.find(text) for text in texts):
        return None  # a control series over the same weeks sits beside the before-and-after
    if any(_audits_live(metric) for metric in done.metrics):
        return None  # a done metric audits what it did live: errors in its own outputs, no season moves them
    found = quote(
        plan,
        "done.online_validation",
        "compared with a period before launch, nobody kept on today's process: season, weather, demand, "
        "prices and novelty move the result too",
    )
    once = runs_once(plan)
    if once is None:
        return (found,)
    # A batch run once is judged live all the same: its items can be split, a random share held back.
    note = "a batch run once, judged live: hold back a random share of its items over the same weeks"
    return found, quote(plan, once[0], note)


# A live trial the plan names where it says what happens once the target is met, or in its announcement.
LIVE_TRIAL = Lexicon("""
    pilot, pilots, piloted, piloting, pilot run, field trial, field trials, live trial, live trials
    a/b test, a/b tests, ab test, ab tests, a/b-test, shadow run, shadow runs, shadow mode, in shadow
    canary, holdout group, holdout groups, hold-out group, control group, control groups, control sites
    control stores, control depots, control regions, randomised trial, randomized trial
""")


def _live_trial_said(plan: Plan) -> bool:
    """Whether `done.when_met` or the press release says the model is first tried live (a pilot on two
    sites, a shadow run): the online check is planned, though `done.online_validation` was left."""
    release = plan.press_release
    texts = [plan.done.when_met, release.solution, release.quote, release.call_to_action]
    texts += [entry.answer for entry in release.faq]
    return any(
        not_denied(LIVE_TRIAL.find_all(text), text, DENIED_AHEAD, DENIED_IN_CLAUSE) for text in texts if text
    )


def _audits_live_outputs(plan: Plan) -> bool:
    """Whether the primary done metric is an audit of the product's live outputs (a blind audit of a
    week's sent letters): the launch is judged on what it did, which is the online check."""
    return bool(plan.done.metrics) and _audits_live(plan.done.metrics[0])


def _audits_live(metric: Metric) -> bool:
    """Whether a done metric is an audit of the product's live outputs, by its name and data set."""
    text = f"{metric.name.rstrip('.;!?')}, on {metric.dataset}" if metric.dataset else metric.name
    return bool(in_one_sentence(text, AUDIT, LIVE_OUTPUTS))


# ---------------------------------------------------------------- adversaries, and metrics blind to the harm

_ADVERSARY_PATHS = (
    "title",
    "product.goal",
    "product.success_metric",
    "product.decision",
    "product.label",
    "product.current_solution",
)


def adversarial_words(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The first answer that names a domain where the positive class fights back (fraud, spam, abuse,
    bots), and the words it says; none where the output catches nobody (`catches_someone`)."""
    if not catches_someone(plan):
        return None
    for path in _ADVERSARY_PATHS:
        text = answer_at(plan, path)
        words = ADVERSARIAL.find_all(text) if isinstance(text, str) else ()
        if words:
            return path, words
    return None


def adversarial_quote(plan: Plan, note: bool = True) -> str | None:
    """That answer quoted, with the words that name the adversary."""
    found = adversarial_words(plan)
    if found is None:
        return None
    path, words = found
    return quote(
        plan, path, f"{', '.join(words)}: the other side adapts to what the model stops" if note else ""
    )


@rule(
    "adversaries-adapt",
    Category.operations,
    likelihood=3,
    impact=4,
    move=Move(
        "Plan for adversaries who adapt: monitor what the model catches, retrain on a trigger",
        "Fraudsters, spammers and bots probe whatever is blocked, so performance decays fast and silently "
        "(caught cases drop while the flag rate looks stable); watch the flag rate, the caught rate and "
        "the score distribution with thresholds, and retrain within days when they move, not monthly",
        "warning",
    ),
    ask="will people adapt to the model to get past it, with nothing watching for it?",
    fires=(
        Case(
            {
                "product.goal": "Stop fraudsters from being paid twice.",
                "constraints.retraining.trigger": None,
            },
            evidence=(
                'product.goal: "Stop fraudsters from being paid twice." (fraudsters: the other side adapts '
                "to what the model stops)",
                "constraints.retraining.trigger: not answered (what makes you retrain early?)",
                'constraints.retraining.cadence: "monthly" (every 30 days, while adversaries adapt within '
                "days: retrain faster)",
            ),
        ),
        Case(  # a quarterly loop, and a monitor that alerts on nothing
            {
                "product.goal": "Ban players who cheat in ranked matches.",
                "constraints.retraining.cadence": "quarterly",
                "after_launch.monitoring": [{"signal": "Bans per week, in the monthly report"}],
            },
            evidence=(
                'product.goal: "Ban players who cheat in ranked matches." (cheat: the other side adapts to '
                "what the model stops)",
                'after_launch.monitoring[0].signal: "Bans per week, in the monthly report" (no threshold: '
                "nothing alerts on drift)",
                'constraints.retraining.cadence: "quarterly" (every 91 days, while adversaries adapt within '
                "days: retrain faster)",
            ),
        ),
        Case(  # a prompted model that still quarantines what it flags: the other side learns to get past it
            {
                "product.task": "generation",
                "product.goal": "Keep phishing e-mails out of staff inboxes.",
                "product.decision": "Quarantine each e-mail the model flags as phishing.",
                "product.output": "A verdict and a reason for each e-mail.",
                "constraints.retraining.trigger": None,
            },
            evidence=(
                'product.goal: "Keep phishing e-mails out of staff inboxes." (phishing: the other side adapts '
                "to what the model stops)",
                "constraints.retraining.trigger: not answered (what makes you retrain early?)",
                'constraints.retraining.cadence: "monthly" (every 30 days, while adversaries adapt within '
                "days: retrain faster)",
            ),
            also=frozenset({"generated-facts-unchecked"}),
        ),
    ),
    quiet=(
        Case({"product.goal": "Stop fraudsters from being paid twice."}),  # monitored, with a trigger
        Case(  # the intrusion of a crushed structure, in millimetres: no attacker
            {"product.goal": "Predict the cabin intrusion in millimetres of each bumper design."}
        ),
        Case(  # a weekly loop
            {
                "product.goal": "Ban players who cheat in ranked matches.",
                "constraints.retraining.cadence": "weekly",
                "after_launch.monitoring": [{"signal": "Bans per week, in the monthly report"}],
            }
        ),
        Case(  # an adversary word where the model drafts letters: nobody games a letter drafter
            {
                "product.task": "generation",
                "product.goal": "Draft letters to bereaved customers faster, without chargebacks or complaints.",
                "product.decision": "The drafted letter, which a case handler edits and sends.",
                "product.output": "A draft letter for each case.",
                "constraints.retraining.trigger": None,
            }
        ),
        Case(  # a buyer's chargeback for faulty goods: a quality cost, nobody adapting to the model
            {
                "product.goal": "Cut the chargebacks buyers raise for defective hides.",
                "constraints.retraining.trigger": None,
            }
        ),
        Case(  # "bot" inside "bottom" and "bottles"
            {
                "product.goal": "Spot empty bottom shelves and misplaced bottles before the store opens.",
                "constraints.retraining.trigger": None,
            }
        ),
    ),
)
def adversaries_adapt(plan: Plan) -> Evidence:
    """Adversaries adapt, and nothing watches for it.

    In fraud, spam, abuse or bot detection the positive class fights back: after launch it probes
    what the model stops and moves around it, so caught cases fall while the flag rate looks stable.

    Mitigation: Monitor the flag rate, the caught rate (on a reviewed sample) and the score
    distribution, with thresholds; set a retraining trigger, and review a random sample of what
    passes.
    """
    where, said_by = adversarial_quote(plan), adversarial_words(plan)
    if where is None or said_by is None:
        return None
    found = [where]
    monitors = plan.after_launch.monitoring
    said = said_none_quote(plan, "after_launch.monitoring")
    if said:
        found.append(said)
    elif not monitors:
        found.append("after_launch.monitoring: not answered (what shows that caught cases are dropping?)")
    elif all(says_nothing(monitor.signal) for monitor in monitors):
        found.append(quote(plan, "after_launch.monitoring[0].signal"))
    trigger = plan.constraints.retraining.trigger
    if trigger is None or says_nothing(trigger):
        found.append(
            "constraints.retraining.trigger: "
            + (show(trigger) if trigger else "not answered")
            + " (what makes you retrain early?)"
        )
    slow = _slow_loop(plan)
    if slow and len(found) == 1 and not any(_alerts(monitor) for monitor in monitors):
        found.append(
            quote(plan, "after_launch.monitoring[0].signal", "no threshold: nothing alerts on drift")
        )
    if len(found) == 1:
        return None
    return Hint(said_by[1], (*found, slow) if slow else found)


def _slow_loop(plan: Plan) -> str | None:
    """A retraining cadence of a month or more, or none: adversaries adapt within days."""
    cadence = plan.constraints.retraining.cadence
    if cadence is None or (cadence.days is not None and cadence.days < SLOW_LOOP_DAYS):
        return None
    every = "never retrained" if cadence.days is None else f"every {cadence.days:g} days"
    return quote(
        plan,
        "constraints.retraining.cadence",
        f"{every}, while adversaries adapt within days: retrain faster",
    )


# A threshold answered as not chosen yet: `not set`, `thresholds not yet defined`, `to be agreed after the pilot`.
_UNSET = re.compile(
    r"^(?:(?:the\s+)?(?:alert\s+)?(?:thresholds?|levels?|limits?)\s+(?:are\s+|is\s+)?)?"
    r"(?:(?:not|none)\s+(?:yet\s+)?(?:set|defined|decided|agreed|chosen|fixed)|to\s+be\s+(?:set|defined|"
    r"decided|agreed|chosen|fixed)|tbd|tba|tbc)\b",
    re.IGNORECASE,
)


def _alerts(monitor: Monitor) -> bool:
    """A monitor that watches something and says when it alerts (a threshold "not set yet" says not)."""
    threshold = monitor.threshold or ""
    return (
        not says_nothing(monitor.signal)
        and bool(threshold)
        and not says_nothing(threshold)
        and not _UNSET.match(threshold.strip())
    )


@rule(
    "metric-blind-to-harm",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Build an expert-checked evaluation set that counts the errors that hurt",
        "Word overlap rewards fluent paraphrase and barely moves for one omitted or invented fact; have "
        "experts write down, per case, what must appear and what must not, and measure omissions and "
        "fabrications on a few hundred cases",
        "warning",
        first=True,
    ),
    ask="does the done metric miss the error that hurts?",
    fires=(
        Case(
            {
                "product.task": "generation",
                "done.metrics[0].name": "ROUGE-L against past summaries",
                "impact.error_severity": "serious",
                "done.worst_error_metric": None,
            },
            evidence=(
                'done.metrics[0].name: "ROUGE-L against past summaries" (word overlap: rouge-l; it does '
                "not count the error that hurts)",
                'impact.error_severity: "serious"',
                'impact.error_harm: "A missed duplicate is paid twice and recovered from the supplier we..."',
            ),
            also=frozenset({"anchoring-on-proposal"}),
        ),
        Case(  # the team names the sign-off share as counting the worst error: it cannot see a wrong figure
            {
                "product.task": "generation",
                "done.metrics[0].name": "Share of drafts signed as is",
                "impact.error_severity": "serious",
                "done.worst_error_metric": "The sign-off: a draft with a wrong dose would not be signed",
            },
            evidence=(
                'done.metrics[0].name: "Share of drafts signed as is" (signed as is: overlap or acceptance; a '
                "wrong figure scores nearly as well)",
                'done.worst_error_metric: "The sign-off: a draft with a wrong dose would not be signed" (no done '
                "metric checks the figures that matter (rates, doses, dates) against the record)",
                'impact.error_severity: "serious"',
            ),
        ),
    ),
    quiet=(
        Case(  # the metric the team names counts the wrong figures against the record
            {
                "product.task": "generation",
                "done.metrics[0].name": "Wrong doses or dates per 100 drafts, checked against the record",
                "impact.error_severity": "serious",
                "done.worst_error_metric": "Wrong doses or dates per 100 drafts, checked against the record",
            }
        ),
        Case(
            {
                "product.task": "generation",
                "done.metrics[0].name": "ROUGE-L against past summaries",
                "impact.error_severity": "minor",
            }
        ),
        Case(
            {
                "product.task": "generation",
                "done.metrics[0].name": "Clauses omitted or invented per summary, checked by a lawyer",
                "impact.error_severity": "serious",
            }
        ),
    ),
)
def metric_blind_to_harm(plan: Plan) -> Evidence:
    """The done metric does not measure the error that hurts.

    Where errors are serious, a metric of word overlap (ROUGE, BLEU) or one that never looks at the
    harmful error rewards fluent output and barely moves when a fact is left out or invented: the
    model can reach its target and still do the harm.

    Mitigation: Add a done metric that counts the harmful error (omissions, fabrications, missed
    cases) on an evaluation set checked by experts, and keep overlap scores as a secondary signal.
    """
    impact = plan.impact
    serious = serious_harm(plan)
    if not plan.done.metrics or not serious:
        return None
    texts = [metric.name + ". " + (metric.dataset or "") for metric in plan.done.metrics]
    overlap = mentions(texts[0], WORD_OVERLAP)
    if any(mentions(text, SEES_HARM) for text in texts):
        return None
    if plan.done.worst_error_metric is not None:  # weighed by worst-error-uncounted, unless only a claim
        return _claimed_by_overlap(plan, texts)
    if overlap is None and plan.product.task is not TaskType.generation:
        return None
    note = f"word overlap: {overlap}; " if overlap else ""
    found = [
        quote(plan, "done.metrics[0].name", f"{note}it does not count the error that hurts"),
        severity_quote(plan),
    ]
    if impact.error_harm:
        found.append(quote(plan, "impact.error_harm"))
    if overlap and plan.product.task is not TaskType.generation:  # only the metric's name says so
        return Hint((overlap,), found)
    return tuple(found)


def _claimed_by_overlap(plan: Plan, texts: list[str]) -> Evidence:
    """A writing model whose done metrics are overlap or acceptance measures and nothing that counts an
    error, while the team names one of them as counting the worst error: a wrong rate, dose or date scores
    nearly as well as the right one, and people signing drafts pass what they did not notice."""
    if plan.product.task is not TaskType.generation or says_nothing(plan.done.worst_error_metric):
        return None
    found = [
        quote(
            plan,
            f"done.metrics[{at}].name",
            f"{word}: overlap or acceptance; a wrong figure scores nearly as well",
        )
        for at, text in enumerate(texts)
        if (
            word := mentions(text, WORD_OVERLAP)
            or mentions(text, MODEL_USE_METRIC)
            or mentions(text, SIGNED_AS_IS)
        )
    ]
    if not found:
        return None
    claim = "no done metric checks the figures that matter (rates, doses, dates) against the record"
    return (*found, quote(plan, "done.worst_error_metric", claim), severity_quote(plan))


def _gives_money(action_cost: str | None) -> tuple[str, ...]:
    """What `impact.action_cost` says each action gives away in money (a discount, a voucher, a refund),
    unless denied (`nothing is given away`, `no discount`). Staff time is a cost, not money given away."""
    if not action_cost:
        return ()
    return not_denied(GIVES_MONEY.find_all(action_cost), action_cost, GIVES_NOTHING_AHEAD, Lexicon(""))


@rule(
    "objective-blind-to-cost",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Judge the prices or discounts it sets by margin, not by volume won",
        "Revenue, sell-through or acceptance rise with every deeper discount or bigger giveaway, also "
        "when each sale loses money; make margin (or profit net of the discount) the done metric, and "
        "keep volume as a second one",
        "warning",
    ),
    ask="does the metric count what each price, discount or giveaway costs?",
    fires=(
        Case(
            {
                "product.decision": "The model sets the discount on each slow-moving item every morning.",
                "done.metrics[0].name": "Sell-through of slow-moving stock within 30 days",
            },
            evidence=(
                'product.decision: "The model sets the discount on each slow-moving item every morning." (its '
                "output sets what customers pay or get: discount)",
                'done.metrics[0].name: "Sell-through of slow-moving stock within 30 days" (sell-through can '
                "rise while each sale loses money; no metric counts margin or profit)",
            ),
            also=frozenset({"scored-unit-differs"}),
        ),
        Case(  # the team said each action gives money away: a fact, whatever the decision's words
            {
                "impact.action_cost": "A 15% discount code on the next order for each customer we contact.",
                "done.metrics[0].name": "Customers retained after 90 days",
            },
            evidence=(
                'impact.action_cost: "A 15% discount code on the next order for each customer we contact." '
                "(each action gives money away: discount)",
                'done.metrics[0].name: "Customers retained after 90 days" (no done metric or success metric '
                "counts money net of it: the objective can rise while money is lost)",
            ),
        ),
    ),
    quiet=(
        Case(  # each action costs a clerk's minutes: staff time, no money given away
            {
                "impact.action_cost": "Two minutes of a clerk's check per held invoice; no refund or credit is "
                "given.",
                "done.metrics[0].name": "Invoices held a month",
            }
        ),
        Case(  # a voucher each, and the success metric counts the money net of it
            {
                "impact.action_cost": "A 10 EUR voucher for each customer called.",
                "product.success_metric": "Margin kept per customer, net of vouchers.",
            }
        ),
        Case(  # margin is counted too
            {
                "product.decision": "The model sets the discount on each slow-moving item every morning.",
                "done.metrics": [
                    {"name": "Sell-through of slow-moving stock within 30 days", "target": 0.8},
                    {"name": "Gross margin per item after discounts", "target": 0.2},
                ],
            }
        ),
        Case(  # the model sets no price: volume is the goal
            {
                "product.decision": "Buyers reorder slow-moving items the model ranks first.",
                "done.metrics[0].name": "Sell-through of slow-moving stock within 30 days",
            }
        ),
    ),
)
def objective_blind_to_cost(plan: Plan) -> Evidence:
    """The model sets prices or discounts, and its metric counts volume won, not money made.

    Revenue, sell-through, conversion or acceptance rise with a deeper discount or a bigger giveaway,
    whatever each one costs: a model tuned to them learns to give margin away, and meets its target
    while the business loses money on every extra sale. Where the team says what each action gives away (`impact.action_cost`: a discount, a voucher, a
    refund, credit), that is a fact: any objective that does not count it can rise while money is lost.
    Staff time per action is a cost, but not money handed to the customer.

    Mitigation: Make the done metric margin or profit net of the discount (or the volume won at a fixed
    cost per unit), keep revenue or sell-through as a second metric, and cap the discount the model
    may set until a controlled trial has measured what it earns.
    """
    metrics = plan.done.metrics
    if not metrics:
        return None
    texts = [metric.name for metric in metrics] + [plan.product.success_metric or ""]
    if any(NET_OF_COST.find(text) for text in texts):
        return None
    given = _gives_money(plan.impact.action_cost)
    if given:  # the team said what each action gives away: a fact
        return (
            quote(plan, "impact.action_cost", f"each action gives money away: {', '.join(given)}"),
            quote(
                plan,
                "done.metrics[0].name",
                "no done metric or success metric counts money net of it: the objective can rise while "
                "money is lost",
            ),
        )
    lever = next(
        (
            (path, found)
            for path in ("product.decision", "product.output")
            if (found := mentions(answer_at(plan, path), SETS_PRICE))
        ),
        None,
    )
    won = next(
        ((index, found) for index, metric in enumerate(metrics) if (found := GROSS_WON.find(metric.name))),
        None,
    )
    if lever is None or won is None:
        return None
    (path, price), (index, gross) = lever, won
    return Hint(
        (price, gross),
        (
            quote(plan, path, f"its output sets what customers pay or get: {price}"),
            quote(
                plan,
                f"done.metrics[{index}].name",
                f"{gross} can rise while each sale loses money; no metric counts margin or profit",
            ),
        ),
    )
