"""Rules on the independent units behind the positives: rows that come grouped, and how many units carry one.

Millions of clips, frames or readings can come from a few dozen flocks, machines or sites. Where several
rows describe one thing, the rows of one unit share its outcome, its setting and its noise: the model
learns and is tested on the units, not the rows. A lead counts the positives at that unit, the one the
split groups by and the decision acts on, and asks whether there are enough to learn from and to test
on. This reasons from `constraints.data.rows_per_thing`, `constraints.data.positive_units`, the labelled
rows and the rarer class's share.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.core.stats import wilson
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import ITEM_PATHS, answer_at, items_per_month, quote, repeated_unit
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Category, Plan, TaskType
from planner.plan.workings import RowsPerThing

# Units with a positive below which a model learns the units, not the class, and a test holds a handful.
FEW_POSITIVE_UNITS = 50
# Positive units in the test set below which its recall moves by tens of points with one unit.
FEW_IN_TEST = 10
# Positive rows from which a row count reads as plenty: where a lead asks how many units lie behind them.
MANY_POSITIVE_ROWS = 1000
# The test's share of the data where the plan gives no test size.
USUAL_TEST_SHARE = 0.2

_CLASSIFYING = (TaskType.classification, TaskType.detection, TaskType.anomaly_detection)

_GROUPED = {
    "product.task": "detection",
    "constraints.data.rows_per_thing": "several",
    "constraints.data.repeated_unit": "One pump",
    "constraints.data.labeled_examples": 2_000_000,
    "constraints.data.rarest_class_share": 0.03,
    "done.test_size": 400_000,
}


def _test_share(plan: Plan) -> float:
    """The test set's share of the labelled data, from its size, or the usual fifth."""
    rows, size = plan.constraints.data.labeled_count, plan.done.test_size
    if rows and isinstance(size, int | float) and 0 < size < rows:
        return size / rows
    return USUAL_TEST_SHARE


def _positive_rows(plan: Plan) -> float | None:
    """The rows of the rarer class, from the labelled rows and its share; None where either is missing."""
    data = plan.constraints.data
    rows, share = data.labeled_count, data.rare_share
    return rows * share if rows and share else None


@rule(
    "few-positive-units",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Count the positives per unit, and size the test by them",
        "Rows that come grouped are as many independent cases as the units behind them: count the units "
        "holding a positive, split by unit, and report the score per unit with its interval; where they are "
        "few, gather more units before trusting a model or its test",
        "warning",
    ),
    fires=(
        Case(  # 30 pumps carry every failure, a fifth of them in the test: high
            {**_GROUPED, "constraints.data.positive_units": 30},
            evidence=(
                "constraints.data.positive_units: 30 (only 30 units (one pump) hold a positive: the independent "
                "positives to learn from, however many rows)",
                "constraints.data.labeled_examples: 2000000 (about 60,000 positive rows, from 30 units)",
                "a test set holds about 6 of them: a recall of 50% measured on 6 has a 95% interval of 18.8% "
                "to 81.2%",
            ),
        ),
        Case(  # 40 units, a test of half the data: 20 in the test, medium
            {
                **_GROUPED,
                "constraints.data.positive_units": 40,
                "done.test_size": 1_000_000,
            },
            evidence=(
                "constraints.data.positive_units: 40 (only 40 units (one pump) hold a positive: the independent "
                "positives to learn from, however many rows)",
                "constraints.data.labeled_examples: 2000000 (about 60,000 positive rows, from 40 units)",
            ),
        ),
        Case(  # many positive rows, grouped, the units behind them never counted: a medium question
            {**_GROUPED, "constraints.data.positive_units": "not measured"},
            evidence=(
                'constraints.data.rows_per_thing: "several" (several rows per unit: one pump)',
                "constraints.data.labeled_examples: 2000000 (about 60,000 positive rows: how many units (one "
                "pump) carry them? those are the positives to learn and test from)",
            ),
        ),
    ),
    quiet=(
        Case({**_GROUPED, "constraints.data.positive_units": 400}),  # enough units
        Case({**_GROUPED, "constraints.data.rows_per_thing": "one"}),  # each row its own thing
        Case(  # a few hundred positive rows, the units not counted: small-labeled-set's ground, not a count trap
            {**_GROUPED, "constraints.data.labeled_examples": 5000}
        ),
        Case({**_GROUPED, "product.task": "regression", "constraints.data.positive_units": 12}),  # no class
        Case(  # units counted per pallet, 12,000 a month, each a new unit: 4,300 positive pallets a year
            {
                **_GROUPED,
                "constraints.data.repeated_unit": "One pallet (six photos of its sides)",
                "constraints.data.positive_units": "not measured",
                "impact.bottleneck": "A checker spends two minutes per pallet at the dock.",
            }
        ),
    ),
)
def few_positive_units(plan: Plan) -> Evidence:
    """The positives come from few independent units, however many rows they fill.

    Where several rows describe one thing (clips of a flock, readings of a machine, visits of a patient),
    the rows of one unit share its outcome and its setting: a model learns each positive unit's quirks
    as readily as the class, and a test holds only the units split into it. A rich row count hides a
    handful of independent positives; its recall, counted per unit, moves by tens of points with each.

    Mitigation: Count the units holding a positive; split by unit; score per unit with its interval;
    where they are few, gather more units (more sites, more seasons) or lead with a rule and people
    before a model.
    """
    data = plan.constraints.data
    if plan.product.task not in _CLASSIFYING or data.rows_per_thing is not RowsPerThing.several:
        return None
    unit, count, rows = repeated_unit(plan).lower(), data.positive_units, _positive_rows(plan)
    if isinstance(count, int):
        return _few(plan, unit, count, rows)
    if rows is None or rows < MANY_POSITIVE_ROWS:
        return None  # no rich row count to mislead: the labelled set's own size speaks for itself
    grouped = quote(plan, "constraints.data.rows_per_thing", f"several rows per unit: {unit}")
    note = (
        f"about {fmt.number(rows, significant=2)} positive rows: how many units ({unit}) carry them? those are "
        "the positives to learn and test from"
    )
    if count == NOT_MEASURED or count is None:
        if _flowing_units(plan) >= FEW_POSITIVE_UNITS:
            return None  # each item decided is a new unit: its positives a year are many units, not few
        return Tempered(3, (grouped, quote(plan, "constraints.data.labeled_examples", note)))
    return None


_LEAD = re.compile(r"^\s*(?:one|a|an|each|the|every)\s+([a-z-]+)", re.IGNORECASE)
_COUNTED_PER = (*ITEM_PATHS, "product.current_solution", "product.current_performance")


def _flowing_units(plan: Plan) -> float:
    """The positive units a year where the work is counted per unit (`90 seconds per casing`): each item the
    volume counts is then a unit of its own, decided once, and its positives are the volume times the rarer
    class's share; 0 where the answers do not count the work per unit."""
    named = _LEAD.match(repeated_unit(plan))
    share, items = plan.constraints.data.rare_share, items_per_month(plan)
    if named is None or not share or not items:
        return 0.0
    per = re.compile(rf"\b(?:per|each|every)\s+{re.escape(named.group(1).lower())}\b", re.IGNORECASE)
    said = (answer_at(plan, path) for path in _COUNTED_PER)
    counted = any(per.search(text) for text in said if isinstance(text, str))
    return items * 12 * share if counted else 0.0


def _few(plan: Plan, unit: str, count: int, rows: float | None) -> Evidence:
    """The evidence where `count` units hold a positive and they are few; high where the test holds fewer
    than ten of them."""
    if count >= FEW_POSITIVE_UNITS:
        return None
    found = [
        quote(
            plan,
            "constraints.data.positive_units",
            f"only {count} units ({unit}) hold a positive: the independent positives to learn from, however many rows",
        )
    ]
    if rows is not None and rows > count:
        found.append(
            quote(
                plan,
                "constraints.data.labeled_examples",
                f"about {fmt.number(rows, significant=2)} positive rows, from {count} units",
            )
        )
    in_test = max(1, round(count * _test_share(plan)))
    interval = wilson(round(in_test / 2), in_test)
    if in_test >= FEW_IN_TEST or interval is None:
        return Tempered(3, found)
    low, high = interval
    found.append(
        f"a test set holds about {in_test} of them: a recall of 50% measured on {in_test} has a 95% interval "
        f"of {fmt.share(low)} to {fmt.share(high)}"
    )
    return tuple(found)
