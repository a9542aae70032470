"""The question a lead asks where rare positives sit in grouped or time-ordered rows and nobody counted
the episodes they form.

Closures that run for weeks, outbreaks that touch a ward for a month, faults that repeat on one machine:
a few hundred positive rows can be twenty episodes, each many rows of one event. The episodes, not the
rows, are the sample the model learns from and is tested on. `few-positive-units` reasons from the count
once it is given, and from a rich row count that hides it; with fewer positive rows and the count 'not
measured', a lead still asks.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import quote, repeated_unit
from planner.plan.fields import NOT_MEASURED
from planner.plan.model import Plan, TaskType
from planner.plan.workings import RowsPerThing

_CLASSIFYING = (TaskType.classification, TaskType.detection, TaskType.anomaly_detection)
# The rarer class's share at or below which positives come in episodes worth counting.
RARE = 0.2


@probe("positive-episodes-uncounted", "few-positive-units")
def _positive_episodes_uncounted(plan: Plan) -> Found:
    data = plan.constraints.data
    if plan.product.task not in _CLASSIFYING or data.positive_units != NOT_MEASURED:
        return None
    if data.rows_per_thing is not RowsPerThing.several:
        return None
    share = data.rare_share
    if not share or share > RARE:
        return None
    said = [
        quote(
            plan, "constraints.data.rows_per_thing", f"several rows per unit: {repeated_unit(plan).lower()}"
        ),
        quote(plan, "constraints.data.positive_units", "the independent positives were not counted"),
    ]
    rows = data.labeled_count
    if rows:
        positives = fmt.number(rows * share, significant=2)
        said.append(quote(plan, "constraints.data.labeled_examples", f"about {positives} positive rows"))
    question = (
        "How many separate episodes (events, outbreaks, spells, units) do the positives form? Rows of one "
        "episode share its outcome and its conditions, so the episodes, not the rows, are the sample: count "
        "them, split and report the score by episode with its interval, and keep the model simple where they "
        "are few (constraints.data.positive_units)."
    )
    return question, tuple(said)
