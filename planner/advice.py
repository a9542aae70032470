"""The advice a plan calls for (the verdicts a good lead would give) and the figures computed from its answers.

Advice is separate from risks: the verdict a lead gives, with its reason. Risks the team has
decided (accepted, mitigated, not applicable) stay in the register but no longer drive advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from planner.bank import Completeness
from planner.model import Plan, RulesVerdict, Status
from planner.rules import items_per_month, monthly_value

if TYPE_CHECKING:  # only for annotations: review imports this module to build an Assessment
    from planner.review import Risk

COMMITTED = (Status.approved, Status.building, Status.shipped)


@dataclass(frozen=True)
class Advice:
    """A verdict a good lead would give, with its reason."""

    title: str
    reason: str
    tone: Literal["success", "info", "warning", "danger"] = "info"
    risks: tuple[str, ...] = ()  # ids of the open risks behind it, so the site can name and link them


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
            found.append(Advice(title, f"{reason}{evidence}.", tone, tuple(risk.id for risk in hits)))
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
                tuple(risk.id for risk in high if risk.id not in covered),
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
                tuple(risk.id for risk in medium),
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
