"""`planner measure` on real DuckDB and real files: figures checked by hand, hostile predicates refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
import yaml
from click.testing import CliRunner

from planner.cli.main import cli
from planner.core.stats import cohen_kappa, fleiss_kappa, wilson
from planner.judgement.measured import rule_accuracy, rule_coverage, rules_plus_people
from planner.plan.workspace import Workspace

from .conftest import MakeWorkspace

# Ten orders; by hand (rule 1: amount > 5000 -> fraud, rule 2: country NG -> fraud, rule 3: amount < 60 -> ok):
#   rule 1 fires on 2 3 5 8 (3 right, 5 wrong); rule 2 on 6 7 8 (6 8 right); rule 3 on 4 6 7 9 (6 wrong)
#   overlaps: rule 1 {8}, rule 2 {6 7 8}, rule 3 {6 7}; conflicts (fraud vs ok): rules 2 and 3 on {6 7}
#   first match wins: 2 3 5 8 -> rule 1, 6 7 -> rule 2, 4 9 -> rule 3: 8 covered, 6 right (5 and 7 wrong)
SAMPLE = """\
id,amount,country,label
1,100,FR,ok
2,6000,FR,fraud
3,7000,US,fraud
4,50,US,ok
5,9000,FR,ok
6,20,NG,fraud
7,30,NG,ok
8,8000,NG,fraud
9,10,FR,ok
10,,US,ok
"""
PLAN = """\
title: Fraud screening
product:
  outcomes: [ok, fraud]
heuristics:
  rules:
  - condition: big amount
    action: hold the order
    when: amount > 5000
    predicts: fraud
  - condition: risky country
    action: hold the order
    when: country = 'NG'
    predicts: fraud
  - condition: tiny amount
    action: ship it
    when: amount < 60
    predicts: ok
  - condition: anything odd
    action: ask a person
  coverage: 0.5
by_hand:
  human_score: 0.9
"""


def workspace(make_workspace: MakeWorkspace, plan: str = PLAN) -> Path:
    return make_workspace({"mkdocs.yml": "site_name: t\n", "plans/fraud/plan.yaml": plan, "s.csv": SAMPLE})


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def convert(root: Path, suffix: str) -> Path:
    """The same sample as Parquet or JSON lines, written by DuckDB itself."""
    target = root / f"s{suffix}"
    fmt = "(FORMAT parquet)" if suffix == ".parquet" else "(FORMAT json)"
    duckdb.execute(f"COPY (SELECT * FROM read_csv('{root / 's.csv'}')) TO '{target}' {fmt}")
    return target


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_figures_match_the_hand_count_on_csv_parquet_and_json_lines(
    make_workspace: MakeWorkspace, suffix: str
) -> None:
    root = workspace(make_workspace)
    sample = "s.csv" if suffix == ".csv" else convert(root, suffix).name
    code, out, err = run("measure", "fraud", "--sample", sample, "--label", "label", "--format", "json")
    assert (code, err) == (0, "saved in plans/fraud/plan.yaml (heuristics.measured)\n")
    data = json.loads(out)
    rules = data["rules"]
    assert [r["coverage"] for r in rules] == [0.4, 0.3, 0.4, None]
    assert [r["accuracy"] for r in rules] == [0.75, pytest.approx(2 / 3, abs=1e-6), 0.75, None]
    assert [r["overlaps"] for r in rules[:3]] == [0.1, 0.3, 0.2]
    assert [r["conflicts"] for r in rules[:3]] == [0.0, 0.2, 0.2]
    assert [(r["correct"], r["incorrect"]) for r in rules[:3]] == [(3, 1), (2, 1), (3, 1)]
    cascade = data["cascade"]
    assert (cascade["coverage"], cascade["accuracy"], cascade["left_to_people"]) == (0.8, 0.75, 0.2)
    # Wilson 95% for 6 of 8, by hand: centre 0.6689, half-width 0.2596
    assert cascade["accuracy_interval"] == pytest.approx([0.4093, 0.9285], abs=1e-4)
    assert cascade["rules_plus_people"]["accuracy"] == pytest.approx(0.8 * 0.75 + 0.2 * 0.9)
    assert rules[0]["wrong_examples"] == [{"id": "5", "label": "ok", "amount": "9000"}]
    saved = yaml.safe_load((root / "plans/fraud/plan.yaml").read_text(encoding="utf-8"))
    measured = saved["heuristics"]["measured"]
    assert measured["sample"]["file"] == sample and measured["sample"]["rows"] == 10
    assert measured["sample"]["label"] == "label" and len(measured["sample"]["sha256"]) == 64
    assert measured["cascade"] == {"covered": 8, "correct": 6, "judged": 8}
    assert measured["rules"][1] == {
        "rule": 2, "when": "country = 'NG'", "predicts": "fraud",
        "sha256": Workspace(root).load("fraud").heuristics.rules[1].fingerprint(), "fires": 3, "overlaps": 3, "conflicts": 2, "correct": 2, "incorrect": 1,
    }  # fmt: skip


def test_the_plan_prefers_measured_figures_and_says_so(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    plan = Workspace(root).load("fraud")
    typed = rule_coverage(plan)
    assert typed is not None and (typed.value, typed.source) == (0.5, "typed in heuristics.coverage")
    assert run("measure", "fraud", "--sample", "s.csv", "--label", "label")[0] == 0
    plan = Workspace(root).load("fraud")
    coverage, accuracy, both = rule_coverage(plan), rule_accuracy(plan), rules_plus_people(plan)
    assert coverage is not None and coverage.value == 0.8
    assert coverage.source.startswith("measured on s.csv (10 rows, ")
    assert accuracy is not None and accuracy.value == 0.75
    assert both is not None and both.value == pytest.approx(0.78)
    # A predicate changed since: the figures no longer describe the rules, so the typed answer is back.
    plan.heuristics.rules[0].when = "amount > 1000"
    stale = rule_coverage(plan)
    assert stale is not None
    assert stale.source == "typed in heuristics.coverage (measured before rule 1 changed: measure again)"


def test_without_a_label_only_coverage_overlaps_and_conflicts(make_workspace: MakeWorkspace) -> None:
    workspace(make_workspace)
    code, out, _ = run("measure", "fraud", "--sample", "s.csv", "--format", "json", "--dry-run")
    data = json.loads(out)
    assert code == 0 and [r["coverage"] for r in data["rules"]] == [0.4, 0.3, 0.4, None]
    assert {r["accuracy"] for r in data["rules"]} == {None}
    assert data["cascade"]["accuracy"] is None and data["cascade"]["left_to_people"] == 0.2
    assert "no --label column: coverage, overlaps and conflicts only" in data["notes"]


def test_text_and_markdown_show_the_table_the_cascade_and_wrong_rows(make_workspace: MakeWorkspace) -> None:
    workspace(make_workspace)
    code, out, _ = run("measure", "fraud", "--sample", "s.csv", "--label", "label", "--dry-run")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("1 "))
    assert row.split() == ["1", "fraud", "40%", "(16.8-68.7)", "10%", "0%", "3", "1", "75%", "(30.1-95.4)"]
    assert "  left to people  20%" in out
    assert "  rules + people  78% (50.7-92.3) right, people at 90%, typed in by_hand.human_score" in out
    assert "  rule 1 (predicts fraud): id='5', label='ok', amount='9000'" in out
    assert "note: rule 4 has no `when:` predicate and is left out of the cascade" in out
    code, out, _ = run("measure", "fraud", "--sample", "s.csv", "--format", "markdown", "--dry-run")
    assert code == 0 and r"| 1 | fraud | 40% \(16.8-68.7\) |" in out
    code, out, _ = run("measure", "fraud", "--sample", "s.csv", "--label", "label", "--sql")
    assert (
        code == 0
        and out.startswith("WITH flagged AS (")
        and "COALESCE((\n      amount > 5000\n    ), FALSE) AS f1" in out
    )


def _refused(root: Path, predicate: str) -> tuple[int, str]:
    plan_file = root / "plans/fraud/plan.yaml"
    before = PLAN.replace("when: amount > 5000", f"when: {json.dumps(predicate)}")
    plan_file.write_text(before, encoding="utf-8")
    code, out, err = run("measure", "fraud", "--sample", "s.csv", "--label", "label")
    assert plan_file.read_text(encoding="utf-8") == before, "a refused run changes nothing"
    assert out == ""
    return code, err


@pytest.mark.parametrize(
    "predicate",
    [
        "(SELECT count(*) FROM read_csv('secret.csv')) > 0",
        "(SELECT count(*) FROM read_text('/etc/hostname')) > 0",
        "(SELECT count(*) FROM glob('*')) > 0",
        "(SELECT count(*) FROM read_parquet('https://example.com/x.parquet')) > 0",
    ],
)
def test_a_predicate_reads_the_sample_and_nothing_else(make_workspace: MakeWorkspace, predicate: str) -> None:
    root = workspace(make_workspace)
    (root / "secret.csv").write_text("password\nhunter2\n", encoding="utf-8")
    code, err = _refused(root, predicate)
    assert code == 2
    assert err.startswith("error: rule 1 (heuristics.rules[0]).when `")
    assert "`: refused: it holds a subquery (a predicate reads one row of the table at a time" in err
    assert "a predicate is one condition over the columns; the sample's columns are: id, amount" in err


@pytest.mark.parametrize(
    ("predicate", "said"),
    [
        ("amount > 0; COPY sample TO 'out.csv'", "not a SQL expression: Parser Error: "),
        ("amount > 0) OR (ATTACH 'x.db'", "not a SQL expression: Parser Error: "),
        ("(SELECT count(*) FROM query('COPY sample TO ''out.csv''')) > 0", "refused: it holds a subquery"),
        (
            "amount > 0 AND current_setting('enable_external_access') = false",
            "`current_setting`, which is not",
        ),
        (
            "getenv('HOME') = '/root'",
            "refused: it holds the function `getenv`, which is not on the allow-list",
        ),
    ],
)
def test_statements_and_settings_changes_never_run(
    make_workspace: MakeWorkspace, predicate: str, said: str
) -> None:
    root = workspace(make_workspace)
    plan_file = root / "plans/fraud/plan.yaml"
    plan_file.write_text(
        PLAN.replace("when: amount > 5000", f"when: {json.dumps(predicate)}"), encoding="utf-8"
    )
    code, _, err = run("measure", "fraud", "--sample", "s.csv", "--label", "label", "--dry-run")
    assert said in err and code == 2
    assert not (root / "out.csv").exists() and not (root / "x.db").exists()


def test_refusals_name_the_rule_the_error_and_the_columns(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    code, err = _refused(root, "amunt > 5000")
    # planner's words around it are pinned; DuckDB's own sentence (which names the column) may change
    assert code == 2 and err.startswith("error: rule 1 (heuristics.rules[0]).when `amunt > 5000`: ")
    assert "there is no column 'amunt'" in err.split("`: ", 1)[1]
    assert err.endswith("; the sample's columns are: id, amount, country, label\n")
    code, err = _refused(root, "amount >")
    assert code == 2 and "when `amount >`: not a SQL expression: Parser Error: syntax error" in err
    code, err = _refused(root, "amount + 1")
    assert code == 2 and err == (
        "error: rule 1 (heuristics.rules[0]).when `amount + 1` gives a number, not true or false; "
        "compare it, e.g. `(amount + 1) > 0`\n"
    )
    code, err = _refused(root, "coalesce(amount, 0)")  # only DuckDB can tell its type
    assert code == 2 and err == (
        "error: rule 1 (heuristics.rules[0]).when gives BIGINT, not true or false; "
        "compare it, e.g. `(coalesce(amount, 0)) > 0`\n"
    )


def test_labels_the_plan_does_not_list_and_samples_that_do_not_load(make_workspace: MakeWorkspace) -> None:
    root = workspace(make_workspace)
    (root / "odd.csv").write_text(SAMPLE + "11,5,FR,chargeback\n", encoding="utf-8")
    code, _, err = run("measure", "fraud", "--sample", "odd.csv", "--label", "label")
    assert code == 2 and err == (
        "error: the label column 'label' of odd.csv holds values product.outcomes does not list: "
        "'chargeback' (1 rows); add them to product.outcomes (ok, fraud) or fix the sample\n"
    )
    (root / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    code, _, err = run("measure", "fraud", "--sample", "broken.parquet")
    assert code == 2 and err.startswith("error: cannot load broken.parquet: ")
    assert err.endswith("check that it is a CSV (with a header row), Parquet or JSON lines file\n")
    code, _, err = run("measure", "fraud", "--sample", "s.xlsx")
    assert (code, err) == (
        2,
        "error: no sample file s.xlsx; give the path of a CSV, Parquet or JSON lines file\n",
    )
    (root / "s.xlsx").write_bytes(b"")
    code, _, err = run("measure", "fraud", "--sample", "s.xlsx")
    assert code == 2 and err.startswith("error: cannot tell the format of s.xlsx from its name; name it .csv")
    assert "heuristics.measured" not in (root / "plans/fraud/plan.yaml").read_text(encoding="utf-8")


def test_statistics_against_textbook_values() -> None:
    assert wilson(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert wilson(0, 0) is None
    # Cohen's kappa: observed 0.7, by chance 0.5*0.6 + 0.5*0.4 = 0.5 -> (0.7 - 0.5) / 0.5 = 0.4
    first = ["a"] * 5 + ["b"] * 5
    second = ["a", "a", "a", "a", "b", "a", "a", "b", "b", "b"]
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    # Fleiss' kappa, Wikipedia's worked example (10 subjects, 14 raters, 5 categories): 0.210
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    rows = [[str(category) for category, count in enumerate(row) for _ in range(count)] for row in table]
    assert fleiss_kappa(rows) == pytest.approx(0.210, abs=1e-3)


def test_without_duckdb_measure_names_the_extra_to_install(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace(make_workspace)
    monkeypatch.setitem(sys.modules, "duckdb", None)  # what `import duckdb` finds when it is not installed
    assert run("measure", "fraud", "--sample", "s.csv", "--label", "label") == (
        2,
        "",
        "error: reading a sample needs DuckDB, which is not installed: "
        "pip install 'ml-project-planner[measure]'\n",
    )


# A sample as wide as scikit-learn's breast cancer table: names with spaces, 32 columns.
WIDE = ["id", "diagnosis"] + [f"{k} {m}" for k in ("mean", "se", "worst") for m in (
    "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
    "concave points", "symmetry", "fractal dimension")]  # fmt: skip
WIDE_PLAN = """\
title: Tumour triage
product:
  outcomes: [M, B]
heuristics:
  rules:
  - condition: very large worst area
    action: refer for biopsy
    when: '"worst area" > 1000 AND "mean radius" > 10'
    predicts: M
"""


def wide_workspace(make_workspace: MakeWorkspace) -> Path:
    rows = [",".join(WIDE)]
    for number in range(1, 7):
        values = [str(number * 300 + column) for column in range(len(WIDE) - 2)]
        rows.append(",".join([str(900 + number), "M" if number % 2 else "B", *values]))
    files = {
        "mkdocs.yml": "site_name: t\n",
        "plans/triage/plan.yaml": WIDE_PLAN,
        "cancer.csv": "\n".join(rows),
    }
    return make_workspace(files)


def test_wrong_rows_show_the_id_the_label_and_the_predicates_columns(make_workspace: MakeWorkspace) -> None:
    wide_workspace(make_workspace)
    code, out, _ = run("measure", "triage", "--sample", "cancer.csv", "--label", "diagnosis")
    assert code == 0
    wrong = out.split("Where rules fire wrongly\n", 1)[1].splitlines()
    # rows 4 and 6 are B; worst area is value 23 (from 0) of 30: 4 * 300 + 23 = 1223 > 1000
    assert wrong == [
        "  rule 1 (predicts M): id='904', diagnosis='B', worst area='1223', mean radius='1200'",
        "  rule 1 (predicts M): id='906', diagnosis='B', worst area='1823', mean radius='1800'",
    ]


def test_check_reads_every_predicate_without_duckdb(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = wide_workspace(make_workspace)
    assert run("measure", "triage", "--sample", "cancer.csv", "--label", "diagnosis")[0] == 0
    monkeypatch.setitem(sys.modules, "duckdb", None)  # `planner check` needs no [measure] extra
    assert run("check") == (0, "ok: plans/triage/plan.yaml\n", "")
    plan_file = root / "plans/triage/plan.yaml"
    measured = plan_file.read_text(encoding="utf-8")
    cases = {
        "when: worst area > 1000": (
            "plans/triage/plan.yaml:13: heuristics.rules[0].when: not a SQL expression (Invalid expression / "
            'Unexpected token); a column name with spaces goes in double quotes, `"worst area" > 1000`, '
            "and in plan.yaml the whole predicate then goes in single quotes: when: '\"worst area\" > 1000'"
        ),
        'when: "worst area" > 1000': (
            # the YAML parser's own words before it differ between libyaml and pure Python
            "; a predicate that starts with a double-quoted column goes whole in single quotes: "
            "when: '\"worst area\" > 1000'\n"
        ),
        "when: '\"worst aera\" > 1000'": (
            "plans/triage/plan.yaml:13: heuristics.rules[0].when: there is no column 'worst aera'; "
            f"cancer.csv's columns are: {', '.join(WIDE)}"
        ),
        "when: '\"worst area\" > 1000, id > 3'": "not a SQL expression (Invalid expression / Unexpected token)",
    }
    for line, said in cases.items():
        plan_file.write_text(measured.replace('when: \'"worst area" > 1000 AND "mean radius" > 10\'', line))
        code, out, err = run("check")
        assert code == 1 and said in out, out
        assert err == "error: 1 of 1 plan(s) have problems; fix the lines above\n"


def test_at_80_columns_the_table_folds_and_lines_break_between_words(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide_workspace(make_workspace)
    monkeypatch.setenv("COLUMNS", "80")  # the terminal's width, as a terminal sets it
    code, out, _ = run("measure", "triage", "--sample", "cancer.csv", "--label", "diagnosis", "--dry-run")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    assert "\nrule 1\n  predicts: M\n  coverage (95% ci): " in out
    assert (
        "  rules + people  unknown: no human score yet (run `planner try` or answer\n"
        "                  by_hand.human_score)\n"
    ) in out
    assert (
        "  rule 1 (predicts M): id='904', diagnosis='B', worst area='1223', mean\n    radius='1200'\n" in out
    )


def test_check_reads_the_header_duckdb_reads_semicolons_and_a_byte_order_mark(
    make_workspace: MakeWorkspace,
) -> None:
    root = wide_workspace(make_workspace)
    text = (root / "cancer.csv").read_text(encoding="utf-8")
    (root / "cancer.csv").write_text(
        "\ufeff" + text.replace(",", ";").replace("\n", "\r\n"), encoding="utf-8"
    )
    assert run("measure", "triage", "--sample", "cancer.csv", "--label", "diagnosis")[0] == 0
    assert run("check") == (0, "ok: plans/triage/plan.yaml\n", "")
