"""A sync keeps readers out of the index only while it publishes a commit (replaces the
table of contents, deletes old files), not while it writes a batch: an article opened or a
search run during the first indexing is answered at once."""

import fcntl
import os

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.whoosh import storage, writing


def _reader_could_lock(path) -> bool:
    """Whether a reader (another open of the lock file) gets the shared lock now."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def _corpus(tmp_path, count=40):
    records = [
        {"id": f"a{i}", "title": f"Harbour report {i}", "text": f"Ships and cranes, day {i}."}
        for i in range(count)
    ]
    dump = write_jsonl(tmp_path / "news.jsonl", records)
    corpus = Corpus([dump])
    return corpus, corpus.open_store(), corpus.open_engine()


def test_readers_are_not_kept_out_while_a_batch_is_written(tmp_path, monkeypatch):
    corpus, store, engine = _corpus(tmp_path)
    seen = []
    merge = writing.merge_small

    def merge_and_look(writer, segments):  # whoosh calls it inside commit, before writing
        seen.append(_reader_could_lock(corpus.commit_lock_path))
        return merge(writer, segments)

    monkeypatch.setattr(writing, "merge_small", merge_and_look)
    report = sync(corpus, store, engine)
    assert report.added == 40
    assert seen and all(seen)
    engine.refresh()
    assert engine.search("cranes").total == 40


def test_readers_are_kept_out_while_a_commit_is_published(tmp_path, monkeypatch):
    corpus, store, engine = _corpus(tmp_path)
    sync(corpus, store, engine)  # a first generation, whose files the next commits replace
    old_files = set(os.listdir(corpus.index_dir))  # what readers of the index may have open
    seen = []
    delete = storage.PublishingFileStorage.delete_file

    def look_and_delete(self, name):
        if name in old_files:
            seen.append(_reader_could_lock(corpus.commit_lock_path))
        return delete(self, name)

    monkeypatch.setattr(storage.PublishingFileStorage, "delete_file", look_and_delete)
    write_jsonl(
        tmp_path / "news.jsonl",
        [{"id": "b", "title": "Canal news", "text": "Barges."}],
    )
    os.utime(tmp_path / "news.jsonl", ns=(1, 4_000_000_000_000_000_000))
    report = sync(corpus, store, engine)
    assert report.removed == 40 and report.added == 1
    assert seen and not any(seen)  # old files go only while readers wait
    assert _reader_could_lock(corpus.commit_lock_path)  # and the lock is let go after
    engine.refresh()
    assert engine.search("barges").total == 1
    assert engine.search("cranes").total == 0
