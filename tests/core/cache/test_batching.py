"""Batch sizes of the sync passes, and an engine's scale on its parallel batches."""

from __future__ import annotations

from tuireader.core.cache import batching


def test_parallel_batches_go_straight_to_the_largest() -> None:
    assert batching.next_batch(batching.FIRST_BATCH, True) == batching.MAX_BATCH


def test_serial_batches_grow_up_to_the_largest() -> None:
    assert batching.next_batch(100, False) == 100 * batching.BATCH_GROWTH
    assert batching.next_batch(batching.MAX_BATCH, False) == batching.MAX_BATCH


def test_scale_multiplies_only_parallel_batches(monkeypatch) -> None:
    monkeypatch.setattr(batching, "MAX_BATCH", 300)
    assert batching.next_batch(100, True, 3) == 900
    assert batching.next_batch(900, True, 3) == 900
    assert batching.next_batch(100, False, 3) == 300  # a small sync keeps its small batches


def test_engine_scale_defaults_to_one() -> None:
    class Plain:
        pass

    class Bigger:
        parallel_batch_scale = 3

    assert batching.batch_scale(Plain()) == 1
    assert batching.batch_scale(Bigger()) == 3


def test_whoosh_engine_asks_for_bigger_parallel_batches(tmp_path) -> None:
    from tuireader.core.search.whoosh.engine import WhooshEngine

    engine = WhooshEngine(tmp_path / "idx")
    try:
        assert batching.batch_scale(engine) > 1
    finally:
        engine.close()


def test_a_corpus_engine_passes_the_scale_on(tmp_path) -> None:
    from tests.conftest import write_jsonl
    from tuireader.core.cache.corpus import Corpus

    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "1", "title": "T", "text": "Words."}])
    corpus = Corpus([path])
    corpus.choose_engine("whoosh")
    engine = corpus.open_engine()
    try:
        assert batching.batch_scale(engine) == engine.inner.parallel_batch_scale > 1
    finally:
        engine.close()
