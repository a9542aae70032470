"""Queries over the question bank: sections, questions per section, choice labels, a plan's completeness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from planner.bank import BY_FIELD, QUESTIONS, SECTION_KEYS, SECTIONS, Kind, Question, Section, When
from planner.model import (
    Acquisition,
    DataKind,
    Direction,
    ErrorCost,
    Hardware,
    LabelSource,
    Mode,
    ModelSize,
    Plan,
    RulesVerdict,
    Serving,
    Split,
    TaskType,
)

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

# Friendly text for choice values, per enum (values repeat across enums: `vendor`, `none`...).
LABELS: dict[type[Enum], dict[str, str]] = {
    TaskType: {
        "classification": "classification (which class?)",
        "regression": "regression (how much?)",
        "ranking": "ranking (what first?)",
        "detection": "detection (where is it?)",
        "segmentation": "segmentation (which pixels or spans?)",
        "forecasting": "forecasting (what next, over time?)",
        "anomaly_detection": "anomaly detection (what is unusual?)",
        "generation": "generation (write text, images...)",
        "clustering": "clustering (which groups?)",
    },
    DataKind: {"tabular": "tabular (rows and columns)", "text": "free text"},
    Mode: {
        "improve": "improve a process",
        "augment": "augment people (they decide, helped by the model)",
        "automate": "automate (the model decides alone)",
    },
    RulesVerdict: {
        "rules_suffice": "rules are all we need",
        "rules_baseline": "rules are a baseline a model must beat",
        "rules_cannot_help": "rules cannot help",
        "not_tried": "not tried yet",
    },
    ErrorCost: {
        "false_positive": "false positives (false alarms)",
        "false_negative": "false negatives (misses)",
        "similar": "about the same",
    },
    Acquisition: {
        "own": "our own systems",
        "vendor": "bought from a vendor",
        "public": "public data",
        "to_collect": "still to collect",
    },
    LabelSource: {
        "existing": "already recorded",
        "outcomes": "real-world outcomes, known later",
        "manual": "labelled by hand",
        "vendor": "a labelling vendor",
        "proxy": "a proxy signal",
        "none": "no labels",
    },
    Serving: {
        "batch": "batch (precomputed)",
        "online": "online (a system waits for each answer)",
        "interactive": "interactive (a person waits)",
    },
    ModelSize: {
        "small": "small (linear models, trees)",
        "medium": "medium (small neural nets)",
        "large": "large (big nets, ensembles)",
        "huge": "huge (LLMs)",
    },
    Hardware: {"cpu": "CPU", "gpu": "GPU", "edge": "edge devices"},
    Direction: {"higher": "higher is better", "lower": "lower is better"},
    Split: {"time": "by time (test on later data)", "group": "by group (e.g. unseen customers)"},
}


def label(member: Enum) -> str:
    """How a choice value reads in a prompt: friendly text, or the value with spaces."""
    return LABELS.get(type(member), {}).get(member.value, str(member.value).replace("_", " "))


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
