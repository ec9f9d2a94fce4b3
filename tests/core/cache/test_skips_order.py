"""The skipped items are listed in reading order: a dump's line 2 before its line 10."""

from __future__ import annotations

from tuireader.core.cache.store import DISCOVERY, MetaStore


def test_skips_come_file_by_file_in_record_order(tmp_path):
    store = MetaStore(tmp_path / "articles.sqlite", read_ahead=False)
    try:
        dump = "/news/quillon.jsonl"
        lines = [f"{dump}:{n}" for n in (10, 2, 1, 11, 9)]
        store.set_skips(dump, [(item, "bad JSON line") for item in lines])
        store.set_skips("/news/jonsby.pdf", [("/news/jonsby.pdf", "no text layer")])
        store.set_skips(DISCOVERY, [("/news/b.bin", "not an article file"), ("/news/a.png", "x")])
        listed = [item for item, _reason in store.skips()]
        assert listed == [
            "/news/a.png",
            "/news/b.bin",
            "/news/jonsby.pdf",
            *(f"{dump}:{n}" for n in (1, 2, 9, 10, 11)),
        ]
        assert [item for item, _ in store.skips(limit=3)] == listed[:3]
    finally:
        store.db.close()
