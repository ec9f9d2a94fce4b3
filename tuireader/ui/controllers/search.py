"""Searching: live results while typing, Enter for good (a first page at once, the rest and
the exact count after), spelling suggestions, sorting, saved searches, the history.

Each search bumps ``view.search_seq``; its worker's messages carry the seq it was started for
and are dropped once a newer search has been asked for.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
from collections.abc import Callable, Iterator

from tuireader.core.library import Library
from tuireader.core.search import QueryError, SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.core.user.history import SearchHistory
from tuireader.core.user.saved import SavedSearches
from tuireader.core.user.userdata import UserDataError
from tuireader.ui.controllers.listing import Listing
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.view import LIST_ORDERS, SORT_ORDERS, View
from tuireader.ui.host import Host
from tuireader.ui.messages import SearchFailed, SearchFinished, SuggestionReady
from tuireader.ui.screens.prompt import PromptScreen

SEARCH_LIMIT = 1000
# On Enter, the best hits that fill the list (at least FIRST_PAGE) come first, shown with
# their snippets at once; the rest of the list (up to SEARCH_LIMIT) and the exact count
# follow: on a large corpus, ranking a thousand hits and counting every match cost three
# times the first page.
FIRST_PAGE = 20
LIVE_DELAY = 0.25  # seconds of no typing before a live search
LIVE_MIN_CHARS = 2
# the fields the second pass fills (exact: is in the first, the words' pass)
_ANNOTATION_CLAUSE = re.compile(r"\b(person|org|place|entity|speaker|quote):", re.IGNORECASE)
_DATE_CLAUSE = re.compile(r"\bdate:", re.IGNORECASE)
# Seconds a thread may hold the interpreter while a search runs (Python's default: 0.005).
# A search is pure-Python work on a worker thread; with the default the UI thread waited up
# to 5 ms for each turn, several times a frame, and a key pressed meanwhile missed its frame.
SEARCH_SWITCH_INTERVAL = 0.001
_switching = threading.Lock()
_searches_running = [0, 0.005]  # running searches, the interval to restore


@contextlib.contextmanager
def short_switches() -> Iterator[None]:
    """Let the UI thread take the interpreter more often while a search runs."""
    with _switching:
        if not _searches_running[0]:
            _searches_running[1] = sys.getswitchinterval()
            sys.setswitchinterval(min(SEARCH_SWITCH_INTERVAL, _searches_running[1]))
        _searches_running[0] += 1
    try:
        yield
    finally:
        with _switching:
            _searches_running[0] -= 1
            if not _searches_running[0]:
                sys.setswitchinterval(_searches_running[1])


class Search:
    def __init__(
        self, host: Host, view: View, library: Library, marks: Marks, listing: Listing
    ) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.marks = marks
        self.listing = listing
        self.on_results: Callable[[], None] | None = None  # told when results are shown
        self.history = SearchHistory()
        self.saved = SavedSearches()
        self._live_timer = None
        self.suggestion: str | None = None
        self._more_for: tuple[int, int] | None = None  # (seq, rows) a next page is asked for
        self._noted = False  # the results shown carry the "still being indexed" note

    # -- asking ----------------------------------------------------------------------------------

    def changed(self, query: str) -> None:
        """Live results: search shortly after typing pauses; the newest query wins."""
        self.stop_live()
        if not self.host.search_input.has_focus or len(query.strip()) < LIVE_MIN_CHARS:
            return
        self._live_timer = self.host.set_timer(LIVE_DELAY, lambda: self.start(query, live=True))

    def stop_live(self) -> None:
        if self._live_timer is not None:
            self._live_timer.stop()

    def run(self, query: str) -> bool:
        """Run a query for good: counted, remembered in the history (False: the query is
        empty, nothing was run)."""
        self.stop_live()
        if not query.strip():
            return False
        self.host.search_input.reset_history_position()
        try:
            self.history.add(query)
        except OSError as exc:
            self.host.show_message(f"Cannot save the search history: {exc}", error=True)
        # in the list's title, not the message bar: showing that bar is a layout change,
        # a full-screen frame that keys pressed during the search would wait behind
        self.listing.folded = ""  # the folded list's note is not the search's
        self.listing.set_title(f"Searching for {query!r}…")
        self.start(query, live=False)
        return True

    def start(self, query: str, live: bool) -> None:
        self.view.search_seq += 1
        seq = self.view.search_seq
        first_page = max(FIRST_PAGE, self.host.article_list.result_rows_in_view())
        meta_filter = self.view.meta_filter
        self.host.run_worker(
            lambda: self._search(query, seq, live, meta_filter, first_page),
            thread=True,
            group="search",
        )

    def _search(
        self, query: str, seq: int, live: bool, meta_filter: MetaFilter, first_page: int
    ) -> None:
        library, view = self.library, self.view
        view.wait_for_index(library)
        if view.stale(seq):
            return  # a newer query came while this one waited
        with short_switches():
            self._run_search(query, seq, live, meta_filter, first_page)

    def _run_search(
        self, query: str, seq: int, live: bool, meta_filter: MetaFilter, first_page: int
    ) -> None:
        library, view, post = self.library, self.view, self.host.post_message

        def search(limit: int, count: bool) -> SearchResults:
            # a newer query stops this one (it holds the engine)
            return library.search(
                query,
                narrow=meta_filter,
                limit=limit,
                count=count,
                cancelled=lambda: view.stale(seq),
            ).results

        try:
            if live:
                results = search(SEARCH_LIMIT, count=False)
                post(SearchFinished(results, seq, live))
            else:
                results = search(first_page, count=False)
                complete = len(results.hits) < first_page  # every match is in the first page
                post(SearchFinished(results, seq, live, first_page=not complete))
                if not complete and not view.stale(seq):
                    rest = search(SEARCH_LIMIT, count=True)
                    post(SearchFinished(rest, seq, live, rest=True))
        except (QueryError, UserDataError) as exc:
            post(SearchFailed(query, str(exc), seq))
            return
        except Exception as exc:  # never let a query take the app down
            post(SearchFailed(query, f"Search failed: {exc}", seq))
            return
        if not live and not results.hits:
            suggestion = library.suggest(query)
            if suggestion and not view.stale(seq):
                post(SuggestionReady(query, suggestion))

    def refresh_in_place(self) -> None:
        """The shown query again, on what is committed now; shown in place (see ``rest``)."""
        view = self.view
        view.search_seq += 1
        seq, query, meta_filter = view.search_seq, view.results.query, view.meta_filter

        def work() -> None:
            self.view.wait_for_index(self.library)
            try:
                found = self.library.search(query, narrow=meta_filter, limit=SEARCH_LIMIT)
            except Exception:  # noqa: BLE001 (the results shown stay; the next search tells)
                return
            finished = SearchFinished(found.results, seq, False, rest=True, refreshed=True)
            self.host.post_message(finished)

        self.host.run_worker(work, thread=True, group="search")

    def index_complete(self) -> None:
        """The indexing has ended: the query shown is searched again on the whole index (it
        was answered from what was committed then: "0 of 2,225 match" stayed after the entity
        pass had found them), and the note that the entity fields were incomplete goes."""
        if self.view.results is not None and self.view.similar_to is None:
            self.refresh_in_place()

    def snippet_job(self, ids: list[int]):
        """The snippets of these result rows, for the list's worker (None: no results)."""
        if self.view.results is None:
            return None
        results, seq = self.view.results, self.view.search_seq
        terms, query = results.terms, results.query

        def job() -> dict | None:
            stale = lambda: self.view.stale(seq)  # noqa: E731
            snippets = self.library.snippets(ids, terms, stop=stale, query=query)
            return None if self.view.stale(seq) else snippets

        return job

    # -- answers ---------------------------------------------------------------------------------

    def finished(self, message: SearchFinished) -> None:
        view, listing = self.view, self.listing
        if view.stale(message.seq):
            return  # a stale result: a newer query has been asked for
        results = message.results
        if message.more:  # the next page of the list, at its end
            self._add_page(results)
            return
        if message.rest:  # the whole list after its first page: the cursor and article stay
            view.results = results
            if self._noted:  # searched again once the entity pass ended (index_complete)
                self._show_note(results.query)
            if view.sort_order != "relevance":
                listing.show_sorted()
                if self.on_results is not None:
                    self.on_results()
                return
            # searched again on a grown index: a quotation's snippet may be there now (one
            # made during the entity pass stayed "…")
            self.host.article_list.set_ids(
                results.ids,
                keep_cursor=True,
                snippets=True,
                keep_badges=True,
                keep_snippets=not message.refreshed,
            )
            listing.set_title(listing.results_label(results))
            self._offer_more(results)
            if self.on_results is not None:  # near-duplicates folded (controllers/duplicates)
                self.on_results()
            return
        view.results = results
        view.similar_to = message.similar_to
        view.near_duplicates = None
        if listing.keep_open_listed and not message.live:  # the filters changed
            listing.keep_open_listed = False
        self.suggestion = None
        view.sort_order = "relevance"
        lst = self.host.article_list
        lst.set_ids(results.ids, keep_cursor=False, snippets=True)
        listing.folded = ""  # a new list: folded again once its groups are found
        self._offer_more(results if not (message.live or message.first_page) else None)
        listing.set_title(listing.results_label(results, message.live or message.first_page))
        lst.empty_message = (
            f"No articles match {results.query!r}."
            if view.similar_to is None
            else "No other article is like this one."
        )
        if not view.meta_filter.empty:
            lst.empty_message = lst.empty_message[:-1] + f" ({view.meta_filter.label()})."
        if not results.ids and not message.live and self._undated_date_query(results.query):
            lst.empty_message += " None of the articles has a date."
        self._show_note(results.query)
        if self.on_results is not None and not message.live:
            self.on_results()
        if results.ids and not message.live:
            self.host.focus_list()  # the reading pane in focus mode
            if view.similar_to is None:  # more like this: the article compared stays open
                self.host.open_article(results.ids[0], preview=True)
        elif view.similar_to is None and not message.live:
            # none found (or none left by the filters): the article open is no match, so it
            # is not shown beside the empty list; Esc brings it back
            self.host.close_article(lst.empty_message)

    def _undated_date_query(self, query: str) -> bool:
        """A date: query on a corpus none of whose articles has a date (the list is newest
        first, undated last: its first article says)."""
        if not _DATE_CLAUSE.search(query):
            return False
        return len(self.library.ordered_id_array()) > 0 and not self.library.has_dates()

    # -- the pages after the first 1,000 -------------------------------------------------------

    def _offer_more(self, results: SearchResults | None) -> None:
        """No cap on the list: near its end, the next page of matches is added (relevance
        order; another order lists every match already)."""
        lst = self.host.article_list
        more = (
            results is not None
            and self.view.similar_to is None
            and len(results.ids) < results.total
            and len(results.ids) >= SEARCH_LIMIT
        )
        lst.near_end = self._next_page if more else None

    def _next_page(self) -> None:
        view = self.view
        results, seq = view.results, view.search_seq
        if results is None or view.sort_order != "relevance":
            return
        rows = len(results.ids)
        if self._more_for == (seq, rows):
            return  # already asked for
        if not set(self.host.article_list.ids) <= set(results.ids):
            return  # the list shows something else now (folded near-duplicates are of it)
        self._more_for = (seq, rows)
        query, meta_filter = results.query, view.meta_filter

        def work() -> None:
            try:
                found = self.library.search(
                    query,
                    narrow=meta_filter,
                    limit=SEARCH_LIMIT,
                    offset=rows,
                    count=False,
                    cancelled=lambda: view.stale(seq),
                )
            except Exception:  # noqa: BLE001 (the list shown stays; scrolling asks again)
                self._more_for = None
                return
            self.host.post_message(SearchFinished(found.results, seq, False, more=True))

        self.host.run_worker(work, thread=True, group="more")

    def _add_page(self, page: SearchResults) -> None:
        results = self.view.results
        if results is None:
            return
        known = set(results.ids)
        added = [hit for hit in page.hits if hit.article_id not in known]
        merged = SearchResults(
            query=results.query,
            hits=results.hits + added,
            total=max(results.total, len(results.hits) + len(added)),
            terms=results.terms,
            title_terms=results.title_terms,
        )
        self.view.results = merged
        self.host.article_list.set_ids(
            merged.ids, keep_cursor=True, snippets=True, keep_badges=True, keep_snippets=True
        )
        self.listing.set_title(self.listing.results_label(merged))
        self._offer_more(merged if added else None)
        if self.on_results is not None and added:  # the longer list's near-duplicates folded
            self.on_results()

    def _show_note(self, query: str) -> None:
        note = self._coverage_note(query)
        self._noted = bool(note)
        self.host.show_message(note)

    def _coverage_note(self, query: str) -> str:
        """Say so when a query uses entity or quotation fields that are still being filled."""
        view = self.view
        if not _ANNOTATION_CLAUSE.search(query):
            return ""
        if view.syncing and view.sync_stage == "annotations":
            return (
                "Entities and quotations are still being indexed: person:, org:, place:, "
                "entity:, speaker: and quote: do not cover every article yet."
            )
        if view.other_syncing:
            return (
                "Another tuireader is indexing this corpus: person:, org:, place:, entity:, "
                "speaker: and quote: may not cover every article yet."
            )
        return ""

    def failed(self, message: SearchFailed) -> None:
        if not self.view.stale(message.seq):
            self.host.show_message(message.message, error=True)
            self.listing.restore_title()

    def suggested(self, message: SuggestionReady) -> None:
        self.suggestion = message.suggestion
        self.host.show_message(
            f"No articles match {message.query!r}. Did you mean {message.suggestion!r}? "
            "(Ctrl+Y to search for it)"
        )

    def accept_suggestion(self) -> None:
        """Search for the spelling offered after a query found nothing (Ctrl+Y); said so when
        none is offered (the key did nothing)."""
        if self.suggestion:
            suggestion, self.suggestion = self.suggestion, None
            self.host.run_search_from_palette(suggestion)
            return
        self.host.notify(
            "No spelling to accept: Ctrl+Y searches for the one offered after a search that "
            "found nothing."
        )

    def clear(self) -> bool:
        """Forget the search (any still running is stale); whether results were shown."""
        self.stop_live()
        self.view.search_seq += 1
        had_results = self.view.results is not None
        self.view.results = None
        self.view.similar_to = None
        self.host.search_input.value = ""
        self.host.show_message("")
        return had_results

    # -- sorting, saving -------------------------------------------------------------------------

    def cycle_sort(self) -> None:
        """Relevance, newest, oldest, title: re-order the result list; newest, oldest,
        title: the list of every article."""
        view = self.view
        if view.results is None:
            order = LIST_ORDERS[(LIST_ORDERS.index(view.list_order) + 1) % len(LIST_ORDERS)]
            view.list_order = order
            self.listing.reload()
            undated = " (undated articles last)" if order != "title" else ""
            self.host.notify_replacing("sort", f"Sorted by {order}{self._no_dates(order, undated)}")
            return
        order = SORT_ORDERS[(SORT_ORDERS.index(view.sort_order) + 1) % len(SORT_ORDERS)]
        view.sort_order = order
        self.listing.show_sorted()
        if self.on_results is not None:  # the sorted list's near-duplicates folded
            self.on_results()
        self.host.notify_replacing("sort", f"Sorted by {order}{self._no_dates(order)}")

    def _no_dates(self, order: str, otherwise: str = "") -> str:
        """What a sort by date says when no article has one: the order did not change."""
        if order not in ("newest", "oldest") or self.library.has_dates():
            return otherwise
        kept = "the files' order" if self.view.results is None else "the order by relevance"
        return f": no article has a date, so the list keeps {kept} (O again: by title)"

    def save_current(self) -> None:
        results = self.view.results
        query = self.host.search_input.value.strip() or (results.query if results else "")
        if not query:
            self.host.notify("Run a search first, then save it.")
            return

        def named(name: str | None) -> None:
            if name:
                try:
                    self.saved.save(name, query)
                    self.host.notify(f"Saved search {name!r}: {query}")
                except (OSError, ValueError) as exc:
                    self.host.show_message(f"Cannot save the search: {exc}", error=True)

        self.host.push_screen(PromptScreen(f"Name for the search {query!r}:"), named)
