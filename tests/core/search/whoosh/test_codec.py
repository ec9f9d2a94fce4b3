"""CompactCodec writes smaller postings that whoosh reads back the same."""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import create_in
from whoosh.qparser import QueryParser

from tuireader.core.search.whoosh.codec import CompactCodec
from tuireader.core.search.whoosh.positions import VarintPositions

WORDS = ["Quillon", "Jonsby", "harbor", "trust", "bridge", "closed", "said", "the", "of", "toll"]
QUERIES = ['"harbor trust"', "quillon", "jonsby OR toll", '"said the"~2', "bri*", "title:jonsby"]


def _texts(count: int) -> list[str]:
    return [
        " ".join(WORDS[(i * 7 + j * j) % len(WORDS)] for j in range(40 + i % 13))
        for i in range(count)
    ]


def _index(path, codec):
    body, title = TEXT(), TEXT(field_boost=2.0)
    body.format = VarintPositions()
    title.format = VarintPositions(field_boost=2.0)
    path.mkdir()
    ix = create_in(str(path), Schema(key=ID(stored=True), title=title, body=body))
    writer = ix.writer(codec=codec)
    for n, text in enumerate(_texts(400)):
        writer.add_document(key=f"k{n}", title=text[:30], body=text)
    writer.commit()
    return ix


def _answers(ix):
    with ix.searcher() as searcher:
        parse = QueryParser("body", ix.schema).parse
        return [
            [(hit["key"], round(hit.score, 6)) for hit in searcher.search(parse(q), limit=None)]
            for q in QUERIES
        ]


def _postings_bytes(path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.suffix in (".seg", ".pst"))


def test_same_hits_and_scores_in_fewer_bytes(tmp_path):
    plain = _index(tmp_path / "plain", W3Codec())
    compact = _index(tmp_path / "compact", CompactCodec())
    answers = _answers(compact)
    assert answers == _answers(plain)
    assert all(answers)
    assert _postings_bytes(tmp_path / "compact") < _postings_bytes(tmp_path / "plain")


def test_merged_segments_read_the_same(tmp_path):
    ix = _index(tmp_path / "ix", CompactCodec())
    before = _answers(ix)
    writer = ix.writer(codec=CompactCodec())
    writer.add_document(key="extra", title="Jonsby", body="Harbor Trust toll")
    writer.commit(optimize=True)
    after = _answers(ix)
    assert "extra" in {key for key, _ in after[0]}
    assert {key for key, _ in after[0]} - {"extra"} == {key for key, _ in before[0]}
    assert {key for key, _ in after[1]} == {key for key, _ in before[1]}
