"""G / End on a result list with more pages: the cursor goes to the last match, not to the
last row fetched so far (the next page came and the cursor stayed in the middle)."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_result_pages import RECORDS
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.controllers import search as search_controller


def test_end_follows_the_pages_to_the_last_match(tmp_path, monkeypatch):
    monkeypatch.setattr(search_controller, "SEARCH_LIMIT", 60)  # pages of 60, not 1,000
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("storm")
            lst = app.article_list
            await wait_for(pilot, lambda: len(lst.ids) == 60)
            lst.focus()
            await pilot.press("end")  # once
            await wait_for(pilot, lambda: len(lst.ids) == 130)
            await wait_for(pilot, lambda: lst.current_id == lst.ids[-1])
            top = int(lst.scroll_y)
            assert top <= lst.cursor * lst.row_height < top + lst.scrollable_content_region.height

            await pilot.press("home", "end", "up")  # moved off the end: it stays there
            assert lst.current_id == lst.ids[-2]

    asyncio.run(main())
