"""Published versions: write vN.yaml atomically, verify history is immutable, read plans at git refs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planner.core.errors import InvalidPlan, PlannerError, Refused, UsageError
from planner.plan.fields import TEXT_MAX
from planner.plan.files import cannot_read, cannot_write, file_mode, fsync_dir, remove_temp_files
from planner.plan.gitref import blob_id, blobs_at, check_ref, file_at, git, has_head, object_format
from planner.plan.model import Plan, Version
from planner.plan.planfile import plan_from_text, schema_problems, to_data
from planner.plan.workspace import SLUG_RE, Workspace
from planner.plan.yamlfile import dump_yaml, parse_yaml, read_text

VERSIONS = "versions"


VERSION_FILE = re.compile(r"v([1-9][0-9]*)\.yaml")


VERSION_SPEC = re.compile(r"v([1-9][0-9]*)")


HEADER = (
    "# Version {number} of plan '{slug}', published by `planner publish`: never edit it; publish a new one.\n"
)


def content_hash(data: dict[str, Any]) -> str:
    """sha256 of a version's data without its `hash` key, as canonical JSON (key order and comments ignored)."""
    body = {key: value for key, value in data.items() if key != "hash"}
    # planner writes only JSON types; a hand edit may bring YAML's own (an unquoted timestamp, !!binary):
    # they hash differently from what was published, so the edit is reported instead of crashing.
    canonical = json.dumps(
        body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=lambda value: repr(value)
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def versions_dir(workspace: Workspace, slug: str) -> Path:
    """plans/SLUG/versions; refused (InvalidPlan) when a link leads it out of the workspace."""
    return workspace.confined(
        workspace.plan_dir(slug) / VERSIONS, f"make {workspace.plans}/{slug}/{VERSIONS} a real folder"
    )


def numbers(workspace: Workspace, slug: str) -> list[int]:
    """The version numbers present on disk, ascending."""
    folder = versions_dir(workspace, slug)
    if not folder.is_dir():
        if folder.exists():  # a file there: published versions are missing, not "nothing published"
            shown = workspace.shown(folder)
            raise UsageError(
                f"{shown} is not a folder; published versions live in it as v1.yaml, v2.yaml...: "
                f"restore it from git (`git checkout -- {shown}`)"
            )
        return []
    found = (VERSION_FILE.fullmatch(entry.name) for entry in folder.iterdir())
    return sorted(int(match.group(1)) for match in found if match)


def _read_version(path: Path, shown: str) -> tuple[Version, dict[str, Any]]:
    text = read_text(path, shown)
    data = parse_yaml(text, shown)
    if not isinstance(data, dict):
        raise InvalidPlan(shown, [f"{shown}:1: not a version file; restore it from git"])
    try:
        return Version.from_file(data), data
    except ValidationError as exc:
        raise InvalidPlan(shown, schema_problems(exc, shown, text)) from exc


def load_version(workspace: Workspace, slug: str, number: int) -> Version:
    path = _confined_file(workspace, versions_dir(workspace, slug) / f"v{number}.yaml")
    if not path.is_file():
        have = numbers(workspace, slug)
        published = f"published: v1 to v{have[-1]}" if have else "nothing is published yet"
        raise UsageError(f"plan '{slug}' has no version v{number} ({published}); pick another version")
    return _read_version(path, workspace.shown(path))[0]


def load_versions(workspace: Workspace, slug: str) -> list[Version]:
    """Every version that loads, oldest first; damaged ones are left to `planner check` to report."""
    return read_versions(workspace, slug)[0]


def read_versions(workspace: Workspace, slug: str) -> tuple[list[Version], list[str]]:
    """The versions that load and are not renumbered (oldest first), and why each other one does not.

    The one reader of versions for commands and the site: links out of the workspace are refused."""
    try:
        folder = versions_dir(workspace, slug)
    except InvalidPlan as exc:
        return [], list(exc.problems)
    if not folder.is_dir():
        return [], []
    loaded, problems = [], []
    for entry in sorted(folder.iterdir()):
        match = VERSION_FILE.fullmatch(entry.name)
        if not match:
            continue
        shown = workspace.shown(entry)
        try:
            version = _read_version(_confined_file(workspace, entry), shown)[0]
        except PlannerError as exc:
            problems.append(f"{shown} cannot be read:\n{exc}")
            continue
        if version.number == int(match.group(1)):
            loaded.append(version)
        else:
            problems.append(f"{shown} cannot be read: it holds version {version.number}")
    return sorted(loaded, key=lambda version: version.number), problems


def _confined_file(workspace: Workspace, path: Path) -> Path:
    return workspace.confined(path, "restore the published file from git in its place")


def git_author(root: Path) -> str:
    """`Name <email>` as git would record it (config and GIT_AUTHOR_* variables)."""
    try:
        ident = git(root, "var", "GIT_AUTHOR_IDENT")
    except PlannerError:
        ident = ""
    author = re.sub(r"\s+\d+\s+[+-]\d{4}$", "", ident.strip())
    if not author:
        raise UsageError(
            'who is publishing? git knows no author here; run `git config --global user.name "Your Name"` '
            'and `git config --global user.email you@example.com`, or pass --author "Name <email>"'
        )
    return author


def publish(workspace: Workspace, slug: str, message: str, author: str | None = None) -> tuple[Path, Version]:
    """Freeze the draft as the next version; refused when it does not validate or nothing changed."""
    shown = workspace.shown(workspace.plan_file(slug))
    try:
        plan = workspace.load(slug)
    except InvalidPlan as exc:
        raise Refused(
            f"cannot publish {shown}: it does not validate; fix these lines and publish again\n"
            + "\n".join(exc.problems)
        ) from exc
    return publish_plan(workspace, slug, plan, message, author or git_author(workspace.root))


def publish_plan(
    workspace: Workspace, slug: str, plan: Plan, message: str, author: str
) -> tuple[Path, Version]:
    if not message.strip():
        raise UsageError(f'say why you publish: `planner publish {slug} -m "what changed and why"`')
    if not author.strip():
        raise UsageError('who is publishing? pass --author "Name <email>" with a name, not only spaces')
    for option, value in (("--message", message), ("--author", author)):
        if len(value.strip()) > TEXT_MAX:
            raise UsageError(
                f"the {option} is {len(value.strip()):,} characters long; keep it under {TEXT_MAX:,} "
                "(put the details in the plan itself)"
            )
    problems = verify(workspace, slug)
    if problems:
        raise Refused(
            f"cannot publish '{slug}': its published versions have problems; fix them first "
            f"(`planner check {slug}`)\n" + "\n".join(problems)
        )
    folder = versions_dir(workspace, slug)
    folder.mkdir(parents=True, exist_ok=True)
    with workspace.editing():  # every publish writes under it, so a temporary file here is a killed one's
        remove_temp_files(folder, "v*.yaml")
        while True:
            have = numbers(workspace, slug)
            if have:
                latest = load_version(workspace, slug, have[-1])
                if to_data(latest.plan) == to_data(plan):
                    raise Refused(
                        f"nothing changed in {workspace.shown(workspace.plan_file(slug))} since "
                        f"v{latest.number}; edit the plan, then publish again"
                    )
            number = have[-1] + 1 if have else 1
            text, version = _version_text(slug, number, plan, message, author)
            path = folder / f"v{number}.yaml"
            if _create_exclusive(path, text):
                return path, version


def _version_text(slug: str, number: int, plan: Plan, message: str, author: str) -> tuple[str, Version]:
    body: dict[str, Any] = {
        "number": number,
        "published_at": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "author": author.strip(),
        "message": message.strip(),
        "plan": to_data(plan),
    }
    # Hash what a reader will parse back, so verification never depends on float or text formatting.
    parsed = parse_yaml(dump_yaml(body), f"v{number}.yaml")
    data = {key: parsed[key] for key in ("number", "published_at", "author", "message")}
    data["hash"] = content_hash(parsed)
    data["plan"] = parsed["plan"]
    return HEADER.format(number=number, slug=slug) + dump_yaml(data), Version.model_validate(data)


def _create_exclusive(path: Path, text: str) -> bool:
    """Create `path` complete or not at all; False if it already exists (a concurrent publish won)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode(path))  # mkstemp makes 0600; a version is as readable as plan.yaml
        try:
            os.link(tmp, path)  # fails if the name exists: O_EXCL semantics, with complete content
        except FileExistsError:
            return False
        except OSError:
            return _create_without_links(path, text)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    fsync_dir(path.parent)
    return True


def _create_without_links(path: Path, text: str) -> bool:
    """Fallback for file systems without hard links: still exclusive, briefly incomplete."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
        os.fsync(handle.fileno())
    return True


def verify(workspace: Workspace, slug: str) -> list[str]:
    """Problems with the published history of one plan on disk: edited, removed or renumbered versions."""
    return list(_verify_local(workspace, slug).values())


def _verify_local(workspace: Workspace, slug: str) -> dict[str, str]:
    """{shown path: problem} for one plan's versions/ folder as it is on disk."""
    try:
        workspace.plan_file(slug).lstat()
    except InvalidPlan:
        return {}  # the whole plan folder leads out of the workspace: its check says so, once
    except PermissionError:
        return {}  # the plan folder cannot be read: its check says so, once
    except OSError:
        pass
    try:
        folder = versions_dir(workspace, slug)
    except InvalidPlan as exc:
        return {exc.path: "\n".join(exc.problems)}
    shown_folder = workspace.shown(folder)
    try:
        return _verify_folder(workspace, slug, folder)
    except OSError as exc:  # unreadable: reported, and the other plans are still checked
        return {shown_folder: str(cannot_read(folder, exc))}


def _verify_folder(workspace: Workspace, slug: str, folder: Path) -> dict[str, str]:
    shown_folder = workspace.shown(folder)
    if folder.exists() and not folder.is_dir():
        return {
            shown_folder: f"{shown_folder}: not a folder; published versions live in it as v1.yaml, v2.yaml...: "
            "restore it from git"
        }
    found: dict[str, str] = {}
    present = numbers(workspace, slug)
    for entry in sorted(folder.iterdir()) if folder.is_dir() else ():
        match = VERSION_FILE.fullmatch(entry.name)
        shown = workspace.shown(entry)
        if entry.name.startswith("."):
            continue  # the temporary file of an interrupted publish
        try:
            _confined_file(workspace, entry)
        except InvalidPlan as exc:
            found[shown] = "\n".join(exc.problems)
            continue
        if not match or not entry.is_file():
            found[shown] = (
                f"{shown}: not a published version; versions/ holds only v1.yaml, v2.yaml...: "
                "move it elsewhere"
            )
            continue
        problem = _check_file(entry, shown, int(match.group(1)))
        if problem:
            found[shown] = problem
    for number in range(1, (present[-1] if present else 0) + 1):
        if number not in present:
            shown = workspace.shown(folder / f"v{number}.yaml")
            found[shown] = (
                f"{shown}: removed after it was published (v{present[-1]} exists); "
                "restore it from git and publish a new version instead"
            )
    return found


def _check_file(path: Path, shown: str, number: int) -> str | None:
    try:
        version, data = _read_version(path, shown)
    except InvalidPlan as exc:
        return "\n".join(exc.problems)
    if version.number != number:
        return (
            f"{shown}: renumbered: it holds version {version.number}; published versions are immutable: "
            "restore the original file names from git"
        )
    if content_hash(data) != version.hash:
        return (
            f"{shown}: edited after it was published (its content no longer matches its hash); "
            "restore it from git and publish a new version instead"
        )
    return None


def verify_all(workspace: Workspace, base: str | None = None, only: list[str] | None = None) -> list[str]:
    """Problems with the published history of plans: every file on disk, then against a git commit.

    With `base`, every version published there must still be here, at the same place, byte for byte; the
    base is read with its own settings (its mkdocs.yml's plans_dir). Without it, in a git checkout, the
    same comparison runs against the last commit, which catches what was deleted but not yet committed."""
    if base is not None:
        check_ref(workspace.root, base)
    ref = base if base is not None else "HEAD" if has_head(workspace.root) else None
    found: dict[str, str] = {}
    for slug in sorted(set(only or workspace.slugs())):
        found.update(_verify_local(workspace, slug))
    if ref is not None:
        for shown, problem in _compare_with(workspace, ref, only, base is None).items():
            found.setdefault(shown, problem)
    return list(found.values())


def plans_dir_at(root: Path, ref: str) -> str:
    """The plans folder at `ref`, as that commit's own mkdocs.yml sets it, read as the working tree's is
    (`plans` when it has no mkdocs.yml or leaves the option out); an mkdocs.yml planner cannot read
    there is an error, never a guess."""
    from planner.plan.settings import read_at

    return Path(os.path.normpath(read_at(root, ref).plans_dir)).as_posix()


def _compare_with(workspace: Workspace, ref: str, only: list[str] | None, local: bool) -> dict[str, str]:
    """{shown path: problem} for every version published at `ref` that is gone, moved or changed here."""
    label = "the last commit" if local else ref
    try:
        before_dir = plans_dir_at(workspace.root, ref)
    except UsageError:
        if not local:
            raise
        # The last commit's mkdocs.yml does not read (the working tree may be fixing it): compare the
        # folder the working tree names, so the commit that fixes it can pass a pre-commit check.
        before_dir = workspace.plans
    algorithm = object_format(workspace.root)
    here: dict[str, str] = {}  # blob id -> where the same bytes are now, to tell a move from a removal
    for slug in workspace.slugs():
        for number in numbers(workspace, slug) if _readable_versions(workspace, slug) else ():
            path = workspace.plans_dir / slug / VERSIONS / f"v{number}.yaml"
            try:
                content = _confined_file(workspace, path).read_bytes()
            except (PlannerError, OSError):
                continue
            here.setdefault(blob_id(content, algorithm), workspace.shown(path))
    found: dict[str, str] = {}
    for name, blob in blobs_at(workspace.root, ref, before_dir).items():
        parts = name[len(before_dir) + 1 :].split("/") if name.startswith(before_dir + "/") else []
        if len(parts) != 3 or parts[1] != VERSIONS or not VERSION_FILE.fullmatch(parts[2]):
            continue
        slug = parts[0]
        if not SLUG_RE.fullmatch(slug) or (only is not None and slug not in only):
            continue
        path = workspace.plans_dir / slug / VERSIONS / parts[2]
        shown = workspace.shown(path)
        data: bytes | None = None
        try:
            data = _confined_file(workspace, path).read_bytes() if path.is_file() else None
        except (PlannerError, OSError):
            continue  # reported by the check of the files on disk
        same = data is not None and blob in (
            blob_id(data, algorithm),
            blob_id(data.replace(b"\r\n", b"\n"), algorithm),
        )
        if shown != name and data is not None:
            change = "" if same else " and changed"
            found[name] = (
                f"{name}: moved to {shown}{change} since {label} (plans_dir '{before_dir}' became "
                f"'{workspace.plans}'); published versions stay where they were published: put the folder "
                f"back and set plans_dir to '{before_dir}' again"
            )
        elif data is None:
            moved = here.get(blob)
            where = f" (the same file is at {moved}: a plan renamed or moved)" if moved else ""
            found[name] = (
                f"{name}: removed since {label}, where it was published{where}; {_restore(ref, name)}"
            )
        elif not same:
            found[name] = f"{name}: changed since {label}, where it was published; {_restore(ref, name)}"
    return found


def _readable_versions(workspace: Workspace, slug: str) -> bool:
    try:
        return versions_dir(workspace, slug).is_dir()
    except PlannerError:
        return False


def _restore(base: str, name: str) -> str:
    return f"restore it (`git checkout {base} -- {name}`) and publish a new version instead"


def resolve(workspace: Workspace, slug: str, spec: str) -> tuple[str, Plan | None]:
    """A diff side: `draft`, `latest`, `vN`, `REF:` (the draft at a git ref) or `REF:vN`."""
    if ":" in spec:
        ref, rest = spec.split(":", 1)
        check_ref(workspace.root, ref)
        inner = rest or "draft"
        match = VERSION_SPEC.fullmatch(inner)
        if inner != "draft" and not match:
            raise UsageError(
                f"unknown side '{spec}': after `REF:` give nothing, `draft` or a version (`main:v2`)"
            )
        path = versions_dir(workspace, slug) / f"{inner}.yaml" if match else workspace.plan_file(slug)
        shown = workspace.shown(path)
        label = f"{ref}:{inner}" if match else ref
        raw = file_at(workspace.root, ref, shown)
        if raw is None:
            return f"{label} (no plan)", None
        text = raw.decode("utf-8", "replace")
        if match:
            return label, _version_from_text(text, f"{ref}:{shown}").plan
        return label, plan_from_text(text, f"{ref}:{shown}")
    if spec == "draft":
        return "draft", workspace.load(slug)
    if spec == "latest":
        have = numbers(workspace, slug)
        if not have:
            raise UsageError(
                f"plan '{slug}' has no published version yet; run `planner publish {slug} -m \"why\"`"
            )
        return f"v{have[-1]}", load_version(workspace, slug, have[-1]).plan
    match = VERSION_SPEC.fullmatch(spec)
    if match:
        return spec, load_version(workspace, slug, int(match.group(1))).plan
    raise UsageError(
        f"unknown side '{spec}': use a version (`v3`), `latest`, `draft`, or a git ref and a colon (`main:`)"
    )


def _version_from_text(text: str, shown: str) -> Version:
    data = parse_yaml(text, shown)
    try:
        return Version.from_file(data)
    except ValidationError as exc:
        raise InvalidPlan(shown, schema_problems(exc, shown, text)) from exc
