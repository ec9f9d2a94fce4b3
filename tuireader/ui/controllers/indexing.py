"""Indexing in the background: open the index, bring it up to date with the corpus (its
progress in the indexing bar), and follow what other processes commit."""

from __future__ import annotations

import gc
import threading

from tuireader.core.base.log import log_file
from tuireader.core.base.text import visible
from tuireader.core.base.wording import counted
from tuireader.core.cache.store import CacheError
from tuireader.core.library import Library, SyncEvent
from tuireader.core.library import SyncProgressed as LibrarySyncProgressed
from tuireader.ui.controllers.search import Search
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.messages import IndexOpened, SyncFinished, SyncProgressed

FOLLOW_INTERVAL = 2.0  # seconds between checks for commits made by another process


class Indexing:
    def __init__(
        self, host: Host, view: View, library: Library, settings: Settings, search: Search
    ) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.settings = settings
        self.search = search
        self.skipped = 0
        self.frozen = False  # see _freeze_loaded
        self._generation = 0
        self._cancel = threading.Event()  # set when the app ends: the sync stops
        self._trying = False  # a sync tried again while another process indexes (_wait)

    def mount(self) -> None:
        self._generation = self.library.generation()

    def start(self, rebuild: bool = False) -> None:
        """Open the index, then bring it up to date with the corpus (in a worker)."""
        self.host.run_worker(lambda: self._sync(rebuild), thread=True, group="sync", exclusive=True)

    def reindex(self, rebuild: bool = False) -> None:
        if self.view.syncing:
            self.host.notify("Indexing is already running.")
            return
        self.host.notify("Rebuilding the index…" if rebuild else "Checking the corpus for changes…")
        self.start(rebuild)

    def _sync(self, rebuild: bool) -> None:
        """Open the index (loading the entity backend: a spaCy model takes seconds), then
        bring it up to date with the corpus."""
        host, library = self.host, self.library
        self.view.syncing = True
        try:
            warning = library.open_index(with_backend=True)
            if warning:
                host.call_from_thread(host.notify, warning, severity="warning", timeout=10)
            if rebuild:
                library.rebuild()
            library.refresh()  # the searcher is slow to open on big indexes
            host.post_message(IndexOpened())
            library.prepare_reading()
            report = library.sync(self._on_event, cancel=self._cancel)
            library.refresh()
        except Exception as exc:  # reported in the UI; the app keeps what it has
            self.view.index_failed = not library.index_open  # searches stop waiting for it
            detail = str(exc) if isinstance(exc, CacheError) else f"{type(exc).__name__}: {exc}"
            host.post_message(SyncFinished(None, detail))
            return
        host.post_message(SyncFinished(report))

    def _on_event(self, event: SyncEvent) -> None:
        if isinstance(event, LibrarySyncProgressed):
            self.host.post_message(SyncProgressed(event.progress))

    def progressed(self, message: SyncProgressed) -> None:
        progress = message.progress
        self.view.syncing = True  # (a sync tried again after another process's: it runs)
        # the entity pass begins: every article is listed and readable (the list's first opens)
        annotating = progress.stage == "annotations" and self.view.sync_stage != "annotations"
        self.view.sync_stage = progress.stage
        self.host.indexing_bar.show_progress(progress)
        if progress.committed or annotating:
            self.host.reload_list()

    def finished(self, message: SyncFinished) -> None:
        host, view, library = self.host, self.view, self.library
        view.syncing = False
        view.synced = True
        self._generation = library.generation()  # this sync's commits are shown below
        if not (message.report is not None and message.report.busy):
            host.indexing_bar.done()
        if message.error:
            view.other_syncing = self._trying = False  # (not tried again)
            host.show_message(f"Indexing failed: {message.error}", error=True)
            return
        report = message.report
        assert report is not None
        if report.repaired:
            host.notify(f"Repaired after an interrupted run: {report.repaired}", timeout=8)
        # said in the indexing bar until this app can sync (see _wait); then the results
        # shown are searched again below, the note on partial entity fields gone
        view.other_syncing = report.busy
        self._trying = False
        if report.busy:
            host.indexing_bar.show_waiting("Another tuireader is indexing this corpus")
        if report.advice:
            host.notify(report.advice, timeout=15)
        if report.changed or not host.article_list.ids:
            host.reload_list()
            if view.open_id is not None:
                host.open_article(view.open_id, refresh=True)  # e.g. quotes now shared
        self.search.index_complete()  # results shown: searched again on the whole index
        self.skipped = library.skip_count()
        if self.skipped:
            host.notify(
                f"{counted(self.skipped, 'item')} could not be read: "
                "Ctrl+P › Skipped items lists them "
                f"(reasons also in {visible(str(log_file()))})",
                severity="warning",
                timeout=8,
            )
        if report.changed and report.seconds > 1:
            indexed = report.added + report.updated
            host.notify(f"Indexed {counted(indexed, 'article')} in {report.seconds:.1f} s")
        self._freeze_loaded()

    def follow_other_writers(self) -> None:
        """Show what another process (``tuireader index``, another reader) committed: the
        list and its counts, and the shown results searched again (the cursor stays)."""
        if self.view.other_syncing and not self.view.syncing:
            self._wait()  # (its commits are still followed below meanwhile)
        generation = self.library.generation()
        if generation == self._generation:
            return
        self._generation = generation
        if self.view.syncing:
            return  # this app's own sync: its commits reload the list as they come
        self.host.reload_list()
        if self.view.results is not None and self.view.similar_to is None:
            self.search.refresh_in_place()

    def _wait(self) -> None:
        """While another process indexes, try to sync again (every FOLLOW_INTERVAL): busy
        at once until it ends (or dies), then this app brings the index up to date itself,
        and its views know the index is whole (the notes on partial entity fields go)."""
        if self._trying:
            return
        self._trying = True
        host, library = self.host, self.library

        def work() -> None:
            try:
                report = library.sync(self._on_event, cancel=self._cancel)
                if report.busy:
                    self._trying = False  # tried again at the next check
                    return
                library.refresh()
            except Exception as exc:  # reported as a sync's failure is
                detail = str(exc) if isinstance(exc, CacheError) else f"{type(exc).__name__}: {exc}"
                host.post_message(SyncFinished(None, detail))
                return
            host.post_message(SyncFinished(report))

        host.run_worker(work, thread=True, group="sync", exclusive=True)

    def _freeze_loaded(self) -> None:
        """After a sync, set what the app holds (the list, the index's searcher) apart from the
        cyclic garbage collector: at 100k articles every full collection walked it all, every
        few searches, and a key pressed then waited for it (benchmarks/README.md).
        What was set apart at the previous sync is collected first (an old searcher's cycles
        are not kept past the next sync); undone when the app ends (``stop``)."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.frozen = True

    def stop(self) -> None:
        self._cancel.set()
        if self.frozen:
            gc.unfreeze()
