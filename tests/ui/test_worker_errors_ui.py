"""A corpus error in a thread worker (the cache busy past SQLite's wait while the indexing
writes) is a toast, not the end of the reader."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import notices, record_notices, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.store import CacheError
from tuireader.ui.app import ReaderApp

RECORDS = [
    {"id": str(i), "title": f"Ferry timetable {i} changes", "text": f"The ferry leaves at {i}."}
    for i in range(1, 5)
]


def test_a_busy_cache_in_a_worker_is_a_toast(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: len(app.article_list.ids) == 4)
            await wait_for(pilot, lambda: not app.view.syncing)
            record_notices(app)

            def busy(_ids):
                raise CacheError("cannot write the article list in /x: database is locked")

            app.library.duplicate_groups = busy
            app.investigating.duplicates.results_shown()  # a list shown: folded in a worker
            await wait_for(pilot, lambda: any("database is locked" in n for n in notices(app)))
            await pilot.pause(0.2)
            assert app.is_running
            await pilot.press("j")  # still answering keys
            assert app.article_list.cursor == 1

    asyncio.run(main())
