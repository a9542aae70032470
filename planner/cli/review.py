"""Commands a reviewer runs: `risks`, `rules`, `check`, `publish` and `diff`."""

from __future__ import annotations

import click

from planner.cli.group import cli, columns, current_workspace, echo, line_width, plan_names
from planner.cli.options import format_option, slug_argument


@cli.command()
@click.argument("slugs", nargs=-1, shell_complete=plan_names)
@click.option("--base", metavar="REF", help="Also compare published versions with this git ref (CI).")
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "fold", "moved-target", "stale"]),
    multiple=True,
    help="Also fail when an undecided risk at or above this level is open (high: score 15+, medium: 8+), "
    "(fold) when a plan's time box is over short of its target, (moved-target) when the change lowers "
    "a target or worsens a baseline after results or after the time box ended, or (stale) when measured "
    "figures predate a rule's change. Repeat to combine.",
)
@format_option(
    "text",
    "github",
    "json",
    default="text",
    help="github: each problem as a GitHub Actions error annotation on its file and line; json: one "
    "report of every plan (same exit code).",
)
@click.option(
    "--pre-commit",
    "pre_commit",
    is_flag=True,
    hidden=True,  # pre-commit's hook (.pre-commit-hooks.yaml): the arguments are the staged files
    help="Run as pre-commit's hook: SLUGS are the staged files.",
)
def check(
    slugs: tuple[str, ...], base: str | None, fail_on: tuple[str, ...], format_: str, pre_commit: bool
) -> None:
    """Validate plans (all of them by default); exit 1 if any has problems.

    Without --base, published versions are checked against their hashes and, in a git checkout, against
    the last commit; a version or plan deleted or moved in a commit is caught only with --base REF.
    """
    from planner.cli.views import github_annotation
    from planner.core.errors import CheckFailed
    from planner.core.terminal import wrap
    from planner.review.check import check as run_check

    if pre_commit:
        from planner.review.check import check_staged

        report = check_staged(current_workspace(), list(slugs), fail_on)
    else:
        report = run_check(current_workspace(), list(slugs) or None, base, fail_on)
    if format_ == "json":
        import json

        click.echo(json.dumps(report.to_data(), indent=2, ensure_ascii=False))
    width = line_width() if format_ == "text" else None
    for line in report.lines if format_ != "json" else ():
        shown = github_annotation(line) if format_ == "github" and not line.startswith("ok: ") else line
        echo(wrap(shown, width, hang=2))
    fix = report.fix(format_)
    if report.failed:
        raise CheckFailed(f"{report.failed} of {report.plans} plan(s) have problems; {fix}")
    if report.history:
        raise CheckFailed(f"{report.history} published version(s) have problems; {fix}")
    if report.settings:
        said = fix if format_ == "json" else "fix the lines above"  # each names an option in mkdocs.yml
        raise CheckFailed(f"the planner plugin's options in mkdocs.yml have problems; {said}")


@cli.command()
@slug_argument()
@click.option("-m", "--message", required=True, help="Why this version is published.")
@click.option("--author", help='Who publishes, "Name <email>" (default: from git).')
def publish(slug: str, message: str, author: str | None) -> None:
    """Freeze plan SLUG as its next numbered version (plans/SLUG/versions/vN.yaml)."""
    from planner.plan.history import publish as publish_version

    workspace = current_workspace()
    path, version = publish_version(workspace, slug, message, author)
    echo(f"published {workspace.shown(path)} (v{version.number} of {slug}, by {version.author})")


@cli.command()
@slug_argument()
@click.argument("old", metavar="[FROM]", required=False)
@click.argument("new", metavar="[TO]", required=False)
@click.option("--base", metavar="REF", help="Compare with the plan at this git ref (same as FROM `REF:`).")
@format_option(
    "markdown",
    "text",
    "json",
    help="Default: text on a terminal, Markdown when piped (e.g. into a pull-request comment).",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when something changed.")
def diff(
    slug: str, old: str | None, new: str | None, base: str | None, format_: str | None, exit_code: bool
) -> None:
    """Show what changed in plan SLUG, section by section.

    FROM and TO are `vN`, `latest`, `draft`, `REF:` (the draft at a git ref) or `REF:vN`.
    FROM defaults to --base or the latest version, TO to the draft.
    """
    import sys

    from planner.judgement import diff as render
    from planner.review.diff import compare

    changes = compare(current_workspace(), slug, old, new, base)
    format_ = format_ or ("text" if sys.stdout.isatty() else "markdown")
    formats = {"markdown": render.to_markdown, "text": render.to_text, "json": render.to_json}
    echo(formats[format_](changes), nl=False)
    if exit_code and not changes.empty:
        click.get_current_context().exit(1)


@cli.command("rules")
def rules_command() -> None:
    """List the risk rules checked against every plan: id, category, score and title."""
    from planner.core.terminal import table
    from planner.judgement.rules import CATALOGUE

    rows = [[spec.id, spec.category.value, str(spec.score), spec.title] for spec in CATALOGUE.values()]
    click.echo(table(rows, ["ID", "CATEGORY", "SCORE", "TITLE"], columns()), nl=False)


@cli.command()
@slug_argument(required=False)
@click.option("--all", "all_", is_flag=True, help="Every plan of the workspace, in one run.")
@format_option(
    "text", "json", "markdown", default="text", help="A terminal table, JSON, or Markdown for a pull request."
)
def risks(slug: str | None, all_: bool, format_: str) -> None:
    """Show the risk register of plan SLUG (or of --all plans), with evidence, advice and figures."""
    from planner.cli.views import risk_report, risks_markdown
    from planner.core.inert import safe_json
    from planner.judgement.register import assess, to_data

    if all_ == bool(slug):
        raise click.UsageError("name one plan, or pass --all for every plan (not both)")
    if all_:
        from planner.review.check import registers

        found = registers(current_workspace())
        if format_ == "json":
            every_plan = [
                {key: value for key, value in entry.items() if key != "assessment"} for entry in found
            ]
            click.echo(safe_json(every_plan))
            return
        for entry in found:
            if "error" in entry:
                echo(f"{entry['plan']}: {entry['error']}\n")
            else:
                render = risks_markdown if format_ == "markdown" else risk_report
                echo(render(entry["plan"], entry["title"], entry["assessment"]) + "\n", nl=False)
        return
    assert slug is not None
    from planner.evidence.status import stage_in
    from planner.judgement.verdict import today_utc

    workspace = current_workspace()
    plan = workspace.load(slug)
    assessment = assess(plan, stage_in(workspace, slug, plan, today_utc()))
    if format_ == "json":
        data = {"plan": slug, "title": plan.title, **to_data(assessment)}
        click.echo(safe_json(data))
    else:
        text = (
            risks_markdown(slug, plan.title, assessment)
            if format_ == "markdown"
            else risk_report(slug, plan.title, assessment, columns())
        )
        echo(text, nl=False)
