"""planner's pre-commit hook as pre-commit itself reads it: the manifest and the README's snippet are
valid (.ci/run also runs the hook for real with `pre-commit try-repo`, which installs planner from
source into pre-commit's own environment: minutes, too slow for the suite)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def pre_commit() -> str:
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' installs it)")
    return found


def test_the_hook_manifest_and_the_readme_snippet_are_valid(pre_commit: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [pre_commit, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    readme = (REPO / "README.md").read_text()
    snippet = re.search(
        r"add planner's hook to `\.pre-commit-config\.yaml`:\n\n```yaml\n(.*?)```", readme, re.S
    )
    assert snippet is not None
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet.group(1))
    done = subprocess.run(
        [pre_commit, "validate-config", str(config)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "https://github.com/ml-project-planner/planner" in snippet.group(1)
