"""Reading a git repository: checking a ref, and the files under a folder at that ref."""

from __future__ import annotations

import subprocess
from pathlib import Path

from planner.core.errors import PlannerError, UsageError


def git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise UsageError("git is not installed; install git or drop --base") from exc
    if done.returncode != 0:
        raise GitFailed(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8", "replace")


class GitFailed(PlannerError):
    """A git command failed; callers turn it into a message about what the user asked."""


def check_ref(root: Path, ref: str) -> None:
    """Raise a clear error unless `root` is in a git repository where `ref` names a commit."""
    try:
        git(root, "rev-parse", "--is-inside-work-tree")
    except GitFailed as exc:
        raise UsageError(
            f"{root} is not in a git repository, so '{ref}' means nothing here; "
            "run from a git checkout, or compare published versions instead (`v1`, `draft`)"
        ) from exc
    try:
        if ref.startswith("-"):
            raise GitFailed(ref)
        git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitFailed as exc:
        raise UsageError(
            f"unknown git ref '{ref}'; check the name or fetch it first "
            "(e.g. `git fetch origin main`; in CI check out with fetch-depth: 0)"
        ) from exc


def file_at(root: Path, ref: str, path: str) -> bytes | None:
    """The bytes of `path` (relative to `root`) at `ref`, or None if it does not exist there."""
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", f"{ref}:./{path}"], cwd=root, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise UsageError("git is not installed; install git or drop --base") from exc
    return done.stdout if done.returncode == 0 else None


def files_at(root: Path, ref: str, folder: str) -> list[str]:
    """Paths (relative to `root`) of the files under `folder` at `ref`."""
    names = git(root, "ls-tree", "-r", "--name-only", "-z", ref, "--", folder)
    return [name for name in names.split("\0") if name]


def blobs_at(root: Path, ref: str, folder: str) -> dict[str, str]:
    """{path: blob id} of the files under `folder` (relative to `root`) at `ref`, in one git call."""
    listing = git(root, "ls-tree", "-r", "-z", "--full-name", ref, "--", folder or ".")
    prefix = git(root, "rev-parse", "--show-prefix").strip()
    found = {}
    for entry in listing.split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        _, kind, blob = meta.split()
        if kind == "blob" and path.startswith(prefix):
            found[path[len(prefix) :]] = blob
    return found


def object_format(root: Path) -> str:
    """The hash the repository names its objects with: `sha1`, or `sha256` for a repository made with
    `git init --object-format=sha256` (a git too old to say cannot make one: sha1)."""
    try:
        found = git(root, "rev-parse", "--show-object-format").strip()
    except GitFailed:
        return "sha1"
    return found if found in ("sha1", "sha256") else "sha1"


def blob_id(data: bytes, algorithm: str = "sha1") -> str:
    """The id git gives a file with these bytes in a repository of this object format (the hash of a
    blob header and the content, as `git hash-object` computes it without running a child per file)."""
    import hashlib

    return hashlib.new(algorithm, b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def has_head(root: Path) -> bool:
    """Whether `root` is in a git repository with at least one commit."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except (GitFailed, UsageError):
        return False
    return True


_LOGS: dict[tuple[str, str, str], str] = {}  # the last history read: (top, HEAD, folder) -> git log


def change_times(root: Path, folder: Path) -> dict[Path, float | None] | None:
    """When each file under `folder` last changed as its repository records it: the time of the last
    commit that touched it, for files as committed (a fresh clone's file times are all the checkout's).
    Files edited since, or not committed yet, are left out: their own file time says when. In a
    shallow clone the oldest fetched commit seems to add every file: its files map to None (unknown).
    None outside a git work tree or without git (file times then say everything)."""
    try:
        top, head, shallow = git(root, "rev-parse", "--show-toplevel", "HEAD", "--git-path", "shallow").split(
            "\n"
        )[:3]
        dirty = git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", str(folder))
        key = (top, head, str(folder))
        if key not in _LOGS:  # the history is read once per commit (`mkdocs serve` rebuilds often)
            _LOGS.clear()
            _LOGS[key] = git(root, "log", "-z", "--format=%x00%H %ct", "--name-only", "--", str(folder))
    except (GitFailed, UsageError):
        return None
    log = _LOGS[key]
    cut_file = Path(shallow) if Path(shallow).is_absolute() else root / shallow
    cut = set(cut_file.read_text(encoding="ascii").split()) if cut_file.is_file() else set()
    top_dir = Path(top)
    edited: set[Path] = set()
    entries = iter(dirty.split("\0"))
    for entry in entries:
        if len(entry) > 3:
            edited.add(top_dir / entry[3:])
            if entry[0] in "RC":  # a rename or copy names its source next
                next(entries, None)
    # -z: each commit is NUL, "HASH TIME", NUL, then its files, each ended by NUL (the first after a
    # newline). Newest commit first: the first time a file shows is its last change.
    times: dict[Path, float | None] = {}
    when: float | None = None
    header = first = False
    for token in log.split("\0"):
        if not token:
            header = True
        elif header:
            commit, _, stamp = token.partition(" ")
            when = None if commit in cut else float(stamp)
            header, first = False, True
        else:
            path = top_dir / (token[1:] if first and token.startswith("\n") else token)
            first = False
            if path not in times and path not in edited:
                times[path] = when
    return times
