"""What the reader's workers report to the app: every message, as a dataclass, in one place.

Workers run in threads and never touch widgets; they post one of these and the app hands it
to the controller that asked for the work (see ``app.py``). ``seq`` is the search generation
the work was started for: a result whose ``seq`` is not the current one is stale and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tuireader.core.library import ArticleView
from tuireader.core.search import SearchResults

if TYPE_CHECKING:  # the sync's modules load when a sync starts, after the first frame
    from tuireader.core.cache.sync import SyncProgress, SyncReport


@dataclass
class SyncProgressed(Message):
    """A step of indexing (a copy: the sync goes on changing its own)."""

    progress: SyncProgress


@dataclass
class SyncFinished(Message):
    report: SyncReport | None
    error: str | None = None


@dataclass
class IndexOpened(Message):
    """The index can answer (e.g. which articles share a quotation)."""


@dataclass
class SearchFinished(Message):
    results: SearchResults
    seq: int
    live: bool  # typed, not committed with Enter
    similar_to: int | None = None  # "more like this" results: the article they are like
    first_page: bool = False  # the best hits that fill the list, the count estimated
    rest: bool = False  # the whole result list and exact count after a first page
    refreshed: bool = False  # (with rest) on what was committed since: snippets made again
    more: bool = False  # the next page of a long result list, to add at its end


@dataclass
class SearchFailed(Message):
    query: str
    message: str
    seq: int


@dataclass
class SuggestionReady(Message):
    query: str
    suggestion: str


@dataclass
class NearDuplicatesFound(Message):
    """Shares of text (0 to 1) each similar article has in common with the one it is like."""

    shares: dict[int, float]
    seq: int


@dataclass
class ArticleReady(Message):
    """An opened article (``view.indexed`` False: read before the index was open, so no
    quotation is shared yet), or why it cannot be shown."""

    article_id: int
    view: ArticleView | None
    error: str = ""
    refresh: bool = False  # the same article again (new index data): keep the position
