"""`planner diff`: the two sides resolved (a version, latest, the draft, a git ref) and compared."""

from __future__ import annotations

from planner.core.errors import UsageError
from planner.judgement import diff
from planner.plan.history import numbers, resolve
from planner.plan.workspace import Workspace, validate_slug


def compare(
    workspace: Workspace, slug: str, old: str | None = None, new: str | None = None, base: str | None = None
) -> diff.PlanDiff:
    """The diff `planner diff` shows: FROM defaults to `--base` or the latest version, TO to the draft."""
    validate_slug(slug)
    if old is not None and base is not None:
        raise UsageError("give either FROM or --base, not both (`--base main` is the same as FROM `main:`)")
    if old is None and base is None and not numbers(workspace, slug):
        old_label, old_plan = "nothing published", None
    else:
        old_label, old_plan = resolve(workspace, slug, old or (f"{base}:" if base is not None else "latest"))
    new_label, new_plan = resolve(workspace, slug, new or "draft")
    return diff.compare(old_plan, new_plan, slug=slug, old_label=old_label, new_label=new_label)
