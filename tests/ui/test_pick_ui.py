"""The investigating views' chooser at 80 columns: typing narrows, Enter chooses the row
highlighted (as its hint says), and a long title wraps rather than being cut off."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App

from tests.ui.pilot_helpers import type_text, wait_for
from tuireader.ui.screens.pick import PickScreen, Row

NAMES = ["Quillon Harbor Trust", "Jonsby Quillon", "Mara Jonsby", "Harbor Trust"]
LONG_TITLE = (
    "Who said what in all articles · with Jonsby Quillon (191 speakers) — quotations, "
    "speaker: the end of this title"
)


class PickApp(App):
    def __init__(self, title: str = "Names") -> None:
        super().__init__()
        self.title_text = title
        self.chosen: list[tuple[str, str] | None] = []

    def on_mount(self) -> None:
        rows = [Row(Text(name), name, name) for name in NAMES]
        self.push_screen(PickScreen(self.title_text, rows), self.chosen.append)


def run(scenario, title: str = "Names") -> None:
    async def main():
        app = PickApp(title)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, PickScreen))
            await scenario(app, pilot)

    asyncio.run(main())


def test_enter_after_typing_chooses_the_first_row_left():
    async def scenario(app, pilot):
        await type_text(pilot, "jonsby")  # the first key moves to the field, the rest narrow
        await pilot.pause(0.1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.chosen))
        assert app.chosen == [("select", "Jonsby Quillon")]

    run(scenario)


def test_enter_when_nothing_matches_chooses_nothing():
    async def scenario(app, pilot):
        await type_text(pilot, "zzz")
        await pilot.pause(0.1)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.chosen == [] and isinstance(app.screen, PickScreen)

    run(scenario)


def test_a_long_title_wraps_at_80_columns():
    async def scenario(app, pilot):
        title = app.screen.query_one("#pick-title")
        box = title.parent.content_region
        assert title.region.x >= box.x and title.region.right <= box.right  # not cut off
        lines = [
            "".join(seg.text for seg in title.render_line(y)).strip()
            for y in range(title.size.height)
        ]
        assert " ".join(lines).split() == LONG_TITLE.split()  # every word shown

    run(scenario, LONG_TITLE)
