"""Which figures a plan stands on: measured on a sample when it has them, typed otherwise, and saying which."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core import formatting
from planner.core.stats import share, wilson
from planner.plan.model import MeasuredByHand, MeasuredRules, Plan, SampleInfo


@dataclass(frozen=True)
class Figure:
    """A share, where it comes from, and its 95% interval when it was measured."""

    value: float
    source: str  # "measured on tickets.csv (1,200 rows, 2026-11-27)" or "typed in heuristics.coverage"
    interval: tuple[float, float] | None = None

    @property
    def measured(self) -> bool:
        return self.interval is not None


ENGINES = {
    "duckdb": "DuckDB",
    "spark": "Spark",
    "bigquery": "BigQuery",
    "snowflake": "Snowflake",
    "databricks": "Databricks",
    "postgres": "Postgres",
    "trino": "Trino",
}


def provenance(sample: SampleInfo) -> str:
    """`measured on tickets.csv (1,200 rows, 2026-11-27)`; a table names it and its engine."""
    when = f"({sample.rows:,} rows, {sample.date.isoformat()})"
    engine = ENGINES.get(sample.engine or "duckdb", sample.engine or "")
    if sample.table is not None:
        return f"measured on table {sample.table} in {engine} {when}"
    if sample.engine not in (None, "duckdb"):
        return f"measured on {sample.file} with {engine} {when}"
    return f"measured on {sample.file} {when}"


def stale_reasons(plan: Plan) -> tuple[str, ...]:
    """Why the measured rule figures no longer describe the plan's rules (nothing when they do).

    Each recorded rule keeps the hash of the predicate and prediction that ran, so a predicate edited
    in both places (a search-and-replace) is still caught; records from before the hash compare text."""
    measured = plan.heuristics.measured
    if measured is None:
        return ()
    rules = plan.heuristics.rules
    reasons = []
    for index, figure in enumerate(measured.rules):
        if figure.rule > len(rules):
            reasons.append(f"measured before rule {figure.rule} was removed")
            continue
        rule = rules[figure.rule - 1]
        predicts = rule.predicts if rule.predicts is not None else _column(rule.predicts_column)
        as_recorded = rule.when == figure.when and predicts == figure.predicts
        changed = not as_recorded if figure.sha256 is None else figure.sha256 != rule.fingerprint()
        if changed:
            reasons.append(f"measured before rule {figure.rule} changed")
        elif not as_recorded:
            reasons.append(
                f"heuristics.measured.rules[{index}] was edited by hand: it no longer shows what ran for "
                f"rule {figure.rule}"
            )
    recorded = {figure.rule for figure in measured.rules}
    for number, rule in enumerate(rules, 1):
        if rule.when and number not in recorded:
            reasons.append(f"measured before rule {number} got its predicate")
    return tuple(reasons)


def current_rules(plan: Plan) -> MeasuredRules | None:
    """The measured rule figures, if they still describe the plan's rules (same predicates, same outcomes)."""
    return None if stale_reasons(plan) else plan.heuristics.measured


def fallback(plan: Plan) -> str | None:
    """What stands in for stale figures, said once: `measured before rule 1 changed: ...`."""
    reasons = stale_reasons(plan)
    if not reasons:
        return None
    figures = {"coverage": plan.heuristics.coverage_figure, "accuracy": plan.heuristics.accuracy_figure}
    typed = [name for name, figure in figures.items() if figure is not None]
    instead = (
        f"the typed heuristics.{' and '.join(typed)} count instead" if typed else "no rule figure counts"
    )
    return f"{'; '.join(reasons)}: the measured figures describe the earlier rules, so {instead}"


def summary(plan: Plan) -> str | None:
    """One line on the measured rules for the terminal: the figures and where they come from, or why
    they no longer count; None when nothing was measured."""
    measured = plan.heuristics.measured
    if measured is None:
        return None
    stale = fallback(plan)
    if stale is not None:
        return f"{stale}; run `planner measure` again"
    coverage, accuracy = rule_coverage(plan), rule_accuracy(plan)
    parts = []
    if coverage is not None:
        parts.append(f"rules handle {formatting.share(coverage.value, coverage.interval)} of cases")
    if accuracy is not None and accuracy.measured:
        parts.append(f"{formatting.share(accuracy.value, accuracy.interval)} of them right")
    return f"{', '.join(parts)} ({provenance(measured.sample)})"


def _column(name: str | None) -> str | None:
    return None if name is None else f"column {name}"


def rule_coverage(plan: Plan) -> Figure | None:
    """Share of cases the rules handle: the measured first-match cascade, else the typed answer."""
    measured = current_rules(plan)
    if measured is not None and measured.sample.rows:
        rows, covered = measured.sample.rows, measured.cascade.covered
        return Figure(covered / rows, provenance(measured.sample), wilson(covered, rows))
    if plan.heuristics.coverage_figure is not None:
        return Figure(plan.heuristics.coverage_figure, _typed(plan, "heuristics.coverage"))
    return None


def rules_source(plan: Plan) -> str:
    """Where the rules' coverage was measured, in brackets; empty when it was typed."""
    coverage = rule_coverage(plan)
    return f" ({coverage.source})" if coverage is not None and coverage.measured else ""


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
    if plan.heuristics.accuracy_figure is not None:
        return Figure(plan.heuristics.accuracy_figure, _typed(plan, "heuristics.accuracy"))
    return None


def _typed(plan: Plan, path: str) -> str:
    """Where a typed figure comes from, saying so when it stands in for stale measured ones."""
    reasons = stale_reasons(plan)
    return f"typed in {path}" + (f" ({reasons[0]}: measure again)" if reasons else "")


def effective_rule_coverage(plan: Plan) -> tuple[Figure | None, Figure | None]:
    """(coverage, accuracy) of the rules, each measured when the plan has it and typed otherwise."""
    return rule_coverage(plan), rule_accuracy(plan)


def current_by_hand(plan: Plan) -> MeasuredByHand | None:
    return plan.by_hand.measured


def by_hand_source(measured: MeasuredByHand) -> str:
    """`on 8 labelled examples of a 569-row sample (by hand on cancer.csv, 2026-12-05)`: a score rests
    on the examples people labelled against the gold column, not on the sample's rows."""
    sample, count, judged = measured.sample, measured.examples, measured.judged or 0
    examples = f"{count:,} labelled example{'' if count == 1 else 's'}"
    labels = f", {judged:,} labels" if judged != count else ""
    return (
        f"on {examples} of a {sample.rows:,}-row sample (by hand on {sample.file}{labels}, "
        f"{sample.date.isoformat()})"
    )


def human_score(plan: Plan) -> Figure | None:
    """How often people get it right: against a gold column when measured, else the typed score if a share."""
    measured = plan.by_hand.measured
    if measured is not None and measured.correct is not None and measured.judged:
        return Figure(
            measured.correct / measured.judged,
            by_hand_source(measured),
            wilson(measured.correct, measured.judged),
        )
    typed = plan.by_hand.human_figure
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


# ---------------------------------------------------------------- what the plan page shows


@dataclass(frozen=True)
class RuleRow:
    number: int
    condition: str
    when: str
    predicts: str
    coverage: str
    overlaps: str
    conflicts: str
    accuracy: str
    correct: str
    incorrect: str


@dataclass(frozen=True)
class RulesView:
    """The measured rule table and cascade, ready to show."""

    provenance: str
    sha256: str | None
    label: str | None
    stale: tuple[str, ...]  # why the figures no longer describe the rules (empty while they do)
    rows: tuple[RuleRow, ...]
    coverage: str
    accuracy: str
    left_to_people: str
    combined: str | None
    typed: str | None  # what the team had typed, shown beside the measured figures
    query: str | None = None  # sha256 of the measuring query
    by: str | None = None

    @property
    def stale_text(self) -> str:
        """The reasons as sentences: `Measured before rule 1 changed.`"""
        return " ".join(reason[0].upper() + reason[1:] + "." for reason in self.stale)


def rules_view(plan: Plan) -> RulesView | None:
    measured = plan.heuristics.measured
    if measured is None:
        return None
    n = measured.sample.rows
    rows = []
    for figure in measured.rules:
        rule = plan.heuristics.rules[figure.rule - 1] if figure.rule <= len(plan.heuristics.rules) else None
        judged = (figure.correct or 0) + (figure.incorrect or 0)
        accuracy = share(figure.correct or 0, judged) if figure.correct is not None and judged else None
        rows.append(
            RuleRow(
                number=figure.rule,
                condition=rule.condition if rule is not None else "(rule removed since)",
                when=figure.when,
                predicts=figure.predicts or "-",
                coverage=formatting.share(share(figure.fires, n), wilson(figure.fires, n)),
                overlaps=formatting.share(share(figure.overlaps, n)),
                conflicts=formatting.share(share(figure.conflicts, n)),
                accuracy=formatting.share(
                    accuracy, wilson(figure.correct or 0, judged) if accuracy is not None else None
                ),
                correct="-" if figure.correct is None else f"{figure.correct:,}",
                incorrect="-" if figure.incorrect is None else f"{figure.incorrect:,}",
            )
        )
    cascade = measured.cascade
    accuracy = (
        share(cascade.correct, cascade.judged) if cascade.correct is not None and cascade.judged else None
    )
    combined = rules_plus_people(plan) if current_rules(plan) is not None else None
    typed = [
        f"{name} {said if isinstance(said, str) else formatting.share(said)}"
        for name in ("coverage", "accuracy")
        if (said := getattr(plan.heuristics, name)) is not None
    ]
    return RulesView(
        provenance=provenance(measured.sample),
        sha256=measured.sample.sha256,
        query=measured.sample.query_sha256,
        by=measured.sample.by,
        label=measured.sample.label,
        stale=stale_reasons(plan),
        rows=tuple(rows),
        coverage=formatting.share(share(cascade.covered, n), wilson(cascade.covered, n)),
        accuracy=formatting.share(
            accuracy, wilson(cascade.correct or 0, cascade.judged or 0) if accuracy is not None else None
        ),
        left_to_people=formatting.share(None if not n else 1 - cascade.covered / n),
        combined=None
        if combined is None
        else f"{formatting.share(combined.value, combined.interval)} ({combined.source})",
        typed="typed before: " + ", ".join(typed) if typed else None,
    )


@dataclass(frozen=True)
class ByHandView:
    provenance: str
    sha256: str | None
    people: str
    examples: int
    answers: int
    minutes: str | None
    score: str | None
    agreement: str | None
    noticed: tuple[str, ...]
    hard_cases: tuple[str, ...]


def by_hand_view(plan: Plan) -> ByHandView | None:
    measured = plan.by_hand.measured
    if measured is None:
        return None
    score = None
    if measured.correct is not None and measured.judged:
        score = formatting.share(
            measured.correct / measured.judged, wilson(measured.correct, measured.judged)
        )
        score += f" against {measured.sample.label or 'the gold column'}, {measured.judged:,} labels"
    agreed = agreement(measured)
    together = None
    if agreed is not None:
        kind = "Cohen's" if len(measured.people) == 2 else "Fleiss'"
        kappa = "" if measured.kappa is None else f", {kind} kappa {measured.kappa:.2f}"
        together = f"{formatting.share(agreed)} of {measured.shared:,} examples everyone labelled{kappa}"
    minutes = measured.minutes_per_example
    return ByHandView(
        provenance=provenance(measured.sample).replace("measured", "done by hand", 1),
        sha256=measured.sample.sha256,
        people=", ".join(measured.people),
        examples=measured.examples,
        answers=measured.answers,
        minutes=None if minutes is None else f"{minutes:.2f} min (median)",
        score=score,
        agreement=together,
        noticed=tuple(measured.noticed),
        hard_cases=tuple(measured.hard_cases),
    )


# ---------------------------------------------------------------- what rules and advice read

# The answers a measurement stands in for, and how to read it from the plan.
MEASURED_PATHS: tuple[str, ...] = ("heuristics.coverage", "heuristics.accuracy", "by_hand.examples")
MEASURED_PATHS += ("by_hand.label_agreement", "by_hand.double_labelled")


def source_of(plan: Plan, path: str) -> str | None:
    """Where the value at `path` comes from when a measurement supplies it (for evidence), else None."""
    if path in ("heuristics.coverage", "heuristics.accuracy"):
        figure = rule_coverage(plan) if path.endswith("coverage") else rule_accuracy(plan)
        return figure.source if figure is not None and figure.measured else None
    hand = plan.by_hand.measured
    if path in MEASURED_PATHS and hand is not None:
        if path.endswith("label_agreement") or path.endswith("double_labelled"):
            return provenance(hand.sample).replace("measured", "measured by hand", 1) if hand.shared else None
        return provenance(hand.sample).replace("measured", "done by hand", 1)
    return None


def effective(plan: Plan) -> Plan:
    """The plan as rules and advice read it: measured figures in place of typed ones, where measured."""
    coverage, accuracy = rule_coverage(plan), rule_accuracy(plan)
    hand = plan.by_hand.measured
    measured_rules = coverage is not None and coverage.measured
    if not measured_rules and hand is None:
        return plan
    copy = plan.model_copy(deep=True)
    if coverage is not None and coverage.measured:
        copy.heuristics.coverage = round(coverage.value, 4)
    if accuracy is not None and accuracy.measured:
        copy.heuristics.accuracy = round(accuracy.value, 4)
    if hand is not None:
        copy.by_hand.examples = hand.examples
        agreed = agreement(hand)
        if agreed is not None and hasattr(copy.by_hand, "label_agreement"):
            copy.by_hand.label_agreement = round(agreed, 4)
            copy.by_hand.double_labelled = hand.shared
    return copy


def rules_worth_shipping(plan: Plan, floor: tuple[float, float]) -> tuple[float, float] | None:
    """(coverage, accuracy) of rules that handle a real share well, at least `floor` of each: measured on a
    sample when the plan has it (`planner measure`), typed otherwise."""
    coverage, accuracy = rule_coverage(plan), rule_accuracy(plan)
    if coverage is None or accuracy is None:
        return None
    low_coverage, low_accuracy = floor
    if coverage.value < low_coverage or accuracy.value < low_accuracy:
        return None
    return coverage.value, accuracy.value
