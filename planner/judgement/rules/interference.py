"""Rules on a live test whose two arms draw on the same limited supply.

An A/B test or a holdout compares the arms as if each unit's outcome were its own. Where the model
allocates something scarce and shared (drivers, appointment slots, shifts, seats, inventory,
tradespeople), a unit in the model arm that gets the good slot takes it from a unit in the control arm:
the arms interfere, the test overstates the gain (the model arm wins what the control arm loses), and the
whole-market effect of launching can be nil. A lead asks what is randomised, and over what pool.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import first_said, own_notes, quote
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import OnlineValidation, TaskType
from planner.plan.model import Category, Plan
from planner.plan.workings import ActionShape

# Something a few units take and the rest then cannot: shared, limited supply the model hands out.
SCARCE = Lexicon(
    """
    shifts, open shifts, slots, time slots, appointment slots, delivery slots, appointments, inventory
    stock levels, limited stock, in stock, out of stock, seats, drivers, couriers, riders, tradespeople
    tradesperson, plumbers, electricians, installers, beds, rooms, vacancies, listings, tables, stylists
""",
    unless="""
    distribution shifts, data shifts, covariate shifts, label shifts, concept shifts, drivers of
    key drivers, main drivers, demand drivers, cost drivers, device drivers, lookup tables, data tables
    tables of, pivot tables, database tables, feature tables, chat rooms
""",
)
# The test is already randomised over the pool the arms share: by market, region or time.
POOLED = Lexicon("""
    switchback, switchbacks, switch-back, switch-backs, by market, by markets, per market, by region
    by regions, per region, by city, by cities, per city, by area, by areas, by day, by days, by week
    by weeks, by hour, by time slot, alternate days, alternating days, alternate weeks, alternating weeks
    geo test, geo experiment, geo-experiment, cluster-randomised, cluster randomised, cluster-randomized
    cluster randomized, interference, spillover, spill-over, cannibalisation, cannibalization
    separate markets, separate cities, separate regions, whole markets, whole cities, whole regions
""")
_TESTS = (OnlineValidation.a_b_test, OnlineValidation.holdout)
_ALLOCATING = (TaskType.matching, TaskType.ranking, TaskType.recommendation)
_SUPPLY_IN = ("product.decision", "product.output", "product.goal", "press_release.solution")


def _test_texts(plan: Plan) -> list[str]:
    texts = [plan.done.when_met, plan.press_release.solution, plan.product.decision]
    for metric in plan.done.metrics:
        texts += [metric.name, metric.dataset]
    return [text for text in texts if text] + own_notes(plan)


@rule(
    "test-arms-share-supply",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Randomise the live test over the shared pool, not unit by unit",
        "Both arms draw on the same limited supply, so a unit the model serves first takes from a control "
        "unit; randomise whole markets, regions or time blocks (a switchback), or cap each arm's share of "
        "the supply, and read the whole pool's outcome, not only the model arm's",
        "info",
    ),
    ask="do the test's two arms compete for the same limited supply (interference)?",
    fires=(
        Case(
            {
                "product.task": "matching",
                "done.online_validation": "a_b_test",
                "product.decision": "Offer each customer the three best time slots with our installers.",
                "done.when_met": "A/B test by customer for four weeks: bookings per visit up 5%.",
            },
            evidence=(
                'product.decision: "Offer each customer the three best time slots with our installers." '
                "(time slots, installers: both arms draw on the same limited supply, so a slot the model "
                "arm books is one the control arm cannot; what is randomised, and over what pool?)",
                'done.online_validation: "a_b_test"',
                'product.task: "matching"',
            ),
            also=frozenset({"scored-unit-differs", "pilot-sees-too-few-rare-cases"}),
        ),
        Case(
            {
                "product.task": "classification",
                "product.action_shape": "choose_among",
                "done.online_validation": "holdout",
                "product.decision": "Dispatch picks which of the free drivers takes each order.",
            }
        ),
    ),
    quiet=(
        Case(  # randomised by time block over the shared pool
            {
                "product.task": "matching",
                "done.online_validation": "a_b_test",
                "product.decision": "Offer each customer the three best time slots with our installers.",
                "done.when_met": "Switchback test: the model and the old rule alternate by day in each city.",
            }
        ),
        Case(  # no shared supply named
            {
                "product.task": "ranking",
                "done.online_validation": "a_b_test",
                "product.decision": "Rank the help articles shown on each search.",
            }
        ),
        Case(  # a shadow run allocates nothing
            {
                "product.task": "matching",
                "done.online_validation": "shadow",
                "product.decision": "Offer each customer the three best time slots with our installers.",
            }
        ),
        Case(  # a cut-off on each case, not a choice among supply
            {
                "product.task": "classification",
                "done.online_validation": "holdout",
                "product.decision": "Flag drivers whose documents look forged.",
            }
        ),
    ),
)
def arms_share_supply(plan: Plan) -> Evidence:
    """The live test's two arms compete for the same limited supply.

    A test randomised by customer or case, where the model allocates something scarce and shared
    (slots, shifts, drivers, seats, inventory, tradespeople), lets the model arm take what the control arm
    would have had: the arms interfere, the measured gain is partly a transfer between arms, and
    launching to everyone may gain little.

    Mitigation: Randomise whole markets, regions or time blocks (a switchback test), or reserve each arm's
    share of the supply; read the outcome over the whole pool as well as per arm.
    """
    if plan.done.online_validation not in _TESTS:
        return None
    chooses = plan.product.action_shape is ActionShape.choose_among
    if plan.product.task not in _ALLOCATING and not chooses:
        return None
    supply = first_said(plan, _SUPPLY_IN, SCARCE)
    if supply is None:
        return None
    if any(POOLED.find(text) for text in _test_texts(plan)):
        return None
    path, words = supply
    note = (
        f"{', '.join(words)}: both arms draw on the same limited supply, so a slot the model arm books is one "
        "the control arm cannot; what is randomised, and over what pool?"
    )
    shape = (
        quote(plan, "product.action_shape", "a choice among the supply")
        if chooses
        else quote(plan, "product.task")
    )
    return Hint(words, (quote(plan, path, note), quote(plan, "done.online_validation"), shape))
