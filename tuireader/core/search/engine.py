"""What the rest of the program needs from a full-text engine."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from tuireader.core.base.articles import Article


class QueryError(ValueError):
    """A query the user typed that cannot be run; the message is meant for them."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    score: float


@dataclass(slots=True)
class SearchResults:
    """Ranked hits, the total number of matches and the terms to highlight in bodies, and in
    titles (``title_terms``, with the ``title:`` ones; None: the same as ``terms``)."""

    query: str
    hits: list[SearchHit]
    total: int
    terms: frozenset[str] = field(default_factory=frozenset)
    title_terms: frozenset[str] | None = None

    @property
    def ids(self) -> list[int]:
        return [hit.article_id for hit in self.hits]


class IndexWriter(Protocol):
    def add(self, article_id: int, article: Article, replace: bool) -> None: ...
    def delete_key(self, key: str) -> None: ...
    def delete_file(self, path: str) -> None: ...
    def commit(self) -> None: ...
    def cancel(self) -> None: ...


class SearchEngine(Protocol):
    """Build/update, search, suggest, similar."""

    def doc_count(self) -> int: ...
    def writer(self, parallel: bool = False) -> IndexWriter: ...
    def search(
        self,
        query: str,
        limit: int = 1000,
        count: bool = True,
        within: Collection[int] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResults: ...
    def suggest(self, query: str) -> str | None: ...
    def similar(
        self, article: Article, limit: int = 10, within: Collection[int] | None = None
    ) -> list[SearchHit]: ...
    def match_spans(self, terms: Iterable[str], text: str) -> list[tuple[int, int]]: ...
    def articles_quoting(
        self, quote_text: str, exclude_id: int | None = None, limit: int = 50
    ) -> list[tuple[int, float]]:
        """Other articles carrying (nearly) this quotation: (article id, share of it)."""
        ...

    def refresh(self) -> None: ...
    def clear(self) -> None: ...
    def close(self) -> None: ...
