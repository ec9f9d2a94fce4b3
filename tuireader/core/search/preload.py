"""Loaded once by the fork server that starts the indexing processes.

Each commit of a large batch starts two indexing processes. Without this, every one of them
would import whoosh and the analyzers and load the entity annotator's word lists again
(about 0.45 s of CPU each); forked from a server that has done it once, they start ready.
"""

from __future__ import annotations

from ..annotate import annotate
from . import whoosh_engine  # noqa: F401 - imported for the processes forked from here

annotate('Warm-up: "We will respond," Jane Doe of Acme Corp said in Paris.')
