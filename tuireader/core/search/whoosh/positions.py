"""A positions format of whoosh whose postings are varints, not a count and a pickle.

whoosh's ``Positions`` keeps each posting's positions as a 4-byte count and a pickled list of
gaps: for the usual word found once in an article, several times the byte or two its
position needs. ``VarintPositions`` keeps only the gaps between positions (the first: the
position), each a base-128 varint (low 7 bits first, the high bit set on all bytes but a
number's last); the count is the number of last bytes. It answers everything ``Positions``
does (frequency, weight, positions, position boosts, combining postings): phrases, ``near``,
scoring.

Each value is a ``PackedValue``: whoosh's W3 codec pickles a block's values with pickle
protocol 2, where a plain ``bytes`` becomes a call of ``_codecs.encode`` on a latin-1 string
(about 20 bytes before the value's own). A ``PackedValue`` pickles as a call of
``UNPACKER`` on one small int (``__reduce_ex__``, pickle's documented hook), and ``UNPACKER``
as ``unpacker()``, registered in ``copyreg``'s extension registry (``copyreg.add_extension``):
a block names it with a 2-byte code instead of a module path, then by pickle's memo: about
10 bytes a value. Loading a block calls ``UNPACKER`` for each value, which gives a
``PackedValue`` again, so merged segments stay packed. (benchmarks/README.md, whoosh44.)

The classes and ``unpacker`` are pickled into the index (the schema, the postings): they
keep their module path and names, and ``EXTENSION_CODE`` its number.
"""

from __future__ import annotations

import copyreg
from itertools import accumulate

from whoosh.formats import Positions

_HIGH = bytes(range(128, 256))  # varint bytes that a number's next byte follows
# copyreg's codes 240-255 are for private use; a posting block names ``unpacker`` by it.
EXTENSION_CODE = 241


# What values pickle to and what numbers load as, kept for the values met again (most words
# are found once in an article: a few thousand values make most postings). Cleared when full.
_REDUCED: dict[bytes, tuple] = {}
_LOADED: dict[int, PackedValue] = {}
_CACHED_MOST = 65_536


class PackedValue(bytes):
    """A posting value that pickles as ``UNPACKER`` called with one int (see the module's doc)."""

    __slots__ = ()

    def __reduce_ex__(self, protocol):
        found = _REDUCED.get(self)
        if found is None:
            if len(_REDUCED) >= _CACHED_MOST:
                _REDUCED.clear()
            if len(self) == 1 or self[-1]:  # the int keeps every byte but trailing zeros
                found = (UNPACKER, (int.from_bytes(self, "little"),))
            else:
                found = (PackedValue, (bytes(self),))
            _REDUCED[self] = found
        return found


class Unpacker:
    """Makes a ``PackedValue`` of the int it pickled as. One object, ``UNPACKER``: a posting
    block pickles it once (by its extension code: pickle looks a code up again at each use,
    an object it remembers) and names it by pickle's memo for each of its values."""

    __slots__ = ()

    def __call__(self, number: int) -> PackedValue:
        found = _LOADED.get(number)
        if found is None:
            if len(_LOADED) >= _CACHED_MOST:
                _LOADED.clear()
            size = max(1, (number.bit_length() + 7) // 8)
            found = _LOADED[number] = PackedValue(number.to_bytes(size, "little"))
        return found

    def __reduce__(self):
        return unpacker, ()


UNPACKER = Unpacker()


def unpacker() -> Unpacker:
    """``UNPACKER``, as a pickle loads it."""
    return UNPACKER


copyreg.add_extension(__name__, "unpacker", EXTENSION_CODE)


def encode_places(places: list[int]) -> PackedValue:
    """The gaps between ``places`` (ascending; the first gap from 0) as varints."""
    out = bytearray()
    last = 0
    for place in places:
        gap = place - last
        last = place
        while gap > 0x7F:
            out.append((gap & 0x7F) | 0x80)
            gap >>= 7
        out.append(gap)
    return PackedValue(out)


def decode_places(value: bytes) -> list[int]:
    """``encode_places`` undone."""
    if value.isascii():  # every gap under 128: one byte each
        return list(accumulate(value))
    places = []
    place = gap = shift = 0
    for byte in value:
        if byte & 0x80:
            gap |= (byte & 0x7F) << shift
            shift += 7
        else:
            place += gap | (byte << shift)
            places.append(place)
            gap = shift = 0
    return places


def count_places(value: bytes) -> int:
    """How many positions ``value`` holds: its bytes that end a varint."""
    return len(value.translate(None, _HIGH))


class VarintPositions(Positions):
    """``Positions`` with the postings of ``encode_places``."""

    def encode(self, poslist) -> PackedValue:
        return encode_places(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_places(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return count_places(valuestring)

    def decode_weight(self, valuestring: bytes) -> float:
        return count_places(valuestring) * self.field_boost
