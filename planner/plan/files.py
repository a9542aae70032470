"""Files written whole or not at all (atomic replace, fsync, modes) and the messages for paths that fail."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from planner.core.errors import UsageError


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` so a crash leaves either the old or the new file; False if unchanged."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from exc
        raise
    fsync_dir(path.parent)
    return True


def remove_temp_files(folder: Path, name: str) -> None:
    """Remove the temporary files that writes of `name` (a glob) killed half-way left in `folder`. Call it
    holding `editing()`, which every such write holds, so none of them is still being written."""
    for stale in folder.glob(f".{name}.*.tmp"):
        stale.unlink(missing_ok=True)


def shown_path(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return str(path)


def cannot_write(path: Path, exc: OSError) -> UsageError:
    """Why `path` could not be written, naming it (not a hidden temporary file, not nothing) and the fix;
    the old file is untouched, since planner never writes in place."""
    where = shown_path(path)
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return UsageError(
            f"cannot write {where}: the disk is full; free some space and run the command again"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = shown_path(path.parent)
        return UsageError(
            f"cannot write {where}: {exc.strerror or 'permission denied'} in {folder}; "
            "make the folder writable for you (or run where you may write) and run the command again"
        )
    return UsageError(
        f"cannot write {where}: {exc.strerror or exc}; check the folder and run the command again"
    )


def cannot_read(path: Path, exc: OSError) -> UsageError:
    return UsageError(
        f"cannot read {shown_path(path)}: {exc.strerror or exc}; make it readable for you "
        "(e.g. `chmod u+rx` on the folder, `chmod u+r` on the file)"
    )


def file_mode(path: Path) -> int:
    """The mode to write `path` with: its current one, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
