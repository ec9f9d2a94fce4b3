"""Near-duplicates collapsed in a list (results, or every article): the wire story run by
several outlets shows once, its first article leading with a count ("≈ 3 copies"); ``=``
expands or folds the group under the cursor, ``D`` shows every article (and collapses them
again).

The groups are found in a worker after the list is shown (``Library.duplicate_groups``: the
near-duplicate pairs the annotation pass found, joined over the whole list), so the list never
waits for them; a results list is folded again as its later pages are added.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

from textual.css.query import NoMatches

from tuireader.core.base.wording import counted
from tuireader.core.library import Library
from tuireader.ui.controllers.search import Search
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host


class Duplicates:
    def __init__(self, host: Host, view: View, library: Library, search: Search) -> None:
        search.on_results = self.results_shown
        search.listing.on_all_shown = self.results_shown
        self.host = host
        self.view = view
        self.library = library
        self.listing = search.listing
        self.show_all = False
        self.full: Sequence[int] = []  # the list as shown before folding (an array: every
        # article's, see ArticleList)
        self._shown: Sequence[int] | None = None  # the list object last shown or folded here
        self.groups: dict[int, list[int]] = {}  # leader -> its group (leader first)
        self.expanded: set[int] = set()
        self._seq = 0  # the list shown last (a worker's groups for an older one are dropped)

    def results_shown(self) -> None:
        """A list was shown: find its near-duplicates (in a worker), then fold them."""
        # not copied (the list never changes a list it is given: a new one replaces it)
        ids = self._shown = self.host.article_list.ids
        self._seq += 1
        seq = self._seq
        longer = bool(self.groups) and ids[: len(self.full)] == self.full  # a page added
        self.full = ids
        if self.view.results is not None and self.view.similar_to is not None:
            # more like this: its near-duplicates are marked, not folded (and the groups of
            # the list before it are no longer this list's: D put that list back)
            self.groups, self.expanded = {}, set()
            self.listing.folded = ""
            return
        if longer:  # folded as before meanwhile, its groups found again below
            self._show()
        else:
            self.groups, self.expanded = {}, set()
            self.listing.folded = ""
        if len(ids) < 2:
            return

        def find() -> None:
            groups = self.library.duplicate_groups(ids)
            self.host.call_from_thread(self._found, seq, ids, groups)

        # after the list is drawn: comparing texts holds the interpreter, and the first frame
        # (at launch, the list filled) comes first
        self.host.call_after_refresh(
            lambda: self.host.run_worker(find, thread=True, group="duplicates", exclusive=True)
        )

    def _found(self, seq: int, ids: Sequence[int], groups: list[list[int]]) -> None:
        try:
            shown = self.host.article_list.ids
        except NoMatches:  # the app is closing (its screen gone)
            return
        if seq != self._seq:
            return  # another list since (folded as before meanwhile: a page added)
        # the list shown or folded here needs no check (a set of a million ids takes a while)
        if shown is not self._shown and not set(shown) <= set(ids):
            return  # another list since (a live search's)
        self.groups = {group[0]: group for group in groups}
        if self.groups:
            self._show()

    def _show(self) -> None:
        hidden: set[int] = set()
        badges: dict[int, str] = {}
        for leader, group in self.groups.items():
            copies = len(group) - 1
            if self.show_all or leader in self.expanded:
                badges[leader] = f"≈ {copies} cop{'y' if copies == 1 else 'ies'} below"
                for member in group[1:]:
                    badges[member] = "↳ near-duplicate"
            else:
                badges[leader] = f"≈ +{copies} cop{'y' if copies == 1 else 'ies'} (= expands)"
                hidden.update(group[1:])
        shown = _kind_of(self.full, self._order(hidden))
        lst = self.host.article_list
        results = self.view.results
        snippets = results is not None
        lst.set_ids(
            shown, keep_cursor=True, snippets=snippets, keep_snippets=snippets, whole=self.full
        )
        self._shown = shown
        lst.set_badges(badges)
        folded = len(self.full) - len(shown)
        # (the all-articles label counted now: a mark toggled since the list was shown counts)
        listing = self.listing
        label = listing.results_label(results) if snippets else listing.marks.all_articles_label()
        if snippets and self.view.sort_order != "relevance":
            label += f" · {self.view.sort_order}"
        self.listing.folded = (
            f"{counted(folded, 'near-duplicate')} folded (D: show all)" if folded else ""
        )
        self.listing.set_title(label)

    def _order(self, hidden: set[int]) -> Iterator[int]:
        """The list without the ``hidden`` articles, the members of the groups shown right
        after their leader (in the list's order: a leader comes before its members)."""
        if not (self.show_all or self.expanded):
            yield from (i for i in self.full if i not in hidden)
            return
        moved = {m for group in self.groups.values() for m in group[1:] if m not in hidden}
        for article_id in self.full:
            if article_id in hidden or article_id in moved:
                continue
            yield article_id
            group = self.groups.get(article_id)
            if group is not None and group[1] in moved:
                yield from group[1:]

    def toggle_all(self) -> None:
        if not self.groups:
            self.host.notify("No near-duplicates in this list.")
            return
        self.show_all = not self.show_all
        self.expanded.clear()
        self._show()

    def expand(self) -> None:
        """Expand (or fold again) the group whose leader or member is under the cursor."""
        current = self.host.article_list.current_id
        for leader, group in self.groups.items():
            if current in group:
                self.expanded.symmetric_difference_update({leader})
                self._show()
                self.host.article_list.move_to(leader)
                return
        self.host.notify("This article has no near-duplicates in the list.")


def _kind_of(like: Sequence[int], ids: Iterable[int]) -> Sequence[int]:
    """``ids`` as a list, or as an array when ``like`` is one (every article's list)."""
    return array(like.typecode, ids) if isinstance(like, array) else list(ids)
