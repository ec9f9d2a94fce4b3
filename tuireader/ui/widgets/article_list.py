"""The list pane: a line-API widget that renders only the visible rows.

Rows are article ids; their metadata is fetched from the metadata store for the rows on
screen, so a list of a million articles costs one array of ints (the full list comes as an
``array``, 8 bytes a row; results as a list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.core.base.localtime import shown
from tuireader.core.base.text import clean_line, visible
from tuireader.core.cache.store import ArticleRow
from tuireader.ui.colours import readable_style
from tuireader.ui.styles import StyleOncePerPass, component_style

RowFetcher = Callable[[Sequence[int]], dict[int, ArticleRow]]
Snippets = dict[int, tuple[str, list[tuple[int, int]]]]
# The rows' snippets as a job for a thread (None: the list shows no search results)
SnippetJob = Callable[[list[int]], Callable[[], Snippets | None] | None]

_CACHE_LIMIT = 4000
NEAR_END_ROWS = 50  # the next page of results is asked for this many rows before the end
_DATE_WIDTH = 10
_DATE_WIDTH_LIMIT = 32  # a longer formatted date ([reading] date_format) is cut
_DEFAULT_DATE = "%Y-%m-%d"
_SOURCE_WIDTH = 16
_SOURCE_WIDTH_WIDE = 32  # on a wide list, a longer source is shown whole up to this
_TITLE_ROOM_WIDE = 48  # ... while the titles keep this much room
_MIN_TITLE = 16  # narrower than this, the title gets the date's column (the pane shows it)


class ArticleList(StyleOncePerPass, ScrollView, can_focus=True):
    """A cursor over a list of article ids."""

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        overflow-x: hidden;
    }
    ArticleList > .article-list--cursor {
        background: $block-cursor-blurred-background;
    }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ArticleList > .article-list--open {
        color: $accent;
        text-style: bold;
    }
    ArticleList > .article-list--meta {
        color: $text-muted;
    }
    ArticleList > .article-list--snippet {
        color: $text-muted;
    }
    ArticleList > .article-list--snippet-hit {
        color: $text-warning;
        text-style: bold;
    }
    ArticleList > .article-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    ArticleList > .article-list--badge {
        color: $text-warning;
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--open",
        "article-list--meta",
        "article-list--empty",
        "article-list--snippet",
        "article-list--snippet-hit",
        "article-list--badge",
    }
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("enter,l", "open", "Open", id="list.open"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Opened(Message):
        """The user chose an article (Enter, l or a click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, article_id: int | None) -> None:
            super().__init__()
            self.article_id = article_id

    @dataclass
    class SnippetsReady(Message):
        """Snippets made by the list's own worker for the rows it showed."""

        snippets: Snippets
        round: int

    def __init__(
        self,
        fetch: RowFetcher,
        snippet_job: SnippetJob | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._fetch = fetch
        self._header_forms: list[str] = []  # the border title, longest first (set_header)
        self._snippet_job = snippet_job
        self._snippet_round = 0  # bumped when the snippets start afresh: late ones are dropped
        # Search results show a snippet under each title; None while browsing.
        self.snippets: dict[int, tuple[str, list[tuple[int, int]]]] | None = None
        self._requested: set[int] = set()
        # A word on a result's snippet line, e.g. "≈ 83% same text" (near-duplicates).
        self.badges: dict[int, str] = {}
        self.ids: Sequence[int] = []
        # every article of the list, near-duplicates folded away from ``ids`` included: what
        # its header counts, "Mark all read" marks and "Export results" writes
        self.whole: Sequence[int] = []
        self.open_id: int | None = None
        self.empty_message = "Loading…"
        self._rows: dict[int, ArticleRow] = {}
        # The user's marks: unread titles are bold (None: read state not shown), starred ★.
        self.read_ids: set[int] | None = None
        self.starred_ids: set[int] = set()
        self.date_format = _DEFAULT_DATE
        self.date_width = _DATE_WIDTH
        self.zone: tzinfo | None = None  # dates are shown in this zone (None: the machine's)
        self._generation = 0  # bumped when what the rows show changes (see _columns)
        self._columns_cache: tuple[tuple, tuple[int, int]] | None = None
        # Called when the cursor comes near the last row (a result list that has more pages).
        self.near_end: Callable[[], None] | None = None
        # highlight styles made readable on the list's background, by style and background
        self._readable_styles: dict[tuple, Style] = {}
        # The last row End put the cursor on: while it stays there, the rows a next page adds
        # take it on to the new last row (End means the last match, not the last fetched).
        self._end_id: int | None = None

    def set_date_format(self, date_format: str | None) -> None:
        """Show dates with a strftime format (None: 2016-10-03); the date column is as wide
        as the longest date it can give."""
        self.date_format = date_format or _DEFAULT_DATE
        self.date_width = max(_DATE_WIDTH, date_column_width(self.date_format))
        self._generation += 1
        self.refresh()

    # -- content ---------------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return 1 if self.snippets is None else 2

    def result_rows_in_view(self) -> int:
        """How many result rows (with their snippet lines) the list shows at once."""
        height = self.scrollable_content_region.height or self.size.height
        return max(1, -(-height // 2))

    def set_ids(
        self,
        ids: Sequence[int],
        keep_cursor: bool = True,
        snippets: bool = False,
        keep_badges: bool = False,
        keep_snippets: bool = False,
        whole: Sequence[int] | None = None,
    ) -> None:
        """Show these articles; the cursor stays on the same article when it is still there.

        With ``snippets``, each row gets a second line, asked for when it comes into view;
        ``keep_badges`` keeps the rows' badges (the same results re-ordered), and
        ``keep_snippets`` the snippets made so far (the same query, more results); ``whole``
        the list these are folded from (near-duplicates hidden), by default ``ids`` itself.
        """
        current = self.current_id
        self.ids = ids
        self.whole = ids if whole is None else whole
        self._rows.clear()
        self._generation += 1
        if not (snippets and keep_snippets and self.snippets is not None):
            self.snippets = {} if snippets else None
            self._requested.clear()
            self._snippet_round += 1
        if not keep_badges:
            self.badges = {}
        self._set_virtual_size()
        position = 0
        if keep_cursor and current is not None:
            try:
                position = ids.index(current)
            except ValueError:
                position = 0
        following = keep_cursor and current is not None and current == self._end_id
        if following and ids:
            position = len(ids) - 1
        self._end_id = ids[position] if following and ids else None
        self.cursor = min(position, max(0, len(ids) - 1))
        self._scroll_cursor_into_view()
        self.refresh()

    def add_snippets(self, snippets: dict[int, tuple[str, list[tuple[int, int]]]]) -> None:
        if self.snippets is not None:
            self.snippets.update(snippets)
            self.refresh()

    def set_badges(self, badges: dict[int, str]) -> None:
        """Mark result rows: the text leads their snippet line (until the next ``set_ids``)."""
        self.badges = dict(badges)
        self.refresh()

    def forget_rows(self) -> None:
        """Drop cached metadata (after a sync changed it)."""
        self._rows.clear()
        self._generation += 1
        self.refresh()

    def set_open(self, article_id: int | None) -> None:
        self.open_id = article_id
        self.refresh()

    @property
    def current_id(self) -> int | None:
        if 0 <= self.cursor < len(self.ids):
            return self.ids[self.cursor]
        return None

    def move_to(self, article_id: int) -> bool:
        """Put the cursor on an article if it is in the list."""
        try:
            self.cursor = self.ids.index(article_id)
        except ValueError:
            return False
        return True

    def row(self, article_id: int) -> ArticleRow | None:
        if article_id not in self._rows:
            self._rows.update(self._fetch([article_id]))
        return self._rows.get(article_id)

    # -- cursor ----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        if self.near_end is not None and new >= len(self.ids) - NEAR_END_ROWS:
            self.near_end()
        if old != new or not self.ids:
            self.post_message(self.Highlighted(self.current_id))

    def _set_virtual_size(self) -> None:
        """As tall as the rows, and a line more for rows of two lines: a list of an odd height
        scrolled to its end then shows the last row whole, at a row's boundary."""
        spare = self.row_height - 1 if self.ids else 0
        self.virtual_size = Size(self.size.width, len(self.ids) * self.row_height + spare)

    @property
    def top_line(self) -> int:
        """The first line shown: the scroll position, at the start of a row (a scroll bar
        dragged or a wheel turned may stop within one: the row is shown whole)."""
        return int(self.scroll_y) // self.row_height * self.row_height

    def _whole_rows_height(self) -> int:
        """The lines that whole rows fill (a two-line row does not fit in the last line of a
        list of an odd height: that line stays blank)."""
        height = self.scrollable_content_region.height or self.size.height
        return max(self.row_height, height // self.row_height * self.row_height)

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if height <= 0:
            return
        top = self.top_line
        first = self.cursor * self.row_height
        last = first + self.row_height - 1
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + self._whole_rows_height():
            self.scroll_to(y=last - self._whole_rows_height() + 1, animate=False)
        elif top != int(self.scroll_y):
            self.scroll_to(y=top, animate=False)

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.ids) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.ids) - 1)
        self._end_id = self.current_id if self.near_end is not None else None

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height // self.row_height - 1)
        self.cursor = min(len(self.ids) - 1, self.cursor + page) if self.ids else 0

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height // self.row_height - 1)
        self.cursor = max(0, self.cursor - page)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.current_id))

    def on_click(self, event: events.Click) -> None:
        if event.y >= self._whole_rows_height():
            return  # the blank line under the last whole row
        index = (self.top_line + event.y) // self.row_height
        if 0 <= index < len(self.ids):
            self.cursor = index
            self.post_message(self.Opened(self.ids[index]))

    def on_resize(self) -> None:
        self._set_virtual_size()
        self._scroll_cursor_into_view()
        self._fit_header()

    def set_header(self, forms: Sequence[str]) -> None:
        """The border title: the first of ``forms`` (longest first) that fits the list's width
        (again on each resize), else the last, cut; never read as markup (corpus data)."""
        self._header_forms = list(forms)
        self._fit_header()

    @property
    def full_header(self) -> str:
        """The header in full, as a wide enough list shows it."""
        return self._header_forms[0] if self._header_forms else ""

    def _fit_header(self) -> None:
        forms = self._header_forms
        if not forms:
            return
        # the corners, a line cell and a space either side: "╭─ 12 articles ─╮"
        room = self.outer_size.width - 6
        shown = forms[0]
        if room > 0:
            shown = next((form for form in forms if cell_len(form) <= room), forms[-1])
        self.border_title = Content(shown)

    # -- rendering -------------------------------------------------------------------------

    def _ensure_rows(self, start: int, end: int) -> None:
        missing = [i for i in self.ids[start:end] if i not in self._rows]
        if missing:
            if len(self._rows) > _CACHE_LIMIT:
                self._rows.clear()
            self._rows.update(self._fetch(missing))
            self._generation += 1

    def _columns(self, first: int, last: int, width: int) -> tuple[int, int]:
        """The date and source columns' widths (0: not shown) for the rows on screen: as wide
        as their widest date and source, none for rows without, and none when the titles
        would be left too little room."""
        key = (first, last, width, self._generation)
        if self._columns_cache is not None and self._columns_cache[0] == key:
            return self._columns_cache[1]
        rows = [self._rows.get(i) for i in self.ids[first:last]]
        dates = [self._date_of(row) for row in rows if row is not None]
        sources = [self._source_of(row) for row in rows if row is not None]
        date_width = min(self.date_width, max((cell_len(d) for d in dates), default=0))
        date_width = min(date_width, max(_DATE_WIDTH, width // 2))  # titles need room
        widest_source = max((cell_len(s) for s in sources), default=0)
        source_width = min(_SOURCE_WIDTH, widest_source)
        if width < 72:
            source_width = 0

        def title_room() -> int:
            return width - 3 - sum(w + 1 for w in (date_width, source_width) if w)

        # "BBC News (politics)" whole (not a file name standing in for a source: the title
        # comes first)
        named = max((cell_len(row.source) for row in rows if row is not None), default=0)
        if source_width and named > source_width:
            spare = title_room() - _TITLE_ROOM_WIDE
            wider = min(named, _SOURCE_WIDTH_WIDE, source_width + spare)
            source_width = max(source_width, wider)

        if title_room() < _MIN_TITLE:
            source_width = 0
        if title_room() < _MIN_TITLE:
            date_width = 0
        self._columns_cache = (key, (date_width, source_width))
        return date_width, source_width

    def _date_of(self, row: ArticleRow) -> str:
        return shown(row.date, self.zone).strftime(self.date_format) if row.date else row.date_text

    def _source_of(self, row: ArticleRow) -> str:
        return clean_line(row.source) or visible(row.file.rsplit("/", 1)[-1])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        top = self.top_line
        index, part = divmod(top + y, self.row_height)
        if not self.ids:  # the message wrapped (a narrow list cut off "(Ctrl+P: Clear filters)")
            style = self.get_component_rich_style("article-list--empty")
            lines = Text(self.empty_message, style=style).wrap(self.app.console, max(1, width - 2))
            if 1 <= y <= len(lines):
                text = Text(" ", style=style) + lines[y - 1]
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(text.render(self.app.console), width)
            return Strip.blank(width, self.base_style)
        if index >= len(self.ids) or y >= self._whole_rows_height():
            return Strip.blank(width, self.base_style)
        first = top // self.row_height
        last = first + self.size.height // self.row_height + 2
        self._ensure_rows(first, last)
        article_id = self.ids[index]
        if part == 1:
            self._ensure_snippets(first, last)
            return self._render_snippet(article_id, index == self.cursor, width)
        row = self._rows.get(article_id)
        columns = self._columns(first, last, width)
        return self._render_row(row, article_id, index == self.cursor, width, columns)

    def _ensure_snippets(self, start: int, end: int) -> None:
        wanted = [
            i for i in self.ids[start:end] if i not in self.snippets and i not in self._requested
        ]
        job = self._snippet_job(wanted) if wanted and self._snippet_job is not None else None
        if job is not None:
            self._requested.update(wanted)
            self._make_snippets(job, self._snippet_round)

    @work(thread=True, group="snippets")
    def _make_snippets(self, job: Callable[[], Snippets | None], round: int) -> None:
        snippets = job()
        if snippets is not None:
            self.post_message(self.SnippetsReady(snippets, round))

    def on_article_list_snippets_ready(self, message: SnippetsReady) -> None:
        message.stop()
        if message.round == self._snippet_round:
            self.add_snippets(message.snippets)

    def _readable(self, name: str) -> Style:
        """A component class's style with its text colour made readable (4.5:1) on the list's
        background: the theme's warning colour of the snippets' matches and the badges was
        3:1 on textual-light."""
        style = component_style(self, name)
        key = (name, style, self.base_style.bgcolor)
        found = self._readable_styles.get(key)
        if found is None:
            if len(self._readable_styles) > 64:  # (themes switched back and forth)
                self._readable_styles.clear()
            found = self._readable_styles[key] = readable_style(style, [key[2]])
        return found

    def _render_snippet(self, article_id: int, is_cursor: bool, width: int) -> Strip:
        plain, spans = self.snippets.get(article_id, ("…", []))
        style = Style() if is_cursor else component_style(self, "article-list--snippet")
        text = Text("    ", no_wrap=True, end="")
        badge = self.badges.get(article_id)
        if badge:
            text.append(
                badge,
                style=Style(bold=True) if is_cursor else self._readable("article-list--badge"),
            )
            text.append(" · ", style=style)
        body = Text(plain, style=style, no_wrap=True, end="")
        hit = (
            Style(bold=True, underline=True)
            if is_cursor
            else self._readable("article-list--snippet-hit")
        )
        for start, end in spans:
            body.stylize(hit, start, end)
        text.append_text(body)
        text.truncate(width, overflow="ellipsis", pad=True)
        base = self.base_style
        if is_cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
        return Strip(Segment.apply_style(list(text.render(self.app.console)), base), width)

    def _row_badge(self, article_id: int, is_cursor: bool, title_width: int) -> Text:
        """A row's badge (near-duplicates: "≈ +2 copies") at the end of its title when rows
        have no snippet line to carry it: its short form, and only where the title keeps
        room."""
        badge = self.badges.get(article_id) if self.row_height == 1 else None
        if not badge:
            return Text("", end="")
        short = " " + badge.split(" (", 1)[0]
        if title_width - len(short) < _MIN_TITLE:
            return Text("", end="")
        style = Style(bold=True) if is_cursor else self._readable("article-list--badge")
        return Text(short, style=style, no_wrap=True, end="")

    def _render_row(
        self,
        row: ArticleRow | None,
        article_id: int,
        is_cursor: bool,
        width: int,
        columns: tuple[int, int],
    ) -> Strip:
        base = self.base_style
        is_open = article_id == self.open_id
        if is_open:
            base = base + self._readable("article-list--open")
        meta_style = component_style(self, "article-list--meta")
        if is_cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
            meta_style = Style()
        # (cleaned again: a corpus indexed by an earlier version may keep what is cleaned now)
        title = clean_line(row.title) if row else "(missing)"
        date = self._date_of(row) if row is not None else ""
        source = self._source_of(row) if row is not None else ""
        marker = ("▶" if is_open else " ") + ("★" if article_id in self.starred_ids else " ")
        date_width, source_width = columns
        show_source = source_width > 0
        date_text = Text(date, style=meta_style, no_wrap=True, end="")
        date_text.truncate(date_width, overflow="ellipsis")
        meta_width = sum(w + 1 for w in columns if w)
        title_width = max(1, width - len(marker) - meta_width - 1)
        text = Text(marker, no_wrap=True, end="")
        unread = self.read_ids is not None and article_id not in self.read_ids
        title_text = Text(title, style="bold" if unread else "", no_wrap=True, end="")
        badge = self._row_badge(article_id, is_cursor, title_width)
        title_text.truncate(max(1, title_width - badge.cell_len), overflow="ellipsis", pad=True)
        text.append_text(title_text)
        text.append_text(badge)
        text.append(" ")
        if show_source:
            source_text = Text(source, style=meta_style, no_wrap=True, end="")
            source_text.truncate(source_width, overflow="ellipsis", pad=True)
            text.append_text(source_text)
            text.append(" ")
        if date_width:
            text.append(" " * (date_width - date_text.cell_len))
            text.append_text(date_text)
        text.truncate(width, overflow="crop", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(Segment.apply_style(segments, base), width)


def date_column_width(date_format: str) -> int:
    """The widest a date can be in a format (month and day names vary), within a limit."""
    widest = 0
    for month in range(1, 13):
        for day in (1, 23, 28):  # a weekday of each length comes up among these
            date = datetime(2016, month, day, 23, 59, 59)
            widest = max(widest, Text(date.strftime(date_format)).cell_len)
    return min(widest, _DATE_WIDTH_LIMIT)
