"""The whoosh implementation of the search engine.

Two whoosh indexes: the text index (title, body, source, date) and, in the folder beside it
named with ``-annotations``, the annotation index (``person:``, ``org:``, ``place:``,
``entity:``, ``speaker:``, ``quote:`` and quotation fingerprints). The text index is filled
first, as fast as whoosh can (articles become searchable at once); finding entities and
quotations costs as much again, so the annotation index is filled after it, and is rebuilt
alone when the annotators or the entity backend change. Queries on both are answered by the
text index, with the annotation parts run on the annotation index first (see ``aidset``).

Bodies are indexed but not stored: the reading pane reads them from the corpus. Both indexes
carry the article id (the metadata store's primary key) in a column, so a hit maps straight to
a row; an annotation document is named by the article id and content hash it was made from.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import multiprocessing
import os
import re
import shutil
import sys
import threading
import time
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import UTC
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.collectors import FilterCollector, UnlimitedCollector
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import (
    AndGroup,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    PlusMinusPlugin,
)
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import AndNot, MultiTerm, Not, NullQuery, Or, Term
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter as WhooshWriter

from tuireader.core.annotate.pipeline import ANNOTATOR_VERSION
from tuireader.core.base.articles import Article
from tuireader.core.base.atomic import write_atomic
from tuireader.core.search.aidset import ArticleSet
from tuireader.core.search.analysis import NewsPositions, find_terms, name_analyzer, news_analyzer
from tuireader.core.search.annotation_fields import (
    ANNOTATION_FIELDS,
    FingerprintTokenizer,
    annotation_analyzer,
    quote_fingerprints,
)
from tuireader.core.search.bounded import SEARCH_SECONDS, BoundedCollector, Budget
from tuireader.core.search.codec import FastW3Codec
from tuireader.core.search.date_clauses import rewrite_dates
from tuireader.core.search.engine import QueryError, SearchHit, SearchResults
from tuireader.core.search.fast_parse import FastParser
from tuireader.core.search.guards import check_length, guard
from tuireader.core.search.index_files import find_damage, note_damage, put_aside, record
from tuireader.core.search.mapped_storage import MappedFileStorage, PublishLock
from tuireader.core.search.searcher_cache import remember, searching_only
from tuireader.core.search.syntax import check_syntax
from tuireader.core.search.term_search import MAX_POSTINGS, top_hits

# Bump when the schema or the way fields are filled changes: the index is rebuilt.
FORMAT_VERSION = 5
# The same for the annotation index (which also follows the annotators and the backend).
ANNOTATION_FORMAT_VERSION = 2

SEARCH_FIELDS = ("title", "body")
# ``exact:``: words as written (no stems), in the annotation index (filled in the second pass).
EXACT_FIELD = "exact"
QUERY_FIELDS = ("title", "body", "source", "date", EXACT_FIELD, *ANNOTATION_FIELDS)
# whoosh's date parser reads 20161001 but takes 2016-10-01 as just the year.
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")
# Suggestions only for queries this short (whoosh's corrector walks the word list per word).
SUGGEST_WORDS = 6
SUGGEST_CHARS = 120
# Share of a quotation's word runs another article must carry to count as quoting it.
SHARED_QUOTE_SHARE = 0.5
# Tries to open an index before it is taken as damaged and rebuilt.
OPEN_ATTEMPTS = 3
# Articles per job file handed to each indexing process.
_PARALLEL_BATCH = 256
# Postings a writer keeps in memory before spilling sorted runs to disk (whoosh's estimate,
# about 190 bytes a posting). Spilling made indexing a third slower; at 512 MB a process
# holds the 4,000 articles of the largest parallel batch (MAX_BATCH in sync) without it
# (about 450 MB resident).
_POOL_MB = 512


def _article_id_column() -> COLUMN:
    return COLUMN(NumericColumn("Q"))


def _news_text(boost: float = 1.0) -> TEXT:
    field = TEXT(analyzer=news_analyzer(), field_boost=boost)
    field.format = NewsPositions(field_boost=boost)  # the same postings, made faster
    return field


def make_schema() -> Schema:
    """The text index's fields."""
    return Schema(
        aid=_article_id_column(),
        key=ID(unique=True),
        file=ID,
        title=_news_text(boost=2.0),
        body=_news_text(),
        source=TEXT(analyzer=name_analyzer()),
        date=DATETIME(sortable=True),
    )


def make_annotation_schema(spec: str = "embedded") -> Schema:
    """The annotation index's fields; ``spec`` names the entity backend they use."""
    annotation_fields = {
        name: TEXT(analyzer=annotation_analyzer(name, spec)) for name in ANNOTATION_FIELDS
    }
    return Schema(
        **annotation_fields,
        quotefp=KEYWORD(analyzer=FingerprintTokenizer(spec)),
        # Title and body as written: lower case, accents folded, no stems, no stop words gone.
        exact=TEXT(analyzer=name_analyzer()),
        aid=_article_id_column(),
        ident=ID(unique=True),
    )


def annotation_dir(directory: Path) -> Path:
    """Where the annotation index of the text index in ``directory`` is kept."""
    return directory.with_name(f"{directory.name}-annotations")


def _article_ids(reader):
    """The ``aid`` column of a reader (article id by document number); [] for an empty index."""
    return reader.column_reader("aid") if reader.has_column("aid") else []


def _searcher_ids(searcher: Searcher):
    """``_article_ids`` of a searcher's reader, made once per searcher: as one array when the
    segments' columns can be read whole (a column reader over many segments took 0.1 ms to
    make, and 1 us a document through its three layers: 1 ms for a thousand hits), else
    whoosh's column reader."""
    column = getattr(searcher, "_tuireader_ids", None)
    if column is None:
        reader = searcher.reader()
        column = _flat_article_ids(reader)
        if column is None:
            column = _article_ids(reader)
        searcher._tuireader_ids = column
    return column


# Whether a searcher is up to date, whoosh tells by listing the index folder for its newest
# TOC file (7 us on Reuters, 14 at 100k articles, every search). A commit adds one, which
# changes the folder's mtime: a folder whose mtime is the one noted at the last full check,
# when it was already this many seconds old (clocks of coarse file systems: FAT's is 2 s),
# has had no commit since.
_SETTLED = 2.5


def _folder_mtime(ix) -> int | None:
    folder = getattr(ix.storage, "folder", None)
    try:
        return os.stat(folder).st_mtime_ns if folder else None
    except OSError:
        return None


def _note_folder(searcher: Searcher, ix) -> None:
    """After a full check: the folder's mtime, when settled, else None (check fully again)."""
    mtime = _folder_mtime(ix)
    settled = mtime is not None and time.time_ns() - mtime > _SETTLED * 1e9
    searcher._tuireader_folder_mtime = mtime if settled else None


def _folder_unchanged(searcher: Searcher, ix) -> bool:
    noted = getattr(searcher, "_tuireader_folder_mtime", None)
    return noted is not None and _folder_mtime(ix) == noted


def _flat_article_ids(reader) -> array | None:
    """Every document's article id, in document order, from the segments' ``aid`` columns
    read as bytes (8 bytes a document); None for a column stored another way."""
    ids = array("Q")
    for leaf, offset in reader.leaf_readers():
        if offset != len(ids) or not leaf.has_column("aid"):
            return None
        column = leaf.column_reader("aid", translate=False)
        if (
            type(column) is not NumericColumn.Reader
            or column._typecode != "Q"
            or column._fixedlen != 8
            or column._reverse
        ):
            return None
        part = array("Q")
        part.frombytes(column._dbfile.get(column._basepos, column._count * 8))
        if sys.byteorder != "big":
            part.byteswap()  # stored big-endian ("!Q")
        ids.extend(part)
        if column._doccount > column._count:  # documents after the last one with a value
            default = column._unpack(column._defaultbytes)[0]
            ids.extend([default] * (column._doccount - column._count))
    return ids


def annotation_ident(article_id: int, digest: str) -> str:
    """What an annotation document is made from: an article id and its content hash."""
    return f"{article_id}:{digest}"


_QUERY_SCHEMA = Schema(
    **{name: field for name, field in make_schema().items()},
    **{name: field for name, field in make_annotation_schema().items() if name != "aid"},
)
_ANNOTATION_NAMES = frozenset((*ANNOTATION_FIELDS, "quotefp", EXACT_FIELD))


def _use_safe_start_method() -> None:
    """Start indexing processes from a clean server rather than by forking this process.

    whoosh's MpWriter uses the default start method; forking a process that runs threads (the
    app's workers, rich's refresh thread) can deadlock the child on a lock held at fork time.
    """
    if multiprocessing.get_start_method(allow_none=True) is None:
        with contextlib.suppress(RuntimeError, ValueError):
            if "forkserver" in multiprocessing.get_all_start_methods():
                multiprocessing.set_start_method("forkserver")
                multiprocessing.set_forkserver_preload([f"{__package__}.preload"])
            else:
                multiprocessing.set_start_method("spawn")


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real standard error.

    The tracker is started with ``sys.stderr``'s file descriptor; inside the reader app,
    Textual has replaced ``sys.stderr`` with an object whose descriptor is -1, and starting
    fails ("bad value(s) in fds_to_keep"). The tracker gets the null device instead.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker then starts without passing standard error
    if usable:
        resource_tracker.ensure_running()
        return
    with _STDERR_SWAP, open(os.devnull, "w") as null:  # noqa: PTH123
        saved, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


_STDERR_SWAP = threading.Lock()


def _storage(directory: Path, publish_lock: PublishLock | None = None) -> FileStorage:
    """The index's files, read through maps without copies; commits published under
    ``publish_lock`` (see ``mapped_storage``)."""
    return MappedFileStorage(str(directory), publish_lock)


def _expand(query, reader, budget: Budget | None = None):
    """The query with wildcard and fuzzy terms replaced by the indexed words they match."""
    if isinstance(query, MultiTerm):
        if budget is not None:
            budget.check()
        words = sorted(
            {
                w.decode("utf-8") if isinstance(w, bytes) else w
                for _field, w in query.expanded_terms(reader)
            }
        )
        if not words:
            return NullQuery
        return Or([Term(query.field(), word, boost=query.boost) for word in words])
    if not query.is_leaf():
        return query.apply(lambda child: _expand(child, reader, budget))
    return query


def _collect(searcher: Searcher, query, budget: Budget, within=None) -> list:
    """Every match's (score, document number), scored whole within the budget.

    Not whoosh's top-N collector: its block-quality skipping takes a union of many terms
    (a fuzzy word's variants) to score at most its best term, and dropped the documents
    holding several of them, so the first page of ``oil~5`` on Reuters depended on its size
    (limit 1 put an article of score 30.5 first, above it was one of 50.1).
    """
    collector = BoundedCollector(UnlimitedCollector(), budget)
    if within is not None:
        collector = FilterCollector(collector, allow=_only(within))
    searcher.search_with_collector(query, collector)
    return collector.results().top_n


# Digits of a score compared when ranking: a document's score is a sum whose order follows
# its segment's layout, so two builds of the same corpus may differ in the last bits.
_SCORE_DIGITS = 9
_TIE = 10.0**-_SCORE_DIGITS


def _rank(scored: list, column, limit: int) -> list:
    """The best ``limit`` (score, document number) pairs, best first, equal scores in article
    id order (document numbers follow the order of indexing, which differs between builds)."""
    if limit < len(scored):  # only the pairs that may be in the first ``limit`` are sorted
        cut = heapq.nlargest(limit, scored)[-1][0] - _TIE
        scored = [pair for pair in scored if pair[0] >= cut]

    def key(pair):
        return -round(pair[0], _SCORE_DIGITS), column[pair[1]]

    return sorted(scored, key=key)[:limit]


def _only(within: Collection[int] | None) -> ArticleSet | None:
    """A whoosh filter keeping the given article ids (None: no filter)."""
    return None if within is None else ArticleSet(dict.fromkeys(within, 0.0), "filter")


def _compact_date(match: re.Match) -> str:
    year, month, day = match.groups()
    return f"{year}{int(month):02d}{int(day):02d}"


def _highlight_terms(query, reader, fields=SEARCH_FIELDS) -> Iterator[str]:
    """The indexed words a query looks for in ``fields``, with wildcards expanded (``reader``:
    of the index those fields are in).

    Terms under a NOT are left out: they are what the results do not contain.
    """
    if isinstance(query, Not):
        return
    if isinstance(query, AndNot):
        yield from _highlight_terms(query.a, reader, fields)
        return
    if isinstance(query, MultiTerm):
        if query.field() in fields:
            for _field, text in itertools.islice(query.expanded_terms(reader), 200):
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    if query.is_leaf():
        for fieldname, text in query.terms(phrases=True):
            if fieldname in fields:
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    for child in query.children():
        yield from _highlight_terms(child, reader, fields)


class WhooshWriterAdapter:
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
        }
        if article.date is not None:
            fields["date"] = article.date.astimezone(UTC).replace(tzinfo=None)
        self._writer.add_document(**fields)

    def delete_key(self, key: str) -> None:
        self._writer.delete_by_term("key", key)

    def delete_file(self, path: str) -> None:
        self._writer.delete_by_term("file", path)

    def commit(self) -> None:
        self._writer.commit(mergetype=_merge_small)
        record(self._directory)  # the new files' sizes and CRCs (see index_files)

    def cancel(self) -> None:
        self._writer.cancel()


class AnnotationWriter:
    """Adds and deletes annotation documents in one whoosh transaction."""

    def __init__(self, writer: WhooshWriter, directory: Path) -> None:
        self._writer = writer
        self._directory = directory

    def add(self, article_id: int, digest: str, article: Article) -> None:
        """Index an article not in the annotation index (a plain add: no lookup to replace)."""
        ident = annotation_ident(article_id, digest)
        full_text = article.full_text  # one object: annotated once for all these fields
        fields = {name: full_text for name in (*ANNOTATION_FIELDS, EXACT_FIELD, "quotefp")}
        self._writer.add_document(ident=ident, aid=article_id, **fields)

    def add_empty(self, article_id: int, digest: str) -> None:
        """An article whose annotation failed: recorded, so that it is not tried again."""
        self._writer.add_document(ident=annotation_ident(article_id, digest), aid=article_id)

    def delete(self, ident: str) -> None:
        self._writer.delete_by_term("ident", ident)

    def commit(self) -> None:
        self._writer.commit(mergetype=_merge_small)
        record(self._directory)

    def cancel(self) -> None:
        self._writer.cancel()


# Segments with fewer documents are merged at the next commit (see _merge_small).
SMALL_SEGMENT = 2000


def _merge_small(writer, segments):
    """whoosh merge policy: merge the small segments (and those mostly deleted), keep the rest.

    whoosh's MERGE_SMALL also merges big segments once there are many, rewriting most of a
    large index in the committing process, single-threaded, commit after commit (minutes at
    100k articles). Here the big segments of a first build (a few thousand articles each)
    stay as they are; the small ones of incremental syncs are merged, so their number stays
    bounded.
    """
    from whoosh.reading import SegmentReader

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


def _end_processes(tasks) -> None:
    """Terminate indexing processes (SIGTERM ends them quietly), then kill any left."""
    for task in tasks:
        with contextlib.suppress(Exception):
            task.terminate()
    for task in tasks:
        with contextlib.suppress(Exception):
            task.join(5)
            if task.is_alive():
                task.kill()
                task.join(5)


def _writer(ix, parallel: bool) -> WhooshWriter:
    """A whoosh writer; ``parallel`` uses two indexing processes for large batches."""
    codec = FastW3Codec()
    if parallel and multiprocessing.cpu_count() > 1:
        from whoosh.multiproc import MpWriter

        _use_safe_start_method()
        _start_resource_tracker()

        class EndingMpWriter(MpWriter):
            """whoosh's MpWriter, whose ``cancel`` also ends its processes: whoosh's only sets
            a flag in this process, and processes waiting for their next job waited for ever
            (a failed batch, a full disk: Python's exit then waited on them)."""

            def cancel(self) -> None:
                try:
                    _end_processes(self.tasks)
                finally:
                    super().cancel()

        return EndingMpWriter(
            ix,
            procs=2,
            batchsize=_PARALLEL_BATCH,
            multisegment=True,
            codec=codec,
            limitmb=_POOL_MB,
        )
    return ix.writer(timeout=60.0, codec=codec, limitmb=_POOL_MB)


class WhooshEngine:
    """A whoosh index in a folder of its own."""

    def __init__(
        self, directory: Path, spec: str = "embedded", publish_lock: PublishLock | None = None
    ) -> None:
        """``publish_lock``: held while a commit replaces the index's table of contents and
        deletes old files (the corpus's commit lock, which readers share)."""
        self.directory = directory
        self.spec = spec
        self.publish_lock = publish_lock
        self._ix, self._annotations = self._open_both(directory, spec, publish_lock)
        self._searcher: Searcher | None = None
        self._annotation_searcher: Searcher | None = None
        self._lock = threading.Lock()
        # Why the index is damaged (checked on opening, and after a read error), else None.
        self.damage: str | None = None
        self._checked_clean: tuple | None = None  # the index files last found undamaged
        found = self.damaged_parts()
        if found:
            self.damage = "; ".join(found.values())
        self._parser = MultifieldParser(list(SEARCH_FIELDS), _QUERY_SCHEMA, group=AndGroup)
        self._parser.add_plugin(FuzzyTermPlugin())
        self._parser.add_plugin(GtLtPlugin())
        self._parser.add_plugin(PlusMinusPlugin())
        self._parser.add_plugin(DateParserPlugin(free=False))
        analyzers = {name: _QUERY_SCHEMA[name].analyzer for name in ("title", "body", "source")}
        self._fast_parser = FastParser(SEARCH_FIELDS, analyzers)

    @classmethod
    def _open_both(cls, directory: Path, spec: str, publish_lock: PublishLock | None = None):
        """The text index and the annotation index (made or rebuilt as needed)."""
        text = cls._open_or_create(directory, f"{FORMAT_VERSION}", make_schema, publish_lock)
        annotations = cls._open_or_create(
            annotation_dir(directory),
            # The annotators and the entity backend decide what is indexed there.
            f"{ANNOTATION_FORMAT_VERSION} annotator-{ANNOTATOR_VERSION} {spec}",
            lambda: make_annotation_schema(spec),
            publish_lock,
        )
        return text, annotations

    @staticmethod
    def _open_or_create(
        directory: Path, current: str, schema, publish_lock: PublishLock | None = None
    ):
        version_file = directory / "FORMAT"
        if directory.exists():
            stored = version_file.read_text().strip() if version_file.exists() else None
            if stored == current:
                for attempt in range(OPEN_ATTEMPTS):
                    try:
                        if not whoosh_index.exists_in(str(directory)):
                            break
                        return _storage(directory, publish_lock).open_index()
                    except Exception:  # whoosh raises its own IndexError and others
                        # It may be a commit in progress in another process: look again
                        # before deciding that the index is damaged.
                        time.sleep(0.1 * (attempt + 1))
            shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True, exist_ok=True)
        ix = _storage(directory, publish_lock).create_index(schema())
        write_atomic(version_file, current)
        return ix

    # -- damage ----------------------------------------------------------------------------

    def _parts(self):
        return ((self.directory, self._ix), (annotation_dir(self.directory), self._annotations))

    def damaged_parts(self, full: bool = False) -> dict[Path, str]:
        """The damaged index folders (text, annotations) with why: a damage note, a file of
        another size than written, segments that cannot be opened; ``full`` also reads every
        file for its CRC (after a read error)."""
        found: dict[Path, str] = {}
        for directory, ix in self._parts():
            reason = find_damage(directory, full)
            if reason is None:
                try:
                    ix.reader().close()  # opens every segment (a few reads each)
                except Exception as exc:  # noqa: BLE001 - whoosh raises many kinds here
                    reason = f"cannot be opened ({type(exc).__name__}: {exc})"
            if reason is not None:
                found[directory] = f"{directory.name}: {reason}"
        return found

    def check_after_error(self) -> str | None:
        """After an unexpected error reading the index: whether it is damaged (then noted for
        the next sync, and ``damage`` set). Every file is read, once per set of files."""
        if self.damage is not None:
            return self.damage
        try:
            state: tuple | None = tuple(
                sorted(
                    (str(d), name, os.stat(d / name).st_mtime_ns)
                    for d, _ix in self._parts()
                    for name in os.listdir(d)
                    if name.endswith(".toc")
                )
            )
        except OSError:
            state = None
        if state is not None and state == self._checked_clean:
            return None
        found = self.damaged_parts(full=True)
        if not found:
            self._checked_clean = state
            return None
        for directory, reason in found.items():
            note_damage(directory, reason)
        self.damage = "; ".join(found.values())
        return self.damage

    def set_aside_damaged(self, parts: Collection[Path]) -> list[Path]:
        """Rename these damaged index folders out of the way (``<name>.corrupt-N``) and start
        them again empty; returns where they went. Only the syncing process does this."""
        with self._lock:
            self._close_searchers()
            self._ix.close()
            self._annotations.close()
            kept = [put_aside(directory) for directory in parts if directory.exists()]
            self._ix, self._annotations = self._open_both(
                self.directory, self.spec, self.publish_lock
            )
            self.damage = None
            self._checked_clean = None
        return kept

    # -- writing ---------------------------------------------------------------------------

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def writer(self, parallel: bool = False) -> WhooshWriterAdapter:
        """A text index writer; ``parallel`` uses two indexing processes."""
        return WhooshWriterAdapter(_writer(self._ix, parallel), self.directory)

    def annotation_writer(self, parallel: bool = False) -> AnnotationWriter:
        """An annotation index writer; ``parallel`` uses two indexing processes."""
        return AnnotationWriter(
            _writer(self._annotations, parallel), annotation_dir(self.directory)
        )

    def record_files(self) -> None:
        """Note the sizes and CRCs of index files not noted yet (an index made before they
        were: from then on its damage is found)."""
        for directory, _ix in self._parts():
            record(directory)

    def annotated(self) -> set[str]:
        """The idents (``annotation_ident``) of the articles in the annotation index."""
        with self._annotations.reader() as reader:
            if "ident" not in reader.indexed_field_names():
                return set()
            return {
                term.decode("utf-8") if isinstance(term, bytes) else str(term)
                for term in reader.lexicon("ident")
            }

    # -- reading ---------------------------------------------------------------------------

    def _get_searcher(self) -> Searcher:
        self._searcher = self._fresh(self._searcher, self._ix, SEARCH_FIELDS)
        return self._searcher

    def _get_annotation_searcher(self) -> Searcher:
        self._annotation_searcher = self._fresh(self._annotation_searcher, self._annotations)
        return self._annotation_searcher

    @staticmethod
    def _fresh(searcher: Searcher | None, ix, lengths: tuple[str, ...] = ()) -> Searcher:
        if searcher is not None and _folder_unchanged(searcher, ix):
            return searcher
        if searcher is None or not searcher.up_to_date():
            # A new searcher, not refresh(): whoosh-reloaded's refresh keeps segments that a
            # commit merged away (documents then count twice) and fails on an empty index.
            if searcher is not None:
                searcher.close()
            searcher = remember(ix.searcher(), lengths)
        _note_folder(searcher, ix)
        return searcher

    def refresh(self) -> None:
        """Open the searchers now (slow on big indexes) or pick up new commits."""
        with self._lock:
            self._get_searcher()
            self._get_annotation_searcher()

    def annotation_count(self) -> int:
        """Articles in the annotation index (entity and quotation fields searchable)."""
        return self._annotations.doc_count()

    def parse(self, query: str, fast: bool = True):
        """The query object; ``fast``: simple queries without whoosh's parser (whose
        queries also know where each word was in the text, which spelling corrections need)."""
        check_length(query)
        text = _ISO_DATE.sub(_compact_date, rewrite_dates(query.strip()))
        if not text:
            raise QueryError("Type something to search for.")
        check_syntax(text, QUERY_FIELDS)
        if fast:
            parsed = self._fast_parser.parse(text)
            if parsed is not None:
                return parsed
        try:
            parsed = self._parser.parse(text)
        except Exception as exc:  # whoosh's parser raises assorted errors on odd input
            raise QueryError(f"Cannot read the query: {exc}") from exc
        if (
            parsed is NullQuery
            or isinstance(parsed, type(NullQuery))
            or not list(parsed.leaves())
            and not parsed.is_leaf()
        ):
            raise QueryError(f"Nothing to search for in {text!r} (only stop words or syntax?)")
        return guard(parsed, text)

    def _resolve_annotations(self, query, budget: Budget):
        """The query with each part on annotation fields replaced by the articles it matches
        in the annotation index (scored there), ready to run on the text index."""
        fields = {leaf.field() for leaf in query.leaves()}
        if fields and fields <= _ANNOTATION_NAMES:
            searcher = self._get_annotation_searcher()
            expanded = _expand(query, searcher.reader(), budget)
            if expanded is NullQuery:
                return ArticleSet({}, str(query))
            column = _searcher_ids(searcher)
            scores = {
                int(column[docnum]): score for score, docnum in _collect(searcher, expanded, budget)
            }
            return ArticleSet(scores, str(query))
        if query.is_leaf():
            return query
        return query.apply(lambda child: self._resolve_annotations(child, budget))

    def search(
        self,
        query: str,
        limit: int = 1000,
        count: bool = True,
        within: Collection[int] | None = None,
        cancelled: Callable[[], bool] | None = None,
        seconds: float | None = SEARCH_SECONDS,
    ) -> SearchResults:
        """Ranked hits, equal scores in article id order, and the exact total (``count`` is
        kept for callers: every match is scored, so the count is exact anyway);
        ``within``: only these article ids (a filter: the scores are not changed).

        The search stops with a QueryError (``SearchStopped``) after ``seconds`` (None: no
        limit) or as soon as ``cancelled()`` is true (a newer search wants the engine)."""
        budget = Budget(seconds, cancelled)
        parsed = self.parse(query)
        with self._lock:
            budget.check()  # it may have waited for the lock behind another search
            searcher = self._get_searcher()
            try:
                # Expand wildcards and fuzzy terms once, for the search and the highlighting.
                resolved = self._resolve_annotations(parsed, budget)
                expanded = _expand(resolved, searcher.reader(), budget)
                found = None if within is not None else top_hits(searcher, expanded, MAX_POSTINGS)
                if found is not None:  # a plain word: every match scored here
                    scored = found.top
                else:
                    with searching_only(searcher, expanded):
                        scored = _collect(searcher, expanded, budget, within)
                column = _searcher_ids(searcher)
                top = _rank(scored, column, limit)
                hits = [SearchHit(int(column[docnum]), float(score)) for score, docnum in top]
                # title: words are highlighted in titles only, not as stems in the body
                terms = frozenset(_highlight_terms(expanded, searcher.reader(), ("body",)))
                title_terms = frozenset(_highlight_terms(expanded, searcher.reader()))
                if any(leaf.field() == EXACT_FIELD for leaf in parsed.leaves()):
                    # exact: words are in the annotation index (its words, not stems)
                    reader = self._get_annotation_searcher().reader()
                    exact = frozenset(_highlight_terms(parsed, reader, (EXACT_FIELD,)))
                    terms |= exact
                    title_terms |= exact
            except QueryError:
                raise
            except Exception as exc:  # e.g. a date range whoosh cannot compare
                raise QueryError(f"Cannot run the query: {exc}") from exc
        return SearchResults(
            query=query, hits=hits, total=len(scored), terms=terms, title_terms=title_terms
        )

    def suggest(self, query: str) -> str | None:
        """A corrected query when some words are not in the index, else None.

        Only for short plain queries (words and quoted phrases, at most ``SUGGEST_WORDS``
        words): whoosh's corrector fails on terms without positions (TypeError) and on
        ranges (AttributeError), and takes long over many words; any failure gives None."""
        text = query.strip()
        if len(text.split()) > SUGGEST_WORDS or len(text) > SUGGEST_CHARS:
            return None
        try:
            if self.parse(text) is None or self._fast_parser.parse(text) is None:
                return None  # not plain words (operators, wildcards, fields, ranges)
            return self._suggest(text)
        except Exception:  # noqa: BLE001 (a suggestion is a nicety, never an error)
            return None

    def _suggest(self, query: str) -> str | None:
        parsed = self.parse(query, fast=False)
        with self._lock:
            searcher = self._get_searcher()
            # Only the text index's words: the annotation fields have no spelling list here.
            terms = [
                (name, text)
                for name, text in parsed.iter_all_terms()
                if name in SEARCH_FIELDS or name == "source"
            ]
            corrected = searcher.correct_query(parsed, query, terms=terms, prefix=1)
        if corrected.query == parsed:
            return None
        return corrected.string

    def similar(
        self, article: Article, limit: int = 10, within: Collection[int] | None = None
    ) -> list[SearchHit]:
        """Articles sharing the most distinctive terms of this one (``within``: only these)."""
        with self._lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(key=article.key)
            if docnum is None:
                return []
            results = searcher.more_like(
                docnum, "body", text=article.body, top=limit, numterms=15, filter=_only(within)
            )
            column = _searcher_ids(searcher)
            return [SearchHit(int(column[hit.docnum]), float(hit.score)) for hit in results]

    def articles_quoting(self, quote_text: str, exclude_id: int | None = None, limit: int = 50):
        """Other articles carrying (nearly) the same quotation: (article id, share of its words).

        A copy counts when at least half of the quotation's word runs appear in it, which
        tolerates small edits (punctuation, a changed word) and quoting only part of it.
        """
        prints = quote_fingerprints(quote_text)
        if not prints:
            return []
        query = Or([Term("quotefp", fp) for fp in prints])
        with self._lock:
            searcher = self._get_annotation_searcher()
            column = _searcher_ids(searcher)
            found = []
            for hit in searcher.search(query, limit=limit + 1, terms=True):
                share = len(hit.matched_terms()) / len(prints)
                article_id = int(column[hit.docnum])
                if article_id != exclude_id and share >= SHARED_QUOTE_SHARE:
                    found.append((article_id, share))
        return found[:limit]

    def match_spans(self, terms: Iterable[str], text: str) -> list[tuple[int, int]]:
        """Character spans of the words in ``text`` whose indexed form is one of ``terms``."""
        return find_terms(text, terms)

    def _close_searchers(self) -> None:
        for searcher in (self._searcher, self._annotation_searcher):
            if searcher is not None:
                searcher.close()
        self._searcher = self._annotation_searcher = None

    def clear(self) -> None:
        """Start again with empty indexes (for a rebuild)."""
        with self._lock:
            self._close_searchers()
            self._ix.close()
            self._annotations.close()
            shutil.rmtree(self.directory, ignore_errors=True)
            shutil.rmtree(annotation_dir(self.directory), ignore_errors=True)
            self._ix, self._annotations = self._open_both(
                self.directory, self.spec, self.publish_lock
            )
            self.damage = None

    def close(self) -> None:
        with self._lock:
            self._close_searchers()
            self._ix.close()
            self._annotations.close()
