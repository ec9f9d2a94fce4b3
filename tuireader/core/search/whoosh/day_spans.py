"""``date:`` ranges answered from the date column, not from a union of many index terms.

whoosh answers a date range with the union of the trie terms that cover it (a month: dozens
of terms, each a posting list to merge), then scores every match with the same constant. The
index also keeps each document's date in a column (the one that sorts by date); each segment's
column is read once, its document numbers sorted by date, and a range becomes one slice of
that order (two binary searches): the same documents with the same constant score, as the
``ListMatcher`` whoosh's own ``ConstantScoreQuery`` makes.

Every ``date:`` query the parser makes is such a range, so the date's index terms are not
written at all (``DateColumn``): a date made about five distinct terms (a few per second of
its trie), a few % of the text index.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from typing import Any

from whoosh.fields import DATETIME
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import DateRange

FIELD = "date"
# The column's value for a document without a date (the largest: undated sort last).
MISSING = 2**64 - 1
# Segments whose date order is kept, the oldest forgotten first.
MAX_KEPT = 64
_kept: dict[tuple, tuple[array, array]] = {}
_filling = threading.Lock()


def _key(reader) -> tuple | None:
    segment = getattr(reader, "segment", None)
    if not callable(segment):
        return None  # not one segment's reader
    try:
        ident = segment().segment_id()
    except Exception:  # noqa: BLE001 - then no caching
        return None
    return (ident, reader.doc_count_all(), reader.doc_count())


def _by_date(reader) -> tuple[array, array]:
    """(dates in order, document numbers in that order) of one reader's dated documents,
    deleted ones left out."""
    values = array("Q", reader.column_reader(FIELD, translate=False))
    live = (
        (n for n in range(len(values)) if not reader.is_deleted(n))
        if reader.has_deletions()
        else range(len(values))
    )
    order = sorted((n for n in live if values[n] != MISSING), key=values.__getitem__)
    return array("Q", (values[n] for n in order)), array("I", order)


def by_date(reader) -> tuple[array, array]:
    """``_by_date`` of a reader, kept for its segment (a segment never changes but by new
    deletions, which change its key)."""
    key = _key(reader)
    if key is None:
        return _by_date(reader)
    known = _kept.get(key)
    if known is None:
        with _filling:
            known = _kept.get(key)
            if known is None:
                known = _by_date(reader)
                while len(_kept) >= MAX_KEPT:
                    del _kept[next(iter(_kept))]
                _kept[key] = known
    return known


def warm(reader) -> None:
    """Sort every segment of ``reader`` by date now (a warm-up: the first date search waits
    for it otherwise)."""
    for leaf, _offset in reader.leaf_readers():
        if leaf.has_column(FIELD):
            by_date(leaf)


def span(reader, start: int | None, end: int | None, after: bool, before: bool) -> array:
    """Document numbers (ascending) of ``reader`` dated from ``start`` to ``end`` (raw column
    values; None: open; ``after``/``before``: the end itself excluded)."""
    dates, order = by_date(reader)
    low = 0 if start is None else (bisect_right if after else bisect_left)(dates, start)
    high = len(dates) if end is None else (bisect_left if before else bisect_right)(dates, end)
    return array("I", sorted(order[low:high]))


class DaySpans(DateRange):
    """whoosh's ``DateRange``, matched from the sorted date column (same documents, same
    constant score); where that cannot be (no column, a scored range), whoosh's own way."""

    @classmethod
    def of(cls, query: DateRange) -> DaySpans:
        spans = cls(
            query.fieldname,
            query.startdate,
            query.enddate,
            startexcl=query.startexcl,
            endexcl=query.endexcl,
            boost=query.boost,
            constantscore=query.constantscore,
        )
        return spans

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        if self.fieldname not in reader.schema or not isinstance(
            reader.schema[self.fieldname], DateColumn
        ):
            return super().matcher(searcher, context)  # an index with date terms
        docs = array("I")
        for leaf, offset in reader.leaf_readers():
            if leaf.has_column(self.fieldname):
                found = span(leaf, self.start, self.end, self.startexcl, self.endexcl)
                docs.extend(found if not offset else (n + offset for n in found))
        if not docs:
            return NullMatcher()
        return ListMatcher(docs, all_weights=self.boost)


class DateColumn(DATETIME):
    """A sortable DATETIME kept only in its column: no index terms (ranges: ``DaySpans``).

    The class is pickled into the index's schema: it keeps its module path and name."""

    def index(self, value: Any, **kwargs: Any):
        return iter(())


def with_day_spans(query):
    """The query with its ``date:`` ranges matched by ``DaySpans``."""
    if type(query) is DateRange and query.fieldname == FIELD:
        return DaySpans.of(query)
    if query.is_leaf():
        return query
    return query.apply(with_day_spans)
