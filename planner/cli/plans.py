"""Commands on plans as files: `init`, `new`, `list`, `show`, `schema` and `interview`."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from planner.cli.group import cli, columns, current_workspace, echo
from planner.cli.options import slug_argument
from planner.core.errors import PlannerError


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a workspace (mkdocs.yml, docs/, plans/, plan.schema.json, CI workflow) in DIRECTORY.

    Run it again after upgrading planner: it updates plan.schema.json and the workflow it wrote,
    and leaves mkdocs.yml, your pages and your plans alone.
    """
    from planner.plan.workspace import init_workspace

    written = init_workspace(directory)
    for path, action in written.items():
        click.echo(f"{action} {path}")
    if not written:
        click.echo(f"{directory} is already an up-to-date workspace; nothing to do")
    # The interview runs in the workspace: from elsewhere, the first step is into it.
    here = Path.cwd().resolve() == directory.resolve()
    cd = "" if here else f"`cd {shlex.quote(str(directory))}`, then "
    click.echo(f"next: {cd}`planner interview` to start a plan")


@cli.command()
@click.argument("slug")
@click.option("--title", required=True, help="The plan's title.")
def new(slug: str, title: str) -> None:
    """Create an empty plan named SLUG."""
    from planner.plan.model import Plan

    workspace = current_workspace()
    path = workspace.create(slug, Plan(title=title))
    click.echo(f"created {workspace.shown(path)}; next: `planner interview {slug}`")


@cli.command("list")
def list_plans() -> None:
    """List plans: name, title, status and how much is answered."""
    from planner.core.terminal import table
    from planner.plan.questions import completeness

    rows = []
    for slug, plan in current_workspace().load_all():
        if isinstance(plan, PlannerError):
            rows.append([slug, "(cannot be read: run `planner check`)", "invalid", "-"])
        else:
            rows.append([slug, plan.title, plan.status.value, f"{completeness(plan).percent}%"])
    if not rows:
        click.echo("no plans yet; start one with `planner interview`")
        return
    echo(table(rows, ["PLAN", "TITLE", "STATUS", "ANSWERED"], columns()), nl=False)


@cli.command()
@slug_argument()
def show(slug: str) -> None:
    """Show a readable summary of plan SLUG."""
    from planner.cli.views import plan_summary
    from planner.evidence.status import stage_in
    from planner.judgement.register import assess
    from planner.judgement.verdict import today_utc

    workspace = current_workspace()
    plan = workspace.load(slug)
    assessment = assess(plan, stage_in(workspace, slug, plan, today_utc()))
    headline = assessment.headline
    echo(plan_summary(slug, plan, headline.title if headline else None, assessment.key), nl=False)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of plan.yaml (for editors that validate YAML)."""
    from planner.plan.workspace import schema_json

    click.echo(schema_json(), nl=False)


@cli.command()
@slug_argument(required=False)
@click.option(
    "--section",
    metavar="NAME",
    help="Re-ask one section (product, heuristics, by_hand, impact, press_release, constraints, done, or 1-7).",
)
@click.option(
    "--answers",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fill answers from a YAML file shaped like plan.yaml (any subset; - reads stdin); never prompts.",
)
@click.option(
    "--depth",
    type=click.Choice(["essentials", "full"]),
    help="essentials: the questions the advice needs most (the start says how many, and the minutes); "
    "full: every question. "
    "Default: essentials first, then the full interview if you go on.",
)
@click.option(
    "--data",
    metavar="KEY.PATH=VALUE",
    multiple=True,
    help="Set one answer, e.g. constraints.latency.p99_ms=200 (repeatable; values are YAML). "
    "The interview then asks only what is still open; without a terminal it never prompts.",
)
@click.option("--no-input", is_flag=True, help="Never prompt; fail (exit 2) listing unanswered questions.")
def interview(
    slug: str | None,
    section: str | None,
    depth: str | None,
    answers: Path | None,
    data: tuple[str, ...],
    no_input: bool,
) -> None:
    """Run the kickoff interview for plan SLUG; run it again to resume where it stopped."""
    import sys

    from planner.interview.flow import Interrupted, run

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if data:
        from planner.core.errors import UsageError
        from planner.interview.screens import closing as closing_screen
        from planner.plan.answers import fill_data, from_pairs

        if slug is None:
            raise UsageError("--data needs a plan name: `planner interview SLUG --data KEY.PATH=VALUE`")
        workspace = current_workspace()
        plan = fill_data(workspace, slug, from_pairs(data))
        if not (terminal or answers or no_input):
            echo(closing_screen(workspace.shown(workspace.plan_file(slug)), slug, plan), nl=False)
            return
    try:
        closing = run(
            current_workspace(),
            slug,
            section=section,
            depth=depth,
            answers=answers,
            no_input=no_input,
            terminal=terminal,
        )
    except Interrupted as exc:  # not a failure: say where the answers are and how to go on
        echo(f"\n{exc}", err=True)
        sys.exit(exc.exit_code)
    echo(closing, nl=False)
