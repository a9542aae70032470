"""Keeps the module dependency direction of DESIGN.md true by parsing every import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"

# Which third-party libraries each module may import; everything else is forbidden to it.
EXCLUSIVE = {
    "questionary": {"interview.flow", "interview.trial"},
    "prompt_toolkit": {"interview.flow", "interview.trial"},
    "jinja2": {"site.render"},
    "markdown_it": {"site.render", "site.htmlpage"},
    "mkdocs": {"site.plugin", "plan.settings"},
    "click": {"cli.main"},
}
# Pure modules: no I/O libraries, no printing, and they import only other pure modules.
PURE = {"plan.model", "judgement.register", "judgement.rules", "judgement.diff", "core.errors", "cli.views"}
PURE |= {
    "judgement.advice",
    "plan.questions",
    "site.views",
    "site.timeline",
    "plan.choices",
    "judgement.verdict",
    "core.stats",
    "judgement.measured",
    "core.inert",
}
PURE |= {
    f"judgement.rules.{area}"
    for area in ("base", "feasibility", "people", "impact", "data", "serving", "done")
}
# Who may import whom inside the package (the arrows of DESIGN.md's data flow).
NEVER_IMPORTS = {
    # The choices are the bottom of the stack: plain enums that import nothing of planner's.
    "plan.choices": {
        "plan.model",
        "plan.workspace",
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "judgement.diff",
    }
    | {
        "plan.questions",
        "judgement.advice",
        "cli.views",
        "site.views",
        "site.timeline",
        "plan.answers",
        "plan.gitref",
        "core.errors",
    },
    "plan.model": {
        "plan.workspace",
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "judgement.diff",
        "plan.questions",
    }
    | {"judgement.advice", "plan.answers", "cli.views"},
    "plan.questions": {
        "plan.workspace",
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "judgement.advice",
        "plan.answers",
        "cli.views",
    },
    "plan.answers": {
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "cli.views",
    },
    "cli.views": {
        "plan.workspace",
        "interview.flow",
        "plan.answers",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
    },
    "plan.workspace": {
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "judgement.diff",
    },
    "judgement.register": {
        "plan.workspace",
        "interview.flow",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
    },
    "judgement.advice": {
        "plan.workspace",
        "interview.flow",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
    },
    "judgement.diff": {
        "plan.workspace",
        "interview.flow",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
    },
    "site.render": {"interview.flow", "site.plugin", "cli.main"},
    "interview.flow": {"site.render", "site.plugin", "cli.main"},
    "evidence.log": {
        "interview.flow",
        "judgement.register",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "judgement.verdict",
        "evidence.status",
    },
    "judgement.verdict": {
        "plan.workspace",
        "interview.flow",
        "site.render",
        "site.plugin",
        "cli.main",
        "plan.history",
        "evidence.status",
    },
}


def modules() -> dict[str, ast.Module]:
    """Every module by dotted name under planner: `review`, `rules` (the package), `rules.data`..."""
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
    internal = {
        ".".join(item.split(".")[1:3])
        for item in names
        if item.startswith("planner.") and item.count(".") >= 1
    }
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
ESCAPERS = {"core.inert", "site.render"}
_CONTROL_CLASS = ("\\x00-", "\\x7f-\\x9f", "\\u202a-\\u202e", "\\u2066-\\u2069")


def test_one_module_owns_the_control_and_direction_character_sets() -> None:
    for path in sorted(PACKAGE.glob("**/*.py")):
        if path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".") in ESCAPERS:
            continue
        text = path.read_text(encoding="utf-8")
        found = [token for token in _CONTROL_CLASS if token in text]
        assert not found, (
            f"{path.name} defines its own {found}: import what it needs from planner/core/inert.py"
        )
