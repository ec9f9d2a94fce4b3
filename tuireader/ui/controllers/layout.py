"""The pane layout from the keyboard: list size, focus mode, side by side or stacked.

The layout starts from the config's [layout]; what the keys change is saved in the user data
and used on the next start, until the config's [layout] values change (as with the theme).
The reading width and the date format are applied here too.
"""

from __future__ import annotations

from dataclasses import replace

from tuireader.core.base.localtime import zone_of
from tuireader.core.user.layout import (
    MIN_COLUMNS,
    MIN_ROWS,
    PANEL_WIDTH,
    Layout,
    parse_extent,
    side_panel,
)
from tuireader.ui.controllers.settings import Settings
from tuireader.ui.host import Host

LAYOUT_SETTING = "layout"  # the user-data setting holding the saved layout (JSON)


class Panes:
    def __init__(self, host: Host, settings: Settings) -> None:
        self.host = host
        self.settings = settings
        config = settings.config
        self._config = f"{config.list_width}|{config.list_height}|{config.arrangement}"
        configured = Layout(config.list_width, config.list_height, config.arrangement)
        saved = None
        if settings.userdata is not None:
            try:
                saved = Layout.from_json(settings.userdata.setting(LAYOUT_SETTING), self._config)
            except Exception:  # an unreadable setting: the config's layout
                saved = None
        self.layout = saved or configured

    def mount(self) -> None:
        """Apply the layout and the reading settings."""
        host = self.host
        host.reader.set_max_text_width(self.settings.config.reading_width)
        host.article_list.zone = zone_of(self.settings.config.timezone)
        host.article_list.set_date_format(self.settings.config.date_format)
        self.apply()
        if self.layout.focus:
            host.call_after_refresh(host.reader.focus)

    def focus_list(self) -> None:
        """Focus the list, or the reading pane while the list is hidden (focus mode). A names
        panel in the list's place (a narrow terminal) closes: the list shows the results."""
        host = self.host
        if self.panel_open() and not host.article_list.display and not self.layout.focus:
            self.show_panel(False)
        (host.reader if self.layout.focus else host.article_list).focus()

    def show_panel(self, visible: bool) -> None:
        """Open (and focus) or close the names panel, making room for it (see apply)."""
        panel = self.host.panel
        panel.set_class(visible, "visible")
        self.apply()
        if visible:
            panel.focus()
        elif self.host.focused is panel:
            self.host.reader.focus()

    def panel_open(self) -> bool:
        return self.host.panel.has_class("visible")

    # -- actions ---------------------------------------------------------------------------------

    def resize_list(self, direction: int) -> None:
        """Widen (1) or narrow (-1) the list; taller or shorter when stacked."""
        layout = self.layout
        if layout.focus:
            layout = replace(layout, focus=False)  # resizing a hidden list shows it first
        panes = self.host.pane_area.size
        if layout.stacked:
            size = parse_extent(layout.list_height, MIN_ROWS, "rows")
            size = size.stepped(direction, MIN_ROWS, panes.height)
            layout = replace(layout, list_height=str(size))
        else:
            size = parse_extent(layout.list_width, MIN_COLUMNS, "columns")
            size = size.stepped(direction, MIN_COLUMNS, panes.width)
            layout = replace(layout, list_width=str(size))
        self._set(layout)

    def toggle_focus_mode(self) -> None:
        self._set(replace(self.layout, focus=not self.layout.focus))

    def toggle_arrangement(self) -> None:
        arrangement = "side-by-side" if self.layout.stacked else "stacked"
        self._set(replace(self.layout, arrangement=arrangement))
        self.host.notify(f"Layout: {arrangement}", timeout=2)

    # -- applying and saving ---------------------------------------------------------------------

    def _set(self, layout: Layout) -> None:
        self.layout = layout
        self.apply()
        error = self.settings.save(LAYOUT_SETTING, layout.to_json(self._config))
        if error:  # the layout still changes; it is just not remembered
            self.host.show_message(f"Cannot save the layout: {error}", error=True)

    def apply(self, width: int | None = None) -> None:
        """Show the layout in ``width`` columns (None: the present width)."""
        layout = self.layout
        host = self.host
        lst = host.article_list
        panes_widget = self.host.pane_area
        panes_widget.set_class(layout.stacked, "stacked")
        if layout.stacked:
            lst.styles.width = None
            lst.styles.height = layout.list_height
        else:
            lst.styles.width = layout.list_width
            lst.styles.height = None
        panes = width or panes_widget.size.width or host.size.width
        beside = 0 if layout.stacked or layout.focus else self._list_cells(panes)
        keep_list, panel_width = side_panel(panes, beside)
        host.panel.styles.width = panel_width
        host.panel.set_class(panel_width < PANEL_WIDTH, "narrow")
        hidden = layout.focus or (self.panel_open() and not keep_list)
        lst.display = not hidden
        lst.can_focus = not hidden
        if hidden and host.focused is lst:
            host.reader.focus()

    def _list_cells(self, available: int) -> int:
        try:
            extent = parse_extent(self.layout.list_width, MIN_COLUMNS, "columns")
        except ValueError:
            return MIN_COLUMNS
        return extent.cells(available, MIN_COLUMNS)
