"""exact: searches words as written, where plain words match every form of their stem."""

import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import QueryError

RECORDS = [
    {"id": "a", "title": "Servers", "text": "The servers were hacked last week."},
    {"id": "b", "title": "Crime", "text": "Hacking the servers is a crime, the judge said."},
    {"id": "c", "title": "Party", "text": "Naïve hackers hacked emails of the party."},
]


@pytest.fixture
def searched(tmp_path):
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", RECORDS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    engine.refresh()

    def search(query):
        results = engine.search(query)
        return sorted(store.get(i).title for i in results.ids), results.terms

    return search


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("hacked", ["Crime", "Party", "Servers"]),  # stems: hacked, hacking, hack
        ("exact:hacked", ["Party", "Servers"]),
        ("exact:hacking", ["Crime"]),
        ('exact:"hacked emails"', ["Party"]),
        ('exact:"emails hacked"', []),
        ("exact:naive", ["Party"]),  # accents still folded
        ("exact:HACKED", ["Party", "Servers"]),  # and case
        ("servers -exact:hacked", ["Crime"]),
        ("exact:hacked OR crime", ["Crime", "Party", "Servers"]),
        ("exact:hack*", ["Crime", "Party", "Servers"]),
    ],
)
def test_exact_form(searched, query, titles):
    assert searched(query)[0] == titles


def test_only_the_exact_form_is_highlighted(searched):
    assert searched("exact:hacked")[1] == {"hacked"}
    assert searched("servers -exact:hacked")[1] == {"server"}
    assert searched("exact:hack*")[1] == {"hacked", "hackers", "hacking"}


def test_exact_is_a_known_field_and_needs_a_word(searched):
    with pytest.raises(QueryError):
        searched("exact:")
