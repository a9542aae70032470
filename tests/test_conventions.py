"""Conventions people bring from Copier, cookiecutter, click and mkdocs: -V, examples in --help, shell
completion of plan names, --data and GitHub annotations (a site build that passes mkdocs' strict nav
validation without Material's banner: test_wheel.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.cli.main import EXAMPLES, cli
from tests.conftest import MakeWorkspace
from tests.gitrepo import run

PLANNER = str(Path(sys.executable).parent / "planner")


def test_dash_capital_v_prints_the_version() -> None:
    assert run("-V") == (0, f"planner, version {__version__}\n", "")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_shows_examples_in_its_help(name: str) -> None:
    code, out, _ = run(name, "--help")
    assert code == 0
    assert name in EXAMPLES, f"add examples of `planner {name}` to EXAMPLES in planner/cli/main.py"
    assert "\n  Examples:\n" in out, out
    for line in EXAMPLES[name]:
        assert f"\n    {line}\n" in out


def test_shell_completion_offers_the_plan_names(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(
        {
            "plans/fraud/plan.yaml": "title: F\n",
            "plans/forecast/plan.yaml": "title: G\n",
            "plans/x/plan.yaml": "title: X\n",
        }
    )
    env = {
        **os.environ,
        "_PLANNER_COMPLETE": "bash_complete",
        "COMP_WORDS": "planner show f",
        "COMP_CWORD": "2",
    }
    done = subprocess.run([PLANNER], env=env, cwd=root, capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == ["plain,forecast", "plain,fraud"], done.stderr


def test_data_sets_single_answers_from_the_command_line(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"plans/fraud/plan.yaml": "title: Fraud\n"})
    code, _, err = run(
        "interview",
        "fraud",
        "--data",
        "constraints.latency.p99_ms=200",
        "--data",
        "product.label_is_proxy=false",
        "--data",
        "owners=[Ann, Bo]",
    )
    assert (code, err) == (0, "")
    text = (root / "plans/fraud/plan.yaml").read_text()
    assert "  latency:\n    p99_ms: 200\n" in text
    assert "  label_is_proxy: false\n" in text and "owners:\n- Ann\n- Bo\n" in text
    code, _, err = run("interview", "fraud", "--data", "constraints.latency.p99_ms='fast'")
    assert (code, err) == (
        2,
        "error: --data: constraints.latency.p99_ms: Input should be a valid integer; write a whole number such as 12\n",
    )
    assert run("interview", "fraud", "--data", "p99_ms")[2] == (
        "error: --data 'p99_ms': write KEY.PATH=VALUE, e.g. --data constraints.latency.p99_ms=200\n"
    )


def test_check_prints_github_annotations(make_workspace: MakeWorkspace) -> None:
    make_workspace(
        {
            "plans/fraud/plan.yaml": "title: Fraud\nproduct:\n  mode: replace\n",
            "plans/ok/plan.yaml": "title: Ok\n",
        }
    )
    code, out, _ = run("check", "--format", "github")
    assert code == 1
    assert out == (
        "::error file=plans/fraud/plan.yaml,line=3::product.mode: Input should be 'improve', 'augment' or "
        "'automate'\nok: plans/ok/plan.yaml\n"
    )
