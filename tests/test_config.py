"""plans_dir is read the way mkdocs reads mkdocs.yml (INHERIT, !ENV), and means the same to the CLI
and the site; every path planner writes (the schema modeline) follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeWorkspace
from tests.gitrepo import run
from tests.site_fixtures import mkdocs

PLAN = "title: Fraud screening\n"


def test_inherit_and_env_configurations_are_read_as_mkdocs_reads_them(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANS_DIR", "design/plans")
    make_workspace(
        {
            "base.yml": "site_name: plans\nplugins:\n  - search\n  - planner:\n      plans_dir: !ENV [PLANS_DIR, plans]\n",
            "mkdocs.yml": "INHERIT: base.yml\ntheme:\n  name: material\n",
            "design/plans/fraud/plan.yaml": PLAN,
        }
    )
    code, out, _ = run("list")
    assert code == 0 and out.splitlines()[1].startswith("fraud "), out


def test_a_new_plan_points_at_the_schema_from_wherever_plans_dir_is(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(
        {"mkdocs.yml": "site_name: x\nplugins:\n  - planner:\n      plans_dir: design/plans\n"}
    )
    assert run("new", "fraud", "--title", "Fraud")[0] == 0
    first = (root / "design/plans/fraud/plan.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../plan.schema.json"
    schema = (root / "design/plans/fraud" / first.split("=", 1)[1]).resolve()
    assert schema == (root / "plan.schema.json").resolve()


BLANK = "is blank; name a folder inside the workspace, or leave the option out for 'plans'"


def _blank_workspace(make_workspace: MakeWorkspace, blank: str) -> Path:
    return make_workspace(
        {
            "mkdocs.yml": f"site_name: x\ntheme:\n  name: material\nplugins:\n  - planner:\n      plans_dir: {blank}\n",
            "docs/index.md": "# x\n",
        }
    )


@pytest.mark.parametrize("blank", ["''", "' '"])
def test_a_blank_plans_dir_is_refused_by_the_cli(make_workspace: MakeWorkspace, blank: str) -> None:
    _blank_workspace(make_workspace, blank)
    assert run("list") == (2, "", f"error: mkdocs.yml: the planner plugin's option 'plans_dir' {BLANK}\n")


def test_a_blank_plans_dir_is_refused_by_the_site_in_the_same_words(make_workspace: MakeWorkspace) -> None:
    result = mkdocs(_blank_workspace(make_workspace, "''"), "build")
    assert result.returncode == 1
    assert f"Plugin 'planner' option 'plans_dir': {BLANK}" in result.stderr, result.stderr


def test_an_unknown_plugin_option_fails_check_as_it_fails_a_strict_build(
    make_workspace: MakeWorkspace,
) -> None:
    root = make_workspace(
        {
            "mkdocs.yml": "site_name: x\ntheme:\n  name: material\nplugins:\n  - planner:\n"
            "      plans_dri: design/plans\n      enabled: true\n",
            "docs/index.md": "# x\n",
            "plans/fraud/plan.yaml": PLAN,
        }
    )
    strict = mkdocs(root, "build", "--strict")
    assert strict.returncode == 1
    assert "Plugin 'planner' option 'plans_dri': Unrecognised configuration name: plans_dri" in strict.stderr
    assert run("check") == (
        1,
        "mkdocs.yml: the planner plugin's option 'plans_dri': Unrecognised configuration name: plans_dri "
        "(`mkdocs build --strict` stops on it); did you mean 'plans_dir'? its options are engine, nav_title, "
        "plans_dir, templates_dir\nok: plans/fraud/plan.yaml\n",
        "error: the planner plugin's options in mkdocs.yml have problems; fix the lines above\n",
    )
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace("plans_dri", "nav_title"))
    assert run("check") == (0, "ok: plans/fraud/plan.yaml\n", "")
    assert mkdocs(root, "build", "--strict").returncode == 0
