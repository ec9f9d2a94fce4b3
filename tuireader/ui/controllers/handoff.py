"""Hand-offs to other programs: the article's URL in the browser (b), its file in $EDITOR
(X) or $PAGER (P) with the reader suspended, and the clipboard (y: the article's URL; Y: the
quotation at the top of the reading pane with its citation), through Textual's clipboard
support (OSC 52: it works over SSH, where the terminal allows it)."""

from __future__ import annotations

import os
import shlex
import subprocess

from tuireader.core.base.text import clean_line
from tuireader.core.library import Library
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host


class HandOff:
    def __init__(self, host: Host, view: View, library: Library) -> None:
        self.host = host
        self.view = view
        self.library = library

    def _row(self):
        if self.view.open_id is None:
            self.host.notify("Open an article first.")
            return None
        return self.library.get(self.view.open_id)

    def _url(self) -> str | None:
        row = self._row()
        if row is None:
            return None
        if not row.url:
            self.host.notify("This article has no URL.")
            return None
        return row.url

    def browser(self) -> None:
        url = self._url()
        if url:
            self.host.open_url(url)
            self.host.notify(f"Opening {clean_line(url)}")

    def program(self, variable: str) -> None:
        """Open the article's file in $EDITOR or $PAGER, the reader suspended meanwhile."""
        row = self._row()
        if row is None:
            return
        if not os.path.isfile(row.file):
            self.host.notify("The article is not a file of its own (a record of a dump).")
            return
        fallback = "less" if variable == "PAGER" else "vi"
        command = shlex.split(os.environ.get(variable) or fallback)
        try:
            with self.host.suspend():
                subprocess.run([*command, row.file], check=False)
        except Exception as exc:  # no terminal to suspend (tests, web), or no such program
            self.host.show_message(f"Cannot run {command[0]}: {exc}", error=True)

    def copy_url(self) -> None:
        url = self._url()
        if url:
            self.host.copy_to_clipboard(url)
            self.host.notify("Copied the article's URL.")

    def copy_quote(self) -> None:
        """The first quotation from the top of the reading pane, with who said it, where and
        when: "“…” — Speaker, Title, Source, Date, URL"."""
        row = self._row()
        shown = self.host.reader.shown
        if row is None or shown is None:
            return
        top = self.host.reader.offset_at_top()
        quotes = [q for q in shown.annotations.quotes if q.end > top]
        if not quotes:
            self.host.notify("No quotation from here on in this article.")
            return
        quote = quotes[0]
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "")
        text = " ".join(quote.text.split()).strip('"“” ')
        parts = [x for x in (speaker, row.title, row.source, row.date_text, row.url) if x]
        self.host.copy_to_clipboard(f"“{text}” — {', '.join(parts)}")
        self.host.notify(f"Copied the quotation{' of ' + speaker if speaker else ''}.")
