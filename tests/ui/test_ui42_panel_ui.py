"""The names panel at narrow widths: every name whole (wrapped, never cut to its first line),
and as much of the panel's width as possible for the names."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.annotate.spans import Entity
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.entity_panel import EntityPanel

NAMES = ["Quillon", "Marta Jonsby", "Harbor Trust", "Edvin Quarrow", "Lisbet Anner"]


def entities(names: list[str]) -> Annotations:
    found = [Entity(i, i + 1, "PERSON", name) for i, name in enumerate(names)]
    return Annotations(entities=found)


class PanelApp(App):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def compose(self) -> ComposeResult:
        panel = EntityPanel(id="panel")
        panel.add_class("visible")
        panel.styles.width = self.width
        yield panel


def panel_rows(panel: EntityPanel) -> list[str]:
    return [panel.render_line(y).text.rstrip() for y in range(len(panel._lines))]


def test_a_name_that_fits_only_without_the_scrollbar_is_wrapped_not_cut():
    """Rows measured before the scrollbar appeared kept their height once it took its
    columns: "Marta Jonsby" showed as "Marta" (the screen was 80 columns, the panel 20)."""

    async def main():
        app = PanelApp(20)
        async with app.run_test(size=(40, 8)) as pilot:
            panel = app.query_one(EntityPanel)
            await pilot.pause()
            # the longest name exactly fills the panel's rows while no scrollbar shows
            room = panel.scrollable_content_region.width - 2
            long_name = ("Quillon Harbor Trust Jonsby")[:room].rstrip()
            panel.show_annotations(entities([long_name] + NAMES * 2))
            await pilot.pause()
            await pilot.pause()
            assert panel.virtual_size.height > panel.size.height  # a scrollbar shows
            text = " ".join(panel_rows(panel))
            assert " ".join(long_name.split()) in " ".join(text.split()), panel_rows(panel)

    asyncio.run(main())


BODY = (
    "Edvin Quarrowby met Marta Jonsby of the Harbor Trust in Quillon on Monday. "
    '"We will sign," said Edvin Quarrowby.\n\n' + "The talks went on in Quillon. " * 5
)


def test_a_narrow_panel_gives_its_width_to_the_names(tmp_path):
    """At 80 columns the panel is 20 wide (and here shorter than its rows): its left padding
    and a two-column scrollbar left a 15-letter name 13 columns, wrapping it; the count
    stays in front of it."""
    dump = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "title": "Talks", "text": BODY}])

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(80, 14)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.shown.annotations.entities)
            await pilot.press("p")
            await pilot.pause()
            panel = app.query_one("#panel", EntityPanel)
            assert panel.size.width <= 22
            await wait_for(pilot, lambda: panel.virtual_size.height > panel.size.height)
            await wait_for(pilot, lambda: "2 Edvin Quarrowby" in panel_rows(panel))
            assert all(len(row) <= panel.size.width for row in panel_rows(panel))

    asyncio.run(main())
