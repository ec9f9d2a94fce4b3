"""What the user adds to articles: read marks, stars, tags and notes; and app settings.

One SQLite database in the platformdirs user *data* dir (the cache is disposable, this is not),
in WAL mode. Articles are keyed by corpus id and article key: article ids belong to a corpus's
cache and change when it is rebuilt, keys do not.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.atomic import set_aside
from tuireader.core.base.log import get_logger
from tuireader.core.base.text import clean_line

SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    corpus TEXT NOT NULL,
    key TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    updated REAL NOT NULL,
    PRIMARY KEY (corpus, key)
);
CREATE TABLE IF NOT EXISTS tags (
    corpus TEXT NOT NULL,
    key TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (corpus, key, tag)
);
CREATE INDEX IF NOT EXISTS tags_by_name ON tags(corpus, tag);
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

NOTE_LIMIT = 2000
_TAG_BAD = re.compile(r"[\s,]+")


class UserDataError(Exception):
    """The user-data database cannot be opened or written; the message is one line."""


def normalize_tag(tag: str) -> str:
    """Tags are lower case words: spaces and commas become dashes; control characters and
    escape sequences (pasted into the prompt) are left out, as they would act on the
    terminal wherever the tag is shown."""
    return _TAG_BAD.sub("-", clean_line(tag).casefold()).strip("-")


def parse_tags(text: str) -> list[str]:
    """Tags typed by the user: separated by spaces or commas, without repeats, in order."""
    found: list[str] = []
    for part in re.split(r"[\s,]+", text):
        tag = normalize_tag(part.lstrip("#"))
        if tag and tag not in found:
            found.append(tag)
    return found


@dataclass(frozen=True, slots=True)
class ArticleMarks:
    """The user's marks on one article."""

    read: bool = False
    starred: bool = False
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


class UserData:
    """The database; one connection shared by threads (calls are serialized)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "userdata.sqlite"
        self._lock = threading.RLock()
        # set when a damaged database was set aside, or when changes cannot be kept
        self.warning: str | None = None
        self.read_only = False  # a copy in memory: changes last until the app quits
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            empty = _is_empty_file(self.path)
            exists = self.path.exists()
            try:
                if exists and not empty and not os.access(self.path, os.W_OK):
                    self.db = self._open_read_only("the file is read-only")
                else:
                    self.db = _connect(self.path)
            except _Damaged as damage:
                self.db = self._replace_damaged(str(damage))
            except sqlite3.OperationalError as exc:
                if not _cannot_write(exc) or empty or not exists:
                    raise
                folder = self.path.parent
                why = "its folder is read-only" if not os.access(folder, os.W_OK) else str(exc)
                self.db = self._open_read_only(why)
            if empty:
                self.warning = (
                    f"User data {self.path} was an empty file (0 bytes: no marks in it, nothing "
                    "lost); started a new database in its place."
                )
                get_logger().warning("%s", self.warning)
        except (OSError, sqlite3.Error) as exc:
            raise UserDataError(f"cannot open {self.path}: {exc}") from exc

    def _open_read_only(self, why: str) -> sqlite3.Connection:
        """The database copied into memory from a read-only open, for a file or folder that
        cannot be written (SQLite's WAL needs files beside the database): the marks are
        shown; the warning says that changes last only until the app quits."""
        try:
            db = _connect_read_only(self.path)
        except _Damaged as damage:  # and it cannot be set aside either
            raise sqlite3.OperationalError(f"{damage}, and {why}") from damage
        self.read_only = True
        self.warning = (
            f"User data {self.path} cannot be written ({why}): your marks are shown, but "
            "changes cannot be kept (they are lost when you quit)."
        )
        get_logger().warning("%s", self.warning)
        return db

    def _replace_damaged(self, reason: str) -> sqlite3.Connection:
        """Keep a damaged database aside (with its WAL), start a new one and copy into it what
        can still be read; the warning says so, and the log keeps it."""
        backup = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, backup.with_name(backup.name + suffix))
        db = _connect(self.path)
        saved = _salvage(db, backup)
        kept = f"; {saved:,} rows of it recovered" if saved else ""
        self.warning = (
            f"User data {self.path} was damaged ({reason}); kept as {backup.name} and started "
            f"afresh{kept}."
        )
        get_logger().warning("%s", self.warning)
        return db

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def corpus(self, corpus_id: str) -> CorpusMarks:
        return CorpusMarks(self, corpus_id)

    # -- settings ----------------------------------------------------------------------------

    def setting(self, name: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_setting(self, name: str, value: str | None) -> None:
        with self._lock:
            if value is None:
                self.db.execute("DELETE FROM settings WHERE name = ?", (name,))
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (name, value)
                )

    # -- helpers for CorpusMarks -------------------------------------------------------------

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return list(self.db.execute(sql, args))
            except sqlite3.Error as exc:
                raise UserDataError(f"cannot read {self.path}: {exc}") from exc

    def _write(self, statements: Iterable[tuple[str, tuple]]) -> None:
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                for sql, args in statements:
                    self.db.execute(sql, args)
                self.db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise UserDataError(f"cannot write {self.path}: {exc}") from exc


class _Damaged(Exception):
    """The database file is not a (tuireader) SQLite database, or is corrupted."""


_SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of tuireader's database ("tuir"), and its schema version.
APPLICATION_ID = 0x74756972
SCHEMA_VERSION = 1
_COLUMNS = {
    "marks": "corpus, key, read, starred, note, updated",
    "tags": "corpus, key, tag",
    "settings": "name, value",
}
# What a tuireader database may hold besides SQLite's own objects (sqlite_*).
_OWN_OBJECTS = {*_COLUMNS, "tags_by_name"}


def _connect(path: Path) -> sqlite3.Connection:
    """Open the database in WAL mode with the schema; raises _Damaged when the file is garbage,
    corrupted or another program's database, sqlite3.Error for other faults (e.g. locked, or
    a folder that cannot be written)."""
    _check_header(path)
    db = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
    try:
        with _damage_as_damaged():
            _check(db)  # before anything is written to what may be another program's file
            _check_columns(db)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A copy in memory of the database opened read-only (``immutable`` when even its WAL index
    cannot be made beside it); raises _Damaged like _connect, sqlite3.Error when it cannot be
    read either."""
    _check_header(path)
    uri = path.resolve().as_uri()
    last: sqlite3.Error = sqlite3.OperationalError("cannot open")
    for mode in ("mode=ro", "mode=ro&immutable=1"):
        try:
            source = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=10)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            with _damage_as_damaged():
                _check(source)
                _check_columns(source)
                copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                source.backup(copy)
                copy.executescript(SCHEMA)
                return copy
        except _Damaged:
            raise
        except sqlite3.Error as exc:
            last = exc
        finally:
            source.close()
    raise last


@contextlib.contextmanager
def _damage_as_damaged() -> Iterator[None]:
    """Turn SQLite's "not a database" and "corrupt" errors (and a table of tuireader's name
    without its columns) into _Damaged."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "no such column" in str(exc):
            raise _Damaged(str(exc)) from exc
        raise


def _check(db: sqlite3.Connection) -> None:
    """Raise _Damaged for a corrupted database or for another program's: one marked with
    another application id, or holding tables or other objects tuireader never made (a
    database from before application ids were set holds only tuireader's)."""
    check = db.execute("PRAGMA quick_check(1)").fetchone()
    if check and check[0] != "ok":
        raise _Damaged(" ".join(str(check[0]).split())[:200])
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        raise _Damaged(f"another program's database (application id {app_id:#x})")
    names = {
        name
        for (name,) in db.execute("SELECT name FROM sqlite_master")
        if not name.startswith("sqlite_")
    }
    foreign = sorted(names - _OWN_OBJECTS)
    if foreign:
        listed = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise _Damaged(f"not a tuireader database (it holds {listed})")


def _check_columns(db: sqlite3.Connection) -> None:
    """Raise (no such column) when a table of tuireader's name lacks one of its columns."""
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, columns in _COLUMNS.items():
        if table in tables:
            db.execute(f"SELECT {columns} FROM {table} LIMIT 0")


def _is_empty_file(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def _cannot_write(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because the database or its folder cannot be written."""
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"))


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that is not SQLite before SQLite opens it: SQLite would delete
    the WAL file beside it, which belongs in the backup."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    if head and head != _SQLITE_MAGIC:
        raise _Damaged("file is not a database")


def _salvage(db: sqlite3.Connection, backup: Path) -> int:
    """Copy the rows still readable from a damaged database, table by table, up to the first
    unreadable one of each; returns how many were copied."""
    copied = 0
    try:
        old = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        for table, columns in _COLUMNS.items():
            marks = ", ".join("?" for _ in columns.split(","))
            rows = []
            try:
                for row in old.execute(f"SELECT {columns} FROM {table}"):
                    rows.append(row)
            except sqlite3.Error:
                pass  # keep the rows read before the damage
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", rows)
                db.execute("COMMIT")
                copied += len(rows)
            except sqlite3.Error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
    finally:
        old.close()
    return copied


_UPSERT = (
    "INSERT INTO marks (corpus, key, {column}, updated) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(corpus, key) DO UPDATE SET {column} = excluded.{column}, "
    "updated = excluded.updated"
)


class CorpusMarks:
    """The marks of one corpus's articles, by article key."""

    def __init__(self, data: UserData, corpus_id: str) -> None:
        self.data = data
        self.corpus_id = corpus_id
        self._undo_read: list[str] | None = None  # what the last mark_all_read marked

    # -- reading -----------------------------------------------------------------------------

    def get(self, key: str) -> ArticleMarks:
        rows = self.data._query(
            "SELECT read, starred, note FROM marks WHERE corpus = ? AND key = ?",
            (self.corpus_id, key),
        )
        tags = tuple(self.tags(key))
        if not rows:
            return ArticleMarks(tags=tags)
        read, starred, note = rows[0]
        return ArticleMarks(bool(read), bool(starred), note, tags)

    def _keys_where(self, condition: str, args: tuple = ()) -> set[str]:
        rows = self.data._query(
            f"SELECT key FROM marks WHERE corpus = ? AND {condition}", (self.corpus_id, *args)
        )
        return {row[0] for row in rows}

    def read_keys(self) -> set[str]:
        return self._keys_where("read = 1")

    def starred_keys(self) -> set[str]:
        return self._keys_where("starred = 1")

    def notes(self) -> dict[str, str]:
        """key -> note of every article with a note."""
        rows = self.data._query(
            "SELECT key, note FROM marks WHERE corpus = ? AND note != ''", (self.corpus_id,)
        )
        return dict(rows)

    def tags(self, key: str) -> list[str]:
        rows = self.data._query(
            "SELECT tag FROM tags WHERE corpus = ? AND key = ? ORDER BY tag",
            (self.corpus_id, key),
        )
        return [row[0] for row in rows]

    def all_tags(self) -> list[tuple[str, int]]:
        """(tag, number of articles) of the corpus, most used first."""
        return self.data._query(
            "SELECT tag, count(*) FROM tags WHERE corpus = ? GROUP BY tag "
            "ORDER BY count(*) DESC, tag",
            (self.corpus_id,),
        )

    def keys_tagged(self, tag: str) -> set[str]:
        rows = self.data._query(
            "SELECT key FROM tags WHERE corpus = ? AND tag = ?",
            (self.corpus_id, normalize_tag(tag)),
        )
        return {row[0] for row in rows}

    def marked_keys(self) -> set[str]:
        """Every article with some mark (read, star, note or tag)."""
        keys = self._keys_where("1")
        keys.update(
            row[0]
            for row in self.data._query(
                "SELECT DISTINCT key FROM tags WHERE corpus = ?", (self.corpus_id,)
            )
        )
        return keys

    # -- writing -----------------------------------------------------------------------------

    def _set(self, column: str, keys: Iterable[str], value) -> None:
        now = time.time()
        sql = _UPSERT.format(column=column)
        self.data._write((sql, (self.corpus_id, key, value, now)) for key in keys)

    def set_read(self, key: str, read: bool = True) -> None:
        self._set("read", [key], int(read))

    def set_read_many(self, keys: Iterable[str], read: bool = True) -> None:
        self._set("read", list(keys), int(read))

    def set_starred(self, key: str, starred: bool = True) -> None:
        self._set("starred", [key], int(starred))

    def set_note(self, key: str, note: str) -> None:
        self._set("note", [key], clean_line(note)[:NOTE_LIMIT])  # one line, no controls

    def set_tags(self, key: str, tags: Iterable[str]) -> None:
        wanted = [t for t in (normalize_tag(tag) for tag in tags) if t]
        statements = [("DELETE FROM tags WHERE corpus = ? AND key = ?", (self.corpus_id, key))]
        statements += [
            (
                "INSERT OR IGNORE INTO tags (corpus, key, tag) VALUES (?, ?, ?)",
                (self.corpus_id, key, tag),
            )
            for tag in wanted
        ]
        self.data._write(statements)

    # -- mark all read, and its undo ------------------------------------------------------------

    def mark_all_read(self, keys: Iterable[str]) -> int:
        """Mark the articles read, remembering which were unread so that
        ``undo_mark_all_read`` can put them back (until the next mark-all); returns how many
        were unread."""
        keys = list(dict.fromkeys(keys))
        already = self.read_keys()
        newly = [key for key in keys if key not in already]
        self._set("read", keys, 1)
        self._undo_read = newly
        return len(newly)

    @property
    def can_undo_mark_all_read(self) -> bool:
        return self._undo_read is not None

    def undo_mark_all_read(self) -> list[str] | None:
        """The articles the last ``mark_all_read`` marked are unread again; returns their keys
        (None: nothing to undo)."""
        keys = self._undo_read
        if keys is None:
            return None
        self._set("read", keys, 0)
        self._undo_read = None
        return keys
