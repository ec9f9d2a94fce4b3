"""whoosh's W3 codec, whose posting blocks are pickled with protocol 4 instead of 2.

A W3 posting block is a pickle of (document number gaps, weights, posting values), deflated
from 80 bytes up. Under protocol 2 every posting value (a ``bytes``) is pickled as a call to
``_codecs.encode`` on its text as latin-1, bytes from 128 up taking two: many times the bytes
of a short value, which the deflating does not win back on the many short blocks of rare
words. Protocol 4 writes bytes as they are. Weights that are whole numbers (counts, times
a whole boost) are written as ints, shorter than pickled floats.

Reading is whoosh's own (``W3LeafMatcher`` unpickles any protocol): indexes written by the
plain W3 codec read the same, and this one writes the same block headers and layout.

The codec is pickled into each segment: it keeps its module path and name.
"""

from __future__ import annotations

import io
import pickle
import zlib

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3PostingsWriter,
)
from whoosh.util.numeric import length_to_byte

_DATA_PROTOCOL = 4  # bytes as bytes; 5 adds nothing for these
_INFO_PROTOCOL = 2  # the small block header: protocol 4's frame would make it longer


def _whole(number: float) -> float | int:
    """A whole number as an int: pickled shorter than a float."""
    return int(number) if isinstance(number, float) and number.is_integer() else number


def dumps(value: object, protocol: int) -> bytes:
    """``pickle.dumps`` without the memo (nothing in a block is shared or recursive)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


class CompactCodec(W3Codec):
    """``W3Codec`` writing ``CompactPostingsWriter`` blocks."""

    def postings_writer(self, dbfile, byteids=False):
        return CompactPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class CompactPostingsWriter(W3PostingsWriter):
    """``W3PostingsWriter._write_block`` with the block's data pickled by protocol 4."""

    def _mini_weights(self):
        weights = super()._mini_weights()
        if isinstance(weights, tuple) and all(w.is_integer() for w in weights):
            return tuple(map(int, weights))
        return weights

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = dumps(data, _DATA_PROTOCOL)
        comp = self._compression if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                _whole(self._maxweight),
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            _INFO_PROTOCOL,
        )
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()
