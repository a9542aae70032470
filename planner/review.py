"""The risk register and advice a plan's answers call for: rules applied, decisions joined, verdicts given.

Scores. Likelihood and impact run 1-5; score = likelihood x impact (1-25). Likelihood says how
often the failure follows from such answers: 5 the answers make it near certain (no labels),
4 it usually follows, 3 it often does, 2 sometimes. Impact says what it costs when it happens:
5 the project is pointless, 4 months lost or a failed launch, 3 weeks of rework, 2 friction.

Levels. high = score >= 15, medium = score >= 8, low below. On the 5x5 grid high is exactly
"likely (4+) and costly (4+)" or "near certain and at least rework" (5x3) or "possible and
fatal" (3x5): the risks a lead would not start with open, and what `planner check --fail-on high`
blocks. Medium (3x3 up to 4x3, 2x4) is worth a recorded decision; low is worth knowing.

Advice is separate from risks: the verdict a lead gives, with its reason. Risks the team has
decided (accepted, mitigated, not applicable) stay in the register but no longer drive advice.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Literal

from planner.model import Category, Plan, RulesVerdict, Status, Verdict
from planner.questions import Completeness, completeness
from planner.rules import CATALOGUE, items_per_month, monthly_value

HIGH = 15
MEDIUM = 8
Level = Literal["high", "medium", "low"]
COMMITTED = (Status.approved, Status.building, Status.shipped)


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

    @property
    def status(self) -> str:
        """`open`, or the team's verdict (`accepted`, `mitigated`, `not applicable`)."""
        return self.verdict.value.replace("_", " ") if self.verdict else "open"


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

    @property
    def yearly_value(self) -> float | None:
        return None if self.monthly_value is None else 12 * self.monthly_value


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]
    advice: tuple[Advice, ...]
    figures: Figures
    completeness: Completeness = field(repr=False, default_factory=Completeness)
    problems: tuple[str, ...] = ()  # decisions or hand risks that name the wrong id

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


def unanswered_text(report: Completeness) -> str | None:
    parts = [
        (len(questions), key.replace("_", " ")) for key, questions in report.missing.items() if questions
    ]
    if not parts:
        return None
    first, *rest = parts
    words = [f"{first[0]} question{'s' * (first[0] != 1)} in {first[1]}"]
    words += [f"{count} in {name}" for count, name in rest]
    return "not answered yet: " + ", ".join(words)


def assess(plan: Plan) -> Assessment:
    """Risks (sorted by score, highest first), advice and figures for one plan."""
    report = completeness(plan)
    risks = register(plan)
    numbers = figures(plan)
    return Assessment(
        risks=risks,
        advice=advise(plan, risks, numbers, report),
        figures=numbers,
        completeness=report,
        problems=problems(plan),
    )


# ---------------------------------------------------------------- the register


def register(plan: Plan) -> tuple[Risk, ...]:
    """Derived risks with the team's decisions joined, plus hand-entered risks."""
    decisions = {decision.risk: decision for decision in plan.decisions}
    risks = []
    for spec in CATALOGUE.values():
        evidence = spec.check(plan)
        if evidence is None:
            continue
        decision = decisions.get(spec.id)
        risks.append(
            Risk(
                id=spec.id,
                title=spec.title,
                category=spec.category,
                likelihood=spec.likelihood,
                impact=spec.impact,
                why=spec.why,
                mitigation=spec.mitigation,
                evidence=tuple(evidence),
                verdict=decision.verdict if decision else None,
                note=decision.note if decision else None,
                by=decision.by if decision else None,
            )
        )
    for hand in plan.risks:
        decision = decisions.get(hand.id) if hand.verdict is None else None
        risks.append(
            Risk(
                id=hand.id,
                title=hand.title,
                category=hand.category,
                likelihood=hand.likelihood,
                impact=hand.impact,
                why="",
                mitigation=hand.mitigation or "",
                source="hand",
                verdict=decision.verdict if decision else hand.verdict,
                note=decision.note if decision else hand.note,
                by=decision.by if decision else hand.by,
            )
        )
    return tuple(sorted(risks, key=lambda risk: (-risk.score, risk.decided, risk.id)))


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


def figures(plan: Plan) -> Figures:
    heuristics = plan.heuristics
    tried = heuristics.verdict in (RulesVerdict.rules_suffice, RulesVerdict.rules_baseline)
    left = 1 - heuristics.coverage if tried and heuristics.coverage is not None else None
    value = monthly_value(plan)
    return Figures(
        items_per_month=items_per_month(plan),
        monthly_value=value,
        value_unit=plan.impact.value_unit if value is not None else None,
        share_left_to_humans=left,
    )


# ---------------------------------------------------------------- advice

Tone = Literal["success", "info", "warning", "danger"]
RULES_FIRST = frozenset({"rules-may-suffice", "baseline-already-meets-target"})
# (risk ids, title, reason, tone); the reason is followed by the first piece of evidence.
_BLOCKERS: tuple[tuple[frozenset[str], str, str, Tone], ...] = (
    (
        frozenset({"not-worth-it"}),
        "Stop here, or aim at another bottleneck",
        "Even a model that works would not repay the effort, by the team's own judgement; look for the "
        "step whose improvement pays, or scope down",
        "danger",
    ),
    (
        frozenset({"no-labels", "small-labeled-set"}),
        "Collect labels before modelling",
        "A model cannot be trained or judged without enough labels; plan who labels what and at what "
        "cost, or log real outcomes from now on",
        "danger",
    ),
    (
        frozenset({"expert-cannot-decide"}),
        "Find the missing inputs before modelling",
        "If an expert cannot decide from the model's inputs, the model will not either; ask what else "
        "the expert needs",
        "danger",
    ),
    (
        frozenset({"never-done-by-hand"}),
        "Do the task by hand before modelling",
        "Working 50-100 real cases shows the signals, the hard cases and the human yardstick",
        "warning",
    ),
    (
        frozenset({"no-non-ml-baseline"}),
        "Try plain rules before modelling",
        "A few days of obvious rules give the baseline a model must beat, and maybe the first release",
        "warning",
    ),
    (
        frozenset({"target-beyond-human"}),
        "Narrow the first model to the easy, high-volume part and leave the rest to people",
        "The target is beyond what people reach from the same inputs; aim the model where it is "
        "confident and the volume is, and widen its share as it earns trust",
        "warning",
    ),
)
_FOLLOW_UPS: tuple[tuple[frozenset[str], str, str, Tone], ...] = (
    (
        frozenset({"product-metric-not-measured"}),
        "Instrument the product metric before modelling",
        "Without a measured 'before', nobody can tell whether the model helped the product",
        "info",
    ),
    (
        frozenset({"test-set-not-like-product"}),
        "Build a test set from production data first",
        "Scores on data unlike production do not predict how the model does once live",
        "info",
    ),
    (
        frozenset({"proxy-label"}),
        "Check the proxy label against the goal on a sample",
        "A model can improve the proxy while the goal stays put; judge launches on the product metric",
        "info",
    ),
    (
        frozenset({"label-delay-exceeds-retraining"}),
        "Retrain on the cadence the labels allow",
        "Labels arrive after the next retraining is due; lengthen the cadence or label a live sample",
        "info",
    ),
    (
        frozenset({"unversioned-data", "vendor-data"}),
        "Version the raw data before the first experiment",
        "Keep read-only, versioned copies of every source and vendor delivery, so results reproduce "
        "and upstream changes show",
        "info",
    ),
)


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _rules_first(plan: Plan, ids: set[str], numbers: Figures) -> Advice:
    heuristics = plan.heuristics
    if heuristics.coverage is not None and heuristics.accuracy is not None:
        found = (
            f"Rules handle {_pct(heuristics.coverage)} of cases, {_pct(heuristics.accuracy)} of them right"
        )
        if numbers.share_left_to_humans is not None:
            found += f"; people take the other {_pct(numbers.share_left_to_humans)}"
    elif "baseline-already-meets-target" in ids:
        found = "Today's baseline already meets the primary target"
    else:
        found = "The team found that rules are enough"
    return Advice(
        "Ship the rules with human review first; a model must beat them by the margin you set",
        f"{found}. Launch that, measure it on the done metric, and build a model only if it beats the "
        "rules by a margin worth its data, training and upkeep.",
        "warning",
    )


def _matching(
    table: tuple[tuple[frozenset[str], str, str, Tone], ...], risks: dict[str, Risk]
) -> list[Advice]:
    found = []
    for ids, title, reason, tone in table:
        hits = [risks[id] for id in sorted(ids) if id in risks]
        if hits:
            evidence = f" ({hits[0].evidence[0]})" if hits[0].evidence else ""
            found.append(Advice(title, f"{reason}{evidence}.", tone))
    return found


def advise(plan: Plan, risks: tuple[Risk, ...], numbers: Figures, report: Completeness) -> tuple[Advice, ...]:
    """The lead's verdicts, headline first: what to do before anything, whether to start, follow-ups.

    Only open risks drive advice, except rules-first: it describes the plan's direction, so a
    decision on it does not retire it.
    """
    ids = {risk.id for risk in risks if risk.source == "derived"}
    open_derived = {risk.id: risk for risk in risks if not risk.decided and risk.source == "derived"}
    advice = [_rules_first(plan, ids, numbers)] if RULES_FIRST & ids else []
    advice += _matching(_BLOCKERS, open_derived)
    covered = set().union(*(table_ids for table_ids, *_ in _BLOCKERS)) | RULES_FIRST
    open_risks = [risk for risk in risks if not risk.decided]
    high = [risk for risk in open_risks if risk.level == "high"]
    medium = [risk for risk in open_risks if risk.level == "medium"]
    unanswered = unanswered_text(report)
    if any(risk.id not in covered for risk in high):
        listed = ", ".join(risk.id for risk in high if risk.id not in covered)
        advice.append(
            Advice(
                "Settle the high risks before starting",
                f"Open: {listed}. Change the plan so they no longer apply, or record the team's decision "
                "(accepted, mitigated, not applicable) with a note.",
                "danger",
            )
        )
    committed = plan.status in COMMITTED
    if unanswered:
        advice.append(
            Advice(
                "Answer the open questions",
                f"{unanswered[0].upper()}{unanswered[1:]}. Unanswered questions raise no risk here, but "
                f"each may hide one{f', and the plan is already {plan.status.value}' if committed else ''}.",
                "warning" if committed else "info",
            )
        )
    elif not advice and medium:
        listed = ", ".join(risk.id for risk in medium)
        advice.append(
            Advice(
                "Nearly ready: decide the open risks, then start",
                f"Every question is answered and no high risk is open. Record a decision on {listed} "
                "(accepted, mitigated or not applicable, with a note) before the time box starts.",
                "info",
            )
        )
    elif not advice:
        box = plan.done.timebox_weeks
        advice.append(
            Advice(
                "This plan is sound: start",
                "Every question is answered and no risk at medium or above is open"
                + (f". Work within the {box:g}-week time box" if box else "")
                + "; when it ends, take the agreed decision: ship, continue or fold.",
                "success",
            )
        )
    return tuple(advice + _matching(_FOLLOW_UPS, open_derived))


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
                "evidence": list(risk.evidence),
                "why": risk.why,
                "mitigation": risk.mitigation,
            }
            for risk in assessment.risks
        ],
        "advice": [{"title": a.title, "reason": a.reason, "tone": a.tone} for a in assessment.advice],
        "figures": {
            "items_per_month": numbers.items_per_month,
            "monthly_value": numbers.monthly_value,
            "value_unit": numbers.value_unit,
            "share_left_to_humans": numbers.share_left_to_humans,
        },
        "unanswered": assessment.unanswered,
        "problems": list(assessment.problems),
    }
