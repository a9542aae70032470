"""What set-up a plan describes, read from its structured answers first: a batch job run once with no
live system after it, or a generator that trains nothing and gives every item an output.

Rules whose mechanism needs a live system (a vendor's update mid-use, an alert while it runs) or a
model that learns from chosen cases (selective labels) read these before they fire.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Instead, Move
from planner.judgement.rules.evidence import answer_at, first_said
from planner.judgement.rules.lexicon import SCOPE_HELD
from planner.judgement.rules.record import trained
from planner.judgement.rules.words import Lexicon
from planner.plan.choices import Difference, EvalTruth, OnlineValidation, Period
from planner.plan.model import ActionShape, Cadence, Plan, Serving, TaskType

# Words saying the job runs once: a backlog worked through, a one-off pass, no live use after it.
ONE_OFF = Lexicon("""
    one-off, one off, one-time, one-time job, one-time run, run once, runs once, ran once, single run
    single pass, one pass, just once, once only, only once, one-shot, one shot
    historic backlog, historical backlog, back catalogue, back-catalogue, back catalog, back-catalog
""")
_WHERE = (
    "title",
    "product.goal",
    "product.decision",
    "product.output",
    "impact.bottleneck",
    "constraints.retraining.trigger",
    "after_launch.fallback",
    "after_launch.owner",
)


def runs_once(plan: Plan) -> tuple[str, tuple[str, ...]] | None:
    """The answer that says the job runs once (path, words): not retrained (never, or unanswered), served in
    batch (or serving unanswered), and `impact.period: once` or named one-off in the text; None for anything
    that keeps running."""
    if plan.constraints.retraining.cadence not in (Cadence.never, None):
        return None  # a cadence answered: it keeps running
    if plan.constraints.latency.serving not in (Serving.batch, None):
        return None
    if plan.impact.period is Period.once:
        return "impact.period", ("once",)
    return first_said(plan, _WHERE, ONE_OFF)


def rerun_at_retraining(plan: Plan) -> Cadence | None:
    """The retraining cadence of a batch run once over its whole population and re-run, from scratch, at
    each retraining (yearly or half-yearly): the same decision made again, with no live system between
    runs; None for anything else."""
    cadence = plan.constraints.retraining.cadence
    if plan.constraints.latency.serving is not Serving.batch or plan.impact.period is not Period.once:
        return None
    return cadence if cadence in (Cadence.yearly, Cadence.half_yearly) else None


# A one-off run whose whole bill is at most this (in the plan's currency) is pocket money, not a cost
# risk, whatever the monthly budget says (a tunable judgement call).
TINY_ONE_OFF = 1000


def one_off_bill(plan: Plan) -> float | None:
    """The whole bill of a run once over a backlog (its count times its price), where both are said."""
    compute, impact = plan.constraints.compute, plan.impact
    period = compute.prediction_period or (impact.period if compute.predictions_per_period is None else None)
    count = compute.predictions_per_period if compute.predictions_per_period is not None else impact.volume
    if period is not Period.once or count is None or compute.call_cost is None:
        return None
    return float(count) * compute.call_cost


def no_money_set_aside(plan: Plan) -> str | None:
    """What a budget of 0 says: no money set aside (not 'no limit'), and for a one-off run the bill it
    leaves unpaid; None where that run's whole bill is known and at most `TINY_ONE_OFF`."""
    total = one_off_bill(plan)
    if total is not None and total <= TINY_ONE_OFF:
        return None
    if total is None:
        return "no money set aside"
    bill = fmt.money(total, plan.constraints.compute.currency)
    return f"no money set aside for a one-off run of about {bill} in all: who pays it?"


# A monthly bill too small to call a budget overrun, or an open bill, when no money is set aside (in the
# plan's currency), and what a lead takes one hosted model call to cost where the plan gives no price: a
# few thousand tokens of a large hosted model, rounded up (tunable judgement calls, not a price list).
TINY_MONTHLY_BILL = 100
TYPICAL_CALL_PRICE = 0.05


def likely_monthly_bill(plan: Plan) -> tuple[float, str] | None:
    """The bill a month a lead works out for a budget of 0 (calls a month x the plan's price, or a typical
    hosted call's), and how; None where the calls a month are not said (nor the volume as a flow)."""
    compute, impact = plan.constraints.compute, plan.impact
    count, period = compute.predictions_per_period, compute.prediction_period
    if count is None:
        count, period = impact.volume, impact.period
    months = period.per_month if period is not None else None
    if count is None or months is None:
        return None  # a one-off total, or no count: one_off_bill and no_money_set_aside weigh it
    calls, price = count * months, compute.call_cost
    typical = price is None
    price = TYPICAL_CALL_PRICE if price is None else price
    cur = compute.currency
    basis = f"about {fmt.count(calls)} calls a month x {fmt.money(price, cur)}" + (
        " (a typical hosted call)" if typical else ""
    )
    return calls * price, f"{basis} = {fmt.money(calls * price, cur)} a month"


def generates_for_every_item(plan: Plan) -> bool:
    """Whether a generator trained on nothing gives every item an output: nobody chooses which items get
    one, and no label is learned from, so nothing selects the labels."""
    product = plan.product
    if product.task is not TaskType.generation or trained(plan):
        return False
    return product.action_shape is ActionShape.every_item or runs_once(plan) is not None


# Words that open a later phase's clause: `phase 2 adds`, `then extend to`, `next year`.
LATER_CLAUSE = Lexicon("""
    phase 2, phase two, phase ii, second phase, later phase, next phase, later phases, stage 2, stage two
    second stage, next stage, then extend, then extended, then roll out, extend to, extended to, expand to
    expanded to, roll out to, rolled out to, widen to, widened to, next year, afterwards, after that
""")
# Words that say the sources or the period already span the whole: every site, season or product.
WHOLE_SPAN = Lexicon("""
    nationwide, national, network-wide, company-wide, group-wide, fleet-wide, all depots, all plants
    all wards, all lines, all products, every product, all product lines, all seasons, every season
    year-round, all year, all year round, whole network, whole country, every depot, every plant
""")
_NAME = re.compile(r"(?<![.;:!?]\s)(?<!^)\b([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)*)\b")
_LATER_IN = ("done.when_met", "product.goal", "product.decision", "press_release.solution")
_NOT_NAMES = frozenset({"Phase", "Stage", "Then", "Later", "After", "Next", "The", "Our", "And", "Year"})


# Data from every unit a roll-out could reach: `each of our five lines`, `all 12 schools`, `both sites`.
_EVERY_UNIT = re.compile(
    r"\b(?:all|every|each|both)\s+(?:of\s+)?(?:(?:our|the|its|their)\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?:[a-z]+\s+)?"
    r"(?:sites?|lines|plants?|depots?|stores?|shops?|branch(?:es)?|schools?|wards?|hospitals?|clinics?|regions?"
    r"|countries|country|warehouses?|farms?|mills?|kilns?|factories|factory|offices?|studios?|routes?|counties"
    r"|districts?|restaurants?)\b",
    re.IGNORECASE,
)
# The whole population in the data: `all customers`, `every member's account`, `all our records`,
# `the whole customer base`: a roll-out to everyone after a pilot reaches no one the data lacks.
_EVERY_ONE = re.compile(
    r"\b(?:(?:all|every|each)\s+(?:of\s+)?(?:(?:our|the|its|their)\s+)?(?:[a-z]+\s+)?"
    r"(?:customers?|clients?|members?|accounts?|records|policyholders?|households?|subscribers?|users?"
    r"|applicants?|applications?|claims?|loans?|patients?|pupils?|students?|residents?|tenants?)\b"
    r"(?!\s+(?:of|in|at|from)\s+(?:the|our|one|a)\b)"
    r"|(?:whole|entire)\s+(?:customer|client|member|user)\s+base)",
    re.IGNORECASE,
)


def _later_names(plan: Plan) -> set[str]:
    """The names (capitalised: a region, a site, a product family) in the clauses that say what a later
    phase adds: `phase 2 adds the Lyon depot` gives {"Lyon"}."""
    names: set[str] = set()
    for path in _LATER_IN:
        for clause in re.split(r"[.;]", answer_at(plan, path) or ""):
            if LATER_CLAUSE.find(clause):
                names |= {name for name in _NAME.findall(clause) if name not in _NOT_NAMES}
    return names


# Who a roll-out adds, where it adds people of the same organisation (`then roll out to all managers`).
ROLLOUT_PEOPLE = Lexicon("""
    managers, users, analysts, planners, staff, colleagues, employees, clerks, agents, advisers, advisors
    editors, reviewers, engineers, technicians, dispatchers, schedulers, buyers, coordinators, officers
""")
# ...and words of a scope the data may not hold (`roll out to the northern depots`).
ROLLOUT_SCOPE = Lexicon("""
    site, sites, region, regions, regional, country, countries, market, markets, language, languages
    channel, channels, depot, depots, plant, plants, branch, branches, store, stores, ward, wards, hospital
    hospitals, school, schools, product, products, line, lines, city, cities, area, areas, customers
    segment, segments, brand, brands, category, categories, partner, partners, clients
""")


def _later_clauses(plan: Plan) -> list[tuple[str, str]]:
    """Each clause (path, text) that says what a later phase adds: `then roll out to the other lines`."""
    return [
        (path, clause)
        for path in _LATER_IN
        for clause in re.split(r"[.;]", answer_at(plan, path) or "")
        if LATER_CLAUSE.find(clause)
    ]


def adds_people_only(plan: Plan) -> bool:
    """Whether each clause saying what a later phase adds names more users of the same system and no
    site, region, group or channel (`then roll out to all 131 managers`): more people on the same data."""
    clauses = [  # each clause from its later-phase words on: `pilot at two stores, then roll out to ...`
        clause[clause.lower().index(said.lower()) :]
        for _, clause in _later_clauses(plan)
        if (said := LATER_CLAUSE.find(clause)) and said.lower() in clause.lower()
    ]
    return bool(clauses) and all(
        ROLLOUT_PEOPLE.find(clause) and not ROLLOUT_SCOPE.find(clause) for clause in clauses
    )


# Words in a later phase's clause that mark what it adds as new to the data (`the regions we acquired`,
# `the new studios in Spain`), read beside a scope or an input the phase adds.
NEW_TO_DATA = Lexicon("""
    new, newly opened, acquired, bought, merged, taken over, abroad, overseas, foreign, international
    other countries, another country, other languages, another language, other markets, another market
""")
# What a later phase may change besides where it runs: the task or its inputs.
CHANGED_INPUT = Lexicon("""
    input, inputs, sensor, sensors, camera, cameras, form, forms, field, fields, feed, feeds, task, tasks
    category, categories, studio, studios, course, courses, route, routes, fleet, fleets
""")
_UNIT = (
    r"(?:line|site|plant|depot|ward|store|shop|branch|studio|clinic|school|hospital|region|warehouse|office"
    r"|farm|mill|route|country|course)"
)
# A source named for one part of what a roll-out covers: `line 2`, `site B`, `the Severn region`,
# `the pilot stores`.
_ONE_PART = re.compile(rf"\b{_UNIT}\s+(?:\d{{1,3}}|[A-Z])\b|\b[A-Z][a-z]+\s+{_UNIT}\b|\bpilot\s+{_UNIT}s?\b")


def scope_change(plan: Plan) -> tuple[str, str] | None:
    """Where the plan shows a later phase reaching what the data does not hold (path, words): a clause
    of the later phase marking its sites, countries or inputs new to the data (`phase two adds the
    regions we acquired`), or a source named for one part only (`checkweigher logs from line 2`). A
    roll-out to more sites or users of the same task, with data from no one part, shows neither."""
    for path, clause in _later_clauses(plan):
        said = NEW_TO_DATA.find(clause)
        if said and (ROLLOUT_SCOPE.find(clause) or CHANGED_INPUT.find(clause)):
            return path, said
    for index, source in enumerate(plan.constraints.data.sources):
        if part := _ONE_PART.search(source.name):
            return f"constraints.data.sources[{index}].name", part.group(0)
    return None


def judged_alone(plan: Plan) -> bool:
    """Whether the model's own outputs are judged against real or checked answers in a shadow run, with
    nobody acting on them: what it does without people's check is measured."""
    done = plan.done
    return done.online_validation is OnlineValidation.shadow and done.eval_truth in (
        EvalTruth.outcomes,
        EvalTruth.checked,
        EvalTruth.observed,
        EvalTruth.measured,
    )


def scope_held(plan: Plan) -> bool:
    """Whether the data or the evaluation already hold a wider scope: its sites, groups or languages in
    the sources or the period (the names a later phase adds, or every site and season), or a metric
    reported per each."""
    data = plan.constraints.data
    texts = [source.name for source in data.sources] + [data.differences_note or "", data.period or ""]
    texts += [f"{metric.name} {metric.dataset or ''}" for metric in plan.done.metrics]
    if any(SCOPE_HELD.find(text) or WHOLE_SPAN.find(text) or _EVERY_UNIT.search(text) for text in texts):
        return True
    held = " ".join(texts[: len(data.sources) + 2])
    return any(re.search(rf"\b{re.escape(name)}\b", held) for name in _later_names(plan))


def population_held(plan: Plan) -> bool:
    """Whether the sources, the period or the note on differences say the data covers the whole
    population (`all customer accounts`, `every member`): a later roll-out to everyone adds no group."""
    data = plan.constraints.data
    texts = [source.name for source in data.sources] + [data.differences_note or "", data.period or ""]
    return any(_EVERY_ONE.search(text) for text in texts)


# Sites a pilot could be drawn from, counted in the answers: `three lines`, `our 4 plants`, `lines 1 and 3`.
_SITES = (
    r"(?:lines?|plants?|sites?|wards?|depots?|factories|factory|mills?|kilns?|warehouses?|hospitals?|stores?"
    r"|machines?(?!\s+learn)|looms?|presses|yards?|branch(?:es)?|shops?)"
)
_FEW_NAMED = re.compile(
    rf"\b(?:all|our|across|both|of the)\s+(?:(?:two|three|four|[234])\s+)?(?:production\s+)?{_SITES}\b",
    re.IGNORECASE,
)
_COUNTED = re.compile(rf"\b(\d[\d,]*)\s+(?:[a-z]+\s+)?{_SITES}\b", re.IGNORECASE)
_NUMBERED = re.compile(rf"\b{_SITES}\s+(\d)(?:\s*(?:,|and|&)\s*(\d))*\b", re.IGNORECASE)
_SITE_IN = ("title", "done.when_met", "product.pain", "product.goal", "product.users", "product.decision")
# A handful of units, in words: one site, one crew, a single planner, a few events a year, few sites.
_WORD_COUNTED = re.compile(rf"\b(?:one|two|three|four|[1-4])\s+(?:[a-z]+\s+)?{_SITES}\b", re.IGNORECASE)
FEW_UNITS_SAID = Lexicon("""
    one site, a single site, single site, the only site, our only site, only site, one depot, a single depot
    single depot, our only depot, one crew, a single crew, single crew, one planner, a single planner
    single planner, one plant, a single plant, single plant, the only plant, our only plant, one ward
    a single ward, one hospital, a single hospital, our only hospital, one clinic, a single clinic, one mill
    a single mill, one warehouse, a single warehouse, a few events a year, few events a year
    a handful of events, a few times a year, a handful of sites, handful of sites, a handful of depots
    a handful of plants, a handful of stores, only site with, only plant with, only one with the
""")
FEW_UNITS = (
    4  # a pilot drawn at random from this many units or fewer is no sample: compare each with its past
)


def few_units(plan: Plan) -> bool:
    """Whether the answers put the units a pilot is drawn from at a handful (`three lines`, `lines 1, 2
    and 3`, `one site`, `a single planner`, `a few events a year`): choosing one of them at random adds
    nothing a comparison with its own history, a shadow run or alternating periods does not."""
    numbers: set[str] = set()
    texts = [answer_at(plan, path) or "" for path in _SITE_IN]
    if any(int(n.replace(",", "")) > FEW_UNITS for text in texts for n in _COUNTED.findall(text)):
        return False  # `400 stores`: many units to draw from
    if any(FEW_UNITS_SAID.find(text) or _WORD_COUNTED.search(text) for text in texts):
        return True  # `the only site with the scanner`, `a few events a year`, `two depots`
    for text in texts:
        named = _FEW_NAMED.search(text)
        if named and (
            any(ch.isdigit() for ch in named.group(0))
            or re.search(r"two|three|four|both", named.group(0), re.I)
        ):
            return True
        for match in _NUMBERED.finditer(text):
            numbers |= set(re.findall(r"\d", match.group(0)))
    return bool(numbers) and max(int(number) for number in numbers) <= FEW_UNITS


# The plan compares the pilot's units with comparable units left alone, or rolls out in a random order.
COMPARED_ALIKE = Lexicon("""
    regression to the mean, at random, randomised, randomized, randomly, matched control, matched controls
    control group, control groups, control sites, control units, comparable units, comparable sites
    similar units left alone, left alone, stagger, staggered, stepped wedge, stepped-wedge
    switchback, switch-back, alternating weeks, alternating days, alternating periods
""")

# A roll-out said to go in steps (`a stepped roll-out`, `in waves`): units not yet reached stay on today's
# process, and the first steps are the pilot.
STAGED_ROLLOUT = Lexicon("""
    stepped roll-out, stepped rollout, stepped roll out, staged roll-out, staged rollout, staged roll out
    phased roll-out, phased rollout, phased roll out, roll out in waves, rolled out in waves, in waves
    roll out in stages, rolled out in stages, roll out in phases, rolled out in phases, wave by wave
    site by site, depot by depot, branch by branch, clinic by clinic, ward by ward, store by store
    region by region, team by team, one site at a time, one depot at a time, one branch at a time
    stagger, staggered, stepped wedge, stepped-wedge
""")

# Too few units to draw from (one site, one crew, a few events a year): no comparable unit is left on
# today's process, so the comparison runs over time or case by case instead.
FEW_TO_DRAW = Instead(
    few_units,
    Move(
        "Judge it by a shadow run, an audit sample or alternating periods",
        "With a handful of units there are none comparable to keep on today's process: run it in shadow "
        "beside today's process first, audit a random sample of its outputs against what people decide, or "
        "switch it on and off in alternating weeks (switchback) so each unit is its own control",
        "warning",
    ),
    "Run the model in shadow beside today's process before it acts, then switch it on and off in "
    "alternating weeks (switchback) so each unit is compared with itself over the same season, and audit a "
    "random sample of its outputs each month; widen only once that comparison holds.",
)


# The team already measures how often people catch the model's errors, or just accept its output.
CATCH_MEASURED = Lexicon("""
    catch rate, catch rates, caught by reviewers, errors caught, override rate, override rates
    acceptance rate, accept rate, rubber-stamp, rubber-stamped, rubber stamping, agree with the model
    overturned, overturn rate, overrule rate, overruled
""")
CATCH_IN = (
    "done.when_met",
    "done.worst_error_metric",
    "heuristics.humans_handle",
    "by_hand.human_score_notes",
)
# The differences that say a later phase widens the scope.
SCOPE_SAID = (
    Difference.channel,
    Difference.language,
    Difference.population,
    Difference.device,
    Difference.capture,
    Difference.mix,
)
