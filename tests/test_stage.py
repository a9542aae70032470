"""Advice that knows the plan's stage: what `planner risks`, `show`, `status`, the interview's closing
screen and the site lead with, from a draft to a folded plan, on real plans and experiment logs."""

from __future__ import annotations

import copy
import html
import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from planner.cli.main import cli
from planner.judgement.verdict import today_utc
from planner.plan.experiment import Experiment
from planner.plan.planfile import plan_from_text
from tests.conftest import MakeWorkspace

SOUND: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "plans" / "sound.yaml").read_text("utf-8"))
DECIDER = "Chloé Martin (finance director)"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout


def plan_text(status: str, started: int | None = None, **changes: Any) -> str:
    """The sound plan at `status`, its clock started `started` days ago (negative: still ahead); the
    model aimed at every case, so the measured rules call for "Ship the rules with people" first."""
    data = copy.deepcopy(SOUND)
    data["status"] = status
    data["impact"]["share_addressed"] = 1.0
    if started is not None:
        data["done"]["started"] = (today_utc() - timedelta(days=started)).isoformat()
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for key in parents:
            node = node[key]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def log(*runs: tuple[int, str, float]) -> str:
    """An experiment log: (days ago, split, recall) per run."""
    lines = []
    for ago, split, value in runs:
        at = datetime.combine(today_utc() - timedelta(days=ago), datetime.min.time(), UTC)
        record = {
            "at": f"{at:%Y-%m-%dT12:00:00Z}",
            "values": {split: {"recall": value}},
            "note": f"run {ago}",
        }
        lines.append(json.dumps(record))
    return "\n".join(lines) + "\n"


MET_LOG = log((5, "test", 0.8))
SHORT_LOG = log((50, "validation", 0.6))

# (status, clock started days ago, log, the top line of the advice)
STAGES = [
    ("draft", None, "", "Ship the rules with people for the rest; aim a model only at the remainder"),
    ("in_review", None, "", "In review: approve the rules with people first, a model only for the rest"),
    ("approved", -3, "", "Approved: start the 6-week time box"),
    ("building", 5, log((2, "validation", 0.6)), "On track: 37 days left"),
    ("building", 60, SHORT_LOG, "Fold due: take the agreed decision now"),
    ("building", 10, MET_LOG, "Done criteria met: take the ship decision"),
    (
        "building",
        10,
        log(*((ago, "validation", 0.6) for ago in (9, 8, 7, 6))),
        "Stalled: change the approach",
    ),
    ("building", None, "", "Start the clock: write the day the work began"),
    ("shipped", 60, MET_LOG, "Shipped with its target met: watch it live"),
    ("shipped", 60, SHORT_LOG, "Shipped: check it live against the done criteria"),
    ("folded", 60, SHORT_LOG, "Folded: write down what was learnt"),
]


def advice_of(out: str) -> list[str]:
    """The advice titles `planner risks` prints, in order."""
    block = out.split("\nAdvice\n", 1)[1].split("\n\n", 1)[0]
    return [
        line.strip() for line in block.splitlines() if line.startswith("  ") and not line.startswith("    ")
    ]


@pytest.mark.parametrize(
    ("status", "started", "runs", "top"), STAGES, ids=[stage[3][:24] for stage in STAGES]
)
def test_risks_show_and_status_lead_with_the_stage_s_next_move(
    make_workspace: MakeWorkspace, status: str, started: int | None, runs: str, top: str
) -> None:
    files = {"plans/dup/plan.yaml": plan_text(status, started)}
    if runs:
        files["plans/dup/experiments.jsonl"] = runs
    make_workspace(files)
    code, out = run("risks", "dup")
    assert code == 0, out
    titles = advice_of(out)
    assert titles[0].startswith(top), titles
    advice = out.split("\nAdvice\n", 1)[1]
    at_work = (started is not None and started >= 0) or status in ("building", "shipped", "folded")
    if at_work:
        assert "before starting" not in advice and "This plan is sound" not in advice
        assert "Done criteria well posed" not in advice  # the plan's merits are behind it
    if status in ("shipped", "folded"):
        assert "Ship the rules" not in advice and "start" not in " ".join(titles).lower()
    if status == "folded":
        assert titles == [top]
    # `planner show` and `planner status` name the same next move.
    code, shown = run("show", "dup")
    assert code == 0 and shown.splitlines()[2].startswith(f"next: {titles[0]} (`planner risks dup`")
    code, status_out = run("status", "dup")
    assert code == 0 and f"  next: {titles[0]} (`planner risks dup`" in status_out


def test_the_moves_at_work_name_the_decider_the_gap_and_what_to_watch(make_workspace: MakeWorkspace) -> None:
    make_workspace(
        {
            "plans/due/plan.yaml": plan_text("building", 60),
            "plans/due/experiments.jsonl": SHORT_LOG,
            "plans/live/plan.yaml": plan_text("shipped", 60),
            "plans/live/experiments.jsonl": MET_LOG,
            "plans/soon/plan.yaml": plan_text("approved", -3),
        }
    )
    due = run("risks", "due")[1].split("\nAdvice\n", 1)[1]
    assert f"{DECIDER} decides" in " ".join(due.split())
    assert "Gap: recall (best 0.6 on validation, target 0.75)." in " ".join(due.split())
    assert "Ship the two rules in the ERP and stop modelling" in " ".join(due.split())
    live = " ".join(run("risks", "live")[1].split("\nAdvice\n", 1)[1].split())
    assert "Watch share of invoices held per payment run (above 3% or below 0.2%" in live
    assert "retrain when: Recall on the monthly audit sample below 0.7" in live
    soon = run("status", "soon")[1]
    first_day = today_utc() + timedelta(days=3)
    assert soon.startswith(f"soon: not started · starts on {first_day:%Y-%m-%d} · 0 runs logged\n")
    assert "on track" not in soon and "days left" not in soon


def test_an_ended_time_box_with_high_risks_and_open_questions_is_never_told_before_starting(
    make_workspace: MakeWorkspace,
) -> None:
    """No labels (a high risk) and no owner once live (a blocking question): before the start the
    gate is "before starting"; once the time box has run out, the fold leads and nothing is said
    "before starting"; once shipped, the high risk is watched live."""
    broken = {"constraints__data__labels": ["none"], "after_launch__owner": None}
    make_workspace(
        {
            "plans/draft/plan.yaml": plan_text("draft", **broken),
            "plans/ended/plan.yaml": plan_text("building", 60, **broken),
            "plans/ended/experiments.jsonl": SHORT_LOG,
            "plans/review/plan.yaml": plan_text("in_review", 60, **broken),
            "plans/review/experiments.jsonl": SHORT_LOG,
        }
    )
    assert "Answer 1 blocking question before starting" in advice_of(run("risks", "draft")[1])
    for slug in ("ended", "review"):
        out = run("risks", slug)[1]
        titles = advice_of(out)
        assert titles[0] == "Fold due: take the agreed decision now", titles
        assert "Answer 1 blocking question: the work started without it" in titles
        assert "before starting" not in out.split("\nAdvice\n", 1)[1]


def test_the_closing_screen_and_the_site_say_what_risks_says(make_workspace: MakeWorkspace) -> None:
    from planner.site import render, sitemodel

    root = make_workspace(
        {
            "plans/live/plan.yaml": plan_text("shipped", 60),
            "plans/live/experiments.jsonl": MET_LOG,
            "plans/gone/plan.yaml": plan_text("folded", 60),
            "plans/gone/experiments.jsonl": SHORT_LOG,
            "plans/soon/plan.yaml": plan_text("approved", -3),
        }
    )
    code, closing = run("interview", "gone", "--no-input")
    assert code == 0, closing
    assert "Advice:\n  * Folded: write down what was learnt\n" in closing
    assert "Measure instead of guessing" not in closing  # nothing is left to guess before a start

    def plan(slug: str) -> Any:
        return plan_from_text((root / "plans" / slug / "plan.yaml").read_text("utf-8"), "plan.yaml")

    def runs(text: str) -> list[Experiment]:
        return [Experiment.model_validate_json(line) for line in text.splitlines()]

    model = sitemodel.build(
        {"live": plan("live"), "gone": plan("gone"), "soon": plan("soon")},
        logs={"live": runs(MET_LOG), "gone": runs(SHORT_LOG)},
    )
    pages = {path: html.unescape(page.body) for path, page in render.Renderer().site(model).items()}
    row = next(line for line in _rows(pages) if "plans/live/index.md" in line)
    assert "Shipped with its target met: watch it live" in row and "Ship the rules" not in row
    page = pages["plans/live/index.md"]
    steps = page[page.index("What to do next") :]
    assert "Shipped with its target met: watch it live" in steps.split('<div class="admonition', 2)[1]
    assert "Ship the rules with people" not in steps.split("<h2", 2)[0]
    soon = next(line for line in _rows(pages) if "plans/soon/index.md" in line)
    first_day = today_utc() + timedelta(days=3)
    assert "Approved: start the 6-week time box" in soon
    assert f'starts on <span class="planner-date">{first_day:%Y-%m-%d}</span>' in soon
    assert "days left" not in soon and "on track" not in soon and "not started" in soon
    gone = pages["plans/gone/index.md"]
    assert "Folded: write down what was learnt" in gone and "before starting" not in gone


def _rows(pages: dict[str, str]) -> list[str]:
    """The portfolio table's rows (the decision board above them links plans too)."""
    return [line for line in pages["index.md"].splitlines() if line.startswith('<tr class="planner-row"')]


def test_a_published_plan_without_a_time_box_has_started_in_the_cli_and_on_the_site(
    make_workspace: MakeWorkspace,
) -> None:
    """No time box and no `done.started`: the day v1 was published starts the clock, for `planner
    status`, `planner risks` and the site alike (the CLI used to count it only with a time box)."""
    from planner.plan.history import load_versions
    from planner.plan.workspace import Workspace
    from planner.site import render

    nothing = {"done__timebox_weeks": None, "done__metrics": None, "done__worst_error_metric": None}
    nothing["impact__share_addressed"] = 0.6
    root = make_workspace(
        {
            "plans/nobox/plan.yaml": plan_text("approved", done__timebox_weeks=None),
            "plans/nomet/plan.yaml": plan_text("approved", **nothing),  # no verdict: no experiments section
        }
    )
    for slug in ("nobox", "nomet"):
        assert run("publish", slug, "-m", "kickoff", "--author", "Ann <ann@example.com>")[0] == 0
    code, status = run("status", "nobox")
    assert code == 0
    assert status.startswith(
        f"nobox: on track · started {today_utc():%Y-%m-%d}, no time box · 0 runs logged\n"
    )
    assert f"the clock counts from v1, published {today_utc():%Y-%m-%d}" in status
    tops = {slug: advice_of(run("risks", slug)[1]) for slug in ("nobox", "nomet")}
    assert tops["nobox"][0] == "On track"
    assert tops["nomet"][0] == "Answer 1 blocking question: the work started without it"
    assert not any("start the time box" in title for titles in tops.values() for title in titles)
    assert re.search(r"\nnobox +on track +started", run("status")[1])
    workspace = Workspace(root)
    plans = {slug: workspace.load(slug) for slug in tops}
    versions = {slug: load_versions(workspace, slug) for slug in tops}
    pages = {path: html.unescape(text) for path, text in render.pages(plans, versions=versions).items()}
    for slug, titles in tops.items():
        row = next(line for line in pages["index.md"].splitlines() if f"plans/{slug}/index.md" in line)
        assert f">{titles[0]}<" in row and "start the time box" not in row
        assert f">{titles[0]}<" in pages[f"plans/{slug}/index.md"]


def test_a_plan_published_for_review_starts_its_clock_only_once_a_version_is_approved(
    make_workspace: MakeWorkspace,
) -> None:
    """v1 published in review is not a commitment: `status`, `show` and the site say it has not
    started and lead with the reviewer's decision; v2 published as approved starts the clock that day."""
    from planner.plan.history import load_versions
    from planner.plan.workspace import Workspace
    from planner.site import render

    root = make_workspace({"plans/rev/plan.yaml": plan_text("in_review")})
    assert run("publish", "rev", "-m", "for review", "--author", "Ann <ann@example.com>")[0] == 0
    review = "In review: approve the rules with people first, a model only for the rest"
    code, status = run("status", "rev")
    assert code == 0
    assert status.startswith("rev: not started · clock not started · 0 runs logged\n")
    assert "on track" not in status and "days left" not in status and "counts from" not in status
    assert f"  next: {review} (`planner risks rev`" in status
    assert f"next: {review} (`planner risks rev`" in run("show", "rev")[1]
    workspace = Workspace(root)
    pages = render.pages({"rev": workspace.load("rev")}, versions={"rev": load_versions(workspace, "rev")})
    row = next(line for line in _rows({"index.md": html.unescape(pages["index.md"])}) if "plans/rev/" in line)
    assert review in row and "days left" not in row and "on track" not in row
    plan_file = root / "plans/rev/plan.yaml"
    plan_file.write_text(plan_text("approved"), encoding="utf-8")  # approved by hand: no done.started
    assert run("publish", "rev", "-m", "approved", "--author", "Ann <ann@example.com>")[0] == 0
    status = run("status", "rev")[1]
    assert status.startswith("rev: on track · 42 days left")
    assert f"the clock counts from v2, published {today_utc():%Y-%m-%d} as approved" in status
    assert "  next: On track: 42 days left" in status


def test_the_portfolio_listing_and_its_json_give_each_plan_its_stage_s_next_move(
    make_workspace: MakeWorkspace,
) -> None:
    """`planner status` lists the next move of each plan's stage: a draft answers its blocking
    questions or goes to review, never "add `started:`"; `--format json` has it as `next`, beside
    every key scripts already read."""
    make_workspace(
        {
            "plans/asks/plan.yaml": plan_text("draft", after_launch__owner=None, impact__share_addressed=0.6),
            "plans/sound/plan.yaml": plan_text("draft", impact__share_addressed=0.6),
            "plans/due/plan.yaml": plan_text("building", 60),
            "plans/due/experiments.jsonl": SHORT_LOG,
            "plans/soon/plan.yaml": plan_text("approved", -3),
        }
    )
    tops = {slug: advice_of(run("risks", slug)[1])[0] for slug in ("asks", "sound", "due", "soon")}
    assert tops == {
        "asks": "Answer 1 blocking question before starting",
        "sound": "This plan is sound: send it for review",
        "due": "Fold due: take the agreed decision now",
        "soon": "Approved: start the 6-week time box",
    }
    code, listing = run("status")
    assert code == 0
    rows = [re.split(r"\s{2,}", line) for line in listing.splitlines()]
    assert rows[0][-1] == "NEXT" and {row[0]: row[-1] for row in rows[1:]} == tops
    for slug in ("asks", "sound"):
        detail = run("status", slug)[1]
        assert "started:" not in detail and f"  next: {tops[slug]} (`planner risks {slug}`" in detail
    code, out = run("status", "--format", "json")
    plans = {item["plan"]: item for item in json.loads(out)["plans"]}
    kept = {"plan", "title", "verdict", "reason", "started", "ends", "days_left", "runs", "fold_action"}
    for slug, top in tops.items():
        assert kept | {"metrics", "advice"} <= set(plans[slug]) and plans[slug]["next"] == top
    assert json.loads(run("status", "due", "--format", "json")[1])["next"] == tops["due"]


def test_in_review_the_rules_first_advice_is_part_of_the_reviewer_s_decision(
    make_workspace: MakeWorkspace,
) -> None:
    """When plain rules may already do the job, the reviewer's decision says what to approve (the
    rules with people first) in its own line, not in a line after it; without them it stays as it was."""
    rules = "In review: approve the rules with people first, a model only for the rest"
    make_workspace(
        {
            "plans/ready/plan.yaml": plan_text("in_review"),
            "plans/asks/plan.yaml": plan_text("in_review", after_launch__owner=None),
            "plans/high/plan.yaml": plan_text("in_review", constraints__data__labels=["none"]),
            "plans/plain/plan.yaml": plan_text("in_review", impact__share_addressed=0.6),
        }
    )
    expected = {
        "ready": rules,
        "asks": "In review: send it back until 1 blocking question is answered, then approve the rules "
        "with people first, a model only for the rest",
        "high": "In review: approve the rules with people first, a model only for the rest, only with "
        "the high risks settled or accepted",
        "plain": "In review: ready to approve",
    }
    for slug, top in expected.items():
        out = run("risks", slug)[1]
        titles = advice_of(out)
        assert titles[0] == top, titles
        assert not any(title.startswith("Ship the rules") for title in titles), titles
        lines = out.split("\nAdvice\n", 1)[1].splitlines()[1:]
        body = " ".join(
            line.strip() for line in itertools.takewhile(lambda line: line.startswith("    "), lines)
        )
        if slug != "plain":
            assert "Rules handle 40% of cases, 90% of them right" in body
    listing = run("status")[1]
    assert all(f"  {top}" in listing for top in expected.values())
