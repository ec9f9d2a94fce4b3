"""The sex a given name or a courtesy title implies, for matching "he" and "she" to a name.

``name_gender.txt.gz`` (see entities/data/SOURCES.md) lists given names used (nearly) only for
men or only for women; any other name, or a name given by initials, has no gender and agrees
with either pronoun. Read once, on first use.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "entities" / "data" / "name_gender.txt.gz"
_TITLES = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f"}
_TITLES |= {"lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f"}
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    if not DATA.exists():
        return {}
    lines = gzip.decompress(DATA.read_bytes()).decode("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def of_name(name: str, before: str = "") -> str | None:
    """ "m", "f" or None for a person's ``name``; ``before`` is the text just before it,
    where a courtesy title ("Mrs. Doe") may stand."""
    words = before.replace(".", " ").split()
    if words and words[-1].lower() in _TITLES:
        return _TITLES[words[-1].lower()]
    first = name.split(" ", 1)[0].rstrip(".").lower()
    if first in _TITLES and " " in name:
        return _TITLES[first]
    return _table().get(first) if len(first) > 1 else None
