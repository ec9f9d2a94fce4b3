"""Keys that did nothing say why: Ctrl+Y with no spelling offered was silent."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import notices, record_notices, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {"id": "a", "title": "Harbour levy passes", "text": "The harbour levy passed.", "date": "2016"},
    {"id": "b", "title": "Ferry strike ends", "text": "The ferry strike ended.", "date": "2016"},
]


def test_ctrl_y_without_a_suggestion_says_there_is_none(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            record_notices(app)
            app.article_list.focus()
            await pilot.press("ctrl+y")
            await pilot.pause(0.1)
            assert any("No spelling to accept" in said for said in notices(app))
            assert app.view.results is None  # and nothing searched

    asyncio.run(main())
