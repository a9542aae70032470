"""Rules on a live test whose two arms draw on the same limited supply.

An A/B test or a holdout compares the arms as if each unit's outcome were its own. Where the model
allocates something scarce and shared (drivers, appointment slots, shifts, seats, inventory,
tradespeople), a unit in the model arm that gets the good slot takes it from a unit in the control arm:
the arms interfere, the test overstates the gain (the model arm wins what the control arm loses), and the
whole-market effect of launching can be nil. A lead asks what is randomised, and over what pool.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, first_said, own_notes, quote
from planner.judgement.rules.keptout import kept_out
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import PICKING_TASKS, OnlineValidation, OutcomeRecorded
from planner.plan.model import Category, Plan
from planner.plan.workings import ActionShape

# Something a few units take and the rest then cannot: shared, limited supply the model hands out.
SCARCE = Lexicon(
    """
    shifts, open shifts, slots, time slots, appointment slots, delivery slots, appointments, inventory
    stock levels, limited stock, in stock, out of stock, seats, drivers, couriers, riders, tradespeople
    tradesperson, plumbers, electricians, installers, beds, rooms, vacancies, listings, tables, stylists
    appointment, appointment times, appointment time, technicians, technician, courier, driver
    clinic slots, engineer visits, engineers' time, care workers, carers, nurses' shifts
""",
    unless="""
    distribution shifts, data shifts, covariate shifts, label shifts, concept shifts, drivers of
    key drivers, main drivers, demand drivers, cost drivers, device drivers, lookup tables, data tables
    key driver, main driver, driver of, device driver, printer driver, database driver, jdbc driver
    appointment of, appointment letter, appointment letters
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
    if plan.product.task not in PICKING_TASKS and not chooses:
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


# Words saying the random share lasts only as long as the test.
FOR_THE_TEST = Lexicon("""
    during the test, during the trial, during the pilot, during the a/b test, for the test, for the trial
    while the test runs, while the trial runs, until the test ends, until the trial ends, test period
    trial period, for the duration of the test, for the duration of the trial
    during the experiment, for the experiment, while the experiment runs, until the experiment ends
    until the pilot ends, while the pilot runs, for the pilot, experiment period, pilot period
    for the * experiment, for the * test, for the * trial, for the * pilot, during the * test
    during the * trial, during the * experiment, during the * pilot
""")
# Words saying a share stays out after the test.
STAYS_OUT = Lexicon("""
    permanent holdout, permanent control, permanently, stays out, stay out, kept out after, after launch
    after the test, ongoing holdout, standing holdout, long-term holdout, always kept, kept for good
    every month, each month, rolling holdout, continuing holdout
""")
_LOOPS = (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action)


@rule(
    "exploration-ends-with-the-test",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Keep a random share out of the model after the test ends",
        "The share kept out is the test's control arm; once the test ends every case follows the model "
        "and the outcomes it learns from are only its own choices: keep a small random share out for good",
        "info",
    ),
    ask="does a random share stay out of the model's hands after the test ends?",
    fires=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "constraints.data.exploration_share": 0.1,
                "done.online_validation": "holdout",
                "done.when_met": "A 10% control group keeps today's process during the test.",
            },
        ),
    ),
    quiet=(
        Case(  # a share kept out for good
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "constraints.data.exploration_share": 0.1,
                "done.online_validation": "holdout",
                "done.when_met": "A 10% control group during the test; 2% stays out permanently.",
            }
        ),
        Case(  # every outcome recorded whatever the model does: no loop to break
            {
                "constraints.data.outcome_recorded_for": "every_case",
                "constraints.data.exploration_share": 0.1,
                "done.online_validation": "holdout",
                "done.when_met": "A 10% control group keeps today's process during the test.",
            }
        ),
    ),
)
def exploration_ends_with_the_test(plan: Plan) -> Evidence:
    """The only random share is the test's control arm, for the test's length.

    A plan that answers a share kept out of the model, where that share is the A/B test's control arm,
    keeps it only while the test runs; afterwards every outcome the model learns from follows its own
    choices, the feedback loop the share was meant to break.

    Mitigation: Keep a small random share (1-5%) out of the model's hands after launch, log it, and
    retrain and evaluate on it.
    """
    data = plan.constraints.data
    if not kept_out(plan) or data.outcome_recorded_for not in _LOOPS:
        return None
    if plan.done.online_validation not in _TESTS:
        return None
    texts = _test_texts(plan)
    if any(STAYS_OUT.find(text) for text in texts):
        return None
    for path in ("done.when_met", "press_release.solution"):
        words = FOR_THE_TEST.find_all(answer_at(plan, path))
        if words:
            note = f"{', '.join(words)}: the share kept out ends with the test; what stays out after it?"
            return Hint(
                words,
                (
                    quote(plan, path, note),
                    quote(plan, "constraints.data.exploration_share"),
                    quote(plan, "constraints.data.outcome_recorded_for"),
                ),
            )
    return None
