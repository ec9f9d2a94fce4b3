"""Near-duplicates: how much body text two articles share, by overlapping runs of five words.

Key-term similarity (``engine.similar``) finds articles on the same story; this tells a wire
copy (the same text with a new first paragraph or dateline, or cut short) from a story written
afresh with the same topic words. Runs of five words are rarely shared by chance, and the
share is taken over the shorter text's runs, so a copy that was trimmed still counts.
"""

from __future__ import annotations

import re
import unicodedata

SHINGLE_WORDS = 5
# Share of the shorter text's word runs the other must contain to be called a near-duplicate.
NEAR_DUPLICATE_SHARE = 0.5
# A share is taken over at least this many runs: a line of a dozen words found in a long
# article is not a copy of it.
MIN_SHINGLES = 10

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, lower case, accents folded (so that punctuation, case and accents
    changed by an editor do not hide a copy)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of ``size`` consecutive words (none for a text shorter than that).

    Hashes are only comparable within one process (Python salts string hashes).
    """
    tokens = words(text)
    return frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))


def shared_share(first: frozenset[int], second: frozenset[int]) -> float:
    """The share (0 to 1) of the smaller set's word runs that the other also has, counted
    over at least MIN_SHINGLES runs; 0 when either text is too short to have any."""
    if not first or not second:
        return 0.0
    smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
    return len(smaller & larger) / max(len(smaller), MIN_SHINGLES)


def shared_text(first: str, second: str) -> float:
    """How much of their text two articles share (see ``shared_share``)."""
    return shared_share(shingles(first), shingles(second))


def is_near_duplicate(share: float) -> bool:
    return share >= NEAR_DUPLICATE_SHARE
