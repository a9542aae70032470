"""planner's pre-commit hook as pre-commit itself reads it: the manifest and the README's snippet are
valid (.ci/run also runs the hook for real with `pre-commit try-repo`, which installs planner from
source into pre-commit's own environment: minutes, too slow for the suite)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, MakeWorkspace
from tests.gitrepo import PLAN, commit, git, init_repo, run


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


@pytest.mark.long
def test_the_hook_catches_a_commit_that_only_deletes_a_published_version(
    pre_commit: str, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    """pre-commit itself runs the manifest's hook (as a local hook of this environment's planner, so
    nothing is installed): staged files, none at all, and a deletion, which stages no file to pass."""
    root = make_workspace({"mkdocs.yml": "site_name: plans\n", "plans/fraud/plan.yaml": PLAN})
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    local = {
        **hook,
        "language": "system",
        "entry": f"{Path(sys.executable).parent / 'planner'} check --pre-commit",
    }
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]})
    )
    init_repo(root)
    assert run("publish", "fraud", "-m", "first")[0] == 0
    commit(root, "v1")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def hook_run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "run"], cwd=root, env=env, capture_output=True, text=True, check=False
        )

    (root / "notes.txt").write_text("not a plan\n")
    git(root, "add", "notes.txt")
    assert hook_run().returncode == 0  # nothing of the plans staged: the cheap comparison only
    git(root, "rm", "-q", "plans/fraud/versions/v1.yaml")
    done = hook_run()
    assert done.returncode == 1
    assert (
        "plans/fraud/versions/v1.yaml: removed since the last commit, where it was published" in done.stdout
    )
    git(root, "reset", "-q", "HEAD", "--", "plans")
    git(root, "checkout", "--", "plans")
    (root / "plans/fraud/plan.yaml").write_text(PLAN.replace("timebox_weeks: 6", "timebox_weeks: six"))
    git(root, "add", "plans")
    done = hook_run()
    assert done.returncode == 1 and "plans/fraud/plan.yaml:" in done.stdout, done.stdout
