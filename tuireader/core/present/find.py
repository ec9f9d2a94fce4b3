"""Finding plain text in an article (case-insensitive), for find-in-article."""

from __future__ import annotations

import re


def find_all(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Spans of every case-insensitive occurrence of ``needle`` (taken literally)."""
    needle = needle.strip()
    if not needle:
        return ()
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))
