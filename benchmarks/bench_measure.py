"""10 rules on a big sample with DuckDB and with local Spark, side by side, and the peak memory of each.

Generates a ticket-like Parquet file (not committed) of each size with DuckDB, then runs, each in a fresh
process: `planner measure` in DuckDB (load into a locked-down table, one pass for all figures, a few
wrong rows per rule) and `planner measure --spark` in a local[*] session (the same query translated to
Spark SQL; the JVM included). Both must give the same figures. Peak memory is the largest resident set
of the run's whole process tree (Python and, for Spark, its JVM), sampled every 0.1 s.

    python benchmarks/bench_measure.py [--rows 1000000 10000000] [--no-spark]

Spark needs the extra and Java: pip install -e ".[spark]" -c .ci/constraints.txt
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
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
) TO '{path}' (FORMAT parquet)
"""
CHILD = """
import json, sys, time
from pathlib import Path
mode, root, sample = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from planner.plan.workspace import Workspace
started = time.perf_counter()
if mode == "duckdb":
    from planner.evidence.measure import measure
    analysis = measure(Workspace(root), "bench", sample, "queue")
else:
    from planner.evidence.spark import measure_in_spark
    analysis = measure_in_spark(Workspace(root), "bench", sample, None, "queue")
seconds = time.perf_counter() - started
figures = [(r.fires, r.overlaps, r.conflicts, r.correct, r.incorrect) for r in analysis.rules]
print(json.dumps({"seconds": seconds, "covered": analysis.cascade.covered, "figures": figures}))
"""


def plan_text() -> str:
    rules = []
    for when, predicts, column in RULES:
        rule = f"  - condition: rule\n    action: route\n    when: {json.dumps(when)}\n"
        rule += f"    predicts: {json.dumps(predicts)}\n" if predicts else f"    predicts_column: {column}\n"
        rules.append(rule)
    outcomes = "".join(f"  - {json.dumps(q)}\n" for q in QUEUES)
    return f"title: Bench\nproduct:\n  outcomes:\n{outcomes}heuristics:\n  rules:\n" + "".join(rules)


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def run(mode: str, root: Path, sample: Path) -> dict[str, float]:
    """One measurement in a fresh process; its wall time and the peak memory of its process tree."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(root), str(sample)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample_memory() -> None:
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, _tree_rss(child.pid))

    watcher = threading.Thread(target=sample_memory, daemon=True)
    watcher.start()
    out, err = child.communicate()
    done.set()
    watcher.join()
    if child.returncode:
        raise SystemExit(f"{mode} failed:\n{err[-3000:]}")
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started  # with the start-up (Spark's JVM)
    result["peak_mb"] = peak / 2**20
    return result


def main() -> None:
    import duckdb

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--no-spark", action="store_true", help="DuckDB only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-measure-") as folder:
        root = Path(folder)
        (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
        (root / "plans/bench").mkdir(parents=True)
        print(f"10 rules; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start")
        print("measure s: inside the command; process s: with start-up (Spark's JVM); peak MB: process tree")
        print(f"{'rows':>11}  {'engine':<7} {'measure s':>9}  {'process s':>9}  {'peak MB':>7}")
        for rows in args.rows:
            (root / "plans/bench/plan.yaml").write_text(plan_text(), encoding="utf-8")
            sample = root / f"tickets-{rows}.parquet"
            con = duckdb.connect()
            con.execute("SET enable_progress_bar = false")
            con.execute(GENERATE.format(rows=rows, path=sample))
            con.close()
            results = {"duckdb": run("duckdb", root, sample)}
            if not args.no_spark:
                results["spark"] = run("spark", root, sample)
                same = results["spark"]["figures"] == results["duckdb"]["figures"]
                assert same, "DuckDB and Spark must give the same figures"
            for engine, found in results.items():
                print(
                    f"{rows:>11,}  {engine:<7} {found['seconds']:>9.1f}  {found['process_s']:>9.1f}  "
                    f"{found['peak_mb']:>7.0f}",
                    flush=True,
                )
            sample.unlink()


if __name__ == "__main__":
    main()
