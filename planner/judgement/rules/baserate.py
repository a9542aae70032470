"""Rules on a base rate read from the labelled data, not from production.

`constraints.data.rarest_class_share` is meant as the rare class's share among the cases the product
sees; teams often give their collected set's share instead (48% in a set gathered half and half), and the
prevalence checks, comparing the evaluation set with that figure, stay quiet. Where the answers say the
share was measured in the labelled data (`constraints.data.rarest_class_share_from`), or a detector run
thousands of times a day gives a share near one half with no word of where it was measured, a lead asks
for production's prevalence and precision at it, with the arithmetic of the flags a day.
"""

from __future__ import annotations

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import items_per_working_day, quote
from planner.judgement.rules.prevalence import (
    ILLUSTRATION,
    _reported_at_production,
    _stated_precision,
    precision_at,
)
from planner.judgement.rules.seen import seen_below_volume
from planner.plan.model import (
    Category,
    LabelSource,
    OutcomeRecorded,
    Plan,
    ShareFrom,
    SourceClasses,
    TaskType,
)

_CLASSIFYING = (TaskType.classification, TaskType.detection, TaskType.anomaly_detection)
_DETECTING = (TaskType.detection, TaskType.anomaly_detection)
ILLUSTRATIVE_PREVALENCE = 0.01  # the production share shown when the plan states none: 1 in 100
NEAR_HALF = (0.3, 0.7)  # a detector's rare class this common is a collected set's share, not production's
RARE_ALREADY = 0.05  # a labelled set this poor in the rare class is likely drawn as production runs
MANY_A_DAY = 1000  # run this many times a day, a detector's rare class is rarely this common
_FROM = "constraints.data.rarest_class_share_from"
_SHARE = "constraints.data.rarest_class_share"


# Labels the process writes for every case it meets (its records, its outcomes), not a set collected and
# labelled for the project: the labelled data is then the production stream itself.
_STREAM_LABELS = frozenset({LabelSource.existing, LabelSource.outcomes})


def whole_stream_labelled(plan: Plan) -> bool:
    """Whether the labelled data is every case production saw: the outcome recorded for every case, from
    the process's own records (existing labels or outcomes), no set collected and labelled by hand."""
    data = plan.constraints.data
    sources = set(data.labels)
    return (
        data.outcome_recorded_for is OutcomeRecorded.every_case
        and bool(sources)
        and sources <= _STREAM_LABELS
    )


def rows_as_they_arrive(plan: Plan) -> bool:
    """Whether the labelled rows are the process's own records of its cases as they arrive: labels it
    writes itself (existing records, outcomes) from sources that each hold both classes as they come, none
    collected for one class. Nothing enriched the set, so its share is the stream's."""
    data = plan.constraints.data
    kinds = {source.classes for source in data.sources if source.classes not in (None, SourceClasses.none)}
    return bool(data.labels) and set(data.labels) <= _STREAM_LABELS and kinds == {SourceClasses.both}


def _arithmetic(plan: Plan, share: float) -> list[str]:
    """Precision measured at `share`, recomputed at an illustrative production prevalence, and the flags
    a day it brings where the volume is known."""
    stated = _stated_precision(plan)
    measured = stated[0] if stated else ILLUSTRATION
    figure = (
        f"the plan's {fmt.share(measured)} precision"
        if stated
        else f"an illustrative {fmt.share(measured)} precision (the plan states none)"
    )
    low = ILLUSTRATIVE_PREVALENCE
    real = precision_at(measured, share, low)
    found = [
        f"at a production prevalence of 1 in {fmt.count(1 / low)}, {figure} measured at "
        f"{fmt.share(share)} becomes 1 / (1 + (1/{fmt.number(measured)} - 1) x "
        f"({fmt.number(share)}/{fmt.number(1 - share)}) x ({fmt.number(1 - low)}/{fmt.number(low)})) = "
        f"{fmt.share(real)}"
    ]
    working = items_per_working_day(plan)
    if working is not None and plan.impact.period is not None:
        per_day, a_day = working
        true = per_day * low
        alarms = true * (1 - real) / real
        found.append(
            f"impact.volume: {fmt.number(plan.impact.volume)} a {plan.impact.period.value} (about "
            f"{fmt.count(per_day)} {a_day}: at 1 in {fmt.count(1 / low)}, about {fmt.count(true)} true cases; "
            f"finding them all brings about {fmt.count(alarms)} false alarms, some {fmt.count(true + alarms)} "
            f"flags {a_day}{_seen_note(plan)})"
        )
    return found


def _seen_note(plan: Plan) -> str:
    """Where people review only the top few of what the model scores, what they see: the flags they get."""
    seen = seen_below_volume(plan)
    if seen is None:
        return ""
    return f"; people review only the top {fmt.count(seen[0])} a day ({seen[1]}): judge precision in that top"


@rule(
    "base-rate-from-labelled-data",
    Category.data,
    likelihood=4,
    impact=3,
    move=Move(
        "Measure the rare class's share in production and report precision at it",
        "The rare class's share was read from the labelled or collected data, which is often balanced or "
        "enriched: precision measured there is precision at a base rate the product never meets. Count the "
        "rare class in a random sample of production cases (a day's or a week's), report precision "
        "re-weighted to that share, and size the flags a day from it",
        "warning",
    ),
    fires=(
        Case(  # the share the team gives is the labelled set's
            {_SHARE: 0.48, _FROM: "labelled_data", "constraints.data.labels": ["manual"]},
            evidence=(
                "constraints.data.rarest_class_share: 0.48 (the rare class's share in the labelled data, not "
                "among the cases production sees)",
                "constraints.data.rarest_class_share_from: labelled_data",
                "at a production prevalence of 1 in 100, the plan's 95% precision measured at 48% becomes 1 / "
                "(1 + (1/0.95 - 1) x (0.48/0.52) x (0.99/0.01)) = 17.2%: where is production's prevalence, "
                "and precision at it?",
                "impact.volume: 12,000 a month (about 571 a working day: at 1 in 100, about 6 true cases; "
                "finding them all brings about 27 false alarms, some 33 flags a working day)",
            ),
        ),
        Case(  # a detector run thousands of times a day, its rare class near one half, where not said
            {
                "product.task": "anomaly_detection",
                _SHARE: 0.45,
                _FROM: None,
                "impact.volume": 5000,
                "impact.period": "day",
            },
        ),
    ),
    quiet=(
        Case({_SHARE: 0.48, _FROM: "production"}),  # measured in production: the prevalence rules weigh it
        Case({_SHARE: 0.02, _FROM: "labelled_data", "constraints.data.labels": ["manual"]}),  # rare already
        Case({_SHARE: 0.48, _FROM: "labelled_data"}),  # the process's records of every case: the stream
        Case({_SHARE: "not measured", _FROM: "labelled_data"}),
        Case(  # the process's own job records, both classes as they arrive, though not every case has one
            {
                _SHARE: 0.4,
                _FROM: "labelled_data",
                "constraints.data.outcome_recorded_for": "selected_cases",
                "constraints.data.sources[0].classes": "both",
            }
        ),
        Case({_SHARE: 0.48, _FROM: "labelled_data", "product.task": "regression"}),
        Case(
            {
                "product.task": "anomaly_detection",
                _SHARE: 0.45,
                _FROM: None,
                "impact.volume": 300,
                "impact.period": "day",
            }
        ),
        Case(
            {"product.task": "anomaly_detection", _SHARE: 0.45, "impact.volume": 5000, "impact.period": "day"}
        ),
        Case(  # re-weighted to production's prevalence already
            {
                _SHARE: 0.48,
                _FROM: "labelled_data",
                "done.eval_set": "The labelled set, re-weighted to production prevalence for precision.",
            }
        ),
    ),
)
def base_rate_from_labelled_data(plan: Plan) -> Evidence:
    """The rare class's share is the labelled data's, not production's.

    A set collected to hold enough rare cases is balanced or enriched; its share of the rare class is not
    the base rate the product meets. Read as production's, it keeps the prevalence checks quiet while a
    precision measured on that set overstates production's many times over, and the people who work the
    flags meet the difference. (Where the process records the outcome of every case, the labelled data
    is the production stream, and its share is production's.)

    Mitigation: Count the rare class in a random sample of production cases, report precision re-weighted
    to that share beside the balanced figure, and size the alert budget from it.
    """
    share, where = plan.constraints.data.rare_share, plan.constraints.data.rarest_class_share_from
    if share is None or plan.product.task not in _CLASSIFYING or _reported_at_production(plan):
        return None
    if where is ShareFrom.labelled_data:
        if share < RARE_ALREADY or whole_stream_labelled(plan) or rows_as_they_arrive(plan):
            return None  # rare already, or the labelled data is the cases production saw: its share
        said = quote(
            plan, _SHARE, "the rare class's share in the labelled data, not among the cases production sees"
        )
        found = [said, f"{_FROM}: {where.value}"]
    elif where is None and plan.product.task in _DETECTING and NEAR_HALF[0] <= share <= NEAR_HALF[1]:
        working = items_per_working_day(plan)
        if working is None or working[0] < MANY_A_DAY:
            return None
        found = [
            quote(
                plan,
                _SHARE,
                f"a detector run about {fmt.count(working[0])} times "
                f"{working[1]} with its rare class near one half: measured in production, or in the collected "
                "set?",
            )
        ]
    else:
        return None
    first, *volume = _arithmetic(plan, share)
    found.append(f"{first}: where is production's prevalence, and precision at it?")
    return Tempered(4, [*found, *volume])
