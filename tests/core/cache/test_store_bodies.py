"""Snippet texts come from the store, follow the corpus, and fall back to it."""

import zlib

from tests.conftest import write_jsonl
from tests.core.cache.test_sync import touch_later
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import PLAIN_TEXT_MOST, MetaStore
from tuireader.core.cache.sync import sync
from tuireader.core.cache.text_dict import SAMPLE_TEXTS


def test_texts_are_kept_and_follow_changes_and_deletions(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Oil\n\nOil prices rose — 5 % café.", encoding="utf-8")
    (folder / "b.txt").write_text("Gold\n\nGold fell.", encoding="utf-8")
    corpus = Corpus([folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    ids = {row.title: row.id for row in store.rows(store.ordered_ids()).values()}
    assert store.bodies(list(ids.values())) == {
        ids["Oil"]: "Oil prices rose — 5 % café.",
        ids["Gold"]: "Gold fell.",
    }
    touch_later(folder / "a.txt", "Oil\n\nOil prices fell.")
    (folder / "b.txt").unlink()
    sync(corpus, store, engine)
    assert store.bodies(list(ids.values())) == {ids["Oil"]: "Oil prices fell."}
    store.clear()
    assert store.bodies(list(ids.values())) == {}


def test_without_a_kept_text_the_corpus_is_read_and_a_vanished_file_gives_nothing(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", [{"id": "1", "title": "T", "text": "Body one."}])
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "gone.txt").write_text("Gone\n\nSoon gone.", encoding="utf-8")
    corpus = Corpus([dump, folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    store.db.execute("DELETE FROM bodies")  # as in a store made before the texts were kept
    (folder / "gone.txt").unlink()
    rows = store.rows(store.ordered_ids())
    texts = corpus.bodies(store, rows.values())
    by_title = {rows[i].title: text for i, text in texts.items()}
    assert by_title == {"T": "Body one.", "Gone": ""}


def test_a_store_made_before_texts_were_kept_gets_them_at_the_next_sync(tmp_path):
    records = [{"id": str(i), "title": f"T{i}", "text": f"Body {i}."} for i in range(5)]
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", records)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    store.db.executescript("DROP TRIGGER bodies_delete; DROP TABLE bodies; DROP TABLE pending")
    store.close()
    store = corpus.open_store()  # as a store from before: the table made anew, empty
    assert store.texts_pending()
    report = sync(corpus, store, engine)
    assert (report.added, report.updated) == (0, 0)
    texts = store.bodies(store.ordered_ids())
    assert sorted(texts.values()) == [f"Body {i}." for i in range(5)]
    assert not store.texts_pending()


def test_a_store_is_read_ahead_once_however_often_it_is_opened(tmp_path, monkeypatch):
    """Workers and each search's snippets open their own connection: the file is read into
    the kernel's cache at the first only."""
    import threading

    from tuireader.core.cache import store as store_module
    from tuireader.core.cache.store import MetaStore

    reads = []
    monkeypatch.setattr(store_module, "_read_through", reads.append)
    path = tmp_path / "articles.sqlite"
    MetaStore(path).close()  # made: nothing to read yet
    for _ in range(3):
        MetaStore(path).close()
    for thread in threading.enumerate():
        if thread.name == "store-read-ahead":
            thread.join(5)
    assert reads == [path]


def test_a_store_opened_without_read_ahead_is_read_when_asked(tmp_path, monkeypatch):
    """The reader opens its store without reading it ahead (the reading thread competed with
    its first frame) and asks for it after."""
    import threading

    from tuireader.core.cache import store as store_module
    from tuireader.core.cache.store import MetaStore

    reads = []
    monkeypatch.setattr(store_module, "_read_through", reads.append)
    path = tmp_path / "articles.sqlite"
    MetaStore(path).close()  # made: nothing to read yet
    store = MetaStore(path, read_ahead=False)
    assert reads == []
    store.read_ahead()
    store.read_ahead()  # once
    store.close()
    for thread in threading.enumerate():
        if thread.name == "store-read-ahead":
            thread.join(5)
    assert reads == [path]


def test_texts_kept_compressed_by_an_older_store_and_undecodable_ones_read_back(tmp_path):
    store = MetaStore(tmp_path / "articles.sqlite")
    older = zlib.compress("Kept by an older version — café.".encode(), 1)
    store.db.execute("INSERT INTO bodies VALUES (1, ?)", (older,))
    long = "A long text — café. " * (PLAIN_TEXT_MOST // 10)
    store.put_bodies([(2, "Plain text."), (3, "Undecodable \udcff byte."), (4, long)])
    assert store.bodies([1, 2, 3, 4]) == {
        1: "Kept by an older version — café.",
        2: "Plain text.",
        3: "Undecodable \udcff byte.",
        4: long,
    }
    kinds = dict(store.db.execute("SELECT id, typeof(text) FROM bodies"))
    assert kinds == {1: "blob", 2: "text", 3: "blob", 4: "blob"}


def test_rows_and_texts_in_one_query_are_rows_and_bodies(tmp_path):
    records = [{"id": str(i), "title": f"T{i}", "text": f"Body {i} — café."} for i in range(6)]
    records[2]["text"] = "Long " * 1000  # kept compressed
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    corpus = Corpus([dump])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    ids = store.ordered_ids()
    store.db.execute("DELETE FROM bodies WHERE id = ?", (ids[0],))  # read from the corpus
    rows, texts = corpus.rows_and_bodies(store, [*ids, 10**9])
    assert rows == store.rows(ids)
    assert texts == corpus.bodies(store, rows.values())
    assert sorted(texts.values()) == sorted(r["text"].strip() for r in records)
    store.db.executescript("DROP TRIGGER bodies_delete; DROP TABLE bodies")  # an older store
    rows, texts = store.rows_and_texts(ids)
    assert rows == store.rows(ids) and texts == {}


def test_any_number_of_ids_is_read_with_a_few_statements(tmp_path):
    from tuireader.core.cache.store import _id_lists

    for count in (1, 2, 3, 5, 17, 20, 511, 512, 513, 1500):
        ids = list(range(100, 100 + count))
        lists = list(_id_lists(ids))
        assert [i for _marks, chunk in lists for i in dict.fromkeys(chunk)] == ids
        assert all(marks.count("?") == len(chunk) for marks, chunk in lists)
        assert {len(chunk) for _marks, chunk in lists} <= {2**k for k in range(10)}
    records = [{"id": str(i), "title": f"T{i}", "text": f"Body {i}."} for i in range(40)]
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", records)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    ids = store.ordered_ids()
    for count in (1, 3, 7, 20, 33):
        wanted = ids[:count]
        assert sorted(store.rows(wanted)) == sorted(wanted)
        assert sorted(store.bodies(wanted)) == sorted(wanted)
        rows, texts = store.rows_and_texts(wanted)
        assert sorted(rows) == sorted(texts) == sorted(wanted)


def _news_text(n: int) -> str:
    words = ["the", "minister", "said", "on", "tuesday", "that", "prices", "would", "rise"]
    return " ".join(f"{words[(n * 7 + i) % len(words)]}" for i in range(120 + n % 50)) + " café."


def test_texts_after_the_first_ones_are_kept_smaller_with_the_corpus_dictionary(tmp_path):
    path = tmp_path / "articles.sqlite"
    store = MetaStore(path)
    texts = {n: _news_text(n) for n in range(1, SAMPLE_TEXTS + 101)}
    store.begin()
    for n, text in texts.items():
        store.put_bodies([(n, text)])
    store.commit()
    sizes = dict(store.db.execute("SELECT id, length(text) FROM bodies"))
    first, later = sizes[1], sizes[SAMPLE_TEXTS + 100]
    plain = [zlib.compress(texts[n].encode(), 1) for n in (1, SAMPLE_TEXTS + 100)]
    assert first == len(plain[0])  # before the dictionary: as before
    assert later < len(plain[1]) * 0.8
    # another reader (a fresh store) reads every text back
    assert MetaStore(path).bodies(list(texts)) == texts
    assert store.bodies(list(texts)) == texts


def test_a_dictionary_made_in_a_rolled_back_transaction_is_not_used(tmp_path):
    path = tmp_path / "articles.sqlite"
    store = MetaStore(path)
    texts = {n: _news_text(n) for n in range(1, SAMPLE_TEXTS + 11)}
    store.begin()
    store.put_bodies(texts.items())
    store.rollback()
    store.begin()
    store.put_bodies([(1, texts[1])])
    store.commit()
    assert MetaStore(path).bodies([1]) == {1: texts[1]}
    assert store.db.execute("SELECT count(*) FROM text_dict").fetchone() == (0,)


def _store_with_dictionary(path):
    """A store past its first texts: later ones are packed in the packing thread."""
    store = MetaStore(path)
    store.begin()
    store.put_bodies((n, _news_text(n)) for n in range(1, SAMPLE_TEXTS + 1))
    store.commit()
    return store


def test_texts_packed_in_the_thread_are_read_back_in_the_transaction_and_after(tmp_path):
    path = tmp_path / "articles.sqlite"
    store = _store_with_dictionary(path)
    later = {n: _news_text(n) + f" number {n}" for n in range(1000, 1300)}
    store.begin()
    for n, text in later.items():
        store.put_bodies([(n, text)])
    store.put_bodies([(1000, "The minister said prices rose, then fell again on Tuesday." * 3)])
    assert store.bodies([1000, 1299])[1299] == later[1299]  # before the commit, same store
    store.commit()
    later[1000] = "The minister said prices rose, then fell again on Tuesday." * 3  # the last put
    assert MetaStore(path).bodies(list(later)) == later


def test_texts_still_being_packed_are_forgotten_by_a_rollback(tmp_path):
    path = tmp_path / "articles.sqlite"
    store = _store_with_dictionary(path)
    store.begin()
    store.put_bodies((n, _news_text(n)) for n in range(1000, 1100))
    store.rollback()
    store.begin()
    store.put_bodies([(2000, _news_text(2000))])
    store.commit()
    assert sorted(MetaStore(path).bodies(range(1000, 2001))) == [2000]


def test_an_article_deleted_while_its_text_is_packed_leaves_no_text_behind(tmp_path):
    from tuireader.core.base.articles import Article

    path = tmp_path / "articles.sqlite"
    store = _store_with_dictionary(path)
    store.begin()
    article = Article(key="f.txt", file="f.txt", locator=0, title="T", body=_news_text(7) * 2)
    article_id = store.put_article(article, "digest")
    store.delete_articles([article.key])
    store.commit()
    assert store.bodies([article_id]) == {}
    assert store.db.execute(
        "SELECT count(*) FROM bodies WHERE id = ?", (article_id,)
    ).fetchone() == (0,)
