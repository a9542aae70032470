"""The one safe path for user text on the site: inline values escaped, Markdown with no raw HTML or unsafe links."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markupsafe import Markup

from planner.core.inert import BIDI
from planner.plan.text import format_value

# Characters that mean something to HTML or to Markdown (Python-Markdown and its usual extensions:
# tables, attr_list, admonition, emphasis, links, code, headings, lists). Written as numeric
# entities they are shown literally and can never open a tag, a link, a table cell or `{: ...}`.
_SPECIAL = "\\`*_{}[]()#+-.!|~^=$:@%<>&\"'"


_ENTITIES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}


# Control characters, and direction overrides that would reorder a title, goal or note on the page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f" + BIDI + "]")


_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def escape_text(text: str) -> str:
    """HTML- and Markdown-escape text, keeping its line breaks."""
    return _CONTROL.sub("", text).translate(_ENTITIES)


# A site repeats the same short values on every plan (question labels and help, choice labels,
# levels): each is escaped once. Bounded, so a long `mkdocs serve` session does not grow it forever.
_ESCAPED: dict[str, Markup] = {}
_ESCAPED_MAX = 50_000


def escape_inline(value: Any) -> Markup:
    """A short value (title, table cell, heading) as one line of inert text."""
    if value is None:
        return Markup("")
    if type(value) is str:
        found = _ESCAPED.get(value)
        if found is None:
            if len(_ESCAPED) >= _ESCAPED_MAX:
                _ESCAPED.clear()
            found = _ESCAPED[value] = Markup(escape_text(" ".join(value.split())))
        return found
    if type(value) is int and value >= 0:
        return Markup(value)  # digits only: nothing to escape
    if isinstance(value, Enum):
        value = format_value(value)
    return Markup(escape_text(" ".join(str(value).split())))


def link_allowed(url: str) -> bool:
    """Only http, https, mailto and relative links: a colon before any / ? # means a scheme."""
    head = re.split(r"[/?#]", url, maxsplit=1)[0]
    return ":" not in head or head.split(":", 1)[0].lower() in _SAFE_SCHEMES


class _InertRenderer(RendererHTML):
    """markdown-it's HTML renderer, with text escaped for Markdown too (the fragment may be re-read)."""

    def text(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return escape_text(tokens[idx].content)

    def code_inline(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return f"<code>{escape_text(tokens[idx].content)}</code>"

    def code_block(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
        # Line breaks as character references: a blank line would end the raw HTML block the fragment
        # sits in when the page itself is read as Markdown.
        code = escape_text(tokens[idx].content).replace("\n", "&#10;")
        return f"<pre><code>{code}</code></pre>\n"

    def fence(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return self.code_block(tokens, idx, options, env)


class _SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        return link_allowed(url)


def _markdown() -> MarkdownIt:
    # No raw HTML, no images (they would fetch from other hosts), links checked by scheme.
    md = _SafeMarkdown("commonmark", {"html": False}, renderer_cls=_InertRenderer)
    md.enable(["table", "strikethrough"]).disable("image")
    return md


_MD = _markdown()


# Most answers are plain sentences: no character in them means anything to Markdown, so markdown-it
# would return them as one escaped paragraph. Those skip the parser (tests hold both ways equal).
# Inline, only these characters can start Markdown (escapes, code, emphasis, links, autolinks,
# entities, strikethrough, tables) or be changed by the parser (control characters, line breaks).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<>&~|\x00-\x1f\x7f-\x9f]")


# At the start of a line, these open a block (heading, list, quote, code, break, fence, HTML).
_BLOCK_START = re.compile(r"[#+\-*>=<`~_\s]|\d+[.)]")


def render_text(text: Any) -> Markup:
    """Free text (Markdown allowed) as an inert HTML fragment, to be placed as a raw HTML block."""
    if text is None:
        return Markup("")
    text = str(text)
    line = text.rstrip()
    if line and not _INLINE_SYNTAX.search(text) and not _BLOCK_START.match(text):
        return Markup(f'<div class="planner-text">\n<p>{escape_text(line)}</p>\n</div>')
    return Markup(f'<div class="planner-text">\n{_MD.render(text)}</div>')


def render_inline(text: Any) -> Markup:
    """A short free text with inline Markdown (emphasis, code, safe links) and no blocks."""
    if text is None:
        return Markup("")
    line = " ".join(str(text).split())
    if not _INLINE_SYNTAX.search(line):
        return Markup(escape_text(line))
    return Markup(_MD.renderInline(line))
