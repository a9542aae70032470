"""A target of no gain (`no worse than the baseline`, a margin of 0): a non-inferiority target, and whether
the test can show it.

A team that automates a step, or cuts its cost, often asks the model only to do no worse than today: the
gain is elsewhere (time, money, reach). That is no target already met; it is a claim a test must show,
and no test shows "no worse" exactly. A lead sets the drop that still counts as no worse (the
non-inferiority margin) and counts the cases that show it: comparing two shares near p, a one-sided test
at 5% with 80% power tells a drop of d from none with about 2 (1.645 + 0.842)^2 p(1 - p) / d^2 cases.
"""

from __future__ import annotations

import math

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote
from planner.plan.model import Category, DoneTodayBy, Metric, MetricRole, Plan
from planner.plan.scale import is_share

# One-sided 5% and 80% power: the z-values a non-inferiority comparison is sized with.
_Z = 1.645 + 0.842
# A test that tells a drop of this much (a share) from none shows "no worse" well enough.
SHOWN_WITHIN = 0.02
# Where the metric is no share (an error in units), a test this large is taken as able to show it.
LARGE_TEST = 1000


def no_margin(metric: Metric) -> bool:
    """Whether a metric's target asks no gain over its baseline: `no worse than the baseline`, a margin of
    0, or a target equal to the baseline."""
    if metric.holds:
        return True
    if metric.target is None:
        return metric.absolute_target == 0
    return metric.baseline_figure is not None and metric.target == metric.baseline_figure


def cases_for(share: float, drop: float) -> int:
    """The cases a test needs to tell a drop of `drop` from none, on a share near `share`."""
    return math.ceil(2 * _Z**2 * share * (1 - share) / drop**2)


def _within(share: float, size: int) -> float:
    """The smallest drop a test of `size` cases tells from none, on a share near `share`."""
    return _Z * math.sqrt(2 * share * (1 - share) / size)


@rule(
    "no-worse-unsized",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Set the drop that still counts as no worse, and size the test to show it",
        "A target of no worse than today is a non-inferiority claim: write the largest drop that still "
        "counts as no worse, and score enough cases to tell that drop from none",
        "info",
    ),
    fires=(
        Case(  # no worse than 0.45, on 200 cases: the test tells only a drop of 12 points from none
            {"done.metrics[0].target": "no worse than the baseline", "done.test_size": 200},
            also=frozenset({"small-test-set"}),
            evidence=(
                'done.metrics[0].relative_target: 0 ("Recall of duplicates at 95% precision" no worse than '
                "the baseline 0.45: a non-inferiority target, to be shown within a margin)",
                "done.test_size: 200 (a one-sided test at 5% with 80% power tells 'no worse' only within about "
                "0.12 on 200 cases: (1.645 + 0.842) * sqrt(2 * 0.45 * 0.55 / 200); a drop of 0.02 needs about "
                "7,655 cases)",
            ),
        ),
        Case(  # no baseline measured: no worse than a figure nobody has
            {
                "done.metrics[0].target": "no worse than the baseline",
                "done.metrics[0].baseline": None,
            },
        ),
        Case(  # an error in minutes, held, on a small test
            {
                "done.metrics[0].name": "Mean absolute error of the arrival estimate, minutes",
                "done.metrics[0].baseline": 6.5,
                "done.metrics[0].target": 6.5,
                "done.metrics[0].direction": "lower",
                "done.test_size": 150,
            },
        ),
    ),
    quiet=(
        Case(  # a gain asked
            {"done.metrics[0].target": 0.75}
        ),
        Case(  # held on 20,000 cases: a drop of 1.2 points is told from none
            {"done.metrics[0].target": "no worse than the baseline", "done.test_size": 20000}
        ),
        Case(  # a guardrail held beside the goal: the goal asks the gain
            {
                "done.metrics": [
                    {"name": "Share of stops avoided", "baseline": 0.0, "target": 0.6},
                    {
                        "name": "Recall of faulty parcels",
                        "baseline": 0.9,
                        "relative_target": 0,
                        "role": "guardrail",
                    },
                ],
            }
        ),
    ),
)
def no_worse_unsized(plan: Plan) -> Evidence:
    """A target of no worse than today, without the margin or the cases that show it.

    A margin of 0 over the baseline is a non-inferiority target: the gain is elsewhere (time, cost, reach)
    and the test must show the model does no worse. No test shows "no worse" exactly; on too few cases a
    real drop passes unseen, and the claim rests on a test too small to see it.

    Mitigation: Write the largest drop that still counts as no worse (the non-inferiority margin), score
    the model and today's process on the same cases, and count the cases that tell that drop from none
    (about 2 (1.645 + 0.842)^2 p(1 - p) / d^2 for a share near p and a drop d).
    """
    moved = [(at, m) for at, m in enumerate(plan.done.metrics) if m.role is not MetricRole.guardrail]
    if not moved or not no_margin(moved[0][1]):
        return None
    at, metric = moved[0]
    base, size = metric.baseline_figure, plan.done.test_size
    said = f"{show_name(metric)} no worse than the baseline"
    if not _gain_elsewhere(plan, moved):
        note = (
            f"{said}: no other metric moves and nobody does the task by hand today, so where is the gain "
            "(time, cost, reach), and how is it measured?"
        )
        return (quote(plan, f"done.metrics[{at}].{metric.margin_field}", note),)
    if base is None:
        note = f"{said}, which is not measured: 'no worse' than an unmeasured figure cannot be shown"
        return (quote(plan, f"done.metrics[{at}].{metric.margin_field}", note),)
    found = quote(
        plan,
        f"done.metrics[{at}].{metric.margin_field}",
        f"{said} {fmt.number(base)}: a non-inferiority target, to be shown within a margin",
    )
    if not (0 < base < 1 and is_share(metric.name, base)):  # an amount (minutes, counts): spread not known
        if size is not None and size >= LARGE_TEST:
            return None
        how = (
            "what drop still counts as no worse, and how many cases tell it from none: about "
            "2 (1.645 + 0.842)^2 sd^2 / drop^2, sd the spread of one case's difference"
        )
        return (found, f"done.test_size: {size} ({how})" if size else f"done.test_size: not answered ({how})")
    two = cases_for(base, SHOWN_WITHIN)
    if size is None:
        five = cases_for(base, 0.05)
        return (
            found,
            f"done.test_size: not answered (what drop still counts as no worse? on a share near "
            f"{fmt.number(base)}, a drop of 0.02 needs about {two:,} cases, 0.05 about {five:,})",
        )
    within = _within(base, size)
    if within <= SHOWN_WITHIN:
        return None
    note = (
        f"a one-sided test at 5% with 80% power tells 'no worse' only within about {within:.2f} on {size:,} "
        f"cases: (1.645 + 0.842) * sqrt(2 * {fmt.number(base)} * {fmt.number(round(1 - base, 6))} / {size}); "
        f"a drop of 0.02 needs about {two:,} cases"
    )
    return (found, quote(plan, "done.test_size", note))


def _gain_elsewhere(plan: Plan, moved: list[tuple[int, Metric]]) -> bool:
    """Whether the plan says what a model no worse than today gains: another metric it must move, or people
    whose time it frees (the task is done by hand today)."""
    if plan.by_hand.done_today_by in (DoneTodayBy.our_experts, DoneTodayBy.other_staff):
        return True
    return any(not no_margin(metric) and metric.goal() is not None for _, metric in moved[1:])


def show_name(metric: Metric) -> str:
    """The metric's name in quotes, as the evidence names it."""
    return f'"{metric.name}"'
