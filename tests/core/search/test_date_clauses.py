"""``date:`` in a query means whole years, months or days, as the palette's date filter does."""

import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import QueryError

DATES = {
    "dec": "2015-12-31T23:30:00Z",
    "feb": "2016-02-29T10:00:00Z",
    "mar1": "2016-03-01T00:10:00Z",
    "mar31": "2016-03-31T23:50:00Z",
    "apr30": "2016-04-30T22:00:00Z",
    "may": "2016-05-01T08:00:00Z",
    "next": "2017-01-01T00:00:00Z",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dated")
    records = [
        {"id": name, "title": f"Report {name}", "text": "Markets moved today.", "date": when}
        for name, when in DATES.items()
    ]
    corpus = Corpus([write_jsonl(folder / "d.jsonl", records)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    rows = store.rows(store.ordered_ids())
    keys = {article_id: row.key.rsplit("#", 1)[1] for article_id, row in rows.items()}
    yield engine, keys
    engine.close()
    store.close()


def _found(engine, query):
    engine, keys = engine
    return sorted(keys[i] for i in engine.search(query).ids)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2016-03", ["mar1", "mar31"]),
        ("date:201603", ["mar1", "mar31"]),
        ("date:2016-3", ["mar1", "mar31"]),
        ("markets date:2016-03", ["mar1", "mar31"]),
        ("date:2016", ["apr30", "feb", "mar1", "mar31", "may"]),
        ("date:2016-04-30", ["apr30"]),
        ("date:[2016-03 to 2016-04]", ["apr30", "mar1", "mar31"]),
        ("date:[2016-03 TO 2016-04]", ["apr30", "mar1", "mar31"]),
        ("date:[2016-02-29 to 2016-03-01]", ["feb", "mar1"]),
        ("date:[2016-04 to]", ["apr30", "may", "next"]),
        ("date:[to 2016-02]", ["dec", "feb"]),
        ("date:>2016-04", ["may", "next"]),
        ("date:>=2016-04", ["apr30", "may", "next"]),
        ("date:<2016-03", ["dec", "feb"]),
        ("date:<=2016-03", ["dec", "feb", "mar1", "mar31"]),
    ],
)
def test_a_year_or_month_means_all_its_days(engine, query, expected):
    assert _found(engine, query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date:[2020 to 2010]", "before it starts"),
        ("date:[2016-04 to 2016-03]", "before it starts"),
        ("date:2016-13", "month 13"),
        ("date:2016-02-30", "29 days"),
        ("date:20161", "not a date"),
    ],
)
def test_reversed_or_unreadable_dates_are_errors(engine, query, message):
    with pytest.raises(QueryError, match=message):
        engine[0].search(query)
