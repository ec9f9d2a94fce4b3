"""The indexing bar's label fits beside its bar at 80 columns (the time left was cut off)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from textual.app import App
from textual.widgets import Label, ProgressBar

from tuireader.ui.widgets.indexing_bar import IndexingBar

PROGRESS = SimpleNamespace(
    phase="2/2 entities and quotations",
    articles=1250,
    articles_total=2225,
    known_total=2225,
    bytes_done=0,
    bytes_total=0,
    eta=22.0,
)


class Bar(App[None]):
    def compose(self):
        yield IndexingBar(id="indexing")


def shown_label(width: int, resized_to: int | None = None) -> tuple[str, int]:
    """The label drawn at ``width`` columns (then at ``resized_to``), and the bar's width."""
    seen: list[tuple[str, int]] = []

    async def main():
        app = Bar()
        async with app.run_test(size=(width, 5)) as pilot:
            await pilot.pause()
            app.query_one(IndexingBar).show_progress(PROGRESS)
            await pilot.pause()
            if resized_to is not None:
                await pilot.resize_terminal(resized_to, 5)
                await pilot.pause(0.2)
            label = app.query_one(Label)
            drawn = "".join(seg.text for seg in label.render_line(0)).rstrip()
            seen.append((drawn, app.query_one(ProgressBar).size.width))

    asyncio.run(main())
    return seen[0]


def test_at_80_columns_the_label_is_shortened_not_cut_off():
    drawn, bar = shown_label(80)
    assert drawn == "Indexing 2/2 entities and quotations: 1,250 of 2,225 · 0:22 left"
    assert bar >= 12


def test_a_wide_terminal_shows_the_whole_label():
    drawn, _bar = shown_label(200)
    assert drawn == (
        "Indexing 2/2 entities and quotations: 1,250 of 2,225 articles · about 0:22 left"
    )


def test_a_resize_picks_the_label_again():
    drawn, bar = shown_label(200, resized_to=60)
    assert drawn == "Indexing 2/2: 1,250 of 2,225 · 0:22 left" and bar >= 12
