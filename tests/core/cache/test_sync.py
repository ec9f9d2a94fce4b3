import os
import time
from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync


def open_corpus(*paths):
    corpus = Corpus(list(paths))
    return corpus, corpus.open_store(), corpus.open_engine()


def titles(store):
    return sorted(row.title for row in store.rows(store.ordered_ids()).values())


def touch_later(path: Path, text: str) -> None:
    """Rewrite a file so that its mtime surely changes."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_first_sync_indexes_everything_and_second_does_nothing(news_folder):
    corpus, store, engine = open_corpus(news_folder)
    report = sync(corpus, store, engine)
    assert report.added == 3 and store.count() == 3 and engine.doc_count() == 3
    again = sync(corpus, store, engine)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    assert again.unchanged_files == 3


def test_incremental_add_change_delete_of_files(news_folder):
    corpus, store, engine = open_corpus(news_folder)
    sync(corpus, store, engine)
    (news_folder / "new.txt").write_text("Fresh Story\n\nZebras escaped from the zoo.")
    touch_later(news_folder / "2016" / "budget.md", "# Budget Vetoed\n\nThe president vetoed it.")
    (news_folder / "2016" / "oct" / "hack.txt").unlink()
    report = sync(corpus, store, engine)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert "Budget Vetoed" in titles(store) and "Kremlin Denies Hacking Claims" not in titles(store)
    engine.refresh()
    assert engine.search("zebras").total == 1
    assert engine.search("vetoed").total == 1
    assert engine.search("senate").total == 0
    assert engine.search("kremlin").total == 0
    assert engine.doc_count() == 3


def test_dump_records_are_compared_by_content(tmp_path):
    records = [{"id": str(i), "title": f"Story {i}", "text": f"word{i} common"} for i in range(5)]
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    corpus, store, engine = open_corpus(dump)
    sync(corpus, store, engine)
    first_ids = {row.key: row.id for row in store.rows(store.ordered_ids()).values()}
    # insert one record at the top (all offsets move), change one, drop one
    changed = [{"id": "new", "title": "Story new", "text": "brandnew common"}] + records
    changed[3] = {"id": "2", "title": "Story 2 revised", "text": "revised common"}
    del changed[5]  # record "4"
    write_jsonl(dump, changed)
    st = dump.stat()
    os.utime(dump, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    report = sync(corpus, store, engine)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    rows = {row.key: row for row in store.rows(store.ordered_ids()).values()}
    assert rows[f"{dump}#1"].id == first_ids[f"{dump}#1"]  # unchanged record kept its id
    # moved records still open correctly
    for row in rows.values():
        assert corpus.read(row).title == row.title
    engine.refresh()
    assert engine.search("revised").total == 1
    assert engine.search("word2").total == 0
    assert engine.search("word4").total == 0
    assert engine.search("common").total == 5


def test_garbage_index_dir_is_replaced(news_folder):
    corpus, store, engine = open_corpus(news_folder)
    sync(corpus, store, engine)
    engine.close()
    for name in os.listdir(corpus.index_dir):
        if name.endswith(".toc"):
            (corpus.index_dir / name).write_bytes(b"garbage")
    fresh = corpus.open_engine()
    assert fresh.doc_count() == 0
    assert sync(corpus, store, fresh).added == 3
    fresh.refresh()
    assert fresh.search("kremlin").total == 1


def test_cancel_leaves_nothing_half_done(tmp_path):
    import threading

    dump = write_jsonl(tmp_path / "d.jsonl", [{"title": f"T{i}", "text": "x"} for i in range(50)])
    corpus, store, engine = open_corpus(dump)
    cancel = threading.Event()
    cancel.set()
    report = sync(corpus, store, engine, cancel=cancel)
    assert report.cancelled and store.count() == 0
    assert sync(corpus, store, engine).added == 50


def test_progress_reports_bytes_and_commits(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", [{"title": f"T{i}", "text": "x"} for i in range(450)])
    corpus, store, engine = open_corpus(dump)
    seen = []
    sync(corpus, store, engine, progress=lambda p: seen.append((p.articles, p.committed)))
    commits = [n for n, committed in seen if committed]
    assert commits[0] == 200  # the first batch becomes visible early
    assert commits[-1] == 450


def test_the_progress_bar_and_the_count_shown_agree(tmp_path):
    from dataclasses import replace

    dump = write_jsonl(
        tmp_path / "d.jsonl", [{"title": f"T{i}", "text": "word " * (i % 40)} for i in range(450)]
    )
    corpus, store, engine = open_corpus(dump)
    seen = []
    sync(corpus, store, engine, progress=lambda p: seen.append(replace(p)))
    for stage in ("text", "annotations"):
        reports = [p for p in seen if p.stage == stage]
        assert reports
        for p in reports:
            assert p.articles <= p.articles_total
            assert p.fraction == (p.articles / p.articles_total if p.articles_total else 1.0)
        assert reports[-1].articles == reports[-1].articles_total == 450
    # the entity pass knows its total from the start: the bar moves with its count
    assert {p.articles_total for p in seen if p.stage == "annotations"} == {450}


def test_the_eta_is_the_pass_rate_and_never_jumps_back_up():
    from tuireader.core.cache.sync import SyncProgress

    p = SyncProgress(stage="annotations", started=0.0, known_total=1000)
    p.articles = 100
    assert p.update_eta(now=10.0) == 90.0  # 900 left at 10 a second
    # a commit stalls the count for 20 s: the rate over the pass drops, the ETA still falls
    assert p.update_eta(now=30.0) == 70.0
    p.articles = 900  # then a fast stretch: the lower estimate is taken at once
    assert p.update_eta(now=40.0) == 100 / (900 / 40)
    assert "2/2" in p.phase and "1/2" in SyncProgress().phase


def test_second_process_sync_is_refused_while_locked(news_folder):
    from tuireader.core.cache.sync import sync_lock

    corpus, store, engine = open_corpus(news_folder)
    with sync_lock(corpus):
        other = Corpus([news_folder])
        report = sync(other, other.open_store(), engine)
    assert report.busy


@pytest.mark.parametrize("slow", [False])
def test_skipped_files_are_reported_with_reasons(tmp_path, slow):
    (tmp_path / "good.txt").write_text("Good\n\nText.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff" * 50)
    (tmp_path / "d.jsonl").write_text('{"title": "A", "text": "a"}\nnope\n')
    corpus, store, engine = open_corpus(tmp_path)
    report = sync(corpus, store, engine)
    reasons = {Path(s.path.split(":")[0]).name: s.reason for s in report.skipped}
    assert reasons["bad.txt"] == "binary file"
    assert "bad JSON" in reasons["d.jsonl"]
    assert store.count() == 2
    time.sleep(0)


def test_the_saved_list_order_follows_every_change(tmp_path):
    """The order is kept as a blob for fast starts; it must never be stale."""
    path = tmp_path / "d.jsonl"
    records = [
        {"id": str(i), "title": f"T{i}", "text": "x", "date": f"2016-10-{i + 1:02d}"}
        for i in range(5)
    ]
    write_jsonl(path, records)
    corpus, store, engine = open_corpus(path)
    sync(corpus, store, engine)

    def fresh_order():
        return [
            row[0]
            for row in store.db.execute(
                "SELECT id FROM articles ORDER BY (date_ts IS NULL), date_ts DESC, file, locator"
            )
        ]

    assert store.db.execute("SELECT count(*) FROM list_order").fetchone()[0] == 1
    assert store.ordered_ids() == fresh_order()
    assert [store.get(i).title for i in store.ordered_ids()] == ["T4", "T3", "T2", "T1", "T0"]
    records[0]["date"] = "2016-11-30"  # changed: moves to the top
    records.append({"id": "new", "title": "Undated", "text": "y"})
    del records[2]
    write_jsonl(path, records)
    touch_later(path, path.read_text())
    sync(corpus, store, engine)
    assert [store.get(i).title for i in store.ordered_ids()] == ["T0", "T4", "T3", "T1", "Undated"]
    assert store.ordered_ids() == fresh_order()
    assert store.ordered_id_array().tolist() == fresh_order()  # the list pane's compact form
    store.db.execute("UPDATE articles SET date_ts = NULL")  # any change drops the saved order
    assert store.db.execute("SELECT count(*) FROM list_order").fetchone()[0] == 0
    assert store.ordered_ids() == fresh_order()
    assert store.ordered_id_array().tolist() == fresh_order()


@pytest.mark.parametrize("parallel", [False, True], ids=["one-writer", "two-processes"])
def test_out_of_range_dates_are_undated_and_cost_no_other_article(tmp_path, monkeypatch, parallel):
    """0001-01-01T00:00:00+01:00 is before year 1 in UTC: it was an OverflowError in the index
    writer, which restarted the run for each such record and gave up after 20 (0 articles)."""
    from tuireader.core.cache import sync as sync_module

    bad = {i for i in range(0, 1025, 41)}  # 25 records
    records = [
        {
            "id": str(i),
            "title": f"Story {i}",
            "text": f"word{i}x common",
            "date": "0001-01-01T00:00:00+01:00" if i in bad else "2016-10-07T12:00:00+02:00",
        }
        for i in range(1025)
    ]
    records[7]["date"] = "9999-12-31T23:30:00-01:00"  # after year 9999 in UTC
    bad.add(7)
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    if parallel:
        monkeypatch.setattr(sync_module, "PARALLEL_BYTES", 1)
    corpus, store, engine = open_corpus(dump)
    report = sync(corpus, store, engine)
    assert report.added == 1025 and not report.skipped
    assert store.count() == 1025 == engine.doc_count()
    engine.refresh()
    assert engine.search("common", limit=5).total == 1025
    rows = store.rows(store.ordered_ids())
    undated = {row.title for row in rows.values() if row.date is None}
    assert undated == {f"Story {i}" for i in bad}
    row = next(r for r in rows.values() if r.title == "Story 41")
    assert row.date_text == "0001-01-01T00:00:00+01:00"  # kept as given
    assert engine.search("word41x").ids == [row.id]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_many_batches_leave_an_index_the_next_run_takes_as_it_is(tmp_path, monkeypatch, engine):
    """Batches committed one after the other (an engine may merge them in the background
    meanwhile) leave no index taken for damaged at the next opening: the next run has
    nothing to do."""
    from tuireader.core.cache import annotation_sync, batching
    from tuireader.core.search import engine_available

    if not engine_available(engine):
        pytest.skip(f"{engine} is not installed")
    monkeypatch.setattr(batching, "FIRST_BATCH", 3)
    monkeypatch.setattr(batching, "BATCH_GROWTH", 1)
    monkeypatch.setattr(annotation_sync, "READ_BATCH", 3)
    records = [
        {"id": str(i), "title": f"Story {i}", "text": f"Jane Doe said prices rose {i} times."}
        for i in range(60)
    ]
    path = write_jsonl(tmp_path / "d.jsonl", records)
    corpus = Corpus([path])
    corpus.choose_engine(engine)
    store, index = corpus.open_store(), corpus.open_engine()
    first = sync(corpus, store, index)
    assert (first.added, first.annotated) == (60, 60)
    index.close()
    store.close()
    store, index = corpus.open_store(), corpus.open_engine()
    assert not index.damaged_parts()
    again = sync(corpus, store, index)
    assert (again.added, again.annotated, again.repaired) == (0, 0, "")
    index.refresh()
    assert index.search("person:doe").total == 60


def test_quitting_during_a_parallel_commit_ends_it_and_the_next_run_mends(tmp_path, monkeypatch):
    """The user quits while whoosh's parallel commit waits for its indexing processes: they
    are ended (the app does not wait for them), the store records nothing of that batch, and
    the next run leaves every article in the index once."""
    import threading

    from tuireader.core.cache import sync as sync_module
    from tuireader.core.search.whoosh import writing

    records = [
        {"id": str(i), "title": f"Story {i}", "text": f"word{i}x common"} for i in range(600)
    ]
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    monkeypatch.setattr(sync_module, "PARALLEL_BYTES", 1)
    cancel = threading.Event()
    ended = []
    real_commit = writing.TextWriter.commit

    def quit_during_commit(self, more=False):
        cancel.set()  # the user quits as the commit begins
        time.sleep(0.5)  # the commit's watcher ends the indexing processes meanwhile
        ended.append(getattr(self._writer, "interrupted", None))
        real_commit(self, more)

    monkeypatch.setattr(writing.TextWriter, "commit", quit_during_commit)
    corpus, store, engine = open_corpus(dump)
    report = sync(corpus, store, engine, cancel=cancel)
    assert report.cancelled and ended == [True]
    assert store.count() == 0
    monkeypatch.setattr(writing.TextWriter, "commit", real_commit)
    engine.close()
    corpus, store, engine = open_corpus(dump)
    report = sync(corpus, store, engine)
    assert store.count() == 600 == engine.doc_count()
    engine.refresh()
    assert engine.search("common", limit=5).total == 600
    assert len(engine.search("word17x").ids) == 1
