"""The opened corpus for the UI: metadata store, search engine, annotations, sync.

Plain domain work (no widgets): the controllers' workers call it from threads. It keeps the
connections the app holds for its life (the store read on the UI thread, the engine) and opens
a store of their own for each worker.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from tuireader.core.annotate.pipeline import (
    Annotations,
    EntityBackend,
    annotate,
    backend_spec,
    load_backend,
    shift,
)
from tuireader.core.base.articles import Article
from tuireader.core.base.text import visible
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import ArticleRow, MetaStore
from tuireader.core.cache.sync import SyncProgress, SyncReport, sync
from tuireader.core.present.duplicates import shared_share, shingles
from tuireader.core.present.snippets import make_snippet
from tuireader.core.search import SearchEngine, SearchHit, SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.core.search.user_filters import filtered_search
from tuireader.core.user.config import Config
from tuireader.core.user.userdata import CorpusMarks
from tuireader.ui.screens.quote_sources import QuoteCopy
from tuireader.ui.widgets.reading_pane import ShownArticle

ANNOTATION_CACHE = 32
SIMILAR_LIMIT = 50
# Bodies read to compare texts: reading is the slow part (a few ms each from a gzipped dump).
COMPARED_LIMIT = SIMILAR_LIMIT


class Session:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.store: MetaStore | None = None
        self.engine: SearchEngine | None = None
        self.engine_ready = threading.Event()
        self.cancel_sync = threading.Event()
        self.backend: EntityBackend | None = None  # None: the embedded recognizer
        self._annotations: OrderedDict[int, Annotations] = OrderedDict()

    def open(self) -> MetaStore:
        self.store = self.corpus.open_store()
        return self.store

    def rows(self, ids) -> dict[int, ArticleRow]:
        return self.store.rows(ids) if self.store else {}

    def titles_matching(self, text: str) -> list[ArticleRow]:
        return self.store.titles_matching(text, limit=30) if self.store else []

    # -- indexing --------------------------------------------------------------------------------

    def sync(
        self,
        config: Config,
        rebuild: bool,
        progress: Callable[[SyncProgress], None],
        opened: Callable[[], None],
        warn: Callable[[str], None],
    ) -> SyncReport:
        """Open the index (loading the entity backend), then bring it up to date."""
        store = self.corpus.open_store()
        try:
            if self.engine is None:
                backend, warning = load_backend(config)  # a spaCy model takes seconds
                self.backend = backend
                if warning:
                    warn(warning)
                self.engine = self.corpus.open_engine(backend_spec(self.backend))
            if rebuild:
                self.engine_ready.clear()
                self.engine.clear()
                store.clear()
            self.engine_ready.set()
            self.engine.refresh()  # the searcher is slow to open on big indexes
            opened()
            report = sync(
                self.corpus, store, self.engine, progress=progress, cancel=self.cancel_sync
            )
            self.engine.refresh()
            return report
        finally:
            self.engine_ready.set()
            store.close()

    # -- searching -------------------------------------------------------------------------------

    def search(
        self,
        marks: CorpusMarks | None,
        query: str,
        limit: int,
        count: bool = True,
        narrow: MetaFilter | None = None,
        cancelled: Callable[[], bool] | None = None,
        store: MetaStore | None = None,
    ) -> SearchResults:
        self.engine_ready.wait()
        kwargs = {"cancelled": cancelled} if cancelled is not None else {}
        return filtered_search(
            self.engine, store, marks, query, limit=limit, count=count, narrow=narrow, **kwargs
        )

    def snippets(
        self, ids: list[int], terms: frozenset[str], stale: Callable[[], bool]
    ) -> dict | None:
        """Snippets for result rows: their text (kept in the store), hits found; None once
        ``stale``."""
        store = self.corpus.open_store()
        try:
            _rows, texts = self.corpus.rows_and_bodies(store, ids)
        finally:
            store.close()
        snippets = {}
        for article_id, body in texts.items():
            if stale():
                return None
            spans = self.engine.match_spans(terms, body) if self.engine and body else []
            snippets[article_id] = make_snippet(body, spans)
        return snippets

    def similar(self, article: Article, meta_filter: MetaFilter, store: MetaStore) -> SearchResults:
        self.engine_ready.wait()
        narrow = {} if meta_filter.empty else {"within": meta_filter.ids(store)}
        hits = self.engine.similar(article, limit=SIMILAR_LIMIT, **narrow)
        return SearchResults(query=f"more like: {article.title}", hits=hits, total=len(hits))

    def compare_texts(
        self, article: Article, hits: list[SearchHit], store: MetaStore, stale: Callable[[], bool]
    ) -> dict[int, float] | None:
        """Share of text of each similar article with ``article``; None once ``stale``."""
        own = shingles(article.body)
        compared = [hit.article_id for hit in hits[:COMPARED_LIMIT]]
        texts = self.corpus.bodies(store, store.rows(compared).values())
        shares: dict[int, float] = {}
        for article_id in compared:
            if stale():
                return None
            if texts.get(article_id):  # a file gone since indexing: left unmarked
                shares[article_id] = shared_share(own, shingles(texts[article_id]))
        return shares

    # -- reading ---------------------------------------------------------------------------------

    def annotate(self, article_id: int, article: Article) -> Annotations:
        """Annotations of an article's full text, computed once per article while it is recent."""
        cached = self._annotations.get(article_id)
        if cached is None:
            cached = annotate(article.full_text, self.backend)
            self._annotations[article_id] = cached
            while len(self._annotations) > ANNOTATION_CACHE:
                self._annotations.popitem(last=False)
        return cached

    def shown_article(
        self,
        row: ArticleRow,
        terms: frozenset[str],
        title_terms: frozenset[str],
        pane_date: Callable[[datetime], str],
    ) -> tuple[ShownArticle, bool]:
        """An article ready for the reading pane (read, hits, annotations, quotes shared),
        and whether the index was open for it; raises if the file cannot be read."""
        article = self.corpus.read(row)
        hits: tuple = ()
        title_hits: tuple = ()
        engine = self.engine if self.engine_ready.is_set() else None
        if engine is not None:  # title: words highlight in the title only
            hits = tuple(engine.match_spans(terms, article.body)) if terms else ()
            title_hits = (
                tuple(engine.match_spans(title_terms, article.title)) if title_terms else ()
            )
        annotations = self.annotate(row.id, article)
        body_offset = len(article.full_text) - len(article.body)
        body_annotations = shift(annotations, body_offset, len(article.body))
        title_annotations = (
            shift(annotations, 0, len(article.title)) if article.has_headline else Annotations()
        )
        shared: dict[int, int] = {}
        if engine is not None:
            for index, quote in enumerate(body_annotations.quotes):
                others = engine.articles_quoting(quote.text, exclude_id=row.id)
                if others:
                    shared[index] = len(others)
        meta = " · ".join(
            part
            for part in (
                article.source,
                pane_date(article.date) if article.date else article.date_text,
                article.url,
            )
            if part
        )
        shown = ShownArticle(
            article,
            meta,
            hits,
            title_hits,
            body_annotations,
            title_annotations,
            shared,
            location=visible(row.key) if not article.source else "",
        )
        return shown, engine is not None

    def quote_copies(self, shown: ShownArticle, own_id: int | None) -> list[QuoteCopy]:
        """Each article sharing a quote of this one, and who it quotes there."""
        from tuireader.core.search.annotation_fields import quote_fingerprints

        copies: list[QuoteCopy] = []
        store = self.corpus.open_store()
        try:
            for index in sorted(shown.shared):
                quote = shown.annotations.quotes[index]
                wanted = set(quote_fingerprints(quote.text))
                for article_id, _share in self.engine.articles_quoting(
                    quote.text, exclude_id=own_id
                ):
                    row = store.get(article_id)
                    if row is None:
                        continue
                    speaker = None
                    try:
                        other = self.corpus.read(row)
                        for candidate in self.annotate(row.id, other).quotes:
                            if wanted & set(quote_fingerprints(candidate.text)):
                                speaker = candidate.speaker_name or (
                                    candidate.speaker.text if candidate.speaker else None
                                )
                                break
                    except Exception:  # the other file vanished: still list the article
                        pass
                    copies.append(QuoteCopy(quote.text, article_id, row.title, speaker))
        finally:
            store.close()
        return copies
