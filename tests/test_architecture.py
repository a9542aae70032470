"""What the import-linter contract in pyproject.toml cannot say about ARCHITECTURE.md's layers, and the
contract itself, run as CI runs it."""

from __future__ import annotations

import ast
import functools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"

# Which modules may import a third-party library that one module (or one package) owns; the contract
# says which packages may, this says which module inside them.
EXCLUSIVE = {
    "jinja2": {"site.render"},
    "markdown_it": {"site.safetext", "site.htmlpage"},
    "mkdocs": {"site.plugin", "plan.settings"},
    # Python-Markdown: Zensical runs planner's pages through it; the workspace's overrides are rendered with it.
    "markdown": {"site.zensical_markdown", "site.markdownpage"},
    "zensical": set(),  # run as a command (site.zensical), never imported: it is an optional extra
}
# Modules over 500 lines are data: the question bank, the plan's model (its fields and their descriptions
# are the schema), the rule catalogues (each rule a short function beside its pass and fail cases), and the
# curated lexicon of free-text words (word lists, every form written out).
DATA = {
    "plan.questions",
    "plan.model",
    "judgement.rules.data",
    "judgement.rules.done",
    "judgement.rules.lexicon",
}


@functools.cache
def modules() -> dict[str, ast.Module]:
    """Every module by dotted name under planner: `judgement.register`, `judgement.rules` (the package)..."""
    paths = sorted(PACKAGE.glob("**/*.py"))
    names = [".".join(path.relative_to(PACKAGE).with_suffix("").parts) for path in paths]
    return {
        name.removesuffix(".__init__"): ast.parse(path.read_text(), str(path))
        for name, path in zip(names, paths, strict=True)
    }


def imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_import_contract_holds() -> None:
    """The layers core -> plan -> judgement -> evidence -> interview | site | review -> cli, a pure
    judgement, and who may import questionary, jinja2, mkdocs and click, as `lint-imports` checks them."""
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("import-linter is not installed: pip install -e '.[test]'")
    done = subprocess.run([tool], cwd=PACKAGE.parent, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_keeps_its_libraries_and_its_purity(name: str) -> None:
    tree = modules()[name]
    tops = {item.split(".")[0] for item in imported(tree)}
    for library, allowed in EXCLUSIVE.items():
        if library in tops:
            assert name in allowed, f"planner/{name}.py imports {library}; only {sorted(allowed)} may"
    if name.startswith("judgement"):
        calls = {
            n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        assert not ({"print", "open", "exit", "input"} & calls), f"planner/{name}.py prints or reads"


def test_every_module_states_its_responsibility_and_stays_small() -> None:
    for path in sorted(PACKAGE.glob("**/*.py")):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        text = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(text))
        assert doc and len(doc.splitlines()[0]) < 120, f"planner/{name}.py needs a one-line docstring"
        lines = text.count("\n")
        assert name in DATA or lines <= 500, f"planner/{name}.py has {lines} lines: split it by its jobs"


# safetext strips the controls HTML forbids, its own set; every other module escapes through inert.
ESCAPERS = {"core.inert", "site.safetext"}
_CONTROL_CLASS = ("\\x00-", "\\x7f-\\x9f", "\\u202a-\\u202e", "\\u2066-\\u2069")


def test_one_module_owns_the_control_and_direction_character_sets() -> None:
    for path in sorted(PACKAGE.glob("**/*.py")):
        if ".".join(path.relative_to(PACKAGE).with_suffix("").parts) in ESCAPERS:
            continue
        text = path.read_text(encoding="utf-8")
        found = [token for token in _CONTROL_CLASS if token in text]
        assert not found, (
            f"{path.name} defines its own {found}: import what it needs from planner/core/inert.py"
        )
