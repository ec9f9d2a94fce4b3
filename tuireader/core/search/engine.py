"""What the rest of the program needs from a full-text engine: everything callers use.

An engine keeps two indexes of a corpus: the text index (title, body, source, date), filled
first so that articles are searchable at once, and the annotation index (``person:``,
``org:``, ``place:``, ``entity:``, ``speaker:``, ``quote:``, ``exact:`` and quotation
fingerprints), filled after it. Queries on both are answered as one. Documents carry the
article id (the metadata store's key), so a hit maps straight to a row. Every engine passes
the contract suite (tests/core/search/test_engine_contract.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tuireader.core.base.articles import Article


class QueryError(ValueError):
    """A query the user typed that cannot be run; the message is meant for them."""


class CommitInterrupted(Exception):
    """A commit was ended by ``interrupt`` (the user quit): its batch is not published whole,
    and the store must not record it; the next sync indexes it again."""


class IndexDamaged(QueryError):
    """The search index is damaged; the message says it is being rebuilt."""


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


@dataclass(frozen=True, slots=True)
class IndexStats:
    """How big the indexes are."""

    documents: int  # articles in the text index
    annotated: int  # articles in the annotation index (annotation fields searchable)
    bytes_on_disk: int


@dataclass(frozen=True, slots=True)
class Repair:
    """What ``SearchEngine.repair`` did: documents deleted, and the article ids found sound."""

    deleted: int
    kept: frozenset[int]


def annotation_ident(article_id: int, digest: str) -> str:
    """What an annotation document is made from: an article id and its content hash."""
    return f"{article_id}:{digest}"


class IndexWriter(Protocol):
    """Adds and deletes articles of the text index in one transaction (a batch)."""

    def add(self, article_id: int, article: Article, replace: bool) -> None: ...
    def delete_key(self, key: str) -> None: ...
    def delete_file(self, path: str) -> None: ...
    def commit(self, more: bool = False) -> None:
        """Publish the batch. ``more``: another batch of the same pass follows at once (an
        engine may keep its writer for it; the pass ends with a commit without ``more``)."""
        ...

    def cancel(self) -> None: ...
    def interrupt(self) -> None:
        """From another thread: end a commit under way as soon as the engine can (the user
        quits while it runs); that commit then raises CommitInterrupted. Engines whose commit
        is quick do nothing."""
        ...


class AnnotationWriter(Protocol):
    """Adds and deletes documents of the annotation index in one transaction."""

    def add(self, article_id: int, digest: str, article: Article) -> None: ...
    def add_empty(self, article_id: int, digest: str) -> None: ...
    def delete(self, ident: str) -> None: ...
    def commit(self, more: bool = False) -> None: ...
    def cancel(self) -> None: ...


class SearchEngine(Protocol):
    """Build/update, search, suggest, similar, annotation fields, damage and repair."""

    directory: Path  # the text index's folder (the annotation index is beside it)
    damage: str | None  # why the index is damaged (found on opening or after an error)

    # -- writing -----------------------------------------------------------------------------
    def doc_count(self) -> int: ...
    def writer(self, parallel: bool = False) -> IndexWriter: ...
    def annotation_writer(self, parallel: bool = False) -> AnnotationWriter: ...
    def annotated(self) -> set[str]:
        """The ``annotation_ident``s in the annotation index."""
        ...

    def stats(self) -> IndexStats: ...
    def clear(self) -> None: ...
    def close(self) -> None: ...

    # -- reading -----------------------------------------------------------------------------
    def check_query(self, query: str) -> None:
        """Raise QueryError when ``query`` cannot be run (without running it)."""
        ...

    def search(
        self,
        query: str,
        limit: int = 1000,
        count: bool = True,
        within: Collection[int] | None = None,
        cancelled: Callable[[], bool] | None = None,
        offset: int = 0,
        order: str = "score",
    ) -> SearchResults:
        """Hits ``offset`` to ``offset + limit`` ranked by score, ties by article id (``order``
        "newest"/"oldest": by date, undated last, ties by article id); ``within``: only these
        ids; ``cancelled``: stop with a QueryError when true. ``total`` counts every match."""
        ...

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

    # -- damage and repair -------------------------------------------------------------------
    def damaged_parts(self, full: bool = False) -> dict[Path, str]: ...
    def check_after_error(self) -> str | None: ...
    def set_aside_damaged(self, parts: Collection[Path]) -> list[Path]: ...
    def record_files(self) -> None: ...
    def repair(self, wanted: Mapping[str, int]) -> Repair:
        """Delete the documents whose key is not in ``wanted`` (key -> article id), or whose
        article id is not the one wanted or repeats one (a sync killed between the index's
        commit and the store's)."""
        ...
