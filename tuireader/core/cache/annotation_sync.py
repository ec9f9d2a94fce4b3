"""Filling the annotation index (entities and quotations) after the text index.

Finding entities and quotations costs about as much again as indexing the text, so it comes
second: articles are searchable by their words as soon as the text index has them, and by
``person:``, ``speaker:`` … once this pass has been through them. What to do is found by
comparing the annotation index with the metadata store (an annotation document is named by
the article id and content hash it was made from), so the pass needs no state of its own: a
run killed half way, a changed or removed article, a new entity backend (a new, empty
annotation index) are all picked up by the next run. The one thing kept is a note that a pass
found the index complete (the store's ``annotated`` table, forgotten by any change to the
articles, and valid only for the same backend and number of documents): comparing every
article costs seconds at a million, and most syncs change nothing. The texts are read from the
store, where the text pass kept them: the corpus files are read once per sync.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from tuireader.core.base.log import get_logger
from tuireader.core.cache import batching
from tuireader.core.cache.annotating import Annotating, worth_it
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.entity_table import EntityTableWriter
from tuireader.core.cache.store import CacheError, MetaStore
from tuireader.core.ingest.loaders import SourceFile
from tuireader.core.investigate.near_duplicates import text_sketch
from tuireader.core.investigate.rows import ROWS_VERSION, EntityRow, entity_row
from tuireader.core.search import annotation_ident
from tuireader.core.search.annotation_fields import remember

# From this many articles to annotate, use two indexing processes.
PARALLEL_ARTICLES = 2000
READ_BATCH = 500  # articles whose texts are read from the store at a time
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


def _file_order(entry: tuple[int, str, str]) -> tuple[str, int]:
    return entry[2], entry[0]


def annotate_index(
    corpus: Corpus,
    store: MetaStore,
    engine,
    files: list[SourceFile],
    progress: Callable[..., None] | None = None,
    cancel: threading.Event | None = None,
) -> AnnotationPass:
    """Bring the annotation index up to date with the store.

    ``files``: the corpus's files as just discovered (not read: the texts come from the
    store). ``progress(articles, done, total, committed)`` is called as the pass goes (done
    and total count articles), and once at its start with a fifth argument, the number of
    articles it annotates.
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
        self.ident_of = annotation_ident
        self.next_batch = batching.next_batch
        self.corpus = corpus
        self.store = store
        self.engine = engine
        self.files = files
        self.report_progress = progress or (lambda *_args: None)
        self.cancel = cancel or threading.Event()
        self.failed = failed
        self.result = AnnotationPass()
        self.writer = None
        self.handed_on = False  # the last batch was committed with ``more``
        self.in_batch = 0
        self.batch_limit = batching.FIRST_BATCH
        self.parallel = False
        self.spec = getattr(engine, "spec", "embedded")
        self.kept: list[tuple[int, str, bytes]] = []  # annotations for the store (see _keep)
        self.rows: list[tuple[int, EntityRow]] = []  # their entity rows (same transaction)
        self.table = EntityTableWriter(store.bodies)
        self.ahead: Annotating | None = None  # worker processes annotating ahead
        self.sketches: dict[int, tuple[int, ...]] = {}  # near-duplicate sketches they found
        self.complete = True  # False: some entity rows or annotations were not kept

    def run(self) -> AnnotationPass:
        docs = self._documents()
        if docs is not None and self.store.annotation_pass_done(self._done_spec, docs):
            return self.result  # nothing changed since a pass found the index complete
        self._compare()
        if not self.cancel.is_set() and not self.result.cancelled and self.complete:
            docs = self._documents()
            if docs is not None:
                self.store.set_annotation_pass_done(self._done_spec, docs)
        return self.result

    @property
    def _done_spec(self) -> str:
        """What a complete pass is noted with: the backend and how entity rows are made."""
        return f"{self.spec}|{ROWS_VERSION}"

    def _documents(self) -> int | None:
        """The annotation index's documents (None: it cannot tell, compare them all)."""
        try:
            return int(self.engine.stats().annotated)
        except Exception:  # noqa: BLE001 - an engine that cannot say: the pass compares
            return None

    def _compare(self) -> None:
        """Compare the annotation index with the store, and annotate what it lacks. Every
        article's ident is read, from both (seconds and hundreds of MB at a million articles,
        benchmarks/README.md): a complete pass is noted in the store, and this skipped until
        the articles or the index change."""
        if not self.store.read_only and self.store.entity_rows_version() != ROWS_VERSION:
            self.store.restart_entity_table(ROWS_VERSION)
            self.table.forget()
        stale = self.engine.annotated()  # what is left of it below once the store is read
        annotated = bool(stale)
        without_row = self.store.ids_without_entity_row() if annotated else set()
        todo: list[tuple[int, str, str]] = []  # (id, hash, file) of articles to annotate
        no_row: list[tuple[int, str, str]] = []  # annotated ones without an entity row
        for entry in self.store.article_hashes():  # one at a time: no list of every article
            ident = self.ident_of(entry[0], entry[1])
            if ident in stale:
                stale.discard(ident)
                if entry[0] in without_row:
                    no_row.append(entry)
            else:
                todo.append(entry)
        # in file order: a store made before texts were kept reads those files instead
        todo.sort(key=_file_order)
        self._fill_entity_table(no_row)
        if todo and not annotated:  # every article annotated again: their keys made again too
            self.store.forget_sketch_keys()
        if not stale and not todo:
            return
        total = len(todo)
        self.parallel = total >= PARALLEL_ARTICLES
        self.report_progress(0, 0, total, False, total)  # how many this pass does
        if worth_it(self.spec, total, PARALLEL_ARTICLES):
            self.ahead = Annotating(self.spec)
        try:
            if stale:
                self._begin()
                for ident in stale:
                    self.writer.delete(ident)
                self.result.deleted = len(stale)
            batches = [todo[start : start + READ_BATCH] for start in range(0, total, READ_BATCH)]
            # each batch is read (and handed to the workers) before the one ahead of it is done
            coming = self._read(batches[0]) if batches else None
            for number in range(len(batches)):
                current = coming
                coming = self._read(batches[number + 1]) if number + 1 < len(batches) else None
                self._annotate_some(*current, total)
            self._commit(self.result.annotated, total)
        except _Cancelled:
            self._abort()
            self.result.cancelled = True
        except BaseException:
            self._abort()
            raise
        finally:
            if self.ahead is not None:
                self.ahead.close()

    def _fill_entity_table(self, missing: list[tuple[int, str, str]]) -> None:
        """Entity rows for annotated articles that have none (a store made before the table,
        or rows of an older version): from their kept annotations, else annotated again;
        once."""
        from tuireader.core.cache.kept_annotations import decode, encode, readable, version
        from tuireader.core.search.annotation_fields import cached_annotate

        for start in range(0, len(missing), READ_BATCH):
            if self.cancel.is_set():
                self.complete = False
                return
            some = missing[start : start + READ_BATCH]
            ids = [entry[0] for entry in some]
            kept = self.store.annotations(ids)
            _rows, articles = Corpus.articles(self.store, ids)
            rows: list[tuple[int, EntityRow]] = []
            # kept in an older encoding (or found again here): kept again in this one
            again: list[tuple[int, str, bytes]] = []
            for article_id, digest, _file in some:
                article = articles.get(article_id)
                if article is None or isinstance(article, Exception):
                    continue
                found = kept.get(article_id)
                annotations = None
                current = version(digest, self.spec)
                if found is not None and readable(found[0], digest, self.spec):
                    annotations = decode(found[1], article.full_text)
                try:
                    if annotations is None:
                        annotations = cached_annotate(article.full_text, self.spec)
                    if found is None or found[0] != current:
                        again.append((article_id, current, encode(annotations, article.full_text)))
                    row = entity_row(article.full_text, annotations)
                    row.sketch = text_sketch(article.body)
                except Exception as exc:  # the annotator failed on it: an empty row, once
                    get_logger().error("entity row of %s failed: %r", article.key, exc)
                    row = EntityRow()
                rows.append((article_id, row))
            if not self.store.put_annotations(again, wait=30.0, also=self.table.writer(rows)):
                self.table.forget()
                self.complete = False

    def _read(self, entries: list[tuple[int, str, str]]):
        """These articles, their text read from the store (where the text pass kept it: the
        corpus files are read once per sync), handed to the worker processes if there are."""
        _rows, articles = Corpus.articles(self.store, [entry[0] for entry in entries])
        texts = {
            article_id: article.full_text
            for article_id, article in articles.items()
            if article is not None and not isinstance(article, Exception)
        }
        futures = []
        if self.ahead is not None:
            starts = [len(text) - len(articles[i].body) for i, text in texts.items()]
            futures = self.ahead.submit(list(texts.values()), starts)
        return entries, articles, texts, futures

    def _annotate_some(
        self, entries: list[tuple[int, str, str]], articles, texts, futures, total: int
    ) -> None:
        """Annotate and index these articles (``_read``)."""
        found = {}
        if futures and self.ahead is not None:
            found = dict(zip(texts, self.ahead.results(futures, len(texts)), strict=True))
        for article_id, digest, _file in entries:
            if self.cancel.is_set():
                raise _Cancelled
            article = articles.get(article_id)
            if article is None or isinstance(article, Exception):
                continue  # gone meanwhile, or unreadable (an older store): the next sync
            annotations, lowest = found.get(article_id) or (None, None)
            if annotations is not None:  # found by a worker: not annotated again here
                remember(article.full_text, self.spec, annotations)
            if lowest is not None:  # its near-duplicate sketch too
                self.sketches[article_id] = lowest
            self._add((article_id, digest), article, self.ident_of(article_id, digest))
            done = self.result.annotated
            if self.in_batch >= self.batch_limit:
                self._commit(done, total, more=True)
                self.batch_limit = self.next_batch(
                    self.batch_limit, self.parallel, batching.batch_scale(self.engine)
                )
            elif done % 50 == 0:
                self.report_progress(done, done, total, False)

    def _add(self, entry: tuple[int, str], article, ident: str) -> None:
        self._begin()
        if ident in self.failed:
            self.writer.add_empty(*entry)
            self.result.failed += 1
        else:
            try:
                self._keep(entry, article)
                self.writer.add(entry[0], entry[1], article)
            except OSError:
                raise
            except Exception as exc:  # an annotator bug on one article must not stop the rest
                get_logger().error("annotating %s failed: %r", article.key, exc)
                self._abort()
                raise _Failed(ident) from exc
        self.result.annotated += 1
        self.in_batch += 1

    def _keep(self, entry: tuple[int, str], article) -> None:
        """Keep the article's annotations in the store too, so that opening it reads them
        (see kept_annotations), and its entity row (the corpus entity table). Indexing in
        this process, the index's fields are then made from the same annotations
        (``cached_annotate`` remembers the last text, or the annotations a worker process
        found), so keeping them costs no second annotation."""
        from tuireader.core.cache.kept_annotations import encode, version
        from tuireader.core.search.annotation_fields import cached_annotate

        annotations = cached_annotate(article.full_text, self.spec)
        article_id, digest = entry
        kept = encode(annotations, article.full_text)
        self.kept.append((article_id, version(digest, self.spec), kept))
        row = entity_row(article.full_text, annotations)
        lowest = self.sketches.pop(article_id, None)
        row.sketch = text_sketch(article.body) if lowest is None else lowest
        self.rows.append((article_id, row))

    def _begin(self) -> None:
        if self.writer is None:
            self.writer = self.engine.annotation_writer(parallel=self.parallel)
            self.handed_on = False

    def _commit(self, done: int, total: int, more: bool = False) -> None:
        """Publish the batch; ``more``: the pass goes on (the engine may keep its writer)."""
        if self.writer is None and not more and self.handed_on:
            self._begin()  # the last commit of the pass lets the engine's kept writer go
        if self.writer is None:
            return
        # published under the commit lock (see MappedFileStorage)
        self.writer.commit(more=True) if more else self.writer.commit()
        kept, self.kept = self.kept, []
        rows, self.rows = self.rows, []
        # a cache: not kept when it fails (found again when the article is annotated again)
        if not self.store.put_annotations(kept, wait=30.0, also=self.table.writer(rows)):
            self.table.forget()
            self.complete = False
        self.writer = None
        self.handed_on = more
        self.in_batch = 0
        self.report_progress(self.result.annotated, done, total, True)

    def _abort(self) -> None:
        self.kept = []
        self.rows = []
        self.sketches.clear()
        if self.writer is None and self.handed_on:
            with contextlib.suppress(Exception):  # the engine's kept writer: let it go
                self.writer = self.engine.annotation_writer(parallel=self.parallel)
        self.handed_on = False
        if self.writer is not None:
            with contextlib.suppress(Exception):  # already failing; rechecked next run
                self.writer.cancel()
            self.writer = None
