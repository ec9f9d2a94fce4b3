"""A list to choose from, narrowed by typing: the investigating views (entities, speakers,
quotations, co-occurrences, the timeline, batch search counts) are all one of these.

The rows are an OptionList (drawn through Textual's line API: a row is not a widget, so a
list of 10,000 names costs only the rows on screen). Text from the corpus is given as
``rich.text.Text`` (never read as markup) with its control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tuireader.ui.widgets.clean_input import CleanInput
from tuireader.ui.widgets.footer import ReaderFooter

SHOWN_MOST = 2000  # rows shown at once (typing narrows the rest)


@dataclass(frozen=True, slots=True)
class Row:
    """One row: what is shown, what typing matches against, and its id (returned)."""

    shown: Text
    match: str
    id: str


class PickScreen(ModalScreen[tuple[str, str] | None]):
    """Choose a row (Enter: ("select", id)), or press one of ``keys`` on it ((action, id));
    Esc closes (None).

    ``type_first``: the field has the focus at first, for rows found by name, whose keys
    are letters a name may begin with (typing "tony" in the names opened a timeline at "t");
    the keys act on the rows (↓). Otherwise the rows have it, and a key that is not one of
    ``keys`` goes to the field."""

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen > Vertical {
        width: 92%;
        max-width: 130;
        height: 85%;
        border: thick $primary;
        background: $panel;
        padding: 0 1;
    }
    PickScreen #pick-title { text-style: bold; width: 100%; }
    PickScreen #pick-hint { color: $text-muted; width: 100%; }
    PickScreen OptionList { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="pick.close"),
        Binding("down", "focus_rows", "Rows", show=False, id="pick.rows"),
    ]

    def __init__(
        self,
        title: str,
        rows: list[Row],
        hint: str = "",
        keys: dict[str, str] | None = None,
        empty: str = "(nothing)",
        labels: dict[str, str] | None = None,
        type_first: bool = False,
    ) -> None:
        super().__init__()
        self.type_first = type_first
        self.title_text = title
        self.rows = rows
        self.hint = hint
        self.keys = keys or {}
        self.empty = empty  # said when there is no row at all (not merely none typed)
        # the footer shows ``keys`` by these labels (a click there acts as the key does);
        # with no row at all, no key acts on one and there is nothing to narrow
        for key, label in (labels or {}).items() if rows else ():
            self._bindings.bind(key, f"choose_key({key!r})", label)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text), id="pick-title")
            field = CleanInput(
                placeholder="type to narrow the list", id="pick-filter", select_on_focus=False
            )
            field.display = bool(self.rows)
            yield field
            yield OptionList(*self._options(""), id="pick-rows")
            if not self.rows:  # the empty row says why; no key but Esc does anything
                yield Label(Text("Esc: close"), id="pick-hint")
                yield ReaderFooter()
                return
            hint = "Esc: close · type to narrow"
            if self.type_first and self.keys:
                hint = f"{', '.join(self.keys)}: on the rows (↓) · {hint}"
            hint = f"{self.hint} · {hint}" if self.hint else f"Enter: choose · {hint}"
            yield Label(Text(hint), id="pick-hint")
        yield ReaderFooter()  # its own keys over the main screen's (which do not work here)

    def _options(self, typed: str) -> list[Option]:
        needle = typed.strip().casefold()
        found = [
            (index, row)
            for index, row in enumerate(self.rows)
            if not needle or needle in row.match.casefold()
        ]
        # option ids are the rows' places (names may repeat: "Jordan" the person and place)
        options = [Option(row.shown, id=str(index)) for index, row in found[:SHOWN_MOST]]
        if not options:
            said = self.empty if not self.rows else "(nothing matches)"
            options = [Option(Text(said, style="dim"), id=None, disabled=True)]
        return options

    def on_mount(self) -> None:
        self.query_one(Input if self.type_first and self.rows else OptionList).focus()

    def replace_rows(self, rows: list[Row]) -> None:
        """The rows made again (the same ids in the same order, e.g. with texts read since
        the screen opened): what is typed narrows them again; rows still shown are changed
        in place (the scroll and the highlighted row stay)."""
        self.rows = rows
        if not self.is_attached:  # closed meanwhile
            return
        options = self._options(self.query_one(Input).value)
        shown = self.query_one(OptionList)
        before = [shown.get_option_at_index(i).id for i in range(shown.option_count)]
        if [option.id for option in options] == before:
            for index, option in enumerate(options):
                shown.replace_option_prompt_at_index(index, option.prompt)
            return
        highlighted = shown.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        shown.clear_options()
        shown.add_options(options)
        ids = [option.id for option in options]
        shown.highlighted = ids.index(keep) if keep in ids else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        rows = self.query_one(OptionList)
        rows.clear_options()
        rows.add_options(self._options(event.value))
        rows.highlighted = 0 if rows.option_count else None

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in the field chooses the row highlighted (the first one left after typing),
        as the hint says; with none to choose, it moves to the rows."""
        rows = self.query_one(OptionList)
        index = rows.highlighted
        if index is not None and not rows.get_option_at_index(index).disabled:
            rows.action_select()
            return
        rows.focus()

    def action_focus_rows(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(("select", self.rows[int(event.option.id)].id))

    def action_choose_key(self, key: str) -> bool:
        """The action of ``keys[key]`` on the highlighted row (False: no row to act on)."""
        rows = self.query_one(OptionList)
        index = rows.highlighted
        if index is None or key not in self.keys:
            return False
        option = rows.get_option_at_index(index)
        if option.id is None:
            return False
        self.dismiss((self.keys[key], self.rows[int(option.id)].id))
        return True

    def on_key(self, event) -> None:
        """A key of ``keys`` on the highlighted row; other printable keys narrow the list (j
        and k too: no row moves with them, and a name may begin with them)."""
        rows = self.query_one(OptionList)
        if self.focused is not rows:
            return
        if event.key in self.keys:
            if self.action_choose_key(event.key):
                event.stop()
            return
        if event.is_printable and event.character and self.rows:
            event.stop()
            field = self.query_one(Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
