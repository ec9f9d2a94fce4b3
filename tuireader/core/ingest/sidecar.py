"""Sidecar metadata: a ``manifest.csv`` / ``manifest.tsv`` / ``metadata.jsonl`` in a folder gives
the title, date, source and URL of the files beside it (plain text files have none of their
own). Columns: ``path`` or ``file`` (the file's name, or its path from that folder) and any of
``title``, ``date``, ``source``, ``url``. A value given there wins over the file's own.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
from collections.abc import Iterable

from tuireader.core.base.articles import Article
from tuireader.core.base.encoding import decode_bytes
from tuireader.core.base.text import clean_line
from tuireader.core.ingest.dates import parse_date

SIDECARS = ("manifest.csv", "manifest.tsv", "metadata.jsonl")
FIELDS = ("title", "date", "source", "url")
MAX_SIDECAR_BYTES = 64 * 1024 * 1024


def has_sidecar(names: Iterable[str]) -> bool:
    return any(name.lower() in SIDECARS for name in names)


def stamp(folder: str) -> int:
    """The newest modification time of the folder's sidecars (0: it has none)."""
    newest = 0
    for name in SIDECARS:
        try:
            newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
        except OSError:
            continue
    return newest


def apply(article: Article) -> Article:
    """The article with what its folder's sidecar says about its file."""
    folder = os.path.dirname(article.file)
    found = stamp(folder)
    if not found:
        return article
    entry = _entries(folder, found).get(os.path.normpath(article.file))
    if not entry:
        return article
    if entry.get("title"):
        article.title = clean_line(entry["title"])[:2000]
        if not article.has_headline:  # the body keeps its opening sentence, now not the title
            article.has_headline = True
    if entry.get("date"):
        article.date_text = clean_line(entry["date"])[:200]
        article.date = parse_date(article.date_text)
    if entry.get("source"):
        article.source = clean_line(entry["source"])[:1000]
    if entry.get("url"):
        article.url = clean_line(entry["url"])[:4000]
    return article


@functools.lru_cache(maxsize=32)
def _entries(folder: str, _stamp: int) -> dict[str, dict[str, str]]:
    """Each file's sidecar fields, by its normalised absolute path (a bad sidecar: none)."""
    entries: dict[str, dict[str, str]] = {}
    for name in SIDECARS:
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as handle:
                text = decode_bytes(handle.read(MAX_SIDECAR_BYTES))
        except OSError:
            continue
        for record in _records(name, text):
            fields = {str(k).strip().lower().lstrip("\ufeff"): v for k, v in record.items()}
            where = fields.get("path") or fields.get("file")
            if not isinstance(where, str) or not where.strip():
                continue
            target = os.path.normpath(os.path.join(folder, where.strip()))
            entries[target] = {
                f: str(fields[f]) for f in FIELDS if fields.get(f) not in (None, "")
            }
    return entries


def _records(name: str, text: str) -> Iterable[dict]:
    if name.endswith(".jsonl"):
        for line in text.splitlines():
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if isinstance(record, dict):
                yield record
        return
    delimiter = "\t" if name.endswith(".tsv") else ","
    try:
        yield from csv.DictReader(io.StringIO(text), delimiter=delimiter)
    except csv.Error:
        return
