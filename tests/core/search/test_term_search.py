"""One-word searches scored outside whoosh's matchers give whoosh's hits: the same documents,
the same float scores, the same order, on an index of several segments with deleted
documents."""

import random

import pytest
from whoosh import index as whoosh_index
from whoosh.query import And, Or, Term

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import term_search
from tuireader.core.search.term_search import plain_terms, top_hits

WORDS = ["oil", "price", "market", "senate", "vote", "budget", "storm", "gold", "quokka"]


def _records(batch: int, edited: bool = False) -> list[dict]:
    rng = random.Random(batch)
    records = []
    for i in range(2500):
        words = rng.choices(WORDS, weights=[30, 20, 10, 8, 5, 3, 2, 1, 0.2], k=rng.randint(3, 30))
        if edited and i % 7 == 0:
            words.append("revised")
        records.append(
            {"id": f"{batch}-{i}", "title": " ".join(words[:3]), "text": " ".join(words)}
        )
    return records


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """Three segments, then articles of one changed: their old documents are deleted (marked
    so in their segment), the new ones in a segment of their own."""
    folder = tmp_path_factory.mktemp("corpus")
    corpus = Corpus([folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    for batch in range(3):
        write_jsonl(folder / f"batch{batch}.jsonl", _records(batch))
        sync(corpus, store, engine)
    write_jsonl(folder / "batch1.jsonl", _records(1, edited=True))
    sync(corpus, store, engine)
    engine.refresh()
    yield corpus, engine
    engine.close()
    store.close()


def _whoosh_top(corpus, query, limit):
    with whoosh_index.open_dir(str(corpus.index_dir)).searcher() as searcher:
        results = searcher.search(query, limit=limit)
        return list(results.top_n), len(searcher.search(query, limit=None))


@pytest.mark.parametrize("text", ["quokka", "gold", "storm", "revised", "oil", "title:vote"])
def test_scores_and_order_are_whoosh_s(indexed, text, monkeypatch):
    corpus, engine = indexed
    monkeypatch.setattr(term_search, "MAX_POSTINGS", 10**9)  # the common words too
    inner = engine.inner
    searcher = inner._get_searcher()
    readers = [leaf.reader() for leaf, _offset in searcher.leaf_searchers()]
    assert len(readers) >= 3 and any(reader.has_deletions() for reader in readers)
    query = inner.parse(text)
    for limit in (1, 7, 20, 5000):
        found = top_hits(searcher, query, limit)
        expected, total = _whoosh_top(corpus, query, limit)
        assert found is not None
        assert found.top == expected  # exact floats, ties by document number
        assert found.total == total


def test_the_engine_uses_it_and_counts_exactly(indexed):
    corpus, engine = indexed
    inner = engine.inner
    results = engine.search("quokka", limit=20, count=False)
    every, total = _whoosh_top(corpus, inner.parse("quokka"), None)
    column = inner._get_searcher().reader().column_reader("aid")
    # whoosh's scores; equal ones in article id order (the same in any build)
    expected = sorted((-score, int(column[docnum])) for score, docnum in every)[:20]
    assert [(h.article_id, h.score) for h in results.hits] == [
        (article_id, -negated) for negated, article_id in expected
    ]
    assert results.total == total > 0
    assert results.terms == {"quokka"}


def test_many_postings_are_left_to_whoosh(indexed):
    """whoosh skips the blocks that cannot reach its top hits; reading them all is slower."""
    corpus, engine = indexed
    inner = engine.inner
    searcher = inner._get_searcher()
    assert searcher.doc_frequency("body", b"oil") > term_search.MAX_POSTINGS
    assert top_hits(searcher, inner.parse("oil"), 20) is None
    expected, _total = _whoosh_top(corpus, inner.parse("oil"), 20)
    assert [hit.score for hit in engine.search("oil", limit=20).hits] == [s for s, _ in expected]


def test_only_plain_term_queries_qualify():
    title, body = Term("title", "oil"), Term("body", "oil")
    assert plain_terms(Or([title, body])) == [title, body]
    assert plain_terms(body) == [body]
    assert plain_terms(And([title, body])) is None
    assert plain_terms(Or([title, body, Term("source", "oil")])) is None  # sum order matters
    assert plain_terms(Term("body", "oil", boost=2.0)) is None
    assert plain_terms(Or([title, body], boost=2.0)) is None
    assert plain_terms(Or([body, body])) is None


def test_postings_read_from_the_map_are_whoosh_s_ids_and_weights(indexed):
    from tuireader.core.search.mapped_storage import ViewFile

    _corpus, engine = indexed
    searcher = engine.inner._get_searcher()
    compared = 0
    for leaf, _offset in searcher.leaf_searchers():
        reader = leaf.reader()
        assert type(reader._terms._postfile) is ViewFile  # the engine's own reading is used
        for fieldname in ("title", "body"):
            field = searcher.schema[fieldname]
            for word in [*WORDS, "revised"]:
                tbytes = field.to_bytes(word)
                if (fieldname, tbytes) not in reader:
                    continue
                matcher = reader._terms._inner.matcher(fieldname, tbytes, field.format)
                ids, weights = [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    matcher.next()
                assert term_search._postings(reader._terms, fieldname, tbytes) == (ids, weights)
                compared += len(ids)
    assert compared > 40_000  # many blocks of positions


def test_a_block_s_positions_are_left_out_unpickled():
    import pickle
    import zlib

    block = (tuple(range(1, 129)), 2.0, tuple(b"\x00\x01" + bytes([i]) for i in range(128)))
    data = zlib.compress(pickle.dumps(block, 2))
    assert term_search._ids_and_weights(zlib.decompress(data)) == block[:2]
    assert term_search._VALUES_START in zlib.decompress(data)  # the values were cut off
