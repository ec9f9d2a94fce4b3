"""The annotation index: filled after the text index, kept in step with the store."""

import os
import subprocess
import sys
import textwrap
import threading

from tests.conftest import write_jsonl
from tuireader.core.annotate import pipeline as annotate_module
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync

PUTIN = 'Vladimir Putin met Angela Merkel in Berlin. "We agreed on nothing," Merkel said.'
OBAMA = (
    "President Barack Obama told reporters in Chicago on Monday that the deal was done. "
    '"We will respond at a time of our choosing," Obama said.'
)
PLAIN = "The weather in the valley was mild and the harvest was early this year."


def open_synced(path):
    corpus = Corpus([path])
    store, engine = corpus.open_store(), corpus.open_engine()
    report = sync(corpus, store, engine)
    engine.refresh()
    return corpus, store, engine, report


def titles(store, results):
    return sorted(store.get(i).title for i in results.ids)


def test_entity_fields_combine_with_words_and_or_not(tmp_path):
    records = [
        {"id": "p", "title": "Summit", "text": PUTIN + " Gas prices rose."},
        {"id": "o", "title": "Speech", "text": OBAMA + " Gas prices fell."},
        {"id": "w", "title": "Weather", "text": PLAIN},
    ]
    _, store, engine, report = open_synced(write_jsonl(tmp_path / "d.jsonl", records))
    assert report.annotated == 3
    assert titles(store, engine.search("person:putin")) == ["Summit"]
    assert titles(store, engine.search("gas person:obama")) == ["Speech"]
    assert titles(store, engine.search("person:putin OR harvest")) == ["Summit", "Weather"]
    assert titles(store, engine.search("gas NOT person:putin")) == ["Speech"]
    assert titles(store, engine.search("gas -speaker:merkel")) == ["Speech"]
    assert titles(store, engine.search("place:berlin OR place:chicago")) == ["Speech", "Summit"]
    assert engine.search("person:nobody gas").total == 0


def test_a_changed_article_is_annotated_again_and_a_removed_one_leaves(tmp_path):
    path = tmp_path / "d.jsonl"
    write_jsonl(
        path, [{"id": "a", "title": "A", "text": PUTIN}, {"id": "b", "title": "B", "text": OBAMA}]
    )
    corpus, store, engine, _ = open_synced(path)
    assert titles(store, engine.search("person:putin")) == ["A"]
    write_jsonl(path, [{"id": "a", "title": "A", "text": OBAMA}])
    report = sync(corpus, store, engine)
    engine.refresh()
    assert report.annotated == 1
    assert engine.search("person:putin").total == 0
    assert titles(store, engine.search("person:obama")) == ["A"]
    assert engine.stats().annotated == 1


def test_an_interrupted_annotation_pass_is_finished_by_the_next_sync(tmp_path):
    records = [{"id": str(i), "title": f"T{i}", "text": PUTIN} for i in range(250)]
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", records)])
    store, engine = corpus.open_store(), corpus.open_engine()
    stop = threading.Event()

    def progress(p):
        if p.stage == "annotations" and p.committed:
            stop.set()  # stopped after the first batch of annotations, like a quit or a kill

    report = sync(corpus, store, engine, progress=progress, cancel=stop)
    assert report.cancelled and report.added == 250
    assert 0 < engine.stats().annotated < 250
    engine.refresh()
    assert engine.search("putin").total == 250  # the words were all searchable already
    report = sync(corpus, store, engine)
    engine.refresh()
    assert report.added == 0 and 0 < report.annotated < 250
    assert engine.stats().annotated == 250
    assert engine.search("person:putin").total == 250
    assert sync(corpus, store, engine).annotated == 0  # nothing left to do


def test_an_annotator_failure_skips_only_that_article(tmp_path, monkeypatch):
    records = [
        {"id": "a", "title": "A", "text": PUTIN},
        {"id": "bad", "title": "Bad", "text": "BOOM " + OBAMA},
        {"id": "c", "title": "C", "text": OBAMA},
    ]
    real = annotate_module.annotate

    def fragile(text, backend=None):
        if "BOOM" in text:
            raise RuntimeError("annotator bug")
        return real(text, backend)

    monkeypatch.setattr(annotate_module, "annotate", fragile)
    from tuireader.core.search import annotation_fields

    monkeypatch.setattr(annotation_fields, "annotate", fragile)
    monkeypatch.setattr(annotation_fields._local, "last", None, raising=False)
    _, store, engine, report = open_synced(write_jsonl(tmp_path / "d.jsonl", records))
    assert store.count() == 3
    assert engine.search("boom").total == 1  # its words are searchable
    assert titles(store, engine.search("person:obama")) == ["C"]
    assert titles(store, engine.search("person:putin")) == ["A"]
    assert engine.stats().annotated == 3  # the failure is recorded, not retried each start


def test_parallel_indexing_works_when_stderr_has_no_file_descriptor(tmp_path):
    """Inside the app, Textual replaces sys.stderr with an object whose fileno() is -1;
    starting the indexing processes used to fail there ("bad value(s) in fds_to_keep")."""
    records = [{"id": str(i), "title": f"T{i}", "text": PUTIN + f" item{i}"} for i in range(40)]
    path = write_jsonl(tmp_path / "d.jsonl", records)
    script = textwrap.dedent(
        f"""
        import io, sys
        from tuireader.core.cache import sync as sync_module
        from tuireader.core.cache.corpus import Corpus

        class Captured(io.StringIO):
            def fileno(self):
                return -1

        def main():
            sync_module.PARALLEL_BYTES = 0
            from tuireader.core.cache import annotation_sync
            annotation_sync.PARALLEL_ARTICLES = 1
            real = sys.stderr
            sys.stderr = Captured()
            corpus = Corpus([{str(path)!r}])
            store, engine = corpus.open_store(), corpus.open_engine()
            report = sync_module.sync(corpus, store, engine)
            engine.refresh()
            found = engine.search("person:putin").total
            sys.stderr = real
            print(report.added, report.annotated, found)

        if __name__ == "__main__":
            main()
        """
    )
    (tmp_path / "run.py").write_text(script)
    done = subprocess.run(
        [sys.executable, str(tmp_path / "run.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["40", "40", "40"]


def test_the_annotation_pass_reads_the_texts_the_text_pass_kept(tmp_path):
    """The corpus files are read once per sync: the second pass takes the texts from the
    store (here the dump is gone by then, and every article is still annotated)."""
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [{"id": "a", "title": "A", "text": PUTIN}, {"id": "b", "title": "B", "text": OBAMA}],
    )
    corpus = Corpus([path])
    store, engine = corpus.open_store(), corpus.open_engine()

    def progress(p):
        if p.stage == "annotations" and path.exists():
            path.unlink()

    report = sync(corpus, store, engine, progress=progress)
    engine.refresh()
    assert not path.exists() and report.annotated == 2
    assert titles(store, engine.search("person:putin")) == ["A"]
    assert titles(store, engine.search("speaker:obama")) == ["B"]
    # and the annotations the index was made from are kept for opening the articles
    kept = store.annotations(store.ordered_ids())
    assert len(kept) == 2
    engine.close()
    store.close()


def test_worker_processes_find_what_the_pass_finds_itself(tmp_path, monkeypatch):
    from tuireader.core.cache import annotation_sync, batching

    records = [
        {"id": str(i), "title": f"T{i}", "text": (PUTIN, OBAMA, PLAIN)[i % 3] + f" Item {i}."}
        for i in range(30)
    ]
    path = write_jsonl(tmp_path / "d.jsonl", records)
    monkeypatch.setattr(batching, "FIRST_BATCH", 7)
    monkeypatch.setattr(annotation_sync, "READ_BATCH", 4)
    submitted = []
    real_submit = annotation_sync.Annotating.submit
    monkeypatch.setattr(
        annotation_sync.Annotating,
        "submit",
        lambda self, texts, *more: submitted.append(len(texts)) or real_submit(self, texts, *more),
    )
    kept = {}
    for least in (10_000, 5):  # in this process; then in worker processes
        monkeypatch.setattr(annotation_sync, "PARALLEL_ARTICLES", least)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{least}"))
        corpus, store, engine, report = open_synced(path)
        assert report.annotated == 30
        assert titles(store, engine.search("person:putin")) == sorted(
            f"T{i}" for i in range(0, 30, 3)
        )
        kept[least] = store.annotations(list(range(1, 31)))
        assert len(kept[least]) == 30
    assert kept[10_000] == kept[5]
    assert sum(submitted) == 30  # every text went to the workers in the second run


def test_a_sync_after_a_complete_pass_does_not_compare_every_article(tmp_path, monkeypatch):
    path = tmp_path / "d.jsonl"
    write_jsonl(
        path, [{"id": "a", "title": "A", "text": PUTIN}, {"id": "b", "title": "B", "text": OBAMA}]
    )
    corpus, store, engine, _ = open_synced(path)
    compared = []
    real = type(store).article_hashes
    monkeypatch.setattr(
        type(store), "article_hashes", lambda self: compared.append(1) or real(self)
    )
    assert sync(corpus, store, engine).annotated == 0
    assert compared == []  # the pass before noted the index complete
    write_jsonl(path, [{"id": "a", "title": "A", "text": OBAMA}])
    report = sync(corpus, store, engine)  # a changed article: compared again
    engine.refresh()
    assert compared == [1] and report.annotated == 1
    assert titles(store, engine.search("person:obama")) == ["A"]
    assert sync(corpus, store, engine).annotated == 0 and compared == [1]


def test_an_annotation_index_that_lost_documents_is_compared_again(tmp_path):
    from tuireader.core.search import annotation_ident

    path = tmp_path / "d.jsonl"
    write_jsonl(
        path, [{"id": "a", "title": "A", "text": PUTIN}, {"id": "b", "title": "B", "text": OBAMA}]
    )
    corpus, store, engine, _ = open_synced(path)
    article_id, digest, _file = next(row for row in store.article_hashes())
    writer = engine.annotation_writer()
    writer.delete(annotation_ident(article_id, digest))
    writer.commit()
    assert engine.stats().annotated == 1
    assert sync(corpus, store, engine).annotated == 1
    assert engine.stats().annotated == 2
