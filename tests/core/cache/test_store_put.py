"""Putting an article into the store: a new key gets a new id, a known key keeps its own."""

from tuireader.core.base.articles import Article
from tuireader.core.cache.store import MetaStore


def _article(key: str, title: str) -> Article:
    return Article(key=key, file="/corpus/harbor.jsonl", locator=0, title=title, body="Jonsby.")


def test_a_known_key_keeps_its_id_and_takes_the_new_values(tmp_path):
    store = MetaStore(tmp_path / "articles.sqlite")
    store.begin()
    first = store.put_article(_article("harbor#1", "Quillon wins"), "one")
    other = store.put_article(_article("harbor#2", "Harbor Trust meets"), "two")
    again = store.put_article(_article("harbor#1", "Quillon loses"), "three")
    store.commit()
    assert again == first != other
    assert store.count() == 2
    assert store.get(first).title == "Quillon loses"
    assert store.articles_of_file("/corpus/harbor.jsonl")["harbor#1"] == (first, "three")
