"""Queries over the question bank: sections, questions per section, choice labels, a plan's completeness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planner.bank import BY_FIELD, QUESTIONS, SECTION_KEYS, SECTIONS, Kind, Question, Section, When
from planner.choices import LABELS, label
from planner.model import Plan

__all__ = [
    "BY_FIELD",
    "LABELS",
    "QUESTIONS",
    "SECTIONS",
    "SECTION_KEYS",
    "Completeness",
    "Kind",
    "Question",
    "Section",
    "When",
    "completeness",
    "label",
    "questions_in",
    "section",
]


def section(key: str) -> Section:
    for candidate in SECTIONS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def questions_in(key: str) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if question.section == key)


@dataclass
class Completeness:
    """Which applicable questions are still unanswered, per section."""

    answered: int = 0
    applicable: int = 0
    missing: dict[str, list[Question]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.answered / self.applicable if self.applicable else 1.0

    @property
    def percent(self) -> int:
        return int(self.ratio * 100)

    def missing_fields(self) -> Iterator[str]:
        for questions in self.missing.values():
            for question in questions:
                yield question.field


def completeness(plan: Plan) -> Completeness:
    report = Completeness()
    for question in QUESTIONS:
        if not question.applies(plan):
            continue
        report.applicable += 1
        if question.answered(plan):
            report.answered += 1
        else:
            report.missing.setdefault(question.section, []).append(question)
    return report
