"""Rules on a model that closes a loop on a physical process (a dose, a temperature, a speed, a valve) and
on a change of instrument read as a trend: a setpoint set alone needs guards outside the model, and a
series measured two ways over time needs the bias of each way, not an accuracy."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    answer_at,
    faq_paths,
    first_said,
    monitor_paths,
    quote,
    says_nothing,
    ticked,
)
from planner.judgement.rules.harm import serious_harm, severity_quote
from planner.judgement.rules.lexicon import HINDSIGHT, READS_FORECASTS
from planner.judgement.rules.periodchange import DEVICE_CHANGE, changes_said
from planner.judgement.rules.upkeep import recording_started_only, upkeep_only
from planner.judgement.rules.volume import acts_alone
from planner.judgement.rules.words import Lexicon
from planner.plan.model import (
    ActionShape,
    Category,
    Circumstance,
    DataKind,
    Difference,
    LabelWriter,
    Plan,
    Serving,
    TaskType,
)

# Words of a physical setting the output becomes.
SETPOINT = Lexicon("""
    setpoint, setpoints, set point, set points, set-point, set-points, dose, doses, dosing, dosage rate
    pump rate, pump rates, pump speed, pump speeds, flow rate, flow rates, valve, valves, valve position
    valve opening, fan speed, fan speeds, line speed, feed rate, feed rates, burner setting, burner settings
    zone temperatures, set the temperature, sets the temperature, damper position, dampers
""")
# Words of an amount quoted to a customer: a price, a quote, a fee; money offered, no physical setting.
PRICE_QUOTED = Lexicon("""
    quote, quotes, quoted, price quote, price quotes, price, prices, priced, premium, premiums, fee, fees
    fare, fares, tariff, tariffs, offer price, asking price
""")
# Inputs checked before the model reads them: stale, frozen or out-of-range sensor values.
INPUTS_CHECKED = Lexicon("""
    stale, stale readings, frozen sensor, frozen sensors, frozen reading, frozen readings, flatlined
    flat-lined, out-of-range, out of range readings, range check, range checks, plausibility check
    plausibility checks, sensor check, sensor checks, sensor validation, validated readings, forward-filled
    forward fill, forward-fill, last value carried, missing readings, sensor fault, sensor faults
""")
# Limits on what it sets, kept outside the model.
BOUNDED = Lexicon("""
    hard limit, hard limits, rate limit, rate limits, rate of change, clamp, clamped, clamps, interlock
    interlocks, max step, maximum step, step limit, step limits, ramp limit, ramp limits, within limits
    safety limits, alarm limits, bounded between, capped at
""")
# It hands control back when it leaves what it knows.
HANDS_BACK = Lexicon("""
    hands back, hand back, hand-back, handed back, falls back to the controller, fall back to the controller
    existing controller, pid, pid loop, the old controller, manual mode, operator takes over, operators take
    over, reverts to the controller, revert to the controller, bumpless transfer, back to the operator
    back to the operators, outside the training range, outside the range it was trained on
""")
# Evaluation on the extreme regime, where the risk lives.
EXTREME = Lexicon("""
    extreme, extremes, top percentile, top percentiles, top 1%, top 5%, worst days, worst hours, peak days
    peak hours, storm events, heatwave, heatwaves, highest loads, highest flows, rare regime, extreme regime
    99th percentile, 95th percentile
""")

# Where a plan says how the loop is guarded.
_GUARD_IN = (
    "after_launch.fallback",
    "product.decision",
    "product.output",
    "product.inputs",
    "heuristics.humans_handle",
    "done.when_met",
)
_EVAL_IN = ("done.eval_set", "done.when_met", "constraints.data.differences_note")
ESTIMATES = (TaskType.regression, TaskType.forecasting)  # a number the setting is set to


def running_process(plan: Plan) -> str | None:
    """The path of the answer showing the output acts on a running process it then reads: read as a series
    (product.data_kinds), served as it streams (constraints.latency.serving), or an outcome instruments
    record (constraints.data.label_writer); None when no answer shows it."""
    if DataKind.time_series in plan.product.data_kinds:
        return "product.data_kinds"
    if plan.constraints.latency.serving is Serving.online:
        return "constraints.latency.serving"
    if plan.constraints.data.label_writer is LabelWriter.event:
        return "constraints.data.label_writer"
    return None


_PHYSICAL = {
    "product.data_kinds": "it reads a running process as a series",
    "constraints.latency.serving": "",
    "constraints.data.label_writer": "instruments record the outcome",
}


def process_quoted(plan: Plan, notes: dict[str, str]) -> str | None:
    """The answer, quoted with its note from `notes`, showing the output acts on a running process
    (`running_process`), or None."""
    path = running_process(plan)
    return quote(plan, path, notes[path]) if path else None


def setting_set(plan: Plan, said: tuple[str, tuple[str, ...]] | None) -> str | None:
    """The answer saying the output sets a control, quoted: the sets_controls tick, or an amount it sets.
    An amount with no word (`said`) calling it a setting, served in batch, is a schedule, a quote or a date
    read from the process (a use-by date from its readings): it steers nothing it reads next, and None is
    returned; served online, a system waits on it as on a controller, unless it is a price quoted to a
    customer. Served online with no measured process read back as a series (a booking slot's length, a
    staffing level), the amount feeds no sensor it then reads: no control loop, and None."""
    fact = ticked(plan, Circumstance.sets_controls)
    if fact is None and plan.product.action_shape is ActionShape.sets_amount:
        if said is None and plan.constraints.latency.serving is not Serving.online:
            return None
        if said is None and DataKind.time_series not in plan.product.data_kinds:
            return None  # an amount set online with no readings read back: a booking, not a controller
        if said is None and first_said(plan, ("product.output", "product.decision"), PRICE_QUOTED):
            return None  # a price quoted online waits on a customer's yes, not on a process it steers
        return quote(plan, "product.action_shape", "it sets an amount")
    return fact


# An estimate that sets a schedule, its outcome recorded by the machine: no running process it steers.
SCHEDULE_FROM_ESTIMATE = Case(
    {
        "product.mode": "automate",
        "product.task": "regression",
        "product.action_shape": "sets_amount",
        "product.data_kinds": ["tabular"],
        "constraints.latency.serving": "batch",
        "constraints.data.label_writer": "event",
        "product.output": "Estimated print hours per job, from which the print schedule is built.",
    }
)


# A date read from the process's readings, printed on each batch in batch: it steers nothing it reads next.
DATE_FROM_READINGS = Case(
    {
        "product.mode": "automate",
        "product.task": "regression",
        "product.action_shape": "sets_amount",
        "product.data_kinds": ["time_series", "tabular"],
        "constraints.latency.serving": "batch",
        "product.output": "The use-by date printed on each batch, from its chill-chain readings.",
    }
)


@rule(
    "setpoint-loop-unguarded",
    Category.operations,
    likelihood=4,
    impact=4,
    move=Move(
        "Guard the loop outside the model before it sets the process alone",
        "A model that sets a dose, a temperature, a speed or a valve alone acts on whatever its sensors "
        "say: reject stale, frozen or out-of-range readings, keep hard limits and a limit on each step "
        "outside the model, hand control back to the existing controller or an operator outside the range "
        "it was trained on, and judge it on the extreme regime (the top percentiles of the driving "
        "variable), not on the average",
        "danger",
    ),
    fires=(
        Case(  # a dose set alone from a series, with serious harm and no fallback: high
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "product.output": "Coagulant dose for the next 15 minutes",
                "impact.error_severity": "serious",
                "after_launch.fallback": None,
            },
            also=frozenset(
                {"predictions-set-controls", "worst-error-uncounted", "closed-loop-dynamics-untested"}
            ),
        ),
        Case(  # an amount set alone, with limits named but no input checks nor hand-back: medium
            {
                "product.mode": "automate",
                "product.circumstances": ["none"],
                "product.action_shape": "sets_amount",
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "constraints.latency.serving": "online",
                "after_launch.fallback": "Hard limits and a rate limit on each step, in the PLC.",
            },
        ),
        Case(  # not ticked: only the words say the output is a setpoint
            {
                "product.mode": "automate",
                "product.circumstances": [],
                "product.task": "regression",
                "product.output": "The chiller setpoint for the next hour",
            },
        ),
    ),
    quiet=(
        SCHEDULE_FROM_ESTIMATE,
        DATE_FROM_READINGS,
        Case(  # people apply each setting
            {
                "product.mode": "augment",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
            }
        ),
        Case(  # a price set alone from a table: no sensor, no loop
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["tabular"],
            }
        ),
        Case(  # every guard named
            {
                "product.mode": "automate",
                "product.circumstances": ["sets_controls"],
                "product.task": "regression",
                "product.data_kinds": ["time_series"],
                "after_launch.fallback": "Stale or out-of-range readings are rejected; hard limits and a rate "
                "limit sit in the PLC; outside the training range it hands back to the PID loop.",
                "done.eval_set": "The last year, reported on the top 5% of inflow turbidity as well.",
            }
        ),
    ),
    ask="does the model set a physical setpoint alone, with no check of its sensors, no limits outside it "
    "and no hand-back outside the range it learned?",
)
def setpoint_loop_unguarded(plan: Plan) -> Evidence:
    """A setpoint set alone has no guard outside the model.

    A model that sets a dose, a temperature, a speed or a valve by itself acts on whatever its sensors
    report: a stale or frozen reading, a forward-filled gap or a drifting probe gives a confident wrong
    setting; its response lags the process and can oscillate; outside the conditions it learned (a storm,
    a heatwave) it extrapolates; and its average error hides the rare extreme regime where the harm is.

    Mitigation: Reject stale, frozen and out-of-range readings before the model reads them; keep hard
    limits and a limit on each step in the controller, outside the model; hand control back to the
    existing controller or an operator outside the range it was trained on; judge it on the top
    percentiles of the driving variable and on its response to steps (lag, overshoot), not on the average.
    """
    if acts_alone(plan) is None or plan.product.task not in ESTIMATES:
        return None
    physical = process_quoted(plan, _PHYSICAL)
    said = first_said(plan, ("product.output", "product.decision"), SETPOINT)
    fact = setting_set(plan, said)
    paths = (*_GUARD_IN, *monitor_paths(plan), *faq_paths(plan))
    guards = {
        "no check of stale, frozen or out-of-range readings": first_said(plan, paths, INPUTS_CHECKED),
        "no hard limit or limit on each step outside the model": first_said(plan, paths, BOUNDED),
        "no hand-back to the existing controller or an operator": first_said(plan, paths, HANDS_BACK),
        "no evaluation on the extreme regime": first_said(plan, (*_EVAL_IN, *paths), EXTREME),
    }
    missing = [gap for gap, found in guards.items() if found is None]
    if not missing:
        return None
    gaps = "; ".join(missing)
    if fact is None or (physical is None and said is None):
        if said is None or (Circumstance.none in plan.product.circumstances and fact is None):
            return None
        # Not ticked, nor read as a series: only the words say the output is a physical setting.
        return Hint(said[1], (quote(plan, "product.mode"), quote(plan, said[0]), gaps))
    where = physical or quote(plan, said[0] if said else "product.output")
    found = (fact, quote(plan, "product.mode"), where, gaps)
    if len(missing) == 1:
        return Tempered(1, found)
    fallback = answer_at(plan, "after_launch.fallback")
    unplanned = fallback is None or says_nothing(fallback)
    if serious_harm(plan) and unplanned:
        return (*found, severity_quote(plan), "after_launch.fallback: not answered (nothing takes over)")
    return Tempered(3, found)


# Words of a change of instrument, sensor or method during the data's period.
NEW_INSTRUMENT = Lexicon("""
    new sensor, new sensors, new instrument, new instruments, new analyser, new analyzer, new analysers
    new analyzers, new meter, new meters, new probe, new probes, new gauge, new gauges, new assay
    new lab method, new method of measurement, new measuring method, new scanner, new scanners
    new camera, new cameras, sensors replaced, sensors were replaced, replaced the sensors, probes replaced
    meters replaced, replaced the meters, instrument changed, instruments changed, changed the method
    method changed, changed the lab method, switched laboratories, switched labs, changed laboratory
    recalibrated, re-calibrated, upgraded the sensors, upgraded sensors
    meters were swapped, meters swapped, swapped the meters, sensors swapped, swapped the sensors
    gauges replaced, gauges were replaced, replaced the gauges, cameras replaced, cameras upgraded
    upgraded the cameras, upgraded cameras, assay changed, the assay changed, changed the assay, new kit
    new kits, new assay kit, smart meters, smart meter rollout, sensor upgrade, sensor upgrades
    change of method, change of instrument, change of sensor, change of sensors, method change
    new equipment, new monitoring equipment, new survey method, new sampling method, changed supplier of
""")
# Words of an output read as a change over time: a trend, or a comparison across periods.
TREND = Lexicon("""
    trend, trends, trend line, year on year, year-on-year, change since, changes since
    compared with last year, compared to last year, against last year, versus last year, same period last year, over the years
    monitoring over time, long-term change, long-term changes, from one year to the next, across years
    before and after, since the baseline, against the baseline year, change over the years
    changes over the years, change over time, changes over time, trend over time, trends over time
    versus last year, vs last year, year over year, year-over-year, yoy, over the years
""")
# Words of a bridge between the two ways of measuring: both run together, the bias measured.
BRIDGED = Lexicon("""
    parallel run, parallel runs, run in parallel, ran in parallel, side by side, side-by-side, bridging period
    bridging study, overlap period, overlapping period, both instruments, both sensors, both methods
    both analysers, both analyzers, both meters, bias per, paired readings, paired measurements, paired samples
    cross-calibrated, cross-calibration, cross calibration, calibration curve, step adjustment
    break in the series, series break, per regime, by regime, each regime, per measuring regime
    per instrument, by instrument, each instrument, per method, by method, old and new method
    old and new instrument, old and new sensors, flagged by regime, regime as an input
""")
# Where the output is read as a change over time. Not the success metric: a comparison with last year
# there is the team's before/after of the product itself, counted in its own records (items returned,
# claims paid), which the launch is meant to move; no instrument's readings feed it.
_TREND_IN = (
    "product.output",
    "product.decision",
    "product.goal",
    "press_release.solution",
)
_CHANGE_IN = ("constraints.data.changes", "constraints.data.differences_note")
_BRIDGE_IN = (
    "constraints.data.differences_note",
    "constraints.data.changes",
    "done.eval_set",
    "done.when_met",
    "product.inputs",
    "product.output",
    "product.decision",
    "after_launch.fallback",
)


def capture_means_forecasts(plan: Plan) -> bool:
    """Whether `capture` is ticked for observed values in training against forecasts live (the note names
    observations or forecasts and no equipment): no new instrument or setting, but inputs future-inputs asks."""
    data = plan.constraints.data
    note = data.differences_note
    if Difference.capture not in data.differences or not (HINDSIGHT.find(note) or READS_FORECASTS.find(note)):
        return False
    return not DEVICE_CHANGE.find(note) and not NEW_INSTRUMENT.find(note)


@rule(
    "instrument-change-read-as-trend",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Measure the bias of each instrument before reading a change over time",
        "A change of instrument, sensor or method at one date moves every reading after it: where the output "
        "feeds a trend or a comparison across periods, the step looks like a real change. Run both ways "
        "side by side for a bridging period, estimate the bias per regime (per instrument, per method), "
        "and report the trend corrected for it, not an overall accuracy",
        "warning",
    ),
    fires=(
        Case(
            {
                "constraints.data.differences": ["device"],
                "product.output": "Monthly nitrate level per river reach, reported as a trend year on year.",
            },
            also=frozenset({"production-differs"}),
        ),
        Case(  # routine upkeep beside a real change of device
            {
                "constraints.data.changes": "Gauges recalibrated each year; new tipping-bucket gauges in 2022.",
                "product.output": "Rainfall per catchment, compared with last year.",
            },
        ),
        Case(  # not ticked: the changes name a new sensor, and the output is compared with last year
            {
                "constraints.data.changes": "The ward got new sensors in March 2024.",
                "product.output": "Falls per 1,000 bed-days, compared with last year.",
            },
        ),
    ),
    quiet=(
        Case(  # another device, but no change over time is read
            {
                "constraints.data.differences": ["device"],
                "product.output": "Nitrate level of each water sample.",
            }
        ),
        Case(  # both ran side by side: the bias is measured
            {
                "constraints.data.differences": ["device"],
                "constraints.data.differences_note": "Old and new analysers ran side by side for three months.",
                "product.output": "Monthly nitrate level per river reach, reported as a trend year on year.",
            }
        ),
        Case(  # the trend is read per measuring regime
            {
                "constraints.data.changes": "Two stations got new probes in 2023.",
                "product.output": "Dissolved oxygen per lake, compared with last year, estimated per regime.",
            }
        ),
        Case(  # routine upkeep keeps one scale: not a change of instrument
            {
                "constraints.data.changes": "The rain gauges are serviced and recalibrated each year.",
                "product.output": "Rainfall per catchment, compared with last year.",
            }
        ),
        Case(  # the note says when photographing began: nothing was measured another way before it
            {
                "constraints.data.differences": ["capture"],
                "constraints.data.differences_note": "We started photographing returned pallets in March 2023.",
                "product.output": "Share of pallets graded damaged per month, compared with last year.",
            }
        ),
        Case(  # the before/after of the product is its success metric, not a trend read from its output
            {
                "constraints.data.differences": ["capture"],
                "constraints.data.differences_note": "Finders photograph items on their phones; the desk uses a scanner.",
                "product.output": "The three lost-property reports whose photos look most like the found item.",
                "product.success_metric": "Items returned to their owners per month, compared with last year.",
            }
        ),
        Case(  # a trend, measured one way throughout
            {
                "constraints.data.differences": ["none"],
                "product.output": "Monthly nitrate level per river reach, reported as a trend year on year.",
            }
        ),
    ),
    ask="does the output feed a trend or a comparison across periods while the instrument or method "
    "changed: is the step an artefact of the change?",
)
def instrument_change_read_as_trend(plan: Plan) -> Evidence:
    """A change of instrument is read as a change over time.

    Where the data were captured with another device or method from some date on and the output feeds a
    trend or a comparison across periods, the change of instrument is confounded with time: its bias
    moves every reading after the switch, and the trend shows a step that nothing in the world caused.
    Accuracy on a test set does not show it; the bias of each way of measuring does.

    Mitigation: Run the old and the new way side by side for a bridging period; estimate the bias per
    regime (instrument, method, site) and correct for it or mark the break in the series; report the
    trend with and without the correction, and judge the model by its bias per regime, not its accuracy.
    """
    trend = first_said(plan, _TREND_IN, TREND)
    if trend is None:
        return None
    data = plan.constraints.data
    ticked_kinds = [kind for kind in (Difference.device, Difference.capture) if kind in data.differences]
    if ticked_kinds == [Difference.capture] and capture_means_forecasts(plan):
        ticked_kinds = []  # the capture the note means is observed values against forecasts: future-inputs
    changed = None if ticked_kinds else first_said(plan, _CHANGE_IN, NEW_INSTRUMENT)
    if changed is not None and upkeep_only(answer_at(plan, changed[0])):
        changed = None  # routine upkeep (recalibrated each year, serviced): one scale throughout
    if changed is not None and not NEW_INSTRUMENT.find(changes_said(answer_at(plan, changed[0]))):
        changed = None  # the words sit in a clause saying it stayed the same (`no new cameras`)
    if not ticked_kinds and changed is None:
        return None
    notes = (data.changes, data.differences_note)
    if any(recording_started_only(note) for note in notes) and not any(NEW_INSTRUMENT.find(n) for n in notes):
        return None  # the note says when recording began: nothing was measured another way before it
    paths = (*_BRIDGE_IN, *monitor_paths(plan), *faq_paths(plan))
    if first_said(plan, paths, BRIDGED) is not None:
        return None
    compared = "a change over time is read from it: the instrument's step looks like a real change"
    if ticked_kinds:
        fact = quote(plan, "constraints.data.differences", "another instrument or way of capture")
        return Hint(
            trend[1], (fact, quote(plan, trend[0], compared), "no bridging period or bias per regime")
        )
    assert changed is not None
    return Hint(
        (*changed[1], *trend[1]),
        (quote(plan, changed[0]), quote(plan, trend[0], compared), "no bridging period or bias per regime"),
    )
