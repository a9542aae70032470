"""Rules on precision measured at one prevalence and met at another.

The rarest class's share of the evaluation set (done.eval_rare_share) against its share in production
(constraints.data.rarest_class_share): a set balanced or enriched with known cases scores precision at a
base rate the product never meets. With the same recall and false-positive rate, precision's odds scale
with the base rate's odds, so a figure measured at share e becomes, at production's share p,

    P_p = 1 / (1 + (1/P_e - 1) x (e/(1-e)) x ((1-p)/p))

and each true find brings (1 - P_p) / P_p false alarms.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Move, Tempered, rule
from planner.judgement.rules.evidence import (
    answer_at,
    items_per_working_day,
    metric_name_paths,
    quote,
    says_nothing,
    ticked,
)
from planner.judgement.rules.words import Lexicon
from planner.judgement.rules.wrongs import precision_aimed
from planner.plan.model import Category, Circumstance, ErrorCost, Mode, Plan, TaskType

_CLASSIFYING = (TaskType.classification, TaskType.detection, TaskType.anomaly_detection)
CLOSE_ENOUGH = 1.5  # an evaluation share within this factor of production's barely moves precision
SMALL_SHIFT = 2.0  # ...and below this factor it moves it a little: a low note
ALONE_ENRICHMENT = 5.0  # a system acting alone on a set enriched this much: high
ILLUSTRATION = 0.9  # the round precision shown when the plan states none

# A precision in figures in the answer on today's performance: `precision of 80%`, `85% precision`.
_SAID_PRECISION = (
    re.compile(r"\b(\d{1,2}(?:\.\d+)?)\s?%\s+(?:precision|ppv)\b", re.IGNORECASE),
    re.compile(
        r"\b(?:precision|ppv)\s+(?:of\s+|is\s+|was\s+|at\s+|around\s+|about\s+|=\s*|:\s*)?(\d{1,2}(?:\.\d+)?)\s?%",
        re.IGNORECASE,
    ),
)

# Words saying precision is already reported at production's share: a re-weighted or corrected figure.
AT_PRODUCTION = Lexicon("""
    reweighted, re-weighted, reweighting, re-weighting, reweight, re-weight, importance weights
    production prevalence, production's prevalence, real prevalence, true prevalence, field prevalence
    prevalence-adjusted, prevalence adjusted, prevalence-corrected, corrected for prevalence
    at production's share, at the production share, at production share, at the real share
""")


# An action cost stated as nothing given away: `nothing`, `none`, `no cost`.
_NOTHING_GIVEN = re.compile(r"\s*(nothing|none|no cost|free|zero)\b", re.IGNORECASE)


def _costs_nothing(action_cost: str | None) -> bool:
    """Whether `impact.action_cost` says a flag's action gives nothing away."""
    return bool(action_cost and _NOTHING_GIVEN.match(action_cost))


def precision_at(measured: float, eval_share: float, share: float) -> float:
    """The precision `measured` on a set whose rarest class is `eval_share`, at a base rate of `share`:
    the same recall and false-positive rate, so precision's odds scale with the base rate's odds."""
    odds = (eval_share / (1 - eval_share)) * ((1 - share) / share)
    return 1 / (1 + (1 / measured - 1) * odds)


def false_alarms_per_find(precision: float) -> float:
    """False alarms for each true find at `precision`."""
    return (1 - precision) / precision


def _stated_precision(plan: Plan) -> tuple[float, str, bool] | None:
    """A precision the plan states, where it says it, and whether it is part of the done criterion (the
    primary metric or the worst error's): a target or a precision named in a metric, a precision
    metric's baseline, or a figure in today's performance."""
    aimed = precision_aimed(plan)
    criterion = {0} | {
        i for i, metric in enumerate(plan.done.metrics) if metric.name == plan.done.worst_error_metric
    }
    if aimed is not None:
        value, index = aimed
        metric = plan.done.metrics[index]
        path = f"done.metrics[{index}].target" if metric.target == value else f"done.metrics[{index}].name"
        return value, path, index in criterion
    for index, metric in enumerate(plan.done.metrics):
        base = metric.baseline_figure
        if (
            isinstance(base, float | int)
            and 0 < base < 1
            and re.search(r"\b(precision|ppv)\b", metric.name, re.I)
        ):
            return float(base), f"done.metrics[{index}].baseline", False
    today = answer_at(plan, "product.current_performance")
    if isinstance(today, str):
        for pattern in _SAID_PRECISION:
            if (match := pattern.search(today)) and 0 < float(match.group(1)) < 100:
                return float(match.group(1)) / 100, "product.current_performance", False
    return None


def _reported_at_production(plan: Plan) -> bool:
    paths = ["done.eval_set", *metric_name_paths(plan)]
    paths += [f"done.metrics[{i}].dataset" for i, metric in enumerate(plan.done.metrics) if metric.dataset]
    return any(AT_PRODUCTION.find(str(answer_at(plan, path) or "")) for path in paths)


def _acts_alone(plan: Plan) -> str | None:
    if plan.product.mode is Mode.automate:
        return quote(plan, "product.mode", "the system acts on each flag alone")
    return ticked(plan, Circumstance.commits_alone)


_ENRICHED = {"done.eval_rare_share": 0.5, "constraints.data.rarest_class_share": 0.02}


@rule(
    "precision-at-eval-share",
    Category.model,
    likelihood=5,
    impact=3,
    move=Move(
        "Measure precision at production's share of the rare class, not the evaluation set's",
        "A set balanced or enriched with known cases scores precision at a base rate the product never "
        "meets; at production's share the same model raises many more false alarms for each true find: "
        "evaluate on a sample drawn at production's share, or re-weight the enriched set and report "
        "precision at production prevalence, and size the alert budget from that",
        "warning",
    ),
    fires=(
        Case(  # the sound plan's 'recall at 95% precision' is the done criterion: high
            _ENRICHED,
            evidence=(
                "done.eval_rare_share: 0.5 (the evaluation set holds the rarest class at 25x its share in "
                "production)",
                "constraints.data.rarest_class_share: 0.02 (at this share, the plan's 95% precision, if met on "
                "the evaluation set, becomes 1 / (1 + (1/0.95 - 1) x (0.5/0.5) x (0.98/0.02)) = 27.9%: about "
                "2.6 false alarms for each true find)",
                'done.metrics[0].name: "Recall of duplicates at 95% precision" (the precision is part of the '
                "done criterion)",
                "impact.volume: 12,000 a month (about 571 a working day, about 11 rare cases: finding them all "
                "brings about 29 false alarms a working day)",
            ),
        ),
        Case(  # no precision stated: a round figure, said to be one; medium
            {
                **_ENRICHED,
                "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.45, "target": 0.75}],
                "done.worst_error_metric": "Recall of duplicates",
                "impact.volume": None,
            },
            evidence=(
                "done.eval_rare_share: 0.5 (the evaluation set holds the rarest class at 25x its share in "
                "production)",
                "constraints.data.rarest_class_share: 0.02 (at this share, an illustrative 90% precision (the "
                "plan states none), if met on the evaluation set, becomes 1 / (1 + (1/0.9 - 1) x (0.5/0.5) x "
                "(0.98/0.02)) = 15.5%: about 5.4 false alarms for each true find)",
            ),
        ),
        Case(  # enriched under 2x: a low note
            {"done.eval_rare_share": 0.035},
        ),
        Case(  # today's precision, in words, is the figure recomputed
            {
                **_ENRICHED,
                "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.45, "target": 0.75}],
                "done.worst_error_metric": "Recall of duplicates",
                "product.current_performance": "The clerks' checks run at a precision of 60% (2024 audit).",
                "impact.volume": None,
            },
            evidence=(
                "done.eval_rare_share: 0.5 (the evaluation set holds the rarest class at 25x its share in "
                "production)",
                "constraints.data.rarest_class_share: 0.02 (at this share, the plan's 60% precision, if met on "
                "the evaluation set, becomes 1 / (1 + (1/0.6 - 1) x (0.5/0.5) x (0.98/0.02)) = 3%: about 33 "
                "false alarms for each true find)",
                'product.current_performance: "The clerks\' checks run at a precision of 60% (2024 audit)."',
            ),
        ),
        Case(  # automatic, but misses cost more and a flag's action gives nothing away: medium
            {
                **_ENRICHED,
                "product.mode": "automate",
                "impact.costlier_error": "false_negative",
                "impact.action_cost": "nothing",
            },
        ),
        Case(  # automatic, on a set enriched 10x: high even without a precision target
            {
                "done.eval_rare_share": 0.2,
                "done.metrics": [{"name": "Recall of duplicates", "baseline": 0.45, "target": 0.75}],
                "done.worst_error_metric": "Recall of duplicates",
                "product.mode": "automate",
            },
        ),
    ),
    quiet=(
        Case({"done.eval_rare_share": 0.025}),  # within 1.5x of production's 2%
        Case({"done.eval_rare_share": 0.005}),  # fewer rare cases than production: precision understated
        Case({"done.eval_rare_share": 0.5, "constraints.data.rarest_class_share": None}),
        Case({"done.eval_rare_share": None}),
        Case({**_ENRICHED, "product.task": "regression"}),
        Case(  # the enriched set is re-weighted: precision is reported at production's share
            {
                **_ENRICHED,
                "done.eval_set": "600 duplicates and 600 distinct pairs, re-weighted to production prevalence "
                "for precision.",
            }
        ),
    ),
)
def precision_at_eval_share(plan: Plan) -> Evidence:
    """Precision is measured on an evaluation set richer in the rare class than production.

    A precision, or a count of false alarms, measured on a balanced or enriched evaluation set says
    nothing about production: at production's prevalence the same recall and false-positive rate give a
    far lower precision, and far more false alarms for each true find. The target is met on paper, and
    the people who work the alerts, or the customers a system acts on alone, meet the difference.

    Mitigation: Evaluate on a sample drawn at production's share of the rare class, or re-weight the
    enriched set and report precision at production prevalence beside the balanced figure; size the
    alert budget from that precision.
    """
    eval_share, share = plan.done.eval_share, plan.constraints.data.rare_share
    if eval_share is None or share is None or plan.product.task not in _CLASSIFYING:
        return None
    if not (0 < share < 1 and 0 < eval_share < 1):
        return None
    enrichment = eval_share / share
    if enrichment < CLOSE_ENOUGH or _reported_at_production(plan):
        return None
    stated = _stated_precision(plan)
    measured, where, criterion = stated if stated else (ILLUSTRATION, "", False)
    real = precision_at(measured, eval_share, share)
    per_find = false_alarms_per_find(real)
    figure = (
        f"the plan's {fmt.share(measured)} precision"
        if stated
        else f"an illustrative {fmt.share(measured)} precision (the plan states none)"
    )
    arithmetic = (
        f"1 / (1 + (1/{fmt.number(measured)} - 1) x ({fmt.number(eval_share)}/{fmt.number(1 - eval_share)}) "
        f"x ({fmt.number(1 - share)}/{fmt.number(share)})) = {fmt.share(real)}"
    )
    found = [
        quote(
            plan,
            "done.eval_rare_share",
            f"the evaluation set holds the rarest class at {fmt.number(enrichment, significant=2)}x its share "
            "in production",
        ),
        quote(
            plan,
            "constraints.data.rarest_class_share",
            f"at this share, {figure}, if met on the evaluation set, becomes {arithmetic}: about "
            f"{fmt.number(per_find, significant=2)} false alarms for each true find",
        ),
    ]
    if stated and where:
        found.append(quote(plan, where, "the precision is part of the done criterion" if criterion else ""))
    working = items_per_working_day(plan)
    if working is not None and plan.impact.period is not None:
        per_day, a_day = working
        rare = per_day * share
        found.append(
            f"impact.volume: {fmt.number(plan.impact.volume)} a {plan.impact.period.value} (about "
            f"{fmt.count(per_day)} {a_day}, about {fmt.count(rare)} rare cases: finding them all brings about "
            f"{fmt.count(rare * per_find)} false alarms {a_day})"
        )
    alone = _acts_alone(plan)
    if enrichment < SMALL_SHIFT:
        return Tempered(2, found)  # a small shift: a low note
    cheap = says_nothing(plan.impact.action_cost) or _costs_nothing(plan.impact.action_cost)
    if plan.impact.costlier_error is ErrorCost.false_negative and (not alone or cheap):
        # Misses cost more, and a person looks at each flag (or a flag's action costs nothing): the false
        # alarms are a workload, not the harm; worth a decision where precision is part of done, else a note.
        if alone and cheap:
            found.append(quote(plan, "impact.action_cost", "a false alarm's action costs nothing given away"))
        return Tempered(3 if criterion else 2, found)
    if criterion or (alone and enrichment >= ALONE_ENRICHMENT):
        if alone and not criterion:
            found.append(alone)
        return tuple(found)
    return Tempered(3, found)
