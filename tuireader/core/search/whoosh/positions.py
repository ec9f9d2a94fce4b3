"""A positions format of whoosh whose postings are varints, not a count and a pickle.

whoosh's ``Positions`` keeps each posting's positions as a 4-byte count and a pickled list of
gaps: for the usual word found once in an article, several times the byte or two its
position needs. ``VarintPositions`` keeps only the gaps between positions (the first: the
position), each a base-128 varint (low 7 bits first, the high bit set on all bytes but a
number's last); the count is the number of last bytes. It answers everything ``Positions``
does (frequency, weight, positions, position boosts, combining postings): phrases, ``near``,
scoring.

The class is pickled into the index's schema: it keeps its module path and name.
"""

from __future__ import annotations

from itertools import accumulate

from whoosh.formats import Positions

_HIGH = bytes(range(128, 256))  # varint bytes that a number's next byte follows


def encode_places(places: list[int]) -> bytes:
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
    return bytes(out)


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

    def encode(self, poslist) -> bytes:
        return encode_places(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_places(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return count_places(valuestring)

    def decode_weight(self, valuestring: bytes) -> float:
        return count_places(valuestring) * self.field_boost
