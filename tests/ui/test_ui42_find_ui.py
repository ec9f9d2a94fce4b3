"""Counts in messages in good English: one match, one item (not "1 matches", "1 items")."""

from __future__ import annotations

import asyncio

from tests.ui.pilot_helpers import record_notices, type_text, wait_for
from tests.ui.test_search_ui import run
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp


def test_one_match_is_one_match_not_one_matches(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("slash")
        await type_text(pilot, "storm")  # "Storm hits coast": "passed" once, at its end
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                app.reader.shown is not None
                and app.reader.shown.article.title == "Storm hits coast"
            ),
        )
        await pilot.press("f")
        await type_text(pilot, "passed")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.border_subtitle.startswith("match 1/1"))
        message = str(app.query_one("#message").render())
        assert "1 match of 'passed'" in message, message

    run(tmp_path, scenario)


def test_one_hit_of_a_search_is_one_match_in_the_text(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("slash")
        # "coast" in the title (the pane opens at the top), "passed" once in the text
        await type_text(pilot, "coast passed")
        await pilot.press("enter")
        reader = app.reader
        await wait_for(pilot, lambda: reader.shown is not None and reader.shown.hits)
        assert reader.border_subtitle == "1 match in the text (n/N)"

    run(tmp_path, scenario)


def test_one_unreadable_item_is_one_item(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # one item, unreadable
    (folder / "story.txt").write_text("Quillon harbour\n\nThe Harbor Trust met in Quillon.\n")

    async def main():
        app = ReaderApp(Corpus([folder]))
        seen = record_notices(app)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: not app.view.syncing and app.indexing.skipped)
            await wait_for(pilot, lambda: any("could not be read" in n for n in seen))
            told = next(n for n in seen if "could not be read" in n)
            assert told.startswith("1 item could not be read"), told

    asyncio.run(main())
