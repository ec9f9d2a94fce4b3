"""The plain data the door hands to its callers: an open article, a page of results, a
quotation found elsewhere. No widget or markup here: the UI only draws them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.base.articles import Article
from tuireader.core.cache.store import ArticleRow
from tuireader.core.search import SearchHit, SearchResults
from tuireader.core.user.userdata import ArticleMarks

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article as the reading pane shows it, everything computed.

    Offsets: ``hits`` and ``annotations`` count in ``article.body``; ``title_hits`` and
    ``title_annotations`` in ``article.title``. ``shared``: index of a quotation in
    ``annotations.quotes`` -> how many other articles carry it. ``indexed``: False when the
    index was not open yet (no hits, no shared quotations: open it again once it is).
    """

    id: int
    row: ArticleRow
    article: Article
    hits: Spans = ()
    title_hits: Spans = ()
    annotations: Annotations = field(default_factory=Annotations)
    title_annotations: Annotations = field(default_factory=Annotations)
    shared: dict[int, int] = field(default_factory=dict)
    marks: ArticleMarks = field(default_factory=ArticleMarks)
    indexed: bool = True

    @property
    def location(self) -> str:
        """Where the article is (file, or file#record), shown when it names no source."""
        from tuireader.core.base.text import visible

        return visible(self.row.key) if not self.article.source else ""

    def meta(self, format_date: Callable[[datetime], str] | None = None) -> str:
        """ "Source · date · url", the date through ``format_date`` (else ISO)."""
        article = self.article
        if article.date is not None:
            date = format_date(article.date) if format_date else article.date.isoformat()
        else:
            date = article.date_text
        return " · ".join(part for part in (article.source, date, article.url) if part)

    @property
    def all_annotations(self) -> Annotations:
        """Title and body annotations together (the names panel lists both)."""
        return Annotations(
            self.title_annotations.entities + self.annotations.entities,
            self.title_annotations.quotes + self.annotations.quotes,
        )


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """An article that carries a quotation of the open one, and whom it quotes there."""

    quote: str
    article_id: int
    title: str
    speaker: str | None


@dataclass(slots=True)
class Found:
    """A page of search results: ``ids`` in the order asked for (``sort``), from ``offset``;
    ``total`` counts every match (an estimate when ``counted`` is False)."""

    results: SearchResults
    ids: list[int]
    total: int
    offset: int = 0
    sort: str = "relevance"
    counted: bool = True

    @property
    def query(self) -> str:
        return self.results.query

    @property
    def hits(self) -> list[SearchHit]:
        return self.results.hits

    @property
    def terms(self) -> frozenset[str]:
        return self.results.terms

    @property
    def title_terms(self) -> frozenset[str]:
        """Terms to highlight in titles (``title:`` ones too)."""
        title = self.results.title_terms
        return self.results.terms if title is None else title

    @property
    def complete(self) -> bool:
        """Whether every match is in ``results`` (no need to ask for more)."""
        return self.results.total <= len(self.results.hits)
