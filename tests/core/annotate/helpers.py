"""Helpers shared by the annotation tests."""

from __future__ import annotations

from tuireader.core.annotate.spans import Entity


def persons(text: str, *mentions: str) -> list[Entity]:
    """PERSON entities at the first occurrence (after the previous one) of each mention."""
    found, pos = [], 0
    for mention in mentions:
        start = text.index(mention, pos)
        found.append(Entity(start, start + len(mention), "PERSON", mention))
        pos = start + len(mention)
    return found
