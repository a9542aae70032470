"""Markdown pages rendered as mkdocs renders the workspace's own: Python-Markdown with its extensions."""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown

from planner.site.htmlpage import HtmlPage, from_html, nest_toc

_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


class WorkspaceMarkdown:
    """The workspace's `markdown_extensions` (and their options) from mkdocs.yml, for the pages whose
    templates the workspace overrides: `!!! note` becomes an admonition and `toc: permalink` is
    honoured there, as on the workspace's own pages."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any]) -> None:
        self.extensions, self.configs = list(extensions), dict(configs)
        # What tells two settings apart, for the caches of rendered pages.
        self.key = repr((self.extensions, sorted(self.configs.items(), key=lambda item: str(item[0]))))
        permalink = (self.configs.get("toc") or {}).get("permalink")
        # planner's own HTML headings inside the page get the permalink the workspace asks for.
        self.permalink = "&para;" if permalink is True else (str(permalink) if permalink else None)
        self._md: Markdown | None = None

    def __call__(
        self,
        markdown: str,
        src: str,
        directory_urls: bool = True,
        *,
        wrap: bool = True,
        md_links: bool = False,
    ) -> HtmlPage:
        if self._md is None:
            self._md = Markdown(extensions=self.extensions, extension_configs=self.configs)
        md = self._md.reset()
        body = md.convert(markdown)
        # planner's HTML parts (`<h2 data-toc="">`) get their ids and `x.md` links become site URLs, as
        # mkdocs' own link processor makes them.
        page = from_html(body, src, directory_urls, wrap=wrap, md_links=md_links, permalink=self.permalink)
        headings = {item["id"]: item for item in _flat(getattr(md, "toc_tokens", [])) + _flat(page.toc)}
        flat = [
            {**headings[anchor], "children": []}
            for _, anchor in _HEADING.findall(page.html)
            if anchor in headings
        ]
        title = next((item["name"] for item in flat if item["level"] == 1), None)
        return HtmlPage(page.html, nest_toc(flat), title, set(_ID.findall(page.html)), page.relative)


def _flat(toc: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for token in toc for item in (token, *_flat(token.get("children", [])))]
