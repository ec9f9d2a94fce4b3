"""newsboat's cache (``cache.db``, SQLite, opened read-only): its items as articles: title,
author, the feed's title as source, date, URL and content (HTML made plain); an item is
located by its row id. newsboat users open their feeds' archive in one command."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from urllib.parse import quote

from tuireader.core.base.articles import Article
from tuireader.core.ingest.formats.common import Keys, make_article, plain_html
from tuireader.core.ingest.skipped import Skipped

_QUERY = (
    "SELECT i.id, i.guid, i.title, i.author, i.url, i.pubDate, i.content, f.title "
    "FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl"
)


def _connect(path: str) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"not a newsboat cache ({exc})") from exc
    if "rss_item" not in tables:
        db.close()
        raise ValueError("not a newsboat cache (no rss_item table)")
    return db


def _where(db: sqlite3.Connection) -> str:
    columns = {row[1] for row in db.execute("PRAGMA table_info(rss_item)")}
    return " WHERE i.deleted = 0" if "deleted" in columns else " WHERE 1"


def read(path: str) -> Iterator[Article | Skipped]:
    db = _connect(path)
    keys = Keys(path)
    try:
        for row in db.execute(_QUERY + _where(db) + " ORDER BY i.id"):
            try:
                article = _article(path, row)
            except (ValueError, TypeError) as exc:
                yield Skipped(f"{path}#{row[0]}", f"bad item: {exc}")
                continue
            article.key = keys.key(article.record_id, article.title + article.body)
            yield article
    except sqlite3.DatabaseError as exc:
        yield Skipped(path, f"damaged newsboat cache ({exc}): the rest is not read")
    finally:
        db.close()


def reopen(path: str, locator: int, key: str) -> Article:
    db = _connect(path)
    try:
        row = db.execute(_QUERY + " WHERE i.id = ?", (locator,)).fetchone()
    finally:
        db.close()
    if row is None:
        raise ValueError(f"newsboat has no item {locator} any more")
    article = _article(path, row)
    article.key = key
    return article


def _article(path: str, row: tuple) -> Article:
    ident, guid, title, author, url, pub_date, content, feed = row
    source = f"{feed} \u2014 {author}" if feed and author else feed or author or ""
    return make_article(
        key="",
        file=path,
        locator=int(ident),
        title=plain_html(str(title or "")),
        body=plain_html(str(content or "")),
        source=str(source),
        date=int(pub_date) if pub_date else None,
        url=str(url or ""),
        record_id=str(guid or ident),
    )
