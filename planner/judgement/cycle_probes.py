"""The question a lead asks where the plan's weekly cycle and its answered lead time disagree.

A team answers `lead_days: 1` for "the forecast is for tomorrow", while its own decision says the plan
is fixed every Thursday for the following Monday to Saturday: the decision is then taken four to nine
days ahead, and a model built and backtested a day ahead uses facts the Thursday planner does not have.
The structured answer is read first by the horizon rules, so the words never count against it; a lead
reading both asks which is true. Asked only where the horizon rules stayed quiet.
"""

from __future__ import annotations

import re

from planner.judgement.probes import Found, probe
from planner.judgement.rules.evidence import answer_at, quote
from planner.judgement.rules.words import SENTENCE
from planner.plan.choices import TaskType
from planner.plan.model import Plan

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
# The day the plan is fixed: `every Thursday`, `each Friday`, `on Thursdays`.
_FIXED_ON = re.compile(rf"\b(?:every|each|on)\s+{_DAY}\b", re.IGNORECASE)
# The days it serves: `for the following Monday-Saturday`, `for next week`, `for the next Monday`.
_SERVES = re.compile(
    rf"\bfor\s+(?:the\s+following|the\s+next|next)\s+(?:{_DAY}(?:\s*(?:-|–|to)\s*{_DAY})?|(week))\b",
    re.IGNORECASE,
)
_CYCLE_IN = ("product.decision", "product.current_solution", "heuristics.humans_handle")


def _cycle(text: str | None) -> tuple[str, int, int] | None:
    """(the words, the shortest and longest lead in days) of a weekly fixing cycle said in `text`."""
    for sentence in SENTENCE.split(text or ""):
        fixed, serves = _FIXED_ON.search(sentence), _SERVES.search(sentence)
        if not fixed or not serves:
            continue
        on = _DAYS.index(fixed.group(1).lower())
        first, last, week = serves.group(1), serves.group(2), serves.group(3)
        start = 0 if week else _DAYS.index(first.lower())
        end = 6 if week else _DAYS.index((last or first).lower())
        shortest = (start - on) % 7 or 7
        longest = shortest + (end - start) % 7
        words = f"{fixed.group(0)} ... {serves.group(0)}"
        return words, shortest, longest
    return None


@probe(
    "lead-days-against-the-cycle",
    "horizon-shorter-than-lead-time",
    "lead-zero-but-forecast-ahead",
    "lever-needs-longer-notice",
    "inputs-set-after-the-decision",
)
def _lead_days_against_the_cycle(plan: Plan) -> Found:
    days = plan.product.lead_days
    if days is None or plan.product.task not in (TaskType.forecasting, TaskType.regression):
        return None
    for path in _CYCLE_IN:
        found = _cycle(answer_at(plan, path))
        if found is None:
            continue
        words, shortest, longest = found
        if days >= shortest:
            return None
        span = (
            f"{shortest} to {longest} days"
            if longest > shortest
            else f"{shortest} day{'s' * (shortest != 1)}"
        )
        said = f"{days:g} day{'s' * (days != 1)}"
        return (
            f"The plan is fixed {words}, {span} ahead, while the lead time answered is {said}: which "
            f"is it? If the plan is fixed then, the forecast must be made, fed and backtested as things "
            f"stood that day and scored {span} ahead; a model scored {said} ahead uses facts the "
            "planner does not yet have."
            + (f" A span is an answer: `lead_days: {shortest}-{longest}`." if longest > shortest else ""),
            (quote(plan, path, words), quote(plan, "product.lead_days")),
        )
    return None
