"""A forecast's labelled count that is its points, not its series: what so few can fit and test.

A forecast learns from every point of each series, so a count of series (950 growing cycles) says little.
But where the count is of the order of the forecasts the data's years could hold (ten seasons of a yearly
forecast, 140 loads of a plant that takes 200 a year), it counts the points themselves: a lead divides
it among the inputs, sets a test share apart, and says how little a score on that test can tell.
"""

from __future__ import annotations

import math
import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Evidence, Tempered
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.months import dates_in
from planner.plan.model import Plan
from planner.plan.spoken import NUMBER_WORDS, alternation, said_count

# A count between these shares of the forecasts (or items) the data's years hold is of their order: the
# points themselves; a count of series, each of many points, is a far smaller share of them.
_SHARE_OF_HELD = (0.2, 1.5)
_TEST_SHARE = 0.2  # the test share assumed where the plan states no test size
_PER_INPUT = 10  # training points per input below which a model fits noise
_TEST_FLOOR = 30  # below this many test cases a score's interval is wider than a quarter of itself
_YEARS = re.compile(rf"\b(\d+|{alternation(NUMBER_WORDS)})\s+(?:years|seasons)\b", re.IGNORECASE)


def _data_years(plan: Plan) -> float | None:
    """The years the data covers: from the first to the last year its period says (both counted), else a
    span said in years (`three years of daily data`, `ten seasons`)."""
    text = plan.constraints.data.period or ""
    years = sorted({year for year, _ in dates_in(text)})
    if len(years) >= 2:
        return float(years[-1] - years[0] + 1)
    said = _YEARS.search(text)
    return said_count(said.group(1)) if said else None


def counts_points(plan: Plan) -> str | None:
    """Where the labelled count is of the order of the forecasts (or items) the data's years hold: a note
    saying so; None where it may count series, each of many points."""
    volume, period, count = plan.impact.volume, plan.impact.period, plan.constraints.data.labeled_count
    per_month = period.per_month if period is not None else None
    years = _data_years(plan)
    if not volume or per_month is None or years is None or count is None:
        return None
    held = volume * per_month * 12 * years
    if not _SHARE_OF_HELD[0] * held <= count <= _SHARE_OF_HELD[1] * held:
        return None
    return (
        f"at {fmt.count(volume)} {period.reads if period else ''}, the data's {fmt.number(years, 0)} years hold "
        f"about {fmt.count(held)}: these are the points themselves, not series of points"
    )


def _inputs(plan: Plan) -> int | None:
    """The inputs a model would weigh: the stated count, else the listed ones."""
    if plan.product.input_count:
        return plan.product.input_count
    text = plan.product.inputs or ""
    parts = [part for part in re.split(r",|;|\band\b", text) if part.strip()]
    return len(parts) if len(parts) >= 2 else None


def few_points(plan: Plan, note: str) -> Evidence:
    """The evidence that so few points cannot fit and test a model: the count, its share per input, and
    the test's size with how wide a score measured on it is; low where they suffice for both."""
    count = plan.constraints.data.labeled_count or 0
    tested = plan.done.test_size or max(1, round(count * _TEST_SHARE))
    trained = max(count - tested, 0)
    found = [quote(plan, "constraints.data.labeled_examples", note)]
    inputs = _inputs(plan)
    if inputs and trained / inputs < _PER_INPUT:
        path = "product.input_count" if plan.product.input_count else "product.inputs"
        found.append(
            quote(
                plan,
                path,
                f"about {inputs} inputs: {trained} training points, {fmt.number(trained / inputs, significant=2)} "
                f"per input, where a model needs some {_PER_INPUT} to 20: it fits noise",
            )
        )
    if tested < _TEST_FLOOR:
        said = "done.test_size: " + str(tested) if plan.done.test_size else f"a {fmt.share(_TEST_SHARE)} test"
        wide = (
            "one case: its error is a single draw, with no interval at all"
            if tested == 1
            else f"{tested} cases: an error measured on them has a 95% interval of about "
            f"±{fmt.number(100 * 1.96 / math.sqrt(2 * tested), 0)}% of itself"
        )
        found.append(f"{said} ({wide})" if plan.done.test_size else f"{said} holds about {wide}")
    return tuple(found) if len(found) > 1 else Tempered(1, found)
