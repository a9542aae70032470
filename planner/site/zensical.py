"""The Zensical engine: planner's pages, nav and a configuration inheriting mkdocs.yml, written to a
build folder (never into docs/), then Zensical run on it.

Zensical reads mkdocs.yml and draws Material's theme, but runs no MkDocs plugins: a plain `zensical
build` of a workspace shows no plans. So planner writes what its mkdocs plugin hands mkdocs in memory
(the portfolio, every plan's pages as finished HTML, the nav, its stylesheet and script) into
`.planner/zensical/`, beside a copy of the user's own pages and a configuration made of the
workspace's mkdocs.yml (INHERIT and !ENV resolved as mkdocs resolves them), and Zensical builds that.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from planner import __version__
from planner.core.errors import PlannerError, UsageError
from planner.plan import configfile
from planner.plan.settings import CONFIG_FILE, PlannerConfig, folder
from planner.site import navigation, render, safetext
from planner.site.cache import Key, SiteCache, stat_key, workers
from planner.site.htmlpage import HtmlPage
from planner.site.zensical_markdown import first_line

BUILD_DIR = ".planner/zensical"  # inside the workspace; Zensical keeps docs and site inside its project
INSTALL = "pip install 'ml-project-planner[zensical]'"
EXTENSION = "planner.site.zensical_markdown"


def version() -> str | None:
    """The installed Zensical's version, or None when it is not installed."""
    if importlib.util.find_spec("zensical") is None:
        return None
    try:
        return importlib.metadata.version("zensical")
    except importlib.metadata.PackageNotFoundError:
        return None


def require() -> str:
    """Zensical's version; a UsageError naming the extra when it is not installed."""
    found = version()
    if found is None:
        raise UsageError(
            f"the Zensical engine is not installed; install it with `{INSTALL}` "
            "(or build with `--engine mkdocs`)"
        )
    return found


def command(action: str, config: Path, *args: str) -> list[str]:
    """The Zensical command line for `action` (build, serve) on the configuration planner wrote."""
    # -P: the current folder stays off sys.path (planner's own repository holds a planner/ folder).
    return [sys.executable, "-P", "-m", "zensical", action, "-f", str(config), *args]


@dataclass
class Written:
    """One write of the build folder."""

    config: Path  # the configuration Zensical reads
    built: Path  # where Zensical writes the site (inside the build folder)
    site_dir: Path  # where the workspace keeps its site (mkdocs.yml's site_dir)
    warnings: list[str] = field(default_factory=list)  # what the mkdocs plugin logs as warnings
    notes: list[str] = field(default_factory=list)  # and as information
    changed: int = 0  # files written or removed


class BuildFolder:
    """A workspace's Zensical build folder, kept in step with its plans, docs and mkdocs.yml: each
    write re-renders only the plans whose files changed and rewrites only the files that differ."""

    def __init__(self, root: Path, settings: PlannerConfig) -> None:
        self.root = root.resolve()
        self.path = self.root / BUILD_DIR
        self.settings = settings
        self.plans_dir = folder(self.root, "plans_dir", settings.plans_dir)
        self.templates_dir = folder(self.root, "templates_dir", settings.templates_dir)
        self.cache = SiteCache(self.root, self.plans_dir, md_links=True)
        self.seen: Key = ()  # the fingerprint of what the last write was made from
        self.settling: Key | None = None  # a change seen at the last refresh, not yet written

    def refresh(self) -> Written | None:
        """Write again once a plan, template, page or mkdocs.yml changed since the last write and then
        stayed the same for one refresh (what `planner serve` does a few times a second while Zensical
        serves the build folder): a save caught halfway (an editor that empties the file, then writes it)
        is not written, so Zensical gets one rebuild of the finished file, not two in a row."""
        now = self.fingerprint()
        if now == self.seen:
            self.settling = None
            return None
        if now != self.settling:
            self.settling = now  # changed since the last look: wait for it to settle
            return None
        self.settling = None
        return self.write()

    def build_command(self, written: Written, strict: bool) -> list[str]:
        """The Zensical build of a fresh site (as `mkdocs build --clean`): the previous one removed."""
        shutil.rmtree(written.built, ignore_errors=True)
        return command("build", written.config, *(["--strict"] if strict else []))

    def write(self) -> Written:
        """Write the generated docs tree and the configuration; returns where things are."""
        self.seen = self.fingerprint()
        config = self._config()
        docs_dir = self._inside(config.get("docs_dir", "docs"), "docs_dir")
        site_dir = self._inside(config.get("site_dir", "site"), "site_dir")
        own = dict(_own_files(docs_dir))
        dashboard = render.BESIDE_HOME if "index.md" in own else render.DASHBOARD
        directory_urls = bool(config.get("use_directory_urls", True))
        built = self.cache.build(self.templates_dir, dashboard, directory_urls, workers())
        out = Written(self.path / CONFIG_FILE, self.path / "site", site_dir, list(built.warnings))
        files: dict[str, Path | bytes] = dict(own)
        for path, (page, meta) in built.pages.items():
            if path in own:
                out.notes.append(f"'{path}' is generated by planner; the file in docs/ is ignored")
            files[path] = page_source(page, meta)
        for name in render.ASSETS:
            files[f"{render.ASSET_DIR}/{name}"] = render.asset(name)
        plans = {str(safetext.escape_inline(self.settings.nav_title)): built.nav}
        pages = [path for path in own if path.endswith(".md")]
        nav = navigation.with_plans(
            config.get("nav"), lambda: navigation.automatic(pages, dashboard), dashboard, plans
        )
        self.path.mkdir(parents=True, exist_ok=True)
        ignore = b"# planner's build folders: nothing here is committed\n*\n"
        _write(self.path.parent / ".gitignore", ignore, self.path)
        out.changed = self._sync(self.path / "docs", files)
        data = self._zensical_config(config, nav)
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        out.changed += _write(out.config, text.encode("utf-8"), self.path)
        return out

    def fingerprint(self) -> Key:
        """What the build folder is made from, cheaply: a change here means `write` has work to do."""
        try:
            docs = self._inside(self._config().get("docs_dir", "docs"), "docs_dir")
        except PlannerError:  # an unreadable mkdocs.yml: the next write says so
            docs = self.root / "docs"
        return (
            stat_key(self.root / CONFIG_FILE),
            _tree(self.plans_dir),
            _tree(self.templates_dir),
            _tree(docs),
        )

    def publish(self, written: Written) -> None:
        """Put the site Zensical built where mkdocs would have (mkdocs.yml's site_dir), replacing the
        previous one whole: a failed build leaves the old site in place."""
        target = written.site_dir
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.path / "site.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        try:
            os.replace(written.built, target)
        except OSError:  # another file system: copy instead
            shutil.copytree(written.built, target)
            shutil.rmtree(written.built, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)

    # ------------------------------------------------------------------ configuration

    def _config(self) -> dict[str, Any]:
        root = self.root

        def read(name: str) -> bytes | None:
            try:
                return (root / name).read_bytes()
            except FileNotFoundError:
                return None
            except OSError as exc:
                raise UsageError(f"{name}: cannot read ({exc.strerror}); check its permissions") from exc

        if read(CONFIG_FILE) is None:
            raise UsageError(
                f"no {CONFIG_FILE} in {root}; run `planner init` to create one (existing files are kept)"
            )
        try:
            return configfile.load(read, CONFIG_FILE)
        except configfile.ConfigError as exc:
            raise UsageError(str(exc)) from exc

    def _inside(self, value: Any, option: str) -> Path:
        path = (self.root / str(value)).resolve()
        if not path.is_relative_to(self.root) or path == self.root or path.is_relative_to(self.path):
            raise UsageError(
                f"{CONFIG_FILE}: {option} '{value}' must be a folder inside the workspace ({self.root}); "
                f"fix it (or leave it out)"
            )
        return path

    def _zensical_config(self, config: dict[str, Any], nav: list[Any]) -> dict[str, Any]:
        """The workspace's configuration as Zensical should read it from the build folder."""
        out = dict(config)
        out["docs_dir"] = "docs"
        out["site_dir"] = "site"
        out["nav"] = nav
        theme = out.get("theme")
        theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
        # Zensical's own look is its "modern" variant; "classic" is Material's, which the site had.
        theme.setdefault("variant", "classic")
        if theme.get("custom_dir"):
            theme["custom_dir"] = str((self.root / str(theme["custom_dir"])).resolve())
        out["theme"] = theme
        if isinstance(out.get("watch"), list):
            out["watch"] = [str((self.root / str(path)).resolve()) for path in out["watch"]]
        for key, name in (("extra_css", "planner.css"), ("extra_javascript", "planner.js")):
            listed = list(out.get(key) or [])
            uri = f"{render.ASSET_DIR}/{name}"
            out[key] = listed if uri in listed else [*listed, uri]
        # Zensical adds toc and tables itself (as mkdocs does); planner's pages pass through its own.
        extensions = out.get("markdown_extensions") or []
        mine = {EXTENSION: {"version": __version__}}
        if isinstance(extensions, dict):
            out["markdown_extensions"] = {**extensions, **mine}
        else:
            out["markdown_extensions"] = [*extensions, mine]
        return out

    # ------------------------------------------------------------------ files

    def _sync(self, docs: Path, files: dict[str, Path | bytes]) -> int:
        """Make `docs` hold exactly `files` (relative path -> bytes, or a file to copy)."""
        changed = 0
        for rel, source in files.items():
            target = docs / rel
            if isinstance(source, Path):
                changed += _copy(source, target)
            else:
                changed += _write(target, source, self.path)
        if docs.is_dir():
            for path in sorted(docs.rglob("*"), reverse=True):
                rel = path.relative_to(docs).as_posix()
                if path.is_dir():
                    if not any(path.iterdir()):
                        path.rmdir()
                elif rel not in files:
                    path.unlink()
                    changed += 1
        return changed


def page_source(page: HtmlPage, meta: dict[str, Any]) -> bytes:
    """A generated page as Zensical reads it: front matter (title, search, hide), then the line
    holding its table of contents, then its finished HTML."""
    front = json.dumps(meta, ensure_ascii=False)
    return f"---\n{front}\n---\n{first_line(page.toc)}\n{page.html}".encode()


def _own_files(docs_dir: Path) -> Iterator[tuple[str, Path]]:
    """The user's files in docs/ (relative posix path, file), leaving out what mkdocs leaves out by
    default: hidden files and folders, and a top-level templates/ folder."""
    if not docs_dir.is_dir():
        return
    for path in sorted(docs_dir.rglob("*")):
        rel = PurePosixPath(path.relative_to(docs_dir).as_posix())
        if any(part.startswith(".") for part in rel.parts) or rel.parts[0] == "templates":
            continue
        if path.is_file():
            yield rel.as_posix(), path


def _tree(folder: Path) -> Key:
    if not folder.is_dir():
        return ()
    return tuple((str(path), stat_key(path)) for path in sorted(folder.rglob("*")))


def _write(target: Path, data: bytes, scratch: Path) -> int:
    """Write `data` to `target` unless it already holds it, atomically through a file in `scratch`
    (Zensical's watcher under `serve` never sees half a file, nor the temporary one); 1 if written."""
    try:
        if target.read_bytes() == data:
            return 0
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=scratch, prefix=".planner-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return 1


def _copy(source: Path, target: Path) -> int:
    """Copy a user's file unless the copy is already the same (size and time); 1 if copied."""
    try:
        theirs, mine = source.stat(), target.stat()
        if theirs.st_size == mine.st_size and theirs.st_mtime_ns == mine.st_mtime_ns:
            return 0
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    return 1


class _Dumper(yaml.SafeDumper):
    """YAML as mkdocs.yml is written; the Python tags planner read as inert names are written back as
    the tags they were (Zensical, like mkdocs, resolves them)."""


def _inert(dumper: yaml.SafeDumper, value: configfile.Inert) -> yaml.Node:
    tag = value.tag.replace("!!", "tag:yaml.org,2002:", 1) if value.tag.startswith("!!") else value.tag
    if isinstance(value.value, dict):
        return dumper.represent_mapping(tag, value.value)
    if isinstance(value.value, list):
        return dumper.represent_sequence(tag, value.value)
    return dumper.represent_scalar(tag, "" if value.value is None else str(value.value))


_Dumper.add_representer(configfile.Inert, _inert)
