"""A query leaf that matches given article ids, with given scores.

Entity and quotation fields live in an index of their own (filled after the text index, see
``engine``). A query such as ``person:putin hacking`` is answered by running the
``person:`` part on that index and putting its matches into the text index's query as this
leaf, so that AND, OR and NOT combine both as usual. Documents are found by the ``aid``
column that both indexes carry.
"""

from __future__ import annotations

from collections.abc import Collection

from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import NullQuery, Query

from tuireader.core.search.whoosh.schema import ANNOTATION_NAMES, article_ids
from tuireader.core.search.whoosh.searching import collect, expand

# Segment id -> {article id: docnum}; a segment never changes once written (deletions are
# checked at match time), so its map stays valid while the segment exists.
_DOCNUMS: dict[str, dict[int, int]] = {}
_DOCNUMS_MAX = 64


def docnums_by_article(reader) -> dict[int, int]:
    """Article id -> document number in one segment reader (or any reader with an ``aid``
    column)."""
    segment = getattr(reader, "segment", None)
    key = None
    if callable(segment):
        try:
            key = f"{segment().segment_id()}:{reader.doc_count_all()}"
        except Exception:  # not a plain segment reader: build the map uncached
            key = None
    if key is not None and key in _DOCNUMS:
        return _DOCNUMS[key]
    if not reader.has_column("aid"):
        return {}
    column = reader.column_reader("aid")
    found = {int(aid): docnum for docnum, aid in enumerate(column)}
    if key is not None:
        if len(_DOCNUMS) >= _DOCNUMS_MAX:
            _DOCNUMS.clear()
        _DOCNUMS[key] = found
    return found


class ArticleSet(Query):
    """Matches the documents of the given article ids, each scored as given."""

    def __init__(self, scores: dict[int, float], label: str = "") -> None:
        self.scores = scores
        self.label = label
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"ArticleSet({self.label!r}, {len(self.scores)} articles)"

    def __str__(self) -> str:
        return self.label

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ArticleSet)
            and other.label == self.label
            and other.scores == self.scores
        )

    def __hash__(self) -> int:
        return hash((self.label, len(self.scores)))

    def is_leaf(self) -> bool:
        return True

    def field(self):
        return None

    def estimate_size(self, ixreader) -> int:
        return len(self.scores)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        docnums = docnums_by_article(reader)
        deleted = reader.has_deletions()
        pairs = []
        if len(docnums) < len(self.scores):  # a big set (a filter): walk the segment instead
            scores = self.scores
            for aid, docnum in docnums.items():
                if aid in scores and not (deleted and reader.is_deleted(docnum)):
                    pairs.append((docnum, scores[aid]))
        else:
            for aid, score in self.scores.items():
                docnum = docnums.get(aid)
                if docnum is not None and not (deleted and reader.is_deleted(docnum)):
                    pairs.append((docnum, score))
        if not pairs:
            return NullMatcher()
        pairs.sort()
        return ListMatcher([d for d, _ in pairs], weights=[s * self.boost for _, s in pairs])


def resolve_annotations(query, searcher, budget, ids=None):
    """The query with each part on annotation fields replaced by the articles it matches in
    the annotation index (``searcher``, scored there), ready to run on the text index
    (``ids``: its article ids by document number, else read through its column)."""
    fields = {leaf.field() for leaf in query.leaves()}
    if fields and fields <= ANNOTATION_NAMES:
        expanded = expand(query, searcher.reader(), budget)
        if expanded is NullQuery:
            return ArticleSet({}, str(query))
        column = ids if ids is not None else article_ids(searcher.reader())
        scores = {
            int(column[docnum]): score for score, docnum in collect(searcher, expanded, budget)
        }
        return ArticleSet(scores, str(query))
    if query.is_leaf():
        return query
    return query.apply(lambda child: resolve_annotations(child, searcher, budget, ids))


def only(within: Collection[int] | None) -> ArticleSet | None:
    """A whoosh filter keeping the given article ids (None: no filter)."""
    return None if within is None else ArticleSet(dict.fromkeys(within, 0.0), "filter")
