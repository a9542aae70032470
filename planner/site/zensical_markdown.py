"""The Markdown extension Zensical runs on planner's pages: their finished HTML and table of contents pass
through untouched, as the mkdocs plugin hands them to mkdocs.

Zensical renders every page with Python-Markdown and reads the table of contents from `md.toc_tokens`
(Python-Markdown's documented result of its toc extension). A page planner wrote starts with one
comment line holding its table of contents; the rest is HTML that no Markdown parser needs to read
again (and must not: it is already escaped, its links and anchors already made)."""

from __future__ import annotations

import json
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

MARK = "<!-- planner-page "
END = " -->"


def first_line(toc: list[dict[str, Any]]) -> str:
    """The line that opens a page planner wrote: its table of contents (mkdocs' toc tokens) as JSON,
    with `<`, `>` and `&` escaped so nothing in it can close the comment."""
    data = json.dumps(toc, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"{MARK}{data}{END}"


def _tokens(items: Any) -> list[dict[str, Any]]:
    """mkdocs' toc tokens as Python-Markdown's toc extension makes them (with `html` and a label)."""
    return [
        {
            "level": int(item["level"]),
            "id": str(item["id"]),
            "name": str(item["name"]),
            "html": str(item["name"]),
            "data-toc-label": "",
            "children": _tokens(item.get("children", [])),
        }
        for item in items
    ]


class _Stash(Preprocessor):  # type: ignore[misc]  # Python-Markdown ships no types
    """A planner page becomes one stored block of raw HTML (its text is never parsed as Markdown)."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.planner_toc = None
        if not lines or not lines[0].startswith(MARK) or not lines[0].endswith(END):
            return lines
        try:
            toc = _tokens(json.loads(lines[0][len(MARK) : -len(END)]))
        except (ValueError, KeyError, TypeError):
            return lines  # not a line planner wrote: the page is Markdown like any other
        self.md.planner_toc = toc
        return [self.md.htmlStash.store("\n".join(lines[1:]))]


class _Toc(Postprocessor):  # type: ignore[misc]
    """The page's own table of contents replaces the (empty) one the toc extension found."""

    def run(self, text: str) -> str:
        toc = getattr(self.md, "planner_toc", None)
        if toc is not None:
            self.md.toc_tokens = toc
        return text


class PlannerPages(Extension):  # type: ignore[misc]
    """`markdown_extensions: [planner.site.zensical_markdown]` in the configuration planner writes."""

    def __init__(self, **kwargs: Any) -> None:
        # The planner version is part of the configuration, so Zensical's cache of rendered pages
        # (keyed by page text and configuration) is not reused across planner upgrades.
        self.config = {"version": ["", "the planner version that wrote the pages"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # After whitespace is normalised (30: it would drop the stash's markers), before raw HTML
        # blocks are stored (20).
        md.preprocessors.register(_Stash(md), "planner_page", 25)
        md.postprocessors.register(_Toc(md), "planner_toc", 0)


def makeExtension(**kwargs: Any) -> PlannerPages:  # the name Python-Markdown looks for
    return PlannerPages(**kwargs)
