"""The questions a lead asks about what the record can and cannot say, from the plan's shape.

A team ticks "the outcome is recorded for every case, nothing limits it" in good faith: the label is an
event, a weighbridge ticket, a retry that passed. A lead still asks three things where the shape calls
for them. A label whose classes turn on whether somebody acted (retried, escalated, followed up) means
"nobody acted" where it says "did not happen". A forecast that sets the crews, lanes or stock that serve
what it predicts learns from a record that stops at the capacity there was. And a success count that
falls when the system itself hides, holds or closes more cases is met by doing less, as an amount
judged by its waste alone is met by setting less. Each probe asks only where its rules stayed quiet
and no answer settles it; its question quotes the answers that make it worth asking.
"""

from __future__ import annotations

import re

from planner.judgement.probes import Found, metric_paths, probe, short
from planner.judgement.rules.capped import CAPPED
from planner.judgement.rules.evidence import first_said, monitor_paths, own_notes, quote
from planner.judgement.rules.lexicon import TOO_FEW, TOO_MANY
from planner.judgement.rules.periodchange import (
    DEVICE_CHANGE,
    INPUT_CHANGE,
    changes_said,
    equipment_change_only,
)
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.choices import Acquisition, DataKind, Difference, Direction, Mode, TaskType
from planner.plan.model import Plan
from planner.plan.stakes import PersonEffect
from planner.plan.workings import ActionShape, Audience, OutcomeLimit, RowsPerThing


def _limits_say_none(plan: Plan) -> bool:
    """The team answered that nothing limits the record, or did not answer (older plans)."""
    limits = set(plan.constraints.data.outcome_limits)
    return not limits or limits == {OutcomeLimit.none}


def _limits_quoted(plan: Plan, note: str) -> tuple[str, ...]:
    if plan.constraints.data.outcome_limits:
        return (quote(plan, "constraints.data.outcome_limits", note),)
    return ()


# ---------------------------------------------------------------- a label built from a choice

# An action somebody may or may not take on a case, named in the label as not taken: its absence makes
# the class, so that class means "nobody acted", not "it did not happen".
NOT_ACTED = Lexicon("""
    not retried, never retried, not re-run, never re-run, not rerun, not re-tried, not escalated
    never escalated, not followed up, never followed up, not reported, never reported, not investigated
    never investigated, not reviewed, never reviewed, not looked at, never looked at, not opened
    never opened, not flagged, never flagged, not appealed, never appealed, not queried, never queried
    not challenged, never challenged, not reopened, never reopened, not re-opened, not requested
    never requested, not referred, never referred, not chased, never chased, not disputed, never disputed
    not complained, no complaint, no complaints, not claimed, never claimed, not returned for, not re-tested
    not retested, never retested, not re-checked, not rechecked, never rechecked, no retry, no retries
    without a retry, without retry, no follow-up, no follow up, no escalation, no report, no appeal
    nobody retried, nobody escalated, nobody reported, nobody reviewed, nobody investigated
    no one retried, no one escalated, no one reported, no one reviewed, no one investigated
""")
# Today people decide case by case whether to take such an action.
DISCRETION = Lexicon("""
    decide whether, decides whether, decided whether, choose whether, chooses whether, chose whether
    decide if, decides if, choose if, chooses if, at their discretion, at the discretion, at his discretion
    at her discretion, if they choose, when they choose, if they have time, when they have time
    if they think, when they think, if they suspect, when they suspect, their call, their own call
    judgement call, judgment call, on their own judgement, on their own judgment, up to the developer
    up to the engineer, up to the agent, up to the clerk
    up to the nurse, up to the officer, up to the team, up to each, optional, optionally, if they want
    when they want, if they bother, when they bother, most do not, many do not, some do not
""")
# The label, or how it is checked, already keeps the cases nobody acted on apart.
UNACTED_KEPT_APART = Lexicon("""
    unknown, left out, excluded, dropped, unlabelled, unlabeled, not labelled, not labeled, kept apart
    random sample, random samples, sampled at random, at random, randomly, audit, audited, audits
    checked by hand, checked by an expert, reviewed blind, blind review, whether or not, regardless of
    every case is, all cases are, each case is
""")
_LABEL_SETTLED = ("product.label", "done.eval_set", "constraints.data.differences_note")
_CHOOSE_IN = ("heuristics.humans_handle", "product.current_solution", "product.decision")
_VERDICT_TASKS = (TaskType.classification, TaskType.detection, TaskType.ranking, TaskType.matching)


@probe(
    "negative-is-nobody-acting",
    "negatives-mean-nobody-acted",
    "untried-labelled-as-failures",
    "default-marks-unlooked",
    "label-records-what-was-done",
    "label-from-old-process",
    "selective-labels",
)
def _negatives_mean_nobody_acted(plan: Plan) -> Found:
    if plan.product.task not in _VERDICT_TASKS or not _limits_say_none(plan):
        return None
    if plan.product.negative_label:
        return None  # the team says what makes a negative: negatives-mean-nobody-acted reads it
    sentence = next(
        (each for each in SENTENCE.split(plan.product.label or "") if NOT_ACTED.find(each)),
        None,
    )
    if sentence is None:
        return None
    choice = first_said(plan, _CHOOSE_IN, DISCRETION)
    if choice is None or first_said(plan, _LABEL_SETTLED, UNACTED_KEPT_APART):
        return None
    if any(UNACTED_KEPT_APART.find(note) and NOT_ACTED.find(note) for note in own_notes(plan)):
        return None
    acted, (path, words) = NOT_ACTED.find_all(sentence), choice
    return (
        f"The label makes a class of cases nobody acted on ({', '.join(acted)}), and today people decide case "
        f"by case whether to act ({', '.join(words)}): what puts a case in that class, that it did not happen "
        "or that nobody acted? Those cases carry the habits, workload and blind spots of whoever chose; have a "
        "random sample of them checked, or label them unknown, before training or scoring on them.",
        (
            quote(plan, "product.label", ", ".join(acted)),
            quote(plan, path, ", ".join(words)),
            *_limits_quoted(plan, "answered: nothing limits the record"),
        ),
    )


# ---------------------------------------------------------------- a record capped by the capacity set

# Capacity an amount sets, to serve what the forecast predicts: people, vehicles, lanes, stock.
CAPACITY = Lexicon("""
    crews, crew, staff, staffing, staff numbers, headcount, stewards, agents, drivers, loaders, couriers
    nurses, cashiers, tellers, pickers, packers, operators, trucks, lorries, vans, vehicles, buses
    lanes, gates open, tills, checkouts, counters, desks open, kiosks, shifts
    beds, slots, appointments offered, stock, stock levels, order quantity, order quantities, inventory
    portions, batches, capacity, machines, ovens, bays, docks, berths, chairs, seats, tables
""")
# The label counts what the service recorded as it handled it: what was got through, not what came.
SERVED_RECORD = Lexicon("""
    weighbridge, weighbridge tickets, weighed, scans, till, tills
    till data, transactions, collected, collections, served, covers served, handled, answered, processed
    delivered, deliveries, picked, picked up, pick-ups, issued, dispensed, checked in, check-ins, sold
    sales, units sold, throughput, admitted, admissions, completed jobs, jobs completed, calls answered
    calls handled, orders shipped, shipped, despatched, dispatched, boarded, boardings
    carried, traffic carried, volume carried, load carried, utilisation, utilization, occupancy
""")
# The plan already treats the record as possibly short of what came: the short days marked, the demand
# behind them estimated, the work carried over counted.
CAP_SETTLED = Lexicon("""
    censored, censoring, uncensored, unconstrained, true demand, latent demand, unmet demand, lost demand
    lost sales, turned-away counts, turnaway counts, turn-away counts, carried over, carry-over, carryover
    backlog carried, spare capacity, capacity was spare, below capacity, never ran out, never sold out
    nothing ran out, capped days, capped weeks, capped periods, capacity-limited, capacity limited
    short days flagged, flagged as short, days at capacity, weeks at capacity
""")
# The label is a duration, not a count capacity can stop: how long a job or a scan took.
DURATION = Lexicon("""
    minutes, hours, seconds, duration, durations, how long, time taken, time to, length of stay
""")
# What is served was booked ahead: the count follows the bookings, and a short shift makes people wait.
BOOKED_AHEAD = Lexicon("""
    appointments booked, booked appointments, bookings so far, bookings made, pre-orders, pre-order
    preorders, pre-booked, prebooked, advance bookings, reservations made
""")
_CAPACITY_IN = ("product.decision", "product.output", "product.goal")
_CAP_SETTLED_IN = (
    "product.label",
    "product.inputs",
    "constraints.data.differences_note",
    "constraints.data.changes",
    "done.eval_set",
)


_PICKS = (ActionShape.threshold, ActionShape.top_of_queue, ActionShape.up_to_capacity)


@probe("capacity-caps-the-record", "capped-outcomes")
def _capacity_caps_the_record(plan: Plan) -> Found:
    product = plan.product
    if product.task not in (TaskType.forecasting, TaskType.regression):
        return None
    # the output sets the capacity, or (a forecast) decides where capacity is added
    sets = product.action_shape is ActionShape.sets_amount or (
        product.task is TaskType.forecasting and product.action_shape in _PICKS
    )
    if not sets or not _limits_say_none(plan):
        return None
    capacity = first_said(plan, _CAPACITY_IN, CAPACITY)
    served = SERVED_RECORD.find_all(product.label)
    if capacity is None or not served or DURATION.find(product.label) or BOOKED_AHEAD.find(product.inputs):
        return None
    paths = [*_CAP_SETTLED_IN, *metric_paths(plan, "name", "dataset"), *monitor_paths(plan)]
    if first_said(plan, paths, CAP_SETTLED) or any(CAP_SETTLED.find(note) for note in own_notes(plan)):
        return None
    if first_said(plan, paths, CAPPED):
        return None  # the record notes when supply ran out (a dish ran out, a sold-out day): the cap is seen
    path, words = capacity
    said = (
        "the team answered that nothing caps it"
        if plan.constraints.data.outcome_limits
        else "no answer marks it capped"
    )
    return (
        f"The output sets {', '.join(words[:2])} to serve what the label counts ({short(product.label or '', 50)}), "
        f"and {said}: in the busiest periods, did the record stop at what that capacity got through, the rest "
        "moved to the next period or lost? Then the history's peaks are the old capacity, and a model "
        "trained on it under-forecasts them; mark the periods capacity ran short and score the forecast "
        "where it was spare.",
        (
            quote(plan, "product.label", ", ".join(served)),
            quote(plan, path, ", ".join(words)),
            *_limits_quoted(plan, "answered: nothing caps the record"),
        ),
    )


# ---------------------------------------------------------------- success met by doing less

# What the system does by itself that takes a case out of sight: the count it is judged by then falls
# whether or not the case was handled well.
WITHHOLDS = Lexicon("""
    quarantined, quarantines, quarantine, suppressed, suppresses, suppress, muted, mutes, mute, hidden
    hides, hide, silenced, silences, auto-closed, auto-closes, auto-close, closed automatically
    closes automatically, auto-resolved, auto-resolves, resolved automatically, auto-dismissed
    dismissed automatically, dismisses, snoozed, snoozes, deferred automatically, filtered out
    filters out, held back, holds back, skipped, skips, ignored, ignores, stop blocking, stops blocking
    no longer blocks, no longer alerts, stop alerting, stops alerting, not escalated, no longer escalated
    declined automatically, declines automatically, auto-declined, auto-rejected, rejected automatically
""")
# A count the team wants to fall: events that happen while a case is still in sight.
FALLS = Lexicon("""
    halved, halve, halves, down, fewer, reduce, reduced, reduces, reduction, cut, cuts, drop, drops
    lower, decrease, decreases, decreased, fall, falls
""")
# A counter-measure of what the withheld cases let through.
LET_THROUGH_COUNTED = Lexicon("""
    escaped, escapes, escape rate, let through, slipped through, missed, misses, miss rate, regressions
    regression, incidents, incident, defects reaching, reached production, reached customers, reversals
    reversed, reopened, re-opened, complaints, false quarantine, wrongly quarantined, wrongly suppressed
    wrongly closed, wrongly hidden, audit, audited, audits, random sample, sampled at random, spot check
    spot checks, spot-check, counter-metric, counter metric, guardrail, guardrails
""")
# A count of events over a period, not an error or a score.
COUNTED = Lexicon("""
    per day, per week, per month, per year, per quarter, a day, a week, a month, each day, each week
    daily, weekly, monthly, number of, count of, how many
""")
_WITHHOLDS_IN = ("product.decision", "impact.action_cost", "press_release.solution")


def _falling_count(plan: Plan) -> tuple[str, str] | None:
    """The success measure the team wants to fall, as (path, its name): the success metric said as a
    fall, or a done metric (other than the first, offline one) with lower is better."""
    for index, metric in enumerate(plan.done.metrics):
        if index and metric.direction is Direction.lower_is_better and COUNTED.find(metric.name):
            return f"done.metrics[{index}].name", metric.name
    said = plan.product.success_metric
    if said and FALLS.find(said) and COUNTED.find(said):
        return "product.success_metric", said
    return None


@probe(
    "success-met-by-doing-less", "success-self-counted", "contact-fall-uncountered", "target-counts-volume"
)
def _success_met_by_doing_less(plan: Plan) -> Found:
    product = plan.product
    if product.mode is not Mode.automate:
        return None
    withheld = first_said(plan, _WITHHOLDS_IN, WITHHOLDS)
    falling = _falling_count(plan)
    if withheld is None or falling is None:
        return None
    paths = [*metric_paths(plan, "name", "dataset"), *monitor_paths(plan)]
    paths += ["done.worst_error_metric", "product.success_metric", "done.when_met"]
    if first_said(plan, paths, LET_THROUGH_COUNTED):
        return None
    path, words = withheld
    count_path, count = falling
    return (
        f"The system itself takes cases out of sight ({', '.join(words)}), and success is a count that falls "
        f"({short(count, 50)}): it falls too when the system does more of that, right or wrong. What counts the "
        "cases it took out of sight that needed acting on (let through, escaped, reversed), with a ceiling "
        "beside the target, measured on a random sample?",
        (quote(plan, path, ", ".join(words)), quote(plan, count_path)),
    )


# ---------------------------------------------------------------- an amount judged by its waste alone

# The amount set too high, counted as it comes back: copies returned unsold, a return rate of supply.
COMES_BACK = Lexicon("""
    copies returned, returned unsold, returns of unsold, return rate, returns rate, units returned
    stock returned, returned to the supplier, returned to the depot
""")
# A measure that keeps the other side, or the priced cost of both, in view.
BOTH_SIDES = Lexicon("""
    pinball, quantile, quantiles, service level, fill rate, availability, cost of errors, priced
    sell-through, revenue, margin, gross margin, turnover
""")


# A measure of the forecast's error, not a count of one side of the amount.
ERROR_MEASURE = Lexicon("""
    mape, wape, wmape, mae, rmse, mse, smape, error, errors, accuracy, bias, r2, coverage, interval
    intervals, beats, auc, precision, recall
""")
# A second measure joined in one answer: success is judged on more than the one side.
_JOINED = re.compile(r";|\band\b|\bplus\b|\balongside\b|\bwhile\b", re.IGNORECASE)


@probe("amount-cut-meets-the-target", "amount-metric-one-sided")
def _amount_cut_meets_the_target(plan: Plan) -> Found:
    said = plan.product.success_metric
    if plan.product.action_shape is not ActionShape.sets_amount or not said or _JOINED.search(said):
        return None
    words = (TOO_MANY + COMES_BACK).find_all(said)
    if not words:
        return None
    others = [m.name for m in plan.done.metrics if not (TOO_MANY + COMES_BACK + ERROR_MEASURE).find(m.name)]
    paths = [*metric_paths(plan, "name", "dataset"), *monitor_paths(plan), "done.worst_error_metric"]
    if others or first_said(plan, paths, TOO_FEW + BOTH_SIDES):
        return None  # another measure beside it, or the other side counted
    return (
        f"Success counts the amount set too high ({', '.join(words)}): setting less meets it, with more "
        "sell-outs and shortfalls that nothing in the plan counts. Which guardrail counts the other side "
        "(sell-outs, lost sales, shortfall hours) with a floor, or is the priced cost of both scored?",
        (quote(plan, "product.success_metric", ", ".join(words)), quote(plan, "product.action_shape")),
    )


# ---------------------------------------------------------------- new equipment within the data's years

_NEW_EQUIPMENT_TESTED = ("done.eval_set", "constraints.data.differences_note")


@probe(
    "equipment-changed",
    "input-meaning-changed",
    "label-standard-changed",
    "instrument-change-read-as-trend",
    "production-differs",
)
def _equipment_changed(plan: Plan) -> Found:
    """New equipment (a camera, a sensor, a tank) during the data's years: an input change, not a new label
    standard; asked where nothing says the model is tested on the new equipment."""
    said = plan.constraints.data.changes
    if not said or plan.constraints.data.change_kind or not equipment_change_only(said):
        return None  # ticked: the team said what the change touched, and the rule of that kind asks
    if {Difference.device, Difference.capture} & set(plan.constraints.data.differences):
        return None  # ticked: the rules on differences ask for data from the new device
    if first_said(plan, _NEW_EQUIPMENT_TESTED, DEVICE_CHANGE):
        return None  # the evaluation or the note on the data already speaks of the equipment
    words = ", ".join(f"'{word}'" for word in (DEVICE_CHANGE + INPUT_CHANGE).find_all(changes_said(said)))
    return (
        f"The answers mention {words}: did what the model reads change with it, and is the model tested on "
        "data since the switch? New equipment changes what the model reads, not what the label means: if it "
        "did, split by time across the change, test on cases since it, and compare each side.",
        (
            quote(
                plan,
                "constraints.data.changes",
                f"{words}: did what the model reads change?",
            ),
        ),
    )


# ---------------------------------------------------------------- a case's outcome copied onto its parts

# Words saying each part (clip, photo, frame) got its own label, not the case's outcome copied onto it.
PART_LABELLED = Lexicon("""
    each clip labelled, each clip labeled, each photo labelled, each photo labeled, each frame labelled
    each frame labeled, each image labelled, each image labeled, labelled one by one, labeled one by one
    labelled individually, labeled individually, per-frame labels, per-clip labels, per-image labels
    per-photo labels, multiple instance, multiple-instance, case level, case-level, whole case
""")
_PARTS_OF = (DataKind.images, DataKind.video, DataKind.audio)
_JUDGED = (TaskType.classification, TaskType.detection)


@probe("case-label-on-each-part", "decision-on-parent-of-rows")
def _case_label_on_each_part(plan: Plan) -> Found:
    data, product = plan.constraints.data, plan.product
    if data.rows_per_thing is not RowsPerThing.several or not data.repeated_unit:
        return None
    if product.task not in _JUDGED or not set(_PARTS_OF) & set(product.data_kinds):
        return None
    if first_said(
        plan, ("product.label", "constraints.data.differences_note", "done.eval_set"), PART_LABELLED
    ):
        return None
    unit = short(data.repeated_unit, 40)
    return (
        f"Several rows (clips, photos, frames) describe one thing ({unit}): is each row labelled on its own, "
        "or is that thing's outcome copied onto all its rows? A case-level outcome copied onto every part marks "
        "parts that never showed it, and the model learns the noise; label at the unit you predict, or "
        "train on the whole case (multiple-instance) and score at the unit the decision acts on.",
        (quote(plan, "constraints.data.rows_per_thing"), quote(plan, "constraints.data.repeated_unit")),
    )


# ---------------------------------------------------------------- data the customers send

# The differences that say the senders' formats and capture vary (their phones, templates, channels).
_SENDERS_VARY = {Difference.device, Difference.capture, Difference.channel}

# What the output does to the person it is about that a sender gains from: something granted or priced,
# or a check avoided. Help they may decline, or a need met, gives no one a reason to shape what they send.
_SENDER_GAINS = {PersonEffect.grants, PersonEffect.scrutiny}


@probe("customers-send-the-data", "adversaries-adapt")
def _customers_send_the_data(plan: Plan) -> Found:
    """Data customers or clients send (reports, photos, forms) is neither the team's own in quality nor in
    format: each sender has their own phone, template and habits. Asked where nothing ticks those
    differences, or where the model decides alone; and, where the output decides something about the
    senders (grants, prices or checks them), whether a sender can shape what they send to get it: a farm's
    call count or a school's intake forecast gains its sender nothing."""
    sources = plan.constraints.data.sources
    sent = next((i for i, s in enumerate(sources) if s.acquisition is Acquisition.from_customers), None)
    if sent is None:
        return None
    alone = plan.product.mode is Mode.automate
    effect = plan.product.person_effect
    gains = effect in _SENDER_GAINS or plan.product.audience is Audience.staff_about_outsiders
    if _SENDERS_VARY & set(plan.constraints.data.differences) and not alone:
        return None  # the senders' formats are ticked as a difference, and a person reads each decision
    evidence = [quote(plan, f"constraints.data.sources[{sent}].name", "sent to us by customers")]
    if alone:
        evidence.append(quote(plan, "product.mode", "the model decides alone"))
    if effect in _SENDER_GAINS:
        evidence.append(quote(plan, "product.person_effect", "the output decides something about the sender"))
    elif gains:
        evidence.append(quote(plan, "product.audience", "the output decides about people outside"))
    shaped = (
        ", and could a sender shape what they send to get the outcome they want? Score it per sender group, "
        "check a sample against what really happened, and watch for senders whose submissions change once "
        "the model decides."
        if gains
        else "? Score it per sender group, and check a sample against what really happened."
    )
    return (
        "Customers send this data: is it tested across senders (their phones, templates and channels "
        "change its format without telling you)" + shaped,
        tuple(evidence),
    )
