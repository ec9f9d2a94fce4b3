"""The narrow protocol the controllers talk to: the app as they see it.

Controllers (``tuireader.ui.controllers``) are plain classes; none imports the app. They get
the widgets, ways to tell the user, dialogs and workers, and the few acts that span several
controllers (open an article, run a search, show the list again) through this protocol, which
``ReaderApp`` implements.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

from textual.geometry import Size
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import Worker

from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.indexing_bar import IndexingBar
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar


class Host(Protocol):
    # -- widgets -------------------------------------------------------------------------------
    @property
    def article_list(self) -> ArticleList: ...
    @property
    def reader(self) -> ReadingPane: ...
    @property
    def panel(self) -> EntityPanel: ...
    @property
    def search_input(self) -> SearchBar: ...
    @property
    def find_input(self) -> Input: ...
    @property
    def indexing_bar(self) -> IndexingBar: ...
    @property
    def pane_area(self) -> Widget:
        """The list and reading panes' container (the layout is set on it)."""

    @property
    def focused(self) -> Widget | None: ...
    @property
    def size(self) -> Size: ...

    # -- telling the user, dialogs, workers (Textual's App API) --------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None: ...
    def notify_replacing(
        self,
        kind: str,
        message: str,
        *,
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None: ...
    def show_message(self, text: str, error: bool = False) -> None: ...
    def push_screen(self, screen: Screen[Any], callback: Any = None) -> Any: ...
    def run_worker(self, work: Callable[[], Any], **kwargs: Any) -> Worker[Any]: ...
    def post_message(self, message: Message) -> bool: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...
    def set_timer(self, delay: float, callback: Callable[[], Any]) -> Any: ...
    def exit(self, result: Any = None) -> None: ...
    def open_url(self, url: str, *, new_tab: bool = True) -> None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def suspend(self) -> AbstractContextManager[None]: ...

    # -- acts spanning controllers ---------------------------------------------------------------
    def open_article(self, article_id: int, refresh: bool = False, preview: bool = False) -> None:
        """Show an article (``preview``: shown by the app itself, its read mark kept)."""

    def close_article(self, placeholder: str) -> None:
        """Show no article, and ``placeholder`` in its place."""

    def run_search(self, query: str) -> None:
        """Run a query for good (Enter)."""

    def run_search_from_palette(self, query: str) -> None:
        """Put a query in the search bar and run it."""

    def reload_list(self) -> None:
        """Show every article (under the filters) again."""

    def refresh_results(self) -> None:
        """Show what the list showed again, under the filters now in force."""

    def focus_list(self) -> None:
        """Focus the list (the reading pane in focus mode)."""
