"""The user's marks on articles: read, starred, tags, notes.

They live in the user-data database (``tuireader.core.user.userdata``), keyed by corpus id and
article key; the list pane gets them as sets of article ids (ids change when the cache is
rebuilt: ``refresh`` maps the keys again).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from tuireader.core.base.wording import counted
from tuireader.core.cache.store import ArticleRow
from tuireader.core.library import Library
from tuireader.core.user.userdata import CorpusMarks, UserDataError, parse_tags
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.controllers.view import View
from tuireader.ui.host import Host
from tuireader.ui.screens.prompt import PromptScreen


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


class Marks:
    def __init__(self, host: Host, view: View, library: Library, settings: Settings) -> None:
        self.host = host
        self.view = view
        self.library = library
        self.settings = settings
        self.marks: CorpusMarks | None = settings.marks
        self.read_ids: set[int] = set()
        self.starred_ids: set[int] = set()

    def mount(self) -> None:
        if self.marks is not None:
            self.host.article_list.read_ids = self.read_ids
            self.host.article_list.starred_ids = self.starred_ids

    # -- read state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Article ids of the read and starred keys (ids change when the cache is rebuilt)."""
        if self.marks is None:
            return
        try:
            read = self.library.read_ids()
            starred = self.library.starred_ids()
        except Exception as exc:  # a damaged database: the reader goes on without marks
            self.host.show_message(f"Cannot read the marks: {exc}", error=True)
            return
        self.read_ids.clear()
        self.read_ids.update(read)
        self.starred_ids.clear()
        self.starred_ids.update(starred)
        self.host.article_list.refresh()

    def all_articles_label(self) -> str:
        """The list header when every article is shown: "2 articles · 1 unread" (with a filter
        on: "1 of 2 articles · 1 unread", counted in the list)."""
        total = self.view.total
        label = counted(total, "article")
        # (the list's articles, near-duplicates folded away included: as the count unfiltered)
        shown = None if self.view.meta_filter.empty else self.host.article_list.whole
        if shown is not None:
            label = f"{len(shown):,} of {label}"
        if self.marks is not None and total:
            if shown is None:
                unread = max(0, total - len(self.read_ids))
            else:
                unread = sum(1 for i in shown if i not in self.read_ids)
            label += f" · {unread:,} unread"
        if self.view.list_order != "newest":  # O: another order than the list's own
            label += f" · {self.view.list_order}"
        return label

    def _changed(self) -> None:
        if self.view.results is None:
            self.host.set_list_title(self.all_articles_label())
        self.host.article_list.refresh()

    def opened(self, row: ArticleRow) -> None:
        """An article was opened: it is read (unless the config says ``mark_read = "never"``)."""
        if (
            self.marks is None
            or self.settings.config.mark_read != "open"
            or row.id in self.read_ids
        ):
            return
        if self._write(self.marks.set_read, row.key, True):
            self.read_ids.add(row.id)
            self._changed()

    def _write(self, method, *args) -> bool:
        try:
            method(*args)
        except UserDataError as exc:
            self.host.show_message(str(exc), error=True)
            return False
        return True

    def _target_row(self) -> ArticleRow | None:
        """The article a mark applies to: the list's cursor when the list has focus, else (or
        when the list is empty) the open article; neither: said."""
        if self.marks is None:
            self.host.notify("Read marks, stars and tags are off (the user data cannot be opened).")
            return None
        lst = self.host.article_list
        article_id = lst.current_id
        if (self.host.focused is not lst or article_id is None) and self.view.open_id is not None:
            article_id = self.view.open_id
        row = None if article_id is None else self.library.get(article_id)
        if row is None:
            self.host.notify("No article to mark: the list is empty and none is open.")
        return row

    def toggle_read(self) -> None:
        row = self._target_row()
        if row is None:
            return
        read = row.id not in self.read_ids
        if self._write(self.marks.set_read, row.key, read):
            (self.read_ids.add if read else self.read_ids.discard)(row.id)
            self._changed()
            self.host.notify_replacing(
                "marks", f"Marked {'read' if read else 'unread'}: {row.title}", timeout=2
            )

    def next_unread(self) -> None:
        """Open the next unread article in the list after the open one (or the cursor's),
        wrapping round to the top; opened this way it is read."""
        lst = self.host.article_list
        ids = lst.ids
        if not ids:
            return
        start = lst.cursor  # the open article not in the list: from the cursor's
        if self.view.open_id is not None and self.view.open_id in ids:
            start = ids.index(self.view.open_id) + 1
        start %= len(ids)
        for index in (*range(start, len(ids)), *range(start)):
            if ids[index] not in self.read_ids:
                lst.cursor = index
                self.host.open_article(ids[index])
                return
        self.host.notify("No unread article in the list.", timeout=3)

    def mark_all_read(self) -> None:
        """Every article of the list: the near-duplicates folded away too, and a search's
        matches past the pages fetched (found again in a worker, then marked)."""
        ids = list(self.host.article_list.whole)
        if not ids or self.marks is None:
            return
        unfetched = self.view.unfetched_matches(self.library)
        if unfetched is not None:

            def every() -> None:
                try:
                    found = unfetched()
                except Exception as exc:  # noqa: BLE001 (said; nothing marked)
                    self.host.call_from_thread(self.host.show_message, str(exc), True)
                    return
                self.host.call_from_thread(self._mark_read, found)

            self.host.run_worker(every, thread=True, group="marks")
            return
        self._mark_read(ids)

    def _mark_read(self, ids: list[int]) -> None:
        if self.marks is None:
            return
        keys = [row.key for row in self.library.rows(ids).values()]
        if self._write(self.marks.mark_all_read, keys):
            self.read_ids.update(ids)
            self._changed()
            self.host.notify(
                f"Marked {counted(len(keys), 'article')} read "
                "(Ctrl+P › Undo mark all read puts them back)",
                timeout=8,
            )

    def undo_mark_all_read(self) -> None:
        """The articles the last "Mark all read" marked are unread again."""
        if self.marks is None:
            return
        try:
            keys = self.marks.undo_mark_all_read()
        except UserDataError as exc:
            self.host.show_message(str(exc), error=True)
            return
        if keys is None:
            self.host.notify("Nothing to undo: no article was marked read with Mark all read.")
            return
        self.refresh()
        self._changed()
        self.host.notify(f"{counted(len(keys), 'article')} unread again")

    # -- stars, tags, notes ----------------------------------------------------------------------

    def toggle_star(self) -> None:
        row = self._target_row()
        if row is None:
            return
        starred = row.id not in self.starred_ids
        if self._write(self.marks.set_starred, row.key, starred):
            (self.starred_ids.add if starred else self.starred_ids.discard)(row.id)
            self._changed()
            self._show(row)
            self.host.notify_replacing(
                "marks", f"{'Starred' if starred else 'Unstarred'}: {row.title}", timeout=2
            )

    def tag(self) -> None:
        row = self._target_row()
        if row is None:
            return
        current = self.marks.tags(row.key)
        suggester = TagSuggester(tag for tag, _n in self.marks.all_tags())

        def done(value: str | None) -> None:
            if value is None:
                return
            tags = parse_tags(value)
            if self._write(self.marks.set_tags, row.key, tags):
                self._show(row)
                self.host.notify(
                    f"Tags of {row.title}: {' '.join('#' + t for t in tags)}"
                    if tags
                    else f"No tags on {row.title}",
                    timeout=3,
                )

        self.host.push_screen(
            PromptScreen(
                f"Tags for “{row.title}” (separated by spaces; → completes; empty: none):",
                " ".join(current) + (" " if current else ""),
                suggester=suggester,
                allow_empty=True,
            ),
            done,
        )

    def note(self) -> None:
        row = self._target_row()
        if row is None:
            return

        def done(value: str | None) -> None:
            if value is not None and self._write(self.marks.set_note, row.key, value):
                self._show(row)
                self.host.notify("Note saved" if value else "Note removed", timeout=2)

        self.host.push_screen(
            PromptScreen(
                f"Note on “{row.title}” (empty removes it; search with note:WORD):",
                self.marks.get(row.key).note,
                allow_empty=True,
            ),
            done,
        )

    def current(self, key: str, read_before):
        """The article's marks as they are now (``read_before``, read with its text in a
        worker, when the user data cannot be read)."""
        if self.marks is None:
            return read_before
        try:
            return self.marks.get(key)
        except UserDataError:
            return read_before

    def _show(self, row: ArticleRow) -> None:
        reader = self.host.reader
        shown = reader.shown
        if shown is not None and shown.article.key == row.key:
            marks = self.marks.get(row.key)
            reader.set_marks(marks.starred, marks.tags, marks.note)

    def tag_counts(self) -> list[tuple[str, int]]:
        """(tag, articles) for "Show tag: …" in the palette (see commands.UserCommands)."""
        if self.marks is None:
            return []
        try:
            return self.marks.all_tags()
        except UserDataError:
            return []
