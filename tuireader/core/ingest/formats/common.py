"""What the format readers share: an article from fields (cleaned, capped, dated), keys unique
within a file, and HTML made plain with the standard library (feed items, mail, newsboat)."""

from __future__ import annotations

import hashlib
import html
import re
from html.parser import HTMLParser

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.base.text import clean_line, clean_text, split_headline, title_from_text
from tuireader.core.ingest.dates import parse_date
from tuireader.core.ingest.skipped import size_text

# What is read of one document (a page, a PDF, a message): as for a text file.
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
MAX_TEXT_CHARS = 8 * 1024 * 1024


def make_article(
    *,
    key: str,
    file: str,
    locator: int = WHOLE_FILE,
    title: str = "",
    body: str,
    source: str = "",
    date: object = None,
    url: str = "",
    record_id: str = "",
) -> Article:
    """An article from a document's fields; ValueError when it has no text at all.

    ``date`` is a string (RFC 2822, ISO 8601, news forms), a number (a Unix time) or a datetime.
    Without a title the body's short first line is the headline, else its opening sentence.
    """
    body = clean_text(body[:MAX_TEXT_CHARS]).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    title = clean_line(title or "")[:2000]
    if not body and not title:
        raise ValueError("no text")
    has_headline = True
    if not title:
        headline, rest = split_headline(body)
        if headline and rest.strip():
            title, body = clean_line(headline), rest
        else:
            title, has_headline = title_from_text(body), False
    elif body.startswith(title):  # a page or document that repeats its title as its first line
        body = body[len(title) :].lstrip()
    date_text = ""
    parsed = None
    if hasattr(date, "astimezone"):
        parsed = parse_date(date.isoformat())  # type: ignore[union-attr]
        date_text = date.isoformat()  # type: ignore[union-attr]
    elif date not in (None, ""):
        parsed = parse_date(date)
        date_text = clean_line(str(date))[:200]
    return Article(
        key=key,
        file=file,
        locator=locator,
        title=title,
        body=body,
        source=clean_line(source or "")[:1000],
        date=parsed,
        date_text=date_text,
        url=clean_line(url or "")[:4000],
        record_id=clean_line(record_id or "")[:500],
        has_headline=has_headline,
    )


class Keys:
    """Keys unique within one file: ``path#id`` (an id the format gives, else a hash of the
    text), with ``~N`` after a repeated one, as for dump records."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: dict[str, int] = {}

    def key(self, ident: str, text: str) -> str:
        ident = clean_line(ident or "")[:500]
        if not ident:
            digest = hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=10)
            ident = "h" + digest.hexdigest()
        base = f"{self.path}#{ident}"
        count = self.seen.get(base, 0)
        self.seen[base] = count + 1
        return base if count == 0 else f"{base}~{count}"


_BLOCKS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "header", "footer", "table", "ul", "ol", "hr", "dd", "dt",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe"}


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_html(markup: str) -> str:
    """The text of an HTML fragment: paragraphs kept, tags, scripts and styles gone."""
    if "<" not in markup:
        return html.unescape(markup)
    parser = _Plain()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # html.parser on very broken markup: what it read
        pass
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_capped(path: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """A document's bytes, refusing one larger than a document may be (not cut: a page or a
    PDF cut in half is not the document)."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {size_text(limit)}, not read")
    return data
