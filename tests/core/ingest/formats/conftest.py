"""Reading a folder of made documents through the door, as the reader does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tuireader.core.base.articles import Article
from tuireader.core.library import Library


class Read:
    """What a corpus gave: its articles by title (as the store keeps them), each also read
    again from its location in the file, and the skips with their reasons."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.articles: dict[str, Article] = {}
        self.reopened: dict[str, Article] = {}
        for article_id in lib.ordered_ids():
            row = lib.get(article_id)
            self.articles[row.title] = lib.read(article_id)
            self.reopened[row.title] = lib.corpus.read(row)
        self.skips = dict(lib.skips())

    def check_reopens(self) -> None:
        for title, article in self.articles.items():
            again = self.reopened[title]
            assert (again.title, again.body, again.date, again.source, again.url) == (
                article.title,
                article.body,
                article.date,
                article.source,
                article.url,
            ), title


@pytest.fixture
def read_corpus() -> Iterator:
    opened: list[Library] = []

    def read(*paths: Path) -> Read:
        lib = Library.open([str(p) for p in paths])
        opened.append(lib)
        lib.sync()
        return Read(lib)

    yield read
    for lib in opened:
        lib.close()
