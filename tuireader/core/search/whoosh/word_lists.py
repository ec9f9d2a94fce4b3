"""The indexed words one edit away from a fuzzy word (``word~``), by lookups, not a scan.

whoosh finds a fuzzy word's variants by running an edit-distance automaton over the field's
whole word list. At one edit (``word~``, the common case) the variants a word can have are
few: each letter removed, replaced, swapped with the next or preceded by another (and one
added at the end), the other letters being those the field's words use. Each is looked up in
the index (``(field, word) in reader``); those there are the variants, the same as whoosh's
(Damerau-Levenshtein distance, after the required prefix). Wider distances (``word~2``) are
left to whoosh: their variants are too many to look up.
"""

from __future__ import annotations

import threading

from whoosh.query import FuzzyTerm

# Segments whose letters are kept (per field), the oldest forgotten first.
MAX_KEPT = 256
# Letters beyond which looking up every variant costs more than whoosh's automaton.
MAX_LETTERS = 400
_kept: dict[tuple, frozenset[str]] = {}
_filling = threading.Lock()


def _letters_of(leaf, fieldname: str) -> frozenset[str]:
    """The characters the words of ``fieldname`` use in one segment."""
    segment = getattr(leaf, "segment", None)
    key = None
    if callable(segment):
        try:
            key = (segment().segment_id(), leaf.doc_count_all(), fieldname)
        except Exception:  # noqa: BLE001 - then no caching
            key = None
    known = _kept.get(key) if key is not None else None
    if known is None:
        with _filling:
            known = _kept.get(key) if key is not None else None
            if known is None:
                joined = b"".join(leaf.lexicon(fieldname)) if fieldname in leaf.schema else b""
                known = frozenset(joined.decode("utf-8", "replace"))
                if key is not None:
                    while len(_kept) >= MAX_KEPT:
                        del _kept[next(iter(_kept))]
                    _kept[key] = known
    return known


def letters(reader, fieldname: str) -> frozenset[str]:
    """The characters the words of ``fieldname`` use, in every segment of ``reader``."""
    found: set[str] = set()
    for leaf, _offset in reader.leaf_readers():
        found |= _letters_of(leaf, fieldname)
    return frozenset(found)


def one_edit(text: str, alphabet, prefix: int = 0) -> set[str]:
    """Every string within one insertion, deletion, substitution or swap of two neighbours of
    ``text`` (``text`` included) that keeps its first ``prefix`` characters."""
    variants = {text}
    for i in range(min(prefix, len(text)), len(text) + 1):
        head, tail = text[:i], text[i:]
        for c in alphabet:
            variants.add(head + c + tail)  # one inserted
        if tail:
            rest = tail[1:]
            variants.add(head + rest)  # one removed
            for c in alphabet:
                variants.add(head + c + rest)  # one replaced
            if rest:
                variants.add(head + rest[0] + tail[0] + rest[1:])  # two swapped
    return variants


def fuzzy_words(query: FuzzyTerm, reader) -> list[str] | None:
    """The indexed words ``query`` matches (sorted), or None when whoosh should find them
    (more than one edit, or too many letters to try)."""
    if query.maxdist != 1:
        return None
    fieldname, text = query.fieldname, query.text
    if fieldname not in reader.schema:
        return []
    alphabet = letters(reader, fieldname)
    if len(alphabet) > MAX_LETTERS:
        return None
    return sorted(
        word for word in one_edit(text, alphabet, query.prefixlength) if (fieldname, word) in reader
    )
