"""Site build time and peak memory for N generated plans, against the same pages as static Markdown.

Run: python benchmarks/bench_site.py [10 100 500]

For each N it builds (1) a workspace with N plans through the planner plugin (`mkdocs build`, pages
generated in memory) and (2) a plain mkdocs site of the very same pages written to docs/ as static
Markdown, same theme settings and the same nav, without the plugin. Each build is a fresh process:
wall time end to end (interpreter start included) and peak RSS. Planner's own share is measured in a
separate process as the time to load the N plan files and render every page (render.pages + nav).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from planner.model import Plan
from planner.store import plan_to_text

STATUSES = ("draft", "in_review", "approved", "building", "shipped", "folded")
WORDS = ("fraud", "orders", "tickets", "produce", "photos", "boards", "churn", "invoices", "claims")
THEME = """
theme:
  name: material
  font: false
  features: [navigation.sections, navigation.prune, navigation.indexes, search.suggest]
"""


def make_plan(i: int) -> Plan:
    word = WORDS[i % len(WORDS)]
    return Plan.model_validate(
        {
            "title": f"{word.capitalize()} plan {i}",
            "owners": [f"Owner {i}"],
            "status": STATUSES[i % len(STATUSES)],
            "product": {
                "goal": f"Users get their {word} handled within a day, plan number {i}.",
                "users": "The operations team.",
                "pain": "Manual work; " * 20,
                "task": "classification",
                "label": "past decisions",
                "label_is_proxy": i % 2 == 0,
                "data_kinds": ["tabular", "text"],
            },
            "heuristics": {
                "rules": [{"condition": f"amount > {i}", "action": "review"}],
                "verdict": "rules_baseline",
                "coverage": 0.4,
            },
            "by_hand": {"examples": 50, "noticed": ["amount", "country"], "hard_cases": ["new users"]},
            "impact": {"volume": 1000 + i, "period": "day", "share_addressed": 0.2, "value_per_item": 2},
            "press_release": {"headline": f"{word} done", "problem": "It hurts.", "solution": "It helps."},
            "done": {"metrics": [{"name": "recall", "baseline": 0.5, "target": 0.8}], "timebox_weeks": 6},
            "risks": [
                {
                    "id": "vendor",
                    "title": "Vendor outage",
                    "category": "operations",
                    "likelihood": 2,
                    "impact": 4,
                }
            ],
        }
    )


def write_workspace(root: Path, count: int) -> None:
    for i in range(count):
        folder = root / "plans" / f"plan-{i:04d}"
        folder.mkdir(parents=True)
        (folder / "plan.yaml").write_text(plan_to_text(make_plan(i)), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Plans\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: bench\n{THEME}plugins: [search, planner]\n", encoding="utf-8"
    )


def write_static_twin(root: Path, twin: Path) -> None:
    """The same pages and nav as planner generates, written to disk for a plain mkdocs build."""
    from planner import render
    from planner.plugin import ASSETS, load_plans

    plans = load_plans(root, root / "plans")
    pages = render.pages(plans)
    for path, text in {**pages, "index.md": "# Plans\n"}.items():
        target = twin / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assets = Path(render.__file__).resolve().parent.parent / "templates" / "assets"
    for name in ASSETS:
        (twin / "docs" / "assets" / "planner").mkdir(parents=True, exist_ok=True)
        (twin / "docs" / "assets" / "planner" / name).write_bytes((assets / name).read_bytes())
    config = {
        "site_name": "bench",
        "plugins": ["search"],
        "extra_css": ["assets/planner/planner.css"],
        "extra_javascript": ["assets/planner/planner.js"],
        "nav": ["index.md", render.nav(plans)],
    }
    (twin / "mkdocs.yml").write_text(yaml.safe_dump(config) + THEME, encoding="utf-8")


def timed_build(root: Path, repeat: int = 2) -> tuple[float, float]:
    """Best wall seconds and peak RSS (MB) of `mkdocs build`, each run a fresh process."""
    return min(_one_build(root) for _ in range(repeat))


def _one_build(root: Path) -> tuple[float, float]:
    code = (
        "import resource, sys, runpy; sys.argv = ['mkdocs', 'build', '-q', '-f', sys.argv[1]]\n"
        "try:\n    runpy.run_module('mkdocs', run_name='__main__')\nexcept SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start, float(out.stdout.strip().splitlines()[-1])


def planner_share(root: Path) -> float:
    """Seconds planner itself spends: load every plan file and render every page and the nav."""
    code = (
        "import sys, time; from pathlib import Path\n"
        "from planner import render; from planner.plugin import load_plans\n"
        "root = Path(sys.argv[1]); start = time.perf_counter()\n"
        "plans = load_plans(root, root / 'plans'); render.pages(plans); render.nav(plans)\n"
        "print(time.perf_counter() - start)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(counts: list[int]) -> None:
    results = []
    print(
        f"{'plans':>6} {'pages':>6} {'planner s':>10} {'MB':>6} {'static s':>9} {'MB':>6} {'own s':>6} {'share':>6}"
    )
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            root, twin = Path(tmp) / "ws", Path(tmp) / "twin"
            root.mkdir()
            twin.mkdir()
            write_workspace(root, count)
            write_static_twin(root, twin)
            pages = sum(1 for _ in (twin / "docs").rglob("*.md"))
            seconds, memory = timed_build(root)
            static_seconds, static_memory = timed_build(twin)
            own = planner_share(root)
            row = {
                "plans": count,
                "pages": pages,
                "planner_s": round(seconds, 2),
                "planner_mb": round(memory),
                "static_s": round(static_seconds, 2),
                "static_mb": round(static_memory),
                "own_s": round(own, 3),
                "share": round(own / seconds, 3),
            }
            results.append(row)
            print(
                f"{count:>6} {pages:>6} {seconds:>10.2f} {memory:>6.0f} {static_seconds:>9.2f} "
                f"{static_memory:>6.0f} {own:>6.2f} {own / seconds:>6.1%}"
            )
    print(json.dumps(results))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 100, 500])
