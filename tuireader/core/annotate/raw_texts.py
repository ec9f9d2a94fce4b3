"""The raw texts of article files and dump records, for ``tuireader annotate``.

Annotation offsets must point into the text as it is stored, not into the cleaned text the reader
shows, so these texts are not cleaned: a ``.txt``/``.md`` file is only decoded (``decode_bytes``:
a BOM is dropped, nothing else changes: the title line, ``\\r\\n`` and control characters stay)
and a dump record's text field (``text``, else ``body``, else ``content``) is taken exactly as the
record holds it. Files are found and dumps are parsed like the reader does it (``discover`` and
the loaders' record readers), so the same paths give the same articles.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.annotate.spans import ENTITY_LABELS
from tuireader.core.base.articles import WHOLE_FILE
from tuireader.core.base.text import (
    clean_line,
    clean_text,
    decode_bytes,
    json_safe,
    looks_binary,
    shorten,
    split_headline,
    title_from_text,
)
from tuireader.core.ingest.loaders import (
    BODY_FIELDS,
    MAX_ARTICLE_BYTES,
    TITLE_FIELDS,
    CorpusError,
    Skipped,
    SourceFile,
    _csv_records,
    _json_records,
    _jsonl_records,
    check_paths,
    discover,
    iter_articles,
    kind_of,
)

__all__ = ["CorpusError", "RawText", "Skipped", "find_sources", "iter_raw_texts"]


@dataclass(frozen=True, slots=True)
class RawText:
    """One article's text as stored.

    ``record_id`` is the dump record's ``id`` field as the record has it (None for a text file or
    a record without one); ``index`` is the record's 0-based position among the file's records
    (None for a text file). ``title`` is the display title (cleaned), for summaries.
    """

    path: str
    text: str
    title: str
    record_id: str | int | float | None = None
    index: int | None = None

    @property
    def id(self) -> str | int | float | None:
        """The record's id, else its index (None for a text file)."""
        return self.record_id if self.record_id is not None else self.index

    @property
    def label(self) -> str:
        """Where the text is, for people: the path, with ``#id`` for a dump record."""
        return self.path if self.index is None else f"{self.path}#{self.id}"


def find_sources(paths: list[str | os.PathLike]) -> tuple[list[SourceFile], list[Skipped]]:
    """The article files under ``paths``, walked like the reader does.

    Raises CorpusError with a one-line reason for a missing, unreadable or unsupported path.
    """
    return discover(check_paths(list(paths)))


def iter_raw_texts(sources: list[SourceFile]) -> Iterator[RawText | Skipped]:
    """The raw text of every article in ``sources``, and what could not be read (as Skipped)."""
    for source in sources:
        kind = kind_of(source.path)
        if kind == "text" and not source.path.lower().endswith(".gz"):
            yield _text_file(source.path)
            continue
        try:
            if kind in ("jsonl", "json", "csv"):
                yield from _dump_records(source.path)
            else:  # a document format (or gzipped text): its articles as the reader reads them
                yield from _document_texts(source)
        except (OSError, ValueError) as exc:  # the file as a whole (or its rest) is unreadable
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield Skipped(source.path, f"cannot read: {reason}")


def _document_texts(source: SourceFile) -> Iterator[RawText | Skipped]:
    index = 0
    for item, _done in iter_articles(source):
        if isinstance(item, Skipped):
            yield item
            continue
        whole = item.locator == WHOLE_FILE
        yield RawText(
            path=source.path,
            text=item.full_text,
            title=item.title,
            record_id=item.record_id or None if not whole else None,
            index=None if whole else index,
        )
        index += not whole


def _text_file(path: str) -> RawText | Skipped:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        return Skipped(path, f"cannot read: {exc.strerror or exc}")
    if len(data) > MAX_ARTICLE_BYTES:
        return Skipped(path, f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    if looks_binary(data):
        return Skipped(path, "binary file")
    text = decode_bytes(data)
    cleaned = clean_text(text).strip()
    if not cleaned:
        return Skipped(path, "empty file")
    headline, _ = split_headline(cleaned)
    title = clean_line(headline) if headline else title_from_text(cleaned)
    return RawText(path=path, text=text, title=title)


def _dump_records(path: str) -> Iterator[RawText | Skipped]:
    records = {"jsonl": _jsonl_records, "json": _json_records, "csv": _csv_records}[
        kind_of(path) or ""
    ]
    for index, (locator, record, _done) in enumerate(records(path)):
        if isinstance(record, Skipped):
            yield record
            continue
        if not isinstance(record, dict):
            yield Skipped(f"{path}@{locator}", "record is not an object")
            continue
        fields = {str(k).strip().lower(): v for k, v in record.items()}
        text = _first_value(fields, BODY_FIELDS)
        title = clean_line(_first_value(fields, TITLE_FIELDS))
        if not clean_text(text).strip() and not title:
            yield Skipped(f"{path}@{locator}", "record has no title or text")
            continue
        raw_id = fields.get("id")
        usable = isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool)
        record_id = raw_id if usable and raw_id != "" else None
        yield RawText(
            path=path,
            text=text,
            title=title or title_from_text(clean_text(text)),
            record_id=record_id,
            index=index,
        )


def _first_value(fields: dict, names: tuple[str, ...]) -> str:
    """The first non-empty of ``names`` as a string, unchanged (non-strings are str()-ed)."""
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value if isinstance(value, str) else str(value)
    return ""


def display_path(path: str) -> str:
    """``path`` relative to the working folder when it is under it, for shorter output."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


# -- output ----------------------------------------------------------------------------------

# Characters that JSON leaves raw but a terminal should not get raw (C1 controls, bidi controls,
# line separators). As \uXXXX escapes they decode to the same text.
_NAMES_SHOWN = 6


def to_record(item: RawText, annotations: Annotations) -> dict:
    """The JSON object for one article: where it is, then its entities and quotations."""
    record: dict = {"path": item.path, "id": item.id}
    if item.index is not None:
        record["index"] = item.index
    record["title"] = item.title
    record.update(annotations.to_dict())
    return record


def json_line(item: RawText, annotations: Annotations) -> str:
    """``to_record`` as one line of JSON that is safe to print to a terminal."""
    return json_safe(json.dumps(to_record(item, annotations), ensure_ascii=False))


def summary_lines(item: RawText, annotations: Annotations) -> list[str]:
    """A plain-text summary: location, title, entity counts by label, quotes with speakers."""
    lines = [
        clean_line(display_path(item.path) + (f"#{item.id}" if item.index is not None else ""))
    ]
    lines.append(f"  {clean_line(item.title)}")
    names: dict[str, list[str]] = {}
    for entity in annotations.entities:
        names.setdefault(entity.label, []).append(clean_line(entity.name or entity.text))
    if not names:
        lines.append("  entities: none")
    else:
        lines.append("  entities:")
        for label in sorted(names, key=_label_order):
            distinct = list(dict.fromkeys(names[label]))
            shown = ", ".join(distinct[:_NAMES_SHOWN])
            more = (
                f", \u2026 (+{len(distinct) - _NAMES_SHOWN})"
                if len(distinct) > _NAMES_SHOWN
                else ""
            )
            lines.append(f"    {label:<7}{len(names[label]):>4}  {shown}{more}")
    lines.append(f"  quotes: {len(annotations.quotes) or 'none'}")
    for quote in annotations.quotes:
        data = quote.to_dict()
        speaker = data.get("speaker_name") or (data.get("speaker") or {}).get("text")
        said = f"    {shorten(clean_line(quote.text), 200)} \u2014 "
        said += clean_line(speaker) if speaker else "(no speaker)"
        if data.get("direct") is False:
            said += " (indirect)"
        lines.append(said)
    lines.append("")
    return lines


def _label_order(label: str) -> tuple[int, str]:
    order = ENTITY_LABELS.index(label) if label in ENTITY_LABELS else len(ENTITY_LABELS)
    return order, label
