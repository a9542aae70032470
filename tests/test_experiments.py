"""The experiment log and the verdicts, as a user sees them: `planner log`, `status`, `check --fail-on fold`."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.core.errors import PlannerError
from planner.evidence.log import read_log
from planner.judgement.verdict import FOLD_DUE, MET, NOT_STARTED, ON_TRACK, STALLED, judge
from planner.plan.experiment import Experiment
from planner.plan.model import Plan, Version
from planner.plan.planfile import plan_from_text
from planner.plan.workspace import Workspace
from tests.conftest import MakeWorkspace, killed_at_fsync

PLAN = """
    title: Screen card orders for fraud
    status: building
    by_hand:
      human_score: 0.85
    done:
      metrics:
        - name: recall at 1% false positive rate
          baseline: 0.4
          target: 0.7
        - name: WAPE of the forecast
          baseline: 0.38
          target: 0.31
          direction: lower
      timebox_weeks: 6
      started: 2026-03-02
      fold_action: Ship the rules with manual review and stop modelling.
"""
STARTED = date(2026, 3, 2)
LAST_DAY = date(2026, 4, 12)  # six weeks from Monday 2 March: 42 days, the last a Sunday


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout, result.stderr


def plan(text: str = PLAN) -> Plan:
    return plan_from_text(textwrap.dedent(text), "plan.yaml")


def record(day: date, values: dict[str, dict[str, float]], note: str = "tried") -> Experiment:
    return Experiment(at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC), values=values, note=note)


def test_log_appends_one_readable_line_per_run_and_says_what(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    code, out, err = run(
        "log", "fraud", "recall=0.52", "wape=36%", "-m", "logistic regression", "--date", "2026-03-05"
    )
    assert (code, err) == (0, "")
    assert out == (
        "logged validation: recall=0.52, wape=0.36 in plans/fraud/experiments.jsonl (record 1); "
        "see `planner status fraud`\n"
    )
    code, out, _ = run(
        "log", "fraud", "test:recall=0.61", "train:Recall=0.9", "--split", "test", "-m", "trees"
    )
    assert code == 0 and "(record 2)" in out
    lines = (root / "plans/fraud/experiments.jsonl").read_text().splitlines()
    assert lines[0] == (
        '{"at": "2026-03-05T00:00:00Z", "values": {"validation": {"recall at 1% false positive rate": 0.52, '
        '"WAPE of the forecast": 0.36}}, "note": "logistic regression", "author": "Test Author <author@example.com>"}'
    )
    second = json.loads(lines[1])
    assert second["values"] == {
        "test": {"recall at 1% false positive rate": 0.61},
        "train": {"recall at 1% false positive rate": 0.9},
    }
    assert [r.note for r in read_log(Workspace(root), "fraud")] == ["logistic regression", "trees"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["recal=0.5"],
            "error: plan 'fraud' has no done metric 'recal'; did you mean 'recall' "
            "(recall at 1% false positive rate)? Its done metrics: recall, wape\n",
        ),
        (["WAP=0.3"], "did you mean 'wape' (WAPE of the forecast)?"),
        (["recall at 5%=0.3"], "did you mean 'recall' (recall at 1% false positive rate)?"),
        (
            ["recall=high"],
            "error: 'recall=high': 'high' is not a number; write METRIC=VALUE with a number, e.g. recall=0.72\n",
        ),
        (["recall=nan"], "error: 'recall=nan': 'nan' is not a number"),
        (["recall=0.5", "wape=inf"], "error: 'wape=inf': 'inf' is not a number"),
        (["recall"], "error: 'recall' is not METRIC=VALUE; write it like recall=0.72 (or test:recall=0.7)\n"),
    ],
)
def test_bad_values_write_nothing(make_workspace: MakeWorkspace, args: list[str], message: str) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    code, out, err = run("log", "fraud", *args, "-m", "x")
    assert code == 2 and out == ""
    assert message in err
    assert not (root / "plans/fraud/experiments.jsonl").exists()


def test_a_log_edited_into_something_unreadable_is_named_and_left_alone(
    make_workspace: MakeWorkspace,
) -> None:
    good = '{"at": "2026-03-05T00:00:00Z", "values": {"validation": {"wape": 0.36}}}\n'
    broken = (
        good + '{"at": "2026-03-06", "values": {"validation": {"wape": 0.3}\n' + '{"values": {"dev": {}}}\n'
    )
    root = make_workspace({"plans/fraud/plan.yaml": PLAN, "plans/fraud/experiments.jsonl": broken})
    code, out, err = run("log", "fraud", "wape=0.33", "-m", "x")
    assert (code, out) == (2, "")
    git = "`git checkout -- plans/fraud/experiments.jsonl`"
    fix = f"fix the line, or restore the file with {git}"
    assert err.splitlines() == [
        "error: plans/fraud/experiments.jsonl:2: not a JSON record (Expecting ',' delimiter: line 1 column "
        f"60 (char 59)); {fix}",
        f"  plans/fraud/experiments.jsonl:3: at: required; add it (or restore the file with {git})",
        "  plans/fraud/experiments.jsonl:3: values.dev.[key]: Input should be 'train', 'validation' or 'test' "
        f"(or restore the file with {git})",
    ]
    assert (root / "plans/fraud/experiments.jsonl").read_text() == broken
    code, out, _ = run("check")
    assert code == 1 and "plans/fraud/experiments.jsonl:2: not a JSON record" in out
    code, _, err = run("status", "fraud")
    assert code == 2 and "experiments.jsonl:2" in err


def test_concurrent_log_calls_lose_nothing(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "planner", "log", "fraud", f"recall=0.{50 + n}", "-m", f"run {n}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(6)
    ]
    assert all(proc.wait(timeout=120) == 0 for proc in runs)
    notes = sorted(r.note or "" for r in read_log(Workspace(root), "fraud"))
    assert notes == [f"run {n}" for n in range(6)]


def test_a_log_killed_half_way_leaves_a_temp_file_the_next_log_removes(make_workspace: MakeWorkspace) -> None:
    # SIGKILL after the new log is written to its temporary file runs no cleanup: the real thing
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    killed = killed_at_fsync(root, "log", "fraud", "recall=0.5", "-m", "killed")
    assert killed.returncode == -9, killed
    folder = root / "plans/fraud"
    left = sorted(path.name for path in folder.iterdir() if path.name != "plan.yaml")
    assert len(left) == 1 and left[0].startswith(".experiments.jsonl.") and left[0].endswith(".tmp"), left
    assert run("log", "fraud", "recall=0.55", "-m", "kept")[0] == 0
    assert sorted(path.name for path in folder.iterdir()) == ["experiments.jsonl", "plan.yaml"]
    assert [record.note for record in read_log(Workspace(root), "fraud")] == ["kept"]


def test_saving_an_approved_or_building_plan_starts_the_clock_once(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({})
    workspace = Workspace(root)
    draft = Plan(title="A draft")
    workspace.save("draft", draft)
    assert workspace.load("draft").done.started is None
    building = Plan.model_validate({"title": "Building", "status": "building"})
    workspace.save("building", building)
    assert workspace.load("building").done.started == datetime.now(UTC).date()
    kept = Plan.model_validate({"title": "Kept", "status": "approved", "done": {"started": "2025-01-06"}})
    workspace.save("kept", kept)
    assert workspace.load("kept").done.started == date(2025, 1, 6)


# ---------------------------------------------------------------- verdicts at the edges


def _verdict(
    records: list[Experiment], today: date, text: str = PLAN
) -> tuple[str | None, dict[str, str | None]]:
    found = judge(plan(text), records, today)
    return found.verdict, {item.name: item.verdict for item in found.metrics}


def test_the_last_day_of_the_time_box_is_on_track_the_next_is_fold_due() -> None:
    records = [record(LAST_DAY - timedelta(days=3), {"validation": {"recall": 0.6, "wape": 0.33}})]
    verdict = judge(plan(), records, LAST_DAY)
    assert (verdict.verdict, verdict.days_left, verdict.ends) == (ON_TRACK, 1, LAST_DAY)
    assert verdict.clock == "1 day left (until 2026-04-12)"
    after = judge(plan(), records, LAST_DAY + timedelta(days=1))
    assert (after.verdict, after.days_left) == (FOLD_DUE, 0)
    assert after.clock == "time box over: its last day was yesterday, 2026-04-12"
    assert after.reason == "the time box ended on 2026-04-12 short of the target"
    assert after.fold_action == "Ship the rules with manual review and stop modelling."


@pytest.mark.parametrize(
    ("recall", "wape", "expected"),
    [
        (0.7, 0.31, MET),  # exactly on both targets, higher-is-better and lower-is-better
        (0.71, 0.30, MET),
        (0.6999, 0.31, ON_TRACK),  # just short on the higher-is-better metric
        (0.7, 0.3101, ON_TRACK),  # just short on the lower-is-better metric
    ],
)
def test_the_target_is_met_on_the_test_split_in_both_directions(
    recall: float, wape: float, expected: str
) -> None:
    records = [record(STARTED + timedelta(days=10), {"test": {"recall": recall, "wape": wape}})]
    assert _verdict(records, STARTED + timedelta(days=11))[0] == expected


def test_a_target_reached_on_validation_only_is_not_met_and_met_survives_the_time_box() -> None:
    day = STARTED + timedelta(days=5)
    on_validation = [record(day, {"validation": {"recall": 0.75, "wape": 0.2}})]
    verdict = judge(plan(), on_validation, day)
    assert verdict.verdict == ON_TRACK
    assert (
        verdict.metrics[0].reason == "0.75 on validation reaches the target 0.7: confirm it on the test split"
    )
    on_test = [record(day, {"test": {"recall": 0.75, "wape": 0.2}})]
    assert _verdict(on_test, LAST_DAY + timedelta(days=30)) == (MET, {"recall": MET, "wape": MET})
    # One metric met, the other not: the plan is not met; when the box runs out, its fold is due.
    half = [record(day, {"test": {"recall": 0.75, "wape": 0.35}})]
    assert _verdict(half, LAST_DAY + timedelta(days=1)) == (FOLD_DUE, {"recall": MET, "wape": FOLD_DUE})


def test_three_runs_without_a_gain_stall_two_do_not() -> None:
    day = STARTED + timedelta(days=1)
    values = [0.5, 0.6, 0.59, 0.6, 0.602]  # 0.602 gains less than 1% of the way from 0.4 to 0.7
    records = [
        record(day, {"validation": {"recall": value, "wape": 0.3 - i / 100}})
        for i, value in enumerate(values)
    ]
    records = [r.model_copy(update={"at": r.at + timedelta(hours=i)}) for i, r in enumerate(records)]
    found = judge(plan(), records[:4], day)
    assert found.metrics[0].verdict == ON_TRACK  # two runs after the best: not yet
    found = judge(plan(), records, day)
    assert found.metrics[0].verdict == STALLED
    assert found.metrics[0].reason == "no gain in the last 3 runs on validation (best 0.6 on 2026-03-03)"
    assert found.verdict == ON_TRACK  # wape still gains every run: the plan is not stalled
    stuck = [
        r.model_copy(
            update={"values": {"validation": {"recall": r.values["validation"]["recall"], "wape": 0.36}}}
        )
        for r in records
    ]
    assert judge(plan(), stuck, day).verdict == STALLED


def test_no_gain_for_more_than_two_weeks_stalls() -> None:
    day = STARTED + timedelta(days=3)
    records = [record(day, {"validation": {"recall": 0.6, "wape": 0.33}})]
    assert _verdict(records, day + timedelta(days=14))[0] == ON_TRACK
    verdict = judge(plan(), records, day + timedelta(days=15))
    assert verdict.verdict == STALLED
    assert verdict.metrics[1].reason == "no gain for 15 days (best 0.33 on 2026-03-05)"
    # Nothing logged at all since the clock started, for more than two weeks: stalled too.
    assert _verdict([], STARTED + timedelta(days=15))[0] == STALLED
    assert _verdict([], STARTED + timedelta(days=14))[0] == ON_TRACK


def test_the_ml_loop_names_the_bottleneck_with_the_numbers() -> None:
    day = STARTED + timedelta(days=2)

    def advice(values: dict[str, dict[str, float]]) -> str:
        return judge(plan(), [record(day, values)], day).advice[0]

    high_train = advice({"train": {"recall": 0.62}, "validation": {"recall": 0.6}})
    assert high_train.startswith(
        "recall: high training error: train 0.62 does not reach the target 0.7; people score 0.85."
    )
    assert "overfit a small sample" in high_train
    gap = advice({"train": {"recall": 0.95}, "validation": {"recall": 0.64}})
    assert gap.startswith("recall: a gap between training and validation: train 0.95, validation 0.64")
    assert "regularise" in gap and "mismatch" in gap
    test_gap = advice({"train": {"wape": 0.29}, "validation": {"wape": 0.295}, "test": {"wape": 0.36}})
    assert test_gap.startswith("wape: a gap between validation and test: validation 0.295, test 0.36")
    assert "overfit the validation set" in test_gap


def test_a_clock_that_has_not_started_is_not_on_track_nor_stalled() -> None:
    """Before the first day of the time box (or with none), runs are exploration: the verdict says the
    clock has not started, never "on track" or "stalled"; a target met on test still counts."""
    runs = [record(STARTED - timedelta(days=20 - day), {"validation": {"recall": 0.5}}) for day in range(4)]
    early = judge(plan(), runs, STARTED - timedelta(days=1))
    assert early.verdict == NOT_STARTED and early.reason == "the time box starts on 2026-03-02"
    assert early.metrics[0].reason == "the time box starts on 2026-03-02; best 0.5 on validation, target 0.7"
    unset = judge(plan(PLAN.replace("      started: 2026-03-02\n", "")), runs, STARTED + timedelta(days=60))
    assert (unset.verdict, unset.clock) == (NOT_STARTED, "clock not started")
    assert unset.reason == "the time box has not started (no done.started, no version published past review)"
    assert judge(plan(), runs, STARTED).verdict == ON_TRACK  # from its first day on, progress is judged
    met = [record(STARTED - timedelta(days=5), {"test": {"recall": 0.75, "wape": 0.3}})]
    assert judge(plan(), met, STARTED - timedelta(days=1)).verdict == MET


def test_status_in_text_and_json_and_check_fails_on_fold(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN, "plans/draft/plan.yaml": "title: Nothing yet\n"})
    run("log", "fraud", "recall=0.6", "wape=0.33", "-m", "gradient boosting", "--date", "2026-04-01")
    code, out, _ = run("status", "--as-of", "2026-04-02")
    assert code == 0
    assert [re.split(r"\s{2,}", line) for line in out.splitlines()] == [
        ["PLAN", "VERDICT", "TIME BOX", "PRIMARY METRIC: BEST VS TARGET", "RUNS", "NEXT"],
        ["draft", "no target", "clock not started", "-", "0", "Answer 3 blocking questions before starting"],
        [
            "fraud",
            "on track",
            "11 days left (until 2026-04-12)",
            "recall: 0.6 (validation) vs ≥ 0.7 (baseline 0.4)",
            "1",
            "On track: 11 days left (until 2026-04-12)",
        ],
    ]
    code, out, _ = run("status", "fraud", "--format", "json", "--as-of", "2026-04-13")
    data = json.loads(out)
    assert (data["verdict"], data["days_left"], data["ends"]) == ("fold due", 0, "2026-04-12")
    assert data["fold_action"] == "Ship the rules with manual review and stop modelling."
    assert data["metrics"][0]["best"] == 0.6 and data["metrics"][1]["name"] == "wape"
    code, out, _ = run("status", "fraud", "--as-of", "2026-04-13")
    assert out.splitlines()[:3] == [
        "fraud: fold due · time box over: its last day was yesterday, 2026-04-12 · 1 runs logged",
        "  the time box ended on 2026-04-12 short of the target",
        '  fold action: "Ship the rules with manual review and stop modelling."',
    ]
    code, out, err = run("check", "--fail-on", "fold")
    assert code == 1 and err == "error: 1 of 2 plan(s) have problems; see the findings above\n"  # no line
    assert (
        "plans/fraud/plan.yaml: fold due: the time box ended on 2026-04-12 short of the target (the plan says: "
        '"Ship the rules with manual review and stop modelling."); fold it (status: folded) or agree a longer '
        "done.timebox_weeks in a reviewed change"
    ) in out
    assert "ok: plans/draft/plan.yaml" in out
    (root / "plans/fraud/plan.yaml").write_text(
        (root / "plans/fraud/plan.yaml").read_text().replace("status: building", "status: folded")
    )
    assert run("check", "--fail-on", "fold")[0] == 0


def test_a_plan_folder_linking_out_keeps_its_log_out_too(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    outside = tmp_path / "outside.jsonl"
    outside.write_text("")
    (root / "plans/fraud/experiments.jsonl").symlink_to(outside)
    code, _, err = run("log", "fraud", "recall=0.5", "-m", "x")
    assert code == 2 and "leads outside the workspace" in err
    assert outside.read_text() == ""


# A log that cannot be read is a build warning and a notice on the page: test_site_build.py.


def test_the_site_cache_renders_a_plan_again_when_its_log_changes(make_workspace: MakeWorkspace) -> None:
    from planner.site.cache import SiteCache

    root = make_workspace({"plans/fraud/plan.yaml": PLAN, "plans/other/plan.yaml": "title: Other\n"})
    cache = SiteCache(root, root / "plans")
    first = cache.build(root / "templates", "index.md", True)
    assert first.rendered == {"fraud", "other"}
    assert run("log", "fraud", "recall=0.61", "-m", "trees")[0] == 0
    again = cache.build(root / "templates", "index.md", True)
    assert again.rendered == {"fraud"}
    assert "trees" in again.pages["plans/fraud/index.md"][0].html


def test_hidden_characters_in_a_note_are_written_as_escapes(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": PLAN})
    note = "trees \u202eevil\u202c \x1b[31mred\x85end"
    assert run("log", "fraud", "recall=0.6", "-m", note)[0] == 0
    line = (root / "plans/fraud/experiments.jsonl").read_text(encoding="utf-8")
    assert '"note": "trees \\u202eevil\\u202c \\u001b[31mred\\u0085end"' in line
    assert not any(char in line for char in "\u202e\u202c\x1b\x85")
    assert read_log(Workspace(root), "fraud")[0].note == note.strip()


def test_the_portfolio_and_the_plan_lead_with_the_log_verdict_once_it_decides() -> None:
    """A plan whose time box ended short of its target: the portfolio's next step, the plan's summary
    and the first thing to do all say fold due and quote the fold action; met says ship; a plan
    already folded is not asked again."""
    from planner.site import render, sitemodel

    runs = [record(LAST_DAY - timedelta(days=3), {"test": {"recall": 0.5, "WAPE": 0.35}})]
    folding = plan()

    def site(status: str) -> dict[str, str]:
        target = plan(PLAN.replace("status: building", f"status: {status}"))
        model = sitemodel.build({"fraud": target}, logs={"fraud": runs})
        return {path: html.unescape(page.body) for path, page in render.Renderer().site(model).items()}

    pages = site("building")  # today is long after the last day, 12 April 2026
    row = next(line for line in pages["index.md"].splitlines() if line.startswith('<tr class="planner-row"'))
    assert "Fold due: take the agreed decision now" in row and "This plan is sound" not in row
    plan_page = pages["plans/fraud/index.md"]
    summary = plan_page[plan_page.index("planner-summary") : plan_page.index("What to do next")]
    assert "Fold due: take the agreed decision now" in summary
    first = plan_page[plan_page.index("What to do next") :].split('<div class="admonition', 2)[1]
    assert first.startswith(' danger">') and "Ship the rules with manual review and stop modelling" in first
    folded = site("folded")["index.md"]
    assert "Fold due: take" not in folded and "fold action due" not in folded
    # Folded in the draft but not yet published: decided too (as `planner check --fail-on fold` says).
    drafted = sitemodel.build(
        {"fraud": plan(PLAN.replace("status: building", "status: folded"))},
        {
            "fraud": [
                Version(
                    number=1,
                    published_at=datetime(2026, 3, 1, tzinfo=UTC),
                    author="A",
                    message="m",
                    hash="sha256:" + "0" * 64,
                    plan=folding,
                )
            ]
        },
        logs={"fraud": runs},
    )
    assert "Fold due: take" not in html.unescape(render.Renderer().dashboard_page(drafted).body)
    # A log that cannot be read: its repair comes first, saying the fold may be due.
    broken = sitemodel.build({"fraud": folding}, logs={"fraud": PlannerError("experiments.jsonl:3: bad")})
    first = html.unescape(render.Renderer().site(broken)["plans/fraud/index.md"].body)
    first = first[first.index("What to do next") :]
    assert first.index("Repair the experiment log") < first.index(
        "admonition-title", first.index("Repair") + 1
    )
    assert "the fold may be due" in first
    met = [record(LAST_DAY - timedelta(days=3), {"test": {"recall": 0.75, "WAPE": 0.30}})]
    model = sitemodel.build({"fraud": folding}, logs={"fraud": met})
    assert "Done criteria met: take the ship decision" in html.unescape(
        render.Renderer().dashboard_page(model).body
    )
