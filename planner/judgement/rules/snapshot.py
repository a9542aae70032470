"""Attributes read from one current snapshot onto years of events, counted on the plan's own years.

A register extract received in January, an EHR snapshot of 2025, today's customer table: joined onto tests,
visits or claims since 2015, every past row reads the attribute as it is now, not as it was then. Repairs
made after a failure, a grade earned after the outcome, an address moved to since: the model learns from
what followed the event (leakage), and only the things still on the register appear at all (survivorship).
A lead counts the years between the oldest event and the snapshot, and asks for the attributes as they
stood at each event, or for the ones that never change.
"""

from __future__ import annotations

import re

from planner.judgement.rules.anchor import clause, inputs_read_as_they_are_now
from planner.judgement.rules.base import Case, Evidence, Hint, Move, rule
from planner.judgement.rules.evidence import answer_at, quote, source_paths
from planner.judgement.rules.words import Lexicon
from planner.plan.model import Category, Plan

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# One table taken once: `the current extract`, `today's customer table`, `the latest register`.
_CURRENT = re.compile(
    r"\b(?:current|latest|today's|today’s|most\s+recent|present-day)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:snapshot|extract|export|dump|copy|table|register|master\s+data|directory|feed|catalogue|catalog"
    r"|database|lookup|file)\b"
    r"|\b(?:snapshot|extract|export|dump|copy|table|register|list)\s+(?:taken\s+|pulled\s+)?"
    r"(?:as\s+(?:of|at)\s+today|as\s+it\s+is\s+today|today)\b",
    re.IGNORECASE,
)
# ...or dated once: `EHR snapshot (January 2025)`, `register extract (received in January)`.
_DATED = re.compile(
    r"\b(?:snapshot|extract|export|dump|download)\b[^;.]{0,30}?"
    rf"(?:\b(?:received|taken|pulled|dated|as\s+of|as\s+at)\s+(?:in\s+|on\s+)?(?:{_MONTH}\b\s*({_YEAR})?|({_YEAR}))"
    rf"|\(\s*{_MONTH}\b\s*({_YEAR})?)",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"\b{_YEAR}\s*(?:-|–|to|until)\s*(?:{_YEAR}|now|present|today|date)\b", re.I)
# Said as they stood at each event, or of attributes that never change: settled.
AS_AT_EACH = Lexicon("""
    snapshots, point-in-time, point in time, as of each, as at each, as of the event, as of the visit
    as known at, as known then, as it stood, as they stood, as it was, as they were, at the time of
    history of changes, change history, change log, changelog, versioned, valid from, effective dates
    slowly changing, never change, never changes, do not change, does not change, fixed attributes
    static attributes, unchanging, monthly snapshot, quarterly snapshot, weekly snapshot, nightly snapshot
    daily snapshot, yearly snapshot, annual snapshot
""")


def _years(text: str) -> list[int]:
    return [int(year) for year in re.findall(rf"\b{_YEAR}\b", text)]


def current_snapshot(plan: Plan) -> tuple[str, str, int | None, str] | None:
    """The first source or input read from one table taken once: (path, its clause, its year if said, the
    words that say it)."""
    for path in (*source_paths(plan), "product.inputs", "constraints.data.period"):
        text = answer_at(plan, path) or ""
        for pattern in (_CURRENT, _DATED):
            for match in pattern.finditer(text):
                part = clause(text, *match.span()) if path == "product.inputs" else text
                if _RANGE.search(part) or AS_AT_EACH.find(part):
                    continue  # a history (`extract 2015-2024`), or kept as it stood at each event
                year = (match.group(1) or match.group(2) or match.group(3)) if pattern is _DATED else None
                said = int(year) if year else (max(_years(part)) if _years(part) else None)
                words = match.group(0).strip()
                return path, part, said, words + ")" * (words.count("(") - words.count(")"))
    return None


def history_years(plan: Plan) -> tuple[str, int, int | None] | None:
    """Where the events' years are said (the data period, else a source's span), the first year and the
    last one said (None for `2019 - now`)."""
    for path in ("constraints.data.period", *source_paths(plan)):
        text = answer_at(plan, path) or ""
        span = _RANGE.search(text)
        if span:
            years = _years(span.group(0))
            later = [year for year in _years(text) if year > years[0]]
            return path, years[0], years[1] if len(years) > 1 else (max(later) if later else None)
    return None


@rule(
    "attributes-from-a-current-snapshot",
    Category.data,
    likelihood=3,
    impact=4,
    move=Move(
        "Join each event to the attributes as they stood on its date",
        "A table taken once holds today's values: joined onto years of past events, each row sees what "
        "followed it (a repair after the failure, a grade earned since) and only what still exists; use the "
        "table's change history or dated snapshots, or keep the attributes that never change",
        "warning",
        first=True,
    ),
    ask="are these attributes as they stood at each past event, or as they are in today's snapshot?",
    fires=(
        Case(
            {
                "product.inputs": "Lift make, model, install year, service contractor and the previous "
                "inspection results.",
                "constraints.data.sources": [
                    {"name": "Lift inspection records 2016-2025", "acquisition": "own"},
                    {"name": "Lift register extract (taken March 2025)", "acquisition": "public"},
                ],
                "constraints.data.period": "2016 - 2025",
            },
            evidence=(
                'constraints.data.sources[1].name: "Lift register extract (taken March 2025)" (one table '
                "taken once, in 2025: events from 2016 read its values up to 9 years after they happened, "
                "and only what is still on it)",
                'constraints.data.period: "2016 - 2025" (the events span 2016 to 2025)',
            ),
        ),
        Case(  # today's table, the history running to now
            {
                "product.inputs": "Customer segment, address and tier from the current customer table.",
                "constraints.data.period": "Orders from 2019 to now, customers as of the 2025 load",
            },
        ),
        Case(  # a feed read as it is now, joined onto years of events
            {
                "product.inputs": "Vendor severity and exploit status from the current advisory feed.",
                "constraints.data.period": "2021 - 2025",
            },
        ),
    ),
    quiet=(
        Case(  # dated snapshots at each event
            {
                "product.inputs": "Lift make, model, install year and service contractor from the register's "
                "monthly snapshots, as of each inspection.",
                "constraints.data.sources": [
                    {"name": "Lift inspection records 2016-2025", "acquisition": "own"},
                    {"name": "Lift register snapshots 2016-2025", "acquisition": "public"},
                ],
                "constraints.data.period": "2016 - 2025",
            }
        ),
        Case(  # the snapshot is of the same season as the events
            {
                "product.inputs": "Customer segment, address and tier from the current customer table.",
                "constraints.data.period": "Jan 2025 - Jun 2025",
            }
        ),
        Case(  # attributes that never change
            {
                "product.inputs": "Make, model and install year from the current register (fixed attributes "
                "only).",
                "constraints.data.period": "2016 - 2025",
            }
        ),
    ),
)
def attributes_from_a_current_snapshot(plan: Plan) -> Evidence:
    """Attributes are read from one current snapshot onto years of past events.

    A register extract, a warehouse snapshot or today's customer table holds each attribute as it is
    now. Joined onto events years old, each past row reads what followed it: the repair made after the
    failure, the grade earned after the outcome, the address moved to since; and only the things still
    on the register appear at all. The model learns from the aftermath, and the backtest scores better
    than the product will.

    Mitigation: Join each event to the attributes as they stood on its date (the table's change history,
    dated snapshots, or a feed kept from now on); where that cannot be done, keep only the attributes
    that never change, and compare the score with and without the others.
    """
    snapshot = current_snapshot(plan)
    history = history_years(plan)
    if snapshot is None or history is None or inputs_read_as_they_are_now(plan):
        return None
    path, _, year, words = snapshot
    where, first, last = history
    taken = year or last
    if taken is None or taken - first < 2:
        return None  # a snapshot of the same season as the events: little has changed since
    when = f"in {taken}" if year else f"at the end of the history ({taken}) or later"
    return Hint(
        (words,),
        (
            quote(
                plan,
                path,
                f"one table taken once, {when}: events from {first} read its values up to "
                f"{taken - first} years after they happened, and only what is still on it",
            ),
            quote(plan, where, f"the events span {first} to {last or 'now'}"),
        ),
    )
