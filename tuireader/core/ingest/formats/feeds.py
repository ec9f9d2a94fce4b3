"""RSS and Atom feeds (``.rss``, ``.atom``, and ``.xml`` that is a feed): one article per item or
entry, its full content when the feed has it, else its summary (feedparser: the ``[feeds]``
extra). An entry is located by its position in the feed; a bad entry skips only itself."""

from __future__ import annotations

from collections.abc import Iterator

from tuireader.core.base.articles import Article
from tuireader.core.ingest.formats.common import Keys, make_article, plain_html, read_capped
from tuireader.core.ingest.skipped import Skipped


def _parse(path: str):
    import feedparser

    parsed = feedparser.parse(read_capped(path))
    if not parsed.get("version") and not parsed.entries:
        raise ValueError("not a feed (no RSS or Atom in this XML)")
    return parsed


def read(path: str) -> Iterator[Article | Skipped]:
    parsed = _parse(path)
    keys = Keys(path)
    feed_title = parsed.feed.get("title", "") if parsed.get("feed") else ""
    if not parsed.entries:
        raise ValueError("feed has no items")
    for index, entry in enumerate(parsed.entries):
        try:
            article = _article(path, index, entry, feed_title)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            yield Skipped(f"{path}#{index}", f"bad feed item: {exc}")
            continue
        article.key = keys.key(article.record_id, article.title + article.body)
        yield article


def reopen(path: str, locator: int, key: str) -> Article:
    parsed = _parse(path)
    if not 0 <= locator < len(parsed.entries):
        raise ValueError(f"the feed has no item {locator} any more")
    feed_title = parsed.feed.get("title", "") if parsed.get("feed") else ""
    article = _article(path, locator, parsed.entries[locator], feed_title)
    article.key = key
    return article


def _article(path: str, index: int, entry, feed_title: str) -> Article:
    content = ""
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if len(value) > len(content):
            content = value
    content = content or entry.get("summary") or entry.get("description") or ""
    author = entry.get("author") or ""
    source = f"{feed_title} \u2014 {author}" if feed_title and author else feed_title or author
    return make_article(
        key="",
        file=path,
        locator=index,
        title=plain_html(entry.get("title") or ""),
        body=plain_html(str(content)),
        source=source,
        date=entry.get("published") or entry.get("updated") or entry.get("created"),
        url=entry.get("link") or "",
        record_id=str(entry.get("id") or entry.get("link") or ""),
    )
