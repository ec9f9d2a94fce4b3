"""The search index behind a small interface, so that another engine can be added later.

whoosh is imported only when an engine is used (``WhooshEngine``): importing it costs about
0.1 s, which the reader's first frame should not wait for.
"""

from tuireader.core.search.engine import (
    IndexWriter,
    QueryError,
    SearchEngine,
    SearchHit,
    SearchResults,
)
from tuireader.core.search.index_files import IndexDamaged

__all__ = [
    "IndexDamaged",
    "IndexWriter",
    "QueryError",
    "SearchEngine",
    "SearchHit",
    "SearchResults",
    "WhooshEngine",
]


def __getattr__(name: str):
    if name == "WhooshEngine":
        from tuireader.core.search.whoosh_engine import WhooshEngine

        return WhooshEngine
    raise AttributeError(name)
