"""Rules on a target counted in events too few to show a change.

A done metric that counts events in a period (incidents a year, failures a month) with a baseline of a
handful moves by chance alone: events that happen 0.8 times a year on average leave a year with none
45% of the time (Poisson: e^-0.8). A target of zero, or of one fewer, on such a base is met or missed by
luck, and a year of it cannot even be counted inside a time box of weeks. A lead works out the chance
of meeting the target with no model at all and asks for a measure that happens often enough to move.
"""

from __future__ import annotations

import math

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import done_metrics, quote, show
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Direction, Plan

# Words that say a metric counts events in a period, and the period's length in weeks.
_PERIODS = {
    52.0: Lexicon("per year, a year, each year, every year, yearly, annual, annually, per annum, a season"),
    13.0: Lexicon("per quarter, a quarter, each quarter, quarterly"),
    4.3: Lexicon("per month, a month, each month, every month, monthly"),
}
# Words that say the metric is a rate or a share, whose baseline below one is no count of events.
_RATE = Lexicon("""
    rate, rates, share, percentage, percent, proportion, ratio, probability, per 100, per 1000, per 1,000
    per 10,000, per 100,000, per million, per thousand, per cent, mean, average, median, score, index
""")
_CHANCE = 0.1  # met this often by luck alone, a target shows nothing
_MOST_EVENTS = 20.0  # above it, counts vary little relative to their size


def _chance_at_most(target: int, mean: float) -> float:
    """The chance of `target` or fewer events in a period where `mean` happen on average (Poisson)."""
    return sum(math.exp(-mean) * mean**count / math.factorial(count) for count in range(target + 1))


def _period_weeks(name: str) -> tuple[float, tuple[str, ...]] | None:
    for weeks, words in _PERIODS.items():
        found = words.find_all(name)
        if found:
            return weeks, tuple(found)
    return None


@rule(
    "target-within-chance",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Measure something that happens often enough to show a change",
        "A handful of events a period rise and fall by chance: at today's rate the target is met in many "
        "periods with no model at all; count over several years before and after, state the target as a "
        "rate with its interval, or track a precursor that happens often (near misses, early warnings)",
        "warning",
    ),
    ask="is the done metric a count of events so rare that a period at the target happens by chance?",
    fires=(
        Case(
            {
                "done.metrics": [
                    {
                        "name": "Pump station flooding incidents per year",
                        "baseline": 0.8,
                        "target": 0,
                        "direction": "lower",
                    }
                ],
            },
            evidence=(
                'done.metrics[0].name: "Pump station flooding incidents per year" (a count of events per year)',
                "done.metrics[0].baseline: 0.8 (at today's rate a year with 0 happens 44.9% of the time by "
                "chance, with no model: the target cannot show a change)",
                "done.timebox_weeks: 6 (a year of it cannot be counted inside the time box)",
            ),
            also=frozenset({"cut-beyond-reach"}),  # no model reaches every incident: 0 needs all
        ),
        Case(  # one fewer on a base of four a quarter
            {
                "done.metrics": [
                    {
                        "name": "Missed safety inspections a quarter",
                        "baseline": 4,
                        "target": 2,
                        "direction": "lower",
                    }
                ],
                "done.timebox_weeks": 16,
            },
            evidence=(
                'done.metrics[0].name: "Missed safety inspections a quarter" (a count of events a quarter)',
                "done.metrics[0].baseline: 4 (at today's rate a quarter with 2 or fewer happens 23.8% of the "
                "time by chance, with no model: the target cannot show a change)",
            ),
        ),
    ),
    quiet=(
        Case(  # a rate below one: no count of events
            {
                "done.metrics": [
                    {
                        "name": "Flooding incident rate per year",
                        "baseline": 0.8,
                        "target": 0,
                        "direction": "lower",
                    }
                ],
            }
        ),
        Case(  # enough events a period that the target is rarely met by luck
            {
                "done.metrics": [
                    {
                        "name": "Pump station alarms per month",
                        "baseline": 30,
                        "target": 15,
                        "direction": "lower",
                    }
                ],
            }
        ),
    ),
)
def target_within_chance(plan: Plan) -> Evidence:
    """The done target is a count of events so rare that chance alone meets it.

    A metric that counts events in a period with a baseline of a handful moves by luck: 0.8 incidents a
    year on average leave a year with none 45% of the time. A target of zero, or of a few fewer, is met
    or missed whatever the model does, and a year of events cannot be counted inside a time box of
    weeks.

    Mitigation: Count over several periods before and after, state the target as a rate with its
    interval, or measure a precursor that happens often enough to move (near misses, early warnings,
    the cases the model flags and a person confirms).
    """
    for path, metric in done_metrics(plan):
        baseline, target = metric.baseline, metric.target
        if not isinstance(baseline, float | int) or not isinstance(target, float | int):
            continue
        if metric.direction is not Direction.lower_is_better or not 0 < baseline <= _MOST_EVENTS:
            continue
        if target < 0 or target >= baseline or target != int(target) or _RATE.find(metric.name):
            continue
        period = _period_weeks(metric.name)
        if period is None:
            continue
        chance = _chance_at_most(int(target), baseline)
        if chance < _CHANCE:
            continue
        weeks, words = period
        unit = words[0].removeprefix("per ").removeprefix("a ").removeprefix("each ")
        unit = {"yearly": "year", "annual": "year", "annually": "year", "annum": "year"}.get(unit, unit)
        unit = {"quarterly": "quarter", "monthly": "month", "every year": "year", "every month": "month"}.get(
            unit, unit
        )
        fewer = "" if target == 0 else " or fewer"
        found = [
            quote(plan, f"{path}.name", f"a count of events {words[0]}"),
            f"{path}.baseline: {show(baseline)} (at today's rate a {unit} with {show(target)}{fewer} happens "
            f"{fmt.share(chance)} of the time by chance, with no model: the target cannot show a change)",
        ]
        box = plan.done.timebox_weeks
        if box is not None and box < weeks:
            found.append(
                quote(plan, "done.timebox_weeks", f"a {unit} of it cannot be counted inside the time box")
            )
        return Hint(words, found)
    return None
