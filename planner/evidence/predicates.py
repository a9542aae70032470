"""Rule predicates checked on their syntax tree (sqlglot) before any engine runs them, and translated
from DuckDB's dialect into the team's engine: one boolean expression over the columns, allow-listed
functions, nothing that reaches a file, a URL, a setting or the environment."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.core.errors import UsageError

if TYPE_CHECKING:
    from sqlglot import exp

# Target dialects, as sqlglot names them, with the engine's name for messages.
DIALECTS = {
    "duckdb": "DuckDB",
    "bigquery": "BigQuery",
    "snowflake": "Snowflake",
    "spark": "Spark",
    "databricks": "Databricks",
    "postgres": "Postgres",
    "trino": "Trino",
}
MAX_CHARS = 10_000  # a predicate is one condition; more is a mistake or an attack on the parser
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class PredicateError(UsageError):
    """A predicate refused before it runs: not one boolean expression, or reaching beyond the columns."""


def _structure() -> dict[type[exp.Expr], str]:
    """The node kinds a predicate may hold besides functions: columns, values, operators, casts."""
    from sqlglot import exp

    kinds: dict[type[exp.Expr], str] = {
        exp.Column: "column",
        exp.Identifier: "name",
        exp.Literal: "value",
        exp.Boolean: "value",
        exp.Null: "value",
        exp.Paren: "parentheses",
        exp.Neg: "minus",
        exp.Not: "NOT",
        exp.And: "AND",
        exp.Or: "OR",
        exp.EQ: "=",
        exp.NEQ: "<>",
        exp.GT: ">",
        exp.GTE: ">=",
        exp.LT: "<",
        exp.LTE: "<=",
        exp.NullSafeEQ: "IS NOT DISTINCT FROM",
        exp.NullSafeNEQ: "IS DISTINCT FROM",
        exp.Is: "IS",
        exp.In: "IN",
        exp.Between: "BETWEEN",
        exp.Like: "LIKE",
        exp.ILike: "ILIKE",
        exp.Escape: "ESCAPE",
        exp.Add: "+",
        exp.Sub: "-",
        exp.Mul: "*",
        exp.Div: "/",
        exp.IntDiv: "//",
        exp.Mod: "%",
        exp.DPipe: "||",
        exp.DataType: "type",
        exp.DataTypeParam: "type",
        exp.Interval: "INTERVAL",
    }
    return kinds


def _functions() -> dict[type[exp.Expr], str]:
    """The allow-list: functions that read only their arguments and mean the same on every engine."""
    from sqlglot import exp

    names: dict[type[exp.Expr], str] = {
        exp.Case: "CASE",
        exp.If: "if",
        exp.Cast: "CAST",
        exp.TryCast: "TRY_CAST",
        exp.Coalesce: "coalesce",
        exp.Nullif: "nullif",
        exp.Greatest: "greatest",
        exp.Least: "least",
        exp.Lower: "lower",
        exp.Upper: "upper",
        exp.Length: "length",
        exp.Trim: "trim",
        exp.Substring: "substring",
        exp.StrPosition: "strpos",
        exp.Contains: "contains",
        exp.StartsWith: "starts_with",
        exp.EndsWith: "ends_with",
        exp.Concat: "concat",
        exp.Replace: "replace",
        exp.Left: "left",
        exp.Right: "right",
        exp.RegexpLike: "regexp_matches",
        exp.RegexpExtract: "regexp_extract",
        exp.RegexpReplace: "regexp_replace",
        exp.Abs: "abs",
        exp.Round: "round",
        exp.Floor: "floor",
        exp.Ceil: "ceil",
        exp.Sqrt: "sqrt",
        exp.Ln: "ln",
        exp.Pow: "power",
        exp.Sign: "sign",
        exp.Extract: "extract",
        exp.DateTrunc: "date_trunc",
        exp.TimestampTrunc: "date_trunc",
        exp.DateDiff: "date_diff",
        exp.CurrentDate: "current_date",
        exp.CurrentTimestamp: "current_timestamp",
        exp.Year: "year",
        exp.Month: "month",
        exp.Day: "day",
        exp.DayOfWeek: "dayofweek",
        exp.TimeToStr: "strftime",
    }
    return names


def allowed_functions() -> list[str]:
    """The allow-list as a person writes it, for messages and the README."""
    return sorted(set(_functions().values()), key=str.lower)


# What a node that is not allowed is, in a person's words (the kind decides the fix we suggest).
def _refusal(node: exp.Expr) -> str:
    from sqlglot import exp

    if isinstance(node, exp.Query | exp.Subquery | exp.Exists) or (
        isinstance(node, exp.In) and node.args.get("query") is not None
    ):
        return "a subquery (a predicate reads one row of the table at a time: no SELECT inside it)"
    if isinstance(node, exp.Table):
        return "a table (a predicate reads the sample's own columns only)"
    if isinstance(node, exp.Placeholder | exp.Parameter | exp.SessionParameter):
        return f"a parameter `{node.sql('duckdb')}` (write the value itself)"
    if isinstance(node, exp.Star):
        return "`*` (name the columns)"
    if isinstance(node, exp.Lambda):
        return "a lambda (`x -> ...`)"
    if isinstance(node, exp.AggFunc | exp.Window):
        return f"the aggregate `{_name(node)}` (a predicate holds for one row)"
    if isinstance(node, exp.Anonymous | exp.Func):
        return f"the function `{_name(node)}`, which is not on the allow-list"
    return f"`{node.sql('duckdb')[:60]}` ({type(node).__name__})"


def _name(node: exp.Expr) -> str:
    from sqlglot import exp

    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    if isinstance(node, exp.Func):
        return node.sql_names()[0].lower()
    return type(node).__name__


@dataclass(frozen=True)
class Checked:
    """A predicate that passed: its syntax tree (canonical: portable forms) and DuckDB's SQL for it."""

    tree: exp.Expr
    duckdb: str


def _first_line(exc: BaseException) -> str:
    return " ".join(_ANSI.sub("", str(exc)).split("\n")[0].split())


def check(text: str, where: str, columns: Iterable[str] | None = None, of: str = "the sample's") -> Checked:
    """Check one predicate (written in DuckDB's SQL) on its syntax tree; `where` names it in messages.

    The same refusals hold whichever engine runs it next. With `columns`, every column it names must
    be one of them (case-insensitively, as DuckDB and Spark bind names). DuckDB, when installed, words
    syntax errors; `planner check` runs without it, on sqlglot alone."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import SqlglotError

    known = None if columns is None else list(columns)
    listed = "" if not known else f"; {of} columns are: {', '.join(known)}"
    if len(text) > MAX_CHARS:
        raise PredicateError(
            f"{where} is {len(text):,} characters long; write one condition (under {MAX_CHARS:,})"
        )
    worded = _duckdb_syntax(text, where, known)
    try:
        tree: exp.Expr = sqlglot.parse_one(text, read="duckdb", into=exp.Condition)
    except (SqlglotError, RecursionError) as exc:
        if not worded:
            example = f"`{known[0]} IS NOT NULL`" if known else "`amount > 5000`"
            fix = _spaced_columns(text, known) or f"write one condition over the columns, e.g. {example}"
            raise PredicateError(f"{where}: not a SQL expression ({_sqlglot_reason(text)}); {fix}") from exc
        raise PredicateError(
            f"{where}: planner cannot read its syntax tree ({_first_line(exc)}); write it with plain "
            f"operators and functions from the allow-list: {', '.join(allowed_functions())}"
        ) from exc
    _walk(tree, where, known, listed)
    tree = _portable(tree)
    kind = _not_boolean(tree)
    if kind is not None:
        raise PredicateError(
            f"{where} gives {kind}, not true or false; compare it, e.g. `({' '.join(text.split())}) > 0`"
        )
    return Checked(tree, tree.sql("duckdb"))


def _duckdb_syntax(text: str, where: str, known: list[str] | None) -> bool:
    """DuckDB's parser says what is wrong with the syntax in the words its users know; False when
    DuckDB is not installed (the `[measure]` extra)."""
    try:
        import duckdb
    except ImportError:
        return False
    try:
        duckdb.SQLExpression(text)
    except (duckdb.Error, RecursionError) as exc:
        spaced = _spaced_columns(text, known)
        example = f"`{known[0]} IS NOT NULL`" if known else "`amount > 5000`"
        fix = spaced or f"write one condition over the columns, e.g. {example}"
        raise PredicateError(f"{where}: not a SQL expression: {_first_line(exc)}; {fix}") from exc
    return True


def _sqlglot_reason(text: str) -> str:
    """What sqlglot finds wrong with a predicate, in its own words without Python's class names."""
    import sqlglot
    from sqlglot.errors import ParseError

    try:
        parsed = sqlglot.parse(text, read="duckdb")
    except ParseError as exc:
        found = exc.errors[0].get("description") if exc.errors else None
        return re.sub(r"<class '(?:\w+\.)*(\w+)'>", r"\1", str(found or _first_line(exc)))
    except RecursionError:
        return "nested too deeply"
    return "it holds more than one statement" if len(parsed) > 1 else "it is not one condition"


# Words that may follow one another in a predicate; two other bare words in a row are a column name
# with a space in it (`worst area > 1000`), which SQL reads as a column and an alias.
_KEYWORDS = frozenset(
    "and or not is null in like ilike glob similar to between case when then else end as true false "  # noqa: SIM905
    "distinct from escape interval cast try_cast collate at time zone".split()
)
_TOKEN = re.compile(r"'(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?|[^\W\d]\w*|\s+|.", re.DOTALL)


def _spaced_columns(text: str, known: list[str] | None) -> str:
    """The fix for a column name with spaces written bare: the predicate with it double-quoted, and
    wrapped whole in single quotes as YAML needs it; "" when there is no such name."""
    fixed = text
    if known:
        for name in sorted((n for n in known if len(n.split()) > 1), key=len, reverse=True):
            words = r"\s+".join(re.escape(word) for word in name.split())
            bare = re.compile(rf'(?<![\w"]){words}(?![\w"])', re.IGNORECASE)
            quoted_name = '"' + name.replace('"', '""') + '"'
            fixed = bare.sub(lambda _: quoted_name, fixed)  # noqa: B023 (used at once, in this pass)
    if fixed == text:
        fixed = _quote_word_runs(text)
    if fixed == text:
        return ""
    inline = " ".join(fixed.split())
    quoted = inline.replace("'", "''")
    return (
        f"a column name with spaces goes in double quotes, `{inline}`, and in plan.yaml the whole "
        f"predicate then goes in single quotes: when: '{quoted}'"
    )


def _quote_word_runs(text: str) -> str:
    """Two or more bare words in a row (no keyword among them, no function call after) quoted as one
    name: `worst area > 1000` -> `"worst area" > 1000`. Text in quotes is left as it is."""
    tokens = [match.group() for match in _TOKEN.finditer(text)]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        run = [i]
        j = i
        while _bare(tokens, j):
            k = j + 1
            if k + 1 < len(tokens) and tokens[k].isspace() and _bare(tokens, k + 1):
                run.append(k + 1)
                j = k + 1
            else:
                break
        following = next((t for t in tokens[run[-1] + 1 :] if not t.isspace()), "")
        if len(run) > 1 and following != "(":
            out.append('"' + " ".join(tokens[n] for n in run) + '"')
            i = run[-1] + 1
        else:
            out.append(tokens[i])
            i += 1
    return "".join(out)


def _bare(tokens: list[str], index: int) -> bool:
    """A word that is no keyword: part of a column's name."""
    word = tokens[index] if index < len(tokens) else ""
    return bool(re.fullmatch(r"[^\W\d]\w*", word)) and word.lower() not in _KEYWORDS


def _walk(tree: exp.Expr, where: str, known: list[str] | None, listed: str) -> None:
    from sqlglot import exp

    allowed = {**_structure(), **_functions()}
    lower = {name.lower(): name for name in known or ()}
    for node in tree.walk():
        if isinstance(node, exp.Var) and isinstance(node.parent, exp.Interval | exp.Extract | exp.DateTrunc):
            continue  # a unit: DAY, MONTH...
        if isinstance(node, exp.Var) and isinstance(node.parent, exp.TimestampTrunc | exp.DateDiff):
            continue
        if type(node) not in allowed or (isinstance(node, exp.In) and node.args.get("query") is not None):
            raise PredicateError(
                f"{where}: refused: it holds {_refusal(node)}; a predicate is one condition over the "
                f"columns{listed}, with functions from the allow-list: {', '.join(allowed_functions())}"
            )
        if isinstance(node, exp.In) and (node.args.get("unnest") or node.args.get("field")):
            raise PredicateError(f"{where}: refused: IN takes a list of values here, e.g. `x IN ('a', 'b')`")
        if isinstance(node, exp.Column):
            if node.table or not isinstance(node.this, exp.Identifier):
                raise PredicateError(
                    f"{where}: refused: `{node.sql('duckdb')}` names a column through a table or a field; "
                    f"name the column alone{listed}"
                )
            if known is not None and node.name.lower() not in lower:
                raise PredicateError(f"{where}: there is no column {node.name!r}{listed}")


def _portable(tree: exp.Expr) -> exp.Expr:
    """Forms that engines spell alike: `contains(a, b)` becomes `strpos(a, b) > 0` (BigQuery's
    CONTAINS_SUBSTR ignores case, Postgres and Trino have no such text function)."""
    from sqlglot import exp

    def rewrite(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Contains):
            found = exp.StrPosition(this=node.this, substr=node.expression)
            return exp.Paren(this=exp.GT(this=found, expression=exp.Literal.number(0)))
        return node

    return tree.transform(rewrite)


def _not_boolean(tree: exp.Expr) -> str | None:
    """What a predicate gives when its top can only be a number or text (a cast or a column may be a
    boolean: the engine tells)."""
    from sqlglot import exp

    node = tree
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Literal):
        return "text" if node.is_string else "a number"
    if isinstance(node, exp.Add | exp.Sub | exp.Mul | exp.Div | exp.IntDiv | exp.Mod | exp.Neg | exp.Pow):
        return "a number"
    if isinstance(node, exp.DPipe | exp.Concat | exp.Lower | exp.Upper | exp.Trim | exp.Substring):
        return "text"
    if isinstance(node, exp.Length | exp.StrPosition | exp.Abs | exp.Round | exp.Floor | exp.Ceil):
        return "a number"
    return None


# ------------------------------------------------------------------------------- translation


class Untranslatable(UsageError):
    """A predicate the target dialect cannot express with the same meaning."""


def _gaps(tree: exp.Expr, dialect: str) -> list[str]:
    """Why DIALECT cannot say what the predicate says in DuckDB (sqlglot would translate these
    without a word, and the engine would then count something else)."""
    from sqlglot import exp

    engine = DIALECTS[dialect]
    found = []
    for node in tree.walk():
        if isinstance(node, exp.RegexpLike) and node.args.get("flag") is not None and dialect != "duckdb":
            found.append(
                f"{engine} takes no flags in a regular-expression match (regexp_matches(..., "
                f"{node.args['flag'].sql('duckdb')})); match lower(column) against a lowercase pattern instead"
            )
        if isinstance(node, exp.TryCast) and dialect in ("postgres", "snowflake"):
            found.append(
                f"{engine} has no TRY_CAST for every type: a value that does not convert would stop the "
                "query instead of giving NULL; use CAST on a column that always converts"
            )
        if isinstance(node, exp.RegexpExtract | exp.RegexpReplace) and dialect in ("postgres",):
            found.append(
                f"{engine} spells regexp_extract and regexp_replace with other arguments; use regexp_matches"
            )
    return found


def _snowflake(tree: exp.Expr) -> exp.Expr:
    """Snowflake's REGEXP_LIKE matches the whole text, DuckDB's regexp_matches any part of it."""
    from sqlglot import exp

    def rewrite(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.RegexpLike):
            found = exp.Anonymous(this="REGEXP_INSTR", expressions=[node.this, node.expression])
            return exp.Paren(this=exp.GT(this=found, expression=exp.Literal.number(0)))
        return node

    return tree.copy().transform(rewrite)


def for_dialect(tree: exp.Expr, dialect: str) -> exp.Expr:
    """The checked tree as DIALECT needs it said; refused with the reason when it cannot be."""
    from sqlglot.errors import ErrorLevel, UnsupportedError

    gaps = _gaps(tree, dialect)
    if gaps:
        raise Untranslatable("; ".join(dict.fromkeys(gaps)))
    adapted = _snowflake(tree) if dialect == "snowflake" else tree
    try:
        adapted.sql(dialect, unsupported_level=ErrorLevel.RAISE)
    except UnsupportedError as exc:
        raise Untranslatable(f"{DIALECTS[dialect]}: {_first_line(exc)}") from exc
    return adapted


def translate(tree: exp.Expr, dialect: str) -> str:
    """The checked predicate in DIALECT's SQL (see `for_dialect`)."""
    return for_dialect(tree, dialect).sql(dialect)


def dialect_of(name: str) -> str:
    """A dialect as the command line names it (case-insensitively), refused with the list otherwise."""
    key = name.strip().lower()
    if key not in DIALECTS:
        raise UsageError(
            f"--dialect {name!r} is not one planner translates to; use one of: {', '.join(DIALECTS)}"
        )
    return key
