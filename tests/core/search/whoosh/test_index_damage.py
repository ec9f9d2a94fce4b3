"""The whoosh engine's files on disk: a full disk at commit, a stale write lock, damaged
segments in either index found, set aside and rebuilt (moved from the hostile-corpus tests)."""

import errno

import pytest

from tests.core.ingest.test_hostile_corpus import MARK, _damage, _indexed_folder, _run_cli
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search import QueryError


def test_full_disk_while_indexing_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from tuireader.core.search.whoosh import writing

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("A\n\nbody\n")

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.TextWriter, "commit", full)
    code, out, err = _run_cli(["index", str(tmp_path / "c")], capsys)
    assert code == 2 and err.strip().endswith("No space left on device")
    assert err.count("\n") == 1
    monkeypatch.undo()
    code, out, err = _run_cli(["index", str(tmp_path / "c")], capsys)  # space again: it works
    assert code == 0 and "1 articles" in out


def test_stale_whoosh_lock_file_does_not_block(tmp_path, capsys):
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text(f"A\n\n{MARK} alpha\n")
    assert _run_cli(["index", str(root)], capsys)[0] == 0
    corpus = Corpus([root])
    (corpus.index_dir / "MAIN_WRITELOCK").write_text("left by a killed writer")
    (root / "b.txt").write_text(f"B\n\n{MARK} beta\n")
    code, out, err = _run_cli(["index", str(root)], capsys)
    assert code == 0 and "2 articles (1 added" in out


@pytest.mark.parametrize("how", ["half", "empty", "random"])
@pytest.mark.parametrize("part", ["whoosh", "whoosh-annotations"])
def test_damaged_index_segment_is_found_set_aside_and_rebuilt(tmp_path, capsys, how, part):
    root, corpus = _indexed_folder(tmp_path, capsys)
    segments = sorted((corpus.cache_dir / part).glob("*.seg"))
    assert segments
    for segment in segments:
        _damage(segment, how)
    # Before any sync: the list still works, a search says what is wrong (no traceback).
    store, engine = corpus.open_store(), corpus.open_engine()
    assert len(store.ordered_ids()) == 40
    query = MARK if part == "whoosh" else f"exact:{MARK}"
    with pytest.raises(QueryError) as caught:
        engine.search(query)
    assert "search index is damaged" in str(caught.value)
    engine.close()
    store.close()
    code, out, err = _run_cli(["search", query, "--corpus", str(root)], capsys)
    assert code == 0, err
    assert "40 of 40 articles match" in out
    assert "search index was damaged" in err and f"kept as {part}.corrupt-1" in err
    assert (corpus.cache_dir / f"{part}.corrupt-1").is_dir()
    code, out, err = _run_cli(["search", f"w7x {query}", "--corpus", str(root)], capsys)
    assert code == 0 and "1 of 40 articles match" in out and not err
    corpus = Corpus([root])
    assert corpus.open_engine().doc_count() == 40


def test_damaged_index_rebuild_keeps_the_list_and_article_ids(tmp_path, capsys):
    root, corpus = _indexed_folder(tmp_path, capsys)
    store = corpus.open_store()
    before = {row.key: row.id for row in store.rows(store.ordered_ids()).values()}
    for segment in (corpus.cache_dir / "whoosh").glob("*.seg"):
        _damage(segment, "half")
    engine = corpus.open_engine()
    seen: list[int] = []
    report = sync(corpus, store, engine, progress=lambda p: seen.append(len(store.ordered_ids())))
    assert "search index was damaged" in report.repaired and report.added == 40
    assert seen and min(seen) == 40  # the list never emptied while the index was rebuilt
    after = {row.key: row.id for row in store.rows(store.ordered_ids()).values()}
    assert after == before
    assert engine.search(MARK).total == 40 == engine.doc_count()
    again = sync(corpus, store, engine)
    assert (again.added, again.updated, again.removed) == (0, 0, 0) and not again.repaired
