"""Plans in, site pages out: Markdown rendered from jinja2 templates, with one safe path for user text."""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markupsafe import Markup

from planner.errors import PlannerError, UsageError
from planner.model import NAME_PATTERN, Plan, Version
from planner.report import format_value
from planner.siteview import NAV_CHUNK, PlanView, error_view, nav_groups, plan_view
from planner.timeline import Links, Timeline

# The pages every plan gets: (file under plans/SLUG/, template, nav label or None for the page's own
# title). Later pages (versions, changes) join here and the nav follows.
PLAN_PAGES: tuple[tuple[str, str, str | None], ...] = (
    ("index.md", "plan.md.j2", None),
    ("press-release.md", "press-release.md.j2", "Press release"),
    ("risks.md", "risks.md.j2", "Risk register"),
)
ERROR_PAGES: tuple[tuple[str, str, str | None], ...] = (("index.md", "error.md.j2", None),)
DASHBOARD = "plans/index.md"

# Characters that mean something to HTML or to Markdown (Python-Markdown and its usual extensions:
# tables, attr_list, admonition, emphasis, links, code, headings, lists). Written as numeric
# entities they are shown literally and can never open a tag, a link, a table cell or `{: ...}`.
_SPECIAL = "\\`*_{}[]()#+-.!|~^=$:@%<>&\"'"
_ENTITIES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_ID = re.compile(NAME_PATTERN)
_PAGE = re.compile(NAME_PATTERN + r"\.md")


def escape_text(text: str) -> str:
    """HTML- and Markdown-escape text, keeping its line breaks."""
    return _CONTROL.sub("", text).translate(_ENTITIES)


def escape_inline(value: Any) -> Markup:
    """A short value (title, table cell, heading) as one line of inert text."""
    if value is None:
        return Markup("")
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
        return f"<pre><code>{escape_text(tokens[idx].content)}</code></pre>\n"

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


def render_text(text: Any) -> Markup:
    """Free text (Markdown allowed) as an inert HTML fragment, to be placed as a raw HTML block."""
    if text is None:
        return Markup("")
    return Markup(f'<div class="planner-text">\n{_MD.render(str(text))}</div>')


def render_inline(text: Any) -> Markup:
    """A short free text with inline Markdown (emphasis, code, safe links) and no blocks."""
    if text is None:
        return Markup("")
    return Markup(_MD.renderInline(" ".join(str(text).split())))


def _finalize(value: Any) -> Any:
    # Every `{{ expression }}` is escaped for HTML and Markdown unless a filter already made it safe.
    return value if isinstance(value, Markup) else escape_inline(value)


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """Workspace templates first, packaged ones second; undefined names are errors, not blanks."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None and templates_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.PackageLoader("planner.templates", "."))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        text=render_text, inline=render_inline, value=format_value, number=_number, cell=render_cell
    )
    env.filters.update(slug=_slug, page=_page, lines=lambda text: Markup(escape_text(str(text))))
    return env


def _number(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def render_cell(value: Any) -> Markup:
    """A value inside a table of records: free text gets inline Markdown, the rest is formatted."""
    if isinstance(value, str) and not isinstance(value, Enum):
        return render_inline(value)
    return escape_inline(None if value is None else format_value(value))


def _slug(value: str) -> Markup:
    """A plan or risk id used inside a URL: validated, so it needs (and gets) no escaping."""
    if not _ID.fullmatch(value):
        raise ValueError(f"not a valid id for a URL: {value!r}")
    return Markup(value)


def _page(value: str) -> Markup:
    """A sibling page (`v1-risks.md`) used as a link: validated like a slug."""
    if not _PAGE.fullmatch(value):
        raise ValueError(f"not a valid page for a link: {value!r}")
    return Markup(value)


def _template_error(name: str, exc: Exception) -> PlannerError:
    """A template bug as `file:line: problem; fix`, pointing at the template that failed."""
    where = name
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            where = f"{frame.filename}:{frame.lineno}"
            break
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where = f"{exc.filename}:{exc.lineno}"
    problem = f"no template named '{exc.name}'" if isinstance(exc, jinja2.TemplateNotFound) else exc
    return UsageError(f"{where}: template error: {problem}; fix the template (or delete the override)")


class Renderer:
    """Renders the site's pages for a set of plans with one template environment."""

    def __init__(self, templates_dir: Path | None = None) -> None:
        self.env = environment(templates_dir)

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
            raise _template_error(name, exc) from exc

    def plan_pages(self, view: PlanView, **extra: Any) -> dict[str, str]:
        """Every page of one plan, keyed by path under the docs folder."""
        base = f"plans/{view.slug}/"
        extra.setdefault("links", Links())
        return {
            base + name: self.render(template, view=view, plan=view.plan, **extra)
            for name, template, _ in _pages_of(view)
        }

    def history_pages(self, draft: PlanView, latest: PlanView, timeline: Timeline) -> dict[str, str]:
        """The latest version as the plan's pages, then the draft, every version and what changed."""
        base = f"plans/{draft.slug}/"
        out = self.plan_pages(latest, timeline=timeline)
        out[base + "versions.md"] = self.render("versions.md.j2", plan=latest.plan, timeline=timeline)
        if draft.error is not None:
            out[base + "draft.md"] = self.render("error.md.j2", view=draft, plan=None)
        elif timeline.draft_differs:
            out.update(self._older_pages(draft, latest, timeline.seen_from("draft")))
        else:
            out[base + "draft.md"] = self._page(latest, timeline.seen_from("draft"))
        for version in timeline.versions:
            name = f"v{version.number}"
            if version is timeline.latest:
                out[f"{base}{name}.md"] = self._page(latest, timeline.seen_from(name))
            else:
                view = plan_view(draft.slug, version.plan)
                out.update(self._older_pages(view, latest, timeline.seen_from(name)))
            if version is not timeline.versions[0]:
                heading = f"What changed in {name}: {version.message}"
                changes = timeline.changes(version.number)
                out[f"{base}{name}-changes.md"] = self.render("changes.md.j2", diff=changes, heading=heading)
        if timeline.draft_differs:
            heading = f"Unpublished changes since v{timeline.latest.number}"
            changes = timeline.draft_changes()
            out[base + "draft-changes.md"] = self.render("changes.md.j2", diff=changes, heading=heading)
        return out

    def _page(self, view: PlanView, timeline: Timeline, links: Links | None = None) -> str:
        return self.render("plan.md.j2", view=view, plan=view.plan, timeline=timeline, links=links or Links())

    def _older_pages(self, view: PlanView, latest: PlanView, timeline: Timeline) -> dict[str, str]:
        """An older version's (or the draft's) plan page, plus its own press release and risk register
        where they differ from the latest's (where they are the same, it links to the latest's)."""
        assert view.plan is not None and latest.plan is not None
        name, base, old, new = timeline.shown, f"plans/{view.slug}/", view.plan, latest.plan
        own_press = (old.title, old.press_release) != (new.title, new.press_release)
        own_risks = (old.title, view.risks) != (new.title, latest.risks)
        links = Links.of(name, own_press, own_risks, f"v{timeline.latest.number}")
        out = {f"{base}{name}.md": self._page(view, timeline, links)}
        context = {"view": view, "plan": old, "timeline": timeline, "links": links}
        if own_press:
            out[base + links.press] = self.render("press-release.md.j2", **context)
        if own_risks:
            out[base + links.risks] = self.render("risks.md.j2", **context)
        return out

    def pages(
        self,
        plans: Mapping[str, Plan | PlannerError],
        versions: Mapping[str, Sequence[Version]] | None = None,
    ) -> dict[str, str]:
        drafts = views_of(plans)
        timelines = timelines_of(drafts, versions)
        shown = {view.slug: latest_view(view, timelines.get(view.slug)) for view in drafts}
        views = _sorted(shown.values())
        groups = nav_groups(views)
        broken = {view.slug for view in drafts if view.error is not None}
        out = {
            DASHBOARD: self.render(
                "dashboard.md.j2", views=views, groups=groups, timelines=timelines, broken=broken
            )
        }
        for draft in drafts:
            timeline = timelines.get(draft.slug)
            if timeline is None:
                out.update(self.plan_pages(draft))
            else:
                out.update(self.history_pages(draft, shown[draft.slug], timeline))
        return out


def timelines_of(
    views: Sequence[PlanView], versions: Mapping[str, Sequence[Version]] | None
) -> dict[str, Timeline]:
    """A timeline for every plan with published versions."""
    published = versions or {}
    return {
        view.slug: Timeline(view.slug, tuple(published[view.slug]), view.plan)
        for view in views
        if published.get(view.slug)
    }


def latest_view(draft: PlanView, timeline: Timeline | None) -> PlanView:
    """What the site shows first for a plan: its latest version when it has one, else the draft."""
    if timeline is None:
        return draft
    if draft.error is None and not timeline.draft_differs:
        return draft  # the same plan: no need to assess it twice
    return plan_view(draft.slug, timeline.latest.plan)


def _sorted(views: Iterable[PlanView]) -> list[PlanView]:
    return sorted(views, key=lambda view: (view.title.casefold(), view.slug))


def views_of(plans: Mapping[str, Plan | PlannerError]) -> list[PlanView]:
    """One view per plan (or per plan that failed to load), sorted by title."""
    return _sorted(
        error_view(slug, str(plan)) if isinstance(plan, PlannerError) else plan_view(slug, plan)
        for slug, plan in plans.items()
    )


def pages(
    plans: Mapping[str, Plan | PlannerError],
    templates_dir: Path | None = None,
    versions: Mapping[str, Sequence[Version]] | None = None,
) -> dict[str, str]:
    """The site's pages, `{path under docs/: markdown}`, for plans (and their versions) keyed by slug."""
    return Renderer(templates_dir).pages(plans, versions)


def nav(
    plans: Mapping[str, Plan | PlannerError],
    title: str = "Plans",
    versions: Mapping[str, Sequence[Version]] | None = None,
) -> dict[str, Any]:
    """The navigation entry for the plans (mkdocs' nav shape): dashboard, then status groups.

    A plan with published versions is placed by its latest version, as its pages show that."""
    history = {slug: published[-1].plan for slug, published in (versions or {}).items() if published}
    views = views_of({slug: history.get(slug, plan) for slug, plan in plans.items()})
    entries: list[Any] = [DASHBOARD]
    for label, members in nav_groups(views, chunk=NAV_CHUNK):
        entries.append(
            {
                str(escape_inline(label)): [
                    {
                        str(escape_inline(view.title)): [
                            _nav_page(view, name, label) for name, _, label in _pages_of(view)
                        ]
                        + ([_nav_page(view, "versions.md", "Versions")] if view.slug in history else [])
                    }
                    for view in members
                ]
            }
        )
    return {str(escape_inline(title)): entries}


def _pages_of(view: PlanView) -> tuple[tuple[str, str, str | None], ...]:
    return PLAN_PAGES if view.error is None else ERROR_PAGES


def _nav_page(view: PlanView, name: str, label: str | None) -> Any:
    path = f"plans/{view.slug}/{name}"
    return path if label is None else {str(escape_inline(label)): path}
