"""Commands that replace guesses with figures: `measure`, `try`, `log`, `track` and `status`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from planner.cli.group import cli, columns, current_workspace, echo
from planner.cli.options import format_option, slug_argument
from planner.evidence.predicates import DIALECTS


@cli.command("log")
@slug_argument()
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
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="When the run was made, in UTC (default: now).",
)
def log(slug: str, values: tuple[str, ...], split: str, message: str, date: Any) -> None:
    """Append an experiment to plan SLUG's log: done-metric values, what was tried, who and when."""
    from planner.evidence.log import log_by_hand

    echo(log_by_hand(current_workspace(), slug, values, split, message, date), nl=False)


@cli.command()
@slug_argument()
@click.option(
    "--mlflow", required=True, help="Tracking store: an mlruns folder, sqlite:///FILE or a server URL."
)
@click.option("--experiment", required=True, help="The MLflow experiment's name.")
@click.option(
    "--split",
    type=click.Choice(["train", "validation", "test"]),
    default="validation",
    show_default=True,
    help="The split of MLflow metrics whose name says none (val_recall, test_recall say theirs).",
)
def track(slug: str, mlflow: str, experiment: str, split: str) -> None:
    """Record the finished runs of an MLflow experiment in plan SLUG's log, each run once."""
    from planner.evidence.tracking import summary, track as read_runs

    workspace = current_workspace()
    echo(
        summary(workspace, slug, experiment, read_runs(workspace, slug, mlflow, experiment, split)), nl=False
    )


@cli.command()
@slug_argument(required=False)
@format_option("text", "json", default="text")
@click.option(
    "--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Judge as of this day (default: today, UTC)."
)
def status(slug: str | None, format_: str, as_of: Any) -> None:
    """Each plan's verdict from its experiment log: met, on track, stalled, fold due or not started (SLUG: in detail)."""
    from planner.evidence.status import status_json, status_table, status_text
    from planner.judgement.verdict import today_utc

    workspace = current_workspace()
    today = as_of.date() if as_of else today_utc()
    if format_ == "json":
        click.echo(status_json(workspace, slug, today), nl=False)
    elif slug is None:
        echo(status_table(workspace, today, columns()), nl=False)
    else:
        echo(status_text(workspace, slug, today), nl=False)


@cli.command()
@slug_argument()
@click.option(
    "--sample",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A sample of real cases: CSV (with a header row), Parquet or JSON lines.",
)
@click.option("--label", metavar="COLUMN", help="The column holding the right outcome (for accuracy).")
@format_option(
    "text",
    "json",
    "markdown",
    default="text",
    help="A terminal table, JSON for CI and scripts, or Markdown for a pull request.",
)
@click.option(
    "--sql", is_flag=True, help="Print the measuring query (for --dialect, over --table), not the figures."
)
@click.option(
    "--dialect",
    type=click.Choice(list(DIALECTS), case_sensitive=False),
    default="duckdb",
    show_default=True,
    help="With --sql: the SQL dialect of the engine that will run the query.",
)
@click.option(
    "--table", metavar="NAME", help="The table to measure: in the warehouse (--sql) or in Spark (--spark)."
)
@click.option(
    "--results",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record the one-row result (CSV or JSON) the engine returned for the --sql query.",
)
@click.option(
    "--spark",
    is_flag=True,
    help="Run in Spark (the `spark` extra): local[*], or Spark Connect when SPARK_REMOTE is set.",
)
@click.option("--dry-run", is_flag=True, help="Do not write the figures into the plan.")
def measure(
    slug: str,
    sample: Path | None,
    label: str | None,
    format_: str,
    sql: bool,
    dialect: str,
    table: str | None,
    results: Path | None,
    spark: bool,
    dry_run: bool,
) -> None:
    """Run the `when:` predicates of plan SLUG's rules on a sample (or where the data lives) and record
    what they do."""
    from planner.cli import measure_views as views
    from planner.evidence import measure as run

    workspace = current_workspace()
    _measure_options(sample, table, sql, results, spark, label, dialect)
    if sql:
        from planner.evidence.warehouse import print_query

        echo(print_query(workspace, slug, dialect, table, label, sample), nl=False)
        return
    if results is not None:
        from planner.evidence.warehouse import results as read_results

        analysis = read_results(workspace, slug, results)
    elif spark:
        from planner.evidence.spark import measure_in_spark

        analysis = measure_in_spark(workspace, slug, sample, table, label, progress_line())
    else:
        assert sample is not None
        analysis = run.measure(workspace, slug, sample, label, progress_line())
    written = None if dry_run else run.record(workspace, slug, analysis)
    formats = {"text": views.to_text, "json": views.to_json, "markdown": views.to_markdown}
    echo(views.to_text(analysis, columns()) if format_ == "text" else formats[format_](analysis), nl=False)
    if written is not None:
        echo(f"saved in {workspace.shown(written)} (heuristics.measured)", err=True)


def progress_line() -> Callable[[str], None] | None:
    """A line on stderr that rewrites itself while a long step runs, on a terminal only (piped output
    and CI logs get nothing); an empty text clears it."""
    import sys

    if not sys.stderr.isatty():
        return None

    def show(text: str) -> None:
        sys.stderr.write("\r" + text[:100] + "\x1b[K")
        sys.stderr.flush()

    return show


def _measure_options(
    sample: Path | None,
    table: str | None,
    sql: bool,
    results: Path | None,
    spark: bool,
    label: str | None,
    dialect: str,
) -> None:
    """Which measurement the options ask for; a mix that names none is refused with the forms that do."""
    forms = (
        "give --sample FILE (DuckDB), --spark with --sample FILE or --table NAME, --sql --dialect D "
        "--table NAME (the query for your engine), or --results FILE (its one-row result)"
    )
    if results is not None and (sample or table or sql or spark or label):
        raise click.UsageError(f"--results reads everything it needs from the file alone; {forms}")
    if sql and spark:
        raise click.UsageError(f"--sql prints a query and --spark runs one: pick one ({forms})")
    if sql and table is None and dialect.lower() != "duckdb":
        raise click.UsageError("--sql --dialect needs --table NAME: the table the query reads in your engine")
    if spark and (sample is None) == (table is None):
        raise click.UsageError("--spark measures --sample FILE or --table NAME (one of them)")
    if not (sql or spark or results) and (sample is None or table is not None):
        raise click.UsageError(forms)


@cli.command("try")
@slug_argument()
@click.option(
    "--sample",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The examples to do by hand: CSV (with a header row), Parquet or JSON lines.",
)
@click.option("--as", "as_", metavar="NAME", help="Who is labelling (default: your git user.name).")
@click.option("--gold", metavar="COLUMN", help="A column holding the right answer (hidden from the person).")
@click.option("--examples", default=50, show_default=True, help="How many rows, from the top.")
@click.option(
    "--import",
    "import_",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Instead of prompting: a spreadsheet (CSV...) with one column per person.",
)
@click.option("--people", metavar="COL,COL", help="With --import: the columns holding each person's labels.")
def try_command(
    slug: str,
    sample: Path | None,
    as_: str | None,
    gold: str | None,
    examples: int,
    import_: Path | None,
    people: str | None,
) -> None:
    """Be the algorithm: label examples of a sample one at a time, timed; resume after Ctrl-C."""
    import sys

    from planner.core.errors import Interrupted

    workspace = current_workspace()
    if import_ is not None:
        from planner.evidence.trial import run_import

        echo(run_import(workspace, slug, import_, people, gold))
        return
    from planner.interview import trial

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    try:
        done = trial.run(workspace, slug, sample, person=as_, gold=gold, count=examples, terminal=terminal)
    except Interrupted as exc:
        echo(f"\n{exc}", err=True)
        sys.exit(exc.exit_code)
    echo(done, nl=False)
