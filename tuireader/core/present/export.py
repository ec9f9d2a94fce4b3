"""Exporting articles with the user's marks to Markdown, JSONL or CSV.

JSONL and CSV records carry the dump fields the loaders read (``id``, ``title``, ``text``,
``date``, ``source``, ``url``), so an export opens again as a corpus. A single article's export
also lists its named entities and its quotations with their speakers.

An export may be printed to a terminal and its values come from files (a file name may hold
an escape sequence): no format writes a raw control character or bidirectional override.
JSONL writes them as ``\\uXXXX`` escapes (the same value once decoded), CSV and Markdown as
visible ``\\x1b``-style escapes. CSV cells that a spreadsheet would run as a formula get a
``'`` in front (OWASP); the ``escaped`` column tells the loader to take it off again.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.base.articles import Article
from tuireader.core.base.text import json_safe, title_from_text, visible_controls
from tuireader.core.cache.store import ArticleRow
from tuireader.core.ingest.formats import FORMATS as READ_FORMATS
from tuireader.core.ingest.loaders import (
    CSV_ESCAPE_PREFIXES,
    CSV_ESCAPED_COLUMN,
    CSV_ESCAPED_VALUE,
    SUPPORTED,
)
from tuireader.core.user.userdata import ArticleMarks

FORMATS = ("md", "jsonl", "csv")
SUFFIXES = {"md": ".md", "jsonl": ".jsonl", "csv": ".csv"}
CSV_COLUMNS = [
    "id",
    "title",
    "source",
    "date",
    "url",
    "location",
    "tags",
    "note",
    "starred",
    "read",
    "entities",
    "quotes",
    "text",
    CSV_ESCAPED_COLUMN,
]
ENTITY_ORDER = ("PERSON", "ORG", "LOC", "MISC", "DATE", "MONEY")
_MD_TITLE_MAX = 600


@dataclass
class ExportItem:
    """One article to export: its list row, its text when it could be read, the user's marks
    and (for a single article) its annotations."""

    row: ArticleRow
    article: Article | None = None
    marks: ArticleMarks = field(default_factory=ArticleMarks)
    annotations: Annotations | None = None


def format_for(path: str | Path, default: str = "jsonl") -> str:
    """The format a file name asks for (by suffix), else ``default``."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = {"markdown": "md", "ndjson": "jsonl"}.get(suffix, suffix)
    return suffix if suffix in FORMATS else default


def record(item: ExportItem) -> dict:
    """The fields of one exported article (JSONL object, CSV row)."""
    row, article, marks = item.row, item.article, item.marks
    record_id = article.record_id if article is not None and article.record_id else row.key
    data = {
        "id": record_id,
        "title": row.title,
        "source": row.source,
        "date": row.date.isoformat() if row.date else (row.date_text or None),
        "url": row.url,
        "location": row.key,
        "tags": list(marks.tags),
        "note": marks.note,
        "starred": marks.starred,
        "read": marks.read,
        "text": article.body if article is not None else "",
    }
    if item.annotations is not None:
        data["entities"] = entity_summary(item.annotations)
        data["quotes"] = quote_summary(item.annotations)
    return data


def entity_summary(annotations: Annotations) -> list[dict]:
    """Each distinct name once: text, label and how often it is mentioned."""
    counts = Counter((e.text, e.label) for e in annotations.entities)
    order = {label: n for n, label in enumerate(ENTITY_ORDER)}
    return [
        {"text": text, "label": label, "count": n}
        for (text, label), n in sorted(
            counts.items(), key=lambda kv: (order.get(kv[0][1], 99), -kv[1], kv[0][0])
        )
    ]


def quote_summary(annotations: Annotations) -> list[dict]:
    return [
        {
            "text": q.text,
            "speaker": q.speaker_name or (q.speaker.text if q.speaker else None),
            "direct": q.direct,
        }
        for q in annotations.quotes
    ]


def write_jsonl(items: Iterable[ExportItem], out: TextIO) -> int:
    count = 0
    for item in items:
        out.write(json_safe(json.dumps(record(item), ensure_ascii=False)) + "\n")
        count += 1
    return count


def write_csv(items: Iterable[ExportItem], out: TextIO) -> int:
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for item in items:
        data = record(item)
        data["tags"] = " ".join(data["tags"])
        data["date"] = data["date"] or ""
        data["starred"] = "yes" if data["starred"] else ""
        data["read"] = "yes" if data["read"] else ""
        data["entities"] = "; ".join(
            f"{e['text']} ({e['label']})" for e in data.get("entities", [])
        )
        data["quotes"] = "\n".join(
            f"{q['text']} — {q['speaker'] or 'unattributed'}" for q in data.get("quotes", [])
        )
        row = {name: _csv_cell(data.get(name)) for name in CSV_COLUMNS}
        row[CSV_ESCAPED_COLUMN] = CSV_ESCAPED_VALUE
        writer.writerow(row)
        count += 1
    return count


def _csv_cell(value: object) -> str:
    """A CSV cell: controls made visible, and a ``'`` before what a spreadsheet would run as a
    formula (= + - @ tab CR) or before a leading ``'`` (so that taking one off is exact)."""
    text = visible_controls("" if value is None else str(value))
    return "'" + text if text.startswith(CSV_ESCAPE_PREFIXES) else text


def write_markdown(items: Iterable[ExportItem], out: TextIO, heading: str = "") -> int:
    """A heading, then each article: title, metadata, tags, star and read marks, note, text; a
    single article (one with annotations) also gets its names and quotations."""
    if heading:
        out.write(f"# {_md_line(heading)}\n\n")
    count = 0
    for item in items:
        out.write("".join(_markdown_item(item)))
        count += 1
    return count


def _markdown_item(item: ExportItem) -> Iterator[str]:
    data = record(item)
    yield f"## {_md_line(_full_title(item))}\n\n"
    for label, value in (
        ("Source", data["source"]),
        ("Date", data["date"]),
        ("URL", data["url"]),
        ("Location", data["location"]),
        ("Tags", ", ".join(data["tags"])),
        ("Starred", "yes" if data["starred"] else ""),
        ("Read", "yes" if data["read"] else "no"),  # (unread is worth saying in a reading list)
    ):
        if value:
            yield f"- **{label}:** {_md_line(value)}\n"
    yield "\n"
    if data["note"]:
        yield f"> {_md_line(data['note'])}\n\n"
    if data["text"]:
        yield _md_paragraphs(data["text"])
    if item.annotations is None:
        return
    if data["entities"]:
        yield "### Names\n\n"
        for entity in data["entities"]:
            times = f" ×{entity['count']}" if entity["count"] > 1 else ""
            yield f"- {_md_line(entity['text'])} ({entity['label']}){times}\n"
        yield "\n"
    if data["quotes"]:
        yield "### Quotations\n\n"
        for quote in data["quotes"]:
            who = quote["speaker"] or "unattributed"
            kind = "" if quote["direct"] else " (reported)"
            yield f"- {_md_line(quote['text'])} — *{_md_line(who)}*{kind}\n"
        yield "\n"


def _md_line(text: str) -> str:
    return visible_controls(" ".join(str(text).split()))


def _md_paragraphs(text: str) -> str:
    """Each line of an article a paragraph: Markdown joins lines not set apart by a blank
    line."""
    lines = (visible_controls(line.strip()) for line in text.split("\n"))
    return "".join(f"{line}\n\n" for line in lines if line)


def _full_title(item: ExportItem) -> str:
    """The title, whole: a title taken from the opening sentence is shortened (with …) for
    the list, not for an export (up to a long paragraph's length, for a text without a full
    stop)."""
    article = item.article
    if article is not None and not article.has_headline and article.body:
        return title_from_text(article.body, limit=_MD_TITLE_MAX)
    return item.row.title


def export(items: Iterable[ExportItem], fmt: str, out: TextIO, heading: str = "") -> int:
    """Write the items in a format (one of FORMATS); returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(items, out)
    if fmt == "csv":
        return write_csv(items, out)
    if fmt == "md":
        return write_markdown(items, out, heading)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def export_to_file(items: Iterable[ExportItem], fmt: str, path: Path, heading: str = "") -> int:
    """Write an export to a file, replacing it whole only when everything was written."""
    from tuireader.core.base.atomic import write_atomic

    buffer = io.StringIO()
    count = export(items, fmt, buffer, heading)
    write_atomic(path, buffer.getvalue())
    return count


def build_items(
    corpus, store, ids: Iterable[int], marks, annotate_one=None
) -> Iterator[ExportItem]:
    """Export items for article ids: rows and texts from the store (``Corpus.articles``),
    marks from the user data. ``annotate_one(row, article)`` gives an article's annotations
    (for a single article, or ``tuireader export --annotations``)."""
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows, articles = corpus.articles(store, chunk)
        for article_id in chunk:
            row = rows.get(article_id)
            if row is None:
                continue
            article = articles.get(article_id)
            if isinstance(article, Exception):  # a vanished file: exported without its text
                article = None
            item = ExportItem(row, article, marks.get(row.key) if marks else ArticleMarks())
            if annotate_one is not None and article is not None:
                item.annotations = annotate_one(row, article)
            yield item


def default_export_path(corpus_name: str, what: str, fmt: str = "md", now=None) -> Path:
    """A file in the user's documents folder, e.g. ``~/Documents/tuireader/news-starred-
    20240501-1412.md``."""
    from datetime import datetime

    import platformdirs

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", _stem(corpus_name)).strip("-.")[:40] or "corpus"
    folder = Path(platformdirs.user_documents_dir()).expanduser().absolute() / "tuireader"
    return folder / f"{slug}-{what}-{stamp}{SUFFIXES.get(fmt, '.md')}"


def _stem(corpus_name: str) -> str:
    """The corpus name without the suffix its format gives it ("reuters.jsonl.gz +1" ->
    "reuters +1"), so that an export is not named like a dump of another format; newsboat's
    ``cache.db`` is called "newsboat"."""
    first, plus, more = corpus_name.partition(" +")
    lower = first.lower()
    named = {name: fmt.name for fmt in READ_FORMATS for name in fmt.names}
    if lower in named:
        first = named[lower]
    else:
        suffixes = sorted((s for s in SUPPORTED if s.startswith(".")), key=len, reverse=True)
        for suffix in suffixes:
            if lower.endswith(suffix) and len(first) > len(suffix):
                first = first[: -len(suffix)]
                break
    return first + plus + more
