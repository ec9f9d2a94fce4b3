"""Writing the corpus entity table: per article, its names and speakers as compact rows.

Each name is kept once (``entity_names``: id, type, name); an article's row is three blobs of
32-bit integers: (name id, mentions) pairs, (speaker id, quotations) pairs and (acronym id,
expansion id) pairs. Its quotations (``quotations``, articles with any) are a blob of
32-bit (speaker id or 0, start, end, words hash's low and high halves) rows: what
who-said-what lists, read without decoding the article's annotations; a quotation's text is
read from the article's text (offsets into its full text), which the store keeps once. The
rows of a batch go into the store with ``executemany`` in the same transaction as its
annotations (and the articles' near-duplicate pairs: core/cache/duplicate_table.py); the name
ids come from a dictionary read once per pass, so no row costs a query. Rows of deleted
articles go with them (a trigger); a changed article's row is replaced when it is annotated
again.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Sequence

from tuireader.core.cache.duplicate_table import write_near_duplicates
from tuireader.core.investigate.rows import SPEAKER, EntityRow, QuoteRow


def pack(pairs: list[int]) -> bytes:
    return array("i", pairs).tobytes()


def unpack(blob: bytes) -> array:
    found = array("i")
    found.frombytes(blob)
    return found


# speaker id (0: none named), start, end, the words hash's low and high 32 bits
QUOTE_FIELDS = 5


def pack_quotes(quotes: Sequence[QuoteRow], name_id: Callable[[int, str], int]) -> bytes:
    """An article's quotations as stored: 32-bit integer rows, no text."""
    numbers: list[int] = []
    for quote in quotes:
        speaker = name_id(SPEAKER, quote.speaker) if quote.speaker else 0
        low = quote.words & 0xFFFFFFFF
        numbers += (speaker, quote.start, quote.end, low - (low >> 31 << 32), quote.words >> 32)
    return pack(numbers)


def joined_hash(low: int, high: int) -> int:
    """The words hash from the two signed 32-bit halves ``pack_quotes`` stores."""
    return (high << 32) | (low & 0xFFFFFFFF)


def joined_quotes(blobs: Sequence[bytes]) -> tuple[array, list[int]]:
    """Several articles' ``pack_quotes`` rows as one array (``QUOTE_FIELDS`` integers a row:
    speaker id, start, end, the words hash's low and high halves) and the row number after
    each article's last: read at once, not a row at a time."""
    values = unpack(b"".join(blobs))
    ends: list[int] = []
    total = 0
    size = 4 * QUOTE_FIELDS
    for blob in blobs:
        total += len(blob) // size
        ends.append(total)
    return values, ends


class EntityTableWriter:
    """Turns entity rows into the store's compact rows; one per annotation pass. ``texts``
    reads stored texts (``MetaStore.bodies``): with it, the rows' near-duplicates are found
    too (core/cache/duplicate_table.py)."""

    def __init__(self, texts: Callable[[Sequence[int]], dict[int, str]] | None = None) -> None:
        self._ids: dict[tuple[int, str], int] | None = None
        self._next = 1
        self._texts = texts

    def writer(self, rows: Sequence[tuple[int, EntityRow]]) -> Callable[[sqlite3.Connection], None]:
        """What ``MetaStore.put_annotations(also=...)`` runs to write these rows."""

        def write(db: sqlite3.Connection) -> None:
            ids = self._names(db)
            new: list[tuple[int, int, str]] = []

            def name_id(kind: int, name: str) -> int:
                found = ids.get((kind, name))
                if found is None:
                    found = ids[kind, name] = self._next
                    self._next += 1
                    new.append((found, kind, name))
                return found

            packed = []
            quoted = []
            unquoted = []
            for article_id, row in rows:
                if row.quotes:
                    quoted.append((article_id, pack_quotes(row.quotes, name_id)))
                else:
                    unquoted.append((article_id,))
                entities: list[int] = []
                for (kind, name), count in row.entities.items():
                    entities += (name_id(kind, name), count)
                speakers: list[int] = []
                for name, count in row.speakers.items():
                    speakers += (name_id(SPEAKER, name), count)
                acronyms: list[int] = []
                for short, long in row.acronyms:
                    acronyms += (name_id(1, short), name_id(1, long))
                packed.append((article_id, pack(entities), pack(speakers), pack(acronyms)))
            try:
                db.executemany("INSERT INTO entity_names VALUES (?, ?, ?)", new)
                db.executemany(
                    "INSERT OR REPLACE INTO article_entities VALUES (?, ?, ?, ?)", packed
                )
                db.executemany("INSERT OR REPLACE INTO quotations VALUES (?, ?)", quoted)
                db.executemany("DELETE FROM quotations WHERE id = ?", unquoted)
                if self._texts is not None:
                    sketches = [(article_id, row.sketch) for article_id, row in rows]
                    write_near_duplicates(db, sketches, self._texts)
                db.execute("UPDATE entity_state SET changes = changes + 1")
            except sqlite3.Error:
                self._ids = None  # read again next time: the names may not have been written
                raise

        return write

    def forget(self) -> None:
        """The batch was not written: read the name ids again next time."""
        self._ids = None
        self._next = 1

    def _names(self, db: sqlite3.Connection) -> dict[tuple[int, str], int]:
        if self._ids is None:
            self._ids = {}
            for name_id, kind, name in db.execute("SELECT id, type, name FROM entity_names"):
                self._ids[kind, name] = name_id
                self._next = max(self._next, name_id + 1)
        return self._ids
