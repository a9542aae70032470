"""Rules on the peak weeks and moving holidays a forecast's yearly error hides.

A demand forecast earns its keep in a few weeks: Christmas, Easter, Mother's Day, Ramadan, Chinese New
Year, the peak season. An error averaged over the year is set by the many ordinary weeks, and a model
can improve it while it misses the peak where the stock, the staff and the money are. Holidays whose
date moves (Easter, Ramadan, Chinese New Year) fall in a different week each year: encoded by week
number, the model learns last year's week, not the holiday. A lead asks for the peak weeks scored apart
and the moving holidays encoded by their date in each year.
"""

from __future__ import annotations

import re

from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.granularity import SCORES_PEAK, peak_sized_amount_judged_on_average
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Difference, Plan, TaskType

# Holidays whose date moves from one year to the next: a week number misplaces them.
MOVING_HOLIDAYS = Lexicon("""
    easter, easter weekend, easter week, good friday, easter monday, mother's day, mothers' day, mothers day
    father's day, fathers' day, fathers day, ramadan, eid, eid al-fitr, eid al-adha, eid ul-fitr
    chinese new year, lunar new year, diwali, hanukkah, passover, rosh hashanah, thanksgiving, whitsun
    pentecost, carnival, carnaval, mardi gras, shrove tuesday, pancake day, golden week
""")
# Holidays on a fixed date that make a peak of their own.
FIXED_HOLIDAYS = Lexicon("""
    christmas, christmastime, christmas eve, new year's eve, black friday, cyber monday, valentine's day
    valentines day, halloween, bonfire night, singles' day
""")
# Holidays are proper names (`Mother's Day`, `Chinese New Year`): read in lowercase, where a run of
# capitalised words is not taken for the name of a firm or a team.
HOLIDAYS = MOVING_HOLIDAYS + FIXED_HOLIDAYS
# A peak of the year named in plain words: the weeks where the demand, and the money, are.
PEAK_WEEKS = Lexicon(
    """
    peak, peaks, peak week, peak weeks, peak season, peak seasons, peak period, peak periods, peak month
    peak months, peak demand, busiest week, busiest weeks, busiest month, busiest months, busy season
    high season, back to school, back-to-school, festive season, festive period, holiday season
    holiday peak, bank holiday, bank holidays, public holiday, public holidays, school holidays
    """,
    unless="off peak, off-peak, peak hour, peak hours, peak-hour, peak time, peak times, peak slot, peak slots",
)


def _as_written(text: str, form: str) -> str:
    """`form` as `text` writes it, possessive and all (`mother day` as `mother's day`)."""
    pattern = r"(?:['’]s?)?[\s-]+".join(re.escape(word) for word in form.split())
    found = re.search(rf"(?<!\w){pattern}(?:['’]s?)?(?!\w)", text, re.IGNORECASE)
    return (found.group(0).lower() if found else form).replace("'", "\u2019")


def peaks_named(text: str | None) -> tuple[str, ...]:
    """The peaks and holidays `text` names, holidays first, as written."""
    if not text:
        return ()
    found = (*HOLIDAYS.find_all(text.lower()), *PEAK_WEEKS.find_all(text))
    return tuple(dict.fromkeys(_as_written(text, form) for form in found))


# The answers that say what is forecast and why: where a team names the weeks it cares about.
_SAID = (
    "product.goal",
    "product.pain",
    "product.decision",
    "product.output",
    "product.success_metric",
    "constraints.data.differences_note",
)
# A score of the peak weeks or holidays apart: a metric over them, or over the upper tail.
SCORED_APART = SCORES_PEAK + Lexicon("per week of year, by week of year, worst week, worst weeks")


def _scores_peak_apart(plan: Plan) -> bool:
    metrics = plan.done.metrics
    scored = [text for metric in metrics for text in (metric.name, metric.dataset)]
    texts = (*scored, plan.done.worst_error_metric)
    return any(SCORED_APART.find(text) or peaks_named(text) for text in texts)


@rule(
    "peak-weeks-in-a-yearly-error",
    Category.model,
    likelihood=3,
    impact=3,
    move=Move(
        "Score the peak weeks apart; date the moving holidays",
        "An error over the year is set by the ordinary weeks; score the peak weeks and each holiday on "
        "their own (error and shortfall there), and encode moving holidays (Easter, Ramadan, Chinese New "
        "Year) by their date in each year, not by week number",
        "info",
    ),
    ask="are the peak weeks scored apart from the error over the year, and are holidays whose date moves "
    "encoded by their date in each year, not by week number?",
    fires=(
        Case(
            {
                "product.task": "forecasting",
                "product.goal": "Florists get enough roses for Mother's Day and Valentine's Day.",
                "done.metrics[0].name": "WAPE of weekly stems per florist over 2024",
            },
            evidence=(
                "product.goal: \"Florists get enough roses for Mother's Day and Valentine's Day.\" (mother\u2019s "
                "day, valentine\u2019s day: the weeks where the demand, and the money, are)",
                'done.metrics[0].name: "WAPE of weekly stems per florist over 2024" (no metric scores '
                "those weeks apart)",
            ),
        ),
        Case(  # structured: the season differs between the data and live
            {
                "product.task": "forecasting",
                "constraints.data.differences": ["season"],
                "done.metrics[0].name": "WAPE of weekly stems per florist over 2024",
            },
            evidence=(
                'product.task: "forecasting"',
                'constraints.data.differences: ["season"] (the demand changes with the season)',
                'done.metrics[0].name: "WAPE of weekly stems per florist over 2024" (no metric scores '
                "the peak weeks apart)",
            ),
            also=frozenset({"season-difference-unmitigated"}),
        ),
    ),
    quiet=(
        Case(  # a metric scores the holidays apart
            {
                "product.task": "forecasting",
                "product.goal": "Florists get enough roses for Mother's Day and Valentine's Day.",
                "done.metrics": [
                    {"name": "WAPE of weekly stems per florist over 2024", "target": 0.2},
                    {"name": "WAPE in the Mother's Day and Valentine's weeks", "target": 0.2},
                ],
            }
        ),
        Case(  # no peak named, not a forecast
            {"product.goal": "Florists get enough roses for Mother's Day."},
        ),
    ),
)
def peak_weeks_in_a_yearly_error(plan: Plan) -> Evidence:
    """A forecast for peak weeks or moving holidays is judged on an error over the whole year.

    The weeks that matter (Christmas, Easter, Mother's Day, Ramadan, the peak season) weigh a few
    fiftieths of a yearly MAPE or WAPE, so a model can beat the baseline over the year while it misses
    the peak where stock runs out and the money is. Holidays whose date moves (Easter, Ramadan, Chinese
    New Year) fall in a different week each year; a week-of-year feature places them wrong.

    Mitigation: Score the peak weeks and each holiday apart (their error and the shortfall it would
    cause), beside the yearly error, and encode moving holidays by their date in each year (days to
    Easter, in Ramadan), not by week number.
    """
    if plan.product.task is not TaskType.forecasting or not plan.done.metrics:
        return None
    if _scores_peak_apart(plan) or peak_sized_amount_judged_on_average(plan) is not None:
        return None  # scored apart already, or said there with the capacity it sizes
    metric = quote(plan, "done.metrics[0].name", "no metric scores those weeks apart")
    if Difference.season in plan.constraints.data.differences:
        return (
            quote(plan, "product.task"),
            quote(plan, "constraints.data.differences", "the demand changes with the season"),
            quote(plan, "done.metrics[0].name", "no metric scores the peak weeks apart"),
        )
    said = [(path, peaks_named(answer_at(plan, path))) for path in _SAID]
    heard = [(path, words) for path, words in said if words]
    if not heard:
        return None
    path, words = heard[0]
    return Hint(
        words,
        (quote(plan, path, f"{', '.join(words)}: the weeks where the demand, and the money, are"), metric),
    )
