"""Bringing a corpus's metadata store and search index up to date with its files.

Only new, changed and removed articles are touched: files are compared by path, size and
modification time; records of a changed dump by content hash. Work is committed in growing
batches, so articles appear (and become searchable) while a large corpus is still indexing.
The index is committed before the metadata, so a run killed in between is repaired by the next
one, which sees those files as not yet done.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .articles import Article
from .corpus import Corpus
from .loaders import Skipped, SourceFile, discover, iter_articles
from .search import IndexWriter, SearchEngine
from .store import MetaStore

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FIRST_BATCH = 200
MAX_BATCH = 8000
# Above this many bytes of changed files, index with two processes.
PARALLEL_BYTES = 4 * 1024 * 1024


@dataclass(slots=True)
class SyncProgress:
    """Where a sync is; sent to the progress callback."""

    articles: int = 0  # articles (re)indexed so far
    bytes_done: int = 0
    bytes_total: int = 0
    started: float = field(default_factory=time.monotonic)
    committed: bool = False  # True right after a batch became visible

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def fraction(self) -> float:
        return 1.0 if not self.bytes_total else min(1.0, self.bytes_done / self.bytes_total)

    @property
    def eta(self) -> float | None:
        """Seconds left, from the byte rate so far; None until there is a rate."""
        if self.bytes_done <= 0 or self.elapsed < 0.5:
            return None
        rate = self.bytes_done / self.elapsed
        return max(0.0, (self.bytes_total - self.bytes_done) / rate)


@dataclass(slots=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged_files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False
    busy: bool = False  # another process was syncing this corpus

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class SyncBusy(Exception):
    """Another process holds the corpus's sync lock."""


@contextlib.contextmanager
def sync_lock(corpus: Corpus) -> Iterator[None]:
    """One syncing process per corpus; others read what is there."""
    corpus.cache_dir.mkdir(parents=True, exist_ok=True)
    with open(corpus.lock_path, "a+") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise SyncBusy(str(corpus.lock_path)) from exc
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def sync(
    corpus: Corpus,
    store: MetaStore,
    engine: SearchEngine,
    progress: Callable[[SyncProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> SyncReport:
    """Update store and index from the corpus files; safe to call on every start."""
    try:
        with sync_lock(corpus):
            return _Sync(corpus, store, engine, progress, cancel).run()
    except SyncBusy:
        return SyncReport(busy=True)


class _Sync:
    def __init__(
        self,
        corpus: Corpus,
        store: MetaStore,
        engine: SearchEngine,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        self.corpus = corpus
        self.store = store
        self.engine = engine
        self.report_progress = progress or (lambda _p: None)
        self.cancel = cancel or threading.Event()
        self.report = SyncReport()
        self.progress = SyncProgress()
        self.replace = engine.doc_count() > 0
        self.parallel = False
        self.batch_limit = FIRST_BATCH
        self.in_batch = 0
        self.writer: IndexWriter | None = None
        self.last_report = 0.0

    def run(self) -> SyncReport:
        started = time.monotonic()
        if self.engine.doc_count() == 0 and self.store.count() > 0:
            # The index was rebuilt (new format) or lost: index every article again.
            self.store.clear()
        files, skipped = discover(self.corpus.paths)
        self.report.skipped.extend(skipped)
        known = self.store.file_states()
        current = {f.path for f in files}
        changed = [f for f in files if known.get(f.path) != (f.size, f.mtime_ns)]
        removed = sorted(set(known) - current)
        self.report.unchanged_files = len(files) - len(changed)
        self.progress.bytes_total = sum(f.size for f in changed)
        self.parallel = self.progress.bytes_total > PARALLEL_BYTES
        try:
            for path in removed:
                self._begin()
                self.report.removed += len(self.store.articles_of_file(path))
                self.writer.delete_file(path)
                self.store.delete_file(path)
            for source in changed:
                if self.cancel.is_set():
                    raise _Cancelled
                self._sync_file(source)
            self._commit()
        except _Cancelled:
            self._abort()
            self.report.cancelled = True
        except BaseException:
            self._abort()
            raise
        self.report.skipped.extend(Skipped(item, reason) for item, reason in self.store.skips())
        self.report.seconds = time.monotonic() - started
        return self.report

    def _sync_file(self, source: SourceFile) -> None:
        old = self.store.articles_of_file(source.path)
        seen: set[str] = set()
        skips: list[tuple[str, str]] = []
        base = self.progress.bytes_done
        complete = True
        try:
            for item, done in iter_articles(source):
                if self.cancel.is_set():
                    raise _Cancelled
                self.progress.bytes_done = base + min(done, source.size)
                if isinstance(item, Skipped):
                    skips.append((item.path, item.reason))
                    continue
                seen.add(item.key)
                self._put(item, old.get(item.key))
        except (OSError, ValueError, EOFError, UnicodeError) as exc:
            reason = _reason(exc)
            skips.append((source.path, reason))
            complete = not seen  # a file that fails part-way keeps its old articles
        self.progress.bytes_done = base + source.size
        self._begin()
        if complete:
            gone = set(old) - seen
            for key in gone:
                self.writer.delete_key(key)
            self.store.delete_articles(gone)
            self.report.removed += len(gone)
            self.store.set_file(source.path, source.size, source.mtime_ns)
        self.store.set_skips(source.path, skips)
        self._tick()

    def _put(self, article: Article, existing: tuple[int, str] | None) -> None:
        digest = article.content_hash
        self._begin()
        if existing is not None and existing[1] == digest:
            self.store.move_article(existing[0], article.locator)
            return
        article_id = self.store.put_article(article, digest)
        self.writer.add(article_id, article, replace=self.replace or existing is not None)
        if existing is None:
            self.report.added += 1
        else:
            self.report.updated += 1
        self.progress.articles += 1
        self.in_batch += 1
        if self.in_batch >= self.batch_limit:
            self._commit()
            self.batch_limit = min(MAX_BATCH, self.batch_limit * 2)
        else:
            self._tick()

    def _begin(self) -> None:
        if self.writer is None:
            self.writer = self.engine.writer(parallel=self.parallel)
            self.store.begin()

    def _commit(self) -> None:
        if self.writer is None:
            return
        self.writer.commit()  # index first: a kill before the store commits is redone next run
        self.store.commit()
        self.writer = None
        self.in_batch = 0
        self.progress.committed = True
        self.report_progress(self.progress)
        self.progress.committed = False

    def _abort(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(Exception):
                self.writer.cancel()
            self.writer = None
        self.store.rollback()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last_report >= 0.1:
            self.last_report = now
            self.report_progress(self.progress)


class _Cancelled(Exception):
    pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
