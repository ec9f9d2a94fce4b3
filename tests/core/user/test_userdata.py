"""User marks (read, starred, tags, notes) and the is:/tag:/note: search clauses."""

from __future__ import annotations

import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import QueryError
from tuireader.core.search.user_filters import filtered_search, split_query
from tuireader.core.user.userdata import UserData, parse_tags

DOCS = [
    {"id": "a", "title": "Russia denies hacking", "text": "Moscow said no.", "date": "2016-10-07"},
    {
        "id": "b",
        "title": "Senate hearing",
        "text": "Sasse on Russia hacking.",
        "date": "2016-10-08",
    },
    {"id": "c", "title": "Weather report", "text": "Heavy rain in Moscow.", "date": "2016-11-01"},
]


def test_marks_persist_in_the_data_dir_not_the_cache(isolated_dirs):
    data = UserData()
    assert data.path.is_relative_to(isolated_dirs / "data")
    marks = data.corpus("c1")
    marks.set_read("k1")
    marks.set_starred("k2")
    marks.set_tags("k2", ["Climate", "to read", "climate"])
    marks.set_note("k2", "  follow   up\nlater ")
    data.set_setting("theme", "nord")
    data.close()

    again = UserData().corpus("c1")
    assert again.read_keys() == {"k1"}
    assert again.starred_keys() == {"k2"}
    got = again.get("k2")
    assert got.tags == ("climate", "to-read") and got.note == "follow up later"
    assert got.starred and not got.read
    assert again.all_tags() == [("climate", 1), ("to-read", 1)]
    assert UserData().corpus("other").read_keys() == set()  # marks are per corpus
    assert UserData().setting("theme") == "nord"
    again.set_tags("k2", [])
    assert again.get("k2").tags == ()


def test_mark_all_read_can_be_undone(isolated_dirs):
    """Undo puts back exactly the articles that were unread before "Mark all read"."""
    marks = UserData().corpus("c1")
    marks.set_read("k1")
    assert not marks.can_undo_mark_all_read
    assert marks.mark_all_read(["k1", "k2", "k3"]) == 2
    assert marks.read_keys() == {"k1", "k2", "k3"}
    assert marks.can_undo_mark_all_read
    assert sorted(marks.undo_mark_all_read()) == ["k2", "k3"]
    assert marks.read_keys() == {"k1"}  # read before: still read
    assert marks.undo_mark_all_read() is None and not marks.can_undo_mark_all_read


def test_parse_tags():
    assert parse_tags("#One, two  two three") == ["one", "two", "three"]
    assert parse_tags("  ") == []


@pytest.mark.parametrize(
    ("query", "rest", "is_values", "tags", "notes"),
    [
        ("is:starred", "", ["starred"], [], []),
        ("russia is:unread", "russia", ["unread"], [], []),
        ("tag:Climate AND russia", "russia", [], ["climate"], []),
        ('russia AND note:"follow up" hack', "russia hack", [], [], ["follow up"]),
        ('"is:starred" russia', '"is:starred" russia', [], [], []),
        ("title:russia", "title:russia", [], [], []),
    ],
)
def test_split_query(query, rest, is_values, tags, notes):
    got_rest, found = split_query(query)
    assert got_rest == rest
    assert (found.is_values, found.tags, found.notes) == (is_values, tags, notes)


@pytest.mark.parametrize(
    "query", ["russia OR is:starred", "(is:starred russia)", "-tag:x", "is:pink", "NOT tag:x"]
)
def test_split_query_refuses_what_it_cannot_do(query):
    with pytest.raises(QueryError):
        split_query(query)


@pytest.fixture
def indexed(tmp_path):
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", DOCS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    marks = UserData().corpus(corpus.id)
    keys = {row.title.split()[0]: row.key for row in store.rows(store.ordered_ids()).values()}
    return store, engine, marks, keys


def titles(store, results):
    return [store.get(i).title for i in results.ids]


def test_filtered_search(indexed):
    store, engine, marks, keys = indexed
    marks.set_read(keys["Russia"])
    marks.set_starred(keys["Senate"])
    marks.set_tags(keys["Senate"], ["politics"])
    marks.set_tags(keys["Weather"], ["politics", "rain"])
    marks.set_note(keys["Weather"], "Ask the Café owner")

    def run(query):
        return filtered_search(engine, store, marks, query)

    assert titles(store, run("is:unread")) == ["Weather report", "Senate hearing"]  # newest first
    assert run("is:unread").total == 2
    assert titles(store, run("is:read")) == ["Russia denies hacking"]
    assert titles(store, run("is:starred")) == ["Senate hearing"]
    assert titles(store, run("hacking is:unread")) == ["Senate hearing"]
    assert run("hacking is:unread").terms  # the words are still highlighted
    assert titles(store, run("tag:politics")) == ["Weather report", "Senate hearing"]
    assert titles(store, run("tag:politics tag:rain")) == ["Weather report"]
    assert titles(store, run("note:cafe")) == ["Weather report"]  # accents and case folded
    assert titles(store, run("moscow is:noted")) == ["Weather report"]
    assert run("tag:nothing").total == 0
    plain = run("hacking")
    assert plain.total == 2 and len(plain.ids) == 2
