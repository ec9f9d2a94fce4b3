"""More like this (M): the articles sharing the open one's key terms, with the near-duplicates
among them (the same text: a wire story run by several papers) marked in the list.

A mixin of ReaderApp. Key-term similarity comes from the engine; how much text each similar
article shares with the open one is measured after the list is shown, in the same worker, by
reading their bodies (``tuireader.core.present.duplicates``), so the list never waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from tuireader.core.base.articles import Article
from tuireader.core.present.duplicates import is_near_duplicate, shared_share, shingles
from tuireader.core.search import SearchHit, SearchResults

if TYPE_CHECKING:
    from tuireader.core.cache.store import MetaStore
    from tuireader.ui.app import ReaderApp

SIMILAR_LIMIT = 50
# Bodies read to compare texts: reading is the slow part (a few ms each from a gzipped dump).
COMPARED_LIMIT = SIMILAR_LIMIT


class NearDuplicatesFound(Message):
    """Shares of text (0 to 1) each similar article has in common with the one it is like."""

    def __init__(self, shares: dict[int, float], seq: int) -> None:
        super().__init__()
        self.shares = shares
        self.seq = seq


def badge(share: float) -> str:
    return f"≈ {round(share * 100)}% same text"


class SimilarMixin:
    """``similar_to``: the article the listed results are like (None for a search)."""

    def _init_similar(self: ReaderApp) -> None:
        self.similar_to: Article | None = None
        self.near_duplicates: dict[int, float] | None = None  # None: still comparing

    def action_more_like_this(self: ReaderApp) -> None:
        shown = self.reader.shown
        if shown is None:
            return
        self.find_similar(shown.article)

    def find_similar(self: ReaderApp, article: Article) -> None:
        self._search_seq += 1  # any search still running is now stale
        self._similar(article, self._search_seq, self.meta_filter)

    @work(thread=True, group="search")
    def _similar(self: ReaderApp, article: Article, seq: int, meta_filter) -> None:
        from tuireader.ui.app import SearchFinished

        self._engine_ready.wait()
        if seq != self._search_seq:
            return
        store = self.corpus.open_store()
        try:
            narrow = {} if meta_filter.empty else {"within": meta_filter.ids(store)}
            hits = self.engine.similar(article, limit=SIMILAR_LIMIT, **narrow)
            results = SearchResults(query=f"more like: {article.title}", hits=hits, total=len(hits))
            self.post_message(SearchFinished(results, seq, live=False, similar_to=article))
            shares = self._compare_texts(article, hits, store, seq)
        finally:
            store.close()
        if shares is not None:
            self.post_message(NearDuplicatesFound(shares, seq))

    def _compare_texts(
        self: ReaderApp, article: Article, hits: list[SearchHit], store: MetaStore, seq: int
    ) -> dict[int, float] | None:
        """Share of text of each similar article with ``article``; None once stale."""
        own = shingles(article.body)
        compared = [hit.article_id for hit in hits[:COMPARED_LIMIT]]
        texts = self.corpus.bodies(store, store.rows(compared).values())
        shares: dict[int, float] = {}
        for article_id in compared:
            if seq != self._search_seq:
                return None
            if texts.get(article_id):  # a file gone since indexing: left unmarked
                shares[article_id] = shared_share(own, shingles(texts[article_id]))
        return shares

    def on_near_duplicates_found(self: ReaderApp, message: NearDuplicatesFound) -> None:
        if message.seq != self._search_seq or self.similar_to is None or self.results is None:
            return
        self.near_duplicates = message.shares
        self.article_list.set_badges(
            {i: badge(share) for i, share in message.shares.items() if is_near_duplicate(share)}
        )
        label = self._results_label(self.results)
        if self.sort_order != "relevance":
            label += f" · {self.sort_order}"
        self.set_list_title(label)

    def similar_label(self: ReaderApp, results: SearchResults) -> str:
        """ "12 similar, 3 near-duplicates" (while the texts are compared: "comparing texts…")."""
        label = f"{len(results.ids):,} similar"
        if self.near_duplicates is None:
            return label + " · comparing texts…" if results.ids else label
        near = sum(1 for share in self.near_duplicates.values() if is_near_duplicate(share))
        return label + f", {near:,} near-duplicate" + ("" if near == 1 else "s")
