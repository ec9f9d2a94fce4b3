"""What was not read, and why (shared by the loaders and the format readers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that was not read, and why."""

    path: str
    reason: str


def size_text(size: int) -> str:
    """A byte count for people: 950 bytes, 12 KB, 8 MB, 1.5 GB."""
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1024
        if size < 1024 or unit == "TB":
            return f"{size:.0f} {unit}" if size >= 10 or size == int(size) else f"{size:.1f} {unit}"
    raise AssertionError  # pragma: no cover
