"""The view shared by the controllers: every match of a search whose later pages the list has
not fetched (one search for "Export results" and "Mark all read")."""

from __future__ import annotations

from tuireader.core.search import SearchResults
from tuireader.core.search.engine import SearchHit
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.ui.controllers.view import View


class _Library:
    def __init__(self) -> None:
        self.asked: list[tuple] = []

    def search(self, query, narrow, order, limit=50):
        self.asked.append((query, narrow, order, limit))
        return SearchResults(query, [_hit(i) for i in (4, 2, 9)], 3)


def _hit(article_id: int) -> SearchHit:
    return SearchHit(article_id=article_id, score=1.0)


def test_a_search_with_pages_not_fetched_is_found_again_whole_in_the_order_shown() -> None:
    library = _Library()
    narrow = MetaFilter(source="Harbor Trust")
    view = View(results=SearchResults("quillon", [_hit(4)], 3), sort_order="newest")
    view.meta_filter = narrow
    every = view.unfetched_matches(library)
    assert every is not None and library.asked == []  # run later, in a worker
    view.results, view.sort_order = SearchResults("jonsby", [], 0), "title"  # typed meanwhile
    assert every() == [4, 2, 9]
    assert library.asked == [("quillon", narrow, "newest", None)]


def test_a_list_holding_every_match_needs_no_search() -> None:
    library = _Library()
    assert View().unfetched_matches(library) is None  # every article
    whole = View(results=SearchResults("quillon", [_hit(4), _hit(2)], 2))
    assert whole.unfetched_matches(library) is None
    similar = View(results=SearchResults("", [_hit(4)], 3), similar_to=7)  # more like this
    assert similar.unfetched_matches(library) is None
    assert library.asked == []
