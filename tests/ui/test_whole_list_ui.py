""" "The articles in the list" means all of them: "Export results" writes a search's every
match (not only the pages the list has fetched, nor only the rows left after near-duplicates
are folded), and a filtered list's header counts its folded copies as the unfiltered one does.
"""

from __future__ import annotations

import asyncio
import json

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_marks_ui import answer
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.controllers import search as search_controller

STORMS = [
    {"id": f"n{i}", "title": f"Quillon storm report {i}", "text": f"The storm {'grew ' * i}."}
    for i in range(130)
]


def header(app) -> str:
    return app.article_list.full_header


def test_export_results_writes_every_match_not_only_the_pages_fetched(tmp_path, monkeypatch):
    monkeypatch.setattr(search_controller, "SEARCH_LIMIT", 60)  # pages of 60, not 1,000
    dump = write_jsonl(tmp_path / "d.jsonl", STORMS)
    target = tmp_path / "storms.jsonl"

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("storm")
            await wait_for(pilot, lambda: len(app.article_list.ids) == 60)
            app.exports.prompt("results")
            await answer(app, pilot, str(target))
            await wait_for(pilot, lambda: target.exists() and target.stat().st_size > 0)
            await pilot.pause(0.3)

    asyncio.run(main())
    titles = [json.loads(line)["title"] for line in target.read_text().splitlines()]
    assert len(titles) == 130 and len(set(titles)) == 130


def _fed_records():
    from tests.core.investigate.test_near_duplicates import COPY, OTHER, WIRE

    return [
        {"id": "wire", "title": "Fed raises rates", "text": WIRE, "source": "Wire"},
        {"id": "copy", "title": "Borrowers pay more", "text": COPY, "source": "Wire"},
        {"id": "other", "title": "Yellen lifts the rate", "text": OTHER, "source": "Wire"},
        {"id": "storm", "title": "Storm", "text": "A storm closed the road.", "source": "Post"},
    ]


def test_a_filtered_lists_header_counts_its_folded_copies(tmp_path):
    dump = write_jsonl(tmp_path / "fed.jsonl", _fed_records())

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.filters.by_source("Wire")
            await wait_for(pilot, lambda: "1 near-duplicate folded" in header(app))
            assert len(app.article_list.ids) == 2
            assert header(app).startswith("3 of 4 articles · ")
            app.article_list.focus()
            await pilot.press("m")  # a mark toggled: the header is made again
            await pilot.pause(0.2)
            assert header(app).startswith("3 of 4 articles · ")
            assert "1 near-duplicate folded" in header(app)

    asyncio.run(main())


def test_export_results_writes_the_folded_copies_too(tmp_path):
    dump = write_jsonl(tmp_path / "fed.jsonl", _fed_records())
    target = tmp_path / "fed.jsonl.out.jsonl"

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search_from_palette("rate OR rates OR borrowers")
            await wait_for(pilot, lambda: "folded" in header(app))
            assert len(app.article_list.ids) == 2
            app.exports.prompt("results")
            await answer(app, pilot, str(target))
            await wait_for(pilot, lambda: target.exists() and target.stat().st_size > 0)
            await pilot.pause(0.3)

    asyncio.run(main())
    titles = {json.loads(line)["title"] for line in target.read_text().splitlines()}
    assert titles == {"Fed raises rates", "Borrowers pay more", "Yellen lifts the rate"}


def test_mark_all_read_marks_every_match_not_only_the_pages_fetched(tmp_path, monkeypatch):
    monkeypatch.setattr(search_controller, "SEARCH_LIMIT", 60)
    dump = write_jsonl(tmp_path / "d.jsonl", STORMS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("storm")
            await wait_for(pilot, lambda: len(app.article_list.ids) == 60)
            app.marks.mark_all_read()
            await wait_for(pilot, lambda: len(app.marks.read_ids) == 130)
            app.run_search("is:unread")
            results = lambda: app.view.results  # noqa: E731
            await wait_for(pilot, lambda: results() is not None and results().query == "is:unread")
            assert app.view.results.total == 0

    asyncio.run(main())
