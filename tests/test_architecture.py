"""Keeps the module dependency direction of DESIGN.md true by parsing every import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"

# Which third-party libraries each module may import; everything else is forbidden to it.
EXCLUSIVE = {
    "questionary": {"interview", "trial_prompts"},
    "prompt_toolkit": {"interview", "trial_prompts"},
    "jinja2": {"render"},
    "markdown_it": {"render", "htmlpage"},
    "mkdocs": {"plugin", "config"},
    "click": {"cli"},
}
# Pure modules: no I/O libraries, no printing, and they import only other pure modules.
PURE = {"model", "review", "rules", "diff", "errors", "report"}
PURE |= {"advice", "bank", "siteview", "timeline", "choices", "verdict", "stats", "measured", "inert"}
PURE |= {f"rules.{area}" for area in ("base", "feasibility", "people", "impact", "data", "serving", "done")}
# Who may import whom inside the package (the arrows of DESIGN.md's data flow).
NEVER_IMPORTS = {
    # The choices are the bottom of the stack: plain enums that import nothing of planner's.
    "choices": {"model", "store", "interview", "review", "render", "plugin", "cli", "history", "diff"}
    | {"bank", "advice", "report", "siteview", "timeline", "answers", "gitref", "errors"},
    "model": {"store", "interview", "review", "render", "plugin", "cli", "history", "diff", "bank"}
    | {"advice", "answers", "report"},
    "bank": {
        "store",
        "interview",
        "review",
        "render",
        "plugin",
        "cli",
        "history",
        "advice",
        "answers",
        "report",
    },
    "answers": {"interview", "review", "render", "plugin", "cli", "report"},
    "report": {"store", "interview", "answers", "render", "plugin", "cli", "history"},
    "store": {"interview", "review", "render", "plugin", "cli", "history", "diff"},
    "review": {"store", "interview", "render", "plugin", "cli", "history"},
    "advice": {"store", "interview", "render", "plugin", "cli", "history"},
    "diff": {"store", "interview", "render", "plugin", "cli", "history"},
    "render": {"interview", "plugin", "cli"},
    "interview": {"render", "plugin", "cli"},
    "experiments": {"interview", "review", "render", "plugin", "cli", "history", "verdict", "status"},
    "verdict": {"store", "interview", "render", "plugin", "cli", "history", "status"},
}


def modules() -> dict[str, ast.Module]:
    """Every module by dotted name under planner: `review`, `rules` (the package), `rules.data`..."""
    paths = sorted(PACKAGE.glob("*.py")) + sorted(PACKAGE.glob("rules/*.py"))
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
            if node.module == "planner":
                names.update(f"planner.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_respects_the_dependency_direction(name: str) -> None:
    tree = modules()[name]
    names = imported(tree)
    tops = {item.split(".")[0] for item in names}
    for library, allowed in EXCLUSIVE.items():
        if library in tops:
            assert name in allowed, f"planner/{name}.py imports {library}; only {sorted(allowed)} may"
    internal = {item.split(".")[1] for item in names if item.startswith("planner.") and item.count(".") >= 1}
    forbidden = internal & NEVER_IMPORTS.get(name, set())
    assert not forbidden, f"planner/{name}.py imports {sorted(forbidden)} against the data flow"
    if name in PURE:
        assert not ({"subprocess", "os", "shutil", "tempfile"} & tops), f"planner/{name}.py does I/O"
        calls = {
            n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        assert not ({"print", "open", "exit", "input"} & calls), f"planner/{name}.py prints or reads"


def test_every_module_states_its_responsibility() -> None:
    for name, tree in modules().items():
        doc = ast.get_docstring(tree)
        assert doc and len(doc.splitlines()[0]) < 120, f"planner/{name}.py needs a one-line docstring"


# render strips the controls HTML forbids, its own set; every other module escapes through inert.
ESCAPERS = {"inert", "render"}
_CONTROL_CLASS = ("\\x00-", "\\x7f-\\x9f", "\\u202a-\\u202e", "\\u2066-\\u2069")


def test_one_module_owns_the_control_and_direction_character_sets() -> None:
    for path in sorted(PACKAGE.glob("*.py")) + sorted(PACKAGE.glob("rules/*.py")):
        if path.stem in ESCAPERS:
            continue
        text = path.read_text(encoding="utf-8")
        found = [token for token in _CONTROL_CLASS if token in text]
        assert not found, f"{path.name} defines its own {found}: import what it needs from planner/inert.py"
