"""What the rest of the plan says against a tick-box on the outcome: a label that measures part of what
the decision uses up, a record whose overruns and follow-ups may end elsewhere, today's process acting
on the very signal the model reads, and inputs that count past actions the model will soon drive; each
a question naming the words it saw (a Hint)."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.filled import RESOURCE, filled_resource
from planner.judgement.rules.words import Lexicon, in_one_sentence, phrases, words_of
from planner.plan.model import (
    ActionShape,
    Category,
    LabelSource,
    OutcomeLimit,
    OutcomeRecorded,
    Plan,
    TaskType,
)

_AMOUNTS = (TaskType.regression, TaskType.forecasting)

# Words of an amount one item uses: its length, its volume, its weight.
_USES = Lexicon("""
    minutes, hours, duration, durations, time taken, length, volume, volumes, litres, liters, weight
    kg, kilograms, tonnes, tons, cubic metres, load, loads
""")
# Words that say the label counts all the resource takes: the whole occupancy, turnover and set-up.
_WHOLE = Lexicon("""
    total, whole, in total, all told, occupancy, occupied, turnover, turnaround, changeover, changeovers
    set-up, setup, clean-up, cleanup, cleaning, including, includes, included, end to end, end-to-end
    door to door, door-to-door, wheels in, wheels out, in to out, shared, combined, all households
""")


@rule(
    "label-is-part-of-the-resource",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure what the decision uses up, not only the part the label records",
        "An amount that fills a room, a truck or a shift must predict all it will take: set-up, turnover, "
        "travel and what others share; compare the label with the resource's own log (room in and out, "
        "loads weighed) on a sample and predict that, or add the rest as a measured allowance",
        "warning",
    ),
    ask="does the label measure all of what the decision uses up?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.decision": "Schedulers fill each operating room's day with predicted cases.",
                "product.label": "Minutes from incision to closure, from the surgical record.",
            },
            evidence=(
                'product.decision: "Schedulers fill each operating room\'s day with predicted cases." '
                "(the decision uses up: operating room; filled with the prediction: fill)",
                'product.label: "Minutes from incision to closure, from the surgical record." (does it '
                "measure all that takes, the set-up, turnover and sharing too?)",
            ),
            also=frozenset({"scored-unit-differs"}),
        ),
    ),
    quiet=(
        Case(  # the label is the room's whole occupancy, turnover included
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.decision": "Schedulers fill each operating room's day with predicted cases.",
                "product.label": "Minutes the room is occupied, wheels in to wheels out plus the clean-up.",
            }
        ),
        Case(  # a price: no resource that the amount fills
            {
                "product.task": "regression",
                "product.action_shape": "sets_amount",
                "product.decision": "The pricing team sets each listing's nightly price from the prediction.",
                "product.label": "Nightly price paid for the listing.",
            }
        ),
    ),
)
def label_is_part_of_the_resource(plan: Plan) -> Evidence:
    """The label may measure only part of what the decision uses up.

    A predicted amount that allocates a resource (a room's day, a truck, a shift, a shared container)
    must cover all the resource will take; a label that records one part of it (a procedure's own
    minutes without the set-up and turnover, one household's waste in a shared bin) is accurate and
    still overfills the resource every time, most where the plan fills it to capacity.

    Mitigation: Compare the label with the resource's own record (room in and out times, weighed loads)
    on a sample; predict what the resource uses, or add the missing part as a measured allowance and a
    buffer before filling to capacity.
    """
    product = plan.product
    if product.task not in _AMOUNTS or product.action_shape is not ActionShape.sets_amount:
        return None
    said = filled_resource(product.decision)
    if not said or not _USES.find(product.label) or _WHOLE.find(product.label):
        return None
    resource = [word for word in said if RESOURCE.find(word) == word]
    fills = [word for word in said if word not in resource]
    note = f"the decision uses up: {', '.join(resource)}; filled with the prediction: {', '.join(fills)}"
    return Hint(
        (*resource, *fills),
        (
            quote(plan, "product.decision", note),
            quote(
                plan, "product.label", "does it measure all that takes, the set-up, turnover and sharing too?"
            ),
        ),
    )


# A record of one piece of work, whose length or cost a label may read.
_WORK_RECORD = Lexicon("""
    job, jobs, ticket, tickets, order, orders, work order, work orders, case, cases, claim, claims
    booking, bookings, repair, repairs, call-out, call-outs, visit, visits, project, projects, task, tasks
    request, requests, shipment, shipments
""")
# Words of a length, an effort or a cost: an amount that an overrun split off would shorten.
_AMOUNT_OF_WORK = Lexicon("""
    duration, durations, hours, minutes, days, weeks, time to, time taken, time spent, length
    cost, costs, spend, effort, labour, labor, man-hours, person-hours, hours worked
""")
# Words that say the record follows a piece of work to its end: follow-ups linked, measured end to end.
_FOLLOWED_TO_THE_END = Lexicon("""
    linked, links, link, joined, merged, follow-up, follow-ups, follow-on, follow-ons, reopened, reopen
    reopens, end to end, end-to-end, until closed, until it closes, until resolved, parent, child, chain
    chained, overrun, overruns, rework, revisit, revisits, repeat visit, repeat visits, exceptions
""")


@rule(
    "record-hides-how-work-ends",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Trace how overruns, follow-ups and exceptions are booked",
        "A record can end before the work does: an overrun booked as a new job, a return visit under a new "
        "id, an exception settled in another system; trace a sample of records to the real end of the work "
        "and link what was split off before reading the label from the record",
        "warning",
    ),
    ask="are overruns, follow-ups and exceptions booked in the same record the label is read from?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.label": "Hours booked on each repair job.",
                "constraints.data.outcome_limits": ["none"],
            },
            evidence=(
                'product.label: "Hours booked on each repair job." (an amount read from a record: repair, job, '
                "hours; is work split off into a follow-up record, or booked elsewhere?)",
                'constraints.data.outcome_limits: ["none"] (how would an overrun, a follow-up or an exception '
                "show in this record?)",
            ),
        ),
    ),
    quiet=(
        Case(  # follow-ups are linked to the first job
            {
                "product.task": "regression",
                "product.label": "Hours booked on each repair job, with its follow-up jobs linked.",
                "constraints.data.outcome_limits": ["none"],
            }
        ),
        Case(  # a limit is answered: the record rules reason from it
            {
                "product.task": "regression",
                "product.label": "Hours booked on each repair job.",
                "constraints.data.outcome_limits": ["other_exits"],
            }
        ),
    ),
)
def record_hides_how_work_ends(plan: Plan) -> Evidence:
    """The record may end before the work does.

    An amount read from a record of one piece of work (hours on a job, days to close a ticket, the cost
    of a claim) is only as long as the record: an overrun booked as a new job, a return visit under a
    new id, an exception settled elsewhere all end the record early, so the label is short exactly on
    the hard cases the prediction matters for; a tick that nothing limits the outcome does not show it.

    Mitigation: Trace a sample of records to the real end of the work; link follow-ups and exceptions
    to the first record (or measure end to end) before training, and compare the linked and unlinked
    labels.
    """
    if plan.product.task not in _AMOUNTS:
        return None
    if plan.constraints.data.outcome_limits != [OutcomeLimit.none]:
        return None  # a limit is answered (the record rules weigh it), or none is: completeness asks
    label = plan.product.label
    record, amount = _WORK_RECORD.find_all(label), _AMOUNT_OF_WORK.find_all(label)
    if not record or not amount:
        return None
    paths = ("product.label", "product.inputs", "constraints.data.differences_note", *source_paths(plan))
    if any(_FOLLOWED_TO_THE_END.find(answer_at(plan, path)) for path in paths):
        return None
    limit = quote(
        plan,
        "constraints.data.outcome_limits",
        "how would an overrun, a follow-up or an exception show in this record?",
    )
    words = (*record, *amount)
    note = f"an amount read from a record: {', '.join(words)}; is work split off into a follow-up record, or booked elsewhere?"
    return Hint(words, (quote(plan, "product.label", note), limit))


# Today's process acting on a case: stepping in, fixing, treating.
_ACTS_TODAY = Lexicon("""
    intervene, intervenes, step in, steps in, act on, acts on, respond, responds, fix, fixes, repair
    repairs, replace, replaces, adjust, adjusts, treat, treats, call, calls, phone
    phones, visit, visits, escalate, escalates, alert, alerts, tighten, tightens, clean, cleans, patch
    patches, restock, restocks, reroute, reroutes, transfer, transfers, swap, swaps, overhaul, overhauls
    shut down, shuts down, lubricate, lubricates, grease, greases, flush, flushes, recalibrate, recalibrates
""")
# Words of a trigger: acting when a reading is seen or rises.
_WHEN_SEEN = Lexicon("""
    when, whenever, once, if, as soon as, rises, rise, exceeds, exceed, above, over the, crosses
    see, sees, seen, spot, spots, spotted, notice, notices, noticed, find, finds, flagged
""")
# An outcome the process exists to prevent: a failure, a loss, an incident.
_FAILURE = Lexicon("""
    failure, failures, fails, failed, breakdown, breakdowns, outage, outages, fault, faults, incident
    incidents, loss, losses, collapse, collapses, deterioration, deteriorates, arrest, leak, leaks, burst
    bursts, fall, falls, spoilage, spoiled, stockout, stockouts, break, breaks, breakage, breakages
    crack, cracks, derailment, derailments, rupture, ruptures, blockage, blockages, flood, floods
""")
# Words that say the label counts the cases today's process caught too.
_CAUGHT_COUNTED = Lexicon(
    phrases(
        "or, or was, or were, or had, or having",
        ", *, * *",
        """intervention, interventions, repaired, replaced, treated, fixed, swapped, serviced, overhauled
        a repair, a replacement, an intervention, caught""",
    )
    + ", caught cases, interventions counted, including interventions, including repairs"
)
_COMMONPLACE = frozenset(
    words_of(
        """every their there these those which where about other after before while daily weekly monthly
        customer customers patient patients client clients member members account accounts order orders
        staff people items cases"""
    )
)


def _shared_signal(solution: str, inputs: str, label: str) -> tuple[str, ...]:
    """The words of five letters or more that today's process and the model's inputs both name: the
    signal, not the thing the label is about (a pump, a parcel) nor a commonplace word."""
    said = {word for word in words_of(inputs) if len(word) >= 5 and word not in _COMMONPLACE}
    said -= set(words_of(label))
    return tuple(dict.fromkeys(word for word in words_of(solution) if word in said))


@rule(
    "label-after-todays-fixes",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Record what today's process did on each case, and count a caught case as at risk",
        "Where staff already act on the reading the model reads, the failures on record are the ones they "
        "missed, and the cases they caught look normal; log each intervention with its reading, and label "
        "an intervened case as at risk (or model the two apart) before training",
        "warning",
    ),
    ask="do today's interventions on the same signal remove the failures the label should record?",
    fires=(
        Case(
            {
                "product.current_solution": "Engineers replace a pump when its vibration reading rises.",
                "product.inputs": "Hourly vibration reading, temperature and run hours of each pump.",
                "product.label": "Pump failure within 30 days.",
                "constraints.data.labels": ["outcomes"],
            },
            evidence=(
                'product.current_solution: "Engineers replace a pump when its vibration reading rises." '
                "(today's process acts on what the model reads: replace, when, rises; "
                "vibration, reading)",
                'product.label: "Pump failure within 30 days." (the recorded failures are those today\'s '
                "process missed: are the cases it caught labelled normal?)",
            ),
        ),
    ),
    quiet=(
        Case(  # the label counts a caught case as a failure too
            {
                "product.current_solution": "Engineers replace a pump when its vibration reading rises.",
                "product.inputs": "Hourly vibration reading, temperature and run hours of each pump.",
                "product.label": "Pump failure within 30 days, or replaced for vibration.",
                "constraints.data.labels": ["outcomes"],
            }
        ),
        Case(  # the process and the inputs share the thing, a parcel, not the signal
            {
                "product.current_solution": "Agents call the customer when a parcel is late.",
                "product.inputs": "Parcel weight, route and depot.",
                "product.label": "Parcel lost in transit.",
                "constraints.data.labels": ["outcomes"],
            }
        ),
        Case(  # today's process acts on other information than the model reads
            {
                "product.current_solution": "Engineers replace every pump after five years in service.",
                "product.inputs": "Hourly vibration reading, temperature and run hours of each pump.",
                "product.label": "Pump failure within 30 days.",
                "constraints.data.labels": ["outcomes"],
            }
        ),
    ),
)
def label_after_todays_fixes(plan: Plan) -> Evidence:
    """Today's fixes may have removed the failures the label should record.

    Where today's process already acts on the signal the model reads (staff step in when a reading
    rises, inspectors fix what they see), the failures on record are those it missed; the cases it
    caught and fixed are labelled normal, so the model learns that a high reading is safe and is scored
    on the misses of the old process, not on the risk.

    Mitigation: Log each intervention with the reading that prompted it; count an intervened case as at
    risk (or label it apart) before training, and keep a record of what the process did once the model
    drives it.
    """
    data = plan.constraints.data
    if LabelSource.outcomes not in data.labels or (data.exploration_share or 0) > 0:
        return None
    if data.outcome_recorded_for in (OutcomeRecorded.selected_cases, OutcomeRecorded.changed_by_action):
        return None  # answered: selective-labels and feedback-loop reason from the answer
    product = plan.product
    solution, label = product.current_solution, product.label
    if (
        not solution
        or not product.inputs
        or not label
        or not _FAILURE.find(label)
        or _CAUGHT_COUNTED.find(label)
    ):
        return None
    acts = in_one_sentence(solution, _ACTS_TODAY, _WHEN_SEEN)
    shared = _shared_signal(solution, product.inputs, label)
    if not acts or not shared:
        return None
    note = f"today's process acts on what the model reads: {', '.join(acts)}; {', '.join(shared)}"
    return Hint(
        (*(word for word in acts if _ACTS_TODAY.find(word)), *shared),
        (
            quote(plan, "product.current_solution", note),
            quote(
                plan,
                "product.label",
                "the recorded failures are those today's process missed: are the cases it caught labelled normal?",
            ),
        ),
    )


# Inputs that count past actions taken on a case: once the model drives the action, they count its own
# earlier choices.
_PAST_ACTIONS = Lexicon(
    phrases(
        "past, previous, prior, earlier, number of, count of, history of",
        """contacts, calls, visits, home visits, reminders, letters, emails, texts, offers, discounts
        interventions, promises, promises to pay, outreach, referrals""",
    )
    + ", "
    + phrases(
        "contacts, calls, visits, reminders, letters, emails, texts, offers, discounts, interventions",
        "made, sent, placed, given, received",
    )
    + """, contact history, call history, visit history, outreach history, offer history
    promise to pay, promises to pay, broken promises, broken promise"""
)


@rule(
    "inputs-count-past-actions",
    Category.data,
    likelihood=3,
    impact=3,
    move=Move(
        "Log each action with the score that chose it, and check what the action inputs mean after launch",
        "An input that counts past calls, visits or offers meant 'what staff chose to do' in the training "
        "data and will mean 'what the model chose' once it drives the action; log the score and the reason "
        "with each action, keep a random share, and compare the input's effect before and after launch "
        "(or drop it)",
        "warning",
    ),
    ask="will inputs that count past actions change meaning once the model drives the action?",
    fires=(
        Case(
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.inputs": "Days past due, balance, past contacts and broken promises.",
            },
            evidence=(
                'product.inputs: "Days past due, balance, past contacts and broken promises." (inputs that count '
                "past actions: past contacts, broken promises; once the model chooses the action, they count "
                "its own choices)",
                'constraints.data.outcome_recorded_for: "changed_by_action" (acting changes the outcome the '
                "model learns from)",
            ),
            also=frozenset({"feedback-loop"}),
        ),
    ),
    quiet=(
        Case(  # no input counts a past action
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "product.inputs": "Days past due, balance and payment history.",
            }
        ),
        Case(  # a random share keeps the action's old meaning measurable
            {
                "constraints.data.outcome_recorded_for": "changed_by_action",
                "constraints.data.exploration_share": 0.05,
                "product.inputs": "Days past due, balance, past contacts and broken promises.",
            }
        ),
    ),
)
def inputs_count_past_actions(plan: Plan) -> Evidence:
    """Inputs that count past actions change meaning once the model drives the action.

    Where acting changes the outcome, an input that records past actions (contacts made, promises
    taken, reminders sent, visits) learned what staff chose to do and how it went; once the model
    chooses whom to act on, the same input counts the model's own earlier choices, so its weight is
    wrong and the scores feed on themselves.

    Mitigation: Log each action with the score and reason that chose it, keep a small random share,
    and check the effect of each action input before and after launch; drop or freeze it where it
    shifts.
    """
    data = plan.constraints.data
    if (
        data.outcome_recorded_for is not OutcomeRecorded.changed_by_action
        or (data.exploration_share or 0) > 0
    ):
        return None
    words = _PAST_ACTIONS.find_all(plan.product.inputs)
    if not words:
        return None
    note = f"inputs that count past actions: {', '.join(words)}; once the model chooses the action, they count its own choices"
    return Hint(
        words,
        (
            quote(plan, "product.inputs", note),
            quote(
                plan,
                "constraints.data.outcome_recorded_for",
                "acting changes the outcome the model learns from",
            ),
        ),
    )
