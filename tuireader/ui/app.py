"""The reader app: list pane, reading pane, command bar, over a core Corpus.

The app composes the widgets, routes keys and workers' messages, and implements the narrow
protocol (``tuireader.ui.host.Host``) through which the controllers (plain classes in
``tuireader.ui.controllers``, one per concern) work on the screen. Nothing else imports it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import suppress

from textual import events, on
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from tuireader.core.base.log import log_file
from tuireader.core.cache.corpus import Corpus
from tuireader.core.library import Library
from tuireader.core.user.state import UserState
from tuireader.ui.bindings import ALL_BINDINGS, help_sections, known_binding_ids
from tuireader.ui.commands import (
    ArticleCommands,
    CorpusCommands,
    FilterCommands,
    UserCommands,
    system_commands,
)
from tuireader.ui.controllers.corpora import Corpora
from tuireader.ui.controllers.export import Export
from tuireader.ui.controllers.filters import Filters
from tuireader.ui.controllers.indexing import FOLLOW_INTERVAL, Indexing
from tuireader.ui.controllers.investigating import Investigating
from tuireader.ui.controllers.layout import Panes
from tuireader.ui.controllers.listing import Listing
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.reading import Reading
from tuireader.ui.controllers.search import Search
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.controllers.similar import Similar
from tuireader.ui.controllers.view import View
from tuireader.ui.messages import (
    ArticleReady,
    IndexOpened,
    NearDuplicatesFound,
    SearchFailed,
    SearchFinished,
    SuggestionReady,
    SyncFinished,
    SyncProgressed,
)
from tuireader.ui.notices import NoticesApp
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.clean_input import CleanInput
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.footer import ReaderFooter
from tuireader.ui.widgets.indexing_bar import IndexingBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar

SKIPPED_SHOWN = 2000


class ReaderApp(NoticesApp[Corpus | None]):
    """Read and search one corpus; the result is the corpus to switch to (see corpora.py)."""

    CSS_PATH = "app.tcss"
    TITLE = "tuireader"
    COMMANDS = App.COMMANDS | {ArticleCommands, CorpusCommands, FilterCommands, UserCommands}
    AUTO_FOCUS = "#list"
    BINDINGS = ALL_BINDINGS

    def __init__(self, corpus: Corpus, state: UserState | None = None) -> None:
        super().__init__()
        self.state = state or UserState.load()
        self.view = View()
        # the corpus's store (read ahead after the first frame); its index opens in a worker
        self.library = Library(corpus, read_ahead=False)
        self.settings = Settings(self.library)
        if self.settings.css:
            self.CSS = self.settings.css  # colours become app CSS, read with the stylesheet
        self.marks = Marks(self, self.view, self.library, self.settings)
        self.exports = Export(self, self.view, self.library, self.marks)
        self.panes = Panes(self, self.settings)
        self.filters = Filters(self, self.view, self.library)
        self.listing = Listing(self, self.view, self.library, self.marks, self.filters)
        self.searching = Search(self, self.view, self.library, self.marks, self.listing)
        self.similar = Similar(self, self.view, self.library, self.listing)
        self.reading = Reading(self, self.view, self.library, self.marks, self.settings, self.state)
        self.indexing = Indexing(self, self.view, self.library, self.settings, self.searching)
        self.corpora = Corpora(self, self.library, self.settings)
        self.investigating = Investigating(self, self.filters, self.reading, self.searching)

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="panes"):
            yield ArticleList(self.library.rows, self.searching.snippet_job, id="list")
            with Horizontal(id="reading"):
                yield ReadingPane(id="reader")
                yield EntityPanel(id="panel")
        yield IndexingBar(id="indexing")
        yield Static("", id="message", classes="empty")
        yield CleanInput(
            placeholder="find in this article (Enter; n/N next/previous; Esc closes)",
            id="find",
            classes="hidden",
        )
        yield SearchBar(
            self.searching.history.entries,
            placeholder='/ search: words, "a phrase", OR, NOT, title:…  (Esc: back to all)',
            id="search",
        )
        yield ReaderFooter()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#list", ArticleList)

    @property
    def reader(self) -> ReadingPane:
        return self.query_one("#reader", ReadingPane)

    @property
    def panel(self) -> EntityPanel:
        return self.query_one("#panel", EntityPanel)

    @property
    def search_input(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    @property
    def find_input(self) -> Input:
        return self.query_one("#find", Input)

    @property
    def indexing_bar(self) -> IndexingBar:
        return self.query_one("#indexing", IndexingBar)

    @property
    def pane_area(self) -> Horizontal:  # the panes' container: the layout is set on it
        return self.query_one("#panes", Horizontal)

    def on_mount(self) -> None:
        self.sub_title = self.library.corpus.name
        for notice in self.library.take_notices():  # the cache set aside, the user data
            self.notify(notice, severity="warning", timeout=12)
        self.settings.apply(self, self, lambda: known_binding_ids(type(self)))
        self.marks.mount()
        self.panes.mount()
        self.sub_title = self.corpora.mount()  # the name "Switch corpus" shows for it
        searching = self.searching
        for warning in (self.state.warning, searching.history.warning, searching.saved.warning):
            if warning:
                self.notify(warning, severity="warning", timeout=10)
        self.reload_list()
        self.indexing.mount()
        self.set_interval(FOLLOW_INTERVAL, self.indexing.follow_other_writers)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Threads that read (the index) would compete with the first frame: they start now,
        and the list of corpora is saved. The garbage collector, held off by the command
        line until the first frame (cli.run_open), runs again."""
        gc.enable()
        self.library.read_ahead()
        self.corpora.remember()
        self.reading.starting = False
        self.reading.restore_last_open()
        self.indexing.start()

    def on_unmount(self) -> None:
        self.indexing.stop()  # the sync stops; the garbage collector gets back what it set apart

    def release(self) -> None:  # once the app has ended (its workers are done)
        self.corpora.release()

    def on_resize(self, event: events.Resize) -> None:
        # not composed yet, or a dialog on top (NoMatches): done when next needed
        with suppress(NoMatches):
            self.panes.apply(event.size.width)  # the panel's room depends on the width

    # -- the Host protocol's acts ----------------------------------------------------------

    def open_article(self, article_id: int, refresh: bool = False, preview: bool = False) -> None:
        self.reading.open(article_id, refresh, preview)

    def close_article(self, placeholder: str) -> None:
        self.reading.close(placeholder)

    def run_search(self, query: str) -> None:
        if not self.searching.run(query):
            self.action_clear_search()

    def run_search_from_palette(self, query: str) -> None:
        self.search_input.value = query
        self.run_search(query)

    def reload_list(self) -> None:
        self.listing.reload()
        self.reading.restore_last_open()

    def refresh_results(self) -> None:
        """The full list, the search or the more-like-this list, under the filters now on."""
        view = self.view
        self.listing.keep_open_listed = True  # (the list may be found in a worker)
        if view.results is None:
            self.reload_list()
        elif view.similar_to is not None:
            self.similar.find(view.similar_to)
        else:
            self.set_list_title(f"Searching for {view.results.query!r}…")
            self.searching.start(view.results.query, live=False)

    def focus_list(self) -> None:
        self.panes.focus_list()

    def set_list_title(self, label: str) -> None:
        self.listing.set_title(label)

    def show_message(self, text: str, error: bool = False) -> None:
        widget = self.query_one("#message", Static)
        widget.update(Content(text))
        widget.set_class(not text, "empty")
        widget.set_class(error, "error")

    # -- workers' messages -----------------------------------------------------------------

    def on_sync_progressed(self, message: SyncProgressed) -> None:
        self.indexing.progressed(message)

    def on_sync_finished(self, message: SyncFinished) -> None:
        self.indexing.finished(message)

    def on_index_opened(self, _message: IndexOpened) -> None:
        if self.query("#list"):  # not when the app is ending
            self.reading.opened_index()

    def on_article_ready(self, message: ArticleReady) -> None:
        if self.query("#reader"):  # not when the app is ending (switching corpus)
            self.reading.ready(message)

    def on_search_finished(self, message: SearchFinished) -> None:
        self.searching.finished(message)

    def on_search_failed(self, message: SearchFailed) -> None:
        self.searching.failed(message)

    def on_suggestion_ready(self, message: SuggestionReady) -> None:
        # not an Input's completion (textual.suggester.SuggestionReady) bubbling up
        if isinstance(message, SuggestionReady):
            self.searching.suggested(message)

    def on_near_duplicates_found(self, message: NearDuplicatesFound) -> None:
        self.similar.near_duplicates_found(message)

    @on(ArticleList.Opened)
    def _on_list_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)

    @on(EntityPanel.OptionSelected, "#panel")
    def _on_panel_selected(self, event: EntityPanel.OptionSelected) -> None:
        if event.option.id:
            self.run_search_from_palette(event.option.id)

    @on(Input.Submitted, "#search")
    def _on_search_submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    @on(Input.Changed, "#search")
    def _on_search_changed(self, event: Input.Changed) -> None:
        if event.input.is_attached:  # not a change still queued while the app closes
            self.searching.changed(event.value)

    @on(Input.Submitted, "#find")
    def _on_find_submitted(self, event: Input.Submitted) -> None:
        self.reading.find_submitted(event)

    # -- actions (the bindings' ids are in bindings.py) ------------------------------------

    def action_focus_search(self) -> None:
        if isinstance(self.focused, Input) or self.screen is not self.screen_stack[0]:
            raise SkipAction()  # "/" is typed into a field, or belongs to an open dialog
        # at once, not after the keys already queued (as .focus() would)
        self.screen.set_focus(self.search_input)

    def action_clear_search(self) -> None:
        """Leave the search bar and show every article again (after a find: close it)."""
        if self.reading.escape_find():
            return
        had_results = self.searching.clear()
        self.focus_list()
        open_id = self.view.open_id
        if had_results:
            # closed by the filters (the search found nothing under them): the list of every
            # article they pass shows its own, that one if listed
            self.listing.keep_open_listed = open_id is None and self.view.closed_id is not None
            self.reload_list()
            if open_id is not None:
                self.article_list.move_to(open_id)
                self.open_article(open_id, preview=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Paging keys scroll the reading pane only while no dialog (help, lists) is open."""
        if action in ("reader_page_down", "reader_page_up"):
            return self.screen is self.screen_stack[0]
        return True

    def action_reader_page_down(self) -> None:
        self.reader.scroll_page_down(animate=False)

    def action_reader_page_up(self) -> None:
        self.reader.scroll_page_up(animate=False)

    def action_next_article(self) -> None:
        self.reading.step(1)

    def action_previous_article(self) -> None:
        self.reading.step(-1)

    def action_next_match(self) -> None:
        self.reading.next_match(1)

    def action_previous_match(self) -> None:
        self.reading.next_match(-1)

    def action_find(self) -> None:
        self.reading.find()

    def action_quote_sources(self) -> None:
        self.reading.quote_sources()

    def action_accept_suggestion(self) -> None:
        self.searching.accept_suggestion()

    def action_more_like_this(self) -> None:
        self.similar.more_like_this()

    def action_cycle_sort(self) -> None:
        self.searching.cycle_sort()

    def action_toggle_entities(self) -> None:
        self.reader.show_entities = not self.reader.show_entities

    def action_toggle_quotes(self) -> None:
        self.reader.show_quotes = not self.reader.show_quotes

    def action_toggle_panel(self) -> None:
        self.panes.show_panel(not self.panes.panel_open())  # it may take the list's place

    def action_next_unread(self) -> None:
        self.marks.next_unread()

    def action_toggle_read(self) -> None:
        self.marks.toggle_read()

    def action_toggle_star(self) -> None:
        self.marks.toggle_star()

    def action_tag(self) -> None:
        self.marks.tag()

    def action_note(self) -> None:
        self.marks.note()

    def action_resize_list(self, direction: int) -> None:
        self.panes.resize_list(direction)

    def action_toggle_focus_mode(self) -> None:
        self.panes.toggle_focus_mode()

    def action_toggle_arrangement(self) -> None:
        self.panes.toggle_arrangement()

    def action_investigate(self, what: str) -> None:  # E W C T D = b X P y Y (investigating)
        getattr(self.investigating, what)()

    def action_show_skipped(self) -> None:
        items = self.library.skips(limit=SKIPPED_SHOWN)
        if not items:
            self.notify("Nothing was skipped: every file and record was read.")
            return
        from tuireader.ui.screens.skipped import SkippedScreen  # the dialogs: when opened

        self.push_screen(SkippedScreen(items, self.library.skip_count(), log_file()))

    def action_help(self) -> None:
        from tuireader.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        bound = self.settings.bindings  # as the config binds them
        return help_sections(
            bound((type(self),)),
            bound((ArticleList,)),
            bound((ReadingPane,)),
            bound((EntityPanel,)),
            bound((SearchBar,)),
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from system_commands(self)
        yield from super().get_system_commands(screen)
