"""mkdocs.yml read as data, constructing nothing executable, in the working tree or at a git ref.

mkdocs loads its configuration with PyYAML's full loader, which imports modules and calls functions
named by `!!python/...` tags; in CI, `planner check` and `planner diff` read a pull request's
mkdocs.yml (and its base's), so planner's own reads must build nothing but data. This loader keeps
what mkdocs adds to YAML (`INHERIT:`, `!ENV`, `!relative`) and leaves every Python tag inert: Material's
`emoji_index: !!python/name:material.extensions.emoji.twemoji` loads as that name, and
`!!python/object/apply:os.system [...]` as a tag and its arguments, never run. `mkdocs build` still
reads the file its own way; planner only needs the planner plugin's options from it."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INHERIT_DEPTH = 16  # mkdocs follows INHERIT without a limit: a loop overflows its stack


@dataclass(frozen=True)
class Inert:
    """A value mkdocs builds by running Python (`!!python/name:X`, `!!python/object/apply:F`) or
    resolves per page (`!relative`), kept as its tag and its plain data."""

    tag: str
    value: Any

    def __str__(self) -> str:
        return f"{self.tag} {self.value}".strip()


class ConfigError(Exception):
    """mkdocs.yml (or a file it inherits) cannot be read; the message names the file and the place."""


def _construct_plain(loader: Any, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


def _python(loader: Any, suffix: str, node: yaml.Node) -> Inert:
    return Inert(f"!!python/{suffix}", _construct_plain(loader, node))


def _relative(loader: Any, node: yaml.Node) -> Inert:
    return Inert("!relative", _construct_plain(loader, node))


def _env(loader: Any, node: yaml.Node) -> Any:
    import yaml_env_tag  # type: ignore[import-untyped]  # mkdocs' own `!ENV`: it reads environment variables and constructs plain data

    return yaml_env_tag.construct_env_tag(loader, node)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """PyYAML's safe loader (YAML 1.1, as mkdocs reads) plus mkdocs' tags; Python's tags stay inert."""


_Loader.add_constructor("!ENV", _env)
_Loader.add_constructor("!relative", _relative)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python)


Reader = Callable[[str], bytes | None]  # a path relative to the workspace (posix) -> its bytes, or None


def load(read: Reader, name: str = "mkdocs.yml", label: str = "") -> dict[str, Any]:
    """The data of `name` as mkdocs would merge it (`INHERIT:` followed through `read`, each parent
    deep-merged under its child), or {} when it holds nothing. `label` prefixes the file names in
    messages (`origin/main:` for a file at a git ref). Raises ConfigError naming the file and line."""
    return _load(read, posixpath.normpath(name), label, ())


def _load(read: Reader, name: str, label: str, chain: tuple[str, ...]) -> dict[str, Any]:
    import mergedeep  # type: ignore[import-untyped]  # what mkdocs merges INHERIT with

    shown = f"{label}{name}"
    if name in chain:
        loop = " -> ".join((*chain, name))
        raise ConfigError(f"{shown}: INHERIT leads back to itself ({loop}); remove one INHERIT")
    if len(chain) >= INHERIT_DEPTH:
        raise ConfigError(f"{shown}: INHERIT goes more than {INHERIT_DEPTH} files deep; merge some of them")
    raw = read(name)
    if raw is None:
        parent = f" (inherited by {label}{chain[-1]})" if chain else ""
        raise ConfigError(f"{shown}: no such file{parent}; fix the INHERIT path or add the file")
    data = _parse(raw, shown)
    if not isinstance(data, dict):
        if data is None:
            return {}
        raise ConfigError(f"{shown}: not a mapping of settings; write `site_name: ...` and the rest as keys")
    inherit = data.pop("INHERIT", None)
    if inherit is None:
        return data
    if not isinstance(inherit, str) or not inherit.strip():
        raise ConfigError(f"{shown}: INHERIT must be the path of another YAML file; fix it")
    parent_name = posixpath.normpath(posixpath.join(posixpath.dirname(name), inherit))
    merged: dict[str, Any] = mergedeep.merge(_load(read, parent_name, label, (*chain, name)), data)
    return merged


def _parse(raw: bytes, shown: str) -> Any:
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_Loader)  # safe: Python tags stay inert
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{shown}:{line}: not UTF-8 text; save the file as UTF-8") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise ConfigError(f"{where}: {exc.problem or exc.context}; fix the YAML there") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{shown}: invalid YAML ({exc}); fix the file") from exc
    except RecursionError as exc:
        raise ConfigError(f"{shown}: nested too deeply to read; flatten it") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise ConfigError(f"{shown}: {exc}; fix the value") from exc
