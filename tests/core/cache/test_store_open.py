"""Opening a store while a sync writes: a reader in another thread (near-duplicates, who said
what) opens its own connection at once instead of waiting for the sync's write lock (it waited
up to 30 s and then failed with "database is locked", which ended the app)."""

import sqlite3
import threading

from tuireader.core.cache.store import MetaStore


def test_an_existing_store_opens_while_another_connection_writes(tmp_path):
    path = tmp_path / "articles.sqlite"
    MetaStore(path, read_ahead=False).db.close()
    writer = sqlite3.connect(str(path), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a sync's write transaction
    writer.execute("DELETE FROM list_order")
    counted: list[int] = []

    def read() -> None:
        store = MetaStore(path, read_ahead=False)
        try:
            counted.append(store.count())
        finally:
            store.db.close()

    reader = threading.Thread(target=read, daemon=True)
    try:
        reader.start()
        reader.join(5)
        assert counted == [0], "the store did not open while another connection was writing"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reader.join(35)


def test_a_new_store_gets_every_table(tmp_path):
    store = MetaStore(tmp_path / "articles.sqlite", read_ahead=False)
    try:
        assert store.count() == 0
        assert store.db.execute("SELECT changes FROM entity_state").fetchone() == (0,)
    finally:
        store.db.close()
