"""Measuring where the data lives: the query in each dialect, predicates checked on their syntax tree
for every dialect alike, and the one-row result read back (run for real in DuckDB)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import sqlglot
import yaml
from click.testing import CliRunner

from planner.cli.main import cli
from planner.evidence.predicates import DIALECTS, PredicateError, check, translate

from .conftest import MakeWorkspace
from .test_measure import PLAN, SAMPLE

DIALECT_NAMES = list(DIALECTS)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def workspace(make_workspace: MakeWorkspace, plan: str = PLAN) -> Path:
    return make_workspace({"mkdocs.yml": "site_name: t\n", "plans/fraud/plan.yaml": plan, "s.csv": SAMPLE})


@pytest.mark.parametrize("dialect", DIALECT_NAMES)
def test_every_dialects_query_parses_back_in_that_dialect(
    make_workspace: MakeWorkspace, dialect: str
) -> None:
    workspace(make_workspace)
    code, out, err = run(
        "measure", "fraud", "--sql", "--dialect", dialect, "--table", "analytics.orders", "--label", "label"
    )
    assert (code, err) == (0, "")
    parsed = sqlglot.parse_one(out, read=dialect)
    assert parsed.find(sqlglot.exp.Table) is not None
    assert [
        table.sql(dialect) for table in parsed.find_all(sqlglot.exp.Table) if table.name != "flagged"
    ] == ["analytics.orders"]
    names = [select.alias_or_name for select in parsed.selects]
    assert names[:5] == ["fires_1", "overlaps_1", "conflicts_1", "correct_1", "incorrect_1"]
    assert names[-5:] == ["query_sha256", "engine", "source_table", "label_column", "measured_on"]


def test_the_translation_speaks_each_engines_sql() -> None:
    tree = check(
        "regexp_matches(lower(body), 'vat|tax') AND amount // 3 > 1 AND contains(body, 'x')", "r"
    ).tree
    assert translate(tree, "bigquery").startswith("REGEXP_CONTAINS(LOWER(body), 'vat|tax')")
    assert translate(tree, "spark").startswith("LOWER(body) RLIKE 'vat|tax'")
    assert translate(tree, "postgres").startswith("LOWER(body) ~ 'vat|tax'")
    # Snowflake's REGEXP_LIKE matches the whole text; DuckDB's regexp_matches any part of it
    assert translate(tree, "snowflake").startswith("(REGEXP_INSTR(LOWER(body), 'vat|tax') > 0)")
    # contains() differs across engines (BigQuery ignores case, Postgres has none): strpos everywhere
    assert translate(tree, "trino").endswith("(STRPOS(body, 'x') > 0)")


@pytest.mark.parametrize(
    ("predicate", "dialect", "reason"),
    [
        ("regexp_matches(body, 'vat', 'i')", "spark", "Spark takes no flags in a regular-expression match"),
        ("regexp_matches(body, 'vat', 'i')", "bigquery", "BigQuery takes no flags"),
        ("TRY_CAST(amount AS INTEGER) > 3", "postgres", "Postgres has no TRY_CAST for every type"),
    ],
)
def test_a_predicate_a_dialect_cannot_express_is_named_with_the_reason(
    make_workspace: MakeWorkspace, predicate: str, dialect: str, reason: str
) -> None:
    workspace(make_workspace, PLAN.replace("when: country = 'NG'", f"when: {json.dumps(predicate)}"))
    code, out, err = run("measure", "fraud", "--sql", "--dialect", dialect, "--table", "orders")
    assert code == 2 and out == ""
    assert err.startswith(f"error: {DIALECTS[dialect]} cannot express what DuckDB measures here: rule 2 ")
    assert reason in err
    assert run("measure", "fraud", "--sql", "--table", "orders")[0] == 0  # DuckDB itself can


# The hostile cases DuckDB's lock-down refuses at run time are refused on the syntax tree, before any
# engine sees them, with the same words for every dialect.
HOSTILE = [
    ("(SELECT count(*) FROM read_csv('secret.csv')) > 0", "a subquery"),
    ("(SELECT count(*) FROM read_text('/etc/hostname')) > 0", "a subquery"),
    ("(SELECT count(*) FROM glob('*')) > 0", "a subquery"),
    ("(SELECT count(*) FROM read_parquet('https://example.com/x.parquet')) > 0", "a subquery"),
    ("amount IN (SELECT amount FROM sample)", "a subquery"),
    ("EXISTS (SELECT 1)", "a subquery"),
    ("current_setting('enable_external_access') = false", "the function `current_setting`"),
    ("getenv('HOME') = '/root'", "the function `getenv`"),
    ("length(read_blob('secret.csv')) > 0", "the function `read_blob`"),
    ("reflect('java.lang.Runtime', 'getRuntime') IS NOT NULL", "the function `reflect`"),
    ("java_method('java.lang.System', 'getenv', 'HOME') = 'x'", "the function `java_method`"),
    ("count(*) > 1", "the aggregate `count`"),
    ("sample.amount > 1", "names a column through a table"),
    ("? > 1", "a parameter"),
    ("list_filter([1, 2], x -> x > 1) = [2]", "the function"),
]


@pytest.mark.parametrize(("predicate", "said"), HOSTILE)
def test_hostile_predicates_are_refused_on_the_syntax_tree_for_every_dialect(
    make_workspace: MakeWorkspace, predicate: str, said: str
) -> None:
    with pytest.raises(PredicateError) as refused:
        check(predicate, "rule 1", ["id", "amount", "country", "label"])
    assert said in str(refused.value)
    root = workspace(make_workspace, PLAN.replace("when: amount > 5000", f"when: {json.dumps(predicate)}"))
    messages = set()
    for dialect in DIALECT_NAMES:
        code, out, err = run("measure", "fraud", "--sql", "--dialect", dialect, "--table", "orders")
        assert (code, out) == (2, "") and said in err
        messages.add(err)
    assert len(messages) == 1, "the same refusal whatever the dialect"
    code, _, err = run("measure", "fraud", "--sample", "s.csv")
    assert code == 2 and said in err
    assert "heuristics.measured" not in (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")


def test_a_table_name_is_a_name_and_nothing_else(make_workspace: MakeWorkspace) -> None:
    workspace(make_workspace)
    for name in ["orders; DROP TABLE orders", "read_parquet('x.parquet')", "orders o", "a.b.c.d"]:
        code, out, err = run("measure", "fraud", "--sql", "--dialect", "bigquery", "--table", name)
        assert (code, out) == (2, "") and err.startswith(f"error: --table {name!r} is not a table name; ")
    assert (
        run("measure", "fraud", "--sql", "--dialect", "bigquery", "--table", "my-project.ds.orders")[0] == 0
    )


def _run_in_duckdb(root: Path, query: str, target: Path, fmt: str) -> None:
    """What a team does with the printed query: run it where the table is and save the one row."""
    con = duckdb.connect()
    con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{root / 's.csv'}')")
    con.execute(f"COPY ({query.rstrip().rstrip(';')}) TO '{target}' {fmt}")
    con.close()


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".csv", "(FORMAT csv, HEADER)"), (".json", "(FORMAT json, ARRAY true)")]
)
def test_the_results_file_round_trips_to_the_same_figures(
    make_workspace: MakeWorkspace, suffix: str, fmt: str
) -> None:
    root = workspace(make_workspace)
    code, direct, _ = run(
        "measure", "fraud", "--sample", "s.csv", "--label", "label", "--format", "json", "--dry-run"
    )
    assert code == 0
    code, query, _ = run("measure", "fraud", "--sql", "--table", "orders", "--label", "label")
    assert code == 0
    result = root / f"result{suffix}"
    _run_in_duckdb(root, query, result, fmt)
    code, out, err = run("measure", "fraud", "--results", result.name, "--format", "json")
    assert (code, err) == (0, "saved in plans/fraud/plan.yaml (heuristics.measured)\n")
    read, ran = json.loads(out), json.loads(direct)
    for key in (
        "coverage",
        "coverage_interval",
        "accuracy",
        "accuracy_interval",
        "fires",
        "correct",
        "incorrect",
    ):
        assert [rule[key] for rule in read["rules"]] == [rule[key] for rule in ran["rules"]]
    assert read["cascade"] == ran["cascade"]
    saved = yaml.safe_load((root / "plans/fraud/plan.yaml").read_text(encoding="utf-8"))["heuristics"][
        "measured"
    ]
    sample = saved["sample"]
    assert (sample["engine"], sample["table"], sample["rows"], sample["label"]) == (
        "duckdb",
        "orders",
        10,
        "label",
    )
    assert sample["query_sha256"] == ran["sample"]["query_sha256"] and "file" not in sample
    assert saved["cascade"] == {"covered": 8, "correct": 6, "judged": 8}
    code, text, _ = run("risks", "fraud")
    assert "measured on table orders in DuckDB (10 rows, " in text


def test_a_results_file_of_other_rules_or_not_a_result_is_refused(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    code, query, _ = run("measure", "fraud", "--sql", "--table", "orders")
    _run_in_duckdb(root, query, root / "r.csv", "(FORMAT csv, HEADER)")
    plan_file = root / "plans/fraud/plan.yaml"
    plan_file.write_text(PLAN.replace("amount > 5000", "amount > 4000"), encoding="utf-8")
    code, out, err = run("measure", "fraud", "--results", "r.csv")
    assert (code, out) == (2, "")
    assert err.startswith("error: r.csv holds figures of another query (sha256 ")
    assert (
        "the rules or the label changed since; print the query again with `planner measure fraud --sql" in err
    )
    (root / "two.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    code, _, err = run("measure", "fraud", "--results", "two.csv")
    assert code == 2 and err.startswith(
        "error: two.csv holds 2 rows; the measuring query returns exactly one"
    )
    (root / "other.json").write_text('{"fires_1": 3}', encoding="utf-8")
    code, _, err = run("measure", "fraud", "--results", "other.json")
    assert code == 2 and err.startswith("error: other.json has no column query_sha256, engine, source_table")
    code, _, err = run("measure", "fraud", "--results", "r.csv", "--sample", "s.csv")
    assert code == 2 and "--results reads everything it needs from the file alone" in err
    assert "measured" not in plan_file.read_text(encoding="utf-8")
