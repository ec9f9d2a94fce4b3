"""The whoosh implementation of the search engine.

Bodies are indexed but not stored: the reading pane reads them from the corpus. Only the
article id (the metadata store's primary key) is stored, so a hit maps straight to a row.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import re
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import timezone
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import (
    AndGroup,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    PlusMinusPlugin,
)
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import MultiTerm, Not, NullQuery, Or, Term
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter as WhooshWriter

from ..annotate import ANNOTATOR_VERSION
from ..articles import Article
from ..atomic import write_atomic
from .analysis import find_terms, name_analyzer, news_analyzer
from .annotation_fields import (
    ANNOTATION_FIELDS,
    FingerprintTokenizer,
    annotation_analyzer,
    quote_fingerprints,
)
from .engine import QueryError, SearchHit, SearchResults
from .guards import guard
from .syntax import check_syntax

# Bump when the schema or the way fields are filled changes: the index is rebuilt.
FORMAT_VERSION = 4

SEARCH_FIELDS = ("title", "body")
QUERY_FIELDS = ("title", "body", "source", "date", *ANNOTATION_FIELDS)
# whoosh's date parser reads 20161001 but takes 2016-10-01 as just the year.
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")
# Share of a quotation's word runs another article must carry to count as quoting it.
SHARED_QUOTE_SHARE = 0.5
# Tries to open an index before it is taken as damaged and rebuilt.
OPEN_ATTEMPTS = 3
# Articles per job file handed to each indexing process.
_PARALLEL_BATCH = 256


def make_schema(spec: str = "embedded") -> Schema:
    """The index's fields; ``spec`` names the entity backend the annotation fields use."""
    analyzer = news_analyzer()
    annotation_fields = {
        name: TEXT(analyzer=annotation_analyzer(name, spec)) for name in ANNOTATION_FIELDS
    }
    return Schema(
        **annotation_fields,
        quotefp=KEYWORD(analyzer=FingerprintTokenizer(spec)),
        aid=NUMERIC(int, bits=64, stored=True, signed=False),
        key=ID(unique=True),
        file=ID,
        title=TEXT(analyzer=analyzer, field_boost=2.0),
        body=TEXT(analyzer=analyzer),
        source=TEXT(analyzer=name_analyzer()),
        date=DATETIME(sortable=True),
    )


def _use_safe_start_method() -> None:
    """Start indexing processes from a clean server rather than by forking this process.

    whoosh's MpWriter uses the default start method; forking a process that runs threads (the
    app's workers, rich's refresh thread) can deadlock the child on a lock held at fork time.
    """
    if multiprocessing.get_start_method(allow_none=True) is None:
        with contextlib.suppress(RuntimeError, ValueError):
            multiprocessing.set_start_method(
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            )


def _storage(directory: Path) -> FileStorage:
    """The index's files, read without mmap: with it, opening a searcher maps and copies whole
    files (400 MB resident for a 200 MB index of 10k articles, against 29 MB without)."""
    return FileStorage(str(directory), supports_mmap=False)


def _expand(query, reader):
    """The query with wildcard and fuzzy terms replaced by the indexed words they match."""
    if isinstance(query, MultiTerm):
        words = sorted(
            {w.decode("utf-8") if isinstance(w, bytes) else w for w in query._btexts(reader)}
        )
        if not words:
            return NullQuery
        return Or([Term(query.field(), word, boost=query.boost) for word in words])
    if not query.is_leaf():
        return query.apply(lambda child: _expand(child, reader))
    return query


def _total(results, scored: int, limit: int, count: bool) -> int:
    """The number of matches; counting them all re-runs the query, so only when needed."""
    if scored < limit:
        return scored  # every match was scored: the count is exact already
    if count:
        return len(results)
    try:
        return max(scored, results.estimated_min_length())
    except ValueError:  # whoosh's estimate fails on a fuzzy term that matched nothing
        return scored


def _compact_date(match: re.Match) -> str:
    year, month, day = match.groups()
    return f"{year}{int(month):02d}{int(day):02d}"


def _highlight_terms(query, reader) -> Iterator[str]:
    """The indexed words a query looks for in titles and bodies, with wildcards expanded.

    Terms under a NOT are left out: they are what the results do not contain.
    """
    if isinstance(query, Not):
        return
    if isinstance(query, MultiTerm):
        if query.field() in SEARCH_FIELDS:
            for text in itertools.islice(query._btexts(reader), 200):
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    if query.is_leaf():
        for fieldname, text in query.terms(phrases=True):
            if fieldname in SEARCH_FIELDS:
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    for child in query.children():
        yield from _highlight_terms(child, reader)


class WhooshWriterAdapter:
    """Adds and deletes articles in one whoosh transaction."""

    def __init__(self, writer: WhooshWriter) -> None:
        self._writer = writer

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
        full_text = article.full_text  # one object: annotated once for all these fields
        for name in ANNOTATION_FIELDS:
            fields[name] = full_text
        fields["quotefp"] = full_text
        if article.date is not None:
            fields["date"] = article.date.astimezone(timezone.utc).replace(tzinfo=None)
        self._writer.add_document(**fields)

    def delete_key(self, key: str) -> None:
        self._writer.delete_by_term("key", key)

    def delete_file(self, path: str) -> None:
        self._writer.delete_by_term("file", path)

    def commit(self) -> None:
        self._writer.commit()

    def cancel(self) -> None:
        self._writer.cancel()


class WhooshEngine:
    """A whoosh index in a folder of its own."""

    def __init__(self, directory: Path, spec: str = "embedded") -> None:
        self.directory = directory
        self.spec = spec
        self._ix = self._open_or_create(directory, spec)
        self._searcher: Searcher | None = None
        self._lock = threading.Lock()
        self._parser = MultifieldParser(list(SEARCH_FIELDS), self._ix.schema, group=AndGroup)
        self._parser.add_plugin(FuzzyTermPlugin())
        self._parser.add_plugin(GtLtPlugin())
        self._parser.add_plugin(PlusMinusPlugin())
        self._parser.add_plugin(DateParserPlugin(free=False))

    @staticmethod
    def _open_or_create(directory: Path, spec: str):
        version_file = directory / "FORMAT"
        # The schema, the annotators and the entity backend all decide what is indexed.
        current = f"{FORMAT_VERSION} annotator-{ANNOTATOR_VERSION} {spec}"
        if directory.exists():
            stored = version_file.read_text().strip() if version_file.exists() else None
            if stored == current:
                for attempt in range(OPEN_ATTEMPTS):
                    try:
                        if not whoosh_index.exists_in(str(directory)):
                            break
                        return _storage(directory).open_index()
                    except Exception:  # whoosh raises its own IndexError and others
                        # It may be a commit in progress in another process: look again
                        # before deciding that the index is damaged.
                        time.sleep(0.1 * (attempt + 1))
            shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True, exist_ok=True)
        ix = _storage(directory).create_index(make_schema(spec))
        write_atomic(version_file, current)
        return ix

    # -- writing ---------------------------------------------------------------------------

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def writer(self, parallel: bool = False) -> WhooshWriterAdapter:
        """A writer; ``parallel`` uses two indexing processes for large batches."""
        if parallel and multiprocessing.cpu_count() > 1:
            from whoosh.multiproc import MpWriter

            _use_safe_start_method()

            return WhooshWriterAdapter(
                MpWriter(self._ix, procs=2, batchsize=_PARALLEL_BATCH, multisegment=True)
            )
        return WhooshWriterAdapter(self._ix.writer(timeout=60.0))

    # -- reading ---------------------------------------------------------------------------

    def _get_searcher(self) -> Searcher:
        searcher = self._searcher
        if searcher is None or not searcher.up_to_date():
            # A new searcher, not refresh(): whoosh-reloaded's refresh keeps segments that a
            # commit merged away (documents then count twice) and fails on an empty index.
            if searcher is not None:
                searcher.close()
            self._searcher = self._ix.searcher()
        return self._searcher

    def refresh(self) -> None:
        """Open the searcher now (it is slow on big indexes) or pick up new commits."""
        with self._lock:
            self._get_searcher()

    def parse(self, query: str):
        text = _ISO_DATE.sub(_compact_date, query.strip())
        if not text:
            raise QueryError("Type something to search for.")
        check_syntax(text, QUERY_FIELDS)
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

    def search(self, query: str, limit: int = 1000, count: bool = True) -> SearchResults:
        """Ranked hits; ``count=False`` estimates the total instead of counting every match."""
        parsed = self.parse(query)
        with self._lock:
            searcher = self._get_searcher()
            try:
                # Expand wildcards and fuzzy terms once, for the search and the highlighting.
                expanded = _expand(parsed, searcher.reader())
                results = searcher.search(expanded, limit=limit)
                scored = results.scored_length()
                hits = [
                    SearchHit(int(results.fields(n)["aid"]), float(results.score(n)))
                    for n in range(scored)
                ]
                total = _total(results, scored, limit, count)
                terms = frozenset(_highlight_terms(expanded, searcher.reader()))
            except QueryError:
                raise
            except Exception as exc:  # e.g. a date range whoosh cannot compare
                raise QueryError(f"Cannot run the query: {exc}") from exc
        return SearchResults(query=query, hits=hits, total=total, terms=terms)

    def suggest(self, query: str) -> str | None:
        """A corrected query when some words are not in the index, else None."""
        parsed = self.parse(query)
        with self._lock:
            searcher = self._get_searcher()
            corrected = searcher.correct_query(parsed, query, prefix=1)
        if corrected.query == parsed:
            return None
        return corrected.string

    def similar(self, article: Article, limit: int = 10) -> list[SearchHit]:
        """Articles sharing the most distinctive terms of this one."""
        with self._lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(key=article.key)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", text=article.body, top=limit, numterms=15)
            return [SearchHit(int(hit["aid"]), float(hit.score)) for hit in results]

    def articles_quoting(self, quote_text: str, exclude_key: str = "", limit: int = 50):
        """Other articles carrying (nearly) the same quotation: (article id, share of its words).

        A copy counts when at least half of the quotation's word runs appear in it, which
        tolerates small edits (punctuation, a changed word) and quoting only part of it.
        """
        prints = quote_fingerprints(quote_text)
        if not prints:
            return []
        query = Or([Term("quotefp", fp) for fp in prints])
        with self._lock:
            searcher = self._get_searcher()
            own = searcher.document_number(key=exclude_key) if exclude_key else None
            found = []
            for hit in searcher.search(query, limit=limit + 1, terms=True):
                share = len(hit.matched_terms()) / len(prints)
                if hit.docnum != own and share >= SHARED_QUOTE_SHARE:
                    found.append((int(hit["aid"]), share))
        return found[:limit]

    def match_spans(self, terms: Iterable[str], text: str) -> list[tuple[int, int]]:
        """Character spans of the words in ``text`` whose indexed form is one of ``terms``."""
        return find_terms(text, terms)

    def clear(self) -> None:
        """Start again with an empty index (for a rebuild)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()
            shutil.rmtree(self.directory, ignore_errors=True)
            self._ix = self._open_or_create(self.directory, self.spec)

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()
