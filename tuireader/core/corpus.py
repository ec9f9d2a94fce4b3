"""A corpus: the paths a user pointed at, and where its index and metadata are cached."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from . import paths as app_paths
from .articles import Article
from .loaders import check_paths, read_article
from .search import WhooshEngine
from .store import ArticleRow, MetaStore


class Corpus:
    """The articles under one or more paths; each distinct set of paths has its own cache."""

    def __init__(self, paths: Sequence[str | os.PathLike], cache_root: Path | None = None) -> None:
        self.paths = check_paths(list(paths))
        joined = "\n".join(sorted(str(p) for p in self.paths))
        self.id = hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        root = cache_root or app_paths.cache_dir()
        self.cache_dir = root / "corpora" / f"{_slug(self.paths[0].name)}-{self.id}"

    @property
    def name(self) -> str:
        """A short display name: the folder or file name, with a count when there are more."""
        first = self.paths[0].name or str(self.paths[0])
        return first if len(self.paths) == 1 else f"{first} +{len(self.paths) - 1}"

    @property
    def store_path(self) -> Path:
        return self.cache_dir / "articles.sqlite"

    @property
    def index_dir(self) -> Path:
        return self.cache_dir / "whoosh"

    @property
    def lock_path(self) -> Path:
        return self.cache_dir / "sync.lock"

    def open_store(self) -> MetaStore:
        """A metadata connection for the calling thread."""
        return MetaStore(self.store_path)

    def open_engine(self) -> WhooshEngine:
        return WhooshEngine(self.index_dir)

    @staticmethod
    def read(row: ArticleRow) -> Article:
        """The full article behind a list row, read from the corpus."""
        return read_article(row.file, row.locator, row.key)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")[:40] or "corpus"
