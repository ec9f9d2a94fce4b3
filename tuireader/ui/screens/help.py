"""The help screen: every key binding as actually bound, and the query syntax."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.widgets.footer import ReaderFooter

QUERY_SYNTAX = [
    ("russia hacking", "both words (terms are ANDed; hacking also finds hacked)"),
    ('"homeland security"', "the exact phrase"),
    ('exact:hacked, exact:"hacked emails"', "the word as written: no other forms of it"),
    ("putin OR peskov", "either word"),
    ("russia NOT sasse", "leave out articles with a word (also -sasse; anti-war is one word)"),
    ("(putin OR kremlin) hack", "grouping"),
    ("title:russia", "a word in the title; also source:reuters"),
    ("hack*", "words starting with hack"),
    ("guccifer~", "words spelt nearly like guccifer (guccifer~2: two edits, the most)"),
    ("date:2016-10, date:[2016-03 to 2016-04]", "dated in a month (a year, a day), or a range"),
    ("person:putin, org:kremlin, place:russia", "a named person, organisation or place"),
    ("entity:wikileaks", "any kind of name"),
    ('speaker:"ben sasse"', "articles quoting someone (by full name, even when just 'Sasse')"),
    ("quote:upend", "a word inside a quotation"),
    ("is:unread, is:read, is:starred", "your marks (also is:unstarred, is:tagged, is:noted)"),
    ("tag:climate", "articles you tagged climate"),
    ("note:followup", "articles whose note has the word"),
]
PALETTE_FILTERS = [
    ("Filter by source: NAME", "only that source's articles (the whole name), in every search"),
    ("Filter by date range…", "2016, 2016-10, 2016-10-01 to 2016-10-31, from 2016-10, to 2016"),
    ("Clear filters", "the header shows the filters on, e.g. source: Reuters · 2016-10"),
    ("M, then ≈ 83% same text", "a near-duplicate: shares most of its text with the open one"),
    ("Skipped items", "every file not read, and why: its format, an extra to install, damage"),
]


class HelpScreen(ModalScreen[None]):
    """Lists the bindings the app actually has, grouped by where they apply."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: 90%;
        border: thick $primary;
        background: $panel;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._keys_table(), id="help-keys")
            yield Static(self._syntax_table(), id="help-syntax")
        yield ReaderFooter()  # its own keys over the main screen's (which do not work here)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
        table.add_row(
            Text("tuireader — keys", style="bold underline"), "", Text("id (config [keys])")
        )
        for title, bindings in self.sections:
            table.add_row("", "")
            table.add_row(Text(title, style="bold italic"), "")
            for binding in bindings:
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                what = binding.description or binding.action
                if binding.tooltip:  # the footer's short label, then what it means
                    what = f"{what}: {binding.tooltip}"
                table.add_row(Text(keys), Text(what), binding.id or "")
        return table

    def _syntax_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_row("", "")
        table.add_row(Text("Search syntax", style="bold underline"), "")
        for example, meaning in QUERY_SYNTAX:
            table.add_row(Text(example), Text(meaning))
        table.add_row("", "")
        table.add_row(Text("Filters (Ctrl+P) and near-duplicates", style="bold underline"), "")
        for example, meaning in PALETTE_FILTERS:
            table.add_row(Text(example), Text(meaning))
        table.add_row("", "")
        table.add_row(Text("Esc / q / ?", style="dim"), Text("close this help", style="dim"))
        return table
