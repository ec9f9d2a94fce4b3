"""The light metadata store: what the list pane needs, without touching the search index.

SQLite in WAL mode, so the list can read while a background sync writes. Each thread opens
its own ``MetaStore`` on the same file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from tuireader.core.base.articles import Article
from tuireader.core.base.atomic import set_aside
from tuireader.core.base.log import get_logger
from tuireader.core.base.text import fold
from tuireader.core.cache.body_packing import BackgroundPacker
from tuireader.core.cache.text_dict import (
    LEGACY_PLAIN_MOST,
    SAMPLE_BYTES,
    SAMPLE_TEXTS,
    TextPacker,
    make_dict,
)
from tuireader.core.ingest.loaders import CorpusError

# The ``file`` under which skips found while walking the folders are kept (not a real file).
DISCOVERY = ""


class CacheError(CorpusError):
    """The cache folder (index and metadata) cannot be written: read-only, full, or missing
    permissions. The message is one line, for the user."""


def cache_error(action: str, where: Path, exc: BaseException) -> CacheError:
    """A CacheError with a one-line message from an OSError or sqlite3 error."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return CacheError(f"cannot {action} in {where}: {reason or type(exc).__name__}")


SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE NOT NULL,
    file TEXT NOT NULL,
    locator INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    date_ts REAL,
    date_text TEXT NOT NULL,
    url TEXT NOT NULL,
    hash TEXT NOT NULL,
    has_headline INTEGER NOT NULL,
    sort_title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skips (
    file TEXT NOT NULL,
    item TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS skips_file ON skips(file);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_by_date
    ON articles((date_ts IS NULL), date_ts DESC, file, locator);
-- The list's order (ordered_ids) saved as one blob of 64-bit ids, so that a reader opening a
-- large corpus gets it at once instead of sorting every row. Any change to the articles that
-- can move one drops it (the triggers); the next commit saves it again.
CREATE TABLE IF NOT EXISTS list_order (ids BLOB NOT NULL);
-- Each article's text (the one home of article text: snippets, the reading pane, exports
-- and the annotation pass read it here; reading them back from a dump is many times slower).
-- A short text (PLAIN_TEXT_MOST bytes) is kept as plain text (compressing it saves little);
-- a longer one is a zlib blob (with the text_dict below once there is one): half the size or
-- less, so that the cache stays small (texts were most
-- of it), and faster to read back than plain ones spilling onto more pages (inflating a page
-- of texts takes 0.1 ms; benchmarks/README.md, "Figures behind the design"). So are texts
-- with lone surrogates (undecodable bytes, which
-- SQLite's text cannot hold). A store made before this table has none: those snippets are read
-- from the corpus as before.
CREATE TABLE IF NOT EXISTS bodies (id INTEGER PRIMARY KEY, text BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS bodies_delete AFTER DELETE ON articles
    BEGIN DELETE FROM bodies WHERE id = old.id; END;
-- The zlib dictionary of the texts kept from then on (core/cache/text_dict.py): the corpus's
-- most frequent words, made once from its first texts (a fifth to a third smaller texts).
CREATE TABLE IF NOT EXISTS text_dict (id INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL);
-- Each article's entities and quotations (offsets into its full text), so that opening it does
-- not annotate it again: ``version`` names the content hash, the entity backend and the
-- annotators they were found with; any other version is stale and found again.
CREATE TABLE IF NOT EXISTS annotations (id INTEGER PRIMARY KEY, version TEXT NOT NULL,
    data BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS annotations_delete AFTER DELETE ON articles
    BEGIN DELETE FROM annotations WHERE id = old.id; END;
-- The corpus entity table (core/cache/entity_table.py): each name once, by type (0 person,
-- 1 org, 2 place, 3 misc); per article, its names and speakers as arrays of 32-bit
-- (name id, count) pairs and the acronyms it defines as (acronym id, expansion id) pairs.
-- Written by the annotation pass in the same transaction as the annotations.
CREATE TABLE IF NOT EXISTS entity_names (id INTEGER PRIMARY KEY, type INTEGER NOT NULL,
    name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article_entities (id INTEGER PRIMARY KEY, entities BLOB NOT NULL,
    speakers BLOB NOT NULL, acronyms BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS article_entities_delete AFTER DELETE ON articles
    BEGIN DELETE FROM article_entities WHERE id = old.id; END;
-- Per article with quotations: 32-bit (speaker id or 0, start, end, words hash low, high) rows,
-- offsets into its full text: who-said-what reads these, not the annotations, and a
-- quotation's text from the article's (``bodies``: kept once). ``article_quotes`` (ROWS_VERSION
-- 3 and 4) also kept every quotation's text: dropped (its rows are made again, see
-- investigate.rows).
DROP TRIGGER IF EXISTS article_quotes_delete;
DROP TABLE IF EXISTS article_quotes;
CREATE TABLE IF NOT EXISTS quotations (id INTEGER PRIMARY KEY, quotes BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS quotations_delete AFTER DELETE ON articles
    BEGIN DELETE FROM quotations WHERE id = old.id; END;
-- Near-duplicates (core/cache/duplicate_table.py), found by the annotation pass: each
-- article's sketch keys (pairs of its lowest word-run hashes; an article's old keys are left
-- when it changes or goes: a key only makes two articles compared, on their stored texts), and
-- the pairs of articles sharing most of their text (a < b), which a list's folding reads.
CREATE TABLE IF NOT EXISTS sketch_keys (key INTEGER NOT NULL, id INTEGER NOT NULL,
    PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicates (a INTEGER NOT NULL, b INTEGER NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS near_duplicates_b ON near_duplicates(b);
CREATE TRIGGER IF NOT EXISTS near_duplicates_delete AFTER DELETE ON articles
    BEGIN DELETE FROM near_duplicates WHERE a = old.id OR b = old.id; END;
-- A number that changes whenever the entity table does (read to know when to read it again).
-- ``version``: how the rows were made (investigate.rows.ROWS_VERSION); others are made again.
CREATE TABLE IF NOT EXISTS entity_state (changes INTEGER NOT NULL, version TEXT NOT NULL);
INSERT INTO entity_state SELECT 0, '' WHERE NOT EXISTS (SELECT 1 FROM entity_state);
CREATE TRIGGER IF NOT EXISTS entity_rows_gone AFTER DELETE ON article_entities
    BEGIN UPDATE entity_state SET changes = changes + 1; END;
-- The annotation pass found the annotation index complete for the articles (see
-- annotation_sync): ``spec`` names the backend and the rows' version, ``docs`` the index's
-- documents then. Any change to the articles forgets it, so the next pass compares them all.
CREATE TABLE IF NOT EXISTS annotated (spec TEXT NOT NULL, docs INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS annotated_insert AFTER INSERT ON articles
    BEGIN DELETE FROM annotated; END;
CREATE TRIGGER IF NOT EXISTS annotated_delete AFTER DELETE ON articles
    BEGIN DELETE FROM annotated; END;
CREATE TRIGGER IF NOT EXISTS annotated_update AFTER UPDATE OF id, hash ON articles
    BEGIN DELETE FROM annotated; END;
-- Work a sync still owes an older store ('texts': keep the texts of its articles).
CREATE TABLE IF NOT EXISTS pending (what TEXT PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS list_order_insert AFTER INSERT ON articles
    BEGIN DELETE FROM list_order; END;
CREATE TRIGGER IF NOT EXISTS list_order_delete AFTER DELETE ON articles
    BEGIN DELETE FROM list_order; END;
CREATE TRIGGER IF NOT EXISTS list_order_update AFTER UPDATE OF date_ts, file, locator
    ON articles BEGIN DELETE FROM list_order; END;
"""
# What SCHEMA makes and drops: a store that already has all of it is opened without running it,
# because its INSERT takes the write lock, which a sync may hold for many seconds while a
# reader in another thread (near-duplicates, who said what) opens its own connection.
_SCHEMA_MADE = frozenset(re.findall(r"IF NOT EXISTS (\w+)", SCHEMA))
_SCHEMA_DROPPED = frozenset(re.findall(r"DROP \w+ IF EXISTS (\w+)", SCHEMA))
_ORDER_SQL = "SELECT id FROM articles ORDER BY (date_ts IS NULL), date_ts DESC, file, locator"

# Bytes of UTF-8 kept plain before the store has its text dictionary (text_dict.PLAIN_MOST
# after); longer texts are compressed.
PLAIN_TEXT_MOST = LEGACY_PLAIN_MOST
# Pages of a new store: a compressed text is about 2 KB, and 4 KB pages held one or two of them
# with the rest of the page unused (a third of the texts' space); 16 KB pages waste a few %.
PAGE_SIZE = 16384

_ROW_COLUMNS = "id, key, file, locator, title, source, date_ts, date_text, url, has_headline"
# An article's quotations as ``quote_rows`` reads them (see there).
QuoteRows = tuple[int, str, str, str, float | None, str, str, bytes]
_JOINED_COLUMNS = ", ".join(f"a.{column}" for column in _ROW_COLUMNS.split(", "))


@dataclass(slots=True, unsafe_hash=True)
class ArticleRow:
    """An article's metadata as the list pane shows it; read-only by convention.

    Not ``frozen``: a frozen dataclass sets each field through ``object.__setattr__``, and
    making rows took 1.2 us each instead of 0.2 (a page of results makes twenty, the list
    a thousand).
    """

    id: int
    key: str
    file: str
    locator: int
    title: str
    source: str
    date_ts: float | None
    date_text: str
    url: str
    has_headline: bool

    @property
    def date(self) -> datetime | None:
        if self.date_ts is None:
            return None
        return datetime.fromtimestamp(self.date_ts, tz=UTC)


# A store is read ahead on opening (see _read_ahead) when it is at most this share of the
# machine's memory, and at most READ_AHEAD_MOST.
READ_AHEAD_SHARE = 16
READ_AHEAD_MOST = 2**30


def read_ahead_limit() -> int:
    """The biggest store read ahead here: a sixteenth of the memory, at most 1 GiB."""
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):  # pragma: no cover - not on every system
        return 64 * 2**20
    return min(READ_AHEAD_MOST, memory // READ_AHEAD_SHARE)


_read_ahead_done: set[str] = set()  # stores read ahead in this process: once each
_read_ahead_lock = threading.Lock()


def _read_ahead(path: Path) -> None:
    """Have the store read into the kernel's cache in the background: the first pages of
    results read rows and texts from random places in the file, many times slower from disk
    than from memory (posix_fadvise's WILLNEED read less than half of it here). What is
    read is the kernel's cache, given back under memory pressure, not this process's memory;
    a store too big for a small share of the memory is left to be read as used. Once per
    store and process: workers open their own connections, a search's snippets one."""
    with _read_ahead_lock:
        if str(path) in _read_ahead_done:
            return
        try:
            if path.stat().st_size > read_ahead_limit():
                return
        except OSError:
            return  # not made yet
        _read_ahead_done.add(str(path))
    reader = threading.Thread(target=_read_through, args=(path,), name="store-read-ahead")
    reader.daemon = True
    reader.start()


def _read_through(path: Path) -> None:
    # The lowest CPU priority for this thread (Linux: threads have their own), so the read
    # never competes with drawing the list at launch.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    buffer = bytearray(2**20)
    with contextlib.suppress(OSError), open(path, "rb", buffering=0) as handle:
        while handle.readinto(buffer):
            pass


def store_damage(exc: BaseException) -> bool:
    """Whether an error reading the store says its file is damaged (not a database, a
    corrupted page, text that is not UTF-8) rather than busy, full or read-only."""
    if isinstance(exc, UnicodeDecodeError):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    text = str(exc)
    return "malformed" in text or "not a database" in text or "Could not decode" in text


class MetaStore:
    """One connection to a corpus's metadata database.

    ``read_only`` opens an existing database without writing anything next to it (for a
    read-only cache folder); raises CacheError when it cannot be opened either way. A damaged
    database (it is a cache: the files are read again) is set aside as
    ``articles.sqlite.corrupt-N`` and a new one made; ``warning`` then says so.
    """

    def __init__(self, path: Path, read_only: bool = False, read_ahead: bool = True) -> None:
        self.path = path
        self.read_only = read_only
        self.warning: str | None = None
        self._packer: TextPacker | None = None  # how texts are kept (see text_dict)
        self._sample: list[bytes] = []  # first texts, for the dictionary
        self._packing = BackgroundPacker()  # texts being packed, written before they are read
        if read_ahead:  # else when asked (``read_ahead``)
            _read_ahead(path)
        if read_only:
            self.db = _connect_read_only(path)
            return
        try:
            try:
                self._connect()
            except sqlite3.DatabaseError as exc:
                if not store_damage(exc):
                    raise
                self.replace_damaged(str(exc))
        except (OSError, sqlite3.Error) as exc:
            raise cache_error("write the article list", path.parent, exc) from exc

    def read_ahead(self) -> None:
        """Have the file read into the kernel's cache in the background (once a process)."""
        _read_ahead(self.path)

    def _connect(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        try:
            self.db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new store only (before WAL)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            tables = self._tables()
            older = bool(tables) and "bodies" not in tables
            if not tables >= _SCHEMA_MADE or tables & _SCHEMA_DROPPED:
                self.db.executescript(SCHEMA)
            if older:  # made before texts were kept: the next sync fills them in
                self.db.execute("INSERT OR IGNORE INTO pending VALUES ('texts')")
            self.db.execute("SELECT count(*) FROM articles").fetchone()
        except BaseException:
            self.db.close()
            raise
        self._inode = _inode(self.path)

    def damaged(self) -> bool:
        """Whether SQLite finds the database damaged (reads all of it: after an error only)."""
        try:
            found = self.db.execute("PRAGMA quick_check(1)").fetchone()
        except sqlite3.DatabaseError as exc:
            return store_damage(exc)
        return bool(found) and found[0] != "ok"

    def replace_damaged(self, reason: str) -> Path:
        """Keep the damaged database aside (with its WAL) as ``articles.sqlite.corrupt-N`` and
        start an empty one, which the next sync fills again; returns the backup's path."""
        with contextlib.suppress(sqlite3.Error, AttributeError):
            self.db.close()
        backup = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(FileNotFoundError):
                os.replace(side, backup.with_name(backup.name + suffix))
        self._connect()
        reason = " ".join(reason.split())[:200]
        self.warning = (
            f"The article list {self.path} was damaged ({reason}); kept as {backup.name}, "
            "indexing the corpus again"
        )
        get_logger().warning("%s", self.warning)
        return backup

    def follow_replacement(self) -> None:
        """Reconnect when another connection replaced a damaged database file (a connection
        keeps reading the file it opened, now the backup)."""
        if self.read_only or _inode(self.path) in (self._inode, None):
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        try:
            self._connect()
        except (OSError, sqlite3.Error) as exc:
            raise cache_error("read the article list", self.path.parent, exc) from exc

    def close(self) -> None:
        self._packing.close()
        self.db.close()

    def _tables(self) -> set[str]:
        return {name for (name,) in self.db.execute("SELECT name FROM sqlite_master")}

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def generation(self) -> int:
        """A number that changes when another connection (a sync in this process or in
        another) commits to the store: a cheap check whether the list is still current."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def ordered_ids(self) -> list[int]:
        """All article ids, newest first, undated last (in file order)."""
        return self.ordered_id_array().tolist()

    def ordered_id_array(self) -> array[int]:
        """``ordered_ids`` as 64-bit integers: 8 bytes an article, where a list of ints takes
        40 (the list pane holds every article's id)."""
        self.follow_replacement()  # the list is read again: after a sync, which may replace it
        ids = array("q")
        with contextlib.suppress(sqlite3.Error):  # an older store without the table
            saved = self.db.execute("SELECT ids FROM list_order").fetchone()
            if saved is not None:
                ids.frombytes(saved[0])
                return ids
        ids.extend(row[0] for row in self.db.execute(_ORDER_SQL))
        return ids

    def rows(self, ids: Sequence[int]) -> dict[int, ArticleRow]:
        """Metadata for the given ids (missing ids are left out, and so are rows of a damaged
        store that cannot be read: the sync sets it aside and reads the corpus again)."""
        found: dict[int, ArticleRow] = {}
        try:
            self._read_rows(ids, found)
        except sqlite3.DatabaseError as exc:
            if not store_damage(exc):
                raise
            if "Could not decode" in str(exc):  # bytes that are not UTF-8: shown as U+FFFD
                self.db.text_factory = _lenient_text
                with contextlib.suppress(sqlite3.DatabaseError):
                    self._read_rows(ids, found)
        return found

    def _read_rows(self, ids: Sequence[int], found: dict[int, ArticleRow]) -> None:
        for marks, chunk in _id_lists(ids):
            for values in self.db.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                row = _row(values)
                found[row.id] = row

    def get(self, article_id: int) -> ArticleRow | None:
        return self.rows([article_id]).get(article_id)

    def bodies(self, ids: Sequence[int]) -> dict[int, str]:
        """The stored text of these articles (those without one are left out)."""
        self._write_packed()
        found: dict[int, str] = {}
        with contextlib.suppress(sqlite3.Error):  # an older read-only store without the table
            for marks, chunk in _id_lists(ids):
                query = f"SELECT id, text FROM bodies WHERE id IN ({marks})"
                for article_id, kept in self.db.execute(query, chunk):
                    text = self._unpack(kept)
                    if text is not None:
                        found[article_id] = text
        return found

    def digests(self, ids: Sequence[int]) -> dict[int, str]:
        """The content hash of these articles (what their annotations are kept under)."""
        found: dict[int, str] = {}
        for marks, chunk in _id_lists(ids):
            found.update(
                self.db.execute(f"SELECT id, hash FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def annotations(self, ids: Sequence[int]) -> dict[int, tuple[str, bytes]]:
        """The kept annotations of these articles: id -> (version, data); none for a store
        made before they were kept (read-only: the table cannot be added)."""
        found: dict[int, tuple[str, bytes]] = {}
        with contextlib.suppress(sqlite3.Error):
            for marks, chunk in _id_lists(ids):
                query = f"SELECT id, version, data FROM annotations WHERE id IN ({marks})"
                for article_id, version, data in self.db.execute(query, chunk):
                    found[article_id] = (version, data)
        return found

    def put_annotations(
        self,
        kept: Iterable[tuple[int, str, bytes]],
        wait: float = 0.0,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> bool:
        """Keep annotations (id, version, data); whether they were written. A cache: when a
        sync holds the database for longer than ``wait`` seconds, or it is read-only, nothing
        is written (they are found again next time) and the caller does not wait. ``also``
        writes more in the same transaction (the entity table's rows)."""
        if self.read_only:
            return False
        kept = list(kept)
        if not kept and also is None:
            return True
        if self.db.in_transaction:  # the caller's transaction
            try:
                self.db.executemany("INSERT OR REPLACE INTO annotations VALUES (?, ?, ?)", kept)
                if also is not None:
                    also(self.db)
            except sqlite3.Error:
                return False
            return True
        try:
            self.db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO annotations VALUES (?, ?, ?)", kept)
            if also is not None:
                also(self.db)
            self.db.execute("COMMIT")
            return True
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self.rollback()
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA busy_timeout = 30000")

    def rows_and_texts(self, ids: Sequence[int]) -> tuple[dict[int, ArticleRow], dict[int, str]]:
        """``rows(ids)`` and ``bodies(ids)`` in one query: what a page of snippets needs
        (one query instead of two)."""
        self._write_packed()
        rows: dict[int, ArticleRow] = {}
        texts: dict[int, str] = {}
        try:
            for marks, chunk in _id_lists(ids):
                query = (
                    f"SELECT {_JOINED_COLUMNS}, b.text FROM articles a "
                    f"LEFT JOIN bodies b ON b.id = a.id WHERE a.id IN ({marks})"
                )
                for values in self.db.execute(query, chunk):
                    row = _row(values[:-1])
                    rows[row.id] = row
                    text = self._unpack(values[-1])
                    if text is not None:
                        texts[row.id] = text
        except sqlite3.Error:  # an older read-only store without the bodies table (or a
            return self.rows(ids), {}  # damaged one: what can be read)
        return rows, texts

    def by_key(self, key: str) -> ArticleRow | None:
        values = self.db.execute(
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE key = ?", (key,)
        ).fetchone()
        return _row(values) if values else None

    def entity_names(self) -> list[tuple[int, int, str]]:
        """(id, type, name) of every name in the entity table."""
        with contextlib.suppress(sqlite3.Error):  # an older read-only store without the table
            return list(self.db.execute("SELECT id, type, name FROM entity_names"))
        return []

    def names_of(self, ids: Sequence[int]) -> dict[int, str]:
        """The names of these entity table ids (those found)."""
        found: dict[int, str] = {}
        with contextlib.suppress(sqlite3.Error):
            for marks, chunk in _id_lists(ids):
                query = f"SELECT id, name FROM entity_names WHERE id IN ({marks})"
                found.update(self.db.execute(query, chunk))
        return found

    def entity_rows(self) -> list[tuple[int, bytes, bytes, bytes]]:
        """(article id, entities, speakers, acronyms) of every article in the entity table."""
        with contextlib.suppress(sqlite3.Error):
            return list(
                self.db.execute("SELECT id, entities, speakers, acronyms FROM article_entities")
            )
        return []

    def quote_rows(self, ids: Sequence[int]) -> list[QuoteRows] | None:
        """The stored quotations of these articles with what a quotation's site shows, as
        (id, key, title, source, date_ts, date_text, url, quotation rows) (see
        core/cache/entity_table.py): plain tuples, thousands are read per view (the first
        seven are a site's first fields, ``QuoteSite``); None: a store whose rows were made
        before they were kept (an older read-only one)."""
        found: list[QuoteRows] = []
        try:
            for marks, chunk in _id_lists(ids):
                query = (
                    "SELECT q.id, a.key, a.title, a.source, a.date_ts, "
                    "a.date_text, a.url, q.quotes FROM quotations q "
                    f"JOIN articles a ON a.id = q.id WHERE q.id IN ({marks})"
                )
                found.extend(self.db.execute(query, chunk))
        except sqlite3.Error:
            return None
        return found

    def entity_changes(self) -> int:
        """A number that changes whenever the entity table does."""
        with contextlib.suppress(sqlite3.Error, TypeError):
            return self.db.execute("SELECT changes FROM entity_state").fetchone()[0]
        return 0

    def entity_rows_version(self) -> str:
        with contextlib.suppress(sqlite3.Error, TypeError):
            return self.db.execute("SELECT version FROM entity_state").fetchone()[0]
        return ""

    def restart_entity_table(self, version: str) -> None:
        """Forget every entity row (made another way): the annotation pass makes them again,
        from the kept annotations."""
        self.begin()
        self.db.execute("DELETE FROM article_entities")
        self.db.execute("DELETE FROM quotations")
        self.db.execute("DELETE FROM entity_names")
        self.db.execute("DELETE FROM sketch_keys")
        self.db.execute("DELETE FROM near_duplicates")
        self.db.execute("UPDATE entity_state SET version = ?, changes = changes + 1", (version,))
        self.db.execute("COMMIT")

    def forget_sketch_keys(self) -> None:
        """Drop every article's near-duplicate keys: every article is annotated again (a new
        annotation index), and its keys with it; old ones would only pile up."""
        if self.read_only:
            return
        try:
            self.begin()
            self.db.execute("DELETE FROM sketch_keys")
            self.db.execute("COMMIT")
        except sqlite3.Error:  # a cache: left as it is when busy
            with contextlib.suppress(sqlite3.Error):
                self.rollback()

    def near_duplicate_pairs(self) -> list[tuple[int, int]] | None:
        """Every pair of near-duplicate articles the annotation pass found (a < b); None: a
        store whose rows were made before they were kept (an older read-only one)."""
        try:
            return list(self.db.execute("SELECT a, b FROM near_duplicates"))
        except sqlite3.Error:
            return None

    def annotation_pass_done(self, spec: str, docs: int) -> bool:
        """Whether the last annotation pass left the annotation index complete for these
        articles, made with ``spec``, when it had ``docs`` documents (see ``annotated``)."""
        with contextlib.suppress(sqlite3.Error):  # a read-only store of an older version
            found = self.db.execute("SELECT spec, docs FROM annotated").fetchall()
            return found == [(spec, docs)]
        return False

    def set_annotation_pass_done(self, spec: str, docs: int) -> None:
        """Note that the annotation index is complete for the articles as they are now."""
        if self.read_only or self.db.in_transaction:
            return
        with contextlib.suppress(sqlite3.Error):  # a note: without it the next pass compares
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM annotated")
            self.db.execute("INSERT INTO annotated VALUES (?, ?)", (spec, docs))
            self.db.execute("COMMIT")
        if self.db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")

    def ids_without_entity_row(self) -> set[int]:
        """The articles without a row in the entity table (few but after an upgrade)."""
        with contextlib.suppress(sqlite3.Error):
            query = "SELECT id FROM articles WHERE id NOT IN (SELECT id FROM article_entities)"
            return {row[0] for row in self.db.execute(query)}
        return set()

    def dated(self) -> list[tuple[int, float]]:
        """(id, date) of every dated article."""
        return list(self.db.execute("SELECT id, date_ts FROM articles WHERE date_ts IS NOT NULL"))

    def sources(self) -> list[tuple[str, int]]:
        """Each source named in the corpus with its article count, most articles first (for
        "Filter by source" in the palette)."""
        return list(
            self.db.execute(
                "SELECT source, count(*) AS n FROM articles WHERE source != '' "
                "GROUP BY source ORDER BY n DESC, source"
            )
        )

    def filtered_ids(
        self,
        source: str | None = None,
        start_ts: float | None = None,
        end_ts: float | None = None,
    ) -> list[int]:
        """Article ids, newest first, from exactly this source and dated in [start_ts, end_ts)
        (a bound left as None is open; a date bound leaves out undated articles)."""
        clauses: list[str] = []
        params: list[object] = []
        if source is not None:
            clauses.append("source = ?")
            params.append(source)
        if start_ts is not None:
            clauses.append("date_ts >= ?")
            params.append(start_ts)
        if end_ts is not None:
            clauses.append("date_ts < ?")
            params.append(end_ts)
        where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
        rows = self.db.execute(
            f"SELECT id FROM articles {where}"
            "ORDER BY (date_ts IS NULL), date_ts DESC, file, locator",
            params,
        )
        return [row[0] for row in rows]

    def titles_matching(self, text: str, limit: int = 50) -> list[ArticleRow]:
        """Articles whose title contains the text (case-insensitive), for open-by-title."""
        pattern = (
            "%" + fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        rows = self.db.execute(
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE sort_title LIKE ? ESCAPE '\\' "
            "ORDER BY sort_title LIMIT ?",
            (pattern, limit),
        )
        return [_row(values) for values in rows]

    # -- sync bookkeeping --------------------------------------------------------------------

    def file_states(self) -> dict[str, tuple[int, int]]:
        return {
            path: (size, mtime)
            for path, size, mtime in self.db.execute("SELECT path, size, mtime_ns FROM files")
        }

    def articles_of_file(self, file: str) -> dict[str, tuple[int, str]]:
        """key -> (id, content hash) for every article stored from a file."""
        return {
            key: (article_id, digest)
            for article_id, key, digest in self.db.execute(
                "SELECT id, key, hash FROM articles WHERE file = ?", (file,)
            )
        }

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self._write_packed()
        if self.db.in_transaction:
            if self.db.execute("SELECT 1 FROM list_order").fetchone() is None:
                ids = array("q", (row[0] for row in self.db.execute(_ORDER_SQL)))
                self.db.execute("INSERT INTO list_order (ids) VALUES (?)", (ids.tobytes(),))
            self.db.execute("COMMIT")

    def save_order(self) -> None:
        """Save the list's order if it is not saved (a store made by an older version)."""
        if self.db.execute("SELECT 1 FROM list_order").fetchone() is None:
            self.begin()
            self.commit()

    def rollback(self) -> None:
        self._packing.discard()
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self._packer = None  # a dictionary made in the transaction is gone with it

    def put_article(self, article: Article, digest: str) -> int:
        """Insert or update an article's metadata; returns its id (kept across updates)."""
        date_ts = article.date.timestamp() if article.date else None
        values = (
            article.file,
            article.locator,
            article.title,
            article.source,
            date_ts,
            article.date_text,
            article.url,
            digest,
            int(article.has_headline),
            fold(article.title),
        )
        # Most articles are new: inserted at once; a key already there (the insert breaks
        # its uniqueness, and nothing is written) keeps its id and gets the new values.
        try:
            cursor = self.db.execute(
                "INSERT INTO articles (file, locator, title, source, date_ts, date_text, url, "
                "hash, has_headline, sort_title, key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*values, article.key),
            )
        except sqlite3.IntegrityError:
            existing = self.db.execute(
                "SELECT id FROM articles WHERE key = ?", (article.key,)
            ).fetchone()
            if existing is None:
                raise
            self.db.execute(
                "UPDATE articles SET file=?, locator=?, title=?, source=?, date_ts=?, "
                "date_text=?, url=?, hash=?, has_headline=?, sort_title=? WHERE id=?",
                (*values, existing[0]),
            )
            article_id = existing[0]
        else:
            article_id = int(cursor.lastrowid)
        self.put_bodies([(article_id, article.body)])
        return article_id

    def put_bodies(self, texts: Iterable[tuple[int, str]]) -> None:
        """Keep these articles' texts (for snippets). Once the store has its dictionary they
        are packed in a thread (``body_packing``) and written by the next commit at the
        latest; anything here that reads or deletes texts writes them first."""
        texts = list(texts)
        packer = self._text_packer()
        if packer.zdict is None:
            packer = self._learn(text for _i, text in texts)
        if packer.zdict is None:
            self._insert_bodies((i, packer.pack(text)) for i, text in texts)
            return
        for article_id, text in texts:
            ready = self._packing.add(packer, article_id, text)
            if ready:
                self._insert_bodies(ready)

    def _write_packed(self) -> None:
        """Write the texts still being packed (before texts are read, deleted or committed)."""
        if self._packing.pending:
            self._insert_bodies(self._packing.drain())

    def _insert_bodies(self, packed: Iterable[tuple[int, str | bytes]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?)", packed)

    def _text_packer(self) -> TextPacker:
        """The packer of this store's texts, with its dictionary if it has one."""
        if self._packer is None:
            zdict = None
            with contextlib.suppress(sqlite3.Error):  # an older read-only store
                found = self.db.execute("SELECT data FROM text_dict WHERE id = 1").fetchone()
                zdict = found[0] if found else None
            self._packer = TextPacker(zdict)
        return self._packer

    def _learn(self, texts: Iterable[str]) -> TextPacker:
        """Gather the first texts; once there are enough, make and keep the dictionary (in
        the writer's transaction: a rollback forgets it, see ``rollback``)."""
        sample = self._sample
        sample.extend(text.encode("utf-8", "surrogatepass") for text in texts)
        if len(sample) < SAMPLE_TEXTS or sum(map(len, sample)) < SAMPLE_BYTES:
            return self._text_packer()
        zdict = make_dict(sample)
        self._sample = []
        if zdict:
            self.db.execute("INSERT OR IGNORE INTO text_dict VALUES (1, ?)", (zdict,))
        self._packer = None
        return self._text_packer()

    def _unpack(self, kept: str | bytes | None) -> str | None:
        """A kept text back as text; a blob made with a dictionary this reader has not read
        yet (another process made it since) reads the dictionary again."""
        packer = self._text_packer()
        if isinstance(kept, bytes) and packer.needs_dict(kept) is not None:
            self._packer = None
            packer = self._text_packer()
        return packer.unpack(kept)

    def texts_pending(self) -> bool:
        """Whether this store was made before texts were kept and still lacks them."""
        with contextlib.suppress(sqlite3.Error):
            found = self.db.execute("SELECT 1 FROM pending WHERE what = 'texts'").fetchone()
            return found is not None
        return False

    def texts_done(self) -> None:
        self.db.execute("DELETE FROM pending WHERE what = 'texts'")

    def reindex_pending(self) -> bool:
        """Whether the search index was started again while the list was kept: every
        article is indexed again (by its id) before the next sync may skip unchanged ones."""
        found = self.db.execute("SELECT 1 FROM pending WHERE what = 'index'").fetchone()
        return found is not None

    def set_reindex(self, pending: bool) -> None:
        if pending:
            self.db.execute("INSERT OR IGNORE INTO pending VALUES ('index')")
        else:
            self.db.execute("DELETE FROM pending WHERE what = 'index'")

    def rows_without_body(self) -> list[ArticleRow]:
        """Articles whose text is not kept, in file order."""
        self._write_packed()
        return [
            _row(values)
            for values in self.db.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE id NOT IN (SELECT id FROM bodies) "
                "ORDER BY file, locator"
            )
        ]

    def move_article(self, article_id: int, locator: int) -> None:
        """An unchanged dump record whose offset moved."""
        self.db.execute("UPDATE articles SET locator=? WHERE id=?", (locator, article_id))

    def delete_articles(self, keys: Iterable[str]) -> None:
        self._write_packed()
        self.db.executemany("DELETE FROM articles WHERE key = ?", ((k,) for k in keys))

    def delete_file(self, path: str) -> None:
        self._write_packed()
        self.db.execute("DELETE FROM articles WHERE file = ?", (path,))
        self.db.execute("DELETE FROM files WHERE path = ?", (path,))
        self.db.execute("DELETE FROM skips WHERE file = ?", (path,))

    def clear(self) -> None:
        """Forget every article and file (before a rebuild)."""
        self._packing.discard()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("DELETE FROM articles")
        self.db.execute("DELETE FROM bodies")
        self.db.execute("DELETE FROM annotations")
        self.db.execute("DELETE FROM article_entities")
        self.db.execute("DELETE FROM quotations")
        self.db.execute("DELETE FROM sketch_keys")
        self.db.execute("DELETE FROM near_duplicates")
        self.db.execute("DELETE FROM files")
        self.db.execute("DELETE FROM skips")
        self.db.execute("COMMIT")

    def set_skips(self, file: str, skips: Iterable[tuple[str, str]]) -> None:
        """Replace what was skipped in a file: (item, reason) pairs."""
        self.db.execute("DELETE FROM skips WHERE file = ?", (file,))
        self.db.executemany(
            "INSERT INTO skips (file, item, reason) VALUES (?,?,?)",
            ((_storable(file), _storable(item), _storable(reason)) for item, reason in skips),
        )

    def skips(self, limit: int | None = None) -> list[tuple[str, str]]:
        """(item, reason) for everything skipped by the syncs so far (files that could not be
        read, bad records, articles read only in part, folders that could not be listed)."""
        # file by file (the folder walk's by name), then a file's records in reading order:
        # the file itself, then "path:2" before "path:10" (shorter numbers first)
        sql = (
            "SELECT item, reason FROM skips"
            " ORDER BY CASE WHEN file = '' THEN item ELSE file END, length(item), item"
        )
        if limit is not None:
            return list(self.db.execute(sql + " LIMIT ?", (limit,)))
        return list(self.db.execute(sql))

    def skips_of(self, file: str) -> list[tuple[str, str]]:
        """(item, reason) skipped in one file (DISCOVERY: in the folder walk)."""
        return list(self.db.execute("SELECT item, reason FROM skips WHERE file = ?", (file,)))

    def skip_count(self) -> int:
        """How many items ``skips()`` would list (cheap, for a count in the UI)."""
        return self.db.execute("SELECT count(*) FROM skips").fetchone()[0]

    def skipped_files(self) -> set[str]:
        """The files with skips recorded (DISCOVERY for the folder walk)."""
        return {row[0] for row in self.db.execute("SELECT DISTINCT file FROM skips")}

    def article_hashes(self) -> Iterator[tuple[int, str, str]]:
        """(id, content hash, file) of every article (for checking the annotation index), as
        read: a million of them kept at once take hundreds of MB."""
        return iter(self.db.execute("SELECT id, hash, file FROM articles"))

    def key_ids(self) -> dict[str, int]:
        """key -> id of every article (for checking the index against the store)."""
        return dict(self.db.execute("SELECT key, id FROM articles"))

    def forget_articles(self, ids: Iterable[int]) -> set[str]:
        """Delete articles by id and forget their files' state, so that the next sync reads
        those files again; returns the files."""
        self._write_packed()
        files: set[str] = set()
        for article_id in ids:
            row = self.db.execute("SELECT file FROM articles WHERE id = ?", (article_id,))
            found = row.fetchone()
            if found:
                files.add(found[0])
                self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.db.executemany("DELETE FROM files WHERE path = ?", ((f,) for f in files))
        return files

    def set_file(self, path: str, size: int, mtime_ns: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns) VALUES (?,?,?)",
            (path, size, mtime_ns),
        )


# Ids go into queries as IN lists of at most this many.
_ID_LIST_MOST = 512


def _id_lists(ids: Sequence[int]) -> Iterator[tuple[str, tuple[int, ...]]]:
    """``ids`` as IN lists ("?,?,..." and the values), each padded to a power of two (with
    its first id again): a statement with a new number of ids is compiled anew, 70 us on
    Reuters, more than reading twenty rows; this way there are ten."""
    for start in range(0, len(ids), _ID_LIST_MOST):
        chunk = tuple(ids[start : start + _ID_LIST_MOST])
        size = 1 << (len(chunk) - 1).bit_length()
        padded = chunk + chunk[:1] * (size - len(chunk))
        yield ",".join("?" * size), padded


def _storable(text: str) -> str:
    """Text SQLite takes: a name with undecodable bytes (lone surrogates from os) gets them as
    ``\\xff`` escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a database for reading only; ``immutable`` when even its WAL index cannot be made."""
    if not path.exists():
        raise CacheError(f"no article list in {path.parent} (it was never indexed)")
    uri = "file:" + quote(str(path))
    last: sqlite3.Error | None = None
    for mode in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=30, isolation_level=None)
            db.execute("SELECT count(*) FROM articles").fetchone()
            return db
        except sqlite3.Error as exc:
            last = exc
    raise cache_error("read the article list", path.parent, last or sqlite3.Error())


def _row(values: tuple) -> ArticleRow:
    (article_id, key, file, locator, title, source, date_ts, date_text, url, headline) = values
    return ArticleRow(
        article_id, key, file, locator, title, source, date_ts, date_text, url, bool(headline)
    )
