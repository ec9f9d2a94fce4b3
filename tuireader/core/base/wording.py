"""Counts in words, for messages: "1 article", "2,345 articles"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` (thousands separated) and ``noun``, plural unless it is one ("match",
    ``plural`` "matches"; by default the noun with an "s")."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
