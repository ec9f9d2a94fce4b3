"""The indexing bar above the search bar: what the sync is doing, how far it is, the time left.

Shown (class ``active``) while progress comes in, hidden when the sync ends. The ETA is the
sync's own (the whole pass's rate), in the label; the bar's own ETA is off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

if TYPE_CHECKING:  # the sync's modules load when a sync starts, after the first frame
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
    def compose(self) -> ComposeResult:
        yield Label("Indexing…", id="indexing-label")
        yield ProgressBar(id="indexing-bar", show_eta=False)

    def show_progress(self, progress: SyncProgress) -> None:
        self.add_class("active")
        self.query_one("#indexing-label", Label).update(progress_label(progress))
        bar = self.query_one("#indexing-bar", ProgressBar)
        bar.update(total=max(1, progress.articles_total), progress=progress.articles)

    def done(self) -> None:
        self.remove_class("active")
