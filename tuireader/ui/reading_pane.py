"""The reading pane: an article wrapped once per width and drawn a line at a time.

Lines are kept as Strips, so scrolling a 50k-word article costs only the visible lines. The text
is always wrapped in ``rich.text.Text`` (never parsed as markup), and search hits are applied as
spans before wrapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.articles import Article

MAX_TEXT_WIDTH = 100


@dataclass(frozen=True, slots=True)
class ShownArticle:
    """What the pane shows: the article and the character spans of its search hits."""

    article: Article
    meta: str
    hits: tuple[tuple[int, int], ...] = ()  # spans in article.body
    title_hits: tuple[tuple[int, int], ...] = ()


class ReadingPane(ScrollView, can_focus=True):
    """Title, source and date, then the body wrapped to the pane's width."""

    DEFAULT_CSS = """
    ReadingPane {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    ReadingPane > .reading-pane--title {
        color: $accent;
        text-style: bold;
    }
    ReadingPane > .reading-pane--meta {
        color: $text-muted;
    }
    ReadingPane > .reading-pane--hit {
        background: $warning 60%;
        color: $text;
        text-style: bold;
    }
    ReadingPane > .reading-pane--placeholder {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES = {
        "reading-pane--title",
        "reading-pane--meta",
        "reading-pane--hit",
        "reading-pane--placeholder",
    }
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: ShownArticle | None = None
        self.placeholder = "Choose an article."
        self._lines: list[Strip] = []
        self._line_offsets: list[int] = []  # body offset where each line starts (-1: header)
        self._wrapped_width = -1

    def show(self, shown: ShownArticle | None, scroll_to_hit: bool = True) -> None:
        self.shown = shown
        self._wrapped_width = -1
        self._rewrap()
        target = 0
        if shown is not None and shown.hits and scroll_to_hit:
            target = max(0, self.line_of(shown.hits[0][0]) - 2)
        self.scroll_to(y=target, animate=False)
        self.refresh()

    def show_placeholder(self, message: str) -> None:
        self.placeholder = message
        self.show(None)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding a body offset."""
        line = 0
        for index, start in enumerate(self._line_offsets):
            if start < 0:
                continue
            if start > offset:
                break
            line = index
        return line

    @property
    def text_width(self) -> int:
        return max(10, min(MAX_TEXT_WIDTH, self.scrollable_content_region.width))

    def on_resize(self) -> None:
        if self.text_width != self._wrapped_width:
            top_offset = self._offset_at_top()
            self._rewrap()
            if top_offset is not None:
                self.scroll_to(y=self.line_of(top_offset), animate=False)

    def _offset_at_top(self) -> int | None:
        index = int(self.scroll_y)
        if 0 <= index < len(self._line_offsets) and self._line_offsets[index] >= 0:
            return self._line_offsets[index]
        return None

    def _rewrap(self) -> None:
        width = self.text_width
        self._wrapped_width = width
        console = self.app.console
        lines: list[Strip] = []
        offsets: list[int] = []
        shown = self.shown
        if shown is None:
            text = _styled(
                self.placeholder,
                self.get_component_rich_style("reading-pane--placeholder", partial=True),
            )
            for line in text.wrap(console, width):
                lines.append(Strip(line.render(console)))
                offsets.append(-1)
        else:
            hit_style = self.get_component_rich_style("reading-pane--hit", partial=True)
            title = _styled(
                shown.article.title,
                self.get_component_rich_style("reading-pane--title", partial=True),
            )
            _apply(title, shown.title_hits, hit_style)
            header = [title]
            if shown.meta:
                header.append(
                    _styled(
                        shown.meta,
                        self.get_component_rich_style("reading-pane--meta", partial=True),
                    )
                )
            for part in header:
                for line in part.wrap(console, width):
                    lines.append(Strip(line.render(console)))
                    offsets.append(-1)
            lines.append(Strip.blank(0))
            offsets.append(-1)
            self._wrap_body(shown.article.body, shown.hits, hit_style, width, lines, offsets)
        self._lines = lines
        self._line_offsets = offsets
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _wrap_body(
        self,
        body: str,
        hits: Sequence[tuple[int, int]],
        hit_style: Style,
        width: int,
        lines: list[Strip],
        offsets: list[int],
    ) -> None:
        console = self.app.console
        position = 0
        hit_index = 0
        paragraphs = body.split("\n")
        for number, paragraph in enumerate(paragraphs):
            start, end = position, position + len(paragraph)
            position = end + 1
            if not paragraph.strip():
                if lines and offsets[-1] != -2:  # collapse runs of blank lines to one
                    lines.append(Strip.blank(0))
                    offsets.append(-2)
                continue
            text = Text(paragraph)
            while hit_index < len(hits) and hits[hit_index][1] <= start:
                hit_index += 1
            scan = hit_index
            while scan < len(hits) and hits[scan][0] < end:
                hit_start, hit_end = hits[scan]
                text.stylize(
                    hit_style, max(0, hit_start - start), min(len(paragraph), hit_end - start)
                )
                scan += 1
            cursor = 0
            for line in text.wrap(console, width, overflow="fold"):
                found = (
                    paragraph.find(line.plain.strip()[:16], cursor) if line.plain.strip() else -1
                )
                if found >= 0:
                    cursor = found
                offsets.append(start + cursor)
                lines.append(Strip(line.render(console)))
            if number < len(paragraphs) - 1 and paragraphs[number + 1].strip():
                # Paragraphs separated by a single newline still get a blank line between them.
                lines.append(Strip.blank(0))
                offsets.append(-2)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return strip.apply_style(self.rich_style)


def _styled(plain: str, style: Style) -> Text:
    """Untrusted text with a style as a span (a base style would be lost when wrapping)."""
    text = Text(plain)
    text.stylize(style)
    return text


def _apply(text: Text, spans: Sequence[tuple[int, int]], style: Style) -> None:
    for start, end in spans:
        text.stylize(style, start, end)
