"""A corpus: the paths a user pointed at, and where its index and metadata are cached.

The cache folder may be unusable (read-only, full, not creatable): ``prepare_cache`` then opens
what it can, an existing index read-only or a temporary one, and says so in ``cache_message``.
Readers of the index take a shared lock that the syncing process takes exclusively while it
commits, so that a search never opens a half-replaced set of index files; a search that still
trips over a concurrent change is retried on a freshly opened index.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from tuireader.core.base import paths as app_paths
from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.base.atomic import write_atomic
from tuireader.core.cache.store import ArticleRow, CacheError, MetaStore
from tuireader.core.ingest.loaders import check_paths, read_article
from tuireader.core.search import (
    ENGINE,
    ENGINES,
    AnnotationWriter,
    IndexDamaged,
    IndexStats,
    IndexWriter,
    QueryError,
    Repair,
    SearchEngine,
    SearchHit,
    SearchResults,
    engine_available,
    open_engine,
)

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# The engine chosen for one corpus with --engine (a file in its cache folder).
ENGINE_CHOICE = "ENGINE"
# How long a reader waits for a commit to end before reading anyway (and retrying on errors).
READ_LOCK_WAIT = 2.0
RETRIES = 3


class Corpus:
    """The articles under one or more paths; each distinct set of paths has its own cache."""

    def __init__(self, paths: Sequence[str | os.PathLike], cache_root: Path | None = None) -> None:
        self.paths = check_paths(list(paths))
        joined = "\n".join(sorted(str(p) for p in self.paths))
        self.id = hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        root = cache_root or app_paths.cache_dir()
        self.cache_dir = root / "corpora" / f"{_slug(self.paths[0].name)}-{self.id}"
        self.read_only = False  # the cache cannot be written: show the index as it is
        self.temporary = False  # the cache could not be used: the index is in a temp folder
        self.cache_message: str | None = None
        self._prepared = False
        self._read_lock = _SharedFlock()
        self._commit_lock: tuple[Path, Path] | None = None
        self._engine: str | None = None

    @property
    def name(self) -> str:
        """A short display name: the folder or file name, with a count when there are more."""
        first = self.paths[0].name or str(self.paths[0])
        return first if len(self.paths) == 1 else f"{first} +{len(self.paths) - 1}"

    @property
    def store_path(self) -> Path:
        return self.cache_dir / "articles.sqlite"

    @property
    def index_dir(self) -> Path:
        return self.cache_dir / self.engine

    @property
    def engine(self) -> str:
        """The search engine of this corpus: the one chosen for it with --engine (kept in its
        cache folder), else ``[search] engine`` of the config, else whoosh; tantivy when it is
        not installed falls back to whoosh (with a message, ``cache_message``)."""
        if self._engine is None:
            self._engine = self._chosen_engine() or _configured_engine()
            if not engine_available(self._engine):
                self.cache_message = "; ".join(
                    m
                    for m in (
                        self.cache_message,
                        f"the {self._engine} engine is not installed (pip install "
                        f"'tuireader[{self._engine}]'); using {ENGINE}",
                    )
                    if m
                )
                self._engine = ENGINE
        return self._engine

    def _chosen_engine(self) -> str | None:
        try:
            name = (self.cache_dir / ENGINE_CHOICE).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return name if name in ENGINES else None

    def choose_engine(self, name: str | None) -> None:
        """Use engine ``name`` for this corpus from now on (``--engine``; None: as before).
        ValueError when it is unknown or not installed. Switching builds this corpus's index
        again with the new engine at the next sync (the list, marks, tags and notes stay),
        and the other engine's index is deleted then."""
        if name is None:
            return
        if name not in ENGINES:
            raise ValueError(f"unknown engine {name!r} (engines: {', '.join(ENGINES)})")
        if not engine_available(name):
            raise ValueError(f"the {name} engine is not installed: pip install 'tuireader[{name}]'")
        self._engine = name
        with contextlib.suppress(OSError):
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            if self._chosen_engine() != name:
                write_atomic(self.cache_dir / ENGINE_CHOICE, name)

    def drop_other_engines(self) -> None:
        """Delete the indexes of engines this corpus no longer uses (after a switch)."""
        for name in ENGINES:
            if name == self.engine:
                continue
            for folder in (self.cache_dir / name, self.cache_dir / f"{name}-annotations"):
                if folder.is_dir():
                    shutil.rmtree(folder, ignore_errors=True)

    @property
    def lock_path(self) -> Path:
        return self.cache_dir / "sync.lock"

    @property
    def commit_lock_path(self) -> Path:
        # made once per cache folder: every search takes the lock (a Path join is 4 us)
        made = self._commit_lock
        if made is None or made[0] is not self.cache_dir:
            made = self._commit_lock = (self.cache_dir, self.cache_dir / "commit.lock")
        return made[1]

    @property
    def dirty_path(self) -> Path:
        """Present while a sync has uncommitted work: found at start, the last one was killed."""
        return self.cache_dir / "sync.dirty"

    # -- the cache folder ----------------------------------------------------------------------

    def prepare_cache(self, fallback: bool = True) -> str | None:
        """Make sure the cache can be written; returns None, or a one-line message.

        When it cannot be written (read-only, full, not creatable): with ``fallback``, an index
        already there is opened read-only (``read_only``; syncs do nothing), else a temporary
        cache is used (``temporary``; removed at exit); the message says which. Without
        ``fallback`` (``tuireader index``), raises CacheError. Called by ``open_store`` and
        ``open_engine``; only the first call does anything.
        """
        if self._prepared:
            return self.cache_message
        problem = _write_problem(self.cache_dir)
        if problem is None:
            self._prepared = True
            return None
        if not fallback:
            raise CacheError(problem)
        self._prepared = True
        if self.store_path.exists() and (self.index_dir / "FORMAT").exists():
            self.read_only = True
            self.cache_message = f"{problem}; showing the index as it is, without updating it"
            return self.cache_message
        try:
            temp = Path(tempfile.mkdtemp(prefix="tuireader-"))
        except OSError as exc:
            raise CacheError(f"{problem}; no temporary folder either ({exc.strerror})") from exc
        atexit.register(shutil.rmtree, temp, True)
        self.cache_dir = temp / self.cache_dir.name
        self.temporary = True
        self.cache_message = f"{problem}; indexing into a temporary folder that is not kept"
        return self.cache_message

    def open_store(self, read_ahead: bool = True) -> MetaStore:
        """A metadata connection for the calling thread (read-only when the cache is);
        ``read_ahead``: have the file read into the kernel's cache now (see MetaStore)."""
        self.prepare_cache()
        store = MetaStore(self.store_path, read_only=self.read_only, read_ahead=read_ahead)
        if store.warning:  # a damaged store was set aside: said once, by the CLI or the app
            self.cache_message = "; ".join(m for m in (self.cache_message, store.warning) if m)
        return store

    def open_engine(self, spec: str = "embedded") -> SafeEngine:
        """The search index, opened under the read lock, with searches retried on a
        concurrent commit (see SafeEngine)."""
        self.prepare_cache()
        if not self.read_only:
            self.drop_other_engines()
        return SafeEngine(self, spec)

    # -- locks -----------------------------------------------------------------------------------

    def index_read_lock(
        self, wait: float = READ_LOCK_WAIT
    ) -> contextlib.AbstractContextManager[bool]:
        """Shared lock against commits; yields whether it was got within ``wait`` seconds."""
        return self._read_lock.held(self.commit_lock_path, wait)

    @contextlib.contextmanager
    def index_write_lock(self) -> Iterator[bool]:
        """Exclusive lock held while a commit is published (waits for readers, which are
        quick): the index's storage takes it when its table of contents is replaced, see
        ``MappedFileStorage``; a sync does not hold it while it writes."""
        with _flock(self.commit_lock_path, shared=False, wait=60.0) as got:
            yield got

    @staticmethod
    def read(row: ArticleRow) -> Article:
        """The full article behind a list row, read from the corpus."""
        return read_article(row.file, row.locator, row.key)

    @classmethod
    def articles(
        cls, store: MetaStore, ids: Sequence[int]
    ) -> tuple[dict[int, ArticleRow], dict[int, Article | Exception]]:
        """The rows of these articles and each one whole, as indexed: the text kept in the
        store (the one home of article text, written once per sync), else read from the
        corpus (a store made before texts were kept); an article that cannot be read either
        way (a vanished file) is the exception saying why."""
        rows, texts = store.rows_and_texts(ids)
        digests = store.digests(list(rows)) if rows else {}
        found: dict[int, Article | Exception] = {}
        for article_id, row in rows.items():
            body = texts.get(article_id)
            if body is None:
                try:
                    found[article_id] = cls.read(row)
                except Exception as exc:  # noqa: BLE001 (the caller says why)
                    found[article_id] = exc
                continue
            found[article_id] = Article(
                key=row.key,
                file=row.file,
                locator=row.locator,
                title=row.title,
                body=body,
                source=row.source,
                date=row.date,
                date_text=row.date_text,
                url=row.url,
                record_id=record_id_of(row, digests.get(article_id, "")),
                has_headline=row.has_headline,
            )
        return rows, found

    @classmethod
    def bodies(cls, store: MetaStore, rows: Iterable[ArticleRow]) -> dict[int, str]:
        """The text of these articles, for snippets: kept in the store, else read from the
        corpus; "" for one that cannot be read (a vanished file), never an error."""
        rows = list(rows)
        texts = store.bodies([row.id for row in rows])
        cls._read_missing(rows, texts)
        return texts

    @classmethod
    def rows_and_bodies(
        cls, store: MetaStore, ids: Sequence[int]
    ) -> tuple[dict[int, ArticleRow], dict[int, str]]:
        """The rows and ``bodies`` of these articles, kept texts read with the rows in one
        query (a page of snippets)."""
        rows, texts = store.rows_and_texts(ids)
        cls._read_missing(rows.values(), texts)
        return rows, texts

    @classmethod
    def _read_missing(cls, rows: Iterable[ArticleRow], texts: dict[int, str]) -> None:
        for row in rows:
            if row.id not in texts:
                try:
                    texts[row.id] = cls.read(row).body
                except Exception:  # noqa: BLE001 (a snippet is a nicety)
                    texts[row.id] = ""


class SafeEngine:
    """The search engine (a ``SearchEngine``) for a corpus whose index another process may be
    writing.

    Opening and every search run under the corpus's shared read lock, so they never see a
    commit half done; should one still fail on an index error (a lock wait that timed out, a
    writer of an older version), the index is opened afresh and the call retried, so a search
    while another process writes does not fail.
    """

    def __init__(self, corpus: Corpus, spec: str = "embedded") -> None:
        self.corpus = corpus
        self.spec = spec
        self._swap = threading.Lock()
        self.inner: SearchEngine = self._open()

    @property
    def directory(self) -> Path:
        return self.inner.directory

    @property
    def damage(self) -> str | None:
        return self.inner.damage

    @property
    def parallel_batch_scale(self) -> int:
        """The engine's hint for its parallel batches (see ``batching.batch_scale``)."""
        return getattr(self.inner, "parallel_batch_scale", 1)

    def _open(self) -> SearchEngine:
        last: Exception | None = None
        for attempt in range(RETRIES):
            with self.corpus.index_read_lock():
                try:
                    return open_engine(
                        self.corpus.index_dir,
                        self.spec,
                        self.corpus.index_write_lock,
                        engine=self.corpus.engine,
                    )
                except OSError as exc:
                    if self.corpus.read_only or exc.errno in (30, 28, 13):  # EROFS ENOSPC EACCES
                        raise CacheError(
                            f"cannot open the index in {self.corpus.index_dir}: {exc.strerror}"
                        ) from exc
                    last = exc
            time.sleep(0.05 * (attempt + 1))
        raise CacheError(f"cannot open the index in {self.corpus.index_dir}: {last}")

    def _reopen(self, broken) -> None:
        with self._swap:
            if self.inner is broken:
                with contextlib.suppress(Exception):
                    broken.close()
                self.inner = self._open()

    def _call(self, name: str, *args, **kwargs):
        engine = self.inner
        if engine.damage is not None:
            self._reopen(engine)  # the syncing process may have rebuilt it meanwhile
            engine = self.inner
            if engine.damage is not None:
                raise IndexDamaged(damage_message(engine.damage))
        for attempt in range(RETRIES):
            engine = self.inner
            try:
                with self.corpus.index_read_lock():
                    return getattr(engine, name)(*args, **kwargs)
            except QueryError as exc:
                if not _index_trouble(exc.__cause__) or attempt == RETRIES - 1:
                    self._raise_damage(engine, exc.__cause__)
                    raise
            except Exception as exc:
                if not _index_trouble(exc) or attempt == RETRIES - 1:
                    self._raise_damage(engine, exc)
                    raise
            time.sleep(0.05 * (attempt + 1))
            self._reopen(engine)
        raise AssertionError("unreachable")  # pragma: no cover

    def _raise_damage(self, engine, error: BaseException | None) -> None:
        """After an error reading the index: IndexDamaged when its files are damaged."""
        if error is None or isinstance(error, (QueryError, MemoryError, RecursionError)):
            return
        with self.corpus.index_read_lock():
            damage = engine.check_after_error()
        if damage is not None:
            raise IndexDamaged(damage_message(damage)) from error

    # -- reading ---------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 1000, **kwargs) -> SearchResults:
        return self._call("search", query, limit, **kwargs)

    def suggest(self, query: str) -> str | None:
        return self._call("suggest", query)

    def similar(self, article: Article, limit: int = 10, **kwargs) -> list[SearchHit]:
        return self._call("similar", article, limit, **kwargs)

    def articles_quoting(self, quote_text: str, exclude_id: int | None = None, limit: int = 50):
        return self._call("articles_quoting", quote_text, exclude_id=exclude_id, limit=limit)

    def refresh(self) -> None:
        self._call("refresh")

    def doc_count(self) -> int:
        return self._call("doc_count")

    def match_spans(self, terms: Iterable[str], text: str) -> list[tuple[int, int]]:
        return self.inner.match_spans(terms, text)

    def check_query(self, query: str) -> None:
        self.inner.check_query(query)

    # -- writing and the rest --------------------------------------------------------------------

    def writer(self, parallel: bool = False) -> IndexWriter:
        return self.inner.writer(parallel=parallel)

    def annotation_writer(self, parallel: bool = False) -> AnnotationWriter:
        return self.inner.annotation_writer(parallel=parallel)

    def annotated(self) -> set[str]:
        return self._call("annotated")

    def stats(self) -> IndexStats:
        return self._call("stats")

    def damaged_parts(self, full: bool = False) -> dict[Path, str]:
        return self.inner.damaged_parts(full)

    def check_after_error(self) -> str | None:
        return self.inner.check_after_error()

    def set_aside_damaged(self, parts: Collection[Path]) -> list[Path]:
        return self.inner.set_aside_damaged(parts)

    def record_files(self) -> None:
        self.inner.record_files()

    def repair(self, wanted: Mapping[str, int]) -> Repair:
        return self.inner.repair(wanted)

    def clear(self) -> None:
        self.inner.clear()

    def close(self) -> None:
        self.inner.close()


def record_id_of(row: ArticleRow, digest: str) -> str:
    """A dump record's own id, from its key (``file#id``; ``file#h<hash>`` when it had none,
    ``~N`` after a repeated one): "" for a whole file or a record without an id."""
    prefix = row.file + "#"
    if row.locator == WHOLE_FILE or not row.key.startswith(prefix):
        return ""
    ident = row.key[len(prefix) :]
    if digest and _hash_ident(ident, digest):
        return ""
    return ident


def _hash_ident(ident: str, digest: str) -> bool:
    """Whether ``ident`` is ``h<digest>``, maybe with ``~N`` (string tests: a regex made
    for each digest cost more than the rest of reading the article from the store)."""
    if not ident.startswith("h") or not ident.startswith(digest, 1):
        return False
    rest = ident[1 + len(digest) :]
    return not rest or (rest[0] == "~" and rest[1:].isdecimal())


def damage_message(reason: str) -> str:
    return (
        f"The search index is damaged ({reason}). It is set aside and built again at the next "
        "indexing (tuireader index, or starting the reader); the article list still works."
    )


def _index_trouble(exc: BaseException | None) -> bool:
    """Whether an error looks like the index changing under a reader (worth a retry): an
    error of the operating system, or one raised inside the engine's library."""
    if exc is None or isinstance(exc, (QueryError, MemoryError, RecursionError)):
        return False
    module = type(exc).__module__ or ""
    return isinstance(exc, (OSError, EOFError, KeyError)) or module.startswith(ENGINES)


class _SharedFlock:
    """One process's shared flock on a lock file, held while any of its threads reads.

    Opening the lock file for each search cost 40 us (a tenth of a rare word's search). A
    flock belongs to the open file, not the thread: threads sharing one count their holds,
    and the lock is let go when the last is done.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._holders = 0
        self._got = False
        self._fd: int | None = None
        self._path: Path | None = None
        self._closer = None

    def _open(self, path: Path) -> int | None:
        if self._fd is not None and self._path == path:
            return self._fd
        if self._closer is not None:
            self._closer()
        self._fd = self._path = self._closer = None
        for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
            try:
                self._fd = os.open(path, flags, 0o644)
            except OSError:
                continue
            self._path = path
            self._closer = weakref.finalize(self, os.close, self._fd)
            return self._fd
        return None

    @contextlib.contextmanager
    def held(self, path: Path, wait: float) -> Iterator[bool]:
        with self._mutex:
            if self._holders == 0:
                fd = self._open(path) if fcntl is not None else None
                self._got = fd is not None and _wait_for_flock(fd, fcntl.LOCK_SH, wait)
            self._holders += 1
            got = self._got
        try:
            yield got
        finally:
            with self._mutex:
                self._holders -= 1
                if self._holders == 0 and self._got:
                    self._got = False
                    with contextlib.suppress(OSError):
                        fcntl.flock(self._fd, fcntl.LOCK_UN)


def _wait_for_flock(handle, mode: int, wait: float) -> bool:
    """Whether ``handle`` was flocked (``mode``) within ``wait`` seconds."""
    deadline = time.monotonic() + wait
    # A writer polls often: readers hold the lock for a search at a time, and a writer
    # that waits long between tries would find it taken again (starved).
    delay, most = (0.005, 0.05) if mode == fcntl.LOCK_SH else (0.0005, 0.002)
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return True
        except OSError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(delay)
            delay = min(most, delay * 2)


@contextlib.contextmanager
def _flock(path: Path, shared: bool, wait: float) -> Iterator[bool]:
    """flock ``path`` (shared or exclusive), waiting up to ``wait`` seconds; yields whether it
    was got. A lock file that cannot be opened (read-only cache) means no writer: go on."""
    if fcntl is None:  # pragma: no cover
        yield False
        return
    try:
        handle = open(path, "a+b")  # noqa: SIM115 (closed below)
    except OSError:
        try:
            handle = open(path, "rb")  # noqa: SIM115
        except OSError:
            yield False
            return
    got = False
    try:
        got = _wait_for_flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX, wait)
        yield got
    finally:
        if got:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _write_problem(folder: Path) -> str | None:
    """None when files can be created and written in ``folder`` (made if missing), else why."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
        try:
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        return f"cannot write the index in {folder}: {exc.strerror or exc}"
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")[:40] or "corpus"


def _configured_engine() -> str:
    """``[search] engine`` of the config (whoosh when unset or unreadable)."""
    from tuireader.core.user.config import ConfigError, load_config

    try:
        return load_config().search_engine or ENGINE
    except ConfigError:
        return ENGINE
