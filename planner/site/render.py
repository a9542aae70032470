"""Plans in, site pages out: Markdown rendered from jinja2 templates, with one safe path for user text."""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from planner.core import formatting
from planner.core.errors import PlannerError, UsageError
from planner.judgement import measured
from planner.judgement.diff import PlanDiff
from planner.judgement.verdict import today_utc
from planner.plan.experiment import Experiment
from planner.plan.fields import NAME_PATTERN
from planner.plan.model import Plan, Version
from planner.site import board, changeview, display, experimentview, sidebar, sitemodel
from planner.site.experimentview import ExperimentsView
from planner.site.safetext import escape_inline, escape_text, render_inline, render_text
from planner.site.timeline import Timeline
from planner.site.views import NAV_CHUNK, Answer, PlanView, timebox

# The portfolio is the site's home page; a workspace with its own docs/index.md keeps it and gets
# the portfolio here instead.
DASHBOARD = "index.md"


BESIDE_HOME = "plans/index.md"

# planner's stylesheet and script, served from ASSET_DIR of every site (either engine).
ASSETS = ("planner.css", "planner.js")
ASSET_DIR = "assets/planner"


def asset(name: str) -> bytes:
    """One of ASSETS, as shipped in the package."""
    return (resources.files("planner.templates") / "assets" / name).read_bytes()


_ID = re.compile(NAME_PATTERN)


_PAGE = re.compile(NAME_PATTERN + r"\.md")


def _finalize(value: Any) -> Any:
    # Every `{{ expression }}` is escaped for HTML and Markdown unless a filter already made it safe.
    return value if isinstance(value, Markup) else escape_inline(value)


class _Compiled(jinja2.BytecodeCache):
    """Templates compiled once per process: a build, each rebuild under serve and each call of pages()
    make a new environment, and compiling planner's templates took most of a small site's render. Jinja
    keys an entry by the template's name and file and checks it against the source, so a workspace
    template that changed is compiled again; every environment here has the same settings."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


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
        auto_reload=False,  # SiteCache makes a new environment when a workspace template changes
        bytecode_cache=_COMPILED,
    )
    env.filters.update(
        text=render_text,
        inline=render_inline,
        value=display.value,
        number=formatting.number,
        cell=render_cell,
    )
    env.filters.update(slug=_slug, page=_page, lines=lambda text: Markup(escape_text(str(text))))
    env.filters.update(
        label=display.value, anchor=lambda field: Markup(display.anchor(field)), quoted=display.quoted
    )
    env.filters.update(plain=display.plain)
    env.filters.update(money=formatting.money, percent=formatting.share)
    env.filters.update(capitalize_first=lambda text: text[:1].upper() + text[1:])
    env.filters.update(coord=lambda value: Markup(f"{float(value):g}"))  # an SVG coordinate: a bare number
    env.globals.update(measured_rules=measured.rules_view, measured_by_hand=measured.by_hand_view)
    env.globals.update(next_steps=experimentview.next_steps, plan_money=board.money_of)
    env.globals.update(page_moves=experimentview.page_moves)
    return env


def with_material_templates(loader: jinja2.BaseLoader | None) -> jinja2.BaseLoader:
    """A theme's template loader, with Material's own templates also reachable under sidebar.MATERIAL
    (for planner's partials that wrap one of them: overriding a name hides the original)."""
    material = Path(str(resources.files("material") / "templates"))
    original = jinja2.PrefixLoader({sidebar.MATERIAL: jinja2.FileSystemLoader(material)})
    return jinja2.ChoiceLoader([loader, original] if loader is not None else [original])


def render_cell(value: Any, field: str = "") -> Markup:
    """A value inside a table of records: free text gets inline Markdown, the rest is formatted."""
    if isinstance(value, str) and not isinstance(value, Enum):
        return render_inline(value)
    return escape_inline(None if value is None else display.value(value, field=field))


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


def _template_error(name: str, exc: Exception, problem: object = None) -> PlannerError:
    """A template bug as `file:line: problem; fix`, pointing at the template that failed."""
    where = name
    for frame in reversed(traceback.extract_tb(exc.__traceback__, limit=None if problem is None else 50)):
        if frame.filename.endswith(".j2"):
            where = f"{frame.filename}:{frame.lineno}"
            break
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where = f"{exc.filename}:{exc.lineno}"
    if isinstance(exc, jinja2.TemplateNotFound):
        problem = f"no template named '{exc.name}'"
    elif problem is None:
        problem = exc if str(exc) else type(exc).__name__
    return UsageError(f"{where}: template error: {problem}; fix the template (or delete the override)")


@dataclass
class Page:
    """One generated page: its Markdown body and the front matter mkdocs reads (title, search, hide)."""

    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    shared: int = 0  # where the part shared with the plan's other pages starts (0: nothing shared)
    is_html: bool = False  # the page is HTML throughout: no Markdown parser needed

    @property
    def markdown(self) -> str:
        """The page as a Markdown file with front matter, as another generator (or mkdocs) reads it."""
        if not self.meta:
            return self.body
        return "---\n" + json.dumps(self.meta, ensure_ascii=False) + "\n---\n" + self.body


# Pages of old versions, drafts and diffs stay out of the search index: a search finds the plan once.
UNLISTED = {"search": {"exclude": True}}


# The pages of a plan (its page, versions list and what changed) and their parts, written as HTML.
# A workspace's override of any of them may hold Markdown: then they all go through the Markdown
# parser, as the portfolio does.
HTML_TEMPLATES = frozenset(
    {
        "plan.md.j2",
        "versions.md.j2",
        "changes.md.j2",
        "_history.j2",
        "_plan_body.j2",
        "_summary.j2",
        "_risks.j2",
        "_measured.j2",
        "_experiments.j2",
        "_press_release.j2",
        "_macros.j2",
        "_verdict.j2",
    }
)


class Renderer:
    """Renders the site's pages from the build's one site model, with one template environment."""

    def __init__(self, templates_dir: Path | None = None, dashboard: str = DASHBOARD) -> None:
        self.env = environment(templates_dir)
        self.dashboard = dashboard
        self.html_pages = templates_dir is None or not any(
            (templates_dir / name).is_file() for name in HTML_TEMPLATES
        )
        # A plan's document is the same on its page, its draft and its latest version: made once.
        self._bodies: dict[tuple[int, int], tuple[PlanView, Markup]] = {}
        # A plan's versions repeat most of its texts: each text is rendered once per plan.
        self._texts: dict[tuple[str, str], Markup] = {}
        self.env.filters.update(
            text=lambda text: self._once("text", render_text, text),
            inline=lambda text: self._once("inline", render_inline, text),
            answer=self.answer,
            answers=self.answers,
            heatmap=self.heatmap,
        )

    def next_build(self) -> None:
        """Reused for another build (`serve`): its templates stay compiled, the plans' bodies go."""
        self._bodies.clear()
        self._texts.clear()

    def answers(self, items: Sequence[Answer], plan: Plan | None) -> Markup:
        """A section's answers as a definition list: each question (its help on hover) and its answer."""
        rows = "".join(
            f'<dt id="{display.anchor(item.field)}" title="{escape_inline(item.help)}">'
            f"{escape_inline(item.label)}</dt>\n<dd>\n{self.answer(item, plan)}\n</dd>\n"
            for item in items
        )
        return Markup(f'<dl class="planner-answers">\n{rows}</dl>')

    def answer(self, item: Answer, plan: Plan | None) -> Markup:
        """One answer on a plan page (a Python filter: the page shows dozens, a macro is slower)."""
        kind, value = item.kind.value, item.value
        if kind in ("text", "long_text"):
            return self._once("text", render_text, value)
        if kind == "list":
            rows = "".join(f"<li>{self._once('inline', render_inline, entry)}</li>\n" for entry in value)
            return Markup(f"<ul>\n{rows}</ul>")
        if kind == "items":
            head = "".join(
                f'<th scope="col" title="{escape_inline(column.help)}">{escape_inline(column.label)}</th>'
                for column in item.columns
            )
            body = "".join(
                "<tr>"
                + "".join(
                    f'<td data-label="{escape_inline(column.label)}">'
                    f"{self.cell(getattr(entry, column.key), item.field + '.' + column.key)}</td>"
                    for column in item.columns
                )
                + "</tr>\n"
                for entry in value
            )
            return Markup(
                f'<div class="planner-records">\n<table>\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{body}</tbody>\n</table>\n</div>"
            )
        if kind == "multi_choice":
            return Markup(f"<p>{escape_inline(', '.join(display.value(entry) for entry in value))}</p>")
        return Markup(f"<p>{escape_inline(display.value(value, item.kind, item.field, plan))}</p>")

    def heatmap(self, view: PlanView) -> Markup:
        """The heat map's squares: filled where risks are open, outlined where all are decided; each
        square with risks links to their list (a Python filter: 25 squares a page add up)."""
        rows = []
        for row in view.heatmap:
            cells = []
            for cell in row:
                if not cell.risks:
                    cells.append(f'<td class="planner-cell planner-cell--{cell.level}"></td>')
                    continue
                opened, decided = len(cell.open), len(cell.decided)
                state = "open" if opened else "decided"
                label = f'{opened}<span class="planner-sr"> open</span>' if opened else ""
                if decided:
                    plus = "+" if opened else ""
                    label += (
                        f'<span class="planner-cell__decided">{plus}{decided}✓'
                        '<span class="planner-sr"> decided</span></span>'
                    )
                where = f"{cell.likelihood}-{cell.impact}"
                cells.append(
                    f'<td class="planner-cell planner-cell--{cell.level} planner-cell--{state}" '
                    f'data-open="{opened}" data-decided="{decided}"><a href="#cell-{where}">{label}'
                    f'<span class="planner-sr"> at likelihood {cell.likelihood}, impact {cell.impact}</span>'
                    "</a></td>"
                )
            rows.append(f'<tr><th scope="row">{row[0].likelihood}</th>{"".join(cells)}</tr>\n')
        return Markup("".join(rows))

    def cell(self, value: Any, field: str) -> Markup:
        if isinstance(value, str) and not isinstance(value, Enum):
            return self._once("inline", render_inline, value)
        return escape_inline(None if value is None else display.value(value, field=field))

    def _once(self, kind: str, render: Any, text: Any) -> Markup:
        if not isinstance(text, str):
            return render(text)  # type: ignore[no-any-return]
        found = self._texts.get((kind, text))
        if found is None:
            found = self._texts[(kind, text)] = render(text)
        return found

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except RecursionError as exc:  # `{% extends %}` or `{% include %}` of itself, directly or not
            raise _template_error(name, exc, "it extends or includes itself without end") from None
        except (
            jinja2.TemplateError,
            TypeError,
            AttributeError,
            ValueError,
            ArithmeticError,
            LookupError,
        ) as exc:
            raise _template_error(name, exc) from exc

    def page(self, name: str, title: str, meta: Mapping[str, Any] | None = None, **context: Any) -> Page:
        context.setdefault("portfolio", self._portfolio_link())
        is_html = self.html_pages and name in HTML_TEMPLATES
        return Page(self.render(name, **context), {"title": title, **(meta or {})}, is_html=is_html)

    def _portfolio_link(self) -> str:
        return "../../index.md" if self.dashboard == DASHBOARD else "../index.md"

    def site(self, model: sitemodel.SiteModel) -> dict[str, Page]:
        """Every page of the site: the portfolio, then each plan's pages."""
        out = {self.dashboard: self.dashboard_page(model)}
        for slug, draft in model.drafts.items():
            out.update(self.plan_pages(model, draft, model.shown[slug], model.timelines.get(slug)))
        return out

    def dashboard_page(self, model: sitemodel.SiteModel) -> Page:
        """The portfolio: what needs a decision (who decides, by when, why now), then every plan by
        urgency, with its running cost."""
        today = today_utc()
        return self.page(
            "dashboard.md.j2",
            "Portfolio",
            {"hide": ["toc"]},
            board=board.board(model.views, model.rows(today), model.tracking, model.timelines, today),
            timelines=model.timelines,
            broken=model.broken,
            prefix="plans/" if self.dashboard == DASHBOARD else "",
        )

    def plan_pages(
        self, model: sitemodel.SiteModel, draft: PlanView, latest: PlanView, timeline: Timeline | None
    ) -> dict[str, Page]:
        """One plan's pages: the plan (its latest version), and with versions the draft, each version,
        the versions list and what changed between them."""
        base = f"plans/{draft.slug}/"
        self._texts.clear()  # shared within a plan only
        title = str(escape_inline(latest.title))
        if latest.error is not None:
            return {base + "index.md": self.page("error.md.j2", title, view=latest, plan=None)}
        tracking = model.tracking.get(draft.slug)  # the experiments section, on the plan's own page only
        if timeline is None:
            return {base + "index.md": self._plan(latest, title, tracking=tracking)}
        out = {base + "index.md": self._plan(latest, title, timeline, tracking=tracking)}
        out[base + "versions.md"] = self.page(
            "versions.md.j2", f"{title} · versions", UNLISTED, plan=latest.plan, timeline=timeline
        )
        if draft.error is not None:
            out[base + "draft.md"] = self.page(
                "error.md.j2", f"{title} · draft", UNLISTED, view=draft, plan=None
            )
        else:
            out[base + "draft.md"] = self._plan(
                draft, f"{title} · draft", timeline.seen_from("draft"), UNLISTED
            )
        for version in timeline.versions:
            name = f"v{version.number}"
            view = model.view_of(draft.slug, version)
            out[f"{base}{name}.md"] = self._plan(
                view, f"{title} · {name}", timeline.seen_from(name), UNLISTED
            )
            if version is not timeline.versions[0]:
                before = timeline.versions[timeline.versions.index(version) - 1]
                out[f"{base}{name}-changes.md"] = self._changes(
                    timeline.seen_from(name),
                    timeline.changes(version.number),
                    f"What changed in {name}: {version.message}",
                    before.plan,
                    version.plan,
                )
        if timeline.draft_differs and draft.error is None:
            out[base + "draft-changes.md"] = self._changes(
                timeline.seen_from("draft"),
                timeline.draft_changes(),
                f"Unpublished changes since v{timeline.latest.number}",
                timeline.latest.plan,
                draft.plan,
            )
        return out

    def _plan(
        self,
        view: PlanView,
        title: str,
        timeline: Timeline | None = None,
        meta: Mapping[str, Any] | None = None,
        tracking: ExperimentsView | None = None,
    ) -> Page:
        extra: dict[str, Any] = {"timeline": timeline} if timeline is not None else {}
        body = self._bodies.get((id(view), id(tracking)))
        if body is None or body[0] is not view:
            today = today_utc()
            started = timeline.started if timeline is not None else None
            box = timebox(view.plan, started, today)
            context: dict[str, Any] = {"tracking": tracking} if tracking is not None else {}
            text = self.render("_plan_body.j2", view=view, plan=view.plan, today=today, box=box, **context)
            body = self._bodies[(id(view), id(tracking))] = (view, Markup(text))
        page = self.page("plan.md.j2", title, meta, view=view, plan=view.plan, body=body[1], **extra)
        if page.body.endswith(body[1]):  # the plan itself, shared with the plan's other pages
            page.shared = len(page.body) - len(body[1])
        return page

    def _changes(
        self, timeline: Timeline, changes: PlanDiff, heading: str, old: Plan | None, new: Plan | None
    ) -> Page:
        title = f"{escape_inline(heading)}"
        return self.page(
            "changes.md.j2",
            title,
            UNLISTED,
            diff=changes,
            heading=heading,
            timeline=timeline,
            sections=changeview.sections(changes, old, new),
            done_moved=changeview.done_moved(changes),
            why_done=changeview.WHY_DONE_MATTERS,
        )

    def nav(self, model: sitemodel.SiteModel, title: str = "Plans") -> list[Any]:
        """The navigation entries for the plans (mkdocs' nav shape): status groups of plans, each plan
        its page, with its versions list under it when it has published versions."""
        entries: list[Any] = []
        for label, members in model.groups(NAV_CHUNK):
            entries.append(
                {
                    str(escape_inline(label)): [
                        _nav_plan(view, view.slug in model.timelines and view.error is None)
                        for view in members
                    ]
                }
            )
        return entries


def _nav_plan(view: PlanView, versions: bool) -> Any:
    # Always a section led by the plan's page (navigation.indexes): a bare `index.md` page would be
    # taken as the index of its status group instead.
    page = f"plans/{view.slug}/index.md"
    pages: list[Any] = [page, {"Versions": f"plans/{view.slug}/versions.md"}] if versions else [page]
    return {str(escape_inline(view.title)): pages}


def pages(
    plans: Mapping[str, Plan | PlannerError],
    templates_dir: Path | None = None,
    versions: Mapping[str, Sequence[Version]] | None = None,
    dashboard: str = DASHBOARD,
    experiments: Mapping[str, list[Experiment] | PlannerError] | None = None,
) -> dict[str, str]:
    """The site's pages, `{path under docs/: markdown}`, for plans (and their versions and experiment
    logs) keyed by slug."""
    model = sitemodel.build(plans, versions, logs=experiments)
    return {path: page.markdown for path, page in Renderer(templates_dir, dashboard).site(model).items()}


def nav(
    plans: Mapping[str, Plan | PlannerError],
    title: str = "Plans",
    versions: Mapping[str, Sequence[Version]] | None = None,
    dashboard: str = DASHBOARD,
) -> list[Any]:
    """The navigation: the portfolio, then a section of plans grouped by status.

    A plan with published versions is placed by its latest version, as its pages show that."""
    model = sitemodel.build(plans, versions)
    return [{"Portfolio": dashboard}, {str(escape_inline(title)): Renderer(None, dashboard).nav(model)}]
