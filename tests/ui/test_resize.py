"""Tiny and huge terminals, resized continuously while reading and searching."""

from __future__ import annotations

import asyncio

from tests.ui.pilot_helpers import type_text, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

SIZES = [(20, 6), (400, 120), (33, 9), (80, 24), (21, 7), (250, 60), (20, 6), (120, 40)]


def test_resizing_while_reading_and_searching_keeps_the_position(sample_corpus):
    async def main():
        app = ReaderApp(Corpus([sample_corpus]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await pilot.press("j", "enter")
            await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("The United"))
            app.reader.focus()
            await pilot.press("pagedown", "pagedown")
            await pilot.pause(0.1)
            top = app.reader._offset_at_top()
            assert top and top > 0
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.pause(0.05)
            await pilot.resize_terminal(100, 30)
            await pilot.pause(0.2)
            # the same text is at the top of the reading pane as before all the resizing
            assert abs(app.reader._offset_at_top() - top) < 120
            assert app.article_list.cursor == 1
            await pilot.press("slash")
            await type_text(pilot, "sasse")
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.pause(0.05)
            await pilot.press("enter")
            await wait_for(
                pilot, lambda: app.view.results is not None and app.view.results.total == 1
            )
            await pilot.resize_terminal(20, 6)
            await pilot.pause(0.1)
            assert app.is_running

    asyncio.run(main())
