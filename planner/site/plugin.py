"""The mkdocs plugin: a thin adapter that hands mkdocs the workspace's plan pages as finished HTML."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from planner.core.errors import PlannerError
from planner.plan import settings as options
from planner.plan.model import Plan
from planner.plan.workspace import Workspace
from planner.site import render, safetext
from planner.site.cache import SiteCache, workers
from planner.site.htmlpage import HtmlPage, search_entries
from planner.site.markdownpage import WorkspaceMarkdown
from planner.site.navigation import with_plans
from planner.site.render import ASSET_DIR, ASSETS
from planner.site.sidebar import MATERIAL_NAV, SharedSidebars

log = get_plugin_logger(__name__)


class DirtyNotice(logging.Filter):
    """Drops mkdocs' "A 'dirty' build is being performed" warning, printed on every `planner serve`
    (which runs `mkdocs serve --dirty`): the plugin tells mkdocs which plan pages changed, and a
    warning on every run teaches people to skip warnings. Every other message passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def load_plans(root: Path, plans_dir: Path) -> dict[str, Plan | PlannerError]:
    """Every plans/SLUG/plan.yaml, or the error that stopped it loading: one bad file hides nothing."""
    return dict(Workspace(root, plans_dir.relative_to(root).as_posix()).load_all())


class PlannerPlugin(BasePlugin[options.PlannerConfig]):  # type: ignore[no-untyped-call]
    """`plugins: [search, planner]`: the portfolio and a page per plan, version and change."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[HtmlPage, dict[str, Any]]] = {}
        self.places: dict[str, str] = {}  # page not in the nav -> the nav page that stands for it
        self.active: Page | None = None  # the nav page standing for the page being built
        self._index: Any = None  # Material's search index, when its search plugin runs
        self._to_index: set[str] = set()
        self._quiet: set[str] = set()
        self._nav_pages: tuple[Navigation, dict[str, Page]] | None = None  # the nav's pages by source
        self.sidebars = SharedSidebars()
        # A plugin that defines on_startup is kept by mkdocs (1.4+) for the whole `mkdocs serve`: its
        # caches (one per workspace) let a rebuild re-render only the plans whose files changed, and
        # `dirty` (`planner serve` runs `mkdocs serve --dirty`) lets mkdocs skip unchanged pages.
        self.caches: dict[tuple[Path, Path], SiteCache] = {}
        self.dirty = False

    def _paths(self, config: MkDocsConfig) -> tuple[Path, Path, Path]:
        """The workspace, its plans and its template overrides: both folders inside the workspace."""
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            folders = [
                options.folder(root, name, self.config[name]) for name in ("plans_dir", "templates_dir")
            ]
        except PlannerError as exc:
            raise PluginError(str(exc)) from exc
        return root, folders[0], folders[1]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = command == "serve" and dirty
        if self.dirty:
            builder = logging.getLogger("mkdocs.commands.build")
            if not any(isinstance(known, DirtyNotice) for known in builder.filters):
                builder.addFilter(DirtyNotice())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Our main.html escapes the page title in <title>; it goes right after the user's custom_dir.
        overrides = str(resources.files("planner.templates") / "overrides")
        theme = config.theme
        if overrides not in theme.dirs:
            theme.dirs.insert(1 if theme.custom_dir else 0, overrides)
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            uri = f"{ASSET_DIR}/{name}"
            if uri not in target:
                target.append(uri)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root, plans_dir, templates_dir = self._paths(config)
        dashboard = render.BESIDE_HOME if "index.md" in files.src_uris else render.DASHBOARD
        cache = self.caches.setdefault((root, plans_dir), SiteCache(root, plans_dir))
        # Pages from the workspace's own templates are Markdown it wrote: mkdocs' Markdown renders them.
        own = any(templates_dir.glob("*.j2")) if templates_dir.is_dir() else False
        markdown = WorkspaceMarkdown(config.markdown_extensions, config.mdx_configs) if own else None
        try:
            built = cache.build(
                templates_dir, dashboard, bool(config.use_directory_urls), workers(), markdown
            )
        except PlannerError as exc:
            raise PluginError(str(exc)) from exc
        for warning in built.warnings:
            log.warning(warning)
        if built.rendered:
            count = len(built.rendered)
            plans = "1 plan" if count == 1 else f"{count} plans"
            processes = "1 process" if built.processes == 1 else f"{built.processes} processes"
            log.info(f"rendered {plans} in {processes}")
        self.pages, self.places = built.pages, built.places
        self.sidebars.clear()
        self._index, self._to_index = _search_index(config), set()
        for name in ASSETS:
            _put(files, File.generated(config, f"{ASSET_DIR}/{name}", content=render.asset(name)))
        for path in self.pages:  # pages that stand outside the nav say so: `validation.nav` stays quiet
            inclusion = InclusionLevel.NOT_IN_NAV if path in self.places else InclusionLevel.UNDEFINED
            file = File.generated(config, path, content="", inclusion=inclusion)
            if self.dirty and path in built.unchanged:
                file.is_modified = _unmodified  # type: ignore[method-assign]
            _put(files, file)
        # In a dirty rebuild Material's search keeps the index of the pages it skips, and replaces
        # the entries of the first page it sees: that must be the edited plan, not the portfolio.
        self._quiet = {dashboard} if self.dirty and built.unchanged else set()
        entry = {str(safetext.escape_inline(self.config.nav_title)): built.nav}
        config.nav = with_plans(config.nav, lambda: _own_nav(files, dashboard), dashboard, entry)
        return files

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """planner's nav partial renders a plan's sidebar once (Material's own, kept reachable) and
        shares it with the plan's version, draft and what-changed pages."""
        env.loader = render.with_material_templates(env.loader)
        env.globals.update(
            planner_material_nav=MATERIAL_NAV,
            planner_nav_key=lambda page: self.sidebars.key(page, self.active),
            planner_nav_kept=self.sidebars.kept,
            planner_nav_keep=self.sidebars.keep,
        )
        return env

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """A generated page skips Markdown: its HTML, table of contents and title are ready."""
        found = self.pages.get(page.file.src_uri)
        if found is None:
            return page
        done, meta = found

        def read_source(config: MkDocsConfig) -> None:
            page.markdown, page.meta = "", dict(meta)
            if self._index is not None and not meta.get("search", {}).get("exclude"):
                # planner indexes its own pages (on_page_context); the search plugin need not parse them.
                page.meta["search"] = {"exclude": True}
                self._to_index.add(page.file.src_uri)

        def convert(config: MkDocsConfig, files: Files) -> None:
            page.content, page.toc = done.html, get_toc(done.toc)  # type: ignore[arg-type]
            page.present_anchor_ids = done.ids

        page.read_source = read_source  # type: ignore[method-assign]
        page.render = convert  # type: ignore[method-assign]
        return page

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """A version, draft or what-changed page keeps its plan's place in the nav (its versions list);
        planner's own pages join the search index here, read off its markup without a parser."""
        uri = page.file.src_uri
        if uri in self._to_index and uri not in self._quiet and self._index is not None:
            done = self.pages[page.file.src_uri][0]
            self._index.entries.extend(
                search_entries(done, page.url, str(page.meta.get("title") or page.title))
            )
        place = self.places.get(page.file.src_uri)
        if place is not None and page.parent is None:
            if self._nav_pages is None or self._nav_pages[0] is not nav:
                self._nav_pages = (nav, {other.file.src_uri: other for other in nav.pages})
            self.active = self._nav_pages[1].get(place)
            if self.active is not None:
                self.active.active = True
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.active is not None:
            self.active.active = False
            self.active = None
        return output

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        _, plans_dir, templates_dir = self._paths(config)
        for folder in (plans_dir, templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _unmodified() -> bool:
    return False


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index (its entries are a list of {location, title, text}), or None."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and getattr(plugin, "config", {}).get(
            "enabled", True
        ):
            return index
    return None


def _put(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        log.info(f"'{file.src_uri}' is generated by planner; the file in docs/ is ignored")
        files.remove(existing)
    files.append(file)


def _own_nav(files: Files, dashboard: str) -> list[Any]:
    """mkdocs' automatic nav of the user's own pages (those it would list), without planner's."""
    from mkdocs.structure.files import file_sort_key
    from mkdocs.utils import nest_paths

    own = sorted(
        (
            file
            for file in files.documentation_pages()
            if not file.src_uri.startswith("plans/")
            and file.src_uri != dashboard
            and file.inclusion.is_in_nav()  # type: ignore[no-untyped-call]
        ),
        key=file_sort_key,
    )
    return nest_paths(file.src_uri for file in own)  # type: ignore[no-any-return, no-untyped-call]
