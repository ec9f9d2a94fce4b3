"""No cap on the result list: near its end, the next page of matches is added (both engines)."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.search import engine_available
from tuireader.ui.app import ReaderApp
from tuireader.ui.controllers import search as search_controller

RECORDS = [
    {"id": f"n{i}", "title": f"Storm report {i}", "text": f"The storm {'grew ' * (i % 7)}again."}
    for i in range(130)
]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_scrolling_to_the_end_of_the_results_adds_the_next_page(tmp_path, monkeypatch, engine):
    if not engine_available(engine):
        pytest.skip(f"{engine} is not installed")
    monkeypatch.setattr(search_controller, "SEARCH_LIMIT", 60)  # pages of 60, not 1,000
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    corpus = Corpus([dump])
    corpus.choose_engine(engine)

    async def main():
        app = ReaderApp(corpus)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("storm")
            await wait_for(pilot, lambda: len(app.article_list.ids) == 60)
            assert app.view.results.total == 130
            first = list(app.article_list.ids)
            app.article_list.focus()
            await pilot.press("end")  # to the last row: the next pages come, the cursor follows
            await wait_for(pilot, lambda: len(app.article_list.ids) == 130)
            ids = app.article_list.ids
            assert ids[:60] == first and len(set(ids)) == 130  # in order, each once
            assert app.view.results.ids == ids

    asyncio.run(main())
