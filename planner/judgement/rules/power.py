"""Rules on samples too small to show what they are meant to show: an audit of live outputs that, at
the error rate the plan targets, expects only a handful of errors per round, so a rise of several times
hides in the noise."""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, rule
from planner.judgement.rules.evidence import quote, show
from planner.plan.model import Category, Direction, Plan

# An audit or sample of a number of items: "a random audit of 400 links a month".
_AUDIT = re.compile(
    r"\b(?:audit|audits|sample|samples|spot[- ]checks?|re-?checks?|checks?)\b\D{0,20}?(\d[\d,]*)\b"
    r"|\b(\d[\d,]*)\s+(?:[a-z-]+\s+){0,3}?(?:audited|sampled|re-?checked|checked)\b",
    re.IGNORECASE,
)
# Errors a round must expect before a rise of a few times stands out of the noise.
ENOUGH_ERRORS = 10


def target_error(plan: Plan) -> tuple[float, str] | None:
    """The smallest error rate a done metric targets (a precision or accuracy near 1), with its path."""
    best: tuple[float, str] | None = None
    for index, metric in enumerate(plan.done.metrics):
        target = metric.target
        if not isinstance(target, int | float) or not 0.9 <= target < 1:
            continue
        if metric.direction is Direction.lower_is_better:
            continue
        error = 1 - float(target)
        if best is None or error < best[0]:
            best = (error, f"done.metrics[{index}].target")
    return best


@rule(
    "audit-too-small-to-see",
    Category.operations,
    likelihood=3,
    impact=2,
    move=Move(
        "Size the audit so a rise in errors can show",
        "At the error rate the plan targets, the audit expects only a few errors a round: a rise of two or "
        "three times hides in the noise; audit enough items to expect about ten errors a round at the "
        "target, or pool rounds and say how many it takes to see a rise",
        "info",
    ),
    fires=(
        Case(
            {
                "after_launch.monitoring": [{"signal": "A random audit of 200 held invoices a month"}],
                "done.metrics[0].target": 0.98,
            },
            also=frozenset({"target-above-agreement", "target-beyond-human", "monitoring-without-alerts"}),
            evidence=(
                'after_launch.monitoring[0].signal: "A random audit of 200 held invoices a month" (200 items '
                "a round)",
                "done.metrics[0].target: 0.98 (an error rate of 2%: about 4 errors expected a round; about "
                "500 items a round expect 10)",
            ),
        ),
    ),
    quiet=(
        Case(
            {
                "after_launch.monitoring": [{"signal": "A random audit of 1,000 held invoices a month"}],
                "done.metrics[0].target": 0.98,
            }
        ),
        Case({"after_launch.monitoring": [{"signal": "Share of invoices held per payment run"}]}),
    ),
)
def audit_too_small_to_see(plan: Plan) -> Evidence:
    """The audit is too small to see a rise in errors.

    An audit of live outputs is meant to catch the error rate rising; at the low error rate the plan
    targets, a round of it expects only a few errors, and two, four or six errors a round are all
    ordinary noise. A rise of several times then goes unseen for months.

    Mitigation: Audit enough items a round to expect about ten errors at the target rate, or pool
    rounds and state how many it takes to see a rise of a given size.
    """
    target = target_error(plan)
    if target is None:
        return None
    error, where = target
    for index, monitor in enumerate(plan.after_launch.monitoring):
        found = _AUDIT.search(monitor.signal)
        if found is None:
            continue
        size = int((found.group(1) or found.group(2)).replace(",", ""))
        expected = size * error
        if size < 20 or expected >= ENOUGH_ERRORS:
            continue
        needed = math.ceil(ENOUGH_ERRORS / error)
        return (
            quote(plan, f"after_launch.monitoring[{index}].signal", f"{fmt.count(size)} items a round"),
            f"{where}: {show(round(1 - error, 6))} (an error rate of {fmt.share(error)}: about "
            f"{fmt.number(expected, 0)} errors expected a round; about {fmt.count(needed)} items a round "
            f"expect {ENOUGH_ERRORS})",
        )
    return None
