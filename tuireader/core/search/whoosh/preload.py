"""Loaded once by the fork server that starts the indexing processes.

Each commit of a large batch starts two indexing processes. Without this, every one of them
would import whoosh and the analyzers and load the entity annotator's word lists again;
forked from a server that has done it once, they start ready.

It also ties the server and every process it forks to the indexer (see ``lifeline``), and
makes them ignore Ctrl-C, which the terminal sends to all of them: the indexer cancels its
writer, which ends them, and no process prints a KeyboardInterrupt traceback.
"""

from __future__ import annotations

import os
import signal

from tuireader.core.annotate.pipeline import annotate
from tuireader.core.base.lifeline import exit_with, open_watch
from tuireader.core.search.whoosh import engine  # noqa: F401 - imported for the processes forked from here

# The fork server keeps this as the handler its children start with.
signal.signal(signal.SIGINT, signal.SIG_IGN)
_INDEXER = os.getppid()
_WATCH = open_watch(_INDEXER)
exit_with(_INDEXER, _WATCH)
os.register_at_fork(after_in_child=lambda: exit_with(_INDEXER, _WATCH))

annotate('Warm-up: "We will respond," Jane Doe of Acme Corp said in Paris.')
