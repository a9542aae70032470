"""Commands for the site: `build` and `serve`, which run mkdocs or Zensical on the workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from planner.cli.group import cli, columns, current_workspace, echo

ENGINES = ("mkdocs", "zensical")

# Material's own notice (printed by a plain `mkdocs build`) points at a migration that shows no plans
# in a planner workspace; planner passes its news on with the command that switches this site.
END_OF_LIFE = (
    "note: Material for MkDocs, which draws this site under mkdocs, reaches end of life on 5 May 2027 "
    "(its maintainers' notice). Zensical, its successor by the same team, builds the same site:",
    "    {switch}",
    "  or set `engine: zensical` under the planner plugin in mkdocs.yml (see the README's 'Two site "
    "engines'). NO_MKDOCS_2_WARNING=1 hides this note.",
)


def engine_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default=None,
        help="The site engine (default: the planner plugin's `engine` in mkdocs.yml, else mkdocs).",
    )(function)


def _engine(root: Path, chosen: str | None) -> str:
    from planner.plan import settings

    return chosen or str(settings.read(root).engine)


def _end_of_life_note() -> None:
    import os

    from planner.site.zensical import INSTALL, version

    if os.environ.get("NO_MKDOCS_2_WARNING"):
        return
    from planner.core.terminal import wrap

    command = "planner build --engine zensical"
    switch = command if version() else f"{INSTALL} && {command}"
    if len(switch) + 4 > min(columns() or 100, 100) - 1:  # a shell reads on after a line ending in &&
        switch = switch.replace(" && ", " &&\n    ")
    width = min(columns() or 100, 100) - 1  # broken between words, the command never
    note, run, other = END_OF_LIFE
    echo("\n".join([wrap(note, width, hang=2), run.format(switch=switch), wrap(other, width)]), err=True)


def _run_mkdocs(root: Path, command: str, *args: str) -> None:
    """Run mkdocs itself on the workspace's mkdocs.yml: the plugin does the work (never `build --dirty`,
    which leaves an empty search index)."""
    import os
    import sys

    from planner.core import child
    from planner.core.errors import UsageError

    config = root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(
            f"no mkdocs.yml in {root}; run `planner init` to create one (existing files are kept)"
        )
    _end_of_life_note()
    # Material's banner would repeat the note above, pointing at a plain Zensical build.
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # -P: the current folder stays off sys.path, so in planner's own repository the source folder
    # planner/ never shadows the installed package.
    _ended(
        *child.run([sys.executable, "-P", "-m", "mkdocs", command, "-f", str(config), *args]),
        "mkdocs",
        command,
    )


def _ended(code: int, stopped: int | None, engine: str, command: str) -> None:
    """How the engine's run ended, as planner's own exit."""
    import sys

    from planner.core.errors import CheckFailed

    if (
        stopped is not None
    ):  # `kill` of planner: the engine was stopped with it; exit as a killed process does
        sys.exit(128 + stopped)
    if code not in (0, -2, 130):  # 130 / -2: stopped with Ctrl-C, not a failure
        raise CheckFailed(f"{engine} {command} failed (exit {code}); fix the problems it reported above")


def _report(written: Any) -> None:
    for note in written.notes:
        echo(f"INFO    -  planner: {note}", err=True)
    for warning in written.warnings:
        first, *rest = warning.split("\n")
        echo(f"WARNING -  planner: {first}", err=True)
        for line in rest:
            echo(f"           {line}", err=True)


def _zensical_folder(root: Path) -> Any:
    from planner.plan import settings
    from planner.site import zensical

    zensical.require()
    return zensical.BuildFolder(root, settings.read(root))


@cli.command()
@click.option("--strict", is_flag=True, help="Fail on warnings (e.g. a plan that cannot be read).")
@engine_option
def build(strict: bool, engine: str | None) -> None:
    """Build the site of every plan into site/ (runs `mkdocs build`, or Zensical with --engine zensical)."""
    root = current_workspace().root
    if _engine(root, engine) == "mkdocs":
        _run_mkdocs(root, "build", "--clean", *(["--strict"] if strict else []))
        return
    from planner.core import child
    from planner.core.errors import CheckFailed

    folder = _zensical_folder(root)
    written = folder.write()
    _report(written)
    if strict and written.warnings:
        raise CheckFailed(f"{len(written.warnings)} warning(s) with --strict; fix them, then build again")
    _ended(*child.run(folder.build_command(written, strict), cwd=root), "zensical", "build")
    folder.publish(written)
    echo(f"INFO    -  planner: the site is in {written.site_dir}", err=True)


@cli.command()
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@engine_option
def serve(dev_addr: str, engine: str | None) -> None:
    """Serve the site and rebuild it whenever a plan changes (runs `mkdocs serve`, or Zensical's)."""
    root = current_workspace().root
    if _engine(root, engine) == "mkdocs":
        # --dirty: mkdocs rebuilds only the pages of the plans that changed (planner tells it which).
        _run_mkdocs(root, "serve", "--dev-addr", dev_addr, "--dirty")
        return
    from planner.core import child
    from planner.core.errors import PlannerError
    from planner.site.zensical import command

    folder = _zensical_folder(root)
    written = folder.write()
    _report(written)

    def refresh() -> None:
        """Plans edited while Zensical serves: planner rewrites their pages, Zensical reloads them."""
        try:
            again = folder.refresh()
        except PlannerError as exc:  # a template typo: say so and keep serving the last good pages
            echo(f"ERROR   -  planner: {exc}", err=True)
            return
        if again is not None:
            _report(again)

    argv = command("serve", written.config, "-a", dev_addr)
    _ended(*child.run(argv, cwd=root, tick=refresh), "zensical", "serve")
