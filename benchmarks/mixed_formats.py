"""A generated folder mixing every document format tuireader reads, from a synthetic dump
(make_corpus.py): each record becomes a web page, a PDF, a DOCX, a mail, or an item of a feed,
a mailbox or a crawl (ten to a file). Used by ``bench_index.py --format mixed`` and
``bench_formats.py``. Needs the format extras (pip install '.[all]')."""

from __future__ import annotations

import html
import io
import json
import sys
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.ingest.formats.makers import html_page, pdf_document  # noqa: E402

KINDS = ("html", "pdf", "docx", "eml", "rss", "mbox", "warc")
GROUP = 10  # items to a feed, a mailbox, a crawl


def records(dump: Path) -> list[dict]:
    with open(dump, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def page_of(record: dict) -> str:
    body = "</p><p>".join(html.escape(p) for p in record["text"].split("\n\n"))
    return html_page(html.escape(record["title"]), body=body, date=record["date"])


def pdf_of(record: dict, page_words: int = 400) -> bytes:
    words = record["text"].split()
    pages = [" ".join(words[i : i + page_words]) for i in range(0, len(words), page_words)]
    return pdf_document(pages or [record["title"]], title=record["title"][:80])


def make_mixed(dump: Path, out: Path) -> dict[str, int]:
    """Write ``out``/<kind>/… from the dump's records; returns the articles of each kind."""
    import docx
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    counts = dict.fromkeys(KINDS, 0)
    groups: dict[str, list[dict]] = {k: [] for k in ("rss", "mbox", "warc")}
    for kind in KINDS:
        (out / kind).mkdir(parents=True, exist_ok=True)
    for index, record in enumerate(records(dump)):
        kind = KINDS[index % len(KINDS)]
        counts[kind] += 1
        name = out / kind / f"{index:07d}"
        if kind == "html":
            name.with_suffix(".html").write_text(page_of(record), encoding="utf-8")
        elif kind == "pdf":
            name.with_suffix(".pdf").write_bytes(pdf_of(record))
        elif kind == "docx":
            document = docx.Document()
            for paragraph in record["text"].split("\n\n"):
                document.add_paragraph(paragraph)
            document.core_properties.title = record["title"]
            document.core_properties.created = datetime.fromisoformat(record["date"][:19])
            document.save(str(name.with_suffix(".docx")))
        elif kind == "eml":
            name.with_suffix(".eml").write_bytes(_mail(record).as_bytes())
        else:
            groups[kind].append(record)
            if len(groups[kind]) == GROUP:
                stem = out / kind / f"{index:07d}"
                _flush(kind, groups[kind], stem, WARCWriter, StatusAndHeaders)
                groups[kind] = []
    for kind, rest in groups.items():
        if rest:
            _flush(kind, rest, out / kind / "last", WARCWriter, StatusAndHeaders)
    return counts


def _mail(record: dict) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = record["title"]
    message["From"] = f"{record.get('source') or 'Desk'} <desk@example.org>"
    message["Date"] = format_datetime(datetime.fromisoformat(record["date"]))
    message.set_content(record["text"])
    return message


def _flush(kind: str, batch: list[dict], stem: Path, writer_cls, headers_cls) -> None:
    if kind == "rss":
        items = "".join(
            f"<item><title>{html.escape(r['title'])}</title><guid>{r['id']}</guid>"
            f"<pubDate>{format_datetime(datetime.fromisoformat(r['date']))}</pubDate>"
            f"<description>{html.escape(r['text'])}</description></item>"
            for r in batch
        )
        stem.with_suffix(".rss").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>",
            encoding="utf-8",
        )
    elif kind == "mbox":
        with open(stem.with_suffix(".mbox"), "wb") as out:
            for r in batch:
                out.write(b"From desk@example.org Tue Nov  8 14:05:00 2016\n")
                out.write(_mail(r).as_bytes().replace(b"\nFrom ", b"\n>From ") + b"\n")
    else:
        with open(stem.with_suffix(".warc.gz"), "wb") as out:
            writer = writer_cls(out, gzip=True)
            for r in batch:
                record = writer.create_warc_record(
                    f"https://example.org/{r['id']}",
                    "response",
                    payload=io.BytesIO(page_of(r).encode("utf-8")),
                    http_headers=headers_cls(
                        "200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1"
                    ),
                )
                writer.write_record(record)
