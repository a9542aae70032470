"""`planner measure`: a plan's rule predicates run on a sample (Snorkel's LFAnalysis figures) and the cascade."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from planner.core import formatting
from planner.core.errors import UsageError
from planner.core.stats import share, wilson
from planner.evidence.progress import polled
from planner.evidence.sample import TABLE, QueryFailed, SampleError, open_sample, sql_name, sql_string
from planner.judgement.measured import Figure, human_score
from planner.plan.model import MeasuredCascade, MeasuredRule, MeasuredRules, Plan, Rule, SampleInfo
from planner.plan.workspace import Workspace

if TYPE_CHECKING:
    from sqlglot import exp

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
    sha256: str | None = None  # the rule's fingerprint: the predicate and prediction that ran

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


class Engine(Protocol):
    """What runs the measuring query: DuckDB on a sample file (`Sample`), or Spark (`evidence.spark`).
    Queries reach it in DuckDB's dialect; an engine with another dialect translates them."""

    file: str
    columns: dict[str, str]

    def require_column(self, name: str, what: str) -> None: ...

    def query(self, sql: str) -> list[tuple[Any, ...]]: ...

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]: ...

    def expression(self, text: str, where: str) -> tuple[str, str]: ...

    def info(self, label: str | None = None) -> SampleInfo: ...


@dataclass(frozen=True)
class Prepared:
    """A rule whose predicate passed the syntax-tree check, ready to run."""

    number: int
    rule: Rule
    when: str  # DuckDB's SQL, generated from the checked syntax tree (what runs is what was checked)
    prediction: str | None  # SQL giving the predicted outcome as text
    tree: exp.Expr


def _prediction(rule: Rule, columns: dict[str, str] | None, where: str) -> str | None:
    if rule.predicts is not None:
        return sql_string(rule.predicts)
    if rule.predicts_column is not None:
        if columns is not None and rule.predicts_column not in columns:
            raise SampleError(
                f"{where}.predicts_column {rule.predicts_column!r} is not a column; the columns are: "
                f"{', '.join(columns)}"
            )
        return f"CAST({sql_name(rule.predicts_column)} AS VARCHAR)"
    return None


def prepare(plan: Plan, slug: str, engine: Engine | None = None) -> list[Prepared]:
    """Every rule with a `when:`, checked on its syntax tree (against the engine's columns and typed
    by the engine when there is one); refused with the rule's place and the fix."""
    from planner.evidence.predicates import check

    columns = None if engine is None else engine.columns
    prepared = []
    for number, rule in enumerate(plan.heuristics.rules, 1):
        if rule.when is None:
            continue
        where = f"rule {number} (heuristics.rules[{number - 1}])"
        shown = f"{where}.when `{' '.join(rule.when.split())}`"
        checked = check(rule.when, shown, columns)
        if engine is not None:
            _, kind = engine.expression(checked.duckdb, shown)
            if kind != "BOOLEAN":
                raise SampleError(
                    f"{where}.when gives {kind}, not true or false; compare it, e.g. `({rule.when}) > 0`"
                )
        prepared.append(
            _Prepared(number, rule, checked.duckdb, _prediction(rule, columns, where), checked.tree)
        )
    if not prepared:
        raise UsageError(
            f"no rule of {slug} has a `when:` predicate to run; add one under a rule in heuristics.rules, "
            "e.g. `when: amount > 5000 AND account_age_days < 30` with `predicts: fraud`"
        )
    return prepared


_Prepared = Prepared


def check_outcomes(plan: Plan, rules: list[Prepared], engine: Engine | None, label: str | None) -> None:
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
    if label is None or engine is None:
        return
    listed = ", ".join(sql_string(outcome) for outcome in outcomes)
    value = f"CAST({sql_name(label)} AS VARCHAR)"
    found = engine.query(
        f"SELECT {value} AS v, count(*) AS n FROM {TABLE} WHERE {sql_name(label)} IS NOT NULL "
        f"AND {value} NOT IN ({listed}) GROUP BY {value} ORDER BY n DESC, v LIMIT 6"
    )
    if found:
        shown = ", ".join(f"{value!r} ({count:,} rows)" for value, count in found[:5])
        more = " and more" if len(found) > 5 else ""
        raise SampleError(
            f"the label column {label!r} of {engine.file} holds values product.outcomes does not list: "
            f"{shown}{more}; add them to product.outcomes ({', '.join(outcomes)}) or fix the sample"
        )


def figures_sql(rules: list[Prepared], label: str | None, meta: Sequence[str] = ()) -> str:
    """One query that computes every figure in one pass over the table `sample`, in DuckDB's dialect:
    without `meta` (columns that say what ran), the canonical query, whose sha256 names what ran on
    any engine (sqlglot translates it)."""
    y = f"CAST({sql_name(label)} AS VARCHAR)" if label else "CAST(NULL AS VARCHAR)"
    flags = [f"COALESCE(({item.when}), false) AS f{item.number}" for item in rules]
    preds = [f"{item.prediction or 'CAST(NULL AS VARCHAR)'} AS p{item.number}" for item in rules]
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
        "count(*) AS row_count",
        f"count_if({fired}) AS covered",
        f"count_if(CASE {first} ELSE false END) AS cascade_correct",
        f"count_if(({fired}) AND y IS NOT NULL) AS cascade_judged",
        *meta,
    ]
    body = ",\n  ".join(figures)
    return f"WITH flagged AS (\n  SELECT\n    {columns}\n  FROM {TABLE}\n)\nSELECT\n  {body}\nFROM flagged"


def query_sha256(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()


def figure_names(rules: list[Prepared]) -> list[str]:
    """The columns of the one-row result, in order."""
    names = []
    for item in rules:
        names += [
            f"{kind}_{item.number}" for kind in ("fires", "overlaps", "conflicts", "correct", "incorrect")
        ]
    return [*names, "row_count", "covered", "cascade_correct", "cascade_judged"]


def _failing_rule(engine: Engine, rules: list[Prepared]) -> SampleError | None:
    """The first rule whose predicate fails on the sample's values by itself, named with its line in
    the plan and DuckDB's reason (the one query that runs them all cannot say which)."""
    for item in rules:
        try:
            engine.fetch(f"SELECT count_if(COALESCE(({item.when}), false)) FROM {TABLE}")
        except QueryFailed as exc:
            when = " ".join((item.rule.when or "").split())
            return SampleError(
                f"rule {item.number} (heuristics.rules[{item.number - 1}]).when `{when}` fails on "
                f"{engine.file}: {exc.reason}; fix that predicate (a cast such as `TRY_CAST(x AS INTEGER)` "
                "returns NULL instead of failing)"
            )
    return None


def shown_columns(columns: Sequence[str], item: Prepared, label: str) -> list[str]:
    """The columns a wrong row shows: the sample's id (a column named `id` or `..._id`), the label,
    the column a rule predicts from, and the columns the predicate reads: enough to find the row and
    see why the rule fired, not the sample's every column."""
    from sqlglot import exp

    by_lower = {name.lower(): name for name in columns}
    ids = [name for name in columns if name.lower() == "id"] or [
        name for name in columns if name.lower().endswith(("_id", " id"))
    ]
    used = [by_lower.get(node.name.lower()) for node in item.tree.find_all(exp.Column, bfs=False)]
    predicted = [item.rule.predicts_column] if item.rule.predicts_column else []
    picked = [*ids[:1], label, *predicted, *sorted({name for name in used if name}, key=used.index)]
    return list(dict.fromkeys(picked))


def _wrong_rows(engine: Engine, item: Prepared, label: str) -> tuple[dict[str, str], ...]:
    shown = ", ".join(sql_name(name) for name in shown_columns(list(engine.columns), item, label))
    names, rows = engine.fetch(
        f"SELECT {shown} FROM {TABLE} WHERE COALESCE(({item.when}), false) "
        f"AND CAST({sql_name(label)} AS VARCHAR) <> {item.prediction} LIMIT {EXAMPLES}"
    )
    return tuple({name: _cell(value) for name, value in zip(names, row, strict=True)} for row in rows)


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= CELL else text[: CELL - 1] + "…"


def analyse(plan: Plan, engine: Engine, slug: str, label: str | None) -> Analysis:
    """Every figure `planner measure` reports, from one pass over the sample plus a few example rows."""
    if label is not None:
        engine.require_column(label, "--label")
    prepared = prepare(plan, slug, engine)
    check_outcomes(plan, prepared, engine, label)
    sql = figures_sql(prepared, label)
    try:
        names, found = engine.fetch(sql)
    except QueryFailed as exc:
        raise _failing_rule(engine, prepared) or exc from exc
    values = dict(zip(names, found[0], strict=True))
    wrong = {}
    if label is not None:
        wrong = {item.number: _wrong_rows(engine, item, label) for item in prepared if item.prediction}
    info = engine.info(label).model_copy(update={"query_sha256": query_sha256(sql)})
    return from_counts(plan, slug, prepared, values, info, wrong)


def from_counts(
    plan: Plan,
    slug: str,
    prepared: list[Prepared],
    values: dict[str, Any],
    info: SampleInfo,
    wrong: dict[int, tuple[dict[str, str], ...]] | None = None,
) -> Analysis:
    """The figures from the one-row result of the measuring query, whichever engine ran it."""
    label = info.label
    rows = int(values["row_count"])
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
                fires=int(values[f"fires_{number}"]),
                overlaps=int(values[f"overlaps_{number}"]),
                conflicts=int(values[f"conflicts_{number}"]),
                correct=int(values[f"correct_{number}"]) if judged else None,
                incorrect=int(values[f"incorrect_{number}"]) if judged else None,
                wrong=(wrong or {}).get(number, ()),
                sha256=rule.fingerprint(),
            )
        )
    every_rule_predicts = all(item.prediction is not None for item in prepared)
    judged = label is not None and every_rule_predicts
    correct = int(values["cascade_correct"]) if judged else None
    cascade_judged = int(values["cascade_judged"]) if judged else None
    cascade = _cascade(plan, rows, int(values["covered"]), correct, cascade_judged)
    notes = []
    skipped = [str(result.number) for result in results if not result.measured]
    if skipped:
        notes.append(f"rule {', '.join(skipped)} has no `when:` predicate and is left out of the cascade")
    if label is None:
        notes.append("no --label column: coverage, overlaps and conflicts only")
    elif not every_rule_predicts:
        notes.append("a rule has no `predicts:`: its accuracy and the cascade's cannot be judged")
    return Analysis(slug, info, tuple(results), cascade, figures_sql(prepared, label), tuple(notes))


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
            f"people at {formatting.share(people.value)}{' ' if people.measured else ', '}{people.source}",
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
                sha256=result.sha256,
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


def who(workspace: Workspace) -> str | None:
    """Who is measuring, as git knows them (nobody, without failing, when git does not)."""
    from planner.core.errors import PlannerError
    from planner.plan.history import git_author

    try:
        return git_author(workspace.root).split("<")[0].strip() or None
    except PlannerError:
        return None


def record(workspace: Workspace, slug: str, analysis: Analysis) -> Path:
    """Write the figures into plan SLUG (heuristics.measured), under the workspace lock."""
    with workspace.editing():
        latest = workspace.load(slug)
        workspace.save(slug, to_plan(latest, analysis))
    return workspace.plan_file(slug)


def measure(
    workspace: Workspace,
    slug: str,
    path: Path,
    label: str | None,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Run plan SLUG's rules on the sample in DuckDB (`record` writes the figures into the plan);
    `progress` hears how far the running query is, every half second, on a big sample."""
    plan = workspace.load(slug)
    labels = [label, *(rule.predicts_column for rule in plan.heuristics.rules)]
    text = tuple(name for name in labels if name)  # compared as text with the plan's outcomes
    opened = open_sample(path, shown_sample(workspace, path), text=text)
    with opened as sample, _duckdb_progress(sample.con, sample.rows, progress):
        analysis = analyse(plan, sample, slug, label)
    return with_provenance(analysis, engine="duckdb", by=who(workspace))


def _duckdb_progress(con: Any, rows: int, report: Callable[[str], None] | None) -> Any:
    """`DuckDB: 45% of 10,000,000 rows` while a query runs (DuckDB's own bar would print into stdout)."""

    def line() -> str | None:
        percent = con.query_progress()
        return f"DuckDB: {percent:.0f}% of {rows:,} rows" if percent >= 0 else None

    return polled(line, report)


def with_provenance(analysis: Analysis, **fields: Any) -> Analysis:
    return replace(analysis, sample=analysis.sample.model_copy(update=fields))
