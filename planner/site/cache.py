"""The site's pages as HTML for one workspace, re-rendering only the plans whose files changed."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from planner.core.errors import PlannerError
from planner.evidence.log import LOG_FILE, read_log
from planner.plan.experiment import Experiment
from planner.plan.gitref import change_times
from planner.plan.history import VERSIONS, read_versions
from planner.plan.model import Plan, Version
from planner.plan.workspace import Workspace
from planner.site import render, sitemodel
from planner.site.htmlpage import HtmlPage, from_html, join, to_html

Key = tuple[Any, ...]
Rendered = dict[str, tuple[HtmlPage, dict[str, Any]]]
Convert = Callable[..., HtmlPage]  # a Markdown page to HTML: `to_html`, or the workspace's own Markdown


@dataclass
class Built:
    """What the mkdocs plugin needs from one build."""

    pages: Rendered
    nav: list[Any]
    places: dict[str, str]  # page not in the nav -> the nav page that stands for it
    warnings: list[str] = field(default_factory=list)
    rendered: set[str] = field(default_factory=set)  # the plans rendered afresh by this build
    unchanged: set[str] = field(default_factory=set)  # pages exactly as the previous build made them
    processes: int = 1  # how many processes rendered the plans


@dataclass
class _Entry:
    key: Key
    plan: Plan | PlannerError
    versions: list[Version]
    problems: list[str]
    changed: datetime | None = None
    pages: Rendered | None = None
    log: list[Experiment] | PlannerError = field(default_factory=list)


def stat_key(path: Path) -> Key:
    """What tells a changed file apart cheaply (time, size, inode); () when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return ()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _files_key(folder: Path) -> Key:
    if not folder.is_dir():
        return ()
    return tuple((entry.name, stat_key(entry)) for entry in sorted(folder.rglob("*")) if entry.is_file())


class SiteCache:
    """Loaded plans, their one assessment and their rendered pages, kept between `mkdocs serve` builds."""

    def __init__(self, root: Path, plans_dir: Path, *, md_links: bool = False) -> None:
        self.md_links = md_links  # pages keep their `x.md` links for an engine that resolves them
        self.workspace = Workspace(root, plans_dir.relative_to(root).as_posix())
        self.entries: dict[str, _Entry] = {}
        self.assessor = sitemodel.Assessor()
        self.setup: Key = ()
        self.renderer: render.Renderer | None = None  # kept while the templates are: compiled once
        self.nav: list[Any] | None = None  # the previous build's nav

    def _load(self) -> list[str]:
        """Reload the plans whose plan.yaml or versions changed; returns the slugs reloaded."""
        changed = []
        times: Any = _UNREAD  # git's record of when each file changed, read once if a plan reloads
        slugs = self.workspace.slugs()
        for slug in list(self.entries):
            if slug not in slugs:
                del self.entries[slug]
        for slug in slugs:
            folder = self.workspace.plan_dir(slug)
            key = (stat_key(folder / "plan.yaml"), _files_key(folder / VERSIONS), stat_key(folder / LOG_FILE))
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
            if times is _UNREAD:
                times = change_times(self.workspace.root, self.workspace.plans_dir)
            files = [folder / "plan.yaml", *(folder / VERSIONS / item[0] for item in key[1])]
            self.entries[slug] = _Entry(key, plan, versions, problems, _changed_at(files, times))
            try:
                self.entries[slug].log = read_log(self.workspace, slug)
            except PlannerError as exc:
                self.entries[slug].log = exc
            changed.append(slug)
        return changed

    def build(
        self,
        templates_dir: Path,
        dashboard: str,
        directory_urls: bool,
        workers: int = 1,
        markdown: Convert | None = None,
    ) -> Built:
        """The site's pages, re-rendering the plans whose files changed, on up to `workers` processes;
        Markdown pages go through `markdown` (the workspace's own Markdown) when given, else markdown-it."""
        convert = markdown or to_html
        setup = (
            templates_dir,
            _files_key(templates_dir),
            dashboard,
            directory_urls,
            getattr(convert, "key", ""),
        )
        if setup != self.setup:
            self.setup = setup
            self.renderer = None
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
        if self.renderer is None:
            self.renderer = render.Renderer(templates_dir, dashboard)
        renderer = self.renderer
        renderer.next_build()
        pages: Rendered = {}
        dashboard_page = renderer.dashboard_page(model)
        pages[dashboard] = _html(dashboard, dashboard_page, directory_urls, self.md_links, convert)
        rendered = {slug for slug, entry in self.entries.items() if entry.pages is None}
        job = _Job(renderer, model, directory_urls, self.md_links, convert)
        processes = _processes(len(rendered), workers)
        for slug, done in _render_all(job, sorted(rendered), processes).items():
            self.entries[slug].pages = done
        for entry in self.entries.values():
            pages.update(entry.pages or {})
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
        return Built(pages, nav, places, warnings, rendered, unchanged, processes)


_UNREAD = object()


def _changed_at(files: list[Path], times: dict[Path, float | None] | None) -> datetime | None:
    """When a plan last changed: the newest of its files, each by its last commit when committed as it
    is, else by its file time (edited or new, or no git); unknown in a shallow clone's oldest commit."""
    stamps = []
    for path in files:
        real = path.resolve()
        if times is not None and real in times:
            when = times[real]
            if when is None:
                continue
        else:
            try:
                when = path.stat().st_mtime
            except OSError:
                continue
        stamps.append(when)
    return datetime.fromtimestamp(max(stamps), UTC) if stamps else None


# ---------------------------------------------------------------- rendering on every core

# Below this many plans to render, starting a process costs more than it saves.
PARALLEL_FROM = 24


def workers() -> int:
    """How many processes render plan pages in a full `mkdocs build`: the CPUs this process may use,
    at most 4; PLANNER_WORKERS=N sets it (1 renders everything in this process). Only on Linux, where
    a process forks safely, and while no other thread runs (under `mkdocs serve` the server's do)."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    wanted = os.environ.get("PLANNER_WORKERS", "").strip()
    if re.fullmatch(r"[0-9]{1,3}", wanted) and int(wanted) > 0:
        return min(int(wanted), 16)
    return max(1, min(len(os.sched_getaffinity(0)), 4))


@dataclass
class _Job:
    renderer: render.Renderer
    model: sitemodel.SiteModel
    directory_urls: bool
    md_links: bool = False
    convert: Convert = to_html


def _render(job: _Job, slugs: list[str]) -> dict[str, Rendered]:
    out, model = {}, job.model
    for slug in slugs:
        raw = job.renderer.plan_pages(model, model.drafts[slug], model.shown[slug], model.timelines.get(slug))
        out[slug] = {
            path: _html(path, page, job.directory_urls, job.md_links, job.convert)
            for path, page in raw.items()
        }
    return out


def _worker(job: _Job, slugs: list[str], send: Connection) -> None:
    """A forked worker: renders its share and sends it back, or None if a plan failed (the build then
    renders that share itself, so the error reads exactly as in a one-process build). Ctrl-C is the
    build's to handle: it stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            done: dict[str, Rendered] | None = _render(job, slugs)
        except Exception:  # reported by the build's own rendering of this share, not here
            done = None
        send.send(done)
    finally:
        send.close()


def _processes(plans: int, workers: int) -> int:
    return max(1, min(workers, plans // PARALLEL_FROM + 1))


def _render_all(job: _Job, slugs: list[str], count: int) -> dict[str, Rendered]:
    """Every plan's pages: this process renders one share and forked workers the others, each share
    every n-th plan (big and small plans spread evenly); the result is the same as one process's. A
    worker that dies (out of memory, killed) leaves its share to this process: nothing hangs."""
    if count <= 1:
        return _render(job, slugs)
    shares = [slugs[start::count] for start in range(count)]
    context = multiprocessing.get_context("fork")
    running: list[tuple[list[str], Any, Connection]] = []
    gc.freeze()  # the workers' collector leaves the inherited objects alone: fewer pages copied
    try:
        for share in shares[1:]:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(job, share, send), daemon=True)
            process.start()
            send.close()  # the worker holds the only sending end: its exit ends the pipe
            running.append((share, process, receive))
        out = _render(job, shares[0])
        for share, _, receive in running:
            try:
                done = receive.recv()
            except (EOFError, OSError):  # the worker died before sending
                done = None
            out.update(done or _render(job, share))
    finally:
        gc.unfreeze()
        for _, process, receive in running:
            receive.close()
            if process.is_alive():
                process.terminate()
            process.join()
    return out


def _html(
    path: str, page: render.Page, directory_urls: bool, md_links: bool = False, markdown: Convert = to_html
) -> tuple[HtmlPage, dict[str, Any]]:
    convert = from_html if page.is_html else markdown
    if not page.shared:
        return convert(page.body, path, directory_urls, md_links=md_links), page.meta
    head = convert(page.body[: page.shared], path, directory_urls, wrap=False, md_links=md_links)
    body = _shared_html(page.body[page.shared :], path, directory_urls, md_links, convert)
    return join(head, body), page.meta


_SHARED: dict[tuple[str, str, str], HtmlPage] = {}


def _shared_html(text: str, path: str, directory_urls: bool, md_links: bool, convert: Convert) -> HtmlPage:
    """The HTML of a plan's document, converted once for all the pages that show it (it links only
    within the page, so it reads the same from every URL)."""
    key = (
        text,
        "md" if md_links else "" if directory_urls else "flat",
        getattr(convert, "key", None) or convert.__name__,
    )
    found = _SHARED.get(key)
    if found is None or found.relative:
        found = convert(text, path, directory_urls, wrap=False, md_links=md_links)
        if len(_SHARED) > 2000:
            _SHARED.clear()
        _SHARED[key] = found
    return found
