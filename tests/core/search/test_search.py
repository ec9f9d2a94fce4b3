import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import QueryError

DOCS = [
    {
        "id": "a",
        "title": "Russia denies hacking",
        "text": "Moscow said the hacked emails "
        "were not its doing. Vladimir Putin's spokesman Dmitry Peskov spoke.",
        "date": "2016-10-07",
    },
    {
        "id": "b",
        "title": "Senate hearing",
        "text": "Senator Ben Sasse called for a strong response to Russia over the hacking.",
        "date": "2016-10-08",
        "source": "Wire",
    },
    {
        "id": "c",
        "title": "Weather report",
        "text": "Heavy rain in Moscow and a café flooded.",
        "date": "2016-11-01",
    },
]


@pytest.fixture
def engine_and_store(tmp_path):
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", DOCS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    return engine, store


def found(engine_and_store, query):
    engine, store = engine_and_store
    rows = store.rows(engine.search(query).ids)
    return sorted(rows[i].key.rsplit("#", 1)[1] for i in engine.search(query).ids)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("moscow", ["a", "c"]),
        ("moscow hacking", ["a"]),  # terms are ANDed
        ("hack", ["a", "b"]),  # stemming: hacking/hacked
        ('"ben sasse"', ["b"]),
        ('"sasse ben"', []),
        ("sasse OR rain", ["b", "c"]),
        ("russia NOT sasse", ["a"]),
        ("russia -sasse", ["a"]),
        ("title:russia", ["a"]),
        ("title:moscow", []),
        ("source:wire", ["b"]),
        ("cafe", ["c"]),  # accent folding
        ("pesk*", ["a"]),
        ("peskow~", ["a"]),
        ("date:[2016-10-01 to 2016-10-31]", ["a", "b"]),
    ],
)
def test_query_forms(engine_and_store, query, expected):
    assert found(engine_and_store, query) == expected


def test_results_are_ranked_and_counted(engine_and_store):
    engine, _ = engine_and_store
    results = engine.search("russia hacking")
    assert results.total == len(results.hits) == 2
    assert results.hits[0].score >= results.hits[1].score


@pytest.mark.parametrize("query", ["", "   ", "the", "AND"])
def test_empty_queries_are_errors(engine_and_store, query):
    with pytest.raises(QueryError):
        engine_and_store[0].search(query)


def test_match_spans_find_inflected_forms(engine_and_store):
    engine, _ = engine_and_store
    results = engine.search("hacking")
    text = "They hacked it; hacking is bad. Hackers!"
    spans = engine.match_spans(results.terms, text)
    assert [text[s:e] for s, e in spans] == ["hacked", "hacking"]


def test_negated_terms_are_not_highlighted(engine_and_store):
    results = engine_and_store[0].search("russia NOT sasse")
    assert "sass" not in results.terms and "russia" in results.terms


def test_suggest(engine_and_store):
    engine, _ = engine_and_store
    assert engine.suggest("moscw") is not None
    assert engine.suggest("moscow") is None


def test_similar_finds_the_article_sharing_distinctive_words(tmp_path):
    filler = [
        {"id": f"f{i}", "title": f"Filler {i}", "text": f"cricket score {i} rain"} for i in range(6)
    ]
    pair = [
        {"id": "p1", "title": "Peskov dismisses", "text": "Peskov dismissed Guccifer claims."},
        {"id": "p2", "title": "Guccifer again", "text": "Guccifer leaks, Peskov says no."},
    ]
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", filler + pair)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    row = store.by_key(f"{tmp_path / 'd.jsonl'}#p1")
    similar = engine.similar(Corpus.read(row))
    assert [store.get(hit.article_id).title for hit in similar][:1] == ["Guccifer again"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed phrase', "not closed"),
        ("(putin OR kremlin", "not closed"),
        ("putin)", "no matching"),
        ("putin AND", "ends with AND"),
        ("OR putin", "starts with OR"),
        ("putin NOT", "ends with NOT"),
        ("putin AND OR kremlin", "missing"),
        ("author:smith", "Unknown field author:"),
        ("title: russia", "needs a word"),
    ],
)
def test_malformed_queries_get_a_message(engine_and_store, query, message):
    with pytest.raises(QueryError, match=message):
        engine_and_store[0].search(query)


@pytest.mark.parametrize(
    "query",
    [
        '"ben sasse" (putin OR kremlin)',
        "http://example.com",
        'title:"russia denies"',
        "date:[2016-10-01 to 2016-10-31}",
        "moscow",
    ],
)
def test_wellformed_queries_pass_the_checks(engine_and_store, query):
    engine_and_store[0].search(query)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("*ov", "start of a word"),
        ("?eskov", "start of a word"),
        ("pe*", "at least 3 letters"),
        ("title:r*", "at least 3 letters"),
        ("*", "every article"),
        ("title:*", "every article"),
        ("moscow *", "every article"),
        ("[a TO zzzz]", "ranges work on dates"),
        ("body:[TO z]", "ranges work on dates"),
        ("source:[a to z]", "ranges work on dates"),
        ('"' + "moscow rain " * 10000 + '"', "characters long"),
        ("*" * 100_000, "characters long"),
    ],
)
def test_slow_patterns_are_refused(engine_and_store, query, message):
    with pytest.raises(QueryError, match=message):
        engine_and_store[0].search(query)


@pytest.mark.parametrize(
    "query", ['"moscw rain"', "title:[a TO z]", "moscw OR rian", "date:[2016 to 2017] moscw"]
)
def test_no_suggestion_for_queries_beyond_plain_words(engine_and_store, query):
    """The corrector raised on phrases and ranges: no suggestion, never an error."""
    assert engine_and_store[0].suggest(query) is None


def test_a_superseded_search_stops_with_a_message(engine_and_store):
    engine, _ = engine_and_store
    for query in ("moscow", "moscow OR rain", "mosc*", "peskow~"):
        with pytest.raises(QueryError, match="newer"):
            engine.search(query, cancelled=lambda: True)
        assert engine.search(query, cancelled=lambda: False).total > 0


def test_live_search_of_an_unmatched_fuzzy_term_is_no_error(engine_and_store):
    engine, _ = engine_and_store
    assert engine.search("zzqqxx~ moscow", count=False).total == 0
    assert engine.search("zzqqxx~", count=False).total == 0


def test_exact_total_without_a_recount_when_every_match_is_scored(engine_and_store):
    engine, _ = engine_and_store
    assert engine.search("moscow", limit=1).total == 2  # counted: more matches than the limit
    assert engine.search("moscow", limit=10).total == 2


def test_a_commit_is_seen_by_the_next_search(tmp_path):
    dump = tmp_path / "d.jsonl"
    write_jsonl(dump, [{"id": "1", "title": "Gold", "text": "Gold rose."}])
    corpus = Corpus([dump])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    assert engine.search("gold").total == 1
    write_jsonl(dump, [{"id": "1", "title": "Gold", "text": "Gold rose."},
                       {"id": "2", "title": "Gold two", "text": "Gold fell."}])  # fmt: skip
    sync(corpus, store, engine)  # another commit
    assert engine.search("gold").total == 2
    engine.close()
    store.close()
