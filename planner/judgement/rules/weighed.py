"""Rules on which error is worse: the team answers that both errors cost the same (or does not say),
while its own account of the harm makes one of them clearly worse (an injury, a shortage, a wrongful
ban on one side, an inconvenience on the other)."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import quote
from planner.judgement.rules.harm import SERIOUS
from planner.judgement.rules.lexicon import FALSE_ALARM_SAID, MISS_SAID
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, ErrorCost, Plan, TaskType

# A harm no one would weigh like an inconvenience: to body, livelihood, liberty, supply.
GRAVE = Lexicon(
    """
    injury, injuries, injured, injure, death, deaths, dies, die, died, fatal, killed, harmed, poisoned
    overdose, sepsis, outbreak, collapse, collapses, crash, crashes, collision, collisions, explosion
    shortage, shortages, runs short, run short, short of supplies, left without, goes without, go without
    banned, wrongful ban, wrongfully banned, wrongly banned, ban, bans, deported, detained
    arrested, evicted, eviction, insolvency, insolvent, bankrupt, bankruptcy, loses their income
    lose their income, lost income, loses their job, lose their job, loses their home, lose their home
    stranded, untreated, left untreated, unsafe, lawsuit, lawsuits
    safety risk, safety hazard, safety incident, hazard, hazards, house fire, fire risk, burns, electrocution
    contamination, contaminated, allergic reaction, anaphylaxis, misdiagnosis, misdiagnosed
    abuse, abused, neglect, neglected, self-harm, suicide, assault, assaulted, hospitalised, hospitalized
    """
)

# A number too low or too high: an under-forecast against an over-forecast.
TOO_LOW = Lexicon(
    """
    under-forecast, under-forecasts, underforecast, under-predict, under-predicts, under-prediction
    underestimate, underestimates, underestimated, too low, too few, too little, runs short, run short
    shortage, shortages, stockout, stockouts, stock-out, stock-outs, runs out, run out, ran out
    """
)
TOO_HIGH = Lexicon(
    """
    over-forecast, over-forecasts, overforecast, over-predict, over-predicts, over-prediction
    overestimate, overestimates, overestimated, too high, too many, too much, surplus, overstock
    overstocked, waste, wasted, spoilage, spoiled, thrown away, idle, unused
    """
)

# A clause that says an error skews a statistic: the grave words in it name what is counted (`estimates
# of seriously injured casualties`), not a harm one error does to someone.
SKEWS = Lexicon("""
    bias, biases, biased, biasing, skew, skews, skewed, distort, distorts, distorted, inflate, inflates
    inflated, deflate, deflates, understate, understates, overstate, overstates, misstate, misstates
""")
STATISTIC = Lexicon("""
    estimate, estimates, statistics, official statistics, figures, official figures, counts, count of
    rate, rates, totals, prevalence, incidence, trend, trends, register, registry, survey
""")
# A clause that names both errors at once: it weighs neither above the other.
BOTH_ERRORS = Lexicon("""
    missed or false, false or missed, missed and false, false and missed, either error, both errors
    errors either way, errors in either direction, errors in both directions, either kind of error
""")
_NUMBERS = (TaskType.regression, TaskType.forecasting)
_CLAUSES = re.compile(r"[.;]|\bwhile\b|\bwhereas\b|\bbut\b|\bthough\b", re.IGNORECASE)


def _worse(text: str, task: TaskType | None) -> tuple[str, tuple[str, ...]] | None:
    """The error the text makes clearly worse, with the words that say so: one kind of error whose
    clauses name a grave harm while no clause of the other kind does."""
    kinds = (
        {"a figure too low": TOO_LOW, "a figure too high": TOO_HIGH}
        if task in _NUMBERS
        else {"a missed case": MISS_SAID, "a false alarm": FALSE_ALARM_SAID}
    )
    grave: dict[str, list[str]] = {kind: [] for kind in kinds}
    seen: set[str] = set()
    for clause in _CLAUSES.split(text):
        if BOTH_ERRORS.find(clause):
            seen |= set(kinds)
            continue  # both errors named together: neither is made the worse
        said = {kind: words for kind, lexicon in kinds.items() if (words := lexicon.find_all(clause))}
        seen |= set(said)
        if len(said) == 1 and not (SKEWS.find(clause) and STATISTIC.find(clause)):
            (kind, words), harm = next(iter(said.items())), GRAVE.find_all(clause)
            if harm:
                grave[kind] += [*words, *(word for word in harm if word not in words)]
    heavy = [kind for kind, words in grave.items() if words]
    if len(heavy) != 1:
        return _costlier(text, kinds)
    return heavy[0], tuple(dict.fromkeys(grave[heavy[0]]))


def _only_kind(text: str, task: TaskType | None) -> tuple[str, tuple[str, ...]] | None:
    """The one error kind the text names, with its words, where it never names the other nor both."""
    kinds = (
        {"a figure too low": TOO_LOW, "a figure too high": TOO_HIGH}
        if task in _NUMBERS
        else {"a missed case": MISS_SAID, "a false alarm": FALSE_ALARM_SAID}
    )
    if BOTH_ERRORS.find(text):
        return None
    said = {kind: words for kind, lexicon in kinds.items() if (words := lexicon.find_all(text))}
    return next(iter(said.items())) if len(said) == 1 else None


_MONEY = re.compile(
    r"(?:[€$£]\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m|thousand|million)?)"
    r"|(?:(\d[\d,]*(?:\.\d+)?)\s*(k|m|thousand|million)?\s*(?:eur|euros?|usd|dollars?|gbp|pounds?|chf)\b)",
    re.IGNORECASE,
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}
UNEQUAL = 5  # one error costs this many times the other: not 'similar'


def _amounts(clause: str) -> list[tuple[float, str]]:
    found = []
    for match in _MONEY.finditer(clause):
        number, scale = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        )
        found.append(
            (float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0), match.group(0).strip())
        )
    return found


_CODES = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
}
_CODES |= {"pound": "GBP", "pounds": "GBP"}


def money_in(text: str | None) -> tuple[float, str] | None:
    """The first amount of money `text` names (`€35`, `12 EUR`, `4 pounds`) and its currency code."""
    found = _amounts(text or "")
    if not found:
        return None
    amount, said = found[0]
    word = said[0] if said[0] in "€$£" else said.split()[-1].lower().lstrip("0123456789.,km")
    return amount, _CODES.get(word, word.upper())


def _costlier(text: str, kinds: dict[str, Lexicon]) -> tuple[str, tuple[str, ...]] | None:
    """Two harms of unequal weight in money: one kind's clauses cost many times the other's."""
    cost: dict[str, list[tuple[float, str]]] = {kind: [] for kind in kinds}
    for clause in _CLAUSES.split(text):
        said = [kind for kind, lexicon in kinds.items() if lexicon.find(clause)]
        if len(said) == 1:
            cost[said[0]] += _amounts(clause)
    if not all(cost.values()):
        return None
    (low_kind, low), (high_kind, high) = sorted(
        ((kind, max(said)) for kind, said in cost.items()), key=lambda x: x[1][0]
    )
    if low[0] <= 0 or high[0] < UNEQUAL * low[0]:
        return None
    return high_kind, (high[1], f"{fmt.number(high[0] / low[0], 0)} times {low[1]}")


@rule(
    "worse-error-unweighed",
    Category.model,
    likelihood=4,
    impact=4,
    move=Move(
        "Decide which error is worse before choosing the threshold",
        "The threshold, the guardrail metric and the review budget all follow from which error hurts more; "
        "answered as 'the same' while the harm described is one-sided, the model is tuned for the wrong one",
        "warning",
    ),
    ask="which error is worse, when the harm described falls on one side?",
    fires=(
        Case(
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "A wrongly held invoice can push a small supplier into insolvency; a "
                "missed duplicate is recovered weeks later.",
            },
            evidence=(
                'impact.error_harm: "A wrongly held invoice can push a small supplier into insolvency; a..." '
                "(a false alarm described as the worse error: wrongly held, insolvency)",
                'impact.costlier_error: "similar" (both errors cost the same? then the threshold, the metric '
                "and the review budget ignore the harm described)",
            ),
        ),
        Case(  # the miss told as a case nobody visited: a child harmed against half a day of staff time
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "A child at risk is not visited in time and is harmed; a needless "
                "visit costs a social worker half a day.",
            },
            evidence=(
                'impact.error_harm: "A child at risk is not visited in time and is harmed; a needless vi..." '
                "(a missed case described as the worse error: not visited, harmed)",
                'impact.costlier_error: "similar" (both errors cost the same? then the threshold, the metric '
                "and the review budget ignore the harm described)",
            ),
        ),
        Case(  # only the miss is told, and the team rates it serious: its words name no injury
            {
                "impact.costlier_error": "similar",
                "impact.error_severity": "serious",
                "impact.error_harm": "A missed leak runs on for a month before the next meter reading.",
            },
        ),
    ),
    quiet=(
        Case(  # the team already says which error costs more
            {
                "impact.costlier_error": "false_positive",
                "impact.error_harm": "A wrongly held invoice can push a small supplier into insolvency; a "
                "missed duplicate is recovered weeks later.",
            }
        ),
        Case(  # both errors grave: 'similar' may well be right
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "A missed fault leaves a passenger injured; a false alarm strands a "
                "train and its passengers are stranded for hours.",
            }
        ),
        Case(  # harm words name what a statistic counts: a miss skews an estimate, it injures no one
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "Missed matches understate the registry's counts of overdose deaths "
                "in each district.",
            }
        ),
        Case(  # both errors named together
            {
                "impact.costlier_error": "similar",
                "impact.error_harm": "Missed or false matches skew the overdose death figures we publish.",
            }
        ),
        Case(  # the sound plan's harm names both errors, neither grave
            {"impact.costlier_error": "similar"}
        ),
    ),
)
def worse_error_unweighed(plan: Plan) -> Evidence:
    """Both errors are weighed alike, though the harm described makes one clearly worse.

    The team answers that a false alarm and a miss (or a forecast too high and too low) cost the same,
    or does not say, while its own account of the harm gives one of them an injury, a shortage or a
    wrongful ban and the other an inconvenience. The threshold, the metric and the review budget all
    follow from that choice.

    Mitigation: Decide which error is worse with the people who bear it, record it as the costlier
    error, and set the threshold and a guardrail metric on that error.
    """
    impact = plan.impact
    if impact.costlier_error not in (None, ErrorCost.similar) or not impact.error_harm:
        return None
    worse = _worse(impact.error_harm, plan.product.task)
    rated: tuple[str, ...] = ()
    if worse is None and impact.error_severity in SERIOUS:
        worse = _only_kind(
            impact.error_harm, plan.product.task
        )  # the worst error, rated serious, is one kind
        rated = (quote(plan, "impact.error_severity", "the worst error, of that one kind"),)
    if worse is None:
        return None
    kind, words = worse
    harm = quote(plan, "impact.error_harm", f"{kind} described as the worse error: {', '.join(words)}")
    if impact.costlier_error is None:
        said = "impact.costlier_error: not answered (which error is worse? the threshold follows from it)"
    else:
        said = quote(
            plan,
            "impact.costlier_error",
            "both errors cost the same? then the threshold, the metric and the review budget ignore the "
            "harm described",
        )
    return Hint(words, (harm, *rated, said))


_ONE_CUT = (TaskType.classification, TaskType.forecasting, TaskType.regression, TaskType.ranking)


@rule(
    "costlier-error-varies",
    Category.model,
    likelihood=3,
    impact=2,
    move=Move(
        "Set the cut-off or quantile per slice, at each slice's own costs",
        "Where the costlier error differs by product, customer or season, one cut-off (or one forecast "
        "quantile) is wrong for every slice at once: it over-serves the slices where a miss is cheap and "
        "under-serves those where it is dear",
    ),
    fires=(
        Case(
            {"product.task": "forecasting", "impact.costlier_error": "varies"},
            evidence=(
                'impact.costlier_error: "varies" (the costlier error differs by case: one cut-off or '
                "quantile for all cases fits none of them)",
            ),
        ),
    ),
    quiet=(
        Case({"product.task": "forecasting", "impact.costlier_error": "too_low"}),
        Case({"product.task": "extraction", "impact.costlier_error": "varies"}),
    ),
)
def costlier_error_varies(plan: Plan) -> Evidence:
    """The team says which error costs more differs from case to case.

    Then no single threshold, quantile or metric is right: a snack that sells out loses a sale, a chilled
    item left over is thrown away; a missed fault on one line is a recall, on another a rework.

    Mitigation: Write down, per slice (product group, customer type, season), which error costs more and
    roughly by how much; set the cut-off or forecast quantile per slice from those costs, and report the
    done metric per slice at its own cost.
    """
    if plan.impact.costlier_error is not ErrorCost.varies or plan.product.task not in _ONE_CUT:
        return None
    return (
        quote(
            plan,
            "impact.costlier_error",
            "the costlier error differs by case: one cut-off or quantile for all cases fits none of them",
        ),
    )
