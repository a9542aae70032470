"""Rules on outcomes capped by supply or capacity: sales where stock ran out, trips where the dock was
empty, visits where the clinic was full. Recorded for every case, the label still counts what was
served, not what was wanted (censored observations); and a time to one outcome measured only on the cases
that reached it, the others (left another way, still waiting) censored away."""

from __future__ import annotations

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, first_said, handled, limit_ticked, quote
from planner.judgement.rules.fullness import near_full, spare_note
from planner.judgement.rules.lexicon import CAP_HANDLED, REQUESTS_PLACED, SUPPLY_SET
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.choices import TaskType
from planner.plan.model import ActionShape, Category, Dropped, OutcomeLimit, Plan

# Supply or capacity that ran out: what is recorded then stops at what there was.
CAPPED = Lexicon(
    """
    sold out, sold-out, sells out, sell out, selling out, out of stock, out-of-stock, out-of-stocks
    stockout, stockouts, stock-out, stock-outs, ran out, runs out, run out, running out, empty shelf
    empty shelves, empty dock, empty docks, empty station, empty stations, no bikes, no bikes left
    no scooters, no stock, none left, fully booked, booked up, booked out, turned away, turn away, turns away
    turning away, at capacity, capacity reached, reached capacity, full capacity, capacity limit, capacity limits
    waiting list, waiting lists, waitlist, waitlists, no free slots, no slots left, no availability
    limited stock, limited supply, supply runs out, clinic is full, clinics are full, when full
    rationed, rationing, rationed days, days of rationing, shortage, shortages, shortage days, short supply
    supply shortfall, supply shortfalls, held back, could not be met, unmet orders, unmet demand
    balk, balks, balked, balking, walk away, walks away, walked away, walk-away, walk-aways, walkaways
    drive off, drive away, drives off, drives away, drove off, drove away, drive-offs, drive-aways
    leave the queue, leaves the queue, left the queue, leave the line, leaves the line, left the line
    abandon the queue, abandoned calls, abandon the call, hang up before, hung up before, queue abandonment
    limited by the number of, limited by staff, limited by staffing, capped by, capped at, queues form
    queues build, queue builds, queues built up, queues build up, open lanes, lanes open, lanes opened
    slots fill, slots fill up, slots are filled, slots filled up, every slot is taken, every slot taken
    booked solid, oversubscribed, over-subscribed, no spare slots, no spare capacity, no spare places
    near capacity, close to capacity, at or near capacity, over capacity, above capacity
    spend cap, spend caps, spending cap, spending caps, budget cap, budget caps, capped budget, capped budgets
    funding cap, funding caps, capped funding, hours cap, capped hours, capped at the budget, budget ceiling
    spending ceiling, within the budget, up to the budget, limited by the budget, limited by budget
    limited by funding, as the budget allows, budget allows, budget allowed, allowance cap
    """,
    unless="""ran out of time, runs out of time, run out of time, running out of time, ran out of patience
    run out of ideas, ran out of ideas, turn away from""",
)

# A label or goal that counts what people wanted or took: sales, trips, bookings, visits.
COUNTS_DEMAND = Lexicon(
    """
    demand, sales, units sold, sold, trips, rides, rentals, bookings, appointments, visits, orders
    footfall, attendance, admissions, pickups, pick-ups, checkouts, reservations, covers served
    patients seen, people served, meals served, tickets sold, units issued, issued, issues, dispensed
    units dispensed, units used, units delivered, arrivals, entries, admitted, check-ins, scans, passengers
    throughput
    """
)

# More counts of what people took, read by capped-outcomes alone (other rules read COUNTS_DEMAND as behaviour).
COUNTS_TAKEN = Lexicon("""
    attendances, enrolments, enrollments, registrations, room nights, nights booked, places taken, seats sold
    sessions booked, classes booked, tests booked, slots booked, appointments booked, collections booked
    hours delivered, delivered hours, care hours, support hours, hours of care, hours of support, hours provided
    visits delivered, sessions delivered, units supplied, amount spent, amount paid out
""")

# Words that say the cap is already handled: censored periods marked, unconstrained demand estimated.
UNCAPPED = Lexicon(
    """
    censored, censoring, uncensored, unconstrained demand, unconstrained, true demand, latent demand
    lost demand, lost sales estimated, estimated lost sales, turned-away counts, turnaways, turn-aways
    stockout flag, stockout flags, stock-out flag, stock-out flags, flagged stockouts, excluded sold-out days
    understate demand, understates demand, understated demand, hides the real demand, hide the real demand
    days without stockouts, days without stock-outs, days without stock outs
    unfilled, unfilled orders, plus unfilled, including unfilled, unmet orders recorded, back orders
    backorders, units requested, requests including those refused, turned-away requests
    whether served or not, served or not, including those who left, including walk-aways
    booking requests, requests for a slot, including those turned away, including those refused
    searches that found no slot, failed searches, waiting-list additions, added to the waiting list
    """
)

_TEXTS = (
    "product.label",
    "product.goal",
    "product.pain",
    "product.inputs",
    "product.current_solution",
    "product.current_performance",
    "product.decision",
    "impact.bottleneck",
    "constraints.data.differences_note",
    "constraints.data.changes",
    "press_release.problem",
)
# What today's service does and how it performs: a cap there is the team's own capacity.
_SERVICE_TODAY = frozenset(("product.pain", "product.current_solution", "product.current_performance"))
_SERVICE_TODAY |= {"impact.bottleneck", "constraints.data.changes", "press_release.problem"}
_FIX = (
    "mark the periods where supply or capacity ran out, estimate unconstrained demand (or the turned-away "
    "count), and evaluate on periods where nothing ran out"
)


@rule(
    "capped-outcomes",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Mark the capped periods, and evaluate where nothing ran out",
        "Where stock sold out, docks were empty or the clinic was full, the record stops at what there "
        "was: a model trained on it learns past supply, not demand, and under-provisions just where demand "
        "is highest",
        "warning",
    ),
    ask="is the recorded outcome capped by supply or capacity, so that it counts what was served rather "
    "than what was wanted?",
    fires=(
        Case(  # a throughput counted at the gates, which the lanes the forecast sets can cap
            {
                "product.task": "forecasting",
                "product.label": "Gate scans per 15 minutes at each entrance.",
                "product.decision": "How many entry lanes to open each quarter hour.",
                "product.pain": "Queues build when too few lanes open.",
            },
            evidence=(
                'product.pain: "Queues build when too few lanes open." (capped by supply or capacity: queues '
                "build, lanes open; the record then counts what was served, not what was wanted)",
                'product.label: "Gate scans per 15 minutes at each entrance." (mark the periods where supply or '
                "capacity ran out, estimate unconstrained demand (or the turned-away count), and evaluate on "
                "periods where nothing ran out)",
                'constraints.data.outcome_limits: ["none"] (answered: nothing limits the record; its own words say '
                "the record is capped)",
            ),
        ),
        Case(
            {
                "product.task": "forecasting",
                "product.label": "Loaves sold per shop per day.",
                "product.inputs": "Past sales and holidays; most shops are sold out by 3 pm.",
            },
            evidence=(
                'product.inputs: "Past sales and holidays; most shops are sold out by 3 pm." (capped '
                "by supply or capacity: sold out; the record then counts what was served, not what was "
                "wanted)",
                'product.label: "Loaves sold per shop per day." (mark the periods where supply or capacity '
                "ran out, estimate unconstrained demand (or the turned-away count), and evaluate on periods "
                "where nothing ran out)",
                'constraints.data.outcome_limits: ["none"] (answered: nothing limits the record; its own words say '
                "the record is capped)",
            ),
        ),
        Case(  # a figure of the team's own: slots used near full, though nothing is ticked as capped
            {
                "product.task": "forecasting",
                "product.label": "Physiotherapy appointments attended per clinic per week.",
                "product.current_performance": "Slot utilisation runs at 97% across the clinics.",
            },
            evidence=(
                'product.current_performance: "Slot utilisation runs at 97% across the clinics." (utilisation '
                "runs at 97%: 97% of capacity used leaves 3% spare, so on most days the record stops at the "
                "capacity there was and counts what was served, not what was wanted)",
                'product.label: "Physiotherapy appointments attended per clinic per week." (mark the periods '
                "where supply or capacity ran out, estimate unconstrained demand (or the turned-away count), and "
                "evaluate on periods where nothing ran out)",
                'constraints.data.outcome_limits: ["none"] (answered: nothing limits the record; its own words say '
                "the record is capped)",
            ),
        ),
        Case(  # ticked: a fact, medium; the output sets no amount
            {"constraints.data.outcome_limits": ["capped"]},
            evidence=(
                'constraints.data.outcome_limits: ["capped"] (it stops at a limit: demand above the cap is '
                "never recorded)",
            ),
        ),
        Case(  # ticked, and the output sets an amount that may be the cap: asked, still medium
            {
                "constraints.data.outcome_limits": ["capped"],
                "product.action_shape": "sets_amount",
                "product.task": "forecasting",
                "product.label": "Loaves sold per shop per day.",
            },
            evidence=(
                'constraints.data.outcome_limits: ["capped"] (it stops at a limit: demand above the cap is '
                "never recorded)",
                'product.action_shape: "sets_amount" (if the amount the output sets is what caps the record, '
                "it confirms itself: check which)",
            ),
        ),
        Case(  # the queue caps it: customers who walk away at the peak are never counted
            {
                "product.task": "forecasting",
                "product.label": "Visits per branch and hour, from the ticket machine.",
                "product.inputs": "Past visits and paydays; at lunch many customers walk away from the queue.",
            },
        ),
    ),
    quiet=(
        Case(  # ticked capped, the demand reconstructed and the stock-out days flagged in the inputs
            {
                "constraints.data.outcome_limits": ["capped"],
                "product.action_shape": "sets_amount",
                "product.inputs": "Sales by shop and day, with stock-out days flagged and demand reconstructed.",
            }
        ),
        Case(  # ticked, and the capped days are flagged and excluded from the evaluation
            {
                "constraints.data.outcome_limits": ["capped"],
                "done.metrics[0].dataset": "The last six months, capped days excluded.",
            }
        ),
        Case(
            {"constraints.data.outcome_limits": ["capped"], "constraints.data.capped_marked": True}
        ),  # answered
        Case(  # the cap is marked already
            {
                "product.task": "forecasting",
                "product.label": "Loaves sold per shop per day, sold-out days flagged as censored.",
                "product.inputs": "Past sales and holidays; most shops are sold out by 3 pm.",
            }
        ),
        Case(  # a classifier of shelf photos: no count of demand is learned
            {
                "product.task": "classification",
                "product.label": "Whether the shelf in the photo has a gap.",
                "product.inputs": "Shelf photos; an out-of-stock shelf shows a gap.",
            }
        ),
        Case(  # an event the label records; the waiting list is today's service, not a cap on the event
            {
                "product.task": "classification",
                "product.label": "An emergency admission for asthma in the next 12 months.",
                "product.current_performance": "Referrals after an admission; a 10-week waiting list.",
            }
        ),
        Case(  # a service with room to spare: the figure is well below full
            {
                "product.task": "forecasting",
                "product.label": "Physiotherapy appointments attended per clinic per week.",
                "product.current_performance": "Slot utilisation runs at 71% across the clinics.",
            }
        ),
        Case(  # near full, but the label counts requests, the ones turned away included
            {
                "product.task": "forecasting",
                "product.label": "Booking requests per clinic per week, including those turned away.",
                "product.current_performance": "Slot utilisation runs at 97% across the clinics.",
            }
        ),
        Case(  # a threshold, not how full the service ran
            {
                "product.task": "forecasting",
                "product.label": "Physiotherapy appointments attended per clinic per week.",
                "product.current_performance": "A clinic is flagged for more sessions when utilisation exceeds 95%.",
            }
        ),
        Case(  # answered none, the label counts requests as made: a parts shortage delays repairs, not requests
            {
                "product.task": "forecasting",
                "product.label": "Repair orders placed per depot per week.",
                "product.current_performance": "One repair in ten waits past a week during spare-part shortages.",
            }
        ),
        Case(  # a forecast of a count nothing caps
            {
                "product.task": "forecasting",
                "product.label": "Kilowatt-hours used per household per day.",
                "product.inputs": "Past use, weather and holidays.",
            }
        ),
    ),
)
def capped_outcomes(plan: Plan) -> Evidence:
    """The recorded outcome is capped by supply or capacity.

    A forecast of demand learned from sales stops at the stock there was: days that sold out, docks
    left empty and clinics that turned people away all record what was served, not what was wanted.
    The model learns yesterday's supply, and its offline error looks best exactly where it under-serves;
    where its output sets the stock, staff or capacity itself, the cap it sets is what it next learns.

    Mitigation: Mark the censored periods (sold out, empty, full) and treat them as at least the cap,
    estimate unconstrained demand from the uncensored ones or from turned-away counts, and evaluate on
    periods where nothing ran out, reporting the capped ones apart.
    """
    ticked = limit_ticked(plan, OutcomeLimit.capped)
    if ticked:
        return _capped_fact(plan, ticked)
    texts = {path: text for path in _TEXTS if isinstance(text := answer_at(plan, path), str)}
    for index, source in enumerate(plan.constraints.data.sources):
        texts[f"constraints.data.sources[{index}].name"] = source.name
    for index, noticed in enumerate(plan.by_hand.noticed):
        texts[f"by_hand.noticed[{index}]"] = noticed
    if any(UNCAPPED.find(text) for text in texts.values()) or handled(plan, CAP_HANDLED):
        return None
    data = plan.constraints.data
    if data.outcome_limits == [OutcomeLimit.none] and Dropped.period in data.dropped:
        return None  # answered: nothing limits the record kept, a period dropped (where the words' cap was)
    counted = any(
        (COUNTS_DEMAND + COUNTS_TAKEN).find(texts.get(path)) for path in ("product.label", "product.goal")
    ) or (plan.product.task is TaskType.forecasting and "product.label" not in texts)
    if plan.product.task not in (TaskType.forecasting, TaskType.regression):
        # A yes/no event's label is capped only where the record says so: a waiting list in today's service
        # (pain, current performance) caps the team's own capacity, not the event the label records.
        texts = {
            path: text
            for path, text in texts.items()
            if path not in _SERVICE_TODAY and not path.startswith("by_hand.noticed")
        }
    if data.outcome_limits == [OutcomeLimit.none] and REQUESTS_PLACED.find(texts.get("product.label")):
        # Answered none, the label counts requests as made: a shortage in today's service delays, not caps.
        texts = {path: text for path, text in texts.items() if path not in _SERVICE_TODAY}
    capped = next(((path, words) for path, text in texts.items() if (words := CAPPED.find_all(text))), None)
    if not counted:
        return None
    outcome = "product.label" if "product.label" in texts else "constraints.data.outcome_recorded_for"
    if capped is None:
        return _near_full(plan, texts, outcome)
    path, words = capped
    note = f"capped by supply or capacity: {', '.join(words)}; the record then counts what was served, not what was wanted"
    return Hint(words, (quote(plan, path, note), quote(plan, outcome, _FIX), *_said_uncapped(plan)))


def _near_full(plan: Plan, texts: dict[str, str], outcome: str) -> Evidence:
    """A figure of the team's own saying the service ran near full (`slot utilisation 97%`): on most
    days the record stopped at the capacity there was, whatever the tick-box says."""
    for path, text in texts.items():
        found = near_full(text)
        if found is None:
            continue
        said, share = found
        note = (
            f"{said}: {spare_note(share)}, so on most days the record stops at the capacity there was and "
            "counts what was served, not what was wanted"
        )
        return Hint((said,), (quote(plan, path, note), quote(plan, outcome, _FIX), *_said_uncapped(plan)))
    return None


def _said_uncapped(plan: Plan) -> tuple[str, ...]:
    """The team's answer that nothing limits the record, quoted against the words that say it is capped."""
    if plan.constraints.data.outcome_limits == [OutcomeLimit.none]:
        note = "answered: nothing limits the record; its own words say the record is capped"
        return (quote(plan, "constraints.data.outcome_limits", note),)
    return ()


def _capped_fact(plan: Plan, ticked: str) -> Evidence:
    """The team ticked a capped record: quiet where it says the cap is handled (flagged, excluded,
    censored, unconstrained demand estimated); high where the output sets the amount that caps it."""
    if plan.constraints.data.capped_marked:
        return None  # answered: the capped rows are marked and read as at least the cap, or left out
    if handled(plan, CAP_HANDLED) or handled(plan, UNCAPPED):
        return None
    inputs = answer_at(plan, "product.inputs")
    if isinstance(inputs, str) and (CAP_HANDLED.find(inputs) or UNCAPPED.find(inputs)):
        return None  # the inputs say the capped days are flagged or the demand rebuilt
    if plan.product.action_shape is ActionShape.sets_amount:
        # Stock, seats or screenings the output sets are the cap itself: high. Staff for visitors who come
        # anyway only serve the record: asked, not asserted.
        supply = first_said(plan, ("product.decision", "product.output"), SUPPLY_SET)
        if supply is not None:
            note = "the output sets the very amount that caps the record: it confirms itself"
            return (ticked, quote(plan, supply[0], f"{', '.join(supply[1])}: {note}"))
        note = "if the amount the output sets is what caps the record, it confirms itself: check which"
        return Tempered(3, (ticked, quote(plan, "product.action_shape", note)))
    return Tempered(3, (ticked,))


# A label that measures how long until an event: days to adoption, time to sale, length of stay.
DURATION = Lexicon(
    phrases("days, weeks, months, hours, years, time", "to, until, till, from")
    + ", length of stay, lengths of stay, days on market, time on market, time-to-fill, duration of"
)

# The cases that left another way (transferred, withdrawn, unsold) dropped, or only the ones that reached
# the event kept: `days to adoption, for adopted animals`.
REACHED_WORDS = """adopted, paid, sold, rehomed, hired, placed, filled, repaid, discharged, resolved, closed, completed
    finished, delivered, converted, graduated, recovered, repaired, fixed, let, rented, leased, shipped
    approved, matched, reunited"""
LEFT_OTHERWISE_WORDS = """transferred, transfers, died, deaths, euthanised, euthanized, withdrawn, withdrawals
    cancelled, cancellations, abandoned, unsold, unfilled, lost to follow-up, dropped out, dropouts
    still open, still waiting, still listed, still in care, not yet adopted, not yet sold, auctioned
    sent to auction, scrapped, expired, lapsed, written off, returned to owner, returned to owners"""
ONE_EXIT_ONLY = Lexicon(
    phrases("for, among, only for, only", "the, ", REACHED_WORDS.replace("\n", ","))
    + ", "
    + phrases("that were, who were, which were, that got, once", REACHED_WORDS.replace("\n", ","))
    + ", "
    + phrases(
        "excluding, excludes, excluded, without, not counting, dropping, drops, except",
        "the, ",
        LEFT_OTHERWISE_WORDS.replace("\n", ","),
    )
    + ", "
    + phrases(
        LEFT_OTHERWISE_WORDS.replace("\n", ","),
        ", *, * *, * * *",
        "are excluded, are dropped, are removed, are left out",
    )
    + ", completed cases only, closed cases only, finished cases only"
)

# Words that say every case is kept, the ones still waiting as censored: survival analysis.
ALL_EXITS_KEPT = Lexicon("""
    survival analysis, survival model, survival models, competing risks, competing risk, censored, censoring
    right-censored, kaplan-meier, cox model, hazard model, hazard models, every exit, all exits
    whatever the outcome, whatever the exit, each way of leaving
""")

_EXIT_TEXTS = ("product.label", "constraints.data.differences_note", "product.inputs")


@rule(
    "duration-of-one-exit",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Keep every case, with how and when it left",
        "A time to one outcome measured only on the cases that reached it drops the cases that left another "
        "way or are still waiting, which are the long ones: keep them as censored (survival analysis, "
        "competing risks), or predict the chance of each outcome within a window",
        "warning",
    ),
    ask="is the time to this outcome measured only on the cases that reached it, dropping those that left "
    "another way?",
    fires=(
        Case(
            {
                "product.task": "regression",
                "product.label": "Days from receipt to payment, for paid invoices only.",
            },
            evidence=(
                'product.label: "Days from receipt to payment, for paid invoices only." (a time to one '
                "outcome: days from; measured only on the cases that reached it: for paid; the cases that left "
                "another way, or are still waiting, are the long ones)",
            ),
        ),
    ),
    quiet=(
        Case(  # every case kept, the ones still open as censored
            {
                "product.task": "regression",
                "product.label": "Days to payment, for paid invoices; open ones kept as censored.",
            }
        ),
        Case(  # not a time to an event
            {"product.task": "regression", "product.label": "Amount paid, for paid invoices only."}
        ),
    ),
)
def duration_of_one_exit(plan: Plan) -> Evidence:
    """The time to one outcome is measured only on the cases that reached it.

    `Days to adoption, for adopted animals` drops every case that left another way (transferred, died,
    withdrawn) or is still waiting: those are disproportionately the long ones, so the model learns
    durations that are too short, and most for the cases that matter most. The same holds for time to
    sale of the sold listings, time to fill of the filled vacancies, length of stay of the discharged.

    Mitigation: Keep every case with how and when it left, and the ones still waiting as censored; model
    the time with survival analysis (competing risks where exits differ), or predict the chance of each
    outcome within a fixed window from the moment of prediction.
    """
    if limit_ticked(plan, OutcomeLimit.other_exits):
        return None  # the team ticked it: outcome-ends-another-way states it as a fact
    label = plan.product.label
    duration = DURATION.find_all(label)
    if not duration:
        return None
    texts = [answer_at(plan, path) for path in _EXIT_TEXTS]
    if any(ALL_EXITS_KEPT.find(text) for text in texts):
        return None
    for path in _EXIT_TEXTS[:2]:
        exits = ONE_EXIT_ONLY.find_all(answer_at(plan, path))
        if exits:
            note = (
                f"measured only on the cases that reached it: {', '.join(exits)}; the cases that left another way, "
                "or are still waiting, are the long ones"
            )
            if path == "product.label":
                return Hint(
                    (*duration, *exits),
                    (quote(plan, path, f"a time to one outcome: {', '.join(duration)}; {note}"),),
                )
            return Hint(
                (*duration, *exits),
                (
                    quote(plan, "product.label", f"a time to one outcome: {', '.join(duration)}"),
                    quote(plan, path, note),
                ),
            )
    return None
