"""A claim of more items done a period (or done faster) that rests on the step the model does on every
item people work today, and a time counted until an event is found, which no step's share bounds."""

from __future__ import annotations

from planner.judgement.rules.evidence import first_said, metric_name_paths
from planner.judgement.rules.untimed import done_by_people_today
from planner.judgement.rules.words import Lexicon
from planner.plan.model import ActionShape, Mode, Plan

# Words of a claim on the pace of the work: items done a period, done faster, a backlog worked down.
THROUGHPUT = Lexicon("""
    throughput, per day, a day, per hour, an hour, per shift, a shift, per week, a week, each day, every day
    faster, quicker, more quickly, twice as fast, twice as many, double, doubles, doubled, doubling
    backlog, backlogs
""")

# A time counted until an event is found or noticed: a detector shortens it by seeing sooner, not by
# doing a step of the work faster.
UNTIL_FOUND = Lexicon("""
    discovery, discovered, until found, before found, to detection, until detection, before detection
    time to detect, days to detect, hours to detect, detection time, detection delay, detection lag
    time to find, days to find, hours to find, until noticed, before noticed, time to notice, time to alert
""")

# Where a team states the gain it claims.
_CLAIMS = ("product.success_metric", "product.goal")


def does_a_step_of_the_work(plan: Plan) -> bool:
    """Whether the model does (or speeds) a step people do on every item today: people do the task by
    hand now, and the model acts or assists on every item rather than picking some out."""
    product = plan.product
    if not done_by_people_today(plan) or product.mode not in (Mode.automate, Mode.augment):
        return False
    return product.action_shape in (ActionShape.every_item, None)


def pace_claim(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer claiming a faster pace of the work (more items a day, a backlog worked down), with its
    words, where the model does a step of that work on every item: (path, words)."""
    if not does_a_step_of_the_work(plan):
        return None
    paths = (path for path in (*_CLAIMS, *metric_name_paths(plan)) if not counted_until_found(plan, path))
    return first_said(plan, paths, THROUGHPUT)


def counted_until_found(plan: Plan, path: str) -> bool:
    """Whether the answer at `path` counts the time until an event is found (days to discovery)."""
    return first_said(plan, (path,), UNTIL_FOUND) is not None
