"""Filling the annotation index (entities and quotations) after the text index.

Finding entities and quotations costs about as much again as indexing the text, so it comes
second: articles are searchable by their words as soon as the text index has them, and by
``person:``, ``speaker:`` … once this pass has been through them. What to do is found by
comparing the annotation index with the metadata store (an annotation document is named by
the article id and content hash it was made from), so the pass needs no state of its own: a
run killed half way, a changed or removed article, a new entity backend (a new, empty
annotation index) are all picked up by the next run.
"""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from tuireader.core.base.log import get_logger
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import CacheError, MetaStore
from tuireader.core.ingest.loaders import Skipped, SourceFile, iter_articles
from tuireader.core.search import annotation_ident

# From this many articles to annotate, use two indexing processes.
PARALLEL_ARTICLES = 2000
_MAX_RESTARTS = 20


@dataclass(slots=True)
class AnnotationPass:
    annotated: int = 0  # articles annotated and indexed
    deleted: int = 0  # annotation documents of changed or removed articles
    failed: int = 0  # articles the annotators failed on (logged, indexed without annotations)
    cancelled: bool = False


class _Cancelled(Exception):
    pass


class _Failed(Exception):
    def __init__(self, ident: str) -> None:
        super().__init__(ident)
        self.ident = ident


def annotate_index(
    corpus: Corpus,
    store: MetaStore,
    engine,
    files: list[SourceFile],
    progress: Callable[..., None] | None = None,
    cancel: threading.Event | None = None,
) -> AnnotationPass:
    """Bring the annotation index up to date with the store.

    ``files`` are the corpus's files as just discovered; ``progress(articles, bytes_done,
    bytes_total, committed)`` is called as the pass goes, and once at its start with a fifth
    argument, the number of articles it annotates.
    """
    failed: set[str] = set()
    for _attempt in range(_MAX_RESTARTS):
        try:
            return _Pass(corpus, store, engine, files, progress, cancel, failed).run()
        except _Failed as bad:
            failed.add(bad.ident)  # the batch was cancelled: go again, without that article
    raise CacheError(f"annotating failed on {len(failed)} articles: see the log")


class _Pass:
    def __init__(self, corpus, store, engine, files, progress, cancel, failed) -> None:
        from tuireader.core.cache import sync  # imports this module: its batch sizes are read here
        self.ident_of = annotation_ident
        self.next_batch = sync.next_batch
        self.corpus = corpus
        self.store = store
        self.engine = engine
        self.files = files
        self.report_progress = progress or (lambda *_args: None)
        self.cancel = cancel or threading.Event()
        self.failed = failed
        self.result = AnnotationPass()
        self.writer = None
        self.in_batch = 0
        self.batch_limit = sync.FIRST_BATCH
        self.parallel = False

    def run(self) -> AnnotationPass:
        wanted: dict[str, str] = {}  # ident -> file
        for article_id, digest, file in self.store.article_hashes():
            wanted[self.ident_of(article_id, digest)] = file
        have = self.engine.annotated()
        stale = have - wanted.keys()
        todo = wanted.keys() - have
        if not stale and not todo:
            return self.result
        by_file: dict[str, set[str]] = defaultdict(set)
        for ident in todo:
            by_file[wanted[ident]].add(ident)
        sources = {source.path: source for source in self.files}
        paths = sorted(path for path in by_file if path in sources)
        total = sum(sources[path].size for path in paths)
        self.parallel = len(todo) >= PARALLEL_ARTICLES
        self.report_progress(0, 0, total, False, len(todo))  # how many this pass does
        done_bytes = 0
        try:
            if stale:
                self._begin()
                for ident in stale:
                    self.writer.delete(ident)
                self.result.deleted = len(stale)
            for path in paths:
                self._annotate_file(sources[path], by_file[path], done_bytes, total)
                done_bytes += sources[path].size
            self._commit(done_bytes, total)
        except _Cancelled:
            self._abort()
            self.result.cancelled = True
        except BaseException:
            self._abort()
            raise
        return self.result

    def _annotate_file(self, source: SourceFile, needed: set[str], base: int, total: int) -> None:
        stored = self.store.articles_of_file(source.path)  # key -> (id, hash)
        articles = iter_articles(source)
        while True:
            try:
                item, done = next(articles)
            except StopIteration:
                break
            except Exception as exc:  # unreadable now: the text pass reports and retries files
                get_logger().info("annotations: %s not read again: %s", source.path, exc)
                break
            if self.cancel.is_set():
                raise _Cancelled
            if isinstance(item, Skipped):
                continue
            entry = stored.get(item.key)
            if entry is None or entry[1] != item.content_hash:
                continue  # changed since the text pass: the next sync does it
            ident = self.ident_of(*entry)
            if ident not in needed:
                continue
            self._add(entry, item, ident)
            position = base + min(done, source.size)
            if self.in_batch >= self.batch_limit:
                self._commit(position, total)
                self.batch_limit = self.next_batch(self.batch_limit, self.parallel)
            elif self.result.annotated % 50 == 0:
                self.report_progress(self.result.annotated, position, total, False)

    def _add(self, entry: tuple[int, str], article, ident: str) -> None:
        self._begin()
        if ident in self.failed:
            self.writer.add_empty(*entry)
            self.result.failed += 1
        else:
            try:
                self.writer.add(entry[0], entry[1], article)
            except OSError:
                raise
            except Exception as exc:  # an annotator bug on one article must not stop the rest
                get_logger().error("annotating %s failed: %r", article.key, exc)
                self._abort()
                raise _Failed(ident) from exc
        self.result.annotated += 1
        self.in_batch += 1

    def _begin(self) -> None:
        if self.writer is None:
            self.writer = self.engine.annotation_writer(parallel=self.parallel)

    def _commit(self, done: int, total: int) -> None:
        if self.writer is None:
            return
        self.writer.commit()  # published under the commit lock (see MappedFileStorage)
        self.writer = None
        self.in_batch = 0
        self.report_progress(self.result.annotated, done, total, True)

    def _abort(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(Exception):  # already failing; rechecked next run
                self.writer.cancel()
            self.writer = None
