"""The risk register and advice a plan's answers call for: a catalogue of rules, pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planner.model import Category, Plan, Verdict
from planner.questions import Completeness, completeness

HIGH = 15
MEDIUM = 8
Level = Literal["high", "medium", "low"]


def level_of(score: int) -> Level:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


@dataclass(frozen=True)
class Risk:
    """One entry of the register, derived by a rule or entered by hand."""

    id: str
    title: str
    category: Category
    likelihood: int
    impact: int
    why: str
    mitigation: str
    evidence: tuple[str, ...] = ()
    source: Literal["derived", "hand"] = "derived"
    verdict: Verdict | None = None
    note: str | None = None
    by: str | None = None

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> Level:
        return level_of(self.score)

    @property
    def decided(self) -> bool:
        return self.verdict is not None


@dataclass(frozen=True)
class Advice:
    """A verdict a good lead would give, with its reason."""

    title: str
    reason: str
    tone: Literal["success", "info", "warning", "danger"] = "info"


@dataclass(frozen=True)
class Figures:
    """Numbers computed from the answers; None where the answers do not allow them."""

    items_per_month: float | None = None
    monthly_value: float | None = None
    value_unit: str | None = None
    share_left_to_humans: float | None = None


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]
    advice: tuple[Advice, ...]
    figures: Figures
    completeness: Completeness = field(repr=False, default_factory=Completeness)

    @property
    def open_risks(self) -> tuple[Risk, ...]:
        return tuple(risk for risk in self.risks if not risk.decided)


def assess(plan: Plan) -> Assessment:
    """Risks (sorted by score, highest first), advice and figures for one plan."""
    # The catalogue lands with the risk issue; until then only hand-entered risks show.
    risks = tuple(
        sorted(
            (
                Risk(
                    id=hand.id,
                    title=hand.title,
                    category=hand.category,
                    likelihood=hand.likelihood,
                    impact=hand.impact,
                    why="",
                    mitigation=hand.mitigation or "",
                    source="hand",
                    verdict=hand.verdict,
                    note=hand.note,
                    by=hand.by,
                )
                for hand in plan.risks
            ),
            key=lambda risk: -risk.score,
        )
    )
    return Assessment(risks=risks, advice=(), figures=Figures(), completeness=completeness(plan))
