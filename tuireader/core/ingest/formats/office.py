"""Word documents (``.docx``; python-docx: the ``[office]`` extra): paragraphs and tables as
text, one article per file; title, author and creation date from the document's properties
(else its first short line)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.ingest.formats.common import make_article


def read(path: str) -> Iterator[Article]:
    yield reopen(path, WHOLE_FILE, path)


def reopen(path: str, locator: int, key: str) -> Article:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValueError(f"damaged or not a Word document: {exc}") from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    text = "\n\n".join(part.strip() for part in parts if part.strip())
    if not text:
        raise ValueError("no text in the document")
    props = document.core_properties
    created = props.created
    return make_article(
        key=key or path,
        file=path,
        locator=locator,
        title=props.title or "",
        body=text,
        source=props.author or "",
        date=created.isoformat() if created else None,
    )
