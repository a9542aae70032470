"""What a what-changed page shows: each change under its question, word by word, numbers formatted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from planner.judgement.diff import KEYS, Change, PlanDiff, Word, word_diff
from planner.judgement.rules import CATALOGUE
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan
from planner.plan.questions import BY_FIELD
from planner.site import display

# Fields of list entries and decisions, as a reader names them.
ATTRIBUTES = {
    "verdict": "decision",
    "note": "note",
    "by": "decided by",
    "owner": "owner",
    "due": "due",
    "likelihood": "likelihood",
    "impact": "impact",
}
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?")
WHY_DONE_MATTERS = (
    "The done criteria are what the team agreed would count as success before the work began. "
    "Moving them after results come in can turn a failing project into an apparent success, or "
    "stretch a time box that should have ended in a decision to fold. Check that this change was "
    "agreed for a reason other than the latest results."
)


@dataclass(frozen=True)
class ChangeView:
    """One change as the page shows it."""

    label: str  # the question's prompt, with the list entry and the field when there is one
    anchor: str  # the answer's anchor on the plan page
    action: str  # changed, added or removed
    old: str | None
    new: str | None
    words: tuple[Word, ...] = ()
    record: tuple[tuple[str, str], ...] = ()  # an added or removed entry, field by field
    note: str | None = None


def _prompt(field: str) -> str:
    if field == "decisions":
        return "Decision"
    if field == "risks":
        return "Risk entered by hand"
    question = BY_FIELD.get(field)
    if question is not None:
        return question.title
    return field.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def _formatted(text: str | None, field: str, plan: Plan | None) -> str | None:
    """A number that came out of the diff as text, formatted as the plan page shows it."""
    if text is None or not _NUMBER.fullmatch(text):
        return text
    number = float(text)
    return display.value(int(number) if number.is_integer() else number, field=field, plan=plan)


def _entry(plan: Plan | None, field: str, key: str | None) -> BaseModel | None:
    if plan is None or key is None or field not in _LISTS:
        return None
    name = KEYS[field.rsplit(".", 1)[-1]]
    plain = re.sub(r" \([0-9]+\)$", "", key)
    items = field_at(plan, field)
    return next((item for item in items if str(getattr(item, name)) == plain), None)


_LISTS = {question.field for question in BY_FIELD.values()} | {"risks", "decisions"}


def _record(item: BaseModel | None, field: str, plan: Plan | None) -> tuple[tuple[str, str], ...]:
    if item is None:
        return ()
    return tuple(
        (
            ATTRIBUTES.get(name, name.replace("_", " ")),
            display.value(value, field=f"{field}.{name}", plan=plan),
        )
        for name, value in item.__dict__.items()
        if is_answered(value) and name != KEYS[field.rsplit(".", 1)[-1]]
    )


def view(change: Change, old: Plan | None, new: Plan | None) -> ChangeView:
    label = _prompt(change.field)
    if change.item is not None and change.field == "decisions" and change.item in CATALOGUE:
        label += f" on «{CATALOGUE[change.item].title}»"
    elif change.item is not None:
        label += f" «{change.item}»"
    if change.attribute:
        label += f": {ATTRIBUTES.get(change.attribute, change.attribute.replace('_', ' '))}"
    where = f"{change.field}.{change.attribute}" if change.attribute else change.field
    before, after = _formatted(change.old, where, old), _formatted(change.new, where, new)
    words = change.words
    if (
        not words
        and change.action == "changed"
        and before
        and after
        and (before, after) == (change.old, change.new)
    ):
        words = word_diff(before, after)  # short texts too: `The last [-8-]{+12+} weeks`
    record: tuple[tuple[str, str], ...] = ()
    if change.item is not None and change.attribute is None:
        record = _record(
            _entry(new if change.action == "added" else old, change.field, change.item),
            change.field,
            new or old,
        )
    return ChangeView(
        label, display.anchor(change.field), change.action, before, after, words, record, change.note
    )


def sections(diff: PlanDiff, old: Plan | None, new: Plan | None) -> list[tuple[str, list[ChangeView]]]:
    """The diff's sections, each change as a reader sees it."""
    return [(title, [view(change, old, new) for change in changes]) for title, changes in diff.sections()]


def done_moved(diff: PlanDiff) -> bool:
    """Whether an agreed done criterion (metrics, targets, time box, fold action) was changed or
    removed: adding one (the start day set on approval) moves nothing."""
    return diff.done_moved
