"""The engine's shortcuts (its own parser for simple queries, remembered term lookups, skipped
segments, mapped reads) rank exactly as whoosh alone does on the same index."""

import random

import pytest
from whoosh import index as whoosh_index

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.searcher_cache import may_match, segments_for

COMMON = ["oil", "price", "market", "senate", "vote", "budget", "storm", "gold"]
RARE = {1: ["quokka", "xylophone"], 3: ["zanzibar"]}  # batch: its rare words


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """An index of several segments: rare words only in some of them."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(11)
    corpus = Corpus([folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    for batch in range(4):  # a sync per file: a segment each (big enough to be kept)
        records = []
        for i in range(2500):
            words = rng.choices(COMMON, k=rng.randint(5, 40))
            if i % 400 == 0:
                for rare in RARE.get(batch, ()):
                    words.insert(rng.randrange(len(words)), rare)
            records.append(
                {"id": f"{batch}-{i}", "title": " ".join(words[:4]), "text": " ".join(words)}
            )
        write_jsonl(folder / f"batch{batch}.jsonl", records)
        sync(corpus, store, engine)
    engine.refresh()
    yield corpus, engine
    engine.close()
    store.close()


QUERIES = [
    "zanzibar", "quokka", "xylophone oil", "oil", "oil price", '"oil price"', "title:gold",
    "zanzibar OR quokka", "oil -zanzibar", "senate NOT vote", "(quokka OR storm) budget",
    "zanz*", "quokk~", '"market storm"~3', "nothingatall", "oil AND nothingatall",
]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES)
def test_engine_ranks_as_whoosh_alone(indexed, query):
    corpus, engine = indexed
    inner = engine.inner
    ix = whoosh_index.open_dir(str(corpus.index_dir))
    with ix.searcher() as searcher:
        parsed = inner.parse(query, fast=False)  # whoosh's own parser
        column = searcher.reader().column_reader("aid")
        every = sorted(
            (-round(score, 9), int(column[docnum]))
            for score, docnum in searcher.search(parsed, limit=None).top_n
        )  # whoosh's scores of every match, equal ones in article id order
        for limit in (5, 20, 1000):
            expected = [(article_id, -negated) for negated, article_id in every[:limit]]
            found = engine.search(query, limit=limit, count=True)
            assert [(h.article_id, round(h.score, 9)) for h in found.hits] == expected
            assert found.total == len(searcher.search(parsed, limit=None))
    assert found.total or query in ("nothingatall", "oil AND nothingatall")


def test_a_rare_word_searches_only_the_segments_holding_it(indexed):
    _corpus, engine = indexed
    inner = engine.inner
    searcher = inner._get_searcher()
    assert len(searcher.subsearchers) >= 3
    kept = segments_for(searcher, inner.parse("zanzibar"))
    assert kept is not None and 0 < len(kept) < len(searcher.subsearchers)
    assert segments_for(searcher, inner.parse("oil")) is None  # everywhere: nothing skipped
    assert segments_for(searcher, inner.parse("nothingatall")) == []
    # after a search, every segment is back for the next one
    engine.search("zanzibar")
    assert len(searcher.subsearchers) == len(inner._get_searcher().subsearchers)


def test_queries_of_unknown_needs_are_never_skipped(indexed):
    _corpus, engine = indexed
    reader = engine.inner._get_searcher().subsearchers[0][0].reader()
    for query in ("date:2016", "zanz*", "NOT oil"):
        assert may_match(engine.inner.parse(query), reader)


def test_term_lookups_read_from_the_map_find_what_whoosh_finds(indexed):
    from whoosh.reading import TermNotFound

    from tuireader.core.search.term_lookup import HashLookup

    _corpus, engine = indexed
    searcher = engine.inner._get_searcher()
    leaves = [leaf.reader() for leaf, _offset in searcher.leaf_searchers()]
    assert len(leaves) >= 4
    for reader in leaves:
        whoosh_terms = reader._terms._inner
        lookup = HashLookup.of(whoosh_terms)
        assert lookup is not None  # the engine's segments are mapped: the fast path is used
        present = list(reader.all_terms())
        assert len(present) > 20
        absent = [("body", b"zzznotaword"), ("title", b"quokka"), ("nofield", b"oil")]
        for fieldname, tbytes in present + absent:
            try:
                expected = whoosh_terms._tindex[whoosh_terms._keycoder(fieldname, tbytes)]
            except KeyError:
                expected = None
            assert lookup.value(fieldname, tbytes) == expected
        fieldname, tbytes = present[0]
        cached = reader._terms
        assert vars(cached.term_info(fieldname, tbytes)) == vars(
            whoosh_terms.term_info(fieldname, tbytes)
        )
        with pytest.raises(TermNotFound):
            cached.term_info("body", b"zzznotaword")


def test_a_new_searcher_has_every_segments_title_and_body_lengths_read(indexed):
    _corpus, engine = indexed
    searcher = engine.inner._get_searcher()
    leaves = [leaf.reader() for leaf, _offset in searcher.leaf_searchers()]
    for reader in leaves:
        loaded = reader._perdoc._lengths
        assert set(loaded) >= {"title", "body"}
        assert len(loaded["body"]) == reader.doc_count_all()
        assert loaded["body"][0] == reader.doc_field_length(0, "body")


def test_article_ids_read_whole_are_whooshs_column_values(indexed):
    from tuireader.core.search.whoosh_engine import _article_ids, _searcher_ids

    _corpus, engine = indexed
    searcher = engine.inner._get_searcher()
    ids = _searcher_ids(searcher)
    column = _article_ids(searcher.reader())  # whoosh's own reader over the segments
    assert len(searcher.leaf_searchers()) >= 4
    assert type(ids) is not type(column)  # the whole-array path was taken
    assert list(ids) == [column[docnum] for docnum in range(searcher.doc_count_all())]
    assert len(set(ids)) == searcher.doc_count_all() == 10_000
