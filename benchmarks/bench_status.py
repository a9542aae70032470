"""`planner status` over a portfolio with experiment logs, against `planner list` on the same workspace.

Run: python benchmarks/bench_status.py [PLANS [RUNS]]   (default: 300 plans, 50 runs each)

It writes a workspace of PLANS plans (two done metrics each, a time box, half of them with a published
version) and a log of RUNS records per plan (train, validation and test values), then times, each in
a fresh process and side by side, `planner list` (the reference: it loads every plan), `planner status`
(every plan and its log, judged), `planner status --format json`, `planner status SLUG`, `planner check`
and `planner check --fail-on fold`. Each command runs 3 times; the best wall time is reported, with its
ratio to `planner list`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from planner.evidence.log import to_line
from planner.plan.experiment import Experiment
from planner.plan.model import Plan
from planner.plan.planfile import plan_to_text
from planner.plan.workspace import Workspace

REPEAT = 3
START = date(2026, 9, 7)


def make_plan(i: int) -> Plan:
    return Plan.model_validate(
        {
            "title": f"Plan {i}",
            "status": ("approved", "building", "in_review")[i % 3],
            "owners": [f"Owner {i}"],
            "done": {
                "metrics": [
                    {"name": "recall at 1% false positive rate", "baseline": 0.4, "target": 0.7},
                    {"name": "WAPE of the forecast", "baseline": 0.38, "target": 0.31, "direction": "lower"},
                ],
                "timebox_weeks": 6 + i % 6,
                "started": START.isoformat(),
                "fold_action": "Ship the rules and stop modelling.",
            },
        }
    )


def make_log(i: int, runs: int) -> str:
    lines = []
    for n in range(runs):
        at = datetime(2026, 9, 8, 9, tzinfo=UTC) + timedelta(hours=20 * n)
        gain = min(n, 30 + i % 20) / 100
        values = {
            "train": {
                "recall at 1% false positive rate": 0.5 + gain,
                "WAPE of the forecast": 0.33 - gain / 3,
            },
            "validation": {
                "recall at 1% false positive rate": 0.45 + gain * 0.8,
                "WAPE of the forecast": 0.36 - gain / 4,
            },
        }
        if n % 10 == 9:
            values["test"] = {"recall at 1% false positive rate": 0.44 + gain * 0.8}
        record = Experiment.model_validate(
            {"at": at, "values": values, "note": f"run {n}: tried idea {n}", "author": "A <a@example.com>"}
        )
        lines.append(to_line(record))
    return "".join(lines)


def workspace(root: Path, plans: int, runs: int) -> None:
    (root / "plans").mkdir(parents=True)
    for i in range(plans):
        folder = root / "plans" / f"plan-{i:04d}"
        folder.mkdir()
        (folder / "plan.yaml").write_text(plan_to_text(make_plan(i)), encoding="utf-8")
        (folder / "experiments.jsonl").write_text(make_log(i, runs), encoding="utf-8")
    from planner.plan.history import publish_plan

    ws = Workspace(root)
    for i in range(0, plans, 2):
        slug = f"plan-{i:04d}"
        publish_plan(ws, slug, ws.load(slug), "agreed", "Bench <bench@example.com>")


def timed(root: Path, *args: str) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "planner", *args], cwd=root, capture_output=True, text=True, check=False
        )
        best = min(best, time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"planner {' '.join(args)} failed: {done.stderr}")
    return best


def main() -> None:
    plans = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        workspace(root, plans, runs)
        print(f"{plans} plans, {runs} runs each ({plans * runs} records), best of {REPEAT}, fresh processes")
        reference = timed(root, "list")
        rows = [
            ("planner list (reference)", reference),
            ("planner status", timed(root, "status", "--as-of", "2026-10-20")),
            (
                "planner status --format json",
                timed(root, "status", "--format", "json", "--as-of", "2026-10-20"),
            ),
            ("planner status plan-0001", timed(root, "status", "plan-0001", "--as-of", "2026-10-20")),
            ("planner check", timed(root, "check")),
            ("planner check --fail-on fold", timed(root, "check", "--fail-on", "fold")),
        ]
        for name, seconds in rows:
            print(f"{name:32} {seconds:7.2f} s   {seconds / reference:5.2f}x list")


if __name__ == "__main__":
    main()
