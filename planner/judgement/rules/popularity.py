"""Rules on a ranking that feeds itself: popularity or past take-up as an input of what it shows first.

A list ranked partly on how often items were picked, played, booked or sold puts the popular first; shown
first, they are picked more, and the next ranking reads that as more popularity. New and niche items never
get the exposure that would show their worth, and the offline metric, scored on logs of the same loop,
rewards it. A lead asks whether the popularity input is capped, decayed or counted per exposure, and how
much of the list goes to items with little history.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, quote
from planner.judgement.rules.uplift import RANKED_LISTS
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan
from planner.plan.workings import ActionShape

# Inputs counting how often items were taken up before: popularity, plays, bookings, sales, clicks.
PAST_TAKE_UP = Lexicon("""
    popularity, popularity score, popularity scores, most popular, times played, play count, play counts
    plays so far, past plays, past bookings, bookings so far, past sales, sales rank, sales ranks
    bestseller rank, bestseller ranks, best-seller rank, units sold, times ordered, order count, order counts
    click count, click counts, past clicks, clicks so far, view count, view counts, times viewed
    download count, download counts, downloads so far, times borrowed, loan count, loan counts
    past usage, usage count, usage counts, times used, past placements, times chosen, times picked
""")
# Words saying the loop is broken: the count is per exposure or decayed, or exposure is kept for newcomers.
LOOP_BROKEN = Lexicon("""
    per impression, per exposure, per view shown, click-through rate, click through rate, normalised by exposure
    normalized by exposure, divided by impressions, time-decayed, time decayed, decayed, decay, capped
    exploration, explore, random slots, reserved slots, new-item boost, new item boost, fresh items
    fairness of exposure, exposure quota, exposure quotas, diversity constraint, diversity constraints
""")
_INPUTS = ("product.inputs", "constraints.data.differences_note")


@rule(
    "popularity-feeds-itself",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Count take-up per exposure, and keep room for items with little history",
        "A list ranked on how often items were taken up shows the popular first, and they are taken up more "
        "because they were shown: use the rate per exposure (or a decayed, capped count), reserve some "
        "places for new and niche items, and judge it live, not on logs of the same loop",
        "info",
    ),
    ask="does the list rank on past take-up that its own order then raises (a rich-get-richer loop)?",
    fires=(
        Case(
            {
                "product.task": "recommendation",
                "product.inputs": "Member's past borrowings, each title's loan count and its genre.",
            },
            evidence=(
                "product.inputs: \"Member's past borrowings, each title's loan count and its genre.\" "
                "(take-up so far ranks what is shown first, which raises it: loan count)",
            ),
            also=frozenset({"no-popularity-baseline"}),
        ),
    ),
    quiet=(
        Case(  # the rate per exposure, decayed: the order's own lift is divided out
            {
                "product.task": "recommendation",
                "product.inputs": "Member's past borrowings and each title's loan count per impression, time-decayed.",
            }
        ),
        Case(  # a ranking of cases people work, not items people pick: nothing is taken up
            {
                "product.task": "classification",
                "product.inputs": "Each supplier's past sales and the order count.",
            }
        ),
    ),
)
def popularity_feeds_itself(plan: Plan) -> Evidence:
    """A ranked list reads past take-up, which its own order raises.

    Ranked partly on how often items were picked, played, booked or sold, a list shows the popular first;
    shown first, they are picked more, and the next ranking reads that as more popularity. New and niche
    items never get the exposure that would show their worth, and an offline metric on logs of the same
    loop rewards it.

    Mitigation: Use take-up per exposure, or a decayed and capped count, rather than raw counts; reserve a
    share of places for items with little history; judge the ranking in a live test, not only on logs.
    """
    product = plan.product
    if product.task not in RANKED_LISTS and product.action_shape is not ActionShape.choose_among:
        return None
    if product.inputs_count_picks is True:
        return None  # the answer says the inputs count past picks: picks-feed-the-inputs reasons from it
    found = first_said(plan, _INPUTS, PAST_TAKE_UP)
    if found is None or first_said(plan, (*_INPUTS, "done.eval_set", "done.when_met"), LOOP_BROKEN):
        return None
    path, words = found
    note = f"take-up so far ranks what is shown first, which raises it: {', '.join(words)}"
    return Hint(words, (quote(plan, path, note),))
