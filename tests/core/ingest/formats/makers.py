"""Documents of every format, made here (no network, no third-party text), for the format
tests, the mixed-folder tests and benchmarks/bench_index.py --format mixed."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import textwrap
from datetime import datetime
from pathlib import Path

BODY = (
    "The city council approved the new budget on Tuesday after a debate that lasted most of "
    "the night. Councillors argued over the money for schools, clinics and roads, and the "
    "mayor said the vote showed that the city could still agree on what matters."
)
MORE = (
    "Residents who came to the meeting asked about bus routes and the library's hours. The "
    "finance committee will publish the details next week, a spokeswoman said."
)


def html_page(title: str, body: str = BODY, date: str = "2016-11-08T09:05:00-05:00") -> str:
    """A news page with the boilerplate a saved page has around its article."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="{date}">
<style>.banner {{ position: fixed; }} body {{ font-family: serif; }}</style>
<script>var trackingPixel = "SCRIPTMARKER"; window.dataLayer = [];</script>
</head><body>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
COOKIEMARKER <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAVMARKER World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<p>{body}</p>
<p>{MORE}</p>
</article></main>
<div class="share-bar social-share"><a href="#">SHAREMARKER Share on Facebook</a>
<a href="#">Share on X</a></div>
<footer><p>FOOTERMARKER Copyright The Daily Example. All rights reserved.</p></footer>
</body></html>
"""


BOILERPLATE_MARKERS = ("SCRIPTMARKER", "COOKIEMARKER", "NAVMARKER", "SHAREMARKER", "FOOTERMARKER")


def rss_feed(items: int = 2) -> str:
    entries = "".join(
        f"""<item><title>Feed story {i}</title><link>https://example.org/story/{i}</link>
<guid>https://example.org/story/{i}</guid>
<pubDate>Tue, 08 Nov 2016 0{i}:05:00 -0500</pubDate><author>reporter{i}@example.org</author>
<description>Summary of story {i}.</description>
<content:encoded><![CDATA[<p>Full text of story {i}. {BODY}</p><p>{MORE}</p>]]></content:encoded>
</item>"""
        for i in range(1, items + 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://example.org/</link>
<description>Stories</description>{entries}</channel></rss>
"""


def atom_feed() -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<id>urn:example:atom</id><updated>2016-11-09T10:00:00+09:00</updated>
<entry><title>Atom story</title><id>urn:example:atom:1</id>
<link href="https://example.org/atom/1"/>
<published>2016-11-09T10:00:00+09:00</published><updated>2016-11-09T10:00:00+09:00</updated>
<summary>Only a summary of the atom story. {BODY}</summary></entry>
</feed>
"""


def eml_message(subject: str = "Budget figures", with_attachment: bool = True) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "Ana Clerk <clerk@example.org>"
    message["To"] = "desk@example.org"
    message["Date"] = "Tue, 08 Nov 2016 09:05:00 -0500"
    message["Message-ID"] = f"<{abs(hash(subject))}@example.org>"
    message.set_content(f"{BODY}\n\n{MORE}\n")
    message.add_alternative(f"<html><body><p>HTML version. {BODY}</p></body></html>", "html")
    if with_attachment:
        message.add_attachment(
            b"%PDF-1.4 attached", maintype="application", subtype="pdf", filename="figures.pdf"
        )
    return message.as_bytes()


def mbox(count: int = 3) -> bytes:
    parts = []
    for i in range(count):
        data = eml_message(f"Mailbox message {i}", with_attachment=i == 0)
        parts.append(b"From clerk@example.org Tue Nov  8 14:05:00 2016\n" + data + b"\n")
    return b"".join(parts)


def pdf_document(
    pages: list[str], title: str = "Council report", date: str = "D:20161108090500-05'00'"
) -> bytes:
    """A minimal PDF whose pages hold these lines of text (Helvetica), with an info dict."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    font = 3 + 2 * count
    info = font + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for i, text in enumerate(pages):
        lines = textwrap.wrap(text, 80) or [""]
        shown = "".join(
            f"({line.replace(chr(92), '').replace('(', '').replace(')', '')}) Tj 0 -14 Td "
            for line in lines
        )
        stream = f"BT /F1 11 Tf 40 780 Td {shown}ET".encode() if text else b""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title ({title}) /Author (City Clerk) /CreationDate ({date}) >>".encode())
    return _pdf_file(objects, f"/Root 1 0 R /Info {info} 0 R")


def encrypted_pdf() -> bytes:
    """A PDF with a standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"ab" * 32
        + b"> /U <"
        + b"cd" * 32
        + b"> /P -4 >>",
    ]
    ident = "<" + "0123456789abcdef" * 2 + ">"
    return _pdf_file(objects, f"/Root 1 0 R /Encrypt 4 0 R /ID [{ident} {ident}]")


def _pdf_file(objects: list[bytes], trailer: str) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_document(path: Path, title: str = "Minutes of the meeting") -> None:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(BODY)
    document.add_paragraph(MORE)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Schools"
    table.rows[0].cells[1].text = "12 million"
    document.core_properties.title = title
    document.core_properties.author = "City Clerk"
    document.core_properties.created = datetime(2016, 11, 8, 14, 5)
    document.save(str(path))


def warc_file(
    path: Path, pages: int = 2, truncate: bool = False, bodies: list[str] | None = None
) -> None:
    """A crawl of ``pages`` HTML pages and a robots.txt; ``truncate``: a record cut short
    after them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def page_record(writer, i: int):
        body = bodies[i] if bodies and i < len(bodies) else BODY
        page = html_page(f"Crawled page {i}", body=body).encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        return writer.create_warc_record(
            f"https://example.org/crawl/{i}",
            "response",
            payload=io.BytesIO(page),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2016-11-08T14:05:00Z"},
        )

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for i in range(pages):
            writer.write_record(page_record(writer, i))
        robots = writer.create_warc_record(
            "https://example.org/robots.txt",
            "response",
            payload=io.BytesIO(b"User-agent: *"),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(robots)
        whole = out.tell()
        if truncate:  # one more page, cut in the middle of its record
            writer.write_record(page_record(writer, pages))
            end = out.tell()
    if truncate:
        with open(path, "r+b") as out:
            out.truncate(whole + (end - whole) // 2)


def newsboat_cache(path: Path) -> None:
    """A database shaped like newsboat's cache.db (the tables and columns it reads)."""
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024),
            title VARCHAR(1024), lastmodified INTEGER(11) NOT NULL DEFAULT 0,
            is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "");
        CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT, guid VARCHAR(64) NOT NULL,
            title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL,
            url VARCHAR(1024) NOT NULL, feedurl VARCHAR(1024) NOT NULL,
            pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
            unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024),
            enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0,
            flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL
            DEFAULT "");
        """
    )
    db.execute(
        "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
        ("https://example.org/feed.xml", "https://example.org/", "Example Wire"),
    )
    for i, deleted in ((1, 0), (2, 0), (3, 1)):
        db.execute(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, "
            "deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (
                f"guid-{i}",
                f"Newsboat item {i}",
                "Reporter",
                f"https://example.org/nb/{i}",
                "https://example.org/feed.xml",
                1478613900 + i * 3600,  # 2016-11-08 14:05 UTC + i hours
                f"<p>Newsboat body {i}. {BODY}</p>",
                deleted,
            ),
        )
    db.commit()
    db.close()


def mixed_folder(root: Path) -> dict[str, int]:
    """A folder with every format (and a few files that cannot be read); returns how many
    articles each file should give."""
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, int] = {}

    def put(name: str, data: bytes | str, count: int) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = count

    put("pages/story.html", html_page("Council passes the budget"), 1)
    put("feeds/wire.rss", rss_feed(2), 2)
    put("feeds/atom.xml", atom_feed(), 1)
    put("mail/one.eml", eml_message(), 1)
    put("mail/box.mbox", mbox(3), 3)
    put("docs/report.pdf", pdf_document([BODY, MORE]), 1)
    for folder in ("docs", "crawl", "newsboat"):
        (root / folder).mkdir(exist_ok=True)
    docx_document(root / "docs" / "minutes.docx")
    expected["docs/minutes.docx"] = 1
    warc_file(root / "crawl" / "site.warc.gz")
    expected["crawl/site.warc.gz"] = 2
    newsboat_cache(root / "newsboat" / "cache.db")
    expected["newsboat/cache.db"] = 2
    russian = "Бюджет города\n\nГородской совет утвердил новый бюджет на следующий год."
    put("texts/russian.txt", russian.encode("cp1251"), 1)
    put("texts/plain.txt", f"{BODY}\n", 1)
    put(
        "texts/manifest.csv",
        "file,title,date,source\nplain.txt,From the manifest,2016-11-08T09:05:00-05:00,Archive\n",
        0,
    )
    del expected["texts/manifest.csv"]
    csv_gz = gzip.compress(b"title,text,date\nGz row,Text of a gz row.,2016-11-08\n")
    put("dumps/wire.csv.gz", csv_gz, 1)
    put("dumps/wire.tsv", "title\ttext\nTab row\tText of a tab row.\n", 1)
    json_gz = gzip.compress(json.dumps([{"title": "Json gz", "text": "Body."}]).encode())
    put("dumps/wire.json.gz", json_gz, 1)
    put("dumps/note.txt.gz", gzip.compress(b"Gzipped note\n\nText of a gzipped note.\n"), 1)
    return expected
