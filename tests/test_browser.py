"""The built site in headless Chromium: navigation, search, no outside requests, and inert hostile text."""

from __future__ import annotations

import functools
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from planner import history
from planner.model import Plan, Version
from planner.store import Workspace, plan_from_text
from tests.site_fixtures import (
    IMG,
    LITERALS,
    ONE_LINE,
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

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


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


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("hostile")
    for name, text in workspace_files({"evil": hostile_plan(), "fraud": SOUND_PLAN}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    workspace = Workspace(root)  # versions whose messages and authors are attacks too
    history.publish(workspace, "evil", ONE_LINE, author=ONE_LINE)
    edited = hostile_plan()
    edited.status = "in_review"  # type: ignore[assignment]  # validated on assignment
    history.publish_plan(workspace, "evil", edited, f"v2 {ONE_LINE}", f"{IMG} <{ONE_LINE}>")
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


def _stayed_home(watch: Watch, site: Site) -> None:
    outside = [url for url in watch.requests if not url.startswith((site.url, "data:", "blob:"))]
    assert outside == []
    assert watch.errors == []


def _h1(tab: Any) -> str:
    return str(tab.locator("article h1").inner_text()).rstrip("¶").strip()  # ¶: the toc permalink


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # first screen: what a reader sees


def test_dashboard_lists_every_plan_and_leads_to_plan_and_risks(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url + "plans/")
    table = tab.locator("article table").first
    for plan in examples.plans.values():
        assert table.get_by_role("link", name=plan.title, exact=True).count() == 1
    _shot(tab, "dashboard")

    slug, plan = next(iter(examples.plans.items()))
    table.get_by_role("link", name=plan.title, exact=True).click()
    tab.wait_for_url(f"{examples.url}plans/{slug}/")
    assert _h1(tab) == plan.title
    assert tab.title().startswith(f"{plan.title} - ")
    _shot(tab, "plan")

    tab.locator("article").get_by_role("link", name="Risk register", exact=True).click()
    tab.wait_for_url(f"{examples.url}plans/{slug}/risks/")
    assert _h1(tab) == f"Risk register: {plan.title}"
    assert tab.locator(".planner-heatmap svg rect").count() == 25
    _shot(tab, "risks")
    _stayed_home(watch, examples)


def test_status_filter_hides_other_plans(examples: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(examples.url + "plans/")
    status = next(iter(examples.plans.values())).status.value
    tab.locator(f'.planner-filter button[data-filter="{status}"]').click()
    rows = tab.locator("article table tbody tr")
    visible = [rows.nth(i).is_visible() for i in range(rows.count())]
    expected = sum(1 for plan in examples.plans.values() if plan.status.value == status)
    assert sum(visible) == expected
    tab.locator('.planner-filter button[data-filter="all"]').click()
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    _stayed_home(watch, examples)


def test_search_finds_a_plan_by_a_word_of_its_goal(examples: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    slug, plan = next(iter(examples.plans.items()))
    goal = plan.product.goal or plan.title
    word = max((w.strip(".,;:()'\"") for w in goal.split()), key=len)
    tab.goto(examples.url)
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator(".md-search__input").focus()
    tab.keyboard.type(word, delay=30)
    results = tab.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)  # generous: the search worker is slow on a loaded machine
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(f"plans/{slug}/" in href for href in hrefs), (word, hrefs)
    _stayed_home(watch, examples)


def _histories() -> dict[str, list[Version]]:
    workspace = Workspace(REPO)
    return {slug: history.load_versions(workspace, slug) for slug in workspace.slugs()}


def test_dashboard_shows_each_plans_latest_version_also_on_a_phone(
    examples: Site, page: tuple[Any, Watch]
) -> None:
    tab, watch = page
    tab.goto(examples.url + "plans/")
    table = tab.locator("article table").first
    assert table.locator("thead th").nth(2).inner_text() == "Version"
    histories = _histories()
    assert any(histories.values()) and not all(histories.values())  # the examples show both cases
    for slug, plan in examples.plans.items():
        row = table.locator("tbody tr").filter(has=tab.get_by_role("link", name=plan.title, exact=True))
        cell = row.locator("td").nth(2).inner_text()
        published = histories[slug]
        if not published:
            assert cell == "unpublished"
            continue
        latest = published[-1]
        assert cell.startswith(f"v{latest.number} · {latest.published_at:%Y-%m-%d}"), cell
        differs = plan.model_dump(mode="json") != latest.plan.model_dump(mode="json")
        assert (f"draft differs from v{latest.number}" in cell) == differs, cell
    tab.set_viewport_size({"width": 390, "height": 844})
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert table.locator("thead").is_hidden()  # each plan is a card with labelled lines
    label = table.locator("tbody tr td").nth(4).evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Highest open risk: "'
    _shot(tab, "dashboard-phone")
    _stayed_home(watch, examples)


def test_an_older_version_has_its_banner_and_its_own_links(examples: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    slug, published = next((slug, found) for slug, found in _histories().items() if len(found) >= 2)
    older, latest = published[-2], published[-1]
    base = f"{examples.url}plans/{slug}/"
    tab.goto(base + "versions/")
    tab.locator("article table").get_by_role("link", name=f"v{older.number}", exact=True).click()
    tab.wait_for_url(f"{base}v{older.number}/")
    banner = tab.locator("article .admonition.danger")
    assert banner.locator(".admonition-title").inner_text() == "Older version"
    assert f"You are reading v{older.number}" in banner.inner_text()
    _shot(tab, "older-version")
    tab.locator("article").get_by_role("link", name="Risk register", exact=True).click()
    tab.wait_for_load_state()
    assert _h1(tab).startswith("Risk register: ")
    if tab.url == f"{base}v{older.number}-risks/":  # its own register: it says which version it is
        assert f"the risk register of v{older.number}" in tab.locator("article .admonition").inner_text()
    else:  # the same register as the latest's, and the link said so
        assert tab.url == f"{base}risks/"
    tab.goto(base + "versions/")
    tab.locator("article table").get_by_role("link", name="what changed").first.click()
    tab.wait_for_url(f"{base}v{latest.number}-changes/")
    assert _h1(tab) == f"What changed in v{latest.number}: {latest.message}"
    assert tab.locator(".planner-changes li").count() >= 1
    _shot(tab, "what-changed")
    _stayed_home(watch, examples)


HOSTILE_PAGES = (
    "plans/",
    "plans/evil/",
    "plans/evil/press-release/",
    "plans/evil/risks/",
    "plans/evil/versions/",
    "plans/evil/v1/",
    "plans/evil/v2-changes/",
)


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
    if path != "plans/":
        assert TITLE_BREAK in (tab.title() if path != "plans/evil/versions/" else text)
        for literal in LITERALS:
            assert literal in text
    _stayed_home(watch, hostile)
    if path == "plans/evil/":
        _shot(tab, "hostile")


def test_hostile_text_in_search_results_stays_text(hostile: Site, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(hostile.url)
    tab.locator(".md-search__input").click()
    tab.keyboard.type("Hostile", delay=30)  # the title, which carries the payloads
    tab.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__pwned") is None and watch.dialogs == []
    assert "<script>" in tab.locator(".md-search-result").inner_text()
    _stayed_home(watch, hostile)
