"""`planner measure`: a plan's rule predicates run on a sample (Snorkel's LFAnalysis figures) and the cascade."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.core import formatting
from planner.core.errors import UsageError
from planner.core.stats import share, wilson
from planner.evidence.sample import (
    TABLE,
    QueryFailed,
    Sample,
    SampleError,
    open_sample,
    sql_name,
    sql_string,
)
from planner.judgement.measured import Figure, human_score
from planner.plan.model import MeasuredCascade, MeasuredRule, MeasuredRules, Plan, Rule, SampleInfo
from planner.plan.workspace import Workspace

EXAMPLES = 3  # wrong rows shown per rule
CELL = 60  # characters of a cell shown in an example row


@dataclass(frozen=True)
class RuleResult:
    """One rule in plan order; `when` None means it has no predicate and was not measured."""

    number: int
    condition: str
    when: str | None
    predicts: str | None
    rows: int = 0
    fires: int = 0
    overlaps: int = 0
    conflicts: int = 0
    correct: int | None = None
    incorrect: int | None = None
    wrong: tuple[dict[str, str], ...] = ()

    @property
    def measured(self) -> bool:
        return self.when is not None

    @property
    def coverage(self) -> float | None:
        return share(self.fires, self.rows) if self.measured else None

    @property
    def accuracy(self) -> float | None:
        if self.correct is None or self.incorrect is None:
            return None
        return share(self.correct, self.correct + self.incorrect)

    def intervals(self) -> dict[str, tuple[float, float] | None]:
        judged = (self.correct or 0) + (self.incorrect or 0)
        return {
            "coverage": wilson(self.fires, self.rows) if self.measured else None,
            "accuracy": wilson(self.correct or 0, judged) if self.accuracy is not None else None,
        }


@dataclass(frozen=True)
class Cascade:
    rows: int
    covered: int
    correct: int | None
    judged: int | None
    people: Figure | None  # how well people do, for rules plus people
    combined: Figure | None

    @property
    def coverage(self) -> float | None:
        return share(self.covered, self.rows)

    @property
    def accuracy(self) -> float | None:
        return share(self.correct, self.judged) if self.correct is not None and self.judged else None

    @property
    def left_to_people(self) -> float | None:
        return None if self.coverage is None else 1 - self.coverage


@dataclass(frozen=True)
class Analysis:
    slug: str
    sample: SampleInfo
    rules: tuple[RuleResult, ...]
    cascade: Cascade
    sql: str
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Prepared:
    number: int
    rule: Rule
    when: str  # as DuckDB re-prints it after parsing
    prediction: str | None  # SQL giving the predicted outcome as text


def _prediction(rule: Rule, sample: Sample, where: str) -> str | None:
    if rule.predicts is not None:
        return sql_string(rule.predicts)
    if rule.predicts_column is not None:
        sample.require_column(rule.predicts_column, f"{where}.predicts_column")
        return f"CAST({sql_name(rule.predicts_column)} AS VARCHAR)"
    return None


def _prepare(plan: Plan, sample: Sample, slug: str) -> list[_Prepared]:
    prepared = []
    for number, rule in enumerate(plan.heuristics.rules, 1):
        if rule.when is None:
            continue
        where = f"rule {number} (heuristics.rules[{number - 1}])"
        when, kind = sample.expression(rule.when, f"{where}.when `{' '.join(rule.when.split())}`")
        if kind != "BOOLEAN":
            raise SampleError(
                f"{where}.when gives {kind}, not true or false; compare it, e.g. `({rule.when}) > 0`"
            )
        prepared.append(_Prepared(number, rule, when, _prediction(rule, sample, where)))
    if not prepared:
        raise UsageError(
            f"no rule of {slug} has a `when:` predicate to run; add one under a rule in heuristics.rules, "
            "e.g. `when: amount > 5000 AND account_age_days < 30` with `predicts: fraud`"
        )
    return prepared


def _check_outcomes(plan: Plan, sample: Sample, label: str | None, rules: list[_Prepared]) -> None:
    """Predictions and labels must be outcomes the plan lists (when it lists them)."""
    outcomes = plan.product.outcomes
    if not outcomes:
        return
    for item in rules:
        if item.rule.predicts is not None and item.rule.predicts not in outcomes:
            raise SampleError(
                f"rule {item.number} predicts {item.rule.predicts!r}, which product.outcomes does not list "
                f"({', '.join(outcomes)}); fix the rule or add the outcome"
            )
    if label is None:
        return
    listed = ", ".join(sql_string(outcome) for outcome in outcomes)
    found = sample.query(
        f"SELECT CAST({sql_name(label)} AS VARCHAR) AS v, count(*) FROM {TABLE} "
        f"WHERE {sql_name(label)} IS NOT NULL AND v NOT IN ({listed}) GROUP BY v ORDER BY 2 DESC, 1 LIMIT 6"
    )
    if found:
        shown = ", ".join(f"{value!r} ({count:,} rows)" for value, count in found[:5])
        more = " and more" if len(found) > 5 else ""
        raise SampleError(
            f"the label column {label!r} of {sample.file} holds values product.outcomes does not list: "
            f"{shown}{more}; add them to product.outcomes ({', '.join(outcomes)}) or fix the sample"
        )


def figures_sql(rules: list[_Prepared], label: str | None) -> str:
    """One query that computes every figure in one pass; plain SQL, so it runs in a warehouse too."""
    y = f"CAST({sql_name(label)} AS VARCHAR)" if label else "NULL::VARCHAR"
    flags = [f"COALESCE(({item.when}), false) AS f{item.number}" for item in rules]
    preds = [f"{item.prediction or 'NULL::VARCHAR'} AS p{item.number}" for item in rules]
    columns = ",\n    ".join([f"{y} AS y", *flags, *preds])
    figures = []
    for item in rules:
        n = item.number
        others = [other for other in rules if other.number != n]
        anyone = " OR ".join(f"f{o.number}" for o in others) or "false"
        differ = " OR ".join(f"(f{o.number} AND p{o.number} <> p{n})" for o in others) or "false"
        figures += [
            f"count_if(f{n}) AS fires_{n}",
            f"count_if(f{n} AND ({anyone})) AS overlaps_{n}",
            f"count_if(f{n} AND ({differ})) AS conflicts_{n}",
            f"count_if(f{n} AND y = p{n}) AS correct_{n}",
            f"count_if(f{n} AND y <> p{n}) AS incorrect_{n}",
        ]
    fired = " OR ".join(f"f{item.number}" for item in rules)
    first = " ".join(f"WHEN f{item.number} THEN y = p{item.number}" for item in rules)
    figures += [
        "count(*) AS rows",
        f"count_if({fired}) AS covered",
        f"count_if(CASE {first} ELSE false END) AS cascade_correct",
        f"count_if(({fired}) AND y IS NOT NULL) AS cascade_judged",
    ]
    body = ",\n  ".join(figures)
    return f"WITH flagged AS (\n  SELECT\n    {columns}\n  FROM {TABLE}\n)\nSELECT\n  {body}\nFROM flagged"


def _failing_rule(sample: Sample, rules: list[_Prepared]) -> SampleError | None:
    """The first rule whose predicate fails on the sample's values by itself, named with its line in
    the plan and DuckDB's reason (the one query that runs them all cannot say which)."""
    for item in rules:
        try:
            sample.fetch(f"SELECT count_if(COALESCE(({item.when}), false)) FROM {TABLE}")
        except QueryFailed as exc:
            when = " ".join((item.rule.when or "").split())
            return SampleError(
                f"rule {item.number} (heuristics.rules[{item.number - 1}]).when `{when}` fails on "
                f"{sample.file}: {exc.reason}; fix that predicate (a cast such as `TRY_CAST(x AS INTEGER)` "
                "returns NULL instead of failing)"
            )
    return None


def _wrong_rows(sample: Sample, item: _Prepared, label: str) -> tuple[dict[str, str], ...]:
    names, rows = sample.fetch(
        f"SELECT * EXCLUDE (__p) FROM (SELECT *, {item.prediction} AS __p FROM {TABLE}) "
        f"WHERE COALESCE(({item.when}), false) AND CAST({sql_name(label)} AS VARCHAR) <> __p LIMIT {EXAMPLES}"
    )
    return tuple({name: _cell(value) for name, value in zip(names, row, strict=True)} for row in rows)


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= CELL else text[: CELL - 1] + "…"


def analyse(plan: Plan, sample: Sample, slug: str, label: str | None) -> Analysis:
    """Every figure `planner measure` reports, from one pass over the sample plus a few example rows."""
    if label is not None:
        sample.require_column(label, "--label")
    prepared = _prepare(plan, sample, slug)
    _check_outcomes(plan, sample, label, prepared)
    sql = figures_sql(prepared, label)
    try:
        names, found = sample.fetch(sql)
    except QueryFailed as exc:
        raise _failing_rule(sample, prepared) or exc from exc
    values = dict(zip(names, found[0], strict=True))
    rows = int(values["rows"])
    by_number = {item.number: item for item in prepared}
    results = []
    for number, rule in enumerate(plan.heuristics.rules, 1):
        item = by_number.get(number)
        shown = _shown_prediction(rule)
        if item is None:
            results.append(RuleResult(number, rule.condition, None, shown))
            continue
        judged = label is not None and item.prediction is not None
        results.append(
            RuleResult(
                number,
                rule.condition,
                rule.when,
                shown,
                rows=rows,
                fires=values[f"fires_{number}"],
                overlaps=values[f"overlaps_{number}"],
                conflicts=values[f"conflicts_{number}"],
                correct=values[f"correct_{number}"] if judged else None,
                incorrect=values[f"incorrect_{number}"] if judged else None,
                wrong=_wrong_rows(sample, item, label) if judged and label is not None else (),
            )
        )
    every_rule_predicts = all(item.prediction is not None for item in prepared)
    judged = label is not None and every_rule_predicts
    correct = values["cascade_correct"] if judged else None
    cascade_judged = values["cascade_judged"] if judged else None
    cascade = _cascade(plan, rows, values["covered"], correct, cascade_judged)
    notes = []
    skipped = [str(result.number) for result in results if not result.measured]
    if skipped:
        notes.append(f"rule {', '.join(skipped)} has no `when:` predicate and is left out of the cascade")
    if label is None:
        notes.append("no --label column: coverage, overlaps and conflicts only")
    elif not every_rule_predicts:
        notes.append("a rule has no `predicts:`: its accuracy and the cascade's cannot be judged")
    return Analysis(slug, sample.info(label), tuple(results), cascade, sql, tuple(notes))


def _shown_prediction(rule: Rule) -> str | None:
    if rule.predicts is not None:
        return rule.predicts
    return None if rule.predicts_column is None else f"column {rule.predicts_column}"


def _cascade(plan: Plan, rows: int, covered: int, correct: int | None, judged: int | None) -> Cascade:
    people = human_score(plan)
    combined = None
    if people is not None and correct is not None and judged and rows:
        coverage, accuracy = covered / rows, correct / judged
        low_a, high_a = wilson(correct, judged) or (accuracy, accuracy)
        low_h, high_h = people.interval or (people.value, people.value)
        combined = Figure(
            coverage * accuracy + (1 - coverage) * people.value,
            f"people at {formatting.share(people.value)}, {people.source}",
            (coverage * low_a + (1 - coverage) * low_h, coverage * high_a + (1 - coverage) * high_h),
        )
    return Cascade(rows, covered, correct, judged, people, combined)


def to_plan(plan: Plan, analysis: Analysis) -> Plan:
    """The plan with the measured figures (and where they come from) in heuristics.measured."""
    measured = MeasuredRules(
        sample=analysis.sample,
        rules=[
            MeasuredRule(
                rule=result.number,
                when=result.when,
                predicts=result.predicts,
                fires=result.fires,
                overlaps=result.overlaps,
                conflicts=result.conflicts,
                correct=result.correct,
                incorrect=result.incorrect,
            )
            for result in analysis.rules
            if result.when is not None
        ],
        cascade=MeasuredCascade(
            covered=analysis.cascade.covered,
            correct=analysis.cascade.correct,
            judged=analysis.cascade.judged,
        ),
    )
    updated = plan.model_copy(deep=True)
    updated.heuristics.measured = measured
    return updated


def shown_sample(workspace: Workspace, path: Path) -> str:
    """How the sample is named in messages and in the plan: relative to the workspace, else its name
    alone (an absolute path would put someone's home folder into a reviewed file)."""
    try:
        return path.resolve().relative_to(workspace.root.resolve()).as_posix()
    except ValueError:
        return path.name


def measure(
    workspace: Workspace, slug: str, path: Path, label: str | None, *, write: bool = True
) -> tuple[Analysis, Path | None]:
    """Run plan SLUG's rules on the sample; unless `write` is off, record the figures in the plan."""
    plan = workspace.load(slug)
    labels = [label, *(rule.predicts_column for rule in plan.heuristics.rules)]
    text = tuple(name for name in labels if name)  # compared as text with the plan's outcomes
    with open_sample(path, shown_sample(workspace, path), text=text) as sample:
        analysis = analyse(plan, sample, slug, label)
    if not write:
        return analysis, None
    with workspace.editing():
        latest = workspace.load(slug)
        workspace.save(slug, to_plan(latest, analysis))
    return analysis, workspace.plan_file(slug)
