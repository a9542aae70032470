"""`planner measure --spark` in a real local Spark session: the same counts as DuckDB on the same Parquet
file. One session for the module (a JVM takes seconds to start); skipped, saying why, without Java or
the `spark` extra (CI installs both)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from click.testing import CliRunner

from planner.cli.main import cli

from .conftest import MakeWorkspace

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]

# Rules that use what teams write: regular expressions, ILIKE, contains, IN, BETWEEN, CASE, casts,
# a prediction read from a column, NULLs in the data, a division (float in both engines).
PLAN = """\
title: Ticket routing
product:
  outcomes: [Billing, Access, Bank Sync, Bugs]
heuristics:
  rules:
  - condition: picked a topic
    action: route there
    when: topic IS NOT NULL AND topic <> 'Other'
    predicts_column: topic
  - condition: login words
    action: Access
    when: regexp_matches(lower(body), 'password|2fa|locked out') AND NOT contains(body, 'bank')
    predicts: Access
  - condition: bank words
    action: Bank Sync
    when: body ILIKE '%bank%' OR regexp_matches(body, 'HSBC|Monzo')
    predicts: Bank Sync
  - condition: big invoices
    action: Billing
    when: amount / 3 > 1000 AND region IN ('EU', 'UK') AND seats BETWEEN 2 AND 50
    predicts: Billing
  - condition: crash reports
    action: Bugs
    when: "CASE WHEN length(body) > 40 THEN regexp_matches(body, 'crash|error [0-9]+') ELSE false END"
    predicts: Bugs
  - condition: cheap plans
    action: Billing
    when: TRY_CAST(plan_code AS INTEGER) < 3
    predicts: Billing
"""


def _sample(target: Path, rows: int = 3000) -> None:
    """A Parquet file DuckDB writes with every kind of value the rules read, NULLs included."""
    duckdb.execute(
        f"""
        COPY (
          SELECT
            i AS id,
            CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'Other' WHEN 2 THEN 'Billing' WHEN 3 THEN 'Access'
              ELSE 'Bugs' END AS topic,
            CASE i % 11
              WHEN 0 THEN 'I forgot my Password again'
              WHEN 1 THEN 'Bank feed from HSBC stopped'
              WHEN 2 THEN 'the app shows error ' || (i % 500) || ' and a crash on every start, please help'
              WHEN 3 THEN 'locked out after 2FA, my bank is Monzo'
              WHEN 4 THEN NULL
              ELSE 'question about invoice ' || i END AS body,
            CASE WHEN i % 13 = 0 THEN NULL ELSE (i * 37) % 9000 END AS amount,
            ['EU', 'UK', 'US', NULL][1 + i % 4] AS region,
            (i % 60) AS seats,
            CASE i % 5 WHEN 0 THEN 'x1' ELSE CAST(i % 6 AS VARCHAR) END AS plan_code,
            ['Billing', 'Access', 'Bank Sync', 'Bugs'][1 + (i * 7) % 4] AS queue
          FROM range({rows}) AS t(i)
        ) TO '{target}' (FORMAT parquet)
        """
    )


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="the `spark` extra is not installed: pip install -e '.[spark]'")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (Spark needs it): apt-get install default-jre-headless")
    from planner.evidence.spark import session

    with session() as running:
        yield running


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


FIGURES = (
    "fires",
    "coverage",
    "coverage_interval",
    "overlaps",
    "conflicts",
    "correct",
    "incorrect",
    "accuracy",
)


def test_spark_and_duckdb_count_the_same_on_the_same_parquet_file(
    make_workspace: MakeWorkspace, spark: Any
) -> None:
    root = make_workspace({"mkdocs.yml": "site_name: t\n", "plans/routing/plan.yaml": PLAN})
    _sample(root / "tickets.parquet")
    args = ("measure", "routing", "--sample", "tickets.parquet", "--label", "queue", "--format", "json")
    code, in_duckdb, err = run(*args, "--dry-run")
    assert (code, err) == (0, "")
    code, in_spark, err = run(*args, "--spark")
    assert (code, err) == (0, "saved in plans/routing/plan.yaml (heuristics.measured)\n")
    duck, sparked = json.loads(in_duckdb), json.loads(in_spark)
    for rule_d, rule_s in zip(duck["rules"], sparked["rules"], strict=True):
        assert rule_d["fires"] > 0, f"rule {rule_d['rule']} should fire on this sample"
        assert {key: rule_s[key] for key in FIGURES} == {key: rule_d[key] for key in FIGURES}
    assert sparked["cascade"] == duck["cascade"]
    measured = yaml.safe_load((root / "plans/routing/plan.yaml").read_text(encoding="utf-8"))["heuristics"][
        "measured"
    ]
    assert measured["sample"]["engine"] == "spark" and measured["sample"]["rows"] == 3000
    assert measured["sample"]["file"] == "tickets.parquet" and len(measured["sample"]["sha256"]) == 64
    assert measured["sample"]["query_sha256"] == duck["sample"]["query_sha256"], "one query, two engines"


def test_a_spark_table_the_printed_query_and_refusals(make_workspace: MakeWorkspace, spark: Any) -> None:
    root = make_workspace({"mkdocs.yml": "site_name: t\n", "plans/routing/plan.yaml": PLAN})
    _sample(root / "tickets.parquet", rows=500)
    spark.read.parquet(str(root / "tickets.parquet")).createOrReplaceTempView("tickets")
    code, by_table, err = run(
        "measure",
        "routing",
        "--spark",
        "--table",
        "tickets",
        "--label",
        "queue",
        "--format",
        "json",
        "--dry-run",
    )
    assert (code, err) == (0, "")
    code, by_file, _ = run(
        "measure",
        "routing",
        "--sample",
        "tickets.parquet",
        "--label",
        "queue",
        "--format",
        "json",
        "--dry-run",
    )
    assert json.loads(by_table)["cascade"] == json.loads(by_file)["cascade"]
    assert json.loads(by_table)["sample"]["table"] == "tickets"

    # What a team on Databricks does: print the query, run it there, record the one-row result.
    code, query, _ = run(
        "measure", "routing", "--sql", "--dialect", "spark", "--table", "tickets", "--label", "queue"
    )
    assert code == 0
    row = spark.sql(query).collect()[0].asDict()
    (root / "result.json").write_text(json.dumps(row, default=str), encoding="utf-8")
    code, out, err = run("measure", "routing", "--results", "result.json", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["cascade"] == json.loads(by_file)["cascade"]
    assert json.loads(out)["sample"]["engine"] == "spark"

    # Refused on the syntax tree before Spark sees it, in the words DuckDB's run uses.
    hostile = PLAN.replace(
        "when: topic IS NOT NULL AND topic <> 'Other'",
        "when: reflect('java.lang.System', 'exit', '0') IS NULL",
    )
    (root / "plans/routing/plan.yaml").write_text(hostile, encoding="utf-8")
    code, out, err = run("measure", "routing", "--spark", "--table", "tickets")
    assert (code, out) == (2, "")
    assert "refused: it holds the function `reflect`, which is not on the allow-list" in err
    assert err == run("measure", "routing", "--sample", "tickets.parquet")[2].replace("sample's", "sample's")
    typed = PLAN.replace("when: topic IS NOT NULL AND topic <> 'Other'", "when: coalesce(seats, 0)")
    (root / "plans/routing/plan.yaml").write_text(typed, encoding="utf-8")
    code, _, err = run("measure", "routing", "--spark", "--table", "tickets")
    assert code == 2 and err.startswith(
        "error: rule 1 (heuristics.rules[0]).when gives BIGINT, not true or false"
    )
