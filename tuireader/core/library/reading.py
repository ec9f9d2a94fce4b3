"""Opening an article: its text from the store, its annotations (kept, or found once), the
search terms' spans, and which of its quotations other articles carry."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import Annotations, shift
from tuireader.core.base.articles import Article
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import MetaStore
from tuireader.core.library.annotations import AnnotationSource
from tuireader.core.library.views import ArticleView, QuoteSource
from tuireader.core.user.userdata import ArticleMarks


class ArticleUnavailable(Exception):
    """An article that cannot be shown (gone from the list, or its text unreadable); the
    message is for the user."""


def load_article(store: MetaStore, article_id: int) -> Article:
    """One article whole, as indexed (see ``Corpus.articles``)."""
    rows, found = Corpus.articles(store, [article_id])
    if article_id not in rows:
        raise ArticleUnavailable(f"article {article_id} is no longer in the list")
    article = found[article_id]
    if isinstance(article, Exception):
        from tuireader.core.base.text import visible

        raise ArticleUnavailable(f"Cannot read {visible(rows[article_id].key)}: {article}")
    return article


def article_view(
    store: MetaStore,
    engine,
    annotations: AnnotationSource,
    article_id: int,
    terms: frozenset[str] = frozenset(),
    title_terms: frozenset[str] | None = None,
    marks: ArticleMarks | None = None,
) -> ArticleView:
    """Everything the reading pane shows of an article; ``engine`` None: the index is not open
    yet (no hits, no shared quotations)."""
    row = store.get(article_id)
    if row is None:
        raise ArticleUnavailable(f"article {article_id} is no longer in the list")
    article = load_article(store, article_id)
    title_terms = terms if title_terms is None else title_terms
    hits: tuple = ()
    title_hits: tuple = ()
    if engine is not None:
        hits = tuple(engine.match_spans(terms, article.body)) if terms else ()
        title_hits = tuple(engine.match_spans(title_terms, article.title)) if title_terms else ()
    found = annotations.of(store, article_id, article)
    body_offset = len(article.full_text) - len(article.body)
    body = shift(found, body_offset, len(article.body))
    title = shift(found, 0, len(article.title)) if article.has_headline else Annotations()
    shared: dict[int, int] = {}
    if engine is not None:
        for index, quote in enumerate(body.quotes):
            others = engine.articles_quoting(quote.text, exclude_id=article_id)
            if others:
                shared[index] = len(others)
    return ArticleView(
        article_id,
        row,
        article,
        hits,
        title_hits,
        body,
        title,
        shared,
        marks or ArticleMarks(),
        indexed=engine is not None,
    )


def quote_sources(
    store: MetaStore, engine, annotations: AnnotationSource, view: ArticleView
) -> list[QuoteSource]:
    """For each shared quotation of an open article, the other articles carrying it and the
    speaker each gives it (None when it cannot be told, or the article cannot be read)."""
    from tuireader.core.search.annotation_fields import quote_fingerprints  # loads whoosh

    found: list[QuoteSource] = []
    for index in sorted(view.shared):
        quote = view.annotations.quotes[index]
        wanted = set(quote_fingerprints(quote.text))
        for other_id, _share in engine.articles_quoting(quote.text, exclude_id=view.id):
            row = store.get(other_id)
            if row is None:
                continue
            speaker = None
            try:
                other = load_article(store, other_id)
                for candidate in annotations.of(store, other_id, other).quotes:
                    if wanted & set(quote_fingerprints(candidate.text)):
                        speaker = candidate.speaker_name or (
                            candidate.speaker.text if candidate.speaker else None
                        )
                        break
            except ArticleUnavailable:  # still listed, without a speaker
                pass
            found.append(QuoteSource(quote.text, other_id, row.title, speaker))
    return found
