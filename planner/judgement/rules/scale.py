"""The impact estimate against the problem's own size: the value the plan multiplies out (volume x
share x value per item) cannot exceed what the plan itself says the whole problem costs. When it does,
by a wide margin, the figures were joined wrongly: a value per case found counted on every item, a
share applied twice, a yearly cost read as a monthly one.

The problem's cost is read from free text, where an amount may be the cost of one case (one animal kept
a month, one repair) rather than of the whole problem: the rule asks, quoting the amount, and claims no
factor between the two."""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, items_per_month, monthly_value, quote
from planner.judgement.rules.impact import is_money
from planner.plan.model import Category, Plan

# Where a plan says what the problem costs today, in money over a period.
PROBLEM_PATHS = ("product.pain", "press_release.problem", "product.current_performance", "impact.bottleneck")

# An amount of money, then (within a few words) the period it is counted over.
_AMOUNT = (
    r"(?:[€$£]\s?(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<sa>k|m|bn|thousand|million|billion)?\b)"
    r"|(?:\b(?:eur|usd|gbp|chf)\s?(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<sb>k|m|bn|thousand|million|billion)?\b)"
    r"|(?:\b(?P<c>\d[\d,]*(?:\.\d+)?)\s*(?P<sc>k|m|bn|thousand|million|billion)?\s*"
    r"(?:eur|euros?|usd|dollars?|gbp|pounds?|chf)\b)"
)
_PERIOD = (
    r"(?P<period>a year|per year|each year|every year|annually|yearly|/\s?year|/\s?yr|a month|per month|"
    r"each month|every month|monthly|/\s?month|a week|per week|each week|every week|weekly|/\s?week|"
    r"a day|per day|each day|every day|daily|/\s?day|in (?:19|20)\d\d|last year|this year)"
)
_COST = re.compile(rf"(?:{_AMOUNT})(?P<gap>[^.;\d]{{0,40}}?)\b{_PERIOD}", re.IGNORECASE)
# What one item costs, not the whole problem: "a disconnected string loses EUR 25 a day".
_PER_ITEM = re.compile(
    r"\b(?:a|an|each|every|per|one)\s+(?!year|month|week|day|quarter)(?:[a-z'-]+\s+){0,5}(?:loses|costs|cost|wastes|burns|brings|earns|"
    r"needs|takes)\s+(?:us\s+|them\s+|the [a-z]+\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|up to\s+|"
    r"nearly\s+|almost\s+|over\s+)?$",
    re.IGNORECASE,
)
# ...or said after the amount: "about GBP 9,250 a year in fees per student lost".
_PER_ITEM_AFTER = re.compile(
    r"^[^.;\d]{0,30}?\b(?:per|for each|for every)\s+(?!year|month|week|day)[a-z]", re.I
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_PER_YEAR = {"year": 1, "yr": 1, "annually": 1, "month": 12, "week": 52, "day": 365, "daily": 365}
# The estimate may exceed the problem's stated cost by this much before the join is in doubt: a
# stated cost is often one part of the problem (the waste, not the staff time around it).
OUT_OF_SCALE = 3


def _per_year(period: str) -> int:
    said = period.lower().replace("/", " ").split()[-1]
    if said.isdigit() or said == "year":  # "in 2024", "last year"
        return 1
    for word, times in _PER_YEAR.items():
        if said.startswith(word[:3]) and (word != "daily" or said == "daily"):
            return times
    return 1


def problem_costs(plan: Plan) -> list[tuple[float, str, str]]:
    """Each yearly cost of the problem the answers state: (amount a year, the words, where)."""
    found = []
    for path in PROBLEM_PATHS:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for match in _COST.finditer(text):
            if _PER_ITEM.search(text[max(0, match.start() - 60) : match.start()]) or _PER_ITEM_AFTER.search(
                text[match.end() :]
            ):
                continue  # the cost of one item, not of the whole problem
            number = match.group("a") or match.group("b") or match.group("c")
            scale = match.group("sa") or match.group("sb") or match.group("sc") or ""
            amount = float(number.replace(",", "")) * _SCALE.get(scale.lower(), 1.0)
            found.append((amount * _per_year(match.group("period")), match.group(0).strip(), path))
    return found


@rule(
    "impact-exceeds-the-problem",
    Category.product,
    likelihood=4,
    impact=3,
    ask="is the amount the answers name the cost of the whole problem, below the impact estimate, or of one "
    "case?",
    move=Move(
        "Redo the impact estimate so it fits the problem's own cost",
        "The value multiplied out is several times what the plan says the whole problem costs: count the "
        "value per item the volume counts (a value per case found is not per item screened), apply each "
        "share once, and keep the periods apart; then weigh the estimate against the effort again",
        "warning",
    ),
    fires=(
        Case(
            {
                "product.pain": "Duplicate payments cost us about EUR 50,000 a year, and recovering them takes weeks."
            },
            evidence=(
                "impact: 12,000 a month x 60% x 4 EUR = 28,800 EUR a month, about 345,600 EUR a year",
                'product.pain: "Duplicate payments cost us about EUR 50,000 a year, and recovering ..." '
                "(EUR 50,000 a year: if that is what the whole problem costs, about 50,000 EUR a year, the "
                "estimate exceeds it; or is it the cost of one case?)",
            ),
        ),
        Case(
            {"product.pain": "Every year duplicates cost us about EUR 2,000 a month."}
        ),  # a period, not one item
    ),
    quiet=(
        Case({"product.pain": "Duplicate payments cost us about EUR 300,000 a year."}),
        Case(
            {
                "product.pain": "Duplicate payments cost us about EUR 50,000 a year.",
                "impact.value_unit": "minutes",
            }
        ),
        Case({"product.pain": "Duplicate payments cost us EUR 50,000."}),  # no period: not a yearly cost
        Case(
            {"product.pain": "Offers that miss cost about EUR 9,000 a year in fees per student."}
        ),  # per item
        Case(
            {"product.pain": "Each duplicate costs about EUR 500 a month until recovered."}
        ),  # one item's cost
        Case(  # one animal's upkeep, its subject a few words before the amount
            {"product.pain": "A dog withdrawn late from training costs us about GBP 400 a month in kennels."}
        ),
    ),
)
def impact_exceeds_the_problem(plan: Plan) -> Evidence:
    """The impact estimate is larger than the problem.

    The value the plan multiplies out (volume x share addressed x value per item) is several times what
    the plan's own answers say the whole problem costs. A model cannot save more than the problem costs:
    the figures were joined wrongly (a value per case found counted on every item screened, a share
    applied twice, periods mixed), and the estimate then decides whether the project is worth doing.

    Mitigation: Recount the value per item of the volume counted, apply each share once, and check the
    estimate against the problem's cost before weighing it against the effort.
    """
    impact = plan.impact
    monthly = monthly_value(plan, bounded=False)  # the plan's own figures multiplied out
    if monthly is None or monthly <= 0 or not is_money(impact.value_unit):
        return None
    costs = problem_costs(plan)
    if not costs:
        return None
    largest, said, where = max(costs)
    yearly = monthly * 12
    if largest <= 0 or yearly <= OUT_OF_SCALE * largest:
        return None
    unit, items = impact.value_unit, items_per_month(plan) or 0.0
    shown = (
        f"impact: {fmt.count(items)} a month x {fmt.share(impact.addressed or 0)} x "
        f"{fmt.number(impact.item_value or 0)} {unit} = {fmt.count(monthly)} {unit} a month, "
        f"about {fmt.count(yearly)} {unit} a year"
    )
    # The amount is read from words: ask whether it is the whole problem's cost, and claim no factor.
    return Hint(
        (said,),
        (
            shown,
            quote(
                plan,
                where,
                f"{said}: if that is what the whole problem costs, about {fmt.count(largest)} {unit} a year, "
                "the estimate exceeds it; or is it the cost of one case?",
            ),
        ),
    )
