"""Filters by source and date range, from the palette: they narrow every search (and the full
list) until cleared, and the list's header says which are on.

A mixin of ReaderApp, and the palette provider offering the filters. The filtering itself is in
``tuireader.core.search.meta_filter`` (through the metadata store, so a source is compared
whole whatever characters its name holds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tuireader.core.base.text import visible
from tuireader.core.search.meta_filter import EXAMPLES, DateRangeError, MetaFilter, parse_date_range
from tuireader.ui.commands import _highlight
from tuireader.ui.notices import as_markup
from tuireader.ui.prompt import PromptScreen

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp

SOURCES_SHOWN = 2000  # sources offered in the palette (most articles first)
SOURCES_DISCOVERED = 30  # listed before anything is typed


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


class FiltersMixin:
    """The filters in force (``meta_filter``) and what changes them."""

    def _init_filters(self: ReaderApp) -> None:
        self.meta_filter = MetaFilter()
        self._sources: list[tuple[str, int]] | None = None

    def sources(self: ReaderApp) -> list[tuple[str, int]]:
        """(source, article count), most articles first; read again after indexing commits."""
        if self._sources is None:
            self._sources = self.store.sources()[:SOURCES_SHOWN] if self.store else []
        return self._sources

    def forget_sources(self: ReaderApp) -> None:
        self._sources = None

    def set_list_title(self: ReaderApp, label: str) -> None:
        """The list's header with the filters in force; never read as markup (a source name
        is corpus data)."""
        parts = (label, self.meta_filter.label())
        self.article_list.border_title = Content(" · ".join(p for p in parts if p))

    def filter_by_source(self: ReaderApp, source: str) -> None:
        self._set_filter(replace(self.meta_filter, source=source))

    def filter_dates_prompt(self: ReaderApp) -> None:
        current = self.meta_filter.dates
        self.push_screen(
            PromptScreen(
                f"Dates to show (e.g. {EXAMPLES}):",
                value=current.label() if current else "",
            ),
            self.filter_by_dates,
        )

    def filter_by_dates(self: ReaderApp, text: str | None) -> None:
        """Filter by a date range typed by the user; a range that cannot be read is told in
        the message bar and the list is left as it was."""
        if text is None:
            return
        try:
            dates = parse_date_range(text)
        except DateRangeError as exc:
            self.show_message(str(exc), error=True)
            return
        self._set_filter(replace(self.meta_filter, dates=dates))

    def clear_filters(self: ReaderApp) -> None:
        if self.meta_filter.empty:
            self.notify("No filters are on.")
            return
        self._set_filter(MetaFilter())

    def _set_filter(self: ReaderApp, meta_filter: MetaFilter) -> None:
        self.meta_filter = meta_filter
        self.show_message("")
        self.notify(
            f"Showing only {meta_filter.label()}" if not meta_filter.empty else "Filters cleared"
        )
        self.refresh_results()

    def refresh_results(self: ReaderApp) -> None:
        """Show the list again under the filters now in force: the full list, the search or
        the more-like-this list that was shown."""
        if self.results is None:
            self.reload_list()
            if self._open_id is not None:
                self.article_list.move_to(self._open_id)
        elif self.similar_to is not None:
            self.find_similar(self.similar_to)
        else:
            self.set_list_title(f"Searching for {self.results.query!r}…")
            self._start_search(self.results.query, live=False)


class FilterCommands(Provider):
    """ "Filter by source: NAME" for each source, "Filter by date range…", "Clear filters"."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        """Read the sources once per palette, not once per key typed."""
        current = self.reader.meta_filter
        dates_help = f"e.g. {EXAMPLES}"
        self.choices: list[tuple[str, Callable[[], None], str]] = [
            ("Filter by date range…", self.reader.filter_dates_prompt, dates_help)
        ]
        if not current.empty:
            self.choices.append(
                ("Clear filters", self.reader.clear_filters, as_markup(current.label()))
            )
        for source, count in self.reader.sources():
            mark = " (on)" if source == current.source else ""
            self.choices.append(
                (
                    f"Filter by source: {visible(source)}",
                    partial(self.reader.filter_by_source, source),
                    _count(count, "article") + mark,
                )
            )

    async def discover(self) -> Hits:
        for text, callback, help_text in self.choices[:SOURCES_DISCOVERED]:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.choices:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=help_text)
