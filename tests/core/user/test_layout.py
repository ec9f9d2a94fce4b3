"""Pane sizes: parsing, stepping within limits, and the saved layout."""

from __future__ import annotations

import pytest

from tuireader.core.user.layout import Extent, Layout, parse_extent


def test_parse_and_print():
    assert parse_extent("42%", 24, "columns") == Extent(42, True)
    assert str(parse_extent(60, 24, "columns")) == "60"
    assert str(parse_extent("60", 24, "columns")) == "60"
    for bad in ("0%", "95%", 3, "x", "4.5%", True, None, "٤٥"):
        with pytest.raises(ValueError):
            parse_extent(bad, 24, "columns")


def test_steps_stay_within_the_limits():
    assert Extent(42, True).stepped(1, 24, 120) == Extent(47, True)
    assert Extent(88, True).stepped(1, 24, 120) == Extent(90, True)
    assert Extent(12, True).stepped(-1, 24, 120) == Extent(10, True)
    assert Extent(60, False).stepped(-1, 24, 120) == Extent(56, False)
    assert Extent(26, False).stepped(-1, 24, 120) == Extent(24, False)
    # 90% of the space at most: 108 of 120 columns; a config value past it comes back in
    assert Extent(106, False).stepped(1, 24, 120) == Extent(108, False)
    assert Extent(300, False).stepped(-1, 24, 120) == Extent(104, False)


def test_saved_layout_is_used_only_under_the_same_config():
    layout = Layout(list_width="30%", list_height="12", arrangement="stacked", focus=True)
    saved = layout.to_json("42%|40%|side-by-side")
    assert Layout.from_json(saved, "42%|40%|side-by-side") == layout
    assert Layout.from_json(saved, "50%|40%|side-by-side") is None  # the config changed
    assert Layout.from_json(None, "x") is None
    assert Layout.from_json("{not json", "x") is None
    damaged = saved.replace('"stacked"', '"diagonal"')
    assert Layout.from_json(damaged, "42%|40%|side-by-side") is None


def test_the_names_panel_takes_the_lists_place_when_the_reading_pane_would_be_narrow():
    from tuireader.core.user.layout import side_panel

    assert side_panel(200, 84) == (True, 34)  # list 84 + panel 34 leaves 82 to read
    assert side_panel(150, 63) == (False, 34)  # 53 left beside both: the list makes way
    assert side_panel(100, 42) == (False, 34)  # 66 to read
    assert side_panel(80, 33) == (False, 20)  # the panel narrows: 60 to read
    assert side_panel(60, 25) == (False, 16)  # the narrowest panel, however tight
    assert side_panel(100, 0) == (True, 34)  # no list beside (stacked, focus mode)


def test_extent_in_cells_as_the_css_gives_it():
    assert Extent(42, True).cells(100, 24) == 42
    assert Extent(10, True).cells(100, 24) == 24  # the list's min-width
    assert Extent(60, False).cells(50, 24) == 45  # 90% at most
