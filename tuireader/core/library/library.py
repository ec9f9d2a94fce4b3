"""The Library: one corpus opened with its store, index, user marks and annotations.

See the package's docstring for the API. Threads: the thread that opens a Library keeps one
store connection (``store``); a call from another thread (a UI worker) opens its own for the
call and closes it after, since SQLite connections stay in their thread. The index and the
user data are shared (both serialize their calls).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tuireader.core.annotate.pipeline import Annotations, EntityBackend, backend_spec, load_backend
from tuireader.core.base.articles import Article
from tuireader.core.cache.corpus import Corpus, SafeEngine
from tuireader.core.cache.store import ArticleRow, MetaStore
from tuireader.core.library.annotations import AnnotationSource
from tuireader.core.library.events import SyncEvent, SyncNotice, SyncProgressed
from tuireader.core.library.ordering import sort_ids
from tuireader.core.library.reading import (
    ArticleUnavailable,
    article_view,
    load_article,
    quote_sources,
)
from tuireader.core.library.views import ArticleView, Found, QuoteSource
from tuireader.core.present.quote_snippets import (
    Quotation,
    best_quotation,
    quote_clauses,
    quote_snippet,
)
from tuireader.core.present.snippets import make_snippet
from tuireader.core.search import IndexDamaged, SearchHit, SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.core.search.user_filters import filtered_search, has_user_clauses, ids_of_keys
from tuireader.core.user.userdata import ArticleMarks, CorpusMarks, UserData, UserDataError

if TYPE_CHECKING:  # the sync, export and investigation modules load when first used
    from tuireader.core.cache.sync import SyncReport
    from tuireader.core.library.investigation import Investigation

SEARCH_LIMIT = 1000
SIMILAR_LIMIT = 50
TEXTS_COMPARED = 1000  # a list's articles compared for near-duplicates before the pairs are found


class Library:
    """One corpus, ready to be synced, searched, read, marked and exported."""

    def __init__(self, corpus: Corpus, fallback: bool = True, read_ahead: bool = True) -> None:
        """Open the corpus's store (fast: no index yet, see ``open_index``). ``fallback``
        False: a cache folder that cannot be written raises CacheError instead of using a
        read-only or temporary index (``tuireader index``). ``read_ahead`` False: the store's
        file is read into the kernel's cache only when ``read_ahead()`` is called (the
        reader: after its first frame, which the reading thread competed with) or another
        connection is opened."""
        self.corpus = corpus
        corpus.prepare_cache(fallback=fallback)
        self._owner = threading.get_ident()
        self.store: MetaStore = corpus.open_store(read_ahead=read_ahead)
        self.engine: SafeEngine | None = None
        self.backend: EntityBackend | None = None
        self.annotations = AnnotationSource()
        self.notices: list[str] = []  # for the user, once: see take_notices
        if corpus.cache_message:
            self.notices.append(corpus.cache_message)
        self._userdata: UserData | None = None
        self._marks: CorpusMarks | None = None
        self._marks_error: UserDataError | None = None
        self._marks_lock = threading.Lock()  # opened once, whichever thread asks first
        self._index_ready = threading.Event()
        self._open_lock = threading.Lock()
        self._investigation: Investigation | None = None
        self._investigation_lock = threading.Lock()  # one, whichever thread asks first

    def read_ahead(self) -> None:
        """Have the store's file read into the kernel's cache in the background, if it was
        not yet (see MetaStore)."""
        self.store.read_ahead()

    @property
    def investigation(self) -> Investigation:
        """Entities, quotes, co-occurrence and timeline of the corpus (made when first
        asked: the reader's first frame does not need its modules)."""
        with self._investigation_lock:
            if self._investigation is None:
                from tuireader.core.library.investigation import Investigation

                self._investigation = Investigation(self)
            return self._investigation

    @classmethod
    def open(cls, paths: Sequence[str] = (), fallback: bool = True) -> Library:
        """The corpus at ``paths`` (else the configured default, else the sample); a config
        that cannot be read is a notice. CorpusError for bad paths, CacheError for a cache
        that cannot be used."""
        from tuireader.core.library.opening import choose_corpus

        corpus, notices = choose_corpus(paths)
        library = cls(corpus, fallback=fallback)
        library.notices[:0] = notices
        return library

    def take_notices(self) -> list[str]:
        """What the user has not been told yet (a damaged store set aside, a user-data
        warning, a cache that cannot be written); each is given once."""
        taken, self.notices = self.notices, []
        return taken

    def close(self) -> None:
        """Close the index and the databases (once every worker using them is done)."""
        for resource in (self.engine, self.store, self._userdata):
            if resource is not None:
                with contextlib.suppress(Exception):  # nothing is lost if tidying fails
                    resource.close()
        self.engine = None
        self._userdata = self._marks = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextlib.contextmanager
    def connection(self) -> Iterator[MetaStore]:
        """A store connection for the calling thread (see the module docstring)."""
        if threading.get_ident() == self._owner:
            yield self.store
            return
        store = self.corpus.open_store()
        try:
            yield store
        finally:
            store.close()

    @contextlib.contextmanager
    def connection_on_demand(self) -> Iterator[MetaStore]:
        """``connection()``, opened only if it is used (a search of words alone needs none:
        opening one in a worker costs half as much as such a search)."""
        if threading.get_ident() == self._owner:
            yield self.store
            return
        store = _StoreOnDemand(self.corpus)
        try:
            yield store  # type: ignore[misc]
        finally:
            store.close()

    # -- the index -------------------------------------------------------------------------

    def open_index(self, with_backend: bool = False) -> str | None:
        """Open the search index (slow on a big one: call it in a worker); with
        ``with_backend``, first load the configured entity backend (a spaCy model takes
        seconds), which then names the annotation index. Returns a warning when the backend
        fell back to the embedded one. CacheError when the index cannot be opened."""
        warning = None
        with self._open_lock:  # a search asked for meanwhile waits, not opens a second one
            if self.engine is None:
                if with_backend:
                    warning = self.load_backend()
                self.engine = self.corpus.open_engine(backend_spec(self.backend))
        self._index_ready.set()
        return warning

    def prepare_reading(self) -> None:
        """Load the annotators now (their word lists and patterns load on first use), so the
        first article opened while the first index is built is not kept waiting for them."""
        from tuireader.core.annotate.pipeline import annotate

        annotate('Ann Lee of Acme Corp. in Paris said: "It works."', self.backend)

    def load_backend(self) -> str | None:
        """Load the configured entity backend for the annotations found from now on (a spaCy
        model takes seconds); a warning when it fell back to the embedded one."""
        from tuireader.core.user.config import Config, ConfigError, load_config

        try:
            config = load_config()
        except ConfigError:  # said where the config is read (the CLI, the app's start)
            config = Config()
        self.backend, warning = load_backend(config)
        self.annotations = AnnotationSource(self.backend)
        return warning

    @property
    def index_open(self) -> bool:
        return self._index_ready.is_set()

    def wait_for_index(self, timeout: float | None = None) -> bool:
        """Wait until ``open_index`` is done (a search asked for before it)."""
        return self._index_ready.wait(timeout)

    def _engine(self) -> SafeEngine:
        if self.engine is None:
            self.open_index()
        assert self.engine is not None
        return self.engine

    def refresh(self) -> None:
        """See what the last commits (this process's or another's) put in the index."""
        self._engine().refresh()

    def rebuild(self) -> None:
        """Forget the index and the list: the next sync indexes everything again."""
        engine = self._engine()
        self._index_ready.clear()
        try:
            engine.clear()
            with self.connection() as store:
                store.clear()
        finally:
            self._index_ready.set()

    def sync(
        self,
        on_event: Callable[[SyncEvent], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Bring the list and the index up to date with the corpus files; events as it goes
        (SyncProgressed). CacheError when the cache cannot be written.
        The report says what changed, what was skipped, whether another process was busy
        indexing (``busy``) or the cache is read-only (``read_only``)."""
        from tuireader.core.cache.sync import sync
        from tuireader.core.library.engine_advice import engine_advice

        tell = on_event or (lambda _event: None)
        engine = self._engine()
        with self.connection() as store:
            report = sync(
                self.corpus,
                store,
                engine,
                progress=lambda p: tell(SyncProgressed.of(p)),
                cancel=cancel,
            )
            report.advice = engine_advice(self.corpus, store.count())
        return report

    # -- the list ----------------------------------------------------------------------------

    def count(self) -> int:
        with self.connection() as store:
            return store.count()

    def rows(self, ids: Sequence[int]) -> dict[int, ArticleRow]:
        with self.connection() as store:
            return store.rows(ids)

    def get(self, article_id: int) -> ArticleRow | None:
        with self.connection() as store:
            return store.get(article_id)

    def by_key(self, key: str) -> ArticleRow | None:
        with self.connection() as store:
            return store.by_key(key)

    def generation(self) -> int:
        """Changes when anything (a sync here or in another process) commits to the list."""
        with self.connection() as store:
            return store.generation()

    def skips(self, limit: int | None = None) -> list[tuple[str, str]]:
        """(item, reason) of everything the syncs could not read."""
        with self.connection() as store:
            return store.skips(limit)

    def skip_count(self) -> int:
        with self.connection() as store:
            return store.skip_count()

    def ordered_ids(self, narrow: MetaFilter | None = None) -> list[int]:
        """Every article newest first (undated last), or those ``narrow`` passes."""
        with self.connection() as store:
            if narrow is None or narrow.empty:
                return store.ordered_ids()
            return narrow.ids(store)

    def ordered_id_array(self, narrow: MetaFilter | None = None) -> Sequence[int]:
        """``ordered_ids``, every article's as an array (8 bytes an article, not 40: see
        MetaStore.ordered_id_array); those ``narrow`` passes as a list."""
        with self.connection() as store:
            if narrow is None or narrow.empty:
                return store.ordered_id_array()
            return narrow.ids(store)

    def has_dates(self) -> bool:
        """Whether any article has a date (the first of every article's list, newest first
        and undated last, says): a timeline, a date search and a sort by date need one."""
        ids = self.ordered_id_array()
        row = self.get(ids[0]) if len(ids) else None
        return row is not None and row.date_ts is not None

    # -- searching ---------------------------------------------------------------------------

    def search(
        self,
        query: str,
        narrow: MetaFilter | None = None,
        sort: str = "relevance",
        limit: int | None = SEARCH_LIMIT,
        offset: int = 0,
        count: bool = True,
        cancelled: Callable[[], bool] | None = None,
        on_event: Callable[[SyncEvent], None] | None = None,
    ) -> Found:
        """Run a query: words and fields for the index, ``is:``/``tag:``/``note:`` clauses on
        the user's marks, ``narrow`` (a source, dates) on the list. ``limit`` None: every
        match. ``sort``: one of ordering.SORT_ORDERS (over every match; then ``offset``).
        ``count`` False: ``total`` may be an estimate (faster).

        QueryError for a query that cannot be run (the message is for the user), also when
        it asks about marks and the user data cannot be opened. An index
        found damaged is set aside and built again by a sync (events to ``on_event``), then
        the query runs again."""
        # without user data, is:/tag:/note: are a QueryError (filtered_search says why)
        marks = self.marks if has_user_clauses(query) else None
        engine = self._engine()
        # another order than the ranking's is over every match, so that pages follow on
        wanted = None if limit is None or sort != "relevance" else offset + limit

        def run(store: MetaStore) -> SearchResults:
            return filtered_search(
                engine,
                store,
                marks,
                query,
                limit=wanted,
                count=count,
                narrow=narrow,
                cancelled=cancelled,
            )

        with self.connection_on_demand() as store:
            try:
                results = run(store)
            except IndexDamaged:
                self._resync(on_event)
                results = run(store)
            ids = sort_ids(store, results.ids, sort)
        page = ids[offset:] if limit is None else ids[offset : offset + limit]
        return Found(results, page, results.total, offset, sort, counted=count)

    def _resync(self, on_event: Callable[[SyncEvent], None] | None) -> None:
        """Sync after the index was found damaged (it is set aside and built again); what
        happened as SyncNotices: "cache_error", "repaired", "busy"."""
        from tuireader.core.cache.store import CacheError

        tell = on_event or (lambda _event: None)
        try:
            report = self.sync(on_event)
        except CacheError as exc:
            tell(SyncNotice(str(exc), "cache_error"))
            return
        if report.repaired:
            tell(SyncNotice(report.repaired, "repaired"))
        if report.busy:
            tell(SyncNotice("another process is indexing this corpus", "busy"))

    def sorted_ids(self, ids: Sequence[int], order: str) -> list[int]:
        """Result ids in another order (see ordering.sort_ids)."""
        with self.connection() as store:
            return sort_ids(store, ids, order)

    def suggest(self, query: str) -> str | None:
        """A corrected query for one that found nothing, or None (never an error)."""
        try:
            return self._engine().suggest(query)
        except Exception:  # noqa: BLE001 (a suggestion is a nicety)
            return None

    def titles_matching(self, text: str, limit: int = 30) -> list[ArticleRow]:
        with self.connection() as store:
            return store.titles_matching(text, limit=limit)

    def sources(self) -> list[tuple[str, int]]:
        with self.connection() as store:
            return store.sources()

    def snippets(
        self,
        ids: Sequence[int],
        terms: frozenset[str],
        stop: Callable[[], bool] | None = None,
        query: str | None = None,
    ) -> dict[int, tuple[str, list[tuple[int, int]]]]:
        """One-line snippets of these articles around the terms' hits (texts from the
        store); ``stop``: checked between articles, a newer request makes these useless.

        With ``speaker:``/``quote:`` clauses in ``query`` (the search's), an article's
        snippet is the quotation they match ("Speaker: quoted words …", see
        present.quote_snippets), where its stored quotations hold one."""
        clauses = quote_clauses(query)
        with self.connection() as store:
            rows, texts = Corpus.rows_and_bodies(store, ids)
            quoted = _quotations(store, rows, texts) if clauses is not None else {}
        engine = self.engine if self.index_open else None
        found = {}
        for article_id, body in texts.items():
            if stop is not None and stop():
                break
            best = best_quotation(clauses, quoted.get(article_id, ())) if clauses else None
            if best is not None:
                found[article_id] = quote_snippet(*best)
                continue
            spans = engine.match_spans(terms, body) if engine and body and terms else []
            found[article_id] = make_snippet(body, spans)
        return found

    # -- reading -----------------------------------------------------------------------------

    def article(
        self,
        article_id: int,
        terms: frozenset[str] = frozenset(),
        title_terms: frozenset[str] | None = None,
    ) -> ArticleView:
        """An article as the reading pane shows it (see ArticleView): text from the store,
        annotations kept (found once), the terms' spans and the quotations shared with other
        articles (those two once the index is open). ArticleUnavailable, with a message for
        the user, when it cannot be shown."""
        engine = self.engine if self.index_open else None
        with self.connection() as store:
            view = article_view(store, engine, self.annotations, article_id, terms, title_terms)
        marks = self.marks_of(view.row.key)
        return view if marks is None else _with_marks(view, marks)

    def read(self, article_id: int) -> Article:
        """An article's text and metadata, as indexed (ArticleUnavailable if it cannot be)."""
        with self.connection() as store:
            return load_article(store, article_id)

    def annotations_of(self, article_id: int) -> Annotations:
        """Entities and quotations of an article's full text (title and body)."""
        with self.connection() as store:
            return self.annotations.of(store, article_id, load_article(store, article_id))

    def quote_sources(self, view: ArticleView) -> list[QuoteSource]:
        """The other articles carrying the shared quotations of ``view``, with their speakers."""
        engine = self._engine()
        with self.connection() as store:
            return quote_sources(store, engine, self.annotations, view)

    def similar(
        self, article_id: int, narrow: MetaFilter | None = None, limit: int = SIMILAR_LIMIT
    ) -> SearchResults:
        """More like this: the articles sharing the most distinctive terms of this one."""
        engine = self._engine()
        with self.connection() as store:
            article = load_article(store, article_id)
            within = {} if narrow is None or narrow.empty else {"within": narrow.ids(store)}
        hits = engine.similar(article, limit=limit, **within)
        return SearchResults(query=f"more like: {article.title}", hits=hits, total=len(hits))

    def duplicate_groups(self, ids: Sequence[int]) -> list[list[int]]:
        """The near-duplicates among ``ids`` (the whole list) as groups in the list's order
        (see present.duplicate_groups): from the pairs the annotation pass found; before it
        has run (or in an older read-only store), by comparing the texts of the list's first
        TEXTS_COMPARED articles (about 0.2 ms an article)."""
        from tuireader.core.investigate.rows import ROWS_VERSION
        from tuireader.core.present.duplicate_groups import groups_of_pairs, near_duplicate_groups

        with self.connection() as store:
            pairs = None
            if store.entity_rows_version() == ROWS_VERSION:
                pairs = store.near_duplicate_pairs()
            if pairs is not None:
                return groups_of_pairs(ids, pairs)
            compared = ids[:TEXTS_COMPARED]
            texts = store.bodies(compared)
        return near_duplicate_groups(compared, texts)

    def shared_text(
        self,
        article_id: int,
        hits: Sequence[SearchHit],
        stop: Callable[[], bool] | None = None,
    ) -> dict[int, float] | None:
        """How much of its text (0 to 1) each of ``hits`` shares with the article (near-
        duplicates: see investigate.near_duplicates.is_near_duplicate); None when ``stop``
        said so."""
        from tuireader.core.investigate.near_duplicates import shared_share, shingles

        compared = [hit.article_id for hit in hits]
        with self.connection() as store:
            own = shingles(load_article(store, article_id).body)
            texts = Corpus.bodies(store, store.rows(compared).values())
        shares: dict[int, float] = {}
        for other in compared:
            if stop is not None and stop():
                return None
            if texts.get(other):  # a file gone since indexing: left unmarked
                shares[other] = shared_share(own, shingles(texts[other]))
        return shares

    # -- the user's marks --------------------------------------------------------------------

    def user_marks(self) -> CorpusMarks:
        """The read marks, stars, tags and notes of this corpus (opened on first use; a
        warning about them becomes a notice). UserDataError when they cannot be opened."""
        with self._marks_lock:
            if self._marks is not None:
                return self._marks
            if self._marks_error is not None:
                raise self._marks_error
            try:
                self._userdata = UserData()
            except UserDataError as exc:
                self._marks_error = exc
                raise
            if self._userdata.warning:
                self.notices.append(self._userdata.warning)
            self._marks = self._userdata.corpus(self.corpus.id)
            return self._marks

    @property
    def marks(self) -> CorpusMarks | None:
        """The marks, or None when the user data cannot be opened (see ``user_marks``)."""
        try:
            return self.user_marks()
        except UserDataError:
            return None

    @property
    def userdata(self) -> UserData | None:
        return self._userdata if self.marks is not None else None

    def marks_of(self, key: str) -> ArticleMarks | None:
        marks = self.marks
        if marks is None:
            return None
        try:
            return marks.get(key)
        except UserDataError:
            return None

    def _keys(self, ids: Sequence[int]) -> list[str]:
        with self.connection() as store:
            rows = store.rows(ids)
        return [rows[i].key for i in ids if i in rows]

    def read_ids(self) -> set[int]:
        """The articles marked read (none without user data; UserDataError if unreadable)."""
        marks = self.marks
        return set() if marks is None else self._ids_of(marks.read_keys())

    def starred_ids(self) -> set[int]:
        """The starred articles (none without user data; UserDataError if unreadable)."""
        marks = self.marks
        return set() if marks is None else self._ids_of(marks.starred_keys())

    def _ids_of(self, keys) -> set[int]:
        with self.connection() as store:
            return set(ids_of_keys(store, keys).values())

    def starred_in_order(self) -> list[int]:
        """The starred articles, newest first."""
        starred = self.starred_ids()
        return [i for i in self.ordered_id_array() if i in starred]

    def set_read(self, ids: Sequence[int], read: bool = True) -> None:
        """UserDataError when it cannot be saved (so are the setters below)."""
        self.user_marks().set_read_many(self._keys(ids), read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        for key in self._keys([article_id]):
            self.user_marks().set_starred(key, starred)

    def set_tags(self, article_id: int, tags: Sequence[str]) -> None:
        for key in self._keys([article_id]):
            self.user_marks().set_tags(key, tags)

    def set_note(self, article_id: int, note: str) -> None:
        for key in self._keys([article_id]):
            self.user_marks().set_note(key, note)

    def mark_all_read(self, ids: Sequence[int]) -> int:
        """Mark these articles read, undoably (``undo_mark_all_read``); how many changed."""
        return self.user_marks().mark_all_read(self._keys(ids))

    def undo_mark_all_read(self) -> list[int]:
        """Undo the last mark_all_read; the ids it marked unread again."""
        keys = self.user_marks().undo_mark_all_read() or []
        return sorted(self._ids_of(keys))

    def tags(self) -> list[tuple[str, int]]:
        """(tag, articles), most used first; [] without user data."""
        marks = self.marks
        if marks is None:
            return []
        try:
            return marks.all_tags()
        except UserDataError:
            return []

    # -- exporting ---------------------------------------------------------------------------

    def export(
        self,
        ids: Sequence[int],
        fmt: str | None = None,
        out: TextIO | None = None,
        path: Path | None = None,
        heading: str = "",
        annotations: bool = False,
    ) -> int:
        """Write these articles with the user's tags and notes (and, with ``annotations``,
        their entities and quotations) to ``path`` or ``out``; returns how many. See
        exporting.export_ids; OSError when the file cannot be written."""
        from tuireader.core.library.exporting import export_ids

        with self.connection() as store:
            annotate_one = None
            if annotations:

                def annotate_one(row: ArticleRow, article: Article) -> Annotations:
                    return self.annotations.of(store, row.id, article)

            return export_ids(
                self.corpus, store, ids, self.marks, fmt, out, path, heading, annotate_one
            )

    def export_query(
        self,
        query: str,
        fmt: str | None = None,
        out: TextIO | None = None,
        path: Path | None = None,
        annotations: bool = False,
        on_event: Callable[[SyncEvent], None] | None = None,
    ) -> int:
        """Every article matching ``query`` (ranked; newest first for is:/tag:/note: alone),
        headed "corpus: query" (see ``export``). QueryError as ``search``."""
        found = self.search(query, limit=None, on_event=on_event)
        heading = f"{self.corpus.name}: {query}"
        return self.export(found.ids, fmt, out, path, heading, annotations)


class _StoreOnDemand:
    """A MetaStore opened on first use (see Library.connection_on_demand)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._store: MetaStore | None = None

    def __getattr__(self, name: str):
        if self._store is None:
            self._store = self._corpus.open_store()
        return getattr(self._store, name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _with_marks(view: ArticleView, marks: ArticleMarks) -> ArticleView:
    from dataclasses import replace

    return replace(view, marks=marks)


__all__ = ["ArticleUnavailable", "Library"]


def _quotations(
    store: MetaStore, rows: dict[int, ArticleRow], texts: dict[int, str]
) -> dict[int, list[Quotation]]:
    """The stored quotations of these articles with their speakers' names (none for a store
    whose quotation rows are missing or were made another way)."""
    from tuireader.core.cache.entity_table import QUOTE_FIELDS, joined_quotes
    from tuireader.core.investigate.rows import ROWS_VERSION

    if not rows or store.entity_rows_version() != ROWS_VERSION:
        return {}
    stored = store.quote_rows(list(rows))
    if not stored:
        return {}
    values, ends = joined_quotes([row[-1] for row in stored])
    speakers = values[0::QUOTE_FIELDS]
    names = store.names_of(sorted({s for s in speakers if s}))
    found: dict[int, list[Quotation]] = {}
    first = 0
    for stored_row, end in zip(stored, ends, strict=True):
        article_id = stored_row[0]
        row, body = rows.get(article_id), texts.get(article_id, "")
        offset = len(row.title) + 2 if row is not None and row.has_headline and row.title else 0
        quotations = found.setdefault(article_id, [])
        for i in range(first, end):
            base = i * QUOTE_FIELDS
            start, stop = values[base + 1] - offset, values[base + 2] - offset
            if start < 0 or stop > len(body) or start >= stop:
                continue  # in the title (rarely quoted), or a text changed since
            quotations.append(Quotation(names.get(speakers[i], ""), body[start:stop]))
        first = end
    return found
