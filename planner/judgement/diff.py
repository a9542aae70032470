"""What changed between two plans, section by section, rendered as Markdown, plain text or JSON."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from planner.core.inert import md_inert, safe_json, terminal_safe
from planner.judgement.measured import stale_reasons
from planner.judgement.register import Assessment, Risk, assess
from planner.judgement.targets import TargetMove, target_moves
from planner.plan.experiment import Experiment
from planner.plan.model import Direction, Plan
from planner.plan.questions import BY_FIELD, SECTIONS, Kind
from planner.plan.text import format_value

Action = Literal["changed", "added", "removed"]
Word = tuple[Literal["=", "-", "+"], str]

# The field that identifies an entry in each list of records, so edits show as edits, not remove + add.
KEYS = {
    "rules": "condition",
    "faq": "question",
    "sources": "name",
    "metrics": "name",
    "monitoring": "signal",
    "risks": "id",
    "decisions": "risk",
    "open_questions": "question",
}
TITLES = {
    "plan": "Plan",
    **{section.key: section.title for section in SECTIONS},
    "risks": "Risks",
    "decisions": "Decisions",
}
_SECTION_OF = {
    "title": "plan",
    "owners": "plan",
    "decider": "plan",
    "status": "plan",
    "schema_version": "plan",
}
_SECTION_OF |= {"after_launch": "done", "risks": "risks", "decisions": "decisions"}
_SECTION_OF |= {"open_questions": "plan", "approximate": "plan"}  # about answers in every section
_DECISION_FIELDS = ("verdict", "note", "by", "owner", "due")
LONG = 80
CONTEXT = 8


@dataclass(frozen=True)
class Change:
    """One answer (or one field of a list entry) that was added, removed or changed."""

    section: str
    field: str
    action: Action
    item: str | None = None
    attribute: str | None = None
    old: str | None = None
    new: str | None = None
    words: tuple[Word, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class RiskChange:
    id: str
    title: str
    action: Literal["raised", "cleared", "rescored"]
    old_score: int | None = None
    new_score: int | None = None
    old_level: str | None = None
    new_level: str | None = None


@dataclass(frozen=True)
class PlanDiff:
    slug: str
    old_label: str
    new_label: str
    changes: tuple[Change, ...]
    risks: tuple[RiskChange, ...]
    moves: tuple[TargetMove, ...] = ()  # done criteria made easier after results (planner.judgement.targets)

    @property
    def empty(self) -> bool:
        return not self.changes and not self.risks

    @property
    def done_moved(self) -> bool:
        """Whether an agreed done criterion was changed or removed (adding one, such as the start day
        set on approval, moves nothing)."""
        return any(change.field.startswith("done.") and change.action != "added" for change in self.changes)

    def sections(self) -> Iterator[tuple[str, list[Change]]]:
        for key, title in TITLES.items():
            found = [change for change in self.changes if change.section == key]
            if found:
                yield title, found

    def summary(self) -> str:
        if self.empty:
            return "no changes"
        parts = []
        for action in ("changed", "added", "removed"):
            count = sum(change.action == action for change in self.changes)
            if count:
                parts.append(f"{count} {'answer' if count == 1 else 'answers'} {action}")
        risk_parts = []
        for action, word in (("raised", "raised"), ("cleared", "cleared"), ("rescored", "re-scored")):
            count = sum(risk.action == action for risk in self.risks)
            if count:
                risk_parts.append(f"{count} {word}")
        if risk_parts:
            parts.append("risks: " + ", ".join(risk_parts))
        if self.moves:
            parts.append(self.moves[0].headline.lower())
        elif self.done_moved:
            parts.append("done criteria moved")
        return " · ".join(parts)


def compare(
    old: Plan | None,
    new: Plan | None,
    *,
    slug: str,
    old_label: str,
    new_label: str,
    assessor: Callable[[Plan], Assessment] = assess,
    records: Sequence[Experiment] = (),
    at: datetime | None = None,
    published: date | None = None,
) -> PlanDiff:
    """The structured difference from `old` to `new` (None stands for no plan at all).

    `assessor` lets a caller that already assessed both plans (the site's model) reuse its results.
    Given the moment `new` was made (`at`), with the plan's experiment log (`records`) and the day its
    first version past review was published, done criteria made easier after results are found too."""
    risks = _risk_changes(old, new, assessor)
    moved = {risk.id for risk in risks}
    rescored = {risk.id for risk in risks if risk.action == "rescored"}
    changes = []
    for change in _walk("", old, new, Plan):
        if change.field == "schema_version" and (old is None or new is None):
            continue  # a file-format detail, not an answer
        if change.field == "risks" and (
            (change.attribute is None and change.item in moved)
            or (change.attribute in ("likelihood", "impact") and change.item in rescored)
        ):
            continue  # already told in the risk table
        if change.field == "risks" and change.attribute in _DECISION_FIELDS:
            change = dataclasses.replace(change, section="decisions")
        changes.append(change)
    changes += _staleness(old, new)
    moves = target_moves(old, new, records, at, published, new_label) if at is not None else ()
    return PlanDiff(slug, old_label, new_label, tuple(changes), risks, moves)


def _staleness(old: Plan | None, new: Plan | None) -> list[Change]:
    """A rule edited after it was measured leaves the recorded figures as they were: say that they no
    longer count (`measured before rule 2 changed`), which the changed lines alone do not show."""
    if new is None or new.heuristics.measured is None:
        return []
    before = stale_reasons(old) if old is not None else ()
    after = stale_reasons(new)
    if not after or after == before:
        return []
    return [
        Change(
            "heuristics",
            "heuristics.measured",
            "changed",
            old="figures current" if not before else "; ".join(before),
            new="; ".join(after),
            note="the measured figures describe the earlier rules and no longer count: run `planner measure` again",
        )
    ]


def _walk(path: str, old: Any, new: Any, model: type[BaseModel]) -> Iterator[Change]:
    for name, info in model.model_fields.items():
        where = f"{path}.{name}" if path else name
        top = where.split(".")[0]
        section = _SECTION_OF.get(top, top)
        before = getattr(old, name) if old is not None else None
        after = getattr(new, name) if new is not None else None
        nested = info.annotation if isinstance(info.annotation, type) else None
        if nested is not None and issubclass(nested, BaseModel):
            yield from _walk(where, before, after, nested)
        elif isinstance(before, list) or isinstance(after, list):
            yield from _list(section, where, name, before or [], after or [])
        elif before != after:
            yield _scalar(section, where, before, after, BY_FIELD[where].kind if where in BY_FIELD else None)


def _list(section: str, where: str, name: str, before: list[Any], after: list[Any]) -> Iterator[Change]:
    if name not in KEYS:
        for value in before:
            if value not in after:
                yield Change(section, where, "removed", old=format_value(value))
        for value in after:
            if value not in before:
                yield Change(section, where, "added", new=format_value(value))
        return
    old_items, new_items = _keyed(before, KEYS[name]), _keyed(after, KEYS[name])
    for key, item in old_items.items():
        if key not in new_items:
            yield Change(section, where, "removed", item=key, old=_record(item, KEYS[name]))
    for key, item in new_items.items():
        if key not in old_items:
            yield Change(section, where, "added", item=key, new=_record(item, KEYS[name]))
            continue
        previous = old_items[key]
        for attribute in type(item).model_fields:
            old_value, new_value = getattr(previous, attribute), getattr(item, attribute)
            if old_value != new_value:
                change = _scalar(section, where, old_value, new_value, None)
                note = _note(where, attribute, old_value, new_value, item)
                yield dataclasses.replace(change, item=key, attribute=attribute, note=note)


def _keyed(items: list[BaseModel], key: str) -> dict[str, BaseModel]:
    keyed: dict[str, BaseModel] = {}
    for item in items:
        name, count = str(getattr(item, key)), 2
        unique = name
        while unique in keyed:
            unique, count = f"{name} ({count})", count + 1
        keyed[unique] = item
    return keyed


def _record(item: BaseModel, key: str) -> str:
    rest = [
        f"{name.replace('_', ' ')}: {format_value(value)}"
        for name, value in item.__dict__.items()
        if name != key and value is not None
    ]
    return str(getattr(item, key)) + (f" ({'; '.join(rest)})" if rest else "")


def _scalar(section: str, where: str, before: Any, after: Any, kind: Kind | None) -> Change:
    old = None if before is None else format_value(before, kind)
    new = None if after is None else format_value(after, kind)
    action: Action = "added" if old is None else "removed" if new is None else "changed"
    words: tuple[Word, ...] = ()
    if old is not None and new is not None and (max(len(old), len(new)) > LONG or "\n" in old + new):
        words = word_diff(old, new)
    note = _note(where, None, before, after, None)
    return Change(section, where, action, old=old, new=new, words=words, note=note)


def _note(where: str, attribute: str | None, before: Any, after: Any, item: Any) -> str | None:
    numbers = (before, after)
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in numbers):
        return None
    if where == "done.timebox_weeks":
        return "extended" if after > before else "shortened"
    if where == "done.metrics" and attribute == "target":
        harder = (after > before) == (getattr(item, "direction", None) is not Direction.lower_is_better)
        return "raised the bar" if harder else "lowered the bar"
    return None


def word_diff(old: str, new: str) -> tuple[Word, ...]:
    """Word-level changes from `old` to `new`, long unchanged stretches shortened to their ends.

    Empty when the text was rewritten rather than edited: before and after then read better whole.
    """
    a, b = _tokens(old), _tokens(new)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    kept = sum(len("".join(a[i1:i2])) for tag, i1, i2, _, _ in opcodes if tag == "equal")
    if kept < min(len(old), len(new)) / 3:
        return ()
    # Runs of changes separated only by a space read as one change: `[-never ship-]{+is held+}`.
    runs: list[list[Any]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        same = tag == "equal" and not (before.isspace() and 0 < index < len(opcodes) - 1)
        if runs and not same and not runs[-1][2]:
            runs[-1][0] += before
            runs[-1][1] += after
        else:
            runs.append([before, after, same])
    words: list[Word] = []
    for index, (before, after, same) in enumerate(runs):
        if same:
            words.append(("=", _elide(_tokens(before), first=index == 0, last=index == len(runs) - 1)))
            continue
        if before:
            words.append(("-", before))
        if after:
            words.append(("+", after))
    return tuple(words)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\S+|\s+", text)


def _elide(tokens: list[str], *, first: bool, last: bool) -> str:
    keep = 2 * CONTEXT  # tokens alternate words and spaces
    if len(tokens) <= 2 * keep + 2:
        return "".join(tokens)
    head = "" if first else "".join(tokens[:keep]).rstrip() + " "
    tail = "" if last else " " + "".join(tokens[-keep:]).lstrip()
    return head + "…" + tail


def _risk_changes(
    old: Plan | None, new: Plan | None, assessor: Callable[[Plan], Assessment]
) -> tuple[RiskChange, ...]:
    before = {risk.id: risk for risk in assessor(old).risks} if old is not None else {}
    after = {risk.id: risk for risk in assessor(new).risks} if new is not None else {}
    changes = [_raised(risk) for key, risk in after.items() if key not in before]
    changes += [_cleared(risk) for key, risk in before.items() if key not in after]
    for key, risk in after.items():
        if key in before and before[key].score != risk.score:
            old_risk = before[key]
            changes.append(
                RiskChange(
                    risk.id, risk.title, "rescored", old_risk.score, risk.score, old_risk.level, risk.level
                )
            )
    return tuple(changes)


def _raised(risk: Risk) -> RiskChange:
    return RiskChange(risk.id, risk.title, "raised", new_score=risk.score, new_level=risk.level)


def _cleared(risk: Risk) -> RiskChange:
    return RiskChange(risk.id, risk.title, "cleared", old_score=risk.score, old_level=risk.level)


# ---------------------------------------------------------------- renderers


def _md_text(text: str) -> str:
    """User text as inert Markdown where line breaks show as ↵ and the spacing between words is kept."""
    inert = md_inert(text)
    return re.sub(r"\s*\n\s*", " ↵ ", terminal_safe(inert, squeeze=True))


def _md_words(words: tuple[Word, ...]) -> str:
    out = []
    for index, (op, text) in enumerate(words):
        core = text.strip()
        if op == "=" or not core:
            out.append(_md_text(text) if text.strip() else " ")
            continue
        mark = "~~" if op == "-" else "**"
        lead = " " if text[:1].isspace() or (index and words[index - 1][0] == "-") else ""
        trail = " " if text[-1:].isspace() else ""
        out.append(f"{lead}{mark}{_md_text(core)}{mark}{trail}")
    return "".join(out).strip()


def _md_change(change: Change) -> str:
    name = f"**{change.field}**"
    if change.item is not None:
        name += f" «{_md_text(change.item)}»"
    if change.attribute is not None:
        name += f" {change.attribute.replace('_', ' ')}"
    note = f" ({change.note})" if change.note else ""
    if change.words:
        return f"- {name}: {_md_words(change.words)}{note}"
    if change.action == "added":
        return f"- {name}: added {_md_text(change.new or '')}{note}"
    if change.action == "removed":
        return f"- {name}: removed ~~{_md_text(change.old or '')}~~{note}"
    return f"- {name}: ~~{_md_text(change.old or '')}~~ → {_md_text(change.new or '')}{note}"


def _score(score: int | None, level: str | None) -> str:
    return "" if score is None else f"{score} ({level})"


def to_markdown(diff: PlanDiff, heading: str = "###") -> str:
    """Markdown ready to post on a pull request; every user-written value is escaped."""
    title = f"{heading} Plan `{diff.slug}`: {_md_text(diff.old_label)} → {_md_text(diff.new_label)}"
    lines = [title, "", f"_{diff.summary()}_" if not diff.empty else "No changes.", ""]
    for move in diff.moves:
        lines += [f"> [!WARNING]\n> **{move.headline}**: {_md_text(move.sentence())}.", ""]
    for section_title, changes in diff.sections():
        lines += [f"{heading}# {section_title}", "", *(_md_change(change) for change in changes), ""]
    if diff.risks:
        lines += [f"{heading}# Risk register", "", "| Change | Risk | Before | After |", "|---|---|---|---|"]
        for risk in diff.risks:
            change = {"raised": "raised", "cleared": "cleared", "rescored": "re-scored"}[risk.action]
            who = f"{_md_text(risk.title)} ({_md_text(risk.id)})"
            before, after = _score(risk.old_score, risk.old_level), _score(risk.new_score, risk.new_level)
            lines.append(f"| {change} | {who} | {before} | {after} |")
        lines.append("")
    return "\n".join(lines)


def _text_change(change: Change) -> str:
    name = change.field + (f" [{change.item}]" if change.item is not None else "")
    name += f" {change.attribute.replace('_', ' ')}" if change.attribute else ""
    note = f" ({change.note})" if change.note else ""
    if change.words:
        marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
        return f"  {name}: " + "".join(marks[op].format(text) for op, text in change.words).strip() + note
    if change.action == "added":
        return f"  {name}: added {change.new}{note}"
    if change.action == "removed":
        return f"  {name}: removed {change.old}{note}"
    return f"  {name}: {change.old} -> {change.new}{note}"


def to_text(diff: PlanDiff) -> str:
    """A plain-text summary for the terminal."""
    lines = [f"plan {diff.slug}: {diff.old_label} -> {diff.new_label}", diff.summary()]
    lines += [f"WARNING {move.headline.lower()}: {move.sentence()}" for move in diff.moves]
    for section_title, changes in diff.sections():
        lines += ["", section_title, *(_text_change(change) for change in changes)]
    if diff.risks:
        lines += ["", "Risk register"]
        for risk in diff.risks:
            before, after = _score(risk.old_score, risk.old_level), _score(risk.new_score, risk.new_level)
            scores = f"{before} -> {after}" if before and after else before or after
            lines.append(f"  {risk.action:<8} {risk.id}: {risk.title}  [{scores}]")
    return terminal_safe("\n".join(lines), squeeze=True) + "\n"


def to_json(diff: PlanDiff) -> str:
    data = dataclasses.asdict(diff)
    data["moves"] = [
        {**dataclasses.asdict(move), "headline": move.headline, "sentence": move.sentence()}
        for move in diff.moves
    ]
    data["summary"] = diff.summary()
    data["empty"] = diff.empty
    return safe_json(data, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else str(value)
