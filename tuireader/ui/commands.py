"""Command palette providers: open an article by title, or search the corpus for the text."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import ReaderApp


class ArticleCommands(Provider):
    """Titles matching what is typed, and "Search for …"."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            "Open article…", partial(self.reader.action_focus_search), help="type part of a title"
        )

    async def search(self, query: str) -> Hits:
        text = query.strip()
        if not text:
            return
        yield Hit(
            1.0,
            Text.assemble("Search the corpus for: ", (text, "bold")),
            partial(self.reader.run_search_from_palette, text),
            text=f"Search the corpus for: {text}",
            help="full-text search (Enter)",
        )
        for row in self.reader.titles_matching(text):
            title = Text("Open: ")
            title.append(Text(row.title))
            yield Hit(
                0.9,
                title,
                partial(self.reader.open_article, row.id),
                text=f"Open: {row.title}",
                help="open this article",
            )
