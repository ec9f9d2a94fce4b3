"""More like this (M): the articles sharing the open one's key terms, with the near-duplicates
among them (the same text: a wire story run by several papers) marked in the list.

Key-term similarity comes from the engine; how much text each similar article shares with the
open one is measured after the list is shown, in the same worker, by reading their bodies
(``tuireader.core.present.duplicates``), so the list never waits for it.
"""

from __future__ import annotations

from tuireader.core.base.articles import Article
from tuireader.core.present.duplicates import is_near_duplicate
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.ui.controllers.listing import Listing
from tuireader.ui.controllers.session import Session
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.messages import NearDuplicatesFound, SearchFinished


def badge(share: float) -> str:
    return f"≈ {round(share * 100)}% same text"


class Similar:
    def __init__(self, host: Host, view: View, session: Session, listing: Listing) -> None:
        self.host = host
        self.view = view
        self.session = session
        self.listing = listing

    def more_like_this(self) -> None:
        shown = self.host.reader.shown
        if shown is not None:
            self.find(shown.article)

    def find(self, article: Article) -> None:
        self.view.search_seq += 1  # any search still running is now stale
        seq, meta_filter = self.view.search_seq, self.view.meta_filter
        self.host.run_worker(
            lambda: self._similar(article, seq, meta_filter), thread=True, group="search"
        )

    def _similar(self, article: Article, seq: int, meta_filter: MetaFilter) -> None:
        session, view = self.session, self.view
        session.engine_ready.wait()
        if view.stale(seq):
            return
        store = session.corpus.open_store()
        try:
            results = session.similar(article, meta_filter, store)
            self.host.post_message(SearchFinished(results, seq, live=False, similar_to=article))
            shares = session.compare_texts(article, results.hits, store, lambda: view.stale(seq))
        finally:
            store.close()
        if shares is not None:
            self.host.post_message(NearDuplicatesFound(shares, seq))

    def near_duplicates_found(self, message: NearDuplicatesFound) -> None:
        view = self.view
        if view.stale(message.seq) or view.similar_to is None or view.results is None:
            return
        view.near_duplicates = message.shares
        self.host.article_list.set_badges(
            {i: badge(share) for i, share in message.shares.items() if is_near_duplicate(share)}
        )
        self.listing.restore_title()
