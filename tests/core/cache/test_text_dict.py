"""The store's text packing: one primed compressor (and decompressor) copied per text, blobs
of any level read."""

import zlib

from tuireader.core.cache.text_dict import LEVEL, TextPacker, make_dict

_WORDS = [
    "harbour",
    "ferry",
    "lantern",
    "orchard",
    "council",
    "meadow",
    "quarry",
    "pigeon",
    "violin",
    "tender",
]


def _text(n: int) -> str:
    words = [_WORDS[(n * 7 + i * i) % len(_WORDS)] for i in range(120)]
    return f"The ferry council met on day {n}. " + " ".join(words) + "."


def test_each_text_packs_as_a_fresh_compressor_with_the_dictionary_would():
    zdict = make_dict(_text(n).encode() for n in range(50))
    packer = TextPacker(zdict)
    for n in (3, 4, 3):  # the primed compressor is copied, never used up
        text = _text(n)
        fresh = zlib.compressobj(LEVEL, zdict=zdict)
        assert packer.pack(text) == fresh.compress(text.encode()) + fresh.flush()
        assert packer.unpack(packer.pack(text)) == text


def test_texts_packed_at_another_level_read_back():
    zdict = make_dict(_text(n).encode() for n in range(50))
    text = _text(9)
    for level in (1, 6, 9):
        older = zlib.compressobj(level, zdict=zdict)
        assert TextPacker(zdict).unpack(older.compress(text.encode()) + older.flush()) == text
    assert TextPacker(None).unpack(zlib.compress(text.encode(), 1)) == text
    assert TextPacker(None).pack("short") == "short"


def test_texts_read_back_through_the_primed_decompressor_and_a_cut_one_is_none():
    zdict = make_dict(_text(n).encode() for n in range(50))
    packer = TextPacker(zdict)
    kept = [packer.pack(_text(n)) for n in (5, 6, 5)]
    assert [packer.unpack(blob) for blob in kept] == [_text(5), _text(6), _text(5)]
    assert packer.unpack(kept[0][:-6]) is None
