"""The best hits of a one-word query, scored without whoosh's matcher and collector objects.

Most searches typed into the bar are one word, which the parser makes a word in the title or
the body (``Or([Term(title), Term(body)])``), or a field word such as ``title:bonus``. For
these whoosh builds, in every segment, a scorer, a matcher per field, a union matcher and a
collector, and then calls four methods per matching document: about 0.3 ms for a word in
four articles, several times the cost of reading its postings. Here the postings are read
block by block and scored in one loop, with whoosh's BM25F formula and whoosh's own
statistics (idf, average field length, the per-document lengths), so the scores are the same
floats and the order is whoosh's (score, then document number). Anything else (other query
types, boosts, another weighting, an unknown posting format) returns None and whoosh runs it.
"""

from __future__ import annotations

import heapq
import pickle
import struct
import zlib
from array import array
from dataclasses import dataclass
from itertools import accumulate
from math import log

from whoosh.query import Or, Term
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.scoring import BM25F, WeightingModel

from tuireader.core.search.mapped_storage import ViewFile, pickle_at

# Beyond this many postings whoosh is as fast: it skips the blocks that cannot reach its top
# hits (on their best weight and shortest length) without decoding them; this reads them all.
MAX_POSTINGS = 4000
# Two fields at most: a document's score is the sum of its fields' scores, and float sums of
# more terms depend on the order whoosh's matcher tree adds them in.
MAX_TERMS = 2


@dataclass(frozen=True)
class TermHits:
    """The best ``(score, docnum)`` pairs, best first, and how many documents match."""

    top: list[tuple[float, int]]
    total: int


def plain_terms(query) -> list[Term] | None:
    """The terms of a query that is one term or an OR of up to two, with no boosts."""
    if type(query) is Term:
        terms = [query]
    elif (
        type(query) is Or
        and query.boost == 1.0
        and not query.minmatch
        and not query.scale
        and 0 < len(query.subqueries) <= MAX_TERMS
        and all(type(sub) is Term for sub in query.subqueries)
    ):
        terms = list(query.subqueries)
    else:
        return None
    if any(term.boost != 1.0 or term.minquality for term in terms):
        return None
    if len({(term.fieldname, term.text) for term in terms}) != len(terms):
        return None  # the same term twice: whoosh adds its score twice
    return terms


def _postings(terms_reader, fieldname: str, tbytes: bytes):
    """Document numbers and weights of a term's postings in one segment, read as whoosh's
    postings reader and its block matcher would (None: postings inlined in the term info,
    which whoosh's codec never writes as configured, or not in a mapped file)."""
    terminfo = terms_reader.term_info(fieldname, tbytes)
    postfile = terms_reader._postfile
    if terminfo.is_inlined() or type(postfile) is not ViewFile:
        return None
    offset, _length = terminfo.extent()
    return _block_postings(postfile._buf, offset)


# A term's postings (whoosh 3): a tag, then blocks, each its length (negative for the last),
# the pickle of its info, and its data.
_POSTINGS_TAG = b"W3Bl"
_BLOCK_LENGTH = struct.Struct("!i")


def _block_postings(view: memoryview, offset: int) -> tuple[list[int], list[float]] | None:
    """Ids and weights of the blocks at ``offset``, as W3LeafMatcher's ``_goto``,
    ``_read_ids`` and ``_read_weights`` make them, without a matcher object for each term and
    segment (their setup was most of a rare word's reading)."""
    if view[offset : offset + 4] != _POSTINGS_TAG:
        return None
    position = offset + 4
    ids: list[int] = []
    weights: list[float] = []
    while True:
        (length,) = _BLOCK_LENGTH.unpack_from(view, position)
        next_block = position + _BLOCK_LENGTH.size + abs(length)
        info, data_start = pickle_at(view, position + _BLOCK_LENGTH.size)
        count, _maxid, _maxweight, compression, _minlength, _maxlength = info
        data = bytes(view[data_start:next_block])
        if compression:
            data = zlib.decompress(data)
        block_ids, block_weights = _ids_and_weights(data)
        ids.extend(accumulate(block_ids))  # whoosh's delta_decode
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):  # one for all: as whoosh keeps it, float32
            weights.extend(array("f", [block_weights]) * count)
        else:
            weights.extend(block_weights)
        if length < 0:
            return ids, weights
        position = next_block


# A block's data is the pickle (protocol 2) of (ids, weights, values); each value (a posting's
# positions, as bytes) is pickled as a call to _codecs.encode, which the first value's MARK
# and GLOBAL start. Unpickling the values was most of the cost of a block (128 postings:
# 50 us, 4 without them), and scoring needs only the ids and the weights.
_VALUES_START = b"(c_codecs\nencode\n"
_NO_VALUES = b"N\x87."  # NONE (for the values), TUPLE3, STOP


def _ids_and_weights(data: bytes) -> tuple:
    """A block's (ids, weights) as whoosh's ``_read_data`` unpickles them, the values left
    out when the pickle is of the usual shape."""
    cut = data.find(_VALUES_START)
    if cut > 0:
        try:
            block = pickle.loads(data[:cut] + _NO_VALUES)
        except Exception:  # noqa: BLE001 (not the usual shape: unpickled whole below)
            block = None
        if type(block) is tuple and len(block) == 3:
            return block[:2]
    return pickle.loads(data)[:2]


def _lengths(reader, fieldname: str) -> list[int] | None:
    """Each document's length in the field, read once per segment by FastW3Codec's reader
    (None: another reader; whoosh then scores)."""
    lengths_of = getattr(reader._perdoc, "lengths", None)
    lengths = lengths_of(fieldname) if lengths_of is not None else None
    if lengths is None or len(lengths) < reader.doc_count_all():
        return None
    return lengths


def _idf(searcher, fieldname: str, tbytes: bytes, doc_frequency: int) -> float:
    """``searcher.idf``, computed from the document frequency found here instead of asking
    each segment again (whoosh's WeightingModel.idf, kept in the searcher's idf cache)."""
    cache = searcher._idf_cache
    idf = cache.get((fieldname, tbytes))
    if idf is None:
        if (
            type(searcher.weighting).idf is not WeightingModel.idf
            or searcher.get_parent() is not searcher
        ):
            return searcher.idf(fieldname, tbytes)
        idf = cache[fieldname, tbytes] = log(searcher.doc_count_all() / (doc_frequency + 1)) + 1
    return idf


def top_hits(searcher, query, limit: int) -> TermHits | None:
    """The best ``limit`` hits of ``query`` as whoosh's ``searcher.search`` ranks them, or None
    when the query is not a plain term query or has too many postings (whoosh's own search
    is then needed)."""
    terms = plain_terms(query)
    weighting = searcher.weighting
    if terms is None or type(weighting) is not BM25F or limit < 1:
        return None
    schema = searcher.schema
    scorers = []
    for term in terms:
        if term.fieldname not in schema or not schema[term.fieldname].scorable:
            return None
        field = schema[term.fieldname]
        try:
            tbytes = field.to_bytes(term.text)
        except ValueError:
            return None
        scorers.append((term.fieldname, tbytes))

    # Where each term is (its term info per segment), and whether it is rare enough.
    located = []
    total_postings = 0
    doc_frequency: dict[tuple[str, bytes], int] = {}  # the index's, summed over its segments
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if type(reader) is not SegmentReader:
            return None  # an empty index's reader, say
        info_of = getattr(reader._terms, "info_or_none", None)  # the remembering reader's
        for scorer in scorers:
            if info_of is not None:
                terminfo = info_of(*scorer)  # no exception for each segment without the word
                if terminfo is None:
                    continue
            else:
                try:
                    terminfo = reader._terms.term_info(*scorer)
                except TermNotFound:
                    continue
            frequency = terminfo.doc_frequency()
            total_postings += frequency
            doc_frequency[scorer] = doc_frequency.get(scorer, 0) + frequency
            located.append((reader, offset, scorer))
    if total_postings > MAX_POSTINGS:
        return None

    # The whole index's statistics, as whoosh's BM25F scorer takes them (only for the terms
    # found: a term in no segment has no idf, and an empty index none at all).
    stats = {}
    for fieldname, tbytes in {scorer for _reader, _offset, scorer in located}:
        stats[fieldname, tbytes] = (
            _idf(searcher, fieldname, tbytes, doc_frequency[fieldname, tbytes]),
            searcher.avg_field_length(fieldname) or 1,
            weighting._field_B.get(fieldname, weighting.B),
            weighting.K1,
        )

    # Per segment (in order) the scores of its postings, field after field.
    segments: dict[int, list[tuple[list[int], list[float]]]] = {}
    for reader, offset, scorer in located:
        fieldname, tbytes = scorer
        idf, avgfl, B, K1 = stats[fieldname, tbytes]
        postings = _postings(reader._terms, fieldname, tbytes)
        lengths = _lengths(reader, fieldname)
        if postings is None or lengths is None:
            return None
        ids, weights = postings
        deleted = reader.deleted_docs_set
        if deleted:
            kept = [i for i, docnum in enumerate(ids) if docnum not in deleted]
            ids, weights = [ids[i] for i in kept], [weights[i] for i in kept]
        # whoosh.scoring.bm25, the same operations in the same order (so the same floats)
        k1_plus_1, one_minus_b = K1 + 1, 1 - B
        found = [
            idf * ((tf * k1_plus_1) / (tf + K1 * (one_minus_b + B * (lengths[d] or 1) / avgfl)))
            for d, tf in zip(ids, weights, strict=True)
        ]
        segments.setdefault(offset, []).append((ids, found))

    # A document is in one segment: only a segment's fields can add up (the first field's
    # score plus the second's, as whoosh's union matcher adds them).
    scores: list[float] = []
    negated: list[int] = []  # -(document number): nlargest then prefers the lower one on a tie
    for offset, parts in segments.items():
        ids, found = parts[0]
        if len(parts) > 1:
            merged = dict(zip(ids, found, strict=True))
            get = merged.get
            for more_ids, more_found in parts[1:]:
                for docnum, score in zip(more_ids, more_found, strict=True):
                    previous = get(docnum)
                    merged[docnum] = score if previous is None else previous + score
            ids, found = list(merged), list(merged.values())
        scores.extend(found)
        negated.extend([-offset - docnum for docnum in ids])
    best = heapq.nlargest(limit, zip(scores, negated, strict=True))
    return TermHits([(score, -minus_docnum) for score, minus_docnum in best], len(scores))
