"""The risk register a plan's answers call for, and its assessment: rules applied, decisions joined, gated.

Scores. Likelihood and impact run 1-5; score = likelihood x impact (1-25). Likelihood says how
often the failure follows from such answers: 5 the answers make it near certain (no labels),
4 it usually follows, 3 it often does, 2 sometimes. Impact says what it costs when it happens:
5 the project is pointless, 4 months lost or a failed launch, 3 weeks of rework, 2 friction.

Levels. high = score >= 15, medium = score >= 8, low below. On the 5x5 grid high is exactly
"likely (4+) and costly (4+)" or "near certain and at least rework" (5x3) or "possible and
fatal" (3x5): the risks a lead would not start with open, and what `planner check --fail-on high`
blocks. Medium (3x3 up to 4x3, 2x4) is worth a recorded decision; low is worth knowing.

The lead's advice and the figures computed from the answers live in `planner.judgement.advice`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Literal

from planner.judgement.advice import Advice, Blocking, advise, blocking, unanswered_text
from planner.judgement.figures import Figures, figures
from planner.judgement.keys import KeyRisks, key_risks, unchecked_stakes, weighed_by_stakes
from planner.judgement.measured import effective, stale_reasons, summary
from planner.judgement.probes import Asked, asked
from planner.judgement.rules import CATALOGUE
from planner.judgement.rules.base import HIGH, MEDIUM, Level, Risk, RiskKind, RuleSpec, level_of
from planner.judgement.stage import Stage, staged
from planner.judgement.unchecked import harms_through_check, weighed_by_harm
from planner.plan.model import Decision, Plan
from planner.plan.questions import Completeness, completeness

__all__ = [
    "HIGH",
    "MEDIUM",
    "Advice",
    "Asked",
    "Assessment",
    "Blocking",
    "Figures",
    "KeyRisks",
    "Level",
    "Risk",
    "Stage",
    "advice_at",
    "advise",
    "assess",
    "figures",
    "gate",
    "level_of",
    "problems",
    "register",
    "risk_of",
    "to_data",
    "unanswered_text",
]


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]
    advice: tuple[Advice, ...]
    figures: Figures
    completeness: Completeness = field(repr=False, default_factory=Completeness)
    blocking: tuple[Blocking, ...] = ()  # unanswered essentials, most important first
    problems: tuple[str, ...] = ()  # decisions or hand risks that name the wrong id
    measured: str | None = None  # the measured rules in one line, or why they no longer count
    stale: tuple[str, ...] = ()  # `measured before rule 1 changed`: the figures describe earlier rules
    asked: tuple[Asked, ...] = ()  # what a lead would ask that no answer settles (planner.judgement.probes)
    key: tuple[KeyRisks, ...] = ()  # the open risks the plan's claim rests on (planner.judgement.keys)

    @property
    def open_risks(self) -> tuple[Risk, ...]:
        return tuple(risk for risk in self.risks if not risk.decided)

    def open_at_or_above(self, level: Literal["high", "medium"]) -> tuple[Risk, ...]:
        threshold = HIGH if level == "high" else MEDIUM
        return tuple(risk for risk in self.open_risks if risk.score >= threshold)

    @property
    def headline(self) -> Advice | None:
        return self.advice[0] if self.advice else None

    @property
    def unanswered(self) -> str | None:
        """The one finding about missing answers, e.g. `not answered yet: 4 questions in constraints`."""
        return unanswered_text(self.completeness)


def assess(plan: Plan, stage: Stage | None = None) -> Assessment:
    """Risks (sorted by score, highest first), advice and figures for one plan; with its `stage`
    (planner.judgement.stage), the advice leads with that stage's next move.

    Figures measured on a sample (`planner measure`, `planner try`) stand in for the typed answers."""
    measured, stale = summary(plan), stale_reasons(plan)
    plan = effective(plan)
    report = completeness(plan)
    risks = register(plan)
    numbers = figures(plan)
    questions = blocking(plan)
    advice = advise(plan, risks, numbers, report, questions, started=stage is not None and stage.started)
    return Assessment(
        risks=risks,
        advice=advice if stage is None else staged(plan, advice, stage, risks, questions),
        figures=numbers,
        completeness=report,
        problems=problems(plan),
        blocking=questions,
        measured=measured,
        stale=stale,
        asked=asked(plan, risks),
        key=key_risks(plan, risks),
    )


def advice_at(plan: Plan, assessment: Assessment, stage: Stage) -> tuple[Advice, ...]:
    """The advice of `assessment` (of `plan`, assessed without its stage) for the plan's `stage`: what
    the site shows once it has read the experiment log, with the assessment shared across pages."""
    plan = effective(plan)
    advice = advise(
        plan,
        assessment.risks,
        assessment.figures,
        assessment.completeness,
        assessment.blocking,
        stage.started,
    )
    return staged(plan, advice, stage, assessment.risks, assessment.blocking)


# ---------------------------------------------------------------- the register


def register(plan: Plan) -> tuple[Risk, ...]:
    """Derived risks with the team's decisions joined (each with the advice that fits the plan), plus
    hand-entered risks."""
    decisions = {decision.risk: decision for decision in plan.decisions}
    stakes = unchecked_stakes(plan), harms_through_check(plan)  # read once: the same for every rule
    risks = []
    for spec in CATALOGUE.values():
        risk = _derived(spec, plan, decisions.get(spec.id), stakes)
        if risk is not None:
            risks.append(risk)
    for hand in plan.risks:
        kind = RiskKind(
            hand.id, hand.title, hand.category, hand.likelihood, hand.impact, "", hand.mitigation or ""
        )
        joined = decisions.get(hand.id) if hand.verdict is None else None  # the entry's own verdict wins
        decision = Decision.model_construct(
            risk=hand.id,
            verdict=joined.verdict if joined else hand.verdict,
            note=joined.note if joined else hand.note,
            by=joined.by if joined else hand.by,
            owner=(joined.owner if joined else None) or hand.owner,
            due=(joined.due if joined else None) or hand.due,
        )
        risks.append(Risk.of(kind, decision, source="hand"))
    return tuple(sorted(risks, key=lambda risk: (*risk.standing, risk.decided, risk.id)))


def risk_of(plan: Plan, rule_id: str) -> Risk | None:
    """The derived risk `rule_id` exactly as `assess` reports it, or None when its rule stays quiet:
    one rule's check instead of the whole catalogue's (the rule cases in the tests ask this)."""
    plan = effective(plan)
    decisions = {decision.risk: decision for decision in plan.decisions}
    stakes = unchecked_stakes(plan), harms_through_check(plan)
    return _derived(CATALOGUE[rule_id], plan, decisions.get(rule_id), stakes)


class RuleFailed(RuntimeError):
    """A rule raised on a plan: a bug in planner, reported with the rule and the plan it met."""


def _derived(spec: RuleSpec, plan: Plan, decision: Decision | None, stakes: tuple[bool, bool]) -> Risk | None:
    """The risk `spec` raises on `plan`, or None; `stakes` says whether errors go out unchecked at serious
    stakes (`unchecked_stakes`) and whether an error a person lets through can hurt (`harms_through_check`)."""
    try:
        evidence = spec.check(plan)
    except Exception as exc:  # name the rule and the plan, so the report can be acted on
        raise RuleFailed(f"rule {spec.id} on the plan '{plan.title}': {type(exc).__name__}: {exc}") from exc
    if evidence is None:
        return None
    unchecked, harmful = stakes
    kind = weighed_by_stakes(spec.fitting(plan), evidence, unchecked)
    kind, evidence = weighed_by_harm(plan, kind, evidence, harmful)
    return Risk.of(kind, decision, evidence)


def problems(plan: Plan) -> tuple[str, ...]:
    """Decisions naming no known risk, and hand-risk ids that clash: a typo must not silently do nothing."""
    hand_ids = [hand.id for hand in plan.risks]
    known = set(CATALOGUE) | set(hand_ids)
    found, decided = [], set()
    for index, decision in enumerate(plan.decisions):
        if decision.risk not in known:
            close = difflib.get_close_matches(decision.risk, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            found.append(
                f"decisions[{index}].risk: '{decision.risk}' is not a risk id{hint}; "
                "use an id from `planner rules` or from the plan's own risks"
            )
        elif decision.risk in decided:
            found.append(f"decisions[{index}].risk: '{decision.risk}' is decided twice; keep one decision")
        decided.add(decision.risk)
    for index, hand_id in enumerate(hand_ids):
        if hand_id in CATALOGUE:
            found.append(
                f"risks[{index}].id: '{hand_id}' is a rule of the catalogue; record a decision "
                "for it under `decisions:` instead, or pick another id"
            )
        elif hand_ids.index(hand_id) != index:
            found.append(f"risks[{index}].id: '{hand_id}' is used twice; give each risk its own id")
    return tuple(found)


def gate(assessment: Assessment, fail_on: Literal["high", "medium"] | None) -> tuple[str, ...]:
    """What `planner check` reports for a readable plan: wrong ids, and open risks at or above `fail_on`."""
    found = list(assessment.problems)
    for risk in assessment.open_at_or_above(fail_on) if fail_on else ():
        found.append(
            f"open {risk.level} risk {risk.id} (score {risk.score}): {risk.title}; change the plan "
            "or record the team's decision on it (accepted, mitigated or not_applicable)"
        )
    return tuple(found)


# ---------------------------------------------------------------- plain data (JSON)


def to_data(assessment: Assessment) -> dict[str, Any]:
    """The assessment as JSON-ready data."""
    numbers = assessment.figures
    return {
        "risks": [
            {
                "id": risk.id,
                "title": risk.title,
                "category": risk.category.value,
                "likelihood": risk.likelihood,
                "impact": risk.impact,
                "score": risk.score,
                "level": risk.level,
                "source": risk.source,
                "status": risk.verdict.value if risk.verdict else "open",
                "note": risk.note,
                "by": risk.by,
                "owner": risk.owner,
                "due": risk.due.isoformat() if risk.due else None,
                "evidence": list(risk.evidence),
                "from_words": list(risk.heard),  # only words of free text raised it: a question
                "why": risk.why,
                "mitigation": risk.mitigation,
            }
            for risk in assessment.risks
        ],
        "key_risks": [
            {"breaks": group.breaks, "heading": group.heading, "ids": [risk.id for risk in group.risks]}
            for group in assessment.key
        ],
        "advice": [{"title": a.title, "reason": a.reason, "tone": a.tone} for a in assessment.advice],
        "figures": {
            "items_per_month": numbers.items_per_month,
            "monthly_value": numbers.monthly_value,
            "items_in_all": numbers.items_in_all,
            "value_in_all": numbers.value_in_all,
            "value_unit": numbers.value_unit,
            "share_left_to_humans": numbers.share_left_to_humans,
        },
        "measured": {"summary": assessment.measured, "stale": list(assessment.stale)},
        "questions": [
            {"id": each.id, "question": each.question, "because": list(each.because)}
            for each in assessment.asked
        ],
        "unanswered": assessment.unanswered,
        "problems": list(assessment.problems),
    }
