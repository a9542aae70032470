"""Plan diffs: semantic changes by section, safe Markdown, and `planner diff` on versions, drafts and git refs."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from planner.judgement import diff
from planner.plan.model import Decision, HandRisk, Metric, Plan, Rule, Verdict
from planner.plan.planfile import plan_from_text
from tests.conftest import MakeWorkspace
from tests.gitrepo import PLAN, commit, edit, git, init_repo, run

GOLDEN = Path(__file__).parent / "golden"


def base_plan() -> Plan:
    return plan_from_text(PLAN, "plan.yaml")


def changed(old: Plan, new: Plan) -> diff.PlanDiff:
    return diff.compare(old, new, slug="fraud", old_label="v1", new_label="draft")


def test_identical_plans_have_no_changes() -> None:
    result = changed(base_plan(), base_plan())
    assert result.empty
    assert result.summary() == "no changes"
    assert diff.to_markdown(result) == "### Plan `fraud`: v1 → draft\n\nNo changes.\n"


def test_answers_changed_added_and_removed() -> None:
    old, new = base_plan(), base_plan()
    new.product.users = "The payments risk team."
    new.product.label = "chargeback within 90 days"
    new.heuristics.coverage = 0.45
    new.product.task = None
    result = changed(old, new)
    assert [(c.section, c.field, c.action, c.old, c.new) for c in result.changes] == [
        (
            "product",
            "product.users",
            "changed",
            "The payments risk team and every customer who pays by card.",
            "The payments risk team.",
        ),
        (
            "product",
            "product.task",
            "removed",
            "classification (which class?)",
            None,
        ),  # the label people read
        ("product", "product.label", "added", None, "chargeback within 90 days"),
        ("heuristics", "heuristics.coverage", "changed", "30%", "45%"),
    ]
    assert result.summary() == "2 answers changed · 1 answer added · 1 answer removed"


def test_list_entries_are_matched_by_their_key() -> None:
    old, new = base_plan(), base_plan()
    new.owners = ["Ann Example", "Bo Example"]
    new.heuristics.rules.append(
        Rule(condition="card country differs from IP country", action="ask for 3-D Secure")
    )
    new.done.metrics[0].target = 0.8
    new.done.metrics.append(Metric(name="precision", target=0.9))
    new.done.timebox_weeks = 4
    result = changed(old, new)
    shown = [(c.field, c.action, c.item, c.attribute, c.old, c.new, c.note) for c in result.changes]
    assert shown == [
        ("owners", "added", None, None, None, "Bo Example", None),
        (
            "heuristics.rules",
            "added",
            "card country differs from IP country",
            None,
            None,
            "card country differs from IP country (action: ask for 3-D Secure)",
            None,
        ),
        (
            "done.metrics",
            "changed",
            "recall at 1% false positive rate",
            "target",
            "0.7",
            "0.8",
            "raised the bar",
        ),
        (
            "done.metrics",
            "added",
            "precision",
            None,
            None,
            "precision (target: 0.9; direction: higher is better)",
            None,
        ),
        ("done.timebox_weeks", "changed", None, None, "6", "4", "shortened"),
    ]
    assert "done criteria moved" in result.summary()


def test_lower_is_better_targets_read_the_other_way() -> None:
    old, new = base_plan(), base_plan()
    for plan, target in ((old, 0.2), (new, 0.3)):
        plan.done.metrics = [Metric(name="false alarm rate", target=target, direction="lower")]
    assert [c.note for c in changed(old, new).changes] == ["lowered the bar"]


def test_risks_raised_cleared_and_rescored_and_decisions_changed() -> None:
    old, new = base_plan(), base_plan()
    new.risks[0].likelihood = 4
    new.risks.append(
        HandRisk(
            id="chargeback-delay",
            title="Labels arrive after 90 days",
            category="data",
            likelihood=4,
            impact=4,
        )
    )
    old.risks.append(HandRisk(id="gone", title="Gone risk", category="cost", likelihood=1, impact=1))
    new.decisions = [
        Decision(risk="vendor-lock", verdict=Verdict.mitigated, note="second vendor signed", by="Bo")
    ]
    result = changed(old, new)
    assert [(r.action, r.id, r.old_score, r.new_score, r.old_level, r.new_level) for r in result.risks] == [
        ("raised", "chargeback-delay", None, 16, None, "high"),
        ("cleared", "gone", 1, None, "low", None),
        ("rescored", "vendor-lock", 6, 12, "low", "medium"),
    ]
    decisions = [(c.item, c.attribute, c.old, c.new) for c in result.changes if c.section == "decisions"]
    assert decisions == [
        ("vendor-lock", "verdict", "accepted", "mitigated"),
        ("vendor-lock", "note", None, "second vendor signed"),
        ("vendor-lock", "by", "Ann Example", "Bo"),
    ]
    assert not [c for c in result.changes if c.section == "risks"]  # told once, in the risk register
    assert result.summary() == "2 answers changed · 1 answer added · risks: 1 raised, 1 cleared, 1 re-scored"


def test_long_text_gets_a_word_level_change() -> None:
    old, new = base_plan(), base_plan()
    new.product.goal = (
        "Fraudulent card orders are held for review, while honest customers check out without any extra step."
    )
    (change,) = changed(old, new).changes
    assert change.words == (
        ("=", "Fraudulent card orders "),
        ("-", "never ship,"),
        ("+", "are held for review,"),
        ("=", " while honest customers check out without any extra "),
        ("-", "step or delay at all."),
        ("+", "step."),
    )
    assert diff.to_text(changed(old, new)).splitlines()[4] == (
        "  product.goal: Fraudulent card orders [-never ship,-]{+are held for review,+} while honest "
        "customers check out without any extra [-step or delay at all.-]{+step.+}"
    )


def test_long_unchanged_stretches_are_shortened_and_rewrites_shown_whole() -> None:
    words = " ".join(f"w{n}" for n in range(60))
    ops = diff.word_diff(words, words.replace("w30", "X"))
    assert ops[0] == ("=", "… w22 w23 w24 w25 w26 w27 w28 w29 ")
    assert ops[1:3] == (("-", "w30"), ("+", "X"))
    assert ops[3] == ("=", " w31 w32 w33 w34 w35 w36 w37 w38 …")
    assert diff.word_diff(words, "something else entirely, " * 5) == ()


def test_a_new_plan_is_all_additions() -> None:
    result = diff.compare(None, base_plan(), slug="fraud", old_label="main (no plan)", new_label="draft")
    assert {c.action for c in result.changes} == {"added"}
    assert result.risks and {r.action for r in result.risks} == {"raised"}
    assert [c.field for c in result.changes[:3]] == ["title", "owners", "status"]


HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
    "| col | `code` **bold** @org/team #12 {: onclick=alert(4) } ~~x~~ $x$ \\"
)


def test_user_text_cannot_inject_markup_into_the_markdown() -> None:
    old, new = base_plan(), base_plan()
    new.product.users = HOSTILE
    new.heuristics.rules[0].condition = HOSTILE
    new.risks[0].title = "Vendor | lock <b>x</b>"
    new.risks[0].impact = 5
    markdown = diff.to_markdown(changed(old, new))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    for bad in ("<script", "<img", "<a ", "<b>", "<strong>bold", "<del>x"):
        assert bad not in html, bad
    assert not re.search(r"<[^>]*onclick", html)
    assert html.count("<code>") == 1  # the slug in the heading, never user text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    row = next(line for line in markdown.splitlines() if line.startswith("| re-scored"))
    assert row == "| re-scored | Vendor \\| lock &lt;b&gt;x&lt;/b&gt; (vendor-lock) | 6 (low) | 10 (medium) |"
    assert html.count("<td>") == 4  # the pipe in the title did not add a column
    assert " @org" not in markdown and " \\@\u200borg/team" in markdown  # escaped like every special
    # GitHub mentions and links issues after Markdown, so `\@org` still pings and `\#12` still links:
    # a zero-width space after the mark is what stops them.
    assert not re.search(r"@\w", html) and not re.search(r"#\d", html)


def test_hostile_text_cannot_drive_the_terminal_in_the_text_diff() -> None:
    old, new = base_plan(), base_plan()
    new.product.users = "ok\x1b]0;pwned\x07\x1b[2J\r\rforged line\x1b[8m hidden \u202egnp.exe\u202c"
    new.risks[0].title = "Vendor\x1b[31m lock\u2066"
    new.risks[0].impact = 5
    text = diff.to_text(changed(old, new))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), repr(text)
    assert "by card. -> ok ]0;pwned [2J forged line [8m hidden gnp.exe\n" in text  # shown, not obeyed
    assert "rescored vendor-lock: Vendor [31m lock  [6 (low) -> 10 (medium)]" in text


def test_json_output_is_complete(make_workspace: MakeWorkspace) -> None:
    old, new = base_plan(), base_plan()
    new.done.timebox_weeks = 8
    data = json.loads(diff.to_json(changed(old, new)))
    assert data["summary"] == "1 answer changed · done criteria moved"
    assert data["empty"] is False
    assert data["changes"] == [
        {
            "section": "done",
            "field": "done.timebox_weeks",
            "action": "changed",
            "item": None,
            "attribute": None,
            "old": "6",
            "new": "8",
            "words": [],
            "note": "extended",
        }
    ]


# ---------------------------------------------------------------- the command, in a real git repository


@pytest.fixture
def repo(make_workspace: MakeWorkspace) -> Path:
    root = make_workspace({"mkdocs.yml": "site_name: plans\n", "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    assert run("publish", "fraud", "-m", "kickoff")[0] == 0
    commit(root, "v1")
    return root


def _review_edits(root: Path) -> None:
    edit(root, "never ship, while", "are held for review, while")
    edit(root, "target: 0.7", "target: 0.6")
    edit(root, "timebox_weeks: 6", "timebox_weeks: 10")
    edit(
        root,
        "  verdict: accepted\n",
        "  verdict: mitigated\n  note: A second vendor | is [signed](javascript:x).\n",
    )
    edit(root, "  likelihood: 2\n", "  likelihood: 4\n")
    edit(root, "  - condition: amount > 5000", "  - condition: amount > 3000")


def test_golden_markdown_between_a_version_the_draft_and_a_git_ref(repo: Path) -> None:
    _review_edits(repo)
    git(repo, "switch", "-q", "-c", "review")
    code, markdown, err = run("diff", "fraud", "--base", "main")
    assert (code, err) == (0, "")
    golden = GOLDEN / "diff-fraud.md"
    if os.environ.get("PLANNER_UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")
    # The same changes from the published version, and between two versions.
    assert run("diff", "fraud", "v1")[1] == markdown.replace("main → draft", "v1 → draft")
    assert run("diff", "fraud")[1] == markdown.replace("main → draft", "v1 → draft")
    assert run("publish", "fraud", "-m", "review changes")[0] == 0
    assert run("diff", "fraud", "v1", "v2")[1] == markdown.replace("main → draft", "v1 → v2")
    assert run("diff", "fraud", "main:v1", "latest")[1] == markdown.replace("main → draft", "main:v1 → v2")
    commit(repo, "v2")
    assert run("diff", "fraud", "main:", "review:")[1] == markdown.replace("main → draft", "main → review")


def test_exit_code_and_formats(repo: Path) -> None:
    assert run("diff", "fraud", "--exit-code") == (0, "### Plan `fraud`: v1 → draft\n\nNo changes.\n", "")
    edit(repo, "timebox_weeks: 6", "timebox_weeks: 7")
    code, out, _ = run("diff", "fraud", "--exit-code", "--format", "text")
    assert (code, out) == (
        1,
        "plan fraud: v1 -> draft\n1 answer changed · done criteria moved\n\n"
        "Done criteria and after launch\n  done.timebox_weeks: 6 -> 7 (extended)\n",
    )
    code, out, _ = run("diff", "fraud", "--format", "json")
    assert code == 0 and json.loads(out)["changes"][0]["new"] == "7"


def test_a_plan_new_in_the_branch_diffs_from_nothing(repo: Path) -> None:
    (repo / "plans" / "fresh").mkdir()
    (repo / "plans" / "fresh" / "plan.yaml").write_text("title: Fresh idea\n")
    code, out, _ = run("diff", "fresh", "--base", "main", "--format", "text")
    assert (code, out) == (
        0,
        "plan fresh: main (no plan) -> draft\n2 answers added\n\nPlan\n"
        "  title: added Fresh idea\n  status: added draft\n",
    )
    assert run("diff", "fresh", "--format", "text")[1].startswith("plan fresh: nothing published -> draft\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["diff", "fraud", "v9"],
            "error: plan 'fraud' has no version v9 (published: v1 to v1); pick another version\n",
        ),
        (
            ["diff", "fraud", "yesterday"],
            "error: unknown side 'yesterday': use a version (`v3`), `latest`, `draft`, "
            "or a git ref and a colon (`main:`)\n",
        ),
        (
            ["diff", "fraud", "v1", "--base", "main"],
            "error: give either FROM or --base, not both (`--base main` is the same as FROM `main:`)\n",
        ),
        (
            ["diff", "fraud", "--base", "nope"],
            "error: unknown git ref 'nope'; check the name or fetch it first "
            "(e.g. `git fetch origin main`; in CI check out with fetch-depth: 0)\n",
        ),
        (
            ["diff", "../etc"],
            "error: invalid plan name '../etc': use 1 to 64 lowercase letters, digits and single dashes (e.g. fraud-screening)\n",
        ),
    ],
)
def test_bad_sides_are_one_clear_message(repo: Path, args: list[str], message: str) -> None:
    assert run(*args) == (2, "", message)


# ---------------------------------------------------------------- CI


def test_the_repository_ships_a_pre_commit_hook() -> None:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert hooks == [
        {
            "id": "planner-check",
            "name": "planner check",
            "description": "Validate plans and keep published versions (plans/*/versions/vN.yaml) immutable.",
            "entry": "planner check --pre-commit",
            "language": "python",
            "always_run": True,  # a commit that only deletes a published version still runs it
            "pass_filenames": True,
            "require_serial": True,
            "files": r"(^|/)plans/|(^|/)mkdocs\.ya?ml$",
        }
    ]
