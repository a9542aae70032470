"""Rules on a backlog and a flow counted as one: the impact estimate values a volume per period, while the
answers speak of a backlog that clears once.

A backlog of 380,000 records with 210,000 arriving a year is two things: a one-off stock, worth its value
once (and often carrying the deadline that makes the project urgent), and a flow, worth its value every
period. An estimate that counts only the flow misses the stock; one that puts the stock in the volume per
year counts it again every year after it is cleared.
"""

from __future__ import annotations

import re

from planner.core import formatting as fmt
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, items_per_month, quote, show
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

# Words of a stock of work waiting: a backlog, items not yet annotated or verified.
BACKLOG = Lexicon("""
    backlog, backlogs, arrears, unannotated, not annotated, not yet annotated, unlabelled, unlabeled
    not yet labelled, unverified, not yet verified, unprocessed, not yet processed, unreviewed
    not yet reviewed, unscanned, not yet scanned, uncoded, not yet coded
""")
_WHERE = (
    "impact.bottleneck",
    "product.pain",
    "product.current_performance",
    "product.success_metric",
    "product.goal",
    "press_release.problem",
)
_CLAUSE = re.compile(r"(?<=[.;!?])\s+|;\s*")
# A count of items: `380,000`, `18,900-image`, `12 600`; not a year, a share, a time or money.
_COUNT = re.compile(
    r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})+|\d{3,7})(?![\d%]|[.,]\d)"
    r"(?!\s*(?:-\s*)?(?:%|percent|minutes?|mins?|hours?|days?|weeks?|months?|years?|working days|eur|gbp|usd)\b)",
    re.IGNORECASE,
)
# A count said per period (`2,400 requests a year join the backlog`, `900 a month`): a flow, not the stock.
_PER_PERIOD = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s*(?:a|per|each|every|/)\s*(?:year|month|week|day|quarter|annum)\b"
    r"|^(?:\s+[\w-]+){0,3}?\s+(?:annually|annual|yearly|monthly|weekly|daily)\b",
    re.IGNORECASE,
)
# ...or with its period just before it (`parcels sorted per day (2,500 today)`, `an hour: 900`).
_PER_PERIOD_BEFORE = re.compile(
    r"\b(?:an?|per|each|every)\s+(?:year|month|week|day|hour|quarter|annum)\s*[(:,]?\s*(?:about\s+|around\s+)?$"
    r"|\b(?:annually|yearly|monthly|weekly|daily|hourly)\s*[(:,]?\s*(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# A backlog at least this share of a year's flow is a stock the estimate must value apart.
STOCK_SHARE = 0.25
# A volume within this share of the backlog is the backlog itself.
SAME = 0.1


def said_backlog(plan: Plan) -> tuple[str, int, str] | None:
    """(the answer's path, the backlog's count, the word) where an answer names a backlog with a count
    in the same clause; years (1900-2100 said without a comma) and counts per period, said after or just
    before (a flow that passes through the backlog), are not counts of it."""
    for path in _WHERE:
        text = answer_at(plan, path)
        if not isinstance(text, str):
            continue
        for clause in _CLAUSE.split(text):
            word = BACKLOG.find(clause)
            if not word:
                continue
            counts = [
                int(found.group(1).replace(",", ""))
                for found in _COUNT.finditer(clause)
                if not _PER_PERIOD.match(clause[found.end() :])
                and not _PER_PERIOD_BEFORE.search(clause[: found.start()])
            ]
            counts = [count for count in counts if not (1900 <= count <= 2100 and str(count) in clause)]
            if counts:
                return path, max(counts), word
    return None


@rule(
    "backlog-outside-the-flow",
    Category.product,
    likelihood=3,
    impact=3,
    move=Move(
        "Value the backlog once and the flow per period",
        "The answers name a stock of waiting items beside the volume per period: count the stock's value "
        "once (with the deadline that makes it urgent) and the flow's every period, then weigh both against "
        "the effort",
        "info",
    ),
    ask="is the backlog the answers name valued apart from the volume per period, once?",
    fires=(
        Case(
            {
                "product.pain": "Verifiers get through 95,000 records a year; the unverified backlog is 380,000.",
                "impact.volume": 210000,
                "impact.period": "year",
            },
            evidence=(
                'product.pain: "Verifiers get through 95,000 records a year; the unverified backlog..." '
                "(a backlog of 380,000, said as unverified)",
                "impact.volume: 210000 a year (the backlog is about 22 months of that flow; the estimate counts "
                "only the flow: value the 380,000 once, apart)",
            ),
        ),
        Case(  # the backlog put in the volume a year: counted again every year after it clears
            {
                "product.pain": "A backlog of 12,000 case files waits for coding.",
                "impact.volume": 12000,
                "impact.period": "year",
            },
            evidence=(
                'product.pain: "A backlog of 12,000 case files waits for coding." (a backlog of 12,000, said as '
                "backlog)",
                "impact.volume: 12000 a year (the volume is the backlog itself: valued every year, it counts a "
                "stock that clears once; what arrives a year after it is cleared?)",
            ),
        ),
    ),
    quiet=(
        Case(
            {"product.pain": "A backlog of 40 invoices builds before each payment run."}
        ),  # small beside the flow
        Case({"product.pain": "Clerks check 12,000 invoices a month by hand."}),  # no backlog said
        Case({"product.pain": "The backlog grew in 2023 and the clerks work weekends."}),  # no count: a year
        Case(  # the count is the flow, its period said before it; the backlog is said in days
            {
                "product.success_metric": "Parcels sorted per day (1,800 now) and days of backlog (three).",
                "impact.volume": 1800,
                "impact.period": "day",
            }
        ),
    ),
)
def backlog_outside_the_flow(plan: Plan) -> Evidence:
    """A backlog and a flow are valued as one.

    The answers speak of a backlog (items waiting, not yet annotated or verified) while the impact counts
    a volume per period: a stock clears once, a flow returns every period. Counting only the flow misses
    the stock, often the part with the deadline; putting the stock in the volume per year counts it again
    every year after it is cleared.

    Mitigation: Value the backlog once and the flow per period, each with its own volume; say when the
    backlog must be cleared and what the model does after that.
    """
    impact = plan.impact
    per_month = items_per_month(plan)
    said = said_backlog(plan)
    if said is None or per_month is None or impact.volume is None or impact.period is None:
        return None
    path, stock, word = said
    found = quote(plan, path, f"a backlog of {fmt.count(stock)}, said as {word}")
    volume = f"impact.volume: {show(impact.volume)} a {impact.period.value}"
    if abs(impact.volume - stock) <= SAME * stock:
        note = (
            "the volume is the backlog itself: valued every "
            f"{impact.period.value}, it counts a stock that clears once; what arrives a "
            f"{impact.period.value} after it is cleared?"
        )
        return Hint((word,), (found, f"{volume} ({note})"))
    if stock < STOCK_SHARE * 12 * per_month:
        return None  # a working queue, small beside a year's flow
    months = stock / per_month
    note = (
        f"the backlog is {fmt.duration(months, 'month', significant=2)} of that flow; the estimate counts only "
        f"the flow: value the {fmt.count(stock)} once, apart"
    )
    return Hint((word,), (found, f"{volume} ({note})"))
