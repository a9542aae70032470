"""Rules on a target finer than the test can show.

A rate near 100% (precision 99.5%, an escape rate of 0.5%) is shown only by many cases of what the rate
counts: with no error at all among n cases, the 95% upper bound of the error rate is about 3/n (the
"rule of three"), so showing an error rate of e needs at least 3/e cases, and more with any error.
A precision counts the flagged cases, a recall the true ones: on a test of 2,000 with 5% positives,
about 100 of them, enough to show 97% at best.
"""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.enriched import enriched
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, Metric, Plan

TIGHT = 0.02  # an error rate at or below this (a target of 98% or more) is where the count decides
THREE = 3.0  # with no error in n cases, the 95% upper bound of the error rate is about 3/n

# What a rate near 100% counts: the flagged cases (precision), the true ones (recall), every case.
_OVER_FLAGGED = Lexicon("precision, positive predictive value, ppv, false discovery rate")
_OVER_TRUE = Lexicon(
    "recall, sensitivity, true positive rate, detection rate, miss rate, false negative rate"
)
_OVER_ALL = Lexicon("""
    accuracy, error rate, errors, escape rate, escapes, wrong, correct, right, pass rate, defect rate
    failure rate, specificity, false positive rate, false alarm rate, agreement
""")
# Words saying the figure is re-weighted from a sample that over-represents the rare class.
_REWEIGHTED = Lexicon("reweighted, re-weighted, weighted, stratified, population-weighted, inverse-weighted")
# The cases an audit checks each period, in the metric's own name: `the monthly audit of 50 random merges`.
_AUDITED = re.compile(r"\b(?:of|on)\s+(\d{1,3}(?:,\d{3})*|\d+)\s+(?:random|randomly|sampled)?", re.IGNORECASE)
_MONTHLY = Lexicon("per month, a month, each month, every month, monthly")
# A metric read from live cases over weeks (an audit each month), not from the test set.
_LIVE = Lexicon("""
    audit, audits, audited, live, in production, per month, a month, each month, every month, monthly
    per week, a week, each week, every week, weekly, per quarter, quarterly, spot check, spot checks
""")


def _error_share(metric: Metric) -> float | None:
    """The error rate a target allows: 1 - target for a rate to raise, the target for one to lower."""
    goal = metric.goal()
    if goal is None or not 0 < goal < 1:
        return None
    error = 1 - goal if metric.direction is Direction.higher_is_better else goal
    return error if error <= TIGHT else None


def _cases(plan: Plan, metric: Metric, needed: int) -> tuple[float, str] | None:
    """How many test cases the metric counts, and what they are: flagged or true cases where it is a
    precision or a recall (the positives' share of the test), every case otherwise."""
    size = plan.done.test_size
    if not size:
        return None
    share = plan.done.eval_share
    if share is None and not (enriched(plan) or _REWEIGHTED.find(metric.name)):
        share = plan.constraints.data.rare_share  # drawn at random: the field's share
    if _OVER_FLAGGED.find(metric.name) or _OVER_TRUE.find(metric.name):
        what = "flagged" if _OVER_FLAGGED.find(metric.name) else "true"
        if size < needed:
            return float(size), f"the test's {fmt.count(size)} cases, even were every one of them {what}"
        if share is None or share >= 0.5:
            return None  # what share is positive is not said (or the set was enriched): the count is unknown
        cases = size * share
        return cases, (
            f"about {fmt.count(cases)} {what} cases of the test's {fmt.count(size)}, where the rarer class "
            f"({fmt.share(share)}) is the one it {'flags' if what == 'flagged' else 'finds'}"
        )
    if _OVER_ALL.find(metric.name):
        return float(size), f"{fmt.count(size)} test cases"
    return None


@rule(
    "target-finer-than-the-test",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Size the test to the target: at least 3 / (1 - target) cases of what the metric counts",
        "A rate near 100% is shown only by many cases: with no error at all among n of them, the 95% upper "
        "bound of the error rate is 3/n; count the cases the target needs, grow (or enrich and re-weight) "
        "the test, and report the bound, not the point figure",
        "warning",
    ),
    fires=(
        Case(
            {
                "done.metrics": [
                    {"name": "Precision of auto-approved claims", "baseline": 0.97, "target": 0.995},
                ],
                "done.test_size": 2000,
                "done.eval_rare_share": 0.05,
                "constraints.data.rarest_class_share": 0.05,
            },
            evidence=(
                'done.metrics[0].name: "Precision of auto-approved claims" (a target of 0.995 on about 100 '
                "flagged cases of the test's 2,000, where the rarer class (5%) is the one it flags: with no "
                "error at all, 100 cases show 97% at best (95% confidence, 3/100); 0.995 needs at least 600)",
            ),
        ),
        Case(  # an audit of 50 a month against a 1% error rate: six months before it can show it
            {
                "done.metrics": [
                    {
                        "name": "Wrong merges in the monthly audit of 50 random merges",
                        "baseline": 0.03,
                        "target": 0.01,
                        "direction": "lower",
                    }
                ],
            },
            evidence=(
                'done.metrics[0].name: "Wrong merges in the monthly audit of 50 random merges" (an error rate '
                "of 0.01 read from 50 cases a month: with no error at all it takes 300 cases, 6 months of "
                "audits, before the 95% bound reaches it (3/n); a month's audit cannot tell it from several "
                "times worse)",
            ),
        ),
        Case(  # an escape rate to keep low, over every case of a test too small for it
            {
                "done.metrics": [
                    {
                        "name": "Escape rate of bad joints",
                        "baseline": 0.01,
                        "target": 0.001,
                        "direction": "lower",
                    },
                ],
                "done.test_size": 1500,
            },
        ),
    ),
    quiet=(
        Case(  # enough flagged cases: 20,000 x 5% = 1,000, over the 600 that 99.5% needs
            {
                "done.metrics": [
                    {"name": "Precision of auto-approved claims", "baseline": 0.97, "target": 0.995}
                ],
                "done.test_size": 20000,
                "done.eval_rare_share": 0.05,
                "constraints.data.rarest_class_share": 0.05,
            }
        ),
        Case(  # a target of 90%: the test's count is not what decides it
            {
                "done.metrics": [
                    {"name": "Precision of auto-approved claims", "baseline": 0.8, "target": 0.9}
                ],
                "done.test_size": 2000,
                "done.eval_rare_share": 0.05,
                "constraints.data.rarest_class_share": 0.05,
            }
        ),
        Case(  # read from a live audit every month: its count grows with the months, not the test
            {
                "done.metrics": [
                    {
                        "name": "Error rate in the monthly audit",
                        "baseline": 0.02,
                        "target": 0.005,
                        "direction": "lower",
                    }
                ],
                "done.test_size": 800,
            }
        ),
    ),
)
def target_finer_than_the_test(plan: Plan) -> Evidence:
    """A target near 100% the test set is too small to show.

    With no error at all among n cases, the 95% upper bound of the error rate is about 3/n: a precision
    of 99.5% needs at least 600 flagged cases without a single false one, and more with any. A test that
    holds fewer cannot tell the target from a model several times worse; a 'met' on it is luck.

    Mitigation: Count the cases the target needs (3 / (1 - target) of what the metric counts, more with
    errors); grow the test, or enrich it with the rare class and re-weight; report the 95% bound, and set
    the target on the bound.
    """
    for index, metric in enumerate(plan.done.metrics):
        error = _error_share(metric)
        if error is not None and _LIVE.find(metric.name):
            audit = _audit(plan, index, metric, error)
            if audit:
                return audit
            continue
        if error is None:
            continue
        needed = math.ceil(THREE / error)
        counted = _cases(plan, metric, needed)
        if counted is None:
            continue
        cases, what = counted
        if cases >= needed:
            continue
        goal = metric.goal()
        best = 1 - THREE / cases if cases > THREE else 0.0
        shown = (
            fmt.share(best) if metric.direction is Direction.higher_is_better else fmt.share(THREE / cases)
        )
        note = (
            f"a target of {fmt.number(goal)} on {what}: with no error at all, {fmt.count(cases)} cases show "
            f"{shown} at best (95% confidence, 3/{fmt.count(cases)}); {fmt.number(goal)} needs at least "
            f"{fmt.count(needed)}"
        )
        return (quote(plan, f"done.metrics[{index}].name", note),)
    return None


def _audit(plan: Plan, index: int, metric: Metric, error: float) -> Evidence:
    """A live audit of n cases a month against an error rate of `error`: the months it takes, with no
    error at all, before the audit can show it (3 / error cases)."""
    found = _AUDITED.search(metric.name)
    if not found or not _MONTHLY.find(metric.name):
        return None
    per_month = int(found.group(1).replace(",", ""))
    needed = math.ceil(THREE / error)
    if per_month <= 0 or per_month * 3 >= needed:
        return None  # a quarter of audits shows it: slow, not blind
    months = math.ceil(needed / per_month)
    note = (
        f"an error rate of {fmt.number(metric.goal())} read from {per_month} cases a month: with no error at "
        f"all it takes {fmt.count(needed)} cases, {months} months of audits, before the 95% bound reaches it "
        "(3/n); a month's audit cannot tell it from several times worse"
    )
    return (quote(plan, f"done.metrics[{index}].name", note),)
