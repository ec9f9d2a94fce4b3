"""Switching corpora: remember the open one, offer the others, leave for the chosen one.

Switching exits the app with the chosen Corpus as its result and the ``tuireader`` command
starts a new app on it (``cli.run_open``): every worker, index and connection of the old
corpus is finished and closed in between, and the new app restores the corpus's own last
article and marks the way a fresh start does.
"""

from __future__ import annotations

import os

from tuireader.core.base.text import visible
from tuireader.core.cache.corpus import Corpus
from tuireader.core.ingest.loaders import CorpusError
from tuireader.core.library import Library
from tuireader.core.user.corpora import KnownCorpora, KnownCorpus, display_name, opened_ago
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.host import Host


class Corpora:
    def __init__(self, host: Host, library: Library, settings: Settings) -> None:
        self.host = host
        self.library = library
        self.settings = settings
        self.known: KnownCorpora | None = None

    def mount(self) -> str:
        """The name of the corpus being opened, for the header (``remember`` saves it)."""
        self.known = KnownCorpora()
        if self.known.warning:
            self.host.notify(self.known.warning, severity="warning", timeout=10)
        corpus = self.library.corpus
        return display_name([str(p) for p in corpus.paths], corpus.name)

    def remember(self) -> None:
        """Put the corpus being opened first in the list of corpora; once the first frame
        is drawn (the file is written with two fsyncs, slow on a busy disk)."""
        if self.known is None:
            return
        corpus = self.library.corpus
        paths = [str(p) for p in corpus.paths]
        try:
            self.known.remember(paths, display_name(paths, corpus.name))
        except OSError as exc:
            self.host.notify(f"Cannot remember this corpus: {exc}", severity="warning", timeout=10)

    def others(self) -> list[KnownCorpus]:
        """The corpora to switch to: every remembered one but this one, and the sample."""
        here = KnownCorpus("", tuple(str(p) for p in self.library.corpus.paths), 0).identity
        known = self.known or KnownCorpora()
        return [e for e in known.with_sample() if e.identity != here]

    def switch(self, entry: KnownCorpus) -> None:
        """Leave this corpus for another: the app exits with it (see ``cli.run_open``)."""
        missing = entry.missing
        if missing:
            self.host.show_message(
                f"Cannot open {entry.name}: {describe_missing(missing)}. "
                "Ctrl+P › Forget corpus drops it from the list.",
                error=True,
            )
            return
        try:
            corpus = Corpus(list(entry.paths))
        except CorpusError as exc:
            self.host.show_message(f"Cannot open {entry.name}: {exc}", error=True)
            return
        self.host.exit(corpus)

    def forget(self, entry: KnownCorpus) -> None:
        try:
            self.known.forget(entry)
        except OSError as exc:
            self.host.show_message(f"Cannot save the list of corpora: {exc}", error=True)
            return
        self.host.notify(f"Forgot {entry.name} (its index and marks are kept)")

    def release(self) -> None:
        """Close the index and the databases once the app has ended (its workers are done)."""
        self.library.close()
        self.settings.userdata = None


def describe_missing(missing: list[str]) -> str:
    first = visible(_home(missing[0]))
    more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
    return f"{first}{more} no longer there"


def describe(entry: KnownCorpus) -> str:
    """A palette help line: where the corpus is and when it was last opened."""
    missing = entry.missing
    if missing:
        return f"missing: {describe_missing(missing)}"
    where = visible(_home(entry.paths[0]))
    if len(entry.paths) > 1:
        where += f" and {len(entry.paths) - 1} more"
    return f"{where} · {opened_ago(entry.last_opened)}"


def _home(path: str) -> str:
    home = os.path.expanduser("~")
    if home not in ("", "/") and (path == home or path.startswith(home + os.sep)):
        return "~" + path[len(home) :]
    return path
