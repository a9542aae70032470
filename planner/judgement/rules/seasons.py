"""Rules on data that covers only part of the year.

Light, weather, demand, staffing and behaviour change with the season. Data recorded over a few months
(one summer, a May test set) says little about the rest of the year the product will run, and a team
that ticked no season difference has not said otherwise. The months are read from the answers that
describe the data: its sources, the evaluation set, the metrics' datasets and the note on differences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.capped import COUNTS_DEMAND
from planner.judgement.rules.evidence import (
    answer_at,
    quote,
    source_paths,
)
from planner.judgement.rules.months import CALENDAR, MONTH, MONTH_NAMES, month_number
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, DataKind, Difference, Plan, Split, TaskType
from planner.plan.spoken import NUMBER_WORDS, alternation, said_count

MONTHS = Lexicon([*CALENDAR, *MONTH_NAMES])

SEASONS = Lexicon("""
    summer, summers, winter, winters, autumn, autumns, spring months, in spring, this spring, last spring
    summer months, winter months, dry season, wet season, rainy season, monsoon, high season, low season
    peak season, off-season, off season
""")

# Words that say the product meets the outdoors (light, weather, vegetation change with the season).
OUTDOORS = Lexicon("""
    outdoor, outdoors, outside, road, roads, street, streets, pavement, pavements, field, fields, crop, crops
    weather, drone, drones, aerial, satellite, garden, gardens, tree, trees, forest, forests, river, rivers
    coast, coastal, beach, beaches, snow, rain, daylight, dashcam, dashcams, lorry, lorries, truck, trucks
    bus, buses, traffic, rail, track, tracks, orchard, orchards, vineyard, vineyards, park, parks
""")

# Words that say the data spans the year, or that the product runs only in that season.
WHOLE_YEAR = Lexicon("""
    all year, all-year, year-round, year round, whole year, full year, every month, every season
    all seasons, each season, twelve months, 12 months, a year of, two years, three years, several years
    seasonal only, only in summer, only in winter, summer only, winter only, closed in winter
""")

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# Words that say the data spans years: "since 2021", "the last 3 years", "5 years of".
_YEARS_LONG = re.compile(
    r"\bsince\s+(?:19|20)\d\d\b|\b\d+\s+years\b|\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:19|20)?\d\d\b"
    r"|\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:now|today|date|(?:\d{1,2}\s+)?\w+\s+this\s+year)\b",
    re.I,
)

# The day a table was exported or a snapshot taken (`exported on 3 February`): when it was pulled, not
# the months it covers.
_EXPORT_DATE = re.compile(
    r"\b(?:exported|extracted|downloaded|snapshot(?:\s+taken)?|dumped|as\s+of|as\s+at)"
    r"(?:\s+(?:on|in))?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?",
    re.I,
)

# Months named ahead of today (`next June to September`, `from next March`): when the product will be
# tried or judged, which no data yet covers, not the months the data holds.
_AHEAD = re.compile(
    rf"\b(?:next|coming|upcoming)\s+{MONTH}(?:\s*(?:-|–|to|until|till|through)\s*{MONTH})?",
    re.IGNORECASE,
)

# "may" is a month only beside a year or another month: "May 2025", "May to July", never "it may".
_MAY_AS_MONTH = re.compile(r"\bmay\s+(?:(?:19|20)\d\d|to|-|–|and)\b|\b(?:to|-|–|and)\s+may\b", re.IGNORECASE)


def _data_paths(plan: Plan) -> tuple[str, ...]:
    metrics = tuple(f"done.metrics[{index}].dataset" for index in range(len(plan.done.metrics)))
    return (*source_paths(plan), "done.eval_set", "constraints.data.differences_note", *metrics)


# A period said as a span of months: `Jun - Aug 2025`, `March 2024 to June 2024`, `Nov 2024 - Feb 2025`.
_SPAN_OF_MONTHS = re.compile(
    rf"\b{MONTH}\s*((?:19|20)\d\d)?\s*(?:-|–|to|until|till|through)\s*{MONTH}\s*((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# ...or as a span of seasons over years: `Autumn 2022 to summer 2025` (the first month of the first season
# to the last of the second).
_SPAN_OF_SEASONS = re.compile(
    r"\b(winter|spring|summer|autumn|fall)\s+((?:19|20)\d\d)\s*(?:-|–|to|until|till|through)\s*"
    r"(winter|spring|summer|autumn|fall)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_SEASON_STARTS = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}
# The same months in each of several years (`April-October 2022 to 2024`, `May - Sep, every year`): the
# months the operation runs in, not a sample of one part of its year.
_EACH_YEAR = re.compile(
    r"^\s*(?:(?:-|–|to|until|till|through)\s*(?:19|20)\d\d\b|,?\s*(?:each|every)\s+year\b)", re.I
)
# A period said as a length: `3 months`, `six weeks`, `two and a half years` (read as its whole part).
_LENGTH = re.compile(
    rf"\b(\d+|{alternation(NUMBER_WORDS)})(?:\s+and\s+a\s+half)?\s+(weeks?|months?|years?)\b",
    re.I,
)
# How long records are kept, not how far back the data goes: `deleted after six months`, `kept for 2 years`.
_KEPT_FOR = re.compile(
    r"\b(?:deleted|delete|deletes|purged|purge|erased|removed|kept|keep|keeps|retained|retain|retains"
    r"|retention|overwritten|archived|expire|expires|expired)\b[^.;,]{0,20}$",
    re.IGNORECASE,
)
SHORT_PERIOD_MONTHS = 4  # data over this many months or fewer covers part of the year only


def period_months(text: str | None) -> int | None:
    """How many months a period spans (`Jun - Aug 2025`: 3, `Jun 2023 - May 2025`: 24), or None when the
    answer says no span that can be counted."""
    if not text:
        return None
    found = _SPAN_OF_MONTHS.search(text)
    if found:
        first, first_year, last, last_year = found.groups()
        start, end = month_number(first), month_number(last)
        years = int(last_year) - int(first_year or last_year)
        if first_year is None and end < start:
            years = 1  # `Nov - Feb 2025`: across the turn of the year
        return years * 12 + end - start + 1
    seasons = _SPAN_OF_SEASONS.search(text)
    if seasons:
        first, first_year, last, last_year = seasons.groups()
        start, end = _SEASON_STARTS[first.lower()], (_SEASON_STARTS[last.lower()] + 1) % 12 + 1
        winter_ends = 12 if last.lower() == "winter" else 0  # winter 2024 runs into February 2025
        return (int(last_year) - int(first_year)) * 12 + winter_ends + end - start + 1
    length = next(
        (each for each in _LENGTH.finditer(text) if not _KEPT_FOR.search(text[: each.start()])), None
    )
    if length:
        count, unit = length.groups()
        number = int(said_count(count))
        return (
            number * 12
            if unit.lower().startswith("year")
            else max(1, number // 4)
            if unit.lower().startswith("week")
            else number
        )
    return None


def _seasonal(plan: Plan) -> bool:
    """Whether what the model sees or counts changes with the season: a forecast or time series, demand
    counted (sales, visits, bookings), or the outdoors in its inputs or goal."""
    if plan.product.task is TaskType.forecasting or DataKind.time_series in plan.product.data_kinds:
        return True
    paths = ("product.inputs", "product.goal", "product.label", *source_paths(plan))
    texts = [text for path in paths if isinstance(text := answer_at(plan, path), str)]
    return any(OUTDOORS.find(text) or COUNTS_DEMAND.find(text) for text in texts)


def _months(text: str) -> set[str]:
    text = _EXPORT_DATE.sub(" ", text)
    found = set()
    for word in MONTHS.find_all(text):
        if word == "may" and not _MAY_AS_MONTH.search(text):
            continue
        found.add(MONTH_NAMES.get(word, word))
    return found


def _over_years(period: str | None) -> bool:
    """Whether the period answer says the data runs over years (`Nine seasons, 2016 to 2024`, `since
    2019`) and names no month or season it is limited to (`Summers 2016 to 2024` is)."""
    if not period or _months(period) or SEASONS.find(period):
        return False
    return bool(WHOLE_YEAR.find(period) or _YEARS_LONG.search(period))


# A season named in the plural: the same season in several years (`five summers`, `winters since 2019`).
_SEASONS_OVER_YEARS = Lexicon("summers, winters, autumns, springs, dry seasons, wet seasons, rainy seasons")


def _same_season_yearly(period: str | None, texts: Iterable[str]) -> bool:
    """Whether the data holds the same season in several years (`Summers 2020 to 2024`, `five summers`): a
    season gathered year after year is the season the operation runs in, not one it happened to record."""
    if period and SEASONS.find(period) and len(set(_YEAR.findall(period))) >= 2:
        return True
    return any(_SEASONS_OVER_YEARS.find(text) for text in (period or "", *texts))


def _covered(period: str) -> list[str]:
    """The months, in order, a period within a year covers (`May - Oct 2025`: may to october); empty
    when it spans a year or more, or says no months."""
    found = _SPAN_OF_MONTHS.search(period)
    span = period_months(period)
    if found is None or span is None or span >= 12:
        return []
    start = month_number(found.group(1))
    return [CALENDAR[(start - 1 + step) % 12] for step in range(span)]


def _launch_outside(plan: Plan, period: str, span: int) -> Evidence:
    """Data over five to eleven months: the live trial or launch (done.when_met) named in months it lacks,
    or no start named, so the product runs on into them; quiet where it starts in the months covered."""
    covered, when = _covered(period), plan.done.when_met
    launch = _months(when) if when else set()
    if span >= 12 or launch & set(covered):
        return None  # the whole year, or a start in the months the data covers
    found = _SPAN_OF_MONTHS.search(period)
    if not launch and found and _EACH_YEAR.match(period[found.end() :]):
        return None  # the same months every year: the season the operation runs in, none it lacks
    if not launch:  # no start said: the product meets the months the data lacks as the year turns
        months = f", {covered[0]} to {covered[-1]}" if covered else ""
        note = f"{span} months{months}: the other {12 - span} months of the year are not in the data"
        evidence = [quote(plan, "constraints.data.period", note)]
        if plan.constraints.data.differences:
            evidence.append(quote(plan, "constraints.data.differences", "no season difference ticked"))
        return Tempered(2, evidence)
    if not covered:
        return None
    words = tuple(sorted(launch, key=CALENDAR.index))
    evidence = [
        quote(plan, "constraints.data.period", f"{span} months, {covered[0]} to {covered[-1]}"),
        quote(plan, "done.when_met", f"goes live in {' and '.join(words)}, which the data lacks"),
    ]
    if plan.constraints.data.differences:
        evidence.append(quote(plan, "constraints.data.differences", "no season difference ticked"))
    return Hint(words, evidence)


@rule(
    "data-from-one-season",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Collect and test on the seasons the product will run in",
        "Light, weather, demand and behaviour change with the season: data from a few months says little "
        "about the rest of the year; test on the season the product starts in before trusting any score",
    ),
    ask="does the data cover the seasons the product will run in?",
    fires=(
        Case(
            {
                "constraints.data.sources": [
                    {"name": "Camera frames from June to August 2025", "acquisition": "own"}
                ],
                "constraints.data.period": None,
                "constraints.data.differences": ["none"],
                "product.inputs": "Frames from cameras on the refuse lorries, of the road ahead.",
            },
            evidence=(
                'constraints.data.sources[0].name: "Camera frames from June to August 2025" (the data covers '
                "only june and august: the product will meet the rest of the year)",
                'constraints.data.differences: ["none"] (no season difference ticked)',
            ),
        ),
        Case(  # the period said: three months of a forecast
            {"constraints.data.period": "Jun - Aug 2025", "product.task": "forecasting"},
            evidence=(
                'constraints.data.period: "Jun - Aug 2025" (3 months: the product will meet the rest of the year)',
                'constraints.data.differences: ["none"] (no season difference ticked)',
            ),
        ),
        Case(  # half a year of data, no start said: the product runs on into the months it lacks
            {
                "constraints.data.period": "Apr - Sep 2025",
                "product.task": "forecasting",
                "done.when_met": None,
            },
            evidence=(
                'constraints.data.period: "Apr - Sep 2025" (6 months, april to september: the other 6 months '
                "of the year are not in the data)",
                'constraints.data.differences: ["none"] (no season difference ticked)',
            ),
        ),
        Case(  # half a year of data, and the launch in a month it lacks
            {
                "constraints.data.period": "May - Oct 2025",
                "product.task": "forecasting",
                "done.when_met": "A 6-week pilot at two sites from December, then all sites.",
            },
            evidence=(
                'constraints.data.period: "May - Oct 2025" (6 months, may to october)',
                'done.when_met: "A 6-week pilot at two sites from December, then all sites." (goes live in '
                "december, which the data lacks)",
                'constraints.data.differences: ["none"] (no season difference ticked)',
            ),
        ),
    ),
    quiet=(
        Case(  # a year of data
            {"constraints.data.period": "Jan - Dec 2025", "product.task": "forecasting"}
        ),
        Case(  # a ski school's winters, year after year: the season it runs in
            {
                "product.task": "forecasting",
                "constraints.data.period": None,
                "constraints.data.sources": [
                    {"name": "Lesson bookings, six winters (resort, level, day)", "acquisition": "own"}
                ],
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # a river-boat hire firm's data: the same months in each of three years, the months it runs
            {
                "constraints.data.period": "March-September 2021 to 2023",
                "product.task": "forecasting",
                "done.when_met": None,
            }
        ),
        Case(  # seasons at both ends of a span over years: three years, whatever month a source starts in
            {
                "product.task": "forecasting",
                "constraints.data.period": "Spring 2021 to winter 2024",
                "constraints.data.sources": [{"name": "Footfall counters at the new gates (from June)"}],
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # half a year of data, and the launch in a month it covers
            {
                "constraints.data.period": "May - Oct 2025",
                "product.task": "forecasting",
                "done.when_met": "A 6-week pilot at two sites from June, then all sites.",
            }
        ),
        Case(  # the period runs over years; the months name when the events happen and when it is judged
            {
                "product.task": "forecasting",
                "product.pain": "Most road closures for snow fall between December and February.",
                "constraints.data.period": "Eight years of daily records, 2017 to 2024",
                "done.metrics[0].dataset": "The first winter in use (next December to February)",
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # the period runs over years; the month named is when a depot opened, not what the data holds
            {
                "product.task": "forecasting",
                "constraints.data.period": "The last three and a half years",
                "constraints.data.differences": ["mix"],
                "constraints.data.differences_note": "The depot opened last March now handles a third of orders.",
            }
        ),
        Case(  # the day the table was exported is no season: the data runs from 2018
            {
                "product.task": "forecasting",
                "constraints.data.period": None,
                "constraints.data.sources": [
                    {"name": "Enquiry table from the CRM, exported on 3 February", "acquisition": "own"}
                ],
                "constraints.data.differences": ["none"],
            }
        ),
        Case(  # the period said: two years, whatever a source's name says
            {
                "constraints.data.sources": [
                    {"name": "Camera frames from June to August 2025", "acquisition": "own"}
                ],
                "constraints.data.period": "Jun 2023 - May 2025",
                "product.inputs": "Frames from cameras on the refuse lorries, of the road ahead.",
            }
        ),
        Case(
            {
                "constraints.data.sources": [
                    {"name": "Camera frames from June to August 2025", "acquisition": "own"}
                ],
                "constraints.data.differences": ["season"],
            }
        ),
        Case(
            {
                "constraints.data.sources": [
                    {"name": "Camera frames from June 2024 to May 2025, all year", "acquisition": "own"}
                ],
                "constraints.data.differences": ["none"],
            }
        ),
    ),
)
def data_from_one_season(plan: Plan) -> Evidence:
    """The data covers only part of the year.

    Data recorded over a few months (one summer, a test set from May) carries that season's light,
    weather, demand and behaviour; the product runs the whole year, and its score on the other seasons is
    unknown until someone measures it. The team ticked no season difference, so nothing in the plan
    answers it. Half a year of data is no safer: the product runs on into the months it lacks (a lower
    note), and meets them first where the pilot or launch falls in one of them.

    Mitigation: Say which seasons the product runs in; collect and label data from each (or at least
    from the season it starts in) and report the score per season; until then, start in the season the
    data covers and watch the error as the season turns.
    """
    differences = plan.constraints.data.differences
    if Difference.season in differences:
        return None  # the team said it: production-differs weighs it
    if not _seasonal(plan):
        return None  # an indoor line or an office record: the season changes little of what it sees
    period = plan.constraints.data.period
    span = period_months(period)
    if span is not None:  # the team said when the data starts and ends: read it first
        if span > SHORT_PERIOD_MONTHS:
            return _launch_outside(plan, period or "", span)
        note = f"{span} month{'s' if span > 1 else ''}: the product will meet the rest of the year"
        evidence = [quote(plan, "constraints.data.period", note)]
        if differences:
            evidence.append(quote(plan, "constraints.data.differences", "no season difference ticked"))
        return tuple(evidence)
    if _over_years(period):
        return None  # months named elsewhere say when events happen or the product is judged
    paths = _data_paths(plan)
    # months named ahead (`next June`) say when the product is judged, not what the data holds
    texts = {path: _AHEAD.sub(" ", text) for path in paths if isinstance(text := answer_at(plan, path), str)}
    if any(WHOLE_YEAR.find(text) or _YEARS_LONG.search(text) for text in texts.values()):
        return None  # the data spans the year, or years
    if _same_season_yearly(period, texts.values()):
        return None  # the same season year after year: the season the product runs in
    years = {year for text in texts.values() for year in _YEAR.findall(text)}
    named = {path: found for path, text in texts.items() if (found := _months(text))}  # read once
    months = set().union(*named.values())
    seasons = next(((path, words) for path, text in texts.items() if (words := SEASONS.find_all(text))), None)
    said = None
    if months and len(months) <= 4 and len(years) <= 1:
        said = (next(iter(named)), tuple(sorted(months, key=CALENDAR.index)))
    elif seasons and len(years) <= 1:
        said = seasons
    if said is None:
        return None
    path, words = said
    evidence = [
        quote(
            plan,
            path,
            f"the data covers only {' and '.join(words)}: the product will meet the rest of the year",
        )
    ]
    if differences:
        evidence.append(quote(plan, "constraints.data.differences", "no season difference ticked"))
    return Hint(words, evidence)


def seasons_backtested(plan: Plan) -> bool:
    """The data spans two years or more and the test split comes after the training data."""
    years = [int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", plan.constraints.data.period or "")]
    return plan.done.split is Split.time and len(years) >= 2 and max(years) - min(years) >= 2
