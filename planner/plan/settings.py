"""The planner plugin's options in mkdocs.yml, read the way mkdocs reads them, for the site and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError

from planner.core.errors import UsageError

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


class PlannerConfig(Config):  # type: ignore[no-untyped-call]
    plans_dir = _Folder(str, default="plans")
    templates_dir = _Folder(str, default="templates")
    nav_title = config_options.Type(str, default="Plans")


def folder(root: Path, option: str, value: str) -> Path:
    """`root / value`, refused when it leads outside the workspace."""
    path = (root / value).resolve()
    if not path.is_relative_to(root.resolve()):
        default = PlannerConfig()[option]
        raise UsageError(
            f"{CONFIG_FILE}: the planner plugin's {option} '{value}' is outside the workspace ({root}); "
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
    """The planner plugin's options in root/mkdocs.yml (`INHERIT:` and `!ENV` resolved as mkdocs does),
    validated by the plugin's own config class: the defaults when there is no mkdocs.yml."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    path = root / CONFIG_FILE
    options: dict[str, Any] = {}
    if path.is_file():
        loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(path)))
        try:
            with path.open("rb") as handle:
                data = yaml_load(handle, loader)
        except (ConfigurationError, OSError, ValueError) as exc:
            raise UsageError(
                f"{CONFIG_FILE} cannot be read: {exc}; fix it (mkdocs reports the same)"
            ) from exc
        except Exception as exc:  # a `!!python/name:` tag naming a module that is not installed...
            raise UsageError(
                f"{CONFIG_FILE} cannot be read: {type(exc).__name__}: {exc}; fix it (mkdocs reports the same)"
            ) from exc
        options = _planner_entry(data.get("plugins") if isinstance(data, dict) else None) or {}
    config = PlannerConfig(config_file_path=str(path))
    config.load_dict(options)
    errors, _ = config.validate()
    if errors:
        raise UsageError(
            "; ".join(
                f"{CONFIG_FILE}: the planner plugin's option '{name}' {error}" for name, error in errors
            )
        )
    for option in ("plans_dir", "templates_dir"):
        folder(root, option, config[option])
    return config


def plans_dir_in(text: str) -> str | None:
    """`plans_dir` as set in the text of an mkdocs.yml read at a git ref (`!ENV` resolved; an `INHERIT:`
    has no file to follow there), or None when it is not set or the text does not parse."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    try:
        data = yaml_load(text, get_yaml_loader())
    except Exception:  # mkdocs reports a broken mkdocs.yml when the site is built from that commit
        return None
    options = _planner_entry(data.get("plugins") if isinstance(data, dict) else None) or {}
    value = options.get("plans_dir")
    return value if isinstance(value, str) and value.strip() else None
