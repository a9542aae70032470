"""What the site shows about a plan: sections, answers, risks, figures and nav groups, as plain data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from planner.judgement.register import Asked, Assessment, KeyRisks, Risk, assess, level_of
from planner.judgement.verdict import clock_of
from planner.plan.fields import field_at, is_answered
from planner.plan.model import Plan, Status
from planner.plan.questions import SECTIONS, Kind, Question, questions_in

NAV_CHUNK = 40  # plans per nav group before a status group is split: keeps every page's nav small
STATUS_ORDER = tuple(Status)
INVALID = "cannot be read"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str


@dataclass(frozen=True)
class Answer:
    """One answered question: its prompt (the label), why it is asked, and the value."""

    field: str
    label: str
    help: str
    kind: Kind
    value: Any
    columns: tuple[Column, ...] = ()  # for lists of records: one column per record field


@dataclass(frozen=True)
class SectionView:
    key: str
    number: int
    title: str
    why: str
    answers: tuple[Answer, ...]
    missing: tuple[str, ...]  # prompts of applicable questions not answered yet


@dataclass(frozen=True)
class Cell:
    """One square of the likelihood x impact heat map."""

    likelihood: int
    impact: int
    score: int
    level: str
    risks: tuple[Risk, ...]

    @property
    def open(self) -> tuple[Risk, ...]:
        return tuple(risk for risk in self.risks if not risk.decided)

    @property
    def decided(self) -> tuple[Risk, ...]:
        return tuple(risk for risk in self.risks if risk.decided)


@dataclass(frozen=True)
class PlanView:
    """Everything the templates need about one plan, computed once per build."""

    slug: str
    title: str
    status: str
    plan: Plan | None = None
    assessment: Assessment | None = None
    sections: tuple[SectionView, ...] = ()
    error: str | None = None
    published: date | None = None  # the first version past review's day: a clock without done.started

    @property
    def risks(self) -> tuple[Risk, ...]:
        """The register, already sorted by score by review."""
        return self.assessment.risks if self.assessment else ()

    @property
    def asked(self) -> tuple[Asked, ...]:
        """What a lead would also ask of the plan: checks its shape calls for that no answer settles."""
        return self.assessment.asked if self.assessment else ()

    @property
    def key(self) -> tuple[KeyRisks, ...]:
        """The open risks the plan's claim rests on, grouped by what they break (planner.judgement.keys)."""
        return self.assessment.key if self.assessment else ()

    @property
    def top_open_risk(self) -> Risk | None:
        """The highest risk nobody has decided on yet: what the team still has to act on."""
        return next((risk for risk in self.risks if not risk.decided), None)

    @property
    def top_decided_risk(self) -> Risk | None:
        return next((risk for risk in self.risks if risk.decided), None)

    @property
    def open_risks(self) -> int:
        return sum(1 for risk in self.risks if not risk.decided)

    @property
    def percent(self) -> int:
        return self.assessment.completeness.percent if self.assessment else 0

    @property
    def heatmap(self) -> list[list[Cell]]:
        """Rows from likelihood 5 (top) to 1, columns impact 1 to 5."""
        return [
            [
                Cell(
                    likelihood,
                    impact,
                    likelihood * impact,
                    level_of(likelihood * impact),
                    tuple(r for r in self.risks if r.likelihood == likelihood and r.impact == impact),
                )
                for impact in range(1, 6)
            ]
            for likelihood in range(5, 0, -1)
        ]


def _columns(item: BaseModel) -> tuple[Column, ...]:
    return tuple(
        Column(name, name.replace("_", " ").capitalize(), info.description or "")
        for name, info in type(item).model_fields.items()
    )


def _answer(question: Question, value: Any) -> Answer:
    columns: tuple[Column, ...] = ()
    if question.kind is Kind.items and value and isinstance(value[0], BaseModel):
        every = _columns(value[0])
        # Leave out columns nobody filled in, so a table of rules is not half empty.
        columns = tuple(c for c in every if any(is_answered(getattr(item, c.key)) for item in value))
    return Answer(question.field, question.title, question.help, question.kind, value, columns)


def _sections(plan: Plan, assessment: Assessment) -> Iterator[SectionView]:
    missing = assessment.completeness.missing
    for number, section in enumerate(SECTIONS, start=1):
        answers = tuple(
            _answer(question, field_at(plan, question.field))
            for question in questions_in(section.key)
            if question.applies(plan) and question.answered(plan)
        )
        yield SectionView(
            section.key,
            number,
            section.title,
            section.why,
            answers,
            tuple(question.prompt for question in missing.get(section.key, [])),
        )


def plan_view(slug: str, plan: Plan, assessment: Assessment | None = None) -> PlanView:
    """The view of one plan; pass its assessment when the caller already has it (one per build)."""
    assessment = assessment or assess(plan)
    return PlanView(
        slug=slug,
        title=plan.title,
        status=plan.status.value,
        plan=plan,
        assessment=assessment,
        sections=tuple(_sections(plan, assessment)),
    )


def error_view(slug: str, message: str) -> PlanView:
    return PlanView(slug=slug, title=slug, status="invalid", error=message)


def _initial(title: str) -> str:
    first = title[:1].upper()
    return first if first.isalpha() else "#"


def nav_groups(views: list[PlanView], chunk: int | None = None) -> list[tuple[str, list[PlanView]]]:
    """Plans grouped by status (in workflow order); big groups split into A–F style chunks."""
    groups: list[tuple[str, list[PlanView]]] = []
    for status in [*(s.value for s in STATUS_ORDER), "invalid"]:
        members = [view for view in views if view.status == status]
        if not members:
            continue
        label = INVALID if status == "invalid" else status.replace("_", " ")
        label = label.capitalize()
        if chunk is None or len(members) <= chunk:
            groups.append((label, members))
            continue
        for start in range(0, len(members), chunk):
            part = members[start : start + chunk]
            first, last = _initial(part[0].title), _initial(part[-1].title)
            span = first if first == last else f"{first}–{last}"
            groups.append((f"{label} {span} ({start + 1}–{start + len(part)})", part))
    return groups


@dataclass(frozen=True)
class TimeBox:
    """The plan's time box: its length, when it started (if known) and the days left, today included
    (1 on its last day, 0 the day after, as `planner status` counts them)."""

    weeks: float | None
    start: date | None = None
    days_left: int | None = None
    last: date | None = None  # the time box's last day
    ahead: bool = False  # its first day is still to come: no days are counted down yet


def timebox(plan: Plan | None, started: date | None, today: date) -> TimeBox:
    """The time box counted from its start: the plan's own start date when it has one, else the day
    its first version past review was published (the day the team committed to it)."""
    if plan is None or plan.done.timebox_weeks is None:
        return TimeBox(None)
    # The same clock as `planner status` and the verdict: the same last day, the same days left.
    start, last = clock_of(plan, started.date() if isinstance(started, datetime) else started)
    if start is None or last is None:
        return TimeBox(plan.done.timebox_weeks)
    return TimeBox(plan.done.timebox_weeks, start, (last - today).days + 1, last, ahead=start > today)


@dataclass(frozen=True)
class Row:
    """What the portfolio shows of one plan beyond its view."""

    timebox: TimeBox
    changed: str  # the day the plan last changed, `YYYY-MM-DD`, or empty when unknown
