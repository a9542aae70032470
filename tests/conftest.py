"""Shared fixtures: workspaces built from {path: text} dicts, with HOME and cwd isolated."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

MakeWorkspace = Callable[[dict[str, str]], Path]


def killed_at_fsync(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`planner ARGS` in a child process killed by SIGKILL when it first syncs a written file: no
    cleanup runs, as when the machine or the user kills it for real."""
    code = (
        "import os, signal, sys\n"
        "from planner.cli.main import cli\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "cli(sys.argv[1:])\n"
    )
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, check=False)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep each `xdist_group` on one worker, and start the longest work first.

    `--dist loadgroup` groups tests by a `@group` suffix that pytest-xdist 3.8 writes to `item._nodeid`;
    pytest 9.2 reads a node's id from `item._id`, so the suffix was lost and every group's tests were
    spread over both workers, each building the group's sites and starting its browser again. And
    xdist hands out work in collection order once the groups are out: a test marked `long` collected
    late kept one core busy after the other had finished."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: otherwise in order
    if not getattr(config.option, "loadgroup", False):  # set on xdist's workers under --dist loadgroup
        return
    for item in items:
        groups = sorted({str(mark.args[0]) for mark in item.iter_markers("xdist_group") if mark.args})
        suffix = "@" + "_".join(groups)
        if groups and not item.nodeid.endswith(suffix) and hasattr(item, "_id"):
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(item.nodeid + suffix)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _isolate_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("COLUMNS", raising=False)  # tables fit COLUMNS when it is set
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Author")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "author@example.com")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test Author")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "author@example.com")


@pytest.fixture
def make_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeWorkspace:
    """Write files (dedented) under a fresh folder, make it the cwd, and return it."""

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "ws"
        (root / "plans").mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        monkeypatch.chdir(root)
        return root

    return make
