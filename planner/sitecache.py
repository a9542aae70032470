"""The site's pages as HTML for one workspace, re-rendering only the plans whose files changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner import render, sitemodel
from planner.errors import PlannerError
from planner.experiments import LOG_FILE, Experiment, read_log
from planner.history import VERSIONS, read_versions
from planner.htmlpage import HtmlPage, from_html, join, to_html
from planner.model import Plan, Version
from planner.store import Workspace

Key = tuple[Any, ...]
Rendered = dict[str, tuple[HtmlPage, dict[str, Any]]]


@dataclass
class Built:
    """What the mkdocs plugin needs from one build."""

    pages: Rendered
    nav: list[Any]
    places: dict[str, str]  # page not in the nav -> the nav page that stands for it
    warnings: list[str] = field(default_factory=list)
    rendered: set[str] = field(default_factory=set)  # the plans rendered afresh by this build
    unchanged: set[str] = field(default_factory=set)  # pages exactly as the previous build made them


@dataclass
class _Entry:
    key: Key
    plan: Plan | PlannerError
    versions: list[Version]
    problems: list[str]
    changed: datetime | None = None
    pages: Rendered | None = None
    log: list[Experiment] | PlannerError = field(default_factory=list)


def _stat(path: Path) -> Key:
    try:
        stat = path.stat()
    except OSError:
        return ()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _files_key(folder: Path) -> Key:
    if not folder.is_dir():
        return ()
    return tuple((entry.name, _stat(entry)) for entry in sorted(folder.rglob("*")) if entry.is_file())


class SiteCache:
    """Loaded plans, their one assessment and their rendered pages, kept between `mkdocs serve` builds."""

    def __init__(self, root: Path, plans_dir: Path) -> None:
        self.workspace = Workspace(root, plans_dir.relative_to(root).as_posix())
        self.entries: dict[str, _Entry] = {}
        self.assessor = sitemodel.Assessor()
        self.setup: Key = ()
        self.nav: list[Any] | None = None  # the previous build's nav

    def _load(self) -> list[str]:
        """Reload the plans whose plan.yaml or versions changed; returns the slugs reloaded."""
        changed = []
        slugs = self.workspace.slugs()
        for slug in list(self.entries):
            if slug not in slugs:
                del self.entries[slug]
        for slug in slugs:
            folder = self.workspace.plan_dir(slug)
            key = (_stat(folder / "plan.yaml"), _files_key(folder / VERSIONS), _stat(folder / LOG_FILE))
            entry = self.entries.get(slug)
            if entry is not None and entry.key == key:
                continue
            plan: Plan | PlannerError
            try:
                plan = self.workspace.load(slug)
            except PlannerError as exc:
                plan = exc
            # the same reader as the commands: versions/ linking out of the workspace is refused
            versions, problems = read_versions(self.workspace, slug)
            mtimes = [stamp[0] for stamp in (key[0], *(item[1] for item in key[1])) if stamp]
            changed_at = datetime.fromtimestamp(max(mtimes) / 1e9, UTC) if mtimes else None
            self.entries[slug] = _Entry(key, plan, versions, problems, changed_at)
            try:
                self.entries[slug].log = read_log(self.workspace, slug)
            except PlannerError as exc:
                self.entries[slug].log = exc
            changed.append(slug)
        return changed

    def build(self, templates_dir: Path, dashboard: str, directory_urls: bool) -> Built:
        setup = (templates_dir, _files_key(templates_dir), dashboard, directory_urls)
        if setup != self.setup:
            self.setup = setup
            for entry in self.entries.values():
                entry.pages = None
        self._load()
        warnings = []
        for slug, entry in self.entries.items():
            if isinstance(entry.plan, PlannerError):
                warnings.append(
                    f"plan '{slug}' cannot be read; the site shows an error page for it:\n{entry.plan}"
                )
            for problem in entry.problems:
                warnings.append(f"{problem}\nthe site leaves it out; run `planner check {slug}`")
            if isinstance(entry.log, PlannerError):
                warnings.append(
                    f"the experiment log of '{slug}' cannot be read; its page says so:\n{entry.log}"
                )
        live = {id(entry.plan) for entry in self.entries.values()}
        live |= {id(version.plan) for entry in self.entries.values() for version in entry.versions}
        self.assessor.forget_all_but(live)
        model = sitemodel.build(
            {slug: entry.plan for slug, entry in self.entries.items()},
            {slug: entry.versions for slug, entry in self.entries.items()},
            self.assessor,
            {slug: entry.changed for slug, entry in self.entries.items() if entry.changed},
            {slug: entry.log for slug, entry in self.entries.items()},
        )
        renderer = render.Renderer(templates_dir, dashboard)
        pages: Rendered = {}
        dashboard_page = renderer.dashboard_page(model)
        pages[dashboard] = _html(dashboard, dashboard_page, directory_urls)
        rendered = set()
        for slug, entry in self.entries.items():
            if entry.pages is None:
                raw = renderer.plan_pages(
                    model, model.drafts[slug], model.shown[slug], model.timelines.get(slug)
                )
                entry.pages = {path: _html(path, page, directory_urls) for path, page in raw.items()}
                rendered.add(slug)
            pages.update(entry.pages)
        places = {
            path: f"plans/{slug}/versions.md"
            for slug in model.timelines
            for path in self.entries[slug].pages or {}
            if not path.endswith("/index.md")
        }
        nav = renderer.nav(model)
        unchanged: set[str] = set()
        if nav == self.nav:  # every page's nav is as before: the pages of unchanged plans are too
            unchanged = {
                path
                for slug, entry in self.entries.items()
                if slug not in rendered
                for path in entry.pages or {}
            }
        self.nav = nav
        return Built(pages, nav, places, warnings, rendered, unchanged)


def _html(path: str, page: render.Page, directory_urls: bool) -> tuple[HtmlPage, dict[str, Any]]:
    convert = from_html if page.is_html else to_html
    if not page.shared:
        return convert(page.body, path, directory_urls), page.meta
    head = convert(page.body[: page.shared], path, directory_urls, wrap=False)
    body = _shared_html(page.body[page.shared :], path, directory_urls, page.is_html)
    return join(head, body), page.meta


_SHARED: dict[tuple[str, str, bool], HtmlPage] = {}


def _shared_html(text: str, path: str, directory_urls: bool, is_html: bool) -> HtmlPage:
    """The HTML of a plan's document, converted once for all the pages that show it (it links only
    within the page, so it reads the same from every URL)."""
    key = (text, "" if directory_urls else "flat", is_html)
    found = _SHARED.get(key)
    if found is None or found.relative:
        found = (from_html if is_html else to_html)(text, path, directory_urls, wrap=False)
        if len(_SHARED) > 2000:
            _SHARED.clear()
        _SHARED[key] = found
    return found
