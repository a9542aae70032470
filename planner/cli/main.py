"""The `planner` command line: parse, call one core function, print, map errors to exit codes."""

from __future__ import annotations

from pathlib import Path
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
            _print_error(str(exc))
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
            _print_error(
                f"{where}{exc.strerror or exc}; check that the folder exists and that you may read and write there"
            )
            ctx.exit(2)
        except Exception as exc:
            if ctx.meta.get("planner.debug"):
                raise
            _print_error(f"internal error: {type(exc).__name__}: {exc}; run again with --debug for details")
            ctx.exit(3)


def _echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    """Print text that may hold answers: control characters never reach the terminal."""
    from planner.core.inert import terminal_safe

    click.echo(terminal_safe(text), nl=nl, err=err)


def _columns() -> int | None:
    """How wide a table may be: `COLUMNS` if set, else the terminal's width; no limit when piped."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _print_error(message: str) -> None:
    first, *rest = message.split("\n")
    _echo(f"error: {first}", err=True)
    for line in rest:
        _echo(f"  {line}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="planner")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Plan machine-learning projects before building them.

    Start with `planner init`, then `planner interview`.
    """
    ctx.meta["planner.debug"] = debug


def _workspace() -> Any:
    from planner.plan.workspace import find_workspace

    return find_workspace()


def _plan_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion: the plans of the workspace around the current folder."""
    try:
        return [slug for slug in _workspace().slugs() if slug.startswith(incomplete)]
    except Exception:  # no workspace here, an unreadable mkdocs.yml: nothing to offer
        return []


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
    click.echo("next: `planner interview` to start a plan")


@cli.command()
@click.argument("slug")
@click.option("--title", required=True, help="The plan's title.")
def new(slug: str, title: str) -> None:
    """Create an empty plan named SLUG."""
    from planner.plan.model import Plan

    workspace = _workspace()
    path = workspace.create(slug, Plan(title=title))
    click.echo(f"created {workspace.shown(path)}; next: `planner interview {slug}`")


@cli.command("list")
def list_plans() -> None:
    """List plans: name, title, status and how much is answered."""
    from planner.cli.views import table
    from planner.plan.questions import completeness

    rows = []
    for slug, plan in _workspace().load_all():
        if isinstance(plan, PlannerError):
            rows.append([slug, "(cannot be read: run `planner check`)", "invalid", "-"])
        else:
            rows.append([slug, plan.title, plan.status.value, f"{completeness(plan).percent}%"])
    if not rows:
        click.echo("no plans yet; start one with `planner interview`")
        return
    _echo(table(rows, ["PLAN", "TITLE", "STATUS", "ANSWERED"], _columns()), nl=False)


@cli.command()
@click.argument("slug", shell_complete=_plan_names)
def show(slug: str) -> None:
    """Show a readable summary of plan SLUG."""
    from planner.cli.views import plan_summary

    _echo(plan_summary(slug, _workspace().load(slug)), nl=False)


@cli.command()
@click.argument("slugs", nargs=-1, shell_complete=_plan_names)
@click.option("--base", metavar="REF", help="Also compare published versions with this git ref (CI).")
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "fold"]),
    multiple=True,
    help="Also fail when an undecided risk at or above this level is open (high: score 15+, medium: 8+), "
    "or (fold) when a plan's time box is over short of its target. Repeat to combine.",
)
@click.option(
    "--format",
    "style",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="github: each problem as a GitHub Actions error annotation on its file and line; json: one "
    "report of every plan (same exit code).",
)
def check(slugs: tuple[str, ...], base: str | None, fail_on: tuple[str, ...], style: str) -> None:
    """Validate plans (all of them by default); exit 1 if any has problems.

    Without --base, published versions are checked against their hashes and, in a git checkout, against
    the last commit; a version or plan deleted or moved in a commit is caught only with --base REF.
    """
    from planner.cli.views import github_annotation
    from planner.core.errors import CheckFailed
    from planner.evidence.check import check as run_check

    report = run_check(_workspace(), list(slugs) or None, base, fail_on)
    if style == "json":
        import json

        click.echo(json.dumps(report.to_data(), indent=2, ensure_ascii=False))
    for line in report.lines if style != "json" else ():
        _echo(github_annotation(line) if style == "github" and not line.startswith("ok: ") else line)
    if report.failed:
        raise CheckFailed(f"{report.failed} of {report.plans} plan(s) have problems; fix the lines above")
    if report.history:
        raise CheckFailed(f"{report.history} published version(s) have problems; fix the lines above")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of plan.yaml (for editors that validate YAML)."""
    from planner.plan.workspace import schema_json

    click.echo(schema_json(), nl=False)


@cli.command()
@click.argument("slug", shell_complete=_plan_names)
@click.option("-m", "--message", required=True, help="Why this version is published.")
@click.option("--author", help='Who publishes, "Name <email>" (default: from git).')
def publish(slug: str, message: str, author: str | None) -> None:
    """Freeze plan SLUG as its next numbered version (plans/SLUG/versions/vN.yaml)."""
    from planner.plan.history import publish as publish_version

    workspace = _workspace()
    path, version = publish_version(workspace, slug, message, author)
    _echo(f"published {workspace.shown(path)} (v{version.number} of {slug}, by {version.author})")


@cli.command()
@click.argument("slug", shell_complete=_plan_names)
@click.argument("old", metavar="[FROM]", required=False)
@click.argument("new", metavar="[TO]", required=False)
@click.option("--base", metavar="REF", help="Compare with the plan at this git ref (same as FROM `REF:`).")
@click.option(
    "--format",
    "style",
    type=click.Choice(["markdown", "text", "json"]),
    help="Default: text on a terminal, Markdown when piped (e.g. into a pull-request comment).",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when something changed.")
def diff(
    slug: str, old: str | None, new: str | None, base: str | None, style: str | None, exit_code: bool
) -> None:
    """Show what changed in plan SLUG, section by section.

    FROM and TO are `vN`, `latest`, `draft`, `REF:` (the draft at a git ref) or `REF:vN`.
    FROM defaults to --base or the latest version, TO to the draft.
    """
    import sys

    from planner.judgement import diff as render
    from planner.plan.history import compare

    changes = compare(_workspace(), slug, old, new, base)
    style = style or ("text" if sys.stdout.isatty() else "markdown")
    formats = {"markdown": render.to_markdown, "text": render.to_text, "json": render.to_json}
    _echo(formats[style](changes), nl=False)
    if exit_code and not changes.empty:
        click.get_current_context().exit(1)


@cli.command()
@click.argument("slug", required=False, shell_complete=_plan_names)
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
    help="essentials: the ~20 answers the advice needs most (~15 minutes); full: every question. "
    "Default: essentials first, then the full interview if you go on.",
)
@click.option(
    "--data",
    "pairs",
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
    pairs: tuple[str, ...],
    no_input: bool,
) -> None:
    """Run the kickoff interview for plan SLUG; run it again to resume where it stopped."""
    import sys

    from planner.interview.flow import Interrupted, run

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if pairs:
        from planner.cli.views import closing as closing_screen
        from planner.core.errors import UsageError
        from planner.plan.answers import fill_data, from_pairs

        if slug is None:
            raise UsageError("--data needs a plan name: `planner interview SLUG --data KEY.PATH=VALUE`")
        workspace = _workspace()
        plan = fill_data(workspace, slug, from_pairs(pairs))
        if not (terminal or answers or no_input):
            _echo(closing_screen(workspace.shown(workspace.plan_file(slug)), slug, plan), nl=False)
            return
    try:
        closing = run(
            _workspace(),
            slug,
            section=section,
            depth=depth,
            answers=answers,
            no_input=no_input,
            terminal=terminal,
        )
    except Interrupted as exc:  # not a failure: say where the answers are and how to go on
        _echo(f"\n{exc}", err=True)
        sys.exit(exc.exit_code)
    _echo(closing, nl=False)


def _run_mkdocs(command: str, *args: str) -> None:
    """Run mkdocs itself on the workspace's mkdocs.yml: the plugin does the work (never `build --dirty`,
    which leaves an empty search index)."""
    import os
    import sys

    from planner.core import child
    from planner.core.errors import CheckFailed, UsageError

    root = _workspace().root
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


@cli.command("rules")
def rules_command() -> None:
    """List the risk rules checked against every plan: id, category, score and title."""
    from planner.cli.views import table
    from planner.judgement.rules import CATALOGUE

    rows = [[spec.id, spec.category.value, str(spec.score), spec.title] for spec in CATALOGUE.values()]
    click.echo(table(rows, ["ID", "CATEGORY", "SCORE", "TITLE"], _columns()), nl=False)


@cli.command()
@click.argument("slug", required=False, shell_complete=_plan_names)
@click.option("--all", "every", is_flag=True, help="Every plan of the workspace, in one run.")
@click.option(
    "--format",
    "style",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="A terminal table, JSON, or Markdown for a pull request.",
)
def risks(slug: str | None, every: bool, style: str) -> None:
    """Show the risk register of plan SLUG (or of --all plans), with evidence, advice and figures."""
    from planner.cli.views import risk_report, risks_markdown, safe_json
    from planner.judgement.register import assess, to_data

    if every == bool(slug):
        raise click.UsageError("name one plan, or pass --all for every plan (not both)")
    if every:
        from planner.evidence.check import registers

        found = registers(_workspace())
        if style == "json":
            every_plan = [
                {key: value for key, value in entry.items() if key != "assessment"} for entry in found
            ]
            click.echo(safe_json(every_plan))
            return
        for entry in found:
            if "error" in entry:
                _echo(f"{entry['plan']}: {entry['error']}\n")
            else:
                render = risks_markdown if style == "markdown" else risk_report
                _echo(render(entry["plan"], entry["title"], entry["assessment"]) + "\n", nl=False)
        return
    assert slug is not None
    plan = _workspace().load(slug)
    assessment = assess(plan)
    if style == "json":
        data = {"plan": slug, "title": plan.title, **to_data(assessment)}
        click.echo(safe_json(data))
    else:
        text = (
            risks_markdown(slug, plan.title, assessment)
            if style == "markdown"
            else risk_report(slug, plan.title, assessment, _columns())
        )
        _echo(text, nl=False)


@cli.command("log")
@click.argument("slug", shell_complete=_plan_names)
@click.argument("values", nargs=-1, required=True, metavar="METRIC=VALUE...")
@click.option(
    "--split",
    type=click.Choice(["train", "validation", "test"]),
    default="validation",
    show_default=True,
    help="The data the values were measured on (or per value: `test:recall=0.7`).",
)
@click.option("-m", "--message", required=True, help="What was tried.")
@click.option(
    "--date",
    "when",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="When the run was made, in UTC (default: now).",
)
def log(slug: str, values: tuple[str, ...], split: str, message: str, when: Any) -> None:
    """Append an experiment to plan SLUG's log: done-metric values, what was tried, who and when."""
    from planner.evidence.log import log_by_hand

    _echo(log_by_hand(_workspace(), slug, values, split, message, when), nl=False)


@cli.command()
@click.argument("slug", shell_complete=_plan_names)
@click.option(
    "--mlflow", "uri", required=True, help="Tracking store: an mlruns folder, sqlite:///FILE or a server URL."
)
@click.option("--experiment", required=True, help="The MLflow experiment's name.")
@click.option(
    "--split",
    type=click.Choice(["train", "validation", "test"]),
    default="validation",
    show_default=True,
    help="The split of MLflow metrics whose name says none (val_recall, test_recall say theirs).",
)
def track(slug: str, uri: str, experiment: str, split: str) -> None:
    """Record the finished runs of an MLflow experiment in plan SLUG's log, each run once."""
    from planner.evidence.tracking import summary, track as read_runs

    workspace = _workspace()
    _echo(summary(workspace, slug, experiment, read_runs(workspace, slug, uri, experiment, split)), nl=False)


@cli.command()
@click.argument("slug", required=False, shell_complete=_plan_names)
@click.option("--format", "style", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), help="Judge as of this day (default: today, UTC)."
)
def status(slug: str | None, style: str, as_of: Any) -> None:
    """Each plan's verdict from its experiment log: met, on track, stalled or fold due (SLUG: in detail)."""
    from planner.evidence.status import status_json, status_table, status_text
    from planner.judgement.verdict import today_utc

    workspace = _workspace()
    today = as_of.date() if as_of else today_utc()
    if style == "json":
        click.echo(status_json(workspace, slug, today), nl=False)
    elif slug is None:
        _echo(status_table(workspace, today), nl=False)
    else:
        _echo(status_text(workspace, slug, today), nl=False)


@cli.command()
@click.argument("slug", shell_complete=_plan_names)
@click.option(
    "--sample",
    "sample_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A sample of real cases: CSV (with a header row), Parquet or JSON lines.",
)
@click.option("--label", metavar="COLUMN", help="The column holding the right outcome (for accuracy).")
@click.option(
    "--format",
    "style",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="A terminal table, JSON for CI and scripts, or Markdown for a pull request.",
)
@click.option(
    "--sql", "show_sql", is_flag=True, help="Print the query (to run in a warehouse), not the figures."
)
@click.option("--dry-run", is_flag=True, help="Do not write the figures into the plan.")
def measure(
    slug: str, sample_path: Path, label: str | None, style: str, show_sql: bool, dry_run: bool
) -> None:
    """Run the `when:` predicates of plan SLUG's rules on a sample and record what they do."""
    from planner.cli import measure_views as views
    from planner.evidence.measure import measure as run

    workspace = _workspace()
    analysis, written = run(workspace, slug, sample_path, label, write=not (dry_run or show_sql))
    if show_sql:
        _echo(analysis.sql)
        return
    formats = {"text": views.to_text, "json": views.to_json, "markdown": views.to_markdown}
    _echo(formats[style](analysis), nl=False)
    if written is not None:
        _echo(f"saved in {workspace.shown(written)} (heuristics.measured)", err=True)


@cli.command("try")
@click.argument("slug", shell_complete=_plan_names)
@click.option(
    "--sample",
    "sample_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The examples to do by hand: CSV (with a header row), Parquet or JSON lines.",
)
@click.option("--as", "person", metavar="NAME", help="Who is labelling (default: your git user.name).")
@click.option("--gold", metavar="COLUMN", help="A column holding the right answer (hidden from the person).")
@click.option("--examples", "count", default=50, show_default=True, help="How many rows, from the top.")
@click.option(
    "--import",
    "imported",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Instead of prompting: a spreadsheet (CSV...) with one column per person.",
)
@click.option("--people", metavar="COL,COL", help="With --import: the columns holding each person's labels.")
def try_command(
    slug: str,
    sample_path: Path | None,
    person: str | None,
    gold: str | None,
    count: int,
    imported: Path | None,
    people: str | None,
) -> None:
    """Be the algorithm: label examples of a sample one at a time, timed; resume after Ctrl-C."""
    import sys

    from planner.core.errors import Interrupted

    workspace = _workspace()
    if imported is not None:
        from planner.evidence.trial import run_import

        _echo(run_import(workspace, slug, imported, people, gold))
        return
    from planner.interview.trial import run

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    try:
        done = run(workspace, slug, sample_path, person=person, gold=gold, count=count, terminal=terminal)
    except Interrupted as exc:
        _echo(f"\n{exc}", err=True)
        sys.exit(exc.exit_code)
    _echo(done, nl=False)


# Examples under each command's --help (`\b` keeps click from rewrapping the lines).
EXAMPLES = {
    "init": [
        "planner init my-plans",
        "planner init            # again after an upgrade: schema and workflow",
    ],
    "interview": [
        "planner interview fraud-screening",
        "planner interview fraud-screening --section constraints",
        "planner interview fraud-screening --answers answers.yaml",
        "planner interview fraud-screening --data constraints.latency.p99_ms=200 --data product.mode=automate",
    ],
    "list": ["planner list"],
    "show": ["planner show fraud-screening"],
    "new": ['planner new fraud-screening --title "Fraud screening"'],
    "risks": ["planner risks fraud-screening", "planner risks fraud-screening --format markdown"],
    "rules": ["planner rules"],
    "check": [
        "planner check",
        "planner check fraud-screening --fail-on high",
        "planner check --base origin/main --format github   # in CI",
    ],
    "publish": ['planner publish fraud-screening -m "agreed at kickoff"'],
    "diff": [
        "planner diff fraud-screening",
        "planner diff fraud-screening v1 v3",
        "planner diff fraud-screening --base origin/main --format text",
    ],
    "schema": ["planner schema > plan.schema.json"],
    "build": ["planner build --strict"],
    "serve": ["planner serve -a 127.0.0.1:8001"],
    "log": ['planner log fraud-screening recall=0.71 precision=0.4 -m "gradient boosting, 40 features"'],
    "track": ["planner track fraud-screening --mlflow sqlite:///mlflow.db --experiment fraud"],
    "status": ["planner status", "planner status fraud-screening --format json"],
    "measure": [
        "planner measure fraud-screening --sample cases.csv --label outcome",
        "planner measure fraud-screening --sample cases.parquet --sql",
    ],
    "try": [
        "planner try fraud-screening --sample sample.csv --examples 30",
        "planner try fraud-screening --import labels.csv --people ann,bo",
    ],
}
for _name, _lines in EXAMPLES.items():
    if _name in cli.commands:
        cli.commands[_name].epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in _lines)


def main() -> None:
    cli(prog_name="planner")


if __name__ == "__main__":  # pragma: no cover
    main()
