"""Rules on a target finer than the test can show: a rate near 100%, or a rate too close to today's.

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
from planner.judgement.rules.base import CATALOGUE, Case, Evidence, Move, Tempered, rule
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
# A rate of cases won, hit or converted: the share of cases where something happened.
_RATE_OF_CASES = Lexicon("""
    win rate, hit rate, success rate, conversion rate, acceptance rate, response rate, uptake, take-up
    share of, proportion of, percentage of, rate of
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
        what = _counts(metric.name)
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


def _counts(name: str) -> str:
    """What a precision or a recall counts, by the word that names it first: `Recall at 95% precision`
    counts the true cases, `Precision at 80% recall` the flagged ones."""
    lowered = name.lower()
    flagged, true = _OVER_FLAGGED.find(name), _OVER_TRUE.find(name)
    if flagged and true:
        return "flagged" if lowered.find(flagged) < lowered.find(true) else "true"
    return "flagged" if flagged else "true"


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


def _audits(months: int) -> str:
    """`14 months of audits`; past a century, said as such."""
    said = fmt.duration(months, "month")
    return f"{said.removeprefix('about ')} of audits"


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
        f"all it takes {fmt.count(needed)} cases, {_audits(months)}, before the 95% bound reaches it "
        "(3/n); a month's audit cannot tell it from several times worse"
    )
    return (quote(plan, f"done.metrics[{index}].name", note),)


Z_SIDES = 1.96  # two-sided 95%
Z_POWER = 0.8416  # 80% power


def cases_to_tell(today: float, goal: float) -> tuple[int, int]:
    """Cases needed to tell a rate of `goal` from today's `today` (normal approximation, 95% two-sided,
    80% power): taking today's rate as known exactly, and with both rates measured on their own arm."""
    gap = (goal - today) ** 2
    one = (Z_SIDES * math.sqrt(today * (1 - today)) + Z_POWER * math.sqrt(goal * (1 - goal))) ** 2 / gap
    mean = (today + goal) / 2
    two = (
        Z_SIDES * math.sqrt(2 * mean * (1 - mean))
        + Z_POWER * math.sqrt(today * (1 - today) + goal * (1 - goal))
    ) ** 2 / gap
    return math.ceil(one), math.ceil(two)


@rule(
    "rates-too-close-for-the-test",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Count the cases it takes to tell the target from today's rate",
        "A rate measured on a few dozen cases moves by ten points from luck alone: work out the cases the "
        "gap between today's rate and the target needs (normal approximation, 95% and 80% power), and grow "
        "the test or the trial to them, or aim at a gap it can show",
        "warning",
    ),
    fires=(
        Case(  # 50 cases cannot tell 22% from 30%
            {
                "done.metrics": [{"name": "Win rate of the quotes sent", "baseline": 0.22, "target": 0.26}],
                "done.test_size": 600,
                "constraints.data.rarest_class_share": None,
                "done.eval_rare_share": None,
            },
        ),
    ),
    quiet=(
        Case(  # enough cases for the gap
            {
                "done.metrics": [{"name": "Win rate of the quotes sent", "baseline": 0.22, "target": 0.3}],
                "done.test_size": 1000,
            }
        ),
        Case(  # WAPE is no rate of cases
            {
                "done.metrics": [{"name": "WAPE of weekly sales", "baseline": 0.4, "target": 0.3}],
                "done.test_size": 50,
            }
        ),
    ),
)
def rates_too_close_for_the_test(plan: Plan) -> Evidence:
    """The test is too small to tell the target rate from today's.

    A rate read from n cases wanders by about the square root of p(1-p)/n: on 50 cases, a win rate of 22%
    reads anywhere from about 10% to 34%. A gap of a few points between today's rate and the target then
    shows or hides by luck, and a 'met' or 'missed' on it decides nothing.

    Mitigation: Work out the cases the gap needs (normal approximation: (1.96 sqrt(p0 q0) + 0.84 sqrt(p1
    q1))^2 / (p1 - p0)^2 taking today's rate as known, about twice that a side where both are measured);
    grow the test or the trial to it, pool weeks, or aim at a gap the cases can show.
    """
    if CATALOGUE["small-test-set"].check(plan):
        return None  # the test is small on any count: small-test-set says so, with this arithmetic
    gap = rate_gap(plan)
    if gap is None:
        return None
    note, far = gap
    return Tempered(5, (note,)) if far else (note,)


def rate_gap(plan: Plan) -> tuple[str, bool] | None:
    """Where a done metric is a rate of cases and the test holds too few to tell its target from today's
    rate: the evidence, with the arithmetic, and whether the test holds under a quarter of what it needs."""
    for index, metric in enumerate(plan.done.metrics):
        today, goal = metric.baseline_figure, metric.goal()
        if today is None or goal is None or not (0 < today < 1 and 0 < goal < 1):
            continue
        if (goal - today) * (1 if metric.direction is Direction.higher_is_better else -1) <= 0:
            continue  # no gain asked of the model: baseline-already-meets-target says so
        if _error_share(metric) is not None:
            continue  # a target near 100%: target-finer-than-the-test sizes it
        one, two = cases_to_tell(today, goal)
        counted = _cases(plan, metric, one)
        size = plan.done.test_size
        if counted is None and size and _RATE_OF_CASES.find(metric.name):
            counted = float(size), f"{fmt.count(size)} test cases"
        if counted is None or counted[0] >= one:
            continue
        cases, what = counted
        said = (
            metric.margin_words()
        )  # a margin as the team stated it: `0.015 below the baseline 0.12 = 0.105`
        aim = f"a target {said}" if said else f"a target of {fmt.number(goal)}"
        note = (
            f"{fmt.number(today)} today against {aim}, on {what}: telling them apart "
            f"needs about {fmt.count(one)} cases even taking today's rate as known exactly, and "
            f"{fmt.count(two)} a side where both are measured (normal approximation, 95% two-sided, 80% "
            f"power); {fmt.count(cases)} cannot tell them apart"
        )
        return quote(plan, f"done.metrics[{index}].name", note), cases * 4 <= one
    return None
