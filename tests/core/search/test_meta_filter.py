"""Filters by source and date range: the store's source list, date-range parsing, and searches
narrowed by them."""

from datetime import date

import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.meta_filter import (
    DateRange,
    DateRangeError,
    MetaFilter,
    parse_date_range,
)
from tuireader.core.search.user_filters import filtered_search
from tuireader.core.user.userdata import UserData

ODD_SOURCE = 'Le "Monde": Paris (AFP)'
DOCS = [
    {
        "id": "r1",
        "title": "Rates rise",
        "text": "The bank raised rates.",
        "source": "Reuters",
        "date": "2016-10-03",
    },
    {
        "id": "r2",
        "title": "Rates hold",
        "text": "The bank held rates.",
        "source": "Reuters",
        "date": "2016-11-02",
    },
    {
        "id": "r3",
        "title": "Bank merger",
        "text": "Two banks merge.",
        "source": "Reuters",
        "date": "2016-10-31T23:30:00Z",
    },
    {
        "id": "a1",
        "title": "Rates abroad",
        "text": "A bank abroad raised rates.",
        "source": "Reuters Africa",
        "date": "2016-10-05",
    },
    {
        "id": "m1",
        "title": "Taux en hausse",
        "text": "The bank raised rates in Paris.",
        "source": ODD_SOURCE,
        "date": "2016-10-04",
    },
    {"id": "u1", "title": "Undated rates", "text": "Rates, undated.", "source": "Reuters"},
    {"id": "n1", "title": "No source", "text": "Rates with no source.", "date": "2016-10-06"},
]


@pytest.fixture
def corpus_store_engine(tmp_path):
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", DOCS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    yield corpus, store, engine
    engine.close()
    store.close()


def ids_of(store, results) -> list[str]:
    rows = store.rows(results.ids)
    return [rows[i].key.rsplit("#", 1)[1] for i in results.ids]


def test_sources_are_listed_with_counts_most_articles_first(corpus_store_engine):
    _corpus, store, _engine = corpus_store_engine
    assert store.sources() == [("Reuters", 4), (ODD_SOURCE, 1), ("Reuters Africa", 1)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("2016-10", date(2016, 10, 1), date(2016, 10, 31)),
        ("2016-2", date(2016, 2, 1), date(2016, 2, 29)),
        ("2016-10-05", date(2016, 10, 5), date(2016, 10, 5)),
        ("20161005", date(2016, 10, 5), date(2016, 10, 5)),
        ("2016-10-01 to 2016-10-31", date(2016, 10, 1), date(2016, 10, 31)),
        ("  2016-10-01  TO 2016-11 ", date(2016, 10, 1), date(2016, 11, 30)),
        ("from 2016-10-01 to 2016-10-31", date(2016, 10, 1), date(2016, 10, 31)),
        ("2016-10-01..2016-10-31", date(2016, 10, 1), date(2016, 10, 31)),
        ("2016-10-01–2016-10-31", date(2016, 10, 1), date(2016, 10, 31)),
        ("2016-10-01 - 2016-10-31", date(2016, 10, 1), date(2016, 10, 31)),
        ("2016-10 to", date(2016, 10, 1), None),
        ("to 2016-10", None, date(2016, 10, 31)),
        ("from 2016-10", date(2016, 10, 1), None),
        ("until 2016-10-31", None, date(2016, 10, 31)),
    ],
)
def test_date_ranges_are_read(text, start, end):
    assert parse_date_range(text) == DateRange(start, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a date or a range"),
        ("october", "Cannot read 'october'"),
        ("2016-10-01 to soon", "Cannot read 'soon'"),
        ("2016-13", "there is no month 13"),
        ("2016-02-30", "February 2016 has 29 days"),
        ("2016-10-31 to 2016-10-01", "ends (2016-10-01) before it starts (2016-10-31)"),
        ("2016 to 2017 to 2018", "Cannot read"),
    ],
)
def test_bad_date_ranges_get_a_message(text, message):
    with pytest.raises(DateRangeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date_range(text)


def test_labels():
    assert MetaFilter().label() == ""
    dates = parse_date_range("2016-10")
    assert MetaFilter("Reuters", dates).label() == "source: Reuters · 2016-10-01–2016-10-31"
    assert MetaFilter(None, parse_date_range("2016-10 to")).label() == "from 2016-10-01"
    assert MetaFilter("a\x1b[2Jb").label() == "source: a\\x1b[2Jb"  # shown, not acted on


@pytest.mark.parametrize("text", ["2016", "2016-10-05", "2016-10 to", "to 2016-10-31", "2016-10"])
def test_a_range_label_reads_back_as_the_same_range(text):
    dates = parse_date_range(text)
    assert parse_date_range(dates.label()) == dates


def test_a_source_filter_takes_the_whole_name_exactly(corpus_store_engine):
    _corpus, store, engine = corpus_store_engine
    narrow = MetaFilter("Reuters")
    results = filtered_search(engine, store, None, "rates", narrow=narrow)
    assert sorted(ids_of(store, results)) == ["r1", "r2", "u1"]  # not "Reuters Africa"
    assert results.total == 3
    assert results.terms  # still highlighted
    odd = filtered_search(engine, store, None, "bank", narrow=MetaFilter(ODD_SOURCE))
    assert ids_of(store, odd) == ["m1"]  # quotes, a colon and brackets in the name


def test_a_date_range_keeps_the_days_shown_and_drops_undated(corpus_store_engine):
    _corpus, store, engine = corpus_store_engine
    october = MetaFilter(None, parse_date_range("2016-10"))
    results = filtered_search(engine, store, None, "rates OR merge", narrow=october)
    assert sorted(ids_of(store, results)) == ["a1", "m1", "n1", "r1", "r3"]
    both = MetaFilter("Reuters", parse_date_range("2016-10-01 to 2016-10-31"))
    assert sorted(ids_of(store, filtered_search(engine, store, None, "bank", narrow=both))) == [
        "r1",
        "r3",  # 23:30 UTC on the last day
    ]


def test_with_no_query_the_filtered_articles_are_listed_newest_first(corpus_store_engine):
    _corpus, store, engine = corpus_store_engine
    results = filtered_search(engine, store, None, "", narrow=MetaFilter("Reuters"))
    assert ids_of(store, results) == ["r2", "r3", "r1", "u1"]
    assert results.total == 4
    limited = filtered_search(engine, store, None, "  ", limit=2, narrow=MetaFilter("Reuters"))
    assert (len(limited.hits), limited.total) == (2, 4)


def test_filters_combine_with_user_marks(corpus_store_engine):
    corpus, store, engine = corpus_store_engine
    marks = UserData().corpus(corpus.id)
    marks.set_starred(store.by_key(f"{corpus.paths[0]}#r1").key, True)
    marks.set_starred(store.by_key(f"{corpus.paths[0]}#a1").key, True)
    narrow = MetaFilter("Reuters")
    assert ids_of(store, filtered_search(engine, store, marks, "is:starred", narrow=narrow)) == [
        "r1"
    ]
    unread = filtered_search(engine, store, marks, "rates is:unread", narrow=narrow)
    assert sorted(ids_of(store, unread)) == ["r1", "r2", "u1"]


def test_similar_can_be_narrowed(corpus_store_engine):
    corpus, store, engine = corpus_store_engine
    row = store.by_key(f"{corpus.paths[0]}#r1")
    everywhere = {store.get(h.article_id).key[-2:] for h in engine.similar(Corpus.read(row))}
    assert "a1" in everywhere
    narrowed = engine.similar(Corpus.read(row), within=MetaFilter("Reuters").ids(store))
    assert {store.get(h.article_id).key[-2:] for h in narrowed} <= {"r2", "r3", "u1"}
