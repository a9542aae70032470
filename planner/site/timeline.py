"""What the site shows of a plan's published versions: pages, banners and the diffs between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property

from planner.judgement import diff
from planner.judgement.register import Assessment, assess
from planner.judgement.targets import TargetMove, target_moves
from planner.judgement.verdict import committed
from planner.plan.experiment import Experiment
from planner.plan.model import Plan, Version


@dataclass(frozen=True)
class Links:
    """Where a plan page's sibling links go: its own version's pages, or the latest's when identical."""

    plan: str = "index.md"
    press: str = "press-release.md"
    risks: str = "risks.md"
    latest: str | None = None  # `vN` of the latest version, on pages of an older version or the draft

    @classmethod
    def of(cls, name: str, own_press: bool, own_risks: bool, latest: str) -> Links:
        """Links of page `name` (`v1`, `draft`); `own_*` says whether it has its own sub-page."""
        return cls(
            plan=f"{name}.md",
            press=f"{name}-press-release.md" if own_press else "press-release.md",
            risks=f"{name}-risks.md" if own_risks else "risks.md",
            latest=latest,
        )

    @property
    def press_shared(self) -> bool:
        """An older page whose press release is the latest's (same text, so one page serves both)."""
        return self.latest is not None and self.press == "press-release.md"

    @property
    def risks_shared(self) -> bool:
        return self.latest is not None and self.risks == "risks.md"


@dataclass(frozen=True)
class Timeline:
    """A plan's versions (oldest first) and its draft, seen from one page (`shown` is `vN` or `draft`)."""

    slug: str
    versions: tuple[Version, ...]
    draft: Plan | None
    shown: str = "latest"
    # The build's one assessment per plan (see sitemodel); diffs reuse it instead of assessing again.
    assessor: Callable[[Plan], Assessment] = field(default=assess, compare=False, repr=False)
    # The plan's experiment log: a change to the done criteria after runs were logged is a move.
    records: tuple[Experiment, ...] = field(default=(), compare=False, repr=False)

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    @property
    def version(self) -> Version | None:
        """The version this page shows; None on the draft page."""
        if self.shown == "draft":
            return None
        if self.shown == "latest":
            return self.latest
        return next(v for v in self.versions if f"v{v.number}" == self.shown)

    @property
    def is_latest(self) -> bool:
        return self.version is self.latest

    @cached_property
    def draft_differs(self) -> bool:
        """Whether the draft holds changes not published yet."""
        if self.draft is None:
            return False
        return self.draft.model_dump(mode="json") != self.latest.plan.model_dump(mode="json")

    def seen_from(self, shown: str) -> Timeline:
        seen = Timeline(self.slug, self.versions, self.draft, shown, self.assessor, self.records)
        for computed in ("draft_differs", "moves"):
            if computed in self.__dict__:
                seen.__dict__[computed] = self.__dict__[computed]  # computed once per plan, not per page
        return seen

    @property
    def started(self) -> date | None:
        """The day the first version past review was published (`verdict.committed`): it starts a time
        box without `done.started`; a version published for review does not."""
        version = committed(self.versions)
        return version.published_at.date() if version is not None else None

    @cached_property
    def moves(self) -> tuple[TargetMove, ...]:
        """Done criteria made easier after results, in each published version and in the draft (dated
        now: publishing it would make the move)."""
        found: list[TargetMove] = []
        for before, version in zip(self.versions, self.versions[1:], strict=False):
            at = version.published_at
            found += target_moves(
                before.plan, version.plan, self.records, at, self.started, f"v{version.number}"
            )
        if self.draft is not None and self.draft_differs:
            now = datetime.now(UTC)
            found += target_moves(self.latest.plan, self.draft, self.records, now, self.started, "draft")
        return tuple(found)

    def changes(self, number: int) -> diff.PlanDiff:
        """What changed from the version before `number` to version `number`."""
        index = next(i for i, v in enumerate(self.versions) if v.number == number)
        before = self.versions[index - 1] if index else None
        return diff.compare(
            before.plan if before else None,
            self.versions[index].plan,
            slug=self.slug,
            old_label=f"v{before.number}" if before else "nothing",
            new_label=f"v{number}",
            assessor=self.assessor,
            records=self.records,
            at=self.versions[index].published_at,
            published=self.started,
        )

    def draft_changes(self) -> diff.PlanDiff:
        return diff.compare(
            self.latest.plan,
            self.draft,
            slug=self.slug,
            old_label=f"v{self.latest.number}",
            new_label="draft",
            assessor=self.assessor,
            records=self.records,
            at=datetime.now(UTC),
            published=self.started,
        )
