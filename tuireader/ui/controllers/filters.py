"""Filters by source and date range, from the palette: they narrow every search (and the full
list) until cleared, and the list's header says which are on.

The filtering itself is in ``tuireader.core.search.meta_filter`` (through the metadata store,
so a source is compared whole whatever characters its name holds).
"""

from __future__ import annotations

from dataclasses import replace

from tuireader.core.library import Library
from tuireader.core.search.meta_filter import EXAMPLES, DateRangeError, MetaFilter, parse_date_range
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.screens.prompt import PromptScreen

SOURCES_SHOWN = 2000  # sources offered in the palette (most articles first)


class Filters:
    def __init__(self, host: Host, view: View, library: Library) -> None:
        self.host = host
        self.view = view
        self.library = library
        self._sources: list[tuple[str, int]] | None = None
        self.cleared = 0  # how many times they were cleared (entity filters asked go too)

    def sources(self) -> list[tuple[str, int]]:
        """(source, article count), most articles first; read again after indexing commits."""
        if self._sources is None:
            self._sources = self.library.sources()[:SOURCES_SHOWN]
        return self._sources

    def forget_sources(self) -> None:
        self._sources = None

    def by_source(self, source: str) -> None:
        self._set(replace(self.view.meta_filter, source=source))

    def dates_prompt(self) -> None:
        current = self.view.meta_filter.dates
        self.host.push_screen(
            PromptScreen(
                f"Dates to show (e.g. {EXAMPLES}):",
                value=current.label() if current else "",
            ),
            self.by_dates,
        )

    def by_dates(self, text: str | None) -> None:
        """Filter by a date range typed by the user; a range that cannot be read is told in
        the message bar and the list is left as it was."""
        if text is None:
            return
        try:
            dates = parse_date_range(text)
        except DateRangeError as exc:
            self.host.show_message(str(exc), error=True)
            return
        self._set(replace(self.view.meta_filter, dates=dates))

    def clear(self) -> None:
        self.cleared += 1  # an entity filter still being found is dropped too
        if self.view.meta_filter.empty:
            self.host.notify("No filters are on.")
            return
        self._set(MetaFilter())

    def set(self, meta_filter: MetaFilter) -> None:
        """Put these filters in force (the entity filters come from the investigating views)."""
        self._set(meta_filter)

    def _set(self, meta_filter: MetaFilter) -> None:
        self.view.meta_filter = meta_filter
        self.host.show_message("")
        self.host.notify(
            f"Showing only {meta_filter.label()}" if not meta_filter.empty else "Filters cleared"
        )
        self.host.refresh_results()
