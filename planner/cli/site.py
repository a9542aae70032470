"""Commands for the site: `build` and `serve`, which run mkdocs on the workspace's mkdocs.yml."""

from __future__ import annotations

import click

from planner.cli.group import cli, current_workspace


def _run_mkdocs(command: str, *args: str) -> None:
    """Run mkdocs itself on the workspace's mkdocs.yml: the plugin does the work (never `build --dirty`,
    which leaves an empty search index)."""
    import os
    import sys

    from planner.core import child
    from planner.core.errors import CheckFailed, UsageError

    root = current_workspace().root
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(
            f"no mkdocs.yml in {root}; run `planner init` to create one (existing files are kept)"
        )
    # Material's end-of-life banner is for the site's maintainers, not for every `planner build`.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # -P: the current folder stays off sys.path, so in planner's own repository the source folder
    # planner/ never shadows the installed package.
    code, stopped = child.run([sys.executable, "-P", "-m", "mkdocs", command, "-f", str(config), *args])
    if stopped is not None:  # `kill` of planner: mkdocs was stopped with it; exit as a killed process does
        sys.exit(128 + stopped)
    if code not in (0, -2, 130):  # 130 / -2: stopped with Ctrl-C, not a failure
        raise CheckFailed(f"mkdocs {command} failed (exit {code}); fix the problems it reported above")


@cli.command()
@click.option("--strict", is_flag=True, help="Fail on warnings (e.g. a plan that cannot be read).")
def build(strict: bool) -> None:
    """Build the site of every plan into site/ (runs `mkdocs build`)."""
    _run_mkdocs("build", "--clean", *(["--strict"] if strict else []))


@cli.command()
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(dev_addr: str) -> None:
    """Serve the site and rebuild it whenever a plan changes (runs `mkdocs serve`)."""
    # --dirty: mkdocs rebuilds only the pages of the plans that changed (planner tells it which).
    _run_mkdocs("serve", "--dev-addr", dev_addr, "--dirty")
