"""Command palette providers: open an article by title, search the corpus for the text, switch
to another corpus, saved searches and tags.

What they show comes from the corpus or the user (titles, file names, tags, queries): it is
given to the palette as ``Content``/``Text``, and help lines (which the palette reads as markup)
through ``notices.as_markup``, so that it is shown as written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Protocol, cast

from rich.text import Text
from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tuireader.core.base.text import clean_line, visible
from tuireader.core.base.wording import counted
from tuireader.core.library import Library
from tuireader.core.search.meta_filter import EXAMPLES
from tuireader.ui.controllers.corpora import Corpora, describe
from tuireader.ui.controllers.export import EXPORTS, Export
from tuireader.ui.controllers.filters import Filters
from tuireader.ui.controllers.indexing import Indexing
from tuireader.ui.controllers.investigating import Investigating
from tuireader.ui.controllers.marks import Marks
from tuireader.ui.controllers.search import Search
from tuireader.ui.controllers.similar import Similar
from tuireader.ui.controllers.view import View
from tuireader.ui.notices import as_markup

SOURCES_DISCOVERED = 30  # sources listed before anything is typed


class Palette(Protocol):
    """What the palette offers to do, on the app."""

    view: View
    library: Library
    marks: Marks
    searching: Search
    filters: Filters
    corpora: Corpora
    exports: Export
    similar: Similar
    indexing: Indexing
    investigating: Investigating

    def action_focus_search(self) -> None: ...
    def action_show_skipped(self) -> None: ...
    def action_help(self) -> None: ...
    def run_search_from_palette(self, query: str) -> None: ...
    def open_article(
        self, article_id: int, refresh: bool = False, preview: bool = False
    ) -> None: ...


class _Provider(Provider):
    @property
    def reader(self) -> Palette:
        return cast(Palette, self.app)


class ArticleCommands(_Provider):
    """Titles matching what is typed, and "Search for …"."""

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
        for row in self.reader.library.titles_matching(text):
            title = Text("Open: ")
            title.append(Text(row.title))
            yield Hit(
                0.9,
                title,
                partial(self.reader.open_article, row.id),
                text=f"Open: {row.title}",
                help="open this article",
            )


class CorpusCommands(_Provider):
    """ "Switch corpus: NAME" for each remembered corpus and the sample; "Forget corpus: NAME"
    for those whose paths are gone. Names and paths come from file names: plain text only."""

    async def startup(self) -> None:
        """Look at the file system once per palette, not once per key typed."""
        self.choices: list[tuple[str, Callable[[], None], str, float]] = []
        for entry in self.reader.corpora.others():
            name = visible(entry.name)
            missing = " (missing)" if entry.missing else ""
            help_text = as_markup(describe(entry))
            self.choices.append(
                (
                    f"Switch corpus: {name}{missing}",
                    partial(self.reader.corpora.switch, entry),
                    help_text,
                    0.5 if missing else 1.0,  # below the corpora that can be opened
                )
            )
            if missing:
                self.choices.append(
                    (
                        f"Forget corpus: {name}{missing}",
                        partial(self.reader.corpora.forget, entry),
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


class _ChoicesProvider(_Provider):
    """Commands listed once per palette in ``self.choices`` (text, callback, help); the
    first ``discovered`` of them are shown before anything is typed."""

    choices: list[tuple[str, Callable[[], None], str]]
    discovered: int | None = None

    async def discover(self) -> Hits:
        for text, callback, help_text in self.choices[: self.discovered]:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.choices:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=help_text)


class UserCommands(_ChoicesProvider):
    """ "Saved search: NAME" for each saved search and "Show tag: TAG" for each tag: names,
    queries and tags are the user's text, shown as typed."""

    async def startup(self) -> None:
        search = self.reader.run_search_from_palette
        self.choices: list[tuple[str, Callable[[], None], str]] = [
            (f"Saved search: {clean_line(name)}", partial(search, query), as_markup(query))
            for name, query in self.reader.searching.saved.items.items()
        ]
        for tag, n in self.reader.marks.tag_counts():
            articles = counted(n, "article")
            self.choices.append(
                (
                    f"Show tag: {clean_line(tag)}",
                    partial(search, f"tag:{tag}"),
                    as_markup(f"tag:{tag} ({articles})"),
                )
            )


class FilterCommands(_ChoicesProvider):
    """ "Filter by source: NAME" for each source, "Filter by date range…", "Clear filters"."""

    discovered = SOURCES_DISCOVERED

    async def startup(self) -> None:
        """Read the sources once per palette, not once per key typed."""
        current = self.reader.view.meta_filter
        filters = self.reader.filters
        dates_help = f"e.g. {EXAMPLES}"
        self.choices: list[tuple[str, Callable[[], None], str]] = [
            ("Filter by date range…", filters.dates_prompt, dates_help)
        ]
        if not current.empty:
            self.choices.append(("Clear filters", filters.clear, as_markup(current.label())))
        for name in current.entities:
            self.choices.append(
                (
                    f"Remove entity filter: {visible(name)}",
                    partial(self.reader.investigating.remove_entity_filter, name),
                    "the list shows the articles without it again",
                )
            )
        for source, n in filters.sources():
            mark = " (on)" if source == current.source else ""
            self.choices.append(
                (
                    f"Filter by source: {visible(source)}",
                    partial(filters.by_source, source),
                    counted(n, "article") + mark,
                )
            )


def _highlight(matcher: Matcher, text: str) -> Content:
    """Matcher.highlight without reading the text as markup."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def system_commands(app: Palette) -> Iterable[SystemCommand]:
    """The reader's commands in the palette (Textual's own follow)."""
    search = app.run_search_from_palette
    marks = app.marks
    yield SystemCommand("Search", "Focus the search bar", app.action_focus_search)
    yield SystemCommand("Reindex", "Index new, changed and removed articles", app.indexing.reindex)
    yield SystemCommand(
        "Rebuild index",
        "Index the whole corpus again from scratch",
        partial(app.indexing.reindex, rebuild=True),
    )
    yield SystemCommand(
        "Save search", "Save the current search under a name", app.searching.save_current
    )
    yield SystemCommand(
        "More like this", "Articles similar to the open one", app.similar.more_like_this
    )
    yield SystemCommand(
        "Sort",
        "Results: relevance, newest, oldest, title; every article: newest, oldest, title (O)",
        app.searching.cycle_sort,
    )
    yield SystemCommand(
        "Mark read / unread", "Toggle the read mark of the article (m)", marks.toggle_read
    )
    yield SystemCommand("Mark all read", "Every article in the list", marks.mark_all_read)
    if marks.marks is not None and marks.marks.can_undo_mark_all_read:
        yield SystemCommand(
            "Undo mark all read",
            "The articles the last Mark all read marked are unread again",
            marks.undo_mark_all_read,
        )
    yield SystemCommand("Star / unstar", "Star the article (s)", marks.toggle_star)
    yield SystemCommand("Tag…", "Tag the article (t)", marks.tag)
    yield SystemCommand("Note…", "Write a note on the article (a)", marks.note)
    yield SystemCommand("Show unread only", "is:unread", partial(search, "is:unread"))
    yield SystemCommand("Show starred", "is:starred", partial(search, "is:starred"))
    yield SystemCommand("Show articles with notes", "is:noted", partial(search, "is:noted"))
    for what, label in EXPORTS.items():
        yield SystemCommand(
            f"Export {what}…",
            f"Write {label} to Markdown, JSONL or CSV",
            partial(app.exports.prompt, what),
        )
    yield SystemCommand(
        "Skipped items",
        "Files and records that could not be read, and why",
        app.action_show_skipped,
    )
    investigating = app.investigating
    hand_off = investigating.hand_off
    yield SystemCommand(
        "Names", "People, organisations, places of the list (E)", investigating.facets
    )
    yield SystemCommand(
        "Who said what", "Speakers and their quotations (W)", investigating.speakers
    )
    yield SystemCommand(
        "Co-occurrence", "Who appears with whom, ranked by G² (C)", investigating.cooccur
    )
    yield SystemCommand("Timeline", "Articles per day, week, month (T)", investigating.timeline)
    yield SystemCommand(
        "Batch search…", "Counts of every query in a file", investigating.batch_prompt
    )
    yield SystemCommand("Open in browser", "The article's URL (b)", hand_off.browser)
    yield SystemCommand(
        "Open in editor", "The article's file in $EDITOR (X)", partial(hand_off.program, "EDITOR")
    )
    yield SystemCommand(
        "Open in pager", "The article's file in $PAGER (P)", partial(hand_off.program, "PAGER")
    )
    yield SystemCommand("Copy article URL", "To the clipboard (y)", hand_off.copy_url)
    yield SystemCommand(
        "Copy quotation", "The quotation in view with its citation (Y)", hand_off.copy_quote
    )
    yield SystemCommand("Help", "Show every key and the search syntax", app.action_help)
