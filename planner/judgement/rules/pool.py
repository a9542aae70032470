"""Rules on a matcher or a ranking tested against fewer candidates than it will meet live.

A query ranked against 40 candidates finds its match in the top five far more often than against 800:
every extra candidate is another chance for a look-alike to outrank the right one. A test that searches
one week's, one branch's or one council's candidates scores an easier task than the product's, and a
top-k or hit@k figure on it does not hold once the pool is the whole register.
"""

from __future__ import annotations

from planner.core.formatting import number
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import quote
from planner.plan.choices import TaskType
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Category, Picks, Plan
from planner.plan.workings import ActionShape, ListNeed


def searches_a_pool(plan: Plan) -> bool:
    """Whether each query is ranked against a pool of candidates: a matcher, or a ranking that shows a
    shortlist per query; a ranking of one standing list (every pond, every open report worked down from
    the top) has no query and no pool."""
    task, shape = plan.product.task, plan.product.action_shape
    return task is TaskType.matching or (task is TaskType.ranking and shape is ActionShape.choose_among)


_SEVERAL = 3  # a live pool this many times the test's: the test ranks an easier task than the product's


@rule(
    "test-pool-smaller-than-live",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Rank each test query against as many candidates as live",
        "Top-k accuracy falls as the pool grows: a test that searches a pre-filtered few scores an easier task "
        "than the product's; rank the test queries against the live pool (every open report, the whole "
        "register), or score at several pool sizes and read the figure at the live one",
        "warning",
    ),
    fires=(
        Case(  # a shortlist scored among 50, live among 1,200: high
            {
                "product.task": "matching",
                "product.action_shape": "choose_among",
                "done.test_pool": 50,
                "done.live_pool": 1200,
            },
            evidence=(
                "done.test_pool: 50 (each test query is ranked against 50 candidates)",
                "done.live_pool: 1200 (live against 1,200: 24 times the test's pool, so each right answer has "
                "24 times the look-alikes to lose to)",
                'product.action_shape: "choose_among" (a shortlist: its figure is a top-k hit rate, which '
                "falls as the pool grows)",
            ),
        ),
        Case({"product.task": "matching", "done.test_pool": 100, "done.live_pool": 500}),  # not a shortlist
        Case({"product.task": "matching", "done.test_pool": "not measured", "done.live_pool": 900}),
    ),
    quiet=(
        Case({"product.task": "matching", "done.test_pool": 800, "done.live_pool": 900}),
        Case({"product.task": "classification", "done.test_pool": 50, "done.live_pool": 1200}),
        Case(  # one standing list worked down from the top: no query meets a pool
            {
                "product.task": "ranking",
                "product.action_shape": "top_of_queue",
                "done.test_pool": 300,
                "done.live_pool": 1500,
            }
        ),
        Case({"product.task": "matching", "done.test_pool": 50}),  # live unanswered: a probe asks
        Case(  # plumbers ranked for repair jobs: past jobs are ranked against the same standing roster
            {
                "product.task": "ranking",
                "product.action_shape": "choose_among",
                "product.picks": "providers",
                "done.test_pool": "not measured",
                "done.live_pool": "not measured",
            }
        ),
    ),
)
def test_pool_smaller_than_live(plan: Plan) -> Evidence:
    """Each test query is ranked against far fewer candidates than a live one will be.

    Every extra candidate is another chance for a look-alike to outrank the right one, so a hit rate in
    the top k measured among a pre-filtered few (one week's reports, one branch's stock) falls once a query
    meets the whole pool. The test then scores an easier task than the product's.

    Mitigation: Rank each test query against the pool it will meet live (every open record, the whole
    catalogue), or score at several pool sizes and read the figure at the live one; count both pools.
    """
    done = plan.done
    if not searches_a_pool(plan) or done.test_pool is None or done.live_pool is None:
        return None
    test, live = done.test_pool, done.live_pool
    if test == NOT_MEASURED and live == NOT_MEASURED and plan.product.picks is Picks.providers:
        return None  # a standing roster of people or firms: a past case is ranked against the same roster
    if NOT_MEASURED in (test, live):
        unknown = "test_pool" if test == NOT_MEASURED else "live_pool"
        counted = [quote(plan, f"done.{name}") for name in ("test_pool", "live_pool") if name != unknown]
        note = (
            "nobody has counted the candidates a query is ranked against: the test may rank among far fewer"
        )
        return Tempered(3, (quote(plan, f"done.{unknown}", note), *counted))
    assert isinstance(test, int) and isinstance(live, int)
    times = live / test
    if times < _SEVERAL:
        return None
    found = (
        quote(plan, "done.test_pool", f"each test query is ranked against {number(test)} candidates"),
        quote(
            plan,
            "done.live_pool",
            f"live against {number(live)}: {number(times, significant=2)} times the test's pool, so each right "
            f"answer has {number(times, significant=2)} times the look-alikes to lose to",
        ),
    )
    shortlist = _top_k(plan)
    return (*found, *shortlist) if shortlist else Tempered(3, found)


def _top_k(plan: Plan) -> tuple[str, ...]:
    """The answer that says the figure is a hit in the top few: a shortlist, or one right item enough."""
    if plan.product.action_shape is ActionShape.choose_among:
        note = "a shortlist: its figure is a top-k hit rate, which falls as the pool grows"
        return (quote(plan, "product.action_shape", note),)
    if plan.done.list_need is ListNeed.one:
        note = "one right item in the list is enough: a hit at k, which falls as the pool grows"
        return (quote(plan, "done.list_need", note),)
    return ()
