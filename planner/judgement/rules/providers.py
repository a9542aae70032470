"""Rules on ranking people who do the work (interpreters, drivers, tutors, suppliers) by their own past: the
ones ranked first get the work that builds their record, and the rest, newcomers first, get less of it.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.supply import newcomers_given_room
from planner.judgement.rules.words import Lexicon
from planner.plan.model import PICKING_TASKS, Category, Plan, SupplyLimit

_WHO = (
    r"(interpreters|translators|drivers|couriers|riders|cleaners|tutors|teachers|carers|nurses|locums"
    r"|tradespeople|tradesmen|plumbers|electricians|contractors|subcontractors|freelancers|suppliers|vendors"
    r"|sellers|hosts|installers|technicians|photographers|consultants|coaches|therapists|agents|workers"
    r"|crews|hauliers|providers|walkers|dog walkers|sitters|babysitters|nannies|guides|chefs|cooks|stylists"
    r"|hairdressers|mechanics|builders|gardeners|movers|trainers|instructors|clinicians|doctors|lawyers"
    r"|solicitors|accountants|designers|developers|tuners|tradespeople|caregivers|carriers|partners)"
)
# The people are what is ranked: `a ranked list of interpreters`, `ranks the suppliers`, `drivers ranked`.
_RANKS_THEM = re.compile(
    r"\b(?:list|ranking|shortlist|order|choice)\s+of\s+(?:the\s+|available\s+|suitable\s+|best\s+|top\s+|\d+\s+)*"
    + _WHO
    + r"\b|\brank(?:s|ed|ing)?\s+(?:the\s+|available\s+|suitable\s+)*"
    + _WHO
    + r"\b|\b"
    + _WHO
    + r"\s+(?:ranked|in\s+rank\s+order|by\s+rank)\b",
    re.IGNORECASE,
)


def _ranked_people(text: str | None) -> str | None:
    """The people a text says are ranked (`interpreters` in `a ranked list of interpreters`), or None."""
    match = _RANKS_THEM.search(text or "")
    return next((group.lower() for group in match.groups() if group), None) if match else None


# Their own past record: what the ranking rewards, and what the work it hands out builds.
_OWN_RECORD = Lexicon("""
    past ratings, ratings, rating, star rating, star ratings, reviews, review scores, past performance
    performance history, track record, acceptance rate, completion rate, on-time rate, past jobs
    jobs completed, bookings completed, complaint rate, complaints, feedback scores, past feedback
""")

# Where a plan shares the work out beyond the ranking's top, or gives newcomers a place.
_SHARED_OUT = Lexicon("""
    cap, capped, caps, share of work, fair share, rotation, rotate, rotated, round-robin, round robin
    newcomers get, new providers get, new interpreters get, exploration, exploration slot, exploration slots
    exposure, spread the work, spreads the work, minimum share, guaranteed share
""")


@rule(
    "providers-ranked-by-own-past",
    Category.ethics,
    likelihood=3,
    impact=3,
    move=Move(
        "Share the work beyond the top of the ranking",
        "Ranking people by their own record hands the top ones the work that builds it: cap each one's "
        "share, keep a few places for newcomers and the rest, and watch how the work spreads",
        "info",
    ),
    ask="will the ranking hand the top providers the work that builds their record, and starve the rest?",
    fires=(
        Case(
            {
                "product.task": "ranking",
                "product.output": "A ranked list of interpreters for each booking.",
                "product.inputs": "Language pair, distance and each interpreter's past ratings.",
            },
            evidence=(
                'product.output: "A ranked list of interpreters for each booking." (interpreters are ranked)',
                'product.inputs: "Language pair, distance and each interpreter\'s past ratings." (ranked by '
                "their own past ratings: the work goes to those with the record)",
            ),
        ),
    ),
    quiet=(
        Case(  # the work is shared out beyond the top
            {
                "product.task": "ranking",
                "product.output": "A ranked list of interpreters for each booking, each capped at 10 a week.",
                "product.inputs": "Language pair, distance and each interpreter's past ratings.",
            }
        ),
        Case(  # each one's room is a constraint of the match, and new ones get reserved slots
            {
                "product.task": "matching",
                "product.output": "A ranked list of interpreters for each booking.",
                "product.inputs": "Language pair, distance and each interpreter's past ratings.",
                "impact.supply_limit": "in_the_match",
                "after_launch.fallback": "New interpreters get two reserved slots a week.",
            }
        ),
        Case(  # the items ranked are not people
            {
                "product.task": "ranking",
                "product.output": "A ranked list of spare parts.",
                "product.inputs": "Past ratings of each part.",
            }
        ),
    ),
)
def providers_ranked_by_own_past(plan: Plan) -> Evidence:
    """People who do the work are ranked by their own past record.

    Ranking interpreters, drivers or suppliers by their ratings or past jobs gives the top ones the work
    that builds their record, while newcomers and the rest get less of it, lose income and leave: the
    pool narrows, the ranking confirms itself, and ratings with a bias carry it into who earns.

    Mitigation: Cap each provider's share of the work, keep places for newcomers and those below the top,
    check the ratings for bias, and watch how the work and earnings spread across providers over time.
    """
    if plan.product.task not in PICKING_TASKS or plan.product.inputs_count_picks is True:
        return None  # not a pick; or the answer says the inputs count past picks: picks-feed-the-inputs
    if plan.impact.supply_limit is SupplyLimit.in_the_match and newcomers_given_room(plan):
        return None  # each one's room caps its share, and new ones get a place: the work is shared out
    ranked = next(
        (
            (path, found)
            for path in ("product.output", "product.decision")
            if (found := _ranked_people(answer_at(plan, path)))
        ),
        None,
    )
    record = _OWN_RECORD.find(answer_at(plan, "product.inputs"))
    if ranked is None or not record:
        return None
    said = [answer_at(plan, path) for path in ("product.output", "product.decision", "product.inputs")]
    if any(_SHARED_OUT.find(text) for text in said if isinstance(text, str)):
        return None
    path, who = ranked
    return Hint(
        (who, record),
        (
            quote(plan, path, f"{who} are ranked"),
            quote(
                plan,
                "product.inputs",
                f"ranked by their own {record}: the work goes to those with the record",
            ),
        ),
    )
