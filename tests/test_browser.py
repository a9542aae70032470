"""The built site in headless Chromium: navigation, search, no outside requests, and inert hostile text."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from planner.judgement.register import assess
from planner.plan import history
from planner.plan.model import Plan, Version
from planner.plan.planfile import plan_from_text
from planner.plan.workspace import Workspace
from tests.site_fixtures import (
    IMG,
    LITERALS,
    ONE_LINE,
    SCRIPT,
    SOUND_PLAN,
    TITLE_BREAK,
    hostile_plan,
    mkdocs,
    workspace_files,
)

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.xdist_group("browser"),  # one worker builds each module-wide site once, not each worker
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    url: str
    plans: dict[str, Plan]


@dataclass
class Watch:
    """What a page did: every request, console errors, dialogs."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _serve(root: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def _build(root: Path, site: Path, config: Path | None = None) -> None:
    result = mkdocs(root, "build", "--strict", "-d", str(site), config=config)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The repository's own example site, or a small workspace while it has no example plans."""
    site = tmp_path_factory.mktemp("example-site")
    workspace = Workspace(REPO)
    plans = {slug: plan for slug, plan in workspace.load_all() if isinstance(plan, Plan)}
    if plans:
        _build(REPO, site, REPO / "mkdocs.yml")
    else:
        root = tmp_path_factory.mktemp("ws")
        for name, text in workspace_files({"fraud": SOUND_PLAN}).items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
        plans = {"fraud": plan_from_text(textwrap.dedent(SOUND_PLAN), "fraud")}
        _build(root, site)
    for url in _serve(site):
        yield Site(url, plans)


def hostile_workspace(root: Path) -> None:
    """A workspace whose plan, versions and experiment log are attacks in every field."""
    for name, text in workspace_files({"evil": hostile_plan(), "fraud": SOUND_PLAN}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    log = {
        "at": "2026-03-05T10:00:00Z",
        "values": {"validation": {ONE_LINE: 0.6}},
        "note": ONE_LINE,
        "author": ONE_LINE,
    }
    (root / "plans/evil/experiments.jsonl").write_text(json.dumps(log) + "\n", encoding="utf-8")  # a log too
    workspace = Workspace(root)  # versions whose messages and authors are attacks too
    history.publish(workspace, "evil", ONE_LINE, author=ONE_LINE)
    edited = hostile_plan()
    edited.status = "in_review"  # type: ignore[assignment]  # validated on assignment
    edited.product.users = f"{IMG} users, changed: {ONE_LINE}"  # what changed shows attacks too
    history.publish_plan(workspace, "evil", edited, f"v2 {ONE_LINE}", f"{IMG} <{ONE_LINE}>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("hostile")
    hostile_workspace(root)
    _build(root, root / "site")
    for url in _serve(root / "site"):
        yield Site(url, {"evil": hostile_plan()})


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch()
    tab.on("request", lambda request: watch.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab, watch
    context.close()


# The search index is fetched and indexed by a web worker after the page has loaded: on a busy machine
# that can take long, so tests wait for the engine to say its search is ready, not for a fixed time.
SEARCH_READY = 120_000  # ms: bounds only a search that never gets ready; a ready one answers in seconds


def _material_search_ready(tab: Any) -> None:
    """Wait until Material's search worker has built its index (its results line stops saying it
    is initialising); a query typed before then waits for the worker anyway."""
    from playwright.sync_api import expect

    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Initializing search", timeout=SEARCH_READY)


def _stayed_home(watch: Watch, site: Site) -> None:
    outside = [url for url in watch.requests if not url.startswith((site.url, "data:", "blob:"))]
    assert outside == []
    assert watch.errors == []


def _h1(tab: Any) -> str:
    return str(tab.locator("article h1").inner_text()).rstrip("¶").strip()  # ¶: the toc permalink


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # first screen: what a reader sees


def test_dashboard_lists_every_plan_and_leads_to_plan_and_its_risks(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url)  # the portfolio is the home page
    table = tab.locator("article .planner-portfolio table")
    for plan in examples.plans.values():
        assert table.get_by_role("link", name=plan.title, exact=True).count() == 1
    headers = [table.locator("thead th").nth(i).inner_text() for i in range(8)]
    assert headers[1:5] == ["Plan", "Status", "Owner", "Next step"]  # after the rank: most urgent first
    assert tab.locator(".md-sidebar--secondary").is_hidden()  # no empty toc: the table takes the width
    _shot(tab, "dashboard")

    slug, plan = next((slug, plan) for slug, plan in examples.plans.items() if assess(plan).open_risks)
    row = table.locator("tbody tr").filter(has=tab.get_by_role("link", name=plan.title, exact=True))
    top = assess(plan).open_risks[0]
    row.get_by_role("link", name=top.title, exact=True).click()
    tab.wait_for_url(f"{examples.url}plans/{slug}/#risk-{top.id}")
    assert _h1(tab) == plan.title
    assert tab.title().startswith(f"{plan.title} - ")
    assert tab.locator(f"#risk-{top.id} h3").is_visible()
    # Every open risk is listed on the plan page, and the summary block heads it.
    listed = tab.locator(".planner-register tbody tr:not(.planner-decided)")
    assert listed.count() == len(assess(plan).open_risks)
    summary = tab.locator("article .planner-summary")
    assert summary.locator("dt").first.inner_text().lower() == "status"
    assert tab.evaluate(
        "() => { const s = document.querySelector('.planner-summary'); "
        "return !!(s.compareDocumentPosition(document.querySelector('details.planner-fold')) & 4); }"
    )
    _shot(tab, "plan")
    _stayed_home(watch, examples)


def test_status_filter_shows_one_selected_button_and_hides_other_plans(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url)
    status = next(iter(examples.plans.values())).status.value
    tab.locator(f'.planner-filter button[data-filter="{status}"]').click()
    rows = tab.locator("article .planner-portfolio tbody tr")
    visible = [rows.nth(i).is_visible() for i in range(rows.count())]
    expected = sum(1 for plan in examples.plans.values() if plan.status.value == status)
    assert sum(visible) == expected
    buttons = tab.locator(".planner-filter button")
    tab.mouse.move(0, 0)
    tab.wait_for_timeout(400)  # Material's buttons fade their colours in 125 ms
    colours = {
        buttons.nth(i).evaluate("b => getComputedStyle(b).backgroundColor") for i in range(buttons.count())
    }
    assert len(colours) == 2  # one filled (selected) colour, every other button the same plain one
    assert tab.locator('.planner-filter button[aria-pressed="true"]').count() == 2  # one per group
    tab.locator('.planner-filter[data-key="status"] button[data-filter="all"]').click()
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    _stayed_home(watch, examples)


def test_search_gives_one_result_per_plan_page(examples: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    slug, plan = next((slug, plan) for slug, plan in examples.plans.items() if len(_histories()[slug]) >= 2)
    goal = plan.product.goal or plan.title
    word = max((w.strip(".,;:()'\"") for w in goal.split()), key=len)
    tab.goto(examples.url)
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator(".md-search__input").focus()
    _material_search_ready(tab)
    tab.keyboard.type(word, delay=30)
    results = tab.locator(".md-search-result__item > a")
    # The worker answers each key typed: wait for the plan itself, then for the list to stop changing.
    results.locator(f"xpath=self::*[contains(@href, 'plans/{slug}/')]").first.wait_for(timeout=60_000)
    hrefs = _settled(tab, results)
    pages = {re.split("[?#]", href)[0].removeprefix(examples.url) for href in hrefs}
    assert f"plans/{slug}/" in pages, (word, hrefs)
    # Its versions, draft and what-changed pages are out of the index: the plan comes back once.
    assert [page for page in pages if page.startswith(f"plans/{slug}/")] == [f"plans/{slug}/"], hrefs
    text = tab.locator(".md-search-result").inner_text()
    assert "likelihood ↓" not in text and "A filled square" not in text  # no heat-map text
    _stayed_home(watch, examples)


def _settled(tab: Any, results: Any) -> list[str]:
    """The links of a search's results once the list has stopped changing: the worker may still be
    answering a query typed half-way."""
    hrefs: list[str] = []
    while True:
        tab.wait_for_timeout(400)
        latest = [str(href) for href in results.evaluate_all("links => links.map(link => link.href)")]
        if latest == hrefs:
            return hrefs
        hrefs = latest


def _histories() -> dict[str, list[Version]]:
    workspace = Workspace(REPO)
    return {slug: history.load_versions(workspace, slug) for slug in workspace.slugs()}


def test_dashboard_shows_each_plans_latest_version_also_on_a_phone(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url)
    table = tab.locator("article .planner-portfolio table")
    histories = _histories()
    assert any(histories.values()) and not all(histories.values())  # the examples show both cases
    for slug, plan in examples.plans.items():
        row = table.locator("tbody tr").filter(has=tab.get_by_role("link", name=plan.title, exact=True))
        cell = row.locator(".planner-sub").inner_text()  # under the plan's title
        published = histories[slug]
        if not published:
            assert cell == "unpublished"
            continue
        latest = published[-1]
        assert cell.startswith(f"v{latest.number} {latest.published_at:%Y-%m-%d}"), cell
        differs = plan.model_dump(mode="json") != latest.plan.model_dump(mode="json")
        assert ("draft differs" in cell) == differs, cell
    tab.set_viewport_size({"width": 390, "height": 844})
    versions = [f"plans/{slug}/versions/" for slug in examples.plans if histories[slug]]
    assert versions  # versions lists are tables too
    for path in ("", *(f"plans/{slug}/" for slug in examples.plans), *versions):
        tab.goto(examples.url + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path  # no sideways scrolling
        wide = tab.evaluate(
            "() => [...document.querySelectorAll('article table')].filter(t => t.getBoundingClientRect().right > 391).length"
        )
        assert wide == 0, path  # every table fits the phone: none scrolls off screen
    tab.goto(examples.url)
    assert table.locator("thead").is_hidden()  # each plan is a card with labelled lines
    label = table.locator('tbody tr td[data-label="Risks"]').first.evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert label == '"Risks: "'
    _shot(tab, "dashboard-phone")
    _stayed_home(watch, examples)


def test_from_a_what_changed_page_back_to_its_plan(examples: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    slug, published = next((slug, found) for slug, found in _histories().items() if len(found) >= 2)
    older, latest = published[-2], published[-1]
    plan = examples.plans[slug]
    base = f"{examples.url}plans/{slug}/"
    tab.goto(base + "versions/")
    tab.locator("article table").get_by_role("link", name="what changed").first.click()
    tab.wait_for_url(f"{base}v{latest.number}-changes/")
    assert _h1(tab) == f"What changed in v{latest.number}: {latest.message}"
    assert tab.locator(".planner-changes li").count() >= 1
    # The plan keeps its place in the navigation: its section is open, its versions list marked.
    nav = tab.locator(".md-sidebar--primary")
    assert nav.get_by_role("link", name=plan.title, exact=True).is_visible()
    marked = nav.locator("li.md-nav__item--active:not(.md-nav__item--nested) > a")
    assert marked.inner_text().strip() == "Versions"
    assert marked.evaluate("a => getComputedStyle(a).color") != nav.get_by_role(
        "link", name="Portfolio", exact=True
    ).evaluate("a => getComputedStyle(a).color")
    article = tab.locator("article")
    for name in (f"v{older.number}", f"v{latest.number}", "All versions"):
        assert article.get_by_role("link", name=name, exact=True).count() >= 1
    _shot(tab, "what-changed")
    article.get_by_role("link", name="← The plan", exact=True).click()
    tab.wait_for_url(base)
    assert _h1(tab) == plan.title

    tab.goto(base + "versions/")
    tab.locator("article table").get_by_role("link", name=f"v{older.number}", exact=True).click()
    tab.wait_for_url(f"{base}v{older.number}/")
    banner = tab.locator("article .admonition.danger")
    assert banner.locator(".admonition-title").inner_text() == "Older version"
    assert f"You are reading v{older.number}" in banner.inner_text()
    assert nav.get_by_role("link", name=plan.title, exact=True).is_visible()
    _shot(tab, "older-version")
    _stayed_home(watch, examples)


def test_the_heat_map_tells_open_from_decided_risks_and_works_by_keyboard(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    decided = next(
        slug for slug, plan in examples.plans.items() if assess(plan).risks and not assess(plan).open_risks
    )
    tab.goto(f"{examples.url}plans/{decided}/")
    grid = tab.locator(".planner-grid")
    assert grid.locator(".planner-cell--open").count() == 0  # nothing open: no filled square
    assert grid.locator(".planner-cell--decided").count() >= 1
    busy = next(slug for slug, plan in examples.plans.items() if assess(plan).open_risks)
    tab.goto(f"{examples.url}plans/{busy}/")
    cells = tab.locator(".planner-grid .planner-cell--open a")
    assert cells.count() >= 1
    cells.first.focus()
    tab.keyboard.press("Enter")
    target = tab.evaluate("location.hash")
    assert target.startswith("#cell-")
    listed = tab.locator(f"{target} a")
    assert listed.count() >= 1  # the square's risks, each a link to its details
    listed.first.focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash").startswith("#risk-")
    legend = tab.locator(".planner-legend .planner-level--medium")
    assert float(legend.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 9  # readable
    _shot(tab, "heat-map")
    _stayed_home(watch, examples)


AXE_VERSION = "4.14.1"


@pytest.fixture(scope="module")
def axe(request: pytest.FixtureRequest) -> str:
    """axe-core's browser script, fetched once from the npm registry (`npm pack`) and cached."""
    folder = request.config.cache.mkdir("axe-core")
    script = folder / f"axe-{AXE_VERSION}.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("needs npm to fetch axe-core (apt-get install npm)")
        # Each test process packs into its own folder and renames the script into place whole: two
        # workers fetching at once must not read each other's half-written archive.
        own = Path(tempfile.mkdtemp(dir=folder))
        done = subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--silent"], cwd=own, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        with tarfile.open(own / f"axe-core-{AXE_VERSION}.tgz") as archive:
            member = archive.extractfile("package/axe.min.js")
            assert member is not None
            (own / script.name).write_bytes(member.read())
        os.replace(own / script.name, script)
        shutil.rmtree(own, ignore_errors=True)
    return script.read_text(encoding="utf-8")


def test_axe_finds_no_violation_in_planners_pages(examples: Site, browser: Any, axe: str) -> None:
    slug, published = next((slug, found) for slug, found in _histories().items() if len(found) >= 2)
    # One page of each kind in light, the fullest plan page for the plan pages (they share their
    # markup); the home page and that plan page again in dark and on a phone, where only colours and
    # layout change (each axe run costs seconds on a busy machine).
    fullest = max(examples.plans, key=lambda slug: len(examples.plans[slug].model_dump_json()))
    paths = ["", f"plans/{fullest}/", f"plans/{slug}/versions/"]
    paths += [f"plans/{slug}/v{published[-1].number}-changes/", f"plans/{slug}/v{published[0].number}/"]
    found = []
    for scheme, width, pages in (
        ("light", 1366, paths),
        ("dark", 1366, ["", f"plans/{fullest}/"]),
        ("light", 390, ["", f"plans/{fullest}/"]),
    ):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        tab = context.new_page()
        for path in pages:
            tab.goto(examples.url + path)
            tab.add_script_tag(content=axe)
            # planner's own markup and styles: the generated page body (Material's frame is not ours).
            violations = tab.evaluate(
                "async () => (await axe.run('.planner-page')).violations.map(v => "
                "v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            found += [f"{scheme} {width}px /{path} {violation}" for violation in violations]
        context.close()
    assert found == []


HOSTILE_PAGES = ("", "plans/evil/", "plans/evil/versions/", "plans/evil/v1/", "plans/evil/v2-changes/")


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_never_runs_and_shows_literally(
    hostile: Site, page: tuple[Any, Watch], path: str
) -> None:
    tab, watch = page
    tab.goto(hostile.url + path)
    tab.wait_for_load_state("networkidle")
    tab.locator("article").hover()  # mouse events reach anything that listens
    tab.wait_for_timeout(200)
    assert tab.evaluate("window.__pwned") is None
    assert watch.dialogs == []
    live = tab.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
            .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
            .map(a => el.tagName + ' ' + a.name))"""
    )
    assert live == []
    text = tab.locator("article").inner_text()
    if path != "":
        assert TITLE_BREAK in (tab.title() if path != "plans/evil/versions/" else text)
        for literal in LITERALS:
            assert literal in text
    if path == "plans/evil/v2-changes/":  # the version's message heads the page as text, the changes marked
        assert SCRIPT in tab.locator("article h1").inner_text()
        assert tab.locator(".planner-changes ins").first.is_visible()
    if path == "plans/evil/v1/":
        assert tab.locator("article .admonition.danger .admonition-title").inner_text() == "Older version"
    _stayed_home(watch, hostile)
    if path == "plans/evil/":
        _shot(tab, "hostile")


def test_hostile_text_in_search_results_stays_text(hostile: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(hostile.url)
    tab.locator(".md-search__input").click()
    _material_search_ready(tab)
    tab.keyboard.type("Hostile", delay=30)  # the title, which carries the payloads
    results = tab.locator(".md-search-result__item > a")
    results.locator("xpath=self::*[contains(@href, 'plans/evil/')]").first.wait_for(timeout=60_000)
    _settled(tab, results)  # every result drawn, so any payload in them has had its chance to run
    assert tab.evaluate("window.__pwned") is None and watch.dialogs == []
    assert "<script>" in tab.locator(".md-search-result").inner_text()
    _stayed_home(watch, hostile)


def _luminance(css: str) -> float:
    """Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white)."""
    import re

    r, g, b = (int(part) / 255 for part in re.findall(r"\d+", css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_a_plan_page_charts_every_done_metric_with_its_log_and_verdict(
    examples: Site, browser: Any, page: tuple[Any, Watch]
) -> None:
    from datetime import UTC, datetime

    from planner.evidence.log import read_log
    from planner.judgement.verdict import judge

    tab, watch = page
    workspace = Workspace(REPO)
    slug = "fresh-produce-demand-forecast"
    plan = history.load_versions(workspace, slug)[-1].plan  # the site shows the latest version
    records = read_log(workspace, slug)
    first = history.load_versions(workspace, slug)[0].published_at.date()
    verdict = judge(plan, records, datetime.now(UTC).date(), first)
    tab.goto(f"{examples.url}plans/{slug}/")
    assert tab.locator(".planner-verdict-line .planner-verdict").inner_text() == verdict.verdict
    charts = tab.locator("article figure.planner-chart")
    assert charts.count() == len(plan.done.metrics)
    for index, item in enumerate(verdict.metrics):
        chart = charts.nth(index)
        assert item.metric.name in chart.locator("figcaption").inner_text()
        for split in ("train", "validation", "test"):
            expected = sum(1 for point in item.points if point.split == split)
            assert chart.locator(f".planner-series--{split} circle").count() == expected
        assert chart.locator(".planner-chart-box").count() == 1  # the time box is marked
        assert chart.locator(".planner-chart-target").count() == 1
        assert chart.locator(".planner-chart-baseline").count() == 1
    # Lower is better here: the target line is drawn below the baseline, each point where its value is.
    first = charts.first
    target_y = float(first.locator(".planner-chart-target").get_attribute("y1"))
    baseline_y = float(first.locator(".planner-chart-baseline").get_attribute("y1"))
    assert target_y > baseline_y
    if verdict.verdict == "fold due":  # the first thing to do, with the fold action quoted
        fold = tab.locator("article .admonition.danger").first
        assert fold.locator(".admonition-title").inner_text() == "Fold due: take the agreed decision now"
        assert " ".join((plan.done.fold_action or "").split()) in " ".join(fold.inner_text().split())
    rows = tab.locator("article .planner-log table tbody tr")
    assert rows.count() == len(records)
    shown = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert shown == sorted(shown, reverse=True)  # newest first
    assert rows.first.locator("td").nth(2).inner_text() == max(records, key=lambda r: r.at).note
    _shot(tab, "experiments")
    _stayed_home(watch, examples)

    # On a phone in dark mode: no sideways scrolling, chart text still readable, light ink on dark.
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    phone = context.new_page()
    phone.goto(f"{examples.url}plans/{slug}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    label = phone.locator("article figure.planner-chart .planner-chart-axis").first
    assert label.bounding_box()["height"] >= 9
    assert _luminance(label.evaluate("el => getComputedStyle(el).fill")) > 0.5
    line = phone.locator("article .planner-series--validation polyline").first
    assert _luminance(line.evaluate("el => getComputedStyle(el).stroke")) > 0.4
    phone.locator("article figure.planner-chart").first.scroll_into_view_if_needed()
    phone.screenshot(path=str(ARTIFACTS / "experiments-phone-dark.png"))
    context.close()


def test_the_portfolio_shows_each_plans_verdict_and_flags_fold_due(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    from datetime import UTC, datetime

    from planner.evidence.log import read_log
    from planner.judgement.verdict import judge

    tab, watch = page
    tab.goto(examples.url)
    table = tab.locator("article .planner-portfolio table")
    assert table.locator("thead th").last.inner_text() == "Verdict"
    workspace = Workspace(REPO)
    histories = _histories()
    today = datetime.now(UTC).date()
    verdicts = set()
    for slug, plan in examples.plans.items():
        shown = histories[slug][-1].plan if histories[slug] else plan
        first = histories[slug][0].published_at.date() if histories[slug] else None
        verdict = judge(shown, read_log(workspace, slug), today, first).verdict
        verdicts.add(verdict)
        row = table.locator("tbody tr").filter(has=tab.get_by_role("link", name=plan.title, exact=True))
        cell = row.locator("td").last
        assert cell.locator(".planner-verdict").inner_text() == verdict
        assert ("fold action due" in cell.inner_text()) == (verdict == "fold due")
    assert {"met", "fold due"} <= verdicts  # the examples show both ends
    _stayed_home(watch, examples)


def test_the_decision_board_comes_first_and_the_table_fits_without_scrolling_sideways(
    examples: Site, browser: Any
) -> None:
    """At 1440×900 every plan that needs a decision is on the first screen, each on one line with who
    decides, by when and why now; the table below fits 1280 and 1024 px with rows of one or two lines."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.goto(examples.url)
    decisions = tab.locator("article .planner-decisions tbody tr")
    assert decisions.count() >= 2
    first = decisions.first
    assert first.get_attribute("data-kind") == "fold-due"  # the most urgent kind comes first
    cells = [first.locator("td").nth(i).inner_text() for i in range(5)]
    assert cells[1] == "Fold, or extend the time box"
    assert cells[2] and re.fullmatch(r"overdue \d+ days?", cells[3]), cells
    assert re.fullmatch(r"best [\d.]+ vs target [\d.]+", cells[4]), cells
    for i in range(decisions.count()):
        box = decisions.nth(i).bounding_box()
        assert box["y"] + box["height"] <= 900  # on the first screen
        line = (
            decisions.nth(i)
            .locator("td")
            .nth(2)
            .evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
        )
        assert box["height"] < 2 * line  # one line
    table = tab.locator("article .planner-portfolio table")
    assert tab.locator("article .planner-decisions").bounding_box()["y"] < table.bounding_box()["y"]
    # Money: the month's running cost against budget, in the plan's currency, and the totals.
    assert re.search(
        r"Running cost.*€[\d,]+ a month .* of €[\d,]+ budgeted", tab.locator(".planner-totals").inner_text()
    )
    costs = table.locator('td[data-label="Cost a month"]')
    assert any(re.match(r"€[\d,.]+ of €[\d,.]+", costs.nth(i).inner_text()) for i in range(costs.count()))
    ranks = [int(table.locator("tbody tr").nth(i).get_attribute("data-rank") or 0) for i in range(3)]
    assert ranks == [1, 2, 3]
    _shot(tab, "dashboard-1440")
    for width in (1280, 1024):
        tab.set_viewport_size({"width": width, "height": 900})
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        assert tab.evaluate(
            "() => [...document.querySelectorAll('article table')].every(t => t.scrollWidth <= t.clientWidth + 1)"
        ), width  # no table scrolls inside its box either
        if width == 1024:
            continue  # narrower, a row may take a third line
        tall = tab.evaluate(
            """() => [...document.querySelectorAll('.planner-portfolio tbody tr')].filter(row => {
                const line = parseFloat(getComputedStyle(row.cells[1]).lineHeight);
                return row.getBoundingClientRect().height > 3.4 * line;  // two lines of text plus padding
            }).length"""
        )
        assert tall == 0, width
    context.close()


def test_sorting_and_filters_are_kept_in_the_url_across_a_reload(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url)
    table = tab.locator("article .planner-portfolio table")

    def column(label: str) -> list[str]:
        cells = table.locator(f'tbody tr:not([hidden]) td[data-label="{label}"]')
        return [cells.nth(i).get_attribute("data-value") or "" for i in range(cells.count())]

    plan_header = table.locator('thead th[data-sort="plan"]')
    plan_header.locator("button").focus()
    tab.keyboard.press("Enter")  # by keyboard: the headers are buttons
    assert plan_header.get_attribute("aria-sort") == "ascending"
    assert table.locator("thead th[aria-sort]").count() == 1
    assert column("Plan") == sorted(column("Plan"))
    tab.keyboard.press("Enter")
    assert plan_header.get_attribute("aria-sort") == "descending"
    assert column("Plan") == sorted(column("Plan"), reverse=True)
    cost = table.locator('thead th[data-sort="cost"]')
    cost.locator("button").click()
    assert cost.get_attribute("aria-sort") == "descending"  # the dearest first
    costs = [float(value) for value in column("Cost a month") if value]
    assert costs == sorted(costs, reverse=True)

    verdict = tab.locator('.planner-filter[data-key="verdict"] button[data-filter="fold-due"]')
    verdict.click()
    visible = table.locator("tbody tr:not([hidden])")
    assert visible.count() == 1 and visible.first.get_attribute("data-verdict") == "fold-due"
    assert "verdict=fold-due" in tab.url and "sort=cost-desc" in tab.url
    tab.reload()
    assert verdict.get_attribute("aria-pressed") == "true"
    assert visible.count() == 1 and visible.first.get_attribute("data-verdict") == "fold-due"
    assert cost.get_attribute("aria-sort") == "descending"
    status = visible.first.get_attribute("data-status")
    tab.locator(f'.planner-filter[data-key="status"] button[data-filter="{status}"]').click()
    assert visible.count() == 1 and f"status={status}" in tab.url  # both filters at once
    tab.locator('.planner-filter[data-key="verdict"] button[data-filter="all"]').click()
    assert "verdict" not in tab.url
    _stayed_home(watch, examples)
