"""Bringing a corpus's metadata store and search index up to date with its files.

Only new, changed and removed articles are touched: files are compared by path, size and
modification time; records of a changed dump by content hash. Work is committed in growing
batches, so articles appear (and become searchable) while a large corpus is still indexing.
The index is committed before the metadata, so a run killed in between is repaired by the next
one, which sees those files as not yet done. A marker file (``sync.dirty``) is present while a
sync has uncommitted work; a run that finds it checks the index against the metadata and mends
both (stale documents deleted, missing articles read again), with no manual step.

Every skip (a file that cannot be read, a bad record, an article read only in part, a folder
that cannot be listed) is kept in the metadata store (``MetaStore.skips()``) and logged with its
reason in the log file (``log.log_file()``). A cache folder that cannot be written (full,
read-only) raises CacheError with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tuireader.core.base.articles import Article
from tuireader.core.base.log import get_logger, log_skips
from tuireader.core.cache import batching
from tuireader.core.cache.annotation_sync import annotate_index
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import DISCOVERY, CacheError, MetaStore, cache_error, store_damage
from tuireader.core.ingest.loaders import (
    Skipped,
    SourceFile,
    TruncatedFile,
    discover,
    iter_articles,
)
from tuireader.core.search import CommitInterrupted, IndexWriter, SearchEngine

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# Above this many bytes of changed files, index with two processes.
PARALLEL_BYTES = 4 * 1024 * 1024


@dataclass(slots=True)
class SyncProgress:
    """Where a sync is; sent to the progress callback.

    Progress is counted in articles, so that the bar and the count shown agree: the annotation
    pass knows how many it has to do; the text pass estimates it from the share of the
    changed files' bytes read so far (``articles_total``). The ETA is the whole pass's rate
    (articles over elapsed time) and only counts down: a commit that stalls the count does not
    send it back up.
    """

    articles: int = 0  # articles (re)indexed so far
    stage: str = "text"  # "text", then "annotations" (entities and quotations)
    bytes_done: int = 0
    bytes_total: int = 0
    started: float = field(default_factory=time.monotonic)
    committed: bool = False  # True right after a batch became visible
    known_total: int | None = None  # articles this pass does, when known beforehand
    eta: float | None = None  # seconds left, see ``update_eta``; None until there is a rate
    eta_at: float = 0.0  # when ``eta`` was worked out

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def phase(self) -> str:
        """The pass, for the progress bar: "1/2 text", "2/2 entities and quotations"."""
        return "1/2 text" if self.stage == "text" else "2/2 entities and quotations"

    @property
    def articles_total(self) -> int:
        """How many articles this pass does: known, else estimated from the bytes read."""
        if self.known_total is not None:
            return max(self.known_total, self.articles)
        if self.bytes_done <= 0 or self.bytes_total <= 0 or not self.articles:
            return self.articles
        if self.bytes_done >= self.bytes_total:
            return self.articles
        return max(self.articles, round(self.articles * self.bytes_total / self.bytes_done))

    @property
    def fraction(self) -> float:
        total = self.articles_total
        return 1.0 if not total else min(1.0, self.articles / total)

    def update_eta(self, now: float | None = None) -> float | None:
        """Work out ``eta`` afresh: the articles left at the pass's rate so far, never more
        than the last ETA less the time since (so it never jumps back up)."""
        now = time.monotonic() if now is None else now
        elapsed = now - self.started
        if self.articles <= 0 or elapsed < 1.0:
            return self.eta
        rate = self.articles / elapsed
        estimate = max(0.0, (self.articles_total - self.articles) / rate)
        if self.eta is not None:
            estimate = min(estimate, max(0.0, self.eta - (now - self.eta_at)))
        self.eta, self.eta_at = estimate, now
        return self.eta


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
    read_only: bool = False  # the cache cannot be written: nothing was synced
    repaired: str = ""  # what was mended after an interrupted run, for a message
    text_seconds: float = 0.0  # until every article was searchable by its words
    annotated: int = 0  # articles whose entities and quotations were indexed
    advice: str = ""  # said once: e.g. that another search engine suits this corpus better

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class SyncBusy(Exception):
    """Another process holds the corpus's sync lock."""


@contextlib.contextmanager
def sync_lock(corpus: Corpus) -> Iterator[None]:
    """One syncing process per corpus; others read what is there."""
    try:
        corpus.cache_dir.mkdir(parents=True, exist_ok=True)
        handle = open(corpus.lock_path, "a+")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise cache_error("write the index", corpus.cache_dir, exc) from exc
    with handle:
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
    """Update store and index from the corpus files; safe to call on every start.

    Returns at once with ``busy`` when another process syncs the corpus, and with
    ``read_only`` when the cache cannot be written (``Corpus.prepare_cache``). Raises
    CacheError when writing the index or the metadata fails (disk full, read-only).
    """
    if corpus.read_only or getattr(store, "read_only", False):
        return SyncReport(
            read_only=True, skipped=[Skipped(item, reason) for item, reason in store.skips()]
        )
    bad_keys: set[str] = set()
    mended: list[str] = []  # damaged files set aside during this sync, for the report
    try:
        with sync_lock(corpus):
            for _attempt in range(_MAX_RESTARTS):
                try:
                    report = _Sync(corpus, store, engine, progress, cancel, bad_keys).run()
                except _BadArticle as bad:
                    bad_keys.add(bad.key)  # the batch was cancelled: go again without it
                    continue
                except Exception as exc:
                    if len(mended) >= _MAX_MENDS or not _mend(store, engine, exc, mended):
                        raise
                    continue  # the next run sets the damaged index aside, or fills the store
                report.repaired = "; ".join(
                    [*mended, report.repaired] if report.repaired else mended
                )
                return report
            raise CacheError(f"indexing failed on {len(bad_keys)} articles: see the log")
    except SyncBusy:
        return SyncReport(busy=True)
    except (OSError, sqlite3.Error) as exc:  # reading errors are skips: these are writes
        get_logger().error("sync of %s failed: %s", corpus.cache_dir, exc)
        raise cache_error("write the index", corpus.cache_dir, exc) from exc


_MAX_RESTARTS = 20
_MAX_MENDS = 3  # damaged files found and set aside within one sync before giving up


def _mend(store: MetaStore, engine: SearchEngine, error: Exception, mended: list[str]) -> bool:
    """After an error in a sync: whether it came from a damaged store (then set aside and
    started empty) or a damaged index (then noted, for the next run to set aside)."""
    if isinstance(error, (CacheError, _Cancelled)):
        return False
    if store_damage(error) or isinstance(error, sqlite3.DatabaseError) and store.damaged():
        store.replace_damaged(str(error))
        mended.append(store.warning or "the article list was damaged")
        return True
    if isinstance(error, (sqlite3.Error, MemoryError, RecursionError)):
        return False
    return engine.check_after_error() is not None


TEXT_BATCH = 2000  # texts kept per transaction when filling them in for an older store


class _BadArticle(Exception):
    """The index writer failed on an article; the batch is cancelled and the sync redone."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _Sync:
    def __init__(
        self,
        corpus: Corpus,
        store: MetaStore,
        engine: SearchEngine,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
        bad_keys: set[str] | None = None,
    ) -> None:
        self.corpus = corpus
        self.bad_keys = bad_keys if bad_keys is not None else set()
        self.log = get_logger()
        self.store = store
        self.engine = engine
        self.report_progress = progress or (lambda _p: None)
        self.cancel = cancel or threading.Event()
        self.report = SyncReport()
        self.progress = SyncProgress()
        self.parallel = False
        self.batch_limit = batching.FIRST_BATCH
        self.in_batch = 0
        self.writer: IndexWriter | None = None
        self.handed_on = False  # the last batch was committed with ``more``
        self.last_report = 0.0
        self.dirty = False
        self.reindex = False  # the index is built again for the articles the store keeps
        self.index_ahead = False  # a commit was interrupted: the index and store disagree

    def run(self) -> SyncReport:
        started = time.monotonic()
        damage = self._set_aside_damage()
        if self.corpus.dirty_path.exists():
            self.report.repaired = _repair(self.corpus, self.store, self.engine)
        if damage:
            self.report.repaired = "; ".join(x for x in (damage, self.report.repaired) if x)
        articles, documents = self.store.count(), self.engine.doc_count()
        if articles == 0 and documents > 0:
            # The article list was lost (deleted, emptied, set aside) with the ids the index
            # knows its articles by: the index starts again, else every article is there twice.
            self.log.warning("%s: article list empty, index not; indexing again", self.name)
            self.engine.clear()
            self.store.clear()  # its files too: every one is read again
            self.store.set_reindex(False)
        elif documents == 0 and articles > 0 and not self.store.reindex_pending():
            # The index was rebuilt (new format) or lost: every article is indexed again, by
            # the id it has; the list stays as it is meanwhile.
            self.log.warning("%s: index empty or rebuilt; indexing every article", self.name)
            self.store.set_reindex(True)
        self.reindex = self.store.reindex_pending()
        with contextlib.suppress(OSError):
            self.engine.record_files()  # an index made before its files' CRCs were noted
        files, skipped = discover(self.corpus.paths)
        known = self.store.file_states()
        current = {f.path for f in files}
        changed = [f for f in files if self.reindex or known.get(f.path) != (f.size, f.mtime_ns)]
        removed = sorted(set(known) - current)
        self._record_discovery(skipped, current)
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
        if not self.index_ahead:  # else the next run mends the index against the store
            with contextlib.suppress(OSError):
                self.corpus.dirty_path.unlink()
        if self.reindex and not self.report.cancelled:
            self.store.set_reindex(False)
        self.report.text_seconds = time.monotonic() - started
        if not self.report.cancelled:
            self.store.save_order()
            self._keep_missing_texts()
        if not self.report.cancelled:
            self._annotate(files)
        self.report.skipped.extend(Skipped(item, reason) for item, reason in self.store.skips())
        self.report.seconds = time.monotonic() - started
        if self.report.changed or self.report.repaired:
            self.log.info(
                "%s: %d added, %d updated, %d removed, %d skipped in %.1f s%s",
                self.name,
                self.report.added,
                self.report.updated,
                self.report.removed,
                len(self.report.skipped),
                self.report.seconds,
                f"; {self.report.repaired}" if self.report.repaired else "",
            )
        return self.report

    @property
    def name(self) -> str:
        return self.corpus.name

    def _set_aside_damage(self) -> str:
        """Damaged index folders renamed out of the way and started again; what was done."""
        parts = self.engine.damaged_parts()
        if not parts:
            return ""
        kept = self.engine.set_aside_damaged(list(parts))
        if self.engine.directory in parts and self.store.count() > 0:
            self.store.set_reindex(True)  # set before _repair, which would forget them all
        done = (
            f"the search index was damaged ({'; '.join(parts.values())}); kept as "
            f"{', '.join(p.name for p in kept)} and built again"
        )
        self.log.warning("%s: %s", self.name, done)
        return done

    def _keep_missing_texts(self) -> None:
        """Texts for snippets of articles indexed before the store kept them: read once."""
        if not self.store.texts_pending():
            return
        rows = self.store.rows_without_body()
        for start in range(0, len(rows), TEXT_BATCH):
            if self.cancel is not None and self.cancel.is_set():
                return
            texts = []
            for row in rows[start : start + TEXT_BATCH]:
                with contextlib.suppress(Exception):  # unreadable now: read when shown
                    texts.append((row.id, self.corpus.read(row).body))
            self.store.begin()
            self.store.put_bodies(texts)
            self.store.commit()
        self.store.texts_done()

    def _annotate(self, files: list[SourceFile]) -> None:
        """The second pass: entities and quotations into the annotation index."""
        progress = SyncProgress(stage="annotations")

        def report(
            articles: int, done: int, total: int, committed: bool, todo: int | None = None
        ) -> None:
            progress.articles, progress.bytes_done, progress.bytes_total = articles, done, total
            if todo is not None:
                progress.known_total = todo
            progress.committed = committed
            progress.update_eta()
            self.report_progress(progress)
            progress.committed = False

        result = annotate_index(
            self.corpus, self.store, self.engine, files, progress=report, cancel=self.cancel
        )
        self.report.annotated = result.annotated
        self.report.cancelled = result.cancelled

    def _record_discovery(self, skipped: list[Skipped], current: set[str]) -> None:
        """Keep the folder walk's skips, and drop skips of files that are gone."""
        pairs = [(s.path, s.reason) for s in skipped]
        old = set(self.store.skips_of(DISCOVERY))
        stale = self.store.skipped_files() - current - {DISCOVERY}
        if set(pairs) == old and not stale:
            return
        log_skips(self.name, [p for p in pairs if p not in old])
        self.store.begin()
        try:
            self.store.set_skips(DISCOVERY, pairs)
            for path in stale:
                self.store.set_skips(path, [])
            self.store.commit()
        except BaseException:
            self.store.rollback()
            raise

    def _sync_file(self, source: SourceFile) -> None:
        old = self.store.articles_of_file(source.path)
        seen: set[str] = set()
        skips: list[tuple[str, str]] = []
        base = self.progress.bytes_done
        complete = True  # False: keep the old articles not seen, read the file again next time
        remember = True  # False: do not record the file as done (retry it next time)
        try:
            for item, done in iter_articles(source):
                if self.cancel.is_set():
                    raise _Cancelled
                self.progress.bytes_done = base + min(done, source.size)
                if isinstance(item, Skipped):
                    skips.append((item.path, item.reason))
                    continue
                if item.key in self.bad_keys:
                    skips.append((item.key, "the index could not take this article (see log)"))
                    continue
                seen.add(item.key)
                self._put(item, old.get(item.key))
        except (_Cancelled, _BadArticle, CacheError):
            raise
        except TruncatedFile as exc:
            skips.append((source.path, str(exc)))
            complete = remember = False  # it may still be being written: read it again
        except (OSError, EOFError) as exc:  # cannot open/read (permissions, vanished, I/O)
            skips.append((source.path, f"cannot read: {_reason(exc)}"))
            complete = not seen  # a file that fails part-way keeps its old articles
            remember = False  # e.g. made readable later without a new mtime
        except (ValueError, UnicodeError, RecursionError) as exc:
            skips.append((source.path, _reason(exc)))
            complete = not seen
        except Exception as exc:  # a bug reading one file must not stop the sync
            self.log.error("%s: reading %s failed:\n%s", self.name, source.path, _trace(exc))
            skips.append((source.path, f"internal error: {type(exc).__name__}: {exc}"))
            complete = not seen
        self.progress.bytes_done = base + source.size
        self._begin()
        if complete:
            gone = set(old) - seen
            for key in gone:
                self.writer.delete_key(key)
            self.store.delete_articles(gone)
            self.report.removed += len(gone)
        if complete and remember:
            self.store.set_file(source.path, source.size, source.mtime_ns)
        previous = set(self.store.skips_of(source.path))
        log_skips(self.name, [s for s in skips if s not in previous])
        self.store.set_skips(source.path, skips)
        self._tick()

    def _put(self, article: Article, existing: tuple[int, str] | None) -> None:
        digest = article.content_hash
        self._begin()
        if existing is not None and existing[1] == digest:
            self.store.move_article(existing[0], article.locator)
            if not self.reindex:
                return
            article_id = existing[0]  # the index is being built again: the same id
        else:
            article_id = self.store.put_article(article, digest)
        try:
            # Only an article the store knows can be in the index: a new one needs no delete
            # (a term lookup in every segment); the repair of an interrupted run makes sure.
            self.writer.add(article_id, article, replace=existing is not None)
        except CacheError:
            raise
        except OSError as exc:  # a write (a full disk): not a file that cannot be read
            raise cache_error("write the index", self.corpus.cache_dir, exc) from exc
        except Exception as exc:  # the writer may be half-way through the document: redo
            self.log.error("%s: indexing %s failed:\n%s", self.name, article.key, _trace(exc))
            self._abort()
            raise _BadArticle(article.key) from exc
        if existing is None or existing[0] == article_id and existing[1] == digest:
            self.report.added += 1  # new, or added again to a rebuilt index
        else:
            self.report.updated += 1
        self.progress.articles += 1
        self.in_batch += 1
        if self.in_batch >= self.batch_limit:
            self._commit(more=True)
            self.batch_limit = batching.next_batch(
                self.batch_limit, self.parallel, batching.batch_scale(self.engine)
            )
        else:
            self._tick()

    def _begin(self) -> None:
        if self.writer is None:
            if not self.dirty:
                self.corpus.dirty_path.touch()
                self.dirty = True
            self.writer = self.engine.writer(parallel=self.parallel)
            self.handed_on = False
            self.store.begin()

    def _commit(self, more: bool = False) -> None:
        """Publish the batch; ``more``: the pass goes on (the engine may keep its writer)."""
        if self.writer is None and not more and self.handed_on:
            self._begin()  # the last commit of the pass lets the engine's kept writer go
        if self.writer is None:
            return
        # Index first: a kill before the store commits is repaired next run. Readers wait
        # only while the engine replaces its table of contents and deletes the files it no longer
        # uses (the engine's storage takes the corpus's commit lock then), not while it writes.
        try:
            with interrupted_on(self.cancel, self.writer):
                self.writer.commit(more=True) if more else self.writer.commit()
        except CommitInterrupted:
            self.index_ahead = True  # part of the batch published, the store not told
            raise _Cancelled from None
        self.store.commit()
        self.writer = None
        self.handed_on = more
        self.in_batch = 0
        self.progress.committed = True
        self.progress.update_eta()
        self.report_progress(self.progress)
        self.progress.committed = False

    def _abort(self) -> None:
        if self.writer is None and self.handed_on:
            with contextlib.suppress(Exception):  # the engine's kept writer: let it go
                self.writer = self.engine.writer(parallel=self.parallel)
        self.handed_on = False
        if self.writer is not None:
            with contextlib.suppress(Exception):
                self.writer.cancel()
            self.writer = None
        self.store.rollback()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last_report >= 0.1:
            self.last_report = now
            self.progress.update_eta(now)
            self.report_progress(self.progress)


class _Cancelled(Exception):
    pass


@contextlib.contextmanager
def interrupted_on(cancel: threading.Event, writer: IndexWriter) -> Iterator[None]:
    """While the block runs (a commit), ``cancel`` set (the user quits) interrupts ``writer``:
    a parallel whoosh commit would otherwise keep the process for as long as its indexing
    processes take to finish their batch."""
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if cancel.wait(0.1):
                if not done.is_set():
                    writer.interrupt()
                return

    watcher = threading.Thread(target=watch, name="tuireader-commit-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()


# -- repairing after an interrupted sync ----------------------------------------------------


def _repair(corpus: Corpus, store: MetaStore, engine: SearchEngine) -> str:
    """Make the index and the metadata agree after a sync that did not finish.

    The index commits before the metadata, so a kill in between leaves documents the metadata
    does not know (their article ids may even be given to other articles later): every
    document whose key is not in the store, or whose article id is not the store's id for
    that key, is deleted. Articles of the store missing from the index (an index commit lost)
    are forgotten with their file's state, so that the sync reads them again. Returns what was
    done, for the log and the report ("" when all agreed).
    """
    log = get_logger()
    wanted = store.key_ids()  # key -> article id
    repair = engine.repair(wanted)
    stale, valid = repair.deleted, repair.kept
    # While the index is built again (store.reindex_pending), the articles not in it yet are
    # indexed by the sync itself: forgetting them would empty the list meanwhile.
    missing = set() if store.reindex_pending() else set(wanted.values()) - valid
    if not stale and not missing:
        with contextlib.suppress(OSError):
            os.unlink(corpus.dirty_path)
        return ""
    if missing:
        store.begin()
        try:
            files = store.forget_articles(missing)
            store.commit()
        except BaseException:
            store.rollback()
            raise
    else:
        files = set()
    done = (
        f"interrupted sync repaired: {stale} stale index entries deleted, "
        f"{len(missing)} articles in {len(files)} files to read again"
    )
    log.warning("%s: %s", corpus.name, done)
    return done
