"""The search bar's placeholder tells how to search; it was drawn in Textual's disabled
colour, 2.5:1 on textual-light and under 3.5:1 on every theme Textual ships."""

from __future__ import annotations

import asyncio

from textual.geometry import Region

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_reading_contrast import THEMES, _ratio, _rgb
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp


def test_the_search_bar_placeholder_reads_on_every_theme(tmp_path):
    dump = write_jsonl(
        tmp_path / "d.jsonl", [{"id": "a", "title": "Harbour news", "text": "The harbour."}]
    )

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            bar = app.search_input
            ratios = {}
            for theme in THEMES:
                app.theme = theme
                await pilot.pause(0.05)
                for strip in bar.render_lines(Region(0, 0, *bar.outer_size)):
                    for segment in strip:
                        if "search:" in segment.text and segment.style is not None:
                            fg, bg = _rgb(segment.style.color), _rgb(segment.style.bgcolor)
                            ratios[theme] = round(_ratio(fg, bg), 2)
            assert set(ratios) == set(THEMES)
            assert min(ratios.values()) >= 4.2, ratios  # (muted text: 4.3 at the least)
            assert sum(r >= 4.5 for r in ratios.values()) >= len(THEMES) - 2, ratios

    asyncio.run(main())
