"""The planner plugin's options in mkdocs.yml, read the way mkdocs reads them, for the site and the CLI."""

from __future__ import annotations

import difflib
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError

from planner.core.errors import UsageError
from planner.plan import configfile

CONFIG_FILE = "mkdocs.yml"


class _Folder(config_options.Type[str]):
    """A folder inside the workspace, relative to mkdocs.yml; blank is refused (it would mean the
    workspace itself to one reader and the default to another)."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not text.strip():
            raise ValidationError(
                f"is blank; name a folder inside the workspace, or leave the option out for '{self.default}'"
            )
        return text


ENGINES = ("mkdocs", "zensical")


class _Engine(config_options.Type[str]):
    """The site engine `planner build` and `planner serve` run, one of ENGINES."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if text not in ENGINES:
            raise ValidationError(
                f"is '{text}'; use {' or '.join(ENGINES)} (or leave it out for {self.default})"
            )
        return text


class PlannerConfig(Config):  # type: ignore[no-untyped-call]
    plans_dir = _Folder(str, default="plans")
    templates_dir = _Folder(str, default="templates")
    nav_title = config_options.Type(str, default="Plans")
    # What `planner build` and `planner serve` run: mkdocs (with Material) or Zensical, its successor.
    engine = _Engine(str, default="mkdocs")


def folder(root: Path, option: str, value: str, label: str = "") -> Path:
    """`root / value`, refused when it leads outside the workspace (`label`: `REF:` for a git ref)."""
    path = (root / value).resolve()
    if not path.is_relative_to(root.resolve()):
        default = PlannerConfig()[option]
        raise UsageError(
            f"{label}{CONFIG_FILE}: the planner plugin's {option} '{value}' is outside the workspace ({root}); "
            f"use a folder inside it (or leave the option out for {default}/)"
        )
    return path


def _planner_entry(plugins: Any) -> dict[str, Any] | None:
    """The options given to the planner plugin (`{}` for a bare `- planner`), or None if not listed."""
    entries = list(plugins.items()) if isinstance(plugins, dict) else []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, str):
            entries.append((entry, {}))
        elif isinstance(entry, dict):
            entries.extend(entry.items())
    for name, options in entries:
        if isinstance(name, str) and name.strip("/") == "planner":
            return options if isinstance(options, dict) else {}
    return None


def read(root: Path) -> PlannerConfig:
    """The planner plugin's options in root/mkdocs.yml (`INHERIT:` and `!ENV` resolved as mkdocs does,
    Python tags left inert), validated by the plugin's own config class: the defaults when there is no
    mkdocs.yml."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return _validated({}, root, "")
    return _validated(_load(lambda name: _read_file(root, name), ""), root, "")


def _read_file(root: Path, name: str) -> bytes | None:
    try:
        return (root / name).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise configfile.ConfigError(f"{name}: cannot read ({exc.strerror}); check its permissions") from exc


def read_at(root: Path, ref: str) -> PlannerConfig:
    """The planner plugin's options in mkdocs.yml as committed at git `ref`, read as `read` reads the
    working tree (an `INHERIT:` is followed at the same ref). Anything that stops planner from knowing
    them is an error: a guess would compare the wrong folder and let a changed history pass."""
    from planner.plan.gitref import file_at

    def read_file(name: str) -> bytes | None:
        if posixpath.isabs(name) or name == ".." or name.startswith("../"):
            raise configfile.ConfigError(
                f"{ref}:{name}: outside the workspace, so planner does not read it at {ref}; "
                "keep inherited settings inside the workspace"
            )
        return file_at(root, ref, name)

    if file_at(root, ref, CONFIG_FILE) is None:
        return _validated({}, root, f"{ref}:")
    try:
        return _validated(_load(read_file, f"{ref}:"), root, f"{ref}:")
    except UsageError as exc:
        raise UsageError(f"planner cannot tell which plans_dir {ref} has: {exc}") from exc


def _load(read_file: configfile.Reader, label: str) -> dict[str, Any]:
    try:
        data = configfile.load(read_file, CONFIG_FILE, label)
    except configfile.ConfigError as exc:
        raise UsageError(str(exc)) from exc
    return _planner_entry(data.get("plugins")) or {}


def unknown_options(root: Path) -> list[str]:
    """What mkdocs warns about the planner plugin's options in root/mkdocs.yml (a name the plugin does
    not have, such as `plans_dri`), each worded with its fix: `mkdocs build --strict` stops on them, and
    the option meant is left at its default."""
    if not (root / CONFIG_FILE).is_file():
        return []
    options = dict(_load(lambda name: _read_file(root, name), ""))
    options.pop("enabled", None)  # mkdocs' own switch for every plugin that does not declare one
    config = PlannerConfig(config_file_path=str(root / CONFIG_FILE))
    config.load_dict(options)
    _, warnings = config.validate()
    known = sorted(PlannerConfig())
    found = []
    for name, message in warnings:
        if name not in options or name in known:
            continue
        close = difflib.get_close_matches(str(name), known, n=1)
        meant = f"did you mean '{close[0]}'? " if close else ""
        found.append(
            f"{CONFIG_FILE}: the planner plugin's option '{name}': {message} (`mkdocs build --strict` stops "
            f"on it); {meant}its options are {', '.join(known)}"
        )
    return found


def _validated(options: dict[str, Any], root: Path, label: str) -> PlannerConfig:
    options = dict(options)
    enabled = options.pop("enabled", True)  # mkdocs' own switch, as mkdocs reads it
    if not isinstance(enabled, bool):
        raise UsageError(
            f"{label}{CONFIG_FILE}: the planner plugin's option 'enabled' is {enabled!r}; write true or false"
        )
    config = PlannerConfig(config_file_path=str(root / CONFIG_FILE))
    config.load_dict(options)
    errors, _ = config.validate()
    if errors:
        raise UsageError(
            "; ".join(
                f"{label}{CONFIG_FILE}: the planner plugin's option '{name}' {error}"
                for name, error in errors
            )
        )
    for option in ("plans_dir", "templates_dir"):
        folder(root, option, config[option], label)
    return config
