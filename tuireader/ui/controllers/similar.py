"""More like this (M): the articles sharing the open one's key terms, with the near-duplicates
among them (the same text: a wire story run by several papers) marked in the list.

Key-term similarity comes from the engine; how much text each similar article shares with the
open one is measured after the list is shown, in the same worker, by reading their bodies
(``tuireader.core.investigate.near_duplicates``), so the list never waits for it.
"""

from __future__ import annotations

from tuireader.core.investigate.near_duplicates import is_near_duplicate
from tuireader.core.library import Library
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.ui.controllers.listing import Listing
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.messages import NearDuplicatesFound, SearchFailed, SearchFinished

# Bodies read to compare texts: reading is the slow part (a few ms each from a gzipped dump).
COMPARED_LIMIT = 50


def badge(share: float) -> str:
    return f"≈ {round(share * 100)}% same text"


class Similar:
    def __init__(self, host: Host, view: View, library: Library, listing: Listing) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.listing = listing

    def more_like_this(self) -> None:
        if self.host.reader.shown is not None and self.view.open_id is not None:
            self.find(self.view.open_id)
        else:
            self.host.notify("Open an article first: M lists the articles like it.")

    def find(self, article_id: int) -> None:
        self.view.search_seq += 1  # any search still running is now stale
        seq, meta_filter = self.view.search_seq, self.view.meta_filter
        self.host.run_worker(
            lambda: self._similar(article_id, seq, meta_filter), thread=True, group="search"
        )

    def _similar(self, article_id: int, seq: int, meta_filter: MetaFilter) -> None:
        library, view = self.library, self.view
        view.wait_for_index(library)
        if view.stale(seq):
            return
        try:
            results = library.similar(article_id, meta_filter)
        except Exception as exc:  # the article gone since: said, the list stays
            self.host.post_message(SearchFailed("", f"More like this failed: {exc}", seq))
            return
        self.host.post_message(SearchFinished(results, seq, live=False, similar_to=article_id))
        compared = results.hits[:COMPARED_LIMIT]
        try:
            shares = library.shared_text(article_id, compared, stop=lambda: view.stale(seq))
        except Exception:  # noqa: BLE001 (the badges are a nicety: the list stays unmarked)
            shares = None
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
