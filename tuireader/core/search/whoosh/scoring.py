"""whoosh's BM25F, with each segment's field lengths read once.

BM25F asks for the length of the field in every document it scores; whoosh reads each one from
the segment's file (a seek and a read: about 6 us, a third of scoring a common word's 15,000
matches on Reuters). A segment never changes once written, so its lengths are read once, through
the reader's public ``doc_field_length``, kept in an array, and handed to whoosh's own scorer as
its ``dfl`` (the documented hook of ``WeightLengthScorer``): the scores are the same.
"""

from __future__ import annotations

import threading
from array import array

from whoosh.scoring import BM25F, WeightLengthScorer

# Segments whose lengths are kept (per field), the oldest forgotten first.
MAX_KEPT = 256
_kept: dict[tuple[str, str], array] = {}
_filling = threading.Lock()


def _segment_id(reader) -> str | None:
    segment = getattr(reader, "segment", None)
    if not callable(segment):
        return None  # not one segment's reader
    try:
        return f"{segment().segment_id()}:{reader.doc_count_all()}"
    except Exception:  # noqa: BLE001 - then whoosh's own reads
        return None


def field_lengths(reader, fieldname: str) -> array | None:
    """Every document's length of ``fieldname`` in one segment's reader (None: not a segment)."""
    segment = _segment_id(reader)
    if segment is None:
        return None
    key = (segment, fieldname)
    lengths = _kept.get(key)
    if lengths is None:
        with _filling:
            lengths = _kept.get(key)
            if lengths is None:
                length = reader.doc_field_length
                # A document without the field has None (0 here): never asked for, only
                # matching documents are scored.
                lengths = array(
                    "I", (length(n, fieldname, 1) or 0 for n in range(reader.doc_count_all()))
                )
                while len(_kept) >= MAX_KEPT:
                    del _kept[next(iter(_kept))]
                _kept[key] = lengths
    return lengths


class SegmentLengthsBM25F(BM25F):
    """BM25F whose scorers read field lengths from ``field_lengths``."""

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, WeightLengthScorer):
            lengths = field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


def read_lengths(reader, fieldnames) -> None:
    """Read the lengths of these fields in every segment of ``reader`` now (a warm-up)."""
    for leaf, _offset in reader.leaf_readers():
        for fieldname in fieldnames:
            if fieldname in leaf.schema and leaf.schema[fieldname].scorable:
                field_lengths(leaf, fieldname)
