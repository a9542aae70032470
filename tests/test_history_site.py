"""Versions on the site: latest by default, a page per version, what changed, banners, unpublished draft."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.plan import history
from planner.plan.questions import BY_FIELD
from planner.plan.workspace import Workspace
from planner.site import render, safetext, sitemodel
from tests.conftest import MakeWorkspace
from tests.gitrepo import PLAN, edit, run
from tests.site_fixtures import WORKSPACE_MKDOCS

P = "plans/fraud/"


@pytest.fixture
def workspace(make_workspace: MakeWorkspace) -> Path:
    root = make_workspace(
        {"mkdocs.yml": WORKSPACE_MKDOCS, "docs/index.md": "# Plans\n", P + "plan.yaml": PLAN}
    )
    assert run("publish", "fraud", "-m", "kickoff", "--author", "Ann <ann@example.com>")[0] == 0
    edit(root, "timebox_weeks: 6", "timebox_weeks: 9")
    assert run("publish", "fraud", "-m", "three more weeks", "--author", "Bo <bo@example.com>")[0] == 0
    return root


def site(root: Path) -> dict[str, render.Page]:
    workspace = Workspace(root)
    plans = dict(workspace.load_all())
    model = sitemodel.build(plans, {"fraud": history.load_versions(workspace, "fraud")})
    return render.Renderer().site(model)


def site_pages(root: Path) -> dict[str, str]:
    return {path: page.body for path, page in site(root).items()}


def test_the_plan_shows_its_latest_version_and_every_version_has_a_page(workspace: Path) -> None:
    edit(workspace, "timebox_weeks: 9", "timebox_weeks: 12")  # a draft ahead of v2
    pages = site_pages(workspace)
    assert sorted(name for name in pages if name.startswith(P)) == [
        P + name
        for name in (
            "draft-changes.md",
            "draft.md",
            "index.md",
            "v1.md",
            "v2-changes.md",
            "v2.md",
            "versions.md",
        )
    ]
    index = pages[P + "index.md"]
    assert "Version 2 &#40;latest&#41;" in index and "by Bo &#60;bo&#64;example&#46;com&#62;" in index
    assert "9 weeks" in index and "12 weeks" not in index  # the latest version, not the draft
    meta = {path: page.meta for path, page in site(workspace).items()}
    assert "search" not in meta[P + "index.md"]  # a search finds the plan once: its own page
    for name in ("draft.md", "v1.md", "v2.md", "v2-changes.md", "draft-changes.md", "versions.md"):
        assert meta[P + name]["search"] == {"exclude": True}, name
    assert '<p class="admonition-title">Unpublished changes</p>' in index
    assert (
        '<a href="draft.md">See the draft</a> · <a href="draft-changes.md">What changed since v2</a>' in index
    )
    assert '<p class="admonition-title">Older version</p>' in pages[P + "v1.md"]
    assert "6 weeks" in pages[P + "v1.md"] and "Older version" not in pages[P + "v2.md"]
    assert '<p class="admonition-title">Unpublished draft</p>' in pages[P + "draft.md"]
    assert "12 weeks" in pages[P + "draft.md"]
    changes = pages[P + "v2-changes.md"]
    assert changes.startswith('<h1 data-toc="">What changed in v2&#58; three more weeks</h1>\n')
    # Back to the plan, the versions list and both sides of the change.
    assert (
        '<a href="index.md">← The plan</a> · <a href="versions.md">All versions</a> · compares '
        '<a href="v1.md">v1</a> with <a href="v2.md">v2</a>' in changes
    )
    # The question, not the YAML path; the number with its unit; why moving done criteria matters.
    prompt = safetext.escape_inline(BY_FIELD["done.timebox_weeks"].title)
    assert f'<strong>{prompt}</strong> <span class="planner-change-note">(extended)</span>' in changes
    assert (
        '<del><span class="planner-sr">was: </span>6 weeks</del> → <ins><span class="planner-sr">now: </span>9 weeks</ins>'
        in changes
    )
    assert '<p class="admonition-title">Done criteria moved</p>' in changes
    assert (
        "9 weeks</del>" in pages[P + "draft-changes.md"] and "12 weeks</ins>" in pages[P + "draft-changes.md"]
    )
    versions = pages[P + "versions.md"]
    assert '<a href="v2.md">v2</a> (latest)</td>' in versions and '<a href="v1.md">v1</a></td>' in versions
    assert '<a href="draft.md">Draft</a></td><td data-label="Published">not published</td>' in versions
    ws = Workspace(workspace)
    nav = render.nav(dict(ws.load_all()), versions={"fraud": history.load_versions(ws, "fraud")})
    assert "{'Versions': 'plans/fraud/versions.md'}" in str(nav)


def test_a_draft_equal_to_the_latest_version_is_not_marked_unpublished(workspace: Path) -> None:
    pages = site_pages(workspace)
    assert P + "draft-changes.md" not in pages
    assert "Unpublished" not in pages[P + "index.md"]
    assert "The draft matches v2, the latest published version" in pages[P + "draft.md"]
    assert '<a href="draft.md">Draft</a>' not in pages[P + "versions.md"]


def test_plans_without_versions_keep_their_pages(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({P + "plan.yaml": PLAN})
    pages = site_pages(root)
    assert sorted(name for name in pages if name.startswith(P)) == [P + "index.md"]
    assert "Version" not in pages[P + "index.md"]


def _dashboard_row(pages: dict[str, str]) -> str:
    return next(
        line
        for line in pages["index.md"].splitlines()
        if line.startswith('<tr class="planner-row"') and '"plans/fraud/index.md"' in line
    )


def test_the_dashboard_shows_the_latest_version_and_whether_the_draft_moved_on(workspace: Path) -> None:
    row = _dashboard_row(site_pages(workspace))
    assert re.search(
        r'<a href="plans/fraud/versions\.md">v2</a> <span class="planner-date">\d{4}&#45;\d\d&#45;\d\d</span></span></td>',
        row,
    )
    assert "draft differs" not in row
    # Published for review, not approved: the time box is shown but not counted down.
    assert "9 weeks</td>" in row and "left" not in row and 'data-verdict="not&#45;started"' in row
    edit(workspace, "timebox_weeks: 9", "timebox_weeks: 12")
    row = _dashboard_row(site_pages(workspace))
    assert (
        '<a class="planner-warning-link" href="plans/fraud/draft-changes.md" '
        'title="The draft differs from v2: see what changed">draft differs</a>' in row
    )
    assert "9 weeks" in row  # like the plan's own page, the row shows the latest version, not the draft


def test_an_unpublished_plan_says_so_on_the_dashboard(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({P + "plan.yaml": PLAN})
    assert '<span class="planner-note">unpublished</span></span></td>' in _dashboard_row(site_pages(root))


def test_an_older_version_is_one_page_with_its_own_register(workspace: Path) -> None:
    edit(workspace, "likelihood: 2", "likelihood: 4")  # the vendor risk is re-scored in v3
    assert (
        run("publish", "fraud", "-m", "vendor is likelier to raise prices", "--author", "Cy <c@x.org>")[0]
        == 0
    )
    pages = site_pages(workspace)
    v1 = pages[P + "v1.md"]
    assert (
        'title="likelihood 2 × impact 3"' in v1 and 'title="likelihood 4 × impact 3"' in pages[P + "index.md"]
    )
    assert '<a href="index.md">Latest version (v3)</a> · <a href="versions.md">All versions</a>' in v1
    assert not [name for name in pages if name.endswith(("-risks.md", "-press-release.md"))]


def test_the_nav_places_a_plan_by_its_latest_version(workspace: Path) -> None:
    edit(workspace, "status: in_review", "status: approved")  # not published yet
    ws = Workspace(workspace)
    nav = render.nav(dict(ws.load_all()), versions={"fraud": history.load_versions(ws, "fraud")})
    assert "'In review'" in str(nav) and "'Approved'" not in str(nav)
    assert 'data-status="in&#95;review"' in _dashboard_row(site_pages(workspace))


def test_last_changed_is_the_last_commit_of_a_plan_unless_edited_since(make_workspace: MakeWorkspace) -> None:
    """A fresh clone's files all carry the checkout's time: the portfolio reads git instead, and a
    plan edited (or added) since its last commit shows when the file changed."""
    import os
    import subprocess
    from datetime import UTC, datetime

    from planner.site.cache import SiteCache

    root = make_workspace(
        {"mkdocs.yml": WORKSPACE_MKDOCS, "plans/fraud/plan.yaml": PLAN, "plans/other/plan.yaml": PLAN}
    )
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-01-05T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-05T10:00:00Z",
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-q", "-m", "plans"],
        cwd=root,
        check=True,
        env=dated,
    )
    os.utime(root / "plans/fraud/plan.yaml", (1.8e9, 1.8e9))  # a checkout touches every file
    edit(root, "Keep the rules and stop.", "Keep the rules.", slug="other")
    os.utime(root / "plans/other/plan.yaml", (1.79e9, 1.79e9))
    entries = SiteCache(root, root / "plans")
    entries._load()
    assert entries.entries["fraud"].changed == datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert entries.entries["other"].changed == datetime.fromtimestamp(1.79e9, UTC)
    # Outside a git repository the file times are all there is.
    (root / ".git").rename(root / "not-git")
    entries = SiteCache(root, root / "plans")
    entries._load()
    assert entries.entries["fraud"].changed == datetime.fromtimestamp(1.8e9, UTC)


def test_what_changed_flags_a_target_lowered_after_results_and_not_added_criteria(
    make_workspace: MakeWorkspace,
) -> None:
    import json

    from planner.evidence.log import read_log

    root = make_workspace({"mkdocs.yml": WORKSPACE_MKDOCS, P + "plan.yaml": PLAN})
    assert run("publish", "fraud", "-m", "kickoff")[0] == 0
    run_line = {"at": "2026-01-10T10:00:00Z", "values": {"validation": {"recall": 0.61}}}
    (root / P / "experiments.jsonl").write_text(json.dumps(run_line) + "\n", encoding="utf-8")
    edit(root, "  timebox_weeks: 6\n", "  timebox_weeks: 6\n  started: 2026-01-05\n")
    assert run("publish", "fraud", "-m", "approved: the clock starts")[0] == 0
    edit(root, "target: 0.7", "target: 0.62")
    assert run("publish", "fraud", "-m", "a target we can reach")[0] == 0
    workspace = Workspace(root)
    model = sitemodel.build(
        dict(workspace.load_all()),
        {"fraud": history.load_versions(workspace, "fraud")},
        logs={"fraud": read_log(workspace, "fraud")},
    )
    pages = {path: page.body for path, page in render.Renderer().site(model).items()}
    added, lowered = pages[P + "v2-changes.md"], pages[P + "v3-changes.md"]
    assert "Done criteria moved" not in added and "after results" not in added  # only added
    assert "Target lowered after results" in lowered
    assert "lowered from 0&#46;7 to 0&#46;62" in lowered and "after 1 run logged, best 0&#46;61" in lowered
    # The plan's chart draws both targets; the portfolio names the move among the plan's decisions.
    chart = pages[P + "index.md"]
    assert chart.count('class="planner-chart-target') == 2 and "target first agreed 0&#46;7" in chart
    assert "(moved after results from 0&#46;7)" in chart
    decision = next(line for line in pages["index.md"].splitlines() if 'class="planner-decision"' in line)
    assert "target moved after results" in decision or "target 0&#46;7 → 0&#46;62" in decision


def test_a_shipped_plans_ended_time_box_is_history_not_an_alarm(make_workspace: MakeWorkspace) -> None:
    shipped = PLAN.replace("status: in_review", "status: shipped").replace(
        "  timebox_weeks: 6\n", "  timebox_weeks: 6\n  started: 2025-01-06\n"
    )
    root = make_workspace({"mkdocs.yml": WORKSPACE_MKDOCS, P + "plan.yaml": shipped})
    pages = site_pages(root)
    for page in (pages["index.md"], pages[P + "index.md"]):
        assert "ran until" in page and "2025&#45;02&#45;16" in page
        assert "planner-overdue" not in page  # no alarm colour
    assert "days ago" not in pages["index.md"]


def test_section_intros_stay_out_of_the_search_index(workspace: Path) -> None:
    from planner.plan.questions import SECTIONS
    from planner.site.htmlpage import search_entries

    page = render.Renderer().site(sitemodel.build(dict(Workspace(workspace).load_all())))[P + "index.md"]
    from planner.site.htmlpage import from_html

    text = " ".join(
        entry["text"] for entry in search_entries(from_html(page.body, P + "index.md"), "x/", "t")
    )
    assert "Screen card orders" in text or "Fraudulent card orders" in text
    assert not any(section.why[:40] in text for section in SECTIONS)  # boilerplate every plan repeats
    assert "Not answered yet" not in text
