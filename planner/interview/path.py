"""The interview's paths: what a depth asks, N of M answered, and the prompts and minutes a path takes."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from planner.plan.fields import field_at, is_answered
from planner.plan.model import Direction, Plan
from planner.plan.questions import QUESTIONS, SECONDS_PER_ANSWER, Joined, Kind, Question, core_type
from planner.plan.span import ends

DEPTHS = ("essentials", "full")

# The order a list entry's fields are asked in, where it is not the file's: what the baseline is before
# its value, and the target (absolute, or relative: "20% lower") with them; the direction only when
# the baseline and target do not already say it.
ASKED = {"Metric": ("name", "dataset", "baseline", "target", "direction", "role")}

# A list entry's field that takes a second in the same answer: a baseline's value and what it is
# (`0.5, the rules`; or only what it is, `the naive forecast`, for a target relative to it).
PAIRED = {
    ("Metric", "baseline"): (
        "baseline_name",
        "a number and what it is: 0.5, the rules; only what it is; or none",
    ),
    ("LateInput", "name"): ("days", "what it is, then its days: discharge note, 2"),
}
# How such a pair is said, where it is not a figure first (`0.5, the rules`).
JOINED = {("LateInput", "name"): Joined.trailing}

# A list question is answered with about this many entries, each its own prompt, then an empty one.
ENTRIES = {Kind.list: 2, Kind.items: 1}


def scope(depth: str) -> tuple[Question, ...]:
    """The questions a depth asks: the essentials, or every question."""
    return tuple(q for q in QUESTIONS if q.essential) if depth == "essentials" else QUESTIONS


def open_owner(plan: Plan, field: str) -> str | bool | None:
    """Who finds out the answer to a question the team answered "don't know yet"; False if it is not open."""
    for entry in plan.open_questions:
        if entry.question == field:
            return entry.owner
    return False


def settled(plan: Plan, question: Question) -> bool:
    """Answered, "we have none" or "don't know yet": the interview does not ask it again."""
    return question.answered(plan) or open_owner(plan, question.field) is not False


def tally(plan: Plan, questions: Iterable[Question]) -> tuple[int, int]:
    """N of M answered: of the questions that apply (their follow-ups opened by the answers so far),
    how many are answered, "don't know yet" included. M changes only when an answer opens or closes
    follow-ups."""
    applying = [q for q in questions if q.applies(plan)]
    return sum(settled(plan, q) for q in applying), len(applying)


def together(plan: Plan, questions: Iterable[Question]) -> set[str]:
    """The partners still to be asked in their lead's prompt (`impact.period` in `2,000 a day`)."""
    return {q.partner for q in questions if q.partner and not settled(plan, q)}


def asked_fields(record: type[BaseModel]) -> list[str]:
    """A list entry's fields in the order they are asked (those written by hand only left out)."""
    skipped = getattr(record, "NOT_ASKED", ())
    order = ASKED.get(record.__name__, tuple(record.model_fields))
    return [name for name in order if name not in skipped]


def said_direction(values: dict[str, Any]) -> Direction | None:
    """The direction a metric's baseline and target already say (0.5 to 0.7 is higher is better)."""
    if "direction" in values:
        return Direction(values["direction"])
    baseline, target = values.get("baseline"), values.get("target")
    low, high = ends(baseline) or (baseline, baseline)  # a range (`0.4-0.45`) says it from outside it
    if not (
        isinstance(low, int | float) and isinstance(high, int | float) and isinstance(target, int | float)
    ):
        return None
    return (
        Direction.higher_is_better if target > high else Direction.lower_is_better if target < low else None
    )


def prompts(question: Question) -> int:
    """About how many prompts a question takes: one, or one per list entry and field, and the end."""
    if question.kind not in ENTRIES:
        return 1
    parent, _, name = question.field.rpartition(".")
    model: Any = type(field_at(Plan(title="-"), parent)) if parent else Plan
    record = core_type(model.model_fields[name].annotation)
    if question.kind is not Kind.items:
        return ENTRIES[question.kind] + 1
    # A partner said in its lead's prompt (`discharge note, 2`) takes no prompt of its own.
    partners = {partner for (owner, _), (partner, _) in PAIRED.items() if owner == record.__name__}
    # A metric's direction is mostly said by its figures, and its role is asked from the second metric on.
    per_entry: int = len([name for name in asked_fields(record) if name not in partners]) - 2 * (
        record.__name__ == "Metric"
    )
    return ENTRIES[question.kind] * per_entry + 1


def expected(plan: Plan, questions: Iterable[Question]) -> tuple[int, int, int]:
    """The questions still to ask on this path, and the fewest and most prompts they take: the most
    when every follow-up still undecided turns out to apply. A partner asked in its lead's prompt
    (`2,000 a day`) takes none of its own."""
    chosen = list(questions)
    fields = {q.field for q in chosen}
    paired = together(plan, chosen)
    count, low, high = 0, 0, 0
    for question in chosen:
        if settled(plan, question):
            continue
        sure = question.applies(plan)
        maybe = sure or all(
            when.holds(plan) or (when.field in fields and not is_answered(field_at(plan, when.field)))
            for when in question.when
        )
        count += sure
        if question.field in paired:
            continue
        low += prompts(question) if sure else 0
        high += prompts(question) if maybe else 0
    money = [q for q in chosen if q.field.startswith("constraints.compute.") and q.kind is Kind.number]
    currency = int(bool(money) and plan.constraints.compute.currency is None)  # asked with the first amount
    return count, low + currency, high + currency


def minutes(low: int, high: int | None = None) -> str:
    """How long that many prompts take in a meeting, discussion included: `about 14 to 19 minutes`."""
    first = max(1, math.ceil(low * SECONDS_PER_ANSWER / 60))
    last = max(first, math.ceil((high if high is not None else low) * SECONDS_PER_ANSWER / 60))
    return (
        f"about {first} minute{'s' * (first != 1)}" if first == last else f"about {first} to {last} minutes"
    )
