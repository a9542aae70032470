"""Hardening round two (issue 21): the adversarial cases that broke planner, kept as a fast regression
suite, one section per category: the review gate and what reading mkdocs.yml may run, crashes, data
loss, resources, label types, spoofing and misleading messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planner.plan import history
from tests.conftest import MakeWorkspace
from tests.gitrepo import PLAN, commit, edit, git, init_repo, run

V = "design/plans/fraud/versions"

# --- Security: the review gate reads the base as it reads the working tree; YAML runs nothing -------

BASE_SETTINGS = "plugins:\n  - search\n  - planner:\n      plans_dir: design/plans\n"
EMOJI = (
    "markdown_extensions:\n"
    "  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
)
SETUPS = {
    "inherit": {"base.yml": BASE_SETTINGS, "mkdocs.yml": "INHERIT: base.yml\nsite_name: plans\n"},
    "relative": {
        "mkdocs.yml": "site_name: plans\n"
        + BASE_SETTINGS
        + "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative $config_dir\n"
    },
    "emoji-and-env": {
        "mkdocs.yml": "site_name: !ENV [SITE_NAME, plans]\n" + BASE_SETTINGS + EMOJI,
    },
}


def _published_repo(make_workspace: MakeWorkspace, files: dict[str, str]) -> Path:
    root = make_workspace({**files, "design/plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    for number in (1, 2):
        edit(root, f"timebox_weeks: {5 + number}", f"timebox_weeks: {6 + number}", "../design/plans/fraud")
        assert run("publish", "fraud", "-m", f"round {number}")[0] == 0
    commit(root, "publish v1 and v2")
    return root


def _rewrite_history(root: Path) -> None:
    """Lower v1's target and fix its hash, remove v2: only the comparison with the base can tell."""
    path = root / V / "v1.yaml"
    data = yaml.safe_load(path.read_text())
    data["plan"]["done"]["metrics"][0]["target"] = 0.5
    data["hash"] = history.content_hash(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    (root / V / "v2.yaml").unlink()


@pytest.mark.parametrize("setup", SETUPS)
def test_check_base_reads_the_base_as_the_working_tree_and_catches_a_rewrite(
    make_workspace: MakeWorkspace, setup: str
) -> None:
    root = _published_repo(make_workspace, SETUPS[setup])
    git(root, "switch", "-q", "-c", "rewrite")
    _rewrite_history(root)
    commit(root, "quietly lower the bar")
    assert run("check")[0] == 0  # nothing on disk can tell
    code, out, err = run("check", "--base", "main")
    assert code == 1, (out, err)
    assert f"{V}/v1.yaml: changed since main, where it was published" in out
    assert f"{V}/v2.yaml: removed since main, where it was published" in out


@pytest.mark.parametrize(
    ("base_file", "problem"),
    [
        ("site_name: [unclosed\n", "main:mkdocs.yml:2:1: "),
        ("INHERIT: missing.yml\n", "main:missing.yml: no such file (inherited by main:mkdocs.yml)"),
        ("INHERIT: mkdocs.yml\n", "INHERIT leads back to itself (mkdocs.yml -> mkdocs.yml)"),
        ("INHERIT: ../../outside.yml\n", "main:../../outside.yml: outside the workspace"),
        ("plugins:\n  - planner:\n      plans_dir: ../x\n", "plans_dir '../x' is outside the workspace"),
        ("site_name: !unknown x\n", "could not determine a constructor for the tag '!unknown'"),
    ],
)
def test_an_unknown_plans_dir_at_the_base_is_an_error_not_plans(
    make_workspace: MakeWorkspace, base_file: str, problem: str
) -> None:
    root = make_workspace({"mkdocs.yml": base_file, "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    (root / "mkdocs.yml").write_text("site_name: plans\n")
    commit(root, "fix the settings")
    code, out, err = run("check", "--base", "HEAD~1")
    assert (code, out) == (2, ""), err
    assert err.startswith("error: planner cannot tell which plans_dir HEAD~1 has: "), err
    assert problem.replace("main:", "HEAD~1:") in err, err


def test_the_last_commits_broken_settings_do_not_block_the_commit_that_fixes_them(
    make_workspace: MakeWorkspace,
) -> None:
    root = make_workspace({"mkdocs.yml": "site_name: [unclosed\n", "plans/fraud/plan.yaml": PLAN})
    init_repo(root)
    (root / "mkdocs.yml").write_text("site_name: plans\n")
    assert run("check") == (0, "ok: plans/fraud/plan.yaml\n", "")


APPLY = "hook: !!python/object/apply:os.system [touch {marker}]\n"
RUNS = {
    "list": ("list",),
    "check": ("check", "--base", "main"),
    "diff": ("diff", "fraud", "--base", "main"),
    "show": ("show", "fraud"),
}


@pytest.mark.parametrize("where", ["working tree", "base", "inherited"])
@pytest.mark.parametrize("command", RUNS)
def test_reading_mkdocs_yml_runs_no_python(
    make_workspace: MakeWorkspace, tmp_path: Path, where: str, command: str
) -> None:
    marker = tmp_path / "ran"
    hostile = "site_name: plans\n" + APPLY.format(marker=marker) + EMOJI
    files = {"mkdocs.yml": hostile, "plans/fraud/plan.yaml": PLAN}
    if where == "inherited":
        files = {"mkdocs.yml": "INHERIT: parent.yml\n", "parent.yml": hostile, "plans/fraud/plan.yaml": PLAN}
    root = make_workspace(files)
    init_repo(root)
    if where == "base":
        git(root, "switch", "-q", "-c", "pr")
        (root / "mkdocs.yml").write_text("site_name: plans\n")
        commit(root, "plain settings")
    code, out, err = run(*RUNS[command])
    assert code == 0, (out, err)
    assert not marker.exists()
