"""O sorts the list of every article too (it only said "the full list is newest first",
which an undated corpus's list is not): newest, oldest (undated last), title."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": "b",
        "title": "Jonsby opens the harbour",
        "text": "The harbour opened.",
        "date": "2016-10-02",
    },
    {
        "id": "c",
        "title": "Quillon wins the vote",
        "text": "The vote was won.",
        "date": "2016-10-03",
    },
    {
        "id": "a",
        "title": "Harbor Trust sells land",
        "text": "The land was sold.",
        "date": "2016-10-01",
    },
    {"id": "u", "title": "An undated note", "text": "No date on this one."},
]


def titles(app) -> list[str]:
    return [app.library.get(i).title for i in app.article_list.ids]


def test_o_sorts_the_list_of_every_article(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            assert titles(app)[:3] == [
                "Quillon wins the vote",
                "Jonsby opens the harbour",
                "Harbor Trust sells land",
            ]
            app.article_list.focus()
            await pilot.press("O")
            await wait_for(pilot, lambda: titles(app)[0] == "Harbor Trust sells land")
            assert titles(app) == [
                "Harbor Trust sells land",
                "Jonsby opens the harbour",
                "Quillon wins the vote",
                "An undated note",
            ]
            assert "oldest" in app.article_list.full_header
            await pilot.press("O")
            await wait_for(pilot, lambda: titles(app)[0] == "An undated note")
            assert titles(app) == sorted(titles(app), key=str.casefold)
            assert "title" in app.article_list.full_header
            app.reload_list()  # as a sync's commit does: the order chosen is kept
            await pilot.pause(0.5)
            assert titles(app)[0] == "An undated note"
            await pilot.press("O")
            await wait_for(pilot, lambda: titles(app)[0] == "Quillon wins the vote")
            assert "newest" not in app.article_list.full_header

    asyncio.run(main())


def test_a_date_search_on_an_undated_corpus_says_no_article_has_a_date(tmp_path):
    undated = [r for r in RECORDS if "date" not in r] + [
        {"id": "v", "title": "Another undated note", "text": "Nothing dated here either."}
    ]
    for dump_records, said in ((undated, True), (RECORDS, False)):
        folder = tmp_path / ("undated" if said else "dated")
        folder.mkdir()
        dump = write_jsonl(folder / "d.jsonl", dump_records)

        async def main(dump=dump, said=said):
            app = ReaderApp(Corpus([dump]))
            async with app.run_test(size=(120, 30)) as pilot:
                await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
                app.run_search("date:2005")
                await wait_for(pilot, lambda: app.view.results is not None)
                message = app.article_list.empty_message
                assert message.startswith("No articles match 'date:2005'.")
                assert ("None of the articles has a date." in message) is said

        asyncio.run(main())
