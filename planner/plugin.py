"""The mkdocs plugin: a thin adapter that turns the workspace's plans into in-memory site pages."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from planner import render
from planner.errors import PlannerError
from planner.history import VERSIONS, read_versions
from planner.model import Plan
from planner.store import PLAN_FILE, SLUG_RE, plan_from_text, read_text

log = get_plugin_logger(__name__)

ASSETS = ("planner.css", "planner.js")
ASSET_DIR = "assets/planner"


class PlannerConfig(Config):  # type: ignore[no-untyped-call]
    plans_dir = config_options.Type(str, default="plans")
    templates_dir = config_options.Type(str, default="templates")
    nav_title = config_options.Type(str, default="Plans")


def load_plans(root: Path, plans_dir: Path) -> dict[str, Plan | PlannerError]:
    """Every plans/SLUG/plan.yaml, or the error that stopped it loading: one bad file hides nothing."""
    plans: dict[str, Plan | PlannerError] = {}
    if not plans_dir.is_dir():
        return plans
    for folder in sorted(plans_dir.iterdir()):
        path = folder / PLAN_FILE
        if not (SLUG_RE.fullmatch(folder.name) and path.is_file()):
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            plans[folder.name] = plan_from_text(read_text(path, shown), shown)
        except PlannerError as exc:
            plans[folder.name] = exc
    return plans


class PlannerPlugin(BasePlugin[PlannerConfig]):  # type: ignore[no-untyped-call]
    """`plugins: [search, planner]`: dashboard, plan, press release and risk pages for every plan."""

    def _paths(self, config: MkDocsConfig) -> tuple[Path, Path, Path]:
        """The workspace, its plans and its template overrides: both folders inside the workspace."""
        root = Path(config.config_file_path or ".").resolve().parent
        folders = []
        for option in ("plans_dir", "templates_dir"):
            value = self.config[option]
            folder = (root / value).resolve()
            if not folder.is_relative_to(root):
                raise PluginError(
                    f"planner: {option} '{value}' is outside the workspace ({root}); "
                    "use a folder inside it (the default is fine: leave the option out)"
                )
            folders.append(folder)
        return root, folders[0], folders[1]

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
        plans = load_plans(root, plans_dir)
        for slug, plan in plans.items():
            if isinstance(plan, PlannerError):
                log.warning(f"plan '{slug}' cannot be read; the site shows an error page for it:\n{plan}")
        versions = {}
        for slug in plans:
            versions[slug], problems = read_versions(plans_dir / slug / VERSIONS, root)
            for problem in problems:
                log.warning(f"{problem}\nthe site leaves it out; run `planner check {slug}`")
        try:
            pages = render.pages(plans, templates_dir, versions)
        except PlannerError as exc:
            raise PluginError(str(exc)) from exc
        if "index.md" not in files.src_uris:
            pages["index.md"] = render.Renderer(templates_dir).render("home.md.j2", count=len(plans))
        for name in ASSETS:
            content = (resources.files("planner.templates") / "assets" / name).read_bytes()
            _put(files, File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        for path, text in pages.items():
            _put(files, File.generated(config, path, content=text))
        config.nav = _with_plans(config.nav, files, render.nav(plans, self.config.nav_title, versions))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        _, plans_dir, templates_dir = self._paths(config)
        for folder in (plans_dir, templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _put(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        log.info(f"'{file.src_uri}' is generated by planner; the file in docs/ is ignored")
        files.remove(existing)
    files.append(file)


def _with_plans(nav: Any, files: Files, plans_entry: dict[str, Any]) -> list[Any]:
    """The user's nav (or mkdocs' automatic one over their own pages) with the plans section added."""
    if nav is not None:
        if render.DASHBOARD in str(nav):
            return list(nav)  # the user placed the plans themselves
        return [*nav, plans_entry]
    from mkdocs.structure.files import file_sort_key
    from mkdocs.utils import nest_paths

    own = sorted(
        (
            file
            for file in files.documentation_pages()
            if not file.src_uri.startswith("plans/") and file.inclusion.is_in_nav()  # type: ignore[no-untyped-call]
        ),
        key=file_sort_key,
    )
    return [*nest_paths(file.src_uri for file in own), plans_entry]  # type: ignore[no-untyped-call]
