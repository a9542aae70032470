"""The foundation commands as a user sees them: output, stderr and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner import __version__
from planner.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help_from_the_real_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"planner, version {__version__}\n")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "Plan machine-learning projects before building them." in done.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from planner.cli.main import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('pydantic', 'yaml', 'jinja2', 'questionary', 'mkdocs', 'markdown_it') if m in sys.modules)\n"
        "print(heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip() == "[]"


def test_init_creates_a_workspace_and_keeps_existing_files(tmp_path: Path) -> None:
    target = tmp_path / "team"
    code, out, err = run("init", str(target))
    assert code == 0, err
    assert (target / "mkdocs.yml").read_text().count("- planner") == 1
    assert (target / "plans").is_dir()
    assert (
        (target / ".gitignore").read_text() == "site/\n.*.yaml.*.tmp\n.*.jsonl.*.tmp\nmlruns/\nmlflow.db\n"
    )  # a killed save leaves .plan.yaml.*.tmp
    assert json.loads((target / "plan.schema.json").read_text())["title"] == "planner plan.yaml"
    assert f"next: `cd {target}`, then `planner interview` to start a plan" in out
    (target / "docs" / "index.md").write_text("mine")
    code, out, _ = run("init", str(target))
    assert code == 0
    assert (target / "docs" / "index.md").read_text() == "mine"


def test_new_list_show(make_workspace) -> None:
    make_workspace({"mkdocs.yml": "site_name: x\n"})
    code, out, err = run("new", "churn-alerts", "--title", "Churn alerts")
    assert (code, out, err) == (
        0,
        "created plans/churn-alerts/plan.yaml; next: `planner interview churn-alerts`\n",
        "",
    )
    code, out, _ = run("list")
    assert code == 0
    assert out.splitlines() == [
        "PLAN          TITLE         STATUS  ANSWERED",
        "churn-alerts  Churn alerts  draft   0%",
    ]
    code, out, _ = run("show", "churn-alerts")
    assert code == 0
    assert out.startswith(
        "Churn alerts  (churn-alerts)\nstatus: draft · owners: no owner yet · 0% answered\n"
    )
    assert "1. Product goal and ML framing" in out and "not answered yet:" in out


def test_show_renders_answers_readably(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            owners: [ana]
            heuristics:
              rules:
                - condition: amount > 5000
                  action: hold
              verdict: rules_baseline
              coverage: 0.35
            done:
              metrics:
                - {name: recall, dataset: last quarter, baseline: 0.5, target: 0.7}
            """
        }
    )
    code, out, _ = run("show", "a")
    assert code == 0
    assert "   Which if-then rules could solve it?\n     - amount > 5000 · action: hold\n" in out
    # A field asked with a partner in one prompt is shown under its own question, not the pair's.
    assert "   What share of cases do the rules handle?\n     35%\n" in out
    assert "what share of those do they get right" not in out
    # The labels the interview used, not stored codes; each done metric's fields named.
    assert "     rules are a baseline a model must beat\n" in out and "rules_baseline" not in out
    assert (
        "     - recall · dataset: last quarter · baseline: 0.5 · target: 0.7 · direction: higher is better\n"
        in out
    )


def test_new_refuses_existing_and_hostile_names(make_workspace) -> None:
    root = make_workspace({"plans/a/plan.yaml": "title: A\n"})
    code, out, err = run("new", "a", "--title", "again")
    assert (code, err) == (
        2,
        "error: a plan named 'a' already exists (plans/a/plan.yaml); pick another name or run `planner interview a`\n",
    )
    for slug in ["../escape", "/tmp/abs", "a/b", "..", "", "Ünïcode", "x" * 300]:
        code, _, err = run("new", slug, "--title", "t")
        assert code == 2
        assert err.startswith("error: invalid plan name")
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == [
        "plans",
        "plans/a",
        "plans/a/plan.yaml",
    ]
    assert not (root.parent / "escape").exists()


def test_commands_outside_a_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("list")
    assert code == 2
    assert err == (
        f"error: no planner workspace here ({tmp_path.resolve()} and its parents hold no mkdocs.yml or plans/); "
        "run `planner init` to create one\n"
    )


def test_show_unknown_and_broken_plans(make_workspace) -> None:
    make_workspace({"plans/bad/plan.yaml": "title: [\n"})
    code, _, err = run("show", "nope")
    assert (code, err) == (
        2,
        "error: no plan named 'nope' (plans/nope/plan.yaml does not exist); run `planner list` to see plans\n",
    )
    code, _, err = run("show", "bad")
    assert (code, err) == (
        2,
        "error: plans/bad/plan.yaml:2:1: did not find expected node content; fix the YAML syntax there\n",
    )
    code, out, _ = run("list")
    assert code == 0
    assert "bad   (cannot be read: run `planner check`)  invalid" in out


def test_check_reports_every_problem_and_exits_1(make_workspace) -> None:
    make_workspace(
        {
            "plans/good/plan.yaml": "title: Good\n",
            "plans/bad/plan.yaml": "title: Bad\nproduct:\n  mode: replace\nimpact:\n  volume: -3\n",
        }
    )
    code, out, err = run("check")
    assert code == 1
    assert out.splitlines()[:3] == [
        "plans/bad/plan.yaml:3: product.mode: Input should be 'improve', 'augment' or 'automate'",
        "plans/bad/plan.yaml:5: impact.volume: Input should be greater than or equal to 0; write a value in that range",
        "ok: plans/good/plan.yaml",
    ]
    assert err == "error: 1 of 2 plan(s) have problems; fix the lines above\n"
    code, out, err = run("check", "good")
    assert code == 0


def test_an_open_question_in_words_gets_one_line_with_its_place_and_fix(make_workspace) -> None:
    text = (
        "title: Q\nopen_questions:\n- question: How many orders a day?\n  owner: Ana\n"
        "- question: impact.volumes\napproximate: [impact.volume]\n"
    )
    make_workspace({"plans/q/plan.yaml": text})
    code, out, err = run("check", "q")
    find = "(`planner interview PLAN --no-input` lists each unanswered question with its field)"
    assert (code, out.splitlines()) == (
        1,
        [
            "plans/q/plan.yaml:3: open_questions[0].question: 'How many orders a day?' is not a field path; "
            f"write the question's field, e.g. impact.volume, not its words {find}",
            "plans/q/plan.yaml:5: open_questions[1].question: impact.volumes is not a field of plan.yaml; "
            f"name a question's field, e.g. impact.volume {find}",
        ],
    )
    assert err == "error: 1 of 1 plan(s) have problems; fix the lines above\n"


def test_schema_is_json_schema_of_the_model() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["title"]
    assert schema["additionalProperties"] is False
    assert "constraints" in schema["properties"]


def test_debug_shows_the_traceback(make_workspace) -> None:
    make_workspace({})
    result = CliRunner().invoke(cli, ["--debug", "show", "nope"])
    assert result.exit_code == 1  # the exception escapes click instead of being mapped
    assert type(result.exception).__name__ == "UsageError"


def test_repository_schema_file_is_current() -> None:
    from planner.plan.workspace import schema_json
    from tests.conftest import REPO

    assert (REPO / "plan.schema.json").read_text() == schema_json(), "run `planner schema > plan.schema.json`"


def test_a_reader_that_goes_away_stops_output_quietly() -> None:
    done = subprocess.Popen(
        [sys.executable, "-m", "planner", "rules"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert done.stdout is not None and done.stderr is not None
    done.stdout.close()  # like `planner rules | head -0`
    assert done.wait() == 141
    assert done.stderr.read() == b""


def test_an_empty_section_or_list_is_unanswered_not_an_error(make_workspace) -> None:
    make_workspace({"plans/a/plan.yaml": "title: A\nowners:\nproduct:\nheuristics:\n  rules:\n"})
    code, out, err = run("check")
    assert (code, out, err) == (0, "ok: plans/a/plan.yaml\n", "")
    code, out, _ = run("show", "a")
    assert code == 0 and "owners: no owner yet" in out


def test_direction_overrides_never_reach_the_terminal(make_workspace) -> None:
    make_workspace({"plans/a/plan.yaml": 'title: "safe \u202eevil\u2066 title"\n'})
    code, out, _ = run("show", "a")
    assert code == 0 and out.startswith("safe evil title  (a)\n")


def test_the_plan_list_stays_aligned_with_wide_characters(make_workspace) -> None:
    make_workspace({"plans/a/plan.yaml": "title: 不正検知 🚀\n", "plans/bb/plan.yaml": "title: Churn\n"})
    code, out, _ = run("list")
    assert code == 0
    assert out.splitlines() == [
        "PLAN  TITLE        STATUS  ANSWERED",
        "a     不正検知 🚀  draft   0%",
        "bb    Churn        draft   0%",
    ]


def test_show_prints_both_ends_of_a_span(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            product: {output: a number, lead_days: 4-9}
            constraints: {data: {labels: outcomes, label_delay_days: 30, label_delay_max_days: 90}}
            done: {eval_horizon_days: 1-7, baseline_horizon_days: [1, 3, 7]}
            """
        }
    )
    code, out, _ = run("show", "a")
    assert code == 0
    assert "must the prediction be made?\n     4-9\n" in out
    assert "evaluation's predictions made?\n     1-7\n" in out
    assert "baseline's figure made?\n     1-7\n" in out
    assert "   Days until the real-world outcome is known?\n     30-90\n" in out


def test_show_states_a_margin_over_the_baseline_as_written_with_its_target(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: Error rate, baseline: 12, absolute_target: 1.5, direction: lower}
              - {name: Recall, baseline: 0.6, relative_target: 0.1}
            """
        }
    )
    code, out, _ = run("show", "a")
    assert code == 0
    assert (
        "     - Error rate · baseline: 12 · direction: lower is better · absolute target: 1.5 below the "
        "baseline 12 = 10.5\n"
        "     - Recall · baseline: 0.6 · direction: higher is better · relative target: 10% higher than the "
        "baseline 0.6 = 0.66\n"
    ) in out


def test_a_target_held_at_the_baseline_is_read_and_shown_as_said(make_workspace) -> None:
    # "No worse than today" on a guardrail is a margin of 0 on the baseline, not a workaround.
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: Share of stops avoided, baseline: 0.2, target: 0.6, role: goal}
              - {name: Recall of faults, baseline: 0.95, target: no worse than the baseline, role: guardrail}
              - {name: Precision, target: Same as today, role: guardrail}
            """
        }
    )
    assert run("check") == (0, "ok: plans/a/plan.yaml\n", "")
    code, out, _ = run("show", "a")
    assert code == 0
    assert (
        "     - Recall of faults · baseline: 0.95 · direction: higher is better · target: no worse than the "
        "baseline (0.95) · role:"
    ) in out
    assert (
        "     - Precision · direction: higher is better · target: no worse than the baseline · role:" in out
    )
    code, out, _ = run("risks", "a")
    assert "baseline-already-meets-target" not in out  # a guardrail held: today may already meet it


def test_a_goal_that_only_holds_the_baseline_is_asked_about(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: Recall of faults, target: at least the baseline}
            """
        }
    )
    code, out, _ = run("risks", "a")
    assert "medium  open    no-worse-unsized  model     A target of no worse than today" in out
    assert '("Recall of faults" no worse than the baseline: no other' in out
    assert "baseline-already-meets-target" not in out  # holding today's figure is no target already met


def test_check_refuses_a_margin_whose_goal_leaves_the_metrics_range(make_workspace) -> None:
    # A share is what a metric's name says (a recall, an error rate), not any figure within 0 and 1: a
    # Sharpe ratio of 0.8 may reach 1.2 or 1.8.
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: Recall, baseline: 0.8, absolute_target: 5}
              - {name: Error rate, baseline: 0.12, absolute_target: 0.2, direction: lower}
              - {name: Precision, baseline: 0.8, relative_target: 0.5}
              - {name: MAE in days, baseline: 3, absolute_target: 0.5, direction: lower}
              - {name: Accuracy, baseline: 0.8, absolute_target: 0.05}
              - {name: Sharpe ratio, baseline: 0.8, relative_target: 0.5}
              - {name: Sharpe ratio of the hedge, baseline: 0.8, absolute_target: 1}
            """
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 1 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:4: done.metrics[0]: absolute_target 5 on a baseline of 0.8, a share, would make "
        "the goal 5.8; write 0.05 for 5 points\n"
        "plans/a/plan.yaml:5: done.metrics[1]: absolute_target 0.2 on a baseline of 0.12 would make the goal "
        "-0.08, below 0, which no error, count or share can be; give a smaller margin, or the target itself\n"
        "plans/a/plan.yaml:6: done.metrics[2]: relative_target 50% on a baseline of 0.8 would make the goal "
        "1.2, above 1, the most a share can be; give a smaller margin, or the target itself\n"
    )


def test_check_reads_one_person_trait_as_a_list_and_refuses_none_beside_one(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": "title: A\nproduct:\n  person_inputs: [none, age]\n",
            "plans/b/plan.yaml": "title: B\nproduct:\n  person_inputs: postcode\n",
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 2 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:3: product.person_inputs: 'none' says no input describes a person, yet age is "
        "listed too; drop 'none', or write `person_inputs: none` alone\n"
        "ok: plans/b/plan.yaml\n"
    )


def test_check_refuses_no_labels_beside_a_source_of_labels(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": "title: A\nconstraints:\n  data:\n    labels: [none, outcomes, manual]\n",
            "plans/b/plan.yaml": "title: B\nconstraints:\n  data:\n    labels: none\n",
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 2 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:4: constraints.data.labels: 'none' says there are no labels, yet outcomes and "
        "manual are listed too; drop 'none', or write `labels: none` alone\n"
        "ok: plans/b/plan.yaml\n"
    )


def test_check_refuses_a_persons_score_a_share_cannot_take(make_workspace) -> None:
    # 120% is read 1.2: no recall reaches it. A Sharpe ratio is no share, and a person's 1.2 is a value of it.
    done = "done:\n  metrics:\n  - {name: %s, baseline: 0.4, target: 0.6}\n"
    make_workspace(
        {
            "plans/a/plan.yaml": "title: A\nby_hand:\n  human_score: 120%\n" + done % "recall of fraud",
            "plans/b/plan.yaml": "title: B\nby_hand:\n  human_score: 1.2\n" + done % "Sharpe ratio",
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 2 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:3: by_hand.human_score: 1.2 (120%) is no value of 'recall of fraud', a share (0 to 1, "
        "as its 0.4 is); write the share people reach, such as 0.92 or 92%, or fix the metric's figures if it "
        "is no share\n"
        "ok: plans/b/plan.yaml\n"
    )


def test_several_inputs_written_in_last_input_say_where_they_go(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            constraints:
              data:
                last_input: [Lab result, Discharge note]
            """
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 1 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:4: constraints.data.last_input: one input here, the one that arrives last, with "
        "its days in `last_input_days`; list the others under `late_inputs:`, one `- {name: Discharge note, "
        "days: 2}` each\n"
    )


def test_a_period_written_as_the_baseline_says_where_it_goes(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: MAE, baseline: 2024-25 season}
            """
        }
    )
    code, out, err = run("check")
    assert (code, err) == (1, "error: 1 of 1 plan(s) have problems; fix the lines above\n")
    assert out == (
        "plans/a/plan.yaml:4: done.metrics[0].baseline: '2024-25 season' is not a figure: put the figure in "
        "`baseline` and where it comes from in `baseline_name` (e.g. 'the rules, 2024-25 season'), or write "
        "'not measured'\n"
    )


def test_a_percent_baseline_is_read_on_the_scale_of_its_target(make_workspace) -> None:
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            done:
              metrics:
              - {name: recall, baseline: 11%, target: 0.2}
              - {name: MAPE, baseline: 21%, target: 15, direction: lower}
            """
        }
    )
    assert run("check")[0] == 0
    code, out, _ = run("show", "a")
    assert code == 0
    assert "- recall · baseline: 0.11 · target: 0.2 ·" in out
    assert "- MAPE · baseline: 21 · target: 15 ·" in out


def test_a_rule_that_fails_is_named_with_the_plan_in_one_line(make_workspace, monkeypatch) -> None:
    """A bug in one rule tells the user which rule and which plan, so the report can be acted on."""
    from planner.judgement.rules import CATALOGUE

    make_workspace({})
    run("new", "mould-cameras", "--title", "Mould cameras")

    def broken(plan: object) -> None:
        raise KeyError("up_to_capacity")

    import dataclasses

    spec = CATALOGUE["metric-scores-parts"]
    monkeypatch.setitem(CATALOGUE, spec.id, dataclasses.replace(spec, check=broken))
    code, out, err = run("risks", "mould-cameras")
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "rule metric-scores-parts on the plan 'Mould cameras': KeyError: 'up_to_capacity'" in err


def test_show_prints_an_answer_whose_question_no_longer_applies(make_workspace) -> None:
    """An answer the team typed is shown even where a later answer (or release) gates its question off:
    `show` never hides what the plan holds."""
    make_workspace(
        {
            "plans/a/plan.yaml": """
            title: A
            product: {task: classification}
            impact: {supply_limit: not_in_the_match}
            """
        }
    )
    code, out, _ = run("show", "a")
    assert code == 0
    assert (
        "   Can each provider or item the model matches take only so many cases, and does the match hold it?\n"
        "     yes, but the match does not hold each one to it yet\n"
    ) in out
