"""The question a lead asks of a matcher or a ranking whose plan never says how many candidates each query
is ranked against, in the test and live.

A test built from resolved cases often searches a pre-filtered few (that week's reports, that branch's
stock), while live each query meets every open record: a top-k figure on the few does not hold on the
many. Until `done.test_pool` and `done.live_pool` are answered, a lead asks, quoting the task and the
metric the claim rests on.
"""

from __future__ import annotations

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.pool import searches_a_pool
from planner.plan.model import Plan


@probe("pool-size-unsaid", "test-pool-smaller-than-live")
def _pool_size_unsaid(plan: Plan) -> Found:
    if not searches_a_pool(plan):
        return None  # a ranking of one standing list (every site, every open case) has no query to search
    if plan.done.test_pool is not None and plan.done.live_pool is not None:
        return None
    said = [quote(plan, "product.task")]
    if plan.done.metrics:
        said.append(quote(plan, "done.metrics[0].name"))
    question = (
        "How many candidates is each query ranked against in the test, and how many live? A test that "
        "searches a pre-filtered few (one week's, one site's records) scores an easier task: a top-k hit rate "
        "falls as the pool grows. Rank the test against the live pool, or score at several pool sizes "
        "(done.test_pool, done.live_pool)."
    )
    return question, tuple(said)
