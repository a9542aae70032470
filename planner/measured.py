"""Which figures a plan stands on: measured on a sample when it has them, typed otherwise, and saying which."""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import MeasuredByHand, MeasuredRules, Plan, SampleInfo
from planner.stats import share, wilson


@dataclass(frozen=True)
class Figure:
    """A share, where it comes from, and its 95% interval when it was measured."""

    value: float
    source: str  # "measured on tickets.csv (1,200 rows, 2026-11-27)" or "typed in heuristics.coverage"
    interval: tuple[float, float] | None = None

    @property
    def measured(self) -> bool:
        return self.interval is not None


def provenance(sample: SampleInfo) -> str:
    return f"measured on {sample.file} ({sample.rows:,} rows, {sample.date.isoformat()})"


def current_rules(plan: Plan) -> MeasuredRules | None:
    """The measured rule figures, if they still describe the plan's rules (same predicates, same outcomes)."""
    measured = plan.heuristics.measured
    if measured is None:
        return None
    rules = plan.heuristics.rules
    for figure in measured.rules:
        if figure.rule > len(rules):
            return None
        rule = rules[figure.rule - 1]
        predicts = rule.predicts if rule.predicts is not None else _column(rule.predicts_column)
        if rule.when != figure.when or predicts != figure.predicts:
            return None
    if {figure.rule for figure in measured.rules} != {n for n, r in enumerate(rules, 1) if r.when}:
        return None
    return measured


def _column(name: str | None) -> str | None:
    return None if name is None else f"column {name}"


def rule_coverage(plan: Plan) -> Figure | None:
    """Share of cases the rules handle: the measured first-match cascade, else the typed answer."""
    measured = current_rules(plan)
    if measured is not None and measured.sample.rows:
        rows, covered = measured.sample.rows, measured.cascade.covered
        return Figure(covered / rows, provenance(measured.sample), wilson(covered, rows))
    if plan.heuristics.coverage is not None:
        return Figure(plan.heuristics.coverage, "typed in heuristics.coverage")
    return None


def rule_accuracy(plan: Plan) -> Figure | None:
    """Share of handled cases the rules get right: measured, else typed."""
    measured = current_rules(plan)
    cascade = measured.cascade if measured is not None else None
    if measured is not None and cascade is not None and cascade.correct is not None and cascade.judged:
        return Figure(
            cascade.correct / cascade.judged,
            provenance(measured.sample),
            wilson(cascade.correct, cascade.judged),
        )
    if plan.heuristics.accuracy is not None:
        return Figure(plan.heuristics.accuracy, "typed in heuristics.accuracy")
    return None


def effective_rule_coverage(plan: Plan) -> tuple[Figure | None, Figure | None]:
    """(coverage, accuracy) of the rules, each measured when the plan has it and typed otherwise."""
    return rule_coverage(plan), rule_accuracy(plan)


def current_by_hand(plan: Plan) -> MeasuredByHand | None:
    return plan.by_hand.measured


def human_score(plan: Plan) -> Figure | None:
    """How often people get it right: against a gold column when measured, else the typed score if a share."""
    measured = plan.by_hand.measured
    if measured is not None and measured.correct is not None and measured.judged:
        return Figure(
            measured.correct / measured.judged,
            provenance(measured.sample).replace("measured", "measured by hand", 1),
            wilson(measured.correct, measured.judged),
        )
    typed = plan.by_hand.human_score
    if typed is not None and 0 <= typed <= 1:
        return Figure(typed, "typed in by_hand.human_score")
    return None


def examples_by_hand(plan: Plan) -> int | None:
    """How many examples the team did by hand: measured sessions when there are some, else typed."""
    measured = plan.by_hand.measured
    if measured is not None:
        return measured.examples
    return plan.by_hand.examples


def agreement(measured: MeasuredByHand) -> float | None:
    return share(measured.agreed or 0, measured.shared or 0) if measured.shared else None


def rules_plus_people(plan: Plan) -> Figure | None:
    """Accuracy of what ships: rules where they fire, people on the rest."""
    coverage, accuracy, human = rule_coverage(plan), rule_accuracy(plan), human_score(plan)
    if coverage is None or accuracy is None or human is None:
        return None
    value = coverage.value * accuracy.value + (1 - coverage.value) * human.value
    interval = None
    if accuracy.interval is not None:
        human_low, human_high = human.interval or (human.value, human.value)
        interval = (
            coverage.value * accuracy.interval[0] + (1 - coverage.value) * human_low,
            coverage.value * accuracy.interval[1] + (1 - coverage.value) * human_high,
        )
    sources = (
        accuracy.source if accuracy.source == human.source else f"{accuracy.source}; people {human.source}"
    )
    return Figure(value, sources, interval)
