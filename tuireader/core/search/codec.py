"""whoosh's segment format, written faster.

When a segment is written, whoosh looks up the field length of every posting's document
through the column reader (a seek and read per posting: a quarter of the commit time); this
codec reads each field's lengths once. And whoosh zlib-compresses every block of postings,
even the one-posting blocks of rare words (most terms), which its code means to skip but does
not (a bug); here blocks of fewer than ``COMPRESS_FROM`` postings are stored as they are. Each
block records whether it is compressed, so what is written is whoosh's W3 format, read by
whoosh's own reader.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PostingsWriter, _lenfield
from whoosh.columns import NumericColumn
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [byte_to_length(b) if b else 0 for b in range(256)]
# Blocks with fewer postings are not worth compressing (a few bytes saved, a zlib call each).
COMPRESS_FROM = 4


class _Lengths:
    """A per-document reader whose field lengths come from lists read once per field."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._lengths: dict[str, list[int] | None] = {}

    def _load(self, fieldname: str) -> list[int] | None:
        lenfield = _lenfield(fieldname)
        if not self._reader.has_column(lenfield):
            return None
        column = self._reader.column_reader(lenfield, LENGTHS_COLUMN)
        if type(column) is NumericColumn.Reader and column._fixedlen == 1:
            # one byte a document, stored whole: read at once (a get per document is 50x slower)
            raw = column._dbfile.get(column._basepos, column._count)
            missing = [0] * (column._doccount - column._count)
            return [_LENGTH_OF_BYTE[b] for b in raw] + missing
        return [_LENGTH_OF_BYTE[b] if b else 0 for b in column]

    def lengths(self, fieldname: str) -> list[int] | None:
        """Every document's length in the field (0: none), or None without a lengths column."""
        try:
            return self._lengths[fieldname]
        except KeyError:
            lengths = self._lengths[fieldname] = self._load(fieldname)
            return lengths

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self.lengths(fieldname)
        if lengths is None or docnum >= len(lengths):
            return default
        return lengths[docnum] or default

    def __getattr__(self, name: str):
        return getattr(self._reader, name)


class _PostingsWriter(W3PostingsWriter):
    """Compresses only blocks of at least COMPRESS_FROM postings."""

    def _write_block(self, last=False):
        if len(self._ids) >= COMPRESS_FROM:
            return super()._write_block(last)
        level, self._compression = self._compression, 0
        try:
            return super()._write_block(last)
        finally:
            self._compression = level


class FastW3Codec(W3Codec):
    """W3Codec that writes the same format faster (see the module docstring)."""

    def per_document_reader(self, storage, segment):
        return _Lengths(super().per_document_reader(storage, segment))

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
