"""Web crawls (``.warc``, ``.warc.gz``; warcio: the ``[warc]`` extra): one article per HTML
response record, located by the record's offset in the file, its text read like a saved page
(``html``). A truncated or damaged record ends the reading with a reason; the records before
it are kept."""

from __future__ import annotations

from collections.abc import Iterator

from tuireader.core.base.articles import Article
from tuireader.core.base.encoding import decode_bytes
from tuireader.core.ingest.formats.common import MAX_DOCUMENT_BYTES, Keys
from tuireader.core.ingest.formats.html import article_from_html
from tuireader.core.ingest.skipped import Skipped


def read(path: str) -> Iterator[Article | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    keys = Keys(path)
    pages = 0
    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if not _is_page(record):
                    continue
                pages += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                offset = records.get_record_offset()  # (it reads on: the content first)
                if len(data) <= MAX_DOCUMENT_BYTES and _cut_short(record):
                    yield Skipped(f"{path}@{offset}", f"{uri}: truncated WARC record")
                    continue
                try:
                    article = _article(record, data, path, offset)
                except ValueError as exc:
                    yield Skipped(f"{path}@{offset}", f"{uri or 'record'}: {exc}")
                    continue
                article.key = keys.key(article.record_id, article.title + article.body)
                yield article
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Skipped(path, f"damaged or truncated WARC record ({exc}): the rest is not read")
            return
    if not pages:
        raise ValueError("no HTML pages in this crawl")


def reopen(path: str, locator: int, key: str) -> Article:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(locator)
        for record in ArchiveIterator(handle):
            if not _is_page(record):
                break
            data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            article = _article(record, data, path, locator)
            article.key = key
            return article
    raise ValueError(f"no page record at offset {locator} any more")


def _cut_short(record) -> bool:
    """Whether the file ended inside the record (its block is shorter than it says)."""
    try:
        return record.length is not None and record.raw_stream.tell() < int(record.length)
    except (AttributeError, TypeError, ValueError, OSError):
        return False


def _is_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return "html" in content_type


def _article(record, data: bytes, path: str, offset: int) -> Article:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValueError("page larger than a document may be, not read")
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    text = decode_bytes(data, declared=charset or "auto")
    article = article_from_html(
        text,
        key="",
        file=path,
        locator=offset,
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        date=record.rec_headers.get_header("WARC-Date"),
    )
    article.record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    return article
