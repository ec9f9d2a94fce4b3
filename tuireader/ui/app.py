"""The reader app: list pane, reading pane, command bar, over a core Corpus."""

from __future__ import annotations

import gc
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace

from textual import on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Static

from tuireader.core.annotate.pipeline import (
    Annotations,
    EntityBackend,
    annotate,
    backend_spec,
    load_backend,
    shift,
)
from tuireader.core.base.articles import Article
from tuireader.core.base.log import log_file
from tuireader.core.base.text import visible
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import ArticleRow, CacheError, MetaStore
from tuireader.core.cache.sync import SyncProgress, SyncReport, sync
from tuireader.core.present.find import find_all
from tuireader.core.present.snippets import make_snippet
from tuireader.core.search import QueryError, SearchEngine, SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.core.search.user_filters import filtered_search, has_user_clauses
from tuireader.core.user.history import SearchHistory
from tuireader.core.user.saved import SavedSearches
from tuireader.core.user.state import UserState
from tuireader.ui import frame_timer
from tuireader.ui.article_list import ArticleList
from tuireader.ui.commands import ArticleCommands, CorpusCommands, UserCommands
from tuireader.ui.corpora import CorporaMixin
from tuireader.ui.entity_panel import EntityPanel
from tuireader.ui.filters import FilterCommands, FiltersMixin
from tuireader.ui.help_screen import HelpScreen
from tuireader.ui.layout import LAYOUT_BINDINGS, LAYOUT_IDS, LayoutMixin
from tuireader.ui.marks import MARK_BINDINGS, MarksMixin
from tuireader.ui.notices import NoticesMixin
from tuireader.ui.prompt import PromptScreen
from tuireader.ui.quote_sources import QuoteCopy, QuoteSourcesScreen
from tuireader.ui.reading_pane import ReadingPane, ShownArticle
from tuireader.ui.search_bar import SearchBar
from tuireader.ui.similar import SimilarMixin
from tuireader.ui.skipped import SkippedScreen

SEARCH_LIMIT = 1000
# On Enter, the best hits that fill the list (at least FIRST_PAGE) come first, shown with
# their snippets at once; the rest of the list (up to SEARCH_LIMIT) and the exact count
# follow: on a large corpus, ranking a thousand hits and counting every match cost three
# times the first page.
FIRST_PAGE = 20
SKIPPED_SHOWN = 2000
SORT_ORDERS = ("relevance", "newest", "oldest", "title")
LIVE_DELAY = 0.25  # seconds of no typing before a live search
LIVE_MIN_CHARS = 2
ANNOTATION_CACHE = 32
FOLLOW_INTERVAL = 2.0  # seconds between checks for commits made by another process
_ANNOTATION_CLAUSE = re.compile(r"\b(person|org|place|entity|speaker|quote|exact):", re.IGNORECASE)


class SyncProgressed(Message):
    def __init__(self, progress: SyncProgress) -> None:
        super().__init__()
        self.progress = replace(progress)


class SyncFinished(Message):
    def __init__(self, report: SyncReport | None, error: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error


class SearchFinished(Message):
    def __init__(
        self,
        results: SearchResults,
        seq: int,
        live: bool,
        similar_to: Article | None = None,
        first_page: bool = False,
        rest: bool = False,
    ) -> None:
        super().__init__()
        self.results = results
        self.seq = seq
        self.live = live  # typed, not committed with Enter
        self.similar_to = similar_to  # "more like this" results: the article they are like
        self.first_page = first_page  # the best hits that fill the list, the count estimated
        self.rest = rest  # the whole result list and exact count after a first page


class SearchFailed(Message):
    def __init__(self, query: str, message: str, seq: int) -> None:
        super().__init__()
        self.query = query
        self.message = message
        self.seq = seq


class SnippetsReady(Message):
    def __init__(self, snippets: dict, seq: int) -> None:
        super().__init__()
        self.snippets = snippets
        self.seq = seq


class SuggestionReady(Message):
    def __init__(self, query: str, suggestion: str) -> None:
        super().__init__()
        self.query = query
        self.suggestion = suggestion


class ArticleReady(Message):
    def __init__(
        self,
        article_id: int,
        shown: ShownArticle | None,
        error: str = "",
        refresh: bool = False,
        indexed: bool = True,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.shown = shown
        self.error = error
        self.refresh = refresh  # the same article again (new index data): keep the position
        self.indexed = indexed  # False: read before the index was open (no quotes shared)


class IndexOpened(Message):
    """The index can answer (e.g. which articles share a quotation)."""


class ReaderApp(
    NoticesMixin,
    MarksMixin,
    LayoutMixin,
    CorporaMixin,
    FiltersMixin,
    SimilarMixin,
    App[Corpus | None],
):
    """Read and search one corpus; the result is the corpus to switch to (see corpora.py)."""

    CSS_PATH = "app.tcss"
    TITLE = "tuireader"
    COMMANDS = App.COMMANDS | {ArticleCommands, CorpusCommands, FilterCommands, UserCommands}
    AUTO_FOCUS = "#list"
    BINDINGS = [
        # priority: handled as the key arrives, so that what is typed right after it (fast,
        # pasted, or in one packet over SSH) goes to the search bar, not to s, a, q...
        Binding("slash", "focus_search", "Search", priority=True, id="app.search"),
        Binding(
            "escape",
            "clear_search",
            "Clear search (after a find: close the find)",
            show=False,
            id="app.clear_search",
        ),
        Binding("right_square_bracket", "next_article", "Next", key_display="]", id="app.next"),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Previous",
            key_display="[",
            id="app.previous",
        ),
        Binding(
            "pagedown",
            "reader_page_down",
            "Page down",
            show=False,
            priority=True,
            id="app.page_down",
        ),
        Binding("pageup", "reader_page_up", "Page up", show=False, priority=True, id="app.page_up"),
        Binding("space", "reader_page_down", "Page down", show=False, id="app.space"),
        Binding("n", "next_match", "Next match", show=False, id="app.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="app.previous_match"),
        Binding("f", "find", "Find", show=False, id="app.find"),
        Binding(
            "ctrl+y",
            "accept_suggestion",
            "Accept suggestion",
            show=False,
            id="app.accept_suggestion",
        ),
        Binding(
            "M",
            "more_like_this",
            "More like this (≈ marks near-duplicates)",
            show=False,
            id="app.more_like_this",
        ),
        Binding("O", "cycle_sort", "Sort", show=False, id="app.sort"),
        Binding("e", "toggle_entities", "Entities", id="app.toggle_entities"),
        Binding(
            "quotation_mark", "toggle_quotes", "Quotes", key_display='"', id="app.toggle_quotes"
        ),
        Binding("p", "toggle_panel", "Panel", id="app.toggle_panel"),
        Binding("o", "quote_sources", "Quoted elsewhere", show=False, id="app.quote_sources"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        *MARK_BINDINGS,
        *LAYOUT_BINDINGS,
    ]

    def __init__(self, corpus: Corpus, state: UserState | None = None) -> None:
        frame_timer.install()  # a keypress is drawn in the next frame, not the one after
        super().__init__()
        self.corpus = corpus
        self.state = state or UserState.load()
        self.store: MetaStore | None = None
        self.engine: SearchEngine | None = None
        self._engine_ready = threading.Event()
        self._frozen = False  # see _freeze_loaded
        self._cancel_sync = threading.Event()
        self.total = 0
        self.results: SearchResults | None = None
        self._restore_key = self.state.last_open(corpus.id)
        self._open_id: int | None = None
        self._index_opened = False
        self._before_find: tuple | None = None  # (article id, hits, title hits) before a find
        self._shown_unindexed = False  # the open article was read before the index was open
        self._syncing = False
        self._sync_stage = "text"  # "annotations": entity and quotation fields still filling
        self._annotations: OrderedDict[int, Annotations] = OrderedDict()
        self.history = SearchHistory()
        self.saved = SavedSearches()
        self.sort_order = "relevance"
        self.skipped = 0
        self.backend: EntityBackend | None = None  # None: the embedded recognizer
        self._search_seq = 0
        self._live_timer = None
        self._suggestion: str | None = None
        self._init_user()  # config, read marks, stars, tags, notes (see marks.py)
        self._init_layout()  # pane layout and colours (see layout.py)
        self._init_filters()  # source and date range filters (see filters.py)
        self._init_similar()  # more like this, near-duplicates (see similar.py)

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="panes"):
            yield ArticleList(self._fetch_rows, self._request_snippets, id="list")
            with Horizontal(id="reading"):
                yield ReadingPane(id="reader")
                yield EntityPanel(id="panel")
        with Horizontal(id="indexing"):
            yield Label("Indexing…", id="indexing-label")
            # the ETA is the sync's own (the whole pass's rate), in the label
            yield ProgressBar(id="indexing-bar", show_eta=False)
        yield Static("", id="message", classes="empty")
        yield Input(
            placeholder="find in this article (Enter; n/N next/previous; Esc closes)",
            id="find",
            classes="hidden",
        )
        yield SearchBar(
            self.history.entries,
            placeholder='/ search: words, "a phrase", OR, NOT, title:…  (Esc: back to all)',
            id="search",
        )
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#list", ArticleList)

    @property
    def reader(self) -> ReadingPane:
        return self.query_one("#reader", ReadingPane)

    @property
    def search_input(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def on_mount(self) -> None:
        self.sub_title = self.corpus.name
        self.store = self.corpus.open_store()
        if self.corpus.cache_message:
            self.notify(self.corpus.cache_message, severity="warning", timeout=12)
        self._mount_user()
        self._mount_layout()
        self._mount_corpora()
        for warning in (self.state.warning, self.history.warning, self.saved.warning):
            if warning:
                self.notify(warning, severity="warning", timeout=10)
        self._starting = True  # the first frame comes before any background work
        self.reload_list()
        self._store_generation = self.store.generation()
        self.set_interval(FOLLOW_INTERVAL, self._follow_other_writers)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Threads that import and read (index, annotations) would compete with the first
        frame for the interpreter: they start once it is drawn."""
        self._starting = False
        self._restore_last_open()
        self.start_background()

    def on_unmount(self) -> None:
        self._cancel_sync.set()
        if self._frozen:
            gc.unfreeze()

    # -- data --------------------------------------------------------------------------------

    def _fetch_rows(self, ids) -> dict[int, ArticleRow]:
        return self.store.rows(ids) if self.store else {}

    def titles_matching(self, text: str) -> list[ArticleRow]:
        return self.store.titles_matching(text, limit=30) if self.store else []

    def reload_list(self) -> None:
        """Show every article (after a sync commit, or when a search is cleared)."""
        assert self.store is not None
        self.forget_sources()
        if self.meta_filter.empty:
            ids = self.store.ordered_ids()
            self.total = len(ids)
        else:
            ids = self.meta_filter.ids(self.store)
            self.total = self.store.count()
        self.refresh_marks()
        lst = self.article_list
        if self.results is None:
            lst.set_ids(ids)
            self.set_list_title(self.all_articles_label())
        else:
            lst.forget_rows()
        if not ids:
            lst.empty_message = (
                "Indexing…"
                if self._syncing
                else "No articles found."
                if self.meta_filter.empty or not self.total
                else "No articles pass the filters (Ctrl+P: Clear filters)."
            )
            lst.refresh()
        self._restore_last_open()

    def _follow_other_writers(self) -> None:
        """Show what another process (``tuireader index``, another reader) committed: the
        list and its counts, and the shown results searched again (the cursor stays)."""
        if self.store is None:
            return
        generation = self.store.generation()
        if generation == self._store_generation:
            return
        self._store_generation = generation
        if self._syncing:
            return  # this app's own sync: its commits reload the list as they come
        self.reload_list()
        if self.results is not None and self.similar_to is None:
            self._search_seq += 1
            self._refresh_results(self.results.query, self._search_seq, self.meta_filter)

    @work(thread=True, group="search")
    def _refresh_results(self, query: str, seq: int, meta_filter: MetaFilter) -> None:
        """The shown query again, on what is committed now; shown in place (see ``rest``)."""
        self._engine_ready.wait()
        store = self.corpus.open_store()
        try:
            results = filtered_search(
                self.engine, store, self.marks, query, limit=SEARCH_LIMIT, narrow=meta_filter
            )
        except Exception:  # noqa: BLE001 (the results shown stay; the next search tells)
            return
        finally:
            store.close()
        self.post_message(SearchFinished(results, seq, False, rest=True))

    def _restore_last_open(self) -> None:
        if getattr(self, "_starting", False):
            return
        if self._open_id is not None or self.store is None:
            return
        row = self.store.by_key(self._restore_key) if self._restore_key else None
        if row is None and self.article_list.ids and not self._syncing:
            row = self.store.get(self.article_list.ids[0])
        if row is not None:
            self._restore_key = None
            self.article_list.move_to(row.id)
            self.open_article(row.id, preview=True)

    # -- background work -------------------------------------------------------------------

    @work(thread=True, group="sync", exclusive=True)
    def start_background(self, rebuild: bool = False) -> None:
        """Open the index, then bring it up to date with the corpus."""
        self._syncing = True
        store = self.corpus.open_store()
        try:
            if self.engine is None:
                self._load_backend()
                self.engine = self.corpus.open_engine(backend_spec(self.backend))
            if rebuild:
                self._engine_ready.clear()
                self.engine.clear()
                store.clear()
            self._engine_ready.set()
            self.engine.refresh()  # the searcher is slow to open on big indexes
            self.post_message(IndexOpened())
            report = sync(
                self.corpus,
                store,
                self.engine,
                progress=lambda p: self.post_message(SyncProgressed(p)),
                cancel=self._cancel_sync,
            )
            self.engine.refresh()
            self.post_message(SyncFinished(report))
        except Exception as exc:  # reported in the UI; the app keeps what it has
            self._engine_ready.set()
            detail = str(exc) if isinstance(exc, CacheError) else f"{type(exc).__name__}: {exc}"
            self.post_message(SyncFinished(None, detail))
        finally:
            store.close()

    def _load_backend(self) -> None:
        """The configured entity backend (a spaCy model takes seconds: this runs in a worker)."""
        backend, warning = load_backend(self.config)  # config problems: told on mount
        self.backend = backend
        if warning:
            self.call_from_thread(self.notify, warning, severity="warning", timeout=10)

    def on_sync_progressed(self, message: SyncProgressed) -> None:
        progress = message.progress
        indexing = self.query_one("#indexing")
        indexing.add_class("active")
        bar = self.query_one("#indexing-bar", ProgressBar)
        self._sync_stage = progress.stage
        self.query_one("#indexing-label", Label).update(progress_label(progress))
        bar.update(total=max(1, progress.articles_total), progress=progress.articles)
        if progress.committed:
            self.reload_list()

    def on_sync_finished(self, message: SyncFinished) -> None:
        self._syncing = False
        if self.store is not None:  # this sync's commits are shown below
            self._store_generation = self.store.generation()
        self.query_one("#indexing").remove_class("active")
        if message.error:
            self.show_message(f"Indexing failed: {message.error}", error=True)
            return
        report = message.report
        assert report is not None
        if report.repaired:
            self.notify(f"Repaired after an interrupted run: {report.repaired}", timeout=8)
        if report.busy:
            self.notify("Another tuireader is indexing this corpus; showing what is indexed.")
        if report.changed or not self.article_list.ids:
            self.reload_list()
            if self._open_id is not None:
                self.open_article(self._open_id, refresh=True)  # e.g. quotes now shared
        self.skipped = self.store.skip_count() if self.store else 0
        if self.skipped:
            self.notify(
                f"{self.skipped:,} items could not be read: Ctrl+P › Skipped items lists them "
                f"(reasons also in {visible(str(log_file()))})",
                severity="warning",
                timeout=8,
            )
        if report.changed and report.seconds > 1:
            self.notify(
                f"Indexed {report.added + report.updated:,} articles in {report.seconds:.1f} s"
            )
        self._freeze_loaded()

    def _freeze_loaded(self) -> None:
        """After a sync, set what the app holds (the list, the index's searcher) apart from the
        cyclic garbage collector: at 100k articles every full collection walked it all, 30-40
        ms every few searches (5-13 ms after this), and a key pressed then waited for it.
        What was set apart at the previous sync is collected first (an old searcher's cycles
        are not kept past the next sync); undone when the app ends."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._frozen = True

    # -- opening articles --------------------------------------------------------------------

    def open_article(self, article_id: int, refresh: bool = False, preview: bool = False) -> None:
        """Read an article from the corpus (in a thread) and show it. Opened by the user (Enter,
        click, ], [, the palette) it is marked read; shown by the app itself (the last one at
        start, a search's top hit) it is a ``preview`` and keeps its mark."""
        row = self.store.get(article_id) if self.store else None
        if row is None:
            return
        self._open_id = article_id
        self.article_list.set_open(article_id)
        if not refresh and not preview:
            self.mark_opened(row)
        self.state.set_last_open(self.corpus.id, [str(p) for p in self.corpus.paths], row.key)
        try:
            self.state.save()
        except OSError as exc:
            self.show_message(f"Cannot save state: {exc}", error=True)
        terms = self.results.terms if self.results else frozenset()
        title_terms = self.results.title_terms if self.results else None
        self._load_article(row, terms, refresh, terms if title_terms is None else title_terms)

    @work(thread=True, group="open", exclusive=True)
    def _load_article(
        self, row: ArticleRow, terms: frozenset[str], refresh: bool, title_terms: frozenset[str]
    ) -> None:
        try:
            article = self.corpus.read(row)
        except Exception as exc:  # a file that vanished or changed since indexing
            self.post_message(ArticleReady(row.id, None, f"Cannot read {visible(row.key)}: {exc}"))
            return
        hits: tuple = ()
        title_hits: tuple = ()
        engine = self.engine if self._engine_ready.is_set() else None
        if engine is not None:  # title: words highlight in the title only
            hits = tuple(engine.match_spans(terms, article.body)) if terms else ()
            title_hits = (
                tuple(engine.match_spans(title_terms, article.title)) if title_terms else ()
            )
        annotations = self._annotate(row.id, article)
        body_offset = len(article.full_text) - len(article.body)
        body_annotations = shift(annotations, body_offset, len(article.body))
        title_annotations = (
            shift(annotations, 0, len(article.title)) if article.has_headline else Annotations()
        )
        shared: dict[int, int] = {}
        if engine is not None:
            for index, quote in enumerate(body_annotations.quotes):
                others = engine.articles_quoting(quote.text, exclude_id=row.id)
                if others:
                    shared[index] = len(others)
        meta = " · ".join(
            part
            for part in (
                article.source,
                self.pane_date(article.date) if article.date else article.date_text,
                article.url,
            )
            if part
        )
        shown = ShownArticle(
            article,
            meta,
            hits,
            title_hits,
            body_annotations,
            title_annotations,
            shared,
            location=visible(row.key) if not article.source else "",
        )
        self.post_message(ArticleReady(row.id, shown, refresh=refresh, indexed=engine is not None))

    def _annotate(self, article_id: int, article: Article) -> Annotations:
        """Annotations of an article's full text, computed once per article while it is recent."""
        cached = self._annotations.get(article_id)
        if cached is None:
            cached = annotate(article.full_text, self.backend)
            self._annotations[article_id] = cached
            while len(self._annotations) > ANNOTATION_CACHE:
                self._annotations.popitem(last=False)
        return cached

    def on_article_ready(self, message: ArticleReady) -> None:
        if message.article_id != self._open_id or not self.query("#reader"):
            return  # another article since, or the app is ending (switching corpus)
        if message.shown is None:
            self.reader.show_placeholder(message.error)
            self.show_message(message.error, error=True)
            return
        self.reader.show(self.with_marks(message.shown), keep_position=message.refresh)
        self.query_one("#panel", EntityPanel).show_annotations(
            _merged(message.shown.title_annotations, message.shown.annotations),
            self.reader.label_styles(),
            len(message.shown.shared),
        )
        self._shown_unindexed = not message.indexed
        self._before_find = None  # shown afresh: no find highlighted
        if self._shown_unindexed and self._index_opened and self._engine_ready.is_set():
            self.open_article(message.article_id, refresh=True)

    def on_index_opened(self, _message: IndexOpened) -> None:
        """The article reopened at start was read before the index was open: read it again
        for its "quoted elsewhere" marks (a restart with nothing to index has no sync to
        refresh it)."""
        self._index_opened = True
        if self._shown_unindexed and self._open_id is not None and self.query("#list"):
            self.open_article(self._open_id, refresh=True)

    @on(EntityPanel.OptionSelected, "#panel")
    def _on_panel_selected(self, event: EntityPanel.OptionSelected) -> None:
        if event.option.id:
            self.run_search_from_palette(event.option.id)

    def action_toggle_entities(self) -> None:
        self.reader.show_entities = not self.reader.show_entities

    def action_toggle_quotes(self) -> None:
        self.reader.show_quotes = not self.reader.show_quotes

    def action_toggle_panel(self) -> None:
        self.show_panel(not self._panel_open())  # see layout.py: it may take the list's place

    def action_quote_sources(self) -> None:
        shown = self.reader.shown
        if shown is None or not shown.shared:
            self.notify("No quotation of this article was found in another article.")
            return
        self._find_quote_sources(shown, self._open_id)

    @work(thread=True, group="quotes", exclusive=True)
    def _find_quote_sources(self, shown: ShownArticle, own_id: int | None) -> None:
        """Read each article sharing a quote of this one and see who it quotes there."""
        from tuireader.core.search.annotation_fields import quote_fingerprints

        copies: list[QuoteCopy] = []
        store = self.corpus.open_store()
        try:
            for index in sorted(shown.shared):
                quote = shown.annotations.quotes[index]
                wanted = set(quote_fingerprints(quote.text))
                for article_id, _share in self.engine.articles_quoting(
                    quote.text, exclude_id=own_id
                ):
                    row = store.get(article_id)
                    if row is None:
                        continue
                    speaker = None
                    try:
                        other = self.corpus.read(row)
                        for candidate in self._annotate(row.id, other).quotes:
                            if wanted & set(quote_fingerprints(candidate.text)):
                                speaker = candidate.speaker_name or (
                                    candidate.speaker.text if candidate.speaker else None
                                )
                                break
                    except Exception:  # the other file vanished: still list the article
                        pass
                    copies.append(QuoteCopy(quote.text, article_id, row.title, speaker))
        finally:
            store.close()
        self.call_from_thread(self._show_quote_sources, copies)

    def _show_quote_sources(self, copies: list[QuoteCopy]) -> None:
        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.article_list.move_to(article_id)
                self.open_article(article_id)

        self.push_screen(QuoteSourcesScreen(copies), chosen)

    @on(ArticleList.Opened)
    def _on_list_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)

    # -- search ------------------------------------------------------------------------------

    @on(Input.Submitted, "#search")
    def _on_search_submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    @on(Input.Changed, "#search")
    def _on_search_changed(self, event: Input.Changed) -> None:
        """Live results: search shortly after typing pauses; the newest query wins."""
        if self._live_timer is not None:
            self._live_timer.stop()
        if not self.search_input.has_focus:
            return
        query = event.value
        if len(query.strip()) < LIVE_MIN_CHARS:
            return
        self._live_timer = self.set_timer(LIVE_DELAY, lambda: self._start_search(query, live=True))

    def run_search(self, query: str) -> None:
        """Run a query for good: counted, remembered in the history."""
        if self._live_timer is not None:
            self._live_timer.stop()
        if not query.strip():
            self.action_clear_search()
            return
        self.search_input.reset_history_position()
        try:
            self.history.add(query)
        except OSError as exc:
            self.show_message(f"Cannot save the search history: {exc}", error=True)
        # in the list's title, not the message bar: showing that bar is a layout change,
        # a full-screen frame that keys pressed during the search would wait behind
        self.set_list_title(f"Searching for {query!r}…")
        self._start_search(query, live=False)

    def _start_search(self, query: str, live: bool) -> None:
        self._search_seq += 1
        first_page = max(FIRST_PAGE, self.article_list.result_rows_in_view())
        self._search(query, self._search_seq, live, self.meta_filter, first_page)

    def run_search_from_palette(self, query: str) -> None:
        self.search_input.value = query
        self.run_search(query)

    @work(thread=True, group="search")
    def _search(
        self, query: str, seq: int, live: bool, meta_filter: MetaFilter, first_page: int
    ) -> None:
        self._engine_ready.wait()
        if seq != self._search_seq:
            return  # a newer query came while this one waited
        needs_store = has_user_clauses(query) or not meta_filter.empty
        store = self.corpus.open_store() if needs_store else None

        def superseded() -> bool:  # a newer query stops this one (it holds the engine)
            return seq != self._search_seq

        def search(limit: int, count: bool) -> SearchResults:
            return filtered_search(
                self.engine,
                store,
                self.marks,
                query,
                limit=limit,
                count=count,
                narrow=meta_filter,
                cancelled=superseded,
            )

        try:
            if live:
                results = search(SEARCH_LIMIT, count=False)
                self.post_message(SearchFinished(results, seq, live))
            else:
                results = search(first_page, count=False)
                complete = len(results.hits) < first_page  # every match is in the first page
                self.post_message(SearchFinished(results, seq, live, first_page=not complete))
                if not complete and seq == self._search_seq:
                    rest = search(SEARCH_LIMIT, count=True)
                    self.post_message(SearchFinished(rest, seq, live, rest=True))
        except QueryError as exc:
            self.post_message(SearchFailed(query, str(exc), seq))
            return
        except Exception as exc:  # never let a query take the app down
            self.post_message(SearchFailed(query, f"Search failed: {exc}", seq))
            return
        finally:
            if store is not None:
                store.close()
        if not live and not results.hits:
            try:
                suggestion = self.engine.suggest(query)
            except Exception:  # a suggestion is a nicety; never an error
                suggestion = None
            if suggestion and seq == self._search_seq:
                self.post_message(SuggestionReady(query, suggestion))

    def _request_snippets(self, ids: list[int]) -> None:
        if self.results is not None:
            self._make_snippets(ids, self.results.terms, self._search_seq)

    @work(thread=True, group="snippets")
    def _make_snippets(self, ids: list[int], terms: frozenset[str], seq: int) -> None:
        """Snippets for the result rows in view: their text (kept in the store), hits found."""
        store = self.corpus.open_store()
        try:
            _rows, texts = self.corpus.rows_and_bodies(store, ids)
        finally:
            store.close()
        snippets = {}
        for article_id, body in texts.items():
            if seq != self._search_seq:
                return
            spans = self.engine.match_spans(terms, body) if self.engine and body else []
            snippets[article_id] = make_snippet(body, spans)
        self.post_message(SnippetsReady(snippets, seq))

    def on_snippets_ready(self, message: SnippetsReady) -> None:
        if message.seq == self._search_seq:
            self.article_list.add_snippets(message.snippets)

    def on_suggestion_ready(self, message: SuggestionReady) -> None:
        if not isinstance(message, SuggestionReady):
            return  # an Input's completion (textual.suggester.SuggestionReady) bubbling up
        self._suggestion = message.suggestion
        self.show_message(
            f"No articles match {message.query!r}. Did you mean {message.suggestion!r}? "
            "(Ctrl+Y to search for it)"
        )

    def action_accept_suggestion(self) -> None:
        if self._suggestion:
            suggestion, self._suggestion = self._suggestion, None
            self.run_search_from_palette(suggestion)

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.seq != self._search_seq:
            return  # a stale result: a newer query has been asked for
        results = message.results
        if message.rest:  # the whole list after its first page: the cursor and article stay
            self.results = results
            if self.sort_order != "relevance":
                self._show_sorted()
                return
            self.article_list.set_ids(
                results.ids, keep_cursor=True, snippets=True, keep_badges=True, keep_snippets=True
            )
            self.set_list_title(self._results_label(results))
            return
        self.results = results
        self.similar_to = message.similar_to
        self.near_duplicates = None
        self._suggestion = None
        self.sort_order = "relevance"
        lst = self.article_list
        lst.set_ids(results.ids, keep_cursor=False, snippets=True)
        self.set_list_title(self._results_label(results, message.live or message.first_page))
        lst.empty_message = (
            f"No articles match {results.query!r}."
            if self.similar_to is None
            else "No other article is like this one."
        )
        if not self.meta_filter.empty:
            lst.empty_message = lst.empty_message[:-1] + f" ({self.meta_filter.label()})."
        self.show_message(self._coverage_note(results.query))
        if results.ids and not message.live:
            self.focus_list()  # the reading pane in focus mode
            if self.similar_to is None:  # more like this: the article compared stays open
                self.open_article(results.ids[0], preview=True)

    def _coverage_note(self, query: str) -> str:
        """Say so when a query uses entity or quotation fields that are still being filled."""
        if self._syncing and self._sync_stage == "annotations" and _ANNOTATION_CLAUSE.search(query):
            return (
                "Entities and quotations are still being indexed: person:, org:, place:, "
                "entity:, speaker:, quote: and exact: do not cover every article yet."
            )
        return ""

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.seq == self._search_seq:
            self.show_message(message.message, error=True)
            self._restore_list_title()

    def _restore_list_title(self) -> None:
        """The header says what the list shows again (not "Searching for …" after a query
        that failed: the list kept what it had)."""
        if self.results is None:
            self.set_list_title(self.all_articles_label())
            return
        label = self._results_label(self.results)
        if self.sort_order != "relevance":
            label += f" · {self.sort_order}"
        self.set_list_title(label)

    def action_clear_search(self) -> None:
        """Leave the search bar and show every article again."""
        find = self.query_one("#find", Input)
        if self.focused is find:
            find.add_class("hidden")
            self.reader.focus()
            return
        if self._close_find():
            return
        if self._live_timer is not None:
            self._live_timer.stop()
        self._search_seq += 1  # any search still running is now stale
        had_results = self.results is not None
        self.results = None
        self.similar_to = None
        self.search_input.value = ""
        self.show_message("")
        self.focus_list()
        if had_results:
            self.reload_list()
            if self._open_id is not None:
                self.article_list.move_to(self._open_id)
                self.open_article(self._open_id, preview=True)

    # -- more like this, sorting, saved searches ---------------------------------------------

    def action_cycle_sort(self) -> None:
        """Relevance, newest, oldest, title: re-order the result list."""
        if self.results is None:
            self.notify("Sorting applies to search results; the full list is newest first.")
            return
        order = SORT_ORDERS[(SORT_ORDERS.index(self.sort_order) + 1) % len(SORT_ORDERS)]
        self.sort_order = order
        self._show_sorted()
        self.notify_replacing("sort", f"Sorted by {order}")

    def _show_sorted(self) -> None:
        results = self.results
        ids = results.ids
        if self.sort_order != "relevance":
            rows = self.store.rows(ids)
            present = [i for i in ids if i in rows]
            if self.sort_order == "title":
                ids = sorted(present, key=lambda i: rows[i].title.casefold())
            else:
                newest = self.sort_order == "newest"
                dated = [i for i in present if rows[i].date_ts is not None]
                undated = [i for i in present if rows[i].date_ts is None]
                ids = sorted(dated, key=lambda i: rows[i].date_ts, reverse=newest) + undated
        self.article_list.set_ids(ids, keep_cursor=True, snippets=True, keep_badges=True)
        self.set_list_title(self._results_label(results) + f" · {self.sort_order}")

    def _results_label(self, results: SearchResults, live: bool = False) -> str:
        """The list header: "37 of 19,043 match"; "+" when a live count is an estimate."""
        if self.similar_to is not None:
            return self.similar_label(results)
        shown = len(results.ids)
        if live and results.total > shown:
            return f"{results.total:,}+ of {self.total:,} match"
        label = f"{results.total:,} of {self.total:,} match"
        if shown < results.total:
            label += f" (top {shown:,})"
        return label

    def save_current_search(self) -> None:
        query = self.search_input.value.strip() or (self.results.query if self.results else "")
        if not query:
            self.notify("Run a search first, then save it.")
            return

        def named(name: str | None) -> None:
            if name:
                try:
                    self.saved.save(name, query)
                    self.notify(f"Saved search {name!r}: {query}")
                except (OSError, ValueError) as exc:
                    self.show_message(f"Cannot save the search: {exc}", error=True)

        self.push_screen(PromptScreen(f"Name for the search {query!r}:"), named)

    def action_next_match(self) -> None:
        if not self.reader.next_hit(1):
            self.show_message("No matches in this article (search with / or find with f).")

    def action_previous_match(self) -> None:
        if not self.reader.next_hit(-1):
            self.show_message("No matches in this article (search with / or find with f).")

    def action_find(self) -> None:
        if self.reader.shown is None:
            return
        find = self.query_one("#find", Input)
        find.remove_class("hidden")
        find.focus()

    @on(Input.Submitted, "#find")
    def _on_find_submitted(self, event: Input.Submitted) -> None:
        shown = self.reader.shown
        if shown is None:
            return
        if self._before_find is None:  # the search's hits, for Esc to bring back
            self._before_find = (self._open_id, shown.hits, shown.title_hits)
        count = self.reader.set_hits(find_all(shown.article.body, event.value))
        self.show_message(
            f"{count} matches of {event.value.strip()!r} (n/N to move)"
            if count
            else f"{event.value.strip()!r} is not in this article.",
            error=not count,
        )
        event.input.add_class("hidden")
        self.reader.focus()

    def action_focus_search(self) -> None:
        if isinstance(self.focused, Input) or self.screen is not self.screen_stack[0]:
            raise SkipAction()  # "/" is typed into a field, or belongs to an open dialog
        # at once, not after the keys already queued (as .focus() would)
        self.screen.set_focus(self.search_input)

    def _close_find(self) -> bool:
        """Esc after a find (f): the article's search hits come back and the search stays;
        False when no find is shown."""
        before, self._before_find = self._before_find, None
        shown = self.reader.shown
        if before is None or shown is None or before[0] != self._open_id:
            return False
        _article_id, hits, title_hits = before
        self.reader.show(replace(shown, hits=hits, title_hits=title_hits), keep_position=True)
        self.show_message("")
        return True

    def show_message(self, text: str, error: bool = False) -> None:
        widget = self.query_one("#message", Static)
        widget.update(Content(text))
        widget.set_class(not text, "empty")
        widget.set_class(error, "error")

    # -- navigation ------------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        lst = self.article_list
        if not lst.ids:
            return
        position = lst.cursor
        if self._open_id is not None and lst.current_id != self._open_id:
            try:
                position = lst.ids.index(self._open_id)
            except ValueError:
                delta = 0  # the open article is not in the list: the cursor's comes next
        position = max(0, min(len(lst.ids) - 1, position + delta))
        lst.cursor = position
        self.open_article(lst.ids[position])

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Paging keys scroll the reading pane only while no dialog (help, lists) is open."""
        if action in ("reader_page_down", "reader_page_up"):
            return self.screen is self.screen_stack[0]
        return True

    def action_reader_page_down(self) -> None:
        self.reader.scroll_page_down(animate=False)

    def action_reader_page_up(self) -> None:
        self.reader.scroll_page_up(animate=False)

    def action_show_skipped(self) -> None:
        items = self.store.skips(limit=SKIPPED_SHOWN) if self.store else []
        if not items:
            self.notify("Nothing was skipped: every file and record was read.")
            return
        self.push_screen(SkippedScreen(items, self.store.skip_count(), log_file()))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        anywhere = self._bindings_of(self)
        keymap_bindings = [
            ("Anywhere", [b for b in anywhere if b.id not in LAYOUT_IDS]),
            ("Layout", [b for b in anywhere if b.id in LAYOUT_IDS]),
            ("List pane", self._bindings_of(self.article_list)),
            ("Reading pane", self._bindings_of(self.reader)),
        ]
        focus = [
            Binding("tab", "focus_next", "Next pane"),
            Binding("shift+tab", "focus_previous", "Previous pane"),
            Binding(
                "ctrl+p",
                "command_palette",
                "Command palette: open by title, search, filter by source or dates, "
                "switch corpus, reindex",
            ),
        ]
        return [*keymap_bindings, ("Focus", focus)]

    def _bindings_of(self, node) -> list[Binding]:
        """The node's bindings with the keys the keymap (config [keys]) gives them."""
        bindings = node._bindings.copy()
        if self._keymap:
            bindings.apply_keymap(self._keymap)
        seen: dict[str, Binding] = {}
        for _key, binding in bindings:
            if binding.system or not binding.id:
                continue
            name = binding.id or binding.action
            if name in seen:
                keys = seen[name].key.split(",")
                if binding.key not in keys:
                    seen[name] = replace(seen[name], key=",".join([*keys, binding.key]))
            else:
                seen[name] = binding
        return list(seen.values())

    def action_reindex(self, rebuild: bool = False) -> None:
        if self._syncing:
            self.notify("Indexing is already running.")
            return
        self.notify("Rebuilding the index…" if rebuild else "Checking the corpus for changes…")
        self.start_background(rebuild)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Search", "Focus the search bar", self.action_focus_search)
        yield SystemCommand(
            "Reindex", "Index new, changed and removed articles", self.action_reindex
        )
        yield SystemCommand(
            "Rebuild index",
            "Index the whole corpus again from scratch",
            lambda: self.action_reindex(rebuild=True),
        )
        yield SystemCommand(
            "Save search", "Save the current search under a name", self.save_current_search
        )
        yield SystemCommand(
            "More like this", "Articles similar to the open one", self.action_more_like_this
        )
        yield SystemCommand(
            "Sort results", "Relevance, newest, oldest, title", self.action_cycle_sort
        )
        yield from self.marks_commands()  # saved searches and tags: commands.UserCommands
        yield SystemCommand(
            "Skipped items",
            "Files and records that could not be read, and why",
            self.action_show_skipped,
        )
        yield SystemCommand("Help", "Show every key and the search syntax", self.action_help)
        yield from super().get_system_commands(screen)


def progress_label(progress: SyncProgress) -> str:
    """The indexing bar's label: the pass, the count the bar shows, and the time left."""
    total = progress.articles_total
    estimated = progress.known_total is None and progress.bytes_done < progress.bytes_total
    count = f"{progress.articles:,} of {'~' if estimated else ''}{total:,} articles"
    label = f"Indexing {progress.phase}: {count}"
    if progress.eta is not None:
        minutes, seconds = divmod(int(progress.eta + 0.5), 60)
        label += f" · about {minutes}:{seconds:02d} left"
    return label


def _merged(first: Annotations, second: Annotations) -> Annotations:
    return Annotations(first.entities + second.entities, first.quotes + second.quotes)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
