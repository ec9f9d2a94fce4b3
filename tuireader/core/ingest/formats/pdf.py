"""PDF (pypdfium2: the ``[pdf]`` extra; Apache/BSD, not PyMuPDF's AGPL): the text layer of every
page, one article per file; title, author and creation date from the document's information.
A scanned PDF without text is skipped with "no text layer"; an encrypted or damaged one with
what PDFium says."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.ingest.formats.common import MAX_TEXT_CHARS, make_article

# PDFium is not thread-safe: one document at a time in this process.
_LOCK = threading.Lock()
# D:20161108090500-05'00'
_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)
MAX_PAGES = 5000


def read(path: str) -> Iterator[Article]:
    yield reopen(path, WHOLE_FILE, path)


def reopen(path: str, locator: int, key: str) -> Article:
    pages, meta = read_pages(path)
    text = "\n\n".join(reflow(page) for page in pages if page.strip())
    if not text.strip():
        raise ValueError("no text layer (a scanned PDF? its pages are images)")
    return make_article(
        key=key or path,
        file=path,
        locator=locator,
        title=meta.get("Title", ""),
        body=text,
        source=meta.get("Author", ""),
        date=pdf_date(meta.get("CreationDate", "")) or None,
    )


def read_pages(path: str) -> tuple[list[str], dict[str, str]]:
    """The text of each page (up to MAX_PAGES, MAX_TEXT_CHARS in all) and the information."""
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            reason = str(exc)
            if "password" in reason.lower():
                raise ValueError("encrypted PDF (needs a password)") from exc
            raise ValueError(f"damaged or unreadable PDF: {reason}") from exc
        try:
            meta = {k: str(v) for k, v in document.get_metadata_dict(skip_empty=True).items()}
            pages: list[str] = []
            total = 0
            for index in range(min(len(document), MAX_PAGES)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                except pdfium.PdfiumError:
                    text = ""
                finally:
                    page.close()
                pages.append(text)
                total += len(text)
                if total > MAX_TEXT_CHARS:
                    break
        finally:
            document.close()
    return pages, meta


def reflow(page: str) -> str:
    """A page's lines (a PDF breaks every line) joined into paragraphs: a line that ends a
    sentence well short of the page's long lines, or a blank line, ends a paragraph."""
    lines = [line.strip() for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    full = widths[int(len(widths) * 0.9) - 1 if len(widths) > 1 else 0]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and line[:1].islower():
            current += line
        else:
            current += " " + line
        if line.endswith((".", "!", "?", ":", '"', "\u201d")) and len(line) < 0.8 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def pdf_date(value: str) -> str:
    """A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as ISO 8601 ("" when it is not one)."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second, zulu, sign, off_h, off_m = match.groups()
    iso = f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if zulu:
        iso += "+00:00"
    elif sign:
        iso += f"{sign}{off_h}:{off_m or '00'}"
    return iso
