"""`planner diff`: the two sides resolved (a version, latest, the draft, a git ref) and compared."""

from __future__ import annotations

from datetime import UTC, datetime

from planner.core.errors import PlannerError, UsageError
from planner.evidence.log import read_log
from planner.evidence.status import first_published
from planner.judgement import diff
from planner.plan.history import VERSION_SPEC, load_version, numbers, resolve
from planner.plan.workspace import Workspace, validate_slug


def compare(
    workspace: Workspace, slug: str, old: str | None = None, new: str | None = None, base: str | None = None
) -> diff.PlanDiff:
    """The diff `planner diff` shows: FROM defaults to `--base` or the latest version, TO to the draft.

    Done criteria made easier after results (the experiment log has runs from before the change, or
    the time box had ended) are flagged: the change is dated by the version TO, else it is made now."""
    validate_slug(slug)
    if old is not None and base is not None:
        raise UsageError("give either FROM or --base, not both (`--base main` is the same as FROM `main:`)")
    if old is None and base is None and not numbers(workspace, slug):
        old_label, old_plan = "nothing published", None
    else:
        old_label, old_plan = resolve(workspace, slug, old or (f"{base}:" if base is not None else "latest"))
    new_label, new_plan = resolve(workspace, slug, new or "draft")
    at = datetime.now(UTC)
    local = VERSION_SPEC.fullmatch(new or "")
    if local or new == "latest":
        number = int(local.group(1)) if local else numbers(workspace, slug)[-1]
        at = load_version(workspace, slug, number).published_at
    try:
        records = read_log(workspace, slug)
    except PlannerError:
        records = []  # `planner check` reports a damaged log; the diff itself still reads
    published = first_published(workspace, slug, old_plan) if old_plan is not None else None
    return diff.compare(
        old_plan,
        new_plan,
        slug=slug,
        old_label=old_label,
        new_label=new_label,
        records=records,
        at=at,
        published=published,
    )
