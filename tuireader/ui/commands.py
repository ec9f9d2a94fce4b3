"""Command palette providers: open an article by title, search the corpus for the text, switch
to another corpus, saved searches and tags.

What they show comes from the corpus or the user (titles, file names, tags, queries): it is
given to the palette as ``Content``/``Text``, and help lines (which the palette reads as markup)
through ``notices.as_markup``, so that it is shown as written."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tuireader.core.base.text import visible
from tuireader.ui.corpora import describe
from tuireader.ui.notices import as_markup

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp


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


class CorpusCommands(Provider):
    """ "Switch corpus: NAME" for each remembered corpus and the sample; "Forget corpus: NAME"
    for those whose paths are gone. Names and paths come from file names: plain text only."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        """Look at the file system once per palette, not once per key typed."""
        self.choices: list[tuple[str, Callable[[], None], str, float]] = []
        for entry in self.reader.other_corpora():
            name = visible(entry.name)
            missing = " (missing)" if entry.missing else ""
            help_text = as_markup(describe(entry))
            self.choices.append(
                (
                    f"Switch corpus: {name}{missing}",
                    partial(self.reader.switch_corpus, entry),
                    help_text,
                    0.5 if missing else 1.0,  # below the corpora that can be opened
                )
            )
            if missing:
                self.choices.append(
                    (
                        f"Forget corpus: {name}{missing}",
                        partial(self.reader.forget_corpus, entry),
                        "drop it from the list (its index and marks are kept)",
                        0.5,
                    )
                )

    async def discover(self) -> Hits:
        for text, callback, help_text, _weight in self.choices:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text, weight in self.choices:
            score = matcher.match(text) * weight
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=help_text)


class UserCommands(Provider):
    """ "Saved search: NAME" for each saved search and "Show tag: TAG" for each tag: names,
    queries and tags are the user's text, shown as typed."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        search = self.reader.run_search_from_palette
        self.choices: list[tuple[str, Callable[[], None], str]] = [
            (f"Saved search: {name}", partial(search, query), as_markup(query))
            for name, query in self.reader.saved.items.items()
        ]
        for tag, count in self.reader.tag_counts():
            articles = f"{count:,} article" + ("" if count == 1 else "s")
            self.choices.append(
                (
                    f"Show tag: {tag}",
                    partial(search, f"tag:{tag}"),
                    as_markup(f"tag:{tag} ({articles})"),
                )
            )

    async def discover(self) -> Hits:
        for text, callback, help_text in self.choices:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.choices:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=help_text)


def _highlight(matcher: Matcher, text: str) -> Content:
    """Matcher.highlight without reading the text as markup."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
