"""Helpers for tests that need a real git repository holding a planner workspace."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from planner.cli.main import cli

PLAN = """\
title: Screen card orders for fraud
owners:
- Ann Example
status: in_review
product:
  goal: Fraudulent card orders never ship, while honest customers check out without any extra step or delay at all.
  users: The payments risk team and every customer who pays by card.
  task: classification
heuristics:
  rules:
  - condition: amount > 5000 and account younger than a day
    action: hold for manual review
  verdict: rules_baseline
  coverage: 0.3
done:
  metrics:
  - name: recall at 1% false positive rate
    dataset: orders of March
    baseline: 0.4
    target: 0.7
  timebox_weeks: 6
  fold_action: Keep the rules and stop.
risks:
- id: vendor-lock
  title: The scoring vendor raises prices
  category: cost
  likelihood: 2
  impact: 3
decisions:
- risk: vendor-lock
  verdict: accepted
  by: Ann Example
"""


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=check)


def init_repo(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test Author")
    git(root, "config", "user.email", "author@example.com")
    commit(root, "start")


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process (cwd is the workspace); returns exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, list(args), prog_name="planner")
    return result.exit_code, result.stdout, result.stderr


def edit(root: Path, old: str, new: str, slug: str = "fraud") -> None:
    path = root / "plans" / slug / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
