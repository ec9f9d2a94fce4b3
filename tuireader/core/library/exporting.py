"""Exporting articles with the user's marks: one implementation for ``tuireader export`` and
the reader's "Export …" commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import MetaStore
from tuireader.core.present.export import build_items, export, export_to_file, format_for
from tuireader.core.user.userdata import CorpusMarks


def export_ids(
    corpus: Corpus,
    store: MetaStore,
    ids: Sequence[int],
    marks: CorpusMarks | None,
    fmt: str | None = None,
    out: TextIO | None = None,
    path: Path | None = None,
    heading: str = "",
    annotate_one: Callable | None = None,
) -> int:
    """Write these articles (in this order) to ``path`` (replaced whole once written; format
    from its suffix when ``fmt`` is None, else Markdown) or to ``out`` (``fmt`` else JSONL);
    returns how many were written. OSError when the file cannot be written."""
    items = build_items(corpus, store, ids, marks, annotate_one)
    if path is not None:
        return export_to_file(items, fmt or format_for(path, "md"), path, heading)
    if out is None:
        raise ValueError("export to a path or a stream")
    return export(items, fmt or "jsonl", out, heading)
