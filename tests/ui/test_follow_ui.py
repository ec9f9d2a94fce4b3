"""An open app follows what another process commits to its corpus (``tuireader index``, an
outside update): the list, its count and the shown results are brought up to date."""

from __future__ import annotations

import asyncio
import os

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.ui.app import ReaderApp


def _records(ids):
    return [{"id": f"a{i}", "title": f"Harbour report {i}", "text": "Cranes."} for i in ids]


def _outside_sync(dump):
    """What ``tuireader index`` in another process does: its own store and index handles."""
    corpus = Corpus([dump])
    store, engine = corpus.open_store(), corpus.open_engine()
    try:
        sync(corpus, store, engine)
    finally:
        store.close()
        engine.close()


def _rewrite(dump, records):
    write_jsonl(dump, records)
    st = dump.stat()
    os.utime(dump, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_the_list_and_the_results_follow_another_process(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", _records(range(3)))

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: len(app.article_list.ids) == 3 and not app.view.syncing)
            app.run_search_from_palette("cranes")
            await wait_for(
                pilot, lambda: app.view.results is not None and app.view.results.total == 3
            )
            cursor_article = app.article_list.current_id
            _rewrite(dump, _records(range(1, 6)))  # a0 removed, a3..a5 added
            await asyncio.to_thread(_outside_sync, dump)
            await wait_for(
                pilot, lambda: app.view.results.total == 5 and app.view.total == 5, timeout=15
            )
            assert "5 of 5 match" in str(app.query_one("#list").border_title)
            if cursor_article in app.article_list.ids:
                assert app.article_list.current_id == cursor_article
            app.action_clear_search()
            await wait_for(pilot, lambda: app.view.results is None)
            titles = {app.library.store.get(i).title for i in app.article_list.ids}
            assert titles == {f"Harbour report {i}" for i in range(1, 6)}

    asyncio.run(main())


def test_the_cursor_stays_on_its_article_as_batches_arrive(tmp_path):
    """Newer articles committed while the user reads sort above the cursor: the cursor (and
    ``]``) stay with the article being read, not with its row number."""

    def dated(days):
        return [
            {
                "id": f"d{d}",
                "title": f"Day {d} report",
                "text": "Cranes.",
                "date": f"2016-11-{d:02d}",
            }
            for d in days
        ]

    dump = write_jsonl(tmp_path / "d.jsonl", dated([1, 3, 5]))

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: len(app.article_list.ids) == 3 and not app.view.syncing)
            await pilot.press("j")
            reading = app.article_list.current_id
            assert app.library.store.get(reading).title == "Day 3 report"
            _rewrite(dump, dated([1, 2, 3, 4, 5, 6, 7]))
            await asyncio.to_thread(_outside_sync, dump)
            await wait_for(pilot, lambda: len(app.article_list.ids) == 7, timeout=15)
            assert app.article_list.current_id == reading
            await pilot.press("j")
            assert app.library.store.get(app.article_list.current_id).title == "Day 2 report"

    asyncio.run(main())
