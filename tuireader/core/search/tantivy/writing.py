"""Writers of the two tantivy indexes: each batch is published by a commit.

tantivy publishes a commit by replacing ``meta.json`` atomically: a reader sees the index
before or after it, a process killed before it leaves the index as it was (its unfinished
segment files are removed by the next writer), and another process can read meanwhile.

One tantivy writer serves all the batches of a pass (``WriterHold``): a batch committed with
``more`` hands it on to the next batch, so that merging segments goes on in the background
while the next batch is read, instead of the pass waiting for every merge after every batch
(and opening a writer again). After the last commit of a pass the writer finishes its merges
in a thread of its own and then lets go (``WriterHold.settle_later``): the articles are
searchable once the commit is published, and the next pass (the annotations) starts meanwhile
instead of waiting, one core idle, for a merge that may take minutes on a big corpus. Anything
that needs the writer lock again (the next batch, a repair, closing) waits for that thread; so
does the interpreter at exit (the thread is not a daemon). A cancel waits for the merges at
once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import tantivy

from tuireader.core.base.articles import Article
from tuireader.core.search.annotation_fields import (
    all_mentions,
    cached_annotate,
    quote_fingerprints,
)
from tuireader.core.search.engine import annotation_ident
from tuireader.core.search.index_files import record
from tuireader.core.search.tantivy.schema import date_keys

# Memory for a writer's in-memory segments, split between its threads (tantivy needs 15 MB
# a thread at least); the two cores of a small machine both index.
HEAP_BYTES = 256_000_000
THREADS = 2
# The files tantivy never rewrites under the same name (``meta.json`` is replaced).
CHECKED = (".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm", ".del")


def open_writer(index: tantivy.Index, parallel: bool) -> tantivy.IndexWriter:
    return index.writer(heap_size=HEAP_BYTES, num_threads=THREADS if parallel else 1)


class WriterHold:
    """The tantivy writer of one index kept open between the batches of a pass."""

    def __init__(self, index: tantivy.Index, directory: Path) -> None:
        self.index = index
        self.directory = directory
        self._kept: tantivy.IndexWriter | None = None
        self._settling: threading.Thread | None = None

    def take(self, parallel: bool) -> tantivy.IndexWriter:
        """The kept writer, or a new one (once a writer settling in the background is done:
        it holds the index's writer lock until then)."""
        self.wait()
        writer, self._kept = self._kept, None
        return writer if writer is not None else open_writer(self.index, parallel)

    def keep(self, writer: tantivy.IndexWriter) -> None:
        self._kept = writer

    def release(self) -> None:
        """Wait for the kept writer's merges and let it go (the index's lock is free)."""
        self.wait()
        writer, self._kept = self._kept, None
        if writer is not None:
            settle(writer, self.directory)

    def settle_later(self, writer: tantivy.IndexWriter) -> None:
        """Let ``writer`` finish its merges and go in a thread, not holding up the caller."""
        self.wait()
        thread = threading.Thread(
            target=settle, args=(writer, self.directory), name="tuireader-tantivy-settle"
        )
        thread.start()
        self._settling = thread

    def wait(self) -> None:
        """Until the writer settling in the background (if any) is done."""
        thread, self._settling = self._settling, None
        if thread is not None:
            thread.join()


def settle(writer: tantivy.IndexWriter, directory: Path) -> None:
    """Wait for ``writer``'s merges (which ends it) and note the files they made."""
    with contextlib.suppress(Exception):
        writer.wait_merging_threads()
    with contextlib.suppress(OSError):
        record(directory, CHECKED)


class _Batch:
    def __init__(self, hold: WriterHold, parallel: bool, publish_lock: Callable | None) -> None:
        self._hold = hold
        self._index = hold.index
        self._directory = hold.directory
        self._writer = hold.take(parallel)
        self._publish_lock = publish_lock

    def commit(self, more: bool = False) -> None:
        """Publish the batch; ``more``: another batch of the pass follows at once."""
        lock = self._publish_lock() if self._publish_lock is not None else contextlib.nullcontext()
        with lock:
            self._writer.commit()
        if more:
            # Files are noted (their sizes and CRCs) only once the merges are over: a merge
            # still writing its segment would be noted at the size it had then, and the next
            # opening would take it for damage.
            self._hold.keep(self._writer)
        else:
            self._hold.settle_later(self._writer)
        self._index.reload()

    def cancel(self) -> None:
        with contextlib.suppress(Exception):
            self._writer.rollback()
        settle(self._writer, self._directory)

    def interrupt(self) -> None:
        """tantivy's commit is quick: nothing to end."""


class TextWriter(_Batch):
    """Adds and deletes articles of the text index in one tantivy commit."""

    def add(self, article_id: int, article: Article, replace: bool) -> None:
        if replace:
            self._writer.delete_documents_by_term("key", article.key)
        newest, oldest = date_keys(article_id, article.date)
        doc = tantivy.Document()
        doc.add_unsigned("aid", article_id)
        doc.add_text("key", article.key)
        doc.add_text("file", article.file)
        doc.add_text("title", article.title)
        doc.add_text("body", article.body)
        doc.add_text("exact", article.title)
        doc.add_text("exact", article.body)
        if article.source:
            doc.add_text("source", article.source)
        if article.date is not None:
            doc.add_date("date", article.date.astimezone(UTC))
        doc.add_unsigned("newest", newest)
        doc.add_unsigned("oldest", oldest)
        self._writer.add_document(doc)

    def delete_key(self, key: str) -> None:
        self._writer.delete_documents_by_term("key", key)

    def delete_file(self, path: str) -> None:
        self._writer.delete_documents_by_term("file", path)

    def delete_query(self, query: tantivy.Query) -> None:
        """Delete the documents matching ``query`` (repair: a key under a wrong id)."""
        self._writer.delete_documents_by_query(query)


class AnnotationWriter(_Batch):
    """Adds and deletes annotation documents in one tantivy commit."""

    spec = "embedded"

    def add(self, article_id: int, digest: str, article: Article) -> None:
        annotations = cached_annotate(article.full_text, self.spec)
        doc = tantivy.Document()
        doc.add_unsigned("aid", article_id)
        doc.add_text("ident", annotation_ident(article_id, digest))
        for name, found in all_mentions(annotations).items():
            for mention in found:
                doc.add_text(name, mention)
        prints = sorted({fp for q in annotations.quotes for fp in quote_fingerprints(q.text)})
        for fingerprint in prints:
            doc.add_text("quotefp", fingerprint)
        self._writer.add_document(doc)

    def add_empty(self, article_id: int, digest: str) -> None:
        doc = tantivy.Document()
        doc.add_unsigned("aid", article_id)
        doc.add_text("ident", annotation_ident(article_id, digest))
        self._writer.add_document(doc)

    def delete(self, ident: str) -> None:
        self._writer.delete_documents_by_term("ident", ident)
