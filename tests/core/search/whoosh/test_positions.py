"""VarintPositions keeps what whoosh's Positions keeps, in fewer bytes."""

from __future__ import annotations

import random

import pytest
from whoosh.formats import Positions

from tuireader.core.search.whoosh.positions import (
    VarintPositions,
    count_places,
    decode_places,
    encode_places,
)


def _lists(count: int) -> list[list[int]]:
    rng = random.Random(11)
    lists = [[0], [1], [127], [128], [16_383], [16_384], [0, 1, 2], [5, 200, 70_000, 2**31]]
    for _ in range(count):
        top = rng.choice([50, 300, 5_000, 1_000_000])
        lists.append(sorted(rng.sample(range(top), rng.randint(1, min(top, 40)))))
    return lists


@pytest.mark.parametrize("places", _lists(300))
def test_positions_read_back_as_whoosh_reads_them(places):
    ours, theirs = VarintPositions(field_boost=2.0), Positions(field_boost=2.0)
    value, plain = ours.encode(places), theirs.encode(places)
    assert ours.decode_positions(value) == theirs.decode_positions(plain) == places
    assert ours.decode_frequency(value) == theirs.decode_frequency(plain) == len(places)
    assert ours.decode_weight(value) == theirs.decode_weight(plain)
    assert ours.decode_position_boosts(value) == theirs.decode_position_boosts(plain)


def test_a_word_found_once_takes_a_byte_or_two():
    assert encode_places([9]) == b"\x09"
    assert len(encode_places([300])) == 2
    assert len(Positions().encode([9])) > 10


def test_gaps_are_varints():
    value = encode_places([3, 131, 132])
    assert value == bytes([3, 0x80, 0x01, 1])
    assert decode_places(value) == [3, 131, 132]
    assert count_places(value) == 3


def test_postings_combine_as_whoosh_combines_them():
    ours = VarintPositions()
    combined = ours.combine([encode_places([4, 900]), encode_places([2, 900, 7000])])
    assert decode_places(combined) == [2, 4, 900, 7000]


def test_phrases_and_near_queries_find_the_same_documents(tmp_path):
    from whoosh.fields import TEXT, Schema
    from whoosh.index import create_in
    from whoosh.qparser import QueryParser

    texts = [
        "Harbor Trust said the Quillon bridge was closed",
        "the bridge of Quillon was said closed by Jonsby",
        " ".join(["filler"] * 200) + " Quillon bridge " + " ".join(["word"] * 300) + " Quillon",
    ]
    found = {}
    for name, fmt in (("plain", Positions()), ("varint", VarintPositions())):
        field = TEXT()
        field.format = fmt
        (tmp_path / name).mkdir()
        ix = create_in(str(tmp_path / name), Schema(body=field))
        with ix.writer() as writer:
            for text in texts:
                writer.add_document(body=text)
        with ix.searcher() as searcher:
            parse = QueryParser("body", ix.schema).parse
            found[name] = [
                sorted((hit.docnum, round(hit.score, 6)) for hit in searcher.search(parse(q)))
                for q in ('"quillon bridge"', '"bridge closed"~3', "quillon", '"word quillon"')
            ]
    assert found["varint"] == found["plain"]
    assert [docnum for docnum, _ in found["varint"][0]] == [0, 2]


@pytest.mark.parametrize("places", _lists(100))
def test_a_packed_value_pickles_back_to_its_bytes(places):
    import pickle

    from tuireader.core.search.whoosh.positions import PackedValue

    value = encode_places(places)
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        loaded = pickle.loads(pickle.dumps(value, protocol))
        assert loaded == value
        assert type(loaded) is PackedValue  # a merge pickles it packed again


def test_values_ending_in_a_zero_byte_keep_it():
    import pickle

    from tuireader.core.search.whoosh.positions import PackedValue

    for raw in (b"\x00", b"\x05\x00", b"\x00\x00", b"\x81\x00"):
        assert pickle.loads(pickle.dumps(PackedValue(raw), 2)) == raw


def test_a_block_of_values_pickles_in_a_few_bytes_each():
    """whoosh3's W3 codec pickles a posting block's values with protocol 2, where each plain
    bytes value costs about 20 bytes (``_codecs.encode`` of a latin-1 string)."""
    import pickle

    values = tuple(encode_places([place]) for place in range(0, 1280, 10))
    plain = tuple(bytes(value) for value in values)
    assert len(pickle.dumps(values, 2)) < 0.6 * len(pickle.dumps(plain, 2))
    assert len(pickle.dumps(values, 2)) < 12 * len(values)


def test_a_block_names_its_unpacker_once():
    """An extension code is looked up again at every use (an import each time): the values
    name one memoized object instead, which the block pickles once by its code."""
    import pickle

    from tuireader.core.search.whoosh.positions import EXTENSION_CODE

    values = tuple(encode_places([place, place + 3]) for place in range(50))
    assert pickle.dumps(values, 2).count(bytes([pickle.EXT1[0], EXTENSION_CODE])) == 1
