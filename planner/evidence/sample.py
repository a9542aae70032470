"""A sample file (CSV, Parquet, JSON lines) loaded into a locked-down DuckDB: predicates see it and nothing else."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner.core.errors import UsageError
from planner.plan.model import SampleInfo

TABLE = "sample"
READERS = {
    ".csv": "read_csv(?, header = true)",
    ".tsv": "read_csv(?, header = true, delim = '\t')",
    ".txt": "read_csv(?, header = true)",
    ".parquet": "read_parquet(?)",
    ".pq": "read_parquet(?)",
    ".jsonl": "read_json(?, format = 'newline_delimited')",
    ".ndjson": "read_json(?, format = 'newline_delimited')",
    ".json": "read_json(?)",
}
MEMORY_LIMIT = "128MB"  # beyond it the table spills to a temporary folder: memory stays flat as rows grow
TIMEOUT_S = 120.0  # a predicate such as `(SELECT count(*) FROM range(1e15)) > 0` would run for ever
_GLOB = re.compile(r"[*?\[\]{}]")


class SampleError(UsageError):
    """A sample that does not load, or a predicate or column the sample cannot answer."""


def first_line(exc: BaseException) -> str:
    """DuckDB's message without its `LINE 1:` caret drawing."""
    return " ".join(str(exc).split("\n")[0].split())


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Sample:
    """The loaded sample: its provenance, its columns, and a connection that can read nothing else."""

    file: str
    rows: int
    sha256: str
    columns: dict[str, str]  # name -> DuckDB type
    con: Any
    timeout: float = TIMEOUT_S

    def info(self, label: str | None = None) -> SampleInfo:
        today = datetime.now(UTC).date()
        return SampleInfo(file=self.file, rows=self.rows, sha256=self.sha256, date=today, label=label)

    def column_list(self) -> str:
        return ", ".join(self.columns)

    def require_column(self, name: str, what: str) -> None:
        if name not in self.columns:
            raise SampleError(
                f"{what} {name!r} is not a column of {self.file}; its columns are: {self.column_list()}"
            )

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.fetch(sql, params)[1]

    def fetch(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one query (column names, rows), interrupted after `timeout` seconds."""
        import duckdb

        timer = threading.Timer(self.timeout, self.con.interrupt)
        timer.start()
        try:
            found = self.con.execute(sql, params or [])
            return [column[0] for column in found.description], list(found.fetchall())
        except duckdb.InterruptException as exc:
            raise SampleError(
                f"a query on {self.file} ran longer than {self.timeout:g} s and was stopped; "
                "simplify the predicates (no subqueries over generated rows)"
            ) from exc
        except duckdb.PermissionException as exc:
            raise SampleError(
                f"refused: a predicate reaches beyond {self.file} ({first_line(exc)}); a predicate may "
                f"only read the sample's columns: {self.column_list()}"
            ) from exc
        except duckdb.Error as exc:
            raise SampleError(
                f"running the rules on {self.file} failed: {first_line(exc)}; fix the predicate it "
                "names (a cast such as `TRY_CAST(x AS INTEGER)` returns NULL instead of failing)"
            ) from exc
        finally:
            timer.cancel()

    def expression(self, text: str, where: str) -> tuple[str, str]:
        """A predicate as DuckDB reads it, and its type: parsed alone (one expression, never a
        statement), then bound against the sample. `where` names it in messages."""
        import duckdb

        try:
            parsed = str(duckdb.SQLExpression(text))
        except duckdb.Error as exc:
            raise SampleError(
                f"{where}: not a SQL expression: {first_line(exc)}; write one condition over the columns "
                f"({self.column_list()}), e.g. `{next(iter(self.columns), 'amount')} IS NOT NULL`"
            ) from exc
        try:
            described = self.con.execute(f"DESCRIBE SELECT ({parsed}) AS v FROM {TABLE}").fetchall()
        except duckdb.PermissionException as exc:
            raise SampleError(
                f"{where}: refused: it reaches beyond the sample ({first_line(exc)}); a predicate may "
                f"only read the sample's columns: {self.column_list()}"
            ) from exc
        except duckdb.Error as exc:
            raise SampleError(
                f"{where}: {first_line(exc)}; the sample's columns are: {self.column_list()}"
            ) from exc
        return parsed, str(described[0][1])


def _reader(path: Path, shown: str) -> str:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SampleError(f"cannot tell the format of {shown} from its name; name it {known}")
    return reader


@contextlib.contextmanager
def open_sample(path: Path, shown: str, *, memory_limit: str = MEMORY_LIMIT) -> Iterator[Sample]:
    """Load the sample into a table, then lock DuckDB: no file, network, extension or setting after."""
    import duckdb

    if not path.is_file():
        raise SampleError(f"no sample file {shown}; give the path of a CSV, Parquet or JSON lines file")
    if _GLOB.search(path.name):
        raise SampleError(f"{shown}: DuckDB would read * ? [ ] {{ }} in a name as a pattern; rename the file")
    reader = _reader(path, shown)
    sha = file_sha256(path)
    with tempfile.TemporaryDirectory(prefix="planner-sample-") as scratch:
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": memory_limit,
            "temp_directory": scratch,  # past the limit the table spills here, so memory stays flat
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        con = duckdb.connect(":memory:", config=config)
        try:
            con.execute("SET enable_progress_bar = false")  # it would print into stdout, JSON included
            try:
                con.execute(f"CREATE TABLE {TABLE} AS SELECT * FROM {reader}", [str(path.resolve())])
            except duckdb.Error as exc:
                raise SampleError(
                    f"cannot load {shown}: {first_line(exc)}; check that it is a CSV (with a header row), "
                    "Parquet or JSON lines file"
                ) from exc
            # From here on a predicate is untrusted text: it may read the table and nothing else.
            con.execute("SET enable_external_access = false")
            con.execute("SET lock_configuration = true")
            columns = {str(row[0]): str(row[1]) for row in con.execute(f"DESCRIBE {TABLE}").fetchall()}
            rows = int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0])
            yield Sample(file=shown, rows=rows, sha256=sha, columns=columns, con=con)
        finally:
            con.close()
