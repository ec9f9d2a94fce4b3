"""A change of the whoosh engine's index format rebuilds the index."""

from tests.core.cache.test_sync import open_corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.whoosh import schema


def test_format_version_change_rebuilds_index(news_folder, monkeypatch):
    corpus, store, engine = open_corpus(news_folder)
    sync(corpus, store, engine)
    engine.close()
    monkeypatch.setattr(schema, "FORMAT_VERSION", schema.FORMAT_VERSION + 1)
    rebuilt = corpus.open_engine()
    assert rebuilt.doc_count() == 0
    report = sync(corpus, store, rebuilt)
    assert report.added == 3 and rebuilt.doc_count() == 3
