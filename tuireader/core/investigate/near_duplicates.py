"""Near-duplicates: how much body text two articles share, by overlapping runs of five words.

Key-term similarity (``engine.similar``) finds articles on the same story; this tells a wire
copy (the same text with a new first paragraph or dateline, or cut short) from a story written
afresh with the same topic words. Runs of five words are rarely shared by chance, and the
share is taken over the shorter text's runs, so a copy that was trimmed still counts.

The run hashes are the same in every process (a word's CRC-32, then the hash of five such
integers: Python salts string hashes, not integer ones), so that an article's ``sketch`` can
be kept in the store at index time and compared with the sketches of articles indexed later:
the annotation pass finds each article's near-duplicates once (core/cache/duplicate_table.py)
and folding a list is a lookup.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from itertools import combinations

SHINGLE_WORDS = 5
# Share of the shorter text's word runs the other must contain to be called a near-duplicate.
NEAR_DUPLICATE_SHARE = 0.5
# A share is taken over at least this many runs: a line of a dozen words found in a long
# article is not a copy of it.
MIN_SHINGLES = 10
# An article's sketch: its lowest run hashes. Two texts sharing most of their runs share most
# of their lowest ones; two texts are compared when they share two of them (``sketch_keys``),
# so that one common phrase (a run many articles have) does not make every pair a candidate.
SKETCH_SIZE = 6

_WORD = re.compile(r"\w+")
_word_numbers: dict[str, int] = {}  # word -> its CRC-32 (words recur: computed once)
_MOST_WORDS = 500_000  # the cache is cleared past this many words


def words(text: str) -> list[str]:
    """The text's words, lower case, accents folded (so that punctuation, case and accents
    changed by an editor do not hide a copy)."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        # the accents dropped: found among the text's distinct characters, not tested
        # character by character (most of a text is ASCII, which has none)
        marks = [c for c in set(folded) if c > "\x7f" and unicodedata.combining(c)]
        if marks:
            folded = folded.translate(dict.fromkeys(map(ord, marks)))
    return _WORD.findall(folded)


def _numbers(tokens: list[str]) -> list[int]:
    known = _word_numbers
    try:
        return list(map(known.__getitem__, tokens))
    except KeyError:  # a word not seen yet (or not since the cache was cleared)
        pass
    if len(known) > _MOST_WORDS:
        known.clear()
    for token in set(tokens).difference(known):
        known[token] = zlib.crc32(token.encode("utf-8", "replace"))
    return list(map(known.__getitem__, tokens))


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of ``size`` consecutive words (none for a text shorter than that);
    the same in every process."""
    numbers = _numbers(words(text))
    runs = zip(*(numbers[start:] for start in range(size)), strict=False)
    return frozenset(map(hash, runs))


def text_sketch(text: str) -> tuple[int, ...]:
    """The text's lowest SKETCH_SIZE run hashes (those ``shingles`` gives), lowest first:
    from a heap of every run's hash (duplicates left in, skipped as they come out; in C, where
    ``heapq.nsmallest`` compared each of an article's ~500 runs in Python), no set made first."""
    numbers = _numbers(words(text))
    runs = zip(*(numbers[start:] for start in range(SHINGLE_WORDS)), strict=False)
    heap = list(map(hash, runs))
    heapq.heapify(heap)
    lowest: list[int] = []
    while heap and len(lowest) < SKETCH_SIZE:
        value = heapq.heappop(heap)
        if not lowest or value != lowest[-1]:  # they come out in order: a copy follows
            lowest.append(value)
    return tuple(lowest)


def sketch_keys(lowest: tuple[int, ...]) -> list[int]:
    """One key per pair of the sketch's hashes: two texts with a key in common share two of
    their lowest runs and are compared. 31-bit, so that SQLite keeps each in four bytes (a
    key shared by chance only costs a comparison)."""
    return [hash((a, b)) & 0x7FFF_FFFF for a, b in combinations(lowest, 2)]


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
