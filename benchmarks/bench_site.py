"""Site build time for N realistic plans, side by side with plain mkdocs-material on the same pages.

Run: python benchmarks/bench_site.py [100 300 1000] [--serve 100] [--repeat 2]

The plans are the repository's three example plans, copied N times with their published versions
(so about four pages per plan: the plan, its versions list, each version, the draft, what changed).
For each N, in one run and on the same machine:

- planner: `mkdocs build` of the workspace through the planner plugin (pages generated in memory,
  handed to mkdocs as HTML, old versions out of the search index);
- plain: a plain mkdocs-material site of the very same pages, written to docs/ as the Markdown
  planner's templates produce (with the same titles), the same nav and theme, no plugin but search;
  every page is indexed, as a plain site would be.

Each build is a fresh `python -m mkdocs build` process (interpreter start included), best of
--repeat runs, the two sides interleaved. The ratio planner / plain is the figure to read.

--engines builds each workspace with both of planner's engines instead, side by side in one run:
`planner build` (mkdocs + Material, through the plugin) and `planner build --engine zensical` (planner
writes the pages to .planner/zensical/ and runs Zensical; its cache removed before each run, so both
builds are cold).

--serve N starts `mkdocs serve --dirty` (what `planner serve` runs) on a workspace of N plans, edits
one plan's goal, and measures the seconds until the served plan page shows it (file write to visible).

Wall time on a machine shared with other work swings widely; CPU seconds (user + system of the build
process) are steadier, and both ratios are printed.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(path.parent for path in (REPO / "plans").glob("*/plan.yaml"))
THEME = """
theme:
  name: material
  font: false
  features: [navigation.sections, navigation.prune, navigation.indexes, search.suggest]
markdown_extensions:
  - admonition
  - tables
  - toc:
      permalink: true
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
_TOC_HEADING = re.compile(r'<h([1-6]) data-toc="">(.*?)</h\1>')


def _distinct(data: Any, mark: str) -> Any:
    """The data with every sentence-long text marked as this copy's: no two plans share a text, as in
    a real portfolio (so nothing is rendered once for many plans by accident of the benchmark)."""
    if isinstance(data, dict):
        return {key: _distinct(value, mark) for key, value in data.items()}
    if isinstance(data, list):
        return [_distinct(value, mark) for value in data]
    if isinstance(data, str) and len(data) > 30 and " " in data:
        return f"{data} ({mark})"
    return data


def write_workspace(root: Path, count: int) -> None:
    """N plans copied from the examples, every text made unique to its copy, with their published
    versions (re-hashed, so they verify)."""
    import yaml

    from planner.plan.history import content_hash

    for i in range(count):
        source = EXAMPLES[i % len(EXAMPLES)]
        folder = root / "plans" / f"plan-{i:04d}"
        shutil.copytree(source, folder)
        mark = f"copy {i}"
        for path in [folder / "plan.yaml", *sorted((folder / "versions").glob("v*.yaml"))]:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if path.name == "plan.yaml":
                data = _distinct(data, mark)
            else:
                data["plan"] = _distinct(data["plan"], mark)
                data["hash"] = content_hash(data)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n\nBenchmark plans.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: bench\n{THEME}plugins: [search, planner]\n", encoding="utf-8"
    )


def write_plain_twin(root: Path, twin: Path) -> int:
    """The same pages and nav as planner generates, as Markdown files for a plain mkdocs build."""
    import yaml

    from planner.plan import history
    from planner.plan.workspace import Workspace
    from planner.site import render, sitemodel
    from planner.site.plugin import load_plans
    from planner.site.render import ASSETS

    plans = load_plans(root, root / "plans")
    workspace = Workspace(root)
    versions = {slug: history.load_versions(workspace, slug) for slug in plans}
    model = sitemodel.build(plans, versions)
    pages = render.Renderer().site(model)
    for path, page in {**pages}.items():
        meta = {key: value for key, value in page.meta.items() if key != "search"}  # a plain site indexes all
        target = twin / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # planner writes its pages as HTML; a plain site has Markdown headings (in its table of
        # contents, with permalinks), so the twin's headings are Markdown again.
        body = _TOC_HEADING.sub(lambda m: f"\n{'#' * int(m[1])} {m[2]}\n", page.body)
        target.write_text(render.Page(body, meta).markdown, encoding="utf-8")
    (twin / "docs" / "about.md").write_text("# About\n\nBenchmark plans.\n", encoding="utf-8")
    for name in ASSETS:
        (twin / "docs" / "assets" / "planner").mkdir(parents=True, exist_ok=True)
        (twin / "docs" / "assets" / "planner" / name).write_bytes(
            (REPO / "templates" / "assets" / name).read_bytes()
        )
    nav = render.Renderer().nav(model)
    config = {
        "site_name": "bench",
        "plugins": ["search"],
        "extra_css": ["assets/planner/planner.css"],
        "extra_javascript": ["assets/planner/planner.js"],
        "nav": [{"Portfolio": "index.md"}, "about.md", {"Plans": nav}],
    }
    (twin / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True) + THEME, encoding="utf-8")
    return len(pages)


def build_seconds(root: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one `mkdocs build` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
        check=True,
        env=ENV,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def engine_seconds(root: Path, engine: str) -> tuple[float, float]:
    """Wall and CPU seconds of one cold `planner build --engine ENGINE` in a fresh process."""
    shutil.rmtree(root / ".planner", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-P", "-m", "planner", "build", "--engine", engine],
        cwd=root,
        check=True,
        env=ENV,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_engines(counts: list[int], repeat: int) -> list[dict[str, Any]]:
    """mkdocs and Zensical on the same workspaces, interleaved, best of `repeat` each."""
    results = []
    print(f"{'plans':>6} {'mkdocs s':>9} {'zensical s':>11} {'ratio':>6}   cpu mkdocs / zensical")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "ws"
            root.mkdir()
            write_workspace(root, count)
            runs: dict[str, list[tuple[float, float]]] = {"mkdocs": [], "zensical": []}
            for _ in range(repeat):
                for engine, found in runs.items():
                    found.append(engine_seconds(root, engine))
            pages = sum(1 for _ in (root / "site" / "plans").rglob("index.html"))
            wall_m, wall_z = (min(run[0] for run in runs[engine]) for engine in ("mkdocs", "zensical"))
            cpu_m, cpu_z = (min(run[1] for run in runs[engine]) for engine in ("mkdocs", "zensical"))
            results.append(
                {
                    "plans": count,
                    "plan_pages": pages,
                    "mkdocs_s": round(wall_m, 2),
                    "zensical_s": round(wall_z, 2),
                    "mkdocs_cpu_s": round(cpu_m, 2),
                    "zensical_cpu_s": round(cpu_z, 2),
                }
            )
            print(
                f"{count:>6} {wall_m:>9.2f} {wall_z:>11.2f} {wall_z / wall_m:>6.2f}   {cpu_m:.2f} / {cpu_z:.2f}"
            )
    return results


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def serve_edit_seconds(root: Path, slug: str = "plan-0001") -> float:
    """Seconds from saving one plan.yaml to `mkdocs serve` showing the change on its page."""
    port = _free_port()
    server = subprocess.Popen(
        # What `planner serve` runs: --dirty, so mkdocs skips the pages planner reports unchanged.
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dirty",
            "-q",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(root / "mkdocs.yml"),
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/plans/{slug}/"
    try:
        deadline = time.monotonic() + 600
        while _get(url) is None:
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle after the first build
        plan = root / "plans" / slug / "plan.yaml"
        text = plan.read_text(encoding="utf-8")
        marker = f"edited {time.time_ns()}"
        start = time.perf_counter()
        edited = re.sub(r"^(  goal: .*?)(['\"]?)$", rf"\1 {marker}\2", text, count=1, flags=re.M)
        assert edited != text, "no goal to edit"
        plan.write_text(edited, encoding="utf-8")
        while marker not in (_get(url) or ""):
            if time.perf_counter() - start > 120:
                raise RuntimeError("the edit never showed")
            time.sleep(0.05)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, help="plan counts to build (default 100 300 1000)")
    parser.add_argument("--repeat", type=int, default=2, help="builds per side, best kept")
    parser.add_argument("--serve", type=int, help="also time a one-plan edit under serve at this many plans")
    parser.add_argument("--engines", action="store_true", help="planner build with mkdocs and with Zensical")
    options = parser.parse_args(argv)
    counts, repeat, serve = options.counts, options.repeat, options.serve
    if options.engines:
        print(json.dumps(compare_engines(counts or [100], repeat)))
        return
    results = []
    print(f"{'plans':>6} {'pages':>6} {'planner s':>10} {'plain s':>8} {'ratio':>6} {'s/plan':>7}")
    for count in counts or ([] if serve else [100, 300, 1000]):
        with tempfile.TemporaryDirectory() as tmp:
            root, twin = Path(tmp) / "ws", Path(tmp) / "twin"
            root.mkdir()
            twin.mkdir()
            write_workspace(root, count)
            pages = write_plain_twin(root, twin)
            planner_runs, plain_runs = [], []
            for _ in range(repeat):
                planner_runs.append(build_seconds(root))
                plain_runs.append(build_seconds(twin))
            best, plain = min(run[0] for run in planner_runs), min(run[0] for run in plain_runs)
            cpu, plain_cpu = min(run[1] for run in planner_runs), min(run[1] for run in plain_runs)
            row = {
                "plans": count,
                "pages": pages,
                "planner_s": round(best, 2),
                "plain_s": round(plain, 2),
                "ratio": round(best / plain, 3),
                "planner_cpu_s": round(cpu, 2),
                "plain_cpu_s": round(plain_cpu, 2),
                "cpu_ratio": round(cpu / plain_cpu, 3),
            }
            results.append(row)
            print(
                f"{count:>6} {pages:>6} {best:>10.2f} {plain:>8.2f} {best / plain:>6.2f} {best / count:>7.4f}"
                f"   cpu {cpu:.2f} / {plain_cpu:.2f} = {cpu / plain_cpu:.2f}"
            )
    if serve:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "ws"
            root.mkdir()
            write_workspace(root, serve)
            seconds = serve_edit_seconds(root)
            results.append({"serve_plans": serve, "edit_visible_s": round(seconds, 2)})
            print(f"mkdocs serve, {serve} plans: a one-plan edit visible after {seconds:.2f} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
