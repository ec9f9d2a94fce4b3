"""The reading pane's article: opening one (read in a worker), stepping through the list,
finding in it, and the articles that quote it.

Opened by the user (Enter, click, ], [, the palette) an article is marked read; shown by the
app itself (the last one at start, a search's top hit) it is a ``preview`` and keeps its mark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.widgets import Input

from tuireader.core.base.text import clean_line, visible
from tuireader.core.base.wording import counted
from tuireader.core.cache.store import ArticleRow
from tuireader.core.library import ArticleUnavailable, ArticleView, Library, QuoteSource
from tuireader.core.present.find import find_all
from tuireader.core.user.state import UserState
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.messages import ArticleReady
from tuireader.ui.widgets.reading_pane import ShownArticle


class Reading:
    def __init__(
        self,
        host: Host,
        view: View,
        library: Library,
        marks: Marks,
        settings: Settings,
        state: UserState,
    ) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.marks = marks
        self.settings = settings
        self.state = state
        self.restore_key = state.last_open(library.corpus.id)
        self.starting = True  # the first frame comes before any background work
        self.index_opened = False
        self._before_find: tuple | None = None  # (article id, hits, title hits) before a find
        self._shown_unindexed = False  # the open article was read before the index was open
        self._view: ArticleView | None = None  # the article shown, as the door gave it
        self.on_shown: Callable[[int], None] | None = None  # told each article shown

    def restore_last_open(self) -> None:
        """Show the article open when the reader last closed (else the list's first, once the
        text pass has listed every article: the entity pass may take minutes)."""
        library = self.library
        if self.starting or self.view.open_id is not None or self.view.closed_id is not None:
            return  # (closed by the filters: the list they pass opens its own)
        lst = self.host.article_list
        row = library.by_key(self.restore_key) if self.restore_key else None
        listed = not self.view.syncing or self.view.sync_stage == "annotations"
        if row is None and lst.ids and listed:
            row = library.get(lst.ids[0])
        if row is not None:
            self.restore_key = None
            lst.move_to(row.id)
            self.open(row.id, preview=True)

    # -- opening ---------------------------------------------------------------------------------

    def open(self, article_id: int, refresh: bool = False, preview: bool = False) -> None:
        """Read an article from the corpus (in a thread) and show it."""
        row = self.library.get(article_id)
        if row is None:
            return
        self.view.open_id = article_id
        self.view.closed_id = None
        self.host.article_list.set_open(article_id)
        if not refresh and not preview:
            self.marks.opened(row)
        corpus = self.library.corpus
        self.state.set_last_open(corpus.id, [str(p) for p in corpus.paths], row.key)
        self.host.run_worker(self._save_state, thread=True, group="state", exclusive=True)
        results = self.view.results
        terms = results.terms if results else frozenset()
        title_terms = results.title_terms if results else None
        title_terms = terms if title_terms is None else title_terms
        self.host.run_worker(
            lambda: self._load(row, terms, refresh, title_terms),
            thread=True,
            group="open",
            exclusive=True,
        )

    def close(self, placeholder: str) -> None:
        """No article in the reading pane, and why (the filters leave the list empty: an
        article they leave out is not shown as if listed); the one open comes back when the
        list has it again."""
        view = self.view
        if view.open_id is not None:
            view.closed_id = view.open_id
        view.open_id = None
        self._view = None
        self._before_find = None
        self.host.article_list.set_open(None)
        self.host.reader.show_placeholder(placeholder)
        self.host.panel.show_nothing()

    def _save_state(self) -> None:
        """Remember the open article for the next start: on a worker thread, since the
        file's fsyncs can take tens of milliseconds (a key held down opens article after
        article)."""
        try:
            self.state.save()
        except OSError as exc:
            self.host.call_from_thread(self.host.show_message, f"Cannot save state: {exc}", True)

    def _load(
        self, row: ArticleRow, terms: frozenset[str], refresh: bool, title_terms: frozenset[str]
    ) -> None:
        try:
            view = self.library.article(row.id, terms, title_terms)
        except ArticleUnavailable as exc:  # a file that vanished or changed since indexing
            self.host.post_message(ArticleReady(row.id, None, str(exc)))
            return
        except Exception as exc:  # a store or index that fails: said, the app goes on
            error = f"Cannot read {visible(row.key)}: {exc}"
            self.host.post_message(ArticleReady(row.id, None, error))
            return
        self.host.post_message(ArticleReady(row.id, view, refresh=refresh))

    def ready(self, message: ArticleReady) -> None:
        host = self.host
        if message.article_id != self.view.open_id:
            return  # another article since
        reader = host.reader
        view = message.view
        if view is None:
            reader.show_placeholder(message.error)
            host.show_message(message.error, error=True)
            return
        self._view = view
        reader.show(self._shown(view), keep_position=message.refresh)
        if self.on_shown is not None:  # e.g. scroll to a quotation chosen in who-said-what
            self.on_shown(message.article_id)
        host.panel.show_annotations(view.all_annotations, reader.label_styles(), len(view.shared))
        self._shown_unindexed = not view.indexed
        self._before_find = None  # shown afresh: no find highlighted
        ready = self.library.index_open
        if self._shown_unindexed and self.index_opened and ready:
            self.open(message.article_id, refresh=True)

    def _shown(self, view: ArticleView) -> ShownArticle:
        """What the reading pane draws of an opened article (the date as configured); its
        marks read again here: one set while the worker read the article counts."""
        marks = self.marks.current(view.article.key, view.marks)
        return ShownArticle(
            view.article,
            view.meta(self.settings.pane_date),
            view.hits,
            view.title_hits,
            view.annotations,
            view.title_annotations,
            view.shared,
            starred=marks.starred,
            tags=tuple(marks.tags),
            note=marks.note,
            location=view.location,
        )

    def opened_index(self) -> None:
        """The article reopened at start was read before the index was open: read it again
        for its "quoted elsewhere" marks (a restart with nothing to index has no sync to
        refresh it)."""
        self.index_opened = True
        if self._shown_unindexed and self.view.open_id is not None:
            self.open(self.view.open_id, refresh=True)

    def step(self, delta: int) -> None:
        """The next (1) or previous (-1) article in the list from the open one."""
        lst = self.host.article_list
        if not lst.ids:
            return
        position = lst.cursor
        open_id = self.view.open_id
        if open_id is not None and lst.current_id != open_id:
            try:
                position = lst.ids.index(open_id)
            except ValueError:
                delta = 0  # the open article is not in the list: the cursor's comes next
        position = max(0, min(len(lst.ids) - 1, position + delta))
        lst.cursor = position
        self.open(lst.ids[position])

    # -- finding ---------------------------------------------------------------------------------

    def find(self) -> None:
        if self.host.reader.shown is None:
            return
        find = self.host.find_input
        find.remove_class("hidden")
        find.focus()

    def find_submitted(self, event: Input.Submitted) -> None:
        reader = self.host.reader
        shown = reader.shown
        if shown is None:
            return
        if self._before_find is None:  # the search's hits, for Esc to bring back
            self._before_find = (self.view.open_id, shown.hits, shown.title_hits)
        count = reader.set_hits(find_all(shown.article.body, event.value))
        self.host.show_message(
            f"{counted(count, 'match', 'matches')} of {event.value.strip()!r} (n/N to move)"
            if count
            else f"{event.value.strip()!r} is not in this article.",
            error=not count,
        )
        event.input.add_class("hidden")
        reader.focus()

    def escape_find(self) -> bool:
        """Esc in the find field hides it; Esc after a find (f) brings the article's search
        hits back. False when neither applies."""
        find = self.host.find_input
        if self.host.focused is find:
            find.add_class("hidden")
            self.host.reader.focus()
            return True
        before, self._before_find = self._before_find, None
        reader = self.host.reader
        shown = reader.shown
        if before is None or shown is None or before[0] != self.view.open_id:
            return False
        _article_id, hits, title_hits = before
        reader.show(replace(shown, hits=hits, title_hits=title_hits), keep_position=True)
        self.host.show_message("")
        return True

    def next_match(self, direction: int) -> None:
        if not self.host.reader.next_hit(direction):
            self.host.show_message("No matches in this article (search with / or find with f).")

    # -- quoted elsewhere ------------------------------------------------------------------------

    def quote_sources(self) -> None:
        view = self._view
        if self.view.open_id is None or self.host.reader.shown is None:
            self.host.notify("Open an article first.")
            return
        if view is None or view.id != self.view.open_id or not view.shared:
            self.host.notify("No quotation of this article was found in another article.")
            return
        self.host.run_worker(
            lambda: self._find_quote_sources(view), thread=True, group="quotes", exclusive=True
        )

    def _find_quote_sources(self, view: ArticleView) -> None:
        copies = self.library.quote_sources(view)
        rows = self.library.rows(sorted({copy.article_id for copy in copies}))
        where = {
            article_id: " · ".join(clean_line(x) for x in (row.source, self._date_of(row)) if x)
            for article_id, row in rows.items()
        }
        self.host.call_from_thread(self._show_quote_sources, copies, where)

    def _date_of(self, row: ArticleRow) -> str:
        return self.settings.pane_date(row.date) if row.date else row.date_text

    def _show_quote_sources(self, copies: list[QuoteSource], where: dict[int, str]) -> None:
        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.host.article_list.move_to(article_id)
                self.open(article_id)

        from tuireader.ui.screens.quote_sources import QuoteSourcesScreen  # (not at launch)

        self.host.push_screen(QuoteSourcesScreen(copies, where), chosen)
