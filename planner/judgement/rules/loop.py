"""Rules on the dynamics of a loop the model closes: its output sets a control, a dose, a setpoint, a price or
a schedule, and that setting changes the very readings the model reads next. Guards on each setting are in
`setpoint` (limits, input checks, hand-back); the causal question of what a setting does is in `steering`.
Here: the lag between an action and its effect, how often the model acts against that lag, and a test of
the loop itself before it runs live.
"""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import faq_paths, first_said, monitor_paths, quote
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.setpoint import (
    DATE_FROM_READINGS,
    ESTIMATES,
    SCHEDULE_FROM_ESTIMATE,
    SETPOINT,
    process_quoted,
    setting_set,
)
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    Category,
    Circumstance,
    OnlineValidation,
    Plan,
    TaskType,
)

# Words of the loop's timing: the lag between a setting and its effect, and how the loop responds.
DYNAMICS = Lexicon("""
    lag, lags, time lag, response lag, response time, response times, dead time, dead-time, delay before
    transport delay, residence time, time constant, time constants, settling time, settles within
    oscillate, oscillates, oscillation, oscillations, oscillating, hunting, hunts, overshoot, overshoots
    undershoot, loop tuning, tuned loop, loop dynamics, process dynamics, takes effect after
    takes effect within, effect shows after, responds within, responds after
""")
# Words of a test of the loop itself, with the model's settings applied, before it runs live.
LOOP_TESTED = Lexicon("""
    step test, step tests, step-test, step-tests, bump test, bump tests, closed-loop simulation
    closed loop simulation, closed-loop test, closed-loop tests, closed loop test, closed-loop trial
    closed loop trial, in closed loop, process simulator, plant simulator, dynamic simulator, simulation of
    the loop, simulated plant, simulated process, digital twin, dynamic model of the process
    hardware-in-the-loop, hardware in the loop, loop simulation
""")
# Where a plan says how the loop behaves and how it is tried.
_SAID_IN = (
    "product.decision",
    "product.output",
    "product.current_solution",
    "heuristics.humans_handle",
    "constraints.data.differences_note",
    "done.eval_set",
    "done.when_met",
    "after_launch.fallback",
)
# A share of the process run by the model, live and watched, before it runs everywhere: the loop is tried.
_TRIED_LIVE = (OnlineValidation.canary, OnlineValidation.a_b_test, OnlineValidation.holdout)


_READS_THE_LOOP = {
    "product.data_kinds": "it reads, as a series, the process its settings move",
    "constraints.latency.serving": "it reads the process as it runs",
    "constraints.data.label_writer": "instruments record what its settings did",
}


@rule(
    "closed-loop-dynamics-untested",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Match the loop's update rate to the process's lag, and test the loop before it runs live",
        "The model's setting changes the readings it reads next: measure the lag between a change and its "
        "effect (a step test), update no faster than the process responds (acting again before the last "
        "change shows makes it oscillate or hunt), limit how far each update may move, and try the loop in "
        "a closed-loop simulation or a step test on one unit before it runs live; a score on logged data, "
        "where people closed the loop, cannot show how it behaves",
        "warning",
    ),
    fires=(
        Case(  # a dose written every 15 minutes from the series it moves, serious harm, nothing on the lag
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "product.output": "Chlorine dose setpoint every 10 minutes",
                "impact.error_severity": "serious",
            },
            also=frozenset({"setpoint-loop-unguarded", "predictions-set-controls", "worst-error-uncounted"}),
        ),
        Case(  # a price set alone from the sales series it moves: medium
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series", "tabular"],
                "product.output": "The price of each parking zone, reset every 30 minutes from occupancy",
            },
            also=frozenset({"predictions-set-controls"}),
        ),
        Case(  # not ticked: only the words say the output is a setpoint the model then reads
            {
                "product.mode": "automate",
                "product.circumstances": [],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "product.output": "The fan speed of each barn every 5 minutes",
            },
            also=frozenset({"setpoint-loop-unguarded"}),
        ),
    ),
    quiet=(
        SCHEDULE_FROM_ESTIMATE,
        DATE_FROM_READINGS,
        Case(  # people apply each setting: they see the lag
            {
                "product.mode": "augment",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
            }
        ),
        Case(  # a forecast of demand schedules the pumps: the pumps do not change the demand it reads
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "forecasting",
                "product.data_kinds": ["time_series"],
                "product.output": "Water demand per zone for the next 24 hours",
            }
        ),
        Case(  # the lag is measured and the loop is step-tested before it runs live
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "product.decision": "Updates every 30 minutes, longer than the 20-minute dead time we measured; "
                "step tests on one line first.",
            }
        ),
        Case(  # a price set alone from a table, read once a quarter: no loop read as it runs
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["tabular"],
            }
        ),
    ),
    ask="does its setting change what it reads next: how long until a change shows, does it update faster "
    "than that, and is the loop tried in simulation or a step test before it runs live?",
)
def closed_loop_dynamics_untested(plan: Plan) -> Evidence:
    """A loop the model closes is judged only on logged data.

    Where the model's output sets a control, a dose, a price or a schedule and that setting changes the
    readings it reads next, the model closes a loop: its error on history, where operators closed it, says
    nothing about how the loop behaves. A change takes effect only after a lag; a model updated faster than
    the process responds reacts to its own last move before it shows, and the process oscillates or hunts.

    Mitigation: Measure the lag between a change and its effect with a step test; update no faster than the
    process responds; limit how far each update may move; try the closed loop in a simulation or a step
    test on one unit, with the lag and the overshoot reported, before it runs live.
    """
    if acts_alone(plan) is None or plan.product.task not in ESTIMATES:
        return (
            None  # a detector or a classifier acts once on what it sees; a loop sets an amount over and over
        )
    reads = process_quoted(plan, _READS_THE_LOOP)
    if reads is None:
        return None
    said = first_said(plan, ("product.output", "product.decision"), SETPOINT)
    fact = setting_set(plan, said)
    if plan.product.task is TaskType.forecasting and said is None:
        return None  # a forecast of what the setting does not move (demand, inflow): no loop closes
    paths = (*_SAID_IN, *monitor_paths(plan), *faq_paths(plan))
    timing = first_said(plan, paths, DYNAMICS)
    tested = first_said(plan, paths, LOOP_TESTED)
    if timing is not None and tested is not None:
        return None
    if plan.done.online_validation in _TRIED_LIVE:
        return None  # a share of the process run by the model, live and compared: the loop itself is tried
    missing = "; ".join(
        gap
        for gap, found in (
            ("no lag between a setting and its effect, nor an update rate set against it", timing),
            ("no closed-loop simulation or step test before it runs live", tested),
        )
        if found is None
    )
    if fact is None:
        if said is None or Circumstance.none in plan.product.circumstances:
            return None
        return Hint(said[1], (quote(plan, "product.mode"), quote(plan, said[0]), reads, missing))
    found: tuple[str, ...] = (fact, quote(plan, "product.mode"), reads, missing)
    if plan.done.online_validation is OnlineValidation.shadow:
        found = (
            *found,
            quote(plan, "done.online_validation", "a shadow run applies no setting: the loop stays open"),
        )
    if timing is not None or tested is not None:
        return Tempered(2, found)
    if serious_harm(plan):
        return (*found, severity_quote(plan))
    return Tempered(3, found)
