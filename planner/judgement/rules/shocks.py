"""Rules on data whose period spans a shock that changed behaviour everywhere: the pandemic of 2020-21.

Lockdowns closed shops, emptied transport, moved work home, postponed treatment and changed what
people bought, booked and reported, then unwound over 2021-22. A forecast or a model of demand or
behaviour trained on those months learns a world that ended; a random split hides it, and a team that
answered "nothing changed" over a period that covers them has not looked. A lead asks to see each
year's figures and to mark, weight down or leave out those months, and to test on data after them.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.capped import COUNTS_DEMAND
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.lexicon import CHANGE_HANDLED
from planner.judgement.rules.words import Lexicon, phrases
from planner.plan.model import Category, ChangeKind, DataKind, Dropped, Plan, TaskType

# Words that say the team knows the shock: the changes answer or the period itself names it.
SHOCK_NAMED = Lexicon("""
    covid, covid-19, pandemic, lockdown, lockdowns, coronavirus, furlough, stay-at-home, social distancing
""")

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# `since 2019`, `2019 - now`, `2019 to date`: the period runs to today.
_TO_NOW = re.compile(r"\bsince\s+(?:19|20)\d\d\b|(?:-|–|\bto)\s*(?:now|today|date|present)\b", re.I)
_SHOCK = 2020  # the lockdowns' year: a period that includes it learned them
# `2018 - 2024`, `2018 to 2024`, `from 2018`: a span of years written inside another answer.
_SPAN = re.compile(
    r"(?:19|20)\d\d\s*(?:-|–|\bto\b|\buntil\b)\s*(?:\w+\s+)?(?:19|20)\d\d|\bfrom\s+(?:19|20)\d\d\b", re.I
)
# Where else a plan says which years its history covers, when the period answer is empty.
_HISTORY = ("product.inputs", "constraints.data.differences_note")

# What people did that the lockdowns moved, beyond the demand counts: travel, visits, calls, spending.
BEHAVIOUR = COUNTS_DEMAND + Lexicon(
    """
    volume, volumes, parcel volumes, calls
    journeys, passenger journeys, ridership, boardings, passengers, patronage, visitors, arrivals
    calls received, call volume, call volumes, enquiries, transactions, purchases, spend, spending
    occupancy, traffic volume, traffic volumes, traffic counts, vehicle counts, commuters
""",
    # the people the output is shown to or made for (`wait times shown to visitors`), not what it counts
    unless=phrases(
        "to, for, by, with, helps, help, tells, warns, lets, serves",
        "visitors, passengers, commuters, the visitors, the passengers, our visitors, our passengers",
    )
    # ...and a volume of liquid, of sound or of storage: a quantity measured, not what people did
    + ", "
    + phrases(
        "water, spray, tank, fill, injection, sound, storage, disk, timber, wood, stand, lung, blood, cubic",
        "volume, volumes",
    )
    + ", volume of water, volume per hectare, volumes per hectare, volume of spray",
)

# Words saying how the named shock's months were handled: marked, left out, weighted down, scored apart,
# or looked at and found to change nothing.
SHOCK_HANDLED = CHANGE_HANDLED + Lexicon("""
    flagged, marked, excluded, left out, removed, dropped, weighted down, treated separately, as a flag
    as a feature, as an input, a dummy, an indicator, no effect, unaffected, did not change, didn't change
    not affected, made no difference
""")

# Where a plan says what it predicts: demand and behaviour are what the shock moved (a forecast of salt
# spread or of a machine's wear is not).
_PREDICTS = ("product.output", "product.label", "product.goal")


def _spans_the_shock(period: str | None) -> bool:
    """Whether a period takes in 2020 (`Jan 2019 - Jun 2025`, `since 2018`; not `Jan 2022 - Dec 2025`)."""
    years = [int(year) for year in _YEAR.findall(period or "")]
    if not years or min(years) > _SHOCK:
        return False
    return bool(_TO_NOW.search(period or "")) or max(years) >= _SHOCK  # an open period runs past it


def _period(plan: Plan) -> str | None:
    """Where the plan says the years its history covers: the period answer, else a span of years (or
    `since 2019`) written in the inputs or a data source's name."""
    if plan.constraints.data.period:
        return "constraints.data.period"
    paths = [*_HISTORY, *source_paths(plan)]
    for path in paths:
        text = answer_at(plan, path)
        if isinstance(text, str) and (_SPAN.search(text) or _TO_NOW.search(text)):
            return path
    return None


# An answer saying an amount over a unit or a period (`bookings per court and hour`, `the number of
# visits`): a count the lockdowns could move, not the name of what one case is marked as.
_AN_AMOUNT = re.compile(
    r"\b(?:per|each|a|every)\s+(?:day|week|month|year|hour)\b|\bper\b|\bnumber of\b"
    r"|\bhow many\b|\bcount of\b|\bcounts of\b|\bexpected\b|\btotal\b",
    re.I,
)


def _predicts_amounts(plan: Plan, text: str) -> bool:
    """Whether the model predicts how much of something happens (a forecast, a quantity, a series, or an
    answer that counts it per unit or period), not what each case is (a passage marked as a re-recording
    is one case's label, whatever word names it: the lockdowns moved how many came, not what one is)."""
    product = plan.product
    if product.task in (TaskType.forecasting, TaskType.regression):
        return True
    if DataKind.time_series in product.data_kinds and product.task is not TaskType.classification:
        return True  # a series the model predicts; a classifier's series are inputs to what one case is
    return bool(_AN_AMOUNT.search(text))


def _behaviour(plan: Plan) -> tuple[str, str] | None:
    """The answer saying the model learns an amount of demand or behaviour, and the words that say it;
    the goal only where neither the output nor the label says what it predicts (a goal names whom it
    serves)."""
    answered = [path for path in _PREDICTS[:2] if answer_at(plan, path)]
    for path in answered or _PREDICTS:
        text = answer_at(plan, path)
        said = BEHAVIOUR.find(text)
        if said and _predicts_amounts(plan, text):
            return path, said
    return None


@rule(
    "data-spans-the-pandemic",
    Category.data,
    likelihood=2,
    impact=3,
    ask="does the data's period take in the 2020 lockdowns, and were those months looked at?",
    move=Move(
        "Look at the pandemic months before training on them",
        "Plot each year's figures; mark, weight down or leave out the lockdown months (and say so in the "
        "changes answer); test on the months after them, not on a random split",
        "info",
    ),
    fires=(
        Case(
            {
                "product.output": "Bookings per court and hour for the next two weeks",
                "constraints.data.period": "Mar 2018 - Feb 2024",
                "constraints.data.changes": "nothing",
            },
            evidence=(
                'constraints.data.period: "Mar 2018 - Feb 2024" (it spans 2020: lockdowns changed demand, travel '
                "and what people did, then unwound)",
                'product.output: "Bookings per court and hour for the next two weeks" (it learns bookings)',
                'constraints.data.changes: "nothing" (nothing named for those months)',
            ),
        ),
        Case(  # an open period written with a dash
            {
                "product.output": "Expected bookings per museum tour next month",
                "constraints.data.period": "2018 - now",
            }
        ),
        Case(  # no period answer: the years are written in the inputs
            {
                "product.output": "Parcel volumes per depot for each day next week",
                "product.inputs": "Daily parcel volumes per depot, Jan 2018 - Dec 2024, and the calendar",
                "constraints.data.period": None,
            }
        ),
        Case(  # the team names the shock, and not what it did with those months
            {
                "product.task": "forecasting",
                "product.output": "Boiler service visits per engineer team next month",
                "constraints.data.period": "2018 - 2024",
                "constraints.data.changes": "2020 was a strange year because of the pandemic.",
            }
        ),
        Case(  # a count of visits predicted, period running to today
            {
                "product.output": "Expected visits per library branch next month",
                "constraints.data.period": "since 2017",
                "constraints.data.changes": None,
            }
        ),
    ),
    quiet=(
        Case({"product.task": "forecasting", "constraints.data.period": "Jan 2022 - Dec 2025"}),
        Case(  # a year in the inputs that is not the history's span
            {
                "product.output": "Parcel volumes per depot for each day next week",
                "product.inputs": "Daily parcel volumes per depot since the 2022 depot opened",
                "constraints.data.period": None,
                "constraints.data.sources": [{"name": "Depot scanner logs"}],
            }
        ),
        Case(  # a forecast of what the weather drives, not of what people do
            {
                "product.task": "forecasting",
                "product.output": "Tonnes of grit each depot will spread next week",
                "constraints.data.period": "Winters 2016/17 - 2023/24",
            }
        ),
        Case(  # the team named the shock
            {
                "product.task": "forecasting",
                "constraints.data.period": "2018 - 2024",
                "constraints.data.changes": "Covid lockdowns Mar 2020 - Jun 2021: those months are flagged",
            }
        ),
        Case(  # the team dropped a period: dropped-group-or-period asks about it
            {
                "product.task": "forecasting",
                "constraints.data.period": "2018 - 2024",
                "constraints.data.dropped": ["period"],
            },
            also=frozenset({"dropped-group-or-period"}),
        ),
        Case(  # each case's label names what it is marked as, not an amount of demand the lockdowns moved
            {
                "product.task": "classification",
                "product.output": "The journal lines likely to be miscoded, with the likely account",
                "product.label": "Entries marked as miscoded by the auditors (line, account, reason)",
                "constraints.data.period": "2018 to 2024",
                "constraints.data.changes": "nothing",
            }
        ),
        Case(  # a lab result per lot, read from weather series: what one lot is, whatever word names the rest
            {
                "product.task": "classification",
                "product.data_kinds": ["tabular", "time_series"],
                "product.output": "Chance that a grain lot fails the aflatoxin test at intake",
                "product.label": "Intake aflatoxin test result; lots sold on without a rejection count as passes",
                "constraints.data.period": "2018 - 2024",
                "constraints.data.changes": "nothing",
            }
        ),
        Case(  # duplicate invoices: not demand or behaviour the shock moved
            {"constraints.data.period": "Jan 2019 - Jun 2025", "constraints.data.changes": "nothing"}
        ),
    ),
)
def data_spans_the_pandemic(plan: Plan) -> Evidence:
    """The data spans the pandemic years, and nothing says how those months are handled.

    A forecast, or a model of demand or behaviour, learns each month it is given: the lockdown months
    of 2020-21 taught patterns that ended (empty stations, closed branches, postponed care, home
    delivery peaks), and their unwinding looks like a trend. Answered "nothing changed", the period's
    years are the only sign, so a lead asks.

    Mitigation: Plot each year's figures; mark, weight down or leave out the lockdown months, saying so
    in the changes answer; test on months after them.
    """
    data = plan.constraints.data
    where = _period(plan)
    period = answer_at(plan, where) if where else None
    if not isinstance(period, str) or not _spans_the_shock(period):
        return None
    if (
        Dropped.period in data.dropped
        or SHOCK_HANDLED.find(data.changes)
        or ChangeKind.spell in data.change_kind
    ):
        return None
    named = SHOCK_NAMED.find(data.changes)
    if named:  # the team named the shock, and said nothing of what it did with those months
        note = f"{named}: are those months marked, left out or tested apart, or do they teach the model?"
        return Hint(
            (named,),
            (quote(plan, where or "constraints.data.period"), quote(plan, "constraints.data.changes", note)),
        )
    if SHOCK_NAMED.find(period):
        return None
    behaviour = _behaviour(plan)
    if behaviour is None:
        return None
    path, said = behaviour
    note = "it spans 2020: lockdowns changed demand, travel and what people did, then unwound"
    found = [quote(plan, where or "constraints.data.period", note), quote(plan, path, f"it learns {said}")]
    if data.changes:
        found.append(quote(plan, "constraints.data.changes", "nothing named for those months"))
    return Hint((said,), found)
