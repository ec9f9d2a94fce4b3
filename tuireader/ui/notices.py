"""Toasts and screenshots: corpus text in them is shown as written.

``NoticesApp`` is the reader app's base class. Titles, sources, tags, notes and file names
reach toasts: Textual reads a toast as markup unless told otherwise, so a title holding
``[/nope]`` crashed the app and one holding ``[@click=app.quit]`` made a clickable action.
Here a toast is never read as markup. Toasts of a kind that is repeated (the sort order, a
mark toggled) replace the previous one of their kind instead of stacking up.

A thread worker that meets a corpus error (the cache busy past SQLite's wait while the indexing
writes, read-only, full) says so in a toast and the log instead of ending the app: a worker
folding near-duplicates on a busy machine took the whole reader down with a traceback.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, Generic, TypeVar

from platformdirs import user_downloads_path
from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel
from textual.worker import Worker

from tuireader.core.base.log import get_logger
from tuireader.core.base.text import visible
from tuireader.core.ingest.loaders import CorpusError

ResultType = TypeVar("ResultType")


def as_markup(text: str) -> str:
    """Markup that shows ``text`` as written, for the Textual APIs that only take markup
    (a palette command's help line). Every ``[`` is escaped: ``textual.markup.escape`` leaves
    ``[$accent]`` and ``[B]`` to be read as styles."""
    return text.replace("[", "\\[")


class NoticesApp(App[ResultType], Generic[ResultType]):
    """An App whose ``notify`` takes no markup, with ``notify_replacing`` and screenshots
    that can be saved."""

    def __init__(self) -> None:
        super().__init__()
        self._replaceable: dict[str, Notification] = {}

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, its message and title shown as written: ``markup`` is ignored (a widget's
        ``notify`` asks for markup by default)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def notify_replacing(
        self,
        kind: str,
        message: str,
        *,
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """A toast that takes the place of the previous toast of the same ``kind`` (pressing
        O four times leaves one "Sorted by …", not four)."""
        notices = self._replaceable
        previous = notices.get(kind)
        if previous is not None:
            previous.timeout = 0  # expired: dropped, with its toast, when the next one is added
        notification = Notification(
            message,
            severity=severity,
            timeout=self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=False,
        )
        notices[kind] = notification
        self.post_message(Notify(notification))

    def run_worker(self, work: Any, *args: Any, **kwargs: Any) -> Worker[Any]:
        """Textual's ``run_worker``; a thread worker's ``CorpusError`` becomes a toast (and a
        line in the log) rather than the end of the app."""
        if kwargs.get("thread") and callable(work) and not inspect.iscoroutinefunction(work):
            work = self._guarded(work, kwargs.get("group", "default"))
        return super().run_worker(work, *args, **kwargs)

    def _guarded(self, work: Callable[[], Any], group: str) -> Callable[[], Any]:
        def guarded() -> Any:
            try:
                return work()
            except CorpusError as exc:
                get_logger().warning("worker %s: %s", group, exc)
                with suppress(RuntimeError):  # the app has ended meanwhile
                    self.call_from_thread(
                        self.notify,
                        f"{exc} (the reader goes on; try again in a moment)",
                        title="Could not finish",
                        severity="error",
                        timeout=10,
                    )
                return None

        return guarded

    def action_help_quit(self) -> None:
        """Ctrl+C: say which key quits (Textual's own message is markup)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding) or key
                self.notify(f"Press {shown} to quit the app", title="Do you want to quit?")
                return

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Save a screenshot (the palette's "Save screenshot"), by default in the Downloads
        folder, which is made if it is not there (Textual's delivery failed without it)."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        folder = Path(path).expanduser() if path else user_downloads_path()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as exc:
            self.notify(
                f"Cannot save the screenshot in {visible(str(folder))}: {exc}",
                title="Screenshot",
                severity="error",
                timeout=10,
            )
            return None
        self.notify(f"Saved screenshot to {visible(saved)}", title="Screenshot", timeout=8)
        return None
