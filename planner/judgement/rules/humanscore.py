"""People's score read on the done metric's own scale and direction, or not at all where they differ.

`by_hand.human_score` is asked as a score (0.92), but a team whose natural measure is an error types that
(a MAPE of 6.1, a median count difference of 2.8%): lower is better then, and a percent typed as 6.1
sits on another scale than a target of 0.08. Comparisons with the target read it here first; where
the plan does not say people were scored as the primary metric is (top-5 against a top-1), they ask.
"""

from __future__ import annotations

import re

from planner.judgement.rules.words import Lexicon
from planner.plan.model import Direction, Metric, Plan

# Words saying people's figure is an error or a difference, where lower is better.
AN_ERROR = Lexicon("""
    mae, mse, rmse, rmsle, mape, smape, wape, wmape, mase
    mean absolute error, mean squared error, root mean squared error, root mean square error
    mean absolute percentage error, mean error, average error, median error, median absolute error
    absolute error, percentage error, percent error, error rate, their error, our error
    median difference, mean difference, average difference, absolute difference, count difference
    percentage difference, percent difference, median deviation, mean deviation, average deviation
    off by, lower is better, lower-is-better, the lower the better
""")
# A figure written as a percent in the notes (`6.1%`, `6.1 percent`).
_PERCENT = re.compile(r"\d\s?%|\d\s+(?:percent|per cent)\b", re.IGNORECASE)


def human_error_words(plan: Plan) -> tuple[str, ...]:
    """The words in the notes on people's score that say it is an error (lower is better), if any."""
    return AN_ERROR.find_all(plan.by_hand.human_score_notes)


def human_against(plan: Plan, metric: Metric) -> float | None:
    """People's score on `metric`'s scale, for comparing with its target; None where it cannot be: an
    error (lower is better) against a score where higher is better, or a percent against a share with
    nothing saying it is one (6.1 against 0.08 reads as 6.1% where the notes or the metric say percent)."""
    human, goal = plan.by_hand.human_figure, metric.goal()
    if human is None or plan.by_hand.human_score_same_measure is False:
        return None  # the team says people were scored another way: no comparison
    higher = metric.direction is Direction.higher_is_better
    if higher and human_error_words(plan) and not AN_ERROR.find(metric.name):
        return None  # people's error against a score where higher is better: not the same measure
    if goal is None or (goal <= 1) == (human <= 1):
        return human
    said = f"{plan.by_hand.human_score_notes or ''} {metric.name}"
    if goal <= 1 < human <= 100 and (_PERCENT.search(said) or AN_ERROR.find(said)):
        return human / 100  # a percent typed as 6.1 against a share of 0.08
    return None  # another scale: no comparison


# Asked beside a comparison where the plan does not say people were scored as the primary metric is.
SAME_MEASURE = "is the human score on the same measure as the target (the same metric, cut and cases)?"


def same_measure_said(plan: Plan) -> bool:
    """Whether the plan says people's score was measured as the primary done metric is."""
    return plan.by_hand.human_score_same_measure is True
