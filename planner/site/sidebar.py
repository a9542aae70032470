"""One sidebar per plan: a plan's version, draft and what-changed pages share its rendered nav."""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

# Material's own templates stay reachable under this prefix for the partials planner wraps (overriding
# a name hides the original); the sidebar is Material's nav partial, rendered once per plan and depth.
MATERIAL = "planner-material"
MATERIAL_NAV = f"{MATERIAL}/partials/nav.html"

Key = tuple[str, str]
SHARING = True  # tests turn it off to compare every page with and without shared sidebars


class SharedSidebars:
    """The sidebars rendered during one build, keyed by the nav page that stands for a page and the
    page's folder depth (the sidebar's links are relative to the page)."""

    def __init__(self) -> None:
        self.enabled = SHARING
        self._html: dict[Key, Markup] = {}

    def clear(self) -> None:
        self._html = {}

    def key(self, page: Any, standing_for: Any) -> Key | None:
        """Pages that may share a sidebar: those outside the nav that hold a plan's place in it (the
        plugin's on_page_context lends it), at one folder depth."""
        if not self.enabled or page is None or standing_for is None:
            return None
        return standing_for.file.src_uri, posixpath.dirname(page.url.rstrip("/")) + "|" + page.url[-1:]

    def kept(self, key: Key | None) -> Markup | None:
        return None if key is None else self._html.get(key)

    def keep(self, key: Key | None, html: str) -> Markup:
        if key is not None:
            self._html[key] = Markup(html)
        return Markup(html)
