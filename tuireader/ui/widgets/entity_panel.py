"""The side panel: the open article's entities by type with counts, and its quotes by speaker.

Choosing a line searches the corpus for that entity or speaker. The headings are in the reading
pane's colours for each kind of name, so the panel is also the colours' legend.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.core.annotate.pipeline import Annotations
from tuireader.ui.widgets.reading_pane import SHARED_MARK

GROUPS = (
    ("PERSON", "People", "person"),
    ("ORG", "Organisations", "org"),
    ("LOC", "Places", "place"),
    ("MISC", "Other names", "entity"),
)


def _quoted(value: str) -> str:
    """A query phrase for a field: query phrases cannot contain a double quote."""
    return '"' + value.replace('"', " ").strip() + '"'


def panel_options(
    annotations: Annotations, styles: Mapping[str, Style] | None = None, shared: int = 0
) -> list[Option]:
    """Heading and entry options; an entry's id is the query that finds it. ``styles``: the
    reading pane's, by entity label, "speaker" and "shared"; ``shared``: how many of the
    article's quotations are found elsewhere (a line explains their mark)."""
    styles = styles or {}
    options: list[Option] = []
    groups: list[tuple[str, str, str, Counter]] = []
    for label, heading, field in GROUPS:
        counts = _grouped(e.name or e.text for e in annotations.entities if e.label == label)
        if not counts:
            continue
        groups.append((label, heading, field, counts))
    speakers = Counter(
        q.speaker_name or (q.speaker.text if q.speaker else "(unattributed)")
        for q in annotations.quotes
    )
    # the counts' column as wide as the largest count: the rest of the row is the name's
    largest = max([max(counts.values()) for *_, counts in groups] + list(speakers.values()) + [1])
    digits = len(str(largest))
    for label, heading, field, counts in groups:
        options.append(_heading(heading, styles.get(label)))
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
            options.append(Option(_Entry(name, count, digits), id=f"{field}:{_quoted(name)}"))
    if speakers:
        options.append(_heading("Quotes by speaker", styles.get("speaker")))
        for name, count in sorted(speakers.items(), key=lambda item: (-item[1], item[0].lower())):
            query = None if name == "(unattributed)" else f"speaker:{_quoted(name)}"
            entry = _Entry(name, count, digits)
            options.append(Option(entry, id=query, disabled=query is None))
    if shared:
        note = Text(f"{SHARED_MARK}n", style=styles.get("shared") or "bold")
        note.append(" quoted in n other articles (o)", style="italic")
        # wrapped in a narrow panel: as a Rich renderable, drawn by Rich at the panel's width
        options.append(Option(_Wrapped(note), disabled=True))
    return options


class _Wrapped:
    """A Text drawn by Rich, wrapped at the width given; read as its plain text."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text

    def __str__(self) -> str:
        return self.text.plain


def _heading(heading: str, style: Style | None) -> Option:
    return Option(
        Text(heading, style=(style or Style()) + Style(bold=True, underline=True)), disabled=True
    )


def _grouped(names) -> Counter:
    """Counts per name, ignoring case ("EXXON" in a headline is "Exxon"); the commonest
    spelling, preferring mixed case, names the group."""
    forms: dict[str, Counter] = {}
    for name in names:
        flat = " ".join(name.split())
        forms.setdefault(flat.casefold(), Counter())[flat] += 1
    grouped: Counter = Counter()
    for spellings in forms.values():
        best = max(spellings, key=lambda s: (spellings[s], not s.isupper(), s))
        grouped[best] = sum(spellings.values())
    return grouped


class _Entry:
    """A name and its count, the name wrapped under itself at the panel's width (cut with …,
    a long name was unreadable in a narrow panel: "Hillary C…"); read as "3 Name"."""

    def __init__(self, name: str, count: int, digits: int = 3) -> None:
        self.name = name
        self.count = count
        self.digits = digits

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gutter = self.digits + 1
        room = max(1, options.max_width - gutter)
        lines = Text(self.name, style="not dim").wrap(console, room, overflow="fold")
        for index, line in enumerate(lines):
            prefix = f"{self.count:>{self.digits}} " if index == 0 else " " * gutter
            row = Text(prefix, style="dim", no_wrap=True, end="\n")
            row.append_text(line)
            row.rstrip()
            yield row

    def __str__(self) -> str:
        return f"{self.count:>{self.digits}} {self.name}"


class EntityPanel(OptionList):
    """An OptionList of the article's entities and speakers, one option each (a long name
    wrapped onto the lines below it), the full height of the reading pane."""

    DEFAULT_CSS = """
    EntityPanel {
        width: 34;
        height: 1fr;
        display: none;
        border: round $panel-lighten-2;
        padding: 0 0 0 1;  /* (the scrollbar beside it: the column to the names) */
        /* the scrollbar's column kept even when no scrollbar shows: rows measured before it
           appeared kept their height, a name wrapped at the wider width cut to its first
           line; one column wide, for the names */
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    EntityPanel.narrow {
        padding: 0;  /* a narrow panel's every column for the names */
    }
    EntityPanel.visible {
        display: block;
    }
    EntityPanel:focus {
        border: round $accent;
    }
    """

    _shown: tuple[Annotations, int] | None = None  # the article's, for ``restyle``

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up"),
    ]

    def show_annotations(
        self, annotations: Annotations, styles: Mapping[str, Style] | None = None, shared: int = 0
    ) -> None:
        """List an article's names and speakers, the first one highlighted (Enter searches)."""
        self._shown = (annotations, shared)
        self.clear_options()
        options = panel_options(annotations, styles, shared)
        if options:
            self.add_options(options)
        else:
            self.add_option(
                Option(Text("No names or quotes found.", style="italic"), disabled=True)
            )
        self.border_title = "Names & quotes"
        first = next((i for i, option in enumerate(options) if not option.disabled), None)
        self.highlighted = first

    def scroll_to_highlight(self, top: bool = False) -> None:
        """The highlighted row in view, with the rows no cursor stops on beside it: the note
        after the last entry (else out of reach below it: j wraps round to the top) and the
        heading above the first."""
        super().scroll_to_highlight(top)
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted or top:
            return
        enabled = [i for i, option in enumerate(self.options) if not option.disabled]
        if enabled and highlighted == enabled[-1]:
            self.scroll_end(animate=False, immediate=True)
            super().scroll_to_highlight()  # (a note taller than the panel: the row stays)
        elif enabled and highlighted == enabled[0]:
            self.scroll_home(animate=False, immediate=True)
            super().scroll_to_highlight()

    def show_nothing(self) -> None:
        """No article open: no rows."""
        self._shown = None
        self.clear_options()
        self.add_option(Option(Text("No article open.", style="italic"), disabled=True))

    def restyle(self, styles: Mapping[str, Style]) -> None:
        """The same article's rows with the headings in new colours (another theme: its
        headings stayed in the old theme's, dark blue on a dark background), the row
        highlighted kept."""
        shown = self._shown
        if shown is None:
            return
        highlighted = self.highlighted
        self.show_annotations(shown[0], styles, shown[1])
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
