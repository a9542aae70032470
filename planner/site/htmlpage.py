"""Generated Markdown pages to finished HTML (markdown-it): heading ids, table of contents, page links."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

# The page templates are planner's own (or the workspace's) Markdown with raw HTML blocks; every user
# text in them is already escaped or rendered inert by planner.site.render, so raw HTML is allowed here.
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
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
    relative: bool = False  # whether it links other pages (then its HTML depends on where it is)


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


# A heading that belongs in the table of contents: `#` headings of the Markdown templates, and
# `<h2 data-toc="">` in templates written as HTML. One pass gives them ids, permalinks and the toc.
_TOC_HEADING = re.compile(r'<h([1-6]) data-toc=""(?: id="([^"]*)")?>(.*?)</h\1>', re.S)


def to_html(
    markdown: str, src: str, directory_urls: bool = True, *, wrap: bool = True, md_links: bool = False
) -> HtmlPage:
    """Render one generated page: headings get ids and permalinks, `x.md` links become site URLs
    (or stay as they are with `md_links`, for an engine that resolves them itself)."""
    env: dict[str, Any] = {}
    tokens = _MD.parse(markdown, env)
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        token.attrSet("data-toc", "")
        inline = tokens[index + 1]
        explicit = _EXPLICIT_ID.search(inline.content)
        if explicit:
            inline.content = inline.content[: explicit.start()]
            inline.children = _MD.parseInline(inline.content, env)[0].children
            token.attrSet("id", explicit.group(1))
    html_text = _MD.renderer.render(tokens, _MD.options, env)
    return from_html(html_text, src, directory_urls, wrap=wrap, md_links=md_links)


def from_html(
    body: str,
    src: str,
    directory_urls: bool = True,
    *,
    wrap: bool = True,
    md_links: bool = False,
    permalink: str | None = "&para;",
) -> HtmlPage:
    """A generated page already written as HTML: its toc headings get ids, permalinks (`permalink`, or
    none) and the table of contents (as Python-Markdown's toc would give them), and `x.md` links become
    site URLs. With `md_links` they stay `x.md`: Zensical resolves every relative link from the page's
    source file."""
    seen: set[str] = set()
    flat: list[dict[str, Any]] = []
    title = None

    def heading(match: re.Match[str]) -> str:
        nonlocal title
        level, explicit, inner = int(match.group(1)), match.group(2), match.group(3)
        text = html.unescape(_TAGS.sub("", inner)).strip()
        anchor = explicit or slugify(text)
        unique, count = anchor, 1
        while unique in seen:
            unique, count = f"{anchor}_{count}", count + 1
        seen.add(unique)
        if level == 1 and title is None:
            title = text
        flat.append({"level": level, "id": unique, "name": html.escape(text), "children": []})
        link = (
            f'<a class="headerlink" href="#{unique}" title="Permanent link">{permalink}</a>'
            if permalink is not None
            else ""
        )
        return f'<h{level} id="{unique}">{inner}{link}</h{level}>'

    body = _TOC_HEADING.sub(heading, body)
    here = page_url(src, directory_urls)
    folder = posixpath.dirname(src)

    def link(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        return f'href="{relative_url(page_url(target, directory_urls), here)}{match.group(2) or ""}"'

    linked = body if md_links else _MD_LINK.sub(link, body)
    return HtmlPage(_wrap(linked) if wrap else linked, nest_toc(flat), title, seen, linked != body)


def _wrap(html: str) -> str:
    # One wrapper marks planner's pages, so its styles (links underlined in text) stay off the user's own.
    return f'<div class="planner-page">\n{html}</div>\n'


def join(head: HtmlPage, body: HtmlPage) -> HtmlPage:
    """A page made of two converted parts: the body's headings go under the head's title."""
    toc = [dict(item) for item in head.toc]
    if toc and toc[-1]["level"] < min((item["level"] for item in body.toc), default=9):
        toc[-1] = {**toc[-1], "children": [*toc[-1]["children"], *body.toc]}
    else:
        toc += body.toc
    return HtmlPage(_wrap(head.html + body.html), toc, head.title or body.title, head.ids | body.ids)


def nest_toc(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat headings to mkdocs' nested toc tokens (each heading under the last one of a lower level)."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for item in flat:
        while stack and stack[-1]["level"] >= item["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(item)
        stack.append(item)
    return roots


_SECTION = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.S)
# Left out of the search index: the heat map, and the boilerplate every plan repeats (section intros,
# unanswered questions), so a word of a section intro does not find every plan. Neither nests itself.
_EXCLUDED = re.compile(r"<(div|p) [^>]*data-search-exclude[^>]*>.*?</\1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


def search_entries(page: HtmlPage, location: str, title: str) -> list[dict[str, str]]:
    """The search index entries of a page, one per h1/h2 section as Material's search makes them,
    read off planner's own markup with a regex instead of an HTML parser (heat maps left out)."""
    text = _PERMALINK.sub("", _EXCLUDED.sub("", page.html))
    cuts = [match for match in _SECTION.finditer(text) if match.group(1) in "12"]
    entries = []
    starts = [0, *(match.end() for match in cuts)]
    ends = [*(match.start() for match in cuts), len(text)]
    heads: list[tuple[str, str] | None] = [None, *((match.group(2), match.group(3)) for match in cuts)]
    for head, start, end in zip(heads, starts, ends, strict=True):
        body = _plain(text[start:end])
        if head is None:
            if body:
                entries.append({"location": location, "title": title, "text": body})
            continue
        anchor, name = head
        first = head is heads[1] and name and cuts[0].group(1) == "1"
        entries.append(
            {"location": location if first else f"{location}#{anchor}", "title": _plain(name), "text": body}
        )
    return entries


def _plain(html_text: str) -> str:
    words = html.unescape(_TAGS.sub(" ", html_text)).split()
    return html.escape(" ".join(words), quote=False)
