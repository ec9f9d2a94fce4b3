"""What the list shows and what its header says: every article (under the filters), or the
results of a search or of "more like this", in the order chosen."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence
from contextlib import suppress

from textual.css.query import NoMatches

from tuireader.core.base.wording import counted
from tuireader.core.investigate.near_duplicates import is_near_duplicate
from tuireader.core.library import Library
from tuireader.core.search import SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.ui.controllers.filters import Filters
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host

NONE_PASS = "No articles pass the filters (Ctrl+P: Clear filters)."


def header_forms(label: str, folded: str, filters: str) -> list[str]:
    """The list's header, longest first, then shorter forms for a narrow list (the first that
    fits is shown). What goes last: the count and the filters in force; before them, how many
    near-duplicates are folded; first, the rest of the label ("2,224 unread", its noun).

    "2,225 articles · 2,224 unread · 177 near-duplicates folded (D: show all) · source: Wire"
    → … "2,225 (2,224 unread) · 177 folded · source: Wire" … "2,225 · source: Wire"."""
    head, _, rest = label.partition(" · ")
    short_folded = re.sub(r" near-duplicates? folded.*", " folded", folded)
    bare = re.sub(r" articles?$", "", head)  # "2,225 articles" → "2,225"

    def join(*parts: str) -> str:
        return " · ".join(p for p in parts if p)

    forms = [
        join(label, folded, filters),
        join(label, short_folded, filters),
        join(f"{bare} ({rest})" if rest and bare != head else label, short_folded, filters),
        join(head, short_folded, filters),
        join(bare, short_folded, filters),
        join(head, filters),
        join(bare, filters),
    ]
    return list(dict.fromkeys(forms))  # (each once, in order)


class Listing:
    def __init__(
        self, host: Host, view: View, library: Library, marks: Marks, filters: Filters
    ) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.marks = marks
        self.filters = filters
        self.on_all_shown: Callable[[], None] | None = None  # told when every article is shown
        # "40 near-duplicates folded (D: show all)" while the list shown is folded (set by
        # controllers/duplicates): kept in every header, a mark toggled too
        self.folded = ""
        # the filters changed: once the list is shown, the reading pane shows one of its
        # articles (the open one if listed, else the first), not one the filters leave out
        self.keep_open_listed = False

    def reload(self) -> None:
        """Show every article (after a sync commit, or when a search is cleared). Under an
        entity filter the articles are found in a worker: after a commit the entity table is
        read again (half a second at 100k articles)."""
        library, view = self.library, self.view
        self.filters.forget_sources()
        meta_filter, order = view.meta_filter, view.list_order
        if meta_filter.within is None and order == "newest":
            self._show_all(library.ordered_id_array(meta_filter))
            return

        def find() -> None:
            ids = library.ordered_id_array(meta_filter)
            if order != "newest":  # (each article's row read: in the worker)
                ordered = library.sorted_ids(ids, order)
                ids = array(ids.typecode, ordered) if isinstance(ids, array) else ordered
            self.host.call_from_thread(self._show_found, ids, meta_filter, order)

        self.host.run_worker(find, thread=True, group="listing", exclusive=True)

    def _show_found(
        self, ids: Sequence[int], meta_filter: MetaFilter, order: str = "newest"
    ) -> None:
        """The list found in a worker, unless the filters or the order changed meanwhile
        (their own reload shows it) or the app is closing."""
        if meta_filter is self.view.meta_filter and order == self.view.list_order:
            with suppress(NoMatches):
                self._show_all(ids)

    def _show_all(self, ids: Sequence[int]) -> None:
        library, view = self.library, self.view
        view.total = len(ids) if view.meta_filter.empty else library.count()
        self.marks.refresh()
        lst = self.host.article_list
        if view.results is None:
            lst.set_ids(ids)
            self.folded = ""  # a new list: folded again once its groups are found
            self.set_title(self.marks.all_articles_label())
            if self.on_all_shown is not None:  # near-duplicates folded (controllers/duplicates)
                self.on_all_shown()
            if self.keep_open_listed:
                self.keep_open_listed = False
                self._open_listed(ids)
        else:
            lst.forget_rows()
            self.keep_open_listed = False  # a search shows its first result itself
        if not ids:
            lst.empty_message = (
                "Indexing…"
                if view.syncing or not view.synced  # (the first sync starts after a frame)
                else "Another tuireader is indexing this corpus…"
                if view.other_syncing
                else self._nothing_read()
                if view.meta_filter.empty or not view.total
                else NONE_PASS
            )
            lst.refresh()
            done = view.synced and not view.syncing and not view.other_syncing
            if done and view.results is None and view.open_id is None and view.meta_filter.empty:
                # no article to choose ("Choose an article." beside "No articles found.")
                self.host.reader.show_placeholder(lst.empty_message)

    def _open_listed(self, ids: Sequence[int]) -> None:
        """The cursor on the open article if the list has it (or on the one the filters
        closed), else on the first, opened; none listed: the reading pane says so."""
        lst, open_id, closed_id = self.host.article_list, self.view.open_id, self.view.closed_id
        if open_id is not None and lst.move_to(open_id):
            return
        if open_id is None and closed_id is not None and lst.move_to(closed_id):
            self.host.open_article(closed_id, preview=True)
        elif len(ids):
            lst.move_to(ids[0])
            self.host.open_article(ids[0], preview=True)
        else:
            self.host.close_article(NONE_PASS)

    def _nothing_read(self) -> str:
        """The empty corpus's message: why, when its files could not be read (a binary file
        named .jsonl, a folder of unknown formats)."""
        if self.view.results is not None:
            return "No articles found."
        skipped = self.library.skip_count()
        if not skipped:
            return "No articles found."
        items = counted(skipped, "item")
        return f"No articles: {items} could not be read (Ctrl+P › Skipped items says why)."

    def set_title(self, label: str) -> None:
        """The list's header with the filters in force; never read as markup (a source name
        is corpus data)."""
        self.host.article_list.set_header(
            header_forms(label, self.folded, self.view.meta_filter.label())
        )

    def results_label(self, results: SearchResults, live: bool = False) -> str:
        """The list header: "37 of 19,043 match"; "+" when a live count is an estimate."""
        if self.view.similar_to is not None:
            return self.similar_label(results)
        shown = len(results.ids)
        total = self.view.total
        if live and results.total > shown:
            return f"{results.total:,}+ of {total:,} match"
        label = f"{results.total:,} of {total:,} match"
        if shown < results.total:
            label += f" (top {shown:,})"
        return label

    def similar_label(self, results: SearchResults) -> str:
        """ "12 similar, 3 near-duplicates" (while the texts are compared: "comparing texts…")."""
        label = f"{len(results.ids):,} similar"
        shares = self.view.near_duplicates
        if shares is None:
            return label + " · comparing texts…" if results.ids else label
        near = sum(1 for share in shares.values() if is_near_duplicate(share))
        return f"{label}, {counted(near, 'near-duplicate')}"

    def restore_title(self) -> None:
        """The header says what the list shows again (not "Searching for …" after a query
        that failed: the list kept what it had)."""
        results = self.view.results
        if results is None:
            self.set_title(self.marks.all_articles_label())
            return
        label = self.results_label(results)
        if self.view.sort_order != "relevance":
            label += f" · {self.view.sort_order}"
        self.set_title(label)

    def show_sorted(self) -> None:
        """The results in the sort order chosen (relevance, newest, oldest, title)."""
        results = self.view.results
        order = self.view.sort_order
        ids = self.library.sorted_ids(results.ids, order)
        self.host.article_list.set_ids(ids, keep_cursor=True, snippets=True, keep_badges=True)
        self.set_title(self.results_label(results) + f" · {order}")
