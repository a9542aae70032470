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
