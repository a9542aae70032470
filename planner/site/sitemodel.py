"""One model of the workspace's site per build: every plan and published version assessed exactly once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from planner.core.errors import PlannerError
from planner.judgement.register import Assessment, assess
from planner.judgement.verdict import CLOSED, today_utc
from planner.plan.experiment import Experiment
from planner.plan.model import Plan, Version
from planner.site.experimentview import ExperimentsView, tracking_of
from planner.site.timeline import Timeline
from planner.site.views import PlanView, Row, error_view, nav_groups, plan_view, timebox


class Assessor:
    """`assess()` memoised per plan object: the draft, each version and each diff share one result."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[Plan, Assessment]] = {}
        self.calls = 0  # how many plans were really assessed (the benchmark and tests read it)

    def __call__(self, plan: Plan) -> Assessment:
        found = self._done.get(id(plan))
        if found is None or found[0] is not plan:
            self.calls += 1
            found = (plan, assess(plan))
            self._done[id(plan)] = found
        return found[1]

    def same(self, plan: Plan, as_plan: Plan) -> None:
        """`plan` holds the same answers as `as_plan` (a draft equal to its latest version): share one."""
        self._done[id(plan)] = (plan, self(as_plan))

    def forget_all_but(self, live: set[int]) -> None:
        """Drop results of plans no longer loaded (a long `mkdocs serve` session reloads plans)."""
        self._done = {key: value for key, value in self._done.items() if key in live}


@dataclass
class SiteModel:
    """What every page and the nav read: views of drafts, of latest and older versions, and timelines."""

    drafts: dict[str, PlanView]
    timelines: dict[str, Timeline]
    shown: dict[str, PlanView]  # what the site shows first: the latest version, else the draft
    assessor: Assessor = field(repr=False)
    older: dict[tuple[str, int], PlanView] = field(default_factory=dict)
    changed: dict[str, datetime] = field(default_factory=dict)  # when each plan's files last changed
    tracking: dict[str, ExperimentsView] = field(default_factory=dict)  # verdict, charts and log per plan

    def rows(self, today: date) -> dict[str, Row]:
        """The portfolio's facts per plan: time box and days left, and when the plan last changed."""
        out = {}
        for slug, view in self.shown.items():
            timeline = self.timelines.get(slug)
            first = timeline.started if timeline is not None else None
            when = self.changed.get(slug) or (timeline.latest.published_at if timeline else None)
            out[slug] = Row(timebox(view.plan, first, today), when.strftime("%Y-%m-%d") if when else "")
        return out

    @property
    def views(self) -> list[PlanView]:
        """The shown views, sorted by title."""
        return sort_views(self.shown.values())

    @property
    def broken(self) -> set[str]:
        """Plans whose draft cannot be read."""
        return {slug for slug, view in self.drafts.items() if view.error is not None}

    def groups(self, chunk: int | None = None) -> list[tuple[str, list[PlanView]]]:
        return nav_groups(self.views, chunk)

    def view_of(self, slug: str, version: Version) -> PlanView:
        """The view of one published version (the latest's is the shown view; older ones are made once)."""
        timeline = self.timelines[slug]
        if version is timeline.latest:
            return self.shown[slug]
        key = (slug, version.number)
        if key not in self.older:
            view = plan_view(slug, version.plan, self.assessor(version.plan))
            self.older[key] = replace(view, published=timeline.started)
        return self.older[key]


def sort_views(views: Iterable[PlanView]) -> list[PlanView]:
    return sorted(views, key=lambda view: (view.title.casefold(), view.slug))


def build(
    plans: Mapping[str, Plan | PlannerError],
    versions: Mapping[str, Sequence[Version]] | None = None,
    assessor: Assessor | None = None,
    changed: Mapping[str, datetime] | None = None,
    logs: Mapping[str, list[Experiment] | PlannerError] | None = None,
) -> SiteModel:
    """The site model of a workspace: plans (or the error that stopped each loading) and their versions.

    Pass the assessor of an earlier build to reuse what it assessed for unchanged plan objects."""
    assessor = assessor or Assessor()
    drafts = {
        slug: error_view(slug, str(plan))
        if isinstance(plan, PlannerError)
        else plan_view(slug, plan, assessor(plan))
        for slug, plan in plans.items()
    }
    published = versions or {}
    records = {slug: tuple(log) for slug, log in (logs or {}).items() if not isinstance(log, PlannerError)}
    timelines = {
        slug: Timeline(
            slug, tuple(published[slug]), view.plan, assessor=assessor, records=records.get(slug, ())
        )
        for slug, view in drafts.items()
        if published.get(slug)
    }
    # The first version past review starts the clock without done.started, as in the CLI (verdict.first_day).
    drafts.update({slug: replace(drafts[slug], published=line.started) for slug, line in timelines.items()})
    shown = {}
    for slug, draft in drafts.items():
        timeline = timelines.get(slug)
        if timeline is None:
            shown[slug] = draft
        elif draft.error is None and not timeline.draft_differs:
            assert draft.plan is not None
            assessor.same(timeline.latest.plan, draft.plan)
            shown[slug] = draft  # the draft is the latest version: one view serves both
        else:
            latest = timeline.latest.plan
            shown[slug] = replace(plan_view(slug, latest, assessor(latest)), published=timeline.started)
    # Shipped or folded, as published or in the draft (not published yet): decided either way.
    closed = {}
    for slug in shown:
        ended = [view.plan.status for view in (drafts[slug], shown[slug]) if view.plan is not None]
        ended = [status for status in ended if status in CLOSED]
        if ended:
            closed[slug] = ended[0]  # the draft's word first: folded there, though v3 says building
    tracking = tracking_of(shown, timelines, logs or {}, today_utc(), closed)
    return SiteModel(drafts, timelines, shown, assessor, changed=dict(changed or {}), tracking=tracking)
