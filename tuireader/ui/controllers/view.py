"""What the reader shows, shared by the controllers: each changes its own part of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tuireader.core.library import Library
from tuireader.core.search import SearchResults
from tuireader.core.search.meta_filter import MetaFilter

SORT_ORDERS = ("relevance", "newest", "oldest", "title")
LIST_ORDERS = ("newest", "oldest", "title")  # the list of every article (undated last)


@dataclass
class View:
    total: int = 0  # articles in the corpus
    results: SearchResults | None = None  # None: every article is listed
    similar_to: int | None = None  # the results are "more like" this article (its id)
    near_duplicates: dict[int, float] | None = None  # shares of text (None: still comparing)
    sort_order: str = "relevance"
    list_order: str = "newest"  # the list of every article's (O when no search is shown)
    meta_filter: MetaFilter = field(default_factory=MetaFilter)
    open_id: int | None = None  # the article in the reading pane
    closed_id: int | None = None  # the one the filters closed: reopened once listed again
    syncing: bool = False
    synced: bool = False  # a sync has ended (before it: an empty list may be one not filled yet)
    sync_stage: str = "text"  # "annotations": entity and quotation fields still filling
    other_syncing: bool = False  # another process held the sync lock: it indexes meanwhile
    search_seq: int = 0  # bumped by every search: work for an older one is stale
    index_failed: bool = False  # the index could not be opened: nothing waits for it

    def stale(self, seq: int) -> bool:
        return seq != self.search_seq

    def wait_for_index(self, library: Library) -> None:
        """Wait (in a worker) until the index is open, or could not be."""
        while not library.wait_for_index(0.05) and not self.index_failed:
            pass

    def unfetched_matches(self, library: Library) -> Callable[[], list[int]] | None:
        """A search to run in a worker for every match of the search shown, in the order
        shown, when the list has not fetched its later pages; None when the list holds them
        all (every article, more like this, or a search on one page). Taken now, so a search
        typed meanwhile does not change what it finds."""
        results = self.results
        if results is None or self.similar_to is not None or len(results.ids) >= results.total:
            return None
        query, narrow, order = results.query, self.meta_filter, self.sort_order
        return lambda: list(library.search(query, narrow, order, limit=None).ids)
