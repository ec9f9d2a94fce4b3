"""Keys that did nothing, or seemed to, say why: Ctrl+Y with no spelling offered was silent;
O by date on a corpus without dates changed nothing and said "Sorted by oldest"."""

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


def test_sorting_by_date_a_corpus_without_dates_says_the_order_stays(tmp_path):
    undated = [{k: v for k, v in r.items() if k != "date"} for r in RECORDS]
    dump = write_jsonl(tmp_path / "d.jsonl", undated)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            said: list[str] = []
            replacing = app.notify_replacing
            app.notify_replacing = lambda kind, message, **kw: (
                said.append(message),
                replacing(kind, message, **kw),
            )
            app.article_list.focus()
            await pilot.press("O")  # oldest
            await wait_for(pilot, lambda: bool(said))
            assert "no article has a date, so the list keeps the files' order" in said[-1]
            await pilot.press("O")  # title: nothing to say
            await wait_for(pilot, lambda: len(said) == 2)
            assert said[-1] == "Sorted by title"
            app.run_search("harbour OR ferry")
            await wait_for(pilot, lambda: app.view.results is not None)
            app.article_list.focus()
            await pilot.press("O")  # newest
            await wait_for(pilot, lambda: len(said) == 3)
            assert "keeps the order by relevance" in said[-1]

    asyncio.run(main())
