"""The footer of a dialog (the help, the investigating views) shows the dialog's keys, not
the main screen's, which do not work while it is open."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.ui.test_investigate_ui import pick_screen, run
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.pick import PickScreen


def footer_shown(app) -> list[str]:
    """The keys' labels of the footer drawn on the bottom row (the top screen's)."""
    screen = app.screen
    widget, _region = screen.get_widget_at(1, screen.size.height - 1)
    footers = [widget, *widget.ancestors_with_self]
    footer = next((node for node in footers if isinstance(node, Footer)), None)
    assert footer is not None, f"no footer on the bottom row, but {widget!r}"
    return [key.description for key in footer.query(FooterKey)]


def test_the_help_and_a_view_show_their_own_keys_in_the_footer(tmp_path):
    async def scenario(app, pilot):
        main = footer_shown(app)
        assert "Quit" in main and "Search" in main
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        shown = footer_shown(app)
        assert "Close help" in shown
        assert not {"Quit", "Search", "Names"} & set(shown)
        await pilot.press("escape")
        await pilot.press("E")
        await pick_screen(pilot, app, "Names")
        # typing narrows the names first: the keys of the rows are shown once on the rows
        assert footer_shown(app) == ["Close"]
        await pilot.press("down")
        await pilot.pause(0.2)
        shown = footer_shown(app)
        assert "Close" in shown and "Who appears with it" in shown and "Its timeline" in shown
        assert not {"Quit", "Search", "Names", "Help"} & set(shown)
        await pilot.press("a", "c", "t")  # typed into the field: they narrow, not act
        await pilot.pause(0.2)
        assert isinstance(app.screen, PickScreen)
        assert app.screen.query_one("#pick-filter").value == "act"
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert "Quit" in footer_shown(app)

    run(tmp_path, scenario, "modal_footer")


def test_a_views_key_in_its_footer_acts_on_the_row_highlighted(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("E")
        await pick_screen(pilot, app, "Names")
        await pilot.press("down")  # on the rows (what is typed first narrows them)
        await pilot.pause(0.2)
        screen = app.screen
        footer = screen.query_one(Footer)
        key = next(k for k in footer.query(FooterKey) if k.description == "Its timeline")
        await pilot.click(key)
        await pick_screen(pilot, app, "Timeline of")

    run(tmp_path, scenario, "modal_footer_click")
