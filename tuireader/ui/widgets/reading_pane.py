"""The reading pane: an article wrapped once per width and drawn a line at a time.

Lines are kept as Strips, so scrolling a 50k-word article costs only the visible lines. The text
is always wrapped in ``rich.text.Text`` (never parsed as markup). Entities, quotations (with
their speaker named after the closing mark) and search hits are applied as spans once per
layout, hits last so they stay visible on top.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.base.articles import Article
from tuireader.core.base.text import clean_line
from tuireader.core.base.wording import counted
from tuireader.ui.colours import readable_style
from tuireader.ui.styles import StyleOncePerPass, component_style

MAX_TEXT_WIDTH = 100  # the default longest line ([layout] reading_width)
MIN_READABLE_HEIGHT = 4
LABEL_CLASSES = {
    "PERSON": "reading-pane--person",
    "ORG": "reading-pane--org",
    "LOC": "reading-pane--place",
    "MISC": "reading-pane--misc",
}
SHARED_MARK = "↔"  # a quotation found in other articles (in WGL4: every terminal font has it)


@dataclass(frozen=True, slots=True)
class ShownArticle:
    """What the pane shows: the article, its annotations and search hits (body offsets)."""

    article: Article
    meta: str
    hits: tuple[tuple[int, int], ...] = ()
    title_hits: tuple[tuple[int, int], ...] = ()
    annotations: Annotations = field(default_factory=Annotations)
    title_annotations: Annotations = field(default_factory=Annotations)
    shared: dict[int, int] = field(default_factory=dict)  # quote index -> other articles
    starred: bool = False  # the user's marks, shown under the title
    tags: tuple[str, ...] = ()
    note: str = ""
    location: str = ""  # the article's file (or file#record), shown shortened after the meta


class ReadingPane(StyleOncePerPass, ScrollView, can_focus=True):
    """Title, source and date, then the body wrapped to the pane's width."""

    DEFAULT_CSS = """
    ReadingPane {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    ReadingPane > .reading-pane--title { color: $text; text-style: bold; }
    ReadingPane > .reading-pane--meta { color: $text-muted; }
    ReadingPane > .reading-pane--hit { background: $warning 70%; color: $text; text-style: bold; }
    ReadingPane > .reading-pane--placeholder { color: $text-muted; text-style: italic; }
    ReadingPane > .reading-pane--person { color: $success; text-style: bold; }
    ReadingPane > .reading-pane--org { color: $primary; text-style: bold; }
    ReadingPane > .reading-pane--place { color: $warning; }
    ReadingPane > .reading-pane--misc { color: $secondary; }
    ReadingPane > .reading-pane--quote { background: $secondary-muted; text-style: italic; }
    ReadingPane > .reading-pane--reported { text-style: italic underline; }
    ReadingPane > .reading-pane--speaker { color: $accent; text-style: bold; }
    ReadingPane > .reading-pane--shared { color: $error; text-style: bold; }
    ReadingPane > .reading-pane--marks { color: $accent; }
    ReadingPane > .reading-pane--note { color: $text; background: $boost; text-style: italic; }
    """
    COMPONENT_CLASSES = {
        "reading-pane--title",
        "reading-pane--meta",
        "reading-pane--hit",
        "reading-pane--placeholder",
        "reading-pane--quote",
        "reading-pane--reported",
        "reading-pane--speaker",
        "reading-pane--shared",
        "reading-pane--marks",
        "reading-pane--note",
        *LABEL_CLASSES.values(),
    }
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    show_entities: reactive[bool] = reactive(True, init=False)
    show_quotes: reactive[bool] = reactive(True, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: ShownArticle | None = None
        self.placeholder = "Choose an article."
        self._lines: list[Strip] = []
        self._line_offsets: list[int] = []  # body offset where each line starts (-1: none)
        self._wrapped_width = -1
        self.hit_index = -1
        self._anchor: int | None = None  # body offset at the top of the pane (None: the top)
        self.max_text_width = MAX_TEXT_WIDTH  # 0: as wide as the pane
        self._styles: dict[str, Style] = {}

    # -- content ---------------------------------------------------------------------------

    def show(self, shown: ShownArticle | None, keep_position: bool = False) -> None:
        """Show an article at its top, or at its first search hit."""
        self.shown = shown
        # A match in the title comes first: the pane opens at the top, n goes to the body's.
        body_first = shown is not None and shown.hits and not shown.title_hits
        self.hit_index = 0 if body_first else -1
        if keep_position:
            self._relayout_in_place()
        else:
            self._anchor = None
            self._rewrap()
            self.scroll_to(y=0, animate=False)
            if self.hit_index == 0:
                self._scroll_to_hit()
        self._update_hit_indicator()

    def set_hits(self, hits: tuple[tuple[int, int], ...]) -> int:
        """Highlight other spans (find in article) and go to the first; returns their count."""
        if self.shown is None:
            return 0
        self.shown = replace(self.shown, hits=hits, title_hits=())
        self._relayout_in_place()
        self.hit_index = 0 if hits else -1
        if hits:
            self._scroll_to_hit()
        self._update_hit_indicator()
        return len(hits)

    def next_hit(self, step: int) -> bool:
        """Go to the next (step 1) or previous (-1) highlighted match, wrapping around."""
        if self.shown is None or not self.shown.hits:
            return False
        if self.hit_index < 0 and step < 0:
            self.hit_index = len(self.shown.hits) - 1  # from the title back to the last
        else:
            self.hit_index = (self.hit_index + step) % len(self.shown.hits)
        self._scroll_to_hit()
        self._update_hit_indicator()
        return True

    def _scroll_to_hit(self) -> None:
        start = self.shown.hits[self.hit_index][0]
        self.scroll_to(y=max(0, self.line_of(start) - 2), animate=False)

    def _update_hit_indicator(self) -> None:
        hits = self.shown.hits if self.shown is not None else ()
        if not hits:
            self.border_subtitle = ""
        elif self.hit_index < 0:
            count = counted(len(hits), "match", "matches")
            self.border_subtitle = f"{count} in the text (n/N)"
        else:
            self.border_subtitle = f"match {self.hit_index + 1}/{len(hits)} (n/N)"

    def set_marks(self, starred: bool, tags: tuple[str, ...], note: str) -> None:
        """Show changed user marks (star, tags, note) under the title, keeping the position."""
        if self.shown is None:
            return
        self.shown = replace(self.shown, starred=starred, tags=tags, note=note)
        self._relayout_in_place()

    def show_placeholder(self, message: str) -> None:
        self.placeholder = message
        self.show(None)

    def watch_show_entities(self) -> None:
        self._relayout_in_place()

    def watch_show_quotes(self) -> None:
        self._relayout_in_place()

    def relayout(self) -> None:
        """Lay the lines out again (in new colours), the text at the top staying there."""
        self._relayout_in_place()

    def _relayout_in_place(self) -> None:
        if not self.is_mounted:
            return
        top = self._anchor
        self._rewrap()
        if top is not None:
            self.scroll_to(y=self.line_of(top), animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        # Remember where the reader is, by text offset, while the pane is big enough to read
        # in and can scroll; scrolling clamped (by a terminal shrunk to a few lines, or grown
        # so that the article's end comes up) must not lose the place.
        height = self.scrollable_content_region.height
        if height >= MIN_READABLE_HEIGHT and new < self.max_scroll_y:
            self._anchor = self._offset_at_top()

    def line_of(self, offset: int) -> int:
        """The wrapped line holding a body offset."""
        best = 0
        for index, start in enumerate(self._line_offsets):
            if start < 0:
                continue
            if start > offset:
                break
            best = index
        return best

    @property
    def text_width(self) -> int:
        width = self.scrollable_content_region.width
        if self.max_text_width:
            width = min(self.max_text_width, width)
        return max(10, width)

    def set_max_text_width(self, columns: int) -> None:
        """Cap the lines at ``columns`` (0: no cap) for a comfortable line length, keeping the
        text at the top of the pane where it is."""
        self.max_text_width = columns
        if self.is_mounted and self.text_width != self._wrapped_width:
            self._relayout_in_place()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)

    def _on_theme_changed(self, _theme) -> None:
        self._relayout_in_place()  # the lines hold the old theme's colours

    def on_resize(self) -> None:
        if self.text_width != self._wrapped_width:
            self._relayout_in_place()

    def offset_at_top(self) -> int:
        """The body offset of the first line in view (0 at the top)."""
        return self._offset_at_top() or 0

    def _offset_at_top(self) -> int | None:
        if self.scroll_y < 1:
            return None  # at the top: stay there, header included
        for index in range(int(self.scroll_y), len(self._line_offsets)):
            if self._line_offsets[index] >= 0:
                return self._line_offsets[index]
        return None

    # -- layout ----------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self._styles[name]

    def _palette(self) -> dict[str, Style]:
        """The component styles for the current theme and [colours], each text colour made
        readable (4.5:1) on every background it can be drawn on: the pane, a quotation's
        background (names and speakers inside quotes), the hit's or the note's background."""
        styles = {name: component_style(self, name) for name in self.COMPONENT_CLASSES}
        base = self.rich_style
        pane, text = base.bgcolor, base.color
        quote = styles["reading-pane--quote"].bgcolor or pane
        on = {
            "reading-pane--hit": [styles["reading-pane--hit"].bgcolor or pane],
            "reading-pane--note": [styles["reading-pane--note"].bgcolor or pane],
            "reading-pane--quote": [quote],
        }
        in_quotes = {*LABEL_CLASSES.values(), "reading-pane--speaker", "reading-pane--shared"}
        for name in in_quotes:
            on[name] = [pane, quote]
        for name, style in styles.items():
            if name == "reading-pane--quote" and style.color is None:
                style = style + Style(color=text)  # the plain text on the quote background
            distinct = text if name in LABEL_CLASSES.values() else None
            styles[name] = readable_style(style, on.get(name, [pane]), distinct)
        return styles

    def _placeholder_style(self) -> Style:
        """The placeholder's style as the palette makes it (alone: the pane shows nothing
        else before an article is opened, and the whole palette is worked out then)."""
        return readable_style(
            component_style(self, "reading-pane--placeholder"), [self.rich_style.bgcolor]
        )

    def _rewrap(self) -> None:
        shown = self.shown
        self._styles = {} if shown is None else self._palette()
        width = self.text_width
        self._wrapped_width = width
        self._lines = []
        self._line_offsets = []
        if shown is None:
            self._add_lines(_styled(self.placeholder, self._placeholder_style()))
        else:
            title = Text(shown.article.title)
            title.stylize(self._style("reading-pane--title"))
            if self.show_entities:
                self._style_entities(title, shown.title_annotations, 0, len(title))
            _stylize_all(title, shown.title_hits, self._style("reading-pane--hit"))
            self._add_lines(title)
            meta = self._meta_line(shown)
            if meta:
                self._add_lines(meta)
            # (marks written before they were cleaned on saving may hold controls)
            tags = (f"#{clean_line(tag)}" for tag in shown.tags)
            marks = " ".join([*(["★ starred"] if shown.starred else []), *tags])
            if marks:
                self._add_lines(_styled(marks, self._style("reading-pane--marks")))
            if shown.note:
                note = f"✎ {clean_line(shown.note)}"
                self._add_lines(_styled(note, self._style("reading-pane--note")))
            self._blank()
            self._wrap_body(shown)
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _add_lines(self, text: Text, offsets: Sequence[int] | None = None) -> None:
        """Wrap one paragraph and keep its lines; ``offsets`` maps each text index to the body."""
        console = self.app.console
        plain = text.plain.replace("\t", " ")  # as the wrap expands tabs (one cell each)
        position = 0
        for line in text.wrap(console, self._wrapped_width, overflow="fold", tab_size=1):
            # Each wrapped line is the text from its break on (the space it broke at may be
            # left out): where it starts in the paragraph maps it to the body.
            start = plain.find(line.plain, position) if line.plain else position
            position = start + len(line.plain)
            line.rstrip()
            self._lines.append(Strip(line.render(console)))
            self._line_offsets.append(offsets[start] if offsets is not None else -1)

    def _blank(self) -> None:
        if self._line_offsets and self._line_offsets[-1] == -2:
            return  # one blank line between paragraphs is enough
        self._lines.append(Strip.blank(0))
        self._line_offsets.append(-2)

    def _meta_line(self, shown: ShownArticle) -> Text | None:
        """Source, date, URL and the file, on one line: the file's path shortened to fit
        (never broken inside a name), the rest cut with … (the text starts near the top)."""
        parts = [shown.meta] if shown.meta else []
        if shown.location:
            used = cell_len(shown.meta) + 3 if shown.meta else 0
            parts.append(short_path(shown.location, max(24, self._wrapped_width - used)))
        if not parts:
            return None
        line = _styled(" · ".join(parts), self._style("reading-pane--meta"))
        line.truncate(self._wrapped_width, overflow="ellipsis")
        return line

    def label_styles(self) -> dict[str, Style]:
        """The styles of the entity labels (PERSON...), "speaker" and "shared", as drawn now:
        the names panel colours its headings with them (the colours' legend)."""
        styles = self._styles or self._palette()
        named = {label: styles[name] for label, name in LABEL_CLASSES.items()}
        named["speaker"] = styles["reading-pane--speaker"]
        named["shared"] = styles["reading-pane--shared"]
        return named

    def _style_entities(self, text: Text, annotations: Annotations, start: int, end: int) -> None:
        for entity in _overlapping(annotations.entities, start, end):
            text.stylize(
                self._style(LABEL_CLASSES.get(entity.label, "reading-pane--misc")),
                max(0, entity.start - start),
                min(end, entity.end) - start,
            )

    def _wrap_body(self, shown: ShownArticle) -> None:
        body = shown.article.body
        quote_style = self._style("reading-pane--quote")
        reported_style = self._style("reading-pane--reported")
        hit_style = self._style("reading-pane--hit")
        position = 0
        for paragraph in body.split("\n"):
            start, end = position, position + len(paragraph)
            position = end + 1
            if not paragraph.strip():
                self._blank()
                continue
            text = Text(paragraph)
            labels: list[tuple[int, Text]] = []
            if self.show_quotes:
                for index, quote in enumerate(shown.annotations.quotes):
                    if quote.end <= start or quote.start >= end:
                        continue
                    text.stylize(
                        quote_style if quote.direct else reported_style,
                        max(0, quote.start - start),
                        min(end, quote.end) - start,
                    )
                    if start < quote.end <= end:
                        labels.append((quote.end - start, self._quote_label(quote, shown, index)))
            if self.show_entities:
                self._style_entities(text, shown.annotations, start, end)
            _stylize_all(text, _shifted(shown.hits, start, end), hit_style)
            display, offsets = _with_labels(text, labels, start)
            self._add_lines(display, offsets)
            self._blank()

    def _quote_label(self, quote, shown: ShownArticle, index: int) -> Text:
        label = Text(" ")
        who = quote.speaker_name or (quote.speaker.text if quote.speaker else "")
        if who:
            said = who if quote.direct else f"{who}, reported"
            label.append(f"‹{said}›", self._style("reading-pane--speaker"))
        others = shown.shared.get(index, 0)
        if others:
            label.append(f" {SHARED_MARK}{others}", self._style("reading-pane--shared"))
        return label if len(label) > 1 else Text()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._lines[index].crop_extend(scroll_x, scroll_x + width, base)
        return strip.apply_style(base)


def short_path(path: str, width: int) -> str:
    """A path in at most ``width`` cells if it can be: home as ``~``, then leading folders
    left out (``…/folder/file.txt``); whole names only, the file's name always kept."""
    home = str(Path.home()).rstrip("/")
    if home and (path == home or path.startswith(home + "/")):
        path = "~" + path[len(home) :]
    if cell_len(path) <= width:
        return path
    names = path.split("/")
    for keep in range(len(names) - 1, 0, -1):
        shortened = "…/" + "/".join(names[-keep:])
        if cell_len(shortened) <= width:
            return shortened
    return "…/" + names[-1]


def _styled(plain: str, style: Style) -> Text:
    """Untrusted text with a style as a span (a base style would be lost when wrapping)."""
    text = Text(plain)
    text.stylize(style)
    return text


def _stylize_all(text: Text, spans: Sequence[tuple[int, int]], style: Style) -> None:
    for start, end in spans:
        text.stylize(style, start, end)


def _overlapping(items, start: int, end: int):
    return [item for item in items if item.end > start and item.start < end]


def _shifted(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    ends = [e for _s, e in spans]
    first = bisect_right(ends, start)
    found = []
    for hit_start, hit_end in spans[first:]:
        if hit_start >= end:
            break
        found.append((max(0, hit_start - start), min(end, hit_end) - start))
    return found


def _with_labels(text: Text, labels: list[tuple[int, Text]], base: int) -> tuple[Text, list[int]]:
    """The paragraph with speaker labels inserted, and each display index's body offset."""
    if not labels:
        return text, range(base, base + len(text) + 1)  # type: ignore[return-value]
    display = Text()
    offsets: list[int] = []
    last = 0
    for position, label in sorted(labels, key=lambda item: item[0]):
        piece = text[last:position]
        display.append_text(piece)
        offsets.extend(range(base + last, base + position))
        display.append_text(label)
        offsets.extend([base + position] * len(label))
        last = position
    display.append_text(text[last:])
    offsets.extend(range(base + last, base + len(text) + 1))
    return display, offsets
