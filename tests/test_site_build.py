"""Real `mkdocs build` / `mkdocs serve` runs of temporary workspaces through the planner plugin."""

from __future__ import annotations

import html
import html as html_lib
import json
import logging
import re
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli.main import cli
from planner.plan import history
from planner.plan.model import Plan
from tests.conftest import MakeWorkspace
from tests.site_fixtures import SOUND_PLAN, hostile_plan, mkdocs, workspace_files

# The tests that read the one `built` site run on one worker, so it is built once, not once a worker.
ON_THE_BUILT_SITE = pytest.mark.xdist_group("built-site")
EXTERNAL = re.compile(r"""(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1)""")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of a sound and a hostile plan, by `planner build` (which runs mkdocs), which the
    tests below only read."""
    root = tmp_path_factory.mktemp("ws")
    for name, text in workspace_files({"fraud": SOUND_PLAN, "evil": hostile_plan()}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")  # planner sets it for its mkdocs: put back after
        result = CliRunner().invoke(cli, ["build", "--strict"])
    assert result.exit_code == 0, result.output
    return root / "site"


@ON_THE_BUILT_SITE
def test_build_writes_the_portfolio_as_home_page_and_one_page_per_plan(built: Path) -> None:
    plan = (built / "plans/fraud/index.html").read_text(encoding="utf-8")
    assert "<title>Screen card orders for fraud before they ship - ML project plans</title>" in plan
    assert 'class="planner-grid"' in plan and "The card vendor" in plan and "Press release" in plan
    assert '<h2 id="risks">Risks<a class="headerlink" href="#risks"' in plan  # handed over as HTML
    dashboard = (built / "index.html").read_text(encoding="utf-8")
    assert (
        '<a class="planner-clip" href="plans/fraud/" title="Screen card orders for fraud before they ship">'
        "Screen card orders for fraud before they ship</a>"
    ) in dashboard
    assert 'data-md-type="toc" hidden>' in dashboard  # no empty toc column: the table gets the width
    assert (built / "about/index.html").is_file()
    assert (built / "assets/planner/planner.js").is_file()
    assert not (built.parent / "docs" / "plans").exists()  # pages are generated in memory


@ON_THE_BUILT_SITE
def test_the_site_requests_nothing_from_another_host(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.findall(
            html.replace('href="https://squidfunk.github.io/mkdocs-material/"', "")
        ), page
        assert "fonts.googleapis" not in html and "mermaid" not in html, page


@ON_THE_BUILT_SITE
def test_search_index_holds_plans_and_no_live_markup(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"", "plans/fraud/", "plans/evil/"} <= {location.split("#")[0] for location in locations}
    assert not [location for location in locations if "/v1" in location or "draft" in location]
    text = json.dumps(index)
    assert "Fraudulent card orders are held before shipping" in text
    assert "&lt;script&gt;window.__pwned" in text  # hostile text indexed as text, never as tags
    assert not re.search(r"<(script|img|svg|iframe)\b", text)


@ON_THE_BUILT_SITE
def test_hostile_titles_are_escaped_in_title_nav_and_headings(built: Path) -> None:
    html = (built / "plans/evil/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "&lt;/title&gt;&lt;script&gt;" in title.group(1)
    assert "<script>window.__pwned" not in html and 'onerror="window' not in html
    assert 'href="javascript' not in html.lower()
    # What a lead would also ask quotes the team's inputs, as text
    asked = html.split('id="lead-would-ask"', 1)[1].split("</ul>", 1)[0]
    assert "<script" not in asked and "is each input (<script>window.__pwned" in html_lib.unescape(asked)


@pytest.mark.long
def test_an_unreadable_plan_version_or_log_is_a_warning_and_fails_a_strict_build(
    make_workspace: MakeWorkspace,
) -> None:
    """A plan that cannot be read gets an error page; a damaged version is never a silently older
    latest; an experiment log that cannot be read is a notice on its plan's page. Each is a warning
    naming file and line, and a strict build fails on them."""
    files = workspace_files({"fraud": SOUND_PLAN})
    files["plans/broken/plan.yaml"] = "title: Broken\nstatus: sideways\n"
    files["plans/fraud/experiments.jsonl"] = "{not json\n"
    root = make_workspace(files)
    runner = CliRunner()
    for weeks in (7, 8):
        plan = root / "plans/fraud/plan.yaml"
        plan.write_text(re.sub(r"timebox_weeks: \d+", f"timebox_weeks: {weeks}", plan.read_text()))
        published = runner.invoke(cli, ["publish", "fraud", "-m", f"{weeks} weeks", "--author", "Ann"])
        assert published.exit_code == 0, published.output
    (root / "plans/fraud/versions/v2.yaml").write_text("number: 2\n  bad: [\n", encoding="utf-8")
    result = mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    assert "WARNING -  planner: plan 'broken' cannot be read" in result.stderr
    assert "plans/broken/plan.yaml:2: status:" in result.stderr
    page = html.unescape((root / "site/plans/broken/index.html").read_text(encoding="utf-8"))
    assert "cannot be read" in page and "plans/broken/plan.yaml:2: status:" in page
    assert (root / "site/plans/fraud/index.html").is_file()
    assert "WARNING -  planner: plans/fraud/versions/v2.yaml cannot be read" in result.stderr, result.stderr
    assert "plans/fraud/versions/v2.yaml:2:6:" in result.stderr
    assert "WARNING -  planner: the experiment log of 'fraud' cannot be read" in result.stderr
    page = html.unescape((root / "site/plans/fraud/index.html").read_text(encoding="utf-8"))
    assert "The experiment log cannot be read" in page
    assert "plans/fraud/experiments.jsonl:1: not a JSON record" in page
    strict = mkdocs(root, "build", "--strict")
    assert (
        strict.returncode == 1 and "Aborted with 3 warnings in strict mode" in strict.stdout + strict.stderr
    )


def test_a_plan_folder_linking_out_of_the_workspace_is_never_rendered(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "versions").mkdir(parents=True)
    (outside / "plan.yaml").write_text("title: Secret plan from outside\n", encoding="utf-8")
    secret = Plan(title="Secret plan from outside")
    (outside / "versions/v1.yaml").write_text(history._version_text("leak", 1, secret, "m", "A")[0])
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN, "linked-versions": SOUND_PLAN}))
    (root / "plans" / "leak").symlink_to(outside, target_is_directory=True)
    # a real plan whose versions/ folder links out: the same refusal as the commands, nothing published
    (root / "plans/linked-versions/versions").symlink_to(outside / "versions", target_is_directory=True)
    result = mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    assert "plan 'leak' cannot be read" in result.stderr and "leads outside the workspace" in result.stderr
    assert (
        f"plans/linked-versions/versions leads outside the workspace (to {outside / 'versions'}); "
        "planner does not follow links out of it: make plans/linked-versions/versions a real folder"
    ) in result.stderr
    site = "".join(path.read_text(encoding="utf-8") for path in (root / "site").rglob("*.html"))
    assert "Secret plan from outside" not in site
    assert "Secret plan" not in (root / "site/search/search_index.json").read_text(encoding="utf-8")


def test_a_broken_workspace_template_fails_the_build_with_file_and_line(
    make_workspace: MakeWorkspace,
) -> None:
    files = workspace_files({"fraud": SOUND_PLAN})
    files["templates/plan.md.j2"] = "# {{ plan.title }}\n{{ plan.nope }}\n"
    root = make_workspace(files)
    result = mkdocs(root, "build")
    assert result.returncode == 1
    assert f"{root / 'templates/plan.md.j2'}:2: template error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_workspace_template_is_rendered_with_the_workspaces_markdown_extensions(
    make_workspace: MakeWorkspace,
) -> None:
    files = workspace_files({"fraud": SOUND_PLAN, "evil": hostile_plan()})
    extensions = ["admonition", "attr_list", "md_in_html", "pymdownx.superfences"]  # as Material sites have
    files["mkdocs.yml"] += "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in extensions)
    files["mkdocs.yml"] += "  - toc:\n      permalink: '#'\n"
    files["templates/plan.md.j2"] = (
        '# {{ plan.title }}\n\n!!! note "Read first"\n    A draft.\n\n## Who decides\n\n'
        "[About](../../about.md)\n\n{{ body }}\n"
    )
    root = make_workspace(files)
    result = mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = (root / "site/plans/fraud/index.html").read_text(encoding="utf-8")
    assert (
        '<div class="admonition note">\n<p class="admonition-title">Read first</p>\n<p>A draft.</p>' in page
    )
    link = '<a class="headerlink" href="#{0}" title="Permanent link">#</a>'
    assert f'<h2 id="who-decides">Who decides{link.format("who-decides")}</h2>' in page
    assert link.format("risks") in page and "&para;" not in page  # planner's own headings too
    assert '<a href="../../about/">About</a>' in page and "!!!" not in page
    toc = page[page.index('<nav class="md-nav md-nav--secondary"') :]
    assert toc.index('href="#who-decides"') < toc.index('href="#risks"')  # both, in page order
    evil = (root / "site/plans/evil/index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in evil and 'onerror="window' not in evil
    assert 'href="javascript' not in evil.lower() and 'onclick="' not in evil  # attr_list stays inert
    assert "admonition danger" not in evil  # an answer's `!!!` is text


@pytest.mark.long
def test_a_big_portfolio_is_rendered_on_two_cores_into_the_same_site(make_workspace: MakeWorkspace) -> None:
    """From 24 plans a full build renders plan pages in forked workers too; the site is byte for byte
    the one a single process builds, and an error in a worker's share reads as in one process."""
    plans: dict[str, str | Plan] = {f"plan-{i:02d}": SOUND_PLAN for i in range(26)}
    root = make_workspace(workspace_files(plans))
    one = mkdocs(root, "build", "-v", "-d", "one", env={"PLANNER_WORKERS": "1"})
    two = mkdocs(root, "build", "-v", "-d", "two", env={"PLANNER_WORKERS": "2"})
    assert one.returncode == two.returncode == 0, two.stderr
    assert "rendered 26 plans in 1 process" in one.stderr and "rendered 26 plans in 2 processes" in two.stderr
    files = sorted(path.relative_to(root / "one") for path in (root / "one").rglob("*") if path.is_file())
    assert len(files) > 26 * 1 and files == sorted(
        path.relative_to(root / "two") for path in (root / "two").rglob("*") if path.is_file()
    )
    for name in files:
        if name.suffix != ".gz":
            assert (root / "one" / name).read_bytes() == (root / "two" / name).read_bytes(), name
    # plan-01 is rendered by the worker: its error comes back as the build's own, with file and line.
    (root / "templates").mkdir()
    (root / "templates" / "_summary.j2").write_text(
        '{% if view.slug == "plan-01" %}\n{{ 1 / 0 }}\n{% endif %}\n', encoding="utf-8"
    )
    failed = mkdocs(root, "build", "-d", "three", env={"PLANNER_WORKERS": "2"})
    assert failed.returncode == 1
    assert f"{root / 'templates/_summary.j2'}:2: template error: division by zero" in failed.stderr
    assert "Traceback" not in failed.stderr


@pytest.mark.parametrize("option", ["plans_dir: ../..", "templates_dir: /etc", "plans_dir: plans/../.."])
def test_plugin_folders_outside_the_workspace_are_refused(make_workspace: MakeWorkspace, option: str) -> None:
    files = workspace_files({"fraud": SOUND_PLAN})
    files["mkdocs.yml"] = files["mkdocs.yml"].replace("  - planner\n", f"  - planner:\n      {option}\n")
    root = make_workspace(files)
    result = mkdocs(root, "build")
    assert result.returncode == 1
    name, value = option.split(": ")
    message = f"mkdocs.yml: the planner plugin's {name} '{value}' is outside the workspace ({root}); "
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@ON_THE_BUILT_SITE
def test_planner_build_runs_mkdocs_on_the_workspace(built: Path) -> None:
    assert (built / "plans/fraud/index.html").is_file()
    assert (built / "search/search_index.json").stat().st_size > 1000


def test_planner_build_without_mkdocs_yml_says_how_to_fix(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": "title: Fraud\n"})
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 2
    assert result.output == (
        f"error: no mkdocs.yml in {root}; run `planner init` to create one (existing files are kept)\n"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(root: Path, port: int) -> subprocess.Popen[bytes]:
    """`planner serve` on `port`, in the workspace `root`, as a user starts it (output discarded)."""
    return subprocess.Popen(
        [sys.executable, "-m", "planner", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(root)},
    )


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in _get(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.long
def test_serve_rebuilds_only_the_plan_that_changed(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN, "other": SOUND_PLAN}))
    port = _free_port()
    server = subprocess.Popen(  # what `planner serve` runs; livereload on: it watches the plans
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-v", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stderr or []), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/plans/fraud/"
        assert _wait_for(url, "Fraudulent card orders are held")
        assert _wait_for(url, "Fraudulent card orders are held")  # settled after the first build
        first = len(log)
        plan = root / "plans/fraud/plan.yaml"
        plan.write_text(
            plan.read_text().replace("Fraudulent card orders", "Risky card orders"), encoding="utf-8"
        )
        assert _wait_for(url, "Risky card orders are held")
        time.sleep(0.5)
        # One `page_context` event per page mkdocs builds: all four at first (about, the portfolio,
        # both plans), then only the portfolio and the edited plan; the other plan is left alone.
        event = "Running `page_context` event from plugin 'planner'"
        assert sum(event in line for line in log[:first]) == 4
        assert sum(event in line for line in log[first:]) == 2
        # mkdocs' notice about --dirty, which planner passes itself, is not printed on every run
        assert not [line for line in log if "dirty" in line.lower()]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_only_the_dirty_build_notice_is_left_out() -> None:
    from planner.site.plugin import DirtyNotice

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, __file__, 1, message, None, None)

    notice = "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other"
    assert not DirtyNotice().filter(record(notice))
    assert DirtyNotice().filter(
        record("Doc file 'about.md' contains a link 'x.md', but the target is not found")
    )


@pytest.mark.long
def test_planner_serve_stopped_with_sigterm_stops_mkdocs_too(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    port = _free_port()
    server = _serve(root, port)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/plans/fraud/", "Screen card orders for fraud")
        server.terminate()
        assert server.wait(timeout=30) == 128 + 15
        with pytest.raises(OSError):  # nothing answers on the port any more (it used to: an orphan mkdocs)
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
    finally:
        server.kill()
        server.wait(timeout=10)


def test_a_worker_that_dies_leaves_its_share_to_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-build (out of memory, say) cannot hang the build: its plans are rendered
    by the build itself, and all come back."""
    import os
    import signal as signals

    from planner.site import cache

    parent = os.getpid()

    def render(job: object, slugs: list[str]) -> dict[str, dict[str, tuple[object, dict[str, str]]]]:
        if os.getpid() != parent:
            os._exit(9)  # the worker dies without a word
        return {slug: {} for slug in slugs}

    def stop(*_: object) -> None:
        raise TimeoutError("the build hung on a dead worker")

    monkeypatch.setattr(cache, "_render", render)
    previous = signals.signal(signals.SIGALRM, stop)
    signals.alarm(60)
    try:
        done = cache._render_all(object(), [f"plan-{i}" for i in range(6)], 3)  # type: ignore[arg-type]
    finally:
        signals.alarm(0)
        signals.signal(signals.SIGALRM, previous)
    assert sorted(done) == [f"plan-{i}" for i in range(6)]


@pytest.mark.long
def test_a_plans_version_pages_share_one_sidebar_and_look_the_same(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sidebar of a plan's version, draft and what-changed pages is rendered once per plan: every
    page of the example plans (with their versions) is byte for byte what rendering each gives."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from planner.site import sidebar

    root = make_workspace(workspace_files({}))
    shutil.copytree(Path(__file__).parent.parent / "plans", root / "plans", dirs_exist_ok=True)
    sites = {}
    for sharing in (False, True):
        monkeypatch.setattr(sidebar, "SHARING", sharing)
        site = root / f"site-{sharing}"
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
        sites[sharing] = {path.relative_to(site): path.read_bytes() for path in site.rglob("*.html")}
    shared = [path for path in sites[True] if path.parent.name == "draft" or path.parent.name[:2] == "v1"]
    assert len(shared) >= 4 and sites[True] == sites[False]
