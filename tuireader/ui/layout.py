"""The reader's pane layout from the keyboard: list size, focus mode, side by side or stacked.

A mixin of ReaderApp, like marks.py. The layout starts from the config's [layout]; what the keys
change is saved in the user data and used on the next start, until the config's [layout]
values change (as with the theme). The reading width, date format and [colours] are applied
here too, being the other look-and-feel settings.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches

from tuireader.core.user.layout import MIN_COLUMNS, MIN_ROWS, Layout, parse_extent, side_panel
from tuireader.ui.colours import colours_css

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp

LAYOUT_BINDINGS = [
    Binding(
        "greater_than_sign",
        "resize_list(1)",
        "Widen the list (taller when stacked)",
        key_display=">",
        show=False,
        id="app.widen_list",
    ),
    Binding(
        "less_than_sign",
        "resize_list(-1)",
        "Narrow the list (shorter when stacked)",
        key_display="<",
        show=False,
        id="app.narrow_list",
    ),
    Binding(
        "z",
        "toggle_focus_mode",
        "Focus mode: hide / show the list",
        show=False,
        id="app.focus_mode",
    ),
    Binding("v", "toggle_arrangement", "Side by side / stacked", show=False, id="app.arrangement"),
]
LAYOUT_IDS = {binding.id for binding in LAYOUT_BINDINGS}
LAYOUT_SETTING = "layout"  # the user-data setting holding the saved layout (JSON)
DEFAULT_PANE_DATE = "%a %d %b %Y %H:%M"  # the reading pane's date without [reading] date_format


class LayoutMixin:
    """Pane layout, reading width, date format and colours for ReaderApp."""

    def _init_layout(self: ReaderApp) -> None:
        """Colours become app CSS, read with the stylesheet at start (called from __init__,
        after the config is read)."""
        css, unknown = colours_css(self.config.colours)
        for key in unknown:
            self.config_problems.append(
                f"{self.config.where('colours', key)}: key colours.{key}: unknown colour "
                f'{self.config.colours[key]!r} (a name such as "teal" or hex "#d33682"); '
                "the theme's colour is used"
            )
        if css:
            self.CSS = css
        config = self.config
        self._layout_config = f"{config.list_width}|{config.list_height}|{config.arrangement}"
        configured = Layout(config.list_width, config.list_height, config.arrangement)
        saved = None
        if self.userdata is not None:
            try:
                saved = Layout.from_json(self.userdata.setting(LAYOUT_SETTING), self._layout_config)
            except Exception:  # an unreadable setting: the config's layout
                saved = None
        self.pane_layout = saved or configured

    def _mount_layout(self: ReaderApp) -> None:
        """Apply the layout and the reading settings (called from on_mount)."""
        self.reader.set_max_text_width(self.config.reading_width)
        self.article_list.set_date_format(self.config.date_format)
        self._apply_layout()
        if self.pane_layout.focus:
            self.call_after_refresh(self.reader.focus)

    def pane_date(self: ReaderApp, date) -> str:
        """An article's date as the reading pane shows it."""
        return date.strftime(self.config.date_format or DEFAULT_PANE_DATE)

    def focus_list(self: ReaderApp) -> None:
        """Focus the list, or the reading pane while the list is hidden (focus mode). A names
        panel in the list's place (a narrow terminal) closes: the list shows the results."""
        if self._panel_open() and not self.article_list.display and not self.pane_layout.focus:
            self.show_panel(False)
        (self.reader if self.pane_layout.focus else self.article_list).focus()

    def show_panel(self: ReaderApp, visible: bool) -> None:
        """Open (and focus) or close the names panel, making room for it (see _apply_layout)."""
        panel = self.query_one("#panel")
        panel.set_class(visible, "visible")
        self._apply_layout()
        if visible:
            panel.focus()
        elif self.focused is panel:
            self.reader.focus()

    def _panel_open(self: ReaderApp) -> bool:
        return self.query_one("#panel").has_class("visible")

    def on_resize(self: ReaderApp, event: events.Resize) -> None:
        # not composed yet, or a dialog on top (NoMatches): done when next needed
        with suppress(NoMatches):
            self._apply_layout(event.size.width)  # the panel's room depends on the width

    # -- actions -----------------------------------------------------------------------------

    def action_resize_list(self: ReaderApp, direction: int) -> None:
        """Widen (1) or narrow (-1) the list; taller or shorter when stacked."""
        layout = self.pane_layout
        if layout.focus:
            layout = replace(layout, focus=False)  # resizing a hidden list shows it first
        panes = self.query_one("#panes").size
        if layout.stacked:
            size = parse_extent(layout.list_height, MIN_ROWS, "rows")
            size = size.stepped(direction, MIN_ROWS, panes.height)
            layout = replace(layout, list_height=str(size))
        else:
            size = parse_extent(layout.list_width, MIN_COLUMNS, "columns")
            size = size.stepped(direction, MIN_COLUMNS, panes.width)
            layout = replace(layout, list_width=str(size))
        self._set_layout(layout)

    def action_toggle_focus_mode(self: ReaderApp) -> None:
        self._set_layout(replace(self.pane_layout, focus=not self.pane_layout.focus))

    def action_toggle_arrangement(self: ReaderApp) -> None:
        arrangement = "side-by-side" if self.pane_layout.stacked else "stacked"
        self._set_layout(replace(self.pane_layout, arrangement=arrangement))
        self.notify(f"Layout: {arrangement}", timeout=2)

    # -- applying and saving -----------------------------------------------------------------

    def _set_layout(self: ReaderApp, layout: Layout) -> None:
        self.pane_layout = layout
        self._apply_layout()
        if self.userdata is None:
            return
        try:
            self.userdata.set_setting(LAYOUT_SETTING, layout.to_json(self._layout_config))
        except Exception as exc:  # the layout still changes; it is just not remembered
            self.show_message(f"Cannot save the layout: {exc}", error=True)

    def _apply_layout(self: ReaderApp, width: int | None = None) -> None:
        """Show the layout in ``width`` columns (None: the present width)."""
        layout = self.pane_layout
        lst = self.article_list
        self.query_one("#panes").set_class(layout.stacked, "stacked")
        if layout.stacked:
            lst.styles.width = None
            lst.styles.height = layout.list_height
        else:
            lst.styles.width = layout.list_width
            lst.styles.height = None
        panes = width or self.query_one("#panes").size.width or self.size.width
        beside = 0 if layout.stacked or layout.focus else self._list_cells(panes)
        keep_list, panel_width = side_panel(panes, beside)
        self.query_one("#panel").styles.width = panel_width
        hidden = layout.focus or (self._panel_open() and not keep_list)
        lst.display = not hidden
        lst.can_focus = not hidden
        if hidden and self.focused is lst:
            self.reader.focus()

    def _list_cells(self: ReaderApp, available: int) -> int:
        try:
            extent = parse_extent(self.pane_layout.list_width, MIN_COLUMNS, "columns")
        except ValueError:
            return MIN_COLUMNS
        return extent.cells(available, MIN_COLUMNS)
