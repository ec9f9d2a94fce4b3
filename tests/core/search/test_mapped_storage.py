"""Index files read through maps give what whoosh's plain file reads give."""

import io
import random

from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from tuireader.core.search.mapped_storage import MappedFileStorage, _ViewReader


def test_the_view_reader_reads_like_a_file():
    rng = random.Random(3)
    data = bytes(rng.choice(b"ab\ncd") for _ in range(2000))
    ours, theirs = _ViewReader(memoryview(data)), io.BytesIO(data)
    for _ in range(300):
        step = rng.choice(["read", "readline", "seek", "seek_end", "seek_cur"])
        n = rng.randint(-1, 50)
        if step == "read":
            assert ours.read(n) == theirs.read(n)
        elif step == "readline":
            assert ours.readline(n) == theirs.readline(n)
        elif step == "seek":
            assert ours.seek(abs(n) * 30) == theirs.seek(abs(n) * 30)
        elif step == "seek_end":
            assert ours.seek(-abs(n), 2) == theirs.seek(-abs(n), 2)
        else:
            assert ours.seek(abs(n), 1) == theirs.seek(abs(n), 1)
        assert ours.tell() == theirs.tell()


def test_an_index_searched_through_maps_finds_the_same(tmp_path):
    schema = Schema(key=ID(stored=True), body=TEXT(stored=True), n=NUMERIC(stored=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    rng = random.Random(5)
    words = ["oil", "gold", "price", "market", "storm", "senate", "vote", "budget"]
    for batch in range(3):  # several segments
        writer = ix.writer()
        for i in range(200):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
            writer.add_document(key=f"{batch}-{i}", body=text, n=i)
        writer.commit(merge=False)
    (tmp_path / "empty").write_bytes(b"")

    mapped = MappedFileStorage(str(tmp_path))
    assert mapped.open_file("empty").read() == b""
    plain_ix = FileStorage(str(tmp_path), supports_mmap=False).open_index()
    mapped_ix = mapped.open_index()
    parser = QueryParser("body", schema)
    with plain_ix.searcher() as plain, mapped_ix.searcher() as ours:
        for text in ("oil", "gold price", '"storm senate"', "vote OR budget", "n:[10 to 50]"):
            query = parser.parse(text)
            a, b = plain.search(query, limit=None), ours.search(query, limit=None)
            assert [(h.docnum, h.score, h.fields()) for h in a] == [
                (h.docnum, h.score, h.fields()) for h in b
            ]
            assert len(a) > 0
