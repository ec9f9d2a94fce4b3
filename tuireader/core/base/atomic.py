"""Writing files so that a crash at any moment leaves either the old or the new version."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write text to a temp file beside ``path``, fsync it, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def why_not_written(exc: OSError, path: Path) -> str:
    """Why ``write_atomic`` could not write ``path``, for the user: the reason, not the
    error's message (which names the temporary file written first); a file where a folder
    of the path should be (mkdir says only "File exists"), named."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"{parent} is a file, not a folder"
            break
    return exc.strerror or str(exc)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a crash of the machine keeps the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - e.g. Windows, where folders cannot be opened
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def set_aside(path: Path) -> Path:
    """Rename a damaged file out of the way (keeping it) and return the backup's path."""
    for n in range(1, 1000):
        backup = path.with_name(f"{path.name}.corrupt-{n}")
        if not backup.exists():
            os.replace(path, backup)
            fsync_dir(path.parent)
            return backup
    raise OSError(f"too many backups of {path}")
