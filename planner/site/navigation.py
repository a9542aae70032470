"""The site's navigation, for either engine: the user's nav (or mkdocs' automatic one) with the plans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

from planner.site.render import BESIDE_HOME


def with_plans(
    nav: Any, own: Callable[[], list[Any]], dashboard: str, plans_entry: dict[str, Any]
) -> list[Any]:
    """The user's nav (or, without one, `own()`: the automatic nav of their own pages) with the
    portfolio first and the plans last, unless the user's nav already places them."""
    if nav is not None:
        if "plans/" in str(nav).replace(BESIDE_HOME, ""):
            return list(nav)  # the user placed the plans themselves
        head = [] if dashboard in str(nav) else [{"Portfolio": dashboard}]
        return [*head, *nav, plans_entry]
    return [{"Portfolio": dashboard}, *own(), plans_entry]


def automatic(pages: Iterable[str], dashboard: str) -> list[Any]:
    """mkdocs' automatic nav of the user's own pages (not planner's): index first in each folder,
    folders after files, each folder a section titled from its name."""
    own = [page for page in pages if not page.startswith("plans/") and page != dashboard]
    return _nest(sorted(own, key=_sort_key))


def _sort_key(path: str) -> tuple[Any, ...]:
    parts = PurePosixPath(path).parts
    return (parts[:-1], PurePosixPath(path).stem != "index", parts[-1])


def _title(folder: str) -> str:
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _nest(paths: list[str]) -> list[Any]:
    nested: list[Any] = []
    for path in paths:
        branch = nested
        for part in PurePosixPath(path).parent.parts:
            title = _title(part)
            found = next((item for item in branch if isinstance(item, dict) and title in item), None)
            if found is None:
                found = {title: []}
                branch.append(found)
            branch = found[title]
        branch.append(path)
    return nested
