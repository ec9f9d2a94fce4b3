"""The search index behind one protocol (``engine.SearchEngine``), so that another engine can
be added: the engine in use is chosen here, and only its package names its library.

The engine is imported only when one is opened (``open_engine``): the reader's first frame
should not wait for its import.
"""

from __future__ import annotations

from pathlib import Path

from tuireader.core.search.engine import (
    AnnotationWriter,
    CommitInterrupted,
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

# The default engine: the name of its library, and of its index folder in a corpus's cache.
ENGINE = "whoosh"
# The engines, by name (each an optional import; tantivy is the extra ``tuireader[tantivy]``).
ENGINES = ("whoosh", "tantivy")


class EngineMissing(ImportError):
    """The engine asked for is not installed; the message says how to install it."""


__all__ = [
    "ENGINE",
    "ENGINES",
    "EngineMissing",
    "AnnotationWriter",
    "CommitInterrupted",
    "IndexDamaged",
    "IndexStats",
    "IndexWriter",
    "QueryError",
    "Repair",
    "SearchEngine",
    "SearchHit",
    "SearchResults",
    "annotation_ident",
    "engine_available",
    "open_engine",
]


def engine_available(name: str) -> bool:
    """Whether the engine's library is installed (without importing it)."""
    import importlib.util

    return name == "whoosh" or importlib.util.find_spec(name) is not None


def open_engine(
    directory: Path, spec: str = "embedded", publish_lock=None, engine: str = ENGINE
) -> SearchEngine:
    """The engine's indexes in ``directory`` (and the annotation folder beside it), made or
    rebuilt as needed; ``publish_lock``: held while a commit is published (see the engine);
    ``engine``: one of ``ENGINES`` (EngineMissing when its library is not installed)."""
    if engine == "tantivy":
        if not engine_available("tantivy"):
            raise EngineMissing(
                "The tantivy engine is not installed: pip install 'tuireader[tantivy]'"
            )
        from tuireader.core.search.tantivy import TantivyEngine

        return TantivyEngine(directory, spec, publish_lock)
    if engine != "whoosh":
        raise ValueError(f"unknown search engine: {engine} (engines: {', '.join(ENGINES)})")
    from tuireader.core.search.whoosh import WhooshEngine

    return WhooshEngine(directory, spec, publish_lock)
