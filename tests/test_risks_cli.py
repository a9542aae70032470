"""`planner rules`, `planner risks` and `planner check --fail-on` as a user sees them: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from planner.cli.main import cli
from planner.judgement.rules import CATALOGUE
from planner.plan.planfile import plan_to_text
from tests.conftest import MakeWorkspace
from tests.test_review import patched

HOSTILE = "<script>alert(1)</script> | [x](javascript:alert(1)) *b* @team `code`"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout, result.stderr


def plan(**changes: Any) -> str:
    return plan_to_text(patched({key.replace("__", "."): value for key, value in changes.items()}))


@pytest.fixture
def workspace(make_workspace: MakeWorkspace) -> Path:
    """Three plans: one clean, one with an open medium risk, one with an open high risk."""
    return make_workspace(
        {
            "plans/clean/plan.yaml": plan(),
            "plans/medium/plan.yaml": plan(constraints__data__versioned=False),
            "plans/high/plan.yaml": plan(constraints__data__labels="none"),
        }
    )


HIGH_LINE = (
    "plans/high/plan.yaml: open high risk no-labels (score 20): No labels to learn from; change the plan "
    "or record the team's decision on it (accepted, mitigated or not_applicable)\n"
)
MEDIUM_LINE = (
    "plans/medium/plan.yaml: open medium risk unversioned-data (score 9): Raw data is not versioned; "
    "change the plan or record the team's decision on it (accepted, mitigated or not_applicable)\n"
)


def test_check_without_a_threshold_passes_plans_with_open_risks(workspace: Path) -> None:
    assert run("check") == (
        0,
        "ok: plans/clean/plan.yaml\nok: plans/high/plan.yaml\nok: plans/medium/plan.yaml\n",
        "",
    )


def test_check_fail_on_high_fails_only_on_an_open_high_risk(workspace: Path) -> None:
    assert run("check", "--fail-on", "high") == (
        1,
        "ok: plans/clean/plan.yaml\n" + HIGH_LINE + "ok: plans/medium/plan.yaml\n",
        "error: 1 of 3 plan(s) have problems; see the findings above\n",
    )
    assert run("check", "medium", "clean", "--fail-on", "high") == (
        0,
        "ok: plans/medium/plan.yaml\nok: plans/clean/plan.yaml\n",
        "",
    )


def test_check_fail_on_medium_also_fails_on_medium_risks(workspace: Path) -> None:
    assert run("check", "--fail-on", "medium") == (
        1,
        "ok: plans/clean/plan.yaml\n" + HIGH_LINE + MEDIUM_LINE,
        "error: 2 of 3 plan(s) have problems; see the findings above\n",
    )
    assert run("check", "clean", "--fail-on", "medium") == (0, "ok: plans/clean/plan.yaml\n", "")


def test_a_recorded_decision_lets_check_pass(workspace: Path) -> None:
    decision = [{"risk": "no-labels", "verdict": "accepted", "note": "Labelling starts in May", "by": "Ana"}]
    (workspace / "plans/high/plan.yaml").write_text(
        plan(constraints__data__labels="none", decisions=decision), encoding="utf-8"
    )
    assert run("check", "high", "--fail-on", "medium") == (0, "ok: plans/high/plan.yaml\n", "")
    code, out, _ = run("risks", "high")
    assert code == 0
    assert ["20", "high", "accepted", "no-labels", "data", "No", "labels", "to", "learn", "from"] in [
        line.split() for line in out.splitlines()
    ]
    assert "    - accepted by Ana: Labelling starts in May\n" in out


def test_a_decision_naming_an_unknown_risk_fails_check(make_workspace: MakeWorkspace) -> None:
    text = plan(decisions=[{"risk": "no-lables", "verdict": "accepted"}])
    make_workspace({"plans/typo/plan.yaml": text})
    at = text.splitlines().index("- risk: no-lables") + 1  # the line the decision names the risk on
    assert run("check") == (
        1,
        f"plans/typo/plan.yaml:{at}: decisions[0].risk: 'no-lables' is not a risk id (did you mean 'no-labels'?); "
        "use an id from `planner rules` or from the plan's own risks\n",
        "error: 1 of 1 plan(s) have problems; fix the lines above\n",
    )


def test_check_rejects_an_unknown_level(workspace: Path) -> None:
    code, out, err = run("check", "--fail-on", "low")
    assert (code, out) == (2, "")
    assert (
        "Invalid value for '--fail-on': 'low' is not one of 'high', 'medium', 'fold', 'moved-target', 'stale'."
        in err
    )


def test_schema_problems_are_still_reported_as_before(make_workspace: MakeWorkspace) -> None:
    make_workspace({"plans/bad/plan.yaml": "title: x\nimpact:\n  volume: -1\n"})
    code, out, err = run("check", "--fail-on", "high")
    assert code == 1
    assert out.startswith("plans/bad/plan.yaml:3: impact.volume: ")
    assert err == "error: 1 of 1 plan(s) have problems; fix the lines above\n"


def test_rules_lists_the_catalogue() -> None:
    code, out, err = run("rules")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[0].split() == ["ID", "CATEGORY", "SCORE", "TITLE"]
    assert len(lines) == len(CATALOGUE) + 1
    assert lines[1].split(maxsplit=3) == [
        "rules-may-suffice",
        "product",
        "16",
        "Plain rules may already be enough",
    ]
    assert any(line.split()[:3] == ["label-delay-exceeds-retraining", "data", "16"] for line in lines)


def test_risks_prints_the_register_with_evidence_advice_and_figures(workspace: Path) -> None:
    code, out, err = run("risks", "high")
    assert (code, err) == (0, "")
    assert out == (
        "Catch duplicate supplier invoices before they are paid  (high)\n"
        "1 open risk (1 high)\n"
        "\n"
        "SCORE  LEVEL  STATUS  ID         CATEGORY  TITLE\n"
        "20     high   open    no-labels  data      No labels to learn from\n"
        '    - constraints.data.labels: ["none"]\n'
        "\n"
        "Advice\n"
        "  In review: approve only with the high risks settled or accepted\n"
        "    Open: no-labels. Ask the team to change the plan so they no longer apply, or to record a\n"
        "    decision (accepted, mitigated, not applicable) with a note; `planner check --fail-on high` holds\n"
        "    the merge until then.\n"
        "  Collect labels before modelling\n"
        "    A model cannot be trained or judged without enough labels; plan who labels what and at what\n"
        '    cost, or log real outcomes from now on (constraints.data.labels: ["none"]).\n'
        "  Done criteria well posed: metric, baseline, target, time box, fold action\n"
        '    "Recall of duplicates at 95% precision" from 0.45 to 0.75 within 6 weeks; if it falls short:\n'
        "    Ship the two rules in the ERP and stop modelling.\n"
        "  Rules with people first, a model only for the rest\n"
        "    The rules handle 40% at 90%; the first model aims at the 60% they leave.\n"
        "  Judged live before it replaces today's process\n"
        "    Online validation: a shadow run (predict, do not act).\n"
        "  Labels people agree on\n"
        "    Two people agree on 93% of 150 double-labelled cases.\n"
        "\n"
        "Figures\n"
        "  items per month: 12,000\n"
        "  impact estimate: 28,800 EUR per month\n"
        "  people decide every case; the model advises on 60% of them\n"
    )


def test_a_tool_that_augments_people_says_they_decide_every_case(make_workspace: MakeWorkspace) -> None:
    make_workspace({"plans/aid/plan.yaml": plan(product__mode="augment", impact__share_addressed=1.0)})
    code, out, err = run("risks", "aid")
    assert (code, err) == (0, "")
    assert "  people decide every case; the model advises on 100% of them\n" in out
    assert "left to people" not in out  # not "0%": people keep every decision
    code, out, _ = run("risks", "aid", "--format", "json")
    assert json.loads(out)["figures"]["share_left_to_humans"] == 0
    # An augmenting tool that also pays or sends on its own does not leave every decision to people.
    make_workspace(
        {
            "plans/aid/plan.yaml": plan(
                product__mode="augment",
                product__circumstances=["commits_alone"],
                impact__share_addressed=0.35,
            )
        }
    )
    code, out, _ = run("risks", "aid")
    assert "people decide every case" not in out and "  left to people: 65% of cases\n" in out


def test_a_value_per_item_not_measured_gives_no_estimate_and_says_why(make_workspace: MakeWorkspace) -> None:
    make_workspace({"plans/fraud/plan.yaml": plan(impact__value_per_item="not measured")})
    code, out, err = run("risks", "fraud")
    assert (code, err) == (0, "")
    assert "  impact estimate: none yet, the value per item is not measured\n" in out
    assert "impact-small-for-effort" not in out  # no value is not a small one
    code, out, _ = run("risks", "fraud", "--format", "json")
    assert json.loads(out)["figures"]["monthly_value"] is None
    # The share of items that gain the value takes 'not measured' as its siblings do.
    make_workspace({"plans/fraud/plan.yaml": plan(impact__benefit_share="not measured")})
    code, out, err = run("risks", "fraud")
    assert (code, err) == (0, "")
    assert "  impact estimate: none yet, the share of items that gain the value is not measured\n" in out


def test_a_volume_in_tonnes_is_not_called_items(make_workspace: MakeWorkspace) -> None:
    scrap = plan(
        impact__bottleneck="Graders sort the tonnes of scrap at the gate", impact__value_unit="EUR per tonne"
    )
    make_workspace({"plans/scrap/plan.yaml": scrap})
    code, out, err = run("risks", "scrap")
    assert (code, err) == (0, "")
    assert "  tonnes per month: 12,000\n" in out and "items per month" not in out


def test_a_job_run_once_counts_its_backlog_in_all_not_a_month(make_workspace: MakeWorkspace) -> None:
    once = plan(impact__period="once", constraints__retraining__cadence="never")
    make_workspace({"plans/archive/plan.yaml": once})
    code, out, err = run("risks", "archive")
    assert (code, err) == (0, "")
    assert "  items in all, once: 12,000\n" in out and "  impact estimate: 28,800 EUR once, in all\n" in out
    assert "per month" not in out and " a month" not in out
    code, out, _ = run("risks", "archive", "--format", "json")
    figures = json.loads(out)["figures"]
    assert (figures["items_per_month"], figures["monthly_value"]) == (None, None)
    assert (figures["items_in_all"], figures["value_in_all"], figures["value_unit"]) == (12000, 28800, "EUR")


def test_a_forecast_of_tonnes_counts_its_forecasts_not_tonnes(make_workspace: MakeWorkspace) -> None:
    salt = plan(
        product__task="forecasting",
        product__output="Tonnes of salt each depot will spread tomorrow.",
        product__label="Tonnes of salt spread per depot per day.",
    )
    make_workspace({"plans/salt/plan.yaml": salt})
    code, out, err = run("risks", "salt")
    assert (code, err) == (0, "")
    assert "  items per month: 12,000\n" in out and "tonnes per month" not in out


def test_risks_of_a_sound_plan(workspace: Path) -> None:
    code, out, _ = run("risks", "clean")
    assert code == 0
    # In review, the top line is the reviewer's decision.
    assert "0 open risks\n\nno risks found in the answers\n\nAdvice\n  In review: ready to approve\n" in out


def test_risks_as_json(workspace: Path) -> None:
    code, out, _ = run("risks", "medium", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["plan"], data["unanswered"], data["problems"]) == ("medium", None, [])
    assert data["risks"] == [
        {
            "id": "unversioned-data",
            "title": "Raw data is not versioned",
            "category": "data",
            "likelihood": 3,
            "impact": 3,
            "score": 9,
            "level": "medium",
            "source": "derived",
            "status": "open",
            "note": None,
            "by": None,
            "owner": None,
            "due": None,
            "evidence": ["constraints.data.versioned: false"],
            "from_words": [],
            "why": CATALOGUE["unversioned-data"].why,
            "mitigation": CATALOGUE["unversioned-data"].mitigation,
        }
    ]
    assert data["advice"][0]["title"] == "In review: approve once the open risks are decided"
    assert data["figures"] == {
        "items_per_month": 12000,
        "monthly_value": 28800,
        "items_in_all": None,
        "value_in_all": None,
        "value_unit": "EUR",
        "share_left_to_humans": 0.4,
    }


def test_risks_markdown_escapes_every_user_text(make_workspace: MakeWorkspace) -> None:
    hand = {"id": "evil", "title": HOSTILE, "category": "ethics", "likelihood": 4, "impact": 4}
    hand |= {"mitigation": HOSTILE, "verdict": "accepted", "note": HOSTILE + "\nsecond | line", "by": HOSTILE}
    make_workspace(
        {
            "plans/evil/plan.yaml": plan(
                title=HOSTILE,
                risks=[hand],
                constraints__data__sources=[{"name": HOSTILE + " <b>", "acquisition": "vendor"}],
            )
        }
    )
    code, out, err = run("risks", "evil", "--format", "markdown")
    assert (code, err) == (0, "")
    assert "<script" not in out and "<b>" not in out and "](javascript" not in out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    # header + the two risks: every row keeps exactly its 6 cells, whatever the text holds
    assert len(rows) == 3
    for row in rows:
        assert row.replace("\\|", "").count("|") == 7
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(out)
    assert "<script" not in html and "<b>" not in html and 'href="javascript' not in html
    assert html.count("<tr>") == 3
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>" not in html  # *b* stays literal
    # GitHub would still ping `\@team`: a zero-width space after the mark stops it.
    assert "@team" not in out.replace("\\@\u200bteam", "")
    assert "\\@\u200bteam" in out


def test_risks_of_a_missing_plan_is_a_clear_error(workspace: Path) -> None:
    code, out, err = run("risks", "nope")
    assert (code, out) == (2, "")
    assert err == (
        "error: no plan named 'nope' (plans/nope/plan.yaml does not exist); run `planner list` to see plans\n"
    )


def test_tables_fit_columns_and_measure_wide_characters(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": "title: 重複出品の検出 (duplicate listings on the marketplace, all regions)\n",
            "plans/b/plan.yaml": "title: Fraud 🚨 screening\n",
        }
    )
    monkeypatch.setenv("COLUMNS", "50")
    code, out, _ = run("list")
    assert code == 0
    assert out == (
        "PLAN  TITLE                       STATUS  ANSWERED\n"
        "a     重複出品の検出 (duplicate…  draft   0%\n"
        "b     Fraud 🚨 screening          draft   0%\n"
    )
    monkeypatch.setenv("COLUMNS", "60")
    lines = run("rules")[1].splitlines()
    assert max(len(line) for line in lines) <= 60 and any(line.endswith("…") for line in lines)
    monkeypatch.delenv("COLUMNS")
    assert "…" not in run("rules")[1]  # piped with no COLUMNS: nothing is cut


def test_piped_findings_and_errors_keep_one_line_each(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal they break between words (tests/test_interview_terminal.py); into a file, a pipe or
    a CI log each stays one line for grep, whatever COLUMNS says."""
    make_workspace({"plans/a/plan.yaml": "title: A\nproduct:\n  mode: sometimes\n"})
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run("check")
    assert code == 1 and len(out.splitlines()) == 1 and len(out) > 60
    assert run("show", "nosuch")[2] == (
        "error: no plan named 'nosuch' (plans/nosuch/plan.yaml does not exist); run `planner list` to see plans\n"
    )


def test_every_register_in_one_run_as_json(workspace: Path) -> None:
    (workspace / "plans" / "broken").mkdir()
    (workspace / "plans" / "broken" / "plan.yaml").write_text("title: [\n", encoding="utf-8")
    code, out, _ = run("risks", "--all", "--format", "json")
    assert code == 0
    found = {entry["plan"]: entry for entry in json.loads(out)}
    assert list(found) == ["broken", "clean", "high", "medium"]
    assert found["broken"]["error"].startswith("plans/broken/plan.yaml:")
    assert [risk["id"] for risk in found["high"]["risks"]][:1] == ["no-labels"]
    assert found["medium"]["risks"][0]["owner"] is None and "due" in found["medium"]["risks"][0]
    code, out, _ = run("risks", "--all")
    assert code == 0 and out.count("open risk") >= 3
    code, _, err = run("risks")
    assert code == 2 and "name one plan, or pass --all for every plan (not both)" in err


def test_check_as_json_reports_every_plan_with_the_same_exit_code(workspace: Path) -> None:
    code, out, err = run("check", "--fail-on", "high", "--format", "json")
    data = json.loads(out)
    assert code == 1 and err == "error: 1 of 3 plan(s) have problems; see the JSON report\n"
    assert {entry["plan"]: entry["ok"] for entry in data["plans"]} == {
        "clean": True,
        "high": False,
        "medium": True,
    }
    high = next(entry for entry in data["plans"] if entry["plan"] == "high")
    assert high["problems"] == [HIGH_LINE.strip()]
    assert (data["failed"], data["ok"], data["history"]) == (1, False, [])


def test_a_narrow_terminal_shows_each_risk_title_whole_under_its_row(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns a photo plan's title column was cut to a few words (`An expert cannot decid…`) and the
    advice ran past the edge; now each title goes whole under its row, and every line fits."""
    from planner.judgement.register import assess
    from planner.plan.workspace import Workspace

    wide = run("risks", "high")[1]
    monkeypatch.setenv("COLUMNS", "64")
    code, out, _ = run("risks", "high")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) < 64 and "…" not in out
    assert lines[3].split() == ["SCORE", "LEVEL", "STATUS", "ID", "CATEGORY"]
    for risk in assess(Workspace(workspace).load("high")).risks:
        assert f"    {risk.title}" in lines  # whole, on its own line
    assert "TITLE" in wide.splitlines()[3]  # piped with no COLUMNS: one row per risk, as before


def test_a_yearly_volume_reads_in_the_year_it_was_counted(make_workspace: MakeWorkspace) -> None:
    make_workspace({"plans/visits/plan.yaml": plan(impact__volume=480, impact__period="year")})
    code, out, err = run("risks", "visits")
    assert (code, err) == (0, "")
    assert "  items a year: 480 (about 40 a month)\n" in out and "items per month" not in out


def test_the_estimate_counts_no_more_items_than_people_act_on(make_workspace: MakeWorkspace) -> None:
    # 12,000 items a month x 60% addressed, 40 EUR on the 10% found: 720 finds, but people act on 400 a
    # month: a find gains its value only when someone acts on it, so the value counts 400 finds at most.
    found = {
        "impact__capacity_per_day": "400 a month",
        "impact__value_per_item": 40,
        "impact__benefit_share": 0.1,
    }
    make_workspace({"plans/fraud/plan.yaml": plan(product__mode="augment", **found)})
    code, out, err = run("risks", "fraud")
    assert (code, err) == (0, "")
    assert (
        "  impact estimate: 16,000 EUR per month (at its 75% recall target (done.metrics[0]) the model still "
        "finds more than people act on; bounded by impact.capacity_per_day: 720 of the 7,200 items "
        "addressed a month gain it, but people act on 400: at most 400 x 40, if every one acted on gained it; "
        "at the plan's own 10% among them, about 1,600; 40 EUR on the 10% of items that gain it "
        "(impact.benefit_share): 4 EUR an item)\n"
    ) in out
    # A system that acts alone sends people a band to review: their capacity does not bound its value.
    make_workspace({"plans/fraud/plan.yaml": plan(product__mode="automate", **found)})
    code, out, _ = run("risks", "fraud")
    assert (
        "  impact estimate: 21,600 EUR per month (28,800 EUR if every event were caught (the ceiling) x 75% "
        "caught (done.metrics[0] recall target) = 21,600; " in out
    )
    # A value spread over every item screened is not capped by the flags people act on.
    make_workspace({"plans/fraud/plan.yaml": plan(product__mode="augment", impact__capacity_per_day=5)})
    code, out, _ = run("risks", "fraud")
    assert "  impact estimate: 28,800 EUR per month\n" in out


def test_an_estimate_on_events_warned_ahead_is_a_ceiling_until_scaled(make_workspace: MakeWorkspace) -> None:
    # Pump failures warned 5 days ahead: 12,000 pumps a month x 60%, 400 EUR on the 1% that fail. The
    # value counts only the failures the model catches (its recall target) and the repairs that save them.
    ahead = {
        "product__lead_days": 5,
        "impact__value_per_item": 400,
        "impact__benefit_share": 0.01,
        "done__metrics": [{"name": "AUC", "target": 0.9}],
    }
    make_workspace({"plans/pumps/plan.yaml": plan(**ahead)})
    code, out, _ = run("risks", "pumps")
    assert (
        "  impact estimate: 28,800 EUR per month (the ceiling if every event were caught and averted: no done "
        "metric sets a recall target and how often acting on a correct warning saves the case is not "
        "answered (impact.saved_share); " in out
    )
    recall = [{"name": "Recall of pump failures", "target": 0.8}]
    make_workspace(
        {"plans/pumps/plan.yaml": plan(**{**ahead, "done__metrics": recall}, impact__saved_share=0.5)}
    )
    code, out, _ = run("risks", "pumps", "--format", "json")
    assert json.loads(out)["figures"]["monthly_value"] == pytest.approx(28800 * 0.8 * 0.5)
    code, out, _ = run("risks", "pumps")
    assert (
        "(28,800 EUR if every event were caught and averted (the ceiling) x 80% caught (done.metrics[0] recall "
        "target) x 50% of those acted on saved (impact.saved_share) = 11,520; " in out
    )
