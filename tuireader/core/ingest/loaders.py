"""Finding article files and reading articles out of them.

Supported: folders (recursively) of ``.txt``/``.md`` files (``.txt.gz`` too), dumps in
``.jsonl``, ``.json`` (an array of objects), ``.csv`` and ``.tsv`` (each maybe gzipped), and the
document formats of ``formats/`` (web pages, feeds, mail, crawls, PDF, DOCX, newsboat's cache).
Dump records are addressed by the byte offset where they start, so an article's body can be
read again on demand without keeping it anywhere else. Every file of a folder that is not read
is named with the reason (unsupported, hidden, an extra to install).
"""

from __future__ import annotations

import codecs
import csv
import functools
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tuireader.core.base.articles import WHOLE_FILE, Article
from tuireader.core.base.text import (
    clean_line,
    clean_text,
    decode_bytes,
    looks_binary,
    split_headline,
    title_from_text,
)
from tuireader.core.ingest import sidecar
from tuireader.core.ingest.dates import parse_date
from tuireader.core.ingest.formats import FORMATS, format_of, suffix_of
from tuireader.core.ingest.gzseek import read_line_at
from tuireader.core.ingest.skipped import Skipped, size_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".txt.gz")
DUMP_SUFFIXES = (
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".ndjson.gz",
    ".json",
    ".json.gz",
    ".csv",
    ".csv.gz",
    ".tsv",
    ".tsv.gz",
)
SUPPORTED = (
    TEXT_SUFFIXES
    + DUMP_SUFFIXES
    + tuple(s for f in FORMATS for s in f.suffixes)
    + tuple(n for f in FORMATS for n in f.names)
)

TITLE_FIELDS = ("title", "headline")
BODY_FIELDS = ("text", "body", "content")
SOURCE_FIELDS = ("source", "publication", "publisher")
DATE_FIELDS = ("date", "published", "publish_date", "datetime")

MAX_FILE_BYTES = 256 * 1024 * 1024  # kept for ``annotate``, which reads whole files
# What is read (and indexed) of one article: a text file's first bytes, a record's first
# characters. The rest is left out, with a note in the article and a skip reason.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
# A .json array is read whole, so it has a limit of its own (JSON lines have none).
MAX_JSON_BYTES = 128 * 1024 * 1024


class CorpusError(Exception):
    """A corpus path that cannot be used at all (missing, unreadable, unsupported)."""


class TruncatedFile(ValueError):
    """A compressed dump that ends early or is damaged: the records before it are kept."""


class _LongLine(Exception):
    """A line longer than a record may be (raised by _LineReader, caught by the CSV reader)."""


def _record_limit() -> int:
    """Bytes one JSON line or CSV row may take (an article at its limit, escaped, plus fields)."""
    return 2 * MAX_ARTICLE_BYTES + 64 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file that holds one article (text) or many (dump)."""

    path: str
    size: int
    mtime_ns: int

    @property
    def is_dump(self) -> bool:
        return self.path.lower().endswith(DUMP_SUFFIXES)


def kind_of(path: str) -> str | None:
    """The loader name for a path, or None when it is not an article file."""
    lower = path.lower()
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if lower.endswith((".json", ".json.gz")):
        return "json"
    if lower.endswith((".csv", ".csv.gz", ".tsv", ".tsv.gz")):
        return "csv"
    fmt = format_of(lower)
    return fmt.name if fmt else None


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
    """Every article file under the given paths, sorted, with every other file not read and
    why (nothing is passed over silently but a folder's sidecar metadata, which is read).

    A file whose format needs an extra that is not installed is told once per extension. A
    file's time is its folder's sidecar's when that is newer, so that editing the sidecar
    reads the folder's files again.
    """
    found: dict[str, SourceFile] = {}
    skipped: list[Skipped] = []
    missing: dict[str, tuple[str, list[str]]] = {}  # extension -> (reason, files)

    def add(path: str, stamp: int = 0) -> None:
        if not _encodable(path):
            skipped.append(Skipped(path, "file name is not valid UTF-8 (rename the file)"))
            return
        fmt = format_of(path)
        why = fmt.missing() if fmt else None
        if why:
            suffix = suffix_of(path) or os.path.basename(path)
            missing.setdefault(suffix, (why.format(suffix=suffix), []))[1].append(path)
            return
        try:
            st = os.stat(path)
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot stat: {exc.strerror or exc}"))
            return
        if not os.path.isfile(path):
            skipped.append(Skipped(path, "not a regular file"))
            return
        found[path] = SourceFile(path, st.st_size, max(st.st_mtime_ns, stamp))

    for root in paths:
        if root.is_file():
            add(str(root), sidecar.stamp(str(root.parent)))
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
            for name in sorted(d for d in dirnames if d.startswith(".")):
                skipped.append(Skipped(os.path.join(dirpath, name), HIDDEN_FOLDER))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            stamp = sidecar.stamp(dirpath) if sidecar.has_sidecar(filenames) else 0
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if name.startswith("."):
                    skipped.append(Skipped(path, HIDDEN_FILE))
                elif name.lower() in sidecar.SIDECARS:
                    continue  # read as the folder's metadata
                elif kind_of(name):
                    add(path, stamp)
                else:
                    suffix = suffix_of(name)
                    what = f"{suffix} files" if suffix else "files without an extension"
                    skipped.append(Skipped(path, f"not an article file (cannot read {what})"))
    for reason, files in missing.values():
        more = f" and {len(files) - 1:,} more" if len(files) > 1 else ""
        skipped.append(Skipped(f"{files[0]}{more}", reason))
    return sorted(found.values(), key=lambda s: s.path), skipped


HIDDEN_FILE = "hidden file (its name starts with a dot)"
HIDDEN_FOLDER = "hidden folder (its name starts with a dot): not looked into"


# -- reading -------------------------------------------------------------------------------


def load_text_file(path: str) -> Article:
    """Read a .txt/.md article; raises ValueError with a reason when it is not readable text.

    Only the first MAX_ARTICLE_BYTES are read; a longer file's article says where it was cut.
    """
    return _read_text_file(path)[0]


def _read_text_file(path: str) -> tuple[Article, str | None]:
    """The article of a text file, and a note when only its beginning was read."""
    limit = MAX_ARTICLE_BYTES
    with open(path, "rb") as raw, _maybe_gunzip(path, raw) as handle:
        data = handle.read(limit + 1)
        size = os.fstat(raw.fileno()).st_size
    note = None
    if len(data) > limit:
        data = _cut_bytes(data, limit)
        size = max(size, limit + 1)
        note = f"only the first {size_text(limit)} of {size_text(size)} are read"
    if looks_binary(data):
        raise ValueError("binary file")
    text = clean_text(decode_bytes(data)).strip()
    if not text:
        raise ValueError("empty file" if not data else "empty file (only spaces or controls)")
    if note:
        text += f"\n\n[\u2026 cut here: {note}]"
    return sidecar.apply(article_from_text(text, key=path, file=path)), note


def _cut_bytes(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes, without a UTF-8 sequence or UTF-16 unit cut in half."""
    data = data[:limit]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[: len(data) & ~1]
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            break
        if byte >= 0xC0:  # a lead byte: drop its sequence when it is incomplete
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            if needed > back:
                data = data[:-back]
            break
    return data


def _cap_text(text: str) -> tuple[str, str | None]:
    """A record's text cut to MAX_ARTICLE_BYTES characters (at a space), with a note."""
    limit = MAX_ARTICLE_BYTES
    if len(text) <= limit:
        return text, None
    cut = text[:limit]
    space = cut.rfind(" ", limit - 1000)
    if space > 0:
        cut = cut[:space]
    note = f"only the first {size_text(limit)} of a {size_text(len(text))} text are read"
    return f"{cut}\n\n[\u2026 cut here: {note}]", note


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
    title = clean_line(_cap_text(_first_str(fields, TITLE_FIELDS))[0][:2000])
    body = clean_text(_cap_text(_first_str(fields, BODY_FIELDS))[0]).strip()
    if not body and not title:
        raise ValueError("record has no title or text")
    raw_date = next((fields[f] for f in DATE_FIELDS if fields.get(f) not in (None, "")), None)
    if raw_date is not None and not isinstance(raw_date, str):
        raw_date = _short_str(raw_date)
    if raw_date is not None:
        raw_date = raw_date[:200]
    record_id = (
        clean_line(_short_str(fields["id"])[:500]) if fields.get("id") not in (None, "") else ""
    )
    has_headline = bool(title)
    if not title:
        title = title_from_text(body)
    return Article(
        key="",  # assigned by iter_articles, which knows the other records
        file=file,
        locator=locator,
        title=title,
        body=body,
        source=clean_line(_first_str(fields, SOURCE_FIELDS)[:1000]),
        date=_parse_date(raw_date),
        date_text=clean_line(raw_date) if raw_date is not None else "",
        url=clean_line(_first_str(fields, ("url", "link"))[:4000]),
        record_id=record_id,
        has_headline=has_headline,
    )


def _first_str(fields: dict, names: tuple[str, ...]) -> str:
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value if isinstance(value, str) else _short_str(value)
    return ""


def _short_str(value: object) -> str:
    """str() of a non-string field value, bounded (a nested object may be huge or deep)."""
    try:
        text = value if isinstance(value, str) else str(value)
    except (RecursionError, ValueError):  # deep nesting; ints over the digit limit
        return ""
    return text[: 2 * MAX_ARTICLE_BYTES]


def _parse_date(raw: str | None):
    try:
        return parse_date(raw)
    except (ValueError, OverflowError, TypeError):  # pragma: no cover - parse_date is lenient
        return None


def iter_articles(source: SourceFile) -> Iterator[tuple[Article | Skipped, int]]:
    """Articles (or skipped records) of one file, each with the file's bytes read so far.

    A note about an article read only in part comes as a Skipped item after it. Raises
    OSError / ValueError (TruncatedFile for a damaged .gz, after its good records) when the
    file as a whole, or its rest, cannot be read.
    """
    kind = kind_of(source.path)
    if kind == "text":
        article, note = _read_text_file(source.path)
        yield article, source.size
        if note:
            yield Skipped(source.path, f"cut: {note}"), source.size
        return
    fmt = format_of(source.path)
    if fmt is not None:
        for item in fmt.module.read(source.path):
            if isinstance(item, Article) and item.locator == WHOLE_FILE:
                item = sidecar.apply(item)
            yield item, source.size
        return
    records = {"jsonl": _jsonl_records, "json": _json_records, "csv": _csv_records}[kind]
    seen_keys: dict[str, int] = {}
    for locator, record, done in records(source.path):
        if isinstance(record, Skipped):
            yield record, done
            continue
        try:
            article = article_from_record(record, source.path, locator)
        except (ValueError, RecursionError) as exc:
            yield Skipped(f"{source.path}@{locator}", str(exc) or "bad record"), done
            continue
        base = f"{source.path}#{article.record_id or 'h' + article.content_hash}"
        count = seen_keys.get(base, 0)
        seen_keys[base] = count + 1
        article.key = base if count == 0 else f"{base}~{count}"
        yield article, done
        if isinstance(record, dict) and any(
            isinstance(record.get(f), str) and len(record[f]) > MAX_ARTICLE_BYTES
            for f in record
            if str(f).strip().lower() in BODY_FIELDS + TITLE_FIELDS
        ):
            yield (
                Skipped(
                    article.key,
                    f"cut: only the first {size_text(MAX_ARTICLE_BYTES)} of its text are read",
                ),
                done,
            )


def read_article(file: str, locator: int, key: str = "") -> Article:
    """Read one article again from the corpus (for the reading pane), capped like indexing."""
    fmt = format_of(file)
    if fmt is not None:
        article = fmt.module.reopen(file, locator, key)
        return sidecar.apply(article) if locator == WHOLE_FILE else article
    if locator == WHOLE_FILE:
        return load_text_file(file)
    kind = kind_of(file)
    limit = _record_limit()
    if kind == "jsonl":
        if file.lower().endswith(".gz"):
            line = read_line_at(file, locator, limit + 1)[: limit + 1]
        else:
            with open(file, "rb") as handle:
                handle.seek(locator)
                line = handle.readline(limit + 1)
        if len(line) > limit:
            raise ValueError(f"JSON line larger than {size_text(limit)}")
        try:
            record = json.loads(decode_bytes(line))
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc
    elif kind == "json":
        try:
            record, _ = json.JSONDecoder().raw_decode(_json_text(file), locator)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc
    elif kind == "csv":
        _csv_field_limit()
        delimiter = _delimiter(file)
        with open(file, "rb") as raw, _maybe_gunzip(file, raw) as handle:
            header = next(csv.reader(_decoded_lines(handle), delimiter=delimiter))
            handle.seek(locator)
            row = next(csv.reader(_decoded_lines(handle), delimiter=delimiter))
        record = _csv_record([h.strip().lstrip("\ufeff") for h in header], row)
    else:
        raise ValueError(f"not an article file: {file}")
    article = article_from_record(record, file, locator)
    article.key = key
    return article


def _encodable(path: str) -> bool:
    """Whether a path is valid Unicode (os gives undecodable bytes as lone surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _maybe_gunzip(path: str, raw: io.BufferedIOBase) -> io.BufferedIOBase:
    return gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw


def _delimiter(path: str) -> str:
    return "\t" if path.lower().endswith((".tsv", ".tsv.gz")) else ","


def _refuse_utf16(head: bytes) -> None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError("UTF-16 encoded dump: convert it to UTF-8 to read it")


def _jsonl_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    """Records of a JSON lines file (maybe gzipped), each with the byte offset where it starts.

    A bad line is skipped alone; a line longer than a record may be is skipped without being
    held in memory; a truncated or damaged .gz raises TruncatedFile after the records before
    the damage.
    """
    limit = _record_limit()
    number = 0
    with open(path, "rb") as raw, _maybe_gunzip(path, raw) as handle:
        try:
            offset = 0
            while True:
                line = handle.readline(limit + 1)
                if not line:
                    return
                number += 1
                if number == 1:
                    _refuse_utf16(line)
                start, offset = offset, offset + len(line)
                if len(line) > limit and not line.endswith(b"\n"):
                    offset += _skip_rest_of_line(handle)
                    reason = f"JSON line larger than {size_text(limit)}"
                    yield start, Skipped(f"{path}:{number}", reason), raw.tell()
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(decode_bytes(line))
                except ValueError as exc:
                    record = Skipped(f"{path}:{number}", f"bad JSON line: {exc}")
                except RecursionError:
                    record = Skipped(f"{path}:{number}", "bad JSON line: nested too deeply")
                yield start, record, raw.tell()
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            if not path.lower().endswith(".gz"):
                raise
            raise TruncatedFile(
                f"damaged or truncated .gz file ({exc}): {number} lines read, the rest is lost"
            ) from exc


def _skip_rest_of_line(handle: io.BufferedIOBase) -> int:
    """Read past the end of the current line in bounded pieces; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = handle.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _json_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    """Records of a JSON array, each with the character offset where it starts."""
    size = os.stat(path).st_size
    if size > MAX_JSON_BYTES and not path.lower().endswith(".gz"):
        raise ValueError(
            f"JSON file of {size_text(size)} is larger than {size_text(MAX_JSON_BYTES)}, too "
            "big to read at once (convert it to JSON lines)"
        )
    text = _json_text(path)
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    try:
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
    except RecursionError as exc:
        raise ValueError(f"JSON nested too deeply at character {pos}") from exc


@functools.lru_cache(maxsize=1)
def _json_text_cached(path: str, mtime_ns: int, size: int) -> str:
    with open(path, "rb") as raw, _maybe_gunzip(path, raw) as handle:
        data = handle.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise ValueError(f"JSON file larger than {size_text(MAX_JSON_BYTES)}")
    return decode_bytes(data)


def _json_text(path: str) -> str:
    """The decoded text of a JSON dump; the last one is kept, as opening an article re-reads it."""
    st = os.stat(path)
    return _json_text_cached(path, st.st_mtime_ns, st.st_size)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


class _LineReader:
    """Yields decoded lines of a binary file and remembers the byte offset of the next one.

    A line longer than ``limit`` bytes is read past in bounded pieces and raises _LongLine
    (which ends this iteration; make a new one to go on). ``first_end`` is where the first
    line read since ``mark()`` ended, so a reader can resume just after a bad row's first line.
    """

    def __init__(self, handle: io.BufferedIOBase, limit: int | None = None) -> None:
        self.handle = handle
        self.offset = handle.tell()
        self.limit = limit or _record_limit()
        self.first_end: int | None = None

    def mark(self) -> None:
        self.first_end = None

    def seek(self, offset: int) -> None:
        self.handle.seek(offset)
        self.offset = offset

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.handle.readline(self.limit + 1)
            if not line:
                return
            self.offset += len(line)
            if len(line) > self.limit and not line.endswith(b"\n"):
                self.offset += _skip_rest_of_line(self.handle)
                if self.first_end is None:
                    self.first_end = self.offset
                raise _LongLine(f"line larger than {size_text(self.limit)}")
            if self.first_end is None:
                self.first_end = self.offset
            yield decode_bytes(line)


def _decoded_lines(handle: io.BufferedIOBase) -> Iterator[str]:
    return iter(_LineReader(handle))


# tuireader's CSV export puts a ' before cells a spreadsheet would run as formulas (and before
# a leading '), and marks each row so in this column; reading such a row takes the ' off again.
# Other CSV files (no such column) are read as they are.
CSV_ESCAPED_COLUMN = "escaped"
CSV_ESCAPED_VALUE = "yes"
CSV_ESCAPE_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")


def _csv_record(header: list[str], row: list[str]) -> dict:
    """A CSV row as a record, with the ' of tuireader's formula escaping taken off."""
    record = dict(zip(header, row, strict=False))
    if record.get(CSV_ESCAPED_COLUMN) == CSV_ESCAPED_VALUE:
        return {k: v[1:] if v.startswith("'") else v for k, v in record.items()}
    return record


def _csv_field_limit() -> None:
    csv.field_size_limit(max(_record_limit(), 131072))


def _csv_records(path: str) -> Iterator[tuple[int, dict | Skipped, int]]:
    """Rows of a CSV file with a header, each with the byte offset where it starts.

    A malformed row (bad quoting, a quote never closed, too long, wrong number of fields) is
    skipped alone: reading goes on from the line after the one where the row started.
    """
    _csv_field_limit()
    delimiter = _delimiter(path)
    with open(path, "rb") as raw, _maybe_gunzip(path, raw) as handle:
        _refuse_utf16(handle.peek(4)[:4])
        lines = _LineReader(handle)
        reader = csv.reader(iter(lines), delimiter=delimiter)
        try:
            header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        except StopIteration:
            return
        except (csv.Error, _LongLine) as exc:
            raise ValueError(f"unreadable CSV header: {exc}") from exc
        lowered = {h.lower() for h in header}
        if not lowered & (set(BODY_FIELDS) | set(TITLE_FIELDS)):
            raise ValueError(f"CSV has no title or text column (columns: {', '.join(header[:8])})")
        reader = csv.reader(iter(lines), strict=True, delimiter=delimiter)
        while True:
            start = lines.offset
            lines.mark()
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, _LongLine) as exc:
                resume = lines.first_end if lines.first_end is not None else lines.offset
                yield start, Skipped(f"{path}@{start}", f"bad CSV row: {exc}"), resume
                lines.seek(resume)
                reader = csv.reader(iter(lines), strict=True, delimiter=delimiter)
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
            yield start, _csv_record(header, row), lines.offset
