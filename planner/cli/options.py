"""Options several commands share, as decorators: the plan name (with shell completion) and `--format`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from planner.cli.group import plan_names

F = TypeVar("F", bound=Callable[..., Any])


def slug_argument(*, required: bool = True) -> Callable[[F], F]:
    """The plan's name, SLUG, completed from the workspace's plans."""
    return click.argument("slug", required=required, shell_complete=plan_names)


def format_option(*formats: str, default: str | None = None, help: str | None = None) -> Callable[[F], F]:
    """`--format` among `formats`; the command receives it as `format_`."""
    return click.option(
        "--format",
        "format_",
        type=click.Choice(list(formats)),
        default=default,
        show_default=default is not None,
        help=help,
    )
