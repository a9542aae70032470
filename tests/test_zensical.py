"""The Zensical engine's part that needs no Zensical: the build folder planner writes (generated pages,
nav, a configuration inheriting mkdocs.yml), the Markdown extension that passes its pages through, the
engine setting, and what `planner build` says when Zensical is missing or Material is ending."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from click.testing import CliRunner

from planner.cli.main import cli
from planner.plan import settings
from planner.site import zensical
from planner.site.zensical_markdown import first_line
from tests.conftest import MakeWorkspace
from tests.site_fixtures import SOUND_PLAN, WORKSPACE_MKDOCS, hostile_plan, workspace_files

PLANNER = str(Path(sys.executable).parent / "planner")
FRAUD = "Screen card orders for fraud before they ship"
MISSING = (
    "error: the Zensical engine is not installed; install it with "
    "`pip install 'ml-project-planner[zensical]'` (or build with `--engine mkdocs`)\n"
)


class _Tags(yaml.SafeLoader):
    """Reads the written configuration back, keeping each Python tag as (tag, value)."""


_Tags.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: ("python/" + suffix, "")
)


def _written(root: Path) -> tuple[zensical.Written, dict[str, Any], Path]:
    folder = zensical.BuildFolder(root, settings.read(root))
    written = folder.write()
    config = yaml.load(written.config.read_text(encoding="utf-8"), Loader=_Tags)  # safe, tags kept
    return written, config, folder.path / "docs"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_build_folder_holds_pages_nav_and_a_config_inheriting_mkdocs_yml(
    make_workspace: MakeWorkspace,
) -> None:
    files = workspace_files({"fraud": SOUND_PLAN})
    files["base.yml"] = WORKSPACE_MKDOCS + textwrap_emoji()
    files["mkdocs.yml"] = "INHERIT: base.yml\nsite_name: Our plans\nextra_css: [extra.css]\n"
    files["docs/extra.css"] = "h1 { color: teal; }\n"
    root = make_workspace(files)
    docs_before = _files(root / "docs")

    written, config, docs = _written(root)

    assert _files(root / "docs") == docs_before  # nothing generated lands in the user's docs/
    generated = _files(docs)
    assert (
        generated["about.md"] == docs_before["about.md"]
        and generated["extra.css"] == docs_before["extra.css"]
    )
    assert {
        "index.md",
        "plans/fraud/index.md",
        "assets/planner/planner.css",
        "assets/planner/planner.js",
    } <= set(generated)
    page = generated["plans/fraud/index.md"].decode()
    assert page.startswith('---\n{"title": "' + FRAUD + '"}\n---\n<!-- planner-page [')
    assert 'id="risks"' in page and "The card vendor" in page
    assert config["nav"] == [
        {"Portfolio": "index.md"},
        "about.md",
        {"Plans": [{"Approved": [{FRAUD: ["plans/fraud/index.md"]}]}]},
    ]
    assert (
        config["site_name"] == "Our plans" and config["docs_dir"] == "docs" and config["site_dir"] == "site"
    )
    assert config["theme"]["palette"][0]["toggle"]["name"] == "Switch to dark mode"  # from base.yml
    assert config["theme"]["variant"] == "classic"  # Material's look, not Zensical's modern one
    assert config["extra_css"] == ["extra.css", "assets/planner/planner.css"]
    assert config["extra_javascript"] == ["assets/planner/planner.js"]
    emoji = config["markdown_extensions"][0]["pymdownx.emoji"]
    assert emoji["emoji_index"] == ("python/name:material.extensions.emoji.twemoji", "")  # the tag, kept
    assert config["markdown_extensions"][-1] == {"planner.site.zensical_markdown": {"version": _version()}}
    assert written.site_dir == root / "site" and written.built == root / ".planner/zensical/site"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".planner/zensical/mkdocs.yml"], cwd=root, check=False
    )
    assert ignored.returncode in (0, 128)  # ignored by its own .gitignore (128: not a git repository)
    assert (root / ".planner/.gitignore").read_text().splitlines()[-1] == "*"


def textwrap_emoji() -> str:
    return (
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - toc:\n"
        "      permalink: true\n"
    )


def _version() -> str:
    from planner import __version__

    return __version__


def test_writing_again_touches_only_what_changed(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN, "other": SOUND_PLAN}))
    folder = zensical.BuildFolder(root, settings.read(root))
    folder.write()
    assert folder.refresh() is None  # nothing changed: nothing to do
    plan = root / "plans/other/plan.yaml"
    plan.write_text(plan.read_text().replace("Fraudulent card orders", "Risky card orders"), encoding="utf-8")
    assert folder.refresh() is None  # just changed: it waits one refresh for the save to settle
    again = folder.refresh()
    assert again is not None and again.changed == 1  # the edited plan's page; the portfolio reads the same
    assert "Risky card orders" in (folder.path / "docs/plans/other/index.md").read_text()
    (root / "docs/about.md").unlink()
    plan.unlink()
    plan.parent.rmdir()
    folder.write()
    assert not (folder.path / "docs/plans/other").exists() and not (folder.path / "docs/about.md").exists()


def test_a_workspace_home_page_and_nav_are_kept_with_the_plans_beside_them(
    make_workspace: MakeWorkspace,
) -> None:
    files = workspace_files({"fraud": SOUND_PLAN})
    files["docs/index.md"] = "# Welcome\n"
    files["docs/guide/start-here.md"] = "# Start\n"
    root = make_workspace(files)
    _, config, docs = _written(root)
    assert (docs / "plans/index.md").is_file() and (docs / "index.md").read_text() == "# Welcome\n"
    assert config["nav"][:3] == [{"Portfolio": "plans/index.md"}, "index.md", "about.md"]
    assert config["nav"][3] == {"Guide": ["guide/start-here.md"]}  # as mkdocs titles a folder
    (root / "mkdocs.yml").write_text(WORKSPACE_MKDOCS + "nav:\n  - Home: index.md\n", encoding="utf-8")
    _, config, _ = _written(root)
    assert [next(iter(item)) for item in config["nav"]] == ["Portfolio", "Home", "Plans"]


def test_planners_pages_pass_through_python_markdown_untouched(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(workspace_files({"evil": hostile_plan()}))
    folder = zensical.BuildFolder(root, settings.read(root))
    folder.write()
    page, meta = folder.cache.build(folder.templates_dir, "index.md", True).pages["plans/evil/index.md"]
    source = zensical.page_source(page, meta).decode()
    body = source.split("\n---\n", 1)[1]  # Zensical reads the front matter itself
    md = markdown.Markdown(extensions=["toc", "planner.site.zensical_markdown"])
    assert md.convert(body) == page.html.rstrip("\n")
    assert _ids(md.toc_tokens) == _ids(page.toc) and "risks" in _ids(page.toc)  # the same contents
    # A page of the user's own that merely looks like one of planner's is Markdown like any other.
    md = markdown.Markdown(extensions=["toc", "planner.site.zensical_markdown"])
    assert md.convert("<!-- planner-page [broken -->\n\n# Mine").endswith('<h1 id="mine">Mine</h1>')


def _ids(toc: list[dict[str, Any]]) -> list[str]:
    return [id_ for item in toc for id_ in (item["id"], *_ids(item["children"]))]


def test_the_table_of_contents_line_cannot_close_its_comment() -> None:
    line = first_line([{"level": 2, "id": "a", "name": "--> <script>&", "children": []}])
    assert line.count("-->") == 1 and line.endswith(" -->") and "<script>" not in line
    assert json.loads(line[len("<!-- planner-page ") : -len(" -->")])[0]["name"] == "--> <script>&"


def test_zensical_missing_is_one_message_naming_the_extra(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    monkeypatch.setattr(zensical, "version", lambda: None)
    for command in (["build", "--engine", "zensical"], ["serve", "--engine", "zensical"]):
        result = CliRunner().invoke(cli, command)
        assert (result.exit_code, result.output) == (2, MISSING)


def test_the_engine_is_a_setting_of_the_planner_plugin(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    monkeypatch.setattr(zensical, "version", lambda: None)
    config = root / "mkdocs.yml"
    config.write_text(WORKSPACE_MKDOCS.replace("  - planner\n", "  - planner:\n      engine: zensical\n"))
    result = CliRunner().invoke(cli, ["build"])
    assert (result.exit_code, result.output) == (2, MISSING)
    config.write_text(WORKSPACE_MKDOCS.replace("  - planner\n", "  - planner:\n      engine: hugo\n"))
    result = CliRunner().invoke(cli, ["build"])
    assert (result.exit_code, result.output) == (
        2,
        "error: mkdocs.yml: the planner plugin's option 'engine' is 'hugo'; use mkdocs or zensical "
        "(or leave it out for mkdocs)\n",
    )


def test_a_build_with_mkdocs_says_nothing_of_the_end_of_life_when_told_not_to(
    make_workspace: MakeWorkspace,
) -> None:
    """NO_MKDOCS_2_WARNING=1 quiets planner's note and Material's banner (passed on once, with the
    switch, without it: test_wheel.py's build of the example site)."""
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    quiet = subprocess.run([PLANNER, "build"], env=env, cwd=root, capture_output=True, text=True, check=False)
    assert quiet.returncode == 0 and "end of life" not in quiet.stderr


def test_docs_dir_outside_the_workspace_is_refused(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(workspace_files({"fraud": SOUND_PLAN}))
    (root / "mkdocs.yml").write_text(WORKSPACE_MKDOCS + "docs_dir: ../elsewhere\n")
    with pytest.raises(
        Exception, match=re.escape("docs_dir '../elsewhere' must be a folder inside the workspace")
    ):
        zensical.BuildFolder(root, settings.read(root)).write()
