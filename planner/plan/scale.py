"""Whether a done metric is a share (a recall, an error rate: 0 to 1), from what the plan says of it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planner.core import formatting

if TYPE_CHECKING:  # the model reads shares through this module
    from planner.plan.model import Plan

# Metrics whose value is a share of cases, of items or of time, or a score that stops at 1 (AUC, a
# correlation, a Brier score), by their name: 0 to 1 (0% to 100%).
# Whole words; `rate` is one where it counts cases (an error rate, a churn rate), not a pace or a price.
_SHARE_NAMES = re.compile(
    r"\b(?:accuracy|accurate|precision|recall|sensitivity|specificity|f1|f1-score|f-score|f-measure|"
    r"auc|auroc|auprc|roc-auc|pr-auc|average precision|hit ratio|rate|share|proportion|fraction|"
    r"percentage|percent|coverage|agreement|ctr|ndcg|mrr|map|iou|dice|jaccard|top-[0-9]+|correct|correctly|"
    r"retention|retained|churn|conversion|sell-through|brier|gini|correlation|concordance|c-index|"
    r"(?:precision|recall|ndcg|map|hit)@[0-9]+)(?![\w-])"
    r"|%",
    re.IGNORECASE,
)
# Errors in a metric's units, by their short names: no share (beside "rate"), and lower is better.
_ERROR_NAMES = r"mape|smape|wape|mae|mse|rmse|rmsle|mad"
# Names that say the metric is no share even beside those words: errors and losses in units, ratios
# without a ceiling, paces and prices called rates.
_NOT_SHARES = re.compile(
    rf"\b(?:{_ERROR_NAMES}|percentage error|percent error|sharpe|sortino|"
    r"loss|log-loss|logloss|perplexity|heart rate|frame rate|learning rate|bit rate|bitrate|exchange rate|"
    r"interest rate|arrival rate|growth rate|rate per|per hour|per day|per minute|per second|per thousand|"
    r"per 1,?000|per 100,?000)(?![\w-])",
    re.IGNORECASE,
)


# Names that say lower is better: errors, losses and delays (`MAE in months`, `error rate`, `p95 latency`);
# a higher-is-better head named first (`recall at 1% false positive rate`) keeps its own direction.
_LOWER_NAMES = re.compile(
    rf"\b(?:{_ERROR_NAMES}|error|errors|loss|log-loss|logloss|perplexity|latency|"
    r"delay|delays|lateness|brier|false positive rate|false negative rate|fpr|fnr|miss rate)(?![\w-])",
    re.IGNORECASE,
)
_HIGHER_NAMES = re.compile(
    r"\b(?:accuracy|precision|recall|sensitivity|specificity|f1|auc|auroc|auprc|ndcg|mrr|map|hit|hits|"
    r"coverage|agreement|correct|correctly|r2|r-squared|savings|saved|uplift|revenue|profit)(?![\w-])",
    re.IGNORECASE,
)


def named_lower(name: str) -> bool:
    """Whether a metric's name says lower is better (an error, a loss, a delay), with no higher-is-better
    measure named before it: `MAE in months`, `error rate`, not `recall at 1% false positive rate`."""
    lower = _LOWER_NAMES.search(name)
    if lower is None:
        return False
    higher = _HIGHER_NAMES.search(name)
    return higher is None or lower.start() < higher.start()


def named_share(name: str) -> bool:
    """Whether a metric's name says it is a share (`recall at 1% FPR`, `error rate`, `on-time %`), not a
    measure in units (`RMSE`, `Sharpe ratio`, `MAPE`), whatever the size of its figures."""
    return bool(_SHARE_NAMES.search(name)) and not _NOT_SHARES.search(name)


def is_share(name: str, figure: float | None) -> bool:
    """Whether a metric is a share written as a fraction: named one, with today's figure within 0 and 1
    (a recall of 40 is in points, and its margins are points too)."""
    return named_share(name) and figure is not None and 0 <= figure <= 1


def two_readings(raw: str, percent: float, base: float, direction: str | None) -> str | None:
    """Why `+5%` on a share of 0.4 is asked again: 5 points (0.45) or 5% of today's (0.42)? With both
    targets to type. None where only the share of today's is a share at all (`20% lower` than 0.1)."""
    signs = {"higher": (1,), "lower": (-1,)}.get(direction or "", (1, -1))
    points = [base + sign * percent for sign in signs]
    if not all(0 <= goal <= 1 for goal in points):
        return None
    said = formatting.number(percent * 100)
    if len(signs) == 1:
        ways = (
            f"type {formatting.number(points[0])} for {said} points {direction}, or "
            f"{formatting.number(base * (1 + signs[0] * percent))} for {said}% of today's"
        )
    else:
        ways = f"type '{said} points better', or the target itself ({said}% of today's is "
        ways += f"{formatting.number(base * (1 + percent))} higher, {formatting.number(base * (1 - percent))} lower)"
    return f"'{raw.strip()}' on a share of {formatting.number(base)}: {said} points or {said}% of today's? {ways}"


def score_off_share(name: str, figures: list[float | None], score: float) -> str | None:
    """Why a score set beside a metric cannot be one of its values (a person's 1.2, read from `120%`, on a
    recall of 0.4), with the fix; None where it can. The metric is a share where its name says so and its
    figures are fractions."""
    known = [figure for figure in figures if figure is not None]
    if not known or not all(is_share(name, figure) for figure in known) or 0 <= score <= 1:
        return None
    return (
        f"{formatting.number(score)} ({formatting.number(score * 100)}%) is no value of '{name}', a share "
        f"(0 to 1, as its {formatting.number(known[0])} is); write the share people reach, such as 0.92 or "
        "92%, or fix the metric's figures if it is no share"
    )


def human_score_problem(plan: Plan) -> str | None:
    """A person's score that the primary done metric cannot take (`human_score: 120%` on a recall of 0.4),
    and the fix; None where it can, or where no metric is known yet (the interview asks by_hand first)."""
    score, metrics = plan.by_hand.human_figure, plan.done.metrics
    if score is None or not metrics:
        return None
    primary = metrics[0]
    problem = score_off_share(primary.name, [primary.baseline_figure, primary.target], score)
    return problem
