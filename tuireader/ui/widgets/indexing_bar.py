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


def progress_labels(progress: SyncProgress) -> list[str]:
    """The label (the pass, the count the bar shows, the time left), longest first, then
    shorter forms for a narrow terminal (the first that fits beside the bar is shown):
    "Indexing 2/2 entities and quotations: 150 of 2,225 articles · about 1:07 left" …
    "Indexing 2/2: 150 of 2,225 · 1:07 left"."""
    total = progress.articles_total
    estimated = progress.known_total is None and progress.bytes_done < progress.bytes_total
    count = f"{progress.articles:,} of {'~' if estimated else ''}{total:,}"
    left = ""
    if progress.eta is not None:
        minutes, seconds = divmod(int(progress.eta + 0.5), 60)
        left = f"{minutes}:{seconds:02d} left"
    step = progress.phase.split(" ", 1)[0]  # "2/2"
    forms = [
        f"Indexing {progress.phase}: {count} articles" + (f" · about {left}" if left else ""),
        f"Indexing {progress.phase}: {count}" + (f" · {left}" if left else ""),
        f"Indexing {step}: {count}" + (f" · {left}" if left else ""),
        f"{step}: {count}",
    ]
    return list(dict.fromkeys(forms))


MIN_BAR = 12  # cells the bar keeps beside its label


class IndexingBar(Horizontal):
    """Hidden until progress comes in; its label and bar are made then (not for the first
    frame: a launch with nothing to index never shows them)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[Label, ProgressBar] | None = None
        self._progress: SyncProgress | None = None

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
        self._progress = progress
        label.update(self._fitting(progress))
        bar.update(total=max(1, progress.articles_total), progress=progress.articles)

    def show_waiting(self, text: str) -> None:
        """Another process is indexing: ``text`` says so, the bar runs without a count."""
        label, bar = self._made()
        self.add_class("active")
        self._progress = None
        label.update(text)
        bar.update(total=None)

    def _fitting(self, progress: SyncProgress) -> str:
        """The longest label that leaves the bar room (at 80 columns the longest was cut
        off: "… · about 0:22 lef")."""
        forms = progress_labels(progress)
        room = self.content_region.width - 2 - MIN_BAR  # (the label's right margin)
        if self.content_region.width <= 0:
            return forms[0]  # not laid out yet: made again on the first resize
        return next((form for form in forms if len(form) <= room), forms[-1])

    def on_resize(self) -> None:
        if self._parts is not None and self._progress is not None:
            self._parts[0].update(self._fitting(self._progress))

    def done(self) -> None:
        self.remove_class("active")
