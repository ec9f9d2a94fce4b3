"""The search index behind a small interface, so that another engine can be added later."""

from .engine import IndexWriter, QueryError, SearchEngine, SearchHit, SearchResults
from .whoosh_engine import WhooshEngine

__all__ = [
    "IndexWriter",
    "QueryError",
    "SearchEngine",
    "SearchHit",
    "SearchResults",
    "WhooshEngine",
]
