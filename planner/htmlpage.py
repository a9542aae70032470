"""Generated Markdown pages to finished HTML (markdown-it): heading ids, table of contents, page links."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML

# The page templates are planner's own (or the workspace's) Markdown with raw HTML blocks; every user
# text in them is already escaped or rendered inert by planner.render, so raw HTML is allowed here.
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_RENDERER = RendererHTML()
_EXPLICIT_ID = re.compile(r"\s+\{#([a-z0-9][a-z0-9_-]*)\}\s*$")
_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*?\.md)(#[^"]*)?"')
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class HtmlPage:
    """One page as mkdocs needs it: the body, its table of contents (mkdocs' toc tokens) and title."""

    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    ids: set[str] = field(default_factory=set)


def slugify(text: str) -> str:
    """The id Python-Markdown's toc extension would give a heading, so links and habits carry over."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value) or "section"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL mkdocs gives the page `src` (`plans/a/v1.md` -> `plans/a/v1/`), relative to the site."""
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(target: str, base: str) -> str:
    """`target` as seen from the page at URL `base` (both relative to the site root)."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base)
    rel = posixpath.relpath("/" + target, "/" + base_dir)
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


def to_html(markdown: str, src: str, directory_urls: bool = True) -> HtmlPage:
    """Render one generated page: headings get ids and permalinks, `x.md` links become site URLs."""
    env: dict[str, Any] = {}
    tokens = _MD.parse(markdown, env)
    seen: set[str] = set()
    flat: list[dict[str, Any]] = []
    title = None
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        explicit = _EXPLICIT_ID.search(inline.content)
        if explicit:
            inline.content = inline.content[: explicit.start()]
            inline.children = _MD.parseInline(inline.content, env)[0].children
        text = html.unescape(_TAGS.sub("", _RENDERER.renderInline(inline.children or [], _MD.options, env)))
        anchor = explicit.group(1) if explicit else slugify(text)
        unique, count = anchor, 1
        while unique in seen:
            unique, count = f"{anchor}_{count}", count + 1
        seen.add(unique)
        token.attrSet("id", unique)
        level = int(token.tag[1])
        if level == 1 and title is None:
            title = text.strip()
        flat.append({"level": level, "id": unique, "name": html.escape(text.strip()), "children": []})
        permalink = _MD.parseInline(
            f'<a class="headerlink" href="#{unique}" title="Permanent link">&para;</a>', env
        )[0].children
        assert inline.children is not None and permalink is not None
        inline.children = [*inline.children, *permalink]
    body = _MD.renderer.render(tokens, _MD.options, env)
    here = page_url(src, directory_urls)
    folder = posixpath.dirname(src)

    def link(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        return f'href="{relative_url(page_url(target, directory_urls), here)}{match.group(2) or ""}"'

    # One wrapper marks planner's pages, so its styles (links underlined in text) stay off the user's own.
    page = f'<div class="planner-page">\n{_MD_LINK.sub(link, body)}</div>\n'
    return HtmlPage(page, _nest(flat), title, seen)


def _nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat headings to mkdocs' nested toc tokens (each heading under the last one of a lower level)."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for item in flat:
        while stack and stack[-1]["level"] >= item["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(item)
        stack.append(item)
    return roots
