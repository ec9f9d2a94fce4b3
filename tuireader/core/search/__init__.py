"""The search index behind one protocol (``engine.SearchEngine``), so that another engine can
be added: the engine in use is chosen here, and only its package names its library.

The engine is imported only when one is opened (``open_engine``): the reader's first frame
should not wait for its import.
"""

from __future__ import annotations

from pathlib import Path

from tuireader.core.search.engine import (
    AnnotationWriter,
    IndexDamaged,
    IndexStats,
    IndexWriter,
    QueryError,
    Repair,
    SearchEngine,
    SearchHit,
    SearchResults,
    annotation_ident,
)

# The engine in use: the name of its library, and of its index folder in a corpus's cache.
ENGINE = "whoosh"

__all__ = [
    "ENGINE",
    "AnnotationWriter",
    "IndexDamaged",
    "IndexStats",
    "IndexWriter",
    "QueryError",
    "Repair",
    "SearchEngine",
    "SearchHit",
    "SearchResults",
    "annotation_ident",
    "open_engine",
]


def open_engine(directory: Path, spec: str = "embedded", publish_lock=None) -> SearchEngine:
    """The engine's indexes in ``directory`` (and the annotation folder beside it), made or
    rebuilt as needed; ``publish_lock``: held while a commit is published (see the engine)."""
    from tuireader.core.search.whoosh import WhooshEngine

    return WhooshEngine(directory, spec, publish_lock)
