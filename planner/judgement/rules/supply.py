"""Rules on the pool a match or a recommendation picks from: each provider's limited room, and the new ones
with no past matches.

Tutors to pupils, interpreters to bookings, locums to shifts: each provider takes only so many, and a model
that scores each pair alone sends nearly every case to the same few best-rated, overloading them while the
rest wait idle. A model trained on past matches has nothing to score a new provider by, so it gets no match
and never gains the record that would get it one. A lead asks both from the answers, not the wording.
"""

from __future__ import annotations

from planner.core.formatting import share as percent
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.data import nothing_trained
from planner.judgement.rules.evidence import first_said, metric_name_paths, monitor_paths, quote
from planner.judgement.rules.newcomers import evaluated_apart
from planner.judgement.rules.words import Lexicon
from planner.plan.model import PICKING_TASKS, Category, Picks, Plan, SupplyLimit

# Where a plan says it watches how the work spreads across providers.
SPREAD_WATCHED = Lexicon("""
    load spread, spread of the load, spread of load, spread of the work, spread of work, share of matches
    share of bookings, share of the work, share of shifts, matches per provider, bookings per provider
    matches per tutor, bookings per interpreter, top 10% of providers, top decile, concentration, gini
    exposure, provider coverage, catalogue coverage, catalog coverage, utilisation, utilization
    going to the top 10%, going to the top 5%, going to the top 20%, going to the top decile, share of picks
    picks per provider, jobs per provider, work per provider, share going to newcomers, newcomers' share
""")

# Where a plan says what a new provider or item gets before it has a record of its own.
NEWCOMERS_GIVEN_ROOM = Lexicon("""
    cold start, cold-start, newcomer, newcomers, new providers, new provider, new tutors, new tutor
    new interpreters, new interpreter, new locums, new locum, new volunteers, new volunteer, new listings
    new listing, new items, new item, new titles, new sellers, new hosts, new carers, new mentors
    exploration slot, exploration slots, reserved slot, reserved slots, reserved place, reserved places
    first match, first matches, first booking, first bookings, first shift, first shifts, boost for new
    from their profile, from its profile, by their profile, content-based, content based
""")
_ROOM_SAID_IN = (
    "product.output",
    "product.decision",
    "product.inputs",
    "after_launch.fallback",
    "heuristics.humans_handle",
    "constraints.data.differences_note",
)
_FEW_NEW = 0.02  # under 1 in 50 new a period: the loop starves too few to weigh


def _picks(plan: Plan) -> bool:
    """Whether the plan picks from a pool that gains from being picked: not records linked to a reference
    (an address, a catalogue entry), which have no room to fill and no record to build."""
    return plan.product.task in PICKING_TASKS and plan.product.picks is not Picks.records


def spread_watched(plan: Plan) -> str | None:
    """The answer that says the team watches how the work spreads across providers, quoted."""
    paths = (*metric_name_paths(plan), "done.when_met", *monitor_paths(plan))
    said = first_said(plan, paths, SPREAD_WATCHED)
    return quote(plan, said[0], f"the load spread is watched: {', '.join(said[1])}") if said else None


@rule(
    "supply-room-outside-the-match",
    Category.product,
    likelihood=4,
    impact=3,
    move=Move(
        "Make each provider's limit a constraint of the match, and watch the load spread",
        "A model that scores each pair alone sends nearly every case to the same few best-rated: assign "
        "under each provider's room left (hours, places, shifts), not after it, and report the share of "
        "matches that goes to the top 10% of providers beside match quality",
        "warning",
    ),
    ask="does the match hold each provider to the cases it can take?",
    fires=(
        Case(
            {"product.task": "matching", "impact.supply_limit": "not_in_the_match"},
            evidence=(
                'impact.supply_limit: "not_in_the_match" (each provider takes only so many, but the match '
                "does not hold each one to it: the best-rated are picked for nearly every case)",
                "nothing said of how the matches spread across providers (the share going to the top 10%)",
            ),
        ),
        Case(  # not known: a low question
            {"product.task": "recommendation", "impact.supply_limit": "not_known"},
            evidence=(
                'impact.supply_limit: "not_known" (can each provider or item take only so many? a tutor\'s '
                "hours, a shift's one locum, a listing's one tenant)",
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "matching", "impact.supply_limit": "in_the_match"}),
        Case({"product.task": "recommendation", "impact.supply_limit": "none"}),  # a film anyone can get
        Case({"product.task": "classification", "impact.supply_limit": "not_in_the_match"}),
    ),
)
def supply_room_outside_the_match(plan: Plan) -> Evidence:
    """Each provider takes only so many, but the match does not hold it to that.

    A model that scores each (case, provider) pair alone ranks the same few best-rated tutors,
    interpreters or locums top for almost every case: they are overbooked or refuse, cases wait or fall
    to whoever is left at the last minute, and the rest of the pool gets nothing and leaves. A limit
    applied after the ranking (skip the full ones) still hands the first cases of each day to the same
    few; the match quality measured offline assumed every top pick was free.

    Mitigation: Make each provider's room (hours, places, shifts left) a constraint of the match itself (an
    assignment under capacity, or a greedy pass over cases that skips full providers), and report the
    load spread (the share of matches going to the top 10% of providers) beside match quality.
    """
    if not _picks(plan):
        return None
    limit = plan.impact.supply_limit
    path = "impact.supply_limit"
    if limit is SupplyLimit.not_known:
        note = "can each provider or item take only so many? a tutor's hours, a shift's one locum, a listing's one tenant"
        return Tempered(2, (quote(plan, path, note),))
    if limit is not SupplyLimit.not_in_the_match:
        return None
    said = quote(
        plan,
        path,
        "each provider takes only so many, but the match does not hold each one to it: the best-rated are "
        "picked for nearly every case",
    )
    watched = spread_watched(plan)
    if watched:
        return Tempered(3, (said, watched))
    return (said, "nothing said of how the matches spread across providers (the share going to the top 10%)")


def newcomers_given_room(plan: Plan) -> str | None:
    """The answer that says what a new provider or item gets before it has a record, quoted."""
    said = first_said(plan, _ROOM_SAID_IN, NEWCOMERS_GIVEN_ROOM)
    return quote(plan, said[0], f"new ones get a place: {', '.join(said[1])}") if said else None


@rule(
    "new-supply-never-matched",
    Category.model,
    likelihood=4,
    impact=3,
    move=Move(
        "Give new providers a first match on purpose, and score them apart",
        "A model trained on past matches has nothing to score a new provider or item by: keep a share of "
        "slots for newcomers (an exploration share aimed at them, or a rule that gives each new one its "
        "first matches), score them from their profile, and evaluate on newcomers apart from the known",
        "warning",
    ),
    ask="how does a new provider or item, with no past matches, get its first match?",
    fires=(
        Case(
            {"product.task": "matching", "constraints.data.new_supply_share": 0.15},
            evidence=(
                "constraints.data.new_supply_share: 0.15 (15% of the pool is new each period: a model trained "
                "on past matches scores them with no record, so they get few matches and never gain one)",
                "nothing said of what a new one gets (a reserved slot, an exploration share aimed at them), "
                "nor of an evaluation on newcomers apart",
            ),
        ),
        Case(  # a random exploration share, spread over the whole pool, gives the new ones a sliver
            {
                "product.task": "matching",
                "constraints.data.new_supply_share": 0.2,
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.exploration_share": 0.05,
            },
            evidence=(
                "constraints.data.new_supply_share: 0.2 (20% of the pool is new each period: a model trained "
                "on past matches scores them with no record, so they get few matches and never gain one)",
                "constraints.data.exploration_share: 0.05 (spread at random over the whole pool, it gives the "
                "new 20% about 1% of matches (5% of 20%): aim it at them)",
            ),
        ),
        Case(  # not measured: a low question
            {"product.task": "recommendation", "constraints.data.new_supply_share": "not measured"},
        ),
    ),
    quiet=(
        Case(  # new ones get reserved slots and are evaluated apart
            {
                "product.task": "matching",
                "constraints.data.new_supply_share": 0.15,
                "after_launch.fallback": "New tutors get two reserved slots a week until they have ten sessions.",
                "done.eval_set": "The last two months of matches, with new tutors reported apart.",
            }
        ),
        Case({"product.task": "matching", "constraints.data.new_supply_share": 0.01}),  # few new
        Case(  # records linked to a catalogue: new entries gain nothing from a first match
            {
                "product.task": "matching",
                "product.picks": "records",
                "constraints.data.new_supply_share": 0.15,
            }
        ),
        Case({"product.task": "classification", "constraints.data.new_supply_share": 0.3}),
    ),
)
def new_supply_never_matched(plan: Plan) -> Evidence:
    """New providers or items get no matches, so they never gain a record.

    A model trained on past matches scores each provider by its record: a new tutor, interpreter or
    listing has none, ranks below every known one, gets no match, and so never gains the record that
    would get it one. The pool narrows to the known ones, the new ones leave, and the past matches the
    model learns from were chosen by the old process, so nothing tells how a new one would have done.

    Mitigation: Keep a share of slots for newcomers (an exploration share aimed at them, or a rule that
    gives each new one its first few matches), score them from their profile until they have a record,
    and evaluate on newcomers apart from the known ones.
    """
    if not _picks(plan) or nothing_trained(plan):
        return None
    new = plan.constraints.data.new_supply_share
    path = "constraints.data.new_supply_share"
    room = newcomers_given_room(plan)
    apart = evaluated_apart(plan) or bool(
        first_said(plan, ("done.eval_set", *metric_name_paths(plan)), NEWCOMERS_GIVEN_ROOM)
    )
    if new == "not measured":
        if room:
            return None
        note = "how many providers or items have no past matches yet? a model trained on past matches gives them none"
        return Tempered(2, (quote(plan, path, note),))
    if new is None or new < _FEW_NEW:
        return None
    said = quote(
        plan,
        path,
        f"{percent(new)} of the pool is new each period: a model trained on past matches scores them with no "
        "record, so they get few matches and never gain one",
    )
    if room:
        return (
            None if apart else Tempered(2, (said, room, "nothing said of an evaluation on newcomers apart"))
        )
    explore = plan.constraints.data.exploration_share
    if explore:
        sliver = (
            f"spread at random over the whole pool, it gives the new {percent(new)} about "
            f"{percent(explore * new)} of matches ({percent(explore)} of {percent(new)}): aim it at them"
        )
        return Tempered(2, (said, quote(plan, "constraints.data.exploration_share", sliver)))
    missing = "nothing said of what a new one gets (a reserved slot, an exploration share aimed at them)"
    if not apart:
        missing += ", nor of an evaluation on newcomers apart"
    return (said, missing) if new >= 0.1 or not apart else Tempered(3, (said, missing))
