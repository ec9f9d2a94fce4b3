"""The whoosh implementation of the search engine (``SearchEngine``).

Two whoosh indexes: the text index (title, body, source, date, and ``exact:``: the words as
written) and, in the folder beside it named with ``-annotations``, the annotation index
(``person:``, ``org:``, ``place:``, ``entity:``, ``speaker:``, ``quote:`` and quotation
fingerprints). The text index
is filled first, as fast as whoosh can (articles become searchable at once); finding entities
and quotations costs as much again, so the annotation index is filled after it, and is rebuilt
alone when the annotators or the entity backend change. Queries on both are answered by the
text index, with the annotation parts run on the annotation index first (see ``join``).

Bodies are indexed but not stored: the reading pane reads them from the corpus. Both indexes
carry the article id (the metadata store's primary key) in a column, so a hit maps straight to
a row; an annotation document is named by the article id and content hash it was made from.
whoosh is used through its public API only.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from array import array
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Or, Term
from whoosh.searching import Searcher

from tuireader.core.annotate import pipeline
from tuireader.core.base.articles import Article
from tuireader.core.base.atomic import write_atomic
from tuireader.core.search.engine import (
    IndexStats,
    QueryError,
    Repair,
    SearchHit,
    SearchResults,
)
from tuireader.core.search.index_files import DamageCheck, find_damage, put_aside, record
from tuireader.core.search.whoosh import day_spans, schema
from tuireader.core.search.whoosh.analysis import find_terms, quote_prints
from tuireader.core.search.whoosh.bounded import SEARCH_SECONDS, Budget
from tuireader.core.search.whoosh.join import only, resolve_annotations
from tuireader.core.search.whoosh.schema import (
    EXACT_FIELD,
    SEARCH_FIELDS,
    annotation_dir,
    article_ids,
    make_annotation_schema,
    make_schema,
)
from tuireader.core.search.whoosh.scoring import SegmentLengthsBM25F, read_lengths
from tuireader.core.search.whoosh.searching import (
    QueryReader,
    collect,
    collect_top,
    expand,
    highlight_terms,
    rank,
    rank_by_date,
)
from tuireader.core.search.whoosh.storage import PublishingFileStorage, PublishLock
from tuireader.core.search.whoosh.writing import (
    PARALLEL_BATCH_SCALE,
    AnnotationWriter,
    TextWriter,
    open_writer,
)

# Suggestions only for queries this short (whoosh's corrector walks the word list per word).
SUGGEST_WORDS = 6
SUGGEST_CHARS = 120
# Share of a quotation's word runs another article must carry to count as quoting it.
SHARED_QUOTE_SHARE = 0.5
SHARED_QUOTE_PRINTS = 2  # cut prints an article must share with a quotation to carry it
# What search results can be ordered by.
ORDERS = ("score", "newest", "oldest")
# Tries to open an index before it is taken as damaged and rebuilt.
OPEN_ATTEMPTS = 3


def _storage(directory: Path, publish_lock: PublishLock | None = None) -> PublishingFileStorage:
    """The index's files; commits published under ``publish_lock`` (see ``storage``)."""
    return PublishingFileStorage(str(directory), publish_lock)


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class WhooshEngine:
    """A whoosh index in a folder of its own."""

    # Parallel batches of this many times ``batching.MAX_BATCH``: each indexing process
    # writes a segment a batch, and every segment repeats the vocabulary (benchmarks/README.md).
    parallel_batch_scale = PARALLEL_BATCH_SCALE

    def __init__(
        self, directory: Path, spec: str = "embedded", publish_lock: PublishLock | None = None
    ) -> None:
        """``publish_lock``: held while a commit replaces the index's table of contents and
        deletes old files (the corpus's commit lock, which readers share)."""
        self.directory = directory
        self.spec = spec
        self.publish_lock = publish_lock
        self._text_index, self._annotations = self._open_both(directory, spec, publish_lock)
        self._searcher: Searcher | None = None
        self._annotation_searcher: Searcher | None = None
        # Columns by document number, read whole once per searcher (see ``_column``).
        self._columns: dict[tuple[int, str], tuple[Searcher, array]] = {}
        self._lock = threading.Lock()
        # Why the index is damaged (checked on opening, and after a read error), else None.
        self.damage: str | None = None
        self._damage_check = DamageCheck(
            (self.directory, annotation_dir(self.directory)), lambda: self.damaged_parts(full=True)
        )
        found = self.damaged_parts()
        if found:
            self.damage = "; ".join(found.values())
        self._queries = QueryReader()

    @classmethod
    def _open_both(cls, directory: Path, spec: str, publish_lock: PublishLock | None = None):
        """The text index and the annotation index (made or rebuilt as needed)."""
        text = cls._open_or_create(directory, f"{schema.FORMAT_VERSION}", make_schema, publish_lock)
        annotations = cls._open_or_create(
            annotation_dir(directory),
            # The annotators and the entity backend decide what is indexed there.
            f"{schema.ANNOTATION_FORMAT_VERSION} annotator-{pipeline.ANNOTATOR_VERSION} {spec}",
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
        return (
            (self.directory, self._text_index),
            (annotation_dir(self.directory), self._annotations),
        )

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
        if self.damage is None:
            self.damage = self._damage_check.damage()
        return self.damage

    def set_aside_damaged(self, parts: Collection[Path]) -> list[Path]:
        """Rename these damaged index folders out of the way (``<name>.corrupt-N``) and start
        them again empty; returns where they went. Only the syncing process does this."""
        with self._lock:
            self._close_searchers()
            self._text_index.close()
            self._annotations.close()
            kept = [put_aside(directory) for directory in parts if directory.exists()]
            self._text_index, self._annotations = self._open_both(
                self.directory, self.spec, self.publish_lock
            )
            self.damage = None
            self._damage_check.forget()
        return kept

    # -- writing ---------------------------------------------------------------------------

    def doc_count(self) -> int:
        return self._text_index.doc_count()

    def writer(self, parallel: bool = False) -> TextWriter:
        """A text index writer; ``parallel`` uses two indexing processes."""
        return TextWriter(open_writer(self._text_index, parallel), self.directory)

    def annotation_writer(self, parallel: bool = False) -> AnnotationWriter:
        """An annotation index writer; ``parallel`` uses two indexing processes."""
        return AnnotationWriter(
            open_writer(self._annotations, parallel), annotation_dir(self.directory), self.spec
        )

    def record_files(self) -> None:
        """Note the sizes and CRCs of index files not noted yet (an index made before they
        were: from then on its damage is found)."""
        for directory, _index in self._parts():
            record(directory)

    def annotated(self) -> set[str]:
        """The idents (``annotation_ident``) of the articles in the annotation index."""
        with self._annotations.reader() as reader:
            if "ident" not in reader.indexed_field_names():
                return set()
            return {_text(term) for term in reader.lexicon("ident")}

    def annotation_count(self) -> int:
        """Articles in the annotation index (entity and quotation fields searchable)."""
        return self._annotations.doc_count()

    def stats(self) -> IndexStats:
        size = 0
        for directory, _index in self._parts():
            with os.scandir(directory) as entries:
                size += sum(e.stat().st_size for e in entries if e.is_file())
        return IndexStats(self.doc_count(), self.annotation_count(), size)

    def repair(self, wanted: Mapping[str, int]) -> Repair:
        """Delete the documents whose key is not in ``wanted`` (key -> article id), whose
        article id is not the one wanted for their key, or that repeat an article."""
        stale: list[int] = []
        kept: set[int] = set()
        with self._text_index.reader() as reader:
            key_of: dict[int, str] = {}
            if "key" in reader.indexed_field_names():
                for term in reader.lexicon("key"):
                    for docnum in reader.postings("key", term).all_ids():
                        key_of[docnum] = _text(term)
            column = reader.column_reader("aid") if reader.has_column("aid") else None
            for docnum in reader.all_doc_ids():
                aid = int(column[docnum]) if column is not None else None
                key = key_of.get(docnum)
                if key is None or wanted.get(key) != aid or aid in kept:
                    stale.append(docnum)
                else:
                    kept.add(aid)
        if stale:
            writer = self._text_index.writer(timeout=60.0)
            try:
                for docnum in stale:
                    writer.delete_document(docnum)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()  # published under the commit lock (see storage)
            record(self.directory)
        return Repair(len(stale), frozenset(kept))

    # -- reading ---------------------------------------------------------------------------

    def _get_searcher(self) -> Searcher:
        self._searcher = self._fresh(self._searcher, self._text_index)
        return self._searcher

    def _get_annotation_searcher(self) -> Searcher:
        self._annotation_searcher = self._fresh(self._annotation_searcher, self._annotations)
        return self._annotation_searcher

    def _ids(self, searcher: Searcher) -> array:
        """The article id of each document of ``searcher``, read whole through its ``aid``
        column once per searcher (a searcher sees a fixed set of segments): equal scores are
        ordered by article id, and a lookup through the column reader's layers for each
        match is slow on wide matches."""
        return self._column(searcher, "aid")

    def _column(self, searcher: Searcher, name: str) -> array:
        """A column's raw values by document number, read once per searcher."""
        key = (id(searcher), name)
        known = self._columns.get(key)
        if known is not None and known[0] is searcher:
            return known[1]
        current = (self._searcher, self._annotation_searcher)
        self._columns = {k: pair for k, pair in self._columns.items() if pair[0] in current}
        reader = searcher.reader()
        if name == "aid":
            values = array("Q", article_ids(reader))
        else:
            values = array("Q", reader.column_reader(name, translate=False))
        self._columns[key] = (searcher, values)
        return values

    @staticmethod
    def _fresh(searcher: Searcher | None, ix) -> Searcher:
        if searcher is None or not searcher.up_to_date():
            # A new searcher, not refresh(): whoosh 2.7.5's refresh kept segments that a
            # commit merged away (documents then count twice) and fails on an empty index.
            if searcher is not None:
                searcher.close()
            searcher = ix.searcher(weighting=SegmentLengthsBM25F())
        return searcher

    def refresh(self) -> None:
        """Open the searchers now (slow on big indexes) or pick up new commits."""
        with self._lock:
            searcher = self._get_searcher()
            self._ids(searcher)
            read_lengths(searcher.reader(), SEARCH_FIELDS)
            day_spans.warm(searcher.reader())
            self._ids(self._get_annotation_searcher())

    def parse(self, query: str, fast: bool = True):
        """The whoosh query object (QueryError when it cannot be run)."""
        return self._queries.parse(query, fast)

    def check_query(self, query: str) -> None:
        self._queries.parse(query)

    def search(
        self,
        query: str,
        limit: int = 1000,
        count: bool = True,
        within: Collection[int] | None = None,
        cancelled: Callable[[], bool] | None = None,
        offset: int = 0,
        order: str = "score",
        seconds: float | None = SEARCH_SECONDS,
    ) -> SearchResults:
        """Ranked hits ``offset`` to ``offset + limit``, equal scores in article id order, and
        the total: exact, or with ``count`` False (order by score) at least the number of
        matches (only those that may be on the page are scored: ``top_terms``);
        ``within``: only these article ids (a filter: the scores are not changed).
        ``order``: "score", or "newest"/"oldest" first by date (undated last, equal dates in
        article id order).

        The search stops with a QueryError (``SearchStopped``) after ``seconds`` (None: no
        limit) or as soon as ``cancelled()`` is true (a newer search wants the engine)."""
        if order not in ORDERS:
            raise ValueError(f"unknown order: {order}")
        budget = Budget(seconds, cancelled)
        parsed = self.parse(query)
        with self._lock:
            budget.check()  # it may have waited for the lock behind another search
            searcher = self._get_searcher()
            try:
                # Expand wildcards and fuzzy terms once, for the search and the highlighting.
                annotations = None
                if any(
                    leaf.field() not in ("title", "body", EXACT_FIELD) for leaf in parsed.leaves()
                ):
                    annotations = self._get_annotation_searcher()
                resolved = (
                    resolve_annotations(parsed, annotations, budget, self._ids(annotations))
                    if annotations is not None
                    else parsed
                )
                reader = searcher.reader()
                expanded = expand(resolved, reader, budget)
                if not count and order == "score":  # a first page: the best few only
                    scored, total = collect_top(
                        searcher, expanded, budget, offset + limit, only(within)
                    )
                else:
                    scored = collect(searcher, expanded, budget, only(within))
                    total = len(scored)
                column = self._ids(searcher)
                if order == "score":
                    top = rank(scored, column, offset + limit)[offset:]
                else:
                    dates = self._column(searcher, "date") if reader.has_column("date") else None
                    top = rank_by_date(scored, column, dates, offset + limit, order == "newest")
                    top = top[offset:]
                hits = [SearchHit(int(column[docnum]), float(score)) for score, docnum in top]
                # title: words are highlighted in titles only, not as stems in the body
                terms = frozenset(highlight_terms(expanded, reader, ("body",)))
                title_terms = frozenset(highlight_terms(expanded, reader))
                if any(leaf.field() == EXACT_FIELD for leaf in parsed.leaves()):
                    # exact: words are highlighted as written (its words, not stems)
                    exact = frozenset(highlight_terms(expanded, reader, (EXACT_FIELD,)))
                    terms |= exact
                    title_terms |= exact
            except QueryError:
                raise
            except Exception as exc:  # e.g. a date range whoosh cannot compare
                raise QueryError(f"Cannot run the query: {exc}") from exc
        return SearchResults(
            query=query, hits=hits, total=total, terms=terms, title_terms=title_terms
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
            if self.parse(text) is None or not self._queries.is_plain(text):
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
                docnum, "body", text=article.body, top=limit, numterms=15, filter=only(within)
            )
            column = self._ids(searcher)
            return [SearchHit(int(column[hit.docnum]), float(hit.score)) for hit in results]

    def articles_quoting(
        self, quote_text: str, exclude_id: int | None = None, limit: int = 50
    ) -> list[tuple[int, float]]:
        """Other articles carrying (nearly) the same quotation: (article id, share of its words).

        A copy counts when at least half of the quotation's word runs appear in it, which
        tolerates small edits (punctuation, a changed word) and quoting only part of it, and
        at least two of them: the prints are cut short (``analysis.FINGERPRINT_CHARS``), so
        one of them is carried by chance by some articles of a large corpus, and a quotation
        of six words has only two.
        """
        prints = quote_prints(quote_text)
        if not prints:
            return []
        least = min(SHARED_QUOTE_PRINTS, len(prints))
        query = Or([Term("quotefp", fp) for fp in prints])
        with self._lock:
            searcher = self._get_annotation_searcher()
            column = self._ids(searcher)
            found = []
            for hit in searcher.search(query, limit=limit + 1, terms=True):
                matched = len(hit.matched_terms())
                share = matched / len(prints)
                article_id = int(column[hit.docnum])
                if article_id != exclude_id and share >= SHARED_QUOTE_SHARE and matched >= least:
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
        self._columns = {}

    def clear(self) -> None:
        """Start again with empty indexes (for a rebuild)."""
        with self._lock:
            self._close_searchers()
            self._text_index.close()
            self._annotations.close()
            shutil.rmtree(self.directory, ignore_errors=True)
            shutil.rmtree(annotation_dir(self.directory), ignore_errors=True)
            self._text_index, self._annotations = self._open_both(
                self.directory, self.spec, self.publish_lock
            )
            self.damage = None

    def close(self) -> None:
        with self._lock:
            self._close_searchers()
            self._text_index.close()
            self._annotations.close()
