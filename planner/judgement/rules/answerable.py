"""Rules on a matcher's or a search's test set that holds only queries with a right answer.

A test built from resolved cases (each lost-item report with the item it was returned with, each query
with its known match) never holds a query whose answer is not there; live, many have none (the item was
never handed in). A metric on such a test cannot count a false match, however often the product makes
one. And the candidates a test ranks among are often fewer than live (the items of that week and
station, not the whole store), so the test's rank is easier than the product's.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.nomatch import NONE_POSSIBLE
from planner.judgement.rules.words import Lexicon
from planner.plan.model import PICKING_TASKS, Category, Plan

# A test set built from resolved queries: each with the answer it was matched, returned or resolved with.
ANSWERED = Lexicon("""
    with its item, with their item, with its match, with their match, with its matching, with the matching
    with its true match, with their true match, with its known match, each with its, matched pairs
    known match, known matches, confirmed match, confirmed matches, true pairs, matched reports
    returned items, items returned, returned to their owners, returned to the owner, returned to owners
    reunited, that were matched, which were matched, that were returned, which were returned, resolved reports
    resolved queries, resolved cases, solved cases, with the right answer, with its right answer
    with its answer, with their answer, with the correct match, with its correct match
""")
# The candidates the test ranks among are a narrow pool: the week's, a station's, a shortlist.
NARROW_POOL = Lexicon("""
    among the, ranked among, candidates from the same, from the same week, from the same day
    from the same station, from the same branch, from the same store, same week, same day, same station
    shortlist of, pool of, sampled candidates, random candidates, negatives sampled
""")


@rule(
    "test-holds-only-answerable-queries",
    Category.model,
    likelihood=3,
    impact=4,
    move=Move(
        "Put queries with no right answer, and the live candidate pool, in the test",
        "A test built from resolved queries (each with the item it was matched to) never meets a query "
        "whose answer is not there, so false matches go uncounted; live, many have none. Count the share "
        "of live queries with no answer, keep that share in the test, score false matches on them, and "
        "rank among as many candidates as production searches",
        "warning",
    ),
    ask="does the test hold queries that have no right answer, at their live share, ranked among the live candidate pool?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "done.eval_set": "800 lost-item reports from 2025, each with its item as returned.",
            },
            evidence=(
                'done.eval_set: "800 lost-item reports from 2025, each with its item as returned." (each with '
                "its: every test query has a right answer, so a false match on a query with none is never "
                "counted)",
            ),
        ),
    ),
    quiet=(
        Case(  # queries with no match kept in the test
            {
                "product.task": "matching",
                "done.eval_set": "800 reports drawn at random, each with its item or marked no match.",
            }
        ),
        Case(  # not a matcher
            {
                "product.task": "classification",
                "done.eval_set": "800 lost-item reports from 2025, each with its item as returned.",
            }
        ),
    ),
)
def test_holds_only_answerable_queries(plan: Plan) -> Evidence:
    """The test set holds only queries that have a right answer, while live many have none.

    Built from resolved cases (each report with the item it was returned with, each query with its known
    match), a test never holds a query whose answer is missing; a metric on it counts no false match on
    such a query, though live they may be the most common. Ranking among the candidates of one week or
    one branch is easier than among all the product searches.

    Mitigation: Count the live share of queries with no right answer; draw the test at random from live
    queries, keep those with none and score false matches on them; rank the test among as many
    candidates as production holds.
    """
    if plan.product.task not in PICKING_TASKS:
        return None
    said = answer_at(plan, "done.eval_set")
    words = ANSWERED.find_all(said)
    if not words or NONE_POSSIBLE.find(said):
        return None
    if any(NONE_POSSIBLE.find(metric.name) for metric in plan.done.metrics):
        return None
    narrow = NARROW_POOL.find_all(said)
    note = f"{', '.join(words)}: every test query has a right answer, so a false match on a query with none is never counted"
    if narrow:
        note += f"; {', '.join(narrow)}: fewer candidates than live"
    return Hint((*words, *narrow), (quote(plan, "done.eval_set", note),))
