"""The reader's user marks (read, starred, tags, notes), exports, keymap and theme.

A mixin of ReaderApp: it keeps the app module about reading and searching. The marks live in
the user-data database (``tuireader.core.user.userdata``), keyed by corpus id and article key; the
list pane gets them as sets of article ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.suggester import Suggester
from textual.theme import Theme

from tuireader.core.cache.store import ArticleRow
from tuireader.core.present.export import (
    build_items,
    default_export_path,
    export_to_file,
    format_for,
)
from tuireader.core.search.user_filters import ids_of_keys
from tuireader.core.user.config import (
    Config,
    ConfigError,
    ConfigReplaced,
    load_config,
    take_replaced_notices,
)
from tuireader.core.user.userdata import CorpusMarks, UserData, UserDataError, parse_tags
from tuireader.ui.article_list import ArticleList
from tuireader.ui.entity_panel import EntityPanel
from tuireader.ui.help_screen import HelpScreen
from tuireader.ui.prompt import PromptScreen
from tuireader.ui.quote_sources import QuoteSourcesScreen
from tuireader.ui.reading_pane import ReadingPane, ShownArticle
from tuireader.ui.search_bar import SearchBar

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp

MARK_BINDINGS = [
    Binding("u", "next_unread", "Next unread", id="app.next_unread"),
    Binding("m", "toggle_read", "Read/unread", show=False, id="app.toggle_read"),
    Binding("s", "toggle_star", "Star", show=False, id="app.star"),
    Binding("t", "tag", "Tags", show=False, id="app.tag"),
    Binding("a", "note", "Note", show=False, id="app.note"),
]
EXPORTS = {
    "article": "the open article",
    "results": "the articles in the list",
    "starred": "every starred article",
}


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


class TagSuggester(Suggester):
    """Completes the last word typed with an existing tag."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = list(tags)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(" ")
        last = last.lstrip("#")
        if not last:
            return None
        typed = set(head.replace(",", " ").split())
        for tag in self.tags:
            if tag.startswith(last) and tag != last and tag not in typed:
                return value + tag[len(last) :]
        return None


def known_binding_ids(app_class: type) -> set[str]:
    """Every binding id a keymap may name."""
    classes = (
        app_class,
        ArticleList,
        ReadingPane,
        SearchBar,
        EntityPanel,
        HelpScreen,
        PromptScreen,
        QuoteSourcesScreen,
    )
    ids: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in vars(klass).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids


class MarksMixin:
    """Read state, stars, tags, notes, exports, keymap and theme for ReaderApp."""

    # -- set-up ------------------------------------------------------------------------------

    def _init_user(self: ReaderApp) -> None:
        """Read the config and open the user data (called from ``__init__``)."""
        self.config_problems: list[str] = []
        try:
            self.config = load_config()
        except ConfigReplaced:
            self.config = Config()  # its message comes with the notices below
        except ConfigError as exc:
            self.config = Config()
            self.config_problems.append(f"{exc} (using the defaults)")
        # a corrupted config replaced here, or by the command line before the screen took over
        self.config_problems.extend(take_replaced_notices())
        self.userdata: UserData | None = None
        self.marks: CorpusMarks | None = None
        try:
            self.userdata = UserData()
            self.marks = self.userdata.corpus(self.corpus.id)
        except UserDataError as exc:
            self.config_problems.append(f"Read marks, stars and tags are off: {exc}")
        if self.userdata is not None and self.userdata.warning:
            self.config_problems.append(self.userdata.warning)
        self.read_ids: set[int] = set()
        self.starred_ids: set[int] = set()

    def _mount_user(self: ReaderApp) -> None:
        """Apply the keymap and the theme, report config problems (called from on_mount)."""
        self._apply_keymap()
        self._restore_theme()
        if self.marks is not None:
            self.article_list.read_ids = self.read_ids
            self.article_list.starred_ids = self.starred_ids
        for problem in self.config_problems:
            self.notify(problem, severity="error", timeout=15)

    def _apply_keymap(self: ReaderApp) -> None:
        known = known_binding_ids(type(self))
        keymap = {}
        for binding_id, keys in self.config.keys.items():
            if binding_id in known:
                keymap[binding_id] = keys
            else:
                self.config_problems.append(
                    f"{self.config.where('keys', binding_id)}: unknown binding id "
                    f'keys."{binding_id}" (the help screen, ?, lists the ids)'
                )
        if keymap:
            self.set_keymap(keymap)

    def _restore_theme(self: ReaderApp) -> None:
        """The theme chosen in the palette, unless the config's ``theme`` changed since."""
        wanted = self.config.theme
        if self.userdata is not None:
            saved = self.userdata.setting("theme")
            saved_with = self.userdata.setting("theme_config") or None
            if saved and saved_with == self.config.theme:
                wanted = saved
        if wanted:
            if wanted in self.available_themes:
                self.theme = wanted
            else:
                where = self.config.where("", "theme") if wanted == self.config.theme else ""
                self.config_problems.append(
                    f"{where + ': ' if where else ''}unknown theme {wanted!r} (Ctrl+P, "
                    "Change theme lists them)"
                )
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)

    def _on_theme_changed(self: ReaderApp, theme: Theme) -> None:
        # The reading pane keeps its lines styled: lay them out again in the new colours.
        self.call_after_refresh(self.reader._relayout_in_place)
        if self.userdata is None:
            return
        try:
            self.userdata.set_setting("theme", theme.name)
            self.userdata.set_setting("theme_config", self.config.theme or "")
        except Exception as exc:  # the theme still changes; it is just not remembered
            self.show_message(f"Cannot save the theme: {exc}", error=True)

    # -- read state --------------------------------------------------------------------------

    def refresh_marks(self: ReaderApp) -> None:
        """Article ids of the read and starred keys (ids change when the cache is rebuilt)."""
        if self.marks is None or self.store is None:
            return
        try:
            read = ids_of_keys(self.store, self.marks.read_keys()).values()
            starred = ids_of_keys(self.store, self.marks.starred_keys()).values()
        except Exception as exc:  # a damaged database: the reader goes on without marks
            self.show_message(f"Cannot read the marks: {exc}", error=True)
            return
        self.read_ids.clear()
        self.read_ids.update(read)
        self.starred_ids.clear()
        self.starred_ids.update(starred)
        self.article_list.refresh()

    def all_articles_label(self: ReaderApp) -> str:
        """The list header when every article is shown: "2 articles · 1 unread" (with a filter
        on: "1 of 2 articles · 1 unread", counted in the list)."""
        label = _count(self.total, "article")
        shown = None if self.meta_filter.empty else self.article_list.ids
        if shown is not None:
            label = f"{len(shown):,} of {label}"
        if self.marks is not None and self.total:
            if shown is None:
                unread = max(0, self.total - len(self.read_ids))
            else:
                unread = sum(1 for i in shown if i not in self.read_ids)
            label += f" · {unread:,} unread"
        return label

    def _marks_changed(self: ReaderApp) -> None:
        if self.results is None:
            self.set_list_title(self.all_articles_label())
        self.article_list.refresh()

    def mark_opened(self: ReaderApp, row: ArticleRow) -> None:
        """An article was opened: it is read (unless the config says ``mark_read = "never"``)."""
        if self.marks is None or self.config.mark_read != "open" or row.id in self.read_ids:
            return
        if self._write_marks(self.marks.set_read, row.key, True):
            self.read_ids.add(row.id)
            self._marks_changed()

    def _write_marks(self: ReaderApp, method, *args) -> bool:
        try:
            method(*args)
        except UserDataError as exc:
            self.show_message(str(exc), error=True)
            return False
        return True

    def _target_row(self: ReaderApp) -> ArticleRow | None:
        """The article a mark applies to: the list's cursor when the list has focus, else the
        open article."""
        if self.marks is None:
            self.notify("Read marks, stars and tags are off (the user data cannot be opened).")
            return None
        lst = self.article_list
        article_id = lst.current_id
        if self.focused is not lst and self._open_id is not None:
            article_id = self._open_id
        if article_id is None or self.store is None:
            return None
        return self.store.get(article_id)

    def action_toggle_read(self: ReaderApp) -> None:
        row = self._target_row()
        if row is None:
            return
        read = row.id not in self.read_ids
        if self._write_marks(self.marks.set_read, row.key, read):
            (self.read_ids.add if read else self.read_ids.discard)(row.id)
            self._marks_changed()
            self.notify_replacing(
                "marks", f"Marked {'read' if read else 'unread'}: {row.title}", timeout=2
            )

    def action_next_unread(self: ReaderApp) -> None:
        """Open the next unread article in the list after the open one (or the cursor's),
        wrapping round to the top; opened this way it is read."""
        lst = self.article_list
        ids = lst.ids
        if not ids:
            return
        start = lst.cursor  # the open article not in the list: from the cursor's
        if self._open_id is not None and self._open_id in ids:
            start = ids.index(self._open_id) + 1
        start %= len(ids)
        for index in (*range(start, len(ids)), *range(start)):
            if ids[index] not in self.read_ids:
                lst.cursor = index
                self.open_article(ids[index])
                return
        self.notify("No unread article in the list.", timeout=3)

    def mark_all_read(self: ReaderApp) -> None:
        ids = list(self.article_list.ids)
        if not ids or self.marks is None or self.store is None:
            return
        keys = [row.key for row in self.store.rows(ids).values()]
        if self._write_marks(self.marks.mark_all_read, keys):
            self.read_ids.update(ids)
            self._marks_changed()
            self.notify(
                f"Marked {_count(len(keys), 'article')} read "
                "(Ctrl+P › Undo mark all read puts them back)",
                timeout=8,
            )

    def undo_mark_all_read(self: ReaderApp) -> None:
        """The articles the last "Mark all read" marked are unread again."""
        if self.marks is None:
            return
        try:
            keys = self.marks.undo_mark_all_read()
        except UserDataError as exc:
            self.show_message(str(exc), error=True)
            return
        if keys is None:
            self.notify("Nothing to undo: no article was marked read with Mark all read.")
            return
        self.refresh_marks()
        self._marks_changed()
        self.notify(f"{_count(len(keys), 'article')} unread again")

    # -- stars, tags, notes ------------------------------------------------------------------

    def action_toggle_star(self: ReaderApp) -> None:
        row = self._target_row()
        if row is None:
            return
        starred = row.id not in self.starred_ids
        if self._write_marks(self.marks.set_starred, row.key, starred):
            (self.starred_ids.add if starred else self.starred_ids.discard)(row.id)
            self._marks_changed()
            self._show_marks(row)
            self.notify_replacing(
                "marks", f"{'Starred' if starred else 'Unstarred'}: {row.title}", timeout=2
            )

    def action_tag(self: ReaderApp) -> None:
        row = self._target_row()
        if row is None:
            return
        current = self.marks.tags(row.key)
        suggester = TagSuggester(tag for tag, _n in self.marks.all_tags())

        def done(value: str | None) -> None:
            if value is None:
                return
            tags = parse_tags(value)
            if self._write_marks(self.marks.set_tags, row.key, tags):
                self._show_marks(row)
                self.notify(
                    f"Tags of {row.title}: {' '.join('#' + t for t in tags)}"
                    if tags
                    else f"No tags on {row.title}",
                    timeout=3,
                )

        self.push_screen(
            PromptScreen(
                f"Tags for “{row.title}” (separated by spaces; → completes; empty: none):",
                " ".join(current) + (" " if current else ""),
                suggester=suggester,
                allow_empty=True,
            ),
            done,
        )

    def action_note(self: ReaderApp) -> None:
        row = self._target_row()
        if row is None:
            return

        def done(value: str | None) -> None:
            if value is not None and self._write_marks(self.marks.set_note, row.key, value):
                self._show_marks(row)
                self.notify("Note saved" if value else "Note removed", timeout=2)

        self.push_screen(
            PromptScreen(
                f"Note on “{row.title}” (empty removes it; search with note:WORD):",
                self.marks.get(row.key).note,
                allow_empty=True,
            ),
            done,
        )

    def with_marks(self: ReaderApp, shown: ShownArticle) -> ShownArticle:
        """An article to show, with its star, tags and note."""
        if self.marks is None:
            return shown
        from dataclasses import replace

        try:
            marks = self.marks.get(shown.article.key)
        except UserDataError:
            return shown
        return replace(shown, starred=marks.starred, tags=marks.tags, note=marks.note)

    def _show_marks(self: ReaderApp, row: ArticleRow) -> None:
        shown = self.reader.shown
        if shown is not None and shown.article.key == row.key:
            marks = self.marks.get(row.key)
            self.reader.set_marks(marks.starred, marks.tags, marks.note)

    # -- export ------------------------------------------------------------------------------

    def export_prompt(self: ReaderApp, what: str) -> None:
        """Ask for a file name (the suffix picks the format), then export in a thread."""
        if what == "article" and self.reader.shown is None:
            self.notify("Open an article first.")
            return
        ids: list[int] = []
        if what == "article":
            ids = [self._open_id] if self._open_id is not None else []
        elif what == "results":
            ids = list(self.article_list.ids)
            if not ids:
                self.notify("The list is empty.")
                return
        elif self.marks is None or not self.starred_ids:
            self.notify("No article is starred (s stars the article under the cursor).")
            return
        default = default_export_path(self.corpus.name, what)

        def chosen(target: str | None) -> None:
            if target:
                self._export(what, ids, Path(target).expanduser().absolute())

        self.push_screen(
            PromptScreen(f"Export {EXPORTS[what]} to (.md, .jsonl or .csv):", str(default)),
            chosen,
        )

    @work(thread=True, group="export")
    def _export(self: ReaderApp, what: str, ids: list[int], path: Path) -> None:
        fmt = format_for(path, "md")
        store = self.corpus.open_store()
        try:
            annotate_one = None
            if what == "article":
                annotate_one = lambda row, article: self._annotate(row.id, article)  # noqa: E731
                heading = ""
            elif what == "results":
                query = self.results.query if self.results is not None else ""
                heading = f"{self.corpus.name}: {query}" if query else self.corpus.name
            else:
                starred = set(ids_of_keys(store, self.marks.starred_keys()).values())
                ids = [i for i in store.ordered_ids() if i in starred]
                heading = f"{self.corpus.name}: starred"
            items = build_items(self.corpus, store, ids, self.marks, annotate_one)
            count = export_to_file(items, fmt, path, heading)
        except Exception as exc:  # a bad folder, a full disk: say so, keep the app
            self.call_from_thread(self.show_message, f"Cannot export to {path}: {exc}", True)
            return
        finally:
            store.close()
        self.call_from_thread(
            self.notify, f"Exported {_count(count, 'article')} to {path}", timeout=8
        )

    # -- palette -----------------------------------------------------------------------------

    def tag_counts(self: ReaderApp) -> list[tuple[str, int]]:
        """(tag, articles) for "Show tag: …" in the palette (see commands.UserCommands)."""
        if self.marks is None:
            return []
        try:
            return self.marks.all_tags()
        except UserDataError:
            return []

    def marks_commands(self: ReaderApp) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Mark read / unread", "Toggle the read mark of the article (m)", self.action_toggle_read
        )
        yield SystemCommand("Mark all read", "Every article in the list", self.mark_all_read)
        if self.marks is not None and self.marks.can_undo_mark_all_read:
            yield SystemCommand(
                "Undo mark all read",
                "The articles the last Mark all read marked are unread again",
                self.undo_mark_all_read,
            )
        yield SystemCommand("Star / unstar", "Star the article (s)", self.action_toggle_star)
        yield SystemCommand("Tag…", "Tag the article (t)", self.action_tag)
        yield SystemCommand("Note…", "Write a note on the article (a)", self.action_note)
        search = self.run_search_from_palette
        yield SystemCommand("Show unread only", "is:unread", partial(search, "is:unread"))
        yield SystemCommand("Show starred", "is:starred", partial(search, "is:starred"))
        yield SystemCommand("Show articles with notes", "is:noted", partial(search, "is:noted"))
        for what, label in EXPORTS.items():
            yield SystemCommand(
                f"Export {what}…",
                f"Write {label} to Markdown, JSONL or CSV",
                partial(self.export_prompt, what),
            )
