"""Export the open article, the listed articles or every starred one (Markdown, JSONL, CSV):
a file name is asked for (its suffix picks the format), the writing runs in a worker.

"The articles in the list" are all of them: the near-duplicates folded away, and a search's
matches past the pages the list has fetched so far (found again, in the order shown)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tuireader.core.base.wording import counted
from tuireader.core.library import Library
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.screens.prompt import PromptScreen

EXPORTS = {
    "article": "the open article",
    "results": "the articles in the list",
    "starred": "every starred article",
}


class Export:
    def __init__(self, host: Host, view: View, library: Library, marks: Marks) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.marks = marks
        self._failed = False  # the message line says an export failed (cleared by the next)

    def prompt(self, what: str) -> None:
        """Ask for a file name (the suffix picks the format), then export in a thread."""
        host = self.host
        if what == "article" and host.reader.shown is None:
            host.notify("Open an article first.")
            return
        ids: list[int] = []
        if what == "article":
            ids = [self.view.open_id] if self.view.open_id is not None else []
        elif what == "results":
            ids = list(host.article_list.whole)
            if not ids:
                host.notify("The list is empty.")
                return
        elif self.marks.marks is None or not self.marks.starred_ids:
            host.notify("No article is starred (s stars the article under the cursor).")
            return
        from tuireader.core.present.export import default_export_path  # (not at launch)

        default = default_export_path(self.library.corpus.name, what)
        results = self.view.results
        query = results.query if results is not None else ""
        # a search whose later pages the list has not fetched: found again whole
        unfetched = self.view.unfetched_matches(self.library) if what == "results" else None

        def chosen(target: str | None) -> None:
            if target:
                path = Path(target).expanduser().absolute()
                if path.is_dir():  # a folder: the file named as offered, in it
                    path = path / default.name

                def every() -> list[int]:
                    return ids if unfetched is None else unfetched()

                host.run_worker(
                    lambda: self._export(what, every, path, query), thread=True, group="export"
                )

        host.push_screen(
            PromptScreen(f"Export {EXPORTS[what]} to (.md, .jsonl or .csv):", str(default)),
            chosen,
        )

    def _export(self, what: str, every: Callable[[], list[int]], path: Path, query: str) -> None:
        library = self.library
        name = library.corpus.name
        try:
            ids = every()
            heading = ""  # one article: its own title heads it
            if what == "results":
                heading = f"{name}: {query}" if query else name
            elif what == "starred":
                ids = library.starred_in_order()
                heading = f"{name}: starred"
            written = library.export(ids, path=path, heading=heading, annotations=what == "article")
        except Exception as exc:  # a bad folder, a full disk: say so, keep the app
            said = f"Cannot export to {path}: {_why(exc, path)}"
            self.host.call_from_thread(self._said, said, True)
            return
        said = f"Exported {counted(written, 'article')} to {path}{_format_note(path)}"
        self.host.call_from_thread(self._said, said, False)

    def _said(self, text: str, failed: bool) -> None:
        """An export's outcome: a failure on the message line (it stays), a success as a
        notice, clearing the failure said before (it is no longer true)."""
        if failed:
            self.host.show_message(text, True)
        else:
            if self._failed:
                self.host.show_message("")
            self.host.notify(text, timeout=8)
        self._failed = failed


def _why(exc: Exception, path: Path) -> str:
    """Why a file could not be written (a bad folder, a full disk...)."""
    from tuireader.core.base.atomic import why_not_written  # (not at launch)

    return why_not_written(exc, path) if isinstance(exc, OSError) else str(exc)


def _format_note(path: Path) -> str:
    """Which format a file name that asks for none was written in (the prompt names .md,
    .jsonl and .csv; another suffix gets Markdown)."""
    from tuireader.core.present.export import FORMATS, format_for  # (not at launch)

    if format_for(path, "") in FORMATS:
        return ""
    return f" as Markdown ({path.suffix or 'no suffix'}: not .md, .jsonl or .csv)"
