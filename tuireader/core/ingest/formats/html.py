"""Web pages (``.html``, ``.htm``): the article's main text without navigation, ads, cookie
banners, share bars, scripts or styles (trafilatura: the ``[html]`` extra); title, date (with
its offset, from the page's metadata) and site from the page."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.base.encoding import decode_bytes
from tuireader.core.ingest.formats.common import make_article, read_capped

# Publication dates pages declare with their time and offset (trafilatura keeps only the day).
_DATE_META = re.compile(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|"""
    r"""og:published_time|datePublished|pubdate|publishdate|date|dc\.date|DC\.date\.issued)"""
    r"""["']?[^>]*?content\s*=\s*["']([^"'<>]{6,40})["']""",
    re.IGNORECASE,
)
_DATE_META_REVERSED = re.compile(
    r"""<meta\b[^>]*?content\s*=\s*["']([^"'<>]{6,40})["'][^>]*?(?:property|name|itemprop)\s*="""
    r"""\s*["']?(?:article:published_time|datePublished|pubdate|date)["']?""",
    re.IGNORECASE,
)
_TIME_TAG = re.compile(r"""<time\b[^>]*?datetime\s*=\s*["']([^"'<>]{6,40})["']""", re.IGNORECASE)
_JSONLD_DATE = re.compile(r""""datePublished"\s*:\s*"([^"]{6,40})\"""")


def read(path: str) -> Iterator[Article]:
    yield reopen(path, WHOLE_FILE, path)


def reopen(path: str, locator: int, key: str) -> Article:
    text = decode_bytes(read_capped(path), declared="auto")
    return article_from_html(text, key=key or path, file=path, locator=locator)


def article_from_html(
    page: str, *, key: str, file: str, locator: int, url: str = "", date: object = None
) -> Article:
    """The article of a page; ValueError("no article text") when it has none. ``url`` and
    ``date`` (a crawl's) are used when the page does not say."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, url=url or None, with_metadata=True, include_comments=False, include_tables=True
    )
    if document is None or not (document.text or "").strip():
        raise ValueError("no article text in the page")
    declared = _declared_date(page[:200_000])
    return make_article(
        key=key,
        file=file,
        locator=locator,
        title=document.title or "",
        body=document.text,
        source=document.sitename or document.author or "",
        date=declared or document.date or date,
        url=url or document.url or "",
    )


def _declared_date(page: str) -> str | None:
    for pattern in (_DATE_META, _DATE_META_REVERSED, _JSONLD_DATE, _TIME_TAG):
        match = pattern.search(page)
        if match:
            return match.group(1)
    return None
