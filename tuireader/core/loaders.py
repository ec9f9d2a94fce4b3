"""Finding article files and reading articles out of them.

Supported: folders (recursively) of ``.txt``/``.md`` files, and dumps in ``.jsonl``,
``.jsonl.gz``, ``.json`` (an array of objects) and ``.csv``. Dump records are addressed by the
byte offset where they start, so an article's body can be read again on demand without keeping
it anywhere else.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .articles import WHOLE_FILE, Article
from .dates import parse_date
from .text import (
    clean_line,
    clean_text,
    decode_bytes,
    looks_binary,
    split_headline,
    title_from_text,
)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
DUMP_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", ".csv")
SUPPORTED = TEXT_SUFFIXES + DUMP_SUFFIXES

TITLE_FIELDS = ("title", "headline")
BODY_FIELDS = ("text", "body", "content")
SOURCE_FIELDS = ("source", "publication", "publisher")
DATE_FIELDS = ("date", "published", "publish_date", "datetime")

MAX_FILE_BYTES = 256 * 1024 * 1024


class CorpusError(Exception):
    """A corpus path that cannot be used at all (missing, unreadable, unsupported)."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file that holds one article (text) or many (dump)."""

    path: str
    size: int
    mtime_ns: int

    @property
    def is_dump(self) -> bool:
        return self.path.lower().endswith(DUMP_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that was not read, and why."""

    path: str
    reason: str


def kind_of(path: str) -> str | None:
    """The loader name for a path, or None when it is not an article file."""
    lower = path.lower()
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".csv"):
        return "csv"
    return None


def check_paths(paths: list[str | os.PathLike]) -> list[Path]:
    """Resolve the corpus paths, raising CorpusError with a one-line reason for a bad one."""
    resolved = []
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise CorpusError(f"no such file or folder: {raw}")
        if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
            raise CorpusError(f"cannot read: {raw}")
        if path.is_file() and kind_of(path.name) is None:
            raise CorpusError(f"not an article file: {raw} (expected {', '.join(SUPPORTED)})")
        resolved.append(path.resolve())
    return resolved


def discover(paths: list[Path]) -> tuple[list[SourceFile], list[Skipped]]:
    """Every article file under the given paths, sorted, with what could not be looked at."""
    found: dict[str, SourceFile] = {}
    skipped: list[Skipped] = []

    def add(path: str) -> None:
        try:
            st = os.stat(path)
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot stat: {exc.strerror or exc}"))
            return
        found[path] = SourceFile(path, st.st_size, st.st_mtime_ns)

    for root in paths:
        if root.is_file():
            add(str(root))
            continue
        seen_dirs: set[tuple[int, int]] = set()

        def on_error(exc: OSError) -> None:
            skipped.append(Skipped(exc.filename or "?", f"cannot list: {exc.strerror or exc}"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                skipped.append(Skipped(dirpath, "folder seen before (symlink loop)"))
                dirnames[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith(".") and kind_of(name):
                    add(os.path.join(dirpath, name))
    return sorted(found.values(), key=lambda s: s.path), skipped


# -- reading -------------------------------------------------------------------------------


def load_text_file(path: str) -> Article:
    """Read a .txt/.md article; raises ValueError with a reason when it is not readable text."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if looks_binary(data):
        raise ValueError("binary file")
    text = clean_text(decode_bytes(data)).strip()
    if not text:
        raise ValueError("empty file")
    return article_from_text(text, key=path, file=path)


def article_from_text(text: str, key: str, file: str, locator: int = WHOLE_FILE) -> Article:
    """Build an article from a plain text whose first line may be a headline."""
    headline, body = split_headline(text)
    if headline:
        return Article(key=key, file=file, locator=locator, title=clean_line(headline), body=body)
    return Article(
        key=key,
        file=file,
        locator=locator,
        title=title_from_text(text),
        body=text,
        has_headline=False,
    )


def article_from_record(record: dict, file: str, locator: int) -> Article:
    """Build an article from a dump record; raises ValueError when it has no text at all."""
    if not isinstance(record, dict):
        raise ValueError("record is not an object")
    fields = {str(k).strip().lower(): v for k, v in record.items()}
    title = clean_line(_first_str(fields, TITLE_FIELDS))
    body = clean_text(_first_str(fields, BODY_FIELDS)).strip()
    if not body and not title:
        raise ValueError("record has no title or text")
    raw_date = next((fields[f] for f in DATE_FIELDS if fields.get(f) not in (None, "")), None)
    record_id = clean_line(str(fields["id"])) if fields.get("id") not in (None, "") else ""
    has_headline = bool(title)
    if not title:
        title = title_from_text(body)
    return Article(
        key="",  # assigned by iter_articles, which knows the other records
        file=file,
        locator=locator,
        title=title,
        body=body,
        source=clean_line(_first_str(fields, SOURCE_FIELDS)),
        date=parse_date(raw_date),
        date_text=clean_line(str(raw_date)) if raw_date is not None else "",
        url=clean_line(_first_str(fields, ("url", "link"))),
        record_id=record_id,
        has_headline=has_headline,
    )


def _first_str(fields: dict, names: tuple[str, ...]) -> str:
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value if isinstance(value, str) else str(value)
    return ""


def iter_articles(source: SourceFile) -> Iterator[tuple[Article | Skipped, int]]:
    """Articles (or skipped records) of one file, each with the file's bytes read so far.

    Raises OSError / ValueError when the file as a whole cannot be read.
    """
    kind = kind_of(source.path)
    if kind == "text":
        yield load_text_file(source.path), source.size
        return
    records = {"jsonl": _jsonl_records, "json": _json_records, "csv": _csv_records}[kind]
    seen_keys: dict[str, int] = {}
    for locator, record, done in records(source.path):
        if isinstance(record, Skipped):
            yield record, done
            continue
        try:
            article = article_from_record(record, source.path, locator)
        except ValueError as exc:
            yield Skipped(f"{source.path}@{locator}", str(exc)), done
            continue
        base = f"{source.path}#{article.record_id or 'h' + article.content_hash}"
        count = seen_keys.get(base, 0)
        seen_keys[base] = count + 1
        article.key = base if count == 0 else f"{base}~{count}"
        yield article, done


def read_article(file: str, locator: int, key: str = "") -> Article:
    """Read one article again from the corpus (for the reading pane)."""
    if locator == WHOLE_FILE:
        return load_text_file(file)
    kind = kind_of(file)
    if kind == "jsonl":
        with _open_binary(file) as handle:
            handle.seek(locator)
            record = json.loads(decode_bytes(handle.readline()))
    elif kind == "json":
        record, _ = json.JSONDecoder().raw_decode(_json_text(file), locator)
    elif kind == "csv":
        with open(file, "rb") as handle:
            header = next(csv.reader(_decoded_lines(handle)))
            handle.seek(locator)
            row = next(csv.reader(_decoded_lines(handle)))
        record = dict(zip(header, row, strict=False))
    else:
        raise ValueError(f"not an article file: {file}")
    article = article_from_record(record, file, locator)
    article.key = key
    return article


def _open_binary(path: str) -> io.BufferedIOBase:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _maybe_gunzip(path: str, raw: io.BufferedIOBase) -> io.BufferedIOBase:
    return gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw


def _jsonl_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    with open(path, "rb") as raw, _maybe_gunzip(path, raw) as handle:
        offset = 0
        for number, line in enumerate(handle, start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(decode_bytes(line))
            except ValueError as exc:
                record = Skipped(f"{path}:{number}", f"bad JSON line: {exc}")
            yield start, record, raw.tell()


def _json_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    """Records of a JSON array, each with the character offset where it starts."""
    text = _json_text(path)
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if pos < len(text) and text[pos] != "[":
        # A single object is a corpus of one.
        value, _ = decoder.raw_decode(text, pos)
        yield pos, value, len(text)
        return
    pos += 1
    while True:
        pos = _skip_ws(text, pos)
        if pos >= len(text):
            raise ValueError("JSON array is not closed (truncated file?)")
        if text[pos] == "]":
            return
        value, end = decoder.raw_decode(text, pos)
        yield pos, value, end
        pos = _skip_ws(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            raise ValueError(f"malformed JSON array at character {pos}")


@functools.lru_cache(maxsize=1)
def _json_text_cached(path: str, mtime_ns: int, size: int) -> str:
    with open(path, "rb") as handle:
        return decode_bytes(handle.read())


def _json_text(path: str) -> str:
    """The decoded text of a JSON dump; the last one is kept, as opening an article re-reads it."""
    st = os.stat(path)
    return _json_text_cached(path, st.st_mtime_ns, st.st_size)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


class _LineReader:
    """Yields decoded lines of a binary file and remembers the byte offset of the next one."""

    def __init__(self, handle: io.BufferedIOBase) -> None:
        self.handle = handle
        self.offset = handle.tell()

    def __iter__(self) -> Iterator[str]:
        for line in self.handle:
            self.offset += len(line)
            yield decode_bytes(line)


def _decoded_lines(handle: io.BufferedIOBase) -> Iterator[str]:
    return iter(_LineReader(handle))


def _csv_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    csv.field_size_limit(MAX_FILE_BYTES)
    with open(path, "rb") as handle:
        lines = _LineReader(handle)
        reader = csv.reader(iter(lines))
        try:
            header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        except StopIteration:
            return
        lowered = {h.lower() for h in header}
        if not lowered & (set(BODY_FIELDS) | set(TITLE_FIELDS)):
            raise ValueError(f"CSV has no title or text column (columns: {', '.join(header[:8])})")
        while True:
            start = lines.offset
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, Skipped(f"{path}@{start}", f"bad CSV row: {exc}"), lines.offset
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield (
                    start,
                    Skipped(
                        f"{path}@{start}",
                        f"CSV row has {len(row)} fields, header has {len(header)}",
                    ),
                    lines.offset,
                )
                continue
            yield start, dict(zip(header, row, strict=True)), lines.offset
