"""Writers of the two indexes, the merge policy, and the parallel writer's processes."""

from __future__ import annotations

import multiprocessing
from datetime import UTC
from pathlib import Path

from whoosh.multiproc import MpWriter
from whoosh.reading import SegmentReader
from whoosh.writing import IndexWriter as WhooshWriter

from tuireader.core.base.articles import Article
from tuireader.core.base.processes import start_resource_tracker
from tuireader.core.search.annotation_fields import (
    all_mentions,
    cached_annotate,
)
from tuireader.core.search.engine import CommitInterrupted, annotation_ident
from tuireader.core.search.index_files import record
from tuireader.core.search.whoosh.analysis import quote_prints
from tuireader.core.search.whoosh.processes import end_processes, use_safe_start_method
from tuireader.core.search.whoosh.schema import EXACT_FIELD

# Articles per job file handed to each indexing process.
PARALLEL_BATCH = 256
# Parallel batches are this many times the sync's largest (``cache.batching``): fewer, bigger
# segments (benchmarks/README.md, whoosh20).
PARALLEL_BATCH_SCALE = 3
# Postings a writer keeps in memory before spilling sorted runs to disk (whoosh's estimate).
# Spilling made indexing much slower; at this size a process holds its half of the largest
# parallel batch (MAX_BATCH in cache.batching, times the scale) without it (benchmarks/README.md).
POOL_MB = 512 * PARALLEL_BATCH_SCALE
# Segments with fewer documents are merged at the next commit (see merge_small).
SMALL_SEGMENT = 2000


class TextWriter:
    """Adds and deletes articles in one whoosh transaction."""

    def __init__(self, writer: WhooshWriter, directory: Path) -> None:
        self._writer = writer
        self._directory = directory

    def add(self, article_id: int, article: Article, replace: bool) -> None:
        if replace:
            self._writer.delete_by_term("key", article.key)
        fields = {
            "aid": article_id,
            "key": article.key,
            "file": article.file,
            "title": article.title,
            "body": article.body,
            "source": article.source,
            EXACT_FIELD: article.full_text,
        }
        if article.date is not None:
            fields["date"] = article.date.astimezone(UTC).replace(tzinfo=None)
        self._writer.add_document(**fields)

    def delete_key(self, key: str) -> None:
        self._writer.delete_by_term("key", key)

    def delete_file(self, path: str) -> None:
        self._writer.delete_by_term("file", path)

    def commit(self, more: bool = False) -> None:  # noqa: ARG002 - a writer per batch here
        self._writer.commit(mergetype=merge_small)
        record(self._directory)  # the new files' sizes and CRCs (see index_files)
        if isinstance(self._writer, EndingMpWriter) and self._writer.interrupted:
            raise CommitInterrupted("the indexing processes were ended")

    def cancel(self) -> None:
        self._writer.cancel()

    def interrupt(self) -> None:
        """The parallel writer's commit waits for its processes to index what they were
        given (many seconds on a large batch): they are ended instead."""
        if isinstance(self._writer, EndingMpWriter):
            self._writer.interrupt()


class AnnotationWriter:
    """Adds and deletes annotation documents in one whoosh transaction."""

    def __init__(self, writer: WhooshWriter, directory: Path, spec: str = "embedded") -> None:
        self._writer = writer
        self._directory = directory
        self._spec = spec

    def add(self, article_id: int, digest: str, article: Article) -> None:
        """Index an article not in the annotation index (a plain add: no lookup to replace).

        The fields get the mentions (and the quotations' fingerprints) as lists of words
        already found here, where the pass annotated the article: the indexing processes of a
        parallel writer would otherwise annotate every article a second time."""
        ident = annotation_ident(article_id, digest)
        annotations = cached_annotate(article.full_text, self._spec)
        fields: dict = all_mentions(annotations)
        fields["quotefp"] = sorted(
            {fp for quote in annotations.quotes for fp in quote_prints(quote.text)}
        )
        self._writer.add_document(ident=ident, aid=article_id, **fields)

    def add_empty(self, article_id: int, digest: str) -> None:
        """An article whose annotation failed: recorded, so that it is not tried again."""
        self._writer.add_document(ident=annotation_ident(article_id, digest), aid=article_id)

    def delete(self, ident: str) -> None:
        self._writer.delete_by_term("ident", ident)

    def commit(self, more: bool = False) -> None:  # noqa: ARG002 - a writer per batch here
        self._writer.commit(mergetype=merge_small)
        record(self._directory)

    def cancel(self) -> None:
        self._writer.cancel()


def merge_small(writer, segments):
    """whoosh merge policy: merge the small segments (and those mostly deleted), keep the rest.

    whoosh's MERGE_SMALL also merges big segments once there are many, rewriting most of a
    large index in the committing process, single-threaded, commit after commit (minutes at
    100k articles). Here the big segments of a first build (a few thousand articles each)
    stay as they are; the small ones of incremental syncs are merged, so their number stays
    bounded.
    """
    merge = [
        seg
        for seg in segments
        if seg.doc_count_all() < SMALL_SEGMENT or seg.doc_count() < seg.doc_count_all() // 2
    ]
    if len(merge) < 2 and not any(seg.doc_count() < seg.doc_count_all() for seg in merge):
        return segments
    for seg in merge:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [seg for seg in segments if seg not in merge]


class EndingMpWriter(MpWriter):
    """whoosh's MpWriter, whose ``cancel`` also ends its processes: whoosh's only sets a flag
    in this process, and processes waiting for their next job waited for ever (a failed
    batch, a full disk: Python's exit then waited on them)."""

    interrupted = False

    def cancel(self) -> None:
        try:
            end_processes(self.tasks)
        finally:
            super().cancel()

    def interrupt(self) -> None:
        """End the processes from another thread, e.g. while ``commit`` waits for them."""
        self.interrupted = True
        end_processes(self.tasks)


def open_writer(ix, parallel: bool) -> WhooshWriter:
    """A whoosh writer; ``parallel`` uses two indexing processes for large batches."""
    if parallel and multiprocessing.cpu_count() > 1:
        use_safe_start_method()
        start_resource_tracker()
        return EndingMpWriter(
            ix,
            procs=2,
            batchsize=PARALLEL_BATCH,
            multisegment=True,
            limitmb=POOL_MB,
        )
    return ix.writer(timeout=60.0, limitmb=POOL_MB)
