"""`planner measure --spark`: the measuring query run in Spark (local[*] by default, Spark Connect with
SPARK_REMOTE, or the master Spark's own configuration names), with the figures DuckDB gives on the
same file."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner.core.errors import UsageError
from planner.evidence.measure import Analysis, analyse, shown_sample, who, with_provenance
from planner.evidence.predicates import PredicateError, Untranslatable, for_dialect
from planner.evidence.progress import polled
from planner.evidence.sample import TABLE, SampleError, file_sha256
from planner.plan.model import SampleInfo
from planner.plan.workspace import Workspace

VIEW = "planner_sample"  # the temporary view the query reads (a catalog table stays untouched)
INSTALL = "pip install 'ml-project-planner[spark]'"
_GLOB = re.compile(r"[*?\[\]{}]")
# Spark's log4j output would fill the terminal (and break JSON on stderr readers): errors only.
_LOG4J = "rootLogger.level = error\nrootLogger.appenderRef.stderr.ref = console\n"
_LOG4J += (
    "appender.console.type = Console\nappender.console.name = console\nappender.console.target = SYSTEM_ERR\n"
)
_LOG4J += "appender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %p %c: %m%n\n"

Progress = Callable[[str], None]


def _spark_types(name: str) -> str:
    """Spark's type names as DuckDB says them, for the same messages on both engines."""
    simple = {
        "boolean": "BOOLEAN",
        "string": "VARCHAR",
        "bigint": "BIGINT",
        "int": "INTEGER",
        "double": "DOUBLE",
    }
    return simple.get(name, name.upper())


@dataclass
class SparkSample:
    """A file or table as a Spark view: the same questions a DuckDB `Sample` answers, in Spark SQL."""

    spark: Any
    file: str
    rows: int
    columns: dict[str, str]
    sha256: str | None
    table: str | None

    def column_list(self) -> str:
        return ", ".join(self.columns)

    def require_column(self, name: str, what: str) -> None:
        if name not in self.columns:
            raise SampleError(
                f"{what} {name!r} is not a column of {self.file}; its columns are: {self.column_list()}"
            )

    def spark_sql(self, sql: str) -> str:
        """A query written in DuckDB's SQL over `sample`, as Spark SQL over the view (sqlglot)."""
        import sqlglot
        from sqlglot import exp

        tree = sqlglot.parse_one(sql, read="duckdb")
        for node in list(tree.find_all(exp.Table)):
            if node.name == TABLE and not node.args.get("db"):
                node.replace(exp.to_table(VIEW))
        return for_dialect(tree, "spark").sql("spark")

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        frame = self._run(self.spark_sql(sql))
        rows = frame.collect()
        return list(frame.columns), [tuple(row) for row in rows]

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        return self.fetch(sql)[1]

    def expression(self, text: str, where: str) -> tuple[str, str]:
        """The predicate in Spark SQL and the type Spark gives it (analysed, not run)."""
        try:
            translated = self.spark_sql(f"SELECT ({text}) AS v FROM {TABLE}")
        except Untranslatable as exc:
            raise PredicateError(f"{where}: Spark cannot express it: {exc}") from exc
        frame = self._run(translated, where)
        return translated, _spark_types(frame.schema.fields[0].dataType.simpleString())

    def _run(self, sql: str, where: str | None = None) -> Any:
        from pyspark.errors import PySparkException

        try:
            return self.spark.sql(sql)
        except PySparkException as exc:
            first = " ".join(str(exc).split("\n")[0].split())
            place = f"{where}: " if where else f"running the rules on {self.file} in Spark failed: "
            raise SampleError(f"{place}{first}; the columns are: {self.column_list()}") from exc

    def info(self, label: str | None = None) -> SampleInfo:
        today = datetime.now(UTC).date()
        file = None if self.table else self.file
        return SampleInfo(
            file=file,
            table=self.table,
            rows=self.rows,
            sha256=self.sha256,
            date=today,
            label=label,
            engine="spark",
        )


def _configured_master() -> bool:
    """Whether Spark's own configuration names a master (spark-defaults.conf, spark-submit's --master)."""
    if "--master" in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        return True
    folders = [os.environ.get("SPARK_CONF_DIR"), os.path.join(os.environ.get("SPARK_HOME", ""), "conf")]
    for folder in folders:
        if not folder:
            continue
        defaults = Path(folder) / "spark-defaults.conf"
        with contextlib.suppress(OSError):
            for line in defaults.read_text(encoding="utf-8").splitlines():
                if line.split(None, 1)[:1] == ["spark.master"]:
                    return True
    return False


@contextlib.contextmanager
def session() -> Iterator[Any]:
    """The Spark session to measure in: the one already running in this process (a notebook, a
    test), else a new one (Spark Connect when SPARK_REMOTE is set; else Spark's configured master, or
    local[*]) that is stopped afterwards."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(f"--spark needs pyspark; install the extra: {INSTALL}") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    builder = SparkSession.builder.appName("planner measure")
    remote = os.environ.get("SPARK_REMOTE")
    with tempfile.TemporaryDirectory(prefix="planner-spark-") as scratch:
        if remote:
            builder = builder.remote(remote)
        else:
            quiet = Path(scratch) / "log4j2.properties"
            quiet.write_text(_LOG4J, encoding="utf-8")
            if not _configured_master():  # one machine: a few shuffle partitions, not a cluster's 200
                builder = builder.master("local[*]").config("spark.sql.shuffle.partitions", "4")
            builder = (
                builder.config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")  # planner draws its own, on a terminal only
                .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={quiet.as_uri()}")
                .config("spark.sql.session.timeZone", "UTC")
            )
        try:
            spark = builder.getOrCreate()
        except Exception as exc:  # pyspark raises several kinds when Java or the cluster is missing
            first = " ".join(str(exc).split("\n")[0].split())
            fix = (
                f"check SPARK_REMOTE ({remote})"
                if remote
                else "install Java 17 or later (Debian: apt-get install default-jre-headless) or set "
                "SPARK_REMOTE to a Spark Connect server"
            )
            raise UsageError(f"Spark did not start: {first}; {fix}") from exc
        try:
            yield spark
        finally:
            spark.stop()


def _read(spark: Any, path: Path, shown: str) -> Any:
    if not path.is_file():
        raise SampleError(f"no sample file {shown}; give the path of a CSV, Parquet or JSON lines file")
    if _GLOB.search(str(path.resolve())):
        raise SampleError(f"{shown}: Spark would read * ? [ ] {{ }} in a path as a pattern; rename the file")
    suffix, where = path.suffix.lower(), str(path.resolve())
    reader = spark.read
    if suffix in (".parquet", ".pq"):
        return reader.parquet(where)
    if suffix in (".csv", ".tsv", ".txt"):
        sep = "\t" if suffix == ".tsv" else ","
        return reader.option("header", True).option("inferSchema", True).option("sep", sep).csv(where)
    if suffix in (".jsonl", ".ndjson", ".json"):
        array = path.read_text(encoding="utf-8", errors="replace")[:4096].lstrip().startswith("[")
        return reader.option("multiLine", array).json(where)
    raise SampleError(f"cannot tell the format of {shown} from its name; name it .csv, .parquet or .jsonl")


@contextlib.contextmanager
def _progress(spark: Any, report: Progress | None) -> Iterator[None]:
    """While Spark works: `Spark: stage 2, 14/40 tasks` every half second (local and cluster sessions;
    Spark Connect reports no stages to the client)."""
    tracker = getattr(getattr(spark, "sparkContext", None), "statusTracker", None)
    if report is None or tracker is None:
        yield
        return
    status = tracker()

    def line() -> str | None:
        for stage in status.getActiveStageIds():
            info = status.getStageInfo(stage)
            if info is not None:
                return f"Spark: stage {stage}, {info.numCompletedTasks}/{info.numTasks} tasks"
        return None

    with polled(line, report):
        yield


def measure_in_spark(
    workspace: Workspace,
    slug: str,
    path: Path | None,
    table: str | None,
    label: str | None,
    progress: Progress | None = None,
) -> Analysis:
    """Run plan SLUG's rules in Spark on a sample file or a table of Spark's catalog."""
    plan = workspace.load(slug)
    with session() as spark:
        if path is not None:
            shown = shown_sample(workspace, path)
            frame, sha256 = _read(spark, path, shown), file_sha256(path)
        else:
            assert table is not None
            shown, sha256 = f"table {table}", None
            frame = _table(spark, table)
        frame.createOrReplaceTempView(VIEW)
        try:
            with _progress(spark, progress):
                columns = {str(name): _spark_types(kind) for name, kind in frame.dtypes}
                engine = SparkSample(spark, shown, 0, columns, sha256, table)
                analysis = analyse(plan, engine, slug, label)
        finally:
            spark.catalog.dropTempView(VIEW)
    # the rows as the measuring query counted them (a count of its own would read the data twice)
    return with_provenance(analysis, rows=analysis.cascade.rows, by=who(workspace))


def _table(spark: Any, name: str) -> Any:
    """A table of Spark's catalog by name alone (`db.logs`), never a query."""
    from pyspark.errors import PySparkException

    from planner.evidence.warehouse import table_of

    table_of(name, "spark")  # a name, nothing else
    try:
        return spark.table(name)
    except PySparkException as exc:
        first = " ".join(str(exc).split("\n")[0].split())
        raise SampleError(
            f"--table {name}: Spark cannot read it ({first}); name a table of its catalog"
        ) from exc
