"""How fast `planner measure` runs 10 rules on a big sample, and whether its memory stays flat as rows grow.

Generates a ticket-like CSV (not committed) of each size with DuckDB, then runs, each in a fresh process:
- planner: `planner measure` itself (load into a temporary on-disk table, lock DuckDB, one pass for all
  figures, a few wrong rows per rule, the plan written);
- reference: the same figures query on a plain in-memory DuckDB table, no lock-down and no plan: the
  naive way, to compare time and peak memory side by side.

    python benchmarks/bench_measure.py [--rows 100000 1000000 3000000]

Target: 10 rules on 1,000,000 rows under 5 s on a 2-core machine; peak RSS flat as rows grow.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

QUEUES = ["Billing", "Access", "Bank Sync", "Tax & VAT", "Bugs", "Sales"]
RULES = [
    ("form_topic IS NOT NULL AND form_topic <> 'Other'", None, "form_topic"),
    ("regexp_matches(lower(body), 'password|two-factor|locked out|login link')", "Access", None),
    ("regexp_matches(lower(body), 'bank feed|sync|transactions missing')", "Bank Sync", None),
    ("body LIKE '%VAT%' OR body ILIKE '%sales tax%'", "Tax & VAT", None),
    ("plan = 'none' OR regexp_matches(lower(body), 'pricing|quote|demo')", "Sales", None),
    ("open_incident AND regexp_matches(lower(body), 'error|crash')", "Bugs", None),
    ("body ILIKE '%invoice%' AND channel = 'email'", "Billing", None),
    ("body ILIKE '%refund%' OR body ILIKE '%charged twice%'", "Billing", None),
    ("channel = 'chat' AND length(body) < 60", "Access", None),
    ("plan = 'Accountant' AND body ILIKE '%client%'", "Tax & VAT", None),
]
GENERATE = """
COPY (
  SELECT i AS ticket_id,
    (['email', 'form', 'chat'])[1 + (hash(i * 11) % 3)::INT] AS channel,
    (['Starter', 'Pro', 'Accountant', 'none'])[1 + (hash(i * 5) % 4)::INT] AS plan,
    CASE WHEN hash(i * 7) % 5 < 2 THEN (['Billing', 'Access', 'Bank Sync', 'Tax & VAT', 'Bugs', 'Sales',
      'Other'])[1 + (hash(i * 3) % 7)::INT] END AS form_topic,
    hash(i * 17) % 20 = 0 AS open_incident,
    'Hello, my ' || (['password', 'bank feed', 'VAT return', 'invoice', 'pricing', 'error', 'refund',
      'client list'])[1 + (hash(i * 13) % 8)::INT] || ' has a problem since ' || (i % 28)
      || ' days, please help with ticket ' || i AS body,
    (['Billing', 'Access', 'Bank Sync', 'Tax & VAT', 'Bugs', 'Sales'])[1 + (hash(i) % 6)::INT] AS queue
  FROM range({rows}) t(i)
) TO '{path}' (HEADER)
"""
CHILD = """
import json, resource, sys, time
from pathlib import Path
mode, root, sample = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
started = time.perf_counter()
if mode == "planner":
    from planner.evidence.measure import measure
    from planner.plan.workspace import Workspace
    analysis, _ = measure(Workspace(root), "bench", sample, "queue")
    covered = analysis.cascade.covered
else:
    import duckdb
    from planner.evidence.measure import _prepare, figures_sql
    from planner.evidence.sample import Sample
    from planner.plan.workspace import Workspace
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    con.execute("CREATE TABLE sample AS SELECT * FROM read_csv(?, header = true)", [str(sample)])
    columns = {r[0]: r[1] for r in con.execute("DESCRIBE sample").fetchall()}
    loaded = Sample(sample.name, 0, "", columns, con)
    prepared = _prepare(Workspace(root).load("bench"), loaded, "bench")
    row = con.execute(figures_sql(prepared, "queue")).fetchall()[0]
    covered = row[-3]
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024, "covered": covered}))
"""


def plan_text() -> str:
    rules = []
    for when, predicts, column in RULES:
        rule = f"  - condition: rule\n    action: route\n    when: {json.dumps(when)}\n"
        rule += f"    predicts: {json.dumps(predicts)}\n" if predicts else f"    predicts_column: {column}\n"
        rules.append(rule)
    outcomes = "".join(f"  - {json.dumps(q)}\n" for q in QUEUES)
    return f"title: Bench\nproduct:\n  outcomes:\n{outcomes}heuristics:\n  rules:\n" + "".join(rules)


def run(mode: str, root: Path, sample: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(root), str(sample)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    import duckdb

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-measure-") as folder:
        root = Path(folder)
        (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
        (root / "plans/bench").mkdir(parents=True)
        print("wall and CPU seconds (user + system, all threads) of each run; peak RSS of its process")
        print(
            f"{'rows':>10}  {'wall s':>6}  {'cpu s':>5}  {'ref wall':>8}  {'ref cpu':>7}  {'cpu ratio':>9}  "
            f"{'peak MB':>7}  {'ref MB':>6}"
        )
        for rows in args.rows:
            (root / "plans/bench/plan.yaml").write_text(plan_text(), encoding="utf-8")
            sample = root / f"tickets-{rows}.csv"
            con = duckdb.connect()
            con.execute("SET enable_progress_bar = false")
            con.execute(GENERATE.format(rows=rows, path=sample))
            mine, reference = run("planner", root, sample), run("reference", root, sample)
            assert mine["covered"] == reference["covered"], "both ways must agree on the figures"
            print(
                f"{rows:>10,}  {mine['seconds']:>6.2f}  {mine['cpu']:>5.2f}  {reference['seconds']:>8.2f}  "
                f"{reference['cpu']:>7.2f}  {mine['cpu'] / reference['cpu']:>9.2f}  {mine['peak_mb']:>7.0f}  "
                f"{reference['peak_mb']:>6.0f}"
            )
            sample.unlink()


if __name__ == "__main__":
    main()
