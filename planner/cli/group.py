"""The `planner` group: commands in a team's order, errors mapped to exit codes in one place, safe output."""

from __future__ import annotations

from typing import Any

import click

from planner import __version__
from planner.core.errors import PlannerError


class _Group(click.Group):
    """Maps every PlannerError to its message and exit code, in this one place."""

    # `planner --help` lists commands in the order a team meets them, not alphabetically.
    ORDER: tuple[str, ...] = ("init", "interview", "measure", "try", "list", "show", "new", "risks", "rules")
    ORDER += ("check", "publish", "diff", "log", "track", "status")

    def list_commands(self, ctx: click.Context) -> list[str]:
        order = {name: index for index, name in enumerate(self.ORDER)}
        return sorted(self.commands, key=lambda name: (order.get(name, len(order)), name))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlannerError as exc:
            if ctx.meta.get("planner.debug"):
                raise
            print_error(str(exc))
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            if ctx.meta.get("planner.debug"):
                raise
            click.echo("\nplanner: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`planner rules | head -3`): stop quietly, as other Unix tools do.
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except OSError as exc:  # a folder that cannot be created, a full disk, a read-only file system
            if ctx.meta.get("planner.debug"):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            print_error(
                f"{where}{exc.strerror or exc}; check that the folder exists and that you may read and write there"
            )
            ctx.exit(2)
        except Exception as exc:
            if ctx.meta.get("planner.debug"):
                raise
            print_error(f"internal error: {type(exc).__name__}: {exc}; run again with --debug for details")
            ctx.exit(3)


def echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    """Print text that may hold answers: control characters never reach the terminal."""
    from planner.core.inert import terminal_safe

    click.echo(terminal_safe(text), nl=nl, err=err)


def columns() -> int | None:
    """How wide a table may be: `COLUMNS` if set, else the terminal's width; no limit when piped."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def line_width(*, err: bool = False) -> int | None:
    """Where to break long lines of text (findings, errors) between words: one column short of a
    terminal's width, so the terminal never breaks them inside a word; None when the stream is a file,
    a pipe or a CI log, which keep one finding per line for grep, whatever COLUMNS says."""
    import sys

    if not (sys.stderr if err else sys.stdout).isatty():
        return None
    width = columns() or 80
    return width - 1


def print_error(message: str) -> None:
    """`error: ...` on stderr, broken between words at the terminal's width (never when piped)."""
    from planner.core.terminal import wrap

    width = line_width(err=True)
    first, *rest = message.split("\n")
    echo(wrap(f"error: {first}", width, hang=2), err=True)
    for line in rest:
        echo(wrap(f"  {line}", width, hang=4), err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="planner")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Plan machine-learning projects before building them.

    Start with `planner init`, then `planner interview`.
    """
    ctx.meta["planner.debug"] = debug


def current_workspace() -> Any:
    from planner.plan.workspace import find_workspace

    return find_workspace()


def plan_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion: the plans of the workspace around the current folder."""
    try:
        return [slug for slug in current_workspace().slugs() if slug.startswith(incomplete)]
    except Exception:  # no workspace here, an unreadable mkdocs.yml: nothing to offer
        return []
