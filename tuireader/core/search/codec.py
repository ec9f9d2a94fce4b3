"""whoosh's segment format, written faster.

When a segment is written, whoosh looks up the field length of every posting's document
through the column reader (a seek and read per posting: a quarter of the commit time). This
codec reads each field's lengths once. What is written is exactly whoosh's W3 format.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, _lenfield
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


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
        return [_LENGTH_OF_BYTE[b] if b else 0 for b in column]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        try:
            lengths = self._lengths[fieldname]
        except KeyError:
            lengths = self._lengths[fieldname] = self._load(fieldname)
        if lengths is None or docnum >= len(lengths):
            return default
        return lengths[docnum] or default

    def __getattr__(self, name: str):
        return getattr(self._reader, name)


class FastW3Codec(W3Codec):
    """W3Codec whose writer reads field lengths once per field (see the module docstring)."""

    def per_document_reader(self, storage, segment):
        return _Lengths(super().per_document_reader(storage, segment))
