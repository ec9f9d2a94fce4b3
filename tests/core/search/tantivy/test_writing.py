"""The tantivy writers: a pass's last commit leaves the merges to a thread of their own."""

import threading
from datetime import UTC, datetime

import pytest

pytest.importorskip("tantivy")

from tuireader.core.base.articles import Article  # noqa: E402
from tuireader.core.search.index_files import MANIFEST  # noqa: E402
from tuireader.core.search.tantivy import writing  # noqa: E402
from tuireader.core.search.tantivy.engine import TantivyEngine  # noqa: E402


def _article(n: int) -> Article:
    return Article(
        key=f"k{n}",
        file="/corpus/harbor.jsonl",
        locator=n,
        title=f"Quillon report {n}",
        body=f"Jonsby said the Harbor Trust met on day {n}.",
        date=datetime(2020, 1, 1 + n % 28, tzinfo=UTC),
    )


def test_the_last_commit_settles_the_writer_in_another_thread(tmp_path, monkeypatch):
    settled: list[str] = []
    real = writing.settle

    def watched(writer, directory):
        settled.append(threading.current_thread().name)
        real(writer, directory)

    monkeypatch.setattr(writing, "settle", watched)
    engine = TantivyEngine(tmp_path / "index")
    for batch in range(3):
        writer = engine.writer(parallel=True)
        for n in range(batch * 5, batch * 5 + 5):
            writer.add(n, _article(n), replace=False)
        writer.commit(more=batch < 2)
    assert engine.doc_count() == 15  # searchable before the merges are over
    writer = engine.writer()  # waits for the settling writer: its lock is free again
    writer.add(15, _article(15), replace=False)
    writer.commit()
    assert engine.doc_count() == 16
    engine.close()  # waits for the last settling writer
    assert len(settled) == 2 and threading.main_thread().name not in settled
    assert (tmp_path / "index" / MANIFEST).exists()  # the files noted once merged
