"""The workspace on disk: finding it, plan names and folders, locks, and what `planner init` writes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from planner.core.errors import InvalidPlan, PlannerError, UsageError
from planner.plan.fields import NAME_PATTERN
from planner.plan.files import cannot_read, cannot_write, remove_temp_files, write_atomic
from planner.plan.model import Plan
from planner.plan.planfile import SCHEMA_FILE, plan_from_text, plan_to_text, start_clock
from planner.plan.yamlfile import read_text

SLUG_RE = re.compile(NAME_PATTERN)


SLUG_MAX = 64


PLAN_FILE = "plan.yaml"


def validate_slug(slug: str) -> str:
    """Return the slug if it is a safe plan name, else raise: a slug never leaves plans/."""
    if not slug or len(slug) > SLUG_MAX or not SLUG_RE.fullmatch(slug):
        shown = slug if len(slug) <= 80 else slug[:77] + "..."
        raise UsageError(
            f"invalid plan name {shown!r}: use 1 to {SLUG_MAX} lowercase letters, digits and single dashes "
            "(e.g. fraud-screening)"
        )
    return slug


def _plan_or_unreadable(folder: Path) -> bool:
    try:
        return (folder / PLAN_FILE).is_file()
    except OSError:
        return True


@dataclass(frozen=True)
class Workspace:
    """A folder holding mkdocs.yml and plans/SLUG/plan.yaml files."""

    root: Path
    plans: str = "plans"  # the plans folder, relative to root (the mkdocs plugin's `plans_dir`)

    @property
    def plans_dir(self) -> Path:
        return self.root / self.plans

    def plan_dir(self, slug: str) -> Path:
        return self.plans_dir / validate_slug(slug)

    def plan_file(self, slug: str) -> Path:
        """plans/SLUG/plan.yaml; refused when a link leads it out of the workspace (never read or written)."""
        return self.confined(self.plan_dir(slug) / PLAN_FILE, f"move the plan into {self.plans}/{slug}/")

    def confined(self, path: Path, fix: str) -> Path:
        """`path` itself, refused (InvalidPlan) when a link leads it out of the workspace."""
        real = path.resolve()
        if not real.is_relative_to(self.root.resolve()):
            shown = self.shown(path)
            raise InvalidPlan(
                shown,
                [
                    f"{shown} leads outside the workspace (to {real}); planner does not follow links out of it: {fix}"
                ],
            )
        return path

    def shown(self, path: Path) -> str:
        """A path as the user should see it: relative to the workspace."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def slugs(self) -> list[str]:
        """Plans by name; a plan folder that cannot be read is listed, for its load to say why."""
        try:
            if not self.plans_dir.is_dir():
                return []
            entries = list(self.plans_dir.iterdir())
        except OSError as exc:
            raise cannot_read(self.plans_dir, exc) from exc
        return sorted(
            entry.name for entry in entries if SLUG_RE.fullmatch(entry.name) and _plan_or_unreadable(entry)
        )

    def strays(self) -> list[str]:
        """Problems with folders in plans/ that no command or page sees: bad names, no plan file."""
        try:
            entries = sorted(self.plans_dir.iterdir()) if self.plans_dir.is_dir() else []
        except OSError as exc:
            raise cannot_read(self.plans_dir, exc) from exc
        found = []
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            shown = self.shown(entry)
            if not SLUG_RE.fullmatch(entry.name):
                found.append(
                    f"{shown}: not a plan name, so no command or page sees it; rename the folder to "
                    "lowercase letters, digits and single dashes (e.g. fraud-screening)"
                )
            elif not _plan_or_unreadable(entry) and (entry / PLAN_FILE).exists():
                found.append(
                    f"{shown}/{PLAN_FILE}: not a file, so no command or page sees this plan; "
                    "make it the plan's YAML file"
                )
        return found

    def exists(self, slug: str) -> bool:
        """Whether anything is at plans/SLUG/plan.yaml: a folder there is a plan `load` refuses, not a
        new plan (the interview would say there is none yet)."""
        return self.plan_file(slug).exists()

    def load(self, slug: str) -> Plan:
        path = self.plan_file(slug)
        shown = self.shown(path)
        try:
            path.stat()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise cannot_read(path, exc) from exc
        if path.exists() and not path.is_file():
            raise UsageError(f"{shown} is not a file; make it the plan's YAML file")
        if not path.is_file():
            raise UsageError(
                f"no plan named '{slug}' ({shown} does not exist); run `planner list` to see plans"
            )
        return plan_from_text(read_text(path, shown), shown)

    def load_all(self) -> Iterator[tuple[str, Plan | PlannerError]]:
        """Every plan, or the error that stopped it from loading, so one bad file hides nothing else."""
        for slug in self.slugs():
            try:
                yield slug, self.load(slug)
            except PlannerError as exc:
                yield slug, exc

    @contextmanager
    def editing(self) -> Iterator[None]:
        """Hold the workspace's edit lock, so a read-change-save never loses another process's save."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - no flock (Windows): saves stay atomic, merges unguarded
            yield
            return
        self.plans_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.plans_dir, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    @property
    def schema_ref(self) -> str:
        """Where plan.schema.json (at the workspace root) is, seen from a plan's folder."""
        return Path(os.path.relpath(self.root / SCHEMA_FILE, self.plans_dir / "slug")).as_posix()

    def save(self, slug: str, plan: Plan) -> bool:
        """Write plan.yaml atomically; call it holding `editing()`, which makes any temporary file
        still beside it the leftover of a save that was killed, removed here."""
        start_clock(plan)
        path = self.plan_file(slug)
        remove_temp_files(path.parent, PLAN_FILE)
        return write_atomic(path, plan_to_text(plan, self.schema_ref))

    def create(self, slug: str, plan: Plan) -> Path:
        """Write a new plan; refused if one exists, checked under the lock so two creators never both win."""
        path = self.plan_file(slug)
        with self.editing():
            if path.exists():
                raise UsageError(
                    f"a plan named '{slug}' already exists ({self.shown(path)}); "
                    f"pick another name or run `planner interview {slug}`"
                )
            self.save(slug, plan)
        return path


def find_workspace(start: Path | None = None) -> Workspace:
    """The nearest folder at or above `start` holding mkdocs.yml or plans/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            from planner.plan.settings import read

            return Workspace(folder, Path(os.path.normpath(read(folder).plans_dir)).as_posix())
        if (folder / "plans").is_dir():
            return Workspace(folder)
    raise UsageError(
        f"no planner workspace here ({here} and its parents hold no mkdocs.yml or plans/); "
        "run `planner init` to create one"
    )


def schema_json() -> str:
    import json

    schema = Plan.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "planner plan.yaml"
    schema["description"] = (
        f"{schema.get('description', '')} Beyond what this schema says, `planner check` also refuses "
        "what JSON Schema cannot say: YAML aliases (*name), `<<` written anywhere but as a key, days "
        "that do not exist (2026-02-30), and the rules that join several fields; each with its fix."
    ).strip()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


WORKFLOW = ".github/workflows/planner.yml"


MANAGED = "# Written by `planner init`"  # the first line of a workflow that `planner init` may rewrite


# site/ is built; `.NAME.*.tmp` are the temporary files of a save, publish or log killed half-way;
# mlruns/ and mlflow.db are MLflow's local stores (`planner track` reads them; they are not plans).
GITIGNORE = "site/\n.*.yaml.*.tmp\n.*.jsonl.*.tmp\nmlruns/\nmlflow.db\n"


def workspace_files(plans_dir: str = "plans") -> dict[str, str]:
    """What `planner init` writes, by path; the schema file and the workflow follow planner's version."""
    from planner import __version__

    skeleton = resources.files("planner.templates") / "workspace"
    workflow = (skeleton / "planner.yml").read_text(encoding="utf-8")
    return {
        "mkdocs.yml": (skeleton / "mkdocs.yml").read_text(encoding="utf-8"),
        # No docs/index.md: the portfolio of plans is the site's home page.
        "docs/about.md": (skeleton / "about.md").read_text(encoding="utf-8"),
        ".gitignore": GITIGNORE,
        SCHEMA_FILE: schema_json(),
        WORKFLOW: workflow.replace("__PLANS_DIR__", plans_dir).replace("__PLANNER_VERSION__", __version__),
    }


def init_workspace(root: Path) -> dict[Path, str]:
    """Create a workspace in `root`, or bring an existing one up to date after an upgrade: the schema
    file and planner's workflow are rewritten, everything else (mkdocs.yml, pages, plans) is kept.
    Returns what was written, each with `created` or `updated`."""
    plans_dir = find_workspace(root).plans if (root / "mkdocs.yml").is_file() else "plans"
    written = {}
    try:
        (root / plans_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(root / plans_dir, exc) from exc
    for name, text in workspace_files(plans_dir).items():
        path = root / name
        if path.exists():
            managed = name == SCHEMA_FILE or (name == WORKFLOW and read_text(path, name).startswith(MANAGED))
            if managed and write_atomic(path, text):
                written[path] = "updated"
            continue
        write_atomic(path, text)
        written[path] = "created"
    return written
