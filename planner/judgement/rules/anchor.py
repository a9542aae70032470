"""When things are known against when the decision is taken, read from the plan's words in days: the
decision's lead time (a roster published 28 days ahead), each input's window (a feed that reaches us 48
hours before departure, a value known only on the day) and the horizon a backtest or a baseline scores at
(each day forecast from the data available the day before, one-step-ahead).

A lead anchors every input and the evaluation on the moment the decision is taken; these readers give the
rules that moment and what the plan says of each input and score, so that the evidence can do the
arithmetic in the plan's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.judgement.rules.base import Case, Evidence, Hint, Move, Tempered, rule
from planner.judgement.rules.evidence import answer_at, done_metrics, quote, source_paths
from planner.judgement.rules.overwritten import label_written_into_an_input
from planner.judgement.rules.words import SENTENCE, Lexicon
from planner.plan.model import Category, DataKind, InputsBuilt, Plan
from planner.plan.spoken import A_COUNT, NUMBER_WORDS, alternation

NUMBERS = A_COUNT | NUMBER_WORDS
DAYS_PER = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30}

NUM = rf"(\d+(?:\.\d+)?|{alternation(NUMBERS)})"
# `5 working days` counts as 5 days: the shortest reach it can mean.
SPAN = rf"{NUM}(?:\s*(?:-|–|to)\s*{NUM})?[\s-]+(?:(?:working|business|calendar|clear)[\s-]+)?(hour|day|week|fortnight|month)s?"

# How far the forecast looks: `the next 1-3 days`, `3 days ahead`, `a 2-day horizon`, `a 48-hour forecast`;
# `tomorrow` is a day.
_HORIZON = re.compile(
    rf"\bnext\s+{SPAN}\b|\b{SPAN}[\s-]+(?:ahead|out)\b|\b{SPAN}\s+(?:horizon|forecasts?|outlook)\b"
    rf"|\bhorizon\s+of\s+{SPAN}\b",
    re.IGNORECASE,
)
_ONE_DAY = re.compile(r"\b(tomorrow|tomorrow's|next[\s-]day|day[\s-]ahead)\b", re.IGNORECASE)
_NEXT_WEEK = re.compile(r"\bnext\s+week(?:'s)?\b|\bweek[\s-]ahead\b", re.IGNORECASE)

# When the lever is set: `ordered 10 days ahead`, `rosters published two weeks in advance`, `a lead time
# of 7-14 days`; said in a sentence that names the lever.
# `placed on Tuesdays for delivery three weeks later`, `two weeks' notice`, `10 days after ordering`.
_AHEAD = re.compile(
    rf"\b{SPAN}(?:'s?)?\s+(?:ahead|out|in advance|beforehand|before|prior|later|notice)\b"
    rf"|\b{SPAN}\s+after\s+(?:ordering|booking|the order|an order|it is ordered|placing)\b",
    re.IGNORECASE,
)
# `ordered on Monday for delivery the following Monday`: a week ahead.
_NEXT_WEEKDAY = re.compile(
    r"\bfor\s+(?:delivery|arrival|use)\s+(?:the\s+following|next)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)\b",
    re.IGNORECASE,
)
_LEAD_TIME = re.compile(
    rf"\blead[\s-]time\s+(?:of\s+|is\s+)?{SPAN}\b|\b{SPAN}\s+lead[\s-]time\b", re.IGNORECASE
)
LEVERS = Lexicon("""
    order, orders, ordered, ordering, purchase order, purchase orders, procurement, replenishment
    roster, rosters, rostered, rota, rotas, shift, shifts, shift plan, shift plans, schedule, schedules
    scheduled, staffing, staff plan, staff plans, booking, bookings, booked, contract, contracts
    contracted, production plan, production plans, delivery, deliveries, allocation, allocations
    allocated, dispatch plan, crew plan, crew plans, capacity, locked, fixed, published, placed, set
    frozen, finalised, finalized
""")

HORIZON_IN = ("product.output", "product.label", "product.goal", "product.decision")


SPAN_ALONE = re.compile(SPAN, re.IGNORECASE)


def days_of(said: str) -> tuple[float, float]:
    """(shortest, longest) days a span says: `1-3 days` is (1, 3), `two weeks` (14, 14)."""
    span = SPAN_ALONE.search(said)
    if span is None:
        return 1.0, 1.0
    low, high, unit = span.groups()
    per = DAYS_PER[unit.lower()]
    return value_of(low) * per, value_of(high or low) * per


def value_of(word: str) -> float:
    word = word.lower()
    return float(NUMBERS[word]) if word in NUMBERS else float(word)


def horizon(text: str | None) -> tuple[str, float] | None:
    """The forecast's horizon the text says, with its longest reach in days: (`next 1-3 days`, 3)."""
    if not text:
        return None
    found = _HORIZON.search(text)
    if found:
        return found.group(0).lower(), days_of(found.group(0))[1]
    week = _NEXT_WEEK.search(text)
    if week:
        return week.group(0).lower(), 7
    day = _ONE_DAY.search(text)
    return (day.group(0).lower(), 1) if day else None


# Today's wait the product shortens (`instead of up to two weeks later`, `a backlog of two weeks`): not a lead.
_WAIT_BEFORE = re.compile(
    r"\b(?:instead\s+of|rather\s+than|down\s+from|compared\s+with|backlogs?(?:\s+(?:of|is|was|runs?))?|waits?"
    r"(?:\s+of)?|waiting|delays?(?:\s+of)?|queues?(?:\s+of)?)(?:\s+(?:up\s+to|about|around|often|usually|over))*"
    r"\s+(?:an?\s+)?$",
    re.IGNORECASE,
)


def lead_time(text: str | None) -> tuple[str, float, str] | None:
    """How long before the day it serves the lever is set, in a sentence that names the lever: (`10 days
    ahead`, 10, `orders`), its shortest reach in days; a span that is today's wait is not a lead."""
    for sentence in SENTENCE.split(text or ""):
        levers = LEVERS.find_all(sentence)
        ahead = (m for m in _AHEAD.finditer(sentence) if not _WAIT_BEFORE.search(sentence[: m.start()]))
        found = _LEAD_TIME.search(sentence) or (next(ahead, None) if levers else None)
        if found is None and levers:
            week = _NEXT_WEEKDAY.search(sentence)
            if week:
                return week.group(0), 7.0, _named(levers) or "the lead time"
        if found:
            # the last lever named before `10 days ahead`; the first of the sentence before `three weeks
            # later` (`orders placed on Tuesdays for delivery three weeks later`: the orders are set)
            before = LEVERS.find_all(sentence[: found.start()])
            later = re.search(r"\b(?:later|after)\b", found.group(0), re.IGNORECASE)
            near = _named(before if later else before[::-1])
            return found.group(0), days_of(found.group(0))[0], near or _named(levers) or "the lead time"
    return None


# Words that say a lever is set without naming it: the lever named beside them says more.
_SETTING = frozenset({"finalised", "finalized", "fixed", "frozen", "locked", "placed", "published", "set"})


def _named(levers: tuple[str, ...]) -> str | None:
    """The lever a sentence names: `roster` before `set` in `set officers per shift in the roster`."""
    return next((lever for lever in levers if lever not in _SETTING), levers[0] if levers else None)


# The answers that say when the lever is set, first those that name the decision itself.
LEVER_IN = (
    "product.decision",
    "impact.bottleneck",
    "product.current_solution",
    "product.pain",
    "product.goal",
    "constraints.data.differences_note",
)


@dataclass(frozen=True)
class Anchor:
    """Something said about time: where (`product.decision`), the words (`28 days ahead`), in days, and
    what it is about (`roster`, an input's clause)."""

    path: str
    words: str
    days: float
    about: str
    furthest: float | None = None  # one decision serving a span of days: the longest lead

    @property
    def reach(self) -> float:
        """How far ahead the forecast must reach: the longest lead of a span, else the lead."""
        return self.days if self.furthest is None else self.furthest


def in_days(days: float) -> str:
    """`1 day`, `28 days`, `2 days` (48 hours), `0.5 days`."""
    return f"{days:g} day" if days == 1 else f"{days:g} days"


LEAD_PATH = "product.lead_days"


def structured_lead(plan: Plan) -> Anchor | None:
    """The lead the plan answers in days (`product.lead_days: 10`), above 0 at its longest: the decision
    is fixed then. A span (`lead_days: 4-9`, one rota for several days) keeps both ends: the shortest
    bounds when inputs must exist, the longest how far the forecast must reach. The lever is the one the
    decision's words name (`orders`), else `the decision`."""
    span = plan.product.lead_range()
    if span is None or span[1] <= 0:
        return None
    low, high = span
    words = f"{in_days(low)} ahead" if low == high else f"{low:g} to {in_days(high)} ahead"
    levers = next((found for path in LEVER_IN if (found := LEVERS.find_all(answer_at(plan, path)))), ())
    furthest = high if high > low else None
    return Anchor(LEAD_PATH, words, low, _named(levers) or "the decision", furthest)


def said_lead(lead: Anchor) -> str:
    """The note on the answer that says the lead: `orders: 10 days ahead, fixed 10 days before the day
    served`; for the structured answer, whose line already says the number, `the decision is fixed ...`."""
    if lead.furthest is not None:
        return f"{lead.about}: fixed {lead.days:g} to {in_days(lead.furthest)} before the days served"
    fixed = f"fixed {in_days(lead.days)} before the day served"
    if lead.path == LEAD_PATH:
        return f"{lead.about}: {fixed}"
    return f"{lead.about}: {lead.words}, {fixed}"


def lead_words(lead: Anchor) -> tuple[str, ...]:
    """The free-text words a lead was read from, for a Hint: none when it is the structured answer."""
    return () if lead.path == LEAD_PATH else (lead.words,)


def decision_lead(plan: Plan) -> Anchor | None:
    """How long before the day it serves the decision is taken: the structured answer first (above 0),
    then the first answer whose words say it. A lead of 0 (on the spot) leaves the words heard, since they
    may name a lever fixed ahead that the answer missed."""
    structured = structured_lead(plan)
    if structured is not None:
        return structured
    for path in LEVER_IN:
        found = lead_time(answer_at(plan, path))
        if found:
            words, days, lever = found
            return Anchor(path, words, days, lever)
    return None


# An input's window, how long before the day served its value exists: `the airlines' 48-hour feed`,
# `a feed that reaches us 48 hours before departure`, `sent 3 days before the visit`.
_EVENT = (
    r"(?:departure|arrival|the day|the flight|the event|the appointment|the visit|the shift|delivery"
    r"|the match|the game|the service|the operation|the job|the trip|the sailing|the stay|check-in)"
)
# ...or set only so long before it: `instructor (rota finalised two weeks ahead)`, `promotions planned 4
# weeks in advance`.
_SET_WORDS = (
    r"(?:set|fixed|published|finali[sz]ed|confirmed|announced|agreed|planned|released|allocated|assigned"
    r"|rostered|scheduled|known)"
)
_WINDOW = re.compile(
    rf"\b{SPAN}[\s-]+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:feeds?|files?|extracts?|manifests?|uploads?|notices?|pre-?registrations?)\b"
    rf"|\b{SPAN}\s+before\s+{_EVENT}\b|\b{SPAN}\s+(?:ahead\s+of|prior\s+to)\s+{_EVENT}\b"
    rf"|\b(?:at\s+midnight|the\s+(?:day|night|evening))\s+before\s+{_EVENT}"
    rf"|\b{_SET_WORDS}\s+(?:only\s+|about\s+|around\s+)?{SPAN}\s+(?:ahead|in\s+advance|beforehand|before|out)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;,]|\.\s|\band\b", re.IGNORECASE)
# ...or that exists only after the period it describes: `claimant count (published 6 weeks after the month)`.
_LATE = re.compile(
    r"\b(?:published|released|available|reported|confirmed|finali[sz]ed|issued|arrives|received)\s+"
    rf"(?:only\s+|about\s+|around\s+|some\s+)?{SPAN}\s+(?:after|later)\b",
    re.IGNORECASE,
)


def clause(text: str, start: int, end: int) -> str:
    """The part of a list of inputs a match sits in: `booked passengers from the airlines' 48-hour feed`."""
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(text) if m.end() <= start)]
    after = [m.start() for m in _CLAUSE.finditer(text) if m.start() >= end]
    return text[cuts[-1] : after[0] if after else len(text)].strip(" .")


def there(days: float) -> str:
    """When an input's window says it exists: `2 days before the day served`; `only 42 days after the
    period it describes` for a figure published late."""
    if days < 0:
        return f"only {in_days(-days)} after the period it describes"
    return f"{in_days(days)} before the day served"


def input_windows(plan: Plan) -> list[Anchor]:
    """Each input or source said to exist only so long before the day served, in days; one that exists
    only after the period it describes, as minus that many days."""
    found = []
    for path in ("product.inputs", *source_paths(plan)):
        text = answer_at(plan, path) or ""
        for match in _WINDOW.finditer(text):
            found.append(
                Anchor(path, match.group(0), days_of(match.group(0))[0], clause(text, *match.span()))
            )
        for match in _LATE.finditer(text):
            found.append(
                Anchor(path, match.group(0), -days_of(match.group(0))[0], clause(text, *match.span()))
            )
    return found


# The horizon a backtest scores at, beside the words `horizon` reads (`day-ahead`, `next 3 days`):
# `each day forecast from the data available the day before`, `one-step-ahead`, `7 days before`.
_BEFORE = re.compile(
    rf"\b(?:data|information|values?|history|figures)\s+(?:available|known|up\s+to|as\s+of|until)\s+"
    rf"(?:on\s+|at\s+)?(?:(?P<span>{SPAN})|the\s+(?:day|night|evening)|a\s+day)\s+before\b"
    r"|\b(?:previous|prior)[\s-]day(?:'s)?\s+data\b",
    re.IGNORECASE,
)
_STEP = re.compile(r"\b(?:one|1|single)[\s-]step(?:[\s-]ahead)?\b", re.IGNORECASE)
_STEP_UNIT = {"hour": 1 / 24, "week": 7, "month": 30}
_GRAIN = re.compile(r"\b(hour|week|month)(?:ly|s)?\b|\beach\s+(hour|week|month)\b", re.IGNORECASE)


def scored_horizon(plan: Plan, text: str | None) -> tuple[str, float] | None:
    """The horizon a backtest (or a baseline) is scored at, with its reach in days."""
    if not text:
        return None
    before = _BEFORE.search(text)
    if before:
        days = days_of(before.group("span"))[0] if before.group("span") else 1.0
        return before.group(0).lower(), days
    step = _STEP.search(text)
    if step:
        grain = _GRAIN.search(answer_at(plan, "product.output") or "")
        unit = (grain.group(1) or grain.group(2)).lower() if grain else "day"
        return step.group(0).lower(), _STEP_UNIT.get(unit, 1.0)
    return horizon(text)


def scored_at(plan: Plan) -> list[tuple[str, tuple[str, float]]]:
    """Where the plan says the horizon the model is scored at, or its baseline measured at."""
    paths = [
        *(f"{path}.{part}" for path, _ in done_metrics(plan) for part in ("name", "baseline_name")),
        "done.eval_set",
    ]
    return [(path, found) for path in paths if (found := scored_horizon(plan, answer_at(plan, path)))]


# An input read as it stands now, not as it stood when each past decision was taken: a profile table kept
# up to date, a rate computed over all history (the outcomes after the decision included).
AS_NOW = Lexicon("""
    kept up to date, kept up-to-date, keeps it up to date, keeps them up to date, keep it up to date
    always up to date, always up-to-date, kept current, updated in place, overwritten, overwrites
    as it is today, as they are today, as it stands today, current values, latest values
    over all history, over the whole history, over the full history, across all history, over all time
    all-time, over all past and future
""")
# ...and inputs said as they stood at the decision: these settle it.
AS_THEN = Lexicon("""
    point-in-time, point in time, as of, as-of, snapshot, snapshots, as it was, as they were, as it stood
    as they stood, as known at, as known then, history of changes, change history, versioned, valid from
    before the decision, before each decision, up to the decision, up to each decision
""")
_AS_NOW_IN = ("product.inputs", "done.eval_set")
# Words that, of a stream of readings, name the reading at the moment of each decision: the value then.
READING_NOW = Lexicon("current values, latest values")


@rule(
    "inputs-read-as-they-are-now",
    Category.data,
    likelihood=4,
    impact=4,
    move=Move(
        "Rebuild each input as it stood when each past decision was taken",
        "A table kept up to date, or a rate over all history, carries what happened after each past decision "
        "into its features: the backtest scores with facts the live model will not have",
        "warning",
        first=True,
    ),
    ask="are these inputs read as they stood when each past decision was taken, or as they are now?",
    fires=(
        Case(  # answered: today's tables, and the outcome comes 90 days after the prediction
            {
                "constraints.data.inputs_built": "latest_values",
                "constraints.data.labels": ["outcomes"],
                "constraints.data.label_delay_days": 90,
            },
            also=frozenset({"label-delay-exceeds-retraining"}),
            evidence=(
                "constraints.data.inputs_built: latest_values (the training rows read today's tables or latest "
                "values, joined to past cases)",
                "constraints.data.label_delay_days: 90 (the outcome comes 90 days after each prediction, and "
                "the tables were updated meanwhile: the rows carry what happened after it, often the outcome)",
            ),
        ),
        Case(  # some from today's tables, and no label delay said: a question of how much changed since
            {"constraints.data.inputs_built": "mixed"},
        ),
        Case(  # records kept up to date, never checked: a question, at medium
            {"constraints.data.inputs_built": "not_checked", "product.data_kinds": ["tabular"]},
        ),
        Case(
            {
                "product.inputs": "Languages, home postcode and acceptance rate (the profile table keeps it "
                "up to date).",
            },
            evidence=(
                'product.inputs: "Languages, home postcode and acceptance rate (the profile table kee..." '
                "(acceptance rate (the profile table keeps it up to date): as it is now, or as it stood at each "
                "past decision?)",
            ),
        ),
        Case(  # a rate over all history, the outcomes after each decision included
            {
                "product.inputs": "Applicant income, loan amount and the broker's approval rate over all "
                "history.",
            },
        ),
        Case(  # the calendar read as it is now holds the booking the label records: a question naming both
            {
                "constraints.data.inputs_built": "not_checked",
                "product.inputs": "Request dates, party size and the host's availability calendar.",
                "product.label": "The host accepted the booking request.",
            },
        ),
        Case(  # the backtest reads today's table
            {
                "product.inputs": "Customer segment and tenure.",
                "done.eval_set": "2024 applications, joined to the customer table as it is today.",
            },
        ),
    ),
    quiet=(
        Case(  # not checked, but photos never change once captured
            {"constraints.data.inputs_built": "not_checked", "product.data_kinds": ["images"]}
        ),
        Case({"constraints.data.inputs_built": "point_in_time"}),
        Case(  # the same calendar, rebuilt as it stood at each request
            {
                "constraints.data.inputs_built": None,
                "product.inputs": "Request dates and the host's availability calendar as it stood at the request.",
                "product.label": "The host accepted the booking request.",
            }
        ),
        Case({"constraints.data.inputs_built": "unchanging"}),
        Case(  # a point-in-time snapshot
            {
                "product.inputs": "Languages, home postcode and acceptance rate from the nightly snapshot of "
                "the profile table, as of each offer.",
            }
        ),
        Case(  # a rate up to each decision
            {
                "product.inputs": "Applicant income, loan amount and the broker's approval rate up to each "
                "decision.",
            }
        ),
        Case({"product.inputs": "Applicant income, loan amount and the broker's approval rate last year."}),
        Case(  # a stream of readings: the current value is the reading at each moment
            {
                "product.data_kinds": ["time_series"],
                "product.inputs": "Kiln temperature and draught, current values and the last two hours.",
            }
        ),
    ),
)
def inputs_read_as_they_are_now(plan: Plan) -> Evidence:
    """Inputs are read as they are now, not as they stood at each past decision.

    A profile table kept up to date holds today's values; a rate computed over all history counts what
    happened after each past decision (often the very outcome predicted). Joined to past cases, they give
    the model facts it will not have when it decides, and the backtest scores better than the product will.

    Mitigation: For each input, rebuild its value as it stood when each past decision was taken (a
    point-in-time snapshot, the table's change history, a rate counted only over earlier cases); where
    that cannot be done, drop the input or score it on cases collected after a snapshot is kept.
    """
    built = plan.constraints.data.inputs_built
    if built in (InputsBuilt.latest_values, InputsBuilt.mixed):
        return built_from_today(plan, built)
    held = label_written_into_an_input(plan)  # a calendar holding the booking the label records
    if held:
        return held
    if built is InputsBuilt.not_checked and DataKind.tabular in plan.product.data_kinds:
        # operational records are updated in place (a status, a balance, an order remade): unchecked, a question
        note = (
            "not checked, and the rows come from records kept up to date: are any of them updated or "
            "overwritten after the outcome?"
        )
        return Tempered(
            2, (f"constraints.data.inputs_built: not_checked ({note})", quote(plan, "product.data_kinds"))
        )
    for path in _AS_NOW_IN:
        text = answer_at(plan, path)
        said = AS_NOW.find(text)
        if said and READING_NOW.find(said) and DataKind.time_series in plan.product.data_kinds:
            continue  # a time series' current value is the reading as it stood at that moment
        if said and not AS_THEN.find(text):
            at = re.search(re.escape(said), text, re.IGNORECASE)
            part = clause(text, *at.span()) if at else said
            note = f"{part}: as it is now, or as it stood at each past decision?"
            return Hint((said,), (quote(plan, path, note),))
    return None


def built_from_today(plan: Plan, built: InputsBuilt) -> Evidence:
    """The answer says the training rows read today's tables: high where the outcome comes days after the
    prediction (the tables changed meanwhile, often with the outcome), else a lower likelihood."""
    what = "some of the training rows' inputs" if built is InputsBuilt.mixed else "the training rows"
    said = f"constraints.data.inputs_built: {built.value} ({what} read today's tables or latest values, joined to past cases)"
    delay = plan.constraints.data.label_delay_range()
    lead = decision_lead(plan)
    after = (delay[1], "constraints.data.label_delay_days") if delay and delay[1] > 0 else None
    after = after or ((lead.days, lead.path) if lead is not None and lead.days > 0 else None)
    if after is None:
        return Tempered(3, (said,))
    days, path = after
    note = (
        f"the outcome comes {in_days(days)} after each prediction, and the tables were updated meanwhile: the "
        "rows carry what happened after it, often the outcome"
    )
    return (
        said,
        quote(plan, path, note)
        if path != "constraints.data.label_delay_days"
        else f"{path}: {days:g} ({note})",
    )
