"""Pane sizes and arrangement: read from the config, stepped by keys, kept as user state.

Pure data, so the config can validate it and the state can store it without the UI.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

ARRANGEMENTS = ("side-by-side", "stacked")
PERCENT_RANGE = (10, 90)
MIN_COLUMNS = 24  # the list pane's narrowest readable width (and its CSS min-width)
MIN_ROWS = 4  # a border and two rows
STEP_PERCENT = 5
STEP_CELLS = 4
PANEL_WIDTH = 34  # the names panel's width when there is room
MIN_PANEL_WIDTH = 16
MIN_READING_WIDTH = 60  # the reading pane keeps this many columns beside the names panel


@dataclass(frozen=True, slots=True)
class Extent:
    """A pane size: a percentage of the space for the panes, or a number of cells."""

    value: int
    percent: bool

    def __str__(self) -> str:
        """The form the config and the state use, and Textual's CSS accepts: "42%", "60"."""
        return f"{self.value}%" if self.percent else str(self.value)

    def cells(self, available: int, minimum: int) -> int:
        """The size in cells out of ``available``, as the CSS gives it (at least ``minimum``,
        at most 90 percent)."""
        size = available * self.value // 100 if self.percent else self.value
        return max(minimum, min(size, available * PERCENT_RANGE[1] // 100))

    def stepped(self, direction: int, minimum: int, available: int) -> Extent:
        """One key press wider (1) or narrower (-1), kept within the limits: 10 to 90 percent,
        or ``minimum`` cells to 90 percent of the ``available`` cells."""
        if self.percent:
            low, high = PERCENT_RANGE
            value = self.value + direction * STEP_PERCENT
        else:
            low, high = minimum, max(minimum, available * PERCENT_RANGE[1] // 100)
            value = min(self.value, high) + direction * STEP_CELLS
        return replace(self, value=max(low, min(high, value)))


def parse_extent(value: object, minimum: int, unit: str) -> Extent:
    """``"42%"`` or a whole number of cells (``60`` or ``"60"``); ValueError says why not."""
    hint = f'a percentage such as "40%" or a number of {unit} such as 60'
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"must be {hint}, not {value!r}")
    text = str(value).strip()
    percent = text.endswith("%")
    number = text[:-1].strip() if percent else text
    if not number.isascii() or not number.isdigit():
        raise ValueError(f"must be {hint}, not {value!r}")
    extent = Extent(int(number), percent)
    low, high = PERCENT_RANGE
    if percent and not low <= extent.value <= high:
        raise ValueError(f"must be between {low}% and {high}%, not {value!r}")
    if not percent and extent.value < minimum:
        raise ValueError(f"must be at least {minimum} {unit}, not {value!r}")
    return extent


@dataclass(frozen=True, slots=True)
class Layout:
    """The reader's pane layout: list size (width side by side, height stacked), arrangement,
    and focus mode (the list hidden)."""

    list_width: str = "42%"
    list_height: str = "40%"
    arrangement: str = "side-by-side"
    focus: bool = False

    @property
    def stacked(self) -> bool:
        return self.arrangement == "stacked"

    def to_json(self, config_key: str) -> str:
        """The layout as saved, with the config values it was saved under (``config_key``): a
        changed config wins over a saved layout, as with the theme."""
        return json.dumps({**asdict(self), "config": config_key})

    @classmethod
    def from_json(cls, text: str | None, config_key: str) -> Layout | None:
        """A saved layout, if it was saved under the same config values and is valid."""
        try:
            data = json.loads(text or "")
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("config") != config_key:
            return None
        try:
            layout = cls(
                list_width=str(parse_extent(data["list_width"], MIN_COLUMNS, "columns")),
                list_height=str(parse_extent(data["list_height"], MIN_ROWS, "rows")),
                arrangement=data["arrangement"],
                focus=data["focus"],
            )
        except (KeyError, ValueError):
            return None
        if layout.arrangement not in ARRANGEMENTS or not isinstance(layout.focus, bool):
            return None
        return layout


def side_panel(total: int, list_cells: int) -> tuple[bool, int]:
    """Where the names panel goes in ``total`` columns beside a list ``list_cells`` wide (0: no
    list beside the reading pane): whether the list stays, and the panel's width.

    The reading pane keeps MIN_READING_WIDTH columns: when the list, the panel and that do not
    fit side by side, the panel takes the list's place, and narrows if even that is too wide.
    """
    if list_cells and total - list_cells - PANEL_WIDTH >= MIN_READING_WIDTH:
        return True, PANEL_WIDTH
    width = max(MIN_PANEL_WIDTH, min(PANEL_WIDTH, total - MIN_READING_WIDTH))
    return not list_cells, width
