"""What the engine's long-lived searchers remember, and the segments a search can skip.

A searcher sees a fixed set of segments (a commit makes a new searcher), so facts about them
can be kept while it lives:

* term lookups: whoosh looks a query term up in each segment's hash table four or five times
  per search (is it there, its document frequency, its postings, its weight), each time
  hashing the key and probing the table; what a lookup found is kept (a bounded map per
  segment) and the later lookups cost a dict access;
* field lengths: every term of a search asks for the average length of its field, which
  whoosh sums over all the segments each time;
* segments without the query's words: whoosh builds matchers in every segment, about 0.1 ms
  each; at 100k articles (27 segments) a rare word is in a third of them. ``segments_for``
  names the segments a query can match in, from the remembered lookups, and
  ``searching_only`` runs a search on those alone (the scores use the whole index's
  statistics as before: the results are the same).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable, Iterator

from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.query import And, AndMaybe, AndNot, Or, Phrase, Query, Require, Term
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from tuireader.core.search.term_lookup import HashLookup

# Terms remembered per segment before the map starts again (a term info is ~200 bytes).
MAX_TERMS = 4096
_MISSING = object()


class CachingTermsReader:
    """A segment's terms reader (whoosh's ``W3TermsReader``) with its lookups remembered."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self._infos: dict = {}
        self._lookup = HashLookup.of(inner)

    def _info(self, fieldname: str, tbytes: bytes):
        key = (fieldname, tbytes)
        info = self._infos.get(key, _MISSING)
        if info is _MISSING:
            info = self._look_up(fieldname, tbytes)
            if len(self._infos) >= MAX_TERMS:
                self._infos.clear()
            self._infos[key] = info
        return info

    def _look_up(self, fieldname: str, tbytes: bytes):
        """The term's info in this segment, None when it is not there."""
        if self._lookup is not None:
            value = self._lookup.value(fieldname, tbytes)
            return None if value is None else W3TermInfo.from_bytes(value)
        try:
            return self._inner.term_info(fieldname, tbytes)
        except TermNotFound:
            return None

    def __contains__(self, term) -> bool:
        return self._info(*term) is not None

    def info_or_none(self, fieldname: str, tbytes: bytes):
        """The term's info in this segment, None when it is not there."""
        return self._info(fieldname, tbytes)

    def term_info(self, fieldname: str, tbytes: bytes):
        info = self._info(fieldname, tbytes)
        if info is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return info

    def _known(self, fieldname: str, tbytes: bytes):
        info = self._info(fieldname, tbytes)
        if info is None:
            raise KeyError((fieldname, tbytes))  # as whoosh's reader: the caller says 0
        return info

    def frequency(self, fieldname: str, tbytes: bytes):
        return self._known(fieldname, tbytes).weight()

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        return self._known(fieldname, tbytes).doc_frequency()

    def matcher(self, fieldname: str, tbytes: bytes, format_, scorer=None):
        terminfo = self.term_info(fieldname, tbytes)
        return self._inner._codec.postings_reader(
            self._inner._postfile, terminfo, format_, term=(fieldname, tbytes), scorer=scorer
        )

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


def remember(searcher: Searcher, lengths: Iterable[str] = ()) -> Searcher:
    """Make a new searcher remember its term lookups and field lengths; idempotent.

    ``lengths``: fields whose per-document lengths every segment reads now (FastW3Codec's
    readers), not at the first search that scores in that segment: on Reuters a rare word
    met a segment not read yet in most searches, 0.2 ms each time (a list a segment and
    field; 1.8 ms for all of Reuters' seven, 12 ms at 100k articles, 1.6 MB).
    """
    for leaf, _offset in searcher.reader().leaf_readers():
        lengths_of = getattr(getattr(leaf, "_perdoc", None), "lengths", None)
        if lengths_of is not None:
            for fieldname in lengths:
                lengths_of(fieldname)
        terms = getattr(leaf, "_terms", None)
        wrappable = hasattr(terms, "term_info") and hasattr(terms, "_postfile")
        if wrappable and not isinstance(terms, CachingTermsReader):
            leaf._terms = CachingTermsReader(terms)
    if not getattr(searcher, "_remembers", False):
        searcher.field_length = functools.lru_cache(maxsize=64)(searcher.field_length)
        searcher._remembers = True
    return searcher


def _has_term(reader, fieldname: str, text) -> bool:
    try:
        return (fieldname, text) in reader
    except Exception:  # a text the field cannot encode: let whoosh decide
        return True


def may_match(query: Query, reader) -> bool:
    """False when ``query`` cannot match in this segment: a word it needs is not there.

    Only for the query kinds whose needed words are known (terms, phrases, AND, OR, NOT);
    anything else may match.
    """
    kind = type(query)
    if kind is Term:
        return _has_term(reader, query.fieldname, query.text)
    if kind is Phrase:
        return all(_has_term(reader, query.fieldname, word) for word in query.words)
    if kind in (AndNot, AndMaybe):
        return may_match(query.a, reader)
    if kind is Require:
        return may_match(query.a, reader) and may_match(query.b, reader)
    if kind is And:
        return all(may_match(child, reader) for child in query.subqueries)
    if kind is Or:
        return any(may_match(child, reader) for child in query.subqueries)
    return True


def segments_for(searcher: Searcher, query: Query) -> list | None:
    """The (subsearcher, offset) pairs where ``query`` may match; None: all of them."""
    if searcher.is_atomic():
        return None
    subsearchers = searcher.subsearchers
    kept = [pair for pair in subsearchers if may_match(query, pair[0].reader())]
    return None if len(kept) == len(subsearchers) else kept


@contextlib.contextmanager
def searching_only(searcher: Searcher, query: Query) -> Iterator[None]:
    """Within the block, ``searcher``'s searches visit only the segments ``query`` may
    match in (the caller holds the searcher alone: the engine's lock)."""
    kept = segments_for(searcher, query)
    if kept is None:
        yield
        return
    everything = searcher.subsearchers
    searcher.subsearchers = kept
    try:
        yield
    finally:
        searcher.subsearchers = everything
