"""The indexing bar above the search bar: what the sync is doing, how far it is, the time left.

Shown (class ``active``) while progress comes in, hidden when the sync ends. The ETA is the
sync's own (the whole pass's rate), in the label; the bar's own ETA is off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.widgets import Label

if TYPE_CHECKING:  # the sync's modules load when a sync starts, after the first frame
    from textual.widgets import ProgressBar

    from tuireader.core.cache.sync import SyncProgress


def progress_label(progress: SyncProgress) -> str:
    """The label: the pass, the count the bar shows, and the time left."""
    total = progress.articles_total
    estimated = progress.known_total is None and progress.bytes_done < progress.bytes_total
    count = f"{progress.articles:,} of {'~' if estimated else ''}{total:,} articles"
    label = f"Indexing {progress.phase}: {count}"
    if progress.eta is not None:
        minutes, seconds = divmod(int(progress.eta + 0.5), 60)
        label += f" · about {minutes}:{seconds:02d} left"
    return label


class IndexingBar(Horizontal):
    """Hidden until progress comes in; its label and bar are made then (not for the first
    frame: a launch with nothing to index never shows them)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[Label, ProgressBar] | None = None

    def _made(self) -> tuple[Label, ProgressBar]:
        if self._parts is None:
            from textual.widgets import ProgressBar

            self._parts = (
                Label("Indexing…", id="indexing-label"),
                ProgressBar(id="indexing-bar", show_eta=False),
            )
            self.mount(*self._parts)
        return self._parts

    def show_progress(self, progress: SyncProgress) -> None:
        label, bar = self._made()
        self.add_class("active")
        label.update(progress_label(progress))
        bar.update(total=max(1, progress.articles_total), progress=progress.articles)

    def done(self) -> None:
        self.remove_class("active")
